//! The microneedling self-check widget: Yew screens driven by `selfcheck-engine`.
//!
//! - [`content`]: the compiled content pack, clinic settings and texts.
//! - [`state`]: the one reducer the app keeps.
//! - [`browser`]: history, session storage and dates from the browser.
//! - [`app`]: the root component.
//! - `screens/`: one file per screen; `components/`: pieces the screens share.

pub mod app;
pub mod browser;
pub mod components;
pub mod content;
pub mod screens;
pub mod state;

pub use app::App;

/// The id of the element the widget renders into (see `index.html`).
pub const ROOT_ID: &str = "app";

/// Mounts the widget into `#app`, replacing the static loading line.
pub fn start() {
    let Some(root) = gloo::utils::document().get_element_by_id(ROOT_ID) else {
        return;
    };
    root.set_inner_html("");
    yew::Renderer::<App>::with_root(root).render();
}

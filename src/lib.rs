//! The microneedling self-check widget: Yew screens driven by `selfcheck-engine`.
//!
//! - [`content`]: the compiled content pack, clinic settings and texts.
//! - [`state`]: the one reducer the app keeps.
//! - [`browser`]: history, session storage and dates from the browser.
//! - [`boot`]: what the page hands over at start: the clinic's settings, the page address.
//! - [`host`]: the clinic page around an embedded widget: height and events.
//! - [`app`]: the root component.
//! - `screens/`: one file per screen; `components/`: pieces the screens share.

pub mod app;
pub mod boot;
pub mod browser;
pub mod components;
pub mod content;
pub mod host;
pub mod screens;
pub mod state;

pub use app::App;

/// The id of the element the widget renders into (see `index.html`).
pub const ROOT_ID: &str = "app";

/// Mounts the widget into `#app`: decodes the content in small steps, then renders. The
/// static welcome from `index.html` stays on screen until the app's first render replaces it
/// (see [`app::App`]), so no frame is ever blank.
pub fn start() {
    wasm_bindgen_futures::spawn_local(async {
        let data = content::Data::load_in_steps().await.map(std::rc::Rc::new);
        let Some(root) = gloo::utils::document().get_element_by_id(ROOT_ID) else {
            return;
        };
        yew::Renderer::<App>::with_root_and_props(root, app::AppProps { data }).render();
    });
}

/// Removes the static welcome that `index.html` paints before the wasm arrives.
pub fn remove_static_shell() {
    if let Ok(Some(el)) = gloo::utils::document().query_selector("#app [data-static]") {
        el.remove();
    }
}

/// The allocator: Talc instead of the default dlmalloc, for a smaller wasm.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

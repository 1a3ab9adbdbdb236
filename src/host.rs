//! The clinic page around an embedded widget: the widget's height and the documented events go
//! to it with `postMessage`, to its exact origin only (never `*`), and only when the clinic
//! allows that origin (`embed.allowed_origins`). The message shapes, and which carry health
//! details, are decided by the engine (`selfcheck_engine::embed`).

use gloo::events::EventListener;
use selfcheck_engine::embed::{Incoming, Outgoing};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::boot::{to_js, to_value};

/// Where events go: the parent window at one allowed origin.
#[derive(Clone, Debug, PartialEq)]
pub struct Host {
    origin: String,
}

impl Host {
    /// The host page, if the widget is framed by an allowed origin.
    pub fn new(origin: Option<&str>) -> Option<Host> {
        let origin = origin?;
        let w = web_sys::window()?;
        // Framed at all? (A top-level page is its own parent.)
        let parent = w.parent().ok().flatten()?;
        if parent == w {
            return None;
        }
        Some(Host {
            origin: origin.to_string(),
        })
    }

    fn parent() -> Option<web_sys::Window> {
        web_sys::window()?.parent().ok().flatten()
    }

    /// Sends one message to the host page's exact origin.
    pub fn send(&self, message: &Outgoing) {
        if let Some(parent) = Host::parent() {
            let _ = parent.post_message(&to_js(&message.to_value()), &self.origin);
        }
    }

    /// Sends the widget's height whenever it changes (each screen, a section opening, the
    /// window's width). Kept for the page's life.
    pub fn watch_height(&self) {
        let host = self.clone();
        let last = std::cell::Cell::new(0u32);
        let measure = Closure::<dyn FnMut()>::new(move || {
            let h = content_height();
            if h != last.get() {
                last.set(h);
                host.send(&Outgoing::Height(h));
            }
        });
        let f: &js_sys::Function = measure.as_ref().unchecked_ref();
        if let Ok(observer) = web_sys::ResizeObserver::new(f) {
            if let Some(body) = gloo::utils::document().body() {
                observer.observe(&body);
            }
            std::mem::forget(observer);
        }
        let _ = f.call0(&JsValue::NULL);
        measure.forget();
    }

    /// Calls `on` with each message from the host page that comes from its exact origin and
    /// window and has a documented shape; every other message is ignored.
    pub fn listen(&self, on: impl Fn(Incoming) + 'static) -> EventListener {
        let origin = self.origin.clone();
        EventListener::new(&gloo::utils::window(), "message", move |event| {
            let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else {
                return;
            };
            let from_parent = match (event.source(), Host::parent()) {
                (Some(source), Some(parent)) => {
                    let parent: &JsValue = parent.as_ref();
                    let source: &JsValue = source.as_ref();
                    source == parent
                }
                _ => false,
            };
            if event.origin() != origin || !from_parent {
                return;
            }
            if let Some(message) = Incoming::parse(&to_value(&event.data())) {
                on(message);
            }
        })
    }
}

/// The height of the widget's content in CSS pixels.
pub fn content_height() -> u32 {
    gloo::utils::document()
        .body()
        .map(|b| b.get_bounding_client_rect().height().ceil().max(0.0) as u32)
        .unwrap_or(0)
}

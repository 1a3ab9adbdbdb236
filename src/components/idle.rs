//! A kiosk's idle watch: after the clinic's idle time without a touch or a key, a warning
//! counts down (at least 20 s, WCAG 2.2.1) with an "I'm still here" button; when it runs out,
//! everything is cleared for the next visitor. The engine decides what an idle time means
//! (`selfcheck_engine::kiosk`); this hook only watches the clock and the visitor.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use gloo_timers::callback::Interval;
use selfcheck_engine::config::Kiosk;
use selfcheck_engine::kiosk::Idle;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::content::Data;

/// What the clock's ticks need, kept fresh by each render.
struct Watch {
    kiosk: Kiosk,
    untouched: bool,
    /// Whole seconds since the last touch: counted by the clock's ticks, not read from the
    /// device's clock, so a clock that jumps (a time sync, a sleeping tablet) can neither hold
    /// a visitor's answers on screen nor skip the warning.
    idle_seconds: u64,
    onreset: Callback<()>,
    /// What had focus when the warning showed, to get it back after (not after a reset).
    before: Option<web_sys::HtmlElement>,
}

/// The idle watch (a hook of the app's root, so the screen behind can be made inert while the
/// warning shows). `untouched`: nothing to clear (the fresh welcome), so no warning.
/// Returns the seconds left while the warning shows, and the "I'm still here" action.
#[hook]
pub fn use_idle_watch(
    kiosk: Kiosk,
    untouched: bool,
    onreset: Callback<()>,
) -> (Option<u32>, Callback<MouseEvent>) {
    let left = use_state_eq(|| None::<u32>);
    let watch = use_mut_ref(|| Watch {
        kiosk,
        untouched,
        idle_seconds: 0,
        onreset: onreset.clone(),
        before: None,
    });
    {
        let mut w = watch.borrow_mut();
        w.kiosk = kiosk;
        w.untouched = untouched;
        w.onreset = onreset;
    }
    let still = {
        let watch = watch.clone();
        let left = left.clone();
        Rc::new(move || {
            watch.borrow_mut().idle_seconds = 0;
            left.set(None);
        })
    };

    // Once, in a kiosk: any touch, click, key, scroll or typing counts as the visitor being
    // there (and closes the warning); a clock ticks every second. Clicks and input count on
    // their own: some assistive technologies activate a control without any pointer or key
    // event.
    {
        let watch = watch.clone();
        let left = left.clone();
        let still = still.clone();
        use_effect_with(kiosk.enabled, move |on| {
            let running = on.then(|| {
                let doc = gloo::utils::document();
                let options = EventListenerOptions::run_in_capture_phase();
                let listeners: Vec<EventListener> = [
                    "pointerdown",
                    "keydown",
                    "wheel",
                    "touchstart",
                    "click",
                    "input",
                ]
                .into_iter()
                .map(|kind| {
                    let still = still.clone();
                    EventListener::new_with_options(&doc, kind, options, move |_| still())
                })
                .collect();
                (listeners, Interval::new(1000, move || tick(&watch, &left)))
            });
            move || drop(running)
        });
    }

    // Focus on the warning's button while it shows, and back where it was after (once the
    // screen behind is no longer inert).
    {
        let watch = watch.clone();
        use_effect_with(left.is_some(), move |showing| {
            if *showing {
                watch.borrow_mut().before = gloo::utils::document()
                    .active_element()
                    .and_then(|e| e.dyn_into().ok());
                crate::browser::focus(".mn-idle button");
            } else if let Some(el) = watch.borrow_mut().before.take() {
                gloo_timers::callback::Timeout::new(0, move || {
                    let _ = el.focus();
                })
                .forget();
            }
        });
    }
    (*left, Callback::from(move |_: MouseEvent| still()))
}

/// The warning: a modal dialog with the seconds left and "I'm still here".
pub fn warning(d: &Data, seconds: u32, onstill: Callback<MouseEvent>) -> Html {
    html! {
        <div class="mn-idle" role="alertdialog" aria-modal="true"
            aria-labelledby="mn-idle-h" aria-describedby="mn-idle-t"
            lang={d.locale.code.clone()} dir={crate::app::dir_attr(d)}>
            <div class="mn-idle-box">
                <h2 id="mn-idle-h">{ d.ui("idle_heading") }</h2>
                <p id="mn-idle-t">{ d.ui("idle_body") }</p>
                <p class="mn-countdown">{ d.ui_fill("idle_left", &[("seconds", &seconds.to_string())]) }</p>
                <button type="button" class="mn-button mn-button-primary" onclick={onstill}>{ d.ui("still_here") }</button>
            </div>
        </div>
    }
}

/// One second of the clock: nothing, the warning with the seconds left, or the reset.
fn tick(watch: &Rc<RefCell<Watch>>, left: &UseStateHandle<Option<u32>>) {
    let mut w = watch.borrow_mut();
    // Nothing to clear: the idle time counts from the first touch of the next visitor.
    w.idle_seconds = if w.untouched { 0 } else { w.idle_seconds + 1 };
    match w.kiosk.idle(w.idle_seconds * 1000) {
        Idle::Active => left.set(None),
        Idle::Warning(seconds) => left.set(Some(seconds)),
        Idle::Reset => {
            w.idle_seconds = 0;
            // The next visitor starts on the welcome's heading, not where this one was.
            w.before = None;
            left.set(None);
            let onreset = w.onreset.clone();
            drop(w);
            onreset.emit(());
        }
    }
}

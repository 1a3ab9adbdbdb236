//! The root component: loads the content, keeps the reducer, and ties screens to browser
//! history, session storage and focus.

use gloo::events::EventListener;
use selfcheck_engine::{Action, Step};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::browser;
use crate::components::footer::Footer;
use crate::components::idle::use_idle_watch;
use crate::components::progress::ProgressBar;
use crate::components::settings::settings_notices;
use crate::content::{Data, DataRef};
use crate::host::Host;
use crate::screens::choose::{ChooseKind, ChooseScreen};
use crate::screens::question::QuestionScreen;
use crate::screens::results::ResultsScreen;
use crate::screens::welcome::WelcomeScreen;
use crate::state::{Msg, State, Stored};
use selfcheck_engine::embed::{Incoming, Outgoing};

/// Props for [`App`].
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The decoded content; `None` if it could not be decoded.
    pub data: Option<DataRef>,
}

/// The widget. Reveals the plain failure notice from `index.html` if the content could not load.
#[component]
pub fn App(props: &AppProps) -> Html {
    let data = &props.data;
    let loaded = data.is_some();
    // Runs right after the first render, in the same task, so the static welcome and the app
    // never both show and no frame is blank. If the content cannot load, the static welcome
    // (with Start disabled) stays beside the failure message.
    use_effect_with((), move |_| {
        if loaded {
            crate::remove_static_shell();
        }
    });
    match data {
        Some(data) => html! { <Widget data={data.clone()} /> },
        None => {
            // The static shell holds the failure message; reveal it.
            if let Some(el) = gloo::utils::document().document_element() {
                let _ = el.class_list().add_1("mn-failed");
            }
            Html::default()
        }
    }
}

/// Props for [`Widget`].
#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    /// The content.
    pub data: DataRef,
}

/// The walk-through itself.
#[component]
pub fn Widget(props: &WidgetProps) -> Html {
    let kiosk = props.data.clinic.kiosk;
    let state = {
        let data = props.data.clone();
        use_reducer(move || {
            // A kiosk never keeps answers, not even from before it became one.
            let handover = browser::take_handover();
            let stored = if kiosk.stores_answers() {
                Stored {
                    session: browser::load_session(),
                    kept: browser::load_kept(),
                    handover,
                }
            } else {
                browser::clear_session();
                browser::clear_kept();
                Stored {
                    handover,
                    ..Stored::default()
                }
            };
            State::new(data, browser::today(), stored)
        })
    };
    let data = &state.data;
    let journey = &state.journey;
    let step = journey.step().clone();
    let step_key = step.key();

    // Once, at start: the clinic's look and name (through the CSS object model, so a strict
    // CSP holds), the browser's Back and Forward
    // buttons, and the clinic page around an embedded widget (ready, height, its messages).
    {
        let dispatch = state.dispatcher();
        let clinic = data.clinic.clone();
        let host = Host::new(data.page.host.as_deref());
        let ready = Outgoing::Ready {
            title: data.ui("app_title").to_string(),
            lang: data.locale.code.clone(),
        };
        // Start was pressed on the static welcome before the app was ready: go on from there.
        let pressed = step == Step::Welcome && crate::boot::start_pressed();
        let guarded = kiosk.enabled && !data.page.embedded;
        use_effect_with((), move |_| {
            if pressed {
                dispatch.dispatch(Msg::Do(Action::Start));
            }
            if guarded {
                browser::guard_history();
            }
            browser::apply_look(&clinic);
            browser::show_clinic(clinic.name.as_deref(), clinic.logo.as_deref());
            let back = dispatch.clone();
            let history = EventListener::new(&gloo::utils::window(), "popstate", move |event| {
                let Some(event) = event.dyn_ref::<web_sys::PopStateEvent>() else {
                    return;
                };
                // A kiosk keeps one entry before its own: the browser's Back is the widget's
                // Back, and the entry goes straight back, so Back never leaves the widget and
                // the history never grows.
                if guarded {
                    browser::guard_history();
                    back.dispatch(Msg::Do(Action::Back));
                } else if let Some(step) =
                    browser::step_key_of(&event.state()).and_then(|k| Step::from_key(&k))
                {
                    back.dispatch(Msg::History(step));
                }
            });
            let messages = host.map(|h| {
                h.send(&ready);
                h.watch_height();
                let reply = h.clone();
                h.listen(move |message| match message {
                    Incoming::Restart => dispatch.dispatch(Msg::Do(Action::Restart)),
                    Incoming::Measure => {
                        reply.send(&Outgoing::Height(crate::host::content_height()))
                    }
                })
            });
            move || drop((history, messages))
        });
    }

    // Keep this tab's copy of the answers, or none at all once the visitor starts again; and
    // the copy on this device only while the visitor chose to keep one. A staff summary of a
    // hand-over code is never stored.
    {
        let encoded = journey.responses.encode();
        let untouched = *journey == Default::default();
        let store = kiosk.stores_answers();
        let kept = store && state.keep;
        let staff = state.staff;
        let version = data.pack.meta.version.clone();
        use_effect_with(
            (step_key.clone(), encoded, kept),
            move |(key, encoded, kept)| {
                // A staff summary touches nothing this device keeps (a kiosk wipes at start).
                if staff {
                    return;
                }
                if untouched || !store {
                    browser::clear_session();
                } else {
                    browser::save_session(encoded, key);
                }
                // Starting again empties the kept copy too (the choice to keep stays ticked).
                if *kept && !untouched {
                    browser::save_kept(&version, key, encoded);
                } else {
                    browser::clear_kept();
                }
            },
        );
    }

    // One history entry per screen; move focus to the new screen's heading.
    {
        let first = use_mut_ref(|| true);
        let from_history = state.from_history;
        // Embedded, the clinic's page keeps its own history, and a kiosk keeps one: one entry,
        // rewritten.
        let replace = data.page.embedded || kiosk.enabled;
        // The clinic's page hears of each new screen (and, at the results, that the check is
        // done); health details only if the clinic turned that on.
        let host = Host::new(data.page.host.as_deref());
        let share = data.clinic.share_health_details;
        let tier = (host.is_some() && step == Step::Results).then(|| {
            selfcheck_engine::evaluate(&data.pack, &journey.responses, data.min_age(), state.today)
                .tier
        });
        let shown = step.clone();
        let last_sent = use_mut_ref(|| None::<Step>);
        // A kiosk's reset is a new visit even when the screen was already the welcome.
        use_effect_with((step_key.clone(), state.visit), move |(key, _)| {
            if shown == Step::Welcome {
                crate::boot::safe_point();
            }
            if let Some(h) = &host {
                let before = last_sent.replace(Some(shown.clone()));
                if let Some(event) =
                    selfcheck_engine::embed::step_event(before.as_ref(), &shown, share)
                {
                    h.send(&event);
                }
                if let Some(tier) = tier {
                    h.send(&Outgoing::Outcome { tier, share });
                }
            }
            let is_first = std::mem::replace(&mut *first.borrow_mut(), false);
            if is_first {
                browser::record_step(key, true);
            } else {
                if !from_history {
                    browser::record_step(key, replace);
                }
                // Keyboard and screen-reader focus to the new screen's heading.
                browser::focus("#app [data-focus]");
            }
        });
    }

    // Another language: fetched, then the same content in it; the answers and the screen stay.
    let onlanguage = {
        let dispatch = state.dispatcher();
        let data = data.clone();
        let visit = state.visit;
        Callback::from(move |code: String| {
            let dispatch = dispatch.clone();
            let data = data.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match crate::content::fetch_locale(&code).await {
                    Some(locale) => dispatch
                        .dispatch(Msg::Data(std::rc::Rc::new(data.with_locale(locale)), visit)),
                    None => dispatch.dispatch(Msg::Notice("language_failed")),
                }
            });
        })
    };
    // The page itself speaks the widget's language: its lang, direction and title.
    {
        let code = data.locale.code.clone();
        let dir = dir_attr(data);
        let title = data.ui("app_title").to_string();
        use_effect_with(code.clone(), move |_| {
            browser::set_language(&code, dir, &title)
        });
    }

    // A kiosk visitor's text size, on the page root (styles/tokens.css scales every size).
    use_effect_with(state.text_size, |size| browser::set_text_size(*size));
    let ontextsize = {
        let dispatch = state.dispatcher();
        Callback::from(move |size: u8| dispatch.dispatch(Msg::TextSize(size)))
    };
    let onkeep = {
        let dispatch = state.dispatcher();
        Callback::from(move |keep: bool| dispatch.dispatch(Msg::Keep(keep)))
    };
    let onreset = {
        let dispatch = state.dispatcher();
        Callback::from(move |_| dispatch.dispatch(Msg::Reset))
    };

    let ondo = {
        let dispatch = state.dispatcher();
        Callback::from(move |action: Action| dispatch.dispatch(Msg::Do(action)))
    };
    let onsection = {
        let dispatch = state.dispatcher();
        Callback::from(move |(id, open): (&'static str, bool)| {
            dispatch.dispatch(Msg::Section(id, open))
        })
    };
    let progress = journey.progress(&data.pack, data.min_age(), state.today);
    let show_progress = matches!(step, Step::Concerns | Step::Areas | Step::Question(_));
    let progress_text = data.ui_fill(
        "progress",
        &[
            ("done", &(progress.done + 1).min(progress.total).to_string()),
            ("total", &progress.total.to_string()),
        ],
    );

    let screen = match &step {
        Step::Welcome => html! { <WelcomeScreen data={data.clone()} ondo={ondo.clone()} /> },
        Step::Concerns => html! {
            <ChooseScreen key="concerns" kind={ChooseKind::Concerns} data={data.clone()}
                chosen={journey.responses.concerns.clone()} ondo={ondo.clone()} />
        },
        Step::Areas => html! {
            <ChooseScreen key="areas" kind={ChooseKind::Areas} data={data.clone()}
                chosen={journey.responses.areas.clone()} ondo={ondo.clone()} />
        },
        Step::Question(id) => html! {
            <QuestionScreen key={id.clone()} id={id.clone()} data={data.clone()}
                answer={journey.responses.answers.get(id).copied()} today={state.today} ondo={ondo.clone()} />
        },
        Step::Results => html! {
            <ResultsScreen data={data.clone()} responses={journey.responses.clone()}
                today={state.today} sections={state.sections.clone()}
                onsection={onsection} ondo={ondo.clone()} staff={state.staff} />
        },
    };

    // A kiosk's idle watch. While its warning shows, the screen behind can't be reached (the
    // warning is a modal dialog).
    let (idle, onstill) = use_idle_watch(kiosk, state.untouched(), onreset);
    html! {
        <>
        <div class="mn-widget" lang={data.locale.code.clone()} dir={dir_attr(data)} data-step={step_key}
            inert={idle.is_some()}>
            if data.page.preview {
                { settings_notices(data) }
            }
            if let Some(key) = state.notice {
                <p class="mn-notice" role="status">{ data.ui(key) }</p>
            }
            if show_progress {
                <ProgressBar done={progress.done} total={progress.total} label={progress_text.clone()} />
            }
            { screen }
            if kiosk.enabled && show_progress {
                // A kiosk visitor called in mid-way clears their answers in one tap.
                <p class="mn-start-over">
                    <button type="button" class="mn-button mn-button-secondary" onclick={ondo.reform(|_: MouseEvent| Action::Restart)}>{ data.ui("start_again") }</button>
                </p>
            }
            <Footer data={data.clone()} onlanguage={onlanguage} text_size={state.text_size} ontextsize={ontextsize}
                keep={(!state.staff && kiosk.stores_answers()).then_some(state.keep)} {onkeep} />
            <p class="mn-visually-hidden" aria-live="polite">
                { if show_progress { progress_text } else { String::new() } }
            </p>
        </div>
        if let Some(seconds) = idle {
            { crate::components::idle::warning(data, seconds, onstill) }
        }
        </>
    }
}

pub fn dir_attr(data: &Data) -> &'static str {
    match data.locale.dir {
        selfcheck_engine::schema::Direction::Ltr => "ltr",
        selfcheck_engine::schema::Direction::Rtl => "rtl",
    }
}

//! The footer on every screen: the language menu (switching keeps the answers and the place),
//! in a kiosk the text-size buttons, and what the texts are: the original, a draft
//! translation, or a checked one. It prints too.

use selfcheck_engine::schema::TranslationStatus;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::content::{DataRef, LANGUAGES};

/// Props for [`Footer`].
#[derive(Properties, PartialEq)]
pub struct FooterProps {
    /// The content, in the language on screen.
    pub data: DataRef,
    /// Called with a language code the visitor chose.
    pub onlanguage: Callback<String>,
    /// The text size on screen (kiosk mode): 1 (normal) to 3.
    pub text_size: u8,
    /// Called with the text size a kiosk visitor chose.
    pub ontextsize: Callback<u8>,
    /// Whether the answers are kept on this device; `None` where they never may be (a kiosk,
    /// a staff summary).
    pub keep: Option<bool>,
    /// Called when the visitor chooses to keep their answers here, or to forget them.
    pub onkeep: Callback<bool>,
}

/// The footer.
#[component]
pub fn Footer(props: &FooterProps) -> Html {
    let d = &props.data;
    let current = d.locale.code.clone();
    let onchange = {
        let onlanguage = props.onlanguage.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
                onlanguage.emit(select.value());
            }
        })
    };
    let t = &d.locale.translation;
    let (kind, status) = match t.status {
        TranslationStatus::Source => ("source", None),
        TranslationStatus::Draft => ("draft", Some(d.ui("translation_draft").to_string())),
        TranslationStatus::Reviewed => {
            let on =
                t.on.as_deref()
                    .and_then(|s| selfcheck_engine::Date::parse(s).ok())
                    .map(|day| crate::browser::format_date(day, &current))
                    .unwrap_or_default();
            (
                "reviewed",
                Some(d.ui_fill(
                    "translation_reviewed",
                    &[("by", t.by.as_deref().unwrap_or_default()), ("date", &on)],
                )),
            )
        }
    };
    // A kiosk's screen can't be zoomed like a phone's: three text sizes instead.
    let sizes = d.clinic.kiosk.enabled.then(|| {
        let buttons = (1..=3u8).map(|n| {
            let onclick = props.ontextsize.reform(move |_: MouseEvent| n);
            let label = match n {
                1 => "text_size_1",
                2 => "text_size_2",
                _ => "text_size_3",
            };
            html! {
                <button type="button" class="mn-button mn-button-secondary" data-size={n.to_string()}
                    aria-pressed={(n == props.text_size).to_string()} {onclick}>{ d.ui(label) }</button>
            }
        });
        html! {
            <div class="mn-text-size" role="group" aria-labelledby="mn-text-size">
                <span id="mn-text-size">{ d.ui("text_size") }</span>
                { for buttons }
            </div>
        }
    });
    // Save and resume: only when the visitor asks, and forgotten in one tap.
    let keep = props.keep.map(|on| {
        let onchange = props.onkeep.reform(|e: Event| {
            e.target_unchecked_into::<web_sys::HtmlInputElement>().checked()
        });
        // The button goes with the kept copy: focus returns to the choice.
        let onforget = props.onkeep.reform(|_: MouseEvent| {
            crate::browser::focus_soon("#mn-keep");
            false
        });
        html! {
            <div class="mn-keep">
                <p>
                    <input type="checkbox" id="mn-keep" class="mn-check" checked={on} {onchange}
                        aria-describedby="mn-keep-hint" />
                    <label for="mn-keep">{ d.ui("keep_answers") }</label>
                </p>
                <p class="mn-hint" id="mn-keep-hint">{ d.ui(if on { "keep_on_hint" } else { "keep_off_hint" }) }</p>
                if on {
                    <button type="button" class="mn-button mn-button-secondary mn-forget" onclick={onforget}>{ d.ui("keep_forget") }</button>
                }
            </div>
        }
    });
    html! {
        <footer class="mn-footer">
            { for keep }
            { sizes }
            if LANGUAGES.len() > 1 {
                <p class="mn-language">
                    <label for="mn-language">{ d.ui("language") }</label>
                    <select id="mn-language" class="mn-select" {onchange}>
                        { for LANGUAGES.iter().map(|(code, name, _)| html! {
                            <option value={*code} lang={*code} selected={*code == current}>{ *name }</option>
                        }) }
                    </select>
                </p>
            }
            if let Some(status) = status {
                <p class="mn-translation" data-status={kind}>{ status }</p>
            }
        </footer>
    }
}

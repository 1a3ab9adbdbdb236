//! One eligibility question: yes / no / not sure, a date, or a number, with "why we ask".

use selfcheck_engine::schema::QuestionKind;
use selfcheck_engine::{Action, Answer, Date, Id, Refusal};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::nav::Nav;
use crate::content::DataRef;

/// Props for [`QuestionScreen`].
#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    /// The question id.
    pub id: Id,
    /// The content.
    pub data: DataRef,
    /// The answer given before, if any (kept on Back).
    pub answer: Option<Answer>,
    /// Today, for date limits.
    pub today: Date,
    /// Sends the visitor's actions.
    pub ondo: Callback<Action>,
}

/// What the form holds before it is sent.
#[derive(Clone, PartialEq)]
enum Draft {
    Choice(Option<Answer>),
    Text { value: String, unsure: bool },
}

/// A question screen.
#[component]
pub fn QuestionScreen(props: &QuestionProps) -> Html {
    let d = &props.data;
    let Some(q) = d.pack.questions.iter().find(|q| q.id == props.id) else {
        return Html::default();
    };
    let Some(text) = d.locale.questions.get(&q.id) else {
        return Html::default();
    };
    let kind = q.kind;
    let draft = use_state(|| match (kind, props.answer) {
        (QuestionKind::YesNo, a) => Draft::Choice(a),
        (_, Some(Answer::Date(date))) => Draft::Text {
            value: date.iso(),
            unsure: false,
        },
        (_, Some(Answer::Number(n))) => Draft::Text {
            value: n.to_string(),
            unsure: false,
        },
        (_, Some(Answer::Unsure)) => Draft::Text {
            value: String::new(),
            unsure: true,
        },
        _ => Draft::Text {
            value: String::new(),
            unsure: false,
        },
    });
    let error = use_state(|| None::<String>);

    // Limits for the inputs; what an answer may be is decided by the engine (`accepts`).
    let earliest = q.earliest(props.today);
    let (min, max) = q.number_range();
    let refusal_message = {
        let d = d.clone();
        move |why: Refusal| match why {
            Refusal::DateOutsideWindow { earliest, .. } => d.ui_fill(
                "date_out_of_range",
                &[(
                    "from",
                    &crate::browser::format_date(earliest, &d.locale.code),
                )],
            ),
            Refusal::NumberOutOfRange { min, max } => d.ui_fill(
                "number_out_of_range",
                &[("min", &min.to_string()), ("max", &max.to_string())],
            ),
            Refusal::WrongKind(_) | Refusal::UnsureNotOffered => d.ui("answer_needed").to_string(),
        }
    };

    let onsubmit = {
        let draft = draft.clone();
        let error = error.clone();
        let ondo = props.ondo.clone();
        let today = props.today;
        let question = q.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            // What was typed or chosen; anything unreadable counts as the wrong kind.
            let answer = match &*draft {
                Draft::Choice(a) => a.ok_or(Refusal::WrongKind(kind)),
                Draft::Text { unsure: true, .. } => Ok(Answer::Unsure),
                Draft::Text { value, .. } => {
                    let parsed = match kind {
                        QuestionKind::PastDate => Date::parse(value.trim()).ok().map(Answer::Date),
                        _ => value.trim().parse::<u32>().ok().map(Answer::Number),
                    };
                    parsed.ok_or(match kind {
                        QuestionKind::PastDate => Refusal::DateOutsideWindow {
                            earliest,
                            latest: today,
                        },
                        _ => Refusal::NumberOutOfRange { min, max },
                    })
                }
            };
            match answer.and_then(|a| question.accepts(a, today).map(|()| a)) {
                Ok(a) => ondo.emit(Action::Answer(a)),
                Err(why) => error.set(Some(refusal_message(why))),
            }
        })
    };
    let onback = props.ondo.reform(|_| Action::Back);

    let hint_id = "mn-q-hint";
    let error_id = "mn-q-error";
    let described = {
        let mut ids = Vec::new();
        if text.hint.is_some() {
            ids.push(hint_id);
        }
        if error.is_some() {
            ids.push(error_id);
        }
        ids.join(" ")
    };
    let described = (!described.is_empty()).then_some(described);

    let body = match &*draft {
        Draft::Choice(current) => {
            let options = [
                (Answer::Yes, "yes"),
                (Answer::No, "no"),
                (Answer::Unsure, "not_sure"),
            ];
            html! {
                <div class="mn-options">
                    { for options.into_iter().map(|(value, key)| {
                        let input_id = format!("mn-answer-{key}");
                        let onchange = {
                            let draft = draft.clone();
                            let error = error.clone();
                            Callback::from(move |_: Event| {
                                error.set(None);
                                draft.set(Draft::Choice(Some(value)));
                            })
                        };
                        html! {
                            <label class="mn-option" for={input_id.clone()}>
                                <input type="radio" name="answer" id={input_id} value={key}
                                    checked={*current == Some(value)} onchange={onchange} />
                                <span>{ d.ui(key) }</span>
                            </label>
                        }
                    }) }
                </div>
            }
        }
        Draft::Text { value, unsure } => {
            let oninput = {
                let draft = draft.clone();
                let unsure = *unsure;
                Callback::from(move |e: InputEvent| {
                    let value = e.target_unchecked_into::<HtmlInputElement>().value();
                    draft.set(Draft::Text { value, unsure });
                })
            };
            let onunsure = {
                let draft = draft.clone();
                let value = value.clone();
                Callback::from(move |e: Event| {
                    let unsure = e.target_unchecked_into::<HtmlInputElement>().checked();
                    draft.set(Draft::Text {
                        value: value.clone(),
                        unsure,
                    });
                })
            };
            let (input_type, label_key, lo, hi, mode) = match kind {
                QuestionKind::PastDate => (
                    "date",
                    "date_label",
                    earliest.iso(),
                    props.today.iso(),
                    "none",
                ),
                _ => (
                    "number",
                    "number_label",
                    min.to_string(),
                    max.to_string(),
                    "numeric",
                ),
            };
            html! {
                <div class="mn-field">
                    <label class="mn-field-label" for="mn-answer-input">{ d.ui(label_key) }</label>
                    <input class="mn-input" type={input_type} id="mn-answer-input" name="answer"
                        value={value.clone()} min={lo} max={hi} inputmode={mode} autocomplete="off"
                        disabled={*unsure} oninput={oninput} />
                    if q.unsure {
                        <label class="mn-option mn-option-inline" for="mn-answer-unsure">
                            <input type="checkbox" id="mn-answer-unsure" checked={*unsure} onchange={onunsure} />
                            <span>{ d.ui("not_sure") }</span>
                        </label>
                    }
                </div>
            }
        }
    };

    html! {
        <form class="mn-screen mn-question" onsubmit={onsubmit} novalidate=true data-question={q.id.clone()}>
            <fieldset aria-describedby={described}>
                <legend><h1 tabindex="-1" data-focus="" elementtiming="mn-screen">{ text.title.clone() }</h1></legend>
                if let Some(hint) = &text.hint {
                    <p class="mn-hint" id={hint_id}>{ hint.clone() }</p>
                }
                if let Some(message) = &*error {
                    <p class="mn-error" id={error_id} role="alert">{ message.clone() }</p>
                }
                { body }
            </fieldset>
            <details class="mn-why">
                <summary>{ d.ui("why_we_ask") }</summary>
                <p>{ text.why.clone() }</p>
            </details>
            <Nav back={d.ui("back").to_string()} next={d.ui("next").to_string()} onback={onback} />
        </form>
    }
}

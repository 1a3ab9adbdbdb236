//! "Your answers": what the visitor chose and every question they were asked, each with a
//! button to change it.

use std::collections::{BTreeMap, BTreeSet};

use selfcheck_engine::schema::LabelText;
use selfcheck_engine::{Action, Answer, Responses, Step};
use yew::prelude::*;

use crate::browser::format_date;
use crate::content::DataRef;

/// Props for [`Answers`].
#[derive(Properties, PartialEq)]
pub struct AnswersProps {
    /// The content.
    pub data: DataRef,
    /// The report (which questions were asked).
    pub report: super::ReportRef,
    /// The answers.
    pub responses: Responses,
    /// Sends "show this step".
    pub ondo: Callback<Action>,
    /// A staff summary: the answers without "Change" buttons.
    #[prop_or_default]
    pub readonly: bool,
}

/// One row per choice and per question asked, each with a "Change" button naming what it
/// changes.
#[component]
pub fn Answers(props: &AnswersProps) -> Html {
    let d = &props.data;
    let r = &props.responses;
    let lang = d.locale.code.as_str();
    let answer_text = |a: Option<&Answer>| -> String {
        match a {
            Some(Answer::Yes) => d.ui("yes").into(),
            Some(Answer::No) => d.ui("no").into(),
            Some(Answer::Unsure) | None => d.ui("not_sure").into(),
            Some(Answer::Date(date)) => format_date(*date, lang),
            Some(Answer::Number(v)) => v.to_string(),
        }
    };
    let labels = |ids: &BTreeSet<String>, texts: &BTreeMap<String, LabelText>| {
        ids.iter()
            .filter_map(|id| texts.get(id))
            .map(|t| t.label.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let row = |title: String, value: String, step: Step| {
        let ondo = props.ondo.clone();
        let onclick = Callback::from(move |_: MouseEvent| ondo.emit(Action::Show(step.clone())));
        html! {
            <div class="mn-answer-row">
                <dt>{ title.clone() }</dt>
                <dd>{ value }
                    if !props.readonly {
                        { " " }
                        <button type="button" class="mn-link" onclick={onclick}>
                            { d.ui("edit") }<span class="mn-visually-hidden">{ ": " }{ title }</span>
                        </button>
                    }
                </dd>
            </div>
        }
    };
    let mut rows = vec![
        row(
            d.ui("concerns_heading").into(),
            labels(&r.concerns, &d.locale.concerns),
            Step::Concerns,
        ),
        row(
            d.ui("areas_heading").into(),
            labels(&r.areas, &d.locale.areas),
            Step::Areas,
        ),
    ];
    rows.extend(props.report.asked.iter().map(|id| {
        let title = d
            .locale
            .questions
            .get(id)
            .map(|t| t.title.clone())
            .unwrap_or_default();
        row(
            title,
            answer_text(r.answers.get(id)),
            Step::Question(id.clone()),
        )
    }));
    html! { <dl class="mn-answers">{ for rows }</dl> }
}

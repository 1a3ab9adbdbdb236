//! "What to expect": the course for the chosen concerns and, where the outcome allows one, a
//! dated plan from a first session the visitor picks (never before the engine's first day).

use selfcheck_engine::{Action, Date, Event as PlanEvent};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::browser::format_date;
use crate::content::{Data, DataRef};

/// Props for [`PlanPart`].
#[derive(Properties, PartialEq)]
pub struct PlanPartProps {
    /// The content.
    pub data: DataRef,
    /// The report.
    pub report: super::ReportRef,
    /// Sends the first-session date.
    pub ondo: Callback<Action>,
    /// A staff summary: the dated plan as the visitor picked it, with no date to change.
    #[prop_or_default]
    pub readonly: bool,
}

/// Sessions, spacing, downtime, and the dated plan.
#[component]
pub fn PlanPart(props: &PlanPartProps) -> Html {
    let d = &props.data;
    let r = &props.report;
    let plan = &r.plan;
    let lang = d.locale.code.as_str();
    let n = |v: u32| v.to_string();
    let range = |key: &str, lo: u32, hi: u32| d.ui_fill(key, &[("min", &n(lo)), ("max", &n(hi))]);

    let course = match &plan.course {
        Some(c) => html! {
            <ul class="mn-plan-figures">
                <li data-plan="sessions">{ range("plan_sessions", c.sessions.min, c.sessions.max) }</li>
                <li data-plan="spacing">{ range("plan_spacing", c.spacing_weeks.min, c.spacing_weeks.max) }</li>
                if c.body_area {
                    <li data-plan="body">{ range("plan_body", d.pack.plan.body_sessions.value.min, d.pack.plan.body_sessions.value.max) }</li>
                }
                <li data-plan="maintenance">{ range("plan_maintenance", c.maintenance_months.min, c.maintenance_months.max) }</li>
                <li data-plan="length">{ range("plan_session_length", plan.session_minutes.min, plan.session_minutes.max) }</li>
                <li data-plan="numbing">{ range("plan_numbing", plan.numbing_minutes.min, plan.numbing_minutes.max) }</li>
                <li data-plan="downtime">{ range("plan_downtime", c.downtime_days.min, c.downtime_days.max) }</li>
            </ul>
        },
        None => html! { <p>{ d.ui("no_plan") }</p> },
    };

    // Not now with a known end: the plan starts then, and only if a provider agrees.
    let from_notice = match (r.plan_if_agreed, r.first_session_from) {
        (true, Some(from)) => html! {
            <p class="mn-plan-from" data-from={from.iso()}>
                <strong>{ d.ui_fill("plan_from", &[("date", &format_date(from, lang))]) }</strong>
            </p>
        },
        _ => Html::default(),
    };

    let too_early = use_state(|| false);
    let dated = r.first_session_from.map(|from| {
        let onchange = {
            let ondo = props.ondo.clone();
            let too_early = too_early.clone();
            Callback::from(move |e: Event| {
                let value = e.target_unchecked_into::<HtmlInputElement>().value();
                let date = Date::parse(&value).ok();
                // The engine refuses a day before `from` (the field's `min` stops most of
                // them); say so rather than showing nothing.
                too_early.set(date.is_some_and(|x| x < from));
                ondo.emit(Action::FirstSession(date));
            })
        };
        let events = r.timeline.iter().flat_map(|events| timeline_lines(d, events)).map(|(date, what)| {
            html! { <li><strong>{ format_date(date, lang) }</strong>{ ": " }{ what }</li> }
        });
        let chosen = first_session(r).map(Date::iso).unwrap_or_default();
        html! {
            <div class="mn-first-session">
                if !props.readonly {
                    <label for="mn-first-session">{ d.ui("first_session_label") }</label>
                    <input class="mn-input" type="date" id="mn-first-session" autocomplete="off"
                        min={from.iso()} value={chosen} onchange={onchange}
                        aria-describedby={too_early.then_some("mn-first-session-error")} />
                }
                if *too_early {
                    <p class="mn-error" id="mn-first-session-error" role="alert">
                        { d.ui_fill("first_session_too_early", &[("date", &format_date(from, lang))]) }
                    </p>
                }
                if r.timeline.is_some() {
                    <ol class="mn-timeline">{ for events }</ol>
                }
            </div>
        }
    });

    html! {
        <>
            { from_notice }
            { course }
            { for dated }
        </>
    }
}

/// Each entry of the dated plan as a day and what happens then, in the visitor's language: the
/// lines of the timeline on the screen and the entries of the calendar file alike.
pub fn timeline_lines(d: &Data, events: &[PlanEvent]) -> Vec<(Date, String)> {
    events
        .iter()
        .map(|e| match e {
            PlanEvent::Prep { date, id } => (*date, d.item(id).to_string()),
            PlanEvent::Session {
                date,
                number,
                if_needed,
                ..
            } => {
                let key = if *if_needed {
                    "timeline_session_if_needed"
                } else {
                    "timeline_session"
                };
                (*date, d.ui_fill(key, &[("n", &number.to_string())]))
            }
            PlanEvent::AftercareEnds { date, id } => (*date, d.item_end(id).to_string()),
            PlanEvent::Maintenance { date } => (*date, d.ui("timeline_maintenance").to_string()),
        })
        .collect()
}

/// The planned first session, as the dated plan has it (none without one).
pub fn first_session(r: &selfcheck_engine::Report) -> Option<Date> {
    r.timeline.iter().flatten().find_map(|e| match e {
        PlanEvent::Session {
            date, number: 1, ..
        } => Some(*date),
        _ => None,
    })
}

//! Getting ready, looking after your skin, and the warning signs after treatment.

use selfcheck_engine::schema::Urgency;
use yew::prelude::*;

use super::PartProps;

/// Preparation steps, earliest first.
#[component]
pub fn Prep(props: &PartProps) -> Html {
    let d = &props.data;
    let items = props.report.plan.prep.iter().map(|p| {
        let when = match p.days_before {
            None => d.ui("prep_from_now").to_string(),
            Some(days) => d.ui_count("prep_days_before", "days", days),
        };
        html! { <li data-item={p.id.clone()}><strong>{ when }</strong>{ ": " }{ d.item(&p.id) }</li> }
    });
    html! { <ul class="mn-list">{ for items }</ul> }
}

/// Aftercare steps.
#[component]
pub fn Aftercare(props: &PartProps) -> Html {
    let d = &props.data;
    let items = props.report.plan.aftercare.iter().map(|a| {
        let when = match a.until_day {
            None => d.ui("aftercare_always").to_string(),
            Some(days) => d.ui_count("aftercare_until_day", "days", days),
        };
        html! { <li data-item={a.id.clone()}><strong>{ when }</strong>{ ": " }{ d.item(&a.id) }</li> }
    });
    html! { <ul class="mn-list">{ for items }</ul> }
}

/// Signs after treatment that mean "call today" or "get help now".
#[component]
pub fn RedFlags(props: &PartProps) -> Html {
    let d = &props.data;
    let items = props.report.plan.red_flags.iter().map(|(id, urgency)| {
        let (class, key) = match urgency {
            Urgency::Today => ("mn-red-today", "urgent_today"),
            Urgency::Emergency => ("mn-red-emergency", "urgent_emergency"),
        };
        html! { <li class={class} data-item={id.clone()}>{ d.item(id) }{ " " }<strong>{ d.ui(key) }</strong></li> }
    });
    html! {
        <>
            <p>{ d.ui("red_flags_intro") }</p>
            <ul class="mn-list">{ for items }</ul>
        </>
    }
}

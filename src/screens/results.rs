//! Results: the tier in one sentence, each reason with what to do, the plan, questions for the
//! consultation, choosing a provider, booking, changing answers and the sources.

use selfcheck_engine::schema::{LabelText, Level, NoteTopic, Urgency};
use selfcheck_engine::{
    plan, timeline, Action, Answer, Ctx, Date, Event as PlanEvent, Responses, Step, Tier,
};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::browser::format_date;
use crate::content::DataRef;

/// Props for [`ResultsScreen`].
#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    /// The content.
    pub data: DataRef,
    /// Everything the visitor chose and answered.
    pub responses: Responses,
    /// Today.
    pub today: Date,
    /// Sends the visitor's actions.
    pub ondo: Callback<Action>,
}

/// The results screen.
#[component]
pub fn ResultsScreen(props: &ResultsProps) -> Html {
    let d = &props.data;
    let r = &props.responses;
    let min_age = d.min_age();
    // One context serves the outcome, the plan and the answers list.
    let ctx = Ctx::new(&d.pack, r, min_age, props.today);
    let outcome = ctx.outcome();
    let plan = plan(&d.pack, &ctx);
    let lang = d.locale.code.as_str();
    let n = |v: u32| v.to_string();
    let range = |key: &str, lo: u32, hi: u32| d.ui_fill(key, &[("min", &n(lo)), ("max", &n(hi))]);

    let (tier_class, tier_key, detail_key) = match outcome.tier {
        Tier::GoodToBook => ("mn-tier-good", "tier_good", "tier_good_detail"),
        Tier::SeeProviderFirst => ("mn-tier-provider", "tier_provider", "tier_provider_detail"),
        Tier::NotSuitableNow if outcome.unsure_only => (
            "mn-tier-not-now",
            "tier_not_now",
            "tier_not_now_unsure_detail",
        ),
        Tier::NotSuitableNow => ("mn-tier-not-now", "tier_not_now", "tier_not_now_detail"),
    };
    let clinic = d.clinic.name.as_str();
    let booking = match outcome.tier {
        Tier::GoodToBook => Some(d.ui_fill("book", &[("clinic", clinic)])),
        Tier::SeeProviderFirst => Some(d.ui_fill("book_after_provider", &[("clinic", clinic)])),
        // A do-not-treat answer never leads to a booking button.
        Tier::NotSuitableNow => None,
    };

    let flags = outcome.flags.iter().filter_map(|f| {
        let t = d.locale.flags.get(&f.rule)?;
        let level_class = match f.level {
            Level::NotNow => "mn-flag mn-flag-not-now",
            Level::SeeProvider => "mn-flag mn-flag-provider",
            Level::Advice => "mn-flag mn-flag-advice",
        };
        Some(html! {
            <li class={level_class} data-rule={f.rule.clone()}>
                <h3>{ t.title.clone() }</h3>
                <p>{ t.reason.clone() }</p>
                if f.unsure {
                    <p class="mn-unsure">{ d.ui("you_were_unsure") }</p>
                }
                <p><strong>{ d.ui("what_to_do") }</strong>{ " " }{ t.action.clone() }</p>
                if let Some(date) = f.eligible_from {
                    <p class="mn-eligible" data-eligible={date.iso()}>
                        { d.ui_fill("eligible_from", &[("date", &format_date(date, lang))]) }
                    </p>
                } else if let Some(until) = &t.until {
                    <p class="mn-until">{ d.ui_fill("eligible_when", &[("until", until)]) }</p>
                }
                <p class="mn-cite">{ f.sources.join(", ") }</p>
            </li>
        })
    });

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

    let prep = plan.prep.iter().map(|p| {
        let when = match p.days_before {
            None => d.ui("prep_from_now").to_string(),
            Some(days) => d.ui_count("prep_days_before", "days", days),
        };
        html! { <li data-item={p.id.clone()}><strong>{ when }</strong>{ ": " }{ d.item(&p.id) }</li> }
    });
    let aftercare = plan.aftercare.iter().map(|a| {
        let when = match a.until_day {
            None => d.ui("aftercare_always").to_string(),
            Some(days) => d.ui_count("aftercare_until_day", "days", days),
        };
        html! { <li data-item={a.id.clone()}><strong>{ when }</strong>{ ": " }{ d.item(&a.id) }</li> }
    });
    let red_flags = plan.red_flags.iter().map(|(id, urgency)| {
        let (class, key) = match urgency {
            Urgency::Today => ("mn-red-today", "urgent_today"),
            Urgency::Emergency => ("mn-red-emergency", "urgent_emergency"),
        };
        html! { <li class={class} data-item={id.clone()}>{ d.item(id) }{ " " }<strong>{ d.ui(key) }</strong></li> }
    });
    let notes = |topic: NoteTopic| -> Html {
        let items: Vec<Html> = plan
            .notes
            .iter()
            .filter(|(_, t)| *t == topic)
            .map(|(id, _)| html! { <li data-item={id.clone()}>{ d.item(id) }</li> })
            .collect();
        html! { <ul>{ for items }</ul> }
    };

    let onfirst = {
        let ondo = props.ondo.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            ondo.emit(Action::FirstSession(Date::parse(&value).ok()));
        })
    };
    let dated = r.first_session.map(|first| {
        let events = timeline(&plan, first).into_iter().map(|e| {
            let (date, what) = match &e {
                PlanEvent::Prep { date, id } => (*date, d.item(id).to_string()),
                PlanEvent::Session { date, number, .. } => {
                    (*date, d.ui_fill("timeline_session", &[("n", &n(*number))]))
                }
                PlanEvent::AftercareEnds { date, id } => (*date, d.item_end(id).to_string()),
                PlanEvent::Maintenance { date } => {
                    (*date, d.ui("timeline_maintenance").to_string())
                }
            };
            html! { <li><strong>{ format_date(date, lang) }</strong>{ ": " }{ what }</li> }
        });
        html! { <ol class="mn-timeline">{ for events }</ol> }
    });

    let answer_text = |a: Option<&Answer>| -> String {
        match a {
            Some(Answer::Yes) => d.ui("yes").into(),
            Some(Answer::No) => d.ui("no").into(),
            Some(Answer::Unsure) | None => d.ui("not_sure").into(),
            Some(Answer::Date(date)) => format_date(*date, lang),
            Some(Answer::Number(v)) => n(*v),
        }
    };
    let change = |step: Step| {
        let ondo = props.ondo.clone();
        Callback::from(move |_: MouseEvent| ondo.emit(Action::Show(step.clone())))
    };
    let labels = |ids: &std::collections::BTreeSet<String>,
                  texts: &std::collections::BTreeMap<String, LabelText>| {
        ids.iter()
            .filter_map(|id| texts.get(id))
            .map(|t| t.label.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    // One row per answer, each with a "Change" button that names what it changes.
    let row = |title: String, value: String, step: Step| {
        html! {
            <div class="mn-answer-row">
                <dt>{ title.clone() }</dt>
                <dd>{ value }{ " " }
                    <button type="button" class="mn-link" onclick={change(step)}>
                        { d.ui("edit") }<span class="mn-visually-hidden">{ ": " }{ title }</span>
                    </button>
                </dd>
            </div>
        }
    };
    let mut answer_rows = vec![
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
    answer_rows.extend(ctx.shown_questions().map(|q| {
        let title = d
            .locale
            .questions
            .get(&q.id)
            .map(|t| t.title.clone())
            .unwrap_or_default();
        row(
            title,
            answer_text(r.answers.get(&q.id)),
            Step::Question(q.id.clone()),
        )
    }));

    let mut cited: Vec<&str> = outcome
        .flags
        .iter()
        .flat_map(|f| f.sources.iter().map(String::as_str))
        .collect();
    for s in &plan.sources {
        if !cited.contains(&s.as_str()) {
            cited.push(s);
        }
    }
    let sources = d.pack.sources.iter().filter(|s| cited.contains(&s.id.as_str())).map(|s| {
        html! { <li id={format!("src-{}", s.id)}><span class="mn-src-id">{ s.id.clone() }</span>{ " " }{ s.title.clone() }</li> }
    });

    let onrestart = props.ondo.reform(|_: MouseEvent| Action::Restart);
    // "Change an answer": take focus (and the view) to the answers list, without touching the
    // address.
    let onchange_answers = Callback::from(|_: MouseEvent| {
        use wasm_bindgen::JsCast;
        let heading = gloo::utils::document()
            .get_element_by_id("mn-h-answers")
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(h) = heading {
            h.scroll_into_view();
            let _ = h.focus();
        }
    });

    // The tier and the reasons paint in the first frame; the longer sections below follow in
    // the next task, so the answer that matters appears at once and nothing above it moves.
    let full = use_state(|| false);
    {
        let full = full.clone();
        use_effect_with((), move |_| {
            let timer = gloo_timers::callback::Timeout::new(0, move || full.set(true));
            move || drop(timer)
        });
    }

    html! {
        <section class="mn-screen mn-results" data-tier={tier_class}>
            <h1 tabindex="-1" data-focus="" elementtiming="mn-screen">{ d.ui("results_heading") }</h1>
            <div class={classes!("mn-tier", tier_class)} role="status">
                <p class="mn-tier-title"><strong>{ d.ui(tier_key) }</strong></p>
                <p>{ d.ui(detail_key) }</p>
                if let Some(date) = outcome.eligible_from {
                    <p class="mn-eligible-all" data-eligible={date.iso()}>
                        { d.ui_fill("eligible_from", &[("date", &format_date(date, lang))]) }
                    </p>
                }
                if let Some(label) = booking.clone() {
                    <a class="mn-button mn-button-primary mn-book" href={d.clinic.booking_url.clone()}
                        target="_blank" rel="noopener noreferrer">{ label }</a>
                }
                <p><button type="button" class="mn-link mn-change-answers" onclick={onchange_answers}>{ d.ui("change_answers") }</button></p>
            </div>

            if !outcome.flags.is_empty() {
                <section aria-labelledby="mn-h-reasons">
                    <h2 id="mn-h-reasons">{ d.ui("reasons_heading") }</h2>
                    <ul class="mn-flags">{ for flags }</ul>
                </section>
            }

            if *full {
            <section aria-labelledby="mn-h-plan">
                <h2 id="mn-h-plan">{ d.ui("plan_heading") }</h2>
                { course }
                <h3>{ d.ui("prep_heading") }</h3>
                <ul class="mn-list">{ for prep }</ul>
                <h3>{ d.ui("aftercare_heading") }</h3>
                <ul class="mn-list">{ for aftercare }</ul>
                <div class="mn-first-session">
                    <label for="mn-first-session">{ d.ui("first_session_label") }</label>
                    <input class="mn-input" type="date" id="mn-first-session" autocomplete="off"
                        min={props.today.iso()} value={r.first_session.map(|x| x.iso()).unwrap_or_default()}
                        onchange={onfirst} />
                    { for dated }
                </div>
            </section>

            <section aria-labelledby="mn-h-red" class="mn-red-flags">
                <h2 id="mn-h-red">{ d.ui("red_flags_heading") }</h2>
                <p>{ d.ui("red_flags_intro") }</p>
                <ul class="mn-list">{ for red_flags }</ul>
            </section>

            <section aria-labelledby="mn-h-ask">
                <h2 id="mn-h-ask">{ d.ui("ask_heading") }</h2>
                { notes(NoteTopic::AskProvider) }
            </section>
            <section aria-labelledby="mn-h-choose">
                <h2 id="mn-h-choose">{ d.ui("choose_provider_heading") }</h2>
                { notes(NoteTopic::ChooseProvider) }
            </section>
            <section aria-labelledby="mn-h-about">
                <h2 id="mn-h-about">{ d.ui("about_heading") }</h2>
                { notes(NoteTopic::About) }
            </section>
            <section aria-labelledby="mn-h-disagree">
                <h2 id="mn-h-disagree">{ d.ui("disagree_heading") }</h2>
                { notes(NoteTopic::Disagreement) }
            </section>

            <section aria-labelledby="mn-h-answers">
                <h2 id="mn-h-answers" tabindex="-1">{ d.ui("your_answers") }</h2>
                <dl class="mn-answers">
                    { for answer_rows }
                </dl>
            </section>

            <section aria-labelledby="mn-h-sources" class="mn-sources">
                <h2 id="mn-h-sources">{ d.ui("sources_heading") }</h2>
                <ul>{ for sources }</ul>
                <p>{ d.ui_fill("reviewed", &[("version", &d.pack.meta.version), ("date", &format_date(d.pack.meta.reviewed_on, lang))]) }</p>
            </section>

            }
            <p class="mn-disclaimer">{ d.ui("not_a_diagnosis") }</p>
            <div class="mn-nav">
                <button type="button" class="mn-button mn-button-secondary" onclick={onrestart}>{ d.ui("start_again") }</button>
            </div>
        </section>
    }
}

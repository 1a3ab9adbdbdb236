//! The first screen of the results: the tier in one sentence, each reason in one line with what
//! to do, when it may change, and the one next step.

use selfcheck_engine::schema::{Level, See};
use selfcheck_engine::{NextStep, Reason, Report, Tier};
use yew::prelude::*;

use crate::browser::format_date;
use crate::content::{Data, DataRef};

/// The CSS class (and `data-tier`) for a tier.
pub fn tier_class(tier: Tier) -> &'static str {
    match tier {
        Tier::GoodToBook => "mn-tier-good",
        Tier::SeeProviderFirst => "mn-tier-provider",
        Tier::NotSuitableNow => "mn-tier-not-now",
    }
}

/// The UI text key of a tier's headline.
pub fn tier_key(tier: Tier) -> &'static str {
    match tier {
        Tier::GoodToBook => "tier_good",
        Tier::SeeProviderFirst => "tier_provider",
        Tier::NotSuitableNow => "tier_not_now",
    }
}

/// The `data-next` value for a next step.
pub fn next_class(step: NextStep) -> &'static str {
    match step {
        NextStep::Book => "book",
        NextStep::TalkToDoctor => "doctor",
        NextStep::AskClinic => "ask",
    }
}

/// Props for [`Verdict`].
#[derive(Properties, PartialEq)]
pub struct VerdictProps {
    /// The content.
    pub data: DataRef,
    /// The report.
    pub report: super::ReportRef,
    /// "Change an answer".
    pub onchange_answers: Callback<MouseEvent>,
    /// A staff summary from a hand-over code: read-only, no next step for the visitor.
    #[prop_or_default]
    pub staff: bool,
}

/// Can I go ahead, why, and what exactly do I do next.
#[component]
pub fn Verdict(props: &VerdictProps) -> Html {
    let d = &props.data;
    let r = &props.report;
    let lang = d.locale.code.as_str();
    let detail_key = match r.tier {
        Tier::GoodToBook => "tier_good_detail",
        Tier::SeeProviderFirst => "tier_provider_detail",
        Tier::NotSuitableNow if r.unsure_only => "tier_not_now_unsure_detail",
        Tier::NotSuitableNow => "tier_not_now_detail",
    };
    let tier_key = tier_key(r.tier);
    let reasons: Vec<&Reason> = r
        .reasons
        .iter()
        .filter(|x| x.flag.level != Level::Advice)
        .collect();

    html! {
        <>
            // The outcome is the screen's heading: focus lands on it, so it is read first.
            <div class={classes!("mn-tier", tier_class(r.tier))}>
                <h1 class="mn-tier-title" tabindex="-1" data-focus="" elementtiming="mn-screen">{ d.ui(tier_key) }</h1>
                <p>{ d.ui(detail_key) }</p>
                if r.ended_early {
                    <p class="mn-ended-early">{ d.ui("ended_early") }</p>
                }
                if let Some(date) = r.eligible_from {
                    <p class="mn-eligible-all" data-eligible={date.iso()}>
                        { d.ui_fill("eligible_from", &[("date", &format_date(date, lang))]) }
                    </p>
                }
            </div>
            if !props.staff {
                <NextStepBox data={d.clone()} step={r.next_step} />
            }
            if !reasons.is_empty() {
                <section aria-labelledby="mn-h-reasons" class="mn-reasons">
                    <h2 id="mn-h-reasons">{ d.ui("reasons_heading") }</h2>
                    <ul class="mn-flags">{ for reasons.iter().map(|x| reason_item(d, x, r.eligible_from)) }</ul>
                </section>
            }
            if !props.staff {
                <p><button type="button" class="mn-link mn-change-answers" onclick={props.onchange_answers.clone()}>{ d.ui("change_answers") }</button></p>
            }
        </>
    }
}

/// The "good to know" notes (advice reasons), for their section.
pub fn advice_list(d: &Data, r: &Report) -> Html {
    let items = r
        .reasons
        .iter()
        .filter(|x| x.flag.level == Level::Advice)
        .map(|x| reason_item(d, x, None));
    html! { <ul class="mn-flags">{ for items }</ul> }
}

/// One reason: its title and what to do in one line (which opens to say why, with the sources
/// that matter), short tags for who to see and "you were not sure", and when it may change
/// (unless that is the overall date already shown above).
fn reason_item(d: &Data, x: &Reason, overall: Option<selfcheck_engine::Date>) -> Html {
    let f = &x.flag;
    let Some(t) = d.locale.flags.get(&f.rule) else {
        return Html::default();
    };
    let level_class = match f.level {
        Level::NotNow => "mn-flag mn-flag-not-now",
        Level::SeeProvider => "mn-flag mn-flag-provider",
        Level::Advice => "mn-flag mn-flag-advice",
    };
    // Who to see decides the next step for see-a-provider reasons; a do-not-treat reason's
    // action already names the doctor, so it carries no tag.
    let see = x
        .see
        .filter(|_| f.level == Level::SeeProvider)
        .map(|s| match s {
            See::OwnDoctor => ("own_doctor", d.ui("see_own_doctor")),
            See::Consultation => ("consultation", d.ui("see_at_consultation")),
        });
    let lang = d.locale.code.as_str();
    let based_on: Vec<String> = x
        .key_sources
        .iter()
        .filter_map(|id| d.pack.sources.iter().find(|s| &s.id == id))
        .map(|s| format!("{} ({})", s.title, s.publisher))
        .collect();
    // When it may change: its own date (unless it is the overall date shown above), else the
    // condition in words.
    let when = match (f.eligible_from, &t.until) {
        (Some(date), _) if Some(date) == overall => Html::default(),
        (Some(date), _) => html! {
            <p class="mn-eligible" data-eligible={date.iso()}>
                { d.ui_fill("eligible_from", &[("date", &format_date(date, lang))]) }
            </p>
        },
        // The condition speaks for itself on screen ("Once the skin has fully healed."); a
        // screen reader also hears what it is.
        (None, Some(until)) => html! {
            <p class="mn-until">
                <span class="mn-visually-hidden">{ d.ui_fill("eligible_when", &[("until", "")]) }</span>
                { until.clone() }
            </p>
        },
        (None, None) => Html::default(),
    };
    html! {
        <li class={level_class} data-rule={f.rule.clone()}>
            <details class="mn-more">
                <summary class="mn-flag-line"><strong>{ t.title.clone() }{ ". " }</strong>{ t.action.clone() }</summary>
                <p>{ t.reason.clone() }</p>
                <p class="mn-cite">{ d.ui_fill("based_on", &[("sources", &based_on.join("; "))]) }</p>
            </details>
            if see.is_some() || f.unsure {
                <p class="mn-tags">
                    if let Some((key, label)) = see {
                        <span class="mn-tag mn-see" data-see={key}>{ label }</span>
                    }
                    if f.unsure {
                        <span class="mn-tag mn-unsure">{ d.ui("you_were_unsure") }</span>
                    }
                </p>
            }
            { when }
        </li>
    }
}

/// Props for [`NextStepBox`].
#[derive(Properties, PartialEq)]
pub struct NextStepProps {
    /// The content.
    pub data: DataRef,
    /// The step the engine chose.
    pub step: NextStep,
}

/// The one primary action: book, talk to your doctor first, or ask the clinic.
#[component]
pub fn NextStepBox(props: &NextStepProps) -> Html {
    let d = &props.data;
    let clinic = &d.clinic;
    let name = d.clinic_name();
    let new_tab =
        html! { <span class="mn-visually-hidden">{ " " }{ d.ui("opens_in_new_tab") }</span> };
    // A kiosk has no way out of the widget: no links, no print dialog; the front desk instead.
    let kiosk = clinic.kiosk.enabled;
    let action = match (props.step, &clinic.booking_url) {
        (step, _) if kiosk => {
            let (desk, hint) = match step {
                NextStep::Book => (
                    "kiosk_book",
                    d.ui_fill("next_book_hint", &[("clinic", name)]),
                ),
                NextStep::TalkToDoctor => ("kiosk_ask", d.ui("kiosk_doctor_hint").to_string()),
                NextStep::AskClinic => ("kiosk_ask", String::new()),
            };
            let heading = (step == NextStep::TalkToDoctor)
                .then(|| html! { <p class="mn-desk mn-doctor">{ d.ui("next_doctor") }</p> });
            html! {
                <>
                    { heading }
                    if !hint.is_empty() {
                        <p class="mn-hint">{ hint }</p>
                    }
                    <p class="mn-desk">{ d.ui(desk) }</p>
                </>
            }
        }
        (NextStep::Book, Some(url)) => {
            // The clinic's page hears about the click (no answers go with it).
            let host = d.page.host.clone();
            let onbook = Callback::from(move |_: MouseEvent| {
                if let Some(h) = crate::host::Host::new(host.as_deref()) {
                    h.send(&selfcheck_engine::embed::Outgoing::Booking);
                }
            });
            html! {
                <>
                    <a class="mn-button mn-button-primary mn-book" href={url.clone()} onclick={onbook}
                        target="_blank" rel="noopener noreferrer" aria-describedby="mn-next-hint">
                        { d.ui("next_book") }{ new_tab }
                    </a>
                    <p class="mn-hint" id="mn-next-hint">{ d.ui_fill("next_book_hint", &[("clinic", name)]) }</p>
                </>
            }
        }
        // No booking link in the clinic's settings: book by phone or email instead.
        (NextStep::Book, None) => html! {
            <>
                <p class="mn-hint" id="mn-next-hint">{ d.ui_fill("next_book_hint", &[("clinic", name)]) }</p>
                { contact_or_notice(d) }
            </>
        },
        (NextStep::TalkToDoctor, _) => {
            // Print (or save as a PDF) this page to take along; the clinic stays reachable.
            let onprint = Callback::from(|_: MouseEvent| crate::browser::print());
            html! {
                <>
                    <button type="button" class="mn-button mn-button-primary mn-doctor"
                        aria-describedby="mn-next-hint" onclick={onprint}>{ d.ui("next_doctor") }</button>
                    <p class="mn-hint" id="mn-next-hint">{ d.ui_fill("next_doctor_hint", &[("clinic", name)]) }</p>
                    { contact_or_notice(d) }
                </>
            }
        }
        (NextStep::AskClinic, _) => match contact(d).into_iter().next() {
            Some((primary, _)) => html! {
                <>
                    <a class="mn-button mn-button-primary mn-ask" href={primary} aria-describedby="mn-next-hint">
                        { d.ui("next_ask") }
                    </a>
                    <p class="mn-contact" id="mn-next-hint">{ for contact_links(d) }</p>
                </>
            },
            // The clinic's settings give no phone or email (its staff see a notice).
            None => {
                html! { <p class="mn-contact mn-no-contact" id="mn-next-hint">{ d.ui("no_contact") }</p> }
            }
        },
    };
    html! {
        <section class="mn-next" aria-labelledby="mn-h-next">
            <h2 id="mn-h-next" class="mn-visually-hidden">{ d.ui("next_step_heading") }</h2>
            { action }
        </section>
    }
}

/// The clinic's phone (first) and email, as link targets and labels.
fn contact(d: &Data) -> Vec<(String, String)> {
    let clinic = &d.clinic;
    let tel = clinic.phone.as_ref().map(|p| {
        let digits: String = p
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect();
        (
            format!("tel:{digits}"),
            d.ui_fill("call_clinic", &[("phone", p)]),
        )
    });
    let mail = clinic.email.as_ref().map(|e| {
        (
            format!("mailto:{e}"),
            d.ui_fill("email_clinic", &[("email", e)]),
        )
    });
    tel.into_iter().chain(mail).collect()
}

/// The clinic's contact details as links.
fn contact_links(d: &Data) -> impl Iterator<Item = Html> {
    contact(d)
        .into_iter()
        .map(|(href, label)| html! { <a class="mn-contact-link" href={href}>{ label }</a> })
}

/// The clinic's contact links, or, when its settings give none, a plain sentence saying to
/// contact the clinic.
fn contact_or_notice(d: &Data) -> Html {
    if contact(d).is_empty() {
        html! { <p class="mn-contact mn-no-contact">{ d.ui("no_contact") }</p> }
    } else {
        html! { <p class="mn-contact">{ for contact_links(d) }</p> }
    }
}

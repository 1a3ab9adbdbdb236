//! Results: first the answer to "can I go ahead, why, and what exactly do I do next", then
//! everything else in sections the visitor opens on demand. The engine builds one
//! [`Report`]; each part here renders a piece of it and decides nothing.

mod answers;
mod care;
mod notes;
mod outcome;
mod plan;
mod sources;
mod takeaway;

use std::collections::BTreeMap;
use std::rc::Rc;

use selfcheck_engine::schema::NoteTopic;
use selfcheck_engine::{Action, Date, Report, Responses};
use yew::prelude::*;

use crate::browser::format_date;
use crate::components::section::Section;
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
    /// Sections the visitor opened or closed (the others keep their default).
    pub sections: BTreeMap<&'static str, bool>,
    /// Opens or closes a section.
    pub onsection: Callback<(&'static str, bool)>,
    /// Sends the visitor's actions.
    pub ondo: Callback<Action>,
    /// A read-only summary for clinic staff, from a visitor's hand-over code.
    #[prop_or_default]
    pub staff: bool,
}

/// The report the parts of the results share. Like the content ([`crate::content::Data`]), it
/// is equal only to itself: a part re-renders when the results do, and no deep comparison of
/// the whole report is compiled in.
#[derive(Clone)]
pub struct ReportRef(Rc<Report>);

impl PartialEq for ReportRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for ReportRef {
    type Target = Report;
    fn deref(&self) -> &Report {
        &self.0
    }
}

/// Props shared by the parts of the results: the content and the report.
#[derive(Properties, PartialEq)]
pub struct PartProps {
    /// The content.
    pub data: DataRef,
    /// The report being shown.
    pub report: ReportRef,
}

/// The results screen.
#[component]
pub fn ResultsScreen(props: &ResultsProps) -> Html {
    let d = &props.data;
    let report = ReportRef(Rc::new(Report::new(
        &d.pack,
        &props.responses,
        d.min_age(),
        props.today,
    )));
    // Everything but the warning signs starts closed; those start open for anyone who may book.
    let open = |id: &'static str| {
        props.sections.get(id).copied().unwrap_or(if props.staff {
            id == "answers"
        } else {
            id == "red_flags" && report.may_book()
        })
    };
    let section = |id: &'static str, title_key: &str, body: Html| {
        html! {
            <Section id={id} title={d.ui(title_key).to_string()} open={open(id)}
                ontoggle={props.onsection.clone()}>
                { body }
            </Section>
        }
    };
    let has_advice = report
        .reasons
        .iter()
        .any(|x| x.flag.level == selfcheck_engine::schema::Level::Advice);
    let part = |topic: NoteTopic| html! { <notes::Notes data={d.clone()} report={report.clone()} topic={topic} /> };

    // "Change an answer": open the answers and take focus there.
    let onchange_answers = {
        let onsection = props.onsection.clone();
        Callback::from(move |_: MouseEvent| {
            onsection.emit(("answers", true));
            crate::browser::focus_soon("#mn-h-answers button");
        })
    };
    let onrestart = props.ondo.reform(|_: MouseEvent| Action::Restart);
    let meta = &d.pack.meta;
    let lang = d.locale.code.as_str();
    let review = match &meta.review {
        Some(r) => d.ui_fill(
            "reviewed",
            &[
                ("version", &meta.version),
                ("by", &r.by),
                ("date", &format_date(r.on, lang)),
            ],
        ),
        None => d.ui_fill("review_pending", &[("version", &meta.version)]),
    };

    html! {
        <section class="mn-screen mn-results" data-tier={outcome::tier_class(report.tier)}
            data-next={outcome::next_class(report.next_step)} data-staff={props.staff.then_some("")}>
            if props.staff {
                <div class="mn-staff" role="note">
                    <p><strong>{ d.ui("staff_title") }</strong></p>
                    <p>{ d.ui_fill("staff_made_on", &[("date", &format_date(props.today, lang))]) }</p>
                    <p>{ d.ui("staff_check") }</p>
                </div>
            }
            <outcome::Verdict data={d.clone()} report={report.clone()} onchange_answers={onchange_answers} staff={props.staff} />

            <div class="mn-sections">
                if has_advice {
                    { section("good_to_know", "good_to_know", outcome::advice_list(d, &report)) }
                }
                { section("plan", "plan_heading", html! { <plan::PlanPart data={d.clone()} report={report.clone()} ondo={props.ondo.clone()} readonly={props.staff} /> }) }
                { section("prep", "prep_heading", html! { <care::Prep data={d.clone()} report={report.clone()} /> }) }
                { section("aftercare", "aftercare_heading", html! { <care::Aftercare data={d.clone()} report={report.clone()} /> }) }
                <Section id="red_flags" title={d.ui("red_flags_heading").to_string()} open={open("red_flags")}
                    ontoggle={props.onsection.clone()} class="mn-red-flags">
                    <care::RedFlags data={d.clone()} report={report.clone()} />
                </Section>
                { section("ask", "ask_heading", part(NoteTopic::AskProvider)) }
                { section("choose", "choose_provider_heading", part(NoteTopic::ChooseProvider)) }
                { section("about", "about_heading", part(NoteTopic::About)) }
                { section("disagree", "disagree_heading", part(NoteTopic::Disagreement)) }
                { section("answers", "your_answers", html! {
                    <answers::Answers data={d.clone()} report={report.clone()}
                        responses={props.responses.clone()} ondo={props.ondo.clone()} readonly={props.staff} />
                }) }
                if !props.staff {
                    { section("take_away", "take_away_heading", html! {
                        <takeaway::TakeAway data={d.clone()} report={report.clone()} responses={props.responses.clone()} />
                    }) }
                }
                <Section id="sources" title={d.ui("sources_heading").to_string()} open={open("sources")}
                    ontoggle={props.onsection.clone()} class="mn-sources">
                    <sources::Sources data={d.clone()} report={report.clone()} />
                </Section>
            </div>

            <footer class="mn-results-footer">
                // On paper only (a kiosk prints nothing): who to contact, as plain text.
                if !d.clinic.kiosk.enabled {
                    <p class="mn-clinic-details">{ clinic_details(d) }</p>
                }
                <p class="mn-review" data-reviewed={meta.review.is_some().to_string()}>{ review }</p>
                <p class="mn-disclaimer">{ d.ui("not_a_diagnosis") }</p>
                <div class="mn-nav">
                    // In a kiosk, the way to hand the screen to the next visitor (it clears
                    // everything, as the idle time-out does).
                    <button type="button" class="mn-button mn-button-secondary mn-restart" onclick={onrestart}>
                        { d.ui(if props.staff { "staff_close" } else if d.clinic.kiosk.enabled { "kiosk_done" } else { "start_again" }) }
                    </button>
                </div>
            </footer>
        </section>
    }
}

/// The clinic's name and how to reach it, for a printed copy: "Name · phone · email · site".
fn clinic_details(d: &crate::content::Data) -> String {
    let c = &d.clinic;
    let mut parts = vec![d.clinic_name()];
    parts.extend(c.phone.as_deref());
    parts.extend(c.email.as_deref());
    parts.extend(c.booking_url.as_deref());
    parts.join(" · ")
}

//! One report, three readers: everything the results screen, the `selfcheck evaluate` tool and
//! the benchmark show, built once from the responses. The screen only renders it.
//!
//! The report decides the visitor's one next step and therefore who may book: a booking is
//! offered only when nothing rules treatment out now and every reason to see someone first can
//! be raised at the consultation itself.

use serde::Serialize;

use crate::answers::Responses;
use crate::date::Date;
use crate::plan::{plan, timeline, Event, Plan};
use crate::rules::{Ctx, Flag, Tier};
use crate::schema::{Id, Level, Pack, See};

/// How many sources a reason names on the first screen; the full list is in the sources.
pub const KEY_SOURCES: usize = 2;

/// What the visitor should do next: one primary action.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NextStep {
    /// Book a consultation (and show them the results).
    Book,
    /// Talk to their own doctor before booking.
    TalkToDoctor,
    /// Not now: ask the clinic (phone or email); never a booking.
    AskClinic,
}

/// One reason on the results screen: a flag, who to see about it, and the sources that matter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reason {
    /// The flag raised.
    #[serde(flatten)]
    pub flag: Flag,
    /// For see-a-provider reasons: who to see first.
    pub see: Option<See>,
    /// The best-graded sources of the flag, at most [`KEY_SOURCES`].
    pub key_sources: Vec<Id>,
}

/// Everything the results show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Report {
    /// The content version it was built from.
    pub content_version: String,
    /// The day it was built for.
    pub today: Date,
    /// The overall outcome.
    pub tier: Tier,
    /// When every not-now reason has a known end: the day the last one ends.
    pub eligible_from: Option<Date>,
    /// Every reason at the strongest level came only from "not sure" or a missing answer.
    pub unsure_only: bool,
    /// The walk-through ended early (under the clinic's minimum age).
    pub ended_early: bool,
    /// Every reason, strongest first.
    pub reasons: Vec<Reason>,
    /// The one next step.
    pub next_step: NextStep,
    /// The first day a dated plan may start; `None` when no dated plan fits the outcome (not
    /// now with no known end).
    pub first_session_from: Option<Date>,
    /// The plan is only "if a provider agrees", from `first_session_from` (not now, with an end).
    pub plan_if_agreed: bool,
    /// Sessions, downtime, preparation, aftercare, warning signs and notes.
    pub plan: Plan,
    /// The dated plan, when the visitor picked a first session that fits.
    pub timeline: Option<Vec<Event>>,
    /// The questions asked, in order (for "your answers").
    pub asked: Vec<Id>,
    /// Every source behind the reasons and the plan, reasons' first, each once.
    pub sources: Vec<Id>,
}

impl Report {
    /// Builds the report for these responses.
    pub fn new(pack: &Pack, responses: &Responses, min_age: u32, today: Date) -> Report {
        let ctx = Ctx::new(pack, responses, min_age, today);
        let outcome = ctx.outcome();
        let plan = plan(pack, &ctx);
        // When the check ended early nothing else was screened: only the do-not-treat reasons
        // stand (an under-age visitor is not told to raise their age "at the consultation").
        let ended = outcome.ended_early;
        let reasons: Vec<Reason> = outcome
            .flags
            .into_iter()
            .filter(|f| !ended || f.level == Level::NotNow)
            .map(|flag| {
                let rule = pack.rules.iter().find(|r| r.id == flag.rule);
                Reason {
                    see: rule.and_then(|r| r.see),
                    key_sources: key_sources(pack, &flag.sources),
                    flag,
                }
            })
            .collect();
        let next_step = next_step(outcome.tier, &reasons);
        let first_session_from = first_session_from(outcome.tier, outcome.eligible_from, today);
        let timeline = match (responses.first_session, first_session_from) {
            (Some(first), Some(from)) if first >= from => Some(timeline(&plan, first)),
            _ => None,
        };
        let mut sources: Vec<Id> = Vec::new();
        for id in reasons
            .iter()
            .flat_map(|r| &r.flag.sources)
            .chain(&plan.sources)
        {
            if !sources.contains(id) {
                sources.push(id.clone());
            }
        }
        Report {
            plan_if_agreed: outcome.tier == Tier::NotSuitableNow && first_session_from.is_some(),
            content_version: pack.meta.version.clone(),
            today,
            tier: outcome.tier,
            eligible_from: outcome.eligible_from,
            unsure_only: outcome.unsure_only,
            ended_early: outcome.ended_early,
            asked: ctx.shown_questions().map(|q| q.id.clone()).collect(),
            reasons,
            next_step,
            first_session_from,
            plan,
            timeline,
            sources,
        }
    }

    /// Whether the visitor is offered a booking.
    pub fn may_book(&self) -> bool {
        self.next_step == NextStep::Book
    }
}

/// The one next step: not now asks the clinic; a see-a-provider outcome where any reason needs
/// the visitor's own doctor talks to the doctor first; otherwise book.
pub fn next_step(tier: Tier, reasons: &[Reason]) -> NextStep {
    match tier {
        Tier::NotSuitableNow => NextStep::AskClinic,
        Tier::SeeProviderFirst
            if reasons.iter().any(|r| {
                r.flag.level == Level::SeeProvider && r.see != Some(See::Consultation)
            }) =>
        {
            NextStep::TalkToDoctor
        }
        _ => NextStep::Book,
    }
}

/// The first day a dated plan may start: today when treatment is not ruled out now, the
/// eligible-from day when every not-now reason has a known end, and none otherwise.
pub fn first_session_from(tier: Tier, eligible_from: Option<Date>, today: Date) -> Option<Date> {
    match tier {
        Tier::NotSuitableNow => eligible_from,
        _ => Some(today),
    }
}

/// The best-graded of `ids` (regulator, label or peer-reviewed first; consumer articles last),
/// at most [`KEY_SOURCES`], in their given order within a grade.
pub fn key_sources(pack: &Pack, ids: &[Id]) -> Vec<Id> {
    let mut graded: Vec<(_, &Id)> = ids
        .iter()
        .filter_map(|id| {
            pack.sources
                .iter()
                .find(|s| &s.id == id)
                .map(|s| (s.grade, id))
        })
        .collect();
    crate::sort_stable_by_key(&mut graded, |(grade, _)| *grade);
    graded
        .into_iter()
        .take(KEY_SOURCES)
        .map(|(_, id)| id.clone())
        .collect()
}

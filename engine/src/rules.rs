//! Screening: which questions are shown, which rules fire, and the outcome tier.
//!
//! Everything here is a pure function of the content pack, the responses, the clinic's
//! minimum age and "today".

use serde::Serialize;

use crate::answers::{Answer, Responses};
use crate::date::Date;
use crate::schema::{AreaGroup, Cond, Id, Level, Pack, Question, Rule, Wait};

/// What the visitor is told overall.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// Good to book a consultation.
    GoodToBook,
    /// See a provider or doctor first.
    SeeProviderFirst,
    /// Not suitable right now.
    NotSuitableNow,
}

/// One raised flag: a rule that fired, with its reason keyed by the rule id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Flag {
    /// The rule id (the flag's text is keyed by it).
    pub rule: Id,
    /// How strongly it speaks.
    pub level: Level,
    /// True when the rule fired only because an answer was "not sure" or missing.
    pub unsure: bool,
    /// For `not_now` flags with a known end: the first day it no longer applies.
    pub eligible_from: Option<Date>,
    /// Its sources.
    pub sources: Vec<Id>,
}

/// The screening result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Outcome {
    /// The overall tier.
    pub tier: Tier,
    /// Every flag, strongest first, then in content order.
    pub flags: Vec<Flag>,
    /// When every `not_now` flag has a known end: the day the last one ends.
    pub eligible_from: Option<Date>,
    /// True when every flag at the strongest level fired only because an answer was "not
    /// sure" or missing: the visitor is told "we cannot say it is safe", not "it is not safe".
    pub unsure_only: bool,
    /// True when a rule marked `ends_check` holds: the walk-through stopped early and the
    /// questions after it were not asked.
    pub ended_early: bool,
}

/// How to read a missing or "not sure" answer.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// As a possible yes (the safe reading, always used for decisions).
    Cautious,
    /// As no: used only to tell whether a flag fired because of uncertainty.
    Literal,
}

/// Evaluation context: the pack, responses and which questions are shown.
pub struct Ctx<'a> {
    pack: &'a Pack,
    responses: &'a Responses,
    shown: Vec<bool>,
    ended: bool,
    min_age: u32,
    today: Date,
}

impl<'a> Ctx<'a> {
    /// Works out which questions are shown, in order: a question's `show_if` may only look at
    /// concerns, areas and earlier questions (validation checks this), so one pass suffices.
    ///
    /// When a rule marked `ends_check` holds on the answers given (read literally: a missing
    /// answer never ends the check), the check has ended: a second pass keeps only the
    /// questions already answered, and the follow-ups that the visitor's own answers opened
    /// (a "yes" to "isotretinoin in the last year" keeps its date question, which then reads as
    /// "not sure", so nothing the visitor said is dropped). Validation lets such rules test
    /// only questions that are always asked, so the second pass cannot change whether the
    /// check has ended.
    pub fn new(pack: &'a Pack, responses: &'a Responses, min_age: u32, today: Date) -> Ctx<'a> {
        let mut ctx = Ctx {
            pack,
            responses,
            shown: vec![false; pack.questions.len()],
            ended: false,
            min_age: min_age.max(18),
            today,
        };
        ctx.work_out_shown(false);
        ctx.ended = pack
            .rules
            .iter()
            .any(|r| r.ends_check && ctx.holds(&r.when, Reading::Literal));
        if ctx.ended {
            ctx.work_out_shown(true);
        }
        ctx
    }

    fn work_out_shown(&mut self, ended: bool) {
        for i in 0..self.pack.questions.len() {
            let q = &self.pack.questions[i];
            self.shown[i] = match &q.show_if {
                None => !ended || self.responses.answers.contains_key(&q.id),
                Some(c) if ended => {
                    (asks_for_yes(c) && self.holds(c, Reading::Literal))
                        || (self.responses.answers.contains_key(&q.id)
                            && self.holds(c, Reading::Cautious))
                }
                Some(c) => self.holds(c, Reading::Cautious),
            };
        }
    }

    /// True when the walk-through has ended early (see [`Ctx::new`]).
    pub fn ended(&self) -> bool {
        self.ended
    }

    /// The questions shown for these responses, in order.
    pub fn shown_questions(&self) -> impl Iterator<Item = &'a Question> + '_ {
        self.pack
            .questions
            .iter()
            .zip(&self.shown)
            .filter(|(_, s)| **s)
            .map(|(q, _)| q)
    }

    /// The responses this context reads.
    pub fn responses(&self) -> &'a Responses {
        self.responses
    }

    /// Whether the question with this id is shown.
    pub fn is_shown(&self, id: &str) -> bool {
        self.index(id).is_some_and(|i| self.shown[i])
    }

    fn index(&self, id: &str) -> Option<usize> {
        self.pack.questions.iter().position(|q| q.id == id)
    }

    /// The answer to a shown question; `None` for a hidden one. A shown question with no
    /// answer yet reads as "not sure".
    fn answer(&self, id: &str) -> Option<Answer> {
        let i = self.index(id)?;
        if !self.shown[i] {
            return None;
        }
        Some(
            self.responses
                .answers
                .get(id)
                .copied()
                .unwrap_or(Answer::Unsure),
        )
    }

    /// Whether a condition holds (see [`Cond`] for how "not sure" is read).
    pub fn holds_cautiously(&self, c: &Cond) -> bool {
        self.holds(c, Reading::Cautious)
    }

    fn holds(&self, c: &Cond, reading: Reading) -> bool {
        let unsure_counts = reading == Reading::Cautious;
        match c {
            Cond::All(cs) => cs.iter().all(|c| self.holds(c, reading)),
            Cond::Any(cs) => cs.iter().any(|c| self.holds(c, reading)),
            Cond::Concern(ids) => ids.iter().any(|id| self.responses.concerns.contains(id)),
            Cond::Area(ids) => ids.iter().any(|id| self.responses.areas.contains(id)),
            Cond::AreaGroup(groups) => self
                .responses
                .areas
                .iter()
                .any(|a| self.area_group(a).is_some_and(|g| groups.contains(&g))),
            Cond::Yes(q) => match self.answer(q) {
                None => false,
                Some(Answer::Yes) => true,
                Some(Answer::Unsure) => unsure_counts,
                Some(_) => false,
            },
            Cond::No(q) => matches!(self.answer(q), Some(Answer::No)),
            Cond::Below { question, value } => self.below(question, *value, unsure_counts),
            Cond::BelowMinAge(question) => self.below(question, self.min_age, unsure_counts),
            Cond::Within {
                question,
                months,
                days,
            } => match self.answer(question) {
                None => false,
                Some(Answer::Date(d)) => {
                    // Dates in the future are impossible answers: read them as "not sure".
                    if d > self.today {
                        unsure_counts
                    } else {
                        self.today < d.add_months(*months as i32).add_days(*days as i32)
                    }
                }
                Some(_) => unsure_counts,
            },
        }
    }

    fn below(&self, question: &str, value: u32, unsure_counts: bool) -> bool {
        match self.answer(question) {
            None => false,
            Some(Answer::Number(n)) => n < value,
            Some(_) => unsure_counts,
        }
    }

    fn area_group(&self, id: &str) -> Option<AreaGroup> {
        self.pack.areas.iter().find(|a| a.id == id).map(|a| a.group)
    }

    /// The flag a rule raises, if it fires.
    fn flag(&self, rule: &Rule) -> Option<Flag> {
        if !self.holds(&rule.when, Reading::Cautious) {
            return None;
        }
        let unsure = !self.holds(&rule.when, Reading::Literal);
        let eligible_from = match (&rule.eligible_after, rule.level) {
            (Some(wait), Level::NotNow) => self.wait_end(wait),
            _ => None,
        };
        Some(Flag {
            rule: rule.id.clone(),
            level: rule.level,
            unsure,
            eligible_from,
            sources: rule.sources.clone(),
        })
    }

    fn wait_end(&self, wait: &Wait) -> Option<Date> {
        match self.answer(&wait.question)? {
            Answer::Date(d) if d <= self.today => Some(
                d.add_months(wait.months as i32)
                    .add_days(wait.days as i32)
                    .max(self.today.add_days(1)),
            ),
            _ => None,
        }
    }

    /// Every flag and the overall tier.
    pub fn outcome(&self) -> Outcome {
        let mut flags: Vec<Flag> = self
            .pack
            .rules
            .iter()
            .filter_map(|r| self.flag(r))
            .collect();
        // Strongest first; a stable sort keeps content order within a level.
        crate::sort_stable_by_key(&mut flags, |f| core::cmp::Reverse(f.level));
        let tier = match flags.first().map(|f| f.level) {
            Some(Level::NotNow) => Tier::NotSuitableNow,
            Some(Level::SeeProvider) => Tier::SeeProviderFirst,
            _ => Tier::GoodToBook,
        };
        let top = flags.first().map(|f| f.level);
        let unsure_only =
            top.is_some_and(|level| flags.iter().filter(|f| f.level == level).all(|f| f.unsure));
        let not_now = flags.iter().filter(|f| f.level == Level::NotNow);
        let eligible_from = if tier == Tier::NotSuitableNow {
            not_now
                .map(|f| f.eligible_from)
                .try_fold(None::<Date>, |acc, d| d.map(|d| acc.max(Some(d))))
                .flatten()
        } else {
            None
        };
        Outcome {
            tier,
            flags,
            eligible_from,
            unsure_only,
            ended_early: self.ended,
        }
    }
}

/// Whether a condition waits on a "yes" to some question (a follow-up that an answer opens).
fn asks_for_yes(c: &Cond) -> bool {
    match c {
        Cond::All(cs) | Cond::Any(cs) => cs.iter().any(asks_for_yes),
        Cond::Yes(_) => true,
        _ => false,
    }
}

/// Screens the responses: the outcome tier and every flag with its reason id and sources.
pub fn evaluate(pack: &Pack, responses: &Responses, min_age: u32, today: Date) -> Outcome {
    Ctx::new(pack, responses, min_age, today).outcome()
}

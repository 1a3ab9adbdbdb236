//! The walk-through as a pure state machine: which screen comes next, what Back does, and an
//! honest progress figure. The widget keeps one [`Journey`] and applies [`Action`]s to it.

use std::collections::BTreeSet;

use crate::answers::{Answer, Responses};
use crate::date::Date;
use crate::rules::Ctx;
use crate::schema::{Id, Pack};

/// One screen of the walk-through.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// What the check is; the start button.
    Welcome,
    /// Choose skin concerns.
    Concerns,
    /// Choose treatment areas.
    Areas,
    /// One eligibility question.
    Question(Id),
    /// The outcome and the plan.
    Results,
}

impl Step {
    /// A short key for browser history (`welcome`, `concerns`, `areas`, `q:<id>`, `results`).
    pub fn key(&self) -> String {
        match self {
            Step::Welcome => "welcome".into(),
            Step::Concerns => "concerns".into(),
            Step::Areas => "areas".into(),
            Step::Question(id) => {
                let mut key = String::from("q:");
                key.push_str(id);
                key
            }
            Step::Results => "results".into(),
        }
    }

    /// Reads a key written by [`Step::key`].
    pub fn from_key(key: &str) -> Option<Step> {
        Some(match key {
            "welcome" => Step::Welcome,
            "concerns" => Step::Concerns,
            "areas" => Step::Areas,
            "results" => Step::Results,
            _ => Step::Question(key.strip_prefix("q:")?.into()),
        })
    }
}

/// Something the visitor does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Leave the welcome screen.
    Start,
    /// Confirm the chosen concerns (at least one).
    ChooseConcerns(BTreeSet<Id>),
    /// Confirm the chosen areas (at least one).
    ChooseAreas(BTreeSet<Id>),
    /// Answer the question on screen.
    Answer(Answer),
    /// Go to the previous screen.
    Back,
    /// Jump to a screen (browser history, "change an answer"); ignored if not reachable.
    Show(Step),
    /// Set or clear the planned first-session date (refused before the first day the outcome
    /// allows, or when it allows no dated plan).
    FirstSession(Option<Date>),
    /// Forget everything and go back to the welcome screen.
    Restart,
}

/// Where the visitor is and what they have said.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Journey {
    /// The screen on show.
    pub step: StepSlot,
    /// Everything chosen and answered so far.
    pub responses: Responses,
    /// True after "change an answer" from the results: answering returns to the results as
    /// soon as nothing is left unanswered.
    pub reviewing: bool,
}

/// The current step (a newtype so `Journey` can derive `Default` as the welcome screen).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepSlot(pub Step);

impl Default for StepSlot {
    fn default() -> Self {
        StepSlot(Step::Welcome)
    }
}

/// How far through the visitor is: `done` of `total` steps, where the total counts only the
/// questions shown for the answers so far, so it moves as questions appear or drop out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Steps completed.
    pub done: u32,
    /// Steps in all, for the answers so far.
    pub total: u32,
}

impl Journey {
    /// The screen on show.
    pub fn step(&self) -> &Step {
        &self.step.0
    }

    /// Applies an action and returns whether anything changed. `min_age` and `today` feed the
    /// visibility rules.
    pub fn apply(&mut self, pack: &Pack, action: Action, min_age: u32, today: Date) -> bool {
        let before = self.clone();
        match action {
            Action::Start => {
                if self.step.0 == Step::Welcome {
                    self.step.0 = Step::Concerns;
                }
            }
            Action::ChooseConcerns(set) => {
                if self.step.0 == Step::Concerns && !set.is_empty() {
                    self.responses.concerns = set;
                    self.step.0 = if self.reviewing {
                        self.after_change(pack, min_age, today)
                    } else {
                        Step::Areas
                    };
                }
            }
            Action::ChooseAreas(set) => {
                if self.step.0 == Step::Areas && !set.is_empty() {
                    self.responses.areas = set;
                    self.step.0 = if self.reviewing {
                        self.after_change(pack, min_age, today)
                    } else {
                        self.first_question(pack, min_age, today)
                    };
                }
            }
            Action::Answer(answer) => {
                if let Step::Question(id) = self.step.0.clone() {
                    let Some(q) = pack.questions.iter().find(|q| q.id == id) else {
                        return false;
                    };
                    if q.accepts(answer, today).is_err() {
                        return false;
                    }
                    self.responses.answers.insert(id.clone(), answer);
                    self.step.0 = if self.reviewing {
                        self.after_change(pack, min_age, today)
                    } else {
                        self.question_after(pack, &id, min_age, today)
                    };
                }
            }
            Action::Back => {
                self.step.0 = self.previous(pack, min_age, today);
            }
            Action::Show(step) => {
                if self.reachable(pack, &step, min_age, today) {
                    if step != Step::Results && self.step.0 == Step::Results {
                        self.reviewing = true;
                    }
                    if step == Step::Welcome {
                        self.reviewing = false;
                    }
                    self.step.0 = step;
                }
            }
            Action::FirstSession(date) => {
                // A dated plan only where the outcome allows one, never before the first day
                // treatment may start (the eligible-from day for a not-now visitor).
                let allowed = date.is_none_or(|d| {
                    let o = self.ctx(pack, min_age, today).outcome();
                    crate::report::first_session_from(o.tier, o.eligible_from, today)
                        .is_some_and(|from| d >= from)
                });
                if allowed {
                    self.responses.first_session = date;
                }
            }
            Action::Restart => *self = Journey::default(),
        }
        if self.step.0 == Step::Results {
            self.reviewing = false;
        }
        *self != before
    }

    fn ctx<'a>(&'a self, pack: &'a Pack, min_age: u32, today: Date) -> Ctx<'a> {
        Ctx::new(pack, &self.responses, min_age, today)
    }

    /// The ids of the questions shown for the answers so far.
    pub fn shown(&self, pack: &Pack, min_age: u32, today: Date) -> Vec<Id> {
        self.ctx(pack, min_age, today)
            .shown_questions()
            .map(|q| q.id.clone())
            .collect()
    }

    fn first_question(&self, pack: &Pack, min_age: u32, today: Date) -> Step {
        match self.shown(pack, min_age, today).into_iter().next() {
            Some(id) => Step::Question(id),
            None => Step::Results,
        }
    }

    fn question_after(&self, pack: &Pack, id: &str, min_age: u32, today: Date) -> Step {
        let ctx = self.ctx(pack, min_age, today);
        if ctx.ended() {
            return Step::Results;
        }
        let pos = pack.questions.iter().position(|q| q.id == id);
        // The next shown question after this one in content order.
        let next = ctx
            .shown_questions()
            .find(|q| pack.questions.iter().position(|x| x.id == q.id) > pos);
        match next {
            Some(q) => Step::Question(q.id.clone()),
            None => Step::Results,
        }
    }

    /// After a change from the results: the first shown question still unanswered, or the
    /// results again.
    fn after_change(&self, pack: &Pack, min_age: u32, today: Date) -> Step {
        let ctx = self.ctx(pack, min_age, today);
        if ctx.ended() {
            return Step::Results;
        }
        let next = ctx
            .shown_questions()
            .find(|q| !self.responses.answers.contains_key(&q.id))
            .map(|q| Step::Question(q.id.clone()));
        next.unwrap_or(Step::Results)
    }

    /// The first shown question with no answer yet.
    pub fn first_unanswered(&self, pack: &Pack, min_age: u32, today: Date) -> Option<Id> {
        self.shown(pack, min_age, today)
            .into_iter()
            .find(|id| !self.responses.answers.contains_key(id))
    }

    fn previous(&self, pack: &Pack, min_age: u32, today: Date) -> Step {
        match &self.step.0 {
            Step::Welcome | Step::Concerns => Step::Welcome,
            Step::Areas => Step::Concerns,
            Step::Question(id) => {
                let shown = self.shown(pack, min_age, today);
                match shown.iter().position(|s| s == id) {
                    Some(0) | None => Step::Areas,
                    Some(i) => Step::Question(shown[i - 1].clone()),
                }
            }
            Step::Results => match self.shown(pack, min_age, today).pop() {
                Some(id) => Step::Question(id),
                None => Step::Areas,
            },
        }
    }

    /// Whether a step can be shown now: concerns and areas once started, a question once it is
    /// shown and every earlier shown question is answered, the results once all are answered
    /// or the check has ended early.
    pub fn reachable(&self, pack: &Pack, step: &Step, min_age: u32, today: Date) -> bool {
        let chosen = !self.responses.concerns.is_empty() && !self.responses.areas.is_empty();
        match step {
            Step::Welcome | Step::Concerns => true,
            Step::Areas => !self.responses.concerns.is_empty(),
            Step::Question(id) => {
                chosen && {
                    let shown = self.shown(pack, min_age, today);
                    match shown.iter().position(|s| s == id) {
                        Some(i) => shown[..i]
                            .iter()
                            .all(|s| self.responses.answers.contains_key(s)),
                        None => false,
                    }
                }
            }
            Step::Results => {
                chosen
                    && (self.first_unanswered(pack, min_age, today).is_none()
                        || self.ctx(pack, min_age, today).ended())
            }
        }
    }

    /// Steps completed out of steps in all.
    pub fn progress(&self, pack: &Pack, min_age: u32, today: Date) -> Progress {
        let shown = self.shown(pack, min_age, today);
        let answered = shown
            .iter()
            .filter(|id| self.responses.answers.contains_key(*id))
            .count() as u32;
        let done = u32::from(!self.responses.concerns.is_empty())
            + u32::from(!self.responses.areas.is_empty())
            + answered;
        Progress {
            done,
            total: 2 + shown.len() as u32,
        }
    }

    /// Restores a journey from stored responses and a step key. The step falls back to the
    /// furthest reachable one when the stored step is not reachable.
    pub fn restore(
        pack: &Pack,
        responses: Responses,
        step: Option<Step>,
        min_age: u32,
        today: Date,
    ) -> Journey {
        let mut j = Journey {
            step: StepSlot(Step::Welcome),
            responses,
            reviewing: false,
        };
        let wanted = step.unwrap_or(Step::Welcome);
        j.step.0 = if j.reachable(pack, &wanted, min_age, today) {
            wanted
        } else if let Some(id) = j
            .first_unanswered(pack, min_age, today)
            .filter(|_| !j.responses.areas.is_empty() && !j.ctx(pack, min_age, today).ended())
        {
            Step::Question(id)
        } else if !j.responses.areas.is_empty() {
            Step::Results
        } else if !j.responses.concerns.is_empty() {
            Step::Areas
        } else {
            Step::Welcome
        };
        j
    }
}

//! The app's one reducer. It holds the engine's [`Journey`] and hands every action to it, so
//! the walk-through logic lives (and is tested) in the engine.

use std::collections::BTreeMap;
use std::rc::Rc;

use selfcheck_engine::{Action, Date, Journey, Responses, Step};
use yew::Reducible;

use crate::content::DataRef;

/// What the widget remembers while it runs.
#[derive(Debug, PartialEq)]
pub struct State {
    /// The content, in the language on screen.
    pub data: DataRef,
    /// The content as the visit started (the clinic's or the visitor's browser's language):
    /// what a kiosk goes back to for the next visitor.
    pub home: DataRef,
    /// The day the visit started.
    pub today: Date,
    /// Screen and responses.
    pub journey: Journey,
    /// True when the current step came from the browser's Back or Forward button (so it must
    /// not be pushed to history again).
    pub from_history: bool,
    /// A UI text key to show once at the top (such as "restore_failed").
    pub notice: Option<&'static str>,
    /// Results sections the visitor opened or closed, by section id; the others keep their
    /// default. Kept while they go back and forth; forgotten when they start again.
    pub sections: BTreeMap<&'static str, bool>,
    /// The text size a kiosk visitor chose: 1 (normal) to 3.
    pub text_size: u8,
    /// Counts kiosk resets: each one is a new visitor.
    pub visit: u32,
    /// Clinic staff reading a visitor's hand-over code: the results, read-only, as of the day
    /// the code was made. Only "close" (Start again) leaves it.
    pub staff: bool,
    /// The visitor chose to keep their answers on this device (save and resume).
    pub keep: bool,
}

/// What the page found when it started: this tab's copy of the answers, the copy the visitor
/// chose to keep on this device, and a hand-over code in the address.
#[derive(Default)]
pub struct Stored {
    /// This tab's responses and step key (session storage).
    pub session: Option<(String, Option<String>)>,
    /// The kept copy (local storage): `<content version>~<step key>~<responses>`.
    pub kept: Option<String>,
    /// A hand-over code from the address's fragment.
    pub handover: Option<String>,
}

/// Something that happened.
pub enum Msg {
    /// The visitor did something.
    Do(Action),
    /// The browser moved through history to this step.
    History(Step),
    /// A results section was opened (`true`) or closed.
    Section(&'static str, bool),
    /// The visitor chose another language: the same content in it; answers and place stay.
    /// Ignored if a kiosk reset came first (the visit number it was asked in has passed), so a
    /// late download never reaches the next visitor.
    Data(DataRef, u32),
    /// A UI text key to show once at the top.
    Notice(&'static str),
    /// A kiosk visitor chose a text size (1 to 3).
    TextSize(u8),
    /// Clear everything for the next visitor (a kiosk's reset): answers, open sections,
    /// language and text size, as on the day of the reset.
    Reset,
    /// Keep the answers on this device (`true`), or forget the kept copy.
    Keep(bool),
}

impl State {
    /// A fresh state: a hand-over code's staff summary, else this tab's stored session, else
    /// the copy kept on this device, when each is sound. Anything unsound is dropped with a
    /// short notice.
    pub fn new(data: DataRef, today: Date, stored: Stored) -> State {
        let mut state = State::fresh(data, today, 0);
        let pack = &state.data.pack;
        let min_age = state.data.min_age();
        if let Some(code) = stored.handover {
            match selfcheck_engine::handover::decode(&code, pack, min_age) {
                Ok(h) => {
                    // The results as the visitor's device showed them, whatever is unanswered
                    // (which counts as "not sure", as it did for them).
                    state.journey = Journey {
                        step: selfcheck_engine::journey::StepSlot(Step::Results),
                        responses: h.responses,
                        reviewing: false,
                    };
                    state.today = h.made_on;
                    state.staff = true;
                }
                Err(e) => state.notice = Some(handover_notice(&e)),
            }
            return state;
        }
        state.keep = stored.kept.is_some();
        let (text, step, failed) = match (stored.session, stored.kept) {
            (Some((text, step)), _) => (text, step, "restore_failed"),
            (None, Some(kept)) => {
                let mut parts = kept.splitn(3, '~');
                let (version, step, text) = (parts.next(), parts.next(), parts.next());
                match (version, text) {
                    (Some(v), Some(text)) if v == pack.meta.version => {
                        state.notice = Some("kept_restored");
                        (text.to_string(), step.map(str::to_string), "kept_dropped")
                    }
                    _ => {
                        state.keep = false;
                        state.notice = Some("kept_dropped");
                        return state;
                    }
                }
            }
            (None, None) => return state,
        };
        match Responses::decode(&text, pack, today) {
            Ok(responses) => {
                state.journey = Journey::restore(
                    pack,
                    responses,
                    step.as_deref().and_then(Step::from_key),
                    min_age,
                    today,
                )
            }
            Err(_) => {
                // A kept copy that cannot be read is forgotten (the app clears it).
                if failed == "kept_dropped" {
                    state.keep = false;
                }
                state.notice = Some(failed)
            }
        }
        state
    }

    /// Nothing chosen or answered, on the welcome screen.
    fn fresh(data: DataRef, today: Date, visit: u32) -> State {
        State {
            home: data.clone(),
            data,
            today,
            journey: Journey::default(),
            from_history: false,
            notice: None,
            sections: BTreeMap::new(),
            text_size: 1,
            visit,
            staff: false,
            keep: false,
        }
    }

    /// A kiosk's reset: the next visitor's fresh start, on today's date.
    fn reset(&self) -> Rc<State> {
        Rc::new(State::fresh(
            self.home.clone(),
            crate::browser::today(),
            self.visit + 1,
        ))
    }

    /// Whether the next visitor would find the screen exactly as a fresh start leaves it.
    pub fn untouched(&self) -> bool {
        self.journey == Default::default()
            && Rc::ptr_eq(&self.data, &self.home)
            && self.text_size == 1
            && self.notice.is_none()
    }
}

/// The notice for a hand-over code that was refused, by the engine's reason.
fn handover_notice(e: &selfcheck_engine::handover::HandoverError) -> &'static str {
    use selfcheck_engine::handover::HandoverError as E;
    match e {
        E::NotACode | E::Damaged => "handover_damaged",
        E::OtherVersion(_) => "handover_other_version",
        E::Refused(_) => "handover_refused",
        E::Changed => "handover_changed",
    }
}

impl Reducible for State {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = State {
            data: self.data.clone(),
            home: self.home.clone(),
            today: self.today,
            journey: self.journey.clone(),
            from_history: false,
            notice: self.notice,
            sections: self.sections.clone(),
            text_size: self.text_size,
            visit: self.visit,
            staff: self.staff,
            keep: self.keep,
        };
        let (action, from_history) = match msg {
            Msg::Reset => return self.reset(),
            // Closing a staff summary leaves nothing of it; the visitor's own journey starts.
            Msg::Do(Action::Restart) if self.staff => return self.reset(),
            // A staff summary is read-only.
            Msg::Do(_) | Msg::History(_) if self.staff => return self,
            Msg::Keep(keep) => {
                next.keep = keep;
                next.notice = (!keep).then_some("kept_forgotten");
                return Rc::new(next);
            }
            // In a kiosk, "Start again" ("I'm done") is the full reset for the next visitor.
            Msg::Do(Action::Restart) if self.data.clinic.kiosk.enabled => return self.reset(),
            Msg::Do(a) => (a, false),
            Msg::History(step) => (Action::Show(step), true),
            Msg::Data(_, visit) if visit != self.visit => return self,
            Msg::Data(data, _) => {
                next.data = data;
                next.notice = None;
                return Rc::new(next);
            }
            Msg::Notice(key) => {
                next.notice = Some(key);
                return Rc::new(next);
            }
            Msg::Section(id, open) => {
                next.sections.insert(id, open);
                return Rc::new(next);
            }
            Msg::TextSize(size) => {
                next.text_size = size.clamp(1, 3);
                return Rc::new(next);
            }
        };
        let restart = action == Action::Restart;
        if !next
            .journey
            .apply(&self.data.pack, action, self.data.min_age(), self.today)
        {
            return self;
        }
        next.from_history = from_history;
        next.notice = None;
        // Starting again forgets everything, the open sections too.
        if restart {
            next.sections.clear();
        }
        Rc::new(next)
    }
}

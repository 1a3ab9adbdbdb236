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
}

impl State {
    /// A fresh state, restoring this tab's stored session when it is sound.
    pub fn new(data: DataRef, today: Date, stored: Option<(String, Option<String>)>) -> State {
        let mut state = State::fresh(data, today, 0);
        if let Some((text, step)) = stored {
            match Responses::decode(&text, &state.data.pack, today) {
                Ok(responses) => {
                    state.journey = Journey::restore(
                        &state.data.pack,
                        responses,
                        step.as_deref().and_then(Step::from_key),
                        state.data.min_age(),
                        today,
                    )
                }
                Err(_) => state.notice = Some("restore_failed"),
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
        };
        let (action, from_history) = match msg {
            Msg::Reset => return self.reset(),
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

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
    /// The content.
    pub data: DataRef,
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
    Data(DataRef),
    /// A UI text key to show once at the top.
    Notice(&'static str),
}

impl State {
    /// A fresh state, restoring this tab's stored session when it is sound.
    pub fn new(data: DataRef, today: Date, stored: Option<(String, Option<String>)>) -> State {
        let mut notice = None;
        let journey = match stored {
            None => Journey::default(),
            Some((text, step)) => match Responses::decode(&text, &data.pack, today) {
                Ok(responses) => Journey::restore(
                    &data.pack,
                    responses,
                    step.as_deref().and_then(Step::from_key),
                    data.min_age(),
                    today,
                ),
                Err(_) => {
                    notice = Some("restore_failed");
                    Journey::default()
                }
            },
        };
        State {
            data,
            today,
            journey,
            from_history: false,
            notice,
            sections: BTreeMap::new(),
        }
    }
}

impl Reducible for State {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let (action, from_history) = match msg {
            Msg::Do(a) => (a, false),
            Msg::History(step) => (Action::Show(step), true),
            Msg::Data(data) => {
                return Rc::new(State {
                    data,
                    today: self.today,
                    journey: self.journey.clone(),
                    from_history: false,
                    notice: None,
                    sections: self.sections.clone(),
                });
            }
            Msg::Notice(key) => {
                return Rc::new(State {
                    data: self.data.clone(),
                    today: self.today,
                    journey: self.journey.clone(),
                    from_history: false,
                    notice: Some(key),
                    sections: self.sections.clone(),
                });
            }
            Msg::Section(id, open) => {
                let mut sections = self.sections.clone();
                sections.insert(id, open);
                return Rc::new(State {
                    data: self.data.clone(),
                    today: self.today,
                    journey: self.journey.clone(),
                    from_history: false,
                    notice: self.notice,
                    sections,
                });
            }
        };
        let restart = action == Action::Restart;
        let mut journey = self.journey.clone();
        let changed = journey.apply(&self.data.pack, action, self.data.min_age(), self.today);
        if !changed {
            return self;
        }
        Rc::new(State {
            data: self.data.clone(),
            today: self.today,
            journey,
            from_history,
            notice: None,
            // Starting again forgets everything, the open sections too.
            sections: if restart {
                BTreeMap::new()
            } else {
                self.sections.clone()
            },
        })
    }
}

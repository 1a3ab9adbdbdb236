//! The messages between the widget in its iframe and the clinic page around it (version 1,
//! documented in `docs/embedding.md`). Every message is an object with `"selfcheck": 1` and a
//! `"type"`. The widget sends them only to an origin in the clinic's allow-list
//! ([`crate::config::Clinic::message_target`]), never to `*`, and reads only messages from that
//! origin whose shape [`Incoming::parse`] accepts.
//!
//! No answer ever leaves the iframe. The outcome and the question on screen are health details:
//! they are added only when the clinic's `embed.share_health_details` is on.

use crate::config::Value;
use crate::journey::Step;
use crate::rules::Tier;

/// The protocol version every message carries as `"selfcheck"`.
pub const VERSION: u32 = 1;

/// A message from the widget to the host page.
#[derive(Clone, Debug, PartialEq)]
pub enum Outgoing {
    /// The widget has started: its title (for the iframe's `title`) and language.
    Ready {
        /// The widget's name in the visitor's language.
        title: String,
        /// The language code.
        lang: String,
    },
    /// The widget's content height in CSS pixels, sent whenever it changes.
    Height(u32),
    /// A new screen; with health details shared, the question's id too.
    Step {
        /// The screen.
        step: Step,
        /// Whether health details may be shared.
        share: bool,
    },
    /// The results are on screen; with health details shared, the outcome too.
    Outcome {
        /// The outcome.
        tier: Tier,
        /// Whether health details may be shared.
        share: bool,
    },
    /// The visitor chose "Book a consultation".
    Booking,
}

/// The step event for moving from `before` to `now`, if the host page should get one. Without
/// health details shared, one event marks the start of the questions, not one per question:
/// how many questions a visitor is asked depends on their answers.
pub fn step_event(before: Option<&Step>, now: &Step, share: bool) -> Option<Outgoing> {
    let same_kind = before.is_some_and(|b| step_kind(b) == step_kind(now));
    (share || !same_kind).then(|| Outgoing::Step {
        step: now.clone(),
        share,
    })
}

/// The kind of screen, as host pages see it.
pub fn step_kind(step: &Step) -> &'static str {
    match step {
        Step::Welcome => "welcome",
        Step::Concerns => "concerns",
        Step::Areas => "areas",
        Step::Question(_) => "question",
        Step::Results => "results",
    }
}

/// The outcome's name in messages.
pub fn tier_name(tier: Tier) -> &'static str {
    match tier {
        Tier::GoodToBook => "good_to_book",
        Tier::SeeProviderFirst => "see_provider_first",
        Tier::NotSuitableNow => "not_suitable_now",
    }
}

impl Outgoing {
    /// The message as a JSON-shaped value.
    pub fn to_value(&self) -> Value {
        let text = |s: &str| Value::Text(s.to_string());
        let (kind, mut fields): (&str, Vec<(String, Value)>) = match self {
            Outgoing::Ready { title, lang } => (
                "ready",
                vec![("title".into(), text(title)), ("lang".into(), text(lang))],
            ),
            Outgoing::Height(h) => (
                "height",
                vec![("height".into(), Value::Number(f64::from(*h)))],
            ),
            Outgoing::Step { step, share } => {
                let mut f = vec![("step".into(), text(step_kind(step)))];
                if let (true, Step::Question(id)) = (share, step) {
                    f.push(("question".into(), text(id)));
                }
                ("step", f)
            }
            Outgoing::Outcome { tier, share } => (
                "outcome",
                if *share {
                    vec![("tier".into(), text(tier_name(*tier)))]
                } else {
                    Vec::new()
                },
            ),
            Outgoing::Booking => ("booking", Vec::new()),
        };
        let mut all = vec![
            ("selfcheck".into(), Value::Number(f64::from(VERSION))),
            ("type".into(), text(kind)),
        ];
        all.append(&mut fields);
        Value::Map(all)
    }
}

/// A message from the host page that the widget acts on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Incoming {
    /// Clear every answer and go back to the welcome screen (a host closing a pop-up).
    Restart,
    /// Send the height again.
    Measure,
}

impl Incoming {
    /// The message if it has exactly the documented shape (`{"selfcheck": 1, "type": "restart"}`
    /// or `"measure"`, no other keys); anything else is `None` and is ignored.
    pub fn parse(v: &Value) -> Option<Incoming> {
        let Value::Map(entries) = v else { return None };
        if entries.len() != 2 || v.get("selfcheck") != Some(&Value::Number(f64::from(VERSION))) {
            return None;
        }
        match v.get("type")? {
            Value::Text(t) if t == "restart" => Some(Incoming::Restart),
            Value::Text(t) if t == "measure" => Some(Incoming::Measure),
            _ => None,
        }
    }
}

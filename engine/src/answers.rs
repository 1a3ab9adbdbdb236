//! The visitor's responses: chosen concerns and areas, and one answer per question.
//!
//! Responses cross trust boundaries (session storage, hand-over codes, the CLI), so they have
//! a compact, versioned text form ([`Responses::encode`] / [`Responses::decode`]) that rejects
//! anything it does not fully understand, and a JSON form for the command-line tool.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

use crate::date::Date;
use crate::schema::{Id, Pack, Question, QuestionKind};

/// One answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    /// Yes.
    Yes,
    /// No.
    No,
    /// Not sure (never read as no).
    Unsure,
    /// A day.
    Date(Date),
    /// A whole number.
    Number(u32),
}

/// Everything the visitor has chosen and answered.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Responses {
    /// Chosen concern ids.
    #[serde(default)]
    pub concerns: BTreeSet<Id>,
    /// Chosen area ids.
    #[serde(default)]
    pub areas: BTreeSet<Id>,
    /// Answers keyed by question id. Answers to questions that are no longer shown are kept
    /// (so changing an answer back restores them) but never read.
    #[serde(default)]
    pub answers: BTreeMap<Id, Answer>,
    /// The planned first session, if the visitor gave one.
    #[serde(default)]
    pub first_session: Option<Date>,
}

/// Why stored or handed-over responses were refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Not the `mn1` format this version writes.
    UnknownVersion,
    /// A part is not of the form the format needs.
    Malformed(String),
    /// A concern, area or question id the content pack does not have.
    UnknownId(String),
    /// An answer that does not fit its question: the part, and why.
    BadAnswer(String, Refusal),
}

impl core::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            DecodeError::UnknownVersion => f.write_str("not a version this widget can read"),
            DecodeError::Malformed(p) => write!(f, "malformed part: {p:?}"),
            DecodeError::UnknownId(id) => write!(f, "unknown id: {id:?}"),
            DecodeError::BadAnswer(p, why) => write!(f, "answer {p:?} is refused: {why}"),
        }
    }
}

pub(crate) const VERSION_TAG: &str = "mn1";

impl Answer {
    /// The compact form: `y`, `n`, `u`, `YYYY-MM-DD` or digits.
    pub fn code(&self) -> String {
        match self {
            Answer::Yes => "y".into(),
            Answer::No => "n".into(),
            Answer::Unsure => "u".into(),
            Answer::Date(d) => d.iso(),
            Answer::Number(n) => n.to_string(),
        }
    }

    /// Reads the compact form (also the JSON string form: `yes`, `no`, `unsure`).
    pub fn parse(s: &str) -> Option<Answer> {
        match s {
            "y" | "yes" => Some(Answer::Yes),
            "n" | "no" => Some(Answer::No),
            "u" | "unsure" | "not_sure" => Some(Answer::Unsure),
            _ if s.len() == 10 => Date::parse(s).ok().map(Answer::Date),
            _ if !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()) => {
                s.parse().ok().map(Answer::Number)
            }
            _ => None,
        }
    }
}

/// Why an answer does not fit its question. The one place that decides what an answer may be:
/// the walk-through, the decoder of stored and handed-over answers, and the command-line tool
/// all ask [`Question::accepts`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// An answer of another kind (a date to a yes/no question, a word where a number goes).
    WrongKind(QuestionKind),
    /// "Not sure" to a question that does not offer it (age).
    UnsureNotOffered,
    /// A number outside the question's bounds.
    NumberOutOfRange {
        /// Smallest number accepted.
        min: u32,
        /// Largest number accepted.
        max: u32,
    },
    /// A date after today, or further back than the question asks about.
    DateOutsideWindow {
        /// The first day accepted.
        earliest: Date,
        /// The last day accepted (today).
        latest: Date,
    },
}

impl core::fmt::Display for Refusal {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Refusal::WrongKind(QuestionKind::YesNo) => {
                f.write_str("the answer must be yes, no or not sure")
            }
            Refusal::WrongKind(QuestionKind::PastDate) => {
                f.write_str("the answer must be a date written YYYY-MM-DD, or not sure")
            }
            Refusal::WrongKind(QuestionKind::Number) => {
                f.write_str("the answer must be a whole number")
            }
            Refusal::UnsureNotOffered => {
                f.write_str("\"not sure\" is not offered for this question")
            }
            Refusal::NumberOutOfRange { min, max } => {
                write!(f, "the number must be from {min} to {max}")
            }
            Refusal::DateOutsideWindow { earliest, latest } => write!(
                f,
                "the date must be from {} to {}",
                earliest.iso(),
                latest.iso()
            ),
        }
    }
}

impl Question {
    /// The first day a date answer may be, counted back from `today`.
    pub fn earliest(&self, today: Date) -> Date {
        today.add_months(-(self.months_back.unwrap_or(12) as i32))
    }

    /// The numbers a number question accepts, `min..=max`.
    pub fn number_range(&self) -> (u32, u32) {
        (self.min.unwrap_or(0), self.max.unwrap_or(u32::MAX))
    }

    /// Whether `answer` fits this question on `today`: the right kind, "not sure" only where
    /// offered, a number within `min..=max`, a date from [`Question::earliest`] to today.
    pub fn accepts(&self, answer: Answer, today: Date) -> Result<(), Refusal> {
        match (answer, self.kind) {
            (Answer::Unsure, _) if self.unsure => Ok(()),
            (Answer::Unsure, _) => Err(Refusal::UnsureNotOffered),
            (Answer::Yes | Answer::No, QuestionKind::YesNo) => Ok(()),
            (Answer::Number(n), QuestionKind::Number) => {
                let (min, max) = self.number_range();
                if (min..=max).contains(&n) {
                    Ok(())
                } else {
                    Err(Refusal::NumberOutOfRange { min, max })
                }
            }
            (Answer::Date(d), QuestionKind::PastDate) => {
                let earliest = self.earliest(today);
                if d >= earliest && d <= today {
                    Ok(())
                } else {
                    Err(Refusal::DateOutsideWindow {
                        earliest,
                        latest: today,
                    })
                }
            }
            (_, kind) => Err(Refusal::WrongKind(kind)),
        }
    }
}

impl Responses {
    /// The compact text form, `mn1;c=..;a=..;q=id:ans,..;f=date`, ids in sorted order.
    pub fn encode(&self) -> String {
        let join =
            |set: &BTreeSet<Id>| set.iter().map(String::as_str).collect::<Vec<_>>().join(",");
        let answers: Vec<String> = self
            .answers
            .iter()
            .map(|(id, a)| {
                let mut s = id.clone();
                s.push(':');
                s.push_str(&a.code());
                s
            })
            .collect();
        let mut out = String::from(VERSION_TAG);
        out.push_str(";c=");
        out.push_str(&join(&self.concerns));
        out.push_str(";a=");
        out.push_str(&join(&self.areas));
        out.push_str(";q=");
        out.push_str(&answers.join(","));
        if let Some(d) = self.first_session {
            out.push_str(";f=");
            out.push_str(&d.iso());
        }
        out
    }

    /// Reads the compact text form and checks every id against `pack` and every answer with
    /// [`Question::accepts`] on `today`.
    pub fn decode(text: &str, pack: &Pack, today: Date) -> Result<Responses, DecodeError> {
        let mut parts = text.trim().split(';');
        if parts.next() != Some(VERSION_TAG) {
            return Err(DecodeError::UnknownVersion);
        }
        let mut r = Responses::default();
        for part in parts {
            let (key, value) = part
                .split_once('=')
                .ok_or_else(|| DecodeError::Malformed(part.into()))?;
            let items = value.split(',').filter(|s| !s.is_empty());
            match key {
                "c" => {
                    for id in items {
                        if !pack.concerns.iter().any(|c| c.id == id) {
                            return Err(DecodeError::UnknownId(id.into()));
                        }
                        r.concerns.insert(id.into());
                    }
                }
                "a" => {
                    for id in items {
                        if !pack.areas.iter().any(|a| a.id == id) {
                            return Err(DecodeError::UnknownId(id.into()));
                        }
                        r.areas.insert(id.into());
                    }
                }
                "q" => {
                    for item in items {
                        let (id, code) = item
                            .split_once(':')
                            .ok_or_else(|| DecodeError::Malformed(item.into()))?;
                        let q = pack
                            .questions
                            .iter()
                            .find(|q| q.id == id)
                            .ok_or_else(|| DecodeError::UnknownId(id.into()))?;
                        let answer = Answer::parse(code).ok_or_else(|| {
                            DecodeError::BadAnswer(item.into(), Refusal::WrongKind(q.kind))
                        })?;
                        q.accepts(answer, today)
                            .map_err(|why| DecodeError::BadAnswer(item.into(), why))?;
                        r.answers.insert(id.into(), answer);
                    }
                }
                "f" => {
                    r.first_session =
                        Some(Date::parse(value).map_err(|_| DecodeError::Malformed(part.into()))?);
                }
                _ => return Err(DecodeError::Malformed(part.into())),
            }
        }
        Ok(r)
    }
}

impl Serialize for Answer {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Answer::Yes => s.serialize_str("yes"),
            Answer::No => s.serialize_str("no"),
            Answer::Unsure => s.serialize_str("unsure"),
            Answer::Date(d) => d.serialize(s),
            Answer::Number(n) => s.serialize_u32(*n),
        }
    }
}

impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Answer, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Answer;
            fn expecting(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
                f.write_str("\"yes\", \"no\", \"unsure\", a date \"YYYY-MM-DD\" or a whole number")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Answer, E> {
                match s {
                    "yes" => Ok(Answer::Yes),
                    "no" => Ok(Answer::No),
                    "unsure" => Ok(Answer::Unsure),
                    _ => Date::parse(s)
                        .map(Answer::Date)
                        .map_err(|_| E::invalid_value(serde::de::Unexpected::Str(s), &self)),
                }
            }
            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Answer, E> {
                u32::try_from(n)
                    .map(Answer::Number)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(n), &self))
            }
            fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Answer, E> {
                u32::try_from(n)
                    .map(Answer::Number)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Signed(n), &self))
            }
        }
        d.deserialize_any(V)
    }
}

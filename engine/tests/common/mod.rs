//! Shared test helpers: the real content pack, and responses built from a few overrides on top
//! of a "no to everything" baseline.
#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::OnceLock;

use selfcheck_engine::load::load_dir;
use selfcheck_engine::{Answer, Content, Date, Responses};

pub fn content_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../content")
}

/// The real content pack, loaded and validated once.
pub fn content() -> &'static Content {
    static C: OnceLock<Content> = OnceLock::new();
    C.get_or_init(|| {
        load_dir(&content_dir()).unwrap_or_else(|errors| {
            panic!(
                "content/ is invalid:\n{}",
                errors
                    .iter()
                    .map(|e| e.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        })
    })
}

/// A question of the real content, by id.
pub fn question(id: &str) -> &'static selfcheck_engine::schema::Question {
    content()
        .pack
        .questions
        .iter()
        .find(|q| q.id == id)
        .unwrap_or_else(|| panic!("no question {id}"))
}

/// The first day a date question accepts on `today`, counted here from its `months_back`.
pub fn window_start(id: &str, today: &str) -> Date {
    d(today).add_months(-(question(id).months_back.expect("a date question") as i32))
}

pub fn d(s: &str) -> Date {
    Date::parse(s).unwrap_or_else(|_| panic!("bad test date {s}"))
}

/// Parses a test answer: "yes", "no", "unsure", a date or a number.
pub fn a(s: &str) -> Answer {
    Answer::parse(s).unwrap_or_else(|| panic!("bad test answer {s}"))
}

/// A visitor who answers "no" to every yes/no question (and 35 to age), with overrides.
pub fn visitor(concerns: &[&str], areas: &[&str], overrides: &[(&str, &str)]) -> Responses {
    let c = content();
    let mut r = Responses {
        concerns: concerns.iter().map(|s| s.to_string()).collect(),
        areas: areas.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    };
    for q in &c.pack.questions {
        if q.kind == selfcheck_engine::schema::QuestionKind::YesNo {
            r.answers.insert(q.id.clone(), Answer::No);
        }
    }
    r.answers.insert("age".into(), Answer::Number(35));
    for (id, ans) in overrides {
        assert!(
            c.pack.questions.iter().any(|q| q.id == *id),
            "unknown question {id}"
        );
        r.answers.insert(id.to_string(), a(ans));
    }
    r
}

//! The microneedling self-check engine: content schema, validation, screening rules, the plan
//! and the walk-through state machine. Pure and deterministic ("today" is always an input); no
//! web dependency, so it runs natively, in tests, in the `selfcheck` tool and in the browser.
//!
//! - [`schema`]: the typed content (what `content/*.toml` holds).
//! - [`validate`]: checks after parsing, naming file, id and field.
//! - [`rules`]: which questions are shown, which rules fire, the outcome tier.
//! - [`plan`]: sessions, downtime, preparation, aftercare and a dated timeline.
//! - [`report`]: the one report every reader of the results shares: reasons with who to see,
//!   the next step (and so who may book), the plan that fits the outcome, the sources.
//! - [`journey`]: screens, Back and progress.
//! - [`answers`]: responses and their versioned compact form.
//! - [`handover`]: the code a visitor shows the clinic (a QR code) and the staff summary's reader.
//! - [`config`]: the clinic's settings (`clinic.json`), read at run time, never failing.
//! - [`kiosk`]: a shared screen in a waiting room: idle warning, reset, what it may keep.
//! - [`embed`]: the messages between the widget and a clinic page that embeds it.
//! - [`headers`]: the security headers and the files that set them on static hosts.
//! - [`ics`]: the plan as a calendar file (all-day events, RFC 5545).
#![warn(missing_docs)]

pub mod answers;
pub mod config;
pub mod date;
pub mod embed;
pub mod handover;
pub mod headers;
pub mod ics;
pub mod journey;
pub mod kiosk;
#[cfg(feature = "authoring")]
pub mod load;
pub mod plan;
pub mod report;
pub mod rules;
pub mod schema;
pub mod text;
pub mod validate;

pub use answers::{Answer, DecodeError, Refusal, Responses};
pub use config::Clinic;
pub use date::Date;
pub use journey::{Action, Journey, Progress, Step};
pub use plan::{plan, timeline, Event, Plan};
pub use report::{NextStep, Reason, Report};
pub use rules::{evaluate, Ctx, Flag, Outcome, Tier};
pub use schema::{Id, Locale, Pack};
pub use validate::{validate, Content, ContentError};

/// Sorts `items` by `key`, keeping the order of equal items (an insertion sort: the lists sorted
/// here hold at most a few dozen items, and the standard library's sort would add kilobytes of
/// code to the widget for each type it sorts).
pub fn sort_stable_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// The compiled form the browser loads: the pack and the locales, each as
/// postcard bytes written at build time from validated TOML.
pub mod compiled {
    /// Format version of the compiled blobs; bump when the schema changes shape.
    pub const FORMAT: u32 = 1;
}

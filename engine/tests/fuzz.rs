//! Fuzzing every parser of untrusted input: the content files, the clinic's `clinic.json`, the
//! page address's settings, stored answers (and the screen they name), hand-over codes, a
//! language's compiled texts, and messages from a clinic's page. Each gets arbitrary strings or
//! bytes and structure-aware mutations of a valid input (cut short, bytes flipped, text spliced
//! in, parts or values swapped); none may panic or take long, and a changed hand-over code is
//! never read as another visitor's answers.
//!
//! A bounded run is part of the test command (`FUZZ_CASES`, default 300 per target); a longer
//! one on demand prints the executions and the time:
//!
//!   FUZZ_CASES=20000 cargo test --release -p selfcheck-engine --test fuzz -- --nocapture

mod common;

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use common::{content, content_dir};
use proptest::prelude::*;
use selfcheck_engine::config::{self, Fetched, Known, Value};
use selfcheck_engine::embed::Incoming;
use selfcheck_engine::handover;
use selfcheck_engine::schema::QuestionKind;
use selfcheck_engine::{Answer, Date, Journey, Responses, Step};

fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300)
}

/// One input may take this long at most: anything slower counts as a hang.
const SLOW: Duration = Duration::from_secs(2);

/// Runs `f` on one input, checking it is quick, and counts it for the report.
fn run<T>(counter: &AtomicU64, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    assert!(took < SLOW, "one input took {took:?}");
    counter.fetch_add(1, Ordering::Relaxed);
    out
}

fn report(name: &str, counter: &AtomicU64, start: Instant) {
    eprintln!(
        "fuzz {name}: {} executions in {:.2} s",
        counter.load(Ordering::Relaxed),
        start.elapsed().as_secs_f64()
    );
}

/// Mutations of a valid text: cut it short, flip bytes, splice in text, repeat a slice.
#[derive(Clone, Debug)]
enum Edit {
    Truncate(usize),
    Flip(usize, u8),
    Insert(usize, String),
    Repeat(usize, usize),
    Delete(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        any::<usize>().prop_map(Edit::Truncate),
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Edit::Flip(i, b)),
        (
            any::<usize>(),
            "[\\[\\]{}\",:0-9a-z#/ =\\n\\\\-]{0,12}|\\PC{0,6}"
        )
            .prop_map(|(i, s)| Edit::Insert(i, s)),
        (any::<usize>(), 0usize..64).prop_map(|(i, n)| Edit::Repeat(i, n)),
        (any::<usize>(), 0usize..64).prop_map(|(i, n)| Edit::Delete(i, n)),
    ]
}

fn mutate(text: &str, edits: &[Edit]) -> Vec<u8> {
    let mut b = text.as_bytes().to_vec();
    for e in edits {
        let len = b.len().max(1);
        match e {
            Edit::Truncate(i) => b.truncate(i % len),
            Edit::Flip(i, x) => {
                if !b.is_empty() {
                    let i = i % b.len();
                    b[i] ^= x | 1;
                }
            }
            Edit::Insert(i, s) => {
                let i = i % (b.len() + 1);
                b.splice(i..i, s.bytes());
            }
            Edit::Repeat(i, n) => {
                let i = i % (b.len() + 1);
                let end = (i + n).min(b.len());
                let slice = b[i..end].to_vec();
                b.splice(i..i, slice);
            }
            Edit::Delete(i, n) => {
                let i = i % (b.len() + 1);
                let end = (i + n).min(b.len());
                b.drain(i..end);
            }
        }
    }
    b
}

/// Any value a JSON file or a `postMessage` could hold, nested a few levels.
fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>().prop_map(Value::Number),
        "\\PC{0,24}".prop_map(Value::Text),
        prop_oneof![
            Just("restart"),
            Just("measure"),
            Just("selfcheck"),
            Just("type"),
            Just("#0b5c6b"),
            Just("https://x.example")
        ]
        .prop_map(|s| Value::Text(s.into())),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::List),
            proptest::collection::vec(
                ("[a-z_]{1,12}|selfcheck|type|kiosk|colours|embed", inner),
                0..6
            )
            .prop_map(Value::Map),
        ]
    })
}

fn known() -> Known<'static> {
    let c = content();
    Known::new(&c.pack, c.locales.keys().map(String::as_str).collect())
}

fn shipped_config() -> String {
    std::fs::read_to_string(content_dir().join("../static/clinic.json")).unwrap()
}

static CONFIG: AtomicU64 = AtomicU64::new(0);
static CONFIG_VALUES: AtomicU64 = AtomicU64::new(0);
static ADDRESS: AtomicU64 = AtomicU64::new(0);
static ANSWERS: AtomicU64 = AtomicU64::new(0);
static HANDOVER: AtomicU64 = AtomicU64::new(0);
static LOCALE: AtomicU64 = AtomicU64::new(0);
static HOST: AtomicU64 = AtomicU64::new(0);
static CONTENT: AtomicU64 = AtomicU64::new(0);

fn today() -> Date {
    Date::from_ymd(2026, 11, 24).unwrap()
}

/// A valid stored answer set: concerns, areas and every question answered.
fn valid_answers() -> String {
    let c = content();
    common::visitor(&[&c.pack.concerns[0].id], &[&c.pack.areas[0].id], &[]).encode()
}

#[test]
fn config_files() {
    let start = Instant::now();
    let shipped = shipped_config();
    let known = known();
    proptest!(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() },
        |(edits in proptest::collection::vec(edit(), 1..6), raw in proptest::collection::vec(any::<u8>(), 0..400))| {
        for bytes in [mutate(&shipped, &edits), raw] {
            let text = String::from_utf8_lossy(&bytes);
            let (clinic, _) = run(&CONFIG, || config::read(Fetched::Text(&text), config::parse_json, &known));
            // Whatever it read, the safety floor holds.
            prop_assert!(clinic.min_age >= 18);
            prop_assert!(clinic.kiosk.warning_seconds >= 20);
        }
    });
    report("clinic.json (bytes, mutations)", &CONFIG, start);
}

#[test]
fn config_values() {
    let start = Instant::now();
    let known = known();
    proptest!(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() },
        |(v in value(), key in "[a-z_.]{0,20}|min_age|colours|kiosk|embed|booking_url|concerns", field in value())| {
        // A whole random file, and the shipped file with one setting replaced by a random value.
        let (c, _) = run(&CONFIG_VALUES, || config::from_value(&v, &known));
        prop_assert!(c.min_age >= 18);
        let mut shipped = config::parse_json(&config::strip_comments(&shipped_config())).unwrap();
        if let Value::Map(entries) = &mut shipped {
            entries.retain(|(k, _)| *k != key);
            entries.push((key.clone(), field.clone()));
        }
        let (c, _) = run(&CONFIG_VALUES, || config::from_value(&shipped, &known));
        prop_assert!(c.min_age >= 18 && c.kiosk.idle_seconds >= 30);
    });
    report("clinic.json (values)", &CONFIG_VALUES, start);
}

#[test]
fn address_settings() {
    let start = Instant::now();
    let known = known();
    proptest!(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() },
        |(pairs in proptest::collection::vec(("lang|accent|kiosk|host|slot|embed|preview|\\PC{0,8}", "\\PC{0,40}|#[0-9a-f]{6}|[01]"), 0..8))| {
        let mut clinic = config::Clinic::default();
        run(&ADDRESS, || clinic.apply_overrides(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())), &known));
        prop_assert!(clinic.min_age >= 18);
        // An address can never make a page outside the allowed list a message target.
        for (_, v) in &pairs {
            prop_assert_eq!(clinic.message_target(v), None);
        }
    });
    report("address settings", &ADDRESS, start);
}

#[test]
fn stored_answers() {
    let start = Instant::now();
    let c = content();
    let valid = valid_answers();
    assert!(Responses::decode(&valid, &c.pack, today()).is_ok());
    proptest!(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() },
        |(edits in proptest::collection::vec(edit(), 1..6), raw in "\\PC{0,300}", step in "\\PC{0,30}|q:[a-z_]{1,20}|results|welcome")| {
        for text in [String::from_utf8_lossy(&mutate(&valid, &edits)).into_owned(), raw.clone()] {
            // As the widget restores a tab: decode, then go to the stored screen if reachable.
            run(&ANSWERS, || {
                if let Ok(r) = Responses::decode(&text, &c.pack, today()) {
                    let j = Journey::restore(&c.pack, r, Step::from_key(&step), 18, today());
                    let _ = j.progress(&c.pack, 18, today());
                    let _ = selfcheck_engine::Report::new(&c.pack, &j.responses, 18, today());
                }
            });
        }
    });
    report("stored answers", &ANSWERS, start);
}

/// CRC-32 (IEEE), to re-seal an edited hand-over code as someone with the format would.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

/// A visitor the walk-through could hold on `day`: a concern, an area and answers to some
/// questions, each one its question accepts on that day.
fn random_visitor(
    concern: usize,
    area: usize,
    picks: &[(usize, u32)],
    first: Option<u32>,
    day: Date,
) -> Responses {
    let pack = &content().pack;
    let mut r = Responses::default();
    r.concerns
        .insert(pack.concerns[concern % pack.concerns.len()].id.clone());
    r.areas
        .insert(pack.areas[area % pack.areas.len()].id.clone());
    for &(q, n) in picks {
        let q = &pack.questions[q % pack.questions.len()];
        let answer = match (n % 4, q.kind) {
            (0, _) => Answer::Unsure,
            (_, QuestionKind::YesNo) if n % 2 == 0 => Answer::Yes,
            (_, QuestionKind::YesNo) => Answer::No,
            (_, QuestionKind::PastDate) => Answer::Date(day.add_days(-((n % 400) as i32))),
            (_, QuestionKind::Number) => {
                let (min, max) = q.number_range();
                Answer::Number(min + n % (max.min(9999) - min + 1))
            }
        };
        if q.accepts(answer, day).is_ok() {
            r.answers.insert(q.id.clone(), answer);
        }
    }
    r.first_session = first.map(|n| day.add_days((n % 200) as i32));
    r
}

#[test]
fn handover_codes() {
    let start = Instant::now();
    let c = content();
    proptest!(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() },
        |(concern in any::<usize>(), area in any::<usize>(),
          picks in proptest::collection::vec((any::<usize>(), any::<u32>()), 0..40),
          first in proptest::option::of(any::<u32>()), offset in -3000i32..3000,
          edits in proptest::collection::vec(edit(), 1..6), swap in (0usize..6, 0usize..6),
          raw in "\\PC{0,300}|h2~[0-9.]{0,12}~[0-9-]{0,12}~[gpnx]?~[a-z0-9.]{0,12}\\.[a-z0-9]{0,12}\\.[a-z0-9,.:;-]{0,80}~[0-9a-f]{0,9}")| {
        // A valid code from a visitor the walk-through could hold always reads back.
        let day = today().add_days(offset);
        let r = random_visitor(concern, area, &picks, first, day);
        let code = handover::encode(&c.pack, &r, 18, day);
        let original = run(&HANDOVER, || handover::decode(&code, &c.pack, 18));
        let original = original.map_err(|e| TestCaseError::fail(format!("{code}: {e}")))?;
        prop_assert_eq!(original.made_on, day);
        // Cut short, bytes flipped, text spliced in, or two of its parts swapped: refused, or
        // (the same code after all, give or take spaces around it) read as the original.
        let mut swapped: Vec<&str> = code.split('~').collect();
        swapped.swap(swap.0, swap.1);
        let swapped = swapped.join("~");
        for text in [String::from_utf8_lossy(&mutate(&code, &edits)).into_owned(), swapped, raw.clone()] {
            let got = run(&HANDOVER, || handover::decode(&text, &c.pack, 18));
            if let Ok(h) = got {
                prop_assert_eq!(text.trim(), code.as_str());
                prop_assert_eq!(&h, &original);
            }
            // Edited by someone who re-sealed it: past the checksum, each part is still checked
            // and the outcome is always the one the answers give.
            if let Some((head, _)) = text.rsplit_once('~') {
                let sealed = format!("{head}~{:08x}", crc32(head.as_bytes()));
                if let Ok(h) = run(&HANDOVER, || handover::decode(&sealed, &c.pack, 18)) {
                    let report = selfcheck_engine::Report::new(&c.pack, &h.responses, 18, h.made_on);
                    prop_assert_eq!(h.tier, report.tier);
                }
            }
        }
    });
    report("hand-over codes", &HANDOVER, start);
}

#[test]
fn compiled_texts() {
    let start = Instant::now();
    let c = content();
    let bytes = postcard::to_allocvec(&c.locales["en"]).unwrap();
    proptest!(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() },
        |(flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..8), cut in any::<usize>())| {
        let mut b = bytes.clone();
        for (i, x) in &flips {
            let i = i % b.len();
            b[i] ^= x | 1;
        }
        b.truncate(b.len() - cut % 64.min(b.len()));
        run(&LOCALE, || { let _ = postcard::from_bytes::<selfcheck_engine::Locale>(&b); });
    });
    report(
        "a language's compiled texts (locales/<code>.bin)",
        &LOCALE,
        start,
    );
}

#[test]
fn host_messages() {
    let start = Instant::now();
    proptest!(ProptestConfig { cases: cases() * 4, failure_persistence: None, ..ProptestConfig::default() },
        |(v in value())| {
        let parsed = run(&HOST, || Incoming::parse(&v));
        // Only the exact documented shapes are obeyed.
        if parsed.is_some() {
            let Value::Map(entries) = &v else { panic!("obeyed a non-object: {v:?}") };
            prop_assert_eq!(entries.len(), 2);
        }
    });
    report("messages from the host page", &HOST, start);
}

#[test]
fn content_files() {
    let start = Instant::now();
    let dir = content_dir();
    let mut files: Vec<(String, String)> = [
        "pack.toml",
        "sources.toml",
        "concerns.toml",
        "areas.toml",
        "questions.toml",
        "rules.toml",
        "plan.toml",
        "locales/en.toml",
    ]
    .iter()
    .map(|f| (f.to_string(), std::fs::read_to_string(dir.join(f)).unwrap()))
    .collect();
    files.sort();
    let tmp = std::env::temp_dir().join(format!("selfcheck-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(tmp.join("locales")).unwrap();
    let cases = (cases() / 3).max(20);
    proptest!(ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() },
        |(which in 0usize..8, edits in proptest::collection::vec(edit(), 1..4))| {
        for (i, (name, text)) in files.iter().enumerate() {
            let body = if i == which { mutate(text, &edits) } else { text.clone().into_bytes() };
            std::fs::write(tmp.join(name), body).unwrap();
        }
        // Loading reads, parses and validates everything; a broken file is an error naming it.
        let result = run(&CONTENT, || selfcheck_engine::load::load_dir(&tmp));
        if let Err(errors) = result {
            prop_assert!(!errors.is_empty());
            prop_assert!(errors.iter().all(|e| !e.file.is_empty()));
        }
    });
    let _ = std::fs::remove_dir_all(&tmp);
    report("content files", &CONTENT, start);
}

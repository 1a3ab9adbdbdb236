//! The calendar file (`ics`): RFC 5545 structure, all-day dates, TEXT escaping, line folding,
//! UIDs, the file name; and an independent reading by Python's icalendar
//! (`scripts/ics_check.py`, installed by `scripts/setup.sh`).
//!
//! Set `ICS_SAMPLE=path.ics` to keep the sample calendar the Python test writes.

use std::path::PathBuf;
use std::process::Command;

use selfcheck_engine::ics::{calendar, Entry};
use selfcheck_engine::Date;

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn entry(first: &str, last: &str, summary: &str, description: &str) -> Entry {
    Entry {
        first: d(first),
        last: d(last),
        summary: summary.into(),
        description: description.into(),
    }
}

/// The physical lines, without their CRLF (the file must end with one).
fn lines(ics: &str) -> Vec<&str> {
    let body = ics.strip_suffix("\r\n").expect("the file ends with CRLF");
    body.split("\r\n").collect()
}

/// Content lines: folded lines joined again (CRLF + one space removed).
fn unfolded(ics: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for l in lines(ics) {
        match l.strip_prefix(' ') {
            Some(rest) => out.last_mut().expect("no fold on line 1").push_str(rest),
            None => out.push(l.to_string()),
        }
    }
    out
}

/// The values of property `prop` (name up to `:` or `;`) in order.
fn values(ics: &str, prop: &str) -> Vec<String> {
    unfolded(ics)
        .into_iter()
        .filter_map(|l| {
            let rest = l.strip_prefix(prop)?;
            let rest = rest.strip_prefix(':').or_else(|| {
                rest.strip_prefix(';')
                    .and_then(|r| r.split_once(':').map(|(_, v)| v))
            })?;
            Some(rest.to_string())
        })
        .collect()
}

/// What a TEXT value must look like, written independently of the module.
fn escaped(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn sample() -> Vec<Entry> {
    vec![
        entry(
            "2026-11-16",
            "2026-11-16",
            "Stop retinoids",
            "From today until the session.",
        ),
        entry("2026-11-30", "2026-12-02", "Session 1", ""),
        entry(
            "2026-12-30",
            "2027-01-01",
            "Sesión 2 (si hace falta); cita, «confirmar»",
            "Protector solar a diario.\nNo maquillaje 24 h.",
        ),
        entry(
            "2027-02-28",
            "2027-02-28",
            "جلسة الصيانة",
            "تجنب الشمس المباشرة لمدة أسبوع بعد الجلسة، واستخدم واقي الشمس يوميًا. \
             Evite el sol directo durante una semana después de la sesión; use protector \
             solar todos los días, incluso nublado.",
        ),
    ]
}

const SEED: &str = "2026-11-30 plan#a1b2";

#[test]
fn structure_is_balanced_crlf_and_one_event_per_entry() {
    let entries = sample();
    let ics = calendar(&entries, d("2026-11-02"), "Mi plan", SEED);
    assert!(!ics.replace("\r\n", "").contains('\n'), "a bare LF");
    assert!(!ics.replace("\r\n", "").contains('\r'), "a bare CR");
    let content = unfolded(&ics);
    assert_eq!(
        &content[..6],
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Microneedling self-check//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:Mi plan",
        ]
    );
    assert_eq!(content.last().unwrap(), "END:VCALENDAR");
    // BEGIN and END nest properly.
    let mut stack: Vec<&str> = Vec::new();
    for l in &content {
        if let Some(name) = l.strip_prefix("BEGIN:") {
            stack.push(name);
        } else if let Some(name) = l.strip_prefix("END:") {
            assert_eq!(stack.pop(), Some(name), "END:{name} out of place");
        }
    }
    assert!(stack.is_empty());
    let count = |s: &str| content.iter().filter(|l| *l == s).count();
    assert_eq!(count("BEGIN:VCALENDAR"), 1);
    assert_eq!(count("BEGIN:VEVENT"), entries.len());
    assert_eq!(count("END:VEVENT"), entries.len());
    assert_eq!(count("TRANSP:TRANSPARENT"), entries.len());
    assert_eq!(values(&ics, "DTSTAMP"), vec!["20261102T000000Z"; 4]);
    assert_eq!(values(&ics, "UID").len(), 4);
    assert_eq!(values(&ics, "SUMMARY").len(), 4);
    // An empty description writes no DESCRIPTION line.
    assert_eq!(values(&ics, "DESCRIPTION").len(), 3);
    // Every event holds exactly its own properties, in this order.
    let event: Vec<&str> = content
        .iter()
        .skip_while(|l| *l != "BEGIN:VEVENT")
        .skip(1)
        .take_while(|l| *l != "END:VEVENT")
        .map(|l| l.split([':', ';']).next().unwrap())
        .collect();
    assert_eq!(
        event,
        [
            "UID",
            "DTSTAMP",
            "DTSTART",
            "DTEND",
            "SUMMARY",
            "DESCRIPTION",
            "TRANSP"
        ]
    );
}

#[test]
fn an_empty_plan_is_still_a_calendar() {
    let ics = calendar(&[], d("2026-11-02"), "", "x");
    assert_eq!(
        ics,
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Microneedling self-check//EN\r\n\
         CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:\r\nEND:VCALENDAR\r\n"
    );
}

#[test]
fn dates_are_all_day_with_an_exclusive_end() {
    let ics = calendar(&sample(), d("2026-11-02"), "p", SEED);
    assert_eq!(
        unfolded(&ics)
            .iter()
            .filter(|l| l.starts_with("DTSTART") || l.starts_with("DTEND"))
            .collect::<Vec<_>>(),
        [
            // One day.
            "DTSTART;VALUE=DATE:20261116",
            "DTEND;VALUE=DATE:20261117",
            // Three days, ending on the last day of the month.
            "DTSTART;VALUE=DATE:20261130",
            "DTEND;VALUE=DATE:20261203",
            // Three days across the year end.
            "DTSTART;VALUE=DATE:20261230",
            "DTEND;VALUE=DATE:20270102",
            // One day at the end of February in a common year.
            "DTSTART;VALUE=DATE:20270228",
            "DTEND;VALUE=DATE:20270301",
        ]
    );
    // Year end for a single day, a leap day, and a last day before the first (one day).
    let more = [
        entry("2026-12-31", "2026-12-31", "a", ""),
        entry("2028-02-29", "2028-02-29", "b", ""),
        entry("2026-05-10", "2026-05-01", "c", ""),
    ];
    let ics = calendar(&more, d("2026-01-01"), "p", SEED);
    assert_eq!(
        values(&ics, "DTSTART"),
        ["20261231", "20280229", "20260510"]
    );
    assert_eq!(values(&ics, "DTEND"), ["20270101", "20280301", "20260511"]);
    assert_eq!(values(&ics, "DTSTAMP"), vec!["20260101T000000Z"; 3]);
}

#[test]
fn text_is_escaped() {
    let e = [entry(
        "2026-11-30",
        "2026-11-30",
        "a,b;c\\d\ne",
        "line 1\r\nline 2\rline 3\ttab\u{7}bell\u{0}nul\u{85}nel,",
    )];
    let ics = calendar(&e, d("2026-11-02"), "Plan; mine, \\ new\nline", SEED);
    assert_eq!(values(&ics, "SUMMARY"), ["a\\,b\\;c\\\\d\\ne"]);
    assert_eq!(
        values(&ics, "DESCRIPTION"),
        ["line 1\\nline 2\\nline 3 tabbellnulnel\\,"]
    );
    assert_eq!(
        values(&ics, "X-WR-CALNAME"),
        ["Plan\\; mine\\, \\\\ new\\nline"]
    );
}

#[test]
fn long_multilingual_text_is_folded_at_75_octets() {
    let long = "تجنب الشمس المباشرة لمدة أسبوع بعد الجلسة، واستخدم واقي الشمس يوميًا؛ \
                Evite el sol directo (¡también en días nublados!), use protector solar; \
                no use maquillaje ni retinoides durante 24 h.\n\
                🌞 Ñandú, pingüino — «señal de alarma»: fiebre, pus, dolor que aumenta. \
                اتصل بالعيادة فورًا إذا ظهرت حمى أو صديد.";
    let entries = [entry("2026-11-30", "2026-11-30", long, long)];
    let ics = calendar(&entries, d("2026-11-02"), long, SEED);
    let physical = lines(&ics);
    for l in &physical {
        assert!(l.len() <= 75, "{} octets: {l:?}", l.len());
        // Each line is a &str, so valid UTF-8 by construction; check it as bytes as well.
        assert!(std::str::from_utf8(l.as_bytes()).is_ok());
    }
    // Folding happened, with continuation lines starting with exactly one space.
    let folds = physical.iter().filter(|l| l.starts_with(' ')).count();
    assert!(folds >= 3 * (long.len() / 75), "only {folds} folds");
    // Unfolding gives back the escaped text, for each of the three properties.
    let want = escaped(long);
    for prop in ["SUMMARY", "DESCRIPTION", "X-WR-CALNAME"] {
        assert_eq!(values(&ics, prop), std::slice::from_ref(&want), "{prop}");
    }
    assert_eq!(split_escape(&physical), None);
}

/// A physical line that ends inside a `\` escape (an odd run of backslashes before a fold).
fn split_escape<'a>(physical: &[&'a str]) -> Option<&'a str> {
    physical.windows(2).find_map(|w| {
        let trailing = w[0].len() - w[0].trim_end_matches('\\').len();
        (w[1].starts_with(' ') && trailing % 2 == 1).then_some(w[0])
    })
}

proptest::proptest! {
    #[test]
    fn any_text_folds_within_75_octets_and_unfolds_back(text in "(\\PC|[\\\\;,\\n\\r\\t\\x00-\\x1f])*") {
        let e = [entry("2026-11-30", "2026-11-30", &text, "x")];
        let ics = calendar(&e, d("2026-11-02"), &text, "s");
        let physical = lines(&ics);
        for l in &physical {
            proptest::prop_assert!(l.len() <= 75);
            proptest::prop_assert!(!l.contains(['\r', '\n']));
        }
        proptest::prop_assert_eq!(split_escape(&physical), None);
        proptest::prop_assert_eq!(values(&ics, "SUMMARY"), vec![escaped(&text)]);
        proptest::prop_assert_eq!(values(&ics, "X-WR-CALNAME"), vec![escaped(&text)]);
    }
}

#[test]
fn uids_are_stable_per_plan_and_unique_between_plans() {
    let entries = sample();
    let a = calendar(&entries, d("2026-11-02"), "p", SEED);
    // Made on another day, with another name: same UIDs (a re-import updates, not duplicates).
    let again = calendar(&entries, d("2026-11-20"), "q", SEED);
    let uids = values(&a, "UID");
    assert_eq!(uids, values(&again, "UID"));
    assert_eq!(
        uids,
        [
            "1-2026-11-30plana1b2@selfcheck.invalid",
            "2-2026-11-30plana1b2@selfcheck.invalid",
            "3-2026-11-30plana1b2@selfcheck.invalid",
            "4-2026-11-30plana1b2@selfcheck.invalid",
        ]
    );
    // Unique within the file and against another plan's.
    let other = values(
        &calendar(&entries, d("2026-11-02"), "p", "2026-12-01-a1b2"),
        "UID",
    );
    for (i, u) in uids.iter().enumerate() {
        assert!(!uids[i + 1..].contains(u), "{u} twice");
        assert!(!other.contains(u), "{u} in both plans");
    }
    // Only [A-Za-z0-9-] of the seed is kept: no way to break out of the UID line.
    let odd = calendar(
        &entries[..1],
        d("2026-11-02"),
        "p",
        "ä b\r\nEND:VEVENT;@,x-1",
    );
    assert_eq!(values(&odd, "UID"), ["1-bENDVEVENTx-1@selfcheck.invalid"]);
    assert_eq!(values(&odd, "END").len(), 2);
    // Two-digit numbers.
    let many: Vec<Entry> = (0..12)
        .map(|i| entry("2026-11-30", "2026-11-30", &i.to_string(), ""))
        .collect();
    let uids = values(&calendar(&many, d("2026-11-02"), "p", "s"), "UID");
    assert_eq!(uids[9], "10-s@selfcheck.invalid");
    assert_eq!(uids[11], "12-s@selfcheck.invalid");
}

// ---- An independent reading: Python's icalendar (scripts/ics_check.py) ----

fn checker() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../scripts/ics_check.py")
}

/// Runs the checker on `ics`; returns its exit code, stdout and stderr.
fn check(ics: &str, tag: &str) -> (i32, String, String) {
    let path = std::env::temp_dir().join(format!("selfcheck-ics-{}-{tag}.ics", std::process::id()));
    std::fs::write(&path, ics).unwrap();
    let out = Command::new("python3")
        .arg(checker())
        .arg(&path)
        .output()
        .expect("python3 runs (scripts/setup.sh installs what the tests need)");
    std::fs::remove_file(&path).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        !stderr.contains("icalendar is missing"),
        "{stderr}: run scripts/setup.sh"
    );
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        stderr,
    )
}

#[test]
fn python_icalendar_reads_the_same_calendar() {
    let entries = sample();
    let name = "Plan de microneedling; ñ, «ok» \\ خطة";
    let ics = calendar(&entries, d("2026-11-02"), name, SEED);
    if let Some(path) = std::env::var_os("ICS_SAMPLE") {
        std::fs::write(path, &ics).unwrap();
    }
    let (code, stdout, stderr) = check(&ics, "sample");
    assert_eq!(code, 0, "{stderr}");
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["name"], name);
    let events = v["events"].as_array().unwrap();
    assert_eq!(events.len(), entries.len());
    for (e, got) in entries.iter().zip(events) {
        assert_eq!(got["start"], e.first.iso());
        assert_eq!(got["end"], e.last.add_days(1).iso(), "exclusive end");
        assert_eq!(got["all_day"], true);
        assert_eq!(got["summary"], e.summary.as_str());
        assert_eq!(got["description"], e.description.as_str());
    }

    let (code, stdout, _) = check(&calendar(&[], d("2026-11-02"), "n", "s"), "empty");
    assert_eq!(code, 0);
    assert_eq!(stdout.trim(), r#"{"events": [], "name": "n"}"#);
}

#[test]
fn python_checker_rejects_what_the_widget_must_not_write() {
    let ics = calendar(&sample()[..2], d("2026-11-02"), "p", SEED);
    let broken = [
        (
            "timed",
            ics.replace("DTSTART;VALUE=DATE:20261116", "DTSTART:20261116T090000Z"),
            1,
            "has a time",
        ),
        (
            "no-uid",
            ics.replace("UID:1-2026-11-30plana1b2@selfcheck.invalid\r\n", ""),
            1,
            "no UID",
        ),
        (
            "no-stamp",
            ics.replacen("DTSTAMP:20261102T000000Z\r\n", "", 1),
            1,
            "no DTSTAMP",
        ),
        ("lf", ics.replace("\r\n", "\n"), 1, "bare LF"),
        (
            "long",
            ics.replace("SUMMARY:Session 1", &format!("SUMMARY:{}", "x".repeat(80))),
            1,
            "octets",
        ),
        (
            "garbage",
            "not a calendar\r\n".to_string(),
            2,
            "does not parse",
        ),
    ];
    for (tag, text, want, message) in broken {
        let (code, _, stderr) = check(&text, tag);
        assert_eq!(code, want, "{tag}: {stderr}");
        assert!(stderr.contains(message), "{tag}: {stderr}");
    }
}

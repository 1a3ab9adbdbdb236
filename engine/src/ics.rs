//! Calendar files (RFC 5545) for a visitor's plan: preparation reminders, sessions, aftercare
//! milestones, maintenance. All-day entries only, so no time zone can move a day. The widget maps
//! the timeline's events to translated texts; this module only writes the file.

use crate::Date;

/// One all-day entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// First day.
    pub first: Date,
    /// Last day (inclusive; equal to `first` for a one-day entry).
    pub last: Date,
    /// The title.
    pub summary: String,
    /// Longer text (may be empty: then no DESCRIPTION line).
    pub description: String,
}

/// A whole calendar file (CRLF line ends) for `entries`. `made_on` is the day the file was made
/// (DTSTAMP, as that day at 00:00:00 UTC); `name` is the calendar's name (X-WR-CALNAME);
/// `uid_seed` makes the UIDs stable for one visitor's plan and unique between plans (the widget
/// passes something like the first-session date plus a random-free digest of the plan).
///
/// Each entry becomes a transparent (not busy) all-day VEVENT with the UID
/// `<n>-<seed>@selfcheck.invalid`: `n` counts from 1 and `seed` is `uid_seed` keeping only
/// ASCII letters, digits and `-`. A `last` before `first` counts as `first`. Lines are folded
/// at 75 octets, never inside a UTF-8 character or a `\` escape.
pub fn calendar(entries: &[Entry], made_on: Date, name: &str, uid_seed: &str) -> String {
    let mut out = String::with_capacity(200 + entries.len() * 240);
    for l in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Microneedling self-check//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push_line(&mut out, l);
    }
    push_text(&mut out, "X-WR-CALNAME:", name);

    let mut stamp = String::from("DTSTAMP:");
    push_basic(&mut stamp, made_on);
    stamp.push_str("T000000Z");
    let seed: String = uid_seed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();

    for (i, e) in entries.iter().enumerate() {
        push_line(&mut out, "BEGIN:VEVENT");
        let mut l = String::from("UID:");
        push_number(&mut l, i + 1);
        l.push('-');
        l.push_str(&seed);
        l.push_str("@selfcheck.invalid");
        push_line(&mut out, &l);
        push_line(&mut out, &stamp);
        l.clear();
        l.push_str("DTSTART;VALUE=DATE:");
        push_basic(&mut l, e.first);
        push_line(&mut out, &l);
        l.clear();
        l.push_str("DTEND;VALUE=DATE:");
        // DTEND is exclusive for dates: the day after the last.
        push_basic(&mut l, e.last.max(e.first).add_days(1));
        push_line(&mut out, &l);
        push_text(&mut out, "SUMMARY:", &e.summary);
        if !e.description.is_empty() {
            push_text(&mut out, "DESCRIPTION:", &e.description);
        }
        push_line(&mut out, "TRANSP:TRANSPARENT");
        push_line(&mut out, "END:VEVENT");
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

/// Appends `YYYYMMDD`.
fn push_basic(s: &mut String, d: Date) {
    for c in d.iso().chars() {
        if c != '-' {
            s.push(c);
        }
    }
}

fn push_number(s: &mut String, n: usize) {
    if n >= 10 {
        push_number(s, n / 10);
    }
    s.push(char::from(b'0' + (n % 10) as u8));
}

/// Appends the content line `prop` + `text` escaped as a TEXT value: `\` `;` `,` as `\\` `\;`
/// `\,`, a line break (LF, CRLF or a lone CR) as `\n`, a tab as a space; other control
/// characters are dropped.
fn push_text(out: &mut String, prop: &str, text: &str) {
    let mut l = String::with_capacity(prop.len() + text.len() + 8);
    l.push_str(prop);
    let mut after_cr = false;
    for c in text.chars() {
        match c {
            '\\' | ';' | ',' => {
                l.push('\\');
                l.push(c);
            }
            '\n' if after_cr => {}
            '\n' | '\r' => l.push_str("\\n"),
            '\t' => l.push(' '),
            c if c.is_control() => {}
            c => l.push(c),
        }
        after_cr = c == '\r';
    }
    push_line(out, &l);
}

/// Appends one content line, folded so that no physical line exceeds 75 octets (a continuation
/// line starts with one space), and CRLF.
fn push_line(out: &mut String, line: &str) {
    let mut used = 0;
    let mut in_escape = false;
    for c in line.chars() {
        let n = c.len_utf8();
        // Keep a `\` escape (two ASCII octets) on one line, for lenient readers.
        let need = if in_escape {
            0
        } else if c == '\\' {
            2
        } else {
            n
        };
        if used + need > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
        in_escape = !in_escape && c == '\\';
    }
    out.push_str("\r\n");
}

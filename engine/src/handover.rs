//! Hand-over codes: the visitor shows the clinic a QR code whose address ends in
//! `#handover=<code>`, and the widget shows the staff a read-only summary.
//!
//! The code is `h2~<content version>~<made on>~<tier>~<answers>~<checksum>`: the format tag,
//! the content version, the day of the check (`YYYY-MM-DD`), the outcome (`g`ood to book, see a
//! `p`rovider first, `n`ot suitable now), the answers (only answers to questions that were
//! asked) and a CRC-32 of everything before the last `~`, as 8 lowercase hex digits. Every
//! character is one an address keeps as it is in a fragment.
//!
//! The answers are `<concerns>.<areas>.<answers>[.<first session>]`, short enough for a QR code
//! that any phone reads from a screen: each concern, area and question is written as its
//! position in the content (in base 36, with as many digits as the longest list needs, so one
//! digit while each list has at most 36 entries). Concerns and areas are the positions run
//! together; each answer is the question's position followed by its code (`y`, `n`, `u`, a
//! number or a date `YYYY-MM-DD`), the answers separated by commas. Positions mean something
//! only in the content version the code names, which [`decode`] checks first. Reading expands
//! the answers to the [`Responses::encode`] form, so [`Responses::decode`] is the one place
//! that checks every id and answer, for stored answers and hand-over codes alike.
//!
//! A code is untrusted input: [`decode`] refuses anything cut short, changed, made with another
//! content version, holding answers the content does not accept, or whose outcome is not the
//! one its answers give, each with its own [`HandoverError`].

use std::collections::BTreeMap;

use crate::answers::DecodeError;
use crate::rules::{Ctx, Tier};
use crate::schema::Pack;
use crate::{Date, Responses};

/// The fragment key: the URL holds `#handover=<code>`.
pub const FRAGMENT_KEY: &str = "handover";

/// The format tag every code starts with (with its separator).
const TAG: &str = "h2~";

/// Longer codes are refused before any work (a full code is well under 300 bytes).
const MAX_LEN: usize = 4000;

/// A decoded hand-over.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Handover {
    /// The day the visitor did the check (answers and waits are read as of that day).
    pub made_on: Date,
    /// What they chose and answered (only answers to questions they were asked).
    pub responses: Responses,
    /// The outcome their device showed.
    pub tier: Tier,
}

/// Why a code was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HandoverError {
    /// Not a hand-over code at all (wrong prefix / format version).
    NotACode,
    /// Cut short or changed in transit: the checksum or the layout does not hold.
    Damaged,
    /// Made with another content version (its version string).
    OtherVersion(String),
    /// The checksum holds but the answers are not ones this content accepts.
    Refused(DecodeError),
    /// The outcome in the code is not the one these answers give: edited by hand.
    Changed,
}

impl HandoverError {
    /// A stable key for the variant, by which the widget picks its visitor and staff texts:
    /// `not_a_code`, `damaged`, `other_version`, `refused` or `changed`.
    pub fn key(&self) -> &'static str {
        match self {
            HandoverError::NotACode => "not_a_code",
            HandoverError::Damaged => "damaged",
            HandoverError::OtherVersion(_) => "other_version",
            HandoverError::Refused(_) => "refused",
            HandoverError::Changed => "changed",
        }
    }
}

impl core::fmt::Display for HandoverError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            HandoverError::NotACode => f.write_str("not a hand-over code"),
            HandoverError::Damaged => f.write_str("the code is cut short or damaged"),
            HandoverError::OtherVersion(v) => {
                write!(f, "the code was made with content version {v:?}")
            }
            HandoverError::Refused(e) => write!(f, "the answers in the code are refused: {e}"),
            HandoverError::Changed => {
                f.write_str("the outcome in the code is not the one its answers give")
            }
        }
    }
}

/// The code for these responses, made on `made_on` (today), with the clinic's minimum age.
///
/// Only answers to the questions asked are kept (answers to questions hidden again are never
/// read, and the clinic does not see them); the outcome written is the one the results show.
pub fn encode(pack: &Pack, responses: &Responses, min_age: u32, made_on: Date) -> String {
    // The same reading as `Report::new` (its `asked` and `tier`), without building the plan.
    let ctx = Ctx::new(pack, responses, min_age, made_on);
    let mut answers = BTreeMap::new();
    for q in ctx.shown_questions() {
        if let Some(a) = responses.answers.get(&q.id) {
            answers.insert(q.id.clone(), *a);
        }
    }
    let kept = Responses {
        concerns: responses.concerns.clone(),
        areas: responses.areas.clone(),
        answers,
        first_session: responses.first_session,
    };
    let mut out = String::from(TAG);
    out.push_str(&pack.meta.version);
    out.push('~');
    out.push_str(&made_on.iso());
    out.push('~');
    out.push(tier_letter(ctx.outcome().tier));
    out.push('~');
    compact(pack, &kept, &mut out);
    let sum = crc32(out.as_bytes());
    out.push('~');
    push_hex(&mut out, sum);
    out
}

/// Reads a code. `min_age` is the clinic's minimum age, used to recompute the outcome.
pub fn decode(code: &str, pack: &Pack, min_age: u32) -> Result<Handover, HandoverError> {
    if code.len() > MAX_LEN {
        return Err(HandoverError::Damaged);
    }
    let code = code.trim();
    if !code.starts_with(TAG) {
        return Err(HandoverError::NotACode);
    }
    let mut parts = [""; 6];
    let mut split = code.split('~');
    for p in &mut parts {
        *p = split.next().ok_or(HandoverError::Damaged)?;
    }
    let [_, version, date, tier, answers, sum] = parts;
    if split.next().is_some() {
        return Err(HandoverError::Damaged);
    }
    let mut expected = String::with_capacity(8);
    push_hex(
        &mut expected,
        crc32(&code.as_bytes()[..code.len() - sum.len() - 1]),
    );
    if sum != expected {
        return Err(HandoverError::Damaged);
    }
    if version != pack.meta.version {
        return Err(HandoverError::OtherVersion(version.into()));
    }
    let made_on = Date::parse(date).map_err(|_| HandoverError::Damaged)?;
    let tier = match tier {
        "g" => Tier::GoodToBook,
        "p" => Tier::SeeProviderFirst,
        "n" => Tier::NotSuitableNow,
        _ => return Err(HandoverError::Damaged),
    };
    let responses = Responses::decode(&expand(pack, answers)?, pack, made_on)
        .map_err(HandoverError::Refused)?;
    if Ctx::new(pack, &responses, min_age, made_on).outcome().tier != tier {
        return Err(HandoverError::Changed);
    }
    Ok(Handover {
        made_on,
        responses,
        tier,
    })
}

/// The digits of a position, in order.
const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// How many base-36 digits each position takes in this content: enough for the longest of the
/// concern, area and question lists.
fn width(pack: &Pack) -> usize {
    let longest = pack
        .concerns
        .len()
        .max(pack.areas.len())
        .max(pack.questions.len());
    let (mut w, mut fits) = (1, DIGITS.len());
    while fits < longest {
        w += 1;
        fits = fits.saturating_mul(DIGITS.len());
    }
    w
}

/// Appends position `i` as `w` base-36 digits.
fn push_position(out: &mut String, i: usize, w: usize) {
    let mut unit = 1;
    for _ in 1..w {
        unit *= DIGITS.len();
    }
    for _ in 0..w {
        out.push(char::from(DIGITS[i / unit % DIGITS.len()]));
        unit /= DIGITS.len();
    }
}

/// Appends the answers part (see the module's notes): every id in content order.
fn compact(pack: &Pack, r: &Responses, out: &mut String) {
    let w = width(pack);
    for (i, c) in pack.concerns.iter().enumerate() {
        if r.concerns.contains(&c.id) {
            push_position(out, i, w);
        }
    }
    out.push('.');
    for (i, a) in pack.areas.iter().enumerate() {
        if r.areas.contains(&a.id) {
            push_position(out, i, w);
        }
    }
    out.push('.');
    let mut first = true;
    for (i, q) in pack.questions.iter().enumerate() {
        if let Some(a) = r.answers.get(&q.id) {
            if !first {
                out.push(',');
            }
            first = false;
            push_position(out, i, w);
            out.push_str(&a.code());
        }
    }
    if let Some(day) = r.first_session {
        out.push('.');
        out.push_str(&day.iso());
    }
}

/// The position `digits` names: `None` for anything but digits (or a number too large).
fn position(digits: &str) -> Option<usize> {
    digits.bytes().try_fold(0usize, |n, b| {
        let d = DIGITS.iter().position(|x| *x == b)?;
        n.checked_mul(DIGITS.len())?.checked_add(d)
    })
}

/// The answers part back in the [`Responses::encode`] form, for [`Responses::decode`] to check.
/// Only digits, lowercase letters, `-`, `,` and `.` may appear, so no part of the longer form
/// can be slipped in.
fn expand(pack: &Pack, compact: &str) -> Result<String, HandoverError> {
    let allowed = |b: u8| b.is_ascii_digit() || b.is_ascii_lowercase() || b"-,.".contains(&b);
    if !compact.bytes().all(allowed) {
        return Err(HandoverError::Damaged);
    }
    let w = width(pack);
    // The id at a position in the concerns (0), areas (1) or questions (2): a position past
    // the end is an id this content does not have.
    let id = |list: usize, digits: &str| {
        let i = position(digits).ok_or(HandoverError::Damaged)?;
        match list {
            0 => pack.concerns.get(i).map(|c| &c.id),
            1 => pack.areas.get(i).map(|a| &a.id),
            _ => pack.questions.get(i).map(|q| &q.id),
        }
        .ok_or_else(|| HandoverError::Refused(DecodeError::UnknownId(digits.into())))
    };
    let mut parts = compact.split('.');
    let mut out = String::from(crate::answers::VERSION_TAG);
    for (list, key) in [";c=", ";a=", ";q="].into_iter().enumerate() {
        let part = parts.next().ok_or(HandoverError::Damaged)?;
        out.push_str(key);
        let mut rest = part;
        let mut first = true;
        while !rest.is_empty() {
            // Concerns and areas: positions run together. Answers: a position and its code,
            // up to the next comma. A position needs all its digits, an answer a code.
            let end = if list < 2 {
                w
            } else {
                rest.find(',').unwrap_or(rest.len())
            };
            if rest.len() < end || end < w + usize::from(list == 2) {
                return Err(HandoverError::Damaged);
            }
            if !first {
                out.push(',');
            }
            first = false;
            let (item, tail) = rest.split_at(end);
            out.push_str(id(list, &item[..w])?);
            rest = tail;
            if list == 2 {
                out.push(':');
                out.push_str(&item[w..]);
                rest = tail.strip_prefix(',').unwrap_or(tail);
            }
        }
    }
    if let Some(day) = parts.next() {
        out.push_str(";f=");
        out.push_str(day);
    }
    if parts.next().is_some() {
        return Err(HandoverError::Damaged);
    }
    Ok(out)
}

fn tier_letter(tier: Tier) -> char {
    match tier {
        Tier::GoodToBook => 'g',
        Tier::SeeProviderFirst => 'p',
        Tier::NotSuitableNow => 'n',
    }
}

/// CRC-32 (IEEE 802.3: reflected, polynomial 0xEDB88320, init and final xor 0xFFFFFFFF), bit
/// by bit: a lookup table would add a kilobyte to the widget for a few hundred bytes of input.
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

/// Appends `v` as 8 lowercase hex digits.
fn push_hex(s: &mut String, v: u32) {
    for i in (0..8).rev() {
        s.push(char::from(
            b"0123456789abcdef"[(v >> (i * 4) & 0xf) as usize],
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
        let mut s = String::new();
        push_hex(&mut s, 0xCBF4_3926);
        assert_eq!(s, "cbf43926");
    }

    #[test]
    fn positions_read_back_in_one_or_two_digits() {
        for (w, n) in [(1, 36), (2, 1296)] {
            for i in [0, 1, 9, 10, 35, n - 1] {
                let mut s = String::new();
                push_position(&mut s, i, w);
                assert_eq!(s.len(), w);
                assert_eq!(position(&s), Some(i), "{s}");
            }
        }
        assert_eq!(position("z"), Some(35));
        assert_eq!(position("10"), Some(36));
        assert_eq!(position("A"), None);
        assert_eq!(position("-"), None);
        assert_eq!(position("zzzzzzzzzzzzzz"), None);
    }
}

//! Hand-over codes: what a visitor's QR code carries to the clinic, and every way a code that
//! was cut short, changed, made with other content or edited by hand is refused.

mod common;

use common::{content, d, visitor};
use selfcheck_engine::handover::{self, HandoverError};
use selfcheck_engine::schema::{Cond, QuestionKind};
use selfcheck_engine::{Answer, DecodeError, Report, Responses};

const T: &str = "2026-11-21";
const MIN_AGE: u32 = selfcheck_engine::config::LOWEST_AGE;

/// CRC-32 (IEEE), this test's own copy: the engine exposes nothing to re-seal a code.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A code with one of its five sealed parts replaced, and the checksum made to fit again:
/// what someone editing a code by hand (with the format in front of them) would make.
fn reseal(code: &str, part: usize, with: &str) -> String {
    let mut parts: Vec<&str> = code.split('~').collect();
    assert_eq!(parts.len(), 6, "{code}");
    parts[part] = with;
    let head = parts[..5].join("~");
    format!("{head}~{:08x}", crc32(head.as_bytes()))
}

fn part(code: &str, i: usize) -> String {
    code.split('~').nth(i).unwrap().to_string()
}

/// A position in the content as a code writes it: base 36, with as many digits as the longest
/// of the concern, area and question lists needs (this test's own reading of the format).
fn position(i: usize) -> String {
    let pack = &content().pack;
    let longest = pack
        .concerns
        .len()
        .max(pack.areas.len())
        .max(pack.questions.len());
    let width = (1..).find(|w| 36usize.pow(*w) >= longest).unwrap();
    let digits = b"0123456789abcdefghijklmnopqrstuvwxyz";
    (0..width)
        .rev()
        .map(|k| char::from(digits[i / 36usize.pow(k) % 36]))
        .collect()
}

/// The position of a question in the content.
fn question_position(id: &str) -> String {
    position(
        content()
            .pack
            .questions
            .iter()
            .position(|q| q.id == id)
            .unwrap(),
    )
}

/// The responses with only the answers to the questions the report says were asked.
fn asked_only(r: &Responses, today: &str) -> Responses {
    let report = Report::new(&content().pack, r, MIN_AGE, d(today));
    let mut kept = r.clone();
    kept.answers.retain(|id, _| report.asked.contains(id));
    kept
}

/// A few visitors with each outcome, and one with a first session.
fn samples() -> Vec<Responses> {
    let mut with_session = visitor(&["acne_scars"], &["cheeks"], &[]);
    with_session.first_session = Some(d("2026-12-01"));
    vec![
        visitor(&["fine_lines"], &["forehead"], &[]),
        visitor(&["acne_scars"], &["cheeks"], &[("age", "19")]),
        visitor(&["acne_scars"], &["cheeks"], &[("age", "16")]),
        visitor(
            &["texture"],
            &["cheeks"],
            &[
                ("recent_treatment", "yes"),
                ("treatment_date", "2026-11-15"),
            ],
        ),
        visitor(
            &["acne_scars", "other_scars"],
            &["cheeks", "arms"],
            &[
                ("isotretinoin_past", "yes"),
                ("isotretinoin_stopped", "unsure"),
            ],
        ),
        visitor(
            &["sun_spots"],
            &["hands"],
            &[("pregnant_nursing", "unsure")],
        ),
        Responses::default(),
        with_session,
    ]
}

/// Every shown question answered, each answer as long as it can be (a "yes" that opens a
/// follow-up, a date, the largest number), with a first session: with every concern and area
/// chosen, the longest code the content allows.
fn longest(concerns: &[&str], areas: &[&str], today: &str) -> Responses {
    let pack = &content().pack;
    let mut r = Responses {
        concerns: concerns.iter().map(|s| s.to_string()).collect(),
        areas: areas.iter().map(|s| s.to_string()).collect(),
        first_session: Some(d(today).add_days(30)),
        ..Default::default()
    };
    loop {
        let asked = Report::new(pack, &r, MIN_AGE, d(today)).asked;
        let open: Vec<_> = pack
            .questions
            .iter()
            .filter(|q| asked.contains(&q.id) && !r.answers.contains_key(&q.id))
            .collect();
        if open.is_empty() {
            return r;
        }
        for q in open {
            let opens_on_no = pack
                .questions
                .iter()
                .any(|f| f.show_if == Some(Cond::No(q.id.clone())));
            let answer = match q.kind {
                QuestionKind::YesNo if opens_on_no => Answer::No,
                QuestionKind::YesNo => Answer::Yes,
                QuestionKind::PastDate => Answer::Date(d(today).add_days(-1)),
                QuestionKind::Number => Answer::Number(q.number_range().1.min(9999)),
            };
            q.accepts(answer, d(today)).unwrap();
            r.answers.insert(q.id.clone(), answer);
        }
    }
}

#[test]
fn a_code_round_trips_with_its_answers_day_and_outcome() {
    let pack = &content().pack;
    let mut tiers = Vec::new();
    for r in samples() {
        let code = handover::encode(pack, &r, MIN_AGE, d(T));
        let h = handover::decode(&code, pack, MIN_AGE).unwrap_or_else(|e| panic!("{code}: {e}"));
        let report = Report::new(pack, &r, MIN_AGE, d(T));
        assert_eq!(h.made_on, d(T));
        assert_eq!(h.tier, report.tier, "{code}");
        assert_eq!(h.responses, asked_only(&r, T), "{code}");
        // The staff see the outcome the visitor saw: the kept answers give the same report.
        assert_eq!(
            Report::new(pack, &h.responses, MIN_AGE, h.made_on),
            report,
            "{code}"
        );
        // Encoding what was decoded gives the same code.
        assert_eq!(
            handover::encode(pack, &h.responses, MIN_AGE, h.made_on),
            code
        );
        tiers.push(h.tier);
    }
    for t in [
        selfcheck_engine::Tier::GoodToBook,
        selfcheck_engine::Tier::SeeProviderFirst,
        selfcheck_engine::Tier::NotSuitableNow,
    ] {
        assert!(tiers.contains(&t), "no sample with outcome {t:?}");
    }
}

#[test]
fn every_single_answer_round_trips() {
    // One question at a time answered yes or not sure, on top of the all-"no" visitor.
    let pack = &content().pack;
    for q in pack
        .questions
        .iter()
        .filter(|q| q.kind == QuestionKind::YesNo)
    {
        for ans in ["yes", "unsure"] {
            let r = visitor(&["acne_scars"], &["cheeks"], &[(q.id.as_str(), ans)]);
            let code = handover::encode(pack, &r, MIN_AGE, d(T));
            let h =
                handover::decode(&code, pack, MIN_AGE).unwrap_or_else(|e| panic!("{code}: {e}"));
            assert_eq!(h.responses, asked_only(&r, T));
            assert_eq!(h.tier, Report::new(pack, &r, MIN_AGE, d(T)).tier);
        }
    }
}

#[test]
fn answers_to_hidden_questions_are_dropped() {
    let pack = &content().pack;
    // A follow-up opened by a "yes" to another question, answered and then hidden again by
    // changing that answer to "no" (the widget keeps the follow-up's answer, never reads it).
    let (follow_up, parent) = pack
        .questions
        .iter()
        .find_map(|q| match &q.show_if {
            Some(Cond::Yes(parent)) if q.kind == QuestionKind::PastDate => Some((q, parent)),
            _ => None,
        })
        .expect("a dated follow-up opened by a yes");
    let day = d(T).add_days(-3).iso();
    let r = visitor(
        &["fine_lines"],
        &["arms"],
        &[
            (parent.as_str(), "no"),
            (follow_up.id.as_str(), day.as_str()),
        ],
    );
    let report = Report::new(pack, &r, MIN_AGE, d(T));
    assert!(
        !report.asked.contains(&follow_up.id),
        "{} is shown",
        follow_up.id
    );
    assert!(r.answers.contains_key(&follow_up.id));
    let code = handover::encode(pack, &r, MIN_AGE, d(T));
    assert!(!code.contains(&day), "{code}");
    let h = handover::decode(&code, pack, MIN_AGE).unwrap();
    assert!(!h.responses.answers.contains_key(&follow_up.id));
    assert_eq!(h.tier, report.tier);

    // The all-"no" visitor also answers questions shown only for other areas or concerns.
    let hidden: Vec<_> = r
        .answers
        .keys()
        .filter(|id| !report.asked.contains(id))
        .collect();
    assert!(hidden.len() >= 2, "{hidden:?}");
    for id in hidden {
        assert!(!h.responses.answers.contains_key(id), "{id} kept");
    }
    // Every asked answer is kept.
    for id in &report.asked {
        assert_eq!(h.responses.answers.get(id), r.answers.get(id), "{id}");
    }
}

#[test]
fn codes_are_fragment_safe_and_fit_a_qr_code() {
    let pack = &content().pack;
    let safe = |c: char| c.is_ascii_alphanumeric() || "-._~,".contains(c);
    let typical = handover::encode(
        pack,
        &visitor(&["acne_scars"], &["cheeks"], &[]),
        MIN_AGE,
        d(T),
    );
    // Two concerns and two areas, every shown question answered, every follow-up opened.
    let answered_all = handover::encode(
        pack,
        &longest(&["acne_scars", "texture"], &["cheeks", "neck"], T),
        MIN_AGE,
        d(T),
    );
    // Every concern and every area as well: no visitor is stopped from choosing them all.
    let all_concerns: Vec<&str> = pack.concerns.iter().map(|c| c.id.as_str()).collect();
    let all_areas: Vec<&str> = pack.areas.iter().map(|a| a.id.as_str()).collect();
    let full = longest(&all_concerns, &all_areas, T);
    let max = handover::encode(pack, &full, MIN_AGE, d(T));
    eprintln!("typical hand-over code: {} bytes: {typical}", typical.len());
    eprintln!(
        "every shown question answered: {} bytes: {answered_all}",
        answered_all.len()
    );
    eprintln!("everything chosen and answered: {} bytes: {max}", max.len());
    let mut codes: Vec<String> = samples()
        .iter()
        .map(|r| handover::encode(pack, r, MIN_AGE, d(T)))
        .collect();
    codes.push(typical);
    codes.push(answered_all);
    for code in &codes {
        assert!(code.chars().all(safe), "not fragment-safe: {code}");
        assert!(code.len() <= 250, "{} bytes: {code}", code.len());
    }
    // The worst case still makes a small QR code that any phone reads from a screen: version
    // 14 at medium error correction holds 362 bytes, with room for the address in front
    // (today's worst case, about 200 bytes with a 60-byte address, is version 12 of 40).
    assert!(max.chars().all(safe), "not fragment-safe: {max}");
    assert!(max.len() <= 300, "{} bytes: {max}", max.len());
    // The longest one decodes too, and really holds every shown question.
    let h = handover::decode(&max, pack, MIN_AGE).unwrap();
    let asked = Report::new(pack, &full, MIN_AGE, d(T)).asked;
    assert_eq!(h.responses.answers.len(), asked.len());
    assert_eq!(h.responses.concerns.len(), pack.concerns.len());
    assert!(handover::FRAGMENT_KEY.chars().all(safe));
}

#[test]
fn a_different_prefix_is_not_a_code() {
    let pack = &content().pack;
    let code = handover::encode(pack, &samples()[0], MIN_AGE, d(T));
    let stored = samples()[0].encode();
    for text in [
        String::new(),
        "   ".into(),
        "h2".into(),
        "h1".to_string() + &code[2..],
        "h3".to_string() + &code[2..],
        "H2".to_string() + &code[2..],
        code.replacen('~', "-", 1),
        format!("handover={code}"),
        format!("https://clinic.example/#handover={code}"),
        stored,
    ] {
        assert_eq!(
            handover::decode(&text, pack, MIN_AGE),
            Err(HandoverError::NotACode),
            "{text}"
        );
    }
}

#[test]
fn a_code_cut_short_is_damaged() {
    let pack = &content().pack;
    for r in samples() {
        let code = handover::encode(pack, &r, MIN_AGE, d(T));
        let n = code.len();
        for cut in [
            3,
            4,
            10,
            n / 4,
            n / 2,
            3 * n / 4,
            n - 9,
            n - 8,
            n - 2,
            n - 1,
        ] {
            assert_eq!(
                handover::decode(&code[..cut], pack, MIN_AGE),
                Err(HandoverError::Damaged),
                "cut at {cut}: {}",
                &code[..cut]
            );
        }
    }
}

#[test]
fn one_changed_character_is_damaged() {
    let pack = &content().pack;
    let code = handover::encode(pack, &samples()[3], MIN_AGE, d(T));
    let mid = code.len() / 2;
    let mut changed = code.clone().into_bytes();
    changed[mid] = if changed[mid] == b'a' { b'b' } else { b'a' };
    let changed = String::from_utf8(changed).unwrap();
    assert_eq!(
        handover::decode(&changed, pack, MIN_AGE),
        Err(HandoverError::Damaged)
    );
    // Any one character after the format tag, changed to any other fragment-safe one.
    for i in 3..code.len() {
        for c in [b'0', b'n', b'~', b';'] {
            let mut b = code.clone().into_bytes();
            if b[i] == c {
                continue;
            }
            b[i] = c;
            let text = String::from_utf8(b).unwrap();
            assert_eq!(
                handover::decode(&text, pack, MIN_AGE),
                Err(HandoverError::Damaged),
                "{text}"
            );
        }
    }
}

#[test]
fn a_code_made_with_other_content_names_its_version() {
    let pack = &content().pack;
    let code = handover::encode(pack, &samples()[0], MIN_AGE, d(T));
    assert_eq!(part(&code, 1), pack.meta.version);
    let other = reseal(&code, 1, "2025.01.1");
    assert_eq!(
        handover::decode(&other, pack, MIN_AGE),
        Err(HandoverError::OtherVersion("2025.01.1".into()))
    );
    // Damaged in transit as well: the checksum is checked first.
    let damaged = other.replace("2025.01.1", "2025.01.2");
    assert_eq!(
        handover::decode(&damaged, pack, MIN_AGE),
        Err(HandoverError::Damaged)
    );
}

#[test]
fn answers_the_content_does_not_accept_are_refused() {
    let pack = &content().pack;
    let code = handover::encode(pack, &samples()[0], MIN_AGE, d(T));
    let answers = part(&code, 4);
    let [concerns, areas, questions]: [&str; 3] =
        answers.split('.').collect::<Vec<_>>().try_into().unwrap();
    // A position past the end of each list: an id this content does not have.
    let past_the_end = |n: usize| position(n);
    for (with, past) in [
        (
            format!(
                "{concerns}{}.{areas}.{questions}",
                past_the_end(pack.concerns.len())
            ),
            pack.concerns.len(),
        ),
        (
            format!(
                "{concerns}.{areas}{}.{questions}",
                past_the_end(pack.areas.len())
            ),
            pack.areas.len(),
        ),
        (
            format!(
                "{concerns}.{areas}.{}y,{questions}",
                past_the_end(pack.questions.len())
            ),
            pack.questions.len(),
        ),
    ] {
        assert_eq!(
            handover::decode(&reseal(&code, 4, &with), pack, MIN_AGE),
            Err(HandoverError::Refused(DecodeError::UnknownId(position(
                past
            )))),
            "{with}"
        );
    }
    // An age past the question's range, and a word where a number goes.
    let age = question_position("age");
    let (min, max) = common::question("age").number_range();
    assert!(min <= 35);
    assert!(questions.contains(&format!("{age}35")), "{questions}");
    for wrong in [format!("{age}{}", max + 1), format!("{age}y")] {
        let with = answers.replace(&format!("{age}35"), &wrong);
        assert!(
            matches!(
                handover::decode(&reseal(&code, 4, &with), pack, MIN_AGE),
                Err(HandoverError::Refused(DecodeError::BadAnswer(_, _)))
            ),
            "{with}"
        );
    }
}

#[test]
fn the_answers_in_a_code_are_short() {
    // Positions, not ids: every question answered, with every concern and area, is still a
    // small QR code.
    let pack = &content().pack;
    let r = visitor(&["acne_scars"], &["cheeks"], &[]);
    let code = handover::encode(pack, &r, MIN_AGE, d(T));
    let asked = Report::new(pack, &r, MIN_AGE, d(T)).asked.len();
    let questions = part(&code, 4).split('.').nth(2).unwrap().to_string();
    // Each yes/no answer is its position, its letter and a comma.
    assert!(
        questions.len() <= asked * (position(0).len() + 4),
        "{questions}"
    );
    for id in &r.concerns {
        assert!(!code.contains(id.as_str()), "{code}");
    }
}

#[test]
fn an_edited_outcome_is_caught() {
    let pack = &content().pack;
    for r in samples() {
        let code = handover::encode(pack, &r, MIN_AGE, d(T));
        let letter = part(&code, 3);
        for other in ["g", "p", "n"].into_iter().filter(|l| *l != letter) {
            assert_eq!(
                handover::decode(&reseal(&code, 3, other), pack, MIN_AGE),
                Err(HandoverError::Changed),
                "{letter} -> {other}"
            );
        }
    }
    // The same code read by a clinic with a higher minimum age gives another outcome.
    let r = visitor(&["fine_lines"], &["cheeks"], &[("age", "20")]);
    let code = handover::encode(pack, &r, MIN_AGE, d(T));
    assert!(handover::decode(&code, pack, MIN_AGE).is_ok());
    assert_eq!(
        handover::decode(&code, pack, 21),
        Err(HandoverError::Changed)
    );
}

#[test]
fn a_sealed_code_with_a_broken_layout_is_damaged() {
    let pack = &content().pack;
    let code = handover::encode(pack, &samples()[0], MIN_AGE, d(T));
    for (i, with) in [
        (2, "2026-02-30"),
        (2, "21.11.2026"),
        (2, ""),
        (3, "x"),
        (3, "G"),
        (3, "gp"),
        (3, ""),
    ] {
        let text = reseal(&code, i, with);
        assert_eq!(
            handover::decode(&text, pack, MIN_AGE),
            Err(HandoverError::Damaged),
            "{text}"
        );
    }
    // Five parts or seven, each with a checksum that fits.
    let head: Vec<&str> = code.split('~').take(5).collect();
    for parts in [&head[..4], &[&head[..], &["extra"]].concat()[..]] {
        let head = parts.join("~");
        let text = format!("{head}~{:08x}", crc32(head.as_bytes()));
        assert_eq!(
            handover::decode(&text, pack, MIN_AGE),
            Err(HandoverError::Damaged),
            "{text}"
        );
    }
    // The answers part broken in ways no device writes, each sealed again.
    let answers = part(&code, 4);
    assert_eq!(answers.split('.').count(), 3, "{answers}");
    assert_ne!(answers.to_uppercase(), answers);
    for with in [
        answers.replacen('.', "", 1),
        format!("{answers}.2026-12-01.x"),
        format!("{answers};c=fine_lines"),
        answers.to_uppercase(),
        format!("{answers},{}", position(0)),
        format!("{answers}:"),
        format!("{answers} "),
    ] {
        let text = reseal(&code, 4, &with);
        assert_eq!(
            handover::decode(&text, pack, MIN_AGE),
            Err(HandoverError::Damaged),
            "{text}"
        );
    }
    // The checksum in capitals, or too long a code.
    let upper = format!(
        "{}{}",
        &code[..code.len() - 8],
        code[code.len() - 8..].to_uppercase()
    );
    if upper != code {
        assert_eq!(
            handover::decode(&upper, pack, MIN_AGE),
            Err(HandoverError::Damaged)
        );
    }
    let long = reseal(
        &code,
        4,
        &format!("{};c={}", part(&code, 4), "x".repeat(4000)),
    );
    assert_eq!(
        handover::decode(&long, pack, MIN_AGE),
        Err(HandoverError::Damaged)
    );
    // Spaces around a pasted code are not damage.
    assert!(handover::decode(&format!(" {code}\n"), pack, MIN_AGE).is_ok());
}

#[test]
fn every_refusal_has_its_own_key_and_text() {
    let errors = [
        HandoverError::NotACode,
        HandoverError::Damaged,
        HandoverError::OtherVersion("2025.01.1".into()),
        HandoverError::Refused(DecodeError::UnknownVersion),
        HandoverError::Changed,
    ];
    let keys: Vec<&str> = errors.iter().map(HandoverError::key).collect();
    assert_eq!(
        keys,
        [
            "not_a_code",
            "damaged",
            "other_version",
            "refused",
            "changed"
        ]
    );
    for e in &errors {
        assert!(!e.to_string().is_empty());
    }
    assert!(errors[2].to_string().contains("2025.01.1"));
}

#[test]
fn the_test_checksum_is_crc32() {
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
}

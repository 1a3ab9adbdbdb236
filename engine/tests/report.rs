//! The report the results screen, the CLI and the benchmark share: the one next step (and so
//! who may book), who to see first, the plan that fits the outcome, and the sources that matter.

mod common;

use common::{content, d, visitor};
use proptest::prelude::*;
use selfcheck_engine::report::{first_session_from, key_sources, KEY_SOURCES};
use selfcheck_engine::schema::{Level, See};
use selfcheck_engine::{Action, Journey, NextStep, Report, Responses, Step, Tier};

const T: &str = "2026-11-21";

fn report(concerns: &[&str], areas: &[&str], answers: &[(&str, &str)]) -> Report {
    let c = content();
    Report::new(&c.pack, &visitor(concerns, areas, answers), 18, d(T))
}

/// Answers, the tier they give, and the next step offered.
type Row = (&'static [(&'static str, &'static str)], Tier, NextStep);

#[test]
fn the_next_step_follows_who_to_see() {
    let table: &[Row] = &[
        (&[], Tier::GoodToBook, NextStep::Book),
        // Raised at the consultation: book, and show them this page.
        (
            &[("dark_marks", "yes")],
            Tier::SeeProviderFirst,
            NextStep::Book,
        ),
        (&[("age", "20")], Tier::SeeProviderFirst, NextStep::Book),
        // Needs the visitor's own doctor: talk to them first, no booking.
        (
            &[("diabetes", "yes")],
            Tier::SeeProviderFirst,
            NextStep::TalkToDoctor,
        ),
        (
            &[("blood_thinners", "yes"), ("dark_marks", "yes")],
            Tier::SeeProviderFirst,
            NextStep::TalkToDoctor,
        ),
        // Not now: ask the clinic, never a booking.
        (
            &[("pregnant_nursing", "yes")],
            Tier::NotSuitableNow,
            NextStep::AskClinic,
        ),
        (
            &[("allergies", "yes"), ("dark_marks", "yes")],
            Tier::NotSuitableNow,
            NextStep::AskClinic,
        ),
    ];
    for (answers, tier, step) in table {
        let r = report(&["fine_lines"], &["cheeks"], answers);
        assert_eq!((r.tier, r.next_step), (*tier, *step), "{answers:?}");
        assert_eq!(r.may_book(), *step == NextStep::Book);
    }
}

#[test]
fn every_see_provider_reason_says_who_to_see() {
    let c = content();
    for rule in c
        .pack
        .rules
        .iter()
        .filter(|r| r.level == Level::SeeProvider)
    {
        assert!(rule.see.is_some(), "{} does not say who to see", rule.id);
    }
    let r = report(
        &["fine_lines"],
        &["cheeks"],
        &[("heart_device", "yes"), ("scar_age", "yes")],
    );
    let see: Vec<_> = r
        .reasons
        .iter()
        .map(|x| (x.flag.rule.as_str(), x.see))
        .collect();
    assert!(see.contains(&("heart_device", Some(See::OwnDoctor))));
    assert!(r
        .reasons
        .iter()
        .all(|x| x.flag.level == Level::SeeProvider || x.see.is_none()));
}

#[test]
fn the_plan_fits_the_outcome() {
    // Not now with a known end: a dated plan from that day, never earlier.
    let r = report(
        &["acne_scars"],
        &["cheeks"],
        &[
            ("isotretinoin_past", "yes"),
            ("isotretinoin_stopped", "2026-07-21"),
        ],
    );
    assert_eq!(r.first_session_from, Some(d("2027-07-21")));
    // Not now with no known end: no dated plan.
    let r = report(&["acne_scars"], &["cheeks"], &[("pregnant_nursing", "yes")]);
    assert_eq!(r.first_session_from, None);
    // Otherwise from today.
    let r = report(&["acne_scars"], &["cheeks"], &[("diabetes", "yes")]);
    assert_eq!(r.first_session_from, Some(d(T)));
    assert_eq!(first_session_from(Tier::GoodToBook, None, d(T)), Some(d(T)));
}

#[test]
fn a_first_session_before_the_allowed_day_is_refused() {
    let c = content();
    let today = d(T);
    let stopped = visitor(
        &["acne_scars"],
        &["cheeks"],
        &[
            ("isotretinoin_past", "yes"),
            ("isotretinoin_stopped", "2026-07-21"),
        ],
    );
    let mut j = Journey::restore(&c.pack, stopped, Some(Step::Results), 18, today);
    assert_eq!(*j.step(), Step::Results);
    assert!(!j.apply(
        &c.pack,
        Action::FirstSession(Some(d("2027-07-20"))),
        18,
        today
    ));
    assert_eq!(j.responses.first_session, None);
    assert!(j.apply(
        &c.pack,
        Action::FirstSession(Some(d("2027-07-21"))),
        18,
        today
    ));
    let r = Report::new(&c.pack, &j.responses, 18, today);
    assert!(r.timeline.is_some());
    // A pregnant visitor cannot plan "Session 1" at all.
    let pregnant = visitor(&["acne_scars"], &["cheeks"], &[("pregnant_nursing", "yes")]);
    let mut j = Journey::restore(&c.pack, pregnant, Some(Step::Results), 18, today);
    assert!(!j.apply(
        &c.pack,
        Action::FirstSession(Some(d("2026-12-01"))),
        18,
        today
    ));
    // A first session stored before the outcome changed is not shown as a plan.
    let mut r = visitor(&["acne_scars"], &["cheeks"], &[("pregnant_nursing", "yes")]);
    r.first_session = Some(d("2026-12-01"));
    assert_eq!(Report::new(&c.pack, &r, 18, today).timeline, None);
}

#[test]
fn reasons_name_their_best_graded_sources() {
    let c = content();
    for rule in &c.pack.rules {
        let keys = key_sources(&c.pack, &rule.sources);
        assert!(!keys.is_empty() && keys.len() <= KEY_SOURCES, "{}", rule.id);
        let grade = |id: &str| c.pack.sources.iter().find(|s| s.id == id).unwrap().grade;
        // No source left out is better graded than one named.
        let worst_named = keys.iter().map(|k| grade(k)).max().unwrap();
        for s in rule.sources.iter().filter(|s| !keys.contains(s)) {
            assert!(grade(s) >= worst_named, "{}: {} left out", rule.id, s);
        }
    }
}

#[test]
fn the_report_lists_each_source_once_reasons_first() {
    let r = report(&["acne_scars"], &["cheeks"], &[("keloid", "yes")]);
    let mut seen = std::collections::BTreeSet::new();
    assert!(
        r.sources.iter().all(|s| seen.insert(s.clone())),
        "a source is listed twice"
    );
    assert_eq!(r.sources[0], r.reasons[0].flag.sources[0]);
    let c = content();
    assert!(r
        .sources
        .iter()
        .all(|s| c.pack.sources.iter().any(|x| &x.id == s)));
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    /// Booking is offered only when nothing rules treatment out now and every reason to see
    /// someone first can be raised at the consultation; never for not now.
    #[test]
    fn booking_only_when_nothing_needs_a_doctor_first(
        concern in 0usize..11,
        area in 0usize..14,
        picks in proptest::collection::vec((0usize..64, 0u8..3), 0..6),
        age in 10u32..90,
    ) {
        let c = content();
        let mut r: Responses = visitor(&[c.pack.concerns[concern % c.pack.concerns.len()].id.as_str()], &[c.pack.areas[area % c.pack.areas.len()].id.as_str()], &[]);
        r.answers.insert("age".into(), selfcheck_engine::Answer::Number(age));
        for (i, k) in picks {
            let q = &c.pack.questions[i % c.pack.questions.len()];
            if q.kind == selfcheck_engine::schema::QuestionKind::YesNo {
                let a = [selfcheck_engine::Answer::Yes, selfcheck_engine::Answer::Unsure, selfcheck_engine::Answer::No][k as usize];
                r.answers.insert(q.id.clone(), a);
            }
        }
        let report = Report::new(&c.pack, &r, 18, d(T));
        // Read who to see from the content itself, not from the report under test.
        let rule = |id: &str| c.pack.rules.iter().find(|x| x.id == id).unwrap();
        let outcome = selfcheck_engine::evaluate(&c.pack, &r, 18, d(T));
        let any_not_now = outcome.flags.iter().any(|f| rule(&f.rule).level == Level::NotNow);
        let consultation_only = outcome
            .flags
            .iter()
            .filter(|f| rule(&f.rule).level == Level::SeeProvider)
            .all(|f| rule(&f.rule).see == Some(See::Consultation));
        prop_assert_eq!(report.may_book(), !any_not_now && consultation_only);
        prop_assert_eq!(report.next_step == NextStep::AskClinic, any_not_now);
    }
}

#[test]
fn under_the_minimum_age_only_the_do_not_treat_reasons_stand() {
    let c = content();
    let mut r = Responses {
        concerns: ["acne_scars".into()].into(),
        areas: ["neck".into()].into(),
        ..Default::default()
    };
    r.answers
        .insert("age".into(), selfcheck_engine::Answer::Number(16));
    let report = Report::new(&c.pack, &r, 18, d(T));
    assert!(report.ended_early);
    let rules: Vec<&str> = report
        .reasons
        .iter()
        .map(|x| x.flag.rule.as_str())
        .collect();
    assert_eq!(
        rules,
        ["under_min_age"],
        "no 'raise it at your consultation' for a 16-year-old"
    );
    assert_eq!(report.next_step, NextStep::AskClinic);
}

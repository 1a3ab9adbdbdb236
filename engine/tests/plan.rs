//! The plan: course figures per concern, combining concerns, body areas, conditional steps,
//! and a dated timeline.

mod common;

use common::{content, d, visitor};
use selfcheck_engine::schema::{AreaGroup, Course, Depth, Range};
use selfcheck_engine::{plan, timeline, Ctx, Event};

fn plan_for(concerns: &[&str], areas: &[&str], answers: &[(&str, &str)]) -> selfcheck_engine::Plan {
    let c = content();
    let r = visitor(concerns, areas, answers);
    let ctx = Ctx::new(&c.pack, &r, 18, d("2026-11-21"));
    plan(&c.pack, &ctx)
}

fn r(min: u32, max: u32) -> Range {
    Range { min, max }
}

/// The first area of a group, read from the content.
fn area_in(group: AreaGroup) -> &'static str {
    &content()
        .pack
        .areas
        .iter()
        .find(|a| a.group == group)
        .unwrap()
        .id
}

/// Concerns that have a course of sessions, read from the content.
fn with_course() -> Vec<(&'static str, Course)> {
    content()
        .pack
        .concerns
        .iter()
        .filter_map(|c| Some((c.id.as_str(), c.course.clone()?)))
        .collect()
}

fn downtime(depth: Depth) -> Range {
    let p = &content().pack.plan;
    match depth {
        Depth::Light => p.downtime_light.value,
        Depth::Deep => p.downtime_deep.value,
    }
}

#[test]
fn each_concern_gets_its_own_course_on_the_face() {
    // Figures read from concerns.toml and plan.toml: a content edit changes the expectation,
    // not the test.
    let session = &content().pack.plan.session;
    for (id, own) in with_course() {
        let p = plan_for(&[id], &[area_in(AreaGroup::Face)], &[]);
        let c = p.course.unwrap();
        assert_eq!(
            (c.sessions, c.spacing_weeks, c.maintenance_months, c.depth),
            (
                own.sessions,
                own.spacing_weeks,
                own.maintenance_months,
                own.depth
            ),
            "{id}"
        );
        assert_eq!(c.downtime_days, downtime(own.depth), "{id}");
        assert!(!c.body_area);
        assert_eq!(
            (p.session_minutes, p.numbing_minutes),
            (session.minutes, session.numbing_minutes)
        );
    }
}

#[test]
fn several_concerns_take_the_larger_figures() {
    let all = with_course();
    let larger = |a: Range, b: Range| r(a.min.max(b.min), a.max.max(b.max));
    for (a, ca) in &all {
        for (b, cb) in &all {
            let c = plan_for(&[a, b], &[area_in(AreaGroup::Face)], &[])
                .course
                .unwrap();
            assert_eq!(c.sessions, larger(ca.sessions, cb.sessions), "{a} + {b}");
            assert_eq!(c.spacing_weeks, larger(ca.spacing_weeks, cb.spacing_weeks));
            assert_eq!(
                c.maintenance_months,
                larger(ca.maintenance_months, cb.maintenance_months)
            );
            assert_eq!(c.depth, ca.depth.max(cb.depth));
            assert_eq!(c.downtime_days, downtime(ca.depth.max(cb.depth)));
        }
    }
}

#[test]
fn body_areas_need_at_least_the_body_course() {
    let body = content().pack.plan.body_sessions.value;
    for (id, own) in with_course() {
        let c = plan_for(&[id], &[area_in(AreaGroup::Body)], &[])
            .course
            .unwrap();
        assert!(c.body_area, "{id}");
        assert_eq!(
            c.sessions,
            r(
                own.sessions.min.max(body.min),
                own.sessions.max.max(body.max)
            ),
            "{id}"
        );
        // On the neck or chest, the concern's own course.
        let c = plan_for(&[id], &[area_in(AreaGroup::NeckChest)], &[])
            .course
            .unwrap();
        assert!(!c.body_area);
        assert_eq!(c.sessions, own.sessions, "{id}");
    }
}

#[test]
fn a_concern_without_a_course_gives_no_course() {
    assert!(plan_for(&["redness_rosacea"], &["cheeks"], &[])
        .course
        .is_none());
}

#[test]
fn preparation_follows_the_answers() {
    let ids = |p: &selfcheck_engine::Plan| p.prep.iter().map(|x| x.id.clone()).collect::<Vec<_>>();
    let plain = ids(&plan_for(&["fine_lines"], &["cheeks"], &[]));
    assert!(!plain.contains(&"prep_antiviral".into()) && !plain.contains(&"prep_actives".into()));
    let p = plan_for(
        &["fine_lines"],
        &["cheeks"],
        &[
            ("cold_sores", "yes"),
            ("retinoids", "yes"),
            ("blood_thinners", "yes"),
        ],
    );
    let with = ids(&p);
    for id in ["prep_antiviral", "prep_actives", "prep_thinners"] {
        assert!(with.contains(&id.to_string()), "{id}");
    }
    // "From now on" first, then the longest lead time first.
    let leads: Vec<Option<u32>> = p.prep.iter().map(|x| x.days_before).collect();
    let first_dated = leads.iter().position(|x| x.is_some()).unwrap();
    assert!(leads[..first_dated].iter().all(|x| x.is_none()));
    let dated: Vec<u32> = leads[first_dated..].iter().map(|x| x.unwrap()).collect();
    assert!(dated.windows(2).all(|w| w[0] >= w[1]), "{dated:?}");
}

#[test]
fn every_plan_has_red_flags_with_an_emergency_one() {
    // Every warning sign in the content, whatever the concern, and one of them urgent.
    let all = content().pack.plan.red_flags.len();
    let p = plan_for(&["fine_lines"], &["cheeks"], &[]);
    assert_eq!(p.red_flags.len(), all);
    assert!(p
        .red_flags
        .iter()
        .any(|(_, u)| *u == selfcheck_engine::schema::Urgency::Emergency));
}

#[test]
fn the_dated_timeline_is_exact() {
    let p = plan_for(&["acne_scars"], &["cheeks"], &[("retinoids", "yes")]);
    let t = timeline(&p, d("2027-01-15"));
    let sessions: Vec<(String, String, bool)> = t
        .iter()
        .filter_map(|e| match e {
            Event::Session {
                date,
                latest,
                if_needed,
                ..
            } => Some((date.iso(), latest.iso(), *if_needed)),
            _ => None,
        })
        .collect();
    // Session i (from 0) is i spacings after the first: at the shortest spacing, at the latest
    // the longest; those past the course's least number are "if needed" (figures read from
    // the plan, which reads them from the content).
    let course = p.course.clone().unwrap();
    let first = d("2027-01-15");
    assert_eq!(sessions.len() as u32, course.sessions.max);
    for (i, (date, latest, if_needed)) in sessions.iter().enumerate() {
        let i = i as u32;
        let at = |weeks: u32| first.add_days((i * weeks * 7) as i32).iso();
        assert_eq!(date, &at(course.spacing_weeks.min), "session {}", i + 1);
        assert_eq!(latest, &at(course.spacing_weeks.max), "session {}", i + 1);
        assert_eq!(*if_needed, i >= course.sessions.min, "session {}", i + 1);
    }
    // One worked example, counted by hand: 4 weeks after 15 January 2027 is 12 February.
    assert_eq!(first.add_days(28).iso(), "2027-02-12");
    let prep: Vec<(String, String)> = t
        .iter()
        .filter_map(|e| match e {
            Event::Prep { date, id } => Some((date.iso(), id.clone())),
            _ => None,
        })
        .collect();
    // Each preparation step with a lead time starts that many days before (read from the
    // content, counted here).
    let with_lead: Vec<_> = p.prep.iter().filter(|s| s.days_before.is_some()).collect();
    assert!(
        with_lead.len() >= 3,
        "retinoid users have several dated steps"
    );
    for step in with_lead {
        let want = d("2027-01-15")
            .add_days(-(step.days_before.unwrap() as i32))
            .iso();
        assert!(
            prep.contains(&(want.clone(), step.id.clone())),
            "{} on {want}: {prep:?}",
            step.id
        );
    }
    // An aftercare step is over the day after its last day, and says so in its own words.
    for a in content()
        .pack
        .plan
        .aftercare
        .iter()
        .filter(|a| a.until_day.is_some())
    {
        let want = d("2027-01-15").add_days(a.until_day.unwrap() as i32 + 1);
        assert!(
            t.iter().any(
                |e| matches!(e, Event::AftercareEnds { date, id } if *date == want && id == &a.id)
            ),
            "{} should end on {}",
            a.id,
            want.iso()
        );
        assert!(content().locales["en"].ends.contains_key(&a.id));
    }
    // First maintenance: 6 months after the third (last required) session.
    assert!(t
        .iter()
        .any(|e| matches!(e, Event::Maintenance { date } if date.iso() == "2027-09-12")));
    // Sorted by date.
    let dates: Vec<_> = t
        .iter()
        .map(|e| match e {
            Event::Prep { date, .. }
            | Event::Session { date, .. }
            | Event::AftercareEnds { date, .. }
            | Event::Maintenance { date } => *date,
        })
        .collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]));
}

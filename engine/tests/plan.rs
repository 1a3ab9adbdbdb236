//! The plan: course figures per concern, combining concerns, body areas, conditional steps,
//! and a dated timeline.

mod common;

use common::{content, d, visitor};
use selfcheck_engine::schema::{Depth, Range};
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

#[test]
fn acne_scars_about_monthly_for_three_to_six_sessions() {
    let p = plan_for(&["acne_scars"], &["cheeks"], &[]);
    let c = p.course.unwrap();
    assert_eq!(c.sessions, r(3, 6));
    assert_eq!(c.spacing_weeks, r(4, 5));
    assert_eq!(c.maintenance_months, r(6, 12));
    assert_eq!(c.depth, Depth::Deep);
    assert_eq!(c.downtime_days, r(3, 7));
    assert_eq!(
        (p.session_minutes, p.numbing_minutes),
        (r(30, 60), r(10, 20))
    );
}

#[test]
fn fine_lines_three_to_six_sessions_four_to_six_weeks_apart() {
    let c = plan_for(&["fine_lines"], &["forehead"], &[])
        .course
        .unwrap();
    assert_eq!(
        (c.sessions, c.spacing_weeks, c.depth),
        (r(3, 6), r(4, 6), Depth::Light)
    );
    assert_eq!(c.downtime_days, r(1, 3));
}

#[test]
fn several_concerns_take_the_larger_figures() {
    let c = plan_for(&["dull_skin", "acne_scars"], &["cheeks"], &[])
        .course
        .unwrap();
    assert_eq!(c.sessions, r(3, 6));
    assert_eq!(c.spacing_weeks, r(4, 6));
    assert_eq!(c.maintenance_months, r(6, 12));
    assert_eq!(c.depth, Depth::Deep);
}

#[test]
fn body_areas_need_four_to_six_sessions() {
    let c = plan_for(&["dull_skin"], &["arms"], &[]).course.unwrap();
    assert!(c.body_area);
    assert_eq!(c.sessions, r(4, 6));
    // On the face the concern's own course applies (read from the content, not copied).
    let own = content()
        .pack
        .concerns
        .iter()
        .find(|x| x.id == "dull_skin")
        .and_then(|x| x.course.clone())
        .unwrap();
    let c = plan_for(&["dull_skin"], &["cheeks"], &[]).course.unwrap();
    assert!(!c.body_area);
    assert_eq!(c.sessions, own.sessions);
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
    let p = plan_for(&["fine_lines"], &["cheeks"], &[]);
    assert!(p.red_flags.len() >= 6);
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
    assert_eq!(sessions.len(), 6);
    assert_eq!(
        sessions[0],
        ("2027-01-15".into(), "2027-01-15".into(), false)
    );
    assert_eq!(
        sessions[1],
        ("2027-02-12".into(), "2027-02-19".into(), false)
    ); // 4 to 5 weeks
    assert_eq!(sessions[2].0, "2027-03-12");
    assert!(
        sessions[3].2 && sessions[5].2,
        "sessions 4 to 6 are 'if needed'"
    );
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

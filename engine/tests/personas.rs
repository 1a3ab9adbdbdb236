//! Persona table: realistic visitors, each checked for tier, key reasons and any
//! eligible-from date. Everyone answers "no" unless the row says otherwise.

mod common;

use common::{content, d, visitor};
use selfcheck_engine::{evaluate, Tier};

struct Persona {
    name: &'static str,
    concerns: &'static [&'static str],
    areas: &'static [&'static str],
    answers: &'static [(&'static str, &'static str)],
    today: &'static str,
    tier: Tier,
    /// Rules that must be among the flags.
    rules: &'static [&'static str],
    /// Rules that must not be among the flags.
    not_rules: &'static [&'static str],
    /// The overall eligible-from date, when the tier is "not now".
    eligible: Option<&'static str>,
}

use Tier::{GoodToBook as Good, NotSuitableNow as NotNow, SeeProviderFirst as Provider};

const T: &str = "2026-11-21";

#[rustfmt::skip]
const PERSONAS: &[Persona] = &[
    Persona { name: "healthy adult, fine lines on the forehead", concerns: &["fine_lines"], areas: &["forehead"], answers: &[], today: T,
        tier: Good, rules: &[], not_rules: &["under_22", "area_off_label"], eligible: None },
    Persona { name: "pregnant visitor with acne scars", concerns: &["acne_scars"], areas: &["cheeks"], answers: &[("pregnant_nursing", "yes")], today: T,
        tier: NotNow, rules: &["pregnant_nursing"], not_rules: &[], eligible: None },
    Persona { name: "not sure if pregnant", concerns: &["texture"], areas: &["cheeks"], answers: &[("pregnant_nursing", "unsure")], today: T,
        tier: NotNow, rules: &["pregnant_nursing"], not_rules: &[], eligible: None },
    Persona { name: "16-year-old with acne scars", concerns: &["acne_scars"], areas: &["cheeks"], answers: &[("age", "16")], today: T,
        tier: NotNow, rules: &["under_min_age", "under_22"], not_rules: &[], eligible: None },
    Persona { name: "19-year-old: outside the FDA-authorised age", concerns: &["acne_scars"], areas: &["cheeks"], answers: &[("age", "19")], today: T,
        tier: Provider, rules: &["under_22"], not_rules: &["under_min_age"], eligible: None },
    Persona { name: "22-year-old is inside every age rule", concerns: &["acne_scars"], areas: &["cheeks"], answers: &[("age", "22")], today: T,
        tier: Good, rules: &[], not_rules: &["under_22", "under_min_age"], eligible: None },
    Persona { name: "stopped isotretinoin four months ago", concerns: &["acne_scars"], areas: &["cheeks"],
        answers: &[("isotretinoin_past", "yes"), ("isotretinoin_stopped", "2026-07-21")], today: T,
        tier: NotNow, rules: &["isotretinoin_recent"], not_rules: &["isotretinoin_now"], eligible: Some("2027-07-21") },
    Persona { name: "stopped isotretinoin 13 months ago", concerns: &["acne_scars"], areas: &["cheeks"],
        answers: &[("isotretinoin_past", "yes"), ("isotretinoin_stopped", "2025-10-20")], today: T,
        tier: Good, rules: &[], not_rules: &["isotretinoin_recent"], eligible: None },
    Persona { name: "isotretinoin in the last year, date not known", concerns: &["acne_scars"], areas: &["cheeks"],
        answers: &[("isotretinoin_past", "yes"), ("isotretinoin_stopped", "unsure")], today: T,
        tier: NotNow, rules: &["isotretinoin_recent"], not_rules: &[], eligible: None },
    Persona { name: "taking isotretinoin now", concerns: &["acne_scars"], areas: &["cheeks"], answers: &[("isotretinoin_now", "yes")], today: T,
        tier: NotNow, rules: &["isotretinoin_now"], not_rules: &["isotretinoin_recent"], eligible: None },
    Persona { name: "keloid history with darker skin", concerns: &["acne_scars"], areas: &["cheeks"],
        answers: &[("keloid", "yes"), ("dark_marks", "yes")], today: T,
        tier: NotNow, rules: &["keloid", "dark_marks"], not_rules: &[], eligible: None },
    Persona { name: "darker skin that marks easily, no keloids", concerns: &["sun_spots"], areas: &["cheeks"], answers: &[("dark_marks", "yes")], today: T,
        tier: Provider, rules: &["dark_marks"], not_rules: &["keloid"], eligible: None },
    Persona { name: "on warfarin", concerns: &["fine_lines"], areas: &["around_eyes"], answers: &[("blood_thinners", "yes")], today: T,
        tier: Provider, rules: &["blood_thinners", "area_eyes"], not_rules: &[], eligible: None },
    Persona { name: "haemophilia", concerns: &["other_scars"], areas: &["arms"], answers: &[("bleeding_disorder", "yes")], today: T,
        tier: NotNow, rules: &["bleeding_disorder", "area_off_label"], not_rules: &[], eligible: None },
    Persona { name: "active cold sore on the lip", concerns: &["fine_lines"], areas: &["lips_mouth"],
        answers: &[("cold_sore_now", "yes"), ("cold_sores", "yes")], today: T,
        tier: NotNow, rules: &["cold_sore_now", "cold_sores", "area_lips"], not_rules: &["active_infection"], eligible: None },
    Persona { name: "cold sore on the lip, wants the neck treated, says no infection where treated", concerns: &["fine_lines"], areas: &["neck"],
        answers: &[("active_infection", "no"), ("cold_sore_now", "yes")], today: T,
        tier: NotNow, rules: &["cold_sore_now", "area_neck"], not_rules: &["active_infection"], eligible: None },
    Persona { name: "cold sore history, chest only: asked, and told to move the session if one starts", concerns: &["sun_spots"], areas: &["chest"],
        answers: &[("cold_sores", "yes")], today: T,
        tier: Provider, rules: &["cold_sores", "concern_pigment"], not_rules: &["cold_sore_now"], eligible: None },
    Persona { name: "cold sore history only", concerns: &["fine_lines"], areas: &["lips_mouth"], answers: &[("cold_sores", "yes")], today: T,
        tier: Provider, rules: &["cold_sores"], not_rules: &["active_infection"], eligible: None },
    Persona { name: "changing mole on the cheek", concerns: &["sun_spots"], areas: &["cheeks"], answers: &[("changing_mole", "yes")], today: T,
        tier: NotNow, rules: &["changing_mole"], not_rules: &[], eligible: None },
    Persona { name: "active acne on the back", concerns: &["acne_scars"], areas: &["back"], answers: &[("active_acne", "yes")], today: T,
        tier: NotNow, rules: &["active_acne"], not_rules: &[], eligible: None },
    Persona { name: "active acne on the arms, near a scar", concerns: &["other_scars"], areas: &["arms", "scar_elsewhere"], answers: &[("active_acne", "yes")], today: T,
        tier: NotNow, rules: &["active_acne"], not_rules: &[], eligible: None },
    Persona { name: "sunburn after a holiday", concerns: &["dull_skin"], areas: &["cheeks"], answers: &[("sunburn_tan", "yes")], today: T,
        tier: NotNow, rules: &["sunburn_tan"], not_rules: &[], eligible: None },
    Persona { name: "chemical peel 6 days ago", concerns: &["texture"], areas: &["cheeks"],
        answers: &[("recent_treatment", "yes"), ("treatment_date", "2026-11-15")], today: T,
        tier: NotNow, rules: &["recent_treatment", "treatment_tell"], not_rules: &[], eligible: Some("2026-11-29") },
    Persona { name: "laser 3 weeks ago: advice only", concerns: &["texture"], areas: &["cheeks"],
        answers: &[("recent_treatment", "yes"), ("treatment_date", "2026-10-31")], today: T,
        tier: Good, rules: &["treatment_tell"], not_rules: &["recent_treatment"], eligible: None },
    Persona { name: "filler 5 days ago", concerns: &["fine_lines"], areas: &["frown_lines"],
        answers: &[("recent_injections", "yes"), ("injections_date", "2026-11-16")], today: T,
        tier: NotNow, rules: &["recent_injections", "injections_review"], not_rules: &[], eligible: Some("2026-11-30") },
    Persona { name: "Botox 3 months ago", concerns: &["fine_lines"], areas: &["frown_lines"],
        answers: &[("recent_injections", "yes"), ("injections_date", "2026-08-21")], today: T,
        tier: Provider, rules: &["injections_review"], not_rules: &["recent_injections"], eligible: None },
    Persona { name: "peel and isotretinoin: the later date wins", concerns: &["acne_scars"], areas: &["cheeks"],
        answers: &[("recent_treatment", "yes"), ("treatment_date", "2026-11-15"), ("isotretinoin_past", "yes"), ("isotretinoin_stopped", "2026-01-31")], today: T,
        tier: NotNow, rules: &["recent_treatment", "isotretinoin_recent"], not_rules: &[], eligible: Some("2027-01-31") },
    Persona { name: "dated wait plus an open-ended one: no single date", concerns: &["acne_scars"], areas: &["cheeks"],
        answers: &[("recent_treatment", "yes"), ("treatment_date", "2026-11-15"), ("sunburn_tan", "yes")], today: T,
        tier: NotNow, rules: &["recent_treatment", "sunburn_tan"], not_rules: &[], eligible: None },
    Persona { name: "type 1 diabetes", concerns: &["stretch_marks"], areas: &["abdomen"], answers: &[("diabetes", "yes")], today: T,
        tier: Provider, rules: &["diabetes", "area_off_label"], not_rules: &[], eligible: None },
    Persona { name: "lupus", concerns: &["fine_lines"], areas: &["cheeks"], answers: &[("autoimmune", "yes")], today: T,
        tier: Provider, rules: &["autoimmune"], not_rules: &[], eligible: None },
    Persona { name: "on transplant medicine", concerns: &["fine_lines"], areas: &["cheeks"], answers: &[("immune_treatment", "yes")], today: T,
        tier: NotNow, rules: &["immune_treatment"], not_rules: &[], eligible: None },
    Persona { name: "chemotherapy this year", concerns: &["loose_skin"], areas: &["neck"], answers: &[("cancer_treatment", "yes")], today: T,
        tier: NotNow, rules: &["cancer_treatment", "area_neck"], not_rules: &[], eligible: None },
    Persona { name: "radiotherapy to the chest years ago", concerns: &["texture"], areas: &["chest"], answers: &[("radiotherapy_area", "yes")], today: T,
        tier: Provider, rules: &["radiotherapy_area"], not_rules: &["cancer_treatment"], eligible: None },
    Persona { name: "radiotherapy this year: still not now", concerns: &["texture"], areas: &["chest"],
        answers: &[("radiotherapy_area", "yes"), ("cancer_treatment", "yes")], today: T,
        tier: NotNow, rules: &["cancer_treatment", "radiotherapy_area"], not_rules: &[], eligible: None },
    Persona { name: "dermaplaning 5 days ago", concerns: &["texture"], areas: &["cheeks"],
        answers: &[("recent_treatment", "yes"), ("treatment_date", "2026-11-16")], today: T,
        tier: NotNow, rules: &["recent_treatment", "treatment_tell"], not_rules: &[], eligible: Some("2026-11-30") },
    Persona { name: "a mole removed from the cheek recently", concerns: &["fine_lines"], areas: &["cheeks"], answers: &[("recent_surgery", "yes")], today: T,
        tier: Provider, rules: &["recent_surgery"], not_rules: &[], eligible: None },
    Persona { name: "not sure if a recent operation counts", concerns: &["loose_skin"], areas: &["neck"], answers: &[("recent_surgery", "unsure")], today: T,
        tier: Provider, rules: &["recent_surgery"], not_rules: &[], eligible: None },
    Persona { name: "sun spots on the hands: a provider checks the spots", concerns: &["sun_spots"], areas: &["hands"], answers: &[], today: T,
        tier: Good, rules: &["concern_pigment", "area_off_label"], not_rules: &["concern_melasma"], eligible: None },
    Persona { name: "takes ibuprofen now and then", concerns: &["fine_lines"], areas: &["forehead"], answers: &[("blood_thinners", "yes")], today: T,
        tier: Provider, rules: &["blood_thinners"], not_rules: &[], eligible: None },
    Persona { name: "pacemaker", concerns: &["fine_lines"], areas: &["cheeks"], answers: &[("heart_device", "yes")], today: T,
        tier: Provider, rules: &["heart_device"], not_rules: &[], eligible: None },
    Persona { name: "nickel allergy", concerns: &["fine_lines"], areas: &["cheeks"], answers: &[("allergies", "yes")], today: T,
        tier: NotNow, rules: &["allergies"], not_rules: &[], eligible: None },
    Persona { name: "rosacea as the concern", concerns: &["redness_rosacea"], areas: &["cheeks"], answers: &[], today: T,
        tier: Provider, rules: &["concern_rosacea"], not_rules: &[], eligible: None },
    Persona { name: "melasma", concerns: &["melasma"], areas: &["cheeks"], answers: &[], today: T,
        tier: Provider, rules: &["concern_melasma"], not_rules: &["concern_pigment"], eligible: None },
    Persona { name: "eczema in the area", concerns: &["texture"], areas: &["hands"], answers: &[("skin_condition", "yes")], today: T,
        tier: Provider, rules: &["skin_condition"], not_rules: &[], eligible: None },
    Persona { name: "new stretch marks after pregnancy, nursing finished", concerns: &["stretch_marks"], areas: &["abdomen", "thighs_hips"],
        answers: &[("scar_age", "yes")], today: T,
        tier: Provider, rules: &["scar_age", "area_off_label"], not_rules: &["pregnant_nursing"], eligible: None },
    Persona { name: "retinol user and heavy drinker: advice only", concerns: &["dull_skin"], areas: &["cheeks"],
        answers: &[("retinoids", "yes"), ("heavy_alcohol", "yes")], today: T,
        tier: Good, rules: &["retinoids", "heavy_alcohol"], not_rules: &[], eligible: None },
    Persona { name: "slow healing", concerns: &["other_scars"], areas: &["scar_elsewhere"], answers: &[("slow_healing", "yes")], today: T,
        tier: Provider, rules: &["slow_healing"], not_rules: &[], eligible: None },
    Persona { name: "open wound and not sure about infection", concerns: &["other_scars"], areas: &["arms"],
        answers: &[("open_wound", "yes"), ("active_infection", "unsure")], today: T,
        tier: NotNow, rules: &["open_wound", "active_infection"], not_rules: &[], eligible: None },
];

#[test]
fn personas() {
    let c = content();
    assert!(PERSONAS.len() >= 25);
    let mut failures = Vec::new();
    for p in PERSONAS {
        let r = visitor(p.concerns, p.areas, p.answers);
        let o = evaluate(
            &c.pack,
            &r,
            selfcheck_engine::config::LOWEST_AGE,
            d(p.today),
        );
        let rules: Vec<&str> = o.flags.iter().map(|f| f.rule.as_str()).collect();
        let mut problems = Vec::new();
        if o.tier != p.tier {
            problems.push(format!("tier {:?}, expected {:?}", o.tier, p.tier));
        }
        for r in p.rules {
            if !rules.contains(r) {
                problems.push(format!("missing flag {r}"));
            }
        }
        for r in p.not_rules {
            if rules.contains(r) {
                problems.push(format!("unexpected flag {r}"));
            }
        }
        if o.eligible_from.map(|x| x.iso()).as_deref() != p.eligible {
            problems.push(format!(
                "eligible_from {:?}, expected {:?}",
                o.eligible_from.map(|x| x.iso()),
                p.eligible
            ));
        }
        if !problems.is_empty() {
            failures.push(format!(
                "{}: {} (flags: {rules:?})",
                p.name,
                problems.join("; ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "persona failures:\n{}",
        failures.join("\n")
    );
}

#[test]
fn every_persona_round_trips_through_a_hand_over_code() {
    use selfcheck_engine::handover;
    let c = content();
    let min_age = selfcheck_engine::config::LOWEST_AGE;
    let mut refused = Vec::new();
    for p in PERSONAS {
        let r = visitor(p.concerns, p.areas, p.answers);
        let code = handover::encode(&c.pack, &r, min_age, d(p.today));
        let decoded = handover::decode(&code, &c.pack, min_age);
        // A persona may hold an answer the walk-through would not take on its day (a date
        // further back than its question asks about): its code is refused, never misread.
        let asked = selfcheck_engine::Report::new(&c.pack, &r, min_age, d(p.today)).asked;
        let takes_all = c.pack.questions.iter().all(|q| {
            !asked.contains(&q.id)
                || r.answers
                    .get(&q.id)
                    .is_none_or(|a| q.accepts(*a, d(p.today)).is_ok())
        });
        if !takes_all {
            assert!(
                matches!(decoded, Err(handover::HandoverError::Refused(_))),
                "{}: {decoded:?}",
                p.name
            );
            refused.push(p.name);
            continue;
        }
        let h = decoded.unwrap_or_else(|e| panic!("{}: {e}: {code}", p.name));
        assert_eq!(h.tier, p.tier, "{}: {code}", p.name);
        assert_eq!(h.made_on, d(p.today), "{}", p.name);
        assert_eq!(h.responses.concerns, r.concerns, "{}", p.name);
        assert_eq!(h.responses.areas, r.areas, "{}", p.name);
        // Every answer to a question they were asked reaches the clinic, and no other.
        for id in &asked {
            assert_eq!(
                h.responses.answers.get(id),
                r.answers.get(id),
                "{}: {id}",
                p.name
            );
        }
        assert!(
            h.responses.answers.keys().all(|id| asked.contains(id)),
            "{}",
            p.name
        );
    }
    eprintln!("answers the walk-through would refuse: {refused:?}");
    assert!(refused.len() * 10 < PERSONAS.len(), "{refused:?}");
}

#[test]
fn unsure_flags_say_so() {
    let c = content();
    let r = visitor(&["texture"], &["cheeks"], &[("pregnant_nursing", "unsure")]);
    let o = evaluate(&c.pack, &r, 18, d(T));
    let f = o
        .flags
        .iter()
        .find(|f| f.rule == "pregnant_nursing")
        .unwrap();
    assert!(f.unsure);
    let r = visitor(&["texture"], &["cheeks"], &[("pregnant_nursing", "yes")]);
    let o = evaluate(&c.pack, &r, 18, d(T));
    assert!(
        !o.flags
            .iter()
            .find(|f| f.rule == "pregnant_nursing")
            .unwrap()
            .unsure
    );
}

#[test]
fn a_clinic_minimum_age_above_18_is_honoured() {
    let c = content();
    let r = visitor(&["fine_lines"], &["cheeks"], &[("age", "20")]);
    assert_eq!(evaluate(&c.pack, &r, 21, d(T)).tier, Tier::NotSuitableNow);
    assert_eq!(evaluate(&c.pack, &r, 18, d(T)).tier, Tier::SeeProviderFirst);
    // A configured minimum below 18 is never used.
    let r = visitor(&["fine_lines"], &["cheeks"], &[("age", "17")]);
    assert_eq!(evaluate(&c.pack, &r, 16, d(T)).tier, Tier::NotSuitableNow);
}

#[test]
fn month_end_waits_are_exact() {
    let c = content();
    // 12 months after 29 Feb 2024 (past) is 28 Feb 2025; check a leap-day stop this year.
    let r = visitor(
        &["acne_scars"],
        &["cheeks"],
        &[
            ("isotretinoin_past", "yes"),
            ("isotretinoin_stopped", "2025-12-31"),
        ],
    );
    assert_eq!(
        evaluate(&c.pack, &r, 18, d("2026-03-01"))
            .eligible_from
            .unwrap()
            .iso(),
        "2026-12-31"
    );
    let r = visitor(
        &["acne_scars"],
        &["cheeks"],
        &[
            ("isotretinoin_past", "yes"),
            ("isotretinoin_stopped", "2027-02-28"),
        ],
    );
    assert_eq!(
        evaluate(&c.pack, &r, 18, d("2027-03-01"))
            .eligible_from
            .unwrap()
            .iso(),
        "2028-02-28"
    );
    // The last day of the wait is still "not now"; the next day it has passed.
    let r = visitor(
        &["acne_scars"],
        &["cheeks"],
        &[
            ("isotretinoin_past", "yes"),
            ("isotretinoin_stopped", "2025-11-22"),
        ],
    );
    assert_eq!(
        evaluate(&c.pack, &r, 18, d("2026-11-21")).tier,
        Tier::NotSuitableNow
    );
    assert_eq!(
        evaluate(&c.pack, &r, 18, d("2026-11-22")).tier,
        Tier::GoodToBook
    );
}

#[test]
fn every_rule_is_exercised_by_a_persona() {
    // A new rule in content/rules.toml needs a persona here that expects it.
    let c = content();
    let expected: std::collections::BTreeSet<&str> = PERSONAS
        .iter()
        .flat_map(|p| p.rules.iter().copied())
        .collect();
    let missing: Vec<&str> = c
        .pack
        .rules
        .iter()
        .map(|r| r.id.as_str())
        .filter(|id| !expected.contains(id))
        .collect();
    assert!(
        missing.is_empty(),
        "rules with no persona expecting them: {missing:?}"
    );
}

//! The walk-through state machine: order of screens, Back, change-an-answer, honest progress
//! and restoring a stored session.

mod common;

use common::{a, content, d, question, window_start};
use selfcheck_engine::{Action, Journey, Responses, Step};

const TODAY: &str = "2026-11-21";

fn go(j: &mut Journey, action: Action) {
    let c = content();
    j.apply(&c.pack, action, 18, d(TODAY));
}

fn q(id: &str) -> Step {
    Step::Question(id.into())
}

/// A journey past the welcome, concerns and areas screens.
fn chosen(concerns: &[&str], areas: &[&str]) -> Journey {
    let mut j = Journey::default();
    go(&mut j, Action::Start);
    go(&mut j, Action::ChooseConcerns(set(concerns)));
    go(&mut j, Action::ChooseAreas(set(areas)));
    j
}

fn set(ids: &[&str]) -> std::collections::BTreeSet<String> {
    ids.iter().map(|s| s.to_string()).collect()
}

#[test]
fn screens_follow_in_order_and_skip_questions_that_do_not_apply() {
    let c = content();
    let mut j = Journey::default();
    assert_eq!(*j.step(), Step::Welcome);
    go(&mut j, Action::Start);
    assert_eq!(*j.step(), Step::Concerns);
    // Next with nothing chosen does nothing.
    go(&mut j, Action::ChooseConcerns(set(&[])));
    assert_eq!(*j.step(), Step::Concerns);
    go(&mut j, Action::ChooseConcerns(set(&["stretch_marks"])));
    assert_eq!(*j.step(), Step::Areas);
    go(&mut j, Action::ChooseAreas(set(&["thighs_hips"])));
    // Each question in the content's order, skipping those that do not apply to these answers
    // (the order and the conditions are read from the content, not copied here).
    let mut asked = Vec::new();
    while let Step::Question(id) = j.step().clone() {
        let shown = j.shown(&c.pack, 18, d(TODAY));
        let next = c
            .pack
            .questions
            .iter()
            .find(|q| shown.contains(&q.id) && !asked.contains(&q.id))
            .unwrap();
        assert_eq!(id, next.id, "asked out of the content's order");
        asked.push(id.clone());
        go(
            &mut j,
            Action::Answer(a(if id == "age" { "35" } else { "no" })),
        );
    }
    assert_eq!(*j.step(), Step::Results);
    let shown = j.shown(&c.pack, 18, d(TODAY));
    assert_eq!(asked, shown, "every question shown was asked, once");
    assert!(
        shown.len() < c.pack.questions.len(),
        "some questions do not apply"
    );
    // Cold-sore history is asked only for the face, neck and chest (a content rule).
    assert!(!shown.contains(&"cold_sores".to_string()));
}

#[test]
fn a_follow_up_is_counted_until_its_parent_says_no() {
    let c = content();
    let mut j = chosen(&["acne_scars"], &["cheeks"]);
    while *j.step() != q("isotretinoin_past") {
        let ans = if *j.step() == q("age") { "30" } else { "no" };
        go(&mut j, Action::Answer(a(ans)));
    }
    // Until the parent is answered it reads as "not sure", so the follow-up is counted.
    let before = j.progress(&c.pack, 18, d(TODAY));
    go(&mut j, Action::Answer(a("yes")));
    assert_eq!(*j.step(), q("isotretinoin_stopped"));
    let after_yes = j.progress(&c.pack, 18, d(TODAY));
    assert_eq!(after_yes.total, before.total);
    assert_eq!(after_yes.done, before.done + 1);
    // Going back and answering "no" drops the follow-up from the count.
    go(&mut j, Action::Back);
    assert_eq!(*j.step(), q("isotretinoin_past"));
    go(&mut j, Action::Answer(a("no")));
    assert_eq!(*j.step(), q("bleeding_disorder"));
    let after_no = j.progress(&c.pack, 18, d(TODAY));
    assert_eq!(
        after_no.total,
        before.total - 1,
        "the date question leaves the count"
    );
    assert_eq!(after_no.done, before.done + 1);
}

#[test]
fn back_keeps_answers_and_walks_back_to_the_welcome() {
    let mut j = chosen(&["fine_lines"], &["forehead"]);
    go(&mut j, Action::Answer(a("40")));
    go(&mut j, Action::Answer(a("unsure")));
    assert_eq!(*j.step(), q("active_infection"));
    go(&mut j, Action::Back);
    assert_eq!(*j.step(), q("changing_mole"));
    assert_eq!(j.responses.answers.get("changing_mole"), Some(&a("unsure")));
    go(&mut j, Action::Back);
    go(&mut j, Action::Back);
    assert_eq!(*j.step(), Step::Areas);
    go(&mut j, Action::Back);
    assert_eq!(*j.step(), Step::Concerns);
    go(&mut j, Action::Back);
    assert_eq!(*j.step(), Step::Welcome);
    assert_eq!(j.responses.answers.len(), 2, "answers survive Back");
}

fn finished() -> Journey {
    let mut j = chosen(&["fine_lines"], &["forehead"]);
    while *j.step() != Step::Results {
        let ans = if *j.step() == q("age") { "40" } else { "no" };
        go(&mut j, Action::Answer(a(ans)));
    }
    j
}

#[test]
fn changing_an_answer_returns_to_the_results() {
    let mut j = finished();
    go(&mut j, Action::Show(q("diabetes")));
    assert_eq!(*j.step(), q("diabetes"));
    go(&mut j, Action::Answer(a("yes")));
    assert_eq!(
        *j.step(),
        Step::Results,
        "no new question appeared, so straight back"
    );
    // A change that opens a follow-up question asks it first.
    go(&mut j, Action::Show(q("recent_injections")));
    go(&mut j, Action::Answer(a("yes")));
    assert_eq!(*j.step(), q("injections_date"));
    go(&mut j, Action::Answer(a("2026-11-01")));
    assert_eq!(*j.step(), Step::Results);
}

#[test]
fn unreachable_screens_are_refused() {
    let mut j = Journey::default();
    go(&mut j, Action::Show(Step::Results));
    assert_eq!(*j.step(), Step::Welcome);
    go(&mut j, Action::Show(q("diabetes")));
    assert_eq!(*j.step(), Step::Welcome);
    let mut j = finished();
    // A question that is not shown for these answers cannot be jumped to.
    go(&mut j, Action::Show(q("isotretinoin_stopped")));
    assert_eq!(*j.step(), Step::Results);
}

#[test]
fn restart_forgets_everything() {
    let mut j = finished();
    go(&mut j, Action::Restart);
    assert_eq!(j, Journey::default());
}

#[test]
fn restore_falls_back_to_the_furthest_reachable_screen() {
    let c = content();
    let j = finished();
    let text = j.responses.encode();
    let r = Responses::decode(&text, &c.pack, d(TODAY)).unwrap();
    let back = Journey::restore(&c.pack, r.clone(), Some(Step::Results), 18, d(TODAY));
    assert_eq!(*back.step(), Step::Results);
    let mut partial = r;
    partial.answers.remove("diabetes");
    let back = Journey::restore(&c.pack, partial, Some(Step::Results), 18, d(TODAY));
    assert_eq!(*back.step(), q("diabetes"));
}

#[test]
fn step_keys_round_trip() {
    for s in [
        Step::Welcome,
        Step::Concerns,
        Step::Areas,
        q("age"),
        Step::Results,
    ] {
        assert_eq!(Step::from_key(&s.key()), Some(s));
    }
    assert_eq!(Step::from_key("nonsense"), None);
}

#[test]
fn decoder_names_what_it_refuses() {
    use selfcheck_engine::schema::QuestionKind;
    use selfcheck_engine::{DecodeError, Refusal};
    let c = content();
    let today = d(TODAY);
    assert_eq!(
        Responses::decode("mn9;c=x", &c.pack, today),
        Err(DecodeError::UnknownVersion)
    );
    assert_eq!(
        Responses::decode("mn1;c=tattoos", &c.pack, today),
        Err(DecodeError::UnknownId("tattoos".into()))
    );
    assert_eq!(
        Responses::decode("mn1;q=age:yes", &c.pack, today),
        Err(DecodeError::BadAnswer(
            "age:yes".into(),
            Refusal::WrongKind(QuestionKind::Number)
        ))
    );
    assert_eq!(
        Responses::decode("mn1;q=age:u", &c.pack, today),
        Err(DecodeError::BadAnswer(
            "age:u".into(),
            Refusal::UnsureNotOffered
        )),
        "age offers no 'not sure'"
    );
    let (min, max) = (question("age").min.unwrap(), question("age").max.unwrap());
    let too_young = format!("age:{}", min - 1);
    assert_eq!(
        Responses::decode(&format!("mn1;q={too_young}"), &c.pack, today),
        Err(DecodeError::BadAnswer(
            too_young,
            Refusal::NumberOutOfRange { min, max }
        )),
    );
    let tomorrow = today.add_days(1).iso();
    assert_eq!(
        Responses::decode(&format!("mn1;q=treatment_date:{tomorrow}"), &c.pack, today)
            .unwrap_err()
            .to_string(),
        format!(
            "answer \"treatment_date:{tomorrow}\" is refused: the date must be from {} to {TODAY}",
            window_start("treatment_date", TODAY).iso()
        ),
        "a day after today is refused, with the window named"
    );
    assert_eq!(
        Responses::decode("mn1;z=1", &c.pack, today),
        Err(DecodeError::Malformed("z=1".into()))
    );
    assert!(Responses::decode(
        "mn1;c=acne_scars;a=cheeks;q=age:30,diabetes:n",
        &c.pack,
        today
    )
    .is_ok());
}

#[test]
fn out_of_range_answers_change_nothing() {
    let c = content();
    let mut j = chosen(&["fine_lines"], &["forehead"]);
    let before = j.clone();
    // Age outside its bounds, "not sure" to age, a yes/no to the age question: all refused.
    let age = question("age");
    let (below, above) = (
        (age.min.unwrap() - 1).to_string(),
        (age.max.unwrap() + 1).to_string(),
    );
    for bad in [
        below.as_str(),
        above.as_str(),
        "unsure",
        "yes",
        "2026-01-01",
    ] {
        assert!(
            !j.apply(&c.pack, Action::Answer(a(bad)), 18, d(TODAY)),
            "{bad}"
        );
        assert_eq!(j, before, "{bad} changed the journey");
    }
    // A date in the future, or older than the question's window, is refused too.
    let mut j = chosen(&["fine_lines"], &["forehead"]);
    go(&mut j, Action::Show(q("age")));
    while *j.step() != q("recent_treatment") {
        let ans = if *j.step() == q("age") { "40" } else { "no" };
        go(&mut j, Action::Answer(a(ans)));
    }
    go(&mut j, Action::Answer(a("yes")));
    assert_eq!(*j.step(), q("treatment_date"));
    let before = j.clone();
    let first = window_start("treatment_date", TODAY);
    for bad in [d(TODAY).add_days(1), first.add_days(-1)] {
        assert!(
            !j.apply(
                &c.pack,
                Action::Answer(selfcheck_engine::Answer::Date(bad)),
                18,
                d(TODAY)
            ),
            "{}",
            bad.iso()
        );
        assert_eq!(j, before);
    }
    go(
        &mut j,
        Action::Answer(selfcheck_engine::Answer::Date(first)),
    );
    assert_ne!(
        *j.step(),
        q("treatment_date"),
        "the window's first day is accepted"
    );
}

#[test]
fn under_the_minimum_age_the_check_ends_after_the_age_question() {
    let c = content();
    let mut j = chosen(&["acne_scars"], &["cheeks"]);
    go(&mut j, Action::Answer(a("16")));
    assert_eq!(
        *j.step(),
        Step::Results,
        "no more questions whose answers cannot matter"
    );
    assert!(j.reachable(&c.pack, &Step::Results, 18, d(TODAY)));
    assert_eq!(j.shown(&c.pack, 18, d(TODAY)), vec!["age".to_string()]);
    let p = j.progress(&c.pack, 18, d(TODAY));
    assert_eq!(p.done, p.total);
    let o = selfcheck_engine::evaluate(&c.pack, &j.responses, 18, d(TODAY));
    assert_eq!(o.tier, selfcheck_engine::Tier::NotSuitableNow);
    assert!(o.ended_early);
    assert!(!o.unsure_only, "the age was given, not guessed");
    // Unasked questions raise nothing: only age- and choice-based flags.
    assert!(o
        .flags
        .iter()
        .all(|f| ["under_min_age", "under_22"].contains(&f.rule.as_str())));
    // Back from the results goes to the age question; a clinic minimum of 21 ends it for 20.
    go(&mut j, Action::Back);
    assert_eq!(*j.step(), q("age"));
    go(&mut j, Action::Answer(a("20")));
    assert_eq!(
        *j.step(),
        q("changing_mole"),
        "20 is old enough at this clinic"
    );
    let mut strict = chosen(&["acne_scars"], &["cheeks"]);
    strict.apply(&c.pack, Action::Answer(a("20")), 21, d(TODAY));
    assert_eq!(*strict.step(), Step::Results);
    // Changing the age back from the results picks the walk-through up again.
    go(&mut j, Action::Back);
    go(&mut j, Action::Answer(a("16")));
    assert_eq!(*j.step(), Step::Results);
    go(&mut j, Action::Show(q("age")));
    go(&mut j, Action::Answer(a("30")));
    assert_eq!(*j.step(), q("changing_mole"));
}

#[test]
fn an_under_age_answer_keeps_what_the_visitor_already_said() {
    // Answered "yes" to isotretinoin in the last year, then went back and gave an age under
    // the minimum: the walk goes straight to the results, and the isotretinoin reason stays
    // (its date was never asked, so it reads as "not sure").
    let c = content();
    let mut j = chosen(&["acne_scars"], &["cheeks"]);
    while *j.step() != q("isotretinoin_past") {
        let ans = if *j.step() == q("age") { "30" } else { "no" };
        go(&mut j, Action::Answer(a(ans)));
    }
    go(&mut j, Action::Answer(a("yes")));
    assert_eq!(*j.step(), q("isotretinoin_stopped"));
    go(&mut j, Action::Show(q("age")));
    go(&mut j, Action::Answer(a("16")));
    assert_eq!(
        *j.step(),
        Step::Results,
        "no walk back through the questions"
    );
    let o = selfcheck_engine::evaluate(&c.pack, &j.responses, 18, d(TODAY));
    let rules: Vec<&str> = o.flags.iter().map(|f| f.rule.as_str()).collect();
    assert!(rules.contains(&"under_min_age"), "{rules:?}");
    assert!(rules.contains(&"isotretinoin_recent"), "{rules:?}");
    // Restoring that session lands on the results too.
    let back = Journey::restore(
        &c.pack,
        j.responses.clone(),
        Some(Step::Results),
        18,
        d(TODAY),
    );
    assert_eq!(*back.step(), Step::Results);
}

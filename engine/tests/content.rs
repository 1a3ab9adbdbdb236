//! Every content file loads and validates; every seed fact is covered; and each validation
//! check really fires on a broken copy of the content (file, id and field named).

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use common::{content, content_dir};
use selfcheck_engine::load::load_dir;
use selfcheck_engine::text::placeholders;
use selfcheck_engine::ContentError;

#[test]
fn shipped_content_is_valid() {
    // Loaded and validated (common::content panics with every problem otherwise), with
    // something to offer and the source language.
    let c = content();
    assert!(!c.pack.concerns.is_empty() && !c.pack.areas.is_empty());
    assert!(c.locales.contains_key("en"));
}

fn cited(c: &selfcheck_engine::Content) -> BTreeSet<String> {
    let p = &c.pack;
    let mut all: Vec<&String> = Vec::new();
    all.extend(p.concerns.iter().flat_map(|x| &x.sources));
    all.extend(p.areas.iter().flat_map(|x| &x.sources));
    all.extend(p.questions.iter().flat_map(|x| &x.sources));
    all.extend(p.rules.iter().flat_map(|x| &x.sources));
    all.extend(&p.plan.session.sources);
    all.extend(&p.plan.downtime_light.sources);
    all.extend(&p.plan.downtime_deep.sources);
    all.extend(&p.plan.body_sessions.sources);
    all.extend(p.plan.prep.iter().flat_map(|x| &x.sources));
    all.extend(p.plan.aftercare.iter().flat_map(|x| &x.sources));
    all.extend(p.plan.red_flags.iter().flat_map(|x| &x.sources));
    all.extend(p.plan.notes.iter().flat_map(|x| &x.sources));
    all.into_iter().cloned().collect()
}

#[test]
fn every_seed_fact_is_cited_somewhere() {
    let used = cited(content());
    let missing: Vec<String> = (1..=65)
        .map(|n| format!("S-{n}"))
        .filter(|s| !used.contains(s))
        .collect();
    assert!(
        missing.is_empty(),
        "seed facts not covered by any content item: {missing:?}"
    );
}

#[test]
fn every_listed_source_is_cited() {
    let used = cited(content());
    let unused: Vec<&str> = content()
        .pack
        .sources
        .iter()
        .map(|s| s.id.as_str())
        .filter(|s| !used.contains(*s))
        .collect();
    assert!(
        unused.is_empty(),
        "sources listed but never cited: {unused:?}"
    );
}

#[test]
fn never_tells_visitors_to_stop_a_prescribed_medicine() {
    // Every text about a medicine sends the visitor to the prescriber.
    let en = &content().locales["en"];
    for id in ["isotretinoin_now", "blood_thinners", "immune_treatment"] {
        let t = &en.flags[id];
        let all = format!("{} {}", t.reason, t.action).to_lowercase();
        assert!(
            all.contains("prescri") || all.contains("doctor"),
            "{id} must point to the prescriber"
        );
        assert!(
            !all.contains("stop taking"),
            "{id} must not say 'stop taking'"
        );
    }
    assert!(en.items["prep_thinners"]
        .to_lowercase()
        .contains("never stop"));
}

#[test]
fn ui_placeholders_are_the_ones_the_widget_fills() {
    let en = &content().locales["en"];
    let known = [
        "min", "max", "done", "total", "date", "until", "days", "clinic", "version", "from", "n",
        "by", "phone", "email", "sources", "seconds", "what", "to", "concerns", "areas", "result",
    ];
    for (key, text) in &en.ui {
        for p in placeholders(text) {
            assert!(
                known.contains(&p),
                "ui.{key} uses unknown placeholder {{{p}}}"
            );
        }
    }
}

/// Copies the content to a temp folder, applies `edit` to one file, and loads it.
fn broken(file: &str, edit: impl Fn(String) -> String) -> Vec<ContentError> {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let tmp = std::env::temp_dir().join(format!("selfcheck-broken-{}-{n}", std::process::id()));
    let _ = fs::remove_dir_all(&tmp);
    copy_dir(&content_dir(), &tmp);
    let path = tmp.join(file);
    let text = fs::read_to_string(&path).unwrap();
    let changed = edit(text.clone());
    assert_ne!(changed, text, "the edit to {file} did not change it");
    fs::write(&path, changed).unwrap();
    let result = load_dir(&tmp);
    let _ = fs::remove_dir_all(&tmp);
    result
        .err()
        .unwrap_or_else(|| panic!("broken {file} was accepted"))
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            fs::copy(e.path(), target).unwrap();
        }
    }
}

fn has(errors: &[ContentError], file: &str, id: &str, field: &str, needle: &str) -> bool {
    errors.iter().any(|e| {
        e.file == file && e.id == id && e.field.starts_with(field) && e.message.contains(needle)
    })
}

#[track_caller]
fn expect(errors: Vec<ContentError>, file: &str, id: &str, field: &str, needle: &str) {
    assert!(
        has(&errors, file, id, field, needle),
        "expected an error in {file} {id:?} field {field:?} containing {needle:?}; got:\n{}",
        errors
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn rejects_unknown_fields_naming_the_file() {
    let e = broken("rules.toml", |t| {
        t.replacen(
            "level = \"not_now\"",
            "level = \"not_now\"\ncolour = \"red\"",
            1,
        )
    });
    expect(e, "rules.toml", "", "", "unknown field `colour`");
}

#[test]
fn rejects_bad_toml_with_a_line_number() {
    let e = broken("questions.toml", |t| {
        t.replacen("kind = \"number\"", "kind = \"number", 1)
    });
    assert!(
        e[0].file == "questions.toml" && e[0].message.contains("line"),
        "{:?}",
        e
    );
}

#[test]
fn rejects_a_duplicate_id() {
    let e = broken("concerns.toml", |t| {
        t.replacen("id = \"texture\"", "id = \"dull_skin\"", 1)
    });
    expect(e, "concerns.toml", "dull_skin", "id", "used twice");
}

#[test]
fn rejects_an_unknown_source() {
    let e = broken("rules.toml", |t| {
        t.replacen(
            "sources = [\"S-25\", \"SP-IFU\"]",
            "sources = [\"S-25\", \"S-99\"]",
            1,
        )
    });
    expect(e, "rules.toml", "pregnant_nursing", "sources", "\"S-99\"");
}

#[test]
fn rejects_a_rule_without_sources() {
    let e = broken("rules.toml", |t| {
        t.replacen("sources = [\"S-25\", \"SP-IFU\"]", "sources = []", 1)
    });
    expect(
        e,
        "rules.toml",
        "pregnant_nursing",
        "sources",
        "cites no source",
    );
}

#[test]
fn rejects_a_reference_to_an_unknown_question() {
    let e = broken("rules.toml", |t| {
        t.replacen(
            "when = { yes = \"pregnant_nursing\" }",
            "when = { yes = \"pregnant\" }",
            1,
        )
    });
    expect(
        e,
        "rules.toml",
        "pregnant_nursing",
        "when",
        "\"pregnant\", which does not exist",
    );
}

#[test]
fn rejects_show_if_on_a_later_question() {
    let e = broken("questions.toml", |t| {
        t.replacen(
            "id = \"changing_mole\"\nkind = \"yes_no\"",
            "id = \"changing_mole\"\nkind = \"yes_no\"\nshow_if = { yes = \"diabetes\" }",
            1,
        )
    });
    expect(
        e,
        "questions.toml",
        "changing_mole",
        "show_if",
        "not asked before",
    );
}

#[test]
fn rejects_a_question_that_can_never_be_shown() {
    let e = broken("questions.toml", |t| {
        t.replacen(
            "show_if = { no = \"isotretinoin_now\" }",
            "show_if = { all = [{ no = \"isotretinoin_now\" }, { yes = \"isotretinoin_now\" }] }",
            1,
        )
    });
    expect(
        e,
        "questions.toml",
        "isotretinoin_past",
        "show_if",
        "never be shown",
    );
}

#[test]
fn rejects_a_not_now_flag_that_does_not_say_when() {
    let e = broken("locales/en.toml", |t| {
        t.replacen(
            "until = \"When you are not pregnant, not trying to get pregnant and not breastfeeding.\"\n",
            "",
            1,
        )
    });
    expect(
        e,
        "locales/en.toml",
        "pregnant_nursing",
        "flags.until",
        "must say when",
    );
}

#[test]
fn rejects_missing_and_orphan_texts() {
    let e = broken("locales/en.toml", |t| {
        t.replacen("[concerns.melasma]", "[concerns.melasmaa]", 1)
    });
    expect(
        e.clone(),
        "locales/en.toml",
        "melasma",
        "concerns",
        "no text",
    );
    expect(
        e,
        "locales/en.toml",
        "melasmaa",
        "concerns",
        "does not exist",
    );
}

#[test]
fn rejects_a_wait_on_a_rule_that_is_not_do_not_treat() {
    let e = broken("rules.toml", |t| {
        t.replacen(
            "level = \"see_provider\"\nsee = \"consultation\"\nsources = [\"CLIN-C\"]",
            "level = \"see_provider\"\nsee = \"consultation\"\neligible_after = { question = \"injections_date\", days = 14 }\nsources = [\"CLIN-C\"]",
            1,
        )
    });
    expect(
        e,
        "rules.toml",
        "injections_review",
        "eligible_after",
        "only not_now",
    );
}

#[test]
fn rejects_a_rule_that_ends_the_check_unless_it_is_not_now_on_questions_asked_of_everyone() {
    // Only a do-not-treat rule may end the walk-through early.
    let e = broken("rules.toml", |t| {
        t.replacen(
            "level = \"see_provider\"\nsee = \"consultation\"\nsources = [\"FDA-MN\"",
            "level = \"see_provider\"\nsee = \"consultation\"\nends_check = true\nsources = [\"FDA-MN\"",
            1,
        )
    });
    expect(
        e,
        "rules.toml",
        "under_22",
        "ends_check",
        "only a not_now rule",
    );
    // Ending early hides unanswered questions, so the rule may test only questions always asked.
    let e = broken("rules.toml", |t| {
        t.replacen(
            "eligible_after = { question = \"isotretinoin_stopped\", months = 12 }",
            "eligible_after = { question = \"isotretinoin_stopped\", months = 12 }\nends_check = true",
            1,
        )
    });
    expect(
        e,
        "rules.toml",
        "isotretinoin_recent",
        "ends_check",
        "\"isotretinoin_past\", which is not always asked",
    );
}

#[test]
fn rejects_a_rule_that_ends_the_check_and_promises_a_date() {
    let e = broken("rules.toml", |t| {
        t.replacen(
            "ends_check = true",
            "ends_check = true\neligible_after = { question = \"isotretinoin_stopped\", months = 12 }",
            1,
        )
    });
    expect(
        e,
        "rules.toml",
        "under_min_age",
        "ends_check",
        "cannot also give an eligible-from date",
    );
}

#[test]
fn rejects_an_aftercare_step_whose_end_has_no_text() {
    let e = broken("locales/en.toml", |t| {
        t.replacen("after_no_makeup = \"You can wear makeup again.\"\n", "", 1)
    });
    expect(
        e,
        "locales/en.toml",
        "after_no_makeup",
        "ends",
        "has no text in this language",
    );
}

#[test]
fn rejects_a_see_provider_rule_that_does_not_say_who_to_see() {
    let e = broken("rules.toml", |t| {
        t.replacen(
            "level = \"see_provider\"\nsee = \"own_doctor\"\n",
            "level = \"see_provider\"\n",
            1,
        )
    });
    expect(
        e,
        "rules.toml",
        "blood_thinners",
        "see",
        "must say who to see first",
    );
    let e = broken("rules.toml", |t| {
        t.replacen(
            "level = \"advice\"\n",
            "level = \"advice\"\nsee = \"consultation\"\n",
            1,
        )
    });
    expect(
        e,
        "rules.toml",
        "concern_pigment",
        "see",
        "advice does not send anyone",
    );
}

#[test]
fn rejects_source_titles_a_visitor_should_not_see() {
    let e = broken("pack.toml", |t| {
        t.replacen("version = \"", "version = \"2026 ~", 1)
    });
    expect(e, "pack.toml", "", "version", "dots and dashes only");
    let e = broken("sources.toml", |t| {
        t.replacen(
            "title = \"SkinPen instructions for use\"",
            "title = \"Consumer article (seed 001), fact S-20\"",
            1,
        )
    });
    expect(
        e,
        "sources.toml",
        "SP-IFU",
        "title",
        "names an internal file or fact",
    );
    let e = broken("sources.toml", |t| {
        t.replacen("url = \"https://", "url = \"http://", 1)
    });
    expect(
        e,
        "sources.toml",
        "FDA-MN",
        "url",
        "must be an https:// address",
    );
}

#[test]
fn rejects_a_review_of_another_version_and_bare_source_keys() {
    let e = broken("pack.toml", |t| {
        format!(
            "{t}\n[review]\nversion = \"2020.1.1\"\nby = \"Dr A. Reviewer\"\non = \"2026-11-24\"\n"
        )
    });
    expect(
        e,
        "pack.toml",
        "",
        "review.version",
        "\"2020.1.1\" was reviewed",
    );
    let e = broken("sources.toml", |t| {
        t.replacen(
            "title = \"SkinPen instructions for use\"",
            "title = \"See S-20\"",
            1,
        )
    });
    expect(
        e,
        "sources.toml",
        "SP-IFU",
        "title",
        "names an internal file or fact",
    );
}

#[test]
fn error_messages_name_file_id_and_field() {
    let e = broken("rules.toml", |t| {
        t.replacen(
            "sources = [\"S-25\", \"SP-IFU\"]",
            "sources = [\"S-25\", \"S-99\"]",
            1,
        )
    });
    let text = e[0].to_string();
    assert_eq!(text, "content/rules.toml: \"pregnant_nursing\", field `sources`: cites \"S-99\", which is not in sources.toml");
}

#[test]
fn translations_keep_the_placeholders_and_leave_nothing_empty() {
    let e = broken("locales/es.toml", |t| {
        t.replacen("{clinic}", "{clínica}", 1)
    });
    expect(
        e,
        "locales/es.toml",
        "ui.next_book_hint",
        "text",
        "placeholders",
    );
    let e = broken("locales/ar.toml", |t| {
        t.replacen("start = \"", "start = \"\" # was \"", 1)
    });
    expect(e, "locales/ar.toml", "ui.start", "text", "is empty");
}

#[test]
fn exactly_one_language_is_the_source_and_a_reviewed_one_says_who_and_when() {
    let e = broken("locales/es.toml", |t| {
        t.replacen("status = \"draft\"", "status = \"source\"", 1)
    });
    expect(e, "locales/", "", "translation.status", "2 languages");
    let e = broken("locales/es.toml", |t| {
        t.replacen("status = \"draft\"", "status = \"reviewed\"", 1)
    });
    expect(e, "locales/es.toml", "", "translation", "needs by");
}

#[test]
fn no_visitor_text_gives_a_needle_depth_and_every_plan_warns_against_home_needling() {
    // A depth in millimetres invites needling at home beyond what devices are cleared for
    // (hazard H3 in docs/safety/hazard-log.md): no visitor-facing sentence in any language
    // gives one, and every plan carries the note against needling at home.
    let c = content();
    for (code, locale) in &c.locales {
        for (key, text) in locale.texts() {
            let t = text.to_lowercase();
            let b = t.as_bytes();
            for (i, w) in t.match_indices("mm") {
                let before = t[..i].trim_end();
                let after = b.get(i + w.len()).copied().unwrap_or(b' ');
                let depth =
                    before.ends_with(|c: char| c.is_ascii_digit()) && !after.is_ascii_alphabetic();
                assert!(!depth, "{code} {key} gives a depth in mm: {text}");
            }
            assert!(!t.contains("millimet"), "{code} {key}: {text}");
        }
    }
    for concern in &c.pack.concerns {
        let r = common::visitor(&[&concern.id], &[&c.pack.areas[0].id], &[]);
        let report = selfcheck_engine::Report::new(&c.pack, &r, 18, common::d("2026-11-24"));
        assert!(
            report
                .plan
                .notes
                .iter()
                .any(|(id, _)| id == "about_home_devices"),
            "{}: the plan must say not to needle at home",
            concern.id
        );
    }
}

#[test]
fn every_aftercare_plan_says_to_use_only_the_providers_products() {
    // Serums and other products on freshly needled skin are linked to granulomas (hazard H7):
    // the aftercare of every plan, whatever the concern, says to use only what the provider gives.
    let c = content();
    for concern in &c.pack.concerns {
        for area in &c.pack.areas {
            let r = common::visitor(&[&concern.id], &[&area.id], &[]);
            let report = selfcheck_engine::Report::new(&c.pack, &r, 18, common::d("2026-11-24"));
            assert!(
                report
                    .plan
                    .aftercare
                    .iter()
                    .any(|s| s.id == "after_only_given_products"),
                "{} on {}: the aftercare must warn against other products",
                concern.id,
                area.id
            );
        }
    }
}

/// Every check of `selfcheck validate` that had no tripping input of its own gets one here: a
/// small item appended to (or one field changed in) a copy of the content, and the error it
/// must raise, by file, id, field and words (hazard S7: validation is a control).
#[test]
fn every_validation_check_trips_on_its_own_input() {
    let add = |extra: &'static str| move |t: String| format!("{t}\n{extra}\n");
    #[allow(clippy::type_complexity)]
    let cases: Vec<(&str, Box<dyn Fn(String) -> String>, &str, &str, &str)> = vec![
        (
            "questions.toml",
            Box::new(add("[[question]]\nid = \"t_range\"\nkind = \"number\"\nmin = 50\nmax = 10\nsources = [\"S-27\"]")),
            "t_range", "min/max", "min <= max",
        ),
        (
            "questions.toml",
            Box::new(add("[[question]]\nid = \"t_months\"\nkind = \"past_date\"\nmonths_back = 0\nsources = [\"S-27\"]")),
            "t_months", "months_back", "at least 1",
        ),
        (
            "questions.toml",
            Box::new(add("[[question]]\nid = \"t_unsure\"\nkind = \"yes_no\"\nunsure = false\nsources = [\"S-27\"]")),
            "t_unsure", "unsure", "not sure",
        ),
        (
            "questions.toml",
            Box::new(add("[[question]]\nid = \"T-Bad\"\nkind = \"yes_no\"\nsources = [\"S-27\"]")),
            "T-Bad", "id", "a-z, 0-9 and _",
        ),
        (
            "rules.toml",
            Box::new(add("[[rule]]\nid = \"t_never\"\nwhen = { all = [{ yes = \"keloid\" }, { no = \"keloid\" }] }\nlevel = \"advice\"\nsources = [\"S-27\"]")),
            "t_never", "when", "can never fire",
        ),
        (
            "rules.toml",
            Box::new(add("[[rule]]\nid = \"t_empty\"\nwhen = { any = [] }\nlevel = \"advice\"\nsources = [\"S-27\"]")),
            "t_empty", "when", "empty all/any",
        ),
        (
            "rules.toml",
            Box::new(add("[[rule]]\nid = \"t_concern\"\nwhen = { concern = [\"tattoos\"] }\nlevel = \"advice\"\nsources = [\"S-27\"]")),
            "t_concern", "when", "concern \"tattoos\"",
        ),
        (
            "rules.toml",
            Box::new(add("[[rule]]\nid = \"t_area\"\nwhen = { area = [\"elbows\"] }\nlevel = \"advice\"\nsources = [\"S-27\"]")),
            "t_area", "when", "area \"elbows\"",
        ),
        (
            "rules.toml",
            Box::new(add("[[rule]]\nid = \"t_advice_see\"\nwhen = { yes = \"keloid\" }\nlevel = \"advice\"\nsee = \"own_doctor\"\nsources = [\"S-27\"]")),
            "t_advice_see", "see", "advice does not send anyone",
        ),
        (
            "rules.toml",
            Box::new(add("[[rule]]\nid = \"t_date\"\nwhen = { yes = \"keloid\" }\nlevel = \"not_now\"\nsee = \"consultation\"\neligible_after = { question = \"keloid\", days = 14 }\nsources = [\"S-27\"]")),
            "t_date", "eligible_after.question", "not a date question",
        ),
        (
            "concerns.toml",
            Box::new(|t: String| t.replacen("sessions = { min = 3, max = 6 }", "sessions = { min = 6, max = 3 }", 1)),
            "fine_lines", "course.sessions", "above max",
        ),
        (
            "concerns.toml",
            Box::new(|t: String| t.replacen("spacing_weeks = { min = 4, max = 6 }", "spacing_weeks = { min = 0, max = 6 }", 1)),
            "fine_lines", "course", "at least 1",
        ),
        (
            "sources.toml",
            Box::new(add("[[source]]\nid = \"T-URL\"\ntitle = \"A study\"\npublisher = \"A journal\"\nurl = \"http://example.com/study\"\ngrade = \"seed\"")),
            "T-URL", "url", "https://",
        ),
        (
            "sources.toml",
            Box::new(add("[[source]]\nid = \"T-EMPTY\"\ntitle = \"\"\npublisher = \"A journal\"\ngrade = \"seed\"")),
            "T-EMPTY", "title", "is empty",
        ),
        (
            "pack.toml",
            Box::new(|t: String| {
                let version = t.lines().find(|l| l.starts_with("version = ")).unwrap().to_string();
                format!("{t}\n[review]\n{version}\nby = \"\"\non = \"2026-11-24\"\n")
            }),
            "", "review.by", "say who reviewed",
        ),
        (
            "locales/es.toml",
            Box::new(|t: String| t.replacen("code = \"es\"", "code = \"fr\"", 1)),
            "", "code", "does not match the file name",
        ),
        (
            "locales/en.toml",
            Box::new(|t: String| {
                let at = t.find("\n[flags.").expect("a flag text");
                let end = t[at + 1..].find("\ntitle = ").unwrap() + at + 1;
                let line_end = t[end + 1..].find('\n').unwrap() + end + 1;
                format!("{}\ntitle = \"\"{}", &t[..end], &t[line_end..])
            }),
            "", "flags", "must all be written",
        ),
    ];
    for (file, edit, id, field, needle) in cases {
        let e = broken(file, edit);
        if id.is_empty() {
            assert!(
                e.iter()
                    .any(|x| x.file == file && x.field == field && x.to_string().contains(needle)),
                "expected an error in {file} field {field:?} containing {needle:?}; got:\n{}",
                e.iter()
                    .map(|x| x.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            );
        } else {
            expect(e, file, id, field, needle);
        }
    }
}

#[test]
fn course_figures_say_what_their_sources_say() {
    // A test about the content itself (the engine's tests read these figures from the content):
    // the figures the cited sources give, so an edit to them is a deliberate, reviewed change.
    use selfcheck_engine::schema::{Depth, Range};
    let c = content();
    let r = |min, max| Range { min, max };
    let course = |id: &str| {
        c.pack
            .concerns
            .iter()
            .find(|x| x.id == id)
            .and_then(|x| x.course.clone())
            .unwrap()
    };
    // Fine lines: 3 to 6 sessions 4 to 6 weeks apart (S-55, PG).
    let f = course("fine_lines");
    assert_eq!(
        (f.sessions, f.spacing_weeks, f.depth),
        (r(3, 6), r(4, 6), Depth::Light)
    );
    // Acne scars: about monthly (S-58), 3 to 6 sessions, maintenance 6 to 12 months.
    let a = course("acne_scars");
    assert_eq!(
        (a.sessions, a.spacing_weeks, a.maintenance_months, a.depth),
        (r(3, 6), r(4, 5), r(6, 12), Depth::Deep)
    );
    // Body areas 4 to 6 sessions (S-60); downtime 1 to 3 days light (S-44, S-54), up to a
    // week deep (S-46, CHU21); sessions 30 to 60 minutes after 10 to 20 of numbing (S-39, S-40).
    let p = &c.pack.plan;
    assert_eq!(p.body_sessions.value, r(4, 6));
    assert_eq!(
        (p.downtime_light.value, p.downtime_deep.value),
        (r(1, 3), r(3, 7))
    );
    assert_eq!(
        (p.session.minutes, p.session.numbing_minutes),
        (r(30, 60), r(10, 20))
    );
}

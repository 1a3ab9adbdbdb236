//! The `selfcheck` tool as a content author uses it.

mod common;

use std::process::Command;

fn selfcheck(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_selfcheck"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .output()
        .expect("selfcheck runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn validate_accepts_the_shipped_content() {
    let (code, out, _) = selfcheck(&["validate", "content"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("content is valid: 11 concerns, 14 areas"),
        "{out}"
    );
}

#[test]
fn validate_lists_problems_and_exits_1() {
    let tmp = std::env::temp_dir().join(format!("selfcheck-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(tmp.join("locales")).unwrap();
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../content");
    for f in [
        "pack.toml",
        "sources.toml",
        "concerns.toml",
        "areas.toml",
        "questions.toml",
        "plan.toml",
        "locales/en.toml",
    ] {
        std::fs::copy(format!("{root}/{f}"), tmp.join(f)).unwrap();
    }
    let rules = std::fs::read_to_string(format!("{root}/rules.toml")).unwrap();
    std::fs::write(
        tmp.join("rules.toml"),
        rules.replacen("level = \"not_now\"", "level = \"later\"", 1),
    )
    .unwrap();
    let (code, _, err) = selfcheck(&["validate", tmp.to_str().unwrap()]);
    let _ = std::fs::remove_dir_all(&tmp);
    assert_eq!(code, 1);
    assert!(err.contains("rules.toml") && err.contains("later"), "{err}");
}

#[test]
fn evaluate_prints_outcome_plan_and_timeline() {
    let (code, out, err) = selfcheck(&[
        "evaluate",
        "engine/tests/fixtures/isotretinoin-4-months.json",
        "--today",
        "2026-11-21",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["tier"], "not_suitable_now");
    assert_eq!(v["eligible_from"], "2027-07-21");
    let rules: Vec<&str> = v["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(&rules[..2], ["isotretinoin_recent", "dark_marks"]);
    assert_eq!(v["reasons"][1]["unsure"], true);
    assert_eq!(v["next_step"], "ask_clinic");
    assert_eq!(v["may_book"], false);
    // The dated plan starts on the eligible-from day at the earliest.
    assert_eq!(v["first_session_from"], "2027-07-21");
    assert!(v["reasons"][0]["reason"]
        .as_str()
        .unwrap()
        .contains("12 months"));
    assert_eq!(v["plan"]["course"]["sessions"]["min"], 3);
    let first = &v["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "session")
        .unwrap()["date"];
    assert_eq!(first, "2027-08-02");
}

#[test]
fn evaluate_refuses_bad_answers_with_a_clear_message() {
    let tmp =
        std::env::temp_dir().join(format!("selfcheck-bad-answers-{}.json", std::process::id()));
    // Bounds and windows come from the content, as the tool reads them.
    let age = common::question("age");
    let (min, max) = (age.min.unwrap(), age.max.unwrap());
    let too_old = format!(r#"{{"version": 1, "answers": {{"age": {}}}}}"#, max + 1);
    let too_old_says = format!(
        "answer \"age:{}\" is refused: the number must be from {min} to {max}",
        max + 1
    );
    let window_says = format!(
        "the date must be from {} to 2026-11-21",
        common::window_start("treatment_date", "2026-11-21").iso()
    );
    for (text, needle) in [
        (r#"{"concerns": []}"#, "\"version\": 1 is missing"),
        (r#"{"version": 2}"#, "this tool reads version 1"),
        (r#"{"version": 1, "answers": {"age": "old"}}"#, "answers"),
        (
            r#"{"version": 1, "concerns": ["tattoos"]}"#,
            "unknown id: \"tattoos\"",
        ),
        (
            r#"{"version": 1, "answers": {"diabetes": 3}}"#,
            "answer \"diabetes:3\" is refused: the answer must be yes, no or not sure",
        ),
        (too_old.as_str(), too_old_says.as_str()),
        (
            r#"{"version": 1, "answers": {"recent_treatment": "yes", "treatment_date": "2026-12-01"}}"#,
            window_says.as_str(),
        ),
        ("not json", "not valid JSON"),
    ] {
        std::fs::write(&tmp, text).unwrap();
        let (code, _, err) =
            selfcheck(&["evaluate", tmp.to_str().unwrap(), "--today", "2026-11-21"]);
        assert_eq!(code, 1, "{text}");
        assert!(err.contains(needle), "{text}: {err}");
    }
    let _ = std::fs::remove_file(&tmp);
    let (code, _, err) = selfcheck(&[
        "evaluate",
        "engine/tests/fixtures/isotretinoin-4-months.json",
        "--today",
        "21/11/2026",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("--today \"21/11/2026\""), "{err}");
}

#[test]
fn validate_config_names_file_setting_and_value_and_exits_1() {
    let (code, out, err) = selfcheck(&["validate-config", "static/clinic.json"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("every setting is valid"), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["min_age"], 18);

    let tmp = std::env::temp_dir().join(format!("selfcheck-config-{}.json", std::process::id()));
    std::fs::write(
        &tmp,
        r##"{"name": "Skin Co", "min_age": 16, "colours": {"accent": "#eeeeee", "on_accent": "#ffffff"}, "phone": "+44 20 7946 0000"}"##,
    )
    .unwrap();
    let (code, out, err) = selfcheck(&["validate-config", tmp.to_str().unwrap()]);
    let _ = std::fs::remove_file(&tmp);
    assert_eq!(code, 1);
    assert!(err.contains("3 problem(s)"), "{err}");
    assert!(err.contains("setting `min_age`: 16 is below 18"), "{err}");
    assert!(err.contains("setting `colours`"), "{err}");
    assert!(err.contains("setting `booking_url` is missing"), "{err}");
    // What the widget will use: the safe defaults in place of the bad values.
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["min_age"], 18);
    assert_eq!(v["colours"], serde_json::Value::Null);
    assert_eq!(v["name"], "Skin Co");

    let (code, _, err) = selfcheck(&["validate-config", "no/such/clinic.json"]);
    assert_eq!(code, 1);
    assert!(err.contains("was not found"), "{err}");
}

#[test]
fn headers_put_the_allowed_origins_in_frame_ancestors() {
    let dir = std::env::temp_dir().join(format!("selfcheck-headers-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let config = dir.join("clinic.json");
    std::fs::write(
        &config,
        r#"{"name": "A", "email": "a@b.example", "booking_url": "https://b.example/",
            "embed": {"allowed_origins": ["https://www.a.example", "https://*.bad"]}}"#,
    )
    .unwrap();
    let (code, _, err) = selfcheck(&[
        "headers",
        config.to_str().unwrap(),
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("warning: clinic.json, setting `embed.allowed_origins`"),
        "{err}"
    );
    for file in ["_headers", ".htaccess", "nginx-headers.conf"] {
        let text = std::fs::read_to_string(dir.join(file)).unwrap();
        assert!(
            text.contains("frame-ancestors 'self' https://www.a.example"),
            "{file}: {text}"
        );
        assert!(
            text.contains("'wasm-unsafe-eval'") && !text.contains("unsafe-inline"),
            "{file}"
        );
        assert!(
            text.contains("Referrer-Policy") && text.contains("no-referrer"),
            "{file}"
        );
        assert!(!text.contains("*.bad"), "{file}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

//! The clinic's `clinic.json`: every bad value falls back to a safe default with a notice that
//! names the file, the setting and the value; the shipped example is clean; the themes the
//! engine checks colours against match the CSS.

mod common;

use common::content;
use selfcheck_engine::config::{
    self, colour_problem, parse_json, read, Clinic, Fetched, Known, Notice, Theme,
};
use selfcheck_engine::embed::{Incoming, Outgoing};
use selfcheck_engine::{Step, Tier};

fn known() -> Known<'static> {
    let c = content();
    Known::new(&c.pack, c.locales.keys().map(String::as_str).collect())
}

fn load(text: &str) -> (Clinic, Vec<Notice>) {
    read(Fetched::Text(text), parse_json, &known())
}

/// A valid file with one setting replaced (or added): `key` → `json`.
fn with(key: &str, json: &str) -> (Clinic, Vec<Notice>) {
    let mut v: serde_json::Value =
        serde_json::from_str(&config::strip_comments(&example())).unwrap();
    v[key] = serde_json::from_str(json).unwrap();
    load(&v.to_string())
}

fn example() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../static/clinic.json"
    ))
    .unwrap()
}

/// Exactly one notice, on `field`, whose text contains `needle`.
fn one_notice(notices: &[Notice], field: &str, needle: &str) {
    assert!(
        notices.len() == 1 && notices[0].field == field && notices[0].to_string().contains(needle),
        "expected one notice on {field:?} containing {needle:?}; got {notices:#?}"
    );
    assert_eq!(notices[0].file, config::FILE);
}

#[test]
fn the_shipped_example_is_clean_and_says_what_it_sets() {
    let (c, notices) = load(&example());
    assert!(notices.is_empty(), "{notices:#?}");
    assert_eq!(c.name.as_deref(), Some("Your clinic"));
    assert!(c.booking_url.as_deref().unwrap().starts_with("https://"));
    assert_eq!(c.min_age, 18);
    assert!(
        !c.share_health_details,
        "health details are never shared by default"
    );
}

#[test]
fn no_file_empty_file_huge_file_and_broken_json_use_every_default() {
    let k = known();
    let cases: Vec<(Fetched<'_>, &str)> = vec![
        (Fetched::Status(404), "was not found"),
        (Fetched::Status(500), "HTTP 500"),
        (Fetched::Failed("offline"), "offline"),
        (Fetched::Text(""), "is empty"),
        (Fetched::Text("  \n// only a note\n"), "is empty"),
        (Fetched::Text("{\"name\": \"A\",}"), "is not valid JSON"),
        (Fetched::Text("[1, 2]"), "must be a group of settings"),
        (
            Fetched::Text("\"just text\""),
            "must be a group of settings",
        ),
    ];
    for (fetched, needle) in cases {
        let (c, notices) = read(fetched, parse_json, &k);
        assert_eq!(c, Clinic::default());
        one_notice(&notices, "", needle);
    }
    let huge = format!("{{\"name\": \"{}\"}}", "x".repeat(config::MAX_BYTES));
    let (c, notices) = load(&huge);
    assert_eq!(c, Clinic::default());
    one_notice(&notices, "", "the largest file read is 64 KB");
}

#[test]
fn a_byte_order_mark_is_not_part_of_the_settings() {
    let (c, n) = load(&format!("\u{feff}{}", example()));
    assert!(n.is_empty(), "{n:?}");
    assert_eq!(c.name.as_deref(), Some("Your clinic"));
}

#[test]
fn the_defaults_are_the_cautious_ones() {
    let d = Clinic::default();
    assert_eq!(d.min_age, 18);
    assert!(d.booking_url.is_none() && d.allowed_origins.is_empty());
    assert!(!d.share_health_details && !d.kiosk.enabled);
    assert!(d.concerns.is_empty() && d.areas.is_empty());
}

#[test]
fn wrong_types_fall_back_per_setting() {
    let cases = [
        ("name", "42", "name", "must be text"),
        ("min_age", "\"21\"", "min_age", "whole number"),
        ("min_age", "20.5", "min_age", "whole number"),
        ("concerns", "\"acne_scars\"", "concerns", "must be a list"),
        ("colours", "\"#000000\"", "colours", "must be a group"),
        ("embed", "[]", "embed", "must be a group"),
        ("kiosk", "true", "kiosk", "must be a group"),
        ("theme", "\"purple\"", "theme", "not a theme"),
        (
            "language",
            "\"xx\"",
            "language",
            "not a language the widget has",
        ),
    ];
    let default = Clinic::default();
    for (key, json, field, needle) in cases {
        let (c, notices) = with(key, json);
        one_notice(&notices, field, needle);
        // The one bad setting is at its default; the rest of the file still applies.
        assert_eq!(c.name.is_some(), key != "name", "{key}");
        match key {
            "min_age" => assert_eq!(c.min_age, default.min_age),
            "concerns" => assert!(c.concerns.is_empty()),
            "colours" => assert_eq!(c.colours, None),
            "theme" => assert_eq!(c.theme, Theme::Clear),
            "language" => assert_eq!(c.language, None),
            _ => {}
        }
    }
}

#[test]
fn unknown_keys_are_named_and_ignored() {
    let (c, notices) = with("bookng_url", "\"https://x.example\"");
    one_notice(&notices, "bookng_url", "not a setting the widget knows");
    assert!(c.booking_url.is_some());
    let (_, notices) = with("kiosk", "{\"enabled\": false, \"idle\": 5}");
    one_notice(&notices, "kiosk.idle", "not a setting");
}

#[test]
fn the_minimum_age_is_never_below_18() {
    for (json, want) in [
        ("16", 18),
        ("0", 18),
        ("-3", 18),
        ("18", 18),
        ("21", 21),
        ("121", 18),
    ] {
        let (c, notices) = with("min_age", json);
        assert_eq!(c.min_age, want, "{json}");
        assert_eq!(
            notices.is_empty(),
            json == "18" || json == "21",
            "{json}: {notices:?}"
        );
    }
    let (_, notices) = with("min_age", "16");
    one_notice(&notices, "min_age", "16 is below 18");
}

#[test]
fn unsafe_colours_fall_back_to_the_theme() {
    // Too little contrast between the button and its text.
    let (c, n) = with(
        "colours",
        "{\"accent\": \"#dddddd\", \"on_accent\": \"#ffffff\"}",
    );
    assert_eq!(c.colours, None);
    one_notice(&n, "colours", "contrast is 1.36:1");
    // Enough on the button, too little as link text on the page.
    let (c, n) = with(
        "colours",
        "{\"accent\": \"#ffd400\", \"on_accent\": \"#000000\"}",
    );
    assert_eq!(c.colours, None);
    one_notice(&n, "colours", "background #ffffff");
    // Not a colour at all, or CSS that could smuggle in more than a colour.
    for bad in [
        "teal",
        "#0b5c6",
        "#0b5c6b; background: url(x)",
        "rgb(0,0,0)",
    ] {
        let (c, n) = with(
            "colours",
            &format!("{{\"accent\": {bad:?}, \"on_accent\": \"#ffffff\"}}"),
        );
        assert_eq!(c.colours, None, "{bad}");
        one_notice(&n, "colours.accent", "not a colour written #rrggbb");
    }
    let (c, n) = with(
        "colours",
        "{\"accent\": \"#0B5C6B\", \"on_accent\": \"#FFFFFF\"}",
    );
    assert!(n.is_empty(), "{n:?}");
    assert_eq!(c.colours.unwrap().accent, "#0b5c6b");
    // Every theme accepts the shipped colours; a colour fine on white may fail on cream.
    for t in Theme::ALL {
        assert_eq!(colour_problem("#0b5c6b", "#ffffff", t), None, "{t:?}");
    }
}

#[test]
fn links_must_be_https_and_plain() {
    for bad in [
        "http://example.com/book",
        "javascript:alert(1)",
        "https://",
        "https://exa mple.com",
        "https://example.com/\"><script>",
        "https://user:pass@example.com/",
        "//example.com/book",
        "data:text/html,hi",
    ] {
        let (c, n) = with("booking_url", &format!("{bad:?}"));
        assert_eq!(c.booking_url, None, "{bad}");
        assert_eq!(n.len(), 1, "{bad}: {n:?}");
        assert_eq!(n[0].field, "booking_url");
        assert!(n[0].instead.contains("phone or email"), "{n:?}");
    }
    let (c, n) = with(
        "booking_url",
        "\"https://book.example-clinic.com:8443/start?x=1#top\"",
    );
    assert!(n.is_empty(), "{n:?}");
    assert!(c.booking_url.is_some());
}

#[test]
fn script_in_text_fields_is_refused() {
    for bad in [
        "<script>alert(1)</script>",
        "Clinic<img src=x onerror=alert(1)>",
        "Line\u{0}break",
    ] {
        let (c, n) = with("name", &serde_json::to_string(bad).unwrap());
        assert_eq!(c.name, None, "{bad}");
        one_notice(&n, "name", "plain text");
    }
    let (c, n) = with("name", &format!("{:?}", "x".repeat(81)));
    assert_eq!(c.name, None);
    one_notice(&n, "name", "is too long");
    let (_, n) = with("phone", "\"<b>call</b>\"");
    one_notice(&n, "phone", "not a phone number");
    for bad in [
        "a@b.com<script>",
        "a@b.com?bcc=x@y.com",
        "a b@c.com",
        "a@b",
        "@b.com",
        "a@@b.com",
    ] {
        let (_, n) = with("email", &format!("{bad:?}"));
        one_notice(&n, "email", "not an email address");
    }
    let (c, n) = with("email", "\"first.last+skin@clinic-mail.example\"");
    assert!(n.is_empty() && c.email.is_some(), "{n:?}");
    let (c, n) = with("font", "\"Georgia; } body { display:none\"");
    assert_eq!(c.font, None);
    one_notice(&n, "font", "not a list of font names");
    for bad in [
        "https://cdn.example.com/logo.svg",
        "../secret.png",
        "/logo.svg",
        "logo.html",
        "javascript:x.svg",
    ] {
        let (c, n) = with("logo", &format!("{bad:?}"));
        assert_eq!(c.logo, None, "{bad}");
        one_notice(&n, "logo", "");
    }
}

#[test]
fn unknown_ids_are_left_out_and_an_empty_offer_means_all() {
    let (c, n) = with("concerns", "[\"acne_scars\", \"tattoos\"]");
    assert_eq!(c.concerns, vec!["acne_scars"]);
    one_notice(&n, "concerns", "\"tattoos\"");
    let (c, n) = with("areas", "[\"elbows\"]");
    assert!(
        c.areas.is_empty(),
        "nothing offered would leave visitors nothing to choose"
    );
    assert_eq!(n.len(), 2, "{n:?}");
    assert!(c.offers_area("cheeks"));
}

#[test]
fn a_clinic_without_phone_or_email_is_named() {
    let mut v: serde_json::Value =
        serde_json::from_str(&config::strip_comments(&example())).unwrap();
    v.as_object_mut().unwrap().remove("phone");
    v.as_object_mut().unwrap().remove("email");
    let (_, n) = load(&v.to_string());
    one_notice(&n, "phone/email", "both missing");
}

#[test]
fn allowed_origins_are_exact_and_never_a_wildcard() {
    let (c, n) = with(
        "embed",
        r#"{"allowed_origins": ["https://www.Clinic.example/", "http://127.0.0.1:4174", "*", "http://clinic.example", "https://clinic.example/page", "https://*.example"]}"#,
    );
    assert_eq!(
        c.allowed_origins,
        vec!["https://www.clinic.example", "http://127.0.0.1:4174"]
    );
    assert_eq!(n.len(), 4, "{n:#?}");
    assert!(n.iter().all(|x| x.field == "embed.allowed_origins"));
    assert_eq!(
        c.message_target("https://www.clinic.example"),
        Some("https://www.clinic.example")
    );
    // A default port is left out, as the browser leaves it out of an origin; a bad one is refused.
    let (c2, n2) = with(
        "embed",
        r#"{"allowed_origins": ["https://a.example:443", "http://localhost:80", "https://b.example:70000"]}"#,
    );
    assert_eq!(
        c2.allowed_origins,
        vec!["https://a.example", "http://localhost"]
    );
    assert_eq!(n2.len(), 1, "{n2:?}");
    assert_eq!(c.message_target("https://evil.example"), None);
    assert_eq!(c.message_target("*"), None);
    assert_eq!(c.message_target(""), None);
    let (c, n) = with("embed", r#"{"share_health_details": "yes"}"#);
    assert!(!c.share_health_details);
    one_notice(&n, "embed.share_health_details", "must be true or false");
}

#[test]
fn kiosk_timings_stay_in_range() {
    let (c, n) = with(
        "kiosk",
        r#"{"enabled": true, "idle_seconds": 5, "warning_seconds": 10}"#,
    );
    assert!(c.kiosk.enabled);
    assert_eq!((c.kiosk.idle_seconds, c.kiosk.warning_seconds), (90, 30));
    assert_eq!(n.len(), 2, "{n:?}");
    assert!(n[1].to_string().contains("from 20 to 120"), "{n:?}");
}

#[test]
fn overrides_from_the_address_pass_the_same_checks() {
    let k = known();
    let (mut c, _) = load(&example());
    let n = c.apply_overrides(
        [
            ("lang", "en"),
            ("accent", "#5b2a86"),
            ("kiosk", "1"),
            ("utm_source", "x"),
        ],
        &k,
    );
    assert!(n.is_empty(), "{n:?}");
    assert_eq!(c.colours.as_ref().unwrap().accent, "#5b2a86");
    assert_eq!(c.colours.as_ref().unwrap().on_accent, "#ffffff");
    assert!(c.kiosk.enabled);
    let before = c.clone();
    let n = c.apply_overrides(
        [
            ("lang", "xx"),
            ("accent", "#eeeeee"),
            ("accent", "red"),
            ("kiosk", "maybe"),
        ],
        &k,
    );
    assert_eq!(c, before, "bad overrides change nothing");
    assert_eq!(n.len(), 4);
    assert!(n.iter().all(|x| x.file == config::ADDRESS), "{n:?}");
    // A light accent gets dark text, but is still refused as link text on a white page.
    assert!(n[1].problem.contains("background"), "{n:?}");
}

#[test]
fn the_language_asked_for_comes_first_then_the_browser_then_the_clinic() {
    let c = Clinic {
        language: Some("es".into()),
        ..Clinic::default()
    };
    let have = ["en", "es", "ar"];
    let browser = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        c.choose_language(Some("ar"), &browser(&["en-GB"]), &have),
        "ar"
    );
    assert_eq!(
        c.choose_language(Some("xx"), &browser(&["en-GB", "es"]), &have),
        "en"
    );
    assert_eq!(
        c.choose_language(None, &browser(&["de-DE", "es-MX"]), &have),
        "es"
    );
    assert_eq!(c.choose_language(None, &browser(&["de-DE"]), &have), "es");
    assert_eq!(Clinic::default().choose_language(None, &[], &have), "en");
    assert_eq!(
        Clinic::default().choose_language(None, &browser(&["AR"]), &have),
        "ar"
    );
}

#[test]
fn notices_read_as_one_line_for_staff() {
    let (_, n) = with("booking_url", "\"http://example.com\"");
    assert_eq!(
        n[0].to_string(),
        "clinic.json, setting `booking_url`: \"http://example.com\" must start with https://; the booking button is replaced by the clinic's phone or email"
    );
}

#[test]
fn theme_backgrounds_match_the_css() {
    let css = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../styles/tokens.css"))
        .unwrap();
    for t in Theme::ALL {
        let block = if t == Theme::Clear {
            css.split(":root {").nth(1).unwrap()
        } else {
            let marker = format!(":root[data-theme=\"{}\"] {{", t.name());
            css.split(marker.as_str())
                .nth(1)
                .unwrap_or_else(|| panic!("no {marker} in tokens.css"))
        };
        let block = block.split('}').next().unwrap();
        let [bg, surface] = t.backgrounds();
        assert!(
            block.contains(&format!("--mn-bg: {bg};")),
            "{t:?} --mn-bg is not {bg}"
        );
        assert!(
            block.contains(&format!("--mn-surface: {surface};")),
            "{t:?} --mn-surface is not {surface}"
        );
    }
}

#[test]
fn host_messages_carry_no_health_detail_unless_shared() {
    let step = Step::Question("pregnant_nursing".into());
    let quiet = Outgoing::Step {
        step: step.clone(),
        share: false,
    }
    .to_value();
    assert_eq!(
        quiet.get("step"),
        Some(&config::Value::Text("question".into()))
    );
    assert_eq!(quiet.get("question"), None);
    let shared = Outgoing::Step { step, share: true }.to_value();
    assert_eq!(
        shared.get("question"),
        Some(&config::Value::Text("pregnant_nursing".into()))
    );
    let quiet = Outgoing::Outcome {
        tier: Tier::NotSuitableNow,
        share: false,
    }
    .to_value();
    assert_eq!(quiet.get("tier"), None);
    assert_eq!(quiet.get("selfcheck"), Some(&config::Value::Number(1.0)));
    let shared = Outgoing::Outcome {
        tier: Tier::NotSuitableNow,
        share: true,
    }
    .to_value();
    assert_eq!(
        shared.get("tier"),
        Some(&config::Value::Text("not_suitable_now".into()))
    );
}

#[test]
fn without_health_details_the_host_hears_one_step_for_all_the_questions() {
    use selfcheck_engine::embed::step_event;
    let q = |id: &str| Step::Question(id.into());
    // Not shared: into the questions once, then nothing until the results.
    assert!(step_event(Some(&Step::Areas), &q("age"), false).is_some());
    assert!(step_event(Some(&q("age")), &q("isotretinoin_stopped"), false).is_none());
    assert!(step_event(Some(&q("age")), &Step::Results, false).is_some());
    assert!(step_event(None, &Step::Welcome, false).is_some());
    // Shared: every question, with its id.
    let e = step_event(Some(&q("age")), &q("isotretinoin_stopped"), true).unwrap();
    assert_eq!(
        e.to_value().get("question"),
        Some(&config::Value::Text("isotretinoin_stopped".into()))
    );
}

#[test]
fn only_well_formed_host_messages_are_read() {
    let msg = |json: &str| Incoming::parse(&parse_json(json).unwrap());
    assert_eq!(
        msg(r#"{"selfcheck": 1, "type": "restart"}"#),
        Some(Incoming::Restart)
    );
    assert_eq!(
        msg(r#"{"selfcheck": 1, "type": "measure"}"#),
        Some(Incoming::Measure)
    );
    for bad in [
        r#"{"selfcheck": 2, "type": "restart"}"#,
        r#"{"selfcheck": "1", "type": "restart"}"#,
        r#"{"type": "restart"}"#,
        r#"{"selfcheck": 1, "type": "restart", "answers": {}}"#,
        r#"{"selfcheck": 1, "type": "delete"}"#,
        r#""restart""#,
        r#"[1, "restart"]"#,
    ] {
        assert_eq!(msg(bad), None, "{bad}");
    }
}

#[test]
fn a_hard_to_read_brand_colour_gets_a_readable_suggestion_close_to_it() {
    for theme in [Theme::Clear, Theme::Warm, Theme::Contrast] {
        // Already readable: kept as it is.
        let (a, on) = config::suggest_colours("#0B5C6B", theme).unwrap();
        assert_eq!((a.as_str(), on.as_str()), ("#0b5c6b", "#ffffff"));
        // Too light for text on it and for links: darkened until both pass.
        for light in ["#f7c6d9", "#ffcc00", "#7fd3e0", "#ffffff"] {
            assert!(colour_problem(light, "#ffffff", theme).is_some());
            let (a, on) = config::suggest_colours(light, theme).unwrap();
            assert_eq!(
                colour_problem(&a, &on, theme),
                None,
                "{light} -> {a} on {on}"
            );
            assert_ne!(
                a, "#000000",
                "{light} should stay a colour, not become black"
            );
        }
    }
    assert_eq!(config::suggest_colours("pink", Theme::Clear), None);
}

//! Component tests in headless Chromium (wasm-bindgen-test): the real App mounted in a page,
//! driven by clicks, checked by what a visitor would see.
#![cfg(target_arch = "wasm32")]

use selfcheck_widget::app::AppProps;
use selfcheck_widget::content::Data;
use selfcheck_widget::{App, ROOT_ID};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn doc() -> web_sys::Document {
    gloo::utils::document()
}

/// A fresh `#app` root with no stored session.
fn mount() -> Element {
    if let Some(old) = doc().get_element_by_id(ROOT_ID) {
        old.remove();
    }
    if let Ok(Some(s)) = gloo::utils::window().session_storage() {
        let _ = s.clear();
    }
    let root = doc().create_element("main").unwrap();
    root.set_id(ROOT_ID);
    doc().body().unwrap().append_child(&root).unwrap();
    let data = Some(std::rc::Rc::new(data()));
    yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps { data }).render();
    root
}

/// Lets the app render what a click or input scheduled: yew renders in a task of its own, so
/// after two animation frames the DOM shows the result (no clock involved).
async fn settle() {
    for _ in 0..2 {
        let frame = js_sys::Promise::new(&mut |resolve, _| {
            let _ = gloo::utils::window().request_animation_frame(&resolve);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(frame).await;
    }
}

fn text_of(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .text_content()
        .unwrap_or_default()
}

fn click(root: &Element, selector: &str) {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
}

/// Clicks, then lets the app re-render.
async fn press(root: &Element, selector: &str) {
    click(root, selector);
    settle().await;
}

/// Types into an input as a visitor would (the app listens to `input` events).
async fn type_into(input: &HtmlInputElement, value: &str) {
    input.set_value(value);
    input
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    settle().await;
}

/// The compiled content with a clinic's settings as `clinic.json` would give them.
fn data() -> Data {
    let clinic = selfcheck_engine::Clinic {
        name: Some("Test Clinic".into()),
        booking_url: Some("https://book.example/".into()),
        phone: Some("+1 555 010 0100".into()),
        email: Some("hello@example.com".into()),
        ..Default::default()
    };
    static EN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/locale-en.bin"));
    let locale = postcard::from_bytes(EN).expect("the English texts decode");
    Data::new(clinic, locale, Vec::new(), Default::default()).expect("compiled content decodes")
}

#[wasm_bindgen_test]
async fn welcome_screen_shows_what_the_check_is() {
    let d = data();
    let root = mount();
    settle().await;
    assert_eq!(text_of(&root, "h1"), d.ui("welcome_heading"));
    let body = root.text_content().unwrap();
    assert!(body.contains(d.ui("welcome_privacy")));
    assert!(body.contains(d.ui("welcome_not_diagnosis")));
    assert_eq!(text_of(&root, "button"), d.ui("start"));
}

#[wasm_bindgen_test]
async fn start_leads_to_concerns_and_next_needs_a_choice() {
    let d = data();
    let root = mount();
    settle().await;
    press(&root, ".mn-start").await;
    assert_eq!(text_of(&root, "h1"), d.ui("concerns_heading"));
    let boxes = root
        .query_selector_all(".mn-choices input[type=checkbox]")
        .unwrap();
    assert_eq!(boxes.length() as usize, d.pack.concerns.len());
    // Focus moves to the new screen's heading.
    let focused = doc().active_element().unwrap();
    assert_eq!(focused.tag_name(), "H1");
    // Next with nothing chosen shows an error and stays.
    press(&root, "button[type=submit]").await;
    assert_eq!(text_of(&root, "[role=alert]"), d.ui("choose_at_least_one"));
    assert_eq!(text_of(&root, "h1"), d.ui("concerns_heading"));
    // Choose one and move on; the progress bar counts honestly.
    press(&root, "#mn-concern-acne_scars").await;
    press(&root, "button[type=submit]").await;
    assert_eq!(text_of(&root, "h1"), d.ui("areas_heading"));
    let progress = root.query_selector("progress").unwrap().unwrap();
    assert_eq!(progress.get_attribute("value").as_deref(), Some("1"));
}

#[wasm_bindgen_test]
async fn a_question_keeps_its_answer_on_back() {
    let d = data();
    let root = mount();
    settle().await;
    press(&root, ".mn-start").await;
    press(&root, "#mn-concern-fine_lines").await;
    press(&root, "button[type=submit]").await;
    press(&root, "#mn-area-forehead").await;
    press(&root, "button[type=submit]").await;
    assert_eq!(text_of(&root, "h1"), d.locale.questions["age"].title);
    let input: HtmlInputElement = root
        .query_selector("#mn-answer-input")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    // Out of range: a clear message, no move.
    type_into(&input, "7").await;
    press(&root, "button[type=submit]").await;
    assert!(text_of(&root, "[role=alert]").contains("10"));
    type_into(&input, "34").await;
    press(&root, "button[type=submit]").await;
    assert_eq!(
        text_of(&root, "h1"),
        d.locale.questions["changing_mole"].title
    );
    press(&root, "#mn-answer-not_sure").await;
    press(&root, "button[type=submit]").await;
    click(&root, ".mn-button-secondary"); // Back
    settle().await;
    assert_eq!(
        text_of(&root, "h1"),
        d.locale.questions["changing_mole"].title
    );
    let unsure: HtmlInputElement = root
        .query_selector("#mn-answer-not_sure")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert!(unsure.checked(), "the earlier answer is still selected");
}

/// Waits, frame by frame (at most about two seconds), until `ready` holds: the DOM, not a clock,
/// says when the app has rendered.
async fn until(mut ready: impl FnMut() -> bool) {
    for _ in 0..120 {
        if ready() {
            return;
        }
        let frame = js_sys::Promise::new(&mut |resolve, _| {
            let _ = gloo::utils::window().request_animation_frame(&resolve);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(frame).await;
    }
    panic!("the page never reached the expected state");
}

/// A fresh element to mount one component into.
fn fresh_root(id: &str) -> Element {
    if let Some(old) = doc().get_element_by_id(id) {
        old.remove();
    }
    let root = doc().create_element("div").unwrap();
    root.set_id(id);
    doc().body().unwrap().append_child(&root).unwrap();
    root
}

mod section_host {
    use selfcheck_widget::components::section::Section;
    use yew::prelude::*;

    /// A section whose open state lives here, as the app keeps it in its reducer.
    #[component]
    pub fn Host() -> Html {
        let open = use_state(|| false);
        let ontoggle = {
            let open = open.clone();
            Callback::from(move |(_, now): (&'static str, bool)| open.set(now))
        };
        html! {
            <Section id="about" title="About" open={*open} ontoggle={ontoggle}>
                <p class="body">{ "Inside" }</p>
            </Section>
        }
    }
}

#[wasm_bindgen_test]
async fn a_results_section_opens_and_closes_from_its_heading_button() {
    let root = fresh_root("section-host");
    yew::Renderer::<section_host::Host>::with_root(root.clone()).render();
    until(|| root.query_selector("button").ok().flatten().is_some()).await;
    let button = || root.query_selector("h2 > button").unwrap().unwrap();
    let body = || root.query_selector("#mn-s-about").unwrap().unwrap();
    assert_eq!(
        button().get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(
        button().get_attribute("aria-controls").as_deref(),
        Some("mn-s-about")
    );
    assert!(body().has_attribute("hidden"));
    let shown = |el: Element| el.dyn_into::<HtmlElement>().unwrap().offset_height() > 0;
    assert!(
        !shown(root.query_selector(".body").unwrap().unwrap()),
        "closed: not shown"
    );
    click(&root, "h2 > button");
    until(|| button().get_attribute("aria-expanded").as_deref() == Some("true")).await;
    assert!(!body().has_attribute("hidden"));
    assert_eq!(text_of(&root, ".body"), "Inside");
    assert!(
        shown(root.query_selector(".body").unwrap().unwrap()),
        "open: shown"
    );
    click(&root, "h2 > button");
    until(|| button().get_attribute("aria-expanded").as_deref() == Some("false")).await;
    assert!(body().has_attribute("hidden"));
}

/// The results screen for `responses` on a fixed day, mounted in a fresh root (read-only for
/// clinic staff when `staff`).
async fn results(
    d: &std::rc::Rc<Data>,
    responses: selfcheck_engine::Responses,
    staff: bool,
    host: &str,
) -> Element {
    use selfcheck_widget::screens::results::{ResultsProps, ResultsScreen};
    let root = fresh_root(host);
    let props = ResultsProps {
        data: d.clone(),
        responses,
        today: selfcheck_engine::Date::from_ymd(2026, 11, 24).unwrap(),
        sections: Default::default(),
        onsection: yew::Callback::noop(),
        ondo: yew::Callback::noop(),
        staff,
    };
    yew::Renderer::<ResultsScreen>::with_root_and_props(root.clone(), props).render();
    until(|| root.query_selector(".mn-results").ok().flatten().is_some()).await;
    root
}

#[wasm_bindgen_test]
async fn not_now_results_offer_the_clinic_and_never_a_booking() {
    use selfcheck_engine::{Answer, Responses};
    let d = std::rc::Rc::new(data());
    let mut responses = Responses {
        concerns: ["acne_scars".to_string()].into(),
        areas: ["cheeks".to_string()].into(),
        ..Default::default()
    };
    for q in &d.pack.questions {
        if q.kind == selfcheck_engine::schema::QuestionKind::YesNo {
            responses.answers.insert(q.id.clone(), Answer::No);
        }
    }
    responses.answers.insert("age".into(), Answer::Number(30));
    responses
        .answers
        .insert("pregnant_nursing".into(), Answer::Yes);
    let root = results(&d, responses, false, "results-host").await;
    let results = root.query_selector(".mn-results").unwrap().unwrap();
    assert_eq!(
        results.get_attribute("data-tier").as_deref(),
        Some("mn-tier-not-now")
    );
    assert_eq!(results.get_attribute("data-next").as_deref(), Some("ask"));
    assert!(root.query_selector(".mn-book").unwrap().is_none());
    let ask = root.query_selector(".mn-ask").unwrap().unwrap();
    let href = ask.get_attribute("href").unwrap_or_default();
    assert!(
        href.starts_with("tel:") || href.starts_with("mailto:"),
        "{href}"
    );
    assert_eq!(ask.text_content().unwrap(), d.ui("next_ask"));
    // The heading is the outcome itself, and the pregnancy reason is listed.
    assert_eq!(text_of(&root, "h1"), d.ui("tier_not_now"));
    assert!(root
        .query_selector("[data-rule=pregnant_nursing]")
        .unwrap()
        .is_some());
    // Warning signs start closed for a visitor who cannot book.
    let red = root
        .query_selector("[data-section=red_flags] .mn-disclosure")
        .unwrap()
        .unwrap();
    assert_eq!(red.get_attribute("aria-expanded").as_deref(), Some("false"));
}

#[wasm_bindgen_test]
async fn a_staff_summary_is_read_only_with_the_answers_open() {
    use selfcheck_engine::{Answer, Responses};
    let d = std::rc::Rc::new(data());
    let mut responses = Responses {
        concerns: ["fine_lines".to_string()].into(),
        areas: ["forehead".to_string()].into(),
        ..Default::default()
    };
    responses.answers.insert("diabetes".into(), Answer::Yes);
    let root = results(&d, responses, true, "staff-host").await;
    assert_eq!(text_of(&root, ".mn-staff strong"), d.ui("staff_title"));
    // The answers start open, with no way to change them; no next step, no take-aways.
    let answers = root
        .query_selector("[data-section=answers] .mn-disclosure")
        .unwrap()
        .unwrap();
    assert_eq!(
        answers.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    for gone in [
        "#mn-s-answers button",
        ".mn-next",
        ".mn-change-answers",
        "[data-section=take_away]",
    ] {
        assert!(root.query_selector(gone).unwrap().is_none(), "{gone}");
    }
    assert_eq!(text_of(&root, ".mn-restart"), d.ui("staff_close"));
}

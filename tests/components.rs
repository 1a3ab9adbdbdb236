//! Component tests in headless Chromium (wasm-bindgen-test): the real App mounted in a page,
//! driven by clicks, checked by what a visitor would see.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

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
    let data = Data::load(None).map(std::rc::Rc::new);
    yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps { data }).render();
    root
}

async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(30)).await;
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

fn data() -> Data {
    Data::load(None).expect("compiled content decodes")
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
    let boxes = root.query_selector_all("input[type=checkbox]").unwrap();
    assert_eq!(boxes.length(), 11);
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

//! The few things the widget asks of the browser: today's date, date formatting, history
//! entries for each screen, and per-tab storage. Every call tolerates a browser that refuses
//! (storage blocked in a sandboxed iframe, for example): the widget keeps working without it.

use selfcheck_engine::Date;
use wasm_bindgen::JsValue;

/// Session-storage keys (current tab only; cleared by "Start again"), followed by the widget's
/// slot when a page embeds several.
const KEY_RESPONSES: &str = "mn-selfcheck.responses";
const KEY_STEP: &str = "mn-selfcheck.step";
/// The copy a visitor chose to keep on this device (local storage; see [`save_kept`]).
const KEY_KEPT: &str = "mn-selfcheck.kept";

thread_local! {
    static SLOT: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Sets which widget on the page this is (empty for the only one).
pub fn set_slot(slot: &str) {
    SLOT.with(|s| *s.borrow_mut() = slot.to_string());
}

fn key(base: &str) -> String {
    SLOT.with(|s| {
        let slot = s.borrow();
        if slot.is_empty() {
            base.to_string()
        } else {
            format!("{base}.{slot}")
        }
    })
}
/// The field in a history entry's state that holds the step key.
const HISTORY_FIELD: &str = "mnStep";

/// Today in the visitor's time zone.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::from_ymd(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_else(|| Date::from_ymd(2026, 1, 1).expect("a real day"))
}

/// A date written out in the visitor's language, such as "21 November 2026".
pub fn format_date(date: Date, lang: &str) -> String {
    let (y, m, d) = date.ymd();
    // Noon avoids any time-zone edge moving the day.
    let js = js_sys::Date::new_with_year_month_day_hr_min_sec(
        y as u32,
        m as i32 - 1,
        d as i32,
        12,
        0,
        0,
    );
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
    // Western digits in every language, as the texts write their figures (the Arabic texts
    // too), so a date never reads in other digits than the numbers beside it.
    let _ = js_sys::Reflect::set(&options, &"numberingSystem".into(), &"latn".into());
    js.to_locale_date_string(lang, &options).into()
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Stored responses and step key from this tab, if any.
pub fn load_session() -> Option<(String, Option<String>)> {
    let s = storage()?;
    let responses = s.get_item(&key(KEY_RESPONSES)).ok().flatten()?;
    let step = s.get_item(&key(KEY_STEP)).ok().flatten();
    Some((responses, step))
}

/// Saves the responses and step for a reload in this tab.
pub fn save_session(responses: &str, step: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(&key(KEY_RESPONSES), responses);
        let _ = s.set_item(&key(KEY_STEP), step);
    }
}

/// Forgets everything stored for this tab.
pub fn clear_session() {
    if let Some(s) = storage() {
        let _ = s.remove_item(&key(KEY_RESPONSES));
        let _ = s.remove_item(&key(KEY_STEP));
    }
}

fn device_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The copy of the answers kept on this device, if the visitor chose to keep one.
pub fn load_kept() -> Option<String> {
    device_storage()?.get_item(&key(KEY_KEPT)).ok().flatten()
}

/// Keeps the answers on this device (the visitor chose to), versioned by the content:
/// `<content version>~<step key>~<responses>`.
pub fn save_kept(version: &str, step: &str, responses: &str) {
    if let Some(s) = device_storage() {
        let _ = s.set_item(&key(KEY_KEPT), &[version, step, responses].join("~"));
    }
}

/// Forgets the copy kept on this device.
pub fn clear_kept() {
    if let Some(s) = device_storage() {
        let _ = s.remove_item(&key(KEY_KEPT));
    }
}

/// A hand-over code in the address (`#handover=...`), taken out of it: the address in the
/// browser's history then holds no answers.
pub fn take_handover() -> Option<String> {
    let location = gloo::utils::window().location();
    let hash = location.hash().ok()?;
    let mut prefix = String::from("#");
    prefix.push_str(selfcheck_engine::handover::FRAGMENT_KEY);
    prefix.push('=');
    let code = hash.strip_prefix(&prefix)?.to_string();
    let mut clean = location.pathname().unwrap_or_default();
    clean.push_str(&location.search().unwrap_or_default());
    if let Some(h) = history() {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&clean));
    }
    Some(code)
}

fn history_state(step_key: &str) -> JsValue {
    let state = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&state, &HISTORY_FIELD.into(), &step_key.into());
    state.into()
}

fn history() -> Option<web_sys::History> {
    web_sys::window()?.history().ok()
}

/// Whether a history entry is a kiosk's guard entry (see [`guard_history`]).
fn is_guard(state: &JsValue) -> bool {
    js_sys::Reflect::get(state, &GUARD_FIELD.into())
        .ok()
        .is_some_and(|v| v.is_truthy())
}

/// The field that marks a kiosk's guard entry.
const GUARD_FIELD: &str = "mnGuard";

/// Records a screen in browser history without changing the address, so the browser's Back
/// button steps back inside the widget. `replace` rewrites the current entry instead (always
/// when embedded, where the clinic's page keeps its own history, and in a kiosk).
pub fn record_step(step_key: &str, replace: bool) {
    let Some(history) = history() else {
        return;
    };
    let state = history_state(step_key);
    let _ = if replace {
        if history.state().is_ok_and(|s| is_guard(&s)) {
            let _ = js_sys::Reflect::set(&state, &GUARD_FIELD.into(), &JsValue::TRUE);
        }
        history.replace_state(&state, "")
    } else {
        history.push_state(&state, "")
    };
}

/// A kiosk's one extra history entry, so the browser's Back stays inside the widget: pushed
/// once (not again after a reload) and again each time Back leaves it, so the history keeps
/// the same length all day.
pub fn guard_history() {
    let Some(history) = history() else {
        return;
    };
    if history.state().is_ok_and(|s| is_guard(&s)) {
        return;
    }
    let state = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&state, &GUARD_FIELD.into(), &JsValue::TRUE);
    let _ = history.push_state(&state, "");
}

/// A kiosk visitor's text size (1 to 3) on the page root, where the styles scale every size.
pub fn set_text_size(size: u8) {
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = root.set_attribute("data-text-size", &size.to_string());
    }
}

/// The step key in a history entry's state, if it is one of ours.
pub fn step_key_of(state: &JsValue) -> Option<String> {
    js_sys::Reflect::get(state, &HISTORY_FIELD.into())
        .ok()?
        .as_string()
}

/// Applies the clinic's look on the page root: the theme (`data-theme`), brand colours
/// (`--mn-brand`, `--mn-on-brand`) and font (`--mn-font`), through the CSS object model, so a
/// strict Content-Security-Policy holds. The engine has already checked every value.
pub fn apply_look(clinic: &selfcheck_engine::Clinic) {
    use wasm_bindgen::JsCast;
    let Some(root) = gloo::utils::document()
        .document_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let _ = root.set_attribute("data-theme", clinic.theme.name());
    if clinic.kiosk.enabled {
        // Larger text and touch targets (styles/tokens.css).
        let _ = root.set_attribute("data-kiosk", "");
    }
    let style = root.style();
    if let Some(c) = &clinic.colours {
        let _ = style.set_property("--mn-brand", &c.accent);
        let _ = style.set_property("--mn-on-brand", &c.on_accent);
    }
    if let Some(font) = &clinic.font {
        let _ = style.set_property("--mn-font", font);
    }
}

/// Sets the page's language, direction and title (the header and the browser's tab follow).
pub fn set_language(code: &str, dir: &str, title: &str) {
    let doc = gloo::utils::document();
    if let Some(root) = doc.document_element() {
        let _ = root.set_attribute("lang", code);
        let _ = root.set_attribute("dir", dir);
    }
    doc.set_title(title);
}

/// Shows the clinic's name (and logo) in the page header, in place of the widget's title.
pub fn show_clinic(name: Option<&str>, logo: Option<&str>) {
    let doc = gloo::utils::document();
    let Ok(Some(title)) = doc.query_selector(".mn-header .mn-title") else {
        return;
    };
    if let Some(logo) = logo {
        if let Ok(img) = doc.create_element("img") {
            let _ = img.set_attribute("src", logo);
            // Decorative: the name beside it (or the widget's title) says who this is.
            let _ = img.set_attribute("alt", "");
            let _ = img.set_attribute("class", "mn-logo");
            let _ = title.before_with_node_1(&img);
        }
    }
    if let Some(name) = name {
        title.set_text_content(Some(name));
    }
}

/// This page's address without its query or fragment: where a hand-over code opens the widget
/// (as this clinic's own page, not embedded, without a kiosk's or preview's settings).
pub fn page_address() -> String {
    let location = gloo::utils::window().location();
    let mut out = location.origin().unwrap_or_default();
    out.push_str(&location.pathname().unwrap_or_default());
    out
}

/// Opens the browser's print dialog (to print the results or save them as a PDF).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Moves focus to the element matching `selector`, if there is one (it scrolls into view).
pub fn focus(selector: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = gloo::utils::document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Moves focus to the element matching `selector` once the current update has rendered.
pub fn focus_soon(selector: &'static str) {
    gloo_timers::callback::Timeout::new(0, move || focus(selector)).forget();
}

//! What the page hands the app when it starts: the clinic's settings file (fetched by
//! `static/boot.js` as soon as the page starts, in parallel with the app), whether the visitor
//! already pressed the static Start button, and the page address's parameters.
//!
//! The settings are read by the engine (`selfcheck_engine::config`), the one place that decides
//! what a setting may be; here the browser's own `JSON.parse` turns the text into a value, so
//! no JSON parser is compiled into the app.

use js_sys::{Array, Object, Reflect, JSON};
use selfcheck_engine::config::{self, Clinic, Fetched, Known, Notice, Value};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The global the boot script sets (`static/boot.js`).
const BOOT: &str = "selfcheckBoot";

/// How the page was opened.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    /// Inside a clinic's page (the embed loader adds `embed=1`): no history entries of its own,
    /// and its height goes to the host page.
    pub embedded: bool,
    /// The exact origin host-page events go to: the loader's `host=` if the clinic allows it.
    pub host: Option<String>,
    /// `?preview`: staff see every settings notice on the page.
    pub preview: bool,
    /// The language the snippet or page address asked for (`lang`), if the widget has it.
    pub asked_language: Option<String>,
}

fn get(target: &JsValue, key: &str) -> JsValue {
    Reflect::get(target, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Whether the visitor pressed the static Start button while the app was loading.
pub fn start_pressed() -> bool {
    get(&get(&js_sys::global(), BOOT), "started").as_bool() == Some(true)
}

/// How deep lists and groups may nest; deeper ones read as `null` (a clinic's settings nest
/// two levels; a hostile file could nest thousands and exhaust the stack).
const MAX_DEPTH: u32 = 16;

/// Turns what `JSON.parse` returned into the engine's value.
pub fn to_value(v: &JsValue) -> Value {
    value_at(v, 0)
}

fn value_at(v: &JsValue, depth: u32) -> Value {
    if v.is_null() || v.is_undefined() || depth > MAX_DEPTH {
        Value::Null
    } else if let Some(b) = v.as_bool() {
        Value::Bool(b)
    } else if let Some(n) = v.as_f64() {
        Value::Number(n)
    } else if let Some(s) = v.as_string() {
        Value::Text(s)
    } else if Array::is_array(v) {
        Value::List(
            Array::from(v)
                .iter()
                .map(|x| value_at(&x, depth + 1))
                .collect(),
        )
    } else if let Some(o) = v.dyn_ref::<Object>() {
        Value::Map(
            Object::entries(o)
                .iter()
                .filter_map(|pair| {
                    let pair = Array::from(&pair);
                    Some((pair.get(0).as_string()?, value_at(&pair.get(1), depth + 1)))
                })
                .collect(),
        )
    } else {
        Value::Null
    }
}

/// Turns an engine value into a plain JavaScript object (for `postMessage`).
pub fn to_js(v: &Value) -> JsValue {
    match v {
        Value::Null => JsValue::NULL,
        Value::Bool(b) => JsValue::from_bool(*b),
        Value::Number(n) => JsValue::from_f64(*n),
        Value::Text(s) => JsValue::from_str(s),
        Value::List(items) => items.iter().map(to_js).collect::<Array>().into(),
        Value::Map(entries) => {
            let o = Object::new();
            for (k, v) in entries {
                let _ = Reflect::set(&o, &JsValue::from_str(k), &to_js(v));
            }
            o.into()
        }
    }
}

fn parse(text: &str) -> Result<Value, String> {
    JSON::parse(text).map(|v| to_value(&v)).map_err(|e| {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| "the browser could not read it".into())
    })
}

/// The settings file as the boot script fetched it: `{status, text}` or `{error}`.
async fn fetched() -> (u16, Option<String>, Option<String>) {
    let promise = get(&get(&js_sys::global(), BOOT), "config");
    let Ok(promise) = promise.dyn_into::<js_sys::Promise>() else {
        return (0, None, Some("the page did not load it".into()));
    };
    match JsFuture::from(promise).await {
        Ok(r) => (
            get(&r, "status").as_f64().unwrap_or(0.0) as u16,
            get(&r, "text").as_string(),
            get(&r, "error").as_string(),
        ),
        Err(_) => (0, None, Some("the request failed".into())),
    }
}

/// The page address's query parameters, decoded.
fn params() -> Vec<(String, String)> {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            let decode = |s: &str| {
                let spaced: String = s.chars().map(|c| if c == '+' { ' ' } else { c }).collect();
                js_sys::decode_uri_component(&spaced)
                    .map(String::from)
                    .unwrap_or_default()
            };
            (decode(k), decode(v))
        })
        .collect()
}

/// Reads the clinic's settings and the page address: the settings the widget uses, every
/// notice for staff, and how the page was opened. Never fails.
pub async fn read(known: &Known<'_>) -> (Clinic, Vec<Notice>, Page) {
    let (status, text, error) = fetched().await;
    let fetched = match (&text, &error) {
        (Some(t), _) if (200..300).contains(&status) => Fetched::Text(t),
        (_, Some(e)) => Fetched::Failed(e),
        _ => Fetched::Status(status),
    };
    let (mut clinic, mut notices) = config::read(fetched, parse, known);
    let params = params();
    notices.extend(
        clinic.apply_overrides(params.iter().map(|(k, v)| (k.as_str(), v.as_str())), known),
    );
    let param = |name: &str| {
        params
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let host = param("host")
        .and_then(|h| clinic.message_target(h))
        .map(String::from);
    if let Some(claimed) = param("host").filter(|_| host.is_none()) {
        notices.push(Notice {
            file: config::FILE.into(),
            field: "embed.allowed_origins".into(),
            value: Value::Text(claimed.to_string()).show(),
            problem: "does not list the page this widget is embedded in".into(),
            instead: "the widget sends that page no events (auto-height needs them)".into(),
        });
    }
    // Which widget this is, when a page has several (the loader passes the element's id or
    // place), so each keeps its own saved answers.
    let slot = param("slot")
        .filter(|s| {
            s.len() <= 40
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
        .unwrap_or_default();
    crate::browser::set_slot(slot);
    let page = Page {
        embedded: param("embed") == Some("1"),
        host,
        preview: param("preview").is_some(),
        asked_language: param("lang")
            .filter(|l| known.languages.contains(l))
            .map(String::from),
    };
    (clinic, notices, page)
}

/// Tells the page the widget is at a safe point (the welcome screen: no answers to lose), where a
/// newer version of the widget, if one is waiting, may take over.
pub fn safe_point() {
    let boot = get(&js_sys::global(), BOOT);
    if let Ok(f) = get(&boot, "safePoint").dyn_into::<js_sys::Function>() {
        let _ = f.call0(&boot);
    }
}

/// Calls one of the boot script's helpers (`selfcheckBoot.<name>(args...)`), if it has it, and
/// returns what it returned.
pub fn call(name: &str, args: &[JsValue]) -> JsValue {
    let boot = get(&js_sys::global(), BOOT);
    match get(&boot, name).dyn_into::<js_sys::Function>() {
        Ok(f) => f
            .apply(&boot, &args.iter().collect::<Array>())
            .unwrap_or(JsValue::UNDEFINED),
        Err(_) => JsValue::UNDEFINED,
    }
}

/// The visitor's browser languages, most wanted first.
pub fn browser_languages() -> Vec<String> {
    web_sys::window()
        .map(|w| w.navigator().languages())
        .map(|list| list.iter().filter_map(|l| l.as_string()).collect())
        .unwrap_or_default()
}

/// One language's texts as bytes: the boot script's early download if it fetched this one,
/// else a fetch now. `None` if it cannot be had.
pub async fn locale_bytes(code: &str) -> Option<Vec<u8>> {
    let early = get(&js_sys::global(), BOOT);
    let promise = if get(&early, "localeCode").as_string().as_deref() == Some(code) {
        get(&early, "locale").dyn_into::<js_sys::Promise>().ok()
    } else {
        None
    };
    let promise = match promise {
        Some(p) => p,
        None => {
            let mut url = String::from("locales/");
            url.push_str(code);
            url.push_str(".bin");
            web_sys::window()?.fetch_with_str(&url)
        }
    };
    let response: web_sys::Response = JsFuture::from(promise).await.ok()?.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Writes each notice to the browser console, where staff look first.
pub fn log(notices: &[Notice]) {
    for n in notices {
        web_sys::console::warn_1(&JsValue::from_str(&format!("self-check settings: {n}")));
    }
}

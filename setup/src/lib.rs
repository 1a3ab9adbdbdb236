//! The clinic set-up page (`setup/page/`, served as `dist/setup/`): its script asks the engine,
//! compiled to WebAssembly here, what `selfcheck validate-config` would say about the settings
//! being typed (read with the same JSON parser as the tool), which header files go with them,
//! and a readable colour close to one that is hard to read. The engine decides; the page only
//! shows.

use js_sys::{Array, Object, Reflect};
use selfcheck_engine::config::{self, Fetched, Known, Theme};
use wasm_bindgen::prelude::*;

fn set(o: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(o, &JsValue::from_str(key), &value.into());
}

fn strings(v: &JsValue, key: &str) -> Vec<String> {
    Reflect::get(v, &JsValue::from_str(key))
        .ok()
        .filter(Array::is_array)
        .map(|l| {
            Array::from(&l)
                .iter()
                .filter_map(|x| x.as_string())
                .collect()
        })
        .unwrap_or_default()
}

/// Checks a `clinic.json` text as the widget reads it. `known`: `{concerns, areas, languages}`
/// (lists of ids, from `known.json`, written at build time from the content). Returns
/// `{notices: [{field, value, problem, instead}], headers: [{name, text}], frameAncestors}`:
/// every problem, named by its setting, and the header files for the settings as the widget
/// would use them.
#[wasm_bindgen]
pub fn check(text: &str, known: JsValue) -> JsValue {
    let (concerns, areas, languages) = (
        strings(&known, "concerns"),
        strings(&known, "areas"),
        strings(&known, "languages"),
    );
    let known = Known {
        concerns: concerns.iter().map(String::as_str).collect(),
        areas: areas.iter().map(String::as_str).collect(),
        languages: languages.iter().map(String::as_str).collect(),
    };
    let (clinic, notices) = config::read(Fetched::Text(text), config::parse_json, &known);
    let out = Object::new();
    let list: Array = notices
        .iter()
        .map(|n| {
            let o = Object::new();
            set(&o, "field", n.field.as_str());
            set(&o, "value", n.value.as_str());
            set(&o, "problem", n.problem.as_str());
            set(&o, "instead", n.instead.as_str());
            JsValue::from(o)
        })
        .collect();
    set(&out, "notices", list);
    let files: Array = selfcheck_engine::headers::files(&clinic)
        .into_iter()
        .map(|(name, text)| {
            let o = Object::new();
            set(&o, "name", name);
            set(&o, "text", text);
            JsValue::from(o)
        })
        .collect();
    set(&out, "headers", files);
    set(&out, "frameAncestors", clinic.frame_ancestors());
    out.into()
}

/// A readable colour pair close to `accent` on `theme` (`clear`, `warm`, `contrast`):
/// `[accent, on_accent]`, or `null` if `accent` is not `#rrggbb`.
#[wasm_bindgen]
pub fn suggest(accent: &str, theme: &str) -> JsValue {
    let theme = [Theme::Clear, Theme::Warm, Theme::Contrast]
        .into_iter()
        .find(|t| t.name() == theme)
        .unwrap_or(Theme::Clear);
    match config::suggest_colours(accent, theme) {
        Some((a, on)) => Array::of2(&a.into(), &on.into()).into(),
        None => JsValue::NULL,
    }
}

/// The contrast ratio between two `#rrggbb` colours (WCAG), for the page to show.
#[wasm_bindgen]
pub fn contrast(a: &str, b: &str) -> f64 {
    config::contrast(a, b)
}

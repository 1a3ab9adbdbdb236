//! The content the widget shows, compiled in by `build.rs` from validated TOML.

use std::rc::Rc;

use selfcheck_engine::schema::{Clinic, Locale, Pack};
use selfcheck_engine::text::fill;

static PACK: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/pack.bin"));
static CLINIC: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/clinic.bin"));
static LOCALES: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/locales.rs"));

fn decode_pack() -> Option<Pack> {
    postcard::from_bytes(PACK).ok()
}

fn decode_clinic() -> Option<Clinic> {
    postcard::from_bytes(CLINIC).ok()
}

fn decode_locale(clinic: &Clinic, lang: Option<&str>) -> Option<Locale> {
    let wanted = lang
        .filter(|l| LOCALES.iter().any(|(c, _)| c == l))
        .unwrap_or(&clinic.locale);
    let bytes = LOCALES
        .iter()
        .find(|(c, _)| *c == wanted)
        .or_else(|| LOCALES.first())?
        .1;
    postcard::from_bytes(bytes).ok()
}

/// Lets the browser paint and handle input before going on.
async fn next_task() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

/// Everything the screens read: pack, clinic settings and one language.
#[derive(Debug, PartialEq)]
pub struct Data {
    /// Questions, rules and plan figures.
    pub pack: Pack,
    /// The clinic's settings.
    pub clinic: Clinic,
    /// Texts in the visitor's language.
    pub locale: Locale,
}

/// Shared, cheap to clone.
pub type DataRef = Rc<Data>;

impl Data {
    /// Decodes the compiled content in the clinic's language (or `lang` if we have it).
    /// `None` only if the embedded bytes are damaged, which the build makes unlikely.
    pub fn load(lang: Option<&str>) -> Option<Data> {
        let clinic = decode_clinic()?;
        let locale = decode_locale(&clinic, lang)?;
        let pack = decode_pack()?;
        Some(Data {
            pack,
            clinic,
            locale,
        })
    }

    /// The same as [`Data::load`], yielding to the browser between the pieces so start-up never
    /// holds the main thread in one long task.
    pub async fn load_in_steps(lang: Option<&str>) -> Option<Data> {
        let clinic = decode_clinic()?;
        next_task().await;
        let locale = decode_locale(&clinic, lang)?;
        next_task().await;
        let pack = decode_pack()?;
        next_task().await;
        Some(Data {
            pack,
            clinic,
            locale,
        })
    }

    /// An interface text by key (validation guarantees every key exists).
    pub fn ui<'a>(&'a self, key: &'a str) -> &'a str {
        self.locale.ui.get(key).map(String::as_str).unwrap_or(key)
    }

    /// An interface text with its `{placeholders}` filled.
    pub fn ui_fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        fill(self.ui(key), values)
    }

    /// A text about a count: `{key}_one` when `n` is 1 (and the language has that form),
    /// else `key`, with `{placeholder}` set to `n`.
    pub fn ui_count(&self, key: &str, placeholder: &str, n: u32) -> String {
        let mut one = String::from(key);
        one.push_str("_one");
        let template = match self.locale.ui.get(&one) {
            Some(t) if n == 1 => t.as_str(),
            _ => self.ui(key),
        };
        fill(template, &[(placeholder, &n.to_string())])
    }

    /// A preparation, aftercare, warning-sign or note text by item id.
    pub fn item<'a>(&'a self, id: &'a str) -> &'a str {
        self.locale.items.get(id).map(String::as_str).unwrap_or(id)
    }

    /// What the dated plan says when an aftercare step is over (validation guarantees a text
    /// for every step with an end).
    pub fn item_end<'a>(&'a self, id: &'a str) -> &'a str {
        self.locale.ends.get(id).map(String::as_str).unwrap_or(id)
    }

    /// The clinic's minimum age.
    pub fn min_age(&self) -> u32 {
        self.clinic.min_age
    }

    /// Whether the clinic offers this concern.
    pub fn offers_concern(&self, id: &str) -> bool {
        self.clinic.concerns.is_empty() || self.clinic.concerns.iter().any(|c| c == id)
    }

    /// Whether the clinic offers this area.
    pub fn offers_area(&self, id: &str) -> bool {
        self.clinic.areas.is_empty() || self.clinic.areas.iter().any(|c| c == id)
    }
}

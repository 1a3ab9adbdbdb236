//! The content the widget shows, compiled in by `build.rs` from validated TOML.

use std::rc::Rc;

use selfcheck_engine::config::{Clinic, Known, Notice};
use selfcheck_engine::schema::{Locale, Pack};
use selfcheck_engine::text::fill;

use crate::boot::Page;

static PACK: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/pack.bin"));
static LOCALES: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/locales.rs"));

fn decode_pack() -> Option<Pack> {
    postcard::from_bytes(PACK).ok()
}

/// The clinic's language if the widget has it, else the first.
fn decode_locale(lang: Option<&str>) -> Option<Locale> {
    let bytes = LOCALES
        .iter()
        .find(|(c, _)| Some(*c) == lang)
        .or_else(|| LOCALES.first())?
        .1;
    postcard::from_bytes(bytes).ok()
}

/// The language codes compiled in.
pub fn languages() -> Vec<&'static str> {
    LOCALES.iter().map(|(c, _)| *c).collect()
}

/// Lets the browser paint and handle input before going on.
async fn next_task() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

/// Everything the screens read: pack, clinic settings, one language and how the page was
/// opened.
#[derive(Debug, PartialEq)]
pub struct Data {
    /// Questions, rules and plan figures.
    pub pack: Pack,
    /// The clinic's settings, checked (`clinic.json` and the page address).
    pub clinic: Clinic,
    /// Texts in the visitor's language.
    pub locale: Locale,
    /// Problems with the clinic's settings, for staff (shown with `?preview`).
    pub notices: Vec<Notice>,
    /// How the page was opened.
    pub page: Page,
}

/// Shared, cheap to clone.
pub type DataRef = Rc<Data>;

impl Data {
    /// The compiled content with these settings, in the clinic's language. `None` only if the
    /// embedded bytes are damaged, which the build makes unlikely.
    pub fn new(clinic: Clinic, notices: Vec<Notice>, page: Page) -> Option<Data> {
        let locale = decode_locale(clinic.language.as_deref())?;
        let pack = decode_pack()?;
        Some(Data {
            pack,
            clinic,
            locale,
            notices,
            page,
        })
    }

    /// Decodes the content and reads the clinic's settings, yielding to the browser between
    /// the pieces so start-up never holds the main thread in one long task.
    pub async fn load_in_steps() -> Option<Data> {
        let pack = decode_pack()?;
        next_task().await;
        let (clinic, notices, page) = crate::boot::read(&Known::new(&pack, languages())).await;
        crate::boot::log(&notices);
        next_task().await;
        let locale = decode_locale(clinic.language.as_deref())?;
        next_task().await;
        Some(Data {
            pack,
            clinic,
            locale,
            notices,
            page,
        })
    }

    /// The clinic's name, or "the clinic" in the visitor's language.
    pub fn clinic_name(&self) -> &str {
        self.clinic
            .name
            .as_deref()
            .unwrap_or_else(|| self.ui("clinic_unnamed"))
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
        self.clinic.offers_concern(id)
    }

    /// Whether the clinic offers this area.
    pub fn offers_area(&self, id: &str) -> bool {
        self.clinic.offers_area(id)
    }
}

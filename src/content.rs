//! The content the widget shows, compiled in by `build.rs` from validated TOML.

use std::rc::Rc;

use selfcheck_engine::config::{Clinic, Known, Notice};
use selfcheck_engine::schema::{Locale, Pack};
use selfcheck_engine::text::fill;

use crate::boot::Page;

static PACK: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/pack.bin"));
/// Every language the widget has: code, name in that language, right to left. The texts are
/// fetched when needed (`locales/<code>.bin`, written by `selfcheck locales`).
pub static LANGUAGES: &[(&str, &str, bool)] = include!(concat!(env!("OUT_DIR"), "/languages.rs"));

fn decode_pack() -> Option<Pack> {
    postcard::from_bytes(PACK).ok()
}

/// The language codes the widget has.
pub fn languages() -> Vec<&'static str> {
    LANGUAGES.iter().map(|(c, _, _)| *c).collect()
}

fn decode_locale(bytes: &[u8], code: &str) -> Option<Locale> {
    postcard::from_bytes::<Locale>(bytes)
        .ok()
        .filter(|l| l.code == code)
}

/// Fetches and decodes one language's texts.
pub async fn fetch_locale(code: &str) -> Option<Locale> {
    let bytes = crate::boot::locale_bytes(code).await?;
    decode_locale(&bytes, code)
}

/// Lets the browser paint and handle input before going on.
async fn next_task() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

/// Everything the screens read: pack, clinic settings, one language and how the page was
/// opened.
#[derive(Debug)]
pub struct Data {
    /// Questions, rules and plan figures (shared between languages).
    pub pack: Rc<Pack>,
    /// The clinic's settings, checked (`clinic.json` and the page address).
    pub clinic: Clinic,
    /// Texts in the visitor's language.
    pub locale: Locale,
    /// Problems with the clinic's settings, for staff (shown with `?preview`).
    pub notices: Vec<Notice>,
    /// How the page was opened.
    pub page: Page,
}

/// Content never changes once made (another language is another `Data`), so two are equal only
/// when they are the same one: screens re-render when the language changes, and no deep
/// comparison of the whole pack is compiled in.
impl PartialEq for Data {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// Shared, cheap to clone.
pub type DataRef = Rc<Data>;

impl Data {
    /// The compiled content with these settings and texts. `None` only if the embedded bytes
    /// are damaged, which the build makes unlikely.
    pub fn new(clinic: Clinic, locale: Locale, notices: Vec<Notice>, page: Page) -> Option<Data> {
        Some(Data {
            pack: Rc::new(decode_pack()?),
            clinic,
            locale,
            notices,
            page,
        })
    }

    /// Decodes the content, reads the clinic's settings and fetches the visitor's language,
    /// yielding to the browser between the pieces so start-up never holds the main thread in
    /// one long task. If that language cannot be fetched, the first the widget has is tried.
    pub async fn load_in_steps() -> Option<Data> {
        let pack = decode_pack()?;
        next_task().await;
        let (clinic, notices, page) = crate::boot::read(&Known::new(&pack, languages())).await;
        crate::boot::log(&notices);
        let code = clinic.choose_language(
            page.asked_language.as_deref(),
            &crate::boot::browser_languages(),
            &languages(),
        );
        let locale = match fetch_locale(code).await {
            Some(l) => l,
            None => fetch_locale(languages().first()?).await?,
        };
        next_task().await;
        Some(Data {
            pack: Rc::new(pack),
            clinic,
            locale,
            notices,
            page,
        })
    }

    /// The same content and settings in another language.
    pub fn with_locale(&self, locale: Locale) -> Data {
        Data {
            pack: self.pack.clone(),
            clinic: self.clinic.clone(),
            locale,
            notices: self.notices.clone(),
            page: self.page.clone(),
        }
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

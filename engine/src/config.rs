//! The clinic's configuration: one file, `clinic.json`, next to the built widget, read when the
//! page loads, so one build serves any clinic without a rebuild.
//!
//! The file is untrusted. [`read`] never fails: every setting that is missing, of the wrong
//! type or unsafe falls back to a safe default, and each problem becomes a [`Notice`] that names
//! the file, the field and the value, for staff (the `?preview` mode and the console in the
//! browser, `selfcheck validate-config` on the command line). The same code reads the file in
//! both places: the browser parses JSON with its own `JSON.parse` and hands over a [`Value`],
//! so no JSON parser is compiled into the widget.
//!
//! A few settings may also come from the embed snippet or the page address ([`Clinic::apply_overrides`]):
//! the language, the accent colour and the kiosk flag. They pass the same checks.

use serde::Serialize;
use std::fmt;

use crate::schema::Pack;

/// The file name, next to `index.html`.
pub const FILE: &str = "clinic.json";
/// The largest file read; anything bigger is refused whole (a clinic's settings are < 2 KB).
pub const MAX_BYTES: usize = 64 * 1024;
/// What overrides in the snippet or page address are called in notices.
pub const ADDRESS: &str = "page address";
/// The lowest minimum age any source allows (S-27).
pub const LOWEST_AGE: u32 = 18;
/// Contrast WCAG AA asks of normal text.
pub const AA_TEXT: f64 = 4.5;

/// A JSON value, as the browser's `JSON.parse` or `serde_json` gives it.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// Any number.
    Number(f64),
    /// A string.
    Text(String),
    /// An array.
    List(Vec<Value>),
    /// An object, keys in file order.
    Map(Vec<(String, Value)>),
}

impl Value {
    /// The value as staff would write it, cut short when long.
    pub fn show(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        cut(&out, 80)
    }

    fn write(&self, out: &mut String) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(true) => out.push_str("true"),
            Value::Bool(false) => out.push_str("false"),
            Value::Number(n) => out.push_str(&number(*n)),
            Value::Text(s) => quote(s, out),
            Value::List(items) => {
                out.push('[');
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    v.write(out);
                }
                out.push(']');
            }
            Value::Map(entries) => {
                out.push('{');
                for (i, (k, v)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    quote(k, out);
                    out.push_str(": ");
                    v.write(out);
                }
                out.push('}');
            }
        }
    }

    /// The entry `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Map(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// `s` in double quotes, with quotes, backslashes and control characters escaped.
fn quote(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str("\\u{…}"),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A number as staff wrote it: whole numbers plainly, others to two decimals. (Written by
/// hand: the standard float formatting would add kilobytes to the widget.)
fn number(n: f64) -> String {
    if !n.is_finite() {
        return "not a number".into();
    }
    if n.fract() == 0.0 && n.abs() < 1e15 {
        return (n as i64).to_string();
    }
    fixed2(n)
}

/// `n` rounded to two decimals, such as `4.50`.
pub fn fixed2(n: f64) -> String {
    let hundredths = (n.abs() * 100.0).round() as u64;
    let mut out = String::new();
    if n < 0.0 && hundredths > 0 {
        out.push('-');
    }
    out.push_str(&(hundredths / 100).to_string());
    out.push('.');
    let cents = hundredths % 100;
    if cents < 10 {
        out.push('0');
    }
    out.push_str(&cents.to_string());
    out
}

fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max - 1).collect();
        out.push('…');
        out
    }
}

/// One problem with a setting, for staff: where it is, what it holds, what is wrong and what
/// the widget uses instead.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Notice {
    /// `clinic.json`, or [`ADDRESS`] for an override.
    pub file: String,
    /// The setting, such as `colours.accent` (empty for the whole file).
    pub field: String,
    /// The value found, as written (cut short when long; empty when there is none).
    pub value: String,
    /// What is wrong with it.
    pub problem: String,
    /// What the widget does instead.
    pub instead: String,
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if !self.field.is_empty() {
            write!(f, ", setting `{}`", self.field)?;
        }
        if !self.value.is_empty() {
            write!(f, ": {}", self.value)?;
        }
        write!(f, " {}; {}", self.problem, self.instead)
    }
}

/// The look: a set of colours in `styles/tokens.css` (`[data-theme=…]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Cool and neutral (the default).
    #[default]
    Clear,
    /// Cream and terracotta.
    Warm,
    /// Black on white with strong outlines, for visitors who need the most contrast.
    Contrast,
}

impl Theme {
    /// Every theme.
    pub const ALL: [Theme; 3] = [Theme::Clear, Theme::Warm, Theme::Contrast];

    /// The name in `clinic.json` and in `data-theme`.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Clear => "clear",
            Theme::Warm => "warm",
            Theme::Contrast => "contrast",
        }
    }

    /// The light page background (`--mn-bg`) and surface (`--mn-surface`) a brand accent is
    /// checked against; `styles/tokens.css` must agree (a test reads it).
    pub fn backgrounds(self) -> [&'static str; 2] {
        match self {
            Theme::Clear => ["#ffffff", "#f4f6f7"],
            Theme::Warm => ["#fffaf3", "#f6ecdf"],
            Theme::Contrast => ["#ffffff", "#f2f2f2"],
        }
    }
}

/// Brand colours as `#rrggbb`: used in light mode (dark mode keeps the theme's own colours,
/// so a brand colour never makes dark-mode text hard to read).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Colours {
    /// Buttons, links and chosen answers.
    pub accent: String,
    /// Text on the accent colour.
    pub on_accent: String,
}

/// Kiosk settings (a shared tablet in a waiting room).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Kiosk {
    /// Whether the widget runs as a kiosk.
    pub enabled: bool,
    /// Seconds without a touch before the reset warning shows.
    pub idle_seconds: u32,
    /// Seconds the warning gives before everything is cleared (WCAG 2.2.1: at least 20).
    pub warning_seconds: u32,
}

impl Default for Kiosk {
    fn default() -> Self {
        Kiosk {
            enabled: false,
            idle_seconds: 90,
            warning_seconds: 30,
        }
    }
}

/// Allowed ranges for the kiosk timings.
pub const IDLE_SECONDS: (u32, u32) = (30, 600);
/// WCAG 2.2.1 asks for at least 20 seconds to respond to a time-out warning.
pub const WARNING_SECONDS: (u32, u32) = (20, 120);

/// The clinic's settings, each one checked. [`Clinic::default`] is what the widget uses when
/// there is no file at all: no clinic name, no booking link, no contact, every concern and area,
/// minimum age 18, never embeddable on another site.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Clinic {
    /// The clinic's name as visitors see it; `None` shows a neutral "the clinic".
    pub name: Option<String>,
    /// A logo image in the same folder as the widget (a relative path).
    pub logo: Option<String>,
    /// Where "Book a consultation" goes (https only); `None` shows how to contact the clinic.
    pub booking_url: Option<String>,
    /// The clinic's phone number.
    pub phone: Option<String>,
    /// The clinic's email address.
    pub email: Option<String>,
    /// Default language: a locale code the widget has; `None` = the first it has.
    pub language: Option<String>,
    /// The look.
    pub theme: Theme,
    /// Brand colours; `None` keeps the theme's.
    pub colours: Option<Colours>,
    /// A CSS font-family list of fonts on the visitor's device; `None` keeps the system font.
    pub font: Option<String>,
    /// Lowest age the clinic treats; never below 18.
    pub min_age: u32,
    /// Concern ids offered; empty = all.
    pub concerns: Vec<String>,
    /// Area ids offered; empty = all.
    pub areas: Vec<String>,
    /// Sites allowed to embed the widget and receive its events, as origins
    /// (`https://www.example-clinic.com`).
    pub allowed_origins: Vec<String>,
    /// Whether events to the host page may carry health details (the outcome, the question on
    /// screen). Off unless the file turns it on.
    pub share_health_details: bool,
    /// Kiosk settings.
    pub kiosk: Kiosk,
}

impl Default for Clinic {
    fn default() -> Self {
        Clinic {
            name: None,
            logo: None,
            booking_url: None,
            phone: None,
            email: None,
            language: None,
            theme: Theme::Clear,
            colours: None,
            font: None,
            min_age: LOWEST_AGE,
            concerns: Vec::new(),
            areas: Vec::new(),
            allowed_origins: Vec::new(),
            share_health_details: false,
            kiosk: Kiosk::default(),
        }
    }
}

/// The settings `clinic.json` may hold; anything else is reported as unknown.
pub const KEYS: &[&str] = &[
    "name",
    "logo",
    "booking_url",
    "phone",
    "email",
    "language",
    "theme",
    "colours",
    "font",
    "min_age",
    "concerns",
    "areas",
    "embed",
    "kiosk",
];

/// What the settings are checked against: the ids and languages this build has.
pub struct Known<'a> {
    /// Concern ids.
    pub concerns: Vec<&'a str>,
    /// Area ids.
    pub areas: Vec<&'a str>,
    /// Locale codes.
    pub languages: Vec<&'a str>,
}

impl<'a> Known<'a> {
    /// The ids in `pack` and the given languages.
    pub fn new(pack: &'a Pack, languages: Vec<&'a str>) -> Self {
        Known {
            concerns: pack.concerns.iter().map(|c| c.id.as_str()).collect(),
            areas: pack.areas.iter().map(|a| a.id.as_str()).collect(),
            languages,
        }
    }
}

/// Removes comment lines (lines whose first non-space characters are `//`), so the example
/// file can explain itself. A JSON string cannot span lines, so no value is ever touched.
pub fn strip_comments(text: &str) -> String {
    text.lines()
        .map(|l| {
            if l.trim_start().starts_with("//") {
                ""
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// How the file was fetched, as the page saw it.
pub enum Fetched<'a> {
    /// The file's text.
    Text(&'a str),
    /// No file: the server answered with this HTTP status (404: not there).
    Status(u16),
    /// The request failed (offline, blocked).
    Failed(&'a str),
}

/// Reads the fetched file: size and emptiness checks, comment lines, then `parse` (the
/// browser's `JSON.parse` or `serde_json`), then [`from_value`]. Never fails.
pub fn read(
    fetched: Fetched<'_>,
    parse: impl FnOnce(&str) -> Result<Value, String>,
    known: &Known<'_>,
) -> (Clinic, Vec<Notice>) {
    let whole = |value: String, problem: String| {
        (
            Clinic::default(),
            vec![Notice {
                file: FILE.into(),
                field: String::new(),
                value,
                problem,
                instead: "every setting uses its safe default".into(),
            }],
        )
    };
    let text = match fetched {
        Fetched::Text(t) => t,
        Fetched::Status(404) => {
            return whole(String::new(), "was not found next to index.html".into())
        }
        Fetched::Status(s) => return whole(String::new(), format!("could not be read (HTTP {s})")),
        Fetched::Failed(e) => return whole(String::new(), format!("could not be read ({e})")),
    };
    if text.len() > MAX_BYTES {
        return whole(
            String::new(),
            format!(
                "is {} KB; the largest file read is {} KB",
                text.len() / 1024,
                MAX_BYTES / 1024
            ),
        );
    }
    // A byte-order mark (some editors add one) is not part of the settings.
    let text = strip_comments(text.strip_prefix('\u{feff}').unwrap_or(text));
    if text.trim().is_empty() {
        return whole(String::new(), "is empty".into());
    }
    match parse(&text) {
        Ok(v) => from_value(&v, known),
        Err(e) => whole(String::new(), format!("is not valid JSON ({e})")),
    }
}

struct Reader<'a> {
    file: &'a str,
    notices: Vec<Notice>,
}

const UNKNOWN: &str = "is not a setting the widget knows (a typo?)";
const IGNORED: &str = "it is ignored";
const NO_BOOKING: &str = "the booking button is replaced by the clinic's phone or email";

impl Reader<'_> {
    fn note(&mut self, field: &str, value: Option<&Value>, problem: &str, instead: &str) {
        self.notices.push(Notice {
            file: self.file.into(),
            field: field.into(),
            value: value.map(Value::show).unwrap_or_default(),
            problem: problem.into(),
            instead: instead.into(),
        });
    }

    /// Notes every key of `group` not in `allowed`.
    fn unknown_keys(&mut self, prefix: &str, group: &[(String, Value)], allowed: &[&str]) {
        for (key, value) in group {
            if !allowed.contains(&key.as_str()) {
                let mut field = String::from(prefix);
                field.push_str(key);
                self.note(&field, Some(value), UNKNOWN, IGNORED);
            }
        }
    }

    /// The entries of a group of settings (`{ }`); anything else is noted.
    fn group<'v>(
        &mut self,
        field: &str,
        v: Option<&'v Value>,
        instead: &str,
    ) -> Option<&'v [(String, Value)]> {
        match v? {
            Value::Map(entries) => Some(entries),
            other => {
                self.note(
                    field,
                    Some(other),
                    "must be a group of settings in { }",
                    instead,
                );
                None
            }
        }
    }

    /// A true/false setting.
    fn flag(&mut self, field: &str, v: Option<&Value>, instead: &str) -> bool {
        match v {
            None | Some(Value::Bool(false)) => false,
            Some(Value::Bool(true)) => true,
            Some(other) => {
                self.note(field, Some(other), "must be true or false", instead);
                false
            }
        }
    }

    /// A whole number within `lo..=hi`.
    fn whole(
        &mut self,
        field: &str,
        v: Option<&Value>,
        lo: u32,
        hi: u32,
        problem: &str,
        instead: &str,
    ) -> Option<u32> {
        match v? {
            Value::Number(n) if n.fract() == 0.0 && *n >= f64::from(lo) && *n <= f64::from(hi) => {
                Some(*n as u32)
            }
            other => {
                self.note(field, Some(other), problem, instead);
                None
            }
        }
    }

    /// A text setting, trimmed, that passes `check` (which gives the problem if it fails).
    fn text(
        &mut self,
        field: &str,
        v: Option<&Value>,
        check: &dyn Fn(&str) -> Option<&'static str>,
        instead: &str,
    ) -> Option<String> {
        let problem = match v? {
            Value::Null => return None,
            Value::Text(s) if s.trim().is_empty() => "is empty",
            Value::Text(s) => match check(s.trim()) {
                None => return Some(s.trim().to_string()),
                Some(p) => p,
            },
            _ => "must be text in quotes",
        };
        self.note(field, v, problem, instead);
        None
    }
}

/// Words a visitor reads: plain text of at most `max` characters.
fn words(s: &str, max: usize) -> Option<&'static str> {
    if s.chars().count() > max {
        Some("is too long")
    } else if s.contains(['<', '>']) || s.chars().any(char::is_control) {
        Some("looks like HTML or script (it has < or > or control characters); settings are plain text")
    } else {
        None
    }
}

/// Checks every setting in a parsed file. Never fails: see the module notes.
pub fn from_value(v: &Value, known: &Known<'_>) -> (Clinic, Vec<Notice>) {
    let mut r = Reader {
        file: FILE,
        notices: Vec::new(),
    };
    let mut c = Clinic::default();
    let Some(top) = r.group("", Some(v), "every setting uses its safe default") else {
        return (c, r.notices);
    };
    r.unknown_keys("", top, KEYS);
    let get = |k: &str| v.get(k);

    c.name = r.text(
        "name",
        get("name"),
        &|s| words(s, 80),
        "visitors read \"the clinic\" instead",
    );
    c.logo = r.text("logo", get("logo"), &logo_problem, "no logo is shown");
    c.booking_url = r.text(
        "booking_url",
        get("booking_url"),
        &https_problem,
        NO_BOOKING,
    );
    if get("booking_url").is_none() {
        r.note("booking_url", None, "is missing", NO_BOOKING);
    }
    c.phone = r.text(
        "phone",
        get("phone"),
        &|s| {
            (!is_phone(s))
                .then_some("is not a phone number (digits, spaces, + - ( ) and ., 5 to 20 digits)")
        },
        "no phone number is shown",
    );
    c.email = r.text(
        "email",
        get("email"),
        &|s| (!is_email(s)).then_some("is not an email address"),
        "no email address is shown",
    );
    if c.phone.is_none() && c.email.is_none() {
        r.note(
            "phone/email",
            None,
            "are both missing: visitors who cannot book yet are told to contact the clinic, and need a way to do it",
            "visitors are told to contact the clinic, with no number or address",
        );
    }
    c.language = r.text(
        "language",
        get("language"),
        &|s| (!known.languages.contains(&s)).then_some("is not a language the widget has"),
        "the first language the widget has is used",
    );
    if let Some(name) = r.text(
        "theme",
        get("theme"),
        &|s| {
            (!Theme::ALL.iter().any(|t| t.name() == s))
                .then_some("is not a theme (clear, warm, contrast)")
        },
        "the \"clear\" theme is used",
    ) {
        c.theme = Theme::ALL
            .into_iter()
            .find(|t| t.name() == name)
            .unwrap_or_default();
    }
    c.colours = read_colours(&mut r, get("colours"), c.theme);
    c.font = r.text(
        "font",
        get("font"),
        &|s| {
            let ok = s.len() <= 120 && s.chars().all(|ch| ch.is_ascii_alphanumeric() || matches!(ch, ' ' | ',' | '-' | '\'' | '"'));
            (!ok).then_some("is not a list of font names (letters, digits, spaces, commas, quotes and hyphens, at most 120)")
        },
        "the device's own font is used",
    );
    c.min_age = match get("min_age") {
        Some(Value::Number(n)) if *n < f64::from(LOWEST_AGE) => {
            r.note(
                "min_age",
                get("min_age"),
                "is below 18, the lowest age any source allows (S-27)",
                "the minimum age is 18",
            );
            LOWEST_AGE
        }
        m => r
            .whole(
                "min_age",
                m,
                LOWEST_AGE,
                120,
                "must be a whole number of years from 18 to 120",
                "the minimum age is 18",
            )
            .unwrap_or(LOWEST_AGE),
    };
    c.concerns = read_ids(
        &mut r,
        "concerns",
        get("concerns"),
        &known.concerns,
        "every concern is offered",
    );
    c.areas = read_ids(
        &mut r,
        "areas",
        get("areas"),
        &known.areas,
        "every area is offered",
    );

    if let Some(embed) = r.group("embed", get("embed"), "no other site may embed the widget") {
        r.unknown_keys(
            "embed.",
            embed,
            &["allowed_origins", "share_health_details"],
        );
        let e = get("embed");
        let field = "embed.allowed_origins";
        match e.and_then(|e| e.get("allowed_origins")) {
            None => {}
            Some(Value::List(items)) => {
                for item in items {
                    let origin = match item {
                        Value::Text(s) => origin_of(s),
                        _ => Err("must be a site address in quotes"),
                    };
                    match origin {
                        Ok(o) => {
                            if !c.allowed_origins.contains(&o) {
                                c.allowed_origins.push(o)
                            }
                        }
                        Err(p) => r.note(field, Some(item), p, "it is left out"),
                    }
                }
            }
            Some(other) => r.note(
                field,
                Some(other),
                "must be a list of site addresses in [ ]",
                "no other site may embed the widget",
            ),
        }
        c.share_health_details = r.flag(
            "embed.share_health_details",
            e.and_then(|e| e.get("share_health_details")),
            "no health detail is shared with the host page",
        );
    }

    if let Some(kiosk) = r.group("kiosk", get("kiosk"), "kiosk mode is off") {
        r.unknown_keys(
            "kiosk.",
            kiosk,
            &["enabled", "idle_seconds", "warning_seconds"],
        );
        let k = get("kiosk");
        let at = |f: &str| k.and_then(|k| k.get(f));
        c.kiosk.enabled = r.flag("kiosk.enabled", at("enabled"), "kiosk mode is off");
        let (lo, hi) = IDLE_SECONDS;
        if let Some(n) = r.whole(
            "kiosk.idle_seconds",
            at("idle_seconds"),
            lo,
            hi,
            "must be a whole number of seconds from 30 to 600",
            "90 seconds",
        ) {
            c.kiosk.idle_seconds = n;
        }
        let (lo, hi) = WARNING_SECONDS;
        if let Some(n) = r.whole(
            "kiosk.warning_seconds",
            at("warning_seconds"),
            lo,
            hi,
            "must be a whole number of seconds from 20 to 120",
            "30 seconds",
        ) {
            c.kiosk.warning_seconds = n;
        }
    }
    (c, r.notices)
}

fn read_colours(r: &mut Reader<'_>, v: Option<&Value>, theme: Theme) -> Option<Colours> {
    let instead = "the theme's own colours are used";
    let group = r.group("colours", v, instead)?;
    r.unknown_keys("colours.", group, &["accent", "on_accent"]);
    let v = v?;
    let hex = |s: &str| (!is_hex_colour(s)).then_some("is not a colour written #rrggbb");
    let accent = r.text("colours.accent", v.get("accent"), &hex, instead);
    let on_accent = r.text("colours.on_accent", v.get("on_accent"), &hex, instead);
    let (Some(accent), Some(on_accent)) = (accent, on_accent) else {
        if v.get("accent").is_none() || v.get("on_accent").is_none() {
            r.note(
                "colours",
                Some(v),
                "needs both accent and on_accent",
                instead,
            );
        }
        return None;
    };
    let (accent, on_accent) = (accent.to_ascii_lowercase(), on_accent.to_ascii_lowercase());
    match colour_problem(&accent, &on_accent, theme) {
        None => Some(Colours { accent, on_accent }),
        Some(p) => {
            r.note("colours", Some(v), &p, instead);
            None
        }
    }
}

/// Why a brand colour pair is unreadable on `theme`, if it is: text on the accent and the
/// accent as link text on the theme's backgrounds must both reach WCAG AA (4.5:1).
pub fn colour_problem(accent: &str, on_accent: &str, theme: Theme) -> Option<String> {
    let on = contrast(accent, on_accent);
    if on < AA_TEXT {
        let mut p = String::from("accent and on_accent contrast is ");
        p.push_str(&fixed2(on));
        p.push_str(":1; text needs at least 4.5:1 (WCAG AA)");
        return Some(p);
    }
    for bg in theme.backgrounds() {
        let ratio = contrast(accent, bg);
        if ratio < AA_TEXT {
            let mut p = String::from("accent on the theme's background ");
            p.push_str(bg);
            p.push_str(" is ");
            p.push_str(&fixed2(ratio));
            p.push_str(":1; links need at least 4.5:1 (WCAG AA)");
            return Some(p);
        }
    }
    None
}

/// A readable brand colour pair close to `accent` for `theme`: the accent itself if it passes
/// [`colour_problem`] with white or black text on it, else the accent darkened step by step
/// (mixed with black) until it passes with white text. `None` if `accent` is not `#rrggbb`.
/// The set-up page offers it beside a colour that is hard to read.
pub fn suggest_colours(accent: &str, theme: Theme) -> Option<(String, String)> {
    if !is_hex_colour(accent) {
        return None;
    }
    let accent = accent.to_ascii_lowercase();
    for on in ["#ffffff", "#000000"] {
        if colour_problem(&accent, on, theme).is_none() {
            return Some((accent, on.into()));
        }
    }
    let channel = |i: usize| u8::from_str_radix(&accent[i..i + 2], 16).unwrap_or(0);
    let (r, g, b) = (channel(1), channel(3), channel(5));
    // Pure black passes on every theme, so the loop always ends with a colour.
    (1..=20u16).find_map(|step| {
        let dark = |c: u8| (u16::from(c) * (20 - step) / 20) as u8;
        let candidate = format!("#{:02x}{:02x}{:02x}", dark(r), dark(g), dark(b));
        colour_problem(&candidate, "#ffffff", theme)
            .is_none()
            .then(|| (candidate, "#ffffff".to_string()))
    })
}

fn read_ids(
    r: &mut Reader<'_>,
    field: &str,
    v: Option<&Value>,
    known: &[&str],
    all: &str,
) -> Vec<String> {
    let mut ids = Vec::new();
    let items = match v {
        None => return ids,
        Some(Value::List(items)) => items,
        Some(other) => {
            r.note(field, Some(other), "must be a list of ids in [ ]", all);
            return ids;
        }
    };
    for item in items {
        match item {
            Value::Text(s) if known.contains(&s.as_str()) => {
                if !ids.contains(s) {
                    ids.push(s.clone());
                }
            }
            _ => r.note(
                field,
                Some(item),
                "is not an id the widget has",
                "it is left out",
            ),
        }
    }
    if ids.is_empty() && !items.is_empty() {
        r.note(field, v, "names none the widget has", all);
    }
    ids
}

impl Clinic {
    /// Applies the overrides the embed snippet or the page address may carry: `lang`, `accent`
    /// (a `#rrggbb` colour; the text on it is white or near-black, whichever reads better) and
    /// `kiosk` (`1`/`0`). Other parameters are not settings and are left alone. A bad value
    /// changes nothing and becomes a notice.
    pub fn apply_overrides<'p>(
        &mut self,
        params: impl IntoIterator<Item = (&'p str, &'p str)>,
        known: &Known<'_>,
    ) -> Vec<Notice> {
        let mut r = Reader {
            file: ADDRESS,
            notices: Vec::new(),
        };
        for (key, value) in params {
            let shown = Value::Text(value.to_string());
            match key {
                // The language asked for is chosen by [`choose_language`]; here it is checked.
                "lang" if !known.languages.contains(&value) => r.note(
                    "lang",
                    Some(&shown),
                    "is not a language the widget has",
                    "the visitor's browser language or the clinic's is used",
                ),
                "accent" => {
                    let instead = "the clinic's colours are used";
                    if !is_hex_colour(value) {
                        r.note(
                            "accent",
                            Some(&shown),
                            "is not a colour written #rrggbb",
                            instead,
                        );
                        continue;
                    }
                    let accent = value.to_ascii_lowercase();
                    let on_accent = if contrast(&accent, "#ffffff") >= contrast(&accent, "#1b1f23")
                    {
                        "#ffffff"
                    } else {
                        "#1b1f23"
                    }
                    .to_string();
                    match colour_problem(&accent, &on_accent, self.theme) {
                        None => self.colours = Some(Colours { accent, on_accent }),
                        Some(p) => r.note("accent", Some(&shown), &p, instead),
                    }
                }
                "kiosk" => match value {
                    "1" | "true" => self.kiosk.enabled = true,
                    "0" | "false" => self.kiosk.enabled = false,
                    _ => r.note(
                        "kiosk",
                        Some(&shown),
                        "is not 1 or 0",
                        "the clinic's kiosk setting is used",
                    ),
                },
                _ => {}
            }
        }
        r.notices
    }

    /// The language to show: the one asked for in the page address or snippet (`asked`), else
    /// the first of the visitor's browser languages the widget has (by its main part: `es-MX`
    /// is `es`), else the clinic's, else the first the widget has.
    pub fn choose_language<'a>(
        &self,
        asked: Option<&str>,
        browser: &[String],
        available: &[&'a str],
    ) -> &'a str {
        let have = |code: &str| {
            available
                .iter()
                .copied()
                .find(|a| a.eq_ignore_ascii_case(code))
        };
        asked
            .and_then(have)
            .or_else(|| {
                browser
                    .iter()
                    .find_map(|b| have(b).or_else(|| have(b.split('-').next().unwrap_or(""))))
            })
            .or_else(|| self.language.as_deref().and_then(have))
            .or_else(|| available.first().copied())
            .unwrap_or("en")
    }

    /// The origin to send host-page events to: `claimed` (what the embed loader says the host
    /// page is) only if it is exactly one of the allowed origins. Messages never go to `*`.
    pub fn message_target(&self, claimed: &str) -> Option<&str> {
        self.allowed_origins
            .iter()
            .find(|o| o.as_str() == claimed)
            .map(String::as_str)
    }

    /// Whether the clinic offers this concern.
    pub fn offers_concern(&self, id: &str) -> bool {
        self.concerns.is_empty() || self.concerns.iter().any(|c| c == id)
    }

    /// Whether the clinic offers this area.
    pub fn offers_area(&self, id: &str) -> bool {
        self.areas.is_empty() || self.areas.iter().any(|c| c == id)
    }

    /// The `frame-ancestors` source list for the Content-Security-Policy: the widget's own
    /// origin and every allowed origin.
    pub fn frame_ancestors(&self) -> String {
        let mut out = String::from("'self'");
        for o in &self.allowed_origins {
            out.push(' ');
            out.push_str(o);
        }
        out
    }
}

fn is_hex_colour(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 7 && b[0] == b'#' && b.iter().skip(1).all(u8::is_ascii_hexdigit)
}

/// Each 8-bit sRGB channel value made linear (WCAG's formula, scaled to 0..=65535): a table,
/// because `powf` would add kilobytes to the widget (a test checks it against the formula).
#[rustfmt::skip]
pub const LINEAR: [u16; 256] = [
    0, 20, 40, 60, 80, 99, 119, 139, 159, 179, 199, 219, 241, 264, 288, 313,
    340, 367, 396, 427, 458, 491, 526, 562, 599, 637, 677, 718, 761, 805, 851, 898,
    947, 997, 1048, 1101, 1156, 1212, 1270, 1330, 1391, 1453, 1517, 1583, 1651, 1720, 1790, 1863,
    1937, 2013, 2090, 2170, 2250, 2333, 2418, 2504, 2592, 2681, 2773, 2866, 2961, 3058, 3157, 3258,
    3360, 3464, 3570, 3678, 3788, 3900, 4014, 4129, 4247, 4366, 4488, 4611, 4736, 4864, 4993, 5124,
    5257, 5392, 5530, 5669, 5810, 5953, 6099, 6246, 6395, 6547, 6700, 6856, 7014, 7174, 7335, 7500,
    7666, 7834, 8004, 8177, 8352, 8528, 8708, 8889, 9072, 9258, 9445, 9635, 9828, 10022, 10219, 10417,
    10619, 10822, 11028, 11235, 11446, 11658, 11873, 12090, 12309, 12530, 12754, 12980, 13209, 13440, 13673, 13909,
    14146, 14387, 14629, 14874, 15122, 15371, 15623, 15878, 16135, 16394, 16656, 16920, 17187, 17456, 17727, 18001,
    18277, 18556, 18837, 19121, 19407, 19696, 19987, 20281, 20577, 20876, 21177, 21481, 21787, 22096, 22407, 22721,
    23038, 23357, 23678, 24002, 24329, 24658, 24990, 25325, 25662, 26001, 26344, 26688, 27036, 27386, 27739, 28094,
    28452, 28813, 29176, 29542, 29911, 30282, 30656, 31033, 31412, 31794, 32179, 32567, 32957, 33350, 33745, 34143,
    34544, 34948, 35355, 35764, 36176, 36591, 37008, 37429, 37852, 38278, 38706, 39138, 39572, 40009, 40449, 40891,
    41337, 41785, 42236, 42690, 43147, 43606, 44069, 44534, 45002, 45473, 45947, 46423, 46903, 47385, 47871, 48359,
    48850, 49344, 49841, 50341, 50844, 51349, 51858, 52369, 52884, 53401, 53921, 54445, 54971, 55500, 56032, 56567,
    57105, 57646, 58190, 58737, 59287, 59840, 60396, 60955, 61517, 62082, 62650, 63221, 63795, 64372, 64952, 65535,
];

/// WCAG relative luminance of `#rrggbb`.
fn luminance(hex: &str) -> f64 {
    let ch = |i: usize| {
        let byte = u8::from_str_radix(hex.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0);
        f64::from(LINEAR[usize::from(byte)]) / 65535.0
    };
    0.2126 * ch(1) + 0.7152 * ch(3) + 0.0722 * ch(5)
}

/// WCAG contrast ratio between two `#rrggbb` colours.
pub fn contrast(a: &str, b: &str) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// A phone number: digits, spaces, `+ - ( ) .`, 5 to 20 digits.
pub fn is_phone(p: &str) -> bool {
    let digits = p.chars().filter(char::is_ascii_digit).count();
    p.chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')' | '.'))
        && (5..=20).contains(&digits)
}

/// An email address: one `@`, a name before it and a site name with a dot after it, in plain
/// letters, digits and `. _ % + -` only (so a `mailto:` link can carry nothing else).
pub fn is_email(e: &str) -> bool {
    let Some((user, host)) = e.split_once('@') else {
        return false;
    };
    let plain = |s: &str, extra: fn(char) -> bool| {
        !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || extra(c))
    };
    e.len() <= 254
        && plain(user, |c| matches!(c, '.' | '_' | '%' | '+' | '-'))
        && plain(host, |c| matches!(c, '.' | '-'))
        && host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
}

/// Why `url` is not a safe https link, if it is not.
pub fn https_problem(url: &str) -> Option<&'static str> {
    let Some(rest) = url.strip_prefix("https://") else {
        return Some("must start with https://");
    };
    if url.len() > 2000 {
        return Some("is longer than 2000 characters");
    }
    if url.chars().any(|c| {
        c.is_whitespace()
            || c.is_control()
            || matches!(
                c,
                '<' | '>' | '"' | '\'' | '`' | '\\' | '{' | '}' | '|' | '^'
            )
    }) {
        return Some("has spaces, quotes or other characters a link cannot hold");
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.contains('@') {
        return Some("has a user name or password in it");
    }
    let name = host.rsplit_once(':').map_or(host, |(h, port)| {
        if port.bytes().all(|b| b.is_ascii_digit()) && !port.is_empty() {
            h
        } else {
            host
        }
    });
    let ok = !name.is_empty()
        && name.contains('.')
        && name
            .split('.')
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    if ok {
        None
    } else {
        Some("has no valid site name after https://")
    }
}

/// The origin `scheme://host[:port]` a site address stands for. https only, except plain http
/// on this computer (`localhost`, `127.0.0.1`) for trying the embed out. One trailing `/` is
/// forgiven; a path is not.
pub fn origin_of(s: &str) -> Result<String, &'static str> {
    let s = s.trim();
    let s = s.strip_suffix('/').unwrap_or(s);
    if s == "*" || s.contains('*') {
        return Err("is a wildcard; list each site that may embed the widget");
    }
    let colon = s
        .find(':')
        .filter(|&i| s.get(i..).is_some_and(|t| t.starts_with("://")))
        .ok_or("is not a site address such as https://www.example-clinic.com")?;
    let (scheme, rest) = (
        s.get(..colon).unwrap_or(""),
        s.get(colon + 3..).unwrap_or(""),
    );
    if rest.contains(['/', '?', '#', '@']) || rest.is_empty() {
        return Err("is not an origin: give only https:// and the site name, with no path");
    }
    let (host, port) = match rest.rsplit_once(':') {
        // The browser leaves a default port out of an origin.
        Some((h, "443")) if scheme == "https" => (h, None),
        Some((h, "80")) if scheme == "http" => (h, None),
        Some((h, p))
            if p.bytes().all(|b| b.is_ascii_digit()) && p.parse::<u16>().is_ok_and(|n| n > 0) =>
        {
            (h, Some(p))
        }
        Some(_) => return Err("has a port that is not a number from 1 to 65535"),
        None => (rest, None),
    };
    let local = host == "localhost" || host == "127.0.0.1";
    match scheme {
        "https" => {}
        "http" if local => {}
        _ => return Err("must start with https:// (plain http only for localhost or 127.0.0.1)"),
    }
    let host_ok = !host.is_empty()
        && host
            .split('.')
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    if !host_ok {
        return Err("has no valid site name");
    }
    let host = host.to_ascii_lowercase();
    Ok(match port {
        Some(p) => format!("{scheme}://{host}:{p}"),
        None => format!("{scheme}://{host}"),
    })
}

/// Why a logo path cannot be used, if it cannot: it must be an image file in the widget's own
/// folder (the security policy allows images from the widget's own site only).
pub fn logo_problem(path: &str) -> Option<&'static str> {
    let safe = !path.is_empty()
        && path.len() <= 200
        && !path.starts_with('/')
        && !path.as_bytes().windows(2).any(|w| w == b".." || w == b"//")
        && path
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'));
    let image = [".svg", ".png", ".webp", ".jpg", ".jpeg"]
        .iter()
        .any(|ext| path.to_ascii_lowercase().ends_with(ext));
    if !safe {
        Some("must be a file in the widget's folder, such as logo.svg (no address, no ../)")
    } else if !image {
        Some("is not an image file (.svg, .png, .webp, .jpg)")
    } else {
        None
    }
}

#[cfg(feature = "json")]
impl From<&serde_json::Value> for Value {
    fn from(v: &serde_json::Value) -> Self {
        use serde_json::Value as J;
        match v {
            J::Null => Value::Null,
            J::Bool(b) => Value::Bool(*b),
            J::Number(n) => Value::Number(n.as_f64().unwrap_or(f64::NAN)),
            J::String(s) => Value::Text(s.clone()),
            J::Array(a) => Value::List(a.iter().map(Value::from).collect()),
            J::Object(o) => {
                Value::Map(o.iter().map(|(k, v)| (k.clone(), Value::from(v))).collect())
            }
        }
    }
}

/// Parses JSON natively (the command-line tool, the tests and the set-up page), as the
/// browser's `JSON.parse` would.
#[cfg(feature = "json")]
pub fn parse_json(text: &str) -> Result<Value, String> {
    serde_json::from_str::<serde_json::Value>(text)
        .map(|v| Value::from(&v))
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_linear_table_follows_the_wcag_formula() {
        for (i, v) in super::LINEAR.iter().enumerate() {
            let c = i as f64 / 255.0;
            let want = if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            };
            assert!((f64::from(*v) / 65535.0 - want).abs() < 1e-5, "{i}");
        }
        assert_eq!(
            super::fixed2(super::contrast("#000000", "#ffffff")),
            "21.00"
        );
    }
}

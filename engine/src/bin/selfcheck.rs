//! `selfcheck`: the content author's tool.
//!
//! ```text
//! selfcheck validate [CONTENT_DIR]
//! selfcheck validate-config CLINIC_JSON [--content DIR]
//! selfcheck evaluate ANSWERS.json --today YYYY-MM-DD [--content DIR] [--locale CODE] [--config CLINIC_JSON]
//! selfcheck shell [INDEX_HTML] [--content DIR] [--locale CODE]
//! selfcheck headers [CLINIC_JSON] [--out DIR]
//! selfcheck locales [--out DIR] [--content DIR]
//! selfcheck shorten-imports WASM GLUE_JS
//! ```
//! `validate` exits 1 and lists every problem (file, id, field, value). `validate-config`
//! checks a clinic's `clinic.json` exactly as the widget does when it loads, prints the
//! settings the widget will use as JSON, and exits 1 with a notice per problem. `evaluate`
//! prints the report the results screen shows (outcome, reasons with who to see, next step,
//! plan, dated timeline, sources) as JSON. `shell` (a Trunk hook) fills the `{{ui.KEY}}`
//! placeholders of the built `index.html` (default: `$TRUNK_STAGING_DIR/index.html`) with one
//! language's text, so the first screen paints before the wasm arrives, and writes the
//! subresource-integrity hashes of the app's JavaScript and WebAssembly into it. `headers` (a
//! Trunk hook too) writes the security headers for common static hosts (`_headers`,
//! `.htaccess`, `nginx-headers.conf`) with `frame-ancestors` from the clinic's allowed origins.
//! `locales` (a Trunk hook too) writes each language's texts as `locales/<code>.bin` (the
//! compact form the widget decodes), so a visitor downloads only their own language.

#[path = "../tools/wasm_imports.rs"]
mod wasm_imports;

use std::path::PathBuf;
use std::process::ExitCode;

use selfcheck_engine::config::{self, Fetched, Known};
use selfcheck_engine::load::load_dir;
use selfcheck_engine::{headers, Clinic, Content, Date, Report, Responses};
use serde_json::{json, Value};

const USAGE: &str = "usage:
  selfcheck validate [CONTENT_DIR]
  selfcheck validate-config CLINIC_JSON [--content DIR]
  selfcheck evaluate ANSWERS.json --today YYYY-MM-DD [--content DIR] [--locale CODE] [--config CLINIC_JSON]
  selfcheck shell [INDEX_HTML] [--content DIR] [--locale CODE]
  selfcheck headers [CLINIC_JSON] [--out DIR]
  selfcheck locales [--out DIR] [--content DIR]
  selfcheck shorten-imports WASM GLUE_JS

CONTENT_DIR defaults to ./content. See the README for the answers format.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("{msg}");
            ExitCode::from(1)
        }
    }
}

fn flag(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn run(args: &[String]) -> Result<(), String> {
    let load = |dir: PathBuf| {
        load_dir(&dir).map_err(|errors| {
            let mut msg = format!("{} problem(s) in {}:\n", errors.len(), dir.display());
            for e in errors {
                msg.push_str(&format!("  - {e}\n"));
            }
            msg
        })
    };
    match args.first().map(String::as_str) {
        Some("validate") => {
            let dir = PathBuf::from(args.get(1).map(String::as_str).unwrap_or("content"));
            let c = load(dir.clone())?;
            println!(
                "{}: content is valid: {} concerns, {} areas, {} questions, {} rules, {} sources, locales: {}",
                dir.display(),
                c.pack.concerns.len(),
                c.pack.areas.len(),
                c.pack.questions.len(),
                c.pack.rules.len(),
                c.pack.sources.len(),
                c.locales.keys().cloned().collect::<Vec<_>>().join(", ")
            );
            Ok(())
        }
        Some("evaluate") => {
            let file = args.get(1).filter(|a| !a.starts_with("--")).ok_or(USAGE)?;
            let today = flag(args, "--today").ok_or("evaluate needs --today YYYY-MM-DD")?;
            let today = Date::parse(&today)
                .map_err(|_| format!("--today {today:?} is not a date written YYYY-MM-DD"))?;
            let content = load(PathBuf::from(
                flag(args, "--content").unwrap_or_else(|| "content".into()),
            ))?;
            let clinic = match flag(args, "--config") {
                Some(f) => read_config(&f, &content)?.0,
                None => Clinic::default(),
            };
            let code = flag(args, "--locale")
                .or_else(|| clinic.language.clone())
                .unwrap_or_else(|| default_locale(&content));
            let locale = content
                .locales
                .get(&code)
                .ok_or_else(|| format!("--locale {code:?}: no such locale"))?;
            let text = std::fs::read_to_string(file)
                .map_err(|e| format!("{file}: cannot be read: {e}"))?;
            let responses =
                read_answers(&text, &content.pack, today).map_err(|e| format!("{file}: {e}"))?;
            // The same report the results screen renders, with each reason's words added.
            let report = Report::new(&content.pack, &responses, clinic.min_age, today);
            let mut out = serde_json::to_value(&report).expect("the report serialises");
            out["may_book"] = json!(report.may_book());
            if let Some(reasons) = out["reasons"].as_array_mut() {
                for v in reasons {
                    let rule = v["rule"].as_str().unwrap_or_default().to_string();
                    if let Some(t) = locale.flags.get(&rule) {
                        v["title"] = json!(t.title);
                        v["reason"] = json!(t.reason);
                        v["action"] = json!(t.action);
                        v["until"] = json!(t.until);
                    }
                }
            }
            println!(
                "{}",
                serde_json::to_string_pretty(&out).expect("output serialises")
            );
            Ok(())
        }
        Some("validate-config") => {
            let file = args.get(1).filter(|a| !a.starts_with("--")).ok_or(USAGE)?;
            let content = load(PathBuf::from(
                flag(args, "--content").unwrap_or_else(|| "content".into()),
            ))?;
            let (clinic, notices) = read_config(file, &content)?;
            println!(
                "{}",
                serde_json::to_string_pretty(&clinic).expect("settings serialise")
            );
            if notices.is_empty() {
                eprintln!("{file}: every setting is valid");
                Ok(())
            } else {
                let mut msg = format!(
                    "{file}: {} problem(s); the widget uses a safe default for each:\n",
                    notices.len()
                );
                for n in notices {
                    msg.push_str(&format!("  - {n}\n"));
                }
                Err(msg)
            }
        }
        Some("shell") => {
            let file = match args.get(1).filter(|a| !a.starts_with("--")) {
                Some(f) => PathBuf::from(f),
                None => staging()?.join("index.html"),
            };
            let content = load(PathBuf::from(
                flag(args, "--content").unwrap_or_else(|| "content".into()),
            ))?;
            let code = flag(args, "--locale").unwrap_or_else(|| default_locale(&content));
            let locale = content
                .locales
                .get(&code)
                .ok_or_else(|| format!("--locale {code:?}: no such locale"))?;
            let text = std::fs::read_to_string(&file)
                .map_err(|e| format!("{}: cannot be read: {e}", file.display()))?;
            let filled = selfcheck_engine::text::fill_shell(&text, locale)
                .map_err(|e| format!("{}: {e}", file.display()))?;
            let dir = file.parent().unwrap_or(std::path::Path::new("."));
            minify_scripts(&filled, dir);
            shorten_imports(&filled, dir);
            let filled =
                add_integrity(&filled, dir).map_err(|e| format!("{}: {e}", file.display()))?;
            std::fs::write(&file, filled)
                .map_err(|e| format!("{}: cannot be written: {e}", file.display()))?;
            Ok(())
        }
        Some("headers") => {
            let (config, out) = match args.get(1).filter(|a| !a.starts_with("--")) {
                Some(f) => (PathBuf::from(f), flag(args, "--out").map(PathBuf::from)),
                None => {
                    let dir = staging()?;
                    (dir.join(config::FILE), Some(dir))
                }
            };
            let out = out.ok_or("headers CLINIC_JSON needs --out DIR")?;
            let content = load(PathBuf::from(
                flag(args, "--content").unwrap_or_else(|| "content".into()),
            ))?;
            let (clinic, notices) = read_config(&config.to_string_lossy(), &content)?;
            for n in &notices {
                eprintln!("warning: {n}");
            }
            for (name, text) in headers::files(&clinic) {
                let path = out.join(name);
                std::fs::write(&path, text)
                    .map_err(|e| format!("{}: cannot be written: {e}", path.display()))?;
            }
            Ok(())
        }
        Some("locales") => {
            let out = match flag(args, "--out") {
                Some(d) => PathBuf::from(d),
                None => staging()?,
            }
            .join("locales");
            let content = load(PathBuf::from(
                flag(args, "--content").unwrap_or_else(|| "content".into()),
            ))?;
            std::fs::create_dir_all(&out)
                .map_err(|e| format!("{}: cannot be created: {e}", out.display()))?;
            // The static welcome in the visitor's language: lang.js (parser-blocking, in the
            // page's head) picks the language as the app will (the address, then the browser's)
            // and swaps the welcome's texts as the parser adds them, before the first paint.
            let keys = [
                "app_title",
                "welcome_heading",
                "welcome_intro",
                "welcome_time",
                "welcome_privacy",
                "welcome_not_diagnosis",
                "start",
                "starting",
                "load_failed",
                "crashed",
                "start_again",
            ];
            let mut texts = serde_json::Map::new();
            let mut dirs = serde_json::Map::new();
            // The page is already in the source language: only the others are needed.
            for (code, locale) in content.locales.iter().filter(|(_, l)| {
                l.translation.status != selfcheck_engine::schema::TranslationStatus::Source
            }) {
                let mut t = serde_json::Map::new();
                for k in keys {
                    if let Some(v) = locale.ui.get(k) {
                        t.insert(k.into(), json!(v));
                    }
                }
                texts.insert(code.clone(), Value::Object(t));
                if locale.dir == selfcheck_engine::schema::Direction::Rtl {
                    dirs.insert(code.clone(), json!("rtl"));
                }
            }
            let all: Vec<&String> = content.locales.keys().collect();
            let script = LANG_JS
                .replace("ALL", &json!(all).to_string())
                .replace("TEXTS", &Value::Object(texts).to_string())
                .replace("DIRS", &Value::Object(dirs).to_string());
            let lang_js = out.parent().unwrap_or(&out).join("lang.js");
            std::fs::write(&lang_js, script)
                .map_err(|e| format!("{}: cannot be written: {e}", lang_js.display()))?;
            if flag(args, "--out").is_none() {
                minify(&lang_js, false);
            }
            for (code, locale) in &content.locales {
                let path = out.join(format!("{code}.bin"));
                let bytes = postcard::to_allocvec(locale).map_err(|e| format!("{code}: {e}"))?;
                std::fs::write(&path, bytes)
                    .map_err(|e| format!("{}: cannot be written: {e}", path.display()))?;
            }
            // The clinic set-up page's lists (setup/page/, served as dist/setup/): the concerns,
            // areas and languages a clinic can offer, in the pack's order, named in the
            // source language.
            let source = content
                .locales
                .values()
                .find(|l| {
                    l.translation.status == selfcheck_engine::schema::TranslationStatus::Source
                })
                .ok_or("no source locale")?;
            let named = |ids: Vec<&str>,
                         labels: &std::collections::BTreeMap<
                String,
                selfcheck_engine::schema::LabelText,
            >| {
                ids.into_iter()
                    .map(|id| json!({ "id": id, "name": labels.get(id).map(|l| l.label.as_str()).unwrap_or(id) }))
                    .collect::<Vec<_>>()
            };
            let known = json!({
                "concerns": named(content.pack.concerns.iter().map(|c| c.id.as_str()).collect(), &source.concerns),
                "areas": named(content.pack.areas.iter().map(|a| a.id.as_str()).collect(), &source.areas),
                "languages": content.locales.values().map(|l| json!({ "id": l.code, "name": l.name })).collect::<Vec<_>>(),
                "source": source.code,
            });
            let setup = out.parent().unwrap_or(&out).join("setup");
            std::fs::create_dir_all(&setup)
                .map_err(|e| format!("{}: cannot be created: {e}", setup.display()))?;
            let known_json = setup.join("known.json");
            std::fs::write(&known_json, known.to_string())
                .map_err(|e| format!("{}: cannot be written: {e}", known_json.display()))?;
            // When run as the build's hook, the precache list comes last, with every file.
            match (flag(args, "--out"), out.parent()) {
                (None, Some(dist)) if dist.join("sw.js").exists() => precache(dist),
                _ => Ok(()),
            }
        }
        // The build's other wasm modules (take-aways): short import names, as `shell` gives
        // the app's.
        Some("shorten-imports") => match (args.get(1), args.get(2)) {
            (Some(wasm), Some(glue)) => shorten_files(&PathBuf::from(wasm), &PathBuf::from(glue)),
            _ => Err(USAGE.into()),
        },
        Some("precache") => {
            let dir = match args.get(1).filter(|a| !a.starts_with("--")) {
                Some(d) => PathBuf::from(d),
                None => staging()?,
            };
            precache(&dir)
        }
        _ => Err(USAGE.into()),
    }
}

/// Reads the answers JSON (`{"version": 1, "concerns": [...], "areas": [...], "answers": {...},
/// "first_session": "YYYY-MM-DD"}`) and checks every id and answer against the pack, as the
/// widget does (numbers within bounds, dates within the question's window up to `today`).
fn read_answers(
    text: &str,
    pack: &selfcheck_engine::Pack,
    today: Date,
) -> Result<Responses, String> {
    let mut v: Value = serde_json::from_str(text).map_err(|e| format!("not valid JSON: {e}"))?;
    match v.as_object_mut().and_then(|o| o.remove("version")) {
        Some(Value::Number(n)) if n.as_u64() == Some(1) => {}
        Some(other) => return Err(format!("\"version\" is {other}; this tool reads version 1")),
        None => return Err("\"version\": 1 is missing".into()),
    }
    let r: Responses = serde_json::from_value(v).map_err(|e| format!("answers: {e}"))?;
    // The compact form checks ids and answers against the pack: reuse it.
    Responses::decode(&r.encode(), pack, today).map_err(|e| format!("answers: {e}"))
}

/// `lang.js`, with `ALL` (every language), `TEXTS` (the welcome's texts in each language but
/// the source) and `DIRS` filled in by `selfcheck locales`.
const LANG_JS: &str = r#"// Written by `selfcheck locales`. Runs in the page's head, before the body is parsed: picks the
// language as the app does (the address's lang, then the browser's languages; else the page's),
// sets the page's lang and direction, and puts the welcome's texts in that language as the
// parser adds them ([data-ui] elements), so the static welcome paints in it.
(function () {
  var T = TEXTS, D = DIRS, A = ALL, r = document.documentElement;
  var want = [new URLSearchParams(location.search).get("lang") || ""].concat(navigator.languages || []);
  var lang = r.lang;
  for (var i = 0; i < want.length; i++) {
    var c = String(want[i]).toLowerCase();
    if (A.indexOf(c) < 0) c = c.split("-")[0];
    if (A.indexOf(c) >= 0) { lang = c; break; }
  }
  if (lang === r.lang || !T[lang]) return;
  var t = T[lang];
  r.lang = lang;
  r.dir = D[lang] || "ltr";
  document.title = t.app_title;
  function put(e) {
    var k = e.getAttribute("data-ui");
    if (k && t[k]) e.textContent = t[k];
    if (e.hasAttribute("data-busy") && t.starting) e.setAttribute("data-busy", t.starting);
  }
  var seen = new MutationObserver(function (list) {
    list.forEach(function (m) {
      m.addedNodes.forEach(function (n) {
        if (n.nodeType !== 1) return;
        if (n.hasAttribute("data-ui")) put(n);
        n.querySelectorAll("[data-ui]").forEach(put);
      });
    });
  });
  seen.observe(r, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", function () { seen.disconnect(); });
})();
"#;

/// Fills `sw.js` in `dir`: every file a visitor may need (not the host configuration files, not
/// the worker itself), and a cache name stamped with their contents, so a new build is a new
/// cache and an unchanged one is not.
fn precache(dir: &std::path::Path) -> Result<(), String> {
    fn walk(
        dir: &std::path::Path,
        base: &std::path::Path,
        out: &mut Vec<String>,
    ) -> Result<(), String> {
        let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, base, out)?;
            } else if let Ok(rel) = path.strip_prefix(base) {
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
        Ok(())
    }
    let mut files = Vec::new();
    walk(dir, dir, &mut files)?;
    files.retain(|f| {
        // The set-up page is for clinic staff: the worker caches it when they open it.
        !f.starts_with("setup/")
            && !matches!(
                f.as_str(),
                "sw.js" | "_headers" | ".htaccess" | "nginx-headers.conf"
            )
    });
    files.sort();
    let mut stamp = Vec::new();
    for f in &files {
        stamp.extend_from_slice(f.as_bytes());
        stamp.extend(std::fs::read(dir.join(f)).map_err(|e| format!("{f}: {e}"))?);
    }
    let hash = headers::sri(&stamp);
    let name: String = hash
        .trim_start_matches("sha384-")
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(16)
        .collect();
    let mut list: Vec<String> = vec!["./".into()];
    list.extend(files.iter().map(|f| format!("./{f}")));
    let sw = dir.join("sw.js");
    let text = std::fs::read_to_string(&sw).map_err(|e| format!("{}: {e}", sw.display()))?;
    if !text.contains("CACHE_NAME") || !text.contains("FILE_LIST") {
        return Err(format!(
            "{}: has no CACHE_NAME or FILE_LIST to fill",
            sw.display()
        ));
    }
    let text = text
        .replace("CACHE_NAME", &format!("selfcheck-{name}"))
        .replace("FILE_LIST", &json!(list).to_string());
    std::fs::write(&sw, text).map_err(|e| format!("{}: {e}", sw.display()))?;
    minify(&sw, false);
    Ok(())
}

/// The folder Trunk is building into, when run as a hook.
fn staging() -> Result<PathBuf, String> {
    std::env::var("TRUNK_STAGING_DIR")
        .map(PathBuf::from)
        .map_err(|_| "give a file, or run as a Trunk hook ($TRUNK_STAGING_DIR)".to_string())
}

/// The language the static shell and the tool use when none is asked for: English if the
/// content has it, else the first.
fn default_locale(content: &Content) -> String {
    if content.locales.contains_key("en") {
        "en".into()
    } else {
        content.locales.keys().next().cloned().unwrap_or_default()
    }
}

/// Reads a clinic's settings file as the widget does (a missing file is a notice, not an error).
fn read_config(file: &str, content: &Content) -> Result<(Clinic, Vec<config::Notice>), String> {
    let known = Known::new(
        &content.pack,
        content.locales.keys().map(String::as_str).collect(),
    );
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(config::read(
                Fetched::Status(404),
                config::parse_json,
                &known,
            ))
        }
        Err(e) => return Err(format!("{file}: cannot be read: {e}")),
    };
    let text = String::from_utf8_lossy(&bytes);
    Ok(config::read(
        Fetched::Text(&text),
        config::parse_json,
        &known,
    ))
}

/// Minifies the scripts of the build before their integrity hashes are taken: the app's
/// JavaScript (wasm-bindgen's glue, which Trunk leaves as written: 45 KB, 7 KB brotli), the
/// boot script and the embed loader (their commented sources stay in `static/`).
fn minify_scripts(html: &str, dir: &std::path::Path) {
    match attribute(html, "data-js") {
        Some(glue) => minify(&dir.join(glue.trim_start_matches("./")), true),
        None => eprintln!(
            "warning: no data-js on the boot script: the app's JavaScript is not minified"
        ),
    }
    minify(&dir.join("boot.js"), false);
    minify(&dir.join("embed.js"), false);
}

/// Gives the app's imports from its JavaScript glue short names, in the wasm and the glue
/// alike (`tools/wasm_imports.rs`). Without the files it warns and leaves them as they are.
fn shorten_imports(html: &str, dir: &std::path::Path) {
    let (Some(glue), Some(wasm)) = (attribute(html, "data-js"), attribute(html, "data-wasm"))
    else {
        eprintln!("warning: no data-js or data-wasm on the boot script: import names kept");
        return;
    };
    let glue = dir.join(glue.trim_start_matches("./"));
    let wasm = dir.join(wasm.trim_start_matches("./"));
    if let Err(e) = shorten_files(&wasm, &glue) {
        eprintln!("warning: {e}: import names kept");
    }
}

/// Shortens the import names of `wasm` and its JavaScript `glue`, in place.
fn shorten_files(wasm: &std::path::Path, glue: &std::path::Path) -> Result<(), String> {
    let js = std::fs::read_to_string(glue).map_err(|e| format!("{}: {e}", glue.display()))?;
    let bytes = std::fs::read(wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
    let (bytes, js, _) = wasm_imports::shorten(&bytes, &js)
        .ok_or_else(|| format!("{} cannot be read as wasm", wasm.display()))?;
    std::fs::write(wasm, bytes).map_err(|e| format!("{}: {e}", wasm.display()))?;
    std::fs::write(glue, js).map_err(|e| format!("{}: {e}", glue.display()))
}

/// Minifies one script in place with esbuild from `node_modules` (installed by
/// `scripts/setup.sh`; the same tool everywhere, so sizes are the same on every machine).
/// Without it the build goes on unminified, with a warning (the size check in the tests then
/// fails).
fn minify(file: &std::path::Path, module: bool) {
    let root = std::env::var_os("TRUNK_SOURCE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("."));
    let esbuild = root.join("node_modules/.bin/esbuild");
    let status = std::process::Command::new(&esbuild)
        .arg(file)
        .args([
            "--minify",
            "--charset=utf8",
            "--log-level=warning",
            "--allow-overwrite",
        ])
        .args(module.then_some("--format=esm"))
        .arg(format!("--outfile={}", file.display()))
        .status();
    match status {
        Ok(s) if s.success() => {}
        Ok(s) => eprintln!(
            "warning: esbuild failed on {} ({s}): not minified",
            file.display()
        ),
        Err(e) => eprintln!(
            "warning: {}: {e} (run scripts/setup.sh): {} is not minified",
            esbuild.display(),
            file.display()
        ),
    }
}

/// Subresource integrity, written at build time: `integrity` on the boot script, and
/// `data-js-integrity` and `data-wasm-integrity` for the app's JavaScript and WebAssembly, which
/// the boot script fetches with those hashes (the JavaScript through a `modulepreload` link with
/// `integrity`, so its `import()` uses the checked copy). Reads the files from `dir`.
fn add_integrity(html: &str, dir: &std::path::Path) -> Result<String, String> {
    let start = html
        .find("<script ")
        .filter(|i| {
            html[*i..]
                .split('>')
                .next()
                .is_some_and(|t| t.contains("data-wasm="))
        })
        .ok_or("no boot script tag with data-wasm")?;
    let tag_end = start
        + html[start..]
            .find('>')
            .ok_or("the boot script tag is not closed")?;
    let tag = &html[start..tag_end];
    if tag.contains("integrity") {
        return Err("the boot script already has integrity attributes".into());
    }
    let hash_of = |attr: &str| -> Result<(String, String), String> {
        let name = attribute(tag, attr)
            .ok_or_else(|| format!("no {attr} attribute on the boot script"))?;
        let file = dir.join(name.trim_start_matches("./").trim_start_matches('/'));
        let bytes =
            std::fs::read(&file).map_err(|e| format!("{}: cannot be read: {e}", file.display()))?;
        Ok((name.to_string(), headers::sri(&bytes)))
    };
    let (_, js_hash) = hash_of("data-js")?;
    let (_, wasm_hash) = hash_of("data-wasm")?;
    let (_, boot_hash) = hash_of("src")?;
    let new_tag = format!(
        "{tag} integrity=\"{boot_hash}\" data-js-integrity=\"{js_hash}\" data-wasm-integrity=\"{wasm_hash}\""
    );
    Ok(format!("{}{new_tag}{}", &html[..start], &html[tag_end..]))
}

/// The value of the first `name=` attribute (quoted or not).
fn attribute<'a>(html: &'a str, name: &str) -> Option<&'a str> {
    let at = html.find(&format!(" {name}="))? + name.len() + 2;
    let rest = &html[at..];
    match rest.chars().next()? {
        q @ ('"' | '\'') => rest[1..].split(q).next(),
        _ => rest.split([' ', '>']).next(),
    }
}

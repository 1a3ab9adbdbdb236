//! `selfcheck`: the content author's tool.
//!
//! ```text
//! selfcheck validate [CONTENT_DIR]
//! selfcheck evaluate ANSWERS.json --today YYYY-MM-DD [--content DIR] [--locale CODE]
//! ```
//! `validate` exits 1 and lists every problem (file, id, field, value). `evaluate` prints the
//! report the results screen shows (outcome, reasons with who to see, next step, plan, dated
//! timeline, sources) as JSON. `shell` fills the `{{ui.KEY}}` placeholders of the
//! built `index.html` (default: `$TRUNK_STAGING_DIR/index.html`; Trunk runs it as a hook) with
//! the clinic's default-language text, so the first screen paints before the wasm arrives.

use std::path::PathBuf;
use std::process::ExitCode;

use selfcheck_engine::load::load_dir;
use selfcheck_engine::{Date, Report, Responses};
use serde_json::{json, Value};

const USAGE: &str = "usage:
  selfcheck validate [CONTENT_DIR]
  selfcheck evaluate ANSWERS.json --today YYYY-MM-DD [--content DIR] [--locale CODE]
  selfcheck shell [INDEX_HTML] [--content DIR]

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
            let code = flag(args, "--locale").unwrap_or_else(|| content.clinic.locale.clone());
            let locale = content
                .locales
                .get(&code)
                .ok_or_else(|| format!("--locale {code:?}: no such locale"))?;
            let text = std::fs::read_to_string(file)
                .map_err(|e| format!("{file}: cannot be read: {e}"))?;
            let responses =
                read_answers(&text, &content.pack, today).map_err(|e| format!("{file}: {e}"))?;
            // The same report the results screen renders, with each reason's words added.
            let report = Report::new(&content.pack, &responses, content.clinic.min_age, today);
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
        Some("shell") => {
            let file = match args.get(1).filter(|a| !a.starts_with("--")) {
                Some(f) => PathBuf::from(f),
                None => PathBuf::from(
                    std::env::var("TRUNK_STAGING_DIR")
                        .map_err(|_| "shell needs INDEX_HTML or $TRUNK_STAGING_DIR")?,
                )
                .join("index.html"),
            };
            let content = load(PathBuf::from(
                flag(args, "--content").unwrap_or_else(|| "content".into()),
            ))?;
            let locale = &content.locales[&content.clinic.locale];
            let text = std::fs::read_to_string(&file)
                .map_err(|e| format!("{}: cannot be read: {e}", file.display()))?;
            let filled = selfcheck_engine::text::fill_shell(&text, locale, &content.clinic)
                .map_err(|e| format!("{}: {e}", file.display()))?;
            std::fs::write(&file, filled)
                .map_err(|e| format!("{}: cannot be written: {e}", file.display()))?;
            Ok(())
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

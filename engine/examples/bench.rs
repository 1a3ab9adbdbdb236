//! Native engine timings (a benchmark, not a test): the full results report (outcome, reasons,
//! next step, plan and sources: what the results screen and the CLI build) and
//! the next-question step, over realistic answer sets. Prints median and worst per call.
//!
//!   cargo run --release -p selfcheck-engine --example bench

use std::path::Path;
use std::time::Instant;

use selfcheck_engine::load::load_dir;
use selfcheck_engine::{Action, Answer, Date, Journey, Report, Responses, Step};

fn time<F: FnMut()>(iterations: usize, mut f: F) -> (f64, f64) {
    // Batches of 100 calls, so the clock's resolution does not dominate.
    let mut per_call: Vec<f64> = Vec::with_capacity(iterations / 100);
    for _ in 0..iterations / 100 {
        let t = Instant::now();
        for _ in 0..100 {
            f();
        }
        per_call.push(t.elapsed().as_nanos() as f64 / 100.0);
    }
    per_call.sort_by(f64::total_cmp);
    (per_call[per_call.len() / 2], per_call[per_call.len() - 1])
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    let t = Instant::now();
    let content = load_dir(&dir).expect("content is valid");
    let load_ms = t.elapsed().as_secs_f64() * 1e3;
    let pack = &content.pack;
    let today = Date::parse("2026-11-21").unwrap();

    let mut r = Responses {
        concerns: ["acne_scars", "fine_lines"]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        areas: ["cheeks", "forehead", "neck"]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        ..Default::default()
    };
    for q in &pack.questions {
        r.answers.insert(q.id.clone(), Answer::No);
    }
    r.answers.insert("age".into(), Answer::Number(30));
    r.answers.insert("isotretinoin_past".into(), Answer::Yes);
    r.answers.insert(
        "isotretinoin_stopped".into(),
        Answer::Date(Date::parse("2026-07-21").unwrap()),
    );
    r.answers.insert("dark_marks".into(), Answer::Unsure);

    let n = 200_000;
    let (eval_med, eval_max) = time(n, || {
        std::hint::black_box(Report::new(pack, &r, 18, today));
    });
    let mut j = Journey::restore(
        pack,
        r.clone(),
        Some(Step::Question("diabetes".into())),
        18,
        today,
    );
    let (next_med, next_max) = time(n, || {
        let mut k = j.clone();
        k.apply(pack, Action::Answer(Answer::No), 18, today);
        std::hint::black_box(k.progress(pack, 18, today));
    });
    j.apply(pack, Action::Answer(Answer::No), 18, today);

    println!("native engine (release build, {n} calls each, batches of 100):");
    println!("  load and validate content/ from TOML      {load_ms:10.2} ms (once, at build time in the widget)");
    println!(
        "  full report (outcome, plan, sources)       {:10.2} us median {:10.2} us worst batch",
        eval_med / 1e3,
        eval_max / 1e3
    );
    println!(
        "  next-question step (answer + progress)     {:10.2} us median {:10.2} us worst batch",
        next_med / 1e3,
        next_max / 1e3
    );
}

//! The safety case stays true: every hazard in `docs/safety/hazard-log.md` names at least one
//! automated test, and every test it names still exists (a renamed or deleted test fails here).
//! Rust tests are named `file::function`, end-to-end tests `file: title`.

use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every `file::name` or `file: title` in backticks on a line.
fn references(line: &str) -> Vec<(String, String)> {
    line.split('`')
        .skip(1)
        .step_by(2)
        .filter_map(|r| {
            let (file, name) = r
                .split_once("::")
                .filter(|(f, _)| f.ends_with(".rs"))
                .or_else(|| r.split_once(": ").filter(|(f, _)| f.ends_with(".mjs")))?;
            Some((file.to_string(), name.to_string()))
        })
        .collect()
}

#[test]
fn every_hazard_names_tests_that_exist() {
    let log = std::fs::read_to_string(root().join("docs/safety/hazard-log.md")).unwrap();
    let mut hazards = 0;
    for section in log.split("\n### ").skip(1) {
        hazards += 1;
        let title = section.lines().next().unwrap_or_default();
        let tests = section
            .split("- Tests:")
            .nth(1)
            .and_then(|t| t.split("- Residual risk:").next())
            .unwrap_or_else(|| panic!("hazard {title:?} has no Tests line"));
        let refs: Vec<_> = tests.lines().flat_map(references).collect();
        assert!(!refs.is_empty(), "hazard {title:?} names no test");
        for (file, name) in refs {
            let text = std::fs::read_to_string(root().join(&file))
                .unwrap_or_else(|e| panic!("hazard {title:?}: {file}: {e}"));
            let found = if file.ends_with(".rs") {
                text.contains(&format!("fn {name}("))
            } else {
                text.contains(&name)
            };
            assert!(found, "hazard {title:?}: no test {name:?} in {file}");
        }
    }
    assert!(
        hazards >= 19,
        "the log should hold every hazard (found {hazards})"
    );
}

#[test]
fn a_missing_test_is_caught() {
    assert_eq!(
        references(
            "- Tests: `engine/tests/x.rs::a_b`, `tests/e2e/y.spec.mjs: a title: with colon`"
        ),
        vec![
            ("engine/tests/x.rs".to_string(), "a_b".to_string()),
            (
                "tests/e2e/y.spec.mjs".to_string(),
                "a title: with colon".to_string()
            )
        ]
    );
}

//! Reads a content folder (`content/`) of TOML files into [`Content`], naming the file in
//! every error. Native only: the browser gets the pack pre-compiled.

use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

use crate::schema::{Area, Concern, Locale, Meta, Pack, PlanContent, Question, Rule, Source};
use crate::validate::{validate, Content, ContentError};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcesFile {
    source: Vec<Source>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConcernsFile {
    concern: Vec<Concern>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AreasFile {
    area: Vec<Area>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionsFile {
    question: Vec<Question>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    rule: Vec<Rule>,
}

fn file_error(file: &str, message: String) -> ContentError {
    ContentError {
        file: file.into(),
        id: String::new(),
        field: String::new(),
        message,
    }
}

/// Parses one TOML text; the error names the file and carries the parser's line and column.
pub fn parse<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, ContentError> {
    toml::from_str(text).map_err(|e| file_error(file, e.to_string().trim_end().to_string()))
}

fn read<T: DeserializeOwned>(dir: &Path, file: &str, errors: &mut Vec<ContentError>) -> Option<T> {
    match std::fs::read_to_string(dir.join(file)) {
        Ok(text) => parse(file, &text).map_err(|e| errors.push(e)).ok(),
        Err(e) => {
            errors.push(file_error(file, format!("cannot be read: {e}")));
            None
        }
    }
}

/// Reads every file, then validates. Returns all problems at once, not only the first.
pub fn load_dir(dir: &Path) -> Result<Content, Vec<ContentError>> {
    let mut errors = Vec::new();
    let meta: Option<Meta> = read(dir, "pack.toml", &mut errors);
    let sources: Option<SourcesFile> = read(dir, "sources.toml", &mut errors);
    let concerns: Option<ConcernsFile> = read(dir, "concerns.toml", &mut errors);
    let areas: Option<AreasFile> = read(dir, "areas.toml", &mut errors);
    let questions: Option<QuestionsFile> = read(dir, "questions.toml", &mut errors);
    let rules: Option<RulesFile> = read(dir, "rules.toml", &mut errors);
    let plan: Option<PlanContent> = read(dir, "plan.toml", &mut errors);

    let mut locales = BTreeMap::new();
    match std::fs::read_dir(dir.join("locales")) {
        Ok(entries) => {
            let mut names: Vec<String> = entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".toml"))
                .collect();
            names.sort();
            for name in names {
                let file = format!("locales/{name}");
                if let Some(loc) = read::<Locale>(dir, &file, &mut errors) {
                    locales.insert(name.trim_end_matches(".toml").to_string(), loc);
                }
            }
        }
        Err(e) => errors.push(file_error("locales/", format!("cannot be read: {e}"))),
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let (
        Some(meta),
        Some(sources),
        Some(concerns),
        Some(areas),
        Some(questions),
        Some(rules),
        Some(plan),
    ) = (meta, sources, concerns, areas, questions, rules, plan)
    else {
        return Err(errors);
    };
    let content = Content {
        pack: Pack {
            meta,
            sources: sources.source,
            concerns: concerns.concern,
            areas: areas.area,
            questions: questions.question,
            rules: rules.rule,
            plan,
        },
        locales,
    };
    let problems = validate(&content);
    if problems.is_empty() {
        Ok(content)
    } else {
        Err(problems)
    }
}

//! Checks a content pack after parsing: ids, references, sources, reachability, and texts (the clinic's own
//! settings are read at run time: [`crate::config`]). Every problem names the file, the id and the field.

use std::collections::{BTreeMap, BTreeSet};

use crate::schema::{Cond, Id, Level, Locale, Pack, QuestionKind, Range, UI_KEYS};

/// One problem in the content, for the staff who edit it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentError {
    /// The file, relative to the content folder (`rules.toml`).
    pub file: String,
    /// The item's id, or empty for the whole file.
    pub id: String,
    /// The field (`sources`, `when`, `min_age`).
    pub field: String,
    /// What is wrong, with the offending value.
    pub message: String,
}

impl core::fmt::Display for ContentError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "content/{}", self.file)?;
        if !self.id.is_empty() {
            write!(f, ": {:?}", self.id)?;
        }
        if !self.field.is_empty() {
            write!(f, ", field `{}`", self.field)?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Everything loaded from a content folder.
#[derive(Clone, Debug, PartialEq)]
pub struct Content {
    /// The language-neutral pack.
    pub pack: Pack,
    /// Every locale, by code.
    pub locales: BTreeMap<String, Locale>,
}

struct Check<'a> {
    pack: &'a Pack,
    errors: Vec<ContentError>,
    offered_concerns: BTreeSet<&'a str>,
    offered_areas: BTreeSet<&'a str>,
}

impl Check<'_> {
    fn err(&mut self, file: &str, id: &str, field: &str, message: impl Into<String>) {
        self.errors.push(ContentError {
            file: file.into(),
            id: id.into(),
            field: field.into(),
            message: message.into(),
        });
    }

    fn sources(&mut self, file: &str, id: &str, sources: &[Id]) {
        if sources.is_empty() {
            self.err(
                file,
                id,
                "sources",
                "cites no source; every rule, figure and reason needs one",
            );
        }
        for s in sources {
            if !self.pack.sources.iter().any(|x| &x.id == s) {
                self.err(
                    file,
                    id,
                    "sources",
                    format!("cites {s:?}, which is not in sources.toml"),
                );
            }
        }
    }

    fn range(&mut self, file: &str, id: &str, field: &str, r: Range) {
        if r.min > r.max {
            self.err(
                file,
                id,
                field,
                format!("min {} is above max {}", r.min, r.max),
            );
        }
    }

    fn question_kind(&self, id: &str) -> Option<(usize, QuestionKind)> {
        self.pack
            .questions
            .iter()
            .position(|q| q.id == id)
            .map(|i| (i, self.pack.questions[i].kind))
    }

    /// Checks references in a condition. `before` limits question references to questions
    /// asked earlier (for `show_if`).
    fn cond(&mut self, file: &str, id: &str, field: &str, c: &Cond, before: Option<usize>) {
        let question_ref =
            |this: &mut Self, q: &str, want: QuestionKind| match this.question_kind(q) {
                None => this.err(
                    file,
                    id,
                    field,
                    format!("refers to question {q:?}, which does not exist"),
                ),
                Some((i, kind)) => {
                    if kind != want {
                        this.err(
                            file,
                            id,
                            field,
                            format!("tests question {q:?} as {want:?}, but it is {kind:?}"),
                        );
                    }
                    if before.is_some_and(|b| i >= b) {
                        this.err(
                            file,
                            id,
                            field,
                            format!("refers to question {q:?}, which is not asked before this one"),
                        );
                    }
                }
            };
        match c {
            Cond::All(cs) | Cond::Any(cs) => {
                if cs.is_empty() {
                    self.err(file, id, field, "an empty all/any list");
                }
                for c in cs {
                    self.cond(file, id, field, c, before);
                }
            }
            Cond::Concern(ids) => {
                for x in ids {
                    if !self.pack.concerns.iter().any(|c| &c.id == x) {
                        self.err(
                            file,
                            id,
                            field,
                            format!("refers to concern {x:?}, which does not exist"),
                        );
                    }
                }
            }
            Cond::Area(ids) => {
                for x in ids {
                    if !self.pack.areas.iter().any(|a| &a.id == x) {
                        self.err(
                            file,
                            id,
                            field,
                            format!("refers to area {x:?}, which does not exist"),
                        );
                    }
                }
            }
            Cond::AreaGroup(_) => {}
            Cond::Yes(q) | Cond::No(q) => question_ref(self, q, QuestionKind::YesNo),
            Cond::Below { question, .. } | Cond::BelowMinAge(question) => {
                question_ref(self, question, QuestionKind::Number)
            }
            Cond::Within { question, .. } => question_ref(self, question, QuestionKind::PastDate),
        }
    }

    /// Whether a condition can hold for some choices and answers (given every concern and
    /// area, and which questions can be shown).
    fn can_hold(&self, c: &Cond, showable: &[bool]) -> bool {
        dnf(c).iter().any(|conj| self.conj_ok(conj, showable))
    }

    fn conj_ok(&self, conj: &[&Cond], showable: &[bool]) -> bool {
        let mut yes = BTreeSet::new();
        let mut no = BTreeSet::new();
        for lit in conj {
            let ok =
                match lit {
                    Cond::Concern(ids) => ids
                        .iter()
                        .any(|x| self.offered_concerns.contains(x.as_str())),
                    Cond::Area(ids) => ids.iter().any(|x| self.offered_areas.contains(x.as_str())),
                    Cond::AreaGroup(gs) => self.pack.areas.iter().any(|a| {
                        gs.contains(&a.group) && self.offered_areas.contains(a.id.as_str())
                    }),
                    Cond::Yes(q) => {
                        yes.insert(q.as_str());
                        self.showable(q, showable)
                    }
                    Cond::No(q) => {
                        no.insert(q.as_str());
                        self.showable(q, showable)
                    }
                    Cond::Below { question, .. }
                    | Cond::BelowMinAge(question)
                    | Cond::Within { question, .. } => self.showable(question, showable),
                    Cond::All(_) | Cond::Any(_) => true,
                };
            if !ok {
                return false;
            }
        }
        yes.is_disjoint(&no)
    }

    fn showable(&self, q: &str, showable: &[bool]) -> bool {
        self.question_kind(q).is_some_and(|(i, _)| showable[i])
    }
}

/// Disjunctive normal form: a list of conjunctions of leaf conditions.
fn dnf(c: &Cond) -> Vec<Vec<&Cond>> {
    match c {
        Cond::Any(cs) => cs.iter().flat_map(dnf).collect(),
        Cond::All(cs) => cs.iter().fold(vec![vec![]], |acc, c| {
            let mut out = Vec::new();
            for a in &acc {
                for b in dnf(c) {
                    let mut v = a.clone();
                    v.extend(b);
                    out.push(v);
                }
            }
            out
        }),
        leaf => vec![vec![leaf]],
    }
}

/// The question ids a condition tests.
fn questions_in(c: &Cond) -> Vec<&str> {
    match c {
        Cond::All(cs) | Cond::Any(cs) => cs.iter().flat_map(questions_in).collect(),
        Cond::Yes(q) | Cond::No(q) | Cond::BelowMinAge(q) => vec![q.as_str()],
        Cond::Below { question, .. } | Cond::Within { question, .. } => vec![question.as_str()],
        Cond::Concern(_) | Cond::Area(_) | Cond::AreaGroup(_) => vec![],
    }
}

fn duplicates<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut seen = BTreeSet::new();
    ids.filter(|id| !seen.insert(*id)).collect()
}

/// Checks the whole content; an empty list means it is sound.
pub fn validate(content: &Content) -> Vec<ContentError> {
    let pack = &content.pack;
    let all_concerns: BTreeSet<&str> = pack.concerns.iter().map(|c| c.id.as_str()).collect();
    let all_areas: BTreeSet<&str> = pack.areas.iter().map(|a| a.id.as_str()).collect();
    let mut ck = Check {
        pack,
        errors: Vec::new(),
        offered_concerns: all_concerns.clone(),
        offered_areas: all_areas.clone(),
    };

    // Unique ids within each file (plan items share one namespace across their lists), and ids
    // that travel safely in answer codes and history keys: a-z, 0-9 and `_`. Source ids
    // (`S-12`, `SP-IFU`) only need to be unique.
    let plan = &pack.plan;
    let item_ids: Vec<&str> = plan
        .prep
        .iter()
        .map(|p| p.id.as_str())
        .chain(plan.aftercare.iter().map(|p| p.id.as_str()))
        .chain(plan.red_flags.iter().map(|p| p.id.as_str()))
        .chain(plan.notes.iter().map(|p| p.id.as_str()))
        .collect();
    let id_lists: [(&str, Vec<&str>, bool); 6] = [
        (
            "sources.toml",
            pack.sources.iter().map(|x| x.id.as_str()).collect(),
            false,
        ),
        (
            "concerns.toml",
            pack.concerns.iter().map(|x| x.id.as_str()).collect(),
            true,
        ),
        (
            "areas.toml",
            pack.areas.iter().map(|x| x.id.as_str()).collect(),
            true,
        ),
        (
            "questions.toml",
            pack.questions.iter().map(|x| x.id.as_str()).collect(),
            true,
        ),
        (
            "rules.toml",
            pack.rules.iter().map(|x| x.id.as_str()).collect(),
            true,
        ),
        ("plan.toml", item_ids.clone(), true),
    ];
    for (file, ids, plain) in id_lists {
        for d in duplicates(ids.iter().copied()) {
            ck.err(file, d, "id", "this id is used twice in this file");
        }
        for id in ids.into_iter().filter(|_| plain) {
            let ok = id.starts_with(|c: char| c.is_ascii_lowercase())
                && id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
            if !ok {
                ck.err(
                    file,
                    id,
                    "id",
                    "ids use only a-z, 0-9 and _, starting with a letter",
                );
            }
        }
    }

    // Sources and figures.
    for s in &pack.sources {
        for (field, text) in [("title", &s.title), ("publisher", &s.publisher)] {
            if text.trim().is_empty() {
                ck.err("sources.toml", &s.id, field, "is empty");
            }
            // Visitors read these: no internal names of the project's own files, and no bare
            // source key standing in for a title (S-20, CLIN-C).
            let lower = text.to_lowercase();
            let bare_key = pack.sources.iter().any(|x| text.trim() == x.id)
                || text
                    .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                    .any(|w| {
                        w.len() > 2
                            && w.starts_with("S-")
                            && w[2..].bytes().all(|b| b.is_ascii_digit())
                    });
            if lower.contains("seed") || lower.contains("fact s-") || bare_key {
                ck.err(
                    "sources.toml",
                    &s.id,
                    field,
                    format!("{text:?} names an internal file or fact; give the real title and publisher"),
                );
            }
        }
        if let Some(url) = &s.url {
            if !url.starts_with("https://") || url.contains(char::is_whitespace) {
                ck.err(
                    "sources.toml",
                    &s.id,
                    "url",
                    format!("{url:?} must be an https:// address"),
                );
            }
        }
    }
    // Stored answers and hand-over codes carry the version between `~` marks in an address.
    let v = &pack.meta.version;
    if v.is_empty()
        || !v
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
    {
        ck.err(
            "pack.toml",
            "",
            "version",
            format!(
                "{v:?} must be letters, digits, dots and dashes only (it goes in hand-over codes)"
            ),
        );
    }
    if let Some(review) = &pack.meta.review {
        if review.by.trim().is_empty() {
            ck.err(
                "pack.toml",
                "",
                "review.by",
                "is empty; say who reviewed the content",
            );
        }
        if review.version != pack.meta.version {
            ck.err(
                "pack.toml",
                "",
                "review.version",
                format!(
                    "{:?} was reviewed, but this is version {:?}: visitors would be told a review covers content nobody reviewed",
                    review.version, pack.meta.version
                ),
            );
        }
    }
    for c in &pack.concerns {
        if let Some(course) = &c.course {
            ck.sources("concerns.toml", &c.id, &c.sources);
            ck.range("concerns.toml", &c.id, "course.sessions", course.sessions);
            ck.range(
                "concerns.toml",
                &c.id,
                "course.spacing_weeks",
                course.spacing_weeks,
            );
            ck.range(
                "concerns.toml",
                &c.id,
                "course.maintenance_months",
                course.maintenance_months,
            );
            if course.sessions.min == 0 || course.spacing_weeks.min == 0 {
                ck.err(
                    "concerns.toml",
                    &c.id,
                    "course",
                    "sessions and spacing must be at least 1",
                );
            }
        }
    }
    for a in &pack.areas {
        ck.sources("areas.toml", &a.id, &a.sources);
    }
    ck.sources("plan.toml", "session", &plan.session.sources);
    ck.range("plan.toml", "session", "minutes", plan.session.minutes);
    ck.range(
        "plan.toml",
        "session",
        "numbing_minutes",
        plan.session.numbing_minutes,
    );
    for (name, s) in [
        ("downtime_light", &plan.downtime_light),
        ("downtime_deep", &plan.downtime_deep),
        ("body_sessions", &plan.body_sessions),
    ] {
        ck.sources("plan.toml", name, &s.sources);
        ck.range("plan.toml", name, "value", s.value);
    }
    for p in &plan.prep {
        ck.sources("plan.toml", &p.id, &p.sources);
        if let Some(c) = &p.show_if {
            ck.cond("plan.toml", &p.id, "show_if", c, None);
        }
    }
    for a in &plan.aftercare {
        ck.sources("plan.toml", &a.id, &a.sources);
    }
    for r in &plan.red_flags {
        ck.sources("plan.toml", &r.id, &r.sources);
    }
    for n in &plan.notes {
        ck.sources("plan.toml", &n.id, &n.sources);
        if let Some(c) = &n.show_if {
            ck.cond("plan.toml", &n.id, "show_if", c, None);
        }
    }

    // Questions: shape, references, and whether each can be shown.
    let mut showable = vec![false; pack.questions.len()];
    for (i, q) in pack.questions.iter().enumerate() {
        ck.sources("questions.toml", &q.id, &q.sources);
        match q.kind {
            QuestionKind::Number => match (q.min, q.max) {
                (Some(lo), Some(hi)) if lo <= hi => {}
                _ => ck.err(
                    "questions.toml",
                    &q.id,
                    "min/max",
                    "a number question needs min <= max",
                ),
            },
            QuestionKind::PastDate => {
                if q.months_back.is_none_or(|m| m == 0) {
                    ck.err(
                        "questions.toml",
                        &q.id,
                        "months_back",
                        "a date question needs months_back of at least 1",
                    );
                }
            }
            QuestionKind::YesNo => {
                if !q.unsure {
                    ck.err(
                        "questions.toml",
                        &q.id,
                        "unsure",
                        "yes/no questions must offer \"not sure\"",
                    );
                }
            }
        }
        showable[i] = match &q.show_if {
            None => true,
            Some(c) => {
                ck.cond("questions.toml", &q.id, "show_if", c, Some(i));
                ck.can_hold(c, &showable)
            }
        };
        if !showable[i] {
            ck.err(
                "questions.toml",
                &q.id,
                "show_if",
                "this question can never be shown",
            );
        }
    }

    // Rules.
    for r in &pack.rules {
        ck.sources("rules.toml", &r.id, &r.sources);
        match (r.level, r.see) {
            (Level::SeeProvider, None) => ck.err(
                "rules.toml",
                &r.id,
                "see",
                "a see_provider rule must say who to see first: own_doctor or consultation",
            ),
            (Level::Advice, Some(_)) => ck.err(
                "rules.toml",
                &r.id,
                "see",
                "advice does not send anyone to see anyone; only see_provider and not_now rules say who to see",
            ),
            _ => {}
        }
        ck.cond("rules.toml", &r.id, "when", &r.when, None);
        if !ck.can_hold(&r.when, &showable) {
            ck.err("rules.toml", &r.id, "when", "this rule can never fire");
        }
        if r.ends_check {
            if r.level != Level::NotNow {
                ck.err(
                    "rules.toml",
                    &r.id,
                    "ends_check",
                    "only a not_now rule can end the check early",
                );
            }
            // Nothing else was screened, so no date can honestly be promised.
            if r.eligible_after.is_some() {
                ck.err(
                    "rules.toml",
                    &r.id,
                    "ends_check",
                    "a rule that ends the check cannot also give an eligible-from date",
                );
            }
            // Ending early hides the questions not yet answered; a rule that tests a question
            // with a show_if could then stop holding, so it may test only questions always asked.
            for q in questions_in(&r.when) {
                if pack
                    .questions
                    .iter()
                    .any(|x| x.id == q && x.show_if.is_some())
                {
                    ck.err(
                        "rules.toml",
                        &r.id,
                        "ends_check",
                        format!("tests {q:?}, which is not always asked; a rule that ends the check may test only questions asked of everyone"),
                    );
                }
            }
        }
        if let Some(w) = &r.eligible_after {
            if r.level != Level::NotNow {
                ck.err(
                    "rules.toml",
                    &r.id,
                    "eligible_after",
                    "only not_now rules have an end date",
                );
            }
            match ck.question_kind(&w.question) {
                Some((_, QuestionKind::PastDate)) => {}
                _ => ck.err(
                    "rules.toml",
                    &r.id,
                    "eligible_after.question",
                    format!("{:?} is not a date question", w.question),
                ),
            }
        }
    }

    // Texts: every locale has every text, and no text for ids that do not exist; no text is
    // empty, and each has the same {placeholders} as the source language's.
    let source = content
        .locales
        .values()
        .find(|l| l.translation.status == crate::schema::TranslationStatus::Source);
    let sources_count = content
        .locales
        .values()
        .filter(|l| l.translation.status == crate::schema::TranslationStatus::Source)
        .count();
    if sources_count != 1 && !content.locales.is_empty() {
        ck.err(
            "locales/",
            "",
            "translation.status",
            format!("{sources_count} languages say status = \"source\"; exactly one must (the texts the others translate)"),
        );
    }
    let source_texts: BTreeMap<String, &str> = source
        .map(|l| l.texts().into_iter().collect())
        .unwrap_or_default();
    for (code, loc) in &content.locales {
        let file = format!("locales/{code}.toml");
        let file = file.as_str();
        for (at, text) in loc.texts() {
            if text.trim().is_empty() {
                ck.err(file, &at, "text", "is empty");
            } else if let Some(original) = source_texts.get(&at) {
                let mut want = crate::text::placeholders(original);
                let mut have = crate::text::placeholders(text);
                want.sort_unstable();
                have.sort_unstable();
                if want != have {
                    ck.err(
                        file,
                        &at,
                        "text",
                        format!("has the placeholders {have:?}; the source language has {want:?}"),
                    );
                }
            }
        }
        let t = &loc.translation;
        if t.status == crate::schema::TranslationStatus::Reviewed {
            let ok_by = t.by.as_deref().is_some_and(|b| !b.trim().is_empty());
            let ok_on =
                t.on.as_deref()
                    .is_some_and(|d| crate::Date::parse(d).is_ok());
            if !ok_by || !ok_on {
                ck.err(
                    file,
                    "",
                    "translation",
                    "status = \"reviewed\" needs by = \"name\" and on = \"YYYY-MM-DD\"",
                );
            }
        }
        if &loc.code != code {
            ck.err(
                file,
                "",
                "code",
                format!("{:?} does not match the file name", loc.code),
            );
        }
        let mut keyed = |section: &str, have: BTreeSet<&str>, want: BTreeSet<&str>| {
            for missing in want.difference(&have) {
                ck.err(file, missing, section, "has no text in this language");
            }
            for extra in have.difference(&want) {
                ck.err(file, extra, section, "text for an id that does not exist");
            }
        };
        keyed(
            "ui",
            loc.ui.keys().map(String::as_str).collect(),
            UI_KEYS.iter().copied().collect(),
        );
        keyed(
            "concerns",
            loc.concerns.keys().map(String::as_str).collect(),
            all_concerns.clone(),
        );
        keyed(
            "areas",
            loc.areas.keys().map(String::as_str).collect(),
            all_areas.clone(),
        );
        keyed(
            "questions",
            loc.questions.keys().map(String::as_str).collect(),
            pack.questions.iter().map(|q| q.id.as_str()).collect(),
        );
        keyed(
            "flags",
            loc.flags.keys().map(String::as_str).collect(),
            pack.rules.iter().map(|r| r.id.as_str()).collect(),
        );
        keyed(
            "items",
            loc.items.keys().map(String::as_str).collect(),
            item_ids.iter().copied().collect(),
        );
        keyed(
            "ends",
            loc.ends.keys().map(String::as_str).collect(),
            plan.aftercare
                .iter()
                .filter(|a| a.until_day.is_some())
                .map(|a| a.id.as_str())
                .collect(),
        );
        for r in &pack.rules {
            if let Some(t) = loc.flags.get(&r.id) {
                if t.reason.trim().is_empty()
                    || t.action.trim().is_empty()
                    || t.title.trim().is_empty()
                {
                    ck.err(
                        file,
                        &r.id,
                        "flags",
                        "title, reason and action must all be written",
                    );
                }
                if r.level == Level::NotNow
                    && t.until.as_deref().is_none_or(|u| u.trim().is_empty())
                {
                    ck.err(
                        file,
                        &r.id,
                        "flags.until",
                        "a not_now flag must say when it may change",
                    );
                }
            }
        }
        let empty_texts: Vec<String> = loc
            .ui
            .iter()
            .filter(|(_, v)| v.trim().is_empty())
            .map(|(k, _)| k.clone())
            .chain(
                loc.items
                    .iter()
                    .chain(&loc.ends)
                    .filter(|(_, v)| v.trim().is_empty())
                    .map(|(k, _)| k.clone()),
            )
            .collect();
        for k in empty_texts {
            ck.err(file, &k, "text", "is empty");
        }
    }
    ck.errors
}

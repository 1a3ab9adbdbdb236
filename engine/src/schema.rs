//! The content schema: the typed shape of every file in `content/`.
//!
//! Structure (what is asked, when, and what follows) lives in language-neutral files; every
//! sentence a visitor reads lives in a [`Locale`], keyed by the ids used here. Enums are
//! externally tagged so the same types read TOML and the compact binary the browser loads.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::date::Date;

/// A stable identifier from the content files (`acne_scars`, `pregnant_nursing`, `S-25`).
pub type Id = String;

/// Everything language-neutral the engine needs: one content pack.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pack {
    /// Who reviewed the pack and when (`pack.toml`).
    pub meta: Meta,
    /// Every source a rule, figure or reason may cite (`sources.toml`).
    pub sources: Vec<Source>,
    /// Skin concerns a visitor can choose (`concerns.toml`).
    pub concerns: Vec<Concern>,
    /// Treatment areas a visitor can choose (`areas.toml`).
    pub areas: Vec<Area>,
    /// Eligibility questions, in the order they are asked (`questions.toml`).
    pub questions: Vec<Question>,
    /// Screening rules that raise flags (`rules.toml`).
    pub rules: Vec<Rule>,
    /// What to expect: sessions, downtime, preparation, aftercare (`plan.toml`).
    pub plan: PlanContent,
}

/// Pack identity and review record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// Content version; stored answers name it.
    pub version: String,
    /// The day this version was written.
    pub drafted_on: Date,
    /// The clinical review of this version; absent until a clinician has signed it off, and
    /// then visitors are told it is not yet reviewed.
    #[serde(default)]
    pub review: Option<Review>,
}

/// A clinician's sign-off of one content version.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// The content version reviewed: must equal the pack's version, so a review never carries
    /// over to content nobody reviewed.
    pub version: String,
    /// Who reviewed it, as visitors should read it ("Dr A. Jones, dermatologist").
    pub by: String,
    /// The day of the review.
    pub on: Date,
}

/// A citable source: a seed fact (`S-1`..`S-65`) or a clinical source key.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// `S-n` or a key from `clinical-facts.md` (`SP-IFU`, `CHU21`, ...). Never shown to
    /// visitors.
    pub id: Id,
    /// The document's own title (or a plain description), as visitors see it.
    pub title: String,
    /// Who published it: the site, journal, regulator or maker.
    pub publisher: String,
    /// Where to read it, when a real address is known (https only).
    #[serde(default)]
    pub url: Option<String>,
    /// Quality grade: A regulator, label or peer-reviewed; B maker or label copy; C clinic or
    /// blog; `seed` for the consumer articles the project started from.
    pub grade: Grade,
}

/// Evidence grade of a source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    /// Regulator, device label or peer-reviewed.
    A,
    /// Manufacturer or clinic copy of a label.
    B,
    /// Clinic page or blog.
    C,
    /// A consumer article the project was seeded from.
    Seed,
}

/// A whole-number range such as "3 to 6 sessions".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Range {
    /// Lowest value.
    pub min: u32,
    /// Highest value.
    pub max: u32,
}

/// How deep the work usually goes, which sets the downtime to plan for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Depth {
    /// Surface concerns: tone, pores, dullness, fine lines.
    Light,
    /// Scars, stretch marks, deeper lines and loose skin.
    Deep,
}

/// A skin concern.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Concern {
    /// Stable id.
    pub id: Id,
    /// Usual course for this concern; `None` when the concern routes to a provider instead.
    pub course: Option<Course>,
    /// Sources for the course figures.
    pub sources: Vec<Id>,
}

/// A course of treatment for one concern.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Course {
    /// Number of sessions.
    pub sessions: Range,
    /// Weeks between sessions.
    pub spacing_weeks: Range,
    /// Months between maintenance sessions once the course is done.
    pub maintenance_months: Range,
    /// How deep the work usually goes.
    pub depth: Depth,
}

/// Where on the body an area is; conditions can name a whole group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AreaGroup {
    /// Forehead, frown lines, around the eyes, cheeks, lips and mouth.
    Face,
    /// Neck and chest.
    NeckChest,
    /// Hands, arms, abdomen, thighs, buttocks, back, scars elsewhere.
    Body,
}

/// A treatment area.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// Stable id.
    pub id: Id,
    /// The group it belongs to.
    pub group: AreaGroup,
    /// Sources naming this as a treatment area.
    pub sources: Vec<Id>,
}

/// What kind of answer a question takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// Yes, no or not sure.
    YesNo,
    /// A day in the past (or not sure).
    PastDate,
    /// A whole number between `min` and `max`.
    Number,
}

/// An eligibility question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable id; answers are keyed by it.
    pub id: Id,
    /// The kind of answer.
    pub kind: QuestionKind,
    /// Shown only when this holds; always shown when absent. May refer only to concerns, areas
    /// and questions asked earlier.
    #[serde(default)]
    pub show_if: Option<Cond>,
    /// Whether "not sure" is offered (default yes). Age, for one, has no "not sure".
    #[serde(default = "yes")]
    pub unsure: bool,
    /// Smallest number accepted (numbers only).
    #[serde(default)]
    pub min: Option<u32>,
    /// Largest number accepted (numbers only).
    #[serde(default)]
    pub max: Option<u32>,
    /// Oldest date accepted, in months before today (dates only).
    #[serde(default)]
    pub months_back: Option<u32>,
    /// Sources for why the question is asked.
    pub sources: Vec<Id>,
}

fn yes() -> bool {
    true
}

/// A condition over the visitor's choices and answers.
///
/// A question that is not shown makes every test on it false. A shown question that is
/// answered "not sure", or not answered yet, counts as a possible "yes": it satisfies `yes`,
/// `below` and `within`, never `no`. That is the one place "not sure is never read as no" lives.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Cond {
    /// Every condition holds.
    All(Vec<Cond>),
    /// At least one condition holds.
    Any(Vec<Cond>),
    /// At least one of these concerns was chosen.
    Concern(Vec<Id>),
    /// At least one of these areas was chosen.
    Area(Vec<Id>),
    /// At least one area in one of these groups was chosen.
    AreaGroup(Vec<AreaGroup>),
    /// The answer is yes (or not sure, or still to come).
    Yes(Id),
    /// The answer is exactly no.
    No(Id),
    /// The number answered is below `value` (or not known).
    Below {
        /// A number question.
        question: Id,
        /// The limit.
        value: u32,
    },
    /// The number answered is below the clinic's minimum age (never lower than 18).
    BelowMinAge(Id),
    /// The date answered is less than `months` months and `days` days before today
    /// (or not known).
    Within {
        /// A past-date question.
        question: Id,
        /// Months part of the period.
        #[serde(default)]
        months: u32,
        /// Days part of the period.
        #[serde(default)]
        days: u32,
    },
}

/// Who a `see_provider` flag sends the visitor to first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum See {
    /// Their own doctor (or the specialist treating their condition) before booking.
    OwnDoctor,
    /// The provider, at the consultation: the visitor can book and raise it there.
    Consultation,
}

/// How strongly a rule speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Something to know or do; the visitor can still book a consultation.
    Advice,
    /// A provider or doctor must check first.
    SeeProvider,
    /// Do not treat now.
    NotNow,
}

/// A screening rule: when its condition holds, the visitor sees its flag.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Stable id; the flag's text is keyed by it.
    pub id: Id,
    /// When the rule fires.
    pub when: Cond,
    /// How strongly it speaks.
    pub level: Level,
    /// Who to see first: required for `see_provider` rules, allowed for `not_now` ones (a
    /// bleeding disorder: the visitor's own doctor), never for advice.
    #[serde(default)]
    pub see: Option<See>,
    /// For `not_now` rules with a known end: the date answer it counts from and the wait.
    #[serde(default)]
    pub eligible_after: Option<Wait>,
    /// For `not_now` rules only: when the rule holds on the answers actually given, the
    /// walk-through ends there, because no later answer can change the outcome (a visitor under
    /// the clinic's minimum age). Questions not yet answered are then not asked at all.
    #[serde(default)]
    pub ends_check: bool,
    /// Sources for the rule, its figures and its reason.
    pub sources: Vec<Id>,
    /// For staff and reviewers: why this level, and where sources disagree. Never shown to
    /// visitors.
    #[serde(default)]
    pub note: Option<String>,
}

/// A wait counted from a date the visitor gave.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wait {
    /// The past-date question the wait counts from.
    pub question: Id,
    /// Months to wait.
    #[serde(default)]
    pub months: u32,
    /// Days to wait (added after the months).
    #[serde(default)]
    pub days: u32,
}

/// Plan content: the figures behind "what to expect".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanContent {
    /// One session on the day.
    pub session: SessionFacts,
    /// Downtime to plan for after light work.
    pub downtime_light: Sourced<Range>,
    /// Downtime to plan for after deep work.
    pub downtime_deep: Sourced<Range>,
    /// Sessions in total when a body area is chosen.
    pub body_sessions: Sourced<Range>,
    /// Steps before the first session.
    pub prep: Vec<PrepItem>,
    /// Steps after each session.
    pub aftercare: Vec<AftercareItem>,
    /// Signs after treatment that mean "call today" or "get urgent help".
    pub red_flags: Vec<RedFlag>,
    /// Plain items with sources: questions to ask, provider tips, facts about the treatment.
    pub notes: Vec<Note>,
}

/// A value with its sources.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sourced<T> {
    /// The value.
    pub value: T,
    /// Its sources.
    pub sources: Vec<Id>,
}

/// Figures for one session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionFacts {
    /// Minutes of needling.
    pub minutes: Range,
    /// Minutes for numbing cream to work beforehand.
    pub numbing_minutes: Range,
    /// Sources.
    pub sources: Vec<Id>,
}

/// A preparation step.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrepItem {
    /// Stable id; text keyed by it.
    pub id: Id,
    /// Days before the first session to start; `None` means "from now on".
    #[serde(default)]
    pub days_before: Option<u32>,
    /// Shown only when this holds.
    #[serde(default)]
    pub show_if: Option<Cond>,
    /// Sources.
    pub sources: Vec<Id>,
}

/// An aftercare step, counted in days from a session (day 0).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AftercareItem {
    /// Stable id; text keyed by it.
    pub id: Id,
    /// Last day the step applies (0 = the session day); `None` means every day.
    #[serde(default)]
    pub until_day: Option<u32>,
    /// Sources.
    pub sources: Vec<Id>,
}

/// How urgent a warning sign is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    /// Call the provider today.
    Today,
    /// Call emergency services.
    Emergency,
}

/// A warning sign after treatment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedFlag {
    /// Stable id; text keyed by it.
    pub id: Id,
    /// How urgent.
    pub urgency: Urgency,
    /// Sources.
    pub sources: Vec<Id>,
}

/// Where a note appears on the results screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteTopic {
    /// What microneedling is and what happens on the day.
    About,
    /// Questions worth asking at the consultation.
    AskProvider,
    /// How to choose a qualified provider.
    ChooseProvider,
    /// Where sources disagree.
    Disagreement,
}

/// A plain item of information with its sources.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// Stable id; text keyed by it.
    pub id: Id,
    /// Where it appears.
    pub topic: NoteTopic,
    /// Shown only when this holds.
    #[serde(default)]
    pub show_if: Option<Cond>,
    /// Sources.
    pub sources: Vec<Id>,
}

/// Text direction of a language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Left to right.
    Ltr,
    /// Right to left.
    Rtl,
}

/// Every visitor-facing sentence in one language (`content/locales/<code>.toml`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Locale {
    /// Language code (`en`) and name.
    pub code: String,
    /// Language name in that language.
    pub name: String,
    /// Text direction.
    pub dir: Direction,
    /// Who wrote or checked these texts.
    pub translation: Translation,
    /// Words of the interface itself.
    pub ui: BTreeMap<Id, String>,
    /// Concern labels and descriptions.
    pub concerns: BTreeMap<Id, LabelText>,
    /// Area labels and descriptions.
    pub areas: BTreeMap<Id, LabelText>,
    /// Question texts.
    pub questions: BTreeMap<Id, QuestionText>,
    /// Flag texts, keyed by rule id.
    pub flags: BTreeMap<Id, FlagText>,
    /// Preparation, aftercare, warning-sign and note texts, keyed by item id.
    pub items: BTreeMap<Id, String>,
    /// For aftercare items with an end (`until_day`): what the visitor may do again from the
    /// day after, written as an end ("Makeup is fine again."), for the dated timeline.
    #[serde(default)]
    pub ends: BTreeMap<Id, String>,
}

/// Whether a language's texts are the original, a draft translation or a checked one: shown to
/// visitors in the footer and on printed summaries.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    /// `source` (the texts every translation follows), `draft` or `reviewed`.
    pub status: TranslationStatus,
    /// Who checked the translation (for `reviewed`).
    #[serde(default)]
    pub by: Option<String>,
    /// The day they checked it, `YYYY-MM-DD` (for `reviewed`).
    #[serde(default)]
    pub on: Option<String>,
}

/// See [`Translation`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TranslationStatus {
    /// The original texts.
    Source,
    /// Translated, not yet checked by a fluent reviewer.
    Draft,
    /// Checked by a fluent reviewer.
    Reviewed,
}

impl Locale {
    /// Every text with where it is (`ui.start`, `questions.age.why`), for comparing languages.
    pub fn texts(&self) -> Vec<(String, &str)> {
        let mut v: Vec<(String, &str)> = Vec::new();
        for (k, t) in &self.ui {
            v.push((format!("ui.{k}"), t));
        }
        for (k, t) in &self.concerns {
            v.push((format!("concerns.{k}.label"), &t.label));
            v.push((format!("concerns.{k}.description"), &t.description));
        }
        for (k, t) in &self.areas {
            v.push((format!("areas.{k}.label"), &t.label));
            v.push((format!("areas.{k}.description"), &t.description));
        }
        for (k, t) in &self.questions {
            v.push((format!("questions.{k}.title"), &t.title));
            v.push((format!("questions.{k}.why"), &t.why));
            if let Some(h) = &t.hint {
                v.push((format!("questions.{k}.hint"), h));
            }
        }
        for (k, t) in &self.flags {
            v.push((format!("flags.{k}.title"), &t.title));
            v.push((format!("flags.{k}.reason"), &t.reason));
            v.push((format!("flags.{k}.action"), &t.action));
            if let Some(u) = &t.until {
                v.push((format!("flags.{k}.until"), u));
            }
        }
        for (k, t) in &self.items {
            v.push((format!("items.{k}"), t));
        }
        for (k, t) in &self.ends {
            v.push((format!("ends.{k}"), t));
        }
        v
    }
}

/// A label with a one-line description.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelText {
    /// Short label.
    pub label: String,
    /// One plain sentence.
    pub description: String,
}

/// The words of one question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionText {
    /// The question itself.
    pub title: String,
    /// Examples or a hint under the question.
    #[serde(default)]
    pub hint: Option<String>,
    /// Why we ask.
    pub why: String,
}

/// The words of one flag.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlagText {
    /// A short heading.
    pub title: String,
    /// Why it matters, in plain words.
    pub reason: String,
    /// What to do about it.
    pub action: String,
    /// For `not_now` flags: when it may change.
    #[serde(default)]
    pub until: Option<String>,
}

/// UI keys the widget needs from every locale. Validation checks each locale has them all.
pub const UI_KEYS: &[&str] = &[
    "crashed",
    "kiosk_heading",
    "kiosk_intro",
    "kiosk_privacy",
    "kiosk_book",
    "kiosk_ask",
    "kiosk_doctor_hint",
    "kiosk_done",
    "text_size",
    "text_size_1",
    "text_size_2",
    "text_size_3",
    "idle_heading",
    "idle_body",
    "idle_left",
    "still_here",
    "take_away_heading",
    "print_with_answers",
    "print_results",
    "calendar_download",
    "calendar_hint",
    "calendar_pick_date",
    "calendar_name",
    "calendar_file",
    "calendar_event",
    "timeline_session_if_needed",
    "calendar_note",
    "handover_intro",
    "handover_holds_choices",
    "handover_holds_answers",
    "handover_holds_result",
    "handover_show",
    "handover_hide",
    "handover_qr_label",
    "handover_show_staff",
    "handover_failed",
    "staff_title",
    "staff_made_on",
    "staff_check",
    "staff_close",
    "handover_damaged",
    "handover_other_version",
    "handover_refused",
    "handover_changed",
    "keep_answers",
    "keep_off_hint",
    "keep_on_hint",
    "keep_forget",
    "kept_restored",
    "kept_dropped",
    "kept_forgotten",
    "app_title",
    "language",
    "translation_draft",
    "translation_reviewed",
    "language_failed",
    "clinic_unnamed",
    "starting",
    "no_contact",
    "welcome_heading",
    "welcome_intro",
    "welcome_not_diagnosis",
    "welcome_time",
    "welcome_privacy",
    "start",
    "concerns_heading",
    "concerns_hint",
    "areas_heading",
    "areas_hint",
    "choose_at_least_one",
    "next",
    "back",
    "yes",
    "no",
    "not_sure",
    "why_we_ask",
    "date_label",
    "number_label",
    "answer_needed",
    "number_out_of_range",
    "date_out_of_range",
    "progress",
    "tier_good",
    "tier_good_detail",
    "tier_provider",
    "tier_provider_detail",
    "tier_not_now",
    "tier_not_now_detail",
    "tier_not_now_unsure_detail",
    "ended_early",
    "eligible_from",
    "eligible_when",
    "reasons_heading",
    "what_to_do",
    "you_were_unsure",
    "plan_heading",
    "plan_sessions",
    "plan_spacing",
    "plan_maintenance",
    "plan_session_length",
    "plan_numbing",
    "plan_downtime",
    "plan_body",
    "prep_heading",
    "prep_from_now",
    "prep_days_before",
    "prep_days_before_one",
    "aftercare_heading",
    "aftercare_until_day",
    "aftercare_until_day_one",
    "aftercare_always",
    "red_flags_heading",
    "red_flags_intro",
    "urgent_today",
    "urgent_emergency",
    "ask_heading",
    "choose_provider_heading",
    "about_heading",
    "disagree_heading",
    "next_step_heading",
    "next_book",
    "next_book_hint",
    "next_doctor",
    "next_doctor_hint",
    "next_ask",
    "call_clinic",
    "email_clinic",
    "see_own_doctor",
    "see_at_consultation",
    "based_on",
    "good_to_know",
    "plan_from",
    "change_answers",
    "your_answers",
    "edit",
    "start_again",
    "sources_heading",
    "reviewed",
    "review_pending",
    "opens_in_new_tab",
    "not_a_diagnosis",
    "restore_failed",
    "load_failed",
    "noscript",
    "page_description",
    "no_plan",
    "first_session_label",
    "first_session_too_early",
    "timeline_session",
    "timeline_maintenance",
];

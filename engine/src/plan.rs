//! What to expect: the course of sessions, downtime, preparation, aftercare and warning signs
//! for the chosen concerns and areas, and a dated timeline from a first-session date.

use serde::Serialize;

use crate::date::Date;
use crate::rules::Ctx;
use crate::schema::{AreaGroup, Depth, Id, NoteTopic, Pack, Range, Urgency};

/// The plan for one visitor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Plan {
    /// The course, when at least one chosen concern has one.
    pub course: Option<CoursePlan>,
    /// Minutes of needling in one session.
    pub session_minutes: Range,
    /// Minutes for numbing cream beforehand.
    pub numbing_minutes: Range,
    /// Preparation steps that apply, earliest first.
    pub prep: Vec<PrepStep>,
    /// Aftercare steps, in content order.
    pub aftercare: Vec<AftercareStep>,
    /// Warning signs after treatment.
    pub red_flags: Vec<(Id, Urgency)>,
    /// Notes that apply, by topic.
    pub notes: Vec<(Id, NoteTopic)>,
    /// Every source behind the figures above.
    pub sources: Vec<Id>,
}

/// The course of sessions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CoursePlan {
    /// Number of sessions.
    pub sessions: Range,
    /// Weeks between sessions.
    pub spacing_weeks: Range,
    /// Months between maintenance sessions.
    pub maintenance_months: Range,
    /// The deepest work among the chosen concerns.
    pub depth: Depth,
    /// Days of downtime to plan for after each session.
    pub downtime_days: Range,
    /// True when a body area set the session count.
    pub body_area: bool,
}

/// A preparation step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PrepStep {
    /// Item id (text keyed by it).
    pub id: Id,
    /// Days before the first session; `None` for "from now on".
    pub days_before: Option<u32>,
}

/// An aftercare step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AftercareStep {
    /// Item id (text keyed by it).
    pub id: Id,
    /// Last day it applies (0 = session day); `None` for always.
    pub until_day: Option<u32>,
}

/// One dated entry in the timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Event {
    /// Start a preparation step.
    Prep {
        /// Day to start.
        date: Date,
        /// Item id.
        id: Id,
    },
    /// A session in the course (1-based), between its earliest and latest likely dates.
    Session {
        /// Earliest likely date.
        date: Date,
        /// Latest likely date.
        latest: Date,
        /// Session number, from 1.
        number: u32,
        /// Sessions past the lowest count are "if needed".
        if_needed: bool,
    },
    /// An aftercare step is over (counted from the first session).
    AftercareEnds {
        /// The first day it no longer applies (the day after its `until_day`).
        date: Date,
        /// Item id.
        id: Id,
    },
    /// First maintenance session, after the last session of the course.
    Maintenance {
        /// Earliest likely date.
        date: Date,
    },
}

fn widen(acc: Option<Range>, r: Range) -> Range {
    match acc {
        None => r,
        Some(a) => Range {
            min: a.min.max(r.min),
            max: a.max.max(r.max),
        },
    }
}

/// Builds the plan for the chosen concerns and areas; `ctx` decides which conditional steps
/// apply.
pub fn plan(pack: &Pack, ctx: &Ctx) -> Plan {
    let responses_concerns: Vec<_> = pack
        .concerns
        .iter()
        .filter(|c| ctx.responses().concerns.contains(&c.id))
        .collect();
    let mut sources: Vec<Id> = Vec::new();
    let mut add = |ids: &[Id]| {
        for id in ids {
            if !sources.contains(id) {
                sources.push(id.clone());
            }
        }
    };

    let mut sessions = None;
    let mut spacing = None;
    let mut maintenance = None;
    let mut depth = None;
    for c in &responses_concerns {
        if let Some(course) = &c.course {
            sessions = Some(widen(sessions, course.sessions));
            spacing = Some(widen(spacing, course.spacing_weeks));
            maintenance = Some(widen(maintenance, course.maintenance_months));
            depth = depth.max(Some(course.depth));
            add(&c.sources);
        }
    }
    let body_area = ctx.holds_cautiously(&crate::schema::Cond::AreaGroup(vec![AreaGroup::Body]));
    let course = match (sessions, spacing, maintenance, depth) {
        (Some(mut sessions), Some(spacing_weeks), Some(maintenance_months), Some(depth)) => {
            if body_area {
                sessions = widen(Some(sessions), pack.plan.body_sessions.value);
                add(&pack.plan.body_sessions.sources);
            }
            let downtime = match depth {
                Depth::Light => &pack.plan.downtime_light,
                Depth::Deep => &pack.plan.downtime_deep,
            };
            add(&downtime.sources);
            Some(CoursePlan {
                sessions,
                spacing_weeks,
                maintenance_months,
                depth,
                downtime_days: downtime.value,
                body_area,
            })
        }
        _ => None,
    };
    add(&pack.plan.session.sources);

    let applies =
        |c: &Option<crate::schema::Cond>| c.as_ref().is_none_or(|c| ctx.holds_cautiously(c));
    let mut prep: Vec<PrepStep> = Vec::new();
    for p in pack.plan.prep.iter().filter(|p| applies(&p.show_if)) {
        add(&p.sources);
        prep.push(PrepStep {
            id: p.id.clone(),
            days_before: p.days_before,
        });
    }
    // "From now on" first, then the longest lead time first.
    crate::sort_stable_by_key(&mut prep, |p| {
        core::cmp::Reverse(p.days_before.unwrap_or(u32::MAX))
    });
    let aftercare = pack
        .plan
        .aftercare
        .iter()
        .map(|a| {
            add(&a.sources);
            AftercareStep {
                id: a.id.clone(),
                until_day: a.until_day,
            }
        })
        .collect();
    let red_flags = pack
        .plan
        .red_flags
        .iter()
        .map(|r| {
            add(&r.sources);
            (r.id.clone(), r.urgency)
        })
        .collect();
    let notes = pack
        .plan
        .notes
        .iter()
        .filter(|n| applies(&n.show_if))
        .map(|n| {
            add(&n.sources);
            (n.id.clone(), n.topic)
        })
        .collect();
    Plan {
        course,
        session_minutes: pack.plan.session.minutes,
        numbing_minutes: pack.plan.session.numbing_minutes,
        prep,
        aftercare,
        red_flags,
        notes,
        sources,
    }
}

/// The dated timeline for a first session on `first`: preparation starts, every session of
/// the course (earliest and latest likely day), when time-limited aftercare ends after the
/// first session, and the first maintenance visit. Sorted by date.
pub fn timeline(plan: &Plan, first: Date) -> Vec<Event> {
    let mut events = Vec::new();
    for p in &plan.prep {
        if let Some(days) = p.days_before {
            events.push(Event::Prep {
                date: first.add_days(-(days as i32)),
                id: p.id.clone(),
            });
        }
    }
    if let Some(course) = &plan.course {
        for n in 0..course.sessions.max {
            let gap = n as i32 * 7;
            events.push(Event::Session {
                date: first.add_days(gap * course.spacing_weeks.min as i32),
                latest: first.add_days(gap * course.spacing_weeks.max as i32),
                number: n + 1,
                if_needed: n + 1 > course.sessions.min,
            });
        }
        let last_earliest = first
            .add_days(((course.sessions.min.max(1) - 1) * course.spacing_weeks.min * 7) as i32);
        events.push(Event::Maintenance {
            date: last_earliest.add_months(course.maintenance_months.min as i32),
        });
    } else {
        events.push(Event::Session {
            date: first,
            latest: first,
            number: 1,
            if_needed: false,
        });
    }
    for a in &plan.aftercare {
        if let Some(day) = a.until_day {
            events.push(Event::AftercareEnds {
                date: first.add_days(day as i32 + 1),
                id: a.id.clone(),
            });
        }
    }
    crate::sort_stable_by_key(&mut events, |e| match e {
        Event::Prep { date, .. } => (*date, 0),
        Event::Session { date, .. } => (*date, 1),
        Event::AftercareEnds { date, .. } => (*date, 2),
        Event::Maintenance { date } => (*date, 3),
    });
    events
}

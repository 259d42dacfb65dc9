//! The recovery plan of a save plan (docs/account-depth.md#recovery-plan): measurable
//! milestones (what, the target that shows it, by when, met or not) and the weekly
//! check-ins logged with a note and the health score on that day; and the rule for
//! closing a save plan.
//!
//! Decisions taken where the job leaves room (tested in `tests/recovery.rs`):
//! - A milestone is late when it is not met and today is after its date. One typed is due
//!   on or after the day the plan opened (a file's is kept as it is).
//!
//! The operations on a save plan (add a milestone, log a check-in, close) are in
//! `domain::depth`, which knows both the plan and its recovery part.
//!
//! - Logging a check-in marks the earliest listed weekly check-in step not done yet as
//!   done on that day (when there is one), so the playbook and the log agree.
//! - A plan closes "saved" only while the account is green; "lost" or "other" close it
//!   at any time but need a note saying what happened (the outcome recorded).
//!   Milestones not met do not block closing; they are named in the closing form.

use crate::domain::error::FieldError;
use crate::domain::order;
use chrono::NaiveDate;

pub const MAX_TEXT_LEN: usize = 300;
pub const MAX_NOTE_LEN: usize = 2_000;
pub const MAX_MILESTONES: usize = 50;
pub const MAX_CHECK_IN_LOG: usize = 520;

/// One measurable milestone of the recovery plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Milestone {
    pub what: String,
    /// How we will know it is reached: "weekly active users back above 400".
    pub target: String,
    pub by: NaiveDate,
    pub met_on: Option<NaiveDate>,
}

impl Milestone {
    pub fn is_met(&self) -> bool {
        self.met_on.is_some()
    }
    pub fn is_late(&self, today: NaiveDate) -> bool {
        !self.is_met() && today > self.by
    }
}

/// One logged weekly check-in.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckInLog {
    pub on: NaiveDate,
    pub note: String,
    /// The account's health score on that day (latest check-in on or before it), if any.
    pub health: Option<f64>,
}

/// The recovery part of a save plan.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Recovery {
    milestones: Vec<Milestone>,
    check_ins: Vec<CheckInLog>,
}

fn check_text(text: &str, what: &str, max: usize, required: bool) -> Result<String, FieldError> {
    let t = text.trim();
    if required && t.is_empty() {
        return Err(FieldError::bare(format!("Say {what}.")));
    }
    if t.chars().count() > max {
        return Err(FieldError::bare(format!(
            "Keep this under {max} characters."
        )));
    }
    Ok(t.to_string())
}

/// A milestone checked on its own; the path names its field at fault.
pub fn check_milestone(
    m: &Milestone,
    opened_on: NaiveDate,
    today: Option<NaiveDate>,
) -> Result<Milestone, FieldError> {
    let what = check_text(&m.what, "what the milestone is", MAX_TEXT_LEN, true)
        .map_err(|e| e.under("what"))?;
    let target = check_text(&m.target, "how it is measured", MAX_TEXT_LEN, true)
        .map_err(|e| e.under("target"))?;
    // Typed (not read from a file, which keeps what it holds): a milestone is due on or
    // after the day the plan opened.
    if today.is_some() && m.by < opened_on {
        return Err(FieldError::new(
            "by",
            format!(
                "A milestone cannot be due ({}) before the plan was opened ({}).",
                super::dates::long(m.by),
                super::dates::long(opened_on)
            ),
        ));
    }
    if let Some(met) = m.met_on {
        if met < opened_on {
            return Err(FieldError::new(
                "met_on",
                format!(
                    "It cannot be met ({}) before the plan was opened ({}).",
                    super::dates::long(met),
                    super::dates::long(opened_on)
                ),
            ));
        }
        if today.is_some_and(|t| met > t) {
            return Err(FieldError::new(
                "met_on",
                format!("This date ({}) is after today.", super::dates::long(met)),
            ));
        }
    }
    Ok(Milestone {
        what,
        target,
        by: m.by,
        met_on: m.met_on,
    })
}

impl Recovery {
    pub fn milestones(&self) -> &[Milestone] {
        &self.milestones
    }
    /// Logged check-ins, oldest first.
    pub fn check_ins(&self) -> &[CheckInLog] {
        &self.check_ins
    }
    pub fn unmet(&self) -> usize {
        self.milestones.iter().filter(|m| !m.is_met()).count()
    }
    pub fn late(&self, today: NaiveDate) -> usize {
        self.milestones.iter().filter(|m| m.is_late(today)).count()
    }
    /// "1 of 2 milestones met".
    pub fn summary(&self) -> String {
        format!(
            "{} of {} met",
            self.milestones.len() - self.unmet(),
            super::plural(self.milestones.len(), "milestone", "milestones")
        )
    }

    /// Adds a milestone (checked) to a plan opened on `opened_on`.
    pub fn add_milestone(
        &mut self,
        m: Milestone,
        opened_on: NaiveDate,
        today: NaiveDate,
    ) -> Result<(), FieldError> {
        let m = check_milestone(&m, opened_on, Some(today))?;
        if self.milestones.len() >= MAX_MILESTONES {
            return Err(FieldError::new(
                "what",
                format!("A plan holds at most {MAX_MILESTONES} milestones."),
            ));
        }
        self.milestones.push(m);
        Ok(())
    }

    /// Marks milestone `index` met on `on`, or not met with `None`.
    pub fn set_met(
        &mut self,
        index: usize,
        on: Option<NaiveDate>,
        opened_on: NaiveDate,
        today: NaiveDate,
    ) -> Result<(), FieldError> {
        let Some(m) = self.milestones.get(index).cloned() else {
            return Err(FieldError::bare("This milestone is no longer on the plan."));
        };
        self.milestones[index] =
            check_milestone(&Milestone { met_on: on, ..m }, opened_on, Some(today))?;
        Ok(())
    }

    pub fn remove_milestone(&mut self, index: usize) -> Option<Milestone> {
        (index < self.milestones.len()).then(|| self.milestones.remove(index))
    }

    /// Checks a check-in before it is logged.
    pub fn check_check_in(
        &self,
        c: CheckInLog,
        opened_on: NaiveDate,
        today: NaiveDate,
    ) -> Result<CheckInLog, FieldError> {
        if self.check_ins.len() >= MAX_CHECK_IN_LOG {
            return Err(FieldError::new("note", "This plan's check-in log is full."));
        }
        check_log(c, opened_on, Some(today))
    }

    /// Logs a check-in checked by [`Recovery::check_check_in`].
    pub fn push_check_in(&mut self, c: CheckInLog) {
        self.check_ins.push(c);
        order::sort_by_key(&mut self.check_ins, |c| c.on);
    }

    /// Restores milestones and logged check-ins read from a file.
    pub fn restore(
        milestones: Vec<Milestone>,
        check_ins: Vec<CheckInLog>,
        opened_on: NaiveDate,
    ) -> Result<Recovery, FieldError> {
        if milestones.len() > MAX_MILESTONES {
            return Err(FieldError::bare(format!(
                "at most {MAX_MILESTONES} milestones"
            )));
        }
        if check_ins.len() > MAX_CHECK_IN_LOG {
            return Err(FieldError::bare(format!(
                "at most {MAX_CHECK_IN_LOG} logged check-ins"
            )));
        }
        let mut r = Recovery::default();
        for (i, m) in milestones.iter().enumerate() {
            r.milestones.push(
                check_milestone(m, opened_on, None)
                    .map_err(|e| e.under(&format!("milestones[{i}]")))?,
            );
        }
        for (i, c) in check_ins.into_iter().enumerate() {
            let c =
                check_log(c, opened_on, None).map_err(|e| e.under(&format!("check_ins[{i}]")))?;
            r.check_ins.push(c);
        }
        order::sort_by_key(&mut r.check_ins, |c| c.on);
        Ok(r)
    }
}

fn check_log(
    c: CheckInLog,
    opened_on: NaiveDate,
    today: Option<NaiveDate>,
) -> Result<CheckInLog, FieldError> {
    let note = check_text(&c.note, "what came out of the check-in", MAX_NOTE_LEN, true)
        .map_err(|e| e.under("note"))?;
    if c.on < opened_on {
        return Err(FieldError::new(
            "on",
            format!(
                "A check-in ({}) cannot be before the plan was opened ({}).",
                super::dates::long(c.on),
                super::dates::long(opened_on)
            ),
        ));
    }
    if today.is_some_and(|t| c.on > t) {
        return Err(FieldError::new(
            "on",
            format!(
                "A check-in cannot be logged in the future ({} is after today).",
                super::dates::long(c.on)
            ),
        ));
    }
    if let Some(h) = c.health {
        if !h.is_finite() || !(0.0..=100.0).contains(&h) {
            return Err(FieldError::new(
                "health",
                "A health score is from 0 to 100.",
            ));
        }
    }
    Ok(CheckInLog {
        on: c.on,
        note,
        health: c.health,
    })
}

/// The health score on `on`: the latest scored check-in on or before that day.
pub fn score_on(scores: &[(NaiveDate, f64)], on: NaiveDate) -> Option<f64> {
    scores
        .iter()
        .filter(|(d, _)| *d <= on)
        .max_by_key(|(d, _)| *d)
        .map(|(_, s)| *s)
}

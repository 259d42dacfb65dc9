//! The renewal record of an account in version 1 of the file:
//!
//! ```json
//! "renewal": {
//!   "notice_days": 60,
//!   "auto_renew": true,
//!   "early_start": false,
//!   "done": [ { "milestone": "t90", "task": "qbr", "done_on": "2026-12-02" } ],
//!   "custom_tasks": [
//!     { "id": 1, "milestone": "t60", "text": "Get the DPA signed", "done_on": null }
//!   ]
//! }
//! ```
//!
//! Only what the user decided is stored: due dates are recomputed from the account's
//! renewal date. A default task is listed in `done` only when it is done, so a done date
//! without a done flag cannot be written. Milestones are `t180`, `t120`, `t90`, `t60`,
//! `t30`, `t7`; task keys are those of [`MilestoneKind::default_tasks`]. Refused on import,
//! with the path of the value: a negative or absurd notice period (above 730 days), an
//! unknown task key, a task marked done twice, duplicate added-task ids, an empty or
//! over-long task text.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::renewal::{MilestoneKind, Renewal};

use super::AccountProblem;

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RenewalV1 {
    /// Days of notice before the renewal date; absent or null when not set.
    #[serde(default)]
    pub notice_days: Option<i64>,
    #[serde(default)]
    pub auto_renew: bool,
    #[serde(default)]
    pub early_start: bool,
    #[serde(default, deserialize_with = "crate::format::read::list")]
    pub done: Vec<DoneTaskV1>,
    #[serde(default, deserialize_with = "crate::format::read::list")]
    pub custom_tasks: Vec<CustomTaskV1>,
}

/// A default task that is done.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DoneTaskV1 {
    pub milestone: MilestoneV1,
    pub task: String,
    #[serde(deserialize_with = "crate::format::read::date")]
    pub done_on: NaiveDate,
}

/// A task the user added to a milestone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomTaskV1 {
    pub id: u32,
    pub milestone: MilestoneV1,
    pub text: String,
    /// Null while not done.
    #[serde(default, deserialize_with = "crate::format::read::optional_date")]
    pub done_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MilestoneV1 {
    T180,
    T120,
    T90,
    T60,
    T30,
    T7,
}

impl From<MilestoneKind> for MilestoneV1 {
    fn from(m: MilestoneKind) -> Self {
        match m {
            MilestoneKind::T180 => MilestoneV1::T180,
            MilestoneKind::T120 => MilestoneV1::T120,
            MilestoneKind::T90 => MilestoneV1::T90,
            MilestoneKind::T60 => MilestoneV1::T60,
            MilestoneKind::T30 => MilestoneV1::T30,
            MilestoneKind::T7 => MilestoneV1::T7,
        }
    }
}

impl From<MilestoneV1> for MilestoneKind {
    fn from(m: MilestoneV1) -> Self {
        match m {
            MilestoneV1::T180 => MilestoneKind::T180,
            MilestoneV1::T120 => MilestoneKind::T120,
            MilestoneV1::T90 => MilestoneKind::T90,
            MilestoneV1::T60 => MilestoneKind::T60,
            MilestoneV1::T30 => MilestoneKind::T30,
            MilestoneV1::T7 => MilestoneKind::T7,
        }
    }
}

impl From<&Renewal> for RenewalV1 {
    fn from(r: &Renewal) -> Self {
        RenewalV1 {
            notice_days: r.notice_days().map(i64::from),
            auto_renew: r.auto_renew,
            early_start: r.early_start,
            done: r
                .done_marks()
                .map(|(m, task, done_on)| DoneTaskV1 {
                    milestone: m.into(),
                    task: task.to_string(),
                    done_on,
                })
                .collect(),
            custom_tasks: r
                .custom_tasks()
                .iter()
                .map(|c| CustomTaskV1 {
                    id: c.id(),
                    milestone: c.milestone().into(),
                    text: c.text().to_string(),
                    done_on: c.done_on(),
                })
                .collect(),
        }
    }
}

impl RenewalV1 {
    /// Converts to the domain record; problems carry a path below the account.
    pub fn into_domain(self) -> Result<Renewal, AccountProblem> {
        let mut r = Renewal::default();
        r.auto_renew = self.auto_renew;
        r.early_start = self.early_start;
        let notice = match self.notice_days {
            None => None,
            Some(d) if d < 0 => {
                return Err((
                    "renewal.notice_days".into(),
                    format!("a notice period cannot be negative, found {d}"),
                ))
            }
            Some(d) => Some(u32::try_from(d).unwrap_or(u32::MAX)),
        };
        r.set_notice_days(notice)
            .map_err(|e| ("renewal.notice_days".to_string(), e.message))?;
        for (i, d) in self.done.into_iter().enumerate() {
            r.restore_done(d.milestone.into(), &d.task, d.done_on)
                .map_err(|e| (format!("renewal.done[{i}].task"), e.message))?;
        }
        for (i, c) in self.custom_tasks.into_iter().enumerate() {
            if r.custom_tasks().iter().any(|x| x.id() == c.id) {
                return Err((
                    format!("renewal.custom_tasks[{i}].id"),
                    format!("id {} is used by an earlier task; ids must be unique", c.id),
                ));
            }
            r.restore_custom_task(c.id, c.milestone.into(), &c.text, c.done_on)
                .map_err(|e| (format!("renewal.custom_tasks[{i}].text"), e.message))?;
        }
        Ok(r)
    }
}

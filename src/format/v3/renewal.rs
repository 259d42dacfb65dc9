//! The renewal record of an account in version 3 of the file: the version 1 record
//! (`v1::renewal`) with an owner per task (docs/account-depth.md#owners).
//!
//! ```json
//! "renewal": {
//!   "notice_days": 60, "auto_renew": true, "early_start": false,
//!   "done": [ { "milestone": "t90", "task": "qbr", "done_on": "2026-12-02" } ],
//!   "custom_tasks": [
//!     { "id": 1, "milestone": "t60", "text": "Get the DPA signed", "done_on": null,
//!       "owner": "Sam Okafor" }
//!   ],
//!   "owners": [ { "milestone": "t90", "task": "qbr", "owner": "Priya Raman" } ]
//! }
//! ```
//!
//! `owners` names the owners of default tasks (a task not listed has none); an added task
//! carries its own `owner`. Both are absent when nobody is named, so a record without
//! owners is written exactly as version 1 wrote it. Refused on import, with the path of
//! the value: an unknown task key, a task's owner given twice, an owner over 120
//! characters.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::renewal::{Renewal, TaskKey};

use super::super::v1::renewal::{CustomTaskV1, DoneTaskV1, MilestoneV1, RenewalV1};
use super::super::v1::AccountProblem;

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RenewalV3 {
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
    pub custom_tasks: Vec<CustomTaskV3>,

    // ----- version 3: owners of default tasks
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::format::read::list"
    )]
    pub owners: Vec<TaskOwnerV3>,
}

/// A task the user added to a milestone; version 3 adds its owner.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomTaskV3 {
    pub id: u32,
    pub milestone: MilestoneV1,
    pub text: String,
    /// Null while not done.
    #[serde(default, deserialize_with = "crate::format::read::optional_date")]
    pub done_on: Option<NaiveDate>,
    /// Who does it; absent when nobody is named.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
}

/// The owner of a default task.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskOwnerV3 {
    pub milestone: MilestoneV1,
    pub task: String,
    pub owner: String,
}

impl RenewalV3 {
    /// A version 1 record as version 3: nobody named on any task.
    pub fn from_v1(r: RenewalV1) -> RenewalV3 {
        RenewalV3 {
            notice_days: r.notice_days,
            auto_renew: r.auto_renew,
            early_start: r.early_start,
            done: r.done,
            custom_tasks: r
                .custom_tasks
                .into_iter()
                .map(|c| CustomTaskV3 {
                    id: c.id,
                    milestone: c.milestone,
                    text: c.text,
                    done_on: c.done_on,
                    owner: String::new(),
                })
                .collect(),
            owners: Vec::new(),
        }
    }

    /// The version 1 part of the record, and the owners beside it (added tasks' owners
    /// by position, then the default tasks').
    fn split(self) -> (RenewalV1, Vec<String>, Vec<TaskOwnerV3>) {
        let mut custom_owners = Vec::with_capacity(self.custom_tasks.len());
        let custom_tasks = self
            .custom_tasks
            .into_iter()
            .map(|c| {
                custom_owners.push(c.owner);
                CustomTaskV1 {
                    id: c.id,
                    milestone: c.milestone,
                    text: c.text,
                    done_on: c.done_on,
                }
            })
            .collect();
        (
            RenewalV1 {
                notice_days: self.notice_days,
                auto_renew: self.auto_renew,
                early_start: self.early_start,
                done: self.done,
                custom_tasks,
            },
            custom_owners,
            self.owners,
        )
    }

    /// Converts to the domain record: the version 1 rules, then the owners. Problems carry
    /// a path below the account.
    pub fn into_domain(self) -> Result<Renewal, AccountProblem> {
        let (v1, custom_owners, owners) = self.split();
        let mut r = v1.into_domain()?;
        let ids: Vec<u32> = r.custom_tasks().iter().map(|c| c.id()).collect();
        for (i, (id, owner)) in ids.into_iter().zip(custom_owners).enumerate() {
            r.set_owner(TaskKey::Custom(id), &owner)
                .map_err(|e| (format!("renewal.custom_tasks[{i}].owner"), e.message))?;
        }
        for (i, o) in owners.into_iter().enumerate() {
            r.restore_owner(o.milestone.into(), &o.task, &o.owner)
                .map_err(|e| (format!("renewal.owners[{i}].{}", e.path), e.message))?;
        }
        Ok(r)
    }
}

impl From<&Renewal> for RenewalV3 {
    fn from(r: &Renewal) -> Self {
        let mut v = RenewalV3::from_v1(RenewalV1::from(r));
        for (c, task) in v.custom_tasks.iter_mut().zip(r.custom_tasks()) {
            c.owner = task.owner().to_string();
        }
        v.owners = r
            .owner_marks()
            .map(|(m, task, owner)| TaskOwnerV3 {
                milestone: m.into(),
                task: task.to_string(),
                owner: owner.to_string(),
            })
            .collect();
        v
    }
}

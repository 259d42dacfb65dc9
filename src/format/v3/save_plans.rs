//! Save plans in version 3 of the file: the version 1 plan (`v1::save_plan`) and its
//! recovery plan (docs/account-depth.md#recovery-plan): measurable milestones and the
//! logged weekly check-ins.
//!
//! ```json
//! { "opened_on": "2026-10-01", "root_cause": "product_gap", "owner": "Priya Raman",
//!   "notify_leadership": true, "done": [], "closed": null,
//!   "milestones": [ { "what": "Export fixed", "target": "No failed export for 2 weeks",
//!                     "by": "2026-10-20", "met_on": "2026-10-18" } ],
//!   "check_ins": [ { "on": "2026-10-15", "note": "Fix in test with them", "health": 48.5 } ] }
//! ```
//!
//! `milestones` and `check_ins` are absent when empty. Refused on import, with the path
//! of the value: an empty milestone or target, a milestone met or a check-in logged
//! before the plan was opened, an empty check-in note, a health score outside 0-100.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::recovery::{CheckInLog, Milestone, Recovery};
use crate::domain::save_plan::{SavePlan, SavePlans, StepKind};

use super::super::v1::save_plan::{self as v1, ClosureV1, DoneStepV1, RootCauseV1, SavePlanV1};
use super::super::v1::AccountProblem;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavePlanV3 {
    #[serde(deserialize_with = "crate::format::read::date")]
    pub opened_on: NaiveDate,
    #[serde(default)]
    pub root_cause: Option<RootCauseV1>,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub notify_leadership: bool,
    #[serde(default, deserialize_with = "crate::format::read::list")]
    pub done: Vec<DoneStepV1>,
    #[serde(default)]
    pub closed: Option<ClosureV1>,

    // ----- version 3: the recovery plan
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::format::read::list"
    )]
    pub milestones: Vec<MilestoneV3>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::format::read::list"
    )]
    pub check_ins: Vec<CheckInV3>,

    // ----- version 3: owners of steps (docs/account-depth.md#owners)
    /// Owners named on steps; a step not listed is the save owner's. Absent: none.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::format::read::list"
    )]
    pub step_owners: Vec<StepOwnerV3>,
}

/// The owner named on one step of a save plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepOwnerV3 {
    pub step: String,
    pub owner: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MilestoneV3 {
    pub what: String,
    /// How it is measured.
    pub target: String,
    #[serde(deserialize_with = "crate::format::read::date")]
    pub by: NaiveDate,
    /// Null until met.
    #[serde(default, deserialize_with = "crate::format::read::optional_date")]
    pub met_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckInV3 {
    #[serde(deserialize_with = "crate::format::read::date")]
    pub on: NaiveDate,
    pub note: String,
    /// The health score (0-100) on that day; null without a scored check-in.
    #[serde(default)]
    pub health: Option<f64>,
}

impl SavePlanV3 {
    /// A version 1 plan as version 3: no milestones, no logged check-ins.
    pub fn from_v1(p: SavePlanV1) -> SavePlanV3 {
        SavePlanV3 {
            opened_on: p.opened_on,
            root_cause: p.root_cause,
            owner: p.owner,
            notify_leadership: p.notify_leadership,
            done: p.done,
            closed: p.closed,
            milestones: Vec::new(),
            check_ins: Vec::new(),
            step_owners: Vec::new(),
        }
    }

    /// The version 1 part of the plan, and its version 3 parts.
    fn split(self) -> (SavePlanV1, Version3Parts) {
        (
            SavePlanV1 {
                opened_on: self.opened_on,
                root_cause: self.root_cause,
                owner: self.owner,
                notify_leadership: self.notify_leadership,
                done: self.done,
                closed: self.closed,
            },
            Version3Parts {
                milestones: self.milestones,
                check_ins: self.check_ins,
                step_owners: self.step_owners,
            },
        )
    }
}

/// What version 3 adds to a plan, carried beside its version 1 part.
struct Version3Parts {
    milestones: Vec<MilestoneV3>,
    check_ins: Vec<CheckInV3>,
    step_owners: Vec<StepOwnerV3>,
}

impl From<&SavePlan> for SavePlanV3 {
    fn from(p: &SavePlan) -> Self {
        let mut v = SavePlanV3::from_v1(SavePlanV1::from(p));
        v.milestones = p
            .recovery
            .milestones()
            .iter()
            .map(|m| MilestoneV3 {
                what: m.what.clone(),
                target: m.target.clone(),
                by: m.by,
                met_on: m.met_on,
            })
            .collect();
        v.check_ins = p
            .recovery
            .check_ins()
            .iter()
            .map(|c| CheckInV3 {
                on: c.on,
                note: c.note.clone(),
                health: c.health,
            })
            .collect();
        v.step_owners = p
            .step_owners()
            .map(|(k, o)| StepOwnerV3 {
                step: k.key(),
                owner: o.to_string(),
            })
            .collect();
        v
    }
}

pub fn save_plans_to_v3(plans: &SavePlans) -> Vec<SavePlanV3> {
    plans.all().iter().map(SavePlanV3::from).collect()
}

/// Converts the file's plans to the domain: the version 1 rules, then each plan's
/// recovery part.
pub fn save_plans_into_domain(plans: Vec<SavePlanV3>) -> Result<SavePlans, AccountProblem> {
    let mut v1_plans = Vec::with_capacity(plans.len());
    let mut recovery = Vec::with_capacity(plans.len());
    for p in plans {
        let (plan, parts) = p.split();
        v1_plans.push(plan);
        recovery.push(parts);
    }
    let mut out = v1::save_plans_into_domain(v1_plans)?;
    for (i, parts) in recovery.into_iter().enumerate() {
        let Some(plan) = out.plan_mut(i) else { break };
        let (m, c) = (parts.milestones, parts.check_ins);
        for (j, o) in parts.step_owners.into_iter().enumerate() {
            let at = format!("save_plans[{i}].step_owners[{j}]");
            let step = StepKind::from_key(&o.step).ok_or_else(|| {
                (
                    format!("{at}.step"),
                    format!(
                        "unknown step \"{}\"; steps are triage, tell_leadership, executive_outreach, root_cause_meeting, check_in_1, check_in_2, ...",
                        o.step
                    ),
                )
            })?;
            plan.restore_step_owner(step, &o.owner)
                .map_err(|e| (format!("{at}.{}", e.path), e.message))?;
        }
        let milestones = m
            .into_iter()
            .map(|m| Milestone {
                what: m.what,
                target: m.target,
                by: m.by,
                met_on: m.met_on,
            })
            .collect();
        let check_ins = c
            .into_iter()
            .map(|c| CheckInLog {
                on: c.on,
                note: c.note,
                health: c.health,
            })
            .collect();
        plan.recovery =
            Recovery::restore(milestones, check_ins, plan.opened_on()).map_err(|e| {
                let e = e.under(&format!("save_plans[{i}]"));
                (e.path, e.message)
            })?;
    }
    Ok(out)
}

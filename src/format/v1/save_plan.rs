//! Save plans of an account in version 1 of the file, oldest first:
//!
//! ```json
//! "save_plans": [
//!   { "opened_on": "2026-10-01", "root_cause": "budget_cut", "owner": "Priya Raman",
//!     "notify_leadership": true,
//!     "done": [ { "step": "triage", "done_on": "2026-10-01" },
//!               { "step": "check_in_1", "done_on": "2026-10-15" } ],
//!     "closed": { "outcome": "saved", "on": "2026-11-20", "note": "Back to green" } }
//! ]
//! ```
//!
//! Steps are `triage`, `tell_leadership`, `executive_outreach`, `root_cause_meeting` and
//! `check_in_N` (N from 1). Due dates are recomputed from `opened_on`. A plan without
//! `closed` is open. Refused on import, with the path of the value: a second open plan, an
//! unknown step, a step done twice, a step done before the plan was opened,
//! `tell_leadership` on a plan that does not notify leadership, a closing date before the
//! opening date, over-long owner or note.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::save_plan::{Closure, Outcome, RootCause, SavePlan, SavePlans, StepKind};

use super::AccountProblem;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavePlanV1 {
    #[serde(deserialize_with = "crate::format::read::date")]
    pub opened_on: NaiveDate,
    /// Null until triage names it.
    #[serde(default)]
    pub root_cause: Option<RootCauseV1>,
    #[serde(default)]
    pub owner: String,
    /// True when ARR was above 50,000 at opening: the plan has a "tell leadership" step.
    #[serde(default)]
    pub notify_leadership: bool,
    #[serde(default, deserialize_with = "crate::format::read::list")]
    pub done: Vec<DoneStepV1>,
    /// Absent or null while the plan is open.
    #[serde(default)]
    pub closed: Option<ClosureV1>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DoneStepV1 {
    pub step: String,
    #[serde(deserialize_with = "crate::format::read::date")]
    pub done_on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClosureV1 {
    pub outcome: OutcomeV1,
    #[serde(deserialize_with = "crate::format::read::date")]
    pub on: NaiveDate,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RootCauseV1 {
    ProductGap,
    RelationshipBreakdown,
    BudgetCut,
    CompetitiveThreat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeV1 {
    Saved,
    Lost,
    Other,
}

impl From<RootCause> for RootCauseV1 {
    fn from(c: RootCause) -> Self {
        match c {
            RootCause::ProductGap => RootCauseV1::ProductGap,
            RootCause::RelationshipBreakdown => RootCauseV1::RelationshipBreakdown,
            RootCause::BudgetCut => RootCauseV1::BudgetCut,
            RootCause::CompetitiveThreat => RootCauseV1::CompetitiveThreat,
        }
    }
}
impl From<RootCauseV1> for RootCause {
    fn from(c: RootCauseV1) -> Self {
        match c {
            RootCauseV1::ProductGap => RootCause::ProductGap,
            RootCauseV1::RelationshipBreakdown => RootCause::RelationshipBreakdown,
            RootCauseV1::BudgetCut => RootCause::BudgetCut,
            RootCauseV1::CompetitiveThreat => RootCause::CompetitiveThreat,
        }
    }
}
impl From<Outcome> for OutcomeV1 {
    fn from(o: Outcome) -> Self {
        match o {
            Outcome::Saved => OutcomeV1::Saved,
            Outcome::Lost => OutcomeV1::Lost,
            Outcome::Other => OutcomeV1::Other,
        }
    }
}
impl From<OutcomeV1> for Outcome {
    fn from(o: OutcomeV1) -> Self {
        match o {
            OutcomeV1::Saved => Outcome::Saved,
            OutcomeV1::Lost => Outcome::Lost,
            OutcomeV1::Other => Outcome::Other,
        }
    }
}

impl From<&SavePlan> for SavePlanV1 {
    fn from(p: &SavePlan) -> Self {
        SavePlanV1 {
            opened_on: p.opened_on(),
            root_cause: p.root_cause.map(Into::into),
            owner: p.owner().to_string(),
            notify_leadership: p.notify_leadership(),
            done: p
                .done_steps()
                .map(|(k, d)| DoneStepV1 {
                    step: k.key(),
                    done_on: d,
                })
                .collect(),
            closed: p.closure().map(|c| ClosureV1 {
                outcome: c.outcome.into(),
                on: c.on,
                note: c.note.clone(),
            }),
        }
    }
}

/// All plans of an account, in file order.
pub fn save_plans_to_v1(plans: &SavePlans) -> Vec<SavePlanV1> {
    plans.all().iter().map(SavePlanV1::from).collect()
}

/// Converts the file's plans to the domain; problems carry a path below the account.
pub fn save_plans_into_domain(plans: Vec<SavePlanV1>) -> Result<SavePlans, AccountProblem> {
    let mut out = SavePlans::default();
    for (i, p) in plans.into_iter().enumerate() {
        let at = |rest: &str| format!("save_plans[{i}].{rest}");
        let mut plan = SavePlan::restore(
            p.opened_on,
            p.root_cause.map(Into::into),
            &p.owner,
            p.notify_leadership,
        )
        .map_err(|e| (at("owner"), e.message))?;
        for (j, d) in p.done.into_iter().enumerate() {
            let step = StepKind::from_key(&d.step).ok_or_else(|| {
                (
                    at(&format!("done[{j}].step")),
                    format!(
                        "unknown step \"{}\"; steps are triage, tell_leadership, executive_outreach, root_cause_meeting, check_in_1, check_in_2, ...",
                        d.step
                    ),
                )
            })?;
            plan.restore_done(step, d.done_on)
                .map_err(|e| (at(&format!("done[{j}]")), e.message))?;
        }
        if let Some(c) = p.closed {
            plan.restore_closure(Closure {
                outcome: c.outcome.into(),
                on: c.on,
                note: c.note,
            })
            .map_err(|e| (at("closed"), e.message))?;
        }
        if plan.is_open() {
            if let Some(k) = out.all().iter().position(SavePlan::is_open) {
                return Err((
                    format!("save_plans[{i}].closed"),
                    format!("save_plans[{k}] is also open; an account has at most one open save plan, so close one of them"),
                ));
            }
        }
        out.restore(plan)
            .map_err(|e| (format!("save_plans[{i}]"), e.message))?;
    }
    Ok(out)
}

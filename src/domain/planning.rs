//! [`Planning`]: everything of the plan feature one account keeps, the plan itself, its QBRs
//! and the qualification scorecards of its opportunities.

use chrono::NaiveDate;

use super::error::PlanError;
use super::plan::{AccountPlan, Action, ActionId, ActionStatus, GoalId};
use super::qbr::{ClockTime, MutualAction, Qbr, QbrId};
use super::qualify::Qualification;

/// Everything of this feature one account keeps: its plan, its QBRs (oldest first as
/// added) and the qualification scorecards of its opportunities (one per opportunity id).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Planning {
    pub plan: AccountPlan,
    qbrs: Vec<Qbr>,
    qualifications: Vec<Qualification>,
}

impl Planning {
    /// Parts read from a file: QBRs must be valid with unique ids, one scorecard set per
    /// opportunity. Errors carry paths relative to the planning (`qbrs[1].attendees`).
    pub fn from_parts(
        plan: AccountPlan,
        qbrs: Vec<Qbr>,
        qualifications: Vec<Qualification>,
    ) -> Result<Self, PlanError> {
        for (i, q) in qbrs.iter().enumerate() {
            if qbrs[..i].iter().any(|r| r.id == q.id) {
                return Err(PlanError::new(
                    format!("qbrs[{i}].id"),
                    format!("QBR id {} is used twice.", q.id.0),
                ));
            }
            if let Err(e) = q.validate() {
                return Err(e[0].clone().under(&format!("qbrs[{i}]")));
            }
        }
        for (i, q) in qualifications.iter().enumerate() {
            if qualifications[..i]
                .iter()
                .any(|r| r.opportunity() == q.opportunity())
            {
                return Err(PlanError::new(
                    format!("qualifications[{i}].opportunity_id"),
                    format!(
                        "Opportunity {} has two scorecards; keep one.",
                        q.opportunity()
                    ),
                ));
            }
        }
        Ok(Planning {
            plan,
            qbrs,
            qualifications,
        })
    }

    pub fn qbrs(&self) -> &[Qbr] {
        &self.qbrs
    }

    pub fn qbr(&self, id: QbrId) -> Option<&Qbr> {
        self.qbrs.iter().find(|q| q.id == id)
    }

    /// Starts a QBR on `date` at `start` with a first draft of "value delivered" and
    /// "challenges" (see [`crate::domain::audience::plan_qbr`], which writes them from customer-visible
    /// facts only).
    pub fn add_qbr(
        &mut self,
        date: NaiveDate,
        start: ClockTime,
        value_delivered: String,
        challenges: String,
    ) -> QbrId {
        let id = QbrId(self.qbrs.iter().map(|q| q.id.0).max().unwrap_or(0) + 1);
        let mut qbr = Qbr::new(id, date, start);
        qbr.value_delivered = value_delivered;
        qbr.challenges = challenges;
        self.qbrs.push(qbr);
        id
    }

    /// Replaces the QBR with the same id if the new one is valid.
    pub fn update_qbr(&mut self, qbr: Qbr) -> Result<(), Vec<PlanError>> {
        qbr.validate()?;
        match self.qbrs.iter_mut().find(|q| q.id == qbr.id) {
            Some(slot) => {
                *slot = qbr;
                Ok(())
            }
            None => Err(vec![PlanError::new(
                "id",
                "This QBR was removed in the meantime.",
            )]),
        }
    }

    pub fn remove_qbr(&mut self, id: QbrId) -> Option<Qbr> {
        let i = self.qbrs.iter().position(|q| q.id == id)?;
        Some(self.qbrs.remove(i))
    }

    /// Copies the QBR's mutual action items not pushed yet into the plan's 90-day actions,
    /// each serving `goal` (`None`: untied, and the plan flags them until someone ties
    /// them; a goal the plan does not have is refused and nothing changes), and marks them
    /// pushed. Returns the new action ids, in item order; none when every item was pushed
    /// before. Customer-side items keep their owner and get "(customer)" after it.
    pub fn push_mutual_actions(
        &mut self,
        qbr: QbrId,
        goal: Option<GoalId>,
        today: NaiveDate,
    ) -> Result<Vec<ActionId>, Vec<PlanError>> {
        let Some(q) = self.qbrs.iter().position(|x| x.id == qbr) else {
            return Err(vec![PlanError::new(
                "id",
                "This QBR was removed in the meantime.",
            )]);
        };
        let pending: Vec<(usize, MutualAction)> = self.qbrs[q]
            .mutual_actions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.pushed_as.is_none())
            .map(|(i, m)| (i, m.clone()))
            .collect();
        if pending.is_empty() {
            return Ok(Vec::new());
        }
        let first = self.plan.content().next_action_id().0;
        let ids: Vec<ActionId> = (0..pending.len() as u32)
            .map(|k| ActionId(first + k))
            .collect();
        self.plan.edit(today, |c| {
            for ((_, m), id) in pending.iter().zip(&ids) {
                c.actions.push(Action {
                    id: *id,
                    text: m.text.clone(),
                    due: m.due,
                    owner: m.owner_label(),
                    status: ActionStatus::Open,
                    goal,
                });
            }
        })?;
        for ((i, _), id) in pending.iter().zip(&ids) {
            self.qbrs[q].mutual_actions[*i].pushed_as = Some(*id);
        }
        Ok(ids)
    }

    pub fn qualifications(&self) -> &[Qualification] {
        &self.qualifications
    }

    pub fn qualification(&self, opportunity: u32) -> Option<&Qualification> {
        self.qualifications
            .iter()
            .find(|q| q.opportunity() == opportunity)
    }

    /// The scorecards of an opportunity, created blank on first use.
    pub fn qualification_mut(&mut self, opportunity: u32) -> &mut Qualification {
        let i = match self
            .qualifications
            .iter()
            .position(|q| q.opportunity() == opportunity)
        {
            Some(i) => i,
            None => {
                self.qualifications.push(Qualification::new(opportunity));
                self.qualifications.len() - 1
            }
        };
        &mut self.qualifications[i]
    }

    /// Drops the scorecards of an opportunity (e.g. when the opportunity is deleted).
    pub fn remove_qualification(&mut self, opportunity: u32) -> Option<Qualification> {
        let i = self
            .qualifications
            .iter()
            .position(|q| q.opportunity() == opportunity)?;
        Some(self.qualifications.remove(i))
    }
}

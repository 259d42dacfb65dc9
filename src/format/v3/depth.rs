//! Account depth in version 3 of the file (docs/account-depth.md): the white space grid,
//! commitments and escalations of an account.
//!
//! ```json
//! "white_space": {
//!   "rows": ["Legal"], "columns": ["Analytics"],
//!   "cells": [ { "row": "Finance", "column": "Billing", "state": "owned", "arr": 24000 },
//!              { "row": "Legal", "column": "Billing", "state": "pipeline", "opportunity_id": 2 } ]
//! },
//! "commitments": [
//!   { "id": 1, "what": "Send the SSO design", "to_whom": 3, "owner": "Dana Reyes",
//!     "due": "2026-11-10", "status": "kept", "status_date": "2026-11-08",
//!     "evidence": "Design shared on 8 Nov, signed off by their IT lead" } ],
//! "escalations": [
//!   { "id": 1, "issue": "Exports fail above 10,000 rows", "severity": "high",
//!     "owner": "Sam Okafor", "opened_on": "2026-11-02", "clarified_on": "2026-11-02",
//!     "owner_set_on": "2026-11-03", "timeline_told_on": "2026-11-03",
//!     "resolved_on": null, "confirmed_on": null, "next_update": "2026-11-20", "notes": "" } ]
//! ```
//!
//! Each block is absent when empty. Refused on import, with the path of the value: a
//! cell's state unknown, an owned ARR that is not a number from 0 to a trillion, a link to
//! an opportunity the account does not have, a cell or row given twice; a commitment to a
//! person not on the account, kept/broken/renegotiated without its date, ids given twice;
//! an escalation step dated before it was opened, confirmed without being resolved.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::commitments::{Commitment, CommitmentId, Commitments, Status, StatusKind};
use crate::domain::escalations::{Escalation, EscalationId, Escalations, Severity, Step};
use crate::domain::expansion::OpportunityId;
use crate::domain::stakeholders::{StakeholderId, StakeholderMap};
use crate::domain::white_space::{Around, Cell, CellKind, StoredCell, WhiteSpace};

use super::super::v1::AccountProblem;

// ----- white space

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WhiteSpaceV3 {
    /// Business units or teams the user added (the stakeholders' ones are not repeated).
    #[serde(default, deserialize_with = "crate::format::read::list")]
    pub rows: Vec<String>,
    /// Products or modules the user added (the account's products are not repeated).
    #[serde(default, deserialize_with = "crate::format::read::list")]
    pub columns: Vec<String>,
    /// The cells set; a cell not listed is not assessed.
    #[serde(default, deserialize_with = "crate::format::read::list")]
    pub cells: Vec<CellV3>,
}

impl WhiteSpaceV3 {
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty() && self.columns.is_empty() && self.cells.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CellV3 {
    pub row: String,
    pub column: String,
    pub state: CellStateV3,
    /// Owned cells: the ARR it brings, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arr: Option<f64>,
    /// Pipeline cells: the opportunity (`expansion.opportunities[].id`) it is linked to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opportunity_id: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CellStateV3 {
    Owned,
    Pipeline,
    Open,
    NotAFit,
}

impl From<CellKind> for CellStateV3 {
    fn from(k: CellKind) -> Self {
        match k {
            CellKind::Owned => CellStateV3::Owned,
            CellKind::Pipeline => CellStateV3::Pipeline,
            CellKind::Open => CellStateV3::Open,
            CellKind::NotAFit => CellStateV3::NotAFit,
        }
    }
}

pub fn white_space_to_v3(ws: &WhiteSpace) -> WhiteSpaceV3 {
    WhiteSpaceV3 {
        rows: ws.added_rows().to_vec(),
        columns: ws.added_columns().to_vec(),
        cells: ws
            .stored_cells()
            .map(|c| {
                let (arr, opportunity_id) = match c.cell {
                    Cell::Owned { arr } => (arr, None),
                    Cell::Pipeline { opportunity } => (None, opportunity.map(|o| o.0)),
                    _ => (None, None),
                };
                CellV3 {
                    row: c.row.clone(),
                    column: c.column.clone(),
                    state: c.cell.kind().into(),
                    arr,
                    opportunity_id,
                }
            })
            .collect(),
    }
}

pub fn white_space_into_domain(
    v: WhiteSpaceV3,
    around: Around<'_>,
) -> Result<WhiteSpace, AccountProblem> {
    let mut cells = Vec::with_capacity(v.cells.len());
    for (i, c) in v.cells.into_iter().enumerate() {
        let at = |rest: &str| format!("white_space.cells[{i}].{rest}");
        let cell = match c.state {
            CellStateV3::Owned => {
                if c.opportunity_id.is_some() {
                    return Err((
                        at("opportunity_id"),
                        "only a pipeline cell links an opportunity".into(),
                    ));
                }
                Cell::Owned { arr: c.arr }
            }
            CellStateV3::Pipeline => {
                if c.arr.is_some() {
                    return Err((at("arr"), "only an owned cell has an ARR".into()));
                }
                Cell::Pipeline {
                    opportunity: c.opportunity_id.map(OpportunityId),
                }
            }
            CellStateV3::Open | CellStateV3::NotAFit => {
                if c.arr.is_some() {
                    return Err((at("arr"), "only an owned cell has an ARR".into()));
                }
                if c.opportunity_id.is_some() {
                    return Err((
                        at("opportunity_id"),
                        "only a pipeline cell links an opportunity".into(),
                    ));
                }
                if c.state == CellStateV3::Open {
                    Cell::Open
                } else {
                    Cell::NotAFit
                }
            }
        };
        cells.push(StoredCell {
            row: c.row,
            column: c.column,
            cell,
        });
    }
    // The domain names the part (`rows[0]`, `cells[2].row`); the file's path adds the block.
    WhiteSpace::restore(v.rows, v.columns, cells, around).map_err(|e| {
        let e = e.under("white_space");
        (e.path, e.message)
    })
}

// ----- commitments

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommitmentV3 {
    pub id: u32,
    pub what: String,
    /// The person it was promised to (`stakeholders.people[].id`), or null.
    #[serde(default)]
    pub to_whom: Option<u32>,
    #[serde(default)]
    pub owner: String,
    #[serde(deserialize_with = "crate::format::read::date")]
    pub due: NaiveDate,
    pub status: CommitmentStatusV3,
    /// The day it was kept or broken, or the new due date once renegotiated; null while open.
    #[serde(default, deserialize_with = "crate::format::read::optional_date")]
    pub status_date: Option<NaiveDate>,
    #[serde(default)]
    pub evidence: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommitmentStatusV3 {
    Open,
    Kept,
    Broken,
    Renegotiated,
}

impl From<StatusKind> for CommitmentStatusV3 {
    fn from(k: StatusKind) -> Self {
        match k {
            StatusKind::Open => CommitmentStatusV3::Open,
            StatusKind::Kept => CommitmentStatusV3::Kept,
            StatusKind::Broken => CommitmentStatusV3::Broken,
            StatusKind::Renegotiated => CommitmentStatusV3::Renegotiated,
        }
    }
}

impl From<CommitmentStatusV3> for StatusKind {
    fn from(k: CommitmentStatusV3) -> Self {
        match k {
            CommitmentStatusV3::Open => StatusKind::Open,
            CommitmentStatusV3::Kept => StatusKind::Kept,
            CommitmentStatusV3::Broken => StatusKind::Broken,
            CommitmentStatusV3::Renegotiated => StatusKind::Renegotiated,
        }
    }
}

pub fn commitments_to_v3(list: &Commitments) -> Vec<CommitmentV3> {
    list.all()
        .iter()
        .map(|(id, c)| CommitmentV3 {
            id: id.0,
            what: c.what.clone(),
            to_whom: c.to_whom.map(|p| p.0),
            owner: c.owner.clone(),
            due: c.due,
            status: c.status.kind().into(),
            status_date: c.status.date(),
            evidence: c.evidence.clone(),
        })
        .collect()
}

pub fn commitments_into_domain(
    v: Vec<CommitmentV3>,
    people: &StakeholderMap,
) -> Result<Commitments, AccountProblem> {
    let mut out = Commitments::default();
    for (i, c) in v.into_iter().enumerate() {
        let at = |rest: &str| format!("commitments[{i}].{rest}");
        let kind: StatusKind = c.status.into();
        if kind == StatusKind::Open && c.status_date.is_some() {
            return Err((
                at("status_date"),
                "an open commitment has no status date".into(),
            ));
        }
        let status =
            Status::from_parts(kind, c.status_date).map_err(|m| (at("status_date"), m.message))?;
        out.restore(
            people,
            CommitmentId(c.id),
            Commitment {
                what: c.what,
                to_whom: c.to_whom.map(StakeholderId),
                owner: c.owner,
                due: c.due,
                status,
                evidence: c.evidence,
            },
        )
        .map_err(|e| (at(&e.path), e.message))?;
    }
    Ok(out)
}

// ----- escalations

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EscalationV3 {
    pub id: u32,
    pub issue: String,
    pub severity: SeverityV3,
    #[serde(default)]
    pub owner: String,
    #[serde(deserialize_with = "crate::format::read::date")]
    pub opened_on: NaiveDate,
    #[serde(default, deserialize_with = "crate::format::read::optional_date")]
    pub clarified_on: Option<NaiveDate>,
    #[serde(default, deserialize_with = "crate::format::read::optional_date")]
    pub owner_set_on: Option<NaiveDate>,
    #[serde(default, deserialize_with = "crate::format::read::optional_date")]
    pub timeline_told_on: Option<NaiveDate>,
    #[serde(default, deserialize_with = "crate::format::read::optional_date")]
    pub resolved_on: Option<NaiveDate>,
    #[serde(default, deserialize_with = "crate::format::read::optional_date")]
    pub confirmed_on: Option<NaiveDate>,
    /// When the customer hears from us next.
    #[serde(default, deserialize_with = "crate::format::read::optional_date")]
    pub next_update: Option<NaiveDate>,
    #[serde(default)]
    pub notes: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SeverityV3 {
    Critical,
    High,
    Medium,
    Low,
}

impl From<Severity> for SeverityV3 {
    fn from(s: Severity) -> Self {
        match s {
            Severity::Critical => SeverityV3::Critical,
            Severity::High => SeverityV3::High,
            Severity::Medium => SeverityV3::Medium,
            Severity::Low => SeverityV3::Low,
        }
    }
}

impl From<SeverityV3> for Severity {
    fn from(s: SeverityV3) -> Self {
        match s {
            SeverityV3::Critical => Severity::Critical,
            SeverityV3::High => Severity::High,
            SeverityV3::Medium => Severity::Medium,
            SeverityV3::Low => Severity::Low,
        }
    }
}

pub fn escalations_to_v3(list: &Escalations) -> Vec<EscalationV3> {
    list.all()
        .iter()
        .map(|(id, e)| EscalationV3 {
            id: id.0,
            issue: e.issue.clone(),
            severity: e.severity.into(),
            owner: e.owner.clone(),
            opened_on: e.opened_on,
            clarified_on: e.done_on(Step::Clarify),
            owner_set_on: e.done_on(Step::SetOwner),
            timeline_told_on: e.done_on(Step::TellTimeline),
            resolved_on: e.done_on(Step::Resolve),
            confirmed_on: e.done_on(Step::Confirm),
            next_update: e.next_update,
            notes: e.notes.clone(),
        })
        .collect()
}

pub fn escalations_into_domain(v: Vec<EscalationV3>) -> Result<Escalations, AccountProblem> {
    let mut out = Escalations::default();
    for (i, e) in v.into_iter().enumerate() {
        let mut d = Escalation::new(&e.issue, e.severity.into(), e.opened_on);
        d.owner = e.owner;
        d.notes = e.notes;
        d.next_update = e.next_update;
        d.done = [
            e.clarified_on,
            e.owner_set_on,
            e.timeline_told_on,
            e.resolved_on,
            e.confirmed_on,
        ];
        out.restore(EscalationId(e.id), d)
            .map_err(|e| (format!("escalations[{i}].{}", e.path), e.message))?;
    }
    Ok(out)
}

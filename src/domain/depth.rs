//! Account depth at the level of an account and of the workspace (docs/account-depth.md):
//! the white space grid read with its account, an open cell made an opportunity, the
//! portfolio's white space, commitments due and escalations flagged across accounts (the
//! sources of the week's list). The features themselves (`white_space`, `commitments`,
//! `escalations`, `recovery`) never name the account that holds them.

use crate::domain::error::FieldError;
use crate::domain::order;
use chrono::NaiveDate;

use super::expansion::{OpportunityDraft, OpportunityId, OpportunityType};
use super::recovery::{CheckInLog, Milestone};
use super::save_plan::{Outcome, SavePlan, StepKind};
use super::white_space::{Around, Cell, Counts};
use super::{Account, AccountId, Workspace};

/// The grid's view of its account.
pub fn around(a: &Account) -> Around<'_> {
    Around {
        people: &a.stakeholders,
        products: &a.fields.products,
        expansion: &a.expansion,
    }
}

fn clean(label: &str) -> String {
    label.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The opportunity an open cell becomes: a new business unit when the row owns nothing
/// yet, otherwise a cross-sell; described from the cell, owned by the account's owner.
pub fn draft_for_cell(
    account: &Account,
    row: &str,
    column: &str,
) -> Result<OpportunityDraft, FieldError> {
    let ws = &account.white_space;
    let around = around(account);
    match ws.cell(row, column) {
        Some(Cell::Open) => {}
        _ => {
            return Err(FieldError::bare(
                "Only an open cell can become an opportunity.",
            ))
        }
    }
    let row_owns = ws.row_counts(around, row).owned > 0;
    let kind = if row_owns {
        OpportunityType::CrossSell
    } else {
        OpportunityType::NewBusinessUnit
    };
    let (r, c) = (clean(row), clean(column));
    let mut d = OpportunityDraft::new(kind);
    d.description = format!("{c} for {r}");
    d.trigger = if row_owns {
        format!("White space: {r} uses other products of ours but not {c}")
    } else {
        format!("White space: {r} does not use any of our products yet")
    };
    d.owner = account.fields.owner.clone();
    Ok(d)
}

/// Turns an open cell into an opportunity on the account's expansion list and links the
/// cell to it (now "in pipeline"). Nothing changes when it is refused.
pub fn cell_to_opportunity(
    account: &mut Account,
    row: &str,
    column: &str,
) -> Result<OpportunityId, FieldError> {
    let draft = draft_for_cell(account, row, column)?;
    let mut expansion = account.expansion.clone();
    let id = expansion
        .add(draft)
        .map_err(|errors| FieldError::bare(errors[0].message.clone()))?;
    let before = std::mem::replace(&mut account.expansion, expansion);
    let mut grid = account.white_space.clone();
    if let Err(m) = grid.set(
        around(account),
        row,
        column,
        Some(Cell::Pipeline {
            opportunity: Some(id),
        }),
    ) {
        account.expansion = before;
        return Err(m);
    }
    account.white_space = grid;
    Ok(id)
}

/// One account's line in the portfolio's white space view.
#[derive(Debug, Clone, PartialEq)]
pub struct AccountWhiteSpace {
    pub id: AccountId,
    pub name: String,
    pub counts: Counts,
    pub owned_arr: f64,
}

/// Every account with a grid (at least one cell assessed), most open cells first, then
/// lowest penetration, then name; and the totals over them.
pub fn white_space_portfolio(ws: &Workspace) -> (Vec<AccountWhiteSpace>, Counts) {
    let mut rows: Vec<AccountWhiteSpace> = ws
        .accounts()
        .iter()
        .filter(|a| a.white_space.has_cells())
        .map(|a| AccountWhiteSpace {
            id: a.id,
            name: a.fields.name.clone(),
            counts: a.white_space.total(around(a)),
            owned_arr: a.white_space.owned_arr(),
        })
        .collect();
    order::sort_by(&mut rows, |a, b| {
        b.counts
            .open
            .cmp(&a.counts.open)
            .then(
                a.counts
                    .penetration()
                    .unwrap_or(2.0)
                    .total_cmp(&b.counts.penetration().unwrap_or(2.0)),
            )
            .then(a.name.to_lowercase().cmp(&b.name.to_lowercase()))
            .then(a.id.cmp(&b.id))
    });
    let mut total = Counts::default();
    for r in &rows {
        total.owned += r.counts.owned;
        total.pipeline += r.counts.pipeline;
        total.open += r.counts.open;
        total.not_a_fit += r.counts.not_a_fit;
        total.not_assessed += r.counts.not_assessed;
    }
    (rows, total)
}

// ---------------------------------------------------------------------------------------
// The recovery plan of a save plan (docs/account-depth.md#recovery-plan)

fn open_plan(plan: &SavePlan) -> Result<(), FieldError> {
    if plan.is_open() {
        Ok(())
    } else {
        Err(FieldError::bare("This plan is closed."))
    }
}

/// Adds a milestone to an open plan. Nothing changes when refused.
pub fn add_milestone(
    plan: &mut SavePlan,
    m: Milestone,
    today: NaiveDate,
) -> Result<(), FieldError> {
    open_plan(plan)?;
    let opened = plan.opened_on();
    plan.recovery.add_milestone(m, opened, today)
}

/// Marks milestone `index` of an open plan met on `on`, or not met with `None`.
pub fn set_milestone_met(
    plan: &mut SavePlan,
    index: usize,
    on: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<(), FieldError> {
    open_plan(plan)?;
    let opened = plan.opened_on();
    plan.recovery.set_met(index, on, opened, today)
}

pub fn remove_milestone(plan: &mut SavePlan, index: usize) -> Option<Milestone> {
    if !plan.is_open() {
        return None;
    }
    plan.recovery.remove_milestone(index)
}

/// Logs a weekly check-in on `on` with a note and the health score of that day, and marks
/// the earliest listed weekly check-in step not done yet as done that day.
pub fn log_check_in(
    plan: &mut SavePlan,
    on: NaiveDate,
    note: &str,
    health: Option<f64>,
    today: NaiveDate,
) -> Result<(), FieldError> {
    open_plan(plan)?;
    let c = plan.recovery.check_check_in(
        CheckInLog {
            on,
            note: note.into(),
            health,
        },
        plan.opened_on(),
        today,
    )?;
    let step = plan
        .steps(today)
        .into_iter()
        .find(|s| matches!(s.kind, StepKind::CheckIn(_)) && !s.is_done())
        .map(|s| s.kind);
    if let Some(k) = step {
        plan.tick(k, on, today)?;
    }
    plan.recovery.push_check_in(c);
    Ok(())
}

/// Closes a plan under the closing rule: "saved" only while the account is green on
/// the closing day; "lost" or "other" with a note saying what happened.
pub fn close_save_plan(
    plan: &mut SavePlan,
    outcome: Outcome,
    on: NaiveDate,
    note: &str,
    is_green: bool,
    today: NaiveDate,
) -> Result<(), FieldError> {
    match outcome {
        Outcome::Saved if !is_green => {
            return Err(FieldError::new(
                "outcome",
                "A plan closes as saved only when the account is green again. Keep checking in weekly, or record another outcome.",
            ))
        }
        Outcome::Lost | Outcome::Other if note.trim().is_empty() => {
            return Err(FieldError::new(
                "note",
                "Record what happened: the note is the outcome.",
            ))
        }
        _ => {}
    }
    plan.close(outcome, on, note, today)
}

//! Renewal outcomes: when a renewal date has passed, what happened (renewed flat, with an
//! uplift, with a downsell, or churned), recorded as ARR changes, and the next term
//! started (docs/kpis.md#renewal-outcomes). Also the offer to record a won opportunity's
//! ARR as an expansion.

use crate::domain::error::FieldError;
use crate::domain::order;
use chrono::NaiveDate;

use crate::domain::account::Account;
use crate::domain::arr::{ArrEvent, ArrKind};
use crate::domain::expansion::{Opportunity, OpportunityId, Stage};
use crate::domain::ids::AccountId;
use crate::domain::workspace::Workspace;

/// What happened at a renewal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    Flat,
    Uplift,
    Downsell,
    Churned,
}

impl Outcome {
    pub const ALL: [Outcome; 4] = [
        Outcome::Flat,
        Outcome::Uplift,
        Outcome::Downsell,
        Outcome::Churned,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Flat => "Renewed flat",
            Outcome::Uplift => "Renewed with uplift",
            Outcome::Downsell => "Renewed with downsell",
            Outcome::Churned => "Churned",
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            Outcome::Flat => "flat",
            Outcome::Uplift => "uplift",
            Outcome::Downsell => "downsell",
            Outcome::Churned => "churned",
        }
    }
    pub fn from_key(s: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.key() == s)
    }
    pub fn renewed(self) -> bool {
        self != Outcome::Churned
    }
}

/// Where a refused outcome's message goes: the path of the refusal is its key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutcomeField {
    Outcome,
    NewArr,
    NextRenewal,
}

impl OutcomeField {
    pub const ALL: [OutcomeField; 3] = [
        OutcomeField::Outcome,
        OutcomeField::NewArr,
        OutcomeField::NextRenewal,
    ];

    pub fn key(self) -> &'static str {
        match self {
            OutcomeField::Outcome => "outcome",
            OutcomeField::NewArr => "new_arr",
            OutcomeField::NextRenewal => "next_renewal",
        }
    }

    /// The field a refusal's path names.
    pub fn from_key(key: &str) -> Option<OutcomeField> {
        OutcomeField::ALL.into_iter().find(|f| f.key() == key)
    }
}

fn refuse(field: OutcomeField, message: impl Into<String>) -> FieldError {
    FieldError::new(field.key(), message)
}

/// The renewal date has passed (today is after it) and the account is not churned: the
/// planner asks for the outcome. The one test of "renewal passed without outcome".
pub fn awaiting_outcome(account: &Account, today: NaiveDate) -> bool {
    !account.is_churned() && account.fields.renewal_date.is_some_and(|d| today > d)
}

/// Every account whose renewal passed without an outcome, oldest renewal first.
pub fn awaiting_outcomes(ws: &Workspace, today: NaiveDate) -> Vec<AccountId> {
    let mut due: Vec<(NaiveDate, AccountId)> = ws
        .accounts()
        .iter()
        .filter(|a| awaiting_outcome(a, today))
        .filter_map(|a| a.fields.renewal_date.map(|d| (d, a.id)))
        .collect();
    order::sort(&mut due);
    due.into_iter().map(|(_, id)| id).collect()
}

/// Records the outcome of the account's passed renewal: the ARR changes dated on the
/// renewal date (renewal, then expansion or contraction for the difference; or a churn),
/// and for a renewal the next term (contract start = the renewal date, renewal date =
/// `next_renewal`, the timeline's ticks cleared). A churn clears the renewal date. Refused
/// with nothing changed when the outcome does not fit.
pub fn record_outcome(
    account: &mut Account,
    outcome: Outcome,
    new_arr: f64,
    next_renewal: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<(), FieldError> {
    let due = match account.fields.renewal_date {
        Some(d) if awaiting_outcome(account, today) => d,
        _ => {
            return Err(refuse(
                OutcomeField::Outcome,
                "This account has no passed renewal waiting for an outcome.",
            ))
        }
    };
    let arr = account.fields.arr;
    let money = |x: f64| crate::domain::money::group_thousands(x.round() as u64);
    let new_arr = match outcome {
        Outcome::Flat => arr,
        Outcome::Churned => 0.0,
        Outcome::Uplift if !(new_arr.is_finite() && new_arr > arr) => {
            return Err(refuse(
                OutcomeField::NewArr,
                format!("An uplift means a new ARR above {}.", money(arr)),
            ))
        }
        Outcome::Downsell if !(new_arr.is_finite() && new_arr > 0.0 && new_arr < arr) => {
            return Err(refuse(
                OutcomeField::NewArr,
                format!(
                    "A downsell means a new ARR above 0 and below {} (to 0 is a churn).",
                    money(arr)
                ),
            ))
        }
        _ => new_arr,
    };
    let next = if outcome.renewed() {
        match next_renewal {
            None => {
                return Err(refuse(
                    OutcomeField::NextRenewal,
                    "Give the next renewal date.",
                ))
            }
            Some(n) if n <= due => {
                return Err(refuse(
                    OutcomeField::NextRenewal,
                    format!(
                        "The next renewal date must be after this one ({}).",
                        crate::domain::dates::long(due)
                    ),
                ))
            }
            Some(n) => Some(n),
        }
    } else {
        None
    };
    let at = |kind, amount| ArrEvent {
        date: due,
        kind,
        amount,
        note: String::new(),
    };
    let changes = match outcome {
        Outcome::Flat => vec![at(ArrKind::Renewal, 0.0)],
        Outcome::Uplift => vec![
            at(ArrKind::Renewal, 0.0),
            at(ArrKind::Expansion, new_arr - arr),
        ],
        Outcome::Downsell => vec![
            at(ArrKind::Renewal, 0.0),
            at(ArrKind::Contraction, new_arr - arr),
        ],
        Outcome::Churned => vec![at(ArrKind::Churn, -account.arr_log.arr_on(due))],
    };
    let mut log = account.arr_log.clone();
    for c in changes {
        log = log
            .with(c)
            .map_err(|e| refuse(OutcomeField::NewArr, e.message))?;
    }
    if log.total() != new_arr {
        // A change dated after the renewal date already moved the ARR: say so, change nothing.
        return Err(refuse(
            OutcomeField::NewArr,
            "The ARR history has changes after this renewal date; fix them on the Overview first.",
        ));
    }
    let a = account;
    a.set_arr_log(log);
    if let Some(n) = next {
        a.fields.contract_start = Some(due);
        a.fields.renewal_date = Some(n);
    } else {
        a.fields.renewal_date = None;
    }
    a.renewal.start_new_cycle();
    Ok(())
}

/// The note of the expansion recorded from a won opportunity (also how the offer knows it
/// was taken).
pub fn won_note(o: &Opportunity) -> String {
    format!("Won opportunity: {}", o.description())
}

/// Won opportunities whose ARR is not yet in the history: the planner offers to record
/// each as an expansion (never silently).
pub fn won_not_recorded(account: &Account) -> Vec<&Opportunity> {
    account
        .expansion
        .opportunities()
        .iter()
        .filter(|o| o.stage() == Stage::Won)
        .filter(|o| {
            let note = won_note(o);
            !account
                .arr_log
                .events()
                .iter()
                .any(|e| e.kind == ArrKind::Expansion && e.note == note)
        })
        .collect()
}

/// Records won opportunity `opportunity`'s ARR (`amount`, usually its estimate) as an
/// expansion on `date`. Refused with nothing changed when the history refuses it.
pub fn record_won(
    a: &mut Account,
    opportunity: OpportunityId,
    amount: f64,
    date: NaiveDate,
) -> Result<(), FieldError> {
    let o = a
        .expansion
        .opportunities()
        .iter()
        .find(|o| o.id() == opportunity && o.stage() == Stage::Won)
        .ok_or_else(|| {
            FieldError::new(
                "opportunity",
                "That opportunity is not won (or no longer here).",
            )
        })?;
    let event = ArrEvent {
        date,
        kind: ArrKind::Expansion,
        amount,
        note: won_note(o),
    };
    a.record_arr(event)
}

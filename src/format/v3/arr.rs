//! The ARR history of an account in the version 3 file (`arr_log`): dated, signed changes
//! whose sum is the account's `arr` (docs/kpis.md#the-arr-history).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::arr::{ArrEvent, ArrKind, ArrLog};
use crate::format::v1::AccountProblem;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArrEventV3 {
    #[serde(deserialize_with = "crate::format::read::date")]
    pub date: NaiveDate,
    pub kind: ArrKindV3,
    /// The change, signed: `+12000` for an expansion, `-5000` for a contraction.
    pub amount: f64,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ArrKindV3 {
    New,
    Expansion,
    Contraction,
    Churn,
    Renewal,
    Correction,
}

impl From<ArrKind> for ArrKindV3 {
    fn from(k: ArrKind) -> Self {
        match k {
            ArrKind::New => ArrKindV3::New,
            ArrKind::Expansion => ArrKindV3::Expansion,
            ArrKind::Contraction => ArrKindV3::Contraction,
            ArrKind::Churn => ArrKindV3::Churn,
            ArrKind::Renewal => ArrKindV3::Renewal,
            ArrKind::Correction => ArrKindV3::Correction,
        }
    }
}

impl From<ArrKindV3> for ArrKind {
    fn from(k: ArrKindV3) -> Self {
        match k {
            ArrKindV3::New => ArrKind::New,
            ArrKindV3::Expansion => ArrKind::Expansion,
            ArrKindV3::Contraction => ArrKind::Contraction,
            ArrKindV3::Churn => ArrKind::Churn,
            ArrKindV3::Renewal => ArrKind::Renewal,
            ArrKindV3::Correction => ArrKind::Correction,
        }
    }
}

/// The file form of an ARR history.
pub fn log_to_v3(log: &ArrLog) -> Vec<ArrEventV3> {
    log.events()
        .iter()
        .map(|e| ArrEventV3 {
            date: e.date,
            kind: e.kind.into(),
            amount: e.amount,
            note: e.note.clone(),
        })
        .collect()
}

/// The history an account of `arr` without one starts with: one `new` change on `date`.
pub fn opening_of(arr: f64, date: NaiveDate) -> Vec<ArrEventV3> {
    log_to_v3(&ArrLog::opening(arr, date))
}

/// Reads `arr_log` against the account's `arr`: every change checked, and the sum equal
/// to `arr` (within half a cent). An empty history with an ARR above 0 becomes one `new`
/// change on `opening` (the contract start, or the day of reading).
pub fn log_into_domain(
    events: Vec<ArrEventV3>,
    arr: f64,
    opening: NaiveDate,
) -> Result<ArrLog, AccountProblem> {
    if events.is_empty() {
        return Ok(ArrLog::opening(arr, opening));
    }
    let log = ArrLog::new(
        events
            .into_iter()
            .map(|e| ArrEvent {
                date: e.date,
                kind: e.kind.into(),
                amount: e.amount,
                note: e.note,
            })
            .collect(),
    )
    .map_err(|e| {
        let e = e.under("arr_log");
        (e.path, e.message)
    })?;
    let total = log.total();
    if (total - arr).abs() >= 0.005 {
        return Err((
            "arr".into(),
            format!(
                "ARR is {arr} but its history (arr_log) adds up to {total}: ARR must be the sum of its changes."
            ),
        ));
    }
    Ok(log)
}

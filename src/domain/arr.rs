//! An account's ARR history: dated changes (new, expansion, contraction, churn, renewal,
//! correction) whose sum is the account's ARR (docs/kpis.md#the-arr-history).
//!
//! Invariant: an account's `fields.arr` equals [`ArrLog::total`] of its log. Every change
//! of ARR goes through [`ArrLog`]'s checked constructor or `Account::set_arr_log`,
//! so a refused change leaves both as they were.

use crate::domain::error::FieldError;
use crate::domain::order;
use chrono::NaiveDate;

use super::money::MAX_ARR;

/// What an ARR change was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ArrKind {
    /// The ARR an account started with (or came back with after a churn).
    New,
    /// More ARR from an existing customer: seats, modules, an uplift at renewal.
    Expansion,
    /// Less ARR from a customer who stays: a downsell.
    Contraction,
    /// The customer left: ARR to 0.
    Churn,
    /// A renewal closed. Its amount is the change at renewal, usually 0 (an uplift or a
    /// downsell is recorded beside it as an expansion or a contraction).
    Renewal,
    /// A mistake fixed. Changes the ARR, never counts in a KPI.
    Correction,
}

impl ArrKind {
    pub const ALL: [ArrKind; 6] = [
        ArrKind::New,
        ArrKind::Expansion,
        ArrKind::Contraction,
        ArrKind::Churn,
        ArrKind::Renewal,
        ArrKind::Correction,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ArrKind::New => "New",
            ArrKind::Expansion => "Expansion",
            ArrKind::Contraction => "Contraction",
            ArrKind::Churn => "Churn",
            ArrKind::Renewal => "Renewal",
            ArrKind::Correction => "Correction",
        }
    }

    /// Stable machine name (file format, form values).
    pub fn key(self) -> &'static str {
        match self {
            ArrKind::New => "new",
            ArrKind::Expansion => "expansion",
            ArrKind::Contraction => "contraction",
            ArrKind::Churn => "churn",
            ArrKind::Renewal => "renewal",
            ArrKind::Correction => "correction",
        }
    }

    pub fn from_key(s: &str) -> Option<ArrKind> {
        ArrKind::ALL.into_iter().find(|k| k.key() == s)
    }
}

/// One dated change of ARR. `amount` is the change, signed: `+12000` for an expansion,
/// `-5000` for a contraction, minus the whole ARR for a churn.
#[derive(Debug, Clone, PartialEq)]
pub struct ArrEvent {
    pub date: NaiveDate,
    pub kind: ArrKind,
    pub amount: f64,
    pub note: String,
}

/// Longest note on an ARR change, in characters.
pub const MAX_NOTE_LEN: usize = 500;

/// Sums closer to zero than this are zero (half a cent).
const ZERO: f64 = 0.005;

/// An account's ARR history, oldest first (events of one day keep the order given).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ArrLog {
    events: Vec<ArrEvent>,
}

impl ArrLog {
    /// Checks every event and the running ARR: each amount finite and within the ARR
    /// bounds, its sign as its kind says (new starts an ARR from 0, expansion adds,
    /// contraction takes away and leaves some ARR, churn brings ARR to exactly 0, renewal
    /// and correction either way), and the ARR never below 0 at any point. Events are put in date order (stable).
    /// A refused event is named by its index in the list given (`[2]`).
    pub fn new(events: Vec<ArrEvent>) -> Result<ArrLog, FieldError> {
        let mut indexed: Vec<(usize, ArrEvent)> = events.into_iter().enumerate().collect();
        order::sort_by_key(&mut indexed, |(i, e)| (e.date, *i));
        let mut running = 0.0_f64;
        for (i, e) in &indexed {
            running = check_event(e, running).map_err(|m| m.under(&format!("[{i}]")))?;
        }
        Ok(ArrLog {
            events: indexed.into_iter().map(|(_, e)| e).collect(),
        })
    }

    /// One `new` event of `arr` on `date`, or an empty log for no ARR: how an account
    /// without a history starts one (a file from before the history existed, a new account).
    pub fn opening(arr: f64, date: NaiveDate) -> ArrLog {
        if arr > 0.0 {
            ArrLog {
                events: vec![ArrEvent {
                    date,
                    kind: ArrKind::New,
                    amount: arr,
                    note: String::new(),
                }],
            }
        } else {
            ArrLog::default()
        }
    }

    pub fn events(&self) -> &[ArrEvent] {
        &self.events
    }

    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// The ARR now: the sum of every change.
    pub fn total(&self) -> f64 {
        clean(self.events.iter().map(|e| e.amount).sum())
    }

    /// The ARR at the end of `date`: the sum of the changes dated on or before it.
    pub fn arr_on(&self, date: NaiveDate) -> f64 {
        clean(
            self.events
                .iter()
                .take_while(|e| e.date <= date)
                .map(|e| e.amount)
                .sum(),
        )
    }

    /// The customer has left: the last change is a churn (a later `new` brings them back).
    pub fn is_churned(&self) -> bool {
        self.events.last().is_some_and(|e| e.kind == ArrKind::Churn)
    }

    /// The day of the churn when the account is churned.
    pub fn churned_on(&self) -> Option<NaiveDate> {
        self.events
            .last()
            .filter(|e| e.kind == ArrKind::Churn)
            .map(|e| e.date)
    }

    /// This log with `event` added (after the events of its day), checked as a whole.
    pub fn with(&self, event: ArrEvent) -> Result<ArrLog, FieldError> {
        let mut events = self.events.clone();
        events.push(event);
        ArrLog::new(events).map_err(whole)
    }

    /// This log with event `index` replaced, checked as a whole.
    pub fn with_replaced(&self, index: usize, event: ArrEvent) -> Result<ArrLog, FieldError> {
        let mut events = self.events.clone();
        match events.get_mut(index) {
            Some(slot) => *slot = event,
            None => return Err(FieldError::bare("That change is no longer in the history.")),
        }
        ArrLog::new(events).map_err(whole)
    }

    /// This log without event `index`, checked as a whole (removing the `new` event of an
    /// account that later expanded is refused: the ARR would go below 0).
    pub fn without(&self, index: usize) -> Result<ArrLog, FieldError> {
        if index >= self.events.len() {
            return Err(FieldError::bare("That change is no longer in the history."));
        }
        let mut events = self.events.clone();
        events.remove(index);
        ArrLog::new(events).map_err(whole)
    }

    /// The change that takes the ARR from its total to `new_arr`, as an event of `kind`
    /// dated `date`: its amount is `new_arr - total` (for a churn, minus the total).
    pub fn change_to(
        &self,
        new_arr: f64,
        kind: ArrKind,
        date: NaiveDate,
        note: String,
    ) -> ArrEvent {
        let amount = if kind == ArrKind::Churn {
            -self.arr_on(date)
        } else {
            new_arr - self.total()
        };
        ArrEvent {
            date,
            kind,
            amount: clean(amount),
            note,
        }
    }
}

/// A log checked as a whole after one change: the message names the event at fault by
/// its kind and date, and the path is empty (the index is of a list the caller never saw).
fn whole(e: FieldError) -> FieldError {
    FieldError::bare(e.message)
}

/// Rounds a sum within half a cent of 0 to 0 (and -0 to 0).
fn clean(x: f64) -> f64 {
    if x.abs() < ZERO {
        0.0
    } else {
        x
    }
}

fn money(x: f64) -> String {
    super::money::group_thousands(x.abs().round() as u64)
}

/// Checks one event against the ARR before it; returns the ARR after it.
fn check_event(e: &ArrEvent, before: f64) -> Result<f64, FieldError> {
    let on = crate::domain::dates::long(e.date);
    let kind = e.kind.label().to_lowercase();
    if !e.amount.is_finite() || e.amount.abs() > MAX_ARR {
        return Err(FieldError::bare(format!(
            "The {kind} on {on} must be an amount between -1,000,000,000,000 and 1,000,000,000,000."
        )));
    }
    if e.note.chars().count() > MAX_NOTE_LEN {
        return Err(FieldError::bare(format!(
            "The note of the {kind} on {on} is longer than {MAX_NOTE_LEN} characters."
        )));
    }
    let after = clean(before + e.amount);
    match e.kind {
        ArrKind::New | ArrKind::Expansion if e.amount <= 0.0 => {
            return Err(FieldError::bare(format!(
                "The {kind} on {on} must add ARR (an amount above 0)."
            )))
        }
        ArrKind::New if before > 0.0 => {
            return Err(FieldError::bare(format!(
                "The new ARR on {on} comes when the account already has {}: record more ARR from a customer as an expansion.",
                money(before)
            )))
        }
        ArrKind::Contraction if e.amount >= 0.0 => {
            return Err(FieldError::bare(format!(
                "The contraction on {on} must take ARR away (an amount below 0)."
            )))
        }
        ArrKind::Contraction if after <= 0.0 => {
            return Err(FieldError::bare(format!(
                "The contraction on {on} would leave no ARR: record a churn instead."
            )))
        }
        ArrKind::Churn if before <= 0.0 => {
            return Err(FieldError::bare(format!(
                "The churn on {on} comes when the account has no ARR."
            )))
        }
        ArrKind::Churn if after != 0.0 => {
            return Err(FieldError::bare(format!(
                "The churn on {on} must bring ARR to 0: its amount is -{} (the ARR before it).",
                money(before)
            )))
        }
        _ => {}
    }
    if after < 0.0 {
        return Err(FieldError::bare(format!(
            "The {kind} on {on} would take ARR below 0 ({} before it).",
            money(before)
        )));
    }
    if after > MAX_ARR {
        return Err(FieldError::bare(format!(
            "The {kind} on {on} would take ARR above 1,000,000,000,000."
        )));
    }
    Ok(after)
}

/// An ARR edit said in words: what kind of change it is, on which day, with a note.
#[derive(Debug, Clone, PartialEq)]
pub struct ArrChange {
    pub kind: ArrKind,
    pub date: NaiveDate,
    pub note: String,
}

impl ArrChange {
    /// The log with the change to `new_arr` recorded, or why it is refused.
    pub fn apply(self, log: &ArrLog, new_arr: f64) -> Result<ArrLog, FieldError> {
        if self.kind == ArrKind::Churn && new_arr != 0.0 {
            return Err(FieldError::bare(
                "A churn brings ARR to 0: set ARR to 0, or pick another kind.",
            ));
        }
        log.with(log.change_to(new_arr, self.kind, self.date, self.note))
    }
}

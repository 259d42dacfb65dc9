//! Dated snapshots of the signals: one per day, kept in date order.

use crate::domain::error::FieldError;
use chrono::NaiveDate;

use super::*;

/// The signals as they stood on one day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Snapshot {
    pub date: NaiveDate,
    pub signals: Signals,
}

/// Why a change to the history is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HistoryError {
    /// Every signal is unknown: there is nothing to keep.
    NoSignals,
    /// The "as of" date is after today.
    FutureDate { date: NaiveDate },
    /// Another snapshot already has this date (on edit or on import).
    DateTaken { date: NaiveDate },
    /// No snapshot on this date to edit or delete.
    NotFound { date: NaiveDate },
}

impl HistoryError {
    pub fn message(&self) -> String {
        match self {
            HistoryError::NoSignals => {
                "Fill in at least one signal; an all-unknown check-in says nothing.".into()
            }
            HistoryError::FutureDate { date } => {
                format!("{date} is in the future; record signals as of today or earlier.")
            }
            HistoryError::DateTaken { date } => {
                format!("There is already a check-in on {date}; edit that one instead.")
            }
            HistoryError::NotFound { date } => format!("There is no check-in on {date}."),
        }
    }
}

impl std::fmt::Display for HistoryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

/// What [`HealthHistory::record`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recorded {
    Added,
    /// That day already had a snapshot; it now holds the new signals.
    Replaced,
}

/// An account's health check-ins: at most one per day, sorted by date, oldest first,
/// none with every signal unknown.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HealthHistory {
    snapshots: Vec<Snapshot>,
}

impl HealthHistory {
    pub fn new() -> Self {
        HealthHistory::default()
    }

    /// From snapshots read elsewhere (a file), in any order. Refuses two on one day or one
    /// with no signal; the error names the index (in the given order) of the offender.
    pub fn from_snapshots(snapshots: Vec<Snapshot>) -> Result<Self, (usize, HistoryError)> {
        for (i, s) in snapshots.iter().enumerate() {
            if s.signals.is_empty() {
                return Err((i, HistoryError::NoSignals));
            }
            if snapshots[..i].iter().any(|p| p.date == s.date) {
                return Err((i, HistoryError::DateTaken { date: s.date }));
            }
        }
        let mut snapshots = snapshots;
        snapshots.sort_by_key(|s| s.date);
        Ok(HealthHistory { snapshots })
    }

    /// Oldest first.
    pub fn snapshots(&self) -> &[Snapshot] {
        &self.snapshots
    }

    pub fn len(&self) -> usize {
        self.snapshots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.snapshots.is_empty()
    }

    /// The most recent snapshot.
    pub fn latest(&self) -> Option<&Snapshot> {
        self.snapshots.last()
    }

    pub fn on(&self, date: NaiveDate) -> Option<&Snapshot> {
        self.snapshots.iter().find(|s| s.date == date)
    }

    /// Saves the signals as of `date` (the form's "as of", today by default). A second
    /// save for the same day replaces that day's snapshot.
    pub fn record(
        &mut self,
        date: NaiveDate,
        signals: Signals,
        today: NaiveDate,
    ) -> Result<Recorded, HistoryError> {
        if signals.is_empty() {
            return Err(HistoryError::NoSignals);
        }
        if date > today {
            return Err(HistoryError::FutureDate { date });
        }
        match self.snapshots.binary_search_by_key(&date, |s| s.date) {
            Ok(i) => {
                self.snapshots[i].signals = signals;
                Ok(Recorded::Replaced)
            }
            Err(i) => {
                self.snapshots.insert(i, Snapshot { date, signals });
                Ok(Recorded::Added)
            }
        }
    }

    /// Edits the snapshot of `original`, possibly moving it to another date. Moving onto
    /// a day that has its own snapshot is refused (delete one of them first).
    pub fn edit(
        &mut self,
        original: NaiveDate,
        date: NaiveDate,
        signals: Signals,
        today: NaiveDate,
    ) -> Result<(), HistoryError> {
        let i = self
            .snapshots
            .iter()
            .position(|s| s.date == original)
            .ok_or(HistoryError::NotFound { date: original })?;
        if signals.is_empty() {
            return Err(HistoryError::NoSignals);
        }
        if date > today && date != original {
            return Err(HistoryError::FutureDate { date });
        }
        if date != original && self.on(date).is_some() {
            return Err(HistoryError::DateTaken { date });
        }
        self.snapshots[i] = Snapshot { date, signals };
        self.snapshots.sort_by_key(|s| s.date);
        Ok(())
    }

    /// Deletes the snapshot of that day, returning it (for undo).
    pub fn remove(&mut self, date: NaiveDate) -> Result<Snapshot, HistoryError> {
        let i = self
            .snapshots
            .iter()
            .position(|s| s.date == date)
            .ok_or(HistoryError::NotFound { date })?;
        Ok(self.snapshots.remove(i))
    }

    /// Every snapshot that has a score under these weights, as (date, score value),
    /// oldest first: the points of the trend chart.
    pub fn scores(&self, weights: &Weights) -> Vec<(NaiveDate, f64)> {
        self.snapshots
            .iter()
            .filter_map(|s| score_of(&s.signals, weights).map(|sc| (s.date, sc.value)))
            .collect()
    }
}

/// Reads the day a check-in's signals are from, as typed: a day on or before `today`
/// ([`crate::domain::dates::read_day_done`]).
pub fn read_as_of(text: &str, today: NaiveDate) -> Result<NaiveDate, FieldError> {
    crate::domain::dates::read_day_done(text, today, "Pick the day these signals are from.")
}

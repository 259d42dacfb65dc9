//! Dated snapshots of the signals: one per day, kept in date order.

use crate::domain::error::FieldError;
use crate::domain::order;
use chrono::NaiveDate;

use super::*;

/// The signals as they stood on one day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Snapshot {
    pub date: NaiveDate,
    pub signals: Signals,
}

/// The refusals of a change to the history. The messages say what to do; the path
/// names the value at fault (`signals`, `date`), empty when the check-in to change is
/// not there.
fn no_signals() -> FieldError {
    FieldError::new(
        "signals",
        "Fill in at least one signal; an all-unknown check-in says nothing.",
    )
}

fn future_date(date: NaiveDate) -> FieldError {
    FieldError::new(
        "date",
        format!(
            "{} is in the future; record signals as of today or earlier.",
            crate::domain::dates::long(date)
        ),
    )
}

fn date_taken(date: NaiveDate) -> FieldError {
    FieldError::new(
        "date",
        format!(
            "There is already a check-in on {}; edit that one instead.",
            crate::domain::dates::long(date)
        ),
    )
}

fn not_found(date: NaiveDate) -> FieldError {
    FieldError::bare(format!(
        "There is no check-in on {}.",
        crate::domain::dates::long(date)
    ))
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
    /// with no signal; the path names the offender by its index in the given order (`[2]`,
    /// `[2].date`) and the message is worded for the file.
    pub fn from_snapshots(snapshots: Vec<Snapshot>) -> Result<Self, FieldError> {
        // Snapshots in date order (as written) cannot share a day: the earlier ones are
        // looked through only when they are not (52 check-ins of 1,000 accounts are read).
        let ordered = snapshots.windows(2).all(|w| w[0].date < w[1].date);
        for (i, s) in snapshots.iter().enumerate() {
            if s.signals.is_empty() {
                return Err(FieldError::new(
                    format!("[{i}]"),
                    "the snapshot has no signal; give at least one of seat_usage_pct, core_features, nps, ticket_trend, targets_met_pct",
                ));
            }
            if !ordered && snapshots[..i].iter().any(|p| p.date == s.date) {
                return Err(FieldError::new(
                    format!("[{i}].date"),
                    format!(
                        "an earlier snapshot has the same date {}; keep one snapshot per day",
                        s.date
                    ),
                ));
            }
        }
        let mut snapshots = snapshots;
        order::sort_by_key(&mut snapshots, |s| s.date);
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
    ) -> Result<Recorded, FieldError> {
        if signals.is_empty() {
            return Err(no_signals());
        }
        if date > today {
            return Err(future_date(date));
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
    ) -> Result<(), FieldError> {
        let i = self
            .snapshots
            .iter()
            .position(|s| s.date == original)
            .ok_or_else(|| not_found(original))?;
        if signals.is_empty() {
            return Err(no_signals());
        }
        if date > today && date != original {
            return Err(future_date(date));
        }
        if date != original && self.on(date).is_some() {
            return Err(date_taken(date));
        }
        self.snapshots[i] = Snapshot { date, signals };
        order::sort_by_key(&mut self.snapshots, |s| s.date);
        Ok(())
    }

    /// Deletes the snapshot of that day, returning it (for undo).
    pub fn remove(&mut self, date: NaiveDate) -> Result<Snapshot, FieldError> {
        let i = self
            .snapshots
            .iter()
            .position(|s| s.date == date)
            .ok_or_else(|| not_found(date))?;
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

    /// The scores of [`HealthHistory::scores`] from the last one dated on or before
    /// `start` to the latest (all of them when none is that old): what a rule comparing
    /// the latest score with where it stood on `start` reads, without scoring the older
    /// check-ins (a year of weekly check-ins, 1,000 accounts, on every change).
    pub fn scores_since(&self, weights: &Weights, start: NaiveDate) -> Vec<(NaiveDate, f64)> {
        let mut out = Vec::new();
        for s in self.snapshots.iter().rev() {
            if let Some(sc) = score_of(&s.signals, weights) {
                out.push((s.date, sc.value));
                if s.date <= start {
                    break;
                }
            }
        }
        out.reverse();
        out
    }

    /// The latest score and the one before it, as (date, score value): the trend.
    pub fn last_two_scores(&self, weights: &Weights) -> Option<[(NaiveDate, f64); 2]> {
        let mut scored = self
            .snapshots
            .iter()
            .rev()
            .filter_map(|s| score_of(&s.signals, weights).map(|sc| (s.date, sc.value)));
        let last = scored.next()?;
        let prev = scored.next()?;
        Some([prev, last])
    }
}

/// Reads the day a check-in's signals are from, as typed: a day on or before `today`
/// ([`crate::domain::dates::read_day_done`]).
pub fn read_as_of(text: &str, today: NaiveDate) -> Result<NaiveDate, FieldError> {
    crate::domain::dates::read_day_done(text, today, "Pick the day these signals are from.")
}

//! Trend between the last two scores, the "declining" and "stale" flags, and the summary
//! of one account's health.

use chrono::{Days, NaiveDate};

use super::*;
use crate::domain::dates::long;
use crate::domain::numbers::{fmt_points, round1};

/// Below this many points of change (in absolute value) the trend is flat.
pub const FLAT_BELOW: f64 = 1.0;
/// A fall of this many points or more inside [`DECLINE_WINDOW_DAYS`] flags "declining".
pub const DECLINE_POINTS: f64 = 15.0;
pub const DECLINE_WINDOW_DAYS: u64 = 90;
/// Dropping into a lower band inside this many days flags "declining".
pub const BAND_DROP_WINDOW_DAYS: u64 = 30;
/// More than this many days since the latest snapshot is "stale"; exactly 14 is not.
pub const STALE_AFTER_DAYS: i64 = 14;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    Up,
    Flat,
    Down,
}

impl Direction {
    pub fn arrow(self) -> &'static str {
        match self {
            Direction::Up => "↑",
            Direction::Flat => "→",
            Direction::Down => "↓",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Direction::Up => "Improving",
            Direction::Flat => "Steady",
            Direction::Down => "Slipping",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Flat => "flat",
            Direction::Down => "down",
        }
    }
}

/// Movement of the latest score against the snapshot before it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Trend {
    pub direction: Direction,
    /// Latest score minus the previous one, rounded to one decimal.
    pub change: f64,
    /// Date of the previous scored snapshot.
    pub since: NaiveDate,
}

impl Trend {
    /// `+5`, `-12.5`, `0`.
    pub fn change_text(&self) -> String {
        if self.change > 0.0 {
            format!("+{}", fmt_points(self.change))
        } else {
            fmt_points(self.change)
        }
    }
}

/// The trend between the two latest scored snapshots; `None` with fewer than two.
/// Flat when the change is under [`FLAT_BELOW`] points either way.
pub fn trend(history: &HealthHistory, weights: &Weights) -> Option<Trend> {
    let [(since, prev), (_, last)] = history.last_two_scores(weights)?;
    let change = round1(last - prev);
    let direction = if change.abs() < FLAT_BELOW {
        Direction::Flat
    } else if change > 0.0 {
        Direction::Up
    } else {
        Direction::Down
    };
    Some(Trend {
        direction,
        change,
        since,
    })
}

/// Why an account is flagged "declining".
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Decline {
    /// The score fell by [`DECLINE_POINTS`] or more against where it stood 90 days ago.
    Fell {
        from: f64,
        to: f64,
        since: NaiveDate,
    },
    /// The band is lower than where it stood 30 days ago.
    DroppedBand {
        from: Band,
        to: Band,
        since: NaiveDate,
    },
}

impl Decline {
    pub fn message(&self) -> String {
        match self {
            Decline::Fell { from, to, since } => format!(
                "Down {} points since {} ({} to {}).",
                fmt_points(from - to),
                long(*since),
                fmt_points(*from),
                fmt_points(*to)
            ),
            Decline::DroppedBand { from, to, since } => format!(
                "Dropped from {} to {} since {}.",
                from.label(),
                to.label(),
                long(*since)
            ),
        }
    }
}

fn days_before(today: NaiveDate, n: u64) -> NaiveDate {
    today
        .checked_sub_days(Days::new(n))
        .unwrap_or(NaiveDate::MIN)
}

/// The score as it stood on `start`: the last scored snapshot on or before `start`; if the
/// history begins after `start`, its first snapshot. `None` when that is the latest
/// snapshot itself (nothing to compare with).
fn baseline(scores: &[(NaiveDate, f64)], start: NaiveDate) -> Option<(NaiveDate, f64)> {
    let last = scores.len().checked_sub(1)?;
    let i = scores
        .iter()
        .rposition(|(d, _)| *d <= start)
        .unwrap_or_default();
    (i < last).then(|| scores[i])
}

/// The "declining" flag (the score fell by 15 points or more over the last 90
/// days, or crossed into a lower band in the last 30 days), decided precisely:
///
/// - "Over the last 90 days" compares the latest score with the score *as it stood*
///   90 days before `today`: the last snapshot dated on or before `today - 90`. If the
///   history starts inside the window, its first snapshot stands in. A fall of exactly
///   15 points counts.
/// - "Crossed into a lower band in the last 30 days" compares the band of the latest
///   score with the band as it stood on `today - 30`, chosen the same way. A dip that has
///   recovered by the latest snapshot does not count.
/// - With one scored snapshot, or when every snapshot is older than the window, there is
///   nothing to compare and the account is not declining (it will be stale instead).
///
/// A fall is reported before a band drop when both hold.
pub fn declining(history: &HealthHistory, weights: &Weights, today: NaiveDate) -> Option<Decline> {
    // The 90-day window starts before the 30-day one: its baseline and every later
    // score are all the two comparisons read.
    let scores = history.scores_since(weights, days_before(today, DECLINE_WINDOW_DAYS));
    let &(_, latest) = scores.last()?;
    if let Some((since, from)) = baseline(&scores, days_before(today, DECLINE_WINDOW_DAYS)) {
        if from - latest >= DECLINE_POINTS - 1e-9 {
            return Some(Decline::Fell {
                from,
                to: latest,
                since,
            });
        }
    }
    if let Some((since, from)) = baseline(&scores, days_before(today, BAND_DROP_WINDOW_DAYS)) {
        let (from, to) = (Band::of(from), Band::of(latest));
        if to.rank() < from.rank() {
            return Some(Decline::DroppedBand { from, to, since });
        }
    }
    None
}

/// Whole days since the latest snapshot (negative if it is dated after `today`).
pub fn days_since_update(history: &HealthHistory, today: NaiveDate) -> Option<i64> {
    history
        .latest()
        .map(|s| today.signed_duration_since(s.date).num_days())
}

/// More than [`STALE_AFTER_DAYS`] days since the latest snapshot. No history is not
/// stale: it has no score at all, which the screens show on its own.
pub fn is_stale(history: &HealthHistory, today: NaiveDate) -> bool {
    days_since_update(history, today).is_some_and(|d| d > STALE_AFTER_DAYS)
}

/// Everything a screen shows about one account's health today.
#[derive(Debug, Clone, PartialEq)]
pub struct HealthSummary {
    /// Score of the latest snapshot; `None` without history (or when the latest snapshot
    /// knows only categories weighted 0).
    pub score: Option<Score>,
    /// Date of the latest snapshot.
    pub as_of: Option<NaiveDate>,
    pub trend: Option<Trend>,
    /// `Some` when the account is declining, with the reason.
    pub decline: Option<Decline>,
    pub stale: bool,
    pub days_since_update: Option<i64>,
}

impl HealthSummary {
    pub fn value(&self) -> Option<f64> {
        self.score.as_ref().map(|s| s.value)
    }

    pub fn band(&self) -> Option<Band> {
        self.score.as_ref().map(|s| s.band)
    }

    pub fn incomplete(&self) -> bool {
        self.score.as_ref().is_some_and(|s| s.incomplete)
    }

    pub fn declining(&self) -> bool {
        self.decline.is_some()
    }

    pub fn breakdown(&self) -> Option<&Breakdown> {
        self.score.as_ref().map(|s| &s.breakdown)
    }
}

pub fn account_health(
    history: &HealthHistory,
    weights: &Weights,
    today: NaiveDate,
) -> HealthSummary {
    HealthSummary {
        score: history.latest().and_then(|s| score_of(&s.signals, weights)),
        as_of: history.latest().map(|s| s.date),
        trend: trend(history, weights),
        decline: declining(history, weights, today),
        stale: is_stale(history, today),
        days_since_update: days_since_update(history, today),
    }
}

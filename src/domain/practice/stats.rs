//! The figures behind the progress charts: reviews per day, retention, cards by state,
//! mock interview scores.

use chrono::{Duration, NaiveDate, NaiveDateTime};

use super::content::Deck;
use super::scheduler::{CardState, Grade};
use super::Practice;

/// One day of reviews.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Day {
    pub date: NaiveDate,
    pub reviews: usize,
    /// Reviews of learned cards (state Review before the review).
    pub mature: usize,
    /// Of those, how many were recalled (anything but Again).
    pub recalled: usize,
}

impl Day {
    /// Share of learned cards recalled that day, 0-100; `None` with none reviewed.
    pub fn retention(&self) -> Option<f64> {
        (self.mature > 0).then(|| self.recalled as f64 * 100.0 / self.mature as f64)
    }
}

/// The last `days` days up to `today`, oldest first (days without reviews included).
pub fn daily(practice: &Practice, today: NaiveDate, days: usize) -> Vec<Day> {
    let first = today - Duration::days(days as i64 - 1);
    let mut out: Vec<Day> = (0..days)
        .map(|i| Day {
            date: first + Duration::days(i as i64),
            reviews: 0,
            mature: 0,
            recalled: 0,
        })
        .collect();
    for r in practice.reviews() {
        let d = r.at.date();
        if d < first || d > today {
            continue;
        }
        let day = &mut out[(d - first).num_days() as usize];
        day.reviews += 1;
        if r.state_before == CardState::Review {
            day.mature += 1;
            if r.grade != Grade::Again {
                day.recalled += 1;
            }
        }
    }
    out
}

/// Share of learned cards recalled over the whole period, 0-100.
pub fn retention_over(days: &[Day]) -> Option<f64> {
    let mature: usize = days.iter().map(|d| d.mature).sum();
    let recalled: usize = days.iter().map(|d| d.recalled).sum();
    (mature > 0).then(|| recalled as f64 * 100.0 / mature as f64)
}

/// How many cards of the decks are in each state, in [`CardState::ALL`] order.
pub fn by_state(practice: &Practice, decks: &[Deck]) -> [(CardState, usize); 4] {
    let mut counts = CardState::ALL.map(|s| (s, 0));
    for d in decks {
        for key in d.keys() {
            let s = practice.memory(&key).map_or(CardState::New, |m| m.state);
            counts[CardState::ALL.iter().position(|x| *x == s).expect("listed")].1 += 1;
        }
    }
    counts
}

/// Mock interview scores in the order taken: (when, score 0-100).
pub fn mock_scores(practice: &Practice) -> Vec<(NaiveDateTime, u32)> {
    practice.mocks().iter().map(|m| (m.at, m.score())).collect()
}

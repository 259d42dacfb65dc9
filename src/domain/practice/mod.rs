//! Interview practice: flashcard decks scheduled with FSRS ([`scheduler`]), review
//! sessions ([`session`]), mock interviews ([`mock`]), drills generated from the planner's
//! own rules ([`drills`]) and the figures behind the progress charts ([`stats`]).
//!
//! [`Practice`] is what the workspace keeps: each card's memory, the review log, mock
//! attempts and drill scores. Pure: every function takes `now` (the browser's local date
//! and time) or `today`.

pub mod content;
pub mod drills;
pub mod mock;
pub mod prng;
pub mod scheduler;
pub mod session;
pub mod stats;

use crate::domain::error::FieldError;
use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};

pub use content::{Card, Deck, Question, QuestionKind};
pub use drills::{DrillKind, DrillScore};
pub use mock::MockAttempt;
pub use scheduler::{CardState, Grade, Memory};

/// Default cap on cards seen for the first time in a day.
pub const DEFAULT_NEW_PER_DAY: u32 = 10;
/// The highest cap a user can set.
pub const MAX_NEW_PER_DAY: u32 = 200;
/// Reviews kept in the log (oldest dropped first); enough for the charts and a year of
/// steady practice without weighing on storage.
pub const MAX_REVIEWS: usize = 5_000;
/// Mock interview attempts kept (oldest dropped first).
pub const MAX_MOCKS: usize = 200;

/// One review in the log.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewRecord {
    /// `deck/card`.
    pub card: String,
    pub at: NaiveDateTime,
    pub grade: Grade,
    /// The card's state before this review (`New` for a first sight).
    pub state_before: CardState,
}

/// Everything practice keeps in the workspace.
#[derive(Debug, Clone, PartialEq)]
pub struct Practice {
    new_per_day: u32,
    memories: BTreeMap<String, Memory>,
    reviews: Vec<ReviewRecord>,
    mocks: Vec<MockAttempt>,
    drills: BTreeMap<DrillKind, DrillScore>,
}

impl Default for Practice {
    fn default() -> Self {
        Practice {
            new_per_day: DEFAULT_NEW_PER_DAY,
            memories: BTreeMap::new(),
            reviews: Vec::new(),
            mocks: Vec::new(),
            drills: BTreeMap::new(),
        }
    }
}

/// Checks a typed cap on new cards a day: a whole number from 0 to 200.
pub fn parse_new_per_day(text: &str) -> Result<u32, FieldError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(FieldError::bare(
            "Enter how many new cards a day, from 0 to 200.",
        ));
    }
    match t.parse::<u32>() {
        Ok(n) if n <= MAX_NEW_PER_DAY => Ok(n),
        Ok(n) => Err(FieldError::bare(format!(
            "{n} is too many: at most {MAX_NEW_PER_DAY} a day."
        ))),
        Err(_) => Err(FieldError::bare(format!(
            "\"{t}\" is not a whole number: enter a number from 0 to {MAX_NEW_PER_DAY}."
        ))),
    }
}

impl Practice {
    /// Builds the state read from a file, checking every value. The error names the part
    /// that is wrong (`cards.vocabulary/churn`, `reviews[3]`) and why.
    pub fn from_parts(
        new_per_day: u32,
        memories: BTreeMap<String, Memory>,
        reviews: Vec<ReviewRecord>,
        mocks: Vec<MockAttempt>,
        drills: BTreeMap<DrillKind, DrillScore>,
    ) -> Result<Practice, FieldError> {
        if new_per_day > MAX_NEW_PER_DAY {
            return Err(FieldError::new(
                "new_per_day",
                format!("at most {MAX_NEW_PER_DAY}, found {new_per_day}"),
            ));
        }
        for (key, m) in &memories {
            if !key.contains('/') {
                return Err(FieldError::new(
                    format!("cards.{key}"),
                    "a card key is \"deck/card\"",
                ));
            }
            m.check()
                .map_err(|e| FieldError::new(format!("cards.{key}"), e.message))?;
        }
        if reviews.len() > MAX_REVIEWS {
            return Err(FieldError::new(
                "reviews",
                format!("at most {MAX_REVIEWS} reviews, found {}", reviews.len()),
            ));
        }
        for (i, m) in mocks.iter().enumerate() {
            m.check()
                .map_err(|e| FieldError::new(format!("mocks[{i}]"), e.message))?;
        }
        if mocks.len() > MAX_MOCKS {
            return Err(FieldError::new(
                "mocks",
                format!("at most {MAX_MOCKS} attempts, found {}", mocks.len()),
            ));
        }
        for (k, s) in &drills {
            if s.right > s.tried {
                return Err(FieldError::new(
                    format!("drills.{}", k.key()),
                    "more right answers than drills tried",
                ));
            }
        }
        Ok(Practice {
            new_per_day,
            memories,
            reviews,
            mocks,
            drills,
        })
    }

    pub fn is_empty(&self) -> bool {
        *self == Practice::default()
    }
    pub fn new_per_day(&self) -> u32 {
        self.new_per_day
    }
    pub fn set_new_per_day(&mut self, n: u32) -> Result<(), FieldError> {
        if n > MAX_NEW_PER_DAY {
            return Err(FieldError::bare(format!(
                "At most {MAX_NEW_PER_DAY} a day."
            )));
        }
        self.new_per_day = n;
        Ok(())
    }
    pub fn memories(&self) -> &BTreeMap<String, Memory> {
        &self.memories
    }
    pub fn memory(&self, key: &str) -> Option<&Memory> {
        self.memories.get(key)
    }
    pub fn reviews(&self) -> &[ReviewRecord] {
        &self.reviews
    }
    pub fn mocks(&self) -> &[MockAttempt] {
        &self.mocks
    }
    pub fn drills(&self) -> &BTreeMap<DrillKind, DrillScore> {
        &self.drills
    }
    pub fn drill_score(&self, kind: DrillKind) -> DrillScore {
        self.drills.get(&kind).copied().unwrap_or_default()
    }

    /// Records a review of card `key` at `now`; returns the card's new memory.
    pub fn record(&mut self, key: &str, now: NaiveDateTime, grade: Grade) -> Memory {
        let before = self.memories.get(key);
        let state_before = before.map_or(CardState::New, |m| m.state);
        let next = scheduler::review(before, now, grade);
        self.memories.insert(key.to_string(), next.clone());
        self.reviews.push(ReviewRecord {
            card: key.to_string(),
            at: now,
            grade,
            state_before,
        });
        if self.reviews.len() > MAX_REVIEWS {
            let extra = self.reviews.len() - MAX_REVIEWS;
            self.reviews.drain(..extra);
        }
        next
    }

    /// Cards seen for the first time on `day`.
    pub fn new_seen_on(&self, day: NaiveDate) -> usize {
        self.reviews
            .iter()
            .filter(|r| r.state_before == CardState::New && r.at.date() == day)
            .count()
    }

    /// New cards still allowed today under the daily cap.
    pub fn new_left_today(&self, today: NaiveDate) -> usize {
        (self.new_per_day as usize).saturating_sub(self.new_seen_on(today))
    }

    pub fn add_mock(&mut self, attempt: MockAttempt) -> Result<(), FieldError> {
        attempt.check()?;
        self.mocks.push(attempt);
        if self.mocks.len() > MAX_MOCKS {
            self.mocks.remove(0);
        }
        Ok(())
    }

    /// Counts one drill answered, right or not.
    pub fn score_drill(&mut self, kind: DrillKind, right: bool) {
        let s = self.drills.entry(kind).or_default();
        s.tried += 1;
        if right {
            s.right += 1;
        }
    }

    /// Forgets every review, attempt and score; keeps the daily cap.
    pub fn reset_progress(&mut self) {
        *self = Practice {
            new_per_day: self.new_per_day,
            ..Practice::default()
        };
    }
}

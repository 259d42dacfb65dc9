//! Mock interviews: a set of questions drawn from the bank by kind, one at a time against
//! a countdown, then a self-check against the points a strong answer covers.

use crate::domain::error::FieldError;
use chrono::NaiveDateTime;

use super::content::{Question, QuestionKind};
use super::prng::Prng;

/// Lengths offered (questions per interview).
pub const LENGTHS: [usize; 4] = [3, 5, 8, 12];
/// Seconds per question offered; a spoken answer of two to three minutes is the norm.
pub const SECONDS_PER_QUESTION: [u32; 4] = [60, 120, 180, 300];
pub const DEFAULT_SECONDS: u32 = 120;

/// Picks up to `count` questions of the given kinds (all kinds when empty), in a shuffled
/// order fixed by `seed`. Returns indexes into `bank`.
pub fn pick_questions(
    bank: &[Question],
    kinds: &[QuestionKind],
    count: usize,
    seed: u64,
) -> Vec<usize> {
    let mut idx: Vec<usize> = bank
        .iter()
        .enumerate()
        .filter(|(_, q)| kinds.is_empty() || kinds.contains(&q.kind))
        .map(|(i, _)| i)
        .collect();
    Prng::new(seed).shuffle(&mut idx);
    idx.truncate(count);
    idx
}

/// One finished mock interview.
#[derive(Debug, Clone, PartialEq)]
pub struct MockAttempt {
    /// When it was finished (local date and time).
    pub at: NaiveDateTime,
    pub questions: u32,
    /// Questions skipped without an answer.
    pub skipped: u32,
    /// Seconds spent answering, pauses excluded.
    pub seconds: u32,
    /// Points of strong answers the candidate ticked as covered.
    pub points_hit: u32,
    /// Points of the questions asked.
    pub points_total: u32,
}

impl MockAttempt {
    /// Share of the points covered, 0-100, rounded.
    pub fn score(&self) -> u32 {
        if self.points_total == 0 {
            0
        } else {
            ((self.points_hit as f64 * 100.0) / self.points_total as f64).round() as u32
        }
    }

    pub fn check(&self) -> Result<(), FieldError> {
        if self.questions == 0 {
            return Err(FieldError::new(
                "questions",
                "an attempt has at least one question",
            ));
        }
        if self.skipped > self.questions {
            return Err(FieldError::new(
                "skipped",
                "more questions skipped than asked",
            ));
        }
        if self.points_hit > self.points_total {
            return Err(FieldError::new(
                "points_hit",
                "more points covered than there were",
            ));
        }
        Ok(())
    }
}

/// `2 min 05 s`, `45 s`: a countdown or time taken.
pub fn clock(seconds: u32) -> String {
    if seconds < 60 {
        format!("{seconds} s")
    } else {
        format!("{} min {:02} s", seconds / 60, seconds % 60)
    }
}

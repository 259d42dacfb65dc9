//! The weighted score over the known signals, and its per-category breakdown.

use super::*;
use crate::domain::numbers::{fmt_points, round1};

/// A computed health score.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    /// 0-100, rounded to one decimal.
    pub value: f64,
    /// Band of `value`.
    pub band: Band,
    /// Some category with a weight above 0 is unknown: the score stands on the others.
    pub incomplete: bool,
    pub breakdown: Breakdown,
}

impl Score {
    /// `67.5`, `80`: one decimal only when needed.
    pub fn display(&self) -> String {
        fmt_points(self.value)
    }
}

/// Why the score is what it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Breakdown {
    /// One line per category, in [`Category::ALL`] order (unknown ones included).
    pub lines: Vec<BreakdownLine>,
    /// The category that costs the most points; ties go to the earlier category in
    /// [`Category::ALL`]. `None` when nothing costs points (a score of 100).
    pub dragging: Option<Category>,
}

impl Breakdown {
    pub fn line(&self, category: Category) -> &BreakdownLine {
        &self.lines[category.index()]
    }
}

/// One category's part in a score. `earned + lost` is the category's share of the score
/// (`effective_weight`); over all lines, `earned` adds up to the score and
/// `earned + lost` to 100.
#[derive(Debug, Clone, PartialEq)]
pub struct BreakdownLine {
    pub category: Category,
    /// `None`: the signal is unknown.
    pub rating: Option<Rating>,
    /// The category's weight normalised over all five (as Settings shows it), 0-100.
    pub weight: f64,
    /// The weight actually applied, re-normalised over the known categories; 0 when
    /// unknown.
    pub effective_weight: f64,
    /// Score points this category brings.
    pub earned: f64,
    /// Score points it would add if it were green.
    pub lost: f64,
}

/// The score of one set of signals, or `None` when no category with a weight above 0 is
/// known. Use it for the what-if preview too: nothing is saved.
pub fn score_of(signals: &Signals, weights: &Weights) -> Option<Score> {
    let known_weight: f64 = Category::ALL
        .iter()
        .filter(|c| signals.is_known(**c))
        .map(|c| weights.get(*c))
        .sum();
    if known_weight <= 0.0 {
        return None;
    }
    let mut lines = Vec::with_capacity(5);
    let mut raw = 0.0;
    let mut incomplete = false;
    for c in Category::ALL {
        let w = weights.get(c);
        let rating = signals.rating(c);
        if rating.is_none() && w > 0.0 {
            incomplete = true;
        }
        let (effective, earned, lost) = match rating {
            Some(r) => (
                w * 100.0 / known_weight,
                w * r.points() / known_weight,
                w * (100.0 - r.points()) / known_weight,
            ),
            None => (0.0, 0.0, 0.0),
        };
        raw += w * rating.map_or(0.0, Rating::points);
        lines.push(BreakdownLine {
            category: c,
            rating,
            weight: weights.share(c),
            effective_weight: effective,
            earned,
            lost,
        });
    }
    let value = round1(raw / known_weight);
    let mut dragging: Option<(Category, f64)> = None;
    for l in &lines {
        if l.lost > 1e-9 && dragging.is_none_or(|(_, most)| l.lost > most + 1e-9) {
            dragging = Some((l.category, l.lost));
        }
    }
    Some(Score {
        value,
        band: Band::of(value),
        incomplete,
        breakdown: Breakdown {
            lines,
            dragging: dragging.map(|(c, _)| c),
        },
    })
}

//! The scoring weights of the five categories, and the workspace health settings that keep
//! them with their change log.

use crate::domain::order;
use chrono::NaiveDate;

use crate::domain::error::FieldError;

use super::*;
use crate::domain::numbers::plain_number;

/// Relative weights of the five categories: each finite and >= 0, not all zero. Only the
/// proportions matter; [`Weights::normalised`] scales them to a total of 100.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights([f64; 5]);

impl Default for Weights {
    fn default() -> Self {
        Weights(Weights::DEFAULT)
    }
}

impl Weights {
    /// The default weights, in [`Category::ALL`] order: 30 / 20 / 20 / 15 / 15.
    pub const DEFAULT: [f64; 5] = [30.0, 20.0, 20.0, 15.0, 15.0];

    /// Values in [`Category::ALL`] order. Reports the first problem: a weight at its
    /// category's key (`usage`, ...: [`Category::key`]), a problem of the whole set (all
    /// zero) with an empty path.
    pub fn new(values: [f64; 5]) -> Result<Weights, FieldError> {
        for c in Category::ALL {
            check_weight(c, values[c.index()]).map_err(|e| e.under(c.key()))?;
        }
        let total: f64 = values.iter().sum();
        if total == 0.0 {
            return Err(FieldError::bare(
                "At least one weight must be above 0, or there is nothing to score.",
            ));
        }
        if !total.is_finite() {
            return Err(FieldError::bare(
                "These weights are too large to add up; use numbers such as 30 or 15.",
            ));
        }
        Ok(Weights(values))
    }

    /// Weights as typed in the five settings fields (any order of problems: one per
    /// field, then the all-zero problem).
    pub fn parse<S: AsRef<str>>(texts: &[S; 5]) -> Result<Weights, Vec<FieldError>> {
        let mut values = [0.0; 5];
        let mut errors = Vec::new();
        for c in Category::ALL {
            match parse_weight(c, texts[c.index()].as_ref()) {
                Ok(v) => values[c.index()] = v,
                Err(e) => errors.push(e.under(c.key())),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Weights::new(values).map_err(|e| vec![e])
    }

    pub fn get(&self, category: Category) -> f64 {
        self.0[category.index()]
    }

    /// The raw values in [`Category::ALL`] order.
    pub fn values(&self) -> [f64; 5] {
        self.0
    }

    pub fn total(&self) -> f64 {
        self.0.iter().sum()
    }

    /// One category's share of the total, out of 100.
    pub fn share(&self, category: Category) -> f64 {
        self.get(category) * 100.0 / self.total()
    }

    /// The same proportions scaled to add up to 100 (what Settings shows).
    pub fn normalised(&self) -> Weights {
        let mut v = self.0;
        let total = self.total();
        for x in v.iter_mut() {
            *x = *x * 100.0 / total;
        }
        Weights(v)
    }

    /// A copy with one weight changed, if the result is still valid.
    pub fn with(&self, category: Category, value: f64) -> Result<Weights, FieldError> {
        let mut v = self.0;
        v[category.index()] = value;
        Weights::new(v)
    }

    /// True when these weights are in the same proportions as the defaults.
    pub fn is_default(&self) -> bool {
        let a = self.normalised();
        let b = Weights::default().normalised();
        Category::ALL
            .iter()
            .all(|c| (a.get(*c) - b.get(*c)).abs() < 1e-9)
    }
}

/// One weight, named in the message by its category.
fn check_weight(c: Category, v: f64) -> Result<(), FieldError> {
    if !v.is_finite() {
        return Err(FieldError::bare(format!(
            "The weight of {} must be a number.",
            c.label()
        )));
    }
    if v < 0.0 {
        return Err(FieldError::bare(format!(
            "The weight of {} can't be negative; use 0 to leave it out.",
            c.label()
        )));
    }
    Ok(())
}

/// One weight as typed (`category` names it in the message); empty is refused (type 0
/// to leave a category out).
pub fn parse_weight(category: Category, text: &str) -> Result<f64, FieldError> {
    let t = text.trim();
    let t = t.strip_suffix('%').unwrap_or(t).trim_end();
    if t.is_empty() {
        return Err(FieldError::bare(
            "Enter a weight (0 leaves the category out).",
        ));
    }
    let v = plain_number(t)
        .ok_or_else(|| FieldError::bare(format!("\"{t}\" is not a number, e.g. 20.")))?;
    check_weight(category, v)?;
    Ok(v)
}

// ---------------------------------------------------------------------------------------
// Weight settings and their log

/// One change of the scoring weights, kept so charts can mark it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WeightChange {
    pub date: NaiveDate,
    pub old: Weights,
    pub new: Weights,
}

/// The workspace's scoring weights and the log of their changes (oldest first).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HealthSettings {
    weights: Weights,
    changes: Vec<WeightChange>,
}

impl HealthSettings {
    /// From parts read elsewhere; the log is sorted by date (stable for one day).
    pub fn new(weights: Weights, mut changes: Vec<WeightChange>) -> Self {
        order::sort_by_key(&mut changes, |c| c.date);
        HealthSettings { weights, changes }
    }

    pub fn weights(&self) -> &Weights {
        &self.weights
    }

    pub fn weight_changes(&self) -> &[WeightChange] {
        &self.changes
    }

    /// Dates where the weights changed, oldest first, one per day: the chart markers.
    pub fn change_dates(&self) -> Vec<NaiveDate> {
        let mut d: Vec<NaiveDate> = self.changes.iter().map(|c| c.date).collect();
        d.dedup();
        d
    }

    /// Applies new weights and logs the change. Several changes on one day make one log
    /// entry (the day's first old weights, the latest new ones); a day that ends where it
    /// started leaves no entry. Returns false when `new` equals the current weights.
    pub fn set_weights(&mut self, new: Weights, today: NaiveDate) -> bool {
        if new == self.weights {
            return false;
        }
        let old = self.weights;
        self.weights = new;
        match self.changes.last_mut() {
            Some(last) if last.date == today => {
                last.new = new;
                if last.old == last.new {
                    self.changes.pop();
                }
            }
            _ => self.changes.push(WeightChange {
                date: today,
                old,
                new,
            }),
        }
        true
    }

    /// Back to 30 / 20 / 20 / 15 / 15, logged like any change.
    pub fn reset_weights(&mut self, today: NaiveDate) -> bool {
        self.set_weights(Weights::default(), today)
    }
}

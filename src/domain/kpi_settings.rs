//! The KPI page's settings: the chance each health band gives a renewal (for the
//! forecast) and the yearly expansion target (for pipeline coverage). docs/kpis.md#settings.

use super::money::MAX_ARR;
use crate::domain::error::FieldError;

/// The chance, in percent (0-100), that a renewal due in each health band closes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RenewalOdds {
    pub green: f64,
    pub yellow: f64,
    pub red: f64,
    /// Accounts with no health score yet.
    pub no_score: f64,
}

impl Default for RenewalOdds {
    fn default() -> Self {
        RenewalOdds {
            green: 95.0,
            yellow: 75.0,
            red: 40.0,
            no_score: 75.0,
        }
    }
}

impl RenewalOdds {
    /// Each value a percentage from 0 to 100; the first one out of range is named.
    pub fn new(
        green: f64,
        yellow: f64,
        red: f64,
        no_score: f64,
    ) -> Result<RenewalOdds, FieldError> {
        for (name, v) in [
            ("green", green),
            ("yellow", yellow),
            ("red", red),
            ("no_score", no_score),
        ] {
            if !(v.is_finite() && (0.0..=100.0).contains(&v)) {
                return Err(FieldError::new(
                    name,
                    format!("A chance is a percentage from 0 to 100; found {v}."),
                ));
            }
        }
        Ok(RenewalOdds {
            green,
            yellow,
            red,
            no_score,
        })
    }
}

/// What the KPI page is set to.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct KpiSettings {
    pub renewal_odds: RenewalOdds,
    /// Expansion ARR the AM aims to book in a year; `None` until set. A period's target
    /// is its share of the year (docs/kpis.md#pipeline-coverage).
    pub expansion_target: Option<f64>,
}

/// Checks a yearly expansion target: above 0 and at most the ARR limit.
pub fn check_target(amount: f64) -> Result<f64, FieldError> {
    if amount.is_finite() && amount > 0.0 && amount <= MAX_ARR {
        Ok(amount)
    } else {
        Err(FieldError::bare(
            "The expansion target must be an amount above 0 (at most 1,000,000,000,000).",
        ))
    }
}

//! How many accounts, and how much ARR, sit in each band across the portfolio.

use chrono::NaiveDate;

use super::*;
use crate::domain::account::AccountId;
use crate::domain::workspace::Workspace;

/// How many accounts, and how much ARR, sit in each band.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HealthMix {
    /// Indexed by [`Band::index`] (green, yellow, red).
    pub count: [usize; 3],
    pub arr: [f64; 3],
    pub unscored_count: usize,
    pub unscored_arr: f64,
}

impl HealthMix {
    /// From (band, ARR) pairs; `None` is an account without a score.
    pub fn of(items: impl IntoIterator<Item = (Option<Band>, f64)>) -> Self {
        let mut m = HealthMix::default();
        for (band, arr) in items {
            match band {
                Some(b) => {
                    m.count[b.index()] += 1;
                    m.arr[b.index()] += arr;
                }
                None => {
                    m.unscored_count += 1;
                    m.unscored_arr += arr;
                }
            }
        }
        m
    }

    pub fn count(&self, band: Band) -> usize {
        self.count[band.index()]
    }

    pub fn arr(&self, band: Band) -> f64 {
        self.arr[band.index()]
    }

    pub fn total_count(&self) -> usize {
        self.count.iter().sum::<usize>() + self.unscored_count
    }

    pub fn total_arr(&self) -> f64 {
        self.arr.iter().sum::<f64>() + self.unscored_arr
    }
}

impl Workspace {
    /// Every account's health under the workspace weights, in account order.
    pub fn health_summaries(&self, today: NaiveDate) -> Vec<(AccountId, HealthSummary)> {
        let w = self.settings.health.weights();
        self.accounts()
            .iter()
            .map(|a| (a.id, account_health(&a.health, w, today)))
            .collect()
    }

    /// Count and ARR per band across the portfolio.
    pub fn health_mix(&self) -> HealthMix {
        let w = self.settings.health.weights();
        HealthMix::of(self.accounts().iter().map(|a| {
            let band = a
                .health
                .latest()
                .and_then(|s| score_of(&s.signals, w))
                .map(|s| s.band);
            (band, a.fields.arr)
        }))
    }

    /// Every account's current score (accounts without one left out): the histogram.
    pub fn health_scores(&self) -> Vec<f64> {
        let w = self.settings.health.weights();
        self.accounts()
            .iter()
            .filter_map(|a| a.health.latest().and_then(|s| score_of(&s.signals, w)))
            .map(|s| s.value)
            .collect()
    }
}

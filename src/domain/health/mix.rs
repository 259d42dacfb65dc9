//! How many accounts, and how much ARR, sit in each band across the portfolio.

use super::*;

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

//! Snoozes: items of the week's list hidden until a day the user picks, kept in the
//! workspace (docs/this-week.md#snooze). Keyed by the item's key (`domain::week`).

use crate::domain::error::FieldError;
use std::collections::BTreeMap;

use chrono::NaiveDate;

/// Longest snooze: a year.
pub const MAX_SNOOZE_DAYS: i64 = 365;
/// Most snoozes kept; the ones ending first go when there are more.
pub const MAX_SNOOZES: usize = 1_000;

/// Items hidden until a day: item key -> the day it shows again.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Snoozes(BTreeMap<String, NaiveDate>);

impl Snoozes {
    /// Whether the item is hidden on `today` (it shows again on its `until` day).
    pub fn is_snoozed(&self, key: &str, today: NaiveDate) -> bool {
        self.0.get(key).is_some_and(|until| today < *until)
    }

    /// Hides the item until `until` (after today, a year ahead at most). Snoozes that have
    /// ended are dropped at the same time.
    pub fn snooze(
        &mut self,
        key: &str,
        until: NaiveDate,
        today: NaiveDate,
    ) -> Result<(), FieldError> {
        let days = (until - today).num_days();
        if days < 1 {
            return Err(FieldError::new("until", "Pick a day after today."));
        }
        if days > MAX_SNOOZE_DAYS {
            return Err(FieldError::new("until", "Snooze for a year at most."));
        }
        self.0.retain(|_, u| today < *u);
        self.0.insert(key.to_string(), until);
        while self.0.len() > MAX_SNOOZES {
            let first = self
                .0
                .iter()
                .min_by_key(|(_, u)| **u)
                .map(|(k, _)| k.clone());
            match first {
                Some(k) => self.0.remove(&k),
                None => break,
            };
        }
        Ok(())
    }

    /// Shows the item again.
    pub fn wake(&mut self, key: &str) {
        self.0.remove(key);
    }

    /// Every snooze: (item key, shows again on).
    pub fn iter(&self) -> impl Iterator<Item = (&str, NaiveDate)> {
        self.0.iter().map(|(k, u)| (k.as_str(), *u))
    }

    /// Restores a snooze read from a file (no check against today: a file may hold ended
    /// ones, which hide nothing).
    pub fn restore(&mut self, key: &str, until: NaiveDate) -> Result<(), FieldError> {
        if key.is_empty() || key.chars().count() > 200 {
            return Err(FieldError::new(
                "key",
                "a snooze key has 1 to 200 characters",
            ));
        }
        if self.0.insert(key.to_string(), until).is_some() {
            return Err(FieldError::new(
                "key",
                format!("the item {key:?} is snoozed twice"),
            ));
        }
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

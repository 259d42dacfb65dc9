//! This week's snoozes in the version 3 file (`workspace.snoozes`): items of the week's
//! list hidden until a day (docs/this-week.md#snooze), as a list of the item's key and the
//! day it shows again. Absent: nothing snoozed.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::snooze::{Snoozes, MAX_SNOOZES};

/// One snoozed item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SnoozeV3 {
    /// The item's key, as the week's list names it (`stale_plan:4:plan:2026-12-01`).
    pub item: String,
    /// The day it shows again.
    #[serde(deserialize_with = "crate::format::read::date")]
    pub until: NaiveDate,
}

/// The file form of the snoozes, in key order.
pub fn snoozes_to_v3(s: &Snoozes) -> Vec<SnoozeV3> {
    s.iter()
        .map(|(k, u)| SnoozeV3 {
            item: k.to_string(),
            until: u,
        })
        .collect()
}

/// The snoozes, or the path (under `workspace.snoozes`) and message of the first problem.
pub fn snoozes_into_domain(list: Vec<SnoozeV3>) -> Result<Snoozes, (String, String)> {
    if list.len() > MAX_SNOOZES {
        return Err((
            String::new(),
            format!(
                "at most {MAX_SNOOZES} snoozes are kept; this file has {}",
                list.len()
            ),
        ));
    }
    let mut s = Snoozes::default();
    for (i, one) in list.into_iter().enumerate() {
        s.restore(&one.item, one.until)
            .map_err(|m| (format!("[{i}].item"), m.message))?;
    }
    Ok(s)
}

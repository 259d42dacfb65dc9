//! An account brought into the planner part-way through its renewal cycle
//! (docs/this-week.md#mid-cycle): created or imported with its renewal already near, its
//! earlier renewal steps fall before today, and the rules would read them as late at once.
//! The planner asks instead whether they were done before; if so, each is ticked as done
//! on its own due date (a day before today), so the motion reads as started in time.

use chrono::NaiveDate;

use super::account::timeline_of;
use super::account::Account;
use super::renewal::TaskKey;

/// The renewal steps to ask about: every task due before today, when the renewal is still
/// ahead (today or later) and no task of the timeline is done yet. Empty otherwise (no
/// renewal date, renewal passed, work already ticked, nothing due before today).
pub fn earlier_steps(account: &Account, today: NaiveDate) -> Vec<(TaskKey, NaiveDate)> {
    let Some(tl) = timeline_of(account) else {
        return Vec::new();
    };
    if tl.renewal_date < today || tl.first_done().is_some() {
        return Vec::new();
    }
    tl.tasks()
        .filter(|t| t.due < today)
        .map(|t| (t.key, t.due))
        .collect()
}

/// Whether to ask "were the earlier steps done before?" for this account today.
pub fn should_ask(account: &Account, today: NaiveDate) -> bool {
    !earlier_steps(account, today).is_empty()
}

/// Ticks every step of [`earlier_steps`] as done on its due date; returns how many.
pub fn mark_done_before(account: &mut Account, today: NaiveDate) -> usize {
    let steps = earlier_steps(account, today);
    for (key, due) in &steps {
        // Every step is a task of this timeline and due before today: ticking cannot fail.
        let _ = account.renewal.tick(*key, *due, today);
    }
    steps.len()
}

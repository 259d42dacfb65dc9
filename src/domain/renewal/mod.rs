//! The renewal motion (docs/domain.md#renewal): contract terms that shape it (notice period,
//! auto-renew), the milestones worked back from the renewal date, their tasks, and the
//! status of the motion. Also the portfolio views: renewals due by month and the
//! "overdue / this week" list across accounts.
//!
//! What is stored per account ([`Renewal`]) is only what a person decided or changed:
//! notice period, auto-renew, early start, which tasks are done and when, and their own
//! extra tasks. Due dates are never stored: [`Renewal::timeline`] recomputes them from the
//! renewal date each time, so moving the renewal date moves every milestone with it.
//!
//! Decisions taken where the job leaves room (each one is tested in `tests/renewal.rs`):
//! - A deadline passes the day AFTER its date: a task due on the 10th is late on the 11th.
//!   The same reading is used for the motion's start-by date and for T-30.
//! - Lead time: 90 days, 120 when ARR > 100,000 (exactly 100,000 is not above).
//! - "Started by D" means at least one task of the timeline (default or added) was ticked
//!   with a done date on or before D.
//! - Status, first match wins:
//!   1. Overdue: today is after the renewal date. There is no separate "renewed" state: once
//!      a renewal is signed the user sets the next renewal date (and may call
//!      [`Renewal::start_new_cycle`]); until then the account stays overdue, which is the
//!      nudge to record it.
//!   2. Critical: today is after T-30 and the motion had not started by T-30.
//!   3. Late: today is after the start-by date (renewal - lead time) and the motion had not
//!      started by then (either nothing is done yet, or the first task was done too late).
//!   4. On track.
//! - T-180 is shown only with "early start"; T-120 only when ARR > 100,000. Done marks and
//!   added tasks of a milestone that is not shown are kept, and come back with it.

mod calendar;
mod terms;
mod timeline;

pub use calendar::*;
pub use terms::*;
pub use timeline::*;

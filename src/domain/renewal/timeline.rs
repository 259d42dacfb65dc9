//! The timeline worked back from the renewal date: tasks with due dates, milestone states
//! and the status of the motion.

use chrono::NaiveDate;

use super::*;
use crate::domain::dates::long;

/// One task on the timeline, with its due date.
#[derive(Debug, Clone, PartialEq)]
pub struct Task {
    pub key: TaskKey,
    pub text: String,
    pub due: NaiveDate,
    pub done_on: Option<NaiveDate>,
    /// Who does it; empty when nobody is named (docs/account-depth.md#owners).
    pub owner: String,
}

impl Task {
    pub fn is_done(&self) -> bool {
        self.done_on.is_some()
    }
    pub fn is_custom(&self) -> bool {
        matches!(self.key, TaskKey::Custom(_))
    }
    /// Not done and its due date has passed (today is after it).
    pub fn is_late(&self, today: NaiveDate) -> bool {
        !self.is_done() && today > self.due
    }
}

/// How a milestone stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MilestoneState {
    /// Every task is done.
    Done,
    /// At least one task is not done and past its due date.
    Late,
    /// Tasks remain, none late yet.
    Open,
}

impl MilestoneState {
    pub fn label(self) -> &'static str {
        match self {
            MilestoneState::Done => "Done",
            MilestoneState::Late => "Late",
            MilestoneState::Open => "Open",
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            MilestoneState::Done => "done",
            MilestoneState::Late => "late",
            MilestoneState::Open => "open",
        }
    }
}

/// A milestone on the timeline with its due date and tasks (defaults first, then added).
#[derive(Debug, Clone, PartialEq)]
pub struct Milestone {
    pub kind: MilestoneKind,
    pub due: NaiveDate,
    pub tasks: Vec<Task>,
}

impl Milestone {
    pub fn done_count(&self) -> usize {
        self.tasks.iter().filter(|t| t.is_done()).count()
    }
    pub fn state(&self, today: NaiveDate) -> MilestoneState {
        if self.tasks.iter().all(Task::is_done) {
            MilestoneState::Done
        } else if self.tasks.iter().any(|t| t.is_late(today)) {
            MilestoneState::Late
        } else {
            MilestoneState::Open
        }
    }
}

/// Status of the whole renewal motion (docs/domain.md#renewal; order of checks in the module
/// docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RenewalStatus {
    OnTrack,
    Late,
    Critical,
    Overdue,
}

impl RenewalStatus {
    pub const ALL: [RenewalStatus; 4] = [
        RenewalStatus::OnTrack,
        RenewalStatus::Late,
        RenewalStatus::Critical,
        RenewalStatus::Overdue,
    ];
    pub fn label(self) -> &'static str {
        match self {
            RenewalStatus::OnTrack => "On track",
            RenewalStatus::Late => "Late",
            RenewalStatus::Critical => "Critical",
            RenewalStatus::Overdue => "Overdue",
        }
    }
    /// Stable machine name for CSS classes and tests.
    pub fn key(self) -> &'static str {
        match self {
            RenewalStatus::OnTrack => "on_track",
            RenewalStatus::Late => "late",
            RenewalStatus::Critical => "critical",
            RenewalStatus::Overdue => "overdue",
        }
    }
}

/// The next milestone with work left, for the portfolio table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NextMilestone {
    pub kind: MilestoneKind,
    pub due: NaiveDate,
    /// Tasks not done yet.
    pub open_tasks: usize,
    /// Days from today to the due date (negative when past).
    pub days_left: i64,
    pub state: MilestoneState,
}

/// The renewal worked back from its date. Computed, never stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub renewal_date: NaiveDate,
    /// 90, or 120 when ARR > 100,000.
    pub lead_days: u32,
    /// Renewal date minus lead time: the motion should have started by this day.
    pub start_by: NaiveDate,
    /// The T-30 date: nothing done by then makes the motion critical after it.
    pub critical_after: NaiveDate,
    /// Renewal date minus notice period, when a notice period is set.
    pub notice_deadline: Option<NaiveDate>,
    pub auto_renew: bool,
    /// Shown milestones, earliest first.
    pub milestones: Vec<Milestone>,
}

impl Timeline {
    pub fn tasks(&self) -> impl Iterator<Item = &Task> {
        self.milestones.iter().flat_map(|m| m.tasks.iter())
    }

    /// The earliest done date of any task on the timeline.
    pub fn first_done(&self) -> Option<NaiveDate> {
        self.tasks().filter_map(|t| t.done_on).min()
    }

    /// Whether some task was done on or before `date`.
    pub fn started_by(&self, date: NaiveDate) -> bool {
        self.first_done().is_some_and(|d| d <= date)
    }

    pub fn status(&self, today: NaiveDate) -> RenewalStatus {
        if today > self.renewal_date {
            RenewalStatus::Overdue
        } else if today > self.critical_after && !self.started_by(self.critical_after) {
            RenewalStatus::Critical
        } else if today > self.start_by && !self.started_by(self.start_by) {
            RenewalStatus::Late
        } else {
            RenewalStatus::OnTrack
        }
    }

    /// One sentence explaining the status, for the Renewal tab.
    pub fn status_note(&self, today: NaiveDate) -> String {
        let lead = self.lead_days;
        match self.status(today) {
            RenewalStatus::Overdue => format!(
                "The renewal date ({}) has passed. Once it is signed, set the next renewal date.",
                long(self.renewal_date)
            ),
            RenewalStatus::Critical => match self.first_done() {
                None => format!(
                    "Nothing done and T-30 ({}) has passed: escalate and get in front of the buyer now.",
                    long(self.critical_after)
                ),
                Some(d) => format!(
                    "Work only started on {}, after T-30 ({}): treat this renewal as at risk.",
                    long(d),
                    long(self.critical_after)
                ),
            },
            RenewalStatus::Late => match self.first_done() {
                None => format!(
                    "The renewal should have started by {} ({lead} days out) and nothing is done yet.",
                    long(self.start_by)
                ),
                Some(d) => format!(
                    "Work started on {}, later than the {lead}-day lead time ({}).",
                    long(d),
                    long(self.start_by)
                ),
            },
            RenewalStatus::OnTrack => match self.first_done() {
                Some(d) if d <= self.start_by => format!("Started on {}, in good time.", long(d)),
                _ => format!(
                    "Start by {} ({lead} days before renewal).",
                    long(self.start_by)
                ),
            },
        }
    }

    /// The earliest milestone that still has tasks to do; `None` when all are done.
    pub fn next_milestone(&self, today: NaiveDate) -> Option<NextMilestone> {
        let m = self
            .milestones
            .iter()
            .find(|m| m.state(today) != MilestoneState::Done)?;
        Some(NextMilestone {
            kind: m.kind,
            due: m.due,
            open_tasks: m.tasks.len() - m.done_count(),
            days_left: (m.due - today).num_days(),
            state: m.state(today),
        })
    }

    /// True when the notice deadline is set and today is after it.
    pub fn notice_passed(&self, today: NaiveDate) -> bool {
        self.notice_deadline.is_some_and(|d| today > d)
    }

    /// Open tasks whose due date has passed.
    pub fn late_tasks(&self, today: NaiveDate) -> Vec<&Task> {
        self.tasks().filter(|t| t.is_late(today)).collect()
    }
}

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

use std::collections::BTreeMap;

use chrono::{Datelike, Days, Months, NaiveDate};

use super::account::{Account, AccountId};
use super::dates::long;

/// ARR strictly above this makes an account "enterprise" for the renewal rules.
pub const ENTERPRISE_ARR: f64 = 100_000.0;
/// Minimum lead time of a renewal motion, in days.
pub const LEAD_DAYS: u32 = 90;
/// Lead time for enterprise accounts (ARR > [`ENTERPRISE_ARR`]).
pub const ENTERPRISE_LEAD_DAYS: u32 = 120;
/// A motion with nothing done by this many days before renewal is critical.
pub const CRITICAL_DAYS: u32 = 30;
/// A notice period above two years is almost surely a typo.
pub const MAX_NOTICE_DAYS: u32 = 730;
/// Longest text of a task a user adds.
pub const MAX_TASK_LEN: usize = 200;

/// `date - days`, saturating at the earliest date chrono knows instead of panicking.
pub fn days_before(date: NaiveDate, days: u32) -> NaiveDate {
    date.checked_sub_days(Days::new(days as u64))
        .unwrap_or(NaiveDate::MIN)
}

/// `date + days`, saturating at the latest date chrono knows.
pub fn days_after(date: NaiveDate, days: u32) -> NaiveDate {
    date.checked_add_days(Days::new(days as u64))
        .unwrap_or(NaiveDate::MAX)
}

/// True when ARR is above 100,000 (the T-120 milestone and the 120-day lead time apply).
pub fn is_enterprise(arr: f64) -> bool {
    arr > ENTERPRISE_ARR
}

/// Lead time in days for an account with this ARR.
pub fn lead_days(arr: f64) -> u32 {
    if is_enterprise(arr) {
        ENTERPRISE_LEAD_DAYS
    } else {
        LEAD_DAYS
    }
}

/// One milestone of the timeline, named by how many days before renewal it falls.
/// Ordered earliest first (T-180 before T-7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MilestoneKind {
    T180,
    T120,
    T90,
    T60,
    T30,
    T7,
}

/// A task every renewal gets: a stable key (stored in files) and its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DefaultTask {
    pub key: &'static str,
    pub text: &'static str,
}

const fn task(key: &'static str, text: &'static str) -> DefaultTask {
    DefaultTask { key, text }
}

const T180_TASKS: &[DefaultTask] = &[
    task(
        "kickoff",
        "Hold an internal kickoff: who owns the renewal, key dates, who else we need",
    ),
    task(
        "map_signers",
        "Map who signs, who decides and who could block the renewal",
    ),
    task(
        "value_story",
        "Agree with the champion on the results we will show at renewal time",
    ),
];
const T120_TASKS: &[DefaultTask] = &[
    task(
        "forecast",
        "Check the renewal is in the forecast, at the right amount",
    ),
    task(
        "roi",
        "Pull usage and ROI figures against the success metrics agreed",
    ),
    task(
        "risks",
        "Write down the risks: health, open tickets, people who changed",
    ),
];
const T90_TASKS: &[DefaultTask] = &[
    task(
        "qbr",
        "Run the renewal QBR: value delivered so far and what the roadmap brings",
    ),
    task(
        "expansion",
        "Bring up expansion now, so renewal and growth are one conversation",
    ),
    task(
        "commercials",
        "Open the commercial discussion with the economic buyer",
    ),
];
const T60_TASKS: &[DefaultTask] = &[
    task(
        "proposal",
        "Send the renewal proposal with pricing and term options",
    ),
    task(
        "objections",
        "Work through objections and the procurement steps",
    ),
    task("legal", "Loop legal in now if you expect redlines"),
];
const T30_TASKS: &[DefaultTask] = &[
    task("follow_up", "Chase every week until it is signed"),
    task(
        "escalate",
        "Two chases with no answer: bring your manager in",
    ),
    task(
        "extension",
        "If procurement is the hold-up, offer a short extension (30 days at most)",
    ),
];
const T7_TASKS: &[DefaultTask] = &[
    task(
        "countersigned",
        "Check the countersigned paperwork has been processed",
    ),
    task(
        "new_term_kickoff",
        "Book the kickoff meeting for the new term",
    ),
];

impl MilestoneKind {
    pub const ALL: [MilestoneKind; 6] = [
        MilestoneKind::T180,
        MilestoneKind::T120,
        MilestoneKind::T90,
        MilestoneKind::T60,
        MilestoneKind::T30,
        MilestoneKind::T7,
    ];

    /// Days before the renewal date.
    pub fn days(self) -> u32 {
        match self {
            MilestoneKind::T180 => 180,
            MilestoneKind::T120 => 120,
            MilestoneKind::T90 => 90,
            MilestoneKind::T60 => 60,
            MilestoneKind::T30 => 30,
            MilestoneKind::T7 => 7,
        }
    }

    /// Stable machine name, used in files, calendar UIDs and DOM ids: `t90`.
    pub fn key(self) -> &'static str {
        match self {
            MilestoneKind::T180 => "t180",
            MilestoneKind::T120 => "t120",
            MilestoneKind::T90 => "t90",
            MilestoneKind::T60 => "t60",
            MilestoneKind::T30 => "t30",
            MilestoneKind::T7 => "t7",
        }
    }

    pub fn from_key(s: &str) -> Option<MilestoneKind> {
        MilestoneKind::ALL.into_iter().find(|m| m.key() == s)
    }

    /// `T-90`.
    pub fn label(self) -> &'static str {
        match self {
            MilestoneKind::T180 => "T-180",
            MilestoneKind::T120 => "T-120",
            MilestoneKind::T90 => "T-90",
            MilestoneKind::T60 => "T-60",
            MilestoneKind::T30 => "T-30",
            MilestoneKind::T7 => "T-7",
        }
    }

    /// What the milestone is about, in a few words.
    pub fn title(self) -> &'static str {
        match self {
            MilestoneKind::T180 => "Early kickoff",
            MilestoneKind::T120 => "Forecast and evidence",
            MilestoneKind::T90 => "Value review",
            MilestoneKind::T60 => "Proposal",
            MilestoneKind::T30 => "Close",
            MilestoneKind::T7 => "Paperwork and new term",
        }
    }

    pub fn default_tasks(self) -> &'static [DefaultTask] {
        match self {
            MilestoneKind::T180 => T180_TASKS,
            MilestoneKind::T120 => T120_TASKS,
            MilestoneKind::T90 => T90_TASKS,
            MilestoneKind::T60 => T60_TASKS,
            MilestoneKind::T30 => T30_TASKS,
            MilestoneKind::T7 => T7_TASKS,
        }
    }

    pub fn default_task(self, key: &str) -> Option<&'static DefaultTask> {
        self.default_tasks().iter().find(|t| t.key == key)
    }

    /// Due date for a renewal on `renewal`: that many calendar days before it.
    pub fn due(self, renewal: NaiveDate) -> NaiveDate {
        days_before(renewal, self.days())
    }
}

/// The milestones shown for an account, earliest first.
pub fn milestones_for(arr: f64, early_start: bool) -> Vec<MilestoneKind> {
    MilestoneKind::ALL
        .into_iter()
        .filter(|m| match m {
            MilestoneKind::T180 => early_start,
            MilestoneKind::T120 => is_enterprise(arr),
            _ => true,
        })
        .collect()
}

/// Which task: one of a milestone's default tasks, or a task a user added (by its id).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TaskKey {
    Default(MilestoneKind, &'static str),
    Custom(u32),
}

impl TaskKey {
    /// A string unique within an account, for DOM ids and tests: `t90.qbr`, `custom.3`.
    pub fn id_string(&self) -> String {
        match self {
            TaskKey::Default(m, k) => format!("{}.{}", m.key(), k),
            TaskKey::Custom(id) => format!("custom.{id}"),
        }
    }
}

/// A task a user added to a milestone.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomTask {
    id: u32,
    milestone: MilestoneKind,
    text: String,
    done_on: Option<NaiveDate>,
}

impl CustomTask {
    pub fn id(&self) -> u32 {
        self.id
    }
    pub fn milestone(&self) -> MilestoneKind {
        self.milestone
    }
    pub fn text(&self) -> &str {
        &self.text
    }
    pub fn done_on(&self) -> Option<NaiveDate> {
        self.done_on
    }
}

/// Checks and trims the text of a task a user adds.
pub fn check_task_text(text: &str) -> Result<String, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("Write what the task is.".into());
    }
    if t.chars().count() > MAX_TASK_LEN {
        return Err(format!("Keep a task under {MAX_TASK_LEN} characters."));
    }
    Ok(t.to_string())
}

/// Checks a notice period in days.
pub fn check_notice_days(days: Option<u32>) -> Result<(), String> {
    match days {
        Some(d) if d > MAX_NOTICE_DAYS => Err(format!(
            "A notice period of {d} days is more than two years ({MAX_NOTICE_DAYS} days at most): check the number."
        )),
        _ => Ok(()),
    }
}

/// Reads the notice period typed in a form: whole days, empty means "not set".
pub fn parse_notice_days(text: &str) -> Result<Option<u32>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if !t.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!(
            "\"{t}\" is not a number of days: type whole days, e.g. 60."
        ));
    }
    let d: u32 = t.parse().map_err(|_| {
        format!("A notice period of {t} days is more than two years: check the number.")
    })?;
    check_notice_days(Some(d))?;
    Ok(Some(d))
}

/// Reads the "done on" date typed next to a ticked task or step (`YYYY-MM-DD`, as date
/// inputs give it). Refuses an empty value, a malformed one and a day after `today`.
pub fn parse_done_on(text: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("Pick the day it was done, or untick it.".into());
    }
    let d = super::dates::read_date(t)?;
    if d > today {
        return Err(format!(
            "{} is in the future: pick today or an earlier day.",
            d.format("%-d %b %Y")
        ));
    }
    Ok(d)
}

/// What an account stores about its renewal: contract terms and what the user did.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Renewal {
    notice_days: Option<u32>,
    /// The contract renews by itself unless notice is given.
    pub auto_renew: bool,
    /// Adds the T-180 kickoff milestone (strategic renewals start 6-9 months out).
    pub early_start: bool,
    done: BTreeMap<(MilestoneKind, &'static str), NaiveDate>,
    custom: Vec<CustomTask>,
}

impl Renewal {
    /// Notice period in days: notice of non-renewal or changes is due that many days
    /// before the renewal date.
    pub fn notice_days(&self) -> Option<u32> {
        self.notice_days
    }

    pub fn set_notice_days(&mut self, days: Option<u32>) -> Result<(), String> {
        check_notice_days(days)?;
        self.notice_days = days;
        Ok(())
    }

    /// When the task was done, if it is.
    pub fn done_on(&self, key: TaskKey) -> Option<NaiveDate> {
        match key {
            TaskKey::Default(m, k) => self.done.get(&(m, k)).copied(),
            TaskKey::Custom(id) => self.custom.iter().find(|c| c.id == id)?.done_on,
        }
    }

    /// Marks a task done on `on`. Refused for a date after `today` or a task that does
    /// not exist.
    pub fn tick(&mut self, key: TaskKey, on: NaiveDate, today: NaiveDate) -> Result<(), String> {
        if on > today {
            return Err(format!(
                "A task cannot be done in the future ({on} is after today)."
            ));
        }
        self.set_done(key, on)
    }

    /// Marks a task not done.
    pub fn untick(&mut self, key: TaskKey) {
        match key {
            TaskKey::Default(m, k) => {
                self.done.remove(&(m, k));
            }
            TaskKey::Custom(id) => {
                if let Some(c) = self.custom.iter_mut().find(|c| c.id == id) {
                    c.done_on = None;
                }
            }
        }
    }

    fn set_done(&mut self, key: TaskKey, on: NaiveDate) -> Result<(), String> {
        match key {
            TaskKey::Default(m, k) => {
                let t = m
                    .default_task(k)
                    .ok_or_else(|| format!("{} has no task \"{k}\".", m.label()))?;
                self.done.insert((m, t.key), on);
            }
            TaskKey::Custom(id) => {
                let c = self
                    .custom
                    .iter_mut()
                    .find(|c| c.id == id)
                    .ok_or_else(|| format!("There is no added task {id}."))?;
                c.done_on = Some(on);
            }
        }
        Ok(())
    }

    /// Restores a done mark of a default task read from a file. The task key must be one
    /// of the milestone's default tasks and not be marked twice.
    pub fn restore_done(
        &mut self,
        milestone: MilestoneKind,
        task_key: &str,
        on: NaiveDate,
    ) -> Result<(), String> {
        let t = milestone.default_task(task_key).ok_or_else(|| {
            let known: Vec<&str> = milestone.default_tasks().iter().map(|t| t.key).collect();
            format!(
                "{} has no task \"{task_key}\"; its tasks are {}",
                milestone.label(),
                known.join(", ")
            )
        })?;
        if self.done.contains_key(&(milestone, t.key)) {
            return Err(format!(
                "task \"{task_key}\" of {} is marked done twice",
                milestone.label()
            ));
        }
        self.done.insert((milestone, t.key), on);
        Ok(())
    }

    /// Done marks of default tasks, in milestone order: (milestone, task key, done on).
    pub fn done_marks(
        &self,
    ) -> impl Iterator<Item = (MilestoneKind, &'static str, NaiveDate)> + '_ {
        self.done.iter().map(|(&(m, k), &d)| (m, k, d))
    }

    pub fn custom_tasks(&self) -> &[CustomTask] {
        &self.custom
    }

    /// Adds a task of the user's own to a milestone; returns its id.
    pub fn add_custom_task(&mut self, milestone: MilestoneKind, text: &str) -> Result<u32, String> {
        let text = check_task_text(text)?;
        let id = match self.custom.iter().map(|c| c.id).max() {
            None => 1,
            Some(max) => max
                .checked_add(1)
                .ok_or_else(|| "No room for more tasks.".to_string())?,
        };
        self.custom.push(CustomTask {
            id,
            milestone,
            text,
            done_on: None,
        });
        Ok(id)
    }

    /// Restores an added task read from a file; ids must be unique.
    pub fn restore_custom_task(
        &mut self,
        id: u32,
        milestone: MilestoneKind,
        text: &str,
        done_on: Option<NaiveDate>,
    ) -> Result<(), String> {
        if self.custom.iter().any(|c| c.id == id) {
            return Err(format!(
                "id {id} is used by an earlier task; ids must be unique"
            ));
        }
        let text = check_task_text(text)?;
        self.custom.push(CustomTask {
            id,
            milestone,
            text,
            done_on,
        });
        Ok(())
    }

    pub fn edit_custom_task(&mut self, id: u32, text: &str) -> Result<(), String> {
        let text = check_task_text(text)?;
        let c = self
            .custom
            .iter_mut()
            .find(|c| c.id == id)
            .ok_or_else(|| format!("There is no added task {id}."))?;
        c.text = text;
        Ok(())
    }

    pub fn remove_custom_task(&mut self, id: u32) -> Option<CustomTask> {
        let i = self.custom.iter().position(|c| c.id == id)?;
        Some(self.custom.remove(i))
    }

    /// Clears every done mark (default and added tasks), for the next contract term.
    /// Added tasks themselves stay, unticked.
    pub fn start_new_cycle(&mut self) {
        self.done.clear();
        for c in &mut self.custom {
            c.done_on = None;
        }
    }

    /// The timeline for a renewal on `renewal_date` and this ARR; `None` without a date.
    pub fn timeline(&self, renewal_date: Option<NaiveDate>, arr: f64) -> Option<Timeline> {
        let renewal = renewal_date?;
        let lead = lead_days(arr);
        let milestones =
            milestones_for(arr, self.early_start)
                .into_iter()
                .map(|kind| {
                    let due = kind.due(renewal);
                    let mut tasks: Vec<Task> = kind
                        .default_tasks()
                        .iter()
                        .map(|t| Task {
                            key: TaskKey::Default(kind, t.key),
                            text: t.text.to_string(),
                            due,
                            done_on: self.done.get(&(kind, t.key)).copied(),
                        })
                        .collect();
                    tasks.extend(self.custom.iter().filter(|c| c.milestone == kind).map(|c| {
                        Task {
                            key: TaskKey::Custom(c.id),
                            text: c.text.clone(),
                            due,
                            done_on: c.done_on,
                        }
                    }));
                    Milestone { kind, due, tasks }
                })
                .collect();
        Some(Timeline {
            renewal_date: renewal,
            lead_days: lead,
            start_by: days_before(renewal, lead),
            critical_after: days_before(renewal, CRITICAL_DAYS),
            notice_deadline: self.notice_days.map(|d| days_before(renewal, d)),
            auto_renew: self.auto_renew,
            milestones,
        })
    }
}

/// One task on the timeline, with its due date.
#[derive(Debug, Clone, PartialEq)]
pub struct Task {
    pub key: TaskKey,
    pub text: String,
    pub due: NaiveDate,
    pub done_on: Option<NaiveDate>,
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

/// The timeline of an account from its own fields.
pub fn timeline_of(account: &Account) -> Option<Timeline> {
    account
        .renewal
        .timeline(account.fields.renewal_date, account.fields.arr)
}

// ---------------------------------------------------------------------------------------
// Portfolio views

/// One account's renewal in a portfolio view.
#[derive(Debug, Clone, PartialEq)]
pub struct RenewalDue {
    pub account: AccountId,
    pub name: String,
    pub date: NaiveDate,
    pub arr: f64,
}

/// Renewals falling in one calendar month.
#[derive(Debug, Clone, PartialEq)]
pub struct MonthDue {
    /// The first day of the month.
    pub month: NaiveDate,
    pub total_arr: f64,
    /// By date, then name.
    pub renewals: Vec<RenewalDue>,
}

impl MonthDue {
    /// `Mar 2027`.
    pub fn label(&self) -> String {
        self.month.format("%b %Y").to_string()
    }
}

/// Renewals of the portfolio: the ones whose date has passed, and the next 12 months.
#[derive(Debug, Clone, PartialEq)]
pub struct RenewalCalendar {
    /// Renewal date before today, oldest first.
    pub overdue: Vec<RenewalDue>,
    /// Twelve months: the current month (from today on) and the eleven after it. Renewals
    /// later than the last of them are not listed.
    pub months: Vec<MonthDue>,
}

impl RenewalCalendar {
    /// ARR renewing in the twelve months.
    pub fn total_arr(&self) -> f64 {
        self.months.iter().map(|m| m.total_arr).sum()
    }
}

fn first_of_month(d: NaiveDate) -> NaiveDate {
    d.with_day(1).expect("day 1 exists in every month")
}

/// Groups renewals by month. Input: (account, name, renewal date, ARR); accounts without a
/// renewal date are skipped.
pub fn renewal_calendar(
    accounts: &[(AccountId, &str, Option<NaiveDate>, f64)],
    today: NaiveDate,
) -> RenewalCalendar {
    let start = first_of_month(today);
    let mut months: Vec<MonthDue> = (0..12)
        .map_while(|i| start.checked_add_months(Months::new(i)))
        .map(|month| MonthDue {
            month,
            total_arr: 0.0,
            renewals: Vec::new(),
        })
        .collect();
    let mut overdue = Vec::new();
    for &(account, name, date, arr) in accounts {
        let Some(date) = date else { continue };
        let due = RenewalDue {
            account,
            name: name.to_string(),
            date,
            arr,
        };
        if date < today {
            overdue.push(due);
        } else if let Some(m) = months.iter_mut().find(|m| m.month == first_of_month(date)) {
            m.total_arr += arr;
            m.renewals.push(due);
        }
    }
    let by_date = |a: &RenewalDue, b: &RenewalDue| a.date.cmp(&b.date).then(a.name.cmp(&b.name));
    overdue.sort_by(by_date);
    for m in &mut months {
        m.renewals.sort_by(by_date);
    }
    RenewalCalendar { overdue, months }
}

/// What an agenda line is about.
#[derive(Debug, Clone, PartialEq)]
pub enum AgendaWhat {
    Task {
        milestone: MilestoneKind,
        key: TaskKey,
        text: String,
    },
    /// Last day to give notice under the contract.
    NoticeDeadline { auto_renew: bool },
    /// The renewal date itself.
    Renewal,
}

/// One line of the "overdue / this week" list.
#[derive(Debug, Clone, PartialEq)]
pub struct AgendaItem {
    pub account: AccountId,
    pub account_name: String,
    pub due: NaiveDate,
    /// Due before today and not done.
    pub overdue: bool,
    pub what: AgendaWhat,
}

/// Days in "this week": today and the six days after it.
pub const WEEK_DAYS: u32 = 7;

/// Across accounts: open tasks that are overdue or due this week (today to today + 6),
/// notice deadlines this week, and renewal dates this week or passed. When an account's
/// renewal date has passed, its tasks are not listed one by one: the renewal itself is
/// the single overdue line. Sorted overdue first, then by date and account name.
pub fn renewal_agenda(
    accounts: &[(AccountId, &str, &Timeline)],
    today: NaiveDate,
) -> Vec<AgendaItem> {
    let week_end = days_after(today, WEEK_DAYS - 1);
    let in_week = |d: NaiveDate| d >= today && d <= week_end;
    let mut out = Vec::new();
    for &(account, name, tl) in accounts {
        let item = |due: NaiveDate, what: AgendaWhat| AgendaItem {
            account,
            account_name: name.to_string(),
            due,
            overdue: due < today,
            what,
        };
        if tl.renewal_date < today || in_week(tl.renewal_date) {
            out.push(item(tl.renewal_date, AgendaWhat::Renewal));
        }
        if tl.renewal_date < today {
            continue;
        }
        if let Some(n) = tl.notice_deadline.filter(|&d| in_week(d)) {
            out.push(item(
                n,
                AgendaWhat::NoticeDeadline {
                    auto_renew: tl.auto_renew,
                },
            ));
        }
        for m in &tl.milestones {
            for t in m.tasks.iter().filter(|t| !t.is_done()) {
                if t.due < today || in_week(t.due) {
                    out.push(item(
                        t.due,
                        AgendaWhat::Task {
                            milestone: m.kind,
                            key: t.key,
                            text: t.text.clone(),
                        },
                    ));
                }
            }
        }
    }
    out.sort_by(|a, b| {
        b.overdue
            .cmp(&a.overdue)
            .then(a.due.cmp(&b.due))
            .then(a.account_name.cmp(&b.account_name))
    });
    out
}

/// [`renewal_calendar`] over accounts as the workspace holds them.
pub fn portfolio_calendar(accounts: &[Account], today: NaiveDate) -> RenewalCalendar {
    let rows: Vec<(AccountId, &str, Option<NaiveDate>, f64)> = accounts
        .iter()
        .map(|a| {
            (
                a.id,
                a.fields.name.as_str(),
                a.fields.renewal_date,
                a.fields.arr,
            )
        })
        .collect();
    renewal_calendar(&rows, today)
}

/// Every account that has a renewal date, with its timeline, in workspace order.
pub fn portfolio_timelines(accounts: &[Account]) -> Vec<(AccountId, &str, Timeline)> {
    accounts
        .iter()
        .filter_map(|a| timeline_of(a).map(|t| (a.id, a.fields.name.as_str(), t)))
        .collect()
}

/// [`renewal_agenda`] over accounts as the workspace holds them.
pub fn portfolio_agenda(accounts: &[Account], today: NaiveDate) -> Vec<AgendaItem> {
    let timelines = portfolio_timelines(accounts);
    let rows: Vec<(AccountId, &str, &Timeline)> =
        timelines.iter().map(|(id, n, t)| (*id, *n, t)).collect();
    renewal_agenda(&rows, today)
}

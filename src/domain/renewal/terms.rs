//! The renewal rules that do not move: lead times, the milestones and their default tasks,
//! the tasks a user adds, and [`Renewal`], what an account stores about its renewal.

use std::collections::BTreeMap;

use chrono::{Days, Months, NaiveDate};

use super::*;
use crate::domain::error::{read_owner, FieldError};

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
    owner: String,
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
    /// Who does it; empty when nobody is named.
    pub fn owner(&self) -> &str {
        &self.owner
    }
}

/// Checks and trims the text of a task a user adds.
pub fn check_task_text(text: &str) -> Result<String, FieldError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(FieldError::bare("Write what the task is."));
    }
    if t.chars().count() > MAX_TASK_LEN {
        return Err(FieldError::bare(format!(
            "Keep a task under {MAX_TASK_LEN} characters."
        )));
    }
    Ok(t.to_string())
}

/// Checks a notice period in days.
pub fn check_notice_days(days: Option<u32>) -> Result<(), FieldError> {
    match days {
        Some(d) if d > MAX_NOTICE_DAYS => Err(FieldError::bare(format!(
            "A notice period of {d} days is more than two years ({MAX_NOTICE_DAYS} days at most): check the number."
        ))),
        _ => Ok(()),
    }
}

/// Reads the notice period typed in a form: whole days, empty means "not set".
pub fn parse_notice_days(text: &str) -> Result<Option<u32>, FieldError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if !t.chars().all(|c| c.is_ascii_digit()) {
        return Err(FieldError::bare(format!(
            "\"{t}\" is not a number of days: type whole days, e.g. 60."
        )));
    }
    let d: u32 = t.parse().map_err(|_| {
        FieldError::bare(format!(
            "A notice period of {t} days is more than two years: check the number."
        ))
    })?;
    check_notice_days(Some(d))?;
    Ok(Some(d))
}

/// Reads the "done on" date typed next to a ticked task or step (`YYYY-MM-DD`, as date
/// inputs give it). Refuses an empty value, a malformed one and a day after `today`.
pub fn parse_done_on(text: &str, today: NaiveDate) -> Result<NaiveDate, FieldError> {
    crate::domain::dates::read_day_done(text, today, "Pick the day it was done, or untick it.")
}

/// The renewal date suggested for the next term: `renewal` itself when it is still ahead of
/// `today`, else moved on by whole years until it is.
pub fn next_renewal_suggestion(renewal: NaiveDate, today: NaiveDate) -> NaiveDate {
    let mut suggested = renewal;
    for _ in 0..400 {
        if suggested > today {
            break;
        }
        match suggested.checked_add_months(Months::new(12)) {
            Some(d) => suggested = d,
            None => break,
        }
    }
    suggested
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
    /// Owners of default tasks (added tasks hold their own); never empty strings.
    owners: BTreeMap<(MilestoneKind, &'static str), String>,
}

impl Renewal {
    /// Notice period in days: notice of non-renewal or changes is due that many days
    /// before the renewal date.
    pub fn notice_days(&self) -> Option<u32> {
        self.notice_days
    }

    pub fn set_notice_days(&mut self, days: Option<u32>) -> Result<(), FieldError> {
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
    pub fn tick(
        &mut self,
        key: TaskKey,
        on: NaiveDate,
        today: NaiveDate,
    ) -> Result<(), FieldError> {
        if on > today {
            return Err(FieldError::new(
                "done_on",
                format!(
                    "A task cannot be done in the future ({} is after today).",
                    crate::domain::dates::long(on)
                ),
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

    fn set_done(&mut self, key: TaskKey, on: NaiveDate) -> Result<(), FieldError> {
        match key {
            TaskKey::Default(m, k) => {
                let t = m.default_task(k).ok_or_else(|| {
                    FieldError::new("task", format!("{} has no task \"{k}\".", m.label()))
                })?;
                self.done.insert((m, t.key), on);
            }
            TaskKey::Custom(id) => {
                let c = self.custom.iter_mut().find(|c| c.id == id).ok_or_else(|| {
                    FieldError::new("task", format!("There is no added task {id}."))
                })?;
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
    ) -> Result<(), FieldError> {
        let t = milestone.default_task(task_key).ok_or_else(|| {
            let known: Vec<&str> = milestone.default_tasks().iter().map(|t| t.key).collect();
            FieldError::new(
                "task",
                format!(
                    "{} has no task \"{task_key}\"; its tasks are {}",
                    milestone.label(),
                    known.join(", ")
                ),
            )
        })?;
        if self.done.contains_key(&(milestone, t.key)) {
            return Err(FieldError::new(
                "task",
                format!(
                    "task \"{task_key}\" of {} is marked done twice",
                    milestone.label()
                ),
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
    pub fn add_custom_task(
        &mut self,
        milestone: MilestoneKind,
        text: &str,
    ) -> Result<u32, FieldError> {
        let text = check_task_text(text).map_err(|e| e.under("text"))?;
        let id = match self.custom.iter().map(|c| c.id).max() {
            None => 1,
            Some(max) => max
                .checked_add(1)
                .ok_or_else(|| FieldError::bare("No room for more tasks."))?,
        };
        self.custom.push(CustomTask {
            id,
            milestone,
            text,
            done_on: None,
            owner: String::new(),
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
    ) -> Result<(), FieldError> {
        if self.custom.iter().any(|c| c.id == id) {
            return Err(FieldError::new(
                "id",
                format!("id {id} is used by an earlier task; ids must be unique"),
            ));
        }
        let text = check_task_text(text).map_err(|e| e.under("text"))?;
        self.custom.push(CustomTask {
            id,
            milestone,
            text,
            done_on,
            owner: String::new(),
        });
        Ok(())
    }

    pub fn edit_custom_task(&mut self, id: u32, text: &str) -> Result<(), FieldError> {
        let text = check_task_text(text).map_err(|e| e.under("text"))?;
        let c = self
            .custom
            .iter_mut()
            .find(|c| c.id == id)
            .ok_or_else(|| FieldError::new("task", format!("There is no added task {id}.")))?;
        c.text = text;
        Ok(())
    }

    pub fn remove_custom_task(&mut self, id: u32) -> Option<CustomTask> {
        let i = self.custom.iter().position(|c| c.id == id)?;
        Some(self.custom.remove(i))
    }

    /// Who owns a task; empty when nobody is named (or the task does not exist).
    pub fn owner(&self, key: TaskKey) -> &str {
        match key {
            TaskKey::Default(m, k) => self.owners.get(&(m, k)).map_or("", String::as_str),
            TaskKey::Custom(id) => self
                .custom
                .iter()
                .find(|c| c.id == id)
                .map_or("", |c| c.owner.as_str()),
        }
    }

    /// Names who owns a task (trimmed; empty clears it). Refused, changing nothing, for an
    /// owner over 120 characters or a task that does not exist (docs/account-depth.md#owners).
    pub fn set_owner(&mut self, key: TaskKey, owner: &str) -> Result<(), FieldError> {
        let owner = read_owner("owner", owner)?;
        match key {
            TaskKey::Default(m, k) => {
                let t = m.default_task(k).ok_or_else(|| {
                    FieldError::new("task", format!("{} has no task \"{k}\".", m.label()))
                })?;
                if owner.is_empty() {
                    self.owners.remove(&(m, t.key));
                } else {
                    self.owners.insert((m, t.key), owner);
                }
            }
            TaskKey::Custom(id) => {
                let c = self.custom.iter_mut().find(|c| c.id == id).ok_or_else(|| {
                    FieldError::new("task", format!("There is no added task {id}."))
                })?;
                c.owner = owner;
            }
        }
        Ok(())
    }

    /// Owners of default tasks, in milestone order: (milestone, task key, owner).
    pub fn owner_marks(&self) -> impl Iterator<Item = (MilestoneKind, &'static str, &str)> + '_ {
        self.owners.iter().map(|(&(m, k), o)| (m, k, o.as_str()))
    }

    /// Restores the owner of a default task read from a file: a known task, named once.
    pub fn restore_owner(
        &mut self,
        milestone: MilestoneKind,
        task_key: &str,
        owner: &str,
    ) -> Result<(), FieldError> {
        let t = milestone.default_task(task_key).ok_or_else(|| {
            FieldError::new(
                "task",
                format!("{} has no task \"{task_key}\"", milestone.label()),
            )
        })?;
        if self.owners.contains_key(&(milestone, t.key)) {
            return Err(FieldError::new(
                "task",
                format!(
                    "task \"{task_key}\" of {} has its owner given twice",
                    milestone.label()
                ),
            ));
        }
        self.set_owner(TaskKey::Default(milestone, t.key), owner)
    }

    /// Clears every done mark (default and added tasks), for the next contract term.
    /// Added tasks themselves stay, unticked, and every owner stays: the same people
    /// usually run the next renewal (docs/account-depth.md#owners).
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
                            owner: self.owners.get(&(kind, t.key)).cloned().unwrap_or_default(),
                        })
                        .collect();
                    tasks.extend(self.custom.iter().filter(|c| c.milestone == kind).map(|c| {
                        Task {
                            key: TaskKey::Custom(c.id),
                            text: c.text.clone(),
                            due,
                            done_on: c.done_on,
                            owner: c.owner.clone(),
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

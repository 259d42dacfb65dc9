//! The save playbook for a red account (docs/domain.md#save-plan): a plan opened on a given day,
//! its root cause, its save owner, steps with deadlines counted from the opening day,
//! weekly check-ins until it is closed, and the history of closed plans.
//!
//! Decisions taken where the job leaves room (tested in `tests/save_plan.rs`):
//! - Deadlines are calendar days after the opening day: triage +1 (the "24 hours"),
//!   executive outreach +2 ("48 hours"), root-cause meeting +7 ("1 week").
//! - "Tell leadership" is a step due with triage (+1) when ARR at opening is above 50,000
//!   (exactly 50,000: no). It is decided when the plan is opened and kept with the plan, so
//!   history stays true if ARR changes later.
//! - Weekly check-ins follow the root-cause meeting: check-in n is due on day 7 * (n + 1)
//!   (14, 21, 28, ...). An open plan lists every check-in due up to today plus the next
//!   one; a closed plan lists those due up to its closing day.
//! - A step is overdue when it is not done and today is after its due date. Closed plans
//!   have no overdue steps.
//! - At most one open plan per account; closed plans are kept as history.
//! - A plan is proposed when the account is red and no plan is open; it is suggested for
//!   closing when an open plan's account is green again. The caller passes those facts.

use crate::domain::order;
use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::error::{read_owner, FieldError};
use super::renewal::days_after;

/// ARR strictly above this means leadership is told during triage.
pub const LEADERSHIP_ARR: f64 = 50_000.0;
/// Check-ins are numbered 1 to this at most (ten years of weeks).
pub const MAX_CHECK_INS: u32 = 520;
pub use super::text::MAX_OWNER_LEN;
pub const MAX_NOTE_LEN: usize = 2_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RootCause {
    ProductGap,
    RelationshipBreakdown,
    BudgetCut,
    CompetitiveThreat,
}

impl RootCause {
    pub const ALL: [RootCause; 4] = [
        RootCause::ProductGap,
        RootCause::RelationshipBreakdown,
        RootCause::BudgetCut,
        RootCause::CompetitiveThreat,
    ];
    pub fn label(self) -> &'static str {
        match self {
            RootCause::ProductGap => "Product gap",
            RootCause::RelationshipBreakdown => "Relationship breakdown",
            RootCause::BudgetCut => "Budget cut",
            RootCause::CompetitiveThreat => "Competitive threat",
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            RootCause::ProductGap => "product_gap",
            RootCause::RelationshipBreakdown => "relationship_breakdown",
            RootCause::BudgetCut => "budget_cut",
            RootCause::CompetitiveThreat => "competitive_threat",
        }
    }
    pub fn from_key(s: &str) -> Option<RootCause> {
        RootCause::ALL.into_iter().find(|c| c.key() == s)
    }
}

/// Label for a root cause that may not be known yet.
pub fn root_cause_label(cause: Option<RootCause>) -> &'static str {
    cause.map_or("Not known yet", RootCause::label)
}

/// A step of the playbook. Ordered by due date (check-ins by number).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StepKind {
    Triage,
    TellLeadership,
    ExecutiveOutreach,
    RootCauseMeeting,
    /// Weekly check-in number n (1-based).
    CheckIn(u32),
}

impl StepKind {
    /// Days after the opening day when the step is due.
    pub fn days_after_open(self) -> u32 {
        match self {
            StepKind::Triage | StepKind::TellLeadership => 1,
            StepKind::ExecutiveOutreach => 2,
            StepKind::RootCauseMeeting => 7,
            StepKind::CheckIn(n) => 7 * (n.min(MAX_CHECK_INS) + 1),
        }
    }

    /// Stable machine name: `triage`, `tell_leadership`, `executive_outreach`,
    /// `root_cause_meeting`, `check_in_3`.
    pub fn key(self) -> String {
        match self {
            StepKind::Triage => "triage".into(),
            StepKind::TellLeadership => "tell_leadership".into(),
            StepKind::ExecutiveOutreach => "executive_outreach".into(),
            StepKind::RootCauseMeeting => "root_cause_meeting".into(),
            StepKind::CheckIn(n) => format!("check_in_{n}"),
        }
    }

    /// Reads a key; check-in numbers must be 1 to [`MAX_CHECK_INS`] written plainly.
    pub fn from_key(s: &str) -> Option<StepKind> {
        Some(match s {
            "triage" => StepKind::Triage,
            "tell_leadership" => StepKind::TellLeadership,
            "executive_outreach" => StepKind::ExecutiveOutreach,
            "root_cause_meeting" => StepKind::RootCauseMeeting,
            _ => {
                let n = s.strip_prefix("check_in_")?;
                if n.is_empty() || n.starts_with('0') || !n.chars().all(|c| c.is_ascii_digit()) {
                    return None;
                }
                let n: u32 = n.parse().ok()?;
                if n > MAX_CHECK_INS {
                    return None;
                }
                StepKind::CheckIn(n)
            }
        })
    }

    pub fn label(self) -> String {
        match self {
            StepKind::Triage => "Triage: name the root cause and a save owner".into(),
            StepKind::TellLeadership => "Tell leadership this account is at risk".into(),
            StepKind::ExecutiveOutreach => "Executive reaches out to their executive".into(),
            StepKind::RootCauseMeeting => {
                "Root-cause meeting with the customer; agree a recovery plan with measurable milestones"
                    .into()
            }
            StepKind::CheckIn(n) => format!("Weekly check-in {n}: progress against the recovery plan"),
        }
    }

    /// "24 h", "48 h", "1 week", "week 2"...: the deadline as people say it.
    pub fn deadline_label(self) -> String {
        match self {
            StepKind::Triage | StepKind::TellLeadership => "24 h".into(),
            StepKind::ExecutiveOutreach => "48 h".into(),
            StepKind::RootCauseMeeting => "1 week".into(),
            StepKind::CheckIn(n) => format!("week {}", n + 1),
        }
    }
}

/// A step on a plan, with its due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub kind: StepKind,
    pub due: NaiveDate,
    pub done_on: Option<NaiveDate>,
}

impl Step {
    pub fn is_done(&self) -> bool {
        self.done_on.is_some()
    }
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        !self.is_done() && today > self.due
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    Saved,
    Lost,
    Other,
}

impl Outcome {
    pub const ALL: [Outcome; 3] = [Outcome::Saved, Outcome::Lost, Outcome::Other];
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Saved => "Saved",
            Outcome::Lost => "Lost",
            Outcome::Other => "Other",
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            Outcome::Saved => "saved",
            Outcome::Lost => "lost",
            Outcome::Other => "other",
        }
    }
    pub fn from_key(s: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.key() == s)
    }
}

/// How and when a plan was closed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Closure {
    pub outcome: Outcome,
    pub on: NaiveDate,
    pub note: String,
}

fn check_owner(owner: &str) -> Result<String, FieldError> {
    read_owner("owner", owner)
}

fn check_note(note: &str) -> Result<String, FieldError> {
    let n = note.trim();
    if n.chars().count() > MAX_NOTE_LEN {
        return Err(FieldError::new(
            "note",
            format!("Keep the note under {MAX_NOTE_LEN} characters."),
        ));
    }
    Ok(n.to_string())
}

/// One save plan.
#[derive(Debug, Clone, PartialEq)]
pub struct SavePlan {
    opened_on: NaiveDate,
    /// `None` until triage names it.
    pub root_cause: Option<RootCause>,
    owner: String,
    notify_leadership: bool,
    done: BTreeMap<StepKind, NaiveDate>,
    /// Owners named on steps; a step without one is the save owner's. Never empty strings.
    step_owners: BTreeMap<StepKind, String>,
    closure: Option<Closure>,
    /// Milestones and logged check-ins (docs/account-depth.md#recovery-plan).
    pub recovery: super::recovery::Recovery,
}

impl SavePlan {
    /// A new plan opened on `opened_on` for an account with this ARR. The save owner may
    /// be left empty and named during triage.
    pub fn new(opened_on: NaiveDate, arr: f64, owner: &str) -> Result<SavePlan, FieldError> {
        Ok(SavePlan {
            opened_on,
            root_cause: None,
            owner: check_owner(owner)?,
            notify_leadership: arr > LEADERSHIP_ARR,
            done: BTreeMap::new(),
            step_owners: BTreeMap::new(),
            closure: None,
            recovery: Default::default(),
        })
    }

    /// A plan read from a file, before its done steps and closure are restored.
    pub fn restore(
        opened_on: NaiveDate,
        root_cause: Option<RootCause>,
        owner: &str,
        notify_leadership: bool,
    ) -> Result<SavePlan, FieldError> {
        Ok(SavePlan {
            opened_on,
            root_cause,
            owner: check_owner(owner)?,
            notify_leadership,
            done: BTreeMap::new(),
            step_owners: BTreeMap::new(),
            closure: None,
            recovery: Default::default(),
        })
    }

    pub fn opened_on(&self) -> NaiveDate {
        self.opened_on
    }
    pub fn owner(&self) -> &str {
        &self.owner
    }
    pub fn set_owner(&mut self, owner: &str) -> Result<(), FieldError> {
        self.owner = check_owner(owner)?;
        Ok(())
    }
    /// Leadership must be told (ARR was above 50,000 when the plan was opened).
    pub fn notify_leadership(&self) -> bool {
        self.notify_leadership
    }
    pub fn closure(&self) -> Option<&Closure> {
        self.closure.as_ref()
    }
    pub fn is_open(&self) -> bool {
        self.closure.is_none()
    }

    pub fn due(&self, step: StepKind) -> NaiveDate {
        days_after(self.opened_on, step.days_after_open())
    }

    /// Done steps with their dates, in step order.
    pub fn done_steps(&self) -> impl Iterator<Item = (StepKind, NaiveDate)> + '_ {
        self.done.iter().map(|(&k, &d)| (k, d))
    }

    fn check_step(&self, step: StepKind) -> Result<(), FieldError> {
        match step {
            StepKind::TellLeadership if !self.notify_leadership => Err(FieldError::new(
                "step",
                "This plan has no \"tell leadership\" step (ARR was 50,000 or less when it was opened).",
            )),
            StepKind::CheckIn(n) if n == 0 || n > MAX_CHECK_INS => Err(FieldError::new(
                "step",
                format!("Check-ins are numbered 1 to {MAX_CHECK_INS}, not {n}."),
            )),
            _ => Ok(()),
        }
    }

    fn check_done_date(&self, on: NaiveDate) -> Result<(), FieldError> {
        if on < self.opened_on {
            return Err(FieldError::new(
                "on",
                format!(
                    "A step cannot be done ({}) before the plan was opened ({}).",
                    super::dates::long(on),
                    super::dates::long(self.opened_on)
                ),
            ));
        }
        Ok(())
    }

    /// Marks a step done on `on` (not before the opening day, not after today).
    pub fn tick(
        &mut self,
        step: StepKind,
        on: NaiveDate,
        today: NaiveDate,
    ) -> Result<(), FieldError> {
        if !self.is_open() {
            return Err(FieldError::bare("This plan is closed."));
        }
        if on > today {
            return Err(FieldError::new(
                "on",
                format!(
                    "A step cannot be done in the future ({} is after today).",
                    super::dates::long(on)
                ),
            ));
        }
        self.check_step(step)?;
        self.check_done_date(on)?;
        self.done.insert(step, on);
        Ok(())
    }

    pub fn untick(&mut self, step: StepKind) {
        if self.is_open() {
            self.done.remove(&step);
        }
    }

    /// The owner named on a step itself; empty when none is (the save owner then owns it:
    /// see [`SavePlan::step_owner_or_save_owner`]).
    pub fn step_owner(&self, step: StepKind) -> &str {
        self.step_owners.get(&step).map_or("", String::as_str)
    }

    /// Who owns a step: the owner named on it, else the save owner (empty when neither is
    /// named) (docs/account-depth.md#owners).
    pub fn step_owner_or_save_owner(&self, step: StepKind) -> &str {
        match self.step_owner(step) {
            "" => &self.owner,
            o => o,
        }
    }

    /// Owners named on steps, in step order.
    pub fn step_owners(&self) -> impl Iterator<Item = (StepKind, &str)> + '_ {
        self.step_owners.iter().map(|(&k, o)| (k, o.as_str()))
    }

    /// Names who owns a step (trimmed; empty clears it, so the save owner owns it again).
    /// Refused, changing nothing, on a closed plan, for a step the plan does not have, or
    /// for an owner over 120 characters.
    pub fn set_step_owner(&mut self, step: StepKind, owner: &str) -> Result<(), FieldError> {
        if !self.is_open() {
            return Err(FieldError::bare("This plan is closed."));
        }
        self.put_step_owner(step, owner)
    }

    fn put_step_owner(&mut self, step: StepKind, owner: &str) -> Result<(), FieldError> {
        self.check_step(step)?;
        let owner = read_owner("owner", owner)?;
        if owner.is_empty() {
            self.step_owners.remove(&step);
        } else {
            self.step_owners.insert(step, owner);
        }
        Ok(())
    }

    /// Restores a step's owner read from a file (closed plans keep theirs too).
    pub fn restore_step_owner(&mut self, step: StepKind, owner: &str) -> Result<(), FieldError> {
        if self.step_owners.contains_key(&step) {
            return Err(FieldError::new(
                "step",
                format!("step \"{}\" has its owner given twice", step.key()),
            ));
        }
        self.put_step_owner(step, owner)
    }

    /// Restores a done step read from a file.
    pub fn restore_done(&mut self, step: StepKind, on: NaiveDate) -> Result<(), FieldError> {
        self.check_step(step)?;
        self.check_done_date(on)?;
        if self.done.contains_key(&step) {
            return Err(FieldError::new(
                "step",
                format!("step \"{}\" is marked done twice", step.key()),
            ));
        }
        self.done.insert(step, on);
        Ok(())
    }

    fn check_closure(&self, closure: &Closure) -> Result<Closure, FieldError> {
        if closure.on < self.opened_on {
            return Err(FieldError::new(
                "on",
                format!(
                    "A plan cannot close ({}) before it was opened ({}).",
                    closure.on, self.opened_on
                ),
            ));
        }
        Ok(Closure {
            outcome: closure.outcome,
            on: closure.on,
            note: check_note(&closure.note)?,
        })
    }

    /// Closes the plan with an outcome on `on` (not after today).
    pub fn close(
        &mut self,
        outcome: Outcome,
        on: NaiveDate,
        note: &str,
        today: NaiveDate,
    ) -> Result<(), FieldError> {
        if !self.is_open() {
            return Err(FieldError::bare("This plan is already closed."));
        }
        if on > today {
            return Err(FieldError::new(
                "on",
                format!(
                    "A plan cannot be closed in the future ({} is after today).",
                    super::dates::long(on)
                ),
            ));
        }
        self.closure = Some(self.check_closure(&Closure {
            outcome,
            on,
            note: note.to_string(),
        })?);
        Ok(())
    }

    /// Restores the closure read from a file.
    pub fn restore_closure(&mut self, closure: Closure) -> Result<(), FieldError> {
        self.closure = Some(self.check_closure(&closure)?);
        Ok(())
    }

    /// Number of check-ins listed on `today`: those due up to today plus the next one
    /// while open; those due up to the closing day once closed. Done check-ins beyond
    /// that are listed too.
    fn check_ins_listed(&self, today: NaiveDate) -> u32 {
        let horizon = self.closure.as_ref().map_or(today, |c| c.on);
        let mut n = 0;
        while n < MAX_CHECK_INS && self.due(StepKind::CheckIn(n + 1)) <= horizon {
            n += 1;
        }
        if self.is_open() && n < MAX_CHECK_INS {
            n += 1;
        }
        let done_max = self
            .done
            .keys()
            .filter_map(|k| match k {
                StepKind::CheckIn(i) => Some(*i),
                _ => None,
            })
            .max()
            .unwrap_or(0);
        n.max(done_max)
    }

    /// Every step of the plan as of `today`, in due order.
    pub fn steps(&self, today: NaiveDate) -> Vec<Step> {
        let mut kinds = vec![StepKind::Triage];
        if self.notify_leadership {
            kinds.push(StepKind::TellLeadership);
        }
        kinds.push(StepKind::ExecutiveOutreach);
        kinds.push(StepKind::RootCauseMeeting);
        kinds.extend((1..=self.check_ins_listed(today)).map(StepKind::CheckIn));
        kinds
            .into_iter()
            .map(|kind| Step {
                kind,
                due: self.due(kind),
                done_on: self.done.get(&kind).copied(),
            })
            .collect()
    }

    /// Steps not done whose due date has passed; none once the plan is closed.
    pub fn overdue_steps(&self, today: NaiveDate) -> Vec<Step> {
        if !self.is_open() {
            return Vec::new();
        }
        self.steps(today)
            .into_iter()
            .filter(|s| s.is_overdue(today))
            .collect()
    }

    /// The first step not done yet, while open.
    pub fn next_step(&self, today: NaiveDate) -> Option<Step> {
        if !self.is_open() {
            return None;
        }
        self.steps(today).into_iter().find(|s| !s.is_done())
    }
}

/// Every save plan of an account: at most one open, the rest history.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SavePlans {
    plans: Vec<SavePlan>,
}

impl SavePlans {
    /// All plans in the order they were opened (or read).
    pub fn all(&self) -> &[SavePlan] {
        &self.plans
    }

    /// The plan at `index` in [`SavePlans::all`] (a file's recovery parts are attached
    /// by position).
    pub fn plan_mut(&mut self, index: usize) -> Option<&mut SavePlan> {
        self.plans.get_mut(index)
    }

    pub fn current(&self) -> Option<&SavePlan> {
        self.plans.iter().find(|p| p.is_open())
    }

    pub fn current_mut(&mut self) -> Option<&mut SavePlan> {
        self.plans.iter_mut().find(|p| p.is_open())
    }

    /// Closed plans, most recently closed first.
    pub fn history(&self) -> Vec<&SavePlan> {
        let mut h: Vec<&SavePlan> = self.plans.iter().filter(|p| !p.is_open()).collect();
        order::sort_by(&mut h, |a, b| {
            let key = |p: &SavePlan| p.closure.as_ref().map(|c| c.on);
            key(b).cmp(&key(a)).then(b.opened_on.cmp(&a.opened_on))
        });
        h
    }

    /// Opens a plan on `opened_on` (not after today). Refused while another is open.
    pub fn open(
        &mut self,
        opened_on: NaiveDate,
        arr: f64,
        owner: &str,
        today: NaiveDate,
    ) -> Result<(), FieldError> {
        if self.current().is_some() {
            return Err(FieldError::bare(
                "A save plan is already open for this account: close it before opening another.",
            ));
        }
        if opened_on > today {
            return Err(FieldError::new(
                "opened_on",
                format!(
                    "A plan cannot be opened in the future ({} is after today).",
                    super::dates::long(opened_on)
                ),
            ));
        }
        self.plans.push(SavePlan::new(opened_on, arr, owner)?);
        Ok(())
    }

    /// Adds a plan read from a file. Refused if it is open while another one is.
    pub fn restore(&mut self, plan: SavePlan) -> Result<(), FieldError> {
        if plan.is_open() {
            if let Some(i) = self.plans.iter().position(|p| p.is_open()) {
                return Err(FieldError::bare(format!(
                    "plan {} (in order read) is also open; an account has at most one open save plan",
                    i + 1
                )));
            }
        }
        self.plans.push(plan);
        Ok(())
    }

    /// Removes the open plan (opened by mistake). History is never removed here.
    pub fn discard_current(&mut self) -> Option<SavePlan> {
        let i = self.plans.iter().position(|p| p.is_open())?;
        Some(self.plans.remove(i))
    }

    /// Propose a plan: the account is red and no plan is open.
    pub fn should_propose(&self, is_red: bool) -> bool {
        is_red && self.current().is_none()
    }

    /// Suggest closing: a plan is open and the account is green again.
    pub fn should_suggest_close(&self, is_green: bool) -> bool {
        is_green && self.current().is_some()
    }
}

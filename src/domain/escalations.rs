//! Escalations (docs/account-depth.md#escalations): an issue the customer escalated, its
//! severity and owner, and the four steps of the loop: clarify the issue, set an owner,
//! tell the customer the timeline (when the next update comes), close the loop (resolved,
//! then confirmed with the customer).
//!
//! Decisions taken where the job leaves room (tested in `tests/escalations.rs`):
//! - An escalation is open until the customer confirmed it is resolved.
//! - Past its next update: open, and today is after the next update date (the update
//!   due today is not late yet).
//! - Resolved but not confirmed: flagged from the 7th day after the resolution day on.
//! - "Set an owner" is done when an owner is named; the day is recorded when it is set.
//! - A step's day is never before the day the escalation was opened, nor after today
//!   when typed; confirmed is never before resolved. A next update typed is never before
//!   the day it was opened (a file's is kept as it is).
//! - Escalations never change the health score: open ones are shown next to the support
//!   signal as a hint for the person rating it.

use super::error::{read_owner, FieldError};
use crate::domain::order;
use chrono::NaiveDate;

pub const MAX_ISSUE_LEN: usize = 500;
pub const MAX_NOTES_LEN: usize = 2_000;
/// Resolved this many days without the customer's confirmation: flagged.
pub const UNCONFIRMED_DAYS: i64 = 7;
pub const MAX_ESCALATIONS: usize = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EscalationId(pub u32);

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Critical,
    High,
    Medium,
    Low,
}

impl Severity {
    pub const ALL: [Severity; 4] = [
        Severity::Critical,
        Severity::High,
        Severity::Medium,
        Severity::Low,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Severity::Critical => "Critical",
            Severity::High => "High",
            Severity::Medium => "Medium",
            Severity::Low => "Low",
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            Severity::Critical => "critical",
            Severity::High => "high",
            Severity::Medium => "medium",
            Severity::Low => "low",
        }
    }
    pub fn from_key(s: &str) -> Option<Severity> {
        Severity::ALL.into_iter().find(|k| k.key() == s)
    }
}

/// The steps of the loop, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Step {
    Clarify,
    SetOwner,
    TellTimeline,
    Resolve,
    Confirm,
}

impl Step {
    pub const ALL: [Step; 5] = [
        Step::Clarify,
        Step::SetOwner,
        Step::TellTimeline,
        Step::Resolve,
        Step::Confirm,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Step::Clarify => "1. Clarify the issue with the customer",
            Step::SetOwner => "2. Set an owner",
            Step::TellTimeline => "3. Tell the customer the timeline",
            Step::Resolve => "4a. Resolved",
            Step::Confirm => "4b. Confirmed resolved with the customer (loop closed)",
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            Step::Clarify => "clarified_on",
            Step::SetOwner => "owner_set_on",
            Step::TellTimeline => "timeline_told_on",
            Step::Resolve => "resolved_on",
            Step::Confirm => "confirmed_on",
        }
    }
}

/// One escalation. Fields are read through methods; changes go through
/// [`Escalations`] so the rules hold.
#[derive(Debug, Clone, PartialEq)]
pub struct Escalation {
    pub issue: String,
    pub severity: Severity,
    pub owner: String,
    pub opened_on: NaiveDate,
    /// The day each step was done, in [`Step::ALL`] order.
    pub done: [Option<NaiveDate>; 5],
    /// When the customer gets the next update (the timeline we told them).
    pub next_update: Option<NaiveDate>,
    pub notes: String,
}

/// The flags an escalation can raise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    /// The next update to the customer is late by this many days.
    UpdateLate { days: i64 },
    /// Resolved this many days ago and not confirmed with the customer.
    NotConfirmed { days: i64 },
}

impl Flag {
    pub fn text(self) -> String {
        match self {
            Flag::UpdateLate { days } => format!(
                "Customer update late by {}",
                super::plural(days as usize, "day", "days")
            ),
            Flag::NotConfirmed { days } => format!(
                "Resolved {} ago, not confirmed with the customer",
                super::plural(days as usize, "day", "days")
            ),
        }
    }
}

impl Escalation {
    pub fn new(issue: &str, severity: Severity, opened_on: NaiveDate) -> Escalation {
        Escalation {
            issue: issue.into(),
            severity,
            owner: String::new(),
            opened_on,
            done: [None; 5],
            next_update: None,
            notes: String::new(),
        }
    }
    pub fn done_on(&self, step: Step) -> Option<NaiveDate> {
        self.done[step as usize]
    }
    pub fn is_open(&self) -> bool {
        self.done_on(Step::Confirm).is_none()
    }
    /// The first step not done yet.
    pub fn next_step(&self) -> Option<Step> {
        Step::ALL.into_iter().find(|s| self.done_on(*s).is_none())
    }
    /// The flags raised today (none once the loop is closed).
    pub fn flags(&self, today: NaiveDate) -> Vec<Flag> {
        let mut out = Vec::new();
        if !self.is_open() {
            return out;
        }
        if let Some(resolved) = self.done_on(Step::Resolve) {
            let days = (today - resolved).num_days();
            if days >= UNCONFIRMED_DAYS {
                out.push(Flag::NotConfirmed { days });
            }
        } else if let Some(u) = self.next_update {
            if today > u {
                out.push(Flag::UpdateLate {
                    days: (today - u).num_days(),
                });
            }
        }
        out
    }
    pub fn is_flagged(&self, today: NaiveDate) -> bool {
        !self.flags(today).is_empty()
    }

    /// Every problem with the fields; `today` for what the user types (no step done in
    /// the future), `None` for files. Returns the cleaned value or every problem at its
    /// field's key (`issue`, `owner`, a step's key, ...).
    pub fn validate(&self, today: Option<NaiveDate>) -> Result<Escalation, Vec<FieldError>> {
        let mut e: Vec<FieldError> = Vec::new();
        let issue = self.issue.trim().to_string();
        if issue.is_empty() {
            e.push(FieldError::new("issue", "Say what the issue is."));
        } else if issue.chars().count() > MAX_ISSUE_LEN {
            e.push(FieldError::new(
                "issue",
                format!("Keep the issue under {MAX_ISSUE_LEN} characters."),
            ));
        }
        let owner = read_owner("owner", &self.owner).unwrap_or_else(|x| {
            e.push(FieldError::new("owner", x.message));
            String::new()
        });
        let notes = self.notes.trim().to_string();
        if notes.chars().count() > MAX_NOTES_LEN {
            e.push(FieldError::new(
                "notes",
                format!("Keep the notes under {MAX_NOTES_LEN} characters."),
            ));
        }
        if let Some(t) = today {
            if self.opened_on > t {
                e.push(FieldError::new(
                    "opened_on",
                    format!(
                        "An escalation cannot open in the future ({} is after today).",
                        super::dates::long(self.opened_on)
                    ),
                ));
            }
        }
        for step in Step::ALL {
            if let Some(d) = self.done_on(step) {
                if d < self.opened_on {
                    e.push(FieldError::new(
                        step.key(),
                        format!(
                            "This step ({}) cannot be before the escalation was opened ({}).",
                            super::dates::long(d),
                            super::dates::long(self.opened_on)
                        ),
                    ));
                } else if today.is_some_and(|t| d > t) {
                    e.push(FieldError::new(
                        step.key(),
                        format!(
                            "This step's date ({}) is after today.",
                            super::dates::long(d)
                        ),
                    ));
                }
            }
        }
        if self.done_on(Step::SetOwner).is_some() && owner.is_empty() {
            e.push(FieldError::new(
                "owner",
                "Name the owner to mark this step done.",
            ));
        }
        match (self.done_on(Step::Resolve), self.done_on(Step::Confirm)) {
            (None, Some(_)) => e.push(FieldError::new(
                "confirmed_on",
                "Mark it resolved before it is confirmed with the customer.",
            )),
            (Some(r), Some(c)) if c < r => e.push(FieldError::new(
                "confirmed_on",
                format!(
                    "Confirmed ({}) cannot be before resolved ({}).",
                    super::dates::long(c),
                    super::dates::long(r)
                ),
            )),
            _ => {}
        }
        if let Some(u) = self
            .next_update
            .filter(|u| today.is_some() && *u < self.opened_on)
        {
            e.push(FieldError::new(
                "next_update",
                format!(
                    "The next update ({}) cannot be before the escalation was opened ({}).",
                    super::dates::long(u),
                    super::dates::long(self.opened_on)
                ),
            ));
        }
        if self.done_on(Step::TellTimeline).is_some() && self.next_update.is_none() {
            e.push(FieldError::new(
                "next_update",
                "Give the date of the next update we told the customer.",
            ));
        }
        if !e.is_empty() {
            return Err(e);
        }
        Ok(Escalation {
            issue,
            owner,
            notes,
            ..self.clone()
        })
    }
}

/// An account's escalations, each with its id.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Escalations {
    items: Vec<(EscalationId, Escalation)>,
}

impl Escalations {
    pub fn all(&self) -> &[(EscalationId, Escalation)] {
        &self.items
    }
    pub fn get(&self, id: EscalationId) -> Option<&Escalation> {
        self.items.iter().find(|(i, _)| *i == id).map(|(_, e)| e)
    }
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
    pub fn open(&self) -> impl Iterator<Item = (EscalationId, &Escalation)> {
        self.items
            .iter()
            .filter(|(_, e)| e.is_open())
            .map(|(i, e)| (*i, e))
    }
    pub fn open_count(&self) -> usize {
        self.open().count()
    }

    /// Open first (flagged, then by severity, then oldest), then closed (latest first).
    pub fn sorted(&self, today: NaiveDate) -> Vec<(EscalationId, &Escalation)> {
        let mut v: Vec<(EscalationId, &Escalation)> =
            self.items.iter().map(|(i, e)| (*i, e)).collect();
        order::sort_by(&mut v, |(ia, a), (ib, b)| {
            b.is_open()
                .cmp(&a.is_open())
                .then(b.is_flagged(today).cmp(&a.is_flagged(today)))
                .then(a.severity.cmp(&b.severity))
                .then_with(|| {
                    if a.is_open() {
                        a.opened_on.cmp(&b.opened_on)
                    } else {
                        b.opened_on.cmp(&a.opened_on)
                    }
                })
                .then(ia.cmp(ib))
        });
        v
    }

    /// Adds an escalation; returns its id. Nothing changes when it is refused.
    pub fn add(
        &mut self,
        e: Escalation,
        today: NaiveDate,
    ) -> Result<EscalationId, Vec<FieldError>> {
        let e = e.validate(Some(today))?;
        if self.items.len() >= MAX_ESCALATIONS {
            return Err(vec![FieldError::bare(format!(
                "An account holds at most {MAX_ESCALATIONS} escalations."
            ))]);
        }
        let id = EscalationId(self.items.iter().map(|(i, _)| i.0).max().unwrap_or(0) + 1);
        self.items.push((id, e));
        Ok(id)
    }

    /// Replaces an escalation if the new value is valid.
    pub fn update(
        &mut self,
        id: EscalationId,
        e: Escalation,
        today: NaiveDate,
    ) -> Result<(), Vec<FieldError>> {
        let e = e.validate(Some(today))?;
        match self.items.iter_mut().find(|(i, _)| *i == id) {
            Some(slot) => {
                slot.1 = e;
                Ok(())
            }
            None => Err(vec![FieldError::bare(
                "This escalation is no longer on the account.",
            )]),
        }
    }

    /// Marks a step done on `on`; for "set an owner" the owner is named too, for "tell
    /// the timeline" the next update date is given. Nothing changes when refused.
    pub fn complete_step(
        &mut self,
        id: EscalationId,
        step: Step,
        on: NaiveDate,
        today: NaiveDate,
    ) -> Result<(), Vec<FieldError>> {
        let Some(mut e) = self.get(id).cloned() else {
            return Err(vec![FieldError::bare(
                "This escalation is no longer on the account.",
            )]);
        };
        e.done[step as usize] = Some(on);
        self.update(id, e, today)
    }

    /// Takes a step back to not done (and the steps after it that depend on it:
    /// un-resolving also un-confirms).
    pub fn undo_step(&mut self, id: EscalationId, step: Step) {
        if let Some((_, e)) = self.items.iter_mut().find(|(i, _)| *i == id) {
            e.done[step as usize] = None;
            if step == Step::Resolve {
                e.done[Step::Confirm as usize] = None;
            }
        }
    }

    pub fn remove(&mut self, id: EscalationId) -> Option<Escalation> {
        let i = self.items.iter().position(|(x, _)| *x == id)?;
        Some(self.items.remove(i).1)
    }

    /// A copy holding the rows `f` returns, with their ids (the customer's copy).
    pub fn filtered(&self, f: impl Fn(&Escalation) -> Option<Escalation>) -> Escalations {
        Escalations {
            items: self
                .items
                .iter()
                .filter_map(|(id, e)| f(e).map(|e| (*id, e)))
                .collect(),
        }
    }

    /// Restores an escalation read from a file.
    pub fn restore(&mut self, id: EscalationId, e: Escalation) -> Result<(), FieldError> {
        if self.get(id).is_some() {
            return Err(FieldError::new(
                "id",
                format!(
                    "id {} is used by an earlier escalation; ids must be unique",
                    id.0
                ),
            ));
        }
        if self.items.len() >= MAX_ESCALATIONS {
            return Err(FieldError::new(
                "id",
                format!("at most {MAX_ESCALATIONS} escalations"),
            ));
        }
        let e = e.validate(None).map_err(|mut v| v.swap_remove(0))?;
        self.items.push((id, e));
        Ok(())
    }

    /// For the AM, before a customer copy goes out: one line per open escalation whose
    /// promised next update has passed, since the customer copy of the plan (and a QBR's
    /// refilled challenges) still name that day as the next update.
    pub fn past_update_notes(&self, today: NaiveDate) -> Vec<String> {
        let mut late: Vec<(&Escalation, NaiveDate, i64)> = self
            .items
            .iter()
            .filter_map(|(_, e)| {
                e.flags(today).into_iter().find_map(|f| match f {
                    Flag::UpdateLate { days } => Some((e, e.next_update?, days)),
                    Flag::NotConfirmed { .. } => None,
                })
            })
            .collect();
        order::sort_by_key(&mut late, |(e, _, _)| e.opened_on);
        late.into_iter()
            .map(|(e, u, days)| {
                format!(
                    "\"{}\": the customer copy still says the next update comes on {}, {} ago. Give the new date on the Escalations tab before you share it.",
                    super::text::isolate(e.issue.trim()),
                    super::dates::written(u),
                    super::plural(days as usize, "day", "days")
                )
            })
            .collect()
    }

    /// Lines for a QBR's "challenges": one per open escalation, the issue and when the
    /// customer hears from us next. Only customer-visible facts (the issue as written and
    /// the update date we told them).
    pub fn challenge_lines(&self) -> Vec<String> {
        let mut open: Vec<&Escalation> = self
            .items
            .iter()
            .map(|(_, e)| e)
            .filter(|e| e.is_open())
            .collect();
        order::sort_by_key(&mut open, |e| e.opened_on);
        open.iter()
            .map(|e| {
                let issue = e.issue.split_whitespace().collect::<Vec<_>>().join(" ");
                let issue = issue.trim_end_matches('.');
                match (e.done_on(Step::Resolve), e.next_update) {
                    (Some(_), _) => format!("- {issue}: resolved, to be confirmed together"),
                    (None, Some(u)) => format!(
                        "- {issue}: in progress, next update {}",
                        super::dates::written(u)
                    ),
                    (None, None) => format!("- {issue}: in progress"),
                }
            })
            .collect()
    }
}

/// The hint shown next to the support signal: how many escalations are open. `None` when
/// there are none. It never changes the score.
pub fn support_hint(list: &Escalations) -> Option<String> {
    let n = list.open_count();
    (n > 0).then(|| {
        format!(
            "{} open: take {} into account when you rate the ticket trend. This note does not change the score.",
            crate::domain::plural(n, "escalation", "escalations"),
            if n == 1 { "it" } else { "them" }
        )
    })
}

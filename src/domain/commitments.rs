//! Commitments (docs/account-depth.md#commitments): what we promised the customer, to
//! whom, who on our side owns it, by when, and how it ended. Overdue and recently broken
//! promises are relationship risks.
//!
//! Decisions taken where the job leaves room (tested in `tests/commitments.rs`):
//! - A renegotiated commitment is still open, due on its new date; the first date is
//!   kept so the history stays true.
//! - Overdue: open or renegotiated, and today is after the date it is due (due today is
//!   not overdue yet).
//! - Recently broken: broken on a day 0 to 90 days before today (day 90 counts, day 91
//!   does not).
//! - Kept and broken need the day it happened, not after today when typed. Evidence is
//!   kept only for a kept commitment; only kept commitments with evidence can be pulled
//!   into a QBR's "value delivered".

use super::error::read_owner;
use crate::domain::error::FieldError;
use crate::domain::order;
use chrono::NaiveDate;

use super::stakeholders::{StakeholderId, StakeholderMap};

pub const MAX_WHAT_LEN: usize = 300;
pub const MAX_EVIDENCE_LEN: usize = 1_000;
/// A broken commitment stays a relationship risk this many days.
pub const BROKEN_RISK_DAYS: i64 = 90;
/// Commitments an account can hold.
pub const MAX_COMMITMENTS: usize = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CommitmentId(pub u32);

/// How a commitment stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    Open,
    /// Kept on this day.
    Kept(NaiveDate),
    /// Broken on this day.
    Broken(NaiveDate),
    /// Moved, with the customer's agreement, to this new due date.
    Renegotiated(NaiveDate),
}

/// The status without its date, for forms and files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatusKind {
    Open,
    Kept,
    Broken,
    Renegotiated,
}

impl StatusKind {
    pub const ALL: [StatusKind; 4] = [
        StatusKind::Open,
        StatusKind::Kept,
        StatusKind::Broken,
        StatusKind::Renegotiated,
    ];
    pub fn label(self) -> &'static str {
        match self {
            StatusKind::Open => "Open",
            StatusKind::Kept => "Kept",
            StatusKind::Broken => "Broken",
            StatusKind::Renegotiated => "Renegotiated",
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            StatusKind::Open => "open",
            StatusKind::Kept => "kept",
            StatusKind::Broken => "broken",
            StatusKind::Renegotiated => "renegotiated",
        }
    }
    pub fn from_key(s: &str) -> Option<StatusKind> {
        StatusKind::ALL.into_iter().find(|k| k.key() == s)
    }
    /// What the date next to this status means, for the form ("Kept on").
    pub fn date_label(self) -> Option<&'static str> {
        match self {
            StatusKind::Open => None,
            StatusKind::Kept => Some("Kept on"),
            StatusKind::Broken => Some("Broken on"),
            StatusKind::Renegotiated => Some("New due date"),
        }
    }
}

impl Status {
    pub fn kind(self) -> StatusKind {
        match self {
            Status::Open => StatusKind::Open,
            Status::Kept(_) => StatusKind::Kept,
            Status::Broken(_) => StatusKind::Broken,
            Status::Renegotiated(_) => StatusKind::Renegotiated,
        }
    }
    pub fn date(self) -> Option<NaiveDate> {
        match self {
            Status::Open => None,
            Status::Kept(d) | Status::Broken(d) | Status::Renegotiated(d) => Some(d),
        }
    }
    /// Builds a status from its kind and the date the form or file gives.
    pub fn from_parts(kind: StatusKind, date: Option<NaiveDate>) -> Result<Status, FieldError> {
        match (kind, date) {
            (StatusKind::Open, _) => Ok(Status::Open),
            (StatusKind::Kept, Some(d)) => Ok(Status::Kept(d)),
            (StatusKind::Broken, Some(d)) => Ok(Status::Broken(d)),
            (StatusKind::Renegotiated, Some(d)) => Ok(Status::Renegotiated(d)),
            (StatusKind::Kept, None) => Err(FieldError::bare("Give the day it was kept.")),
            (StatusKind::Broken, None) => Err(FieldError::bare("Give the day it was broken.")),
            (StatusKind::Renegotiated, None) => Err(FieldError::bare("Give the new due date.")),
        }
    }
}

/// Which field a message is about (keys match the form and the file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CommitmentField {
    What,
    ToWhom,
    Owner,
    Due,
    Status,
    StatusDate,
    Evidence,
}

impl CommitmentField {
    pub fn key(self) -> &'static str {
        match self {
            CommitmentField::What => "what",
            CommitmentField::ToWhom => "to_whom",
            CommitmentField::Owner => "owner",
            CommitmentField::Due => "due",
            CommitmentField::Status => "status",
            CommitmentField::StatusDate => "status_date",
            CommitmentField::Evidence => "evidence",
        }
    }

    pub const ALL: [CommitmentField; 7] = [
        CommitmentField::What,
        CommitmentField::ToWhom,
        CommitmentField::Owner,
        CommitmentField::Due,
        CommitmentField::Status,
        CommitmentField::StatusDate,
        CommitmentField::Evidence,
    ];

    /// The field a refusal's path names ([`CommitmentField::key`]).
    pub fn from_key(key: &str) -> Option<CommitmentField> {
        CommitmentField::ALL.into_iter().find(|f| f.key() == key)
    }
}

/// What a user types; [`Commitments::add`] and [`Commitments::update`] check it.
#[derive(Debug, Clone, PartialEq)]
pub struct Commitment {
    pub what: String,
    /// The stakeholder we promised it to.
    pub to_whom: Option<StakeholderId>,
    /// Who on our side keeps it.
    pub owner: String,
    pub due: NaiveDate,
    pub status: Status,
    /// What shows it was kept (a link, a document, a figure).
    pub evidence: String,
}

impl Commitment {
    pub fn new(what: &str, due: NaiveDate) -> Commitment {
        Commitment {
            what: what.into(),
            to_whom: None,
            owner: String::new(),
            due,
            status: Status::Open,
            evidence: String::new(),
        }
    }

    /// The date it is due now: the new date once renegotiated.
    pub fn due_now(&self) -> NaiveDate {
        match self.status {
            Status::Renegotiated(d) => d,
            _ => self.due,
        }
    }
    /// Still to keep: open or renegotiated.
    pub fn is_open(&self) -> bool {
        matches!(self.status, Status::Open | Status::Renegotiated(_))
    }
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.is_open() && today > self.due_now()
    }
    /// Days past the due date (0 when not overdue).
    pub fn days_overdue(&self, today: NaiveDate) -> i64 {
        if self.is_overdue(today) {
            (today - self.due_now()).num_days()
        } else {
            0
        }
    }
    /// Broken 0 to [`BROKEN_RISK_DAYS`] days before today.
    pub fn is_recently_broken(&self, today: NaiveDate) -> bool {
        match self.status {
            Status::Broken(d) => d <= today && (today - d).num_days() <= BROKEN_RISK_DAYS,
            _ => false,
        }
    }
    /// Kept, with evidence written: can go into a QBR's "value delivered".
    pub fn is_kept_with_evidence(&self) -> bool {
        matches!(self.status, Status::Kept(_)) && !self.evidence.trim().is_empty()
    }

    /// Every problem with the fields on their own, one per field at most, at the field's
    /// key. `today` is given for what the user types (kept or broken cannot be in the
    /// future); files pass `None`.
    pub fn validate(
        &self,
        people: &StakeholderMap,
        today: Option<NaiveDate>,
    ) -> Result<Commitment, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut err = |field: CommitmentField, message: String| {
            errors.push(FieldError::new(field.key(), message))
        };
        let what = self.what.trim().to_string();
        if what.is_empty() {
            err(CommitmentField::What, "Say what we promised.".into());
        } else if what.chars().count() > MAX_WHAT_LEN {
            err(
                CommitmentField::What,
                format!("Keep this under {MAX_WHAT_LEN} characters."),
            );
        }
        if let Some(id) = self.to_whom {
            if people.get(id).is_none() {
                err(
                    CommitmentField::ToWhom,
                    format!("There is no person {} on this account.", id.0),
                );
            }
        }
        let owner = read_owner("owner", &self.owner).unwrap_or_else(|x| {
            err(CommitmentField::Owner, x.message);
            String::new()
        });
        match self.status {
            Status::Kept(d) | Status::Broken(d) => {
                if let Some(t) = today {
                    if d > t {
                        err(
                            CommitmentField::StatusDate,
                            format!("This date ({}) is after today.", super::dates::long(d)),
                        );
                    }
                }
            }
            Status::Renegotiated(d) if d == self.due => err(
                CommitmentField::StatusDate,
                "The new due date is the same as the first one.".into(),
            ),
            _ => {}
        }
        let evidence = self.evidence.trim().to_string();
        if evidence.chars().count() > MAX_EVIDENCE_LEN {
            err(
                CommitmentField::Evidence,
                format!("Keep the evidence under {MAX_EVIDENCE_LEN} characters."),
            );
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Commitment {
            what,
            to_whom: self.to_whom,
            owner,
            due: self.due,
            status: self.status,
            evidence,
        })
    }
}

/// An account's commitments, each with its id.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Commitments {
    items: Vec<(CommitmentId, Commitment)>,
}

impl Commitments {
    pub fn all(&self) -> &[(CommitmentId, Commitment)] {
        &self.items
    }
    pub fn get(&self, id: CommitmentId) -> Option<&Commitment> {
        self.items.iter().find(|(i, _)| *i == id).map(|(_, c)| c)
    }
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Open ones first by the date they are due now, then the rest, latest due first.
    pub fn sorted(&self) -> Vec<(CommitmentId, &Commitment)> {
        let mut v: Vec<(CommitmentId, &Commitment)> =
            self.items.iter().map(|(i, c)| (*i, c)).collect();
        order::sort_by(&mut v, |(ia, a), (ib, b)| {
            b.is_open()
                .cmp(&a.is_open())
                .then_with(|| {
                    if a.is_open() {
                        a.due_now().cmp(&b.due_now())
                    } else {
                        b.due_now().cmp(&a.due_now())
                    }
                })
                .then(ia.cmp(ib))
        });
        v
    }

    fn next_id(&self) -> CommitmentId {
        CommitmentId(self.items.iter().map(|(i, _)| i.0).max().unwrap_or(0) + 1)
    }

    /// Adds a commitment; returns its id. Nothing changes when it is refused.
    pub fn add(
        &mut self,
        people: &StakeholderMap,
        c: Commitment,
        today: NaiveDate,
    ) -> Result<CommitmentId, Vec<FieldError>> {
        let c = c.validate(people, Some(today))?;
        let list = self;
        if list.items.len() >= MAX_COMMITMENTS {
            return Err(vec![FieldError::bare(format!(
                "An account holds at most {MAX_COMMITMENTS} commitments."
            ))]);
        }
        let id = list.next_id();
        list.items.push((id, c));
        Ok(id)
    }

    /// Replaces a commitment; an unknown id is refused.
    pub fn update(
        &mut self,
        people: &StakeholderMap,
        id: CommitmentId,
        c: Commitment,
        today: NaiveDate,
    ) -> Result<(), Vec<FieldError>> {
        let c = c.validate(people, Some(today))?;
        match self.items.iter_mut().find(|(i, _)| *i == id) {
            Some(slot) => {
                slot.1 = c;
                Ok(())
            }
            None => Err(vec![FieldError::bare(
                "This commitment is no longer on the account.",
            )]),
        }
    }

    pub fn remove(&mut self, id: CommitmentId) -> Option<Commitment> {
        let i = self.items.iter().position(|(x, _)| *x == id)?;
        Some(self.items.remove(i).1)
    }

    /// Restores a commitment read from a file (no rule about today).
    pub fn restore(
        &mut self,
        people: &StakeholderMap,
        id: CommitmentId,
        c: Commitment,
    ) -> Result<(), FieldError> {
        if self.get(id).is_some() {
            return Err(FieldError::new(
                "id",
                format!(
                    "id {} is used by an earlier commitment; ids must be unique",
                    id.0
                ),
            ));
        }
        if self.items.len() >= MAX_COMMITMENTS {
            return Err(FieldError::new(
                "id",
                format!("at most {MAX_COMMITMENTS} commitments"),
            ));
        }
        let c = c.validate(people, None).map_err(|mut e| e.swap_remove(0))?;
        self.items.push((id, c));
        Ok(())
    }

    /// A copy holding the rows `f` returns, with their ids (the customer's copy).
    pub fn filtered(&self, f: impl Fn(&Commitment) -> Option<Commitment>) -> Commitments {
        Commitments {
            items: self
                .items
                .iter()
                .filter_map(|(id, c)| f(c).map(|c| (*id, c)))
                .collect(),
        }
    }

    /// Forgets a person who was removed from the map (the promise stays, to nobody named).
    pub fn forget_person(&mut self, id: StakeholderId) {
        for (_, c) in &mut self.items {
            if c.to_whom == Some(id) {
                c.to_whom = None;
            }
        }
    }

    /// The relationship risks commitments raise today: overdue ones, then ones broken in
    /// the last 90 days.
    pub fn risks(&self, today: NaiveDate) -> Vec<CommitmentRisk> {
        let mut out: Vec<CommitmentRisk> = self
            .sorted()
            .into_iter()
            .filter_map(|(id, c)| {
                if c.is_overdue(today) {
                    Some(CommitmentRisk {
                        id,
                        kind: CommitmentRiskKind::Overdue {
                            days: c.days_overdue(today),
                        },
                    })
                } else if c.is_recently_broken(today) {
                    Some(CommitmentRisk {
                        id,
                        kind: CommitmentRiskKind::Broken {
                            on: c.status.date().unwrap_or(today),
                        },
                    })
                } else {
                    None
                }
            })
            .collect();
        order::sort_by_key(&mut out, |r| {
            matches!(r.kind, CommitmentRiskKind::Broken { .. })
        });
        out
    }

    /// Kept commitments with evidence, kept on or after `since` (the QBR's quarter),
    /// as lines for "value delivered": `- What: evidence`.
    pub fn value_delivered_lines(&self, since: Option<NaiveDate>) -> Vec<String> {
        let mut kept: Vec<&Commitment> = self
            .items
            .iter()
            .map(|(_, c)| c)
            .filter(|c| c.is_kept_with_evidence())
            .filter(|c| since.is_none_or(|s| c.status.date().is_some_and(|d| d >= s)))
            .collect();
        order::sort_by_key(&mut kept, |c| c.status.date());
        kept.iter()
            .map(|c| {
                format!(
                    "- {}: {}",
                    one_line(&c.what).trim_end_matches('.'),
                    one_line(&c.evidence)
                )
            })
            .collect()
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Why a commitment is a relationship risk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommitmentRiskKind {
    Overdue { days: i64 },
    Broken { on: NaiveDate },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommitmentRisk {
    pub id: CommitmentId,
    pub kind: CommitmentRiskKind,
}

impl CommitmentRisk {
    /// "Promise overdue by 3 days", "Promise broken on 12 Nov 2026".
    pub fn title(&self) -> String {
        match self.kind {
            CommitmentRiskKind::Overdue { days } => {
                format!(
                    "Promise overdue by {}",
                    super::plural(days as usize, "day", "days")
                )
            }
            CommitmentRiskKind::Broken { on } => {
                format!("Promise broken on {}", super::dates::written(on))
            }
        }
    }
    pub fn what_to_do(&self) -> &'static str {
        match self.kind {
            CommitmentRiskKind::Overdue { .. } => {
                "Keep it now, or agree a new date with the person before they have to ask."
            }
            CommitmentRiskKind::Broken { .. } => {
                "Own it with the person it was made to and say what we do instead; promise only what we can deliver."
            }
        }
    }
}

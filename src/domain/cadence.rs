//! How often each tier of account is touched, and the next touch due per account
//! (docs/this-week.md#cadence). The rule comes from the tier:
//! - Tier 1 (strategic): an executive business review every quarter (3 months).
//! - Tier 2 (growth): a call every month, and a QBR every 6 months (twice a year).
//! - Tier 3 (long tail): automated touchpoints; no personal touch is due.
//!
//! A touch is what the planner has on record: a review is a QBR whose date has come (today
//! or earlier); a call is any contact logged with a person of the account (their last
//! contact date) or a review. The next one is due that many calendar months after the last
//! one; with none on record, that many months after the contract start, or today when the
//! start is not known. A review booked ahead (a QBR dated after today) means the next
//! review is planned: it is not due.

use chrono::{Months, NaiveDate};

use super::account::{Account, Tier};

/// A kind of touch a cadence asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TouchKind {
    /// An executive business review (a QBR held with the executive sponsor).
    ExecutiveReview,
    /// A quarterly business review.
    Review,
    /// A call or meeting with anyone at the account.
    Call,
}

impl TouchKind {
    /// Stable machine name (snooze keys, DOM ids).
    pub fn key(self) -> &'static str {
        match self {
            TouchKind::ExecutiveReview => "exec_review",
            TouchKind::Review => "review",
            TouchKind::Call => "call",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            TouchKind::ExecutiveReview => "Executive business review",
            TouchKind::Review => "QBR",
            TouchKind::Call => "Call",
        }
    }
    fn is_review(self) -> bool {
        matches!(self, TouchKind::ExecutiveReview | TouchKind::Review)
    }
}

/// One touch of a tier's cadence: what, and how many months apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rhythm {
    pub kind: TouchKind,
    pub months: u32,
}

/// The touches a tier's cadence asks for.
pub fn rhythms(tier: Tier) -> &'static [Rhythm] {
    match tier {
        Tier::Strategic => &[Rhythm {
            kind: TouchKind::ExecutiveReview,
            months: 3,
        }],
        Tier::Growth => &[
            Rhythm {
                kind: TouchKind::Call,
                months: 1,
            },
            Rhythm {
                kind: TouchKind::Review,
                months: 6,
            },
        ],
        Tier::LongTail => &[],
    }
}

/// The last touch of this kind on record, on or before `today`.
pub fn last_touch(account: &Account, kind: TouchKind, today: NaiveDate) -> Option<NaiveDate> {
    let review = account
        .planning
        .qbrs()
        .iter()
        .map(|q| q.date)
        .filter(|d| *d <= today)
        .max();
    if kind.is_review() {
        return review;
    }
    let contact = account
        .stakeholders
        .people()
        .iter()
        .filter_map(|p| p.fields.last_contact)
        .filter(|d| *d <= today)
        .max();
    contact.max(review)
}

/// When the next touch of one rhythm falls, and what it is based on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TouchDue {
    pub kind: TouchKind,
    pub months: u32,
    /// The last touch on record (`None`: never).
    pub last: Option<NaiveDate>,
    pub due: NaiveDate,
}

/// The next touch of every rhythm of the account's tier. A review rhythm with a QBR
/// booked after today is left out (it is planned).
pub fn next_touches(account: &Account, tier: Tier, today: NaiveDate) -> Vec<TouchDue> {
    let booked = account.planning.qbrs().iter().any(|q| q.date > today);
    rhythms(tier)
        .iter()
        .filter(|r| !(r.kind.is_review() && booked))
        .map(|r| {
            let last = last_touch(account, r.kind, today);
            let after = |d: NaiveDate| d.checked_add_months(Months::new(r.months)).unwrap_or(d);
            let due = match (last, account.fields.contract_start) {
                (Some(l), _) => after(l),
                (None, Some(start)) => after(start),
                (None, None) => today,
            };
            TouchDue {
                kind: r.kind,
                months: r.months,
                last,
                due,
            }
        })
        .collect()
}

/// The cadence of a tier in a few words, for the account header.
pub fn describe(tier: Tier) -> String {
    let parts: Vec<String> = rhythms(tier)
        .iter()
        .map(|r| match r.months {
            1 => format!("{} every month", r.kind.label().to_lowercase()),
            m => format!("{} every {m} months", r.kind.label()),
        })
        .collect();
    if parts.is_empty() {
        "Automated touchpoints; no personal touch is due".into()
    } else {
        super::text::capitalized(&parts.join(", "))
    }
}

//! This week: everything across the portfolio that is due or overdue within the week, as
//! one list (docs/this-week.md). The list is a pure function of the workspace and `today`:
//! [`this_week`]. Each kind of work has one source function in [`sources`] that turns an
//! account into items; adding a kind is one more function in [`SOURCES`].
//!
//! Each item links to the place where it is done (the account's tab, and the section on
//! it), and can be snoozed: a snooze hides that one item until a day the user picks, and
//! is kept in the workspace ([`Snoozes`]).

pub mod sources;

pub use super::snooze::{Snoozes, MAX_SNOOZES, MAX_SNOOZE_DAYS};

use crate::domain::order;
use std::collections::HashMap;

use chrono::NaiveDate;

use super::account::{Account, AccountId};
use super::health::{HealthSummary, Weights};
use super::owners::owner_key;
use super::renewal::{days_after, WEEK_DAYS};
use super::workspace::TierOf;
use super::Workspace;

/// What kind of work an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ItemKind {
    /// The renewal date has passed and no outcome is recorded.
    RenewalPassed,
    /// The renewal date falls this week.
    RenewalThisWeek,
    /// A renewal task due or overdue.
    RenewalTask,
    /// The last day to give notice under the contract.
    NoticeDeadline,
    /// Health is red and no save plan is open.
    RedWithoutSavePlan,
    /// A person's contact cadence is due or overdue.
    Contact,
    /// A touch the tier's cadence asks for (review, call).
    Touch,
    /// A QBR agenda to send (5 business days before the meeting).
    QbrAgenda,
    /// No health check-in for more than 14 days.
    StaleHealth,
    /// The account plan was not updated for more than 90 days.
    StalePlan,
    /// A promise to the customer due this week or overdue.
    Commitment,
    /// An escalation whose customer update is late, or resolved and not confirmed.
    Escalation,
}

impl ItemKind {
    pub const ALL: [ItemKind; 12] = [
        ItemKind::RenewalPassed,
        ItemKind::RenewalThisWeek,
        ItemKind::RenewalTask,
        ItemKind::NoticeDeadline,
        ItemKind::RedWithoutSavePlan,
        ItemKind::Contact,
        ItemKind::Touch,
        ItemKind::QbrAgenda,
        ItemKind::StaleHealth,
        ItemKind::StalePlan,
        ItemKind::Commitment,
        ItemKind::Escalation,
    ];
    /// Stable machine name (snooze keys, CSS classes, tests).
    pub fn key(self) -> &'static str {
        match self {
            ItemKind::RenewalPassed => "renewal_passed",
            ItemKind::RenewalThisWeek => "renewal_week",
            ItemKind::RenewalTask => "renewal_task",
            ItemKind::NoticeDeadline => "notice",
            ItemKind::RedWithoutSavePlan => "red_no_save_plan",
            ItemKind::Contact => "contact",
            ItemKind::Touch => "touch",
            ItemKind::QbrAgenda => "qbr_agenda",
            ItemKind::StaleHealth => "stale_health",
            ItemKind::StalePlan => "stale_plan",
            ItemKind::Commitment => "commitment",
            ItemKind::Escalation => "escalation",
        }
    }
    /// A short tag shown on the item.
    pub fn label(self) -> &'static str {
        match self {
            ItemKind::RenewalPassed => "Renewal passed",
            ItemKind::RenewalThisWeek => "Renewal",
            ItemKind::RenewalTask => "Renewal task",
            ItemKind::NoticeDeadline => "Notice deadline",
            ItemKind::RedWithoutSavePlan => "Red health",
            ItemKind::Contact => "Contact",
            ItemKind::Touch => "Cadence",
            ItemKind::QbrAgenda => "QBR agenda",
            ItemKind::StaleHealth => "Stale health",
            ItemKind::StalePlan => "Old plan",
            ItemKind::Commitment => "Promise",
            ItemKind::Escalation => "Escalation",
        }
    }
}

/// One thing to do, on one account.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekItem {
    /// Names this item among all others; a snooze is kept under it. Built from the kind,
    /// the account, what it is about and its due date, so a snooze never hides the next
    /// occurrence.
    pub key: String,
    pub kind: ItemKind,
    pub account: AccountId,
    pub account_name: String,
    /// The day it is due (the day it was due, when overdue).
    pub due: NaiveDate,
    /// What to do, in a sentence.
    pub text: String,
    /// Where it is done: the account's tab, with the section as `#fragment`.
    pub link: String,
    /// The words of the link: "Open the Renewal tab".
    pub link_label: &'static str,
    /// Who does it: the owner of the task, promise or escalation when it has one, else the
    /// account's owner; empty when neither is set.
    pub owner: String,
}

impl WeekItem {
    /// Due before today.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.due < today
    }

    /// The same item done by `owner` when that names someone; the account's owner stays
    /// otherwise.
    pub fn owned_by(mut self, owner: &str) -> Self {
        if !owner.trim().is_empty() {
            self.owner = owner.trim().to_string();
        }
        self
    }
}

/// What a source sees of the workspace, computed once for all accounts.
pub struct Context<'a> {
    pub today: NaiveDate,
    /// The last day of the week: today + 6.
    pub week_end: NaiveDate,
    pub tiers: &'a HashMap<AccountId, TierOf>,
    pub weights: &'a Weights,
    /// Whether items carry their words (sentence, link, account and owner names): the
    /// list shows them; the counts need only each item's key and day.
    pub words: bool,
}

impl Context<'_> {
    /// Due on or before the last day of the week (so overdue too).
    pub fn due_this_week(&self, due: NaiveDate) -> bool {
        due <= self.week_end
    }
}

/// A source: the items of one kind of work for one account.
pub type Source = fn(&Context, &Account, &HealthSummary) -> Vec<WeekItem>;

/// Every source, in the order their items are listed on a tie.
pub const SOURCES: &[Source] = &[
    sources::renewal,
    sources::red_without_save_plan,
    sources::contacts,
    sources::cadence,
    sources::qbr_agendas,
    sources::stale_health,
    sources::stale_plan,
    sources::commitments,
    sources::escalations,
];

/// Every item due this week or overdue, snoozed or not: overdue first, then by due date,
/// account name and kind; on a full tie, in the order the source gives them (a renewal's
/// tasks in timeline order).
pub fn all_items(ws: &Workspace, today: NaiveDate) -> Vec<WeekItem> {
    let mut out = unordered_items(ws, today, true);
    order::sort_by(&mut out, |a, b| {
        a.is_overdue(today)
            .cmp(&b.is_overdue(today))
            .reverse()
            .then(a.due.cmp(&b.due))
            .then(a.account_name.cmp(&b.account_name))
            .then(a.kind.cmp(&b.kind))
    });
    out
}

/// [`all_items`] in the order the accounts and sources give them; without their words
/// when `words` is false (see [`Context::words`]).
fn unordered_items(ws: &Workspace, today: NaiveDate, words: bool) -> Vec<WeekItem> {
    let tiers = ws.tiers();
    let weights = ws.settings.health.weights();
    let cx = Context {
        today,
        week_end: days_after(today, WEEK_DAYS - 1),
        tiers: &tiers,
        weights,
        words,
    };
    let mut out = Vec::new();
    for a in ws.accounts() {
        let health = super::health::account_health(&a.health, weights, today);
        for source in SOURCES {
            out.extend(source(&cx, a, &health));
        }
    }
    out
}

/// How many items [`this_week`] lists, and how many of them are overdue, without putting
/// them in order or writing their words (the portfolio's link to the week shows only the
/// counts).
pub fn week_counts(ws: &Workspace, today: NaiveDate) -> (usize, usize) {
    unordered_items(ws, today, false)
        .iter()
        .filter(|i| !ws.snoozes.is_snoozed(&i.key, today))
        .fold((0, 0), |(n, late), i| {
            (n + 1, late + usize::from(i.is_overdue(today)))
        })
}

/// The week's list: the items not snoozed, and how many are snoozed.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekList {
    pub items: Vec<WeekItem>,
    pub snoozed: Vec<WeekItem>,
}

impl WeekList {
    /// The part of the list one person does (compared by [`owner_key`]); the whole list
    /// without an owner.
    pub fn of_owner(&self, owner: Option<&str>) -> WeekList {
        let Some(key) = owner.map(owner_key).filter(|k| !k.is_empty()) else {
            return self.clone();
        };
        let mine = |items: &[WeekItem]| {
            items
                .iter()
                .filter(|i| owner_key(&i.owner) == key)
                .cloned()
                .collect()
        };
        WeekList {
            items: mine(&self.items),
            snoozed: mine(&self.snoozed),
        }
    }
}

/// [`all_items`] with the snoozed ones set apart.
pub fn this_week(ws: &Workspace, today: NaiveDate) -> WeekList {
    let (snoozed, items) = all_items(ws, today)
        .into_iter()
        .partition(|i| ws.snoozes.is_snoozed(&i.key, today));
    WeekList { items, snoozed }
}

/// Views of the portfolio that go with the week's work, as the portfolio's own filtered
/// addresses: (label, address).
pub fn portfolio_views() -> Vec<(&'static str, String)> {
    use super::health::Band;
    use super::portfolio::{BandFilter, Filter, PortfolioQuery, RenewalWindow};
    let view = |filter: Filter| {
        let q = PortfolioQuery {
            filter,
            ..Default::default()
        };
        let pairs: Vec<String> = q
            .to_pairs()
            .into_iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        format!("/?{}", pairs.join("&"))
    };
    vec![
        (
            "Red accounts",
            view(Filter {
                band: BandFilter::Band(Band::Red),
                ..Default::default()
            }),
        ),
        (
            "Stale health",
            view(Filter {
                stale: true,
                ..Default::default()
            }),
        ),
        (
            "Renewal date passed",
            view(Filter {
                renewal: RenewalWindow::Passed,
                ..Default::default()
            }),
        ),
        (
            "Renewing within 90 days",
            view(Filter {
                renewal: RenewalWindow::Within(90),
                ..Default::default()
            }),
        ),
    ]
}

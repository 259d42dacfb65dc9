//! The Renewals page's filter (docs/account-depth.md#owners): by owner, kept in the page
//! address like the portfolio's filters ([`RenewalsQuery::from_pairs`],
//! [`RenewalsQuery::to_pairs`]), so Back and bookmarks bring it back.
//!
//! With an owner chosen, the page shows the renewals of the accounts that person owns and
//! of the accounts where they own at least one open renewal task; each shows that person's
//! open tasks ([`RenewalsQuery::tasks_of`]).

use chrono::NaiveDate;

use super::account::timeline_of;
use super::owners::{open_tasks_of, owner_from_pairs, owner_key, owner_to_pairs};
use super::portfolio::{portfolio_agenda, portfolio_calendar};
use super::renewal::{AgendaItem, RenewalCalendar, Task};
use super::Account;

/// What the Renewals page is asked; the default shows every renewal.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RenewalsQuery {
    /// An owner's name, compared ignoring case and repeated spaces.
    pub owner: Option<String>,
}

impl RenewalsQuery {
    /// Reads the page address's query pairs (`owner=`). Unknown names are ignored and an
    /// empty owner means none, so an edited or old link never fails.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        RenewalsQuery {
            owner: owner_from_pairs(pairs),
        }
    }

    /// The query pairs for the page address; nothing without a filter.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        owner_to_pairs(&self.owner)
    }

    /// Whether the account's renewal shows: always without an owner; with one, when that
    /// person owns the account or owns at least one open renewal task of it.
    pub fn keeps(&self, a: &Account) -> bool {
        let Some(owner) = &self.owner else {
            return true;
        };
        let key = owner_key(owner);
        owner_key(&a.fields.owner) == key
            || timeline_of(a).is_some_and(|tl| !open_tasks_of(&tl, owner).is_empty())
    }

    /// The chosen owner's open renewal tasks in the account, in timeline order; none
    /// without an owner or a renewal date.
    pub fn tasks_of(&self, a: &Account) -> Vec<Task> {
        match (&self.owner, timeline_of(a)) {
            (Some(owner), Some(tl)) => open_tasks_of(&tl, owner).into_iter().cloned().collect(),
            _ => Vec::new(),
        }
    }
}

impl RenewalsQuery {
    /// The accounts whose renewal shows, in workspace order.
    pub fn accounts<'a>(&'a self, accounts: &'a [Account]) -> impl Iterator<Item = &'a Account> {
        accounts.iter().filter(|a| self.keeps(a))
    }

    /// The renewal calendar of the accounts that show.
    pub fn calendar(&self, accounts: &[Account], today: NaiveDate) -> RenewalCalendar {
        portfolio_calendar(self.accounts(accounts), today)
    }

    /// The overdue and this-week agenda of the accounts that show.
    pub fn agenda(&self, accounts: &[Account], today: NaiveDate) -> Vec<AgendaItem> {
        portfolio_agenda(self.accounts(accounts), today)
    }
}

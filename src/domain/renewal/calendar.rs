//! The portfolio views: renewals due by month and the "overdue / this week" agenda across
//! accounts.

use crate::domain::order;
use chrono::{Datelike, Months, NaiveDate};

use super::*;
use crate::domain::dates;
use crate::domain::ids::AccountId;

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
        dates::month_short(self.month)
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
    order::sort_by(&mut overdue, by_date);
    for m in &mut months {
        order::sort_by(&mut m.renewals, by_date);
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
    order::sort_by(&mut out, |a, b| {
        b.overdue
            .cmp(&a.overdue)
            .then(a.due.cmp(&b.due))
            .then(a.account_name.cmp(&b.account_name))
    });
    out
}

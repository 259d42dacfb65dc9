//! The portfolio table as a query (docs/domain.md#portfolio-view): which accounts show
//! (the filters), in what order (the sort on any column), and the figures above the table.
//!
//! The query works on [`Facts`]: what the table shows of each account, computed once per
//! workspace change (tier, health summary, next milestone, relationship risks), so a sort
//! never recomputes them per comparison. Filters and sort read and write the page address
//! through [`PortfolioQuery::from_pairs`] and [`PortfolioQuery::to_pairs`]; a value that
//! cannot be read is ignored.

use crate::domain::order;
use std::cmp::Ordering;
use std::collections::HashMap;

use chrono::NaiveDate;

use super::account::timeline_of;
use super::dates::days_until;
use super::health::{account_health, Band, HealthSummary, Weights};
use super::owners::{open_work_owners, owner_key};
use super::renewal::{
    renewal_agenda, renewal_calendar, AgendaItem, NextMilestone, RenewalCalendar, RenewalStatus,
    Timeline,
};
use super::stakeholders::{assess, RiskReport};
use super::{Account, AccountId, Segment, Tier, TierOf, Workspace};

/// The renewal side of a row: the status and what comes next.
#[derive(Debug, Clone, PartialEq)]
pub struct NextUp {
    pub status: RenewalStatus,
    pub renewal_date: NaiveDate,
    /// The earliest milestone with work left; `None` when every task is done.
    pub next: Option<NextMilestone>,
}

impl NextUp {
    /// `None` for an account without a renewal date.
    pub fn of(a: &Account, today: NaiveDate) -> Option<NextUp> {
        let tl = timeline_of(a)?;
        Some(NextUp {
            status: tl.status(today),
            renewal_date: tl.renewal_date,
            next: tl.next_milestone(today),
        })
    }

    /// What comes due first: a passed renewal by its own date (so it comes first), else
    /// the next milestone's due date; nothing left to do has no date.
    pub fn due(&self) -> Option<NaiveDate> {
        if self.status == RenewalStatus::Overdue {
            Some(self.renewal_date)
        } else {
            self.next.map(|m| m.due)
        }
    }
}

/// What the portfolio table shows of one account, computed once per workspace change.
#[derive(Debug, Clone, PartialEq)]
pub struct Facts {
    pub id: AccountId,
    pub name: String,
    pub segment: Option<Segment>,
    pub industry: String,
    pub arr: f64,
    pub renewal_date: Option<NaiveDate>,
    pub owner: String,
    pub tier: TierOf,
    pub health: HealthSummary,
    pub next_up: Option<NextUp>,
    pub risks: RiskReport,
    /// Relationship risks raised by promises (overdue, or broken in the last 90 days):
    /// their titles (docs/account-depth.md#commitments).
    pub promise_risks: Vec<String>,
    /// The account has churned (docs/kpis.md#the-arr-history): hidden unless asked for.
    pub churned: bool,
    /// The day these facts hold for ("in 12 days" changes with it).
    pub today: NaiveDate,
    // Lower-cased once, for the search and the text sorts.
    name_key: String,
    industry_key: String,
    owner_key: String,
    /// Who the owner filter finds here (`owners::owner_key`): the account's owner and the
    /// owners of its open work (docs/account-depth.md#owners).
    owner_keys: std::collections::BTreeSet<String>,
}

fn text_key(s: &str) -> String {
    s.trim().to_lowercase()
}

impl Facts {
    /// Relationship risks of every kind: the stakeholder map's and the promises'.
    pub fn risk_count(&self) -> usize {
        self.risks.count() + self.promise_risks.len()
    }

    /// The facts of one account from its tier and health summary (both computed once for
    /// the whole workspace).
    pub fn of(a: &Account, tier: TierOf, health: HealthSummary, today: NaiveDate) -> Facts {
        let f = &a.fields;
        Facts {
            id: a.id,
            name: f.name.clone(),
            segment: f.segment,
            industry: f.industry.clone(),
            arr: f.arr,
            renewal_date: f.renewal_date,
            owner: f.owner.clone(),
            tier,
            health,
            next_up: NextUp::of(a, today),
            risks: assess(&a.stakeholders, tier.tier, today),
            promise_risks: a
                .commitments
                .risks(today)
                .iter()
                .map(|r| r.title())
                .collect(),
            churned: a.is_churned(),
            today,
            name_key: text_key(&f.name),
            industry_key: text_key(&f.industry),
            owner_key: text_key(&f.owner),
            owner_keys: {
                let mut keys = open_work_owners(a, today);
                keys.insert(owner_key(&f.owner));
                keys
            },
        }
    }
}

/// The health summary of every account, scored with the workspace weights.
pub fn health_by_account(ws: &Workspace, today: NaiveDate) -> HashMap<AccountId, HealthSummary> {
    let weights: &Weights = ws.settings.health.weights();
    ws.accounts()
        .iter()
        .map(|a| (a.id, account_health(&a.health, weights, today)))
        .collect()
}

/// The facts of every account, from tiers and health summaries computed beforehand.
pub fn facts_of(
    ws: &Workspace,
    tiers: &HashMap<AccountId, TierOf>,
    health: &HashMap<AccountId, HealthSummary>,
    today: NaiveDate,
) -> HashMap<AccountId, Facts> {
    ws.accounts()
        .iter()
        .filter_map(|a| {
            let tier = *tiers.get(&a.id)?;
            let h = health.get(&a.id)?.clone();
            Some((a.id, Facts::of(a, tier, h, today)))
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Filters

/// Which health band the table shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BandFilter {
    #[default]
    All,
    Band(Band),
    NoScore,
}

impl BandFilter {
    pub const ALL: [BandFilter; 5] = [
        BandFilter::All,
        BandFilter::Band(Band::Green),
        BandFilter::Band(Band::Yellow),
        BandFilter::Band(Band::Red),
        BandFilter::NoScore,
    ];

    /// The value in the page address ("" for all bands).
    pub fn key(self) -> &'static str {
        match self {
            BandFilter::All => "",
            BandFilter::Band(b) => b.key(),
            BandFilter::NoScore => "none",
        }
    }

    pub fn from_key(s: &str) -> Option<BandFilter> {
        match s {
            "" => Some(BandFilter::All),
            "none" => Some(BandFilter::NoScore),
            k => Band::from_key(k).map(BandFilter::Band),
        }
    }

    fn matches(self, h: &HealthSummary) -> bool {
        match self {
            BandFilter::All => true,
            BandFilter::Band(b) => h.band() == Some(b),
            BandFilter::NoScore => h.score.is_none(),
        }
    }
}

/// Which renewal dates the table shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RenewalWindow {
    #[default]
    Any,
    /// Renews between today and this many days from today (both included).
    Within(u16),
    /// The renewal date is before today.
    Passed,
}

impl RenewalWindow {
    pub const ALL: [RenewalWindow; 5] = [
        RenewalWindow::Any,
        RenewalWindow::Within(30),
        RenewalWindow::Within(90),
        RenewalWindow::Within(180),
        RenewalWindow::Passed,
    ];

    pub fn key(self) -> String {
        match self {
            RenewalWindow::Any => String::new(),
            RenewalWindow::Within(d) => d.to_string(),
            RenewalWindow::Passed => "passed".into(),
        }
    }

    /// Only the windows the page offers are read: 30, 90, 180 days, or "passed".
    pub fn from_key(s: &str) -> Option<RenewalWindow> {
        RenewalWindow::ALL.into_iter().find(|w| w.key() == s)
    }

    pub fn label(self) -> String {
        match self {
            RenewalWindow::Any => "Any renewal date".into(),
            RenewalWindow::Within(d) => format!("Renews within {d} days"),
            RenewalWindow::Passed => "Renewal date passed".into(),
        }
    }

    fn matches(self, renewal: Option<NaiveDate>, today: NaiveDate) -> bool {
        match self {
            RenewalWindow::Any => true,
            RenewalWindow::Within(n) => {
                renewal.is_some_and(|d| (0..=i64::from(n)).contains(&days_until(today, d)))
            }
            RenewalWindow::Passed => renewal.is_some_and(|d| days_until(today, d) < 0),
        }
    }
}

/// The filters of the table; the default shows every account.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    /// Searched, ignoring case, in the name, industry and owner.
    pub text: String,
    pub tier: Option<Tier>,
    pub band: BandFilter,
    pub declining: bool,
    pub stale: bool,
    pub single_threaded: bool,
    /// An owner's name, compared ignoring case and repeated spaces: the account's owner
    /// or the owner of open work in it (a renewal task, plan action, save-plan step, open
    /// commitment or escalation).
    pub owner: Option<String>,
    pub renewal: RenewalWindow,
    /// Churned accounts are out of the working view unless this is on.
    pub show_churned: bool,
}

impl Filter {
    pub fn matches(&self, f: &Facts, today: NaiveDate) -> bool {
        let text = text_key(&self.text);
        self.matches_keyed(
            f,
            &text,
            self.owner.as_deref().map(owner_key).as_deref(),
            today,
        )
    }

    fn matches_keyed(&self, f: &Facts, text: &str, owner: Option<&str>, today: NaiveDate) -> bool {
        (text.is_empty()
            || f.name_key.contains(text)
            || f.industry_key.contains(text)
            || f.owner_key.contains(text))
            && self.tier.is_none_or(|t| f.tier.tier == t)
            && self.band.matches(&f.health)
            && (!self.declining || f.health.declining())
            && (!self.stale || f.health.stale)
            && (!self.single_threaded || f.risks.is_single_threaded())
            && owner.is_none_or(|o| f.owner_keys.contains(o))
            && self.renewal.matches(f.renewal_date, today)
            && (self.show_churned || !f.churned)
    }

    pub fn is_active(&self) -> bool {
        let mut plain = self.clone();
        plain.text = text_key(&plain.text);
        plain != Filter::default()
    }
}

// ---------------------------------------------------------------------------------------
// Sort

/// A column of the portfolio table; every one sorts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Name,
    /// Tier 1 first; within a tier, the larger ARR first.
    Tier,
    Arr,
    /// The current score.
    Health,
    /// The change since the previous check-in.
    Trend,
    /// How many flags (declining, stale) the account has.
    Flags,
    Renewal,
    /// What comes due first (see [`NextUp::due`]).
    NextMilestone,
    Owner,
    /// The number of relationship risks.
    Risks,
}

impl Column {
    pub const ALL: [Column; 10] = [
        Column::Name,
        Column::Tier,
        Column::Arr,
        Column::Health,
        Column::Trend,
        Column::Flags,
        Column::Renewal,
        Column::NextMilestone,
        Column::Owner,
        Column::Risks,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Column::Name => "name",
            Column::Tier => "tier",
            Column::Arr => "arr",
            Column::Health => "health",
            Column::Trend => "trend",
            Column::Flags => "flags",
            Column::Renewal => "renewal",
            Column::NextMilestone => "next",
            Column::Owner => "owner",
            Column::Risks => "risks",
        }
    }

    pub fn from_key(s: &str) -> Option<Column> {
        Column::ALL.into_iter().find(|c| c.key() == s)
    }
}

/// The sort of the table: a column and a direction. Renewal date, soonest first, by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub column: Column,
    pub ascending: bool,
}

impl Default for Sort {
    fn default() -> Self {
        Sort {
            column: Column::Renewal,
            ascending: true,
        }
    }
}

/// The value a row is sorted by. Only values of the same column are compared.
#[derive(Debug, Clone, PartialEq)]
enum Key<'a> {
    Text(&'a str),
    Number(f64),
    Date(NaiveDate),
    /// Tier number, then ARR larger first.
    TierArr(u8, f64),
}

impl Key<'_> {
    fn cmp(&self, other: &Key) -> Ordering {
        match (self, other) {
            (Key::Text(a), Key::Text(b)) => a.cmp(b),
            (Key::Number(a), Key::Number(b)) => a.total_cmp(b),
            (Key::Date(a), Key::Date(b)) => a.cmp(b),
            (Key::TierArr(ta, aa), Key::TierArr(tb, ab)) => ta.cmp(tb).then(ab.total_cmp(aa)),
            _ => Ordering::Equal,
        }
    }
}

/// A row's value in a column; `None` when it has none (no score, no renewal date, ...).
fn key_of(f: &Facts, column: Column) -> Option<Key<'_>> {
    match column {
        Column::Name => Some(Key::Text(&f.name_key)),
        Column::Tier => Some(Key::TierArr(f.tier.tier.number(), f.arr)),
        Column::Arr => Some(Key::Number(f.arr)),
        Column::Health => f.health.value().map(Key::Number),
        Column::Trend => f.health.trend.map(|t| Key::Number(t.change)),
        Column::Flags => Some(Key::Number(
            (u8::from(f.health.declining()) + u8::from(f.health.stale)).into(),
        )),
        Column::Renewal => f.renewal_date.map(Key::Date),
        Column::NextMilestone => f.next_up.as_ref().and_then(NextUp::due).map(Key::Date),
        Column::Owner => (!f.owner_key.is_empty()).then_some(Key::Text(&f.owner_key)),
        Column::Risks => Some(Key::Number(f.risk_count() as f64)),
    }
}

/// The one rule for empty values: a row without a value sorts after every row with one,
/// in both directions; the direction orders only the values.
fn missing_last(a: &Option<Key>, b: &Option<Key>, ascending: bool) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) if ascending => x.cmp(y),
        (Some(x), Some(y)) => y.cmp(x),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Sorts rows in place: by the column, then by name, then by id (both ascending whatever
/// the direction), so equal values keep one stable order.
pub fn sort_rows(rows: &mut [&Facts], sort: Sort) {
    let mut keyed: Vec<(Option<Key>, &Facts)> =
        rows.iter().map(|f| (key_of(f, sort.column), *f)).collect();
    order::sort_by(&mut keyed, |(ka, a), (kb, b)| {
        missing_last(ka, kb, sort.ascending)
            .then_with(|| a.name_key.cmp(&b.name_key))
            .then(a.id.cmp(&b.id))
    });
    for (slot, (_, f)) in rows.iter_mut().zip(keyed) {
        *slot = f;
    }
}

// ---------------------------------------------------------------------------------------
// The query and the page address

/// Everything the table is asked: filters and sort.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PortfolioQuery {
    pub filter: Filter,
    pub sort: Sort,
}

/// The ids of the accounts that pass the filter, in the sort's order.
pub fn query<'a>(
    facts: impl IntoIterator<Item = &'a Facts>,
    q: &PortfolioQuery,
    today: NaiveDate,
) -> Vec<AccountId> {
    let text = text_key(&q.filter.text);
    let owner = q.filter.owner.as_deref().map(owner_key);
    let mut rows: Vec<&Facts> = facts
        .into_iter()
        .filter(|f| q.filter.matches_keyed(f, &text, owner.as_deref(), today))
        .collect();
    sort_rows(&mut rows, q.sort);
    rows.into_iter().map(|f| f.id).collect()
}

impl PortfolioQuery {
    /// Reads the page address's query pairs. Unknown names and unreadable values are
    /// ignored (the default stays), so an edited or old link never fails.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut q = PortfolioQuery::default();
        let on = |v: &str| v == "1";
        for (k, v) in pairs {
            let f = &mut q.filter;
            match k {
                "q" => f.text = v.to_string(),
                "tier" => {
                    if let Some(t) = v.parse::<u8>().ok().and_then(Tier::from_number) {
                        f.tier = Some(t);
                    }
                }
                "band" => f.band = BandFilter::from_key(v).unwrap_or(f.band),
                "declining" => f.declining = on(v),
                "stale" => f.stale = on(v),
                "single" => f.single_threaded = on(v),
                "churned" => f.show_churned = on(v),
                "owner" if !v.trim().is_empty() => f.owner = Some(v.trim().to_string()),
                "renewal" => f.renewal = RenewalWindow::from_key(v).unwrap_or(f.renewal),
                "sort" => {
                    if let Some(c) = Column::from_key(v) {
                        q.sort.column = c;
                    }
                }
                "dir" => match v {
                    "asc" => q.sort.ascending = true,
                    "desc" => q.sort.ascending = false,
                    _ => {}
                },
                _ => {}
            }
        }
        q
    }

    /// The query pairs for the page address; defaults are left out, so the plain
    /// portfolio has a plain address.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let f = &self.filter;
        let mut out = Vec::new();
        if !f.text.is_empty() {
            out.push(("q", f.text.clone()));
        }
        if let Some(t) = f.tier {
            out.push(("tier", t.number().to_string()));
        }
        if f.band != BandFilter::All {
            out.push(("band", f.band.key().to_string()));
        }
        for (name, on) in [
            ("declining", f.declining),
            ("stale", f.stale),
            ("single", f.single_threaded),
            ("churned", f.show_churned),
        ] {
            if on {
                out.push((name, "1".into()));
            }
        }
        if let Some(o) = &f.owner {
            out.push(("owner", o.clone()));
        }
        if f.renewal != RenewalWindow::Any {
            out.push(("renewal", f.renewal.key()));
        }
        if self.sort != Sort::default() {
            out.push(("sort", self.sort.column.key().into()));
            out.push((
                "dir",
                if self.sort.ascending { "asc" } else { "desc" }.into(),
            ));
        }
        out
    }
}

// ---------------------------------------------------------------------------------------
// Summary

/// The figures above the table, for the whole workspace (filters do not change them).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    pub accounts: usize,
    pub total_arr: f64,
    /// ARR of the accounts renewing between today and 90 days from today.
    pub arr_renewing_90: f64,
    pub tier1: usize,
}

pub fn summary<'a>(facts: impl IntoIterator<Item = &'a Facts>, today: NaiveDate) -> Summary {
    let mut ids: Vec<&Facts> = facts.into_iter().collect();
    // Added in one order, so the float sums never depend on a map's order.
    order::sort_by_key(&mut ids, |f| f.id);
    let within_90 = RenewalWindow::Within(90);
    Summary {
        accounts: ids.len(),
        total_arr: ids.iter().map(|f| f.arr).sum(),
        arr_renewing_90: ids
            .iter()
            .filter(|f| within_90.matches(f.renewal_date, today))
            .map(|f| f.arr)
            .sum(),
        tier1: ids
            .iter()
            .filter(|f| f.tier.tier == Tier::Strategic)
            .count(),
    }
}

/// [`renewal_calendar`] over accounts as the workspace holds them.
pub fn portfolio_calendar<'a>(
    accounts: impl IntoIterator<Item = &'a Account>,
    today: NaiveDate,
) -> RenewalCalendar {
    let rows: Vec<(AccountId, &str, Option<NaiveDate>, f64)> = accounts
        .into_iter()
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
pub fn portfolio_timelines<'a>(
    accounts: impl IntoIterator<Item = &'a Account>,
) -> Vec<(AccountId, &'a str, Timeline)> {
    accounts
        .into_iter()
        .filter_map(|a| timeline_of(a).map(|t| (a.id, a.fields.name.as_str(), t)))
        .collect()
}

/// [`renewal_agenda`] over accounts as the workspace holds them.
pub fn portfolio_agenda<'a>(
    accounts: impl IntoIterator<Item = &'a Account>,
    today: NaiveDate,
) -> Vec<AgendaItem> {
    let timelines = portfolio_timelines(accounts);
    let rows: Vec<(AccountId, &str, &Timeline)> =
        timelines.iter().map(|(id, n, t)| (*id, *n, t)).collect();
    renewal_agenda(&rows, today)
}

//! Portfolio KPIs over a period: NRR, GRR, renewal rate, expansion share, new ARR, health
//! mix by ARR, the renewal forecast and pipeline coverage, each with the accounts and ARR
//! changes behind it (docs/kpis.md).

pub mod outcome;

use crate::domain::error::FieldError;
use crate::domain::order;
use chrono::{Datelike, Duration, NaiveDate};

use super::arr::{ArrEvent, ArrKind};
use super::health::Band;
use super::ids::AccountId;
use super::workspace::Workspace;

/// Which period the KPI page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PeriodChoice {
    ThisQuarter,
    LastQuarter,
    ThisYear,
    LastYear,
    Custom,
}

impl PeriodChoice {
    pub const ALL: [PeriodChoice; 5] = [
        PeriodChoice::ThisQuarter,
        PeriodChoice::LastQuarter,
        PeriodChoice::ThisYear,
        PeriodChoice::LastYear,
        PeriodChoice::Custom,
    ];
    pub fn label(self) -> &'static str {
        match self {
            PeriodChoice::ThisQuarter => "This quarter",
            PeriodChoice::LastQuarter => "Last quarter",
            PeriodChoice::ThisYear => "This year",
            PeriodChoice::LastYear => "Last year",
            PeriodChoice::Custom => "Custom",
        }
    }
    /// Stable name in the page address.
    pub fn key(self) -> &'static str {
        match self {
            PeriodChoice::ThisQuarter => "this-quarter",
            PeriodChoice::LastQuarter => "last-quarter",
            PeriodChoice::ThisYear => "this-year",
            PeriodChoice::LastYear => "last-year",
            PeriodChoice::Custom => "custom",
        }
    }
    pub fn from_key(s: &str) -> Option<PeriodChoice> {
        PeriodChoice::ALL.into_iter().find(|c| c.key() == s)
    }
    /// The period counted from `today`; `None` for custom (its dates come from the user).
    pub fn period(self, today: NaiveDate) -> Option<Period> {
        let q = Period::quarter_of(today);
        Some(match self {
            PeriodChoice::ThisQuarter => q,
            PeriodChoice::LastQuarter => Period::quarter_of(q.start - Duration::days(1)),
            PeriodChoice::ThisYear => Period::year_of(today.year()),
            PeriodChoice::LastYear => Period::year_of(today.year() - 1),
            PeriodChoice::Custom => return None,
        })
    }
}

/// The KPI page's choice as its address keeps it, so Back and bookmarks restore it:
/// nothing for this quarter, `?period=last-year`, or
/// `?period=custom&from=2026-01-01&to=2026-03-31`. The custom days stay as typed (the page
/// reads them and shows its message at the field); an unknown period reads as this quarter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KpiQuery {
    pub choice: PeriodChoice,
    pub from: String,
    pub to: String,
}

impl KpiQuery {
    /// This quarter, with the custom days preset to it (what a first visit shows).
    pub fn new(today: NaiveDate) -> KpiQuery {
        let q = Period::quarter_of(today);
        KpiQuery {
            choice: PeriodChoice::ThisQuarter,
            from: q.start.to_string(),
            to: q.end.to_string(),
        }
    }

    /// Reads the address's pairs over the first-visit defaults of `today`.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
        today: NaiveDate,
    ) -> KpiQuery {
        let mut q = KpiQuery::new(today);
        for (k, v) in pairs {
            match k {
                "period" => q.choice = PeriodChoice::from_key(v).unwrap_or(q.choice),
                "from" => q.from = v.to_string(),
                "to" => q.to = v.to_string(),
                _ => {}
            }
        }
        q
    }

    /// The pairs to write in the address: none for this quarter, the days only for custom.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        match self.choice {
            PeriodChoice::ThisQuarter => Vec::new(),
            PeriodChoice::Custom => vec![
                ("period", self.choice.key().to_string()),
                ("from", self.from.clone()),
                ("to", self.to.clone()),
            ],
            c => vec![("period", c.key().to_string())],
        }
    }
}

/// A span of days, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
    kind: PeriodKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum PeriodKind {
    Quarter,
    Year,
    Custom,
}

impl Period {
    /// The calendar quarter holding `date`.
    pub fn quarter_of(date: NaiveDate) -> Period {
        let first_month = (date.month0() / 3) * 3 + 1;
        let start = NaiveDate::from_ymd_opt(date.year(), first_month, 1).expect("a month start");
        let next = if first_month == 10 {
            NaiveDate::from_ymd_opt(date.year() + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(date.year(), first_month + 3, 1)
        }
        .expect("a month start");
        Period {
            start,
            end: next - Duration::days(1),
            kind: PeriodKind::Quarter,
        }
    }

    pub fn year_of(year: i32) -> Period {
        Period {
            start: NaiveDate::from_ymd_opt(year, 1, 1).expect("a year start"),
            end: NaiveDate::from_ymd_opt(year, 12, 31).expect("a year end"),
            kind: PeriodKind::Year,
        }
    }

    /// Custom dates; refused when the last day is before the first.
    pub fn custom(start: NaiveDate, end: NaiveDate) -> Result<Period, FieldError> {
        if end < start {
            return Err(FieldError::bare(format!(
                "The last day ({}) is before the first ({}): pick a last day on or after the first.",
                crate::domain::dates::long(end),
                crate::domain::dates::long(start)
            )));
        }
        Ok(Period {
            start,
            end,
            kind: PeriodKind::Custom,
        })
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }

    /// How much of a year the period is: a quarter ¼, a year 1, custom dates days / 365.
    pub fn year_share(&self) -> f64 {
        match self.kind {
            PeriodKind::Quarter => 0.25,
            PeriodKind::Year => 1.0,
            PeriodKind::Custom => ((self.end - self.start).num_days() + 1) as f64 / 365.0,
        }
    }

    /// `Q3 2026`, `2026`, or `2026-02-01 to 2026-03-15`.
    pub fn label(&self) -> String {
        match self.kind {
            PeriodKind::Quarter => {
                format!("Q{} {}", self.start.month0() / 3 + 1, self.start.year())
            }
            PeriodKind::Year => self.start.year().to_string(),
            PeriodKind::Custom => format!("{} to {}", self.start, self.end),
        }
    }

    /// The `n` calendar quarters ending with the one holding `today`, oldest first.
    pub fn last_quarters(today: NaiveDate, n: usize) -> Vec<Period> {
        let mut out = vec![Period::quarter_of(today)];
        while out.len() < n {
            let before = out[0].start - Duration::days(1);
            out.insert(0, Period::quarter_of(before));
        }
        out
    }
}

/// Seed targets (docs/kpis.md#the-figures).
pub const NRR_TARGET: f64 = 1.10;
pub const GRR_TARGET: f64 = 0.95;
pub const RENEWAL_RATE_TARGET: f64 = 0.95;
/// A year's expansion share target; a period is held to its share of it.
pub const EXPANSION_SHARE_TARGET_YEAR: f64 = 0.25;
pub const COVERAGE_TARGET: f64 = 3.0;

/// One ARR change behind a figure, with its account.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub account: AccountId,
    pub name: String,
    pub event: ArrEvent,
}

/// One account behind a figure, with the amount it adds.
#[derive(Debug, Clone, PartialEq)]
pub struct AccountLine {
    pub account: AccountId,
    pub name: String,
    pub amount: f64,
}

/// How many accounts a list behind a figure shows before the rest are folded away.
pub const SHOWN_FIRST: usize = 10;

/// The accounts behind a figure as the page lists them: the largest amount first (equal
/// amounts by name, then id), the first `shown` apart from the rest, which are folded
/// behind "Show N more" (docs/kpis.md#what-is-behind-a-figure).
pub fn largest_first(lines: &[AccountLine], shown: usize) -> (Vec<AccountLine>, Vec<AccountLine>) {
    let mut all = lines.to_vec();
    order::sort_by(&mut all, |a, b| {
        b.amount
            .total_cmp(&a.amount)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
            .then_with(|| a.account.0.cmp(&b.account.0))
    });
    let rest = all.split_off(shown.min(all.len()));
    (all, rest)
}

/// A renewal due in the period with no outcome yet.
#[derive(Debug, Clone, PartialEq)]
pub struct DueRenewal {
    pub account: AccountId,
    pub name: String,
    pub due: NaiveDate,
    pub arr: f64,
    /// Its health band today (`None`: no score).
    pub band: Option<Band>,
    /// Percent chance the settings give that band.
    pub odds: f64,
    /// The due date has passed: the outcome can be recorded now.
    pub passed: bool,
}

/// Every figure of the KPI page for one period, and what each is made of.
#[derive(Debug, Clone, PartialEq)]
pub struct Kpis {
    pub period: Period,
    pub starting_arr: f64,
    pub starting: Vec<AccountLine>,
    pub expansion: f64,
    pub contraction: f64,
    pub churn: f64,
    /// Losses per starting account, each capped at its starting ARR (for GRR).
    pub losses: f64,
    pub expansion_lines: Vec<Line>,
    pub contraction_lines: Vec<Line>,
    pub churn_lines: Vec<Line>,
    /// Corrections dated in the period: listed, never counted.
    pub corrections: Vec<Line>,
    pub new_arr: f64,
    pub new_lines: Vec<Line>,
    /// Renewal changes dated in the period (renewals renewed).
    pub renewed: Vec<Line>,
    /// Churn changes dated in the period, on any account (renewals lost).
    pub lost: Vec<Line>,
    pub due_without_outcome: Vec<DueRenewal>,
    /// ARR today of accounts not churned, by band: [green, yellow, red], then no score.
    pub health_arr: [f64; 3],
    pub unscored_arr: f64,
    pub forecast: f64,
    pub pipeline: f64,
    pub pipeline_lines: Vec<AccountLine>,
    /// The period's expansion target (`None` until one is set).
    pub target: Option<f64>,
}

impl Kpis {
    /// NRR as a fraction (1.08 = 108%); `None` without starting ARR.
    pub fn nrr(&self) -> Option<f64> {
        (self.starting_arr > 0.0).then(|| {
            (self.starting_arr + self.expansion - self.contraction - self.churn) / self.starting_arr
        })
    }
    /// GRR as a fraction, from 0 to 1; `None` without starting ARR.
    pub fn grr(&self) -> Option<f64> {
        (self.starting_arr > 0.0)
            .then(|| ((self.starting_arr - self.losses) / self.starting_arr).clamp(0.0, 1.0))
    }
    /// Renewed / renewals with an outcome; `None` when no outcome is dated in the period.
    pub fn renewal_rate(&self) -> Option<f64> {
        let decided = self.renewed.len() + self.lost.len();
        (decided > 0).then(|| self.renewed.len() as f64 / decided as f64)
    }
    /// Expansion / starting ARR; `None` without starting ARR.
    pub fn expansion_share(&self) -> Option<f64> {
        (self.starting_arr > 0.0).then(|| self.expansion / self.starting_arr)
    }
    /// The expansion share this period is held to.
    pub fn expansion_share_target(&self) -> f64 {
        EXPANSION_SHARE_TARGET_YEAR * self.period.year_share()
    }
    /// Open pipeline / the period's target; `None` without a target.
    pub fn coverage(&self) -> Option<f64> {
        self.target.map(|t| self.pipeline / t)
    }
    /// ARR due in the period with no outcome yet.
    pub fn due_arr(&self) -> f64 {
        self.due_without_outcome.iter().map(|d| d.arr).sum()
    }
    /// Share of today's ARR (accounts not churned) in the green band; `None` without ARR.
    pub fn green_share(&self) -> Option<f64> {
        let total: f64 = self.health_arr.iter().sum::<f64>() + self.unscored_arr;
        (total > 0.0).then(|| self.health_arr[0] / total)
    }
}

/// The figures of `period`, computed on `today` (the health bands, what is due and the
/// pipeline are today's).
pub fn kpis(ws: &Workspace, period: Period, today: NaiveDate) -> Kpis {
    let day_before = period.start - Duration::days(1);
    let odds = ws.settings.kpi.renewal_odds;
    let health = ws.health_summaries(today);
    let mut k = Kpis {
        period,
        starting_arr: 0.0,
        starting: Vec::new(),
        expansion: 0.0,
        contraction: 0.0,
        churn: 0.0,
        losses: 0.0,
        expansion_lines: Vec::new(),
        contraction_lines: Vec::new(),
        churn_lines: Vec::new(),
        corrections: Vec::new(),
        new_arr: 0.0,
        new_lines: Vec::new(),
        renewed: Vec::new(),
        lost: Vec::new(),
        due_without_outcome: Vec::new(),
        health_arr: [0.0; 3],
        unscored_arr: 0.0,
        forecast: 0.0,
        pipeline: 0.0,
        pipeline_lines: Vec::new(),
        target: ws
            .settings
            .kpi
            .expansion_target
            .map(|t| t * period.year_share()),
    };
    for (a, (_, summary)) in ws.accounts().iter().zip(&health) {
        let name = &a.fields.name;
        let line = |e: &ArrEvent| Line {
            account: a.id,
            name: name.clone(),
            event: e.clone(),
        };
        let start = a.arr_log.arr_on(day_before);
        let starting = start > 0.0;
        if starting {
            k.starting_arr += start;
            k.starting.push(AccountLine {
                account: a.id,
                name: name.clone(),
                amount: start,
            });
        }
        let mut lost_here = 0.0;
        for e in a
            .arr_log
            .events()
            .iter()
            .filter(|e| period.contains(e.date))
        {
            match e.kind {
                ArrKind::New => {
                    k.new_arr += e.amount;
                    k.new_lines.push(line(e));
                }
                ArrKind::Correction => k.corrections.push(line(e)),
                ArrKind::Renewal => k.renewed.push(line(e)),
                ArrKind::Churn => k.lost.push(line(e)),
                _ => {}
            }
            if !starting {
                continue;
            }
            match e.kind {
                ArrKind::Expansion | ArrKind::Renewal if e.amount > 0.0 => {
                    k.expansion += e.amount;
                    k.expansion_lines.push(line(e));
                }
                ArrKind::Contraction | ArrKind::Renewal if e.amount < 0.0 => {
                    k.contraction -= e.amount;
                    lost_here -= e.amount;
                    k.contraction_lines.push(line(e));
                }
                ArrKind::Churn => {
                    k.churn -= e.amount;
                    lost_here -= e.amount;
                    k.churn_lines.push(line(e));
                }
                _ => {}
            }
        }
        k.losses += lost_here.min(start);
        if a.is_churned() {
            continue;
        }
        let band = summary.band();
        match band {
            Some(b) => k.health_arr[b.index()] += a.fields.arr,
            None => k.unscored_arr += a.fields.arr,
        }
        if let Some(due) = a.fields.renewal_date.filter(|d| period.contains(*d)) {
            let chance = match band {
                Some(Band::Green) => odds.green,
                Some(Band::Yellow) => odds.yellow,
                Some(Band::Red) => odds.red,
                None => odds.no_score,
            };
            k.forecast += a.fields.arr * chance / 100.0;
            k.due_without_outcome.push(DueRenewal {
                account: a.id,
                name: name.clone(),
                due,
                arr: a.fields.arr,
                band,
                odds: chance,
                passed: today > due,
            });
        }
        let open: f64 = a
            .expansion
            .opportunities()
            .iter()
            .filter(|o| o.stage().is_open())
            .map(|o| o.estimated_arr())
            .sum();
        if open > 0.0 {
            k.pipeline += open;
            k.pipeline_lines.push(AccountLine {
                account: a.id,
                name: name.clone(),
                amount: open,
            });
        }
    }
    order::sort_by(&mut k.due_without_outcome, |x, y| {
        (!x.passed, x.due, &x.name).cmp(&(!y.passed, y.due, &y.name))
    });
    k
}

/// NRR and GRR of each of the last `n` quarters (the current one to date), oldest first.
pub fn retention_by_quarter(
    ws: &Workspace,
    today: NaiveDate,
    n: usize,
) -> Vec<(Period, Option<f64>, Option<f64>)> {
    Period::last_quarters(today, n)
        .into_iter()
        .map(|p| {
            let k = kpis(ws, p, today);
            (p, k.nrr(), k.grr())
        })
        .collect()
}

/// A fraction as a percentage to one decimal, a whole one without it: `1.083` → `108.3%`,
/// `0.25` → `25%`. Never rounded onto 100% from either side: a retention that lost
/// anything shows under 100% (`0.9996` → `99.9%`), one that gained anything over it.
pub fn percent(x: f64) -> String {
    let p = x * 100.0;
    let mut r = (p * 10.0).round() / 10.0;
    if p < 100.0 && r >= 100.0 {
        r = 99.9;
    } else if p > 100.0 && r <= 100.0 {
        r = 100.1;
    }
    format!("{}%", crate::domain::numbers::short_number(r))
}

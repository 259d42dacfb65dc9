//! Portfolio KPIs (docs/kpis.md): periods, each figure as a table of cases, renewal
//! outcomes recording the right ARR changes, won opportunities, and the tier rule on
//! portfolios of 1, 7 and 1,000 accounts.

use am_planner::domain::arr::{ArrEvent, ArrKind, ArrLog};
use am_planner::domain::kpi::outcome::{
    awaiting_outcome, awaiting_outcomes, record_outcome, Outcome, OutcomeField,
};
use am_planner::domain::kpi::{
    kpis, largest_first, percent, retention_by_quarter, AccountLine, KpiQuery, Kpis, Period,
    PeriodChoice,
};
use am_planner::domain::workspace::tiers_by_arr;
use am_planner::domain::{Account, AccountFields, AccountId, Workspace};
use chrono::NaiveDate;

use ArrKind::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn today() -> NaiveDate {
    d("2026-11-22")
}

/// An account named `name` with history `log` (date, kind, amount) and a renewal date.
fn account(id: u32, name: &str, log: &[(&str, ArrKind, f64)], renewal: Option<&str>) -> Account {
    let events = log
        .iter()
        .map(|(date, kind, amount)| ArrEvent {
            date: d(date),
            kind: *kind,
            amount: *amount,
            note: String::new(),
        })
        .collect();
    let log = ArrLog::new(events).unwrap();
    let mut a = Account::new(
        AccountId(id),
        AccountFields {
            name: name.into(),
            renewal_date: renewal.map(d),
            ..Default::default()
        },
    );
    a.set_arr_log(log);
    a
}

fn ws(accounts: Vec<Account>) -> Workspace {
    Workspace::from_accounts(Default::default(), false, accounts).unwrap()
}

/// Q3 2026: 2026-07-01 to 2026-09-30.
fn q3() -> Period {
    Period::quarter_of(d("2026-08-15"))
}

#[test]
fn periods() {
    let t = today();
    let cases = [
        (
            PeriodChoice::ThisQuarter,
            "2026-10-01",
            "2026-12-31",
            "Q4 2026",
        ),
        (
            PeriodChoice::LastQuarter,
            "2026-07-01",
            "2026-09-30",
            "Q3 2026",
        ),
        (PeriodChoice::ThisYear, "2026-01-01", "2026-12-31", "2026"),
        (PeriodChoice::LastYear, "2025-01-01", "2025-12-31", "2025"),
    ];
    for (choice, start, end, label) in cases {
        let p = choice.period(t).unwrap();
        assert_eq!(
            (p.start, p.end, p.label()),
            (d(start), d(end), label.to_string())
        );
    }
    assert_eq!(PeriodChoice::Custom.period(t), None);
    let last_q1 = PeriodChoice::LastQuarter.period(d("2026-02-10")).unwrap();
    assert_eq!(
        (last_q1.start, last_q1.end),
        (d("2025-10-01"), d("2025-12-31"))
    );
    assert!(Period::custom(d("2026-03-02"), d("2026-03-01")).is_err());
    let c = Period::custom(d("2026-01-01"), d("2026-03-01")).unwrap();
    assert!((c.year_share() - 60.0 / 365.0).abs() < 1e-12);
    let eight = Period::last_quarters(t, 8);
    assert_eq!(eight.len(), 8);
    assert_eq!(eight[0].label(), "Q1 2025");
    assert_eq!(eight[7].label(), "Q4 2026");
}

/// (name, accounts, starting ARR, expansion, contraction, churn, NRR %, GRR %, new ARR,
/// renewal rate %, corrections listed)
type Case = (
    &'static str,
    Vec<Account>,
    f64,
    f64,
    f64,
    f64,
    Option<f64>,
    Option<f64>,
    f64,
    Option<f64>,
    usize,
);

fn pct(x: Option<f64>) -> Option<f64> {
    x.map(|v| (v * 10_000.0).round() / 100.0)
}

#[test]
fn the_figures_as_a_table() {
    let cases: Vec<Case> = vec![
        (
            "expansion only",
            vec![
                account(1, "A", &[("2025-01-10", New, 100_000.0), ("2026-08-01", Expansion, 20_000.0)], None),
                account(2, "B", &[("2025-03-01", New, 100_000.0)], None),
            ],
            200_000.0, 20_000.0, 0.0, 0.0, Some(110.0), Some(100.0), 0.0, None, 0,
        ),
        (
            "churn only",
            vec![
                account(1, "A", &[("2025-01-10", New, 100_000.0), ("2026-07-15", Churn, -100_000.0)], None),
                account(2, "B", &[("2025-03-01", New, 300_000.0)], None),
            ],
            400_000.0, 0.0, 0.0, 100_000.0, Some(75.0), Some(75.0), 0.0, Some(0.0), 0,
        ),
        (
            "mixed: expansion, a downsell at renewal, a flat renewal, a churn",
            vec![
                account(1, "A", &[("2025-01-10", New, 100_000.0), ("2026-07-02", Expansion, 30_000.0)], None),
                account(2, "B", &[("2025-03-01", New, 100_000.0), ("2026-08-01", Renewal, 0.0), ("2026-08-01", Contraction, -10_000.0)], None),
                account(3, "C", &[("2025-09-01", New, 50_000.0), ("2026-09-01", Renewal, 0.0)], None),
                account(4, "D", &[("2025-09-01", New, 50_000.0), ("2026-09-10", Churn, -50_000.0)], None),
            ],
            300_000.0, 30_000.0, 10_000.0, 50_000.0, Some(90.0), Some(80.0), 0.0, Some(66.67), 0,
        ),
        (
            "an account new inside the period is apart, with what it does later in the period",
            vec![
                account(1, "A", &[("2025-01-10", New, 100_000.0)], None),
                account(2, "New", &[("2026-07-20", New, 40_000.0), ("2026-09-01", Expansion, 5_000.0)], None),
            ],
            100_000.0, 0.0, 0.0, 0.0, Some(100.0), Some(100.0), 40_000.0, None, 0,
        ),
        (
            "a correction changes ARR but counts in no figure; one before the period changes the start",
            vec![
                account(1, "A", &[("2025-01-10", New, 100_000.0), ("2026-06-30", Correction, 10_000.0), ("2026-08-01", Correction, -5_000.0)], None),
            ],
            110_000.0, 0.0, 0.0, 0.0, Some(100.0), Some(100.0), 0.0, None, 1,
        ),
        (
            "a period with no starting ARR has no ratio",
            vec![account(1, "A", &[("2026-08-01", New, 100_000.0)], None)],
            0.0, 0.0, 0.0, 0.0, None, None, 100_000.0, None, 0,
        ),
        (
            "an account that expands then churns loses only its starting ARR in GRR",
            vec![
                account(1, "A", &[("2025-01-10", New, 100_000.0), ("2026-07-10", Expansion, 50_000.0), ("2026-09-10", Churn, -150_000.0)], None),
                account(2, "B", &[("2025-01-10", New, 100_000.0)], None),
            ],
            200_000.0, 50_000.0, 0.0, 150_000.0, Some(50.0), Some(50.0), 0.0, Some(0.0), 0,
        ),
        (
            "changes before and after the period are not in it",
            vec![account(1, "A", &[("2025-01-10", New, 100_000.0), ("2026-06-30", Expansion, 10_000.0), ("2026-10-01", Contraction, -20_000.0)], None)],
            110_000.0, 0.0, 0.0, 0.0, Some(100.0), Some(100.0), 0.0, None, 0,
        ),
    ];
    for (name, accounts, start, exp, con, churn, nrr, grr, new, rate, corrections) in cases {
        let k: Kpis = kpis(&ws(accounts), q3(), today());
        assert_eq!(
            (k.starting_arr, k.expansion, k.contraction, k.churn),
            (start, exp, con, churn),
            "{name}"
        );
        assert_eq!((pct(k.nrr()), pct(k.grr())), (nrr, grr), "{name}");
        assert_eq!(k.new_arr, new, "{name}");
        assert_eq!(pct(k.renewal_rate()), rate, "{name}");
        assert_eq!(k.corrections.len(), corrections, "{name}");
        if let Some(g) = k.grr() {
            assert!((0.0..=1.0).contains(&g), "{name}: GRR {g}");
        }
    }
}

#[test]
fn renewals_due_without_outcome_are_apart_and_forecast_by_health_band() {
    let w = ws(vec![
        account(
            1,
            "Passed",
            &[("2025-01-10", New, 100_000.0)],
            Some("2026-11-10"),
        ),
        account(
            2,
            "Ahead",
            &[("2025-01-10", New, 50_000.0)],
            Some("2026-12-15"),
        ),
        account(
            3,
            "Next year",
            &[("2025-01-10", New, 70_000.0)],
            Some("2027-02-01"),
        ),
        account(
            4,
            "Renewed",
            &[("2025-01-10", New, 30_000.0), ("2026-10-05", Renewal, 0.0)],
            Some("2027-10-05"),
        ),
    ]);
    let this_q = PeriodChoice::ThisQuarter.period(today()).unwrap();
    let k = kpis(&w, this_q, today());
    let due: Vec<(&str, bool)> = k
        .due_without_outcome
        .iter()
        .map(|d| (d.name.as_str(), d.passed))
        .collect();
    assert_eq!(due, vec![("Passed", true), ("Ahead", false)]);
    assert_eq!(k.due_arr(), 150_000.0);
    // No health scores: the "no score" chance, 75%.
    assert_eq!(k.forecast, 112_500.0);
    // The renewal rate counts only outcomes: one renewed, none lost.
    assert_eq!(k.renewal_rate(), Some(1.0));
    // Coverage needs a target.
    assert_eq!(k.coverage(), None);
    let mut w2 = w.clone();
    w2.settings.kpi.expansion_target = Some(400_000.0);
    let k2 = kpis(&w2, this_q, today());
    assert_eq!(k2.target, Some(100_000.0), "a quarter of the year's target");
    assert_eq!(k2.coverage(), Some(0.0));
    assert_eq!(k2.expansion_share_target(), 0.0625);
    // The one test of "renewal passed without outcome".
    assert_eq!(awaiting_outcomes(&w, today()), vec![AccountId(1)]);
}

#[test]
fn churned_accounts_are_out_of_today_s_figures_but_stay_in_the_past() {
    let w = ws(vec![
        account(
            1,
            "Gone",
            &[
                ("2025-01-10", New, 100_000.0),
                ("2026-08-01", Churn, -100_000.0),
            ],
            Some("2026-12-01"),
        ),
        account(2, "Stays", &[("2025-01-10", New, 50_000.0)], None),
    ]);
    let k = kpis(
        &w,
        PeriodChoice::ThisQuarter.period(today()).unwrap(),
        today(),
    );
    assert!(
        k.due_without_outcome.is_empty(),
        "a churned account has no renewal ahead"
    );
    assert_eq!(k.unscored_arr, 50_000.0);
    assert!(!awaiting_outcome(&w.accounts()[0], d("2026-12-05")));
    let q3k = kpis(&w, q3(), today());
    assert_eq!(q3k.starting_arr, 150_000.0);
    assert_eq!(q3k.churn, 100_000.0);
    let chart = retention_by_quarter(&w, today(), 8);
    assert_eq!(chart.len(), 8);
    let q3_row = chart
        .iter()
        .find(|(p, _, _)| p.label() == "Q3 2026")
        .unwrap();
    assert_eq!((pct(q3_row.1), pct(q3_row.2)), (Some(33.33), Some(33.33)));
}

// ---------------------------------------------------------------- outcomes

fn passed() -> Workspace {
    let mut a = account(
        1,
        "Acme",
        &[("2025-11-01", New, 100_000.0)],
        Some("2026-11-01"),
    );
    a.fields.contract_start = Some(d("2025-11-01"));
    ws(vec![a])
}

#[test]
fn outcomes_record_the_right_changes_and_start_the_next_term() {
    let next = Some(d("2027-11-01"));
    // (outcome, new ARR typed, expected changes (kind, amount), ARR after)
    type OutcomeCase<'a> = (Outcome, f64, &'a [(ArrKind, f64)], f64);
    let cases: &[OutcomeCase] = &[
        (Outcome::Flat, 0.0, &[(Renewal, 0.0)], 100_000.0),
        (
            Outcome::Uplift,
            112_000.0,
            &[(Renewal, 0.0), (Expansion, 12_000.0)],
            112_000.0,
        ),
        (
            Outcome::Downsell,
            90_000.0,
            &[(Renewal, 0.0), (Contraction, -10_000.0)],
            90_000.0,
        ),
        (Outcome::Churned, 0.0, &[(Churn, -100_000.0)], 0.0),
    ];
    for (outcome, new_arr, changes, after) in cases {
        let mut w = passed();
        record_outcome(
            w.account_mut(AccountId(1)).unwrap(),
            *outcome,
            *new_arr,
            next,
            today(),
        )
        .unwrap();
        let a = &w.accounts()[0];
        let recorded: Vec<(ArrKind, f64)> = a.arr_log.events()[1..]
            .iter()
            .map(|e| {
                assert_eq!(e.date, d("2026-11-01"), "dated on the renewal date");
                (e.kind, e.amount)
            })
            .collect();
        assert_eq!(&recorded, changes, "{outcome:?}");
        assert_eq!(a.fields.arr, *after);
        assert_eq!(a.is_churned(), *outcome == Outcome::Churned);
        if outcome.renewed() {
            assert_eq!(a.fields.renewal_date, next);
            assert_eq!(a.fields.contract_start, Some(d("2026-11-01")));
        } else {
            assert_eq!(a.fields.renewal_date, None);
        }
        assert!(!awaiting_outcome(a, today()));
        // The renewal rate of this quarter sees it.
        let k = kpis(
            &w,
            PeriodChoice::ThisQuarter.period(today()).unwrap(),
            today(),
        );
        assert_eq!(
            k.renewal_rate(),
            Some(if outcome.renewed() { 1.0 } else { 0.0 })
        );
    }
}

#[test]
fn outcomes_that_do_not_fit_change_nothing() {
    let cases: &[(Outcome, f64, Option<&str>, NaiveDate, OutcomeField)] = &[
        (
            Outcome::Uplift,
            100_000.0,
            Some("2027-11-01"),
            today(),
            OutcomeField::NewArr,
        ),
        (
            Outcome::Uplift,
            f64::NAN,
            Some("2027-11-01"),
            today(),
            OutcomeField::NewArr,
        ),
        (
            Outcome::Downsell,
            100_000.0,
            Some("2027-11-01"),
            today(),
            OutcomeField::NewArr,
        ),
        (
            Outcome::Downsell,
            0.0,
            Some("2027-11-01"),
            today(),
            OutcomeField::NewArr,
        ),
        (Outcome::Flat, 0.0, None, today(), OutcomeField::NextRenewal),
        (
            Outcome::Flat,
            0.0,
            Some("2026-11-01"),
            today(),
            OutcomeField::NextRenewal,
        ),
        // Not passed yet (today is the renewal day itself).
        (
            Outcome::Flat,
            0.0,
            Some("2027-11-01"),
            d("2026-11-01"),
            OutcomeField::Outcome,
        ),
    ];
    for (outcome, arr, next, on, field) in cases {
        let mut w = passed();
        let before = w.clone();
        let err = record_outcome(
            w.account_mut(AccountId(1)).unwrap(),
            *outcome,
            *arr,
            next.map(d),
            *on,
        )
        .unwrap_err();
        assert_eq!(
            OutcomeField::from_key(&err.path),
            Some(*field),
            "{outcome:?} {arr} {next:?}: {}",
            err.message
        );
        assert_eq!(w, before);
    }
}

#[test]
fn a_won_opportunity_is_offered_until_its_arr_is_recorded() {
    use am_planner::domain::expansion::Stage;
    use am_planner::domain::kpi::outcome::{record_won, won_not_recorded};
    use am_planner::format::decode;
    let text = include_str!("fixtures/workspace-v3-example.json");
    let mut w = decode(text, today()).unwrap().workspace;
    let id = w.accounts()[0].id;
    assert!(won_not_recorded(&w.accounts()[0]).is_empty());
    let opp = w.accounts()[0].expansion.opportunities()[0].id();
    w.account_mut(id)
        .unwrap()
        .expansion
        .set_stage(opp, Stage::Won);
    assert_eq!(won_not_recorded(&w.accounts()[0]).len(), 1);
    let before = w.accounts()[0].fields.arr;
    assert!(record_won(w.account_mut(id).unwrap(), opp, -5.0, today()).is_err());
    record_won(w.account_mut(id).unwrap(), opp, 36_000.0, today()).unwrap();
    assert_eq!(w.accounts()[0].fields.arr, before + 36_000.0);
    assert!(won_not_recorded(&w.accounts()[0]).is_empty());
}

// ---------------------------------------------------------------- tiers

fn tier_counts(arrs: &[f64]) -> [usize; 3] {
    let input: Vec<(AccountId, f64)> = arrs
        .iter()
        .enumerate()
        .map(|(i, a)| (AccountId(i as u32 + 1), *a))
        .collect();
    let tiers = tiers_by_arr(&input);
    let mut c = [0; 3];
    for t in tiers.values() {
        c[t.number() as usize - 1] += 1;
    }
    c
}

#[test]
fn tier_rule_on_portfolios_of_every_size() {
    let desc = |n: usize| {
        (0..n)
            .map(|i| (n - i) as f64 * 1000.0)
            .collect::<Vec<f64>>()
    };
    // (case, ARRs, accounts in Tier 1, 2, 3)
    let cases: Vec<(&str, Vec<f64>, [usize; 3])> = vec![
        ("one account", vec![5_000.0], [1, 0, 0]),
        // 7 accounts: ceil(1.05) = 2 in Tier 1; ceil(3.5) = 4 in Tier 1 and 2 together.
        ("seven accounts", desc(7), [2, 2, 3]),
        // 1,000 accounts: 150 in Tier 1, 350 in Tier 2, 500 in Tier 3.
        ("a thousand accounts", desc(1000), [150, 350, 500]),
        (
            "all equal ARR: one tier for all",
            vec![7_000.0; 7],
            [7, 0, 0],
        ),
        ("all equal, a thousand", vec![1.0; 1000], [1000, 0, 0]),
        // Ties at the Tier 1 boundary share Tier 1.
        (
            "ties at the boundary",
            vec![9.0, 8.0, 8.0, 8.0, 5.0, 4.0, 3.0],
            [4, 0, 3],
        ),
        ("no account", vec![], [0, 0, 0]),
    ];
    for (name, arrs, expected) in cases {
        assert_eq!(tier_counts(&arrs), expected, "{name}");
    }
}

#[test]
fn churned_accounts_are_out_of_the_portfolio_by_default() {
    use am_planner::domain::portfolio::{facts_of, health_by_account, query, PortfolioQuery};
    let w = ws(vec![
        account(
            1,
            "Gone",
            &[("2025-01-10", New, 100.0), ("2026-08-01", Churn, -100.0)],
            None,
        ),
        account(2, "Stays", &[("2025-01-10", New, 50.0)], None),
        account(
            3,
            "Back",
            &[
                ("2025-01-10", New, 10.0),
                ("2025-08-01", Churn, -10.0),
                ("2026-01-01", New, 20.0),
            ],
            None,
        ),
    ]);
    let facts = facts_of(&w, &w.tiers(), &health_by_account(&w, today()), today());
    let mut q = PortfolioQuery::default();
    let mut shown = query(facts.values(), &q, today());
    shown.sort();
    assert_eq!(shown, vec![AccountId(2), AccountId(3)]);
    q.filter.show_churned = true;
    assert_eq!(query(facts.values(), &q, today()).len(), 3);
    assert!(
        PortfolioQuery::from_pairs([("churned", "1")])
            .filter
            .show_churned
    );
}

/// The page address keeps the chosen period: each choice reads back what it wrote, this
/// quarter writes nothing, unknown values fall back to this quarter, and custom days are
/// kept as typed (the page shows the message at the field).
#[test]
fn the_address_keeps_the_period() {
    let t = today();
    let first = KpiQuery::new(t);
    assert_eq!(first.choice, PeriodChoice::ThisQuarter);
    assert_eq!(first.to_pairs(), Vec::<(&str, String)>::new());
    let q_start = Period::quarter_of(t).start.to_string();
    assert_eq!(first.from, q_start);

    type Pairs<'a> = &'a [(&'a str, &'a str)];
    let cases: &[(Pairs, PeriodChoice, &str, &str, Pairs)] = &[
        (&[], PeriodChoice::ThisQuarter, "", "", &[]),
        (
            &[("period", "last-year")],
            PeriodChoice::LastYear,
            "",
            "",
            &[("period", "last-year")],
        ),
        (
            &[("period", "last-quarter")],
            PeriodChoice::LastQuarter,
            "",
            "",
            &[("period", "last-quarter")],
        ),
        (
            &[("period", "this-year")],
            PeriodChoice::ThisYear,
            "",
            "",
            &[("period", "this-year")],
        ),
        (
            &[("period", "decade")],
            PeriodChoice::ThisQuarter,
            "",
            "",
            &[],
        ),
        (
            &[
                ("period", "custom"),
                ("from", "2026-02-01"),
                ("to", "2026-03-15"),
            ],
            PeriodChoice::Custom,
            "2026-02-01",
            "2026-03-15",
            &[
                ("period", "custom"),
                ("from", "2026-02-01"),
                ("to", "2026-03-15"),
            ],
        ),
        (
            &[("period", "custom"), ("from", "not a day")],
            PeriodChoice::Custom,
            "not a day",
            "",
            &[("period", "custom"), ("from", "not a day")],
        ),
    ];
    for (pairs, choice, from, to, written) in cases {
        let q = KpiQuery::from_pairs(pairs.iter().copied(), t);
        assert_eq!(q.choice, *choice, "{pairs:?}");
        if !from.is_empty() {
            assert_eq!(q.from, *from, "{pairs:?}");
        }
        if !to.is_empty() {
            assert_eq!(q.to, *to, "{pairs:?}");
        }
        let out = q.to_pairs();
        for (k, v) in written.iter() {
            assert!(
                out.iter().any(|(ok, ov)| ok == k && ov == v),
                "{pairs:?} wrote {out:?}"
            );
        }
        if written.is_empty() {
            assert!(out.is_empty(), "{pairs:?} wrote {out:?}");
        }
        let again = KpiQuery::from_pairs(out.iter().map(|(k, v)| (*k, v.as_str())), t);
        assert_eq!(again, q, "{pairs:?} does not read back");
    }
}

#[test]
fn the_accounts_behind_a_figure_come_largest_first_and_the_rest_folded() {
    let line = |id: u32, name: &str, amount: f64| AccountLine {
        account: AccountId(id),
        name: name.into(),
        amount,
    };
    // Workspace order, as the figures list them.
    let lines = vec![
        line(1, "Small", 10.0),
        line(2, "beta", 500.0),
        line(3, "Large", 900.0),
        line(4, "Alpha", 500.0),
        line(5, "Mid", 300.0),
    ];
    let names = |ls: &[AccountLine]| ls.iter().map(|l| l.name.clone()).collect::<Vec<_>>();
    let cases: &[(usize, &[&str], &[&str])] = &[
        // shown, first, folded
        (3, &["Large", "Alpha", "beta"], &["Mid", "Small"]),
        (10, &["Large", "Alpha", "beta", "Mid", "Small"], &[]),
        (0, &[], &["Large", "Alpha", "beta", "Mid", "Small"]),
    ];
    for (shown, first, rest) in cases {
        let (f, r) = largest_first(&lines, *shown);
        assert_eq!(names(&f), *first, "shown {shown}");
        assert_eq!(names(&r), *rest, "shown {shown}");
    }
    assert_eq!(largest_first(&[], 10), (vec![], vec![]));
}

// ---------------------------------------------------------------- chart labels

#[test]
fn quarter_labels_never_crowd_each_other() {
    use am_planner::charts::retention::{quarter_labels, retention_svg};
    let eight = [
        "Q1 2025", "Q2 2025", "Q3 2025", "Q4 2025", "Q1 2026", "Q2 2026", "Q3 2026", "Q4 2026",
    ];
    let full = |l: &str| (l.to_string(), None);
    let q = |l: &str| (l.to_string(), None::<String>);
    let qy = |l: &str, y: &str| (l.to_string(), Some(y.to_string()));
    // (plot width in px, labels expected: the first line, and the year under it)
    type Labels = Vec<(String, Option<String>)>;
    let cases: Vec<(f64, Labels)> = vec![
        // A desktop card: every label on one line.
        (560.0, eight.iter().map(|l| full(l)).collect()),
        // A phone of 390 px (plot 274 px): the quarter, and the year where it changes.
        (
            274.0,
            vec![
                qy("Q1", "2025"),
                q("Q2"),
                q("Q3"),
                q("Q4"),
                qy("Q1", "2026"),
                q("Q2"),
                q("Q3"),
                q("Q4"),
            ],
        ),
        // A phone of 360 px: every other quarter.
        (
            244.0,
            vec![
                qy("Q1", "2025"),
                q(""),
                q("Q3"),
                q(""),
                qy("Q1", "2026"),
                q(""),
                q("Q3"),
                q(""),
            ],
        ),
    ];
    for (width, want) in cases {
        assert_eq!(quarter_labels(&eight, width), want, "plot {width} px wide");
    }
    // Starting mid-year, the first label shown carries its year.
    let from_q3 = [
        "Q3 2025", "Q4 2025", "Q1 2026", "Q2 2026", "Q3 2026", "Q4 2026", "Q1 2027", "Q2 2027",
    ];
    let got = quarter_labels(&from_q3, 274.0);
    assert_eq!(got[0], qy("Q3", "2025"));
    assert_eq!(got[2], qy("Q1", "2026"));
    assert_eq!(got[6], qy("Q1", "2027"));
    // The drawn chart at phone width writes no label of two words.
    let rows: Vec<(String, Option<f64>, Option<f64>)> = eight
        .iter()
        .map(|l| (l.to_string(), Some(1.0), Some(0.97)))
        .collect();
    let svg = retention_svg(&rows, 328, 240);
    assert!(!svg.contains("\nQ1 2025\n"), "{svg}");
    assert!(svg.contains("\nQ2\n") && svg.contains("\n2026\n"), "{svg}");
    let wide = retention_svg(&rows, 620, 240);
    assert!(wide.contains("\nQ1 2025\n"), "{wide}");
    // Its text alternative still names every quarter.
    assert!(svg.contains("Q2 2026: NRR 100%, GRR 97%"), "{svg}");
}

/// The chart's text alternative writes each figure as the KPI tiles do (one decimal,
/// never rounded onto 100%), and each target line carries its figure.
#[test]
fn the_retention_chart_writes_figures_as_the_tiles_do() {
    use am_planner::charts::retention::retention_svg;
    use am_planner::domain::kpi::percent;
    let rows = vec![
        ("Q3 2026".to_string(), Some(1.0833), Some(0.9996)),
        ("Q4 2026".to_string(), None, None),
    ];
    let svg = retention_svg(&rows, 620, 240);
    assert_eq!(percent(0.9996), "99.9%");
    assert!(
        svg.contains("Q3 2026: NRR 108.3%, GRR 99.9%; Q4 2026: NRR no starting ARR"),
        "{svg}"
    );
    assert!(
        svg.contains("targets: NRR above 110%, GRR above 95%"),
        "{svg}"
    );
    assert!(svg.contains("\n110%\n") && svg.contains("\n95%\n"), "{svg}");
}

/// A KPI figure is written to one decimal, a whole one without it, and never rounded onto
/// 100% from either side: a retention that lost anything reads under 100%.
#[test]
fn percentages_are_written_to_one_decimal_and_never_rounded_onto_100() {
    for (x, want) in [
        (1.0, "100%"),
        (0.25, "25%"),
        (0.0625, "6.3%"),
        (1.083, "108.3%"),
        (1.1333333, "113.3%"),
        (0.99671, "99.7%"),
        (0.9996, "99.9%"),
        (0.99999, "99.9%"),
        (1.00001, "100.1%"),
        (1.0004, "100.1%"),
        (0.0065, "0.7%"),
        (0.0, "0%"),
        (2.5, "250%"),
    ] {
        assert_eq!(percent(x), want, "{x}");
    }
}

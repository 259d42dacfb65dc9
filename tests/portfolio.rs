//! The portfolio query (docs/domain.md#portfolio-view): every filter, the sort on every
//! column with empty values last in both directions and a stable tie-break, the page
//! address read and written, and the summary figures; at 1 and 1,000 accounts.

use std::collections::HashMap;

use am_planner::domain::portfolio::*;
use am_planner::domain::{AccountId, Tier, Workspace};
use am_planner::format::decode;
use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use serde_json::{json, Value};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 1).unwrap()
}

fn iso(offset: i64) -> String {
    let d = if offset >= 0 {
        today().checked_add_days(Days::new(offset as u64))
    } else {
        today().checked_sub_days(Days::new((-offset) as u64))
    };
    d.unwrap().format("%Y-%m-%d").to_string()
}

/// One account of the test workspace.
struct A {
    name: &'static str,
    arr: f64,
    /// Days from today; `None` for no renewal date.
    renewal: Option<i64>,
    owner: &'static str,
    industry: &'static str,
    /// (days ago, seat usage %) check-ins, oldest first.
    checkins: &'static [(i64, f64)],
    /// How many people are mapped (each a supporter with a different owner).
    people: u32,
}

const fn a(name: &'static str, arr: f64) -> A {
    A {
        name,
        arr,
        renewal: None,
        owner: "",
        industry: "",
        checkins: &[],
        people: 0,
    }
}

fn workspace(accounts: &[A]) -> Workspace {
    let list: Vec<Value> = accounts
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let snapshots: Vec<Value> = x
                .checkins
                .iter()
                .map(|(ago, usage)| json!({ "date": iso(-ago), "seat_usage_pct": usage }))
                .collect();
            let people: Vec<Value> = (1..=x.people)
                .map(|p| {
                    json!({
                        "id": p, "name": format!("P{p}"), "influence": 1 + p % 5,
                        "sentiment": "supporter", "roles": [], "owner": format!("O{p}"),
                        "last_contact": iso(-1),
                    })
                })
                .collect();
            json!({
                "id": i + 1, "name": x.name, "arr": x.arr, "owner": x.owner,
                "industry": x.industry,
                "renewal_date": x.renewal.map(iso),
                "health": { "snapshots": snapshots },
                "stakeholders": { "people": people, "last_reviewed": iso(-1) },
            })
        })
        .collect();
    let doc = json!({
        "format": "am-planner-workspace", "version": 1,
        "workspace": { "currency": "EUR", "accounts": list },
    });
    decode(&doc.to_string(), read_day()).unwrap().workspace
}

fn facts(ws: &Workspace) -> HashMap<AccountId, Facts> {
    let health = health_by_account(ws, today());
    facts_of(ws, &ws.tiers(), &health, today())
}

fn names(ws: &Workspace, ids: &[AccountId]) -> Vec<String> {
    ids.iter()
        .map(|id| ws.account(*id).unwrap().fields.name.clone())
        .collect()
}

fn run(ws: &Workspace, q: &PortfolioQuery) -> Vec<String> {
    let f = facts(ws);
    names(ws, &query(f.values(), q, today()))
}

fn sorted(ws: &Workspace, column: Column, ascending: bool) -> Vec<String> {
    run(
        ws,
        &PortfolioQuery {
            filter: Filter::default(),
            sort: Sort { column, ascending },
        },
    )
}

fn filtered(ws: &Workspace, filter: Filter) -> Vec<String> {
    run(
        ws,
        &PortfolioQuery {
            filter,
            sort: Sort {
                column: Column::Name,
                ascending: true,
            },
        },
    )
}

/// Five accounts with values and gaps in every column.
fn sample() -> Workspace {
    workspace(&[
        A {
            renewal: Some(20),
            owner: "Sam Okafor",
            industry: "Retail",
            // Red now, green a week ago: declining, trend -60-ish.
            checkins: &[(10, 95.0), (3, 20.0)],
            people: 1,
            ..a("Cobalt", 50_000.0)
        },
        A {
            renewal: Some(-5),
            owner: "priya nair",
            industry: "Energy",
            // Yellow and stale.
            checkins: &[(40, 60.0)],
            people: 4,
            ..a("Fjord", 200_000.0)
        },
        A {
            renewal: Some(150),
            owner: "Priya Nair",
            industry: "Software",
            // Green, rising.
            checkins: &[(9, 60.0), (2, 90.0)],
            people: 4,
            ..a("Orbit", 120_000.0)
        },
        // No renewal date, no owner, no score, nobody mapped.
        a("Brightpath", 80_000.0),
        A {
            renewal: Some(90),
            owner: "Sam Okafor",
            industry: "Logistics",
            checkins: &[(1, 85.0)],
            people: 4,
            ..a("Northwind", 50_000.0)
        },
    ])
}

#[test]
fn every_column_sorts_both_ways_with_empty_values_last() {
    let ws = sample();
    // (column, ascending order, descending order)
    let cases: &[(Column, &[&str], &[&str])] = &[
        (
            Column::Name,
            &["Brightpath", "Cobalt", "Fjord", "Northwind", "Orbit"],
            &["Orbit", "Northwind", "Fjord", "Cobalt", "Brightpath"],
        ),
        (
            // Tier 1 first, larger ARR first inside a tier; the 50,000 tie by name.
            Column::Tier,
            &["Fjord", "Orbit", "Brightpath", "Cobalt", "Northwind"],
            &["Cobalt", "Northwind", "Brightpath", "Orbit", "Fjord"],
        ),
        (
            Column::Arr,
            &["Cobalt", "Northwind", "Brightpath", "Orbit", "Fjord"],
            &["Fjord", "Orbit", "Brightpath", "Cobalt", "Northwind"],
        ),
        (
            Column::Health,
            &["Cobalt", "Fjord", "Northwind", "Orbit", "Brightpath"],
            &["Northwind", "Orbit", "Fjord", "Cobalt", "Brightpath"],
        ),
        (
            // Only two accounts have two check-ins; the others have no trend.
            Column::Trend,
            &["Cobalt", "Orbit", "Brightpath", "Fjord", "Northwind"],
            &["Orbit", "Cobalt", "Brightpath", "Fjord", "Northwind"],
        ),
        (
            // Cobalt is declining, Fjord stale: one flag each.
            Column::Flags,
            &["Brightpath", "Northwind", "Orbit", "Cobalt", "Fjord"],
            &["Cobalt", "Fjord", "Brightpath", "Northwind", "Orbit"],
        ),
        (
            Column::Renewal,
            &["Fjord", "Cobalt", "Northwind", "Orbit", "Brightpath"],
            &["Orbit", "Northwind", "Cobalt", "Fjord", "Brightpath"],
        ),
        (
            Column::Owner,
            &["Fjord", "Orbit", "Cobalt", "Northwind", "Brightpath"],
            &["Cobalt", "Northwind", "Fjord", "Orbit", "Brightpath"],
        ),
    ];
    for (column, asc, desc) in cases {
        assert_eq!(sorted(&ws, *column, true), *asc, "{column:?} ascending");
        assert_eq!(sorted(&ws, *column, false), *desc, "{column:?} descending");
    }
}

#[test]
fn next_milestone_sorts_by_what_comes_due_first_and_no_date_last() {
    let ws = sample();
    let asc = sorted(&ws, Column::NextMilestone, true);
    // Cobalt renews in 20 days: its first milestone fell due long ago. Fjord's renewal
    // date passed 5 days ago and counts by that date.
    let pos = |n: &str| asc.iter().position(|x| x == n).unwrap();
    assert_eq!(asc.first().unwrap(), "Cobalt", "the longest overdue first");
    assert!(
        pos("Fjord") < pos("Orbit"),
        "a passed renewal before a future milestone"
    );
    assert_eq!(asc.last().unwrap(), "Brightpath", "no renewal date last");
    let desc = sorted(&ws, Column::NextMilestone, false);
    assert_eq!(
        desc.last().unwrap(),
        "Brightpath",
        "no renewal date last either way"
    );
}

#[test]
fn risks_sort_by_count_and_tie_by_name() {
    let ws = sample();
    let f = facts(&ws);
    let asc = sorted(&ws, Column::Risks, true);
    let counts: Vec<usize> = asc
        .iter()
        .map(|n| {
            f.values()
                .find(|x| &x.name == n)
                .map(|x| x.risks.count())
                .unwrap()
        })
        .collect();
    assert!(
        counts.windows(2).all(|w| w[0] <= w[1]),
        "{asc:?} {counts:?}"
    );
    for pair in asc.windows(2).zip(counts.windows(2)) {
        if pair.1[0] == pair.1[1] {
            assert!(
                pair.0[0] < pair.0[1],
                "equal counts keep name order: {asc:?}"
            );
        }
    }
}

#[test]
fn ties_fall_back_to_name_then_id_in_both_directions() {
    let ws = workspace(&[
        a("Same", 10.0),
        a("beta", 10.0),
        a("Alpha", 10.0),
        a("Same", 10.0),
    ]);
    let f = facts(&ws);
    for ascending in [true, false] {
        let q = PortfolioQuery {
            filter: Filter::default(),
            sort: Sort {
                column: Column::Arr,
                ascending,
            },
        };
        let ids = query(f.values(), &q, today());
        assert_eq!(
            ids,
            vec![AccountId(3), AccountId(2), AccountId(1), AccountId(4)],
            "name ignoring case, then id (ascending: {ascending})"
        );
    }
}

#[test]
fn each_filter() {
    let ws = sample();
    let all = || Filter::default();
    let cases: Vec<(&str, Filter, &[&str])> = vec![
        (
            "nothing",
            all(),
            &["Brightpath", "Cobalt", "Fjord", "Northwind", "Orbit"],
        ),
        (
            "text in the name, any case",
            Filter {
                text: "  ORB ".into(),
                ..all()
            },
            &["Orbit"],
        ),
        (
            "text in the industry",
            Filter {
                text: "energy".into(),
                ..all()
            },
            &["Fjord"],
        ),
        (
            "text in the owner",
            Filter {
                text: "okafor".into(),
                ..all()
            },
            &["Cobalt", "Northwind"],
        ),
        (
            "tier 1",
            Filter {
                tier: Some(Tier::Strategic),
                ..all()
            },
            &["Fjord"],
        ),
        (
            "tier 3",
            Filter {
                tier: Some(Tier::LongTail),
                ..all()
            },
            &["Cobalt", "Northwind"],
        ),
        (
            "red band",
            Filter {
                band: BandFilter::from_key("red").unwrap(),
                ..all()
            },
            &["Cobalt"],
        ),
        (
            "green band",
            Filter {
                band: BandFilter::from_key("green").unwrap(),
                ..all()
            },
            &["Northwind", "Orbit"],
        ),
        (
            "no score",
            Filter {
                band: BandFilter::NoScore,
                ..all()
            },
            &["Brightpath"],
        ),
        (
            "declining",
            Filter {
                declining: true,
                ..all()
            },
            &["Cobalt"],
        ),
        (
            "stale",
            Filter {
                stale: true,
                ..all()
            },
            &["Fjord"],
        ),
        (
            "single-threaded",
            Filter {
                single_threaded: true,
                ..all()
            },
            // Nobody mapped counts as single-threaded too.
            &["Brightpath", "Cobalt"],
        ),
        (
            "owner, ignoring case",
            Filter {
                owner: Some("PRIYA NAIR".into()),
                ..all()
            },
            &["Fjord", "Orbit"],
        ),
        (
            "renews within 30 days",
            Filter {
                renewal: RenewalWindow::Within(30),
                ..all()
            },
            &["Cobalt"],
        ),
        (
            "renews within 90 days (the 90th day included)",
            Filter {
                renewal: RenewalWindow::Within(90),
                ..all()
            },
            &["Cobalt", "Northwind"],
        ),
        (
            "renews within 180 days",
            Filter {
                renewal: RenewalWindow::Within(180),
                ..all()
            },
            &["Cobalt", "Northwind", "Orbit"],
        ),
        (
            "renewal passed",
            Filter {
                renewal: RenewalWindow::Passed,
                ..all()
            },
            &["Fjord"],
        ),
        (
            "filters combine",
            Filter {
                owner: Some("Sam Okafor".into()),
                band: BandFilter::from_key("green").unwrap(),
                ..all()
            },
            &["Northwind"],
        ),
        (
            "nothing matches",
            Filter {
                text: "zzz".into(),
                ..all()
            },
            &[],
        ),
    ];
    for (what, filter, expected) in cases {
        assert_eq!(filtered(&ws, filter), expected, "{what}");
    }
}

#[test]
fn the_page_address_is_read_leniently_and_written_without_defaults() {
    let read = |s: &str| {
        let pairs: Vec<(&str, &str)> = s
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| p.split_once('=').unwrap_or((p, "")))
            .collect();
        PortfolioQuery::from_pairs(pairs)
    };
    let q = read("q=north&tier=1&band=red&declining=1&stale=1&single=1&owner=Sam&renewal=90&sort=arr&dir=desc");
    assert_eq!(q.filter.text, "north");
    assert_eq!(q.filter.tier, Some(Tier::Strategic));
    assert_eq!(q.filter.band, BandFilter::from_key("red").unwrap());
    assert!(q.filter.declining && q.filter.stale && q.filter.single_threaded);
    assert_eq!(q.filter.owner.as_deref(), Some("Sam"));
    assert_eq!(q.filter.renewal, RenewalWindow::Within(90));
    assert_eq!(
        q.sort,
        Sort {
            column: Column::Arr,
            ascending: false
        }
    );

    // Unreadable values are ignored, one by one; the rest still applies.
    let bad = read("band=purple&tier=7&renewal=45&sort=color&dir=sideways&declining=yes&q=x");
    assert_eq!(
        bad,
        PortfolioQuery {
            filter: Filter {
                text: "x".into(),
                ..Filter::default()
            },
            sort: Sort::default(),
        }
    );
    assert_eq!(read(""), PortfolioQuery::default());
    assert_eq!(read("tier=&owner=  &junk"), PortfolioQuery::default());

    // The plain portfolio has a plain address.
    assert!(PortfolioQuery::default().to_pairs().is_empty());
    assert_eq!(
        PortfolioQuery {
            sort: Sort {
                column: Column::Owner,
                ascending: true
            },
            ..Default::default()
        }
        .to_pairs(),
        vec![("sort", "owner".to_string()), ("dir", "asc".to_string())]
    );
}

fn arb_query() -> impl Strategy<Value = PortfolioQuery> {
    (
        "[a-zA-Z0-9 &=%é]{0,8}",
        prop::option::of(prop::sample::select(Tier::ALL.to_vec())),
        prop::sample::select(BandFilter::ALL.to_vec()),
        any::<(bool, bool, bool)>(),
        prop::option::of("[A-Za-z][A-Za-z ]{0,6}[A-Za-z]"),
        prop::sample::select(RenewalWindow::ALL.to_vec()),
        prop::sample::select(Column::ALL.to_vec()),
        any::<bool>(),
    )
        .prop_map(
            |(text, tier, band, (declining, stale, single), owner, renewal, column, ascending)| {
                PortfolioQuery {
                    filter: Filter {
                        text,
                        tier,
                        band,
                        declining,
                        stale,
                        single_threaded: single,
                        owner,
                        renewal,
                    },
                    sort: Sort { column, ascending },
                }
            },
        )
}

proptest! {
    #[test]
    fn the_address_reads_back_what_it_wrote(q in arb_query()) {
        let pairs = q.to_pairs();
        let back = PortfolioQuery::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())));
        prop_assert_eq!(back, q);
    }
}

#[test]
fn summary_counts_the_whole_workspace() {
    let ws = sample();
    let s = summary(facts(&ws).values(), today());
    assert_eq!(s.accounts, 5);
    assert_eq!(s.total_arr, 500_000.0);
    // Cobalt (20 days) and Northwind (day 90); Fjord has passed, Orbit is later.
    assert_eq!(s.arr_renewing_90, 100_000.0);
    assert_eq!(s.tier1, 1);
    let empty = summary(std::iter::empty(), today());
    assert_eq!((empty.accounts, empty.total_arr, empty.tier1), (0, 0.0, 0));
}

#[test]
fn one_account() {
    let ws = workspace(&[A {
        renewal: Some(10),
        ..a("Solo", 1.0)
    }]);
    for column in Column::ALL {
        for ascending in [true, false] {
            assert_eq!(sorted(&ws, column, ascending), ["Solo"], "{column:?}");
        }
    }
    let s = summary(facts(&ws).values(), today());
    assert_eq!((s.accounts, s.tier1), (1, 1));
}

#[test]
fn a_thousand_accounts() {
    let big: Vec<A> = (0..1000)
        .map(|i| A {
            // 100 ARR values, so ties are common; every 10th has no renewal date.
            arr: f64::from(i % 100) * 1000.0,
            renewal: (i % 10 != 0).then_some(i64::from(i % 400) - 30),
            owner: ["Sam", "Priya", "Lena", ""][i as usize % 4],
            ..a(Box::leak(format!("Account {i:04}").into_boxed_str()), 0.0)
        })
        .collect();
    let ws = workspace(&big);
    let f = facts(&ws);
    let by = |column, ascending| {
        query(
            f.values(),
            &PortfolioQuery {
                filter: Filter::default(),
                sort: Sort { column, ascending },
            },
            today(),
        )
    };
    let arr_of = |id: &AccountId| ws.account(*id).unwrap().fields.arr;
    let desc = by(Column::Arr, false);
    assert_eq!(desc.len(), 1000);
    for w in desc.windows(2) {
        let (x, y) = (arr_of(&w[0]), arr_of(&w[1]));
        assert!(x > y || (x == y && w[0] < w[1]), "ARR then id: {w:?}");
    }
    let renewal = by(Column::Renewal, false);
    let missing = renewal
        .iter()
        .skip_while(|id| ws.account(**id).unwrap().fields.renewal_date.is_some())
        .count();
    assert_eq!(missing, 100, "the 100 without a date come last, together");
    let owner_q = PortfolioQuery {
        filter: Filter {
            owner: Some("sam".into()),
            renewal: RenewalWindow::Within(30),
            ..Filter::default()
        },
        sort: Sort::default(),
    };
    let hits = query(f.values(), &owner_q, today());
    let expected = (0..1000u32)
        .filter(|i| i % 4 == 0 && i % 10 != 0 && (30..=60).contains(&(i % 400)))
        .count();
    assert_eq!(hits.len(), expected);
    let s = summary(f.values(), today());
    assert_eq!(s.accounts, 1000);
    assert_eq!(s.tier1, 150, "top 15%");
}

/// The day files are read on in these tests (an older file's ARR history starts then).
#[allow(dead_code)]
fn read_day() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

//! Small rules the renewal screens need (form parsing) and the renewal part of the demo
//! workspace, checked on several days (month end, leap day, new year).

mod common;
use am_planner::demo::demo_workspace;
use am_planner::domain::account::timeline_of;
use am_planner::domain::expansion::{parse_estimated_arr, Stage};
use am_planner::domain::renewal::{
    next_renewal_suggestion, parse_done_on, MilestoneKind, RenewalStatus, TaskKey,
};
use am_planner::domain::{AccountFields, FieldError, Workspace};
use am_planner::format::{decode, encode};
use common::read_day;

use common::date as d;

#[test]
fn done_on_parsing() {
    let today = d("2028-02-29");
    let cases: &[(&str, Result<&str, &str>)] = &[
        ("2028-02-29", Ok("2028-02-29")),
        (" 2028-02-01 ", Ok("2028-02-01")),
        ("1999-12-31", Ok("1999-12-31")),
        ("", Err("Pick the day it was done, or untick it.")),
        ("   ", Err("Pick the day it was done, or untick it.")),
        (
            "2028-03-01",
            Err("1 Mar 2028 is in the future: pick today or an earlier day."),
        ),
        (
            "2027-02-29",
            Err("\"2027-02-29\" is not a date: February 2027 has 28 days."),
        ),
        (
            "29/02/2028",
            Err("\"29/02/2028\" is not a date; write it as YYYY-MM-DD, e.g. 2027-03-01."),
        ),
    ];
    for (text, want) in cases {
        let got = parse_done_on(text, today);
        let want = want.map(d).map_err(FieldError::bare);
        assert_eq!(got, want, "input {text:?}");
    }
}

#[test]
fn estimated_arr_parsing() {
    let cases: &[(&str, Result<f64, &str>)] = &[
        ("", Ok(0.0)),
        ("0", Ok(0.0)),
        ("40000", Ok(40_000.0)),
        ("40,000", Ok(40_000.0)),
        (" 1 250.50 ", Ok(1_250.5)),
        ("1000000000000", Ok(1e12)),
        ("-1", Err("Estimated ARR cannot be negative.")),
        (
            "1000000000001",
            Err("Estimated ARR is above a trillion: check the number of zeros."),
        ),
        (
            "40k",
            Err("\"40k\" is not an amount: type digits only, e.g. 40000."),
        ),
        (
            "1.2.3",
            Err("\"1.2.3\" is not an amount: type digits only, e.g. 40000."),
        ),
        (
            ".",
            Err("\".\" is not an amount: type digits only, e.g. 40000."),
        ),
        (
            "-",
            Err("\"-\" is not an amount: type digits only, e.g. 40000."),
        ),
    ];
    for (text, want) in cases {
        let got = parse_estimated_arr(text);
        assert_eq!(got, want.map_err(FieldError::bare), "input {text:?}");
    }
}

#[test]
fn demo_renewals_tell_the_intended_story_on_any_day() {
    for today in ["2026-11-22", "2028-02-29", "2027-01-01", "2027-03-31"] {
        let today = d(today);
        let ws = demo_workspace(today);
        let by_name = |n: &str| {
            ws.accounts()
                .iter()
                .find(|a| a.fields.name == n)
                .unwrap_or_else(|| panic!("{n} in the demo"))
        };
        let status = |n: &str| timeline_of(by_name(n)).unwrap().status(today);
        use RenewalStatus::*;
        let want = [
            ("Northwind Logistics", OnTrack),
            ("Helix Biotech", OnTrack),
            ("Cobalt Retail Group", Overdue),
            ("Fjord Energy", OnTrack),
            ("Brightpath Learning", Late),
            ("Quarry & Vale Legal", OnTrack),
            ("Tidewater Hospitality", OnTrack),
            ("Orbit Analytics", Critical),
        ];
        for (name, s) in want {
            assert_eq!(status(name), s, "{name} on {today}");
        }

        let nw = timeline_of(by_name("Northwind Logistics")).unwrap();
        assert_eq!(
            nw.milestones.len(),
            6,
            "early start and enterprise: T-180 to T-7"
        );
        assert_eq!(nw.late_tasks(today).len(), 1, "one T-90 task late");
        assert!(nw.notice_deadline.is_some());
        assert!(by_name("Northwind Logistics")
            .expansion
            .roi_warning()
            .is_some());

        assert_eq!(
            ws.accounts()
                .iter()
                .filter(|a| a.renewal.auto_renew)
                .count(),
            1
        );
        assert_eq!(
            ws.accounts()
                .iter()
                .filter(|a| a.renewal.early_start)
                .count(),
            1
        );
        assert!(
            ws.accounts()
                .iter()
                .filter(|a| a.renewal.notice_days().is_some())
                .count()
                >= 5
        );
        let helix = by_name("Helix Biotech");
        assert!(helix
            .expansion
            .readiness(helix.fields.renewal_date, today)
            .is_ready());
        let opps: usize = ws
            .accounts()
            .iter()
            .map(|a| a.expansion.opportunities().len())
            .sum();
        assert_eq!(opps, 4);
        assert!(ws
            .accounts()
            .iter()
            .flat_map(|a| a.expansion.opportunities())
            .all(|o| o.stage() != Stage::Lost));

        // One open save plan, on Brightpath, with leadership told (ARR above 50,000) and
        // the root-cause meeting overdue.
        let open: Vec<_> = ws
            .accounts()
            .iter()
            .filter(|a| a.save_plans.current().is_some())
            .collect();
        assert_eq!(open.len(), 1);
        assert_eq!(open[0].fields.name, "Brightpath Learning");
        let plan = open[0].save_plans.current().unwrap();
        assert!(plan.notify_leadership());
        assert_eq!(plan.done_steps().count(), 3);
        assert_eq!(plan.overdue_steps(today).len(), 1);

        // The file carries all of it.
        let back = decode(&encode(&ws, None), read_day()).unwrap().workspace;
        assert_eq!(back.accounts(), ws.accounts());
    }
}

/// Editing the renewal date on the Overview: moving on from a passed renewal starts a new
/// term (ticks cleared); correcting a date still ahead keeps them.
#[test]
fn renewal_date_edits_start_a_new_cycle_only_after_a_passed_renewal() {
    let today = common::today();
    let day = |n: i64| today + chrono::Duration::days(n);
    // (old renewal, new renewal, ticks cleared)
    let cases: &[(Option<i64>, Option<i64>, bool)] = &[
        (Some(-20), Some(345), true),
        (Some(-1), Some(1), true),
        (Some(-20), Some(0), false),
        (Some(-20), Some(-5), false),
        (Some(30), Some(40), false),
        (Some(30), Some(400), false),
        (Some(0), Some(365), false),
        (Some(-20), None, false),
    ];
    for &(old, new, cleared) in cases {
        let mut ws = Workspace::default();
        let id = ws
            .add_account(
                AccountFields {
                    name: "Acme".into(),
                    arr: 50_000.0,
                    renewal_date: old.map(day),
                    ..Default::default()
                },
                read_day(),
            )
            .unwrap();
        let key = TaskKey::Default(
            MilestoneKind::T90,
            MilestoneKind::T90.default_tasks()[0].key,
        );
        ws.account_mut(id)
            .unwrap()
            .renewal
            .tick(key, day(-30), today)
            .unwrap();
        let mut f = ws.account(id).unwrap().fields.clone();
        f.renewal_date = new.map(day);
        assert_eq!(
            ws.update_fields_on(id, f, None, today),
            Ok(cleared),
            "{old:?} -> {new:?}"
        );
        let ticked = ws.account(id).unwrap().renewal.done_on(key).is_some();
        assert_eq!(ticked, !cleared, "{old:?} -> {new:?}");
        assert_eq!(ws.account(id).unwrap().fields.renewal_date, new.map(day));
    }
}

#[test]
fn the_next_renewal_suggested_is_the_first_anniversary_ahead_of_today() {
    let today = d("2026-11-22");
    let cases: &[(&str, &str)] = &[
        // Still ahead: suggested as it is.
        ("2026-11-23", "2026-11-23"),
        ("2027-05-01", "2027-05-01"),
        // Today or past: moved on by whole years until ahead.
        ("2026-11-22", "2027-11-22"),
        ("2026-10-31", "2027-10-31"),
        ("2024-11-23", "2026-11-23"),
        ("2024-11-22", "2027-11-22"),
        // A leap day moves to the 28th in years without one.
        ("2024-02-29", "2027-02-28"),
    ];
    for (renewal, want) in cases {
        assert_eq!(
            next_renewal_suggestion(d(renewal), today),
            d(want),
            "renewal {renewal}"
        );
    }
}

#[test]
fn starting_the_next_cycle_sets_the_date_clears_the_ticks_or_changes_nothing() {
    let today = d("2026-11-22");
    let key = TaskKey::Default(
        MilestoneKind::T90,
        MilestoneKind::T90.default_tasks()[0].key,
    );
    let account = || {
        let mut ws = Workspace::default();
        let id = ws
            .add_account(
                AccountFields {
                    name: "Acme".into(),
                    arr: 50_000.0,
                    contract_start: Some(d("2025-11-01")),
                    renewal_date: Some(d("2026-11-01")),
                    ..Default::default()
                },
                today,
            )
            .unwrap();
        let mut a = ws.account(id).unwrap().clone();
        a.renewal.tick(key, d("2026-08-01"), today).unwrap();
        a
    };
    let cases: &[(&str, Result<&str, &str>)] = &[
        ("2027-11-01", Ok("2027-11-01")),
        (" 2026-11-23 ", Ok("2026-11-23")),
        (
            "2026-11-22",
            Err("22 Nov 2026 is not ahead of today: pick the date the new term renews."),
        ),
        (
            "2026-01-01",
            Err("1 Jan 2026 is not ahead of today: pick the date the new term renews."),
        ),
        ("", Err("Pick a date.")),
        (
            "next year",
            Err("\"next year\" is not a date; write it as YYYY-MM-DD, e.g. 2027-03-01."),
        ),
    ];
    for (text, want) in cases {
        let mut a = account();
        let before = a.clone();
        let got = a.start_next_cycle(text, today);
        assert_eq!(got, want.map(d).map_err(FieldError::bare), "{text:?}");
        match got {
            Ok(day) => {
                assert_eq!(a.fields.renewal_date, Some(day));
                assert_eq!(
                    a.renewal.done_on(key),
                    None,
                    "the old term's ticks are cleared"
                );
            }
            Err(_) => assert_eq!(a, before, "a refused date changes nothing"),
        }
    }
    // The account's own rules still hold: a renewal before the contract start is refused.
    let mut a = account();
    a.fields.contract_start = Some(d("2030-01-01"));
    let before = a.clone();
    assert_eq!(
        a.start_next_cycle("2027-11-01", today),
        Err(FieldError::bare(
            "The renewal date (1 Nov 2027) is before the contract start (1 Jan 2030)."
        ))
    );
    assert_eq!(a, before);
}

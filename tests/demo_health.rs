//! The demo's health data shows every case the screens handle, whatever day it is opened.

use am_planner::demo::demo_workspace;
use am_planner::domain::health::{account_health, Band, Decline, HealthSummary};
use chrono::NaiveDate;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn summaries(today: NaiveDate) -> Vec<(String, HealthSummary)> {
    let ws = demo_workspace(today);
    let w = ws.settings.health.weights();
    ws.accounts()
        .iter()
        .map(|a| (a.fields.name.clone(), account_health(&a.health, w, today)))
        .collect()
}

fn of<'a>(all: &'a [(String, HealthSummary)], name: &str) -> &'a HealthSummary {
    &all.iter().find(|(n, _)| n == name).unwrap().1
}

#[test]
fn demo_health_shows_every_case() {
    for today in ["2026-11-22", "2028-02-29", "2027-01-01", "2026-03-01"] {
        let today = d(today);
        let all = summaries(today);
        let bands: Vec<Option<Band>> = all.iter().map(|(_, s)| s.band()).collect();
        for b in Band::ALL {
            assert!(bands.contains(&Some(b)), "{today}: some account is {b:?}");
        }
        assert!(bands.contains(&None), "{today}: one account has no score");
        assert!(all.iter().any(|(_, s)| s.declining()), "{today}: declining");
        assert!(all.iter().any(|(_, s)| s.stale), "{today}: stale");
        assert!(
            all.iter().any(|(_, s)| s.incomplete()),
            "{today}: incomplete"
        );

        // The stories the notes tell.
        let northwind = of(&all, "Northwind Logistics");
        assert_eq!(northwind.value(), Some(52.5));
        assert!(matches!(northwind.decline, Some(Decline::Fell { from, .. }) if from == 85.0));
        assert!(!northwind.stale);
        let brightpath = of(&all, "Brightpath Learning");
        assert_eq!(brightpath.band(), Some(Band::Red));
        assert!(matches!(
            brightpath.decline,
            Some(Decline::DroppedBand {
                from: Band::Yellow,
                to: Band::Red,
                ..
            })
        ));
        let fjord = of(&all, "Fjord Energy");
        assert!(fjord.stale && !fjord.declining());
        assert_eq!(fjord.days_since_update, Some(38));
        let quarry = of(&all, "Quarry & Vale Legal");
        assert!(quarry.incomplete());
        assert_eq!(quarry.value(), Some(61.5));
        let cobalt = of(&all, "Cobalt Retail Group");
        assert_eq!(cobalt.band(), Some(Band::Red));
        assert!(!cobalt.declining(), "red for months is not newly declining");
        assert!(of(&all, "Orbit Analytics").score.is_none());
        assert!(!of(&all, "Orbit Analytics").stale);
        for (name, s) in &all {
            if let Some(days) = s.days_since_update {
                assert!(days >= 0, "{name}: no check-in in the future");
            }
        }

        // Every history spans a few months, one check-in a day at most.
        let ws = demo_workspace(today);
        for a in ws.accounts() {
            if let Some(first) = a.health.snapshots().first() {
                let span = (today - first.date).num_days();
                assert!((60..=125).contains(&span), "{}: {span} days", a.fields.name);
                assert!(a.health.len() >= 3);
            }
        }
        let changes = ws.settings.health.change_dates();
        assert_eq!(changes.len(), 1);
        assert!(ws.settings.health.weights().is_default());
    }
}

//! The demo stakeholder maps show each situation the Stakeholders tab is built for, on any
//! day: a clean map, single-threaded, champion gone, a thin Tier 1, a map never reviewed,
//! an empty map, and reports-to chains.

use am_planner::demo::demo_workspace;
use am_planner::domain::stakeholders::{assess, RiskKind};
use am_planner::domain::Tier;
use chrono::NaiveDate;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn demo_maps_cover_every_situation_on_any_day() {
    for today in ["2026-11-22", "2028-02-29", "2027-01-01"] {
        let today = d(today);
        let ws = demo_workspace(today);
        let tiers = ws.tiers();
        let report = |name: &str| {
            let a = ws
                .accounts()
                .iter()
                .find(|a| a.fields.name == name)
                .unwrap_or_else(|| panic!("{name} is in the demo"));
            (a, assess(&a.stakeholders, tiers[&a.id].tier, today))
        };

        let mapped: Vec<usize> = ws
            .accounts()
            .iter()
            .map(|a| a.stakeholders.len())
            .filter(|n| *n > 0)
            .collect();
        assert!(mapped.len() >= 6, "most accounts have a map: {mapped:?}");
        assert!(mapped.iter().all(|n| (3..=8).contains(n)), "{mapped:?}");

        let (_, helix) = report("Helix Biotech");
        assert_eq!(helix.kinds(), vec![], "one clean map to compare with");

        let (_, orbit) = report("Orbit Analytics");
        assert!(orbit.is_single_threaded());

        let (_, brightpath) = report("Brightpath Learning");
        assert!(brightpath.high_churn_risk);
        assert!(brightpath.has(RiskKind::ChampionGone));

        let (fjord, fjord_r) = report("Fjord Energy");
        assert_eq!(tiers[&fjord.id].tier, Tier::Strategic);
        assert!(fjord_r.has(RiskKind::TooFewRelationships));

        let (tidewater, tidewater_r) = report("Tidewater Hospitality");
        assert_eq!(tidewater.stakeholders.last_reviewed(), None);
        assert!(tidewater_r.has(RiskKind::NotReviewed));

        let (northwind, northwind_r) = report("Northwind Logistics");
        assert!(northwind_r.has(RiskKind::InfluentialBlocker));
        assert!(northwind_r.has(RiskKind::OverdueContact));
        assert!(!northwind_r.is_single_threaded());
        let chart = northwind.stakeholders.org_chart();
        assert!(
            chart.rows.iter().any(|r| r.depth >= 2),
            "a reports-to chain"
        );

        let (quarry, _) = report("Quarry & Vale Legal");
        assert!(quarry.stakeholders.is_empty(), "one empty map");

        // Every contact date is in the past and every map checks out as a file would.
        for a in ws.accounts() {
            for p in a.stakeholders.people() {
                assert!(p.fields.last_contact.is_none_or(|c| c <= today));
            }
            let v1: am_planner::format::v1::stakeholders::StakeholdersV1 = (&a.stakeholders).into();
            assert_eq!(v1.into_domain().as_ref(), Ok(&a.stakeholders));
        }
    }
}

//! Expansion: opportunity validation, the readiness checklist (with the computed renewal
//! item), the ROI warning, signals, and the expansion part of the file format.

mod common;
use am_planner::domain::expansion::{
    expansion_signals, Expansion, ExpansionSignal, OpportunityDraft, OpportunityField,
    OpportunityId, OpportunityType, ReadinessItem, ReadinessTicks, RenewalWindow, Stage,
};
use am_planner::domain::{AccountFields, Currency, Workspace};
use am_planner::format::{decode, encode};
use chrono::Duration;
use common::read_day;
use proptest::prelude::*;

use common::date as d;

fn draft(description: &str, arr: f64, stage: Stage) -> OpportunityDraft {
    OpportunityDraft {
        description: description.into(),
        estimated_arr: arr,
        stage,
        ..OpportunityDraft::new(OpportunityType::SeatExpansion)
    }
}

#[test]
fn opportunity_validation() {
    use OpportunityField::*;
    let ok = draft("  200 more seats  ", 40_000.0, Stage::Identified);
    let o = ok.clone().validate(OpportunityId(3)).unwrap();
    assert_eq!(
        (o.id(), o.description(), o.estimated_arr()),
        (OpportunityId(3), "200 more seats", 40_000.0)
    );
    assert_eq!(o.to_draft().validate(OpportunityId(3)).unwrap(), o);

    let cases: Vec<(OpportunityDraft, Vec<(OpportunityField, &str)>)> = vec![
        (
            draft("", 0.0, Stage::Identified),
            vec![(Description, "Say in a few words what the opportunity is.")],
        ),
        (
            draft(&"x".repeat(501), 0.0, Stage::Identified),
            vec![(Description, "Keep the description under 500 characters.")],
        ),
        (
            draft("ok", -0.01, Stage::Identified),
            vec![(EstimatedArr, "Estimated ARR cannot be negative.")],
        ),
        (
            draft("ok", f64::NAN, Stage::Identified),
            vec![(EstimatedArr, "Estimated ARR must be a number.")],
        ),
        (
            draft("ok", f64::INFINITY, Stage::Identified),
            vec![(EstimatedArr, "Estimated ARR must be a number.")],
        ),
        (
            draft("ok", 1.1e12, Stage::Identified),
            vec![(
                EstimatedArr,
                "Estimated ARR is above a trillion: check the number of zeros.",
            )],
        ),
        (
            OpportunityDraft {
                trigger: "t".repeat(301),
                owner: "o".repeat(121),
                ..draft(" ", -1.0, Stage::Won)
            },
            vec![
                (Description, "Say in a few words what the opportunity is."),
                (Trigger, "Keep the trigger under 300 characters."),
                (Owner, "Keep the owner under 120 characters."),
                (EstimatedArr, "Estimated ARR cannot be negative."),
            ],
        ),
    ];
    for (input, want) in cases {
        let got: Vec<(OpportunityField, String)> = input
            .clone()
            .validate(OpportunityId(1))
            .unwrap_err()
            .into_iter()
            .map(|e| (OpportunityField::from_key(&e.path).unwrap(), e.message))
            .collect();
        let want: Vec<(OpportunityField, String)> =
            want.into_iter().map(|(f, m)| (f, m.to_string())).collect();
        assert_eq!(got, want, "{input:?}");
    }
    // Zero ARR is allowed (not estimated yet).
    assert!(draft("ok", 0.0, Stage::Identified)
        .validate(OpportunityId(1))
        .is_ok());
}

#[test]
fn add_update_remove() {
    let mut e = Expansion::default();
    let a = e.add(draft("a", 1.0, Stage::Identified)).unwrap();
    let b = e.add(draft("b", 2.0, Stage::Proposed)).unwrap();
    assert_eq!((a, b), (OpportunityId(1), OpportunityId(2)));
    assert!(e.add(draft("", 1.0, Stage::Identified)).is_err());
    assert_eq!(e.opportunities().len(), 2);
    let mut changed = e.opportunity(a).unwrap().to_draft();
    changed.estimated_arr = -5.0;
    assert!(e.update(a, changed.clone()).is_err());
    assert_eq!(e.opportunity(a).unwrap().estimated_arr(), 1.0);
    changed.estimated_arr = 5.0;
    e.update(a, changed).unwrap();
    assert_eq!(e.opportunity(a).unwrap().estimated_arr(), 5.0);
    e.set_stage(b, Stage::Won);
    assert_eq!((e.open_pipeline_arr(), e.won_arr()), (5.0, 2.0));
    assert_eq!(e.remove(a).map(|o| o.id()), Some(a));
    assert_eq!(
        e.add(draft("c", 0.0, Stage::Identified)).unwrap(),
        OpportunityId(3)
    );
}

#[test]
fn renewal_window_boundaries() {
    let today = d("2026-11-22");
    let cases = [
        (None, RenewalWindow::NoRenewalDate, false),
        (
            Some(today - Duration::days(1)),
            RenewalWindow::Passed { days_ago: 1 },
            false,
        ),
        (Some(today), RenewalWindow::Within { days: 0 }, false),
        (
            Some(today + Duration::days(59)),
            RenewalWindow::Within { days: 59 },
            false,
        ),
        // Exactly 60 days away is within 60 days.
        (
            Some(today + Duration::days(60)),
            RenewalWindow::Within { days: 60 },
            false,
        ),
        (
            Some(today + Duration::days(61)),
            RenewalWindow::Clear { days: 61 },
            true,
        ),
        (
            Some(d("2027-11-22")),
            RenewalWindow::Clear { days: 365 },
            true,
        ),
    ];
    for (renewal, want, clear) in cases {
        let w = RenewalWindow::of(renewal, today);
        assert_eq!(w, want, "{renewal:?}");
        assert_eq!(w.is_clear(), clear, "{renewal:?}");
        assert!(!w.note().is_empty());
    }
    // Across a leap day: 2028-01-01 + 61 days is 2028-03-02.
    assert_eq!(
        RenewalWindow::of(Some(d("2028-03-02")), d("2028-01-01")),
        RenewalWindow::Clear { days: 61 }
    );
    assert_eq!(
        RenewalWindow::of(Some(d("2028-03-01")), d("2028-01-01")),
        RenewalWindow::Within { days: 60 }
    );
}

#[test]
fn readiness_checklist() {
    let today = d("2026-11-22");
    let far = Some(d("2027-06-01"));
    let all = ReadinessTicks {
        roi_documented: true,
        champion_active: true,
        buyer_aware_of_value: true,
        new_use_case_or_team: true,
    };
    // (ticks, renewal, met count, ready)
    let cases = [
        (all, far, 5, true),
        (all, Some(today + Duration::days(60)), 4, false),
        (all, None, 4, false),
        (
            ReadinessTicks {
                roi_documented: false,
                ..all
            },
            far,
            4,
            false,
        ),
        (
            ReadinessTicks {
                champion_active: false,
                ..all
            },
            far,
            4,
            false,
        ),
        (
            ReadinessTicks {
                buyer_aware_of_value: false,
                ..all
            },
            far,
            4,
            false,
        ),
        (
            ReadinessTicks {
                new_use_case_or_team: false,
                ..all
            },
            far,
            4,
            false,
        ),
        (ReadinessTicks::default(), far, 1, false),
        (ReadinessTicks::default(), Some(today), 0, false),
    ];
    for (ticks, renewal, met, ready) in cases {
        let mut e = Expansion::default();
        e.ticks = ticks;
        let r = e.readiness(renewal, today);
        assert_eq!(
            (r.met_count(), r.is_ready()),
            (met, ready),
            "{ticks:?} {renewal:?}"
        );
        let order: Vec<ReadinessItem> = r.items.iter().map(|i| i.0).collect();
        assert_eq!(order, ReadinessItem::ALL);
    }
    assert!(!ReadinessItem::RenewalNotWithin60Days.is_manual());
    assert_eq!(
        ReadinessItem::ALL.iter().filter(|i| i.is_manual()).count(),
        4
    );
}

#[test]
fn roi_warning_by_stage() {
    let cases = [
        (Stage::Identified, false, 0),
        (Stage::Qualifying, false, 1),
        (Stage::Proposed, false, 1),
        (Stage::Won, false, 0),
        (Stage::Lost, false, 0),
        (Stage::Qualifying, true, 0),
        (Stage::Proposed, true, 0),
    ];
    for (stage, roi, warned) in cases {
        let mut e = Expansion::default();
        e.ticks.roi_documented = roi;
        e.add(draft("x", 1.0, stage)).unwrap();
        assert_eq!(e.pursued_without_roi().len(), warned, "{stage:?} roi={roi}");
        assert_eq!(
            e.roi_warning().is_some(),
            warned == 1,
            "{stage:?} roi={roi}"
        );
    }
    let mut e = Expansion::default();
    e.add(draft("x", 1.0, Stage::Qualifying)).unwrap();
    e.add(draft("y", 1.0, Stage::Proposed)).unwrap();
    assert_eq!(
        e.pursued_without_roi(),
        vec![OpportunityId(1), OpportunityId(2)]
    );
    assert!(e.roi_warning().unwrap().starts_with("2 opportunities"));
}

#[test]
fn signals() {
    use ExpansionSignal::*;
    let none = ReadinessTicks::default();
    type Case = (
        Option<f64>,
        Option<u8>,
        ReadinessTicks,
        Vec<ExpansionSignal>,
    );
    let cases: Vec<Case> = vec![
        (None, None, none, vec![]),
        (Some(89.99), Some(8), none, vec![]),
        (
            Some(90.0),
            Some(9),
            none,
            vec![NearPlanLimits { usage_pct: 90.0 }, Promoter { nps: 9 }],
        ),
        (
            Some(100.0),
            Some(10),
            none,
            vec![NearPlanLimits { usage_pct: 100.0 }, Promoter { nps: 10 }],
        ),
        (Some(f64::NAN), Some(11), none, vec![]),
        (
            None,
            None,
            ReadinessTicks {
                roi_documented: true,
                new_use_case_or_team: true,
                ..none
            },
            vec![RoiDocumented, NewUseCaseOrTeam],
        ),
        (
            None,
            None,
            ReadinessTicks {
                champion_active: true,
                buyer_aware_of_value: true,
                ..none
            },
            vec![],
        ),
    ];
    for (usage, nps, ticks, want) in cases {
        let got = expansion_signals(usage, nps, ticks);
        assert_eq!(got, want, "{usage:?} {nps:?} {ticks:?}");
        assert!(got.iter().all(|s| !s.text().is_empty()));
    }
}

#[test]
fn past_target() {
    let mut dr = draft("x", 1.0, Stage::Proposed);
    dr.target_date = Some(d("2026-11-21"));
    let o = dr.clone().validate(OpportunityId(1)).unwrap();
    assert!(!o.is_past_target(d("2026-11-21")));
    assert!(o.is_past_target(d("2026-11-22")));
    dr.stage = Stage::Won;
    assert!(!dr
        .validate(OpportunityId(1))
        .unwrap()
        .is_past_target(d("2027-01-01")));
}

#[test]
fn keys_round_trip() {
    for t in OpportunityType::ALL {
        assert_eq!(OpportunityType::from_key(t.key()), Some(t));
        assert!(!t.typical_trigger().is_empty());
    }
    for s in Stage::ALL {
        assert_eq!(Stage::from_key(s.key()), Some(s));
    }
}

// ---------------------------------------------------------------------------------------
// File format

fn workspace_json(expansion: &str) -> String {
    format!(
        r#"{{"format":"am-planner-workspace","version":1,"workspace":{{"currency":"USD","accounts":[{{"id":1,"name":"Acme","expansion":{expansion}}}]}}}}"#
    )
}

#[test]
fn format_refuses_bad_expansion_values() {
    let p = "workspace.accounts[0].expansion";
    let opp = |extra: &str| {
        format!(r#"{{"opportunities":[{{"id":1,"type":"cross_sell","description":"d"{extra}}}]}}"#)
    };
    let cases: Vec<(String, String, &str)> = vec![
        (opp(r#","estimated_arr":-1"#), format!("{p}.opportunities[0].estimated_arr"), "Estimated ARR cannot be negative."),
        (opp(r#","estimated_arr":2e12"#), format!("{p}.opportunities[0].estimated_arr"), "above a trillion"),
        (opp(r#","estimated_arr":"10k""#), format!("{p}.opportunities[0].estimated_arr"), "found the text \"10k\", but a number is expected here."),
        (r#"{"opportunities":[{"id":1,"type":"cross_sell","description":"  "}]}"#.into(), format!("{p}.opportunities[0].description"), "Say in a few words"),
        (opp(&format!(r#","trigger":"{}""#, "t".repeat(301))), format!("{p}.opportunities[0].trigger"), "under 300 characters"),
        (opp(&format!(r#","owner":"{}""#, "o".repeat(121))), format!("{p}.opportunities[0].owner"), "under 120 characters"),
        (opp(r#","stage":"closed""#), format!("{p}.opportunities[0].stage"), "\"closed\" is not a stage; use one of"),
        (opp(r#","target_date":"2027-13-01""#), format!("{p}.opportunities[0].target_date"), "\"2027-13-01\" is not a date: there is no month 13 (months are 01 to 12)."),
        (r#"{"opportunities":[{"id":1,"type":"upsell","description":"d"}]}"#.into(), format!("{p}.opportunities[0].type"), "\"upsell\" is not a type of opportunity; use one of"),
        (
            r#"{"opportunities":[{"id":1,"type":"cross_sell","description":"a"},{"id":1,"type":"cross_sell","description":"b"}]}"#.into(),
            format!("{p}.opportunities[1].id"),
            "id 1 is used by an earlier opportunity",
        ),
        (r#"{"readiness":{"renewal_not_within_60_days":true}}"#.into(), format!("{p}.readiness.renewal_not_within_60_days"), "is not a field the planner knows"),
        (r#"{"ready":true}"#.into(), format!("{p}.ready"), "is not a field the planner knows"),
    ];
    for (json, path, detail) in cases {
        let msg = decode(&workspace_json(&json), read_day())
            .map(|_| ())
            .unwrap_err()
            .to_string();
        assert!(
            msg.starts_with(&format!("{path}: ")) && msg.contains(detail),
            "for {json}\n got: {msg}\nwant: {path}: ...{detail}..."
        );
    }
}

#[test]
fn format_reads_expansion() {
    let json = workspace_json(
        r#"{"readiness":{"roi_documented":true},"opportunities":[{"id":5,"type":"new_business_unit","description":"Basel lab","target_date":"2027-02-01","estimated_arr":40000,"stage":"qualifying"}]}"#,
    );
    let ws = decode(&json, read_day()).unwrap().workspace;
    let e = &ws.accounts()[0].expansion;
    assert!(e.ticks.roi_documented && !e.ticks.champion_active);
    let o = e.opportunity(OpportunityId(5)).unwrap();
    assert_eq!(
        (o.kind(), o.stage(), o.target_date(), o.estimated_arr()),
        (
            OpportunityType::NewBusinessUnit,
            Stage::Qualifying,
            Some(d("2027-02-01")),
            40_000.0
        )
    );
    // Stage defaults to identified.
    let json =
        workspace_json(r#"{"opportunities":[{"id":1,"type":"cross_sell","description":"d"}]}"#);
    let ws = decode(&json, read_day()).unwrap().workspace;
    assert_eq!(
        ws.accounts()[0].expansion.opportunities()[0].stage(),
        Stage::Identified
    );
}

fn arb_draft() -> impl Strategy<Value = OpportunityDraft> {
    (
        0usize..4,
        "[a-zA-Z0-9 ,;é\"\\\\]{1,60}",
        "[a-z ]{0,30}",
        "[A-Za-z ]{0,20}",
        proptest::option::of(0i64..4000),
        0u64..2_000_000_000u64,
        0usize..5,
    )
        .prop_map(
            |(k, desc, trigger, owner, date, cents, stage)| OpportunityDraft {
                kind: OpportunityType::ALL[k],
                description: desc,
                trigger,
                owner,
                target_date: date.map(|n| d("2024-01-01") + Duration::days(n)),
                estimated_arr: cents as f64 / 100.0,
                stage: Stage::ALL[stage],
            },
        )
}

proptest! {
    #[test]
    fn expansion_round_trips_through_the_file(
        drafts in proptest::collection::vec(arb_draft(), 0..5),
        flags in proptest::array::uniform4(any::<bool>()),
    ) {
        let mut ws = Workspace::empty(Currency::default());
        let id = ws.add_account(AccountFields { name: "Acme".into(), ..AccountFields::default() }, read_day()).unwrap();
        let mut e = Expansion::default();
        e.ticks = ReadinessTicks {
            roi_documented: flags[0],
            champion_active: flags[1],
            buyer_aware_of_value: flags[2],
            new_use_case_or_team: flags[3],
        };
        for dr in drafts {
            let _ = e.add(dr);
        }
        ws.account_mut(id).unwrap().expansion = e.clone();
        let back = decode(&encode(&ws, None), read_day()).unwrap().workspace;
        prop_assert_eq!(&back.account(id).unwrap().expansion, &e);
        prop_assert_eq!(back, ws);
    }
}

#[test]
fn readiness_ticks_are_read_and_set_per_item_and_the_computed_one_stays_computed() {
    let manual: Vec<ReadinessItem> = ReadinessItem::ALL
        .into_iter()
        .filter(|i| i.is_manual())
        .collect();
    assert_eq!(manual.len(), 4);
    for item in ReadinessItem::ALL {
        let mut t = ReadinessTicks::default();
        assert!(!t.get(item), "{item:?} starts unticked");
        t.set(item, true);
        // A manual item is ticked alone; the computed one cannot be ticked by hand.
        assert_eq!(t.get(item), item.is_manual(), "{item:?}");
        for other in ReadinessItem::ALL.into_iter().filter(|o| *o != item) {
            assert!(!t.get(other), "ticking {item:?} ticked {other:?}");
        }
        t.set(item, false);
        assert_eq!(t, ReadinessTicks::default(), "{item:?} unticks");
    }
    // The ticks feed the checklist: all four manual ticks and a clear window are ready.
    let mut t = ReadinessTicks::default();
    for item in &manual {
        t.set(*item, true);
    }
    assert_eq!(
        t,
        ReadinessTicks {
            roi_documented: true,
            champion_active: true,
            buyer_aware_of_value: true,
            new_use_case_or_team: true,
        }
    );
}

//! The ARR history (docs/kpis.md#the-arr-history) and the migration of older files to
//! version 3 (docs/file-format.md#versions-and-migrations).

use am_planner::domain::arr::{ArrChange, ArrEvent, ArrKind, ArrLog};
use am_planner::domain::{AccountFields, Field, Workspace};
use am_planner::format::{decode, encode, ImportError};
use chrono::NaiveDate;
use serde_json::{json, Value};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn today() -> NaiveDate {
    d("2026-11-22")
}

fn ev(date: &str, kind: ArrKind, amount: f64) -> ArrEvent {
    ArrEvent {
        date: d(date),
        kind,
        amount,
        note: String::new(),
    }
}

use ArrKind::*;

#[test]
fn the_history_rules_as_a_table() {
    // (events, Ok(total) or the index refused and the start of the message)
    type Case = (Vec<ArrEvent>, Result<f64, (usize, &'static str)>);
    let cases: Vec<Case> = vec![
        (vec![], Ok(0.0)),
        (vec![ev("2025-01-01", New, 100.0)], Ok(100.0)),
        (
            vec![
                ev("2025-01-01", New, 100.0),
                ev("2025-06-01", Expansion, 20.0),
                ev("2025-09-01", Contraction, -30.0),
                ev("2026-01-01", Renewal, 0.0),
                ev("2026-02-01", Correction, -5.0),
            ],
            Ok(85.0),
        ),
        // given out of order: sorted by date
        (
            vec![
                ev("2025-06-01", Expansion, 20.0),
                ev("2025-01-01", New, 100.0),
            ],
            Ok(120.0),
        ),
        (
            vec![
                ev("2025-01-01", New, 100.0),
                ev("2025-06-01", Churn, -100.0),
            ],
            Ok(0.0),
        ),
        // a comeback after a churn
        (
            vec![
                ev("2025-01-01", New, 100.0),
                ev("2025-06-01", Churn, -100.0),
                ev("2026-01-01", New, 50.0),
            ],
            Ok(50.0),
        ),
        (
            vec![ev("2025-01-01", New, 0.0)],
            Err((0, "The new on 1 Jan 2025 must add ARR")),
        ),
        (
            vec![ev("2025-01-01", New, 100.0), ev("2025-02-01", New, 10.0)],
            Err((
                1,
                "The new ARR on 1 Feb 2025 comes when the account already has 100",
            )),
        ),
        (
            vec![
                ev("2025-01-01", New, 100.0),
                ev("2025-02-01", Expansion, -10.0),
            ],
            Err((1, "The expansion on 1 Feb 2025 must add ARR")),
        ),
        (
            vec![
                ev("2025-01-01", New, 100.0),
                ev("2025-02-01", Contraction, 10.0),
            ],
            Err((1, "The contraction on 1 Feb 2025 must take ARR away")),
        ),
        (
            vec![
                ev("2025-01-01", New, 100.0),
                ev("2025-02-01", Contraction, -100.0),
            ],
            Err((
                1,
                "The contraction on 1 Feb 2025 would leave no ARR: record a churn instead.",
            )),
        ),
        (
            vec![ev("2025-01-01", New, 100.0), ev("2025-02-01", Churn, -90.0)],
            Err((
                1,
                "The churn on 1 Feb 2025 must bring ARR to 0: its amount is -100",
            )),
        ),
        (
            vec![ev("2025-02-01", Churn, 0.0)],
            Err((
                0,
                "The churn on 1 Feb 2025 comes when the account has no ARR.",
            )),
        ),
        (
            vec![
                ev("2025-01-01", New, 100.0),
                ev("2025-02-01", Correction, -150.0),
            ],
            Err((1, "The correction on 1 Feb 2025 would take ARR below 0")),
        ),
        (
            vec![ev("2025-01-01", New, f64::NAN)],
            Err((0, "The new on 1 Jan 2025 must be an amount between")),
        ),
        (
            vec![ev("2025-01-01", New, 2e12)],
            Err((0, "The new on 1 Jan 2025 must be an amount between")),
        ),
    ];
    for (events, expected) in cases {
        let got = ArrLog::new(events.clone());
        match (&got, &expected) {
            (Ok(log), Ok(total)) => assert_eq!(log.total(), *total, "{events:?}"),
            (Err(e), Err((ei, em))) => {
                // The event at fault is named by its index in the list given.
                assert_eq!(e.path, format!("[{ei}]"), "{}", e.message);
                assert!(e.message.starts_with(em), "{} / expected {em}", e.message);
            }
            _ => panic!("{events:?}: got {got:?}, expected {expected:?}"),
        }
    }
}

#[test]
fn arr_on_a_day_churned_and_the_change_to_a_new_arr() {
    let log = ArrLog::new(vec![
        ev("2025-01-01", New, 100.0),
        ev("2025-06-01", Expansion, 20.0),
        ev("2026-03-01", Churn, -120.0),
    ])
    .unwrap();
    assert_eq!(log.arr_on(d("2024-12-31")), 0.0);
    assert_eq!(log.arr_on(d("2025-01-01")), 100.0);
    assert_eq!(log.arr_on(d("2025-12-31")), 120.0);
    assert_eq!(log.arr_on(d("2026-03-01")), 0.0);
    assert!(log.is_churned());
    assert_eq!(log.churned_on(), Some(d("2026-03-01")));
    let open = ArrLog::new(vec![ev("2025-01-01", New, 100.0)]).unwrap();
    assert!(!open.is_churned());
    let change = open.change_to(80.0, Contraction, d("2025-05-01"), "seats".into());
    assert_eq!(change.amount, -20.0);
    let churn = open.change_to(0.0, Churn, d("2025-05-01"), String::new());
    assert_eq!(churn.amount, -100.0);
}

#[test]
fn editing_arr_needs_its_kind_and_records_it() {
    let mut ws = Workspace::default();
    let f = AccountFields {
        name: "Acme".into(),
        arr: 1000.0,
        ..Default::default()
    };
    let id = ws.add_account(f.clone(), today()).unwrap();
    let a = ws.account(id).unwrap();
    assert_eq!(a.arr_log.events(), &[ev("2026-11-22", New, 1000.0)]);
    // Without a kind: refused at ARR, nothing changes.
    let before = ws.clone();
    let more = AccountFields {
        arr: 1500.0,
        ..f.clone()
    };
    let err = ws
        .update_fields_on(id, more.clone(), None, today())
        .unwrap_err();
    assert_eq!(err[0].account_field(), Some(Field::Arr));
    assert_eq!(ws, before);
    assert!(ws.update_fields(id, more.clone()).is_err());
    assert_eq!(ws, before);
    // A kind the history refuses (a contraction that adds): refused, nothing changes.
    let wrong = ArrChange {
        kind: Contraction,
        date: today(),
        note: String::new(),
    };
    assert!(ws
        .update_fields_on(id, more.clone(), Some(wrong), today())
        .is_err());
    assert_eq!(ws, before);
    // An expansion: recorded, ARR is the total.
    let right = ArrChange {
        kind: Expansion,
        date: today(),
        note: "20 seats".into(),
    };
    ws.update_fields_on(id, more, Some(right), today()).unwrap();
    let a = ws.account(id).unwrap();
    assert_eq!(a.fields.arr, 1500.0);
    assert_eq!(a.arr_log.events()[1].amount, 500.0);
    assert_eq!(a.arr_log.events()[1].note, "20 seats");
    // A churn needs ARR 0.
    let churn = ArrChange {
        kind: Churn,
        date: today(),
        note: String::new(),
    };
    let half = AccountFields {
        arr: 700.0,
        ..f.clone()
    };
    assert!(ws
        .update_fields_on(id, half, Some(churn.clone()), today())
        .is_err());
    let zero = AccountFields { arr: 0.0, ..f };
    ws.update_fields_on(id, zero, Some(churn), today()).unwrap();
    assert!(ws.account(id).unwrap().is_churned());
}

// ---------------------------------------------------------------- migration to version 3

fn v2_file(accounts: Value) -> String {
    json!({"format": "am-planner-workspace", "version": 2,
        "workspace": {"currency": "EUR", "accounts": accounts}})
    .to_string()
}

#[test]
fn older_files_migrate_their_arr_into_one_new_change() {
    for version in [1, 2] {
        let mut v: Value = serde_json::from_str(&v2_file(json!([
            {"id": 1, "name": "With start", "arr": 120000, "contract_start": "2025-03-01"},
            {"id": 2, "name": "No start", "arr": 5000.5},
            {"id": 3, "name": "No ARR", "contract_start": "2025-03-01"}
        ])))
        .unwrap();
        v["version"] = json!(version);
        let read = decode(&v.to_string(), today()).unwrap();
        assert_eq!(read.version, version);
        let logs: Vec<Vec<ArrEvent>> = read
            .workspace
            .accounts()
            .iter()
            .map(|a| a.arr_log.events().to_vec())
            .collect();
        assert_eq!(
            logs,
            vec![
                vec![ev("2025-03-01", New, 120000.0)],
                vec![ev("2026-11-22", New, 5000.5)],
                vec![],
            ],
            "version {version}"
        );
        // Written back as version 3 with the history, and read again unchanged (the day of
        // reading no longer matters).
        let text = encode(&read.workspace, None);
        let again = decode(&text, d("2030-01-01")).unwrap();
        assert_eq!(again.version, 3);
        assert_eq!(again.workspace, read.workspace);
    }
}

#[test]
fn released_fixtures_keep_importing_and_migrate() {
    for (name, text) in [
        ("v1", include_str!("fixtures/workspace-v1-example.json")),
        ("v2", include_str!("fixtures/workspace-v2-example.json")),
    ] {
        let ws = decode(text, today()).unwrap().workspace;
        for a in ws.accounts() {
            assert_eq!(a.arr_log.total(), a.fields.arr, "{name} {}", a.fields.name);
            assert_eq!(
                a.arr_log.events()[0].date,
                a.fields.contract_start.unwrap(),
                "{name}"
            );
        }
    }
}

#[test]
fn a_version_3_history_must_add_up_to_the_arr() {
    let base = |log: Value, arr: Value| {
        json!({"format": "am-planner-workspace", "version": 3,
            "workspace": {"currency": "EUR", "accounts": [
                {"id": 1, "name": "A", "arr": arr, "arr_log": log}]}})
        .to_string()
    };
    let ok = base(
        json!([{"date": "2025-01-01", "kind": "new", "amount": 100},
               {"date": "2025-06-01", "kind": "expansion", "amount": 50, "note": "seats"}]),
        json!(150),
    );
    assert_eq!(
        decode(&ok, today()).unwrap().workspace.accounts()[0]
            .fields
            .arr,
        150.0
    );
    let cases = [
        (
            base(
                json!([{"date": "2025-01-01", "kind": "new", "amount": 100}]),
                json!(150),
            ),
            "workspace.accounts[0].arr",
            "ARR is 150 but its history (arr_log) adds up to 100",
        ),
        (
            base(
                json!([{"date": "2025-01-01", "kind": "new", "amount": 100},
                       {"date": "2025-02-01", "kind": "contraction", "amount": 10}]),
                json!(110),
            ),
            "workspace.accounts[0].arr_log[1]",
            "The contraction on 1 Feb 2025 must take ARR away",
        ),
        (
            base(
                json!([{"date": "2025-01-01", "kind": "upsell", "amount": 100}]),
                json!(100),
            ),
            "workspace.accounts[0].arr_log[0].kind",
            "",
        ),
        (
            base(
                json!([{"date": "2025-02-30", "kind": "new", "amount": 100}]),
                json!(100),
            ),
            "workspace.accounts[0].arr_log[0].date",
            "",
        ),
    ];
    for (text, path, start) in cases {
        match decode(&text, today()) {
            Err(ImportError::BadField { path: p, detail }) => {
                assert_eq!(p, path, "{detail}");
                assert!(detail.starts_with(start), "{detail}");
            }
            other => panic!("{path}: {other:?}"),
        }
    }
    // An empty history with ARR: one `new` change, as a migration makes.
    let lone = base(json!([]), json!(100));
    let ws = decode(&lone, today()).unwrap().workspace;
    assert_eq!(
        ws.accounts()[0].arr_log.events(),
        &[ev("2026-11-22", New, 100.0)]
    );
}

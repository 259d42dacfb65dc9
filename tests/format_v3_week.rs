//! The version 3 fields of the CSV import and This week: an account's `crm_id` and the
//! workspace's `snoozes`. Round trip, migration from version 2 (none of either), and the
//! refusals with their path.

use am_planner::domain::{AccountFields, Currency, Workspace};
use am_planner::format::{decode, encode, ImportError};
use chrono::NaiveDate;
use serde_json::{json, Value};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}
const TODAY: &str = "2026-12-02";

fn workspace() -> Workspace {
    let mut ws = Workspace::empty(Currency::default());
    let id = ws
        .add_account(
            AccountFields {
                name: "Acme".into(),
                arr: 1000.0,
                ..Default::default()
            },
            d(TODAY),
        )
        .unwrap();
    ws.account_mut(id).unwrap().crm_id = Some("0015g00000LqFrtAAF".into());
    ws.snoozes
        .snooze("stale_plan:1:plan:2026-12-01", d("2026-12-09"), d(TODAY))
        .unwrap();
    ws
}

#[test]
fn crm_ids_and_snoozes_round_trip() {
    let ws = workspace();
    let text = encode(&ws, None);
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        v["workspace"]["accounts"][0]["crm_id"],
        "0015g00000LqFrtAAF"
    );
    assert_eq!(
        v["workspace"]["snoozes"],
        json!([{ "item": "stale_plan:1:plan:2026-12-01", "until": "2026-12-09" }])
    );
    let back = decode(&text, d(TODAY)).unwrap().workspace;
    assert_eq!(back.accounts()[0].crm_id, ws.accounts()[0].crm_id);
    assert_eq!(back.snoozes, ws.snoozes);
    // None of either: neither is written.
    let plain = Workspace::empty(Currency::default());
    let v: Value = serde_json::from_str(&encode(&plain, None)).unwrap();
    assert!(v["workspace"].get("snoozes").is_none());
}

#[test]
fn a_version_2_file_has_no_crm_id_and_nothing_snoozed() {
    let v2 = json!({"format": "am-planner-workspace", "version": 2, "workspace": {
        "currency": "USD", "accounts": [{"id": 1, "name": "A", "arr": 10}]}});
    let ws = decode(&v2.to_string(), d(TODAY)).unwrap().workspace;
    assert_eq!(ws.accounts()[0].crm_id, None);
    assert!(ws.snoozes.is_empty());
    // Version 2 files cannot carry them: unknown fields are refused.
    let mut with = v2.clone();
    with["workspace"]["accounts"][0]["crm_id"] = json!("X");
    assert!(matches!(
        decode(&with.to_string(), d(TODAY)),
        Err(ImportError::BadField { .. })
    ));
}

#[test]
fn bad_crm_ids_and_snoozes_are_refused_at_their_path() {
    let file = |account: Value, snoozes: Value| {
        json!({"format": "am-planner-workspace", "version": 3, "workspace": {
            "currency": "USD", "accounts": [account], "snoozes": snoozes}})
        .to_string()
    };
    let ok_account = json!({"id": 1, "name": "A"});
    let cases: Vec<(String, &str, &str)> = vec![
        (
            file(
                json!({"id": 1, "name": "A", "crm_id": "x".repeat(65)}),
                json!([]),
            ),
            "workspace.accounts[0].crm_id",
            "A CRM id has 64 characters at most; this one has 65.",
        ),
        (
            file(json!({"id": 1, "name": "A", "crm_id": "a\nb"}), json!([])),
            "workspace.accounts[0].crm_id",
            "A CRM id cannot hold line breaks or control characters.",
        ),
        (
            file(json!({"id": 1, "name": "A", "crm_id": " "}), json!([])),
            "workspace.accounts[0].crm_id",
            "A CRM id is not empty: leave the field out instead.",
        ),
        (
            file(
                ok_account.clone(),
                json!([{"item": "k", "until": "2026-12-09"}, {"item": "k", "until": "2026-12-10"}]),
            ),
            "workspace.snoozes[1].item",
            "the item \"k\" is snoozed twice",
        ),
        (
            file(
                ok_account.clone(),
                json!([{"item": "", "until": "2026-12-09"}]),
            ),
            "workspace.snoozes[0].item",
            "a snooze key has 1 to 200 characters",
        ),
    ];
    for (text, want_path, want) in cases {
        match decode(&text, d(TODAY)) {
            Err(ImportError::BadField { path, detail }) => {
                assert_eq!(path, want_path, "{text}");
                assert_eq!(detail, want, "{text}");
            }
            other => panic!("{text}: {other:?}"),
        }
    }
    // A bad date is refused by the date reader, at the snooze.
    let bad_date = file(ok_account, json!([{"item": "k", "until": "2026-02-30"}]));
    match decode(&bad_date, d(TODAY)) {
        Err(ImportError::BadField { path, .. }) => {
            assert!(path.starts_with("workspace.snoozes[0]"), "{path}")
        }
        other => panic!("{other:?}"),
    }
}

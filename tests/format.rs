//! The workspace file: round trip, and every class of bad file refused with the right error.

use am_planner::domain::demo::demo_workspace;
use am_planner::domain::{
    Account, AccountFields, AccountId, CompanySize, Currency, Segment, Tier, Workspace,
};
use am_planner::format::{decode, encode, ImportError, CURRENT_VERSION, FORMAT_NAME};
use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::{json, Value};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn demo_value() -> Value {
    serde_json::from_str(&encode(&demo_workspace(today()), None)).unwrap()
}

/// Applies `edit` to the demo file and expects `decode` to refuse it as `expected`.
fn check(edit: impl FnOnce(&mut Value), expected: ImportError) {
    let mut v = demo_value();
    edit(&mut v);
    let got = decode(&v.to_string());
    assert_eq!(
        got,
        Err(expected.clone()),
        "edited file should be refused as {expected}"
    );
}

fn bad_field(path: &str, detail: &str) -> ImportError {
    ImportError::BadField {
        path: path.into(),
        detail: detail.into(),
    }
}

#[test]
fn demo_round_trips_and_keeps_exported_at() {
    let ws = demo_workspace(today());
    let text = encode(&ws, Some("2026-11-22T19:48:05Z".into()));
    let back = decode(&text).unwrap();
    assert_eq!(back.workspace, ws);
    assert_eq!(back.exported_at.as_deref(), Some("2026-11-22T19:48:05Z"));
    assert_eq!(back.version, CURRENT_VERSION);
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["format"], FORMAT_NAME);
    assert_eq!(v["version"], 2);
    assert_eq!(
        v["workspace"]["accounts"][0]["renewal_date"],
        json!(ws.accounts()[0].fields.renewal_date.unwrap().to_string())
    );
}

#[test]
fn minimal_file_from_a_generator_reads() {
    let text = r#"{"format":"am-planner-workspace","version":1,
        "workspace":{"currency":"EUR","accounts":[{"id":7,"name":"Solo GmbH"}]}}"#;
    let d = decode(text).unwrap();
    assert_eq!(d.workspace.currency.code(), "EUR");
    assert_eq!(d.workspace.accounts()[0].fields.name, "Solo GmbH");
    assert_eq!(d.workspace.accounts()[0].fields.arr, 0.0);
    assert_eq!(d.exported_at, None);
}

#[test]
fn not_json() {
    for (text, line, column) in [
        ("", 1, 0),
        ("{\"format\": ", 1, 11),
        ("{\n  \"a\": 1,\n}", 3, 1),
        ("hello", 1, 1),
    ] {
        match decode(text) {
            Err(ImportError::NotJson {
                line: l, column: c, ..
            }) => {
                assert_eq!((l, c), (line, column), "{text:?}")
            }
            other => panic!("{text:?}: {other:?}"),
        }
    }
    let msg = decode("{,}").unwrap_err().to_string();
    assert!(
        msg.starts_with("This file is not valid JSON (line 1, column 2: "),
        "{msg}"
    );
}

#[test]
fn not_a_workspace_file() {
    let cases = [
        ("[1,2,3]", None),
        ("\"text\"", None),
        ("{}", None),
        (r#"{"name":"x"}"#, None),
        (
            r#"{"format":"something-else","version":1}"#,
            Some("something-else"),
        ),
        (r#"{"format":3,"version":1}"#, Some("3")),
    ];
    for (text, found) in cases {
        assert_eq!(
            decode(text),
            Err(ImportError::NotWorkspace {
                found: found.map(String::from)
            }),
            "{text}"
        );
    }
}

#[test]
fn versions() {
    check(
        |v| v["version"] = json!(3),
        ImportError::NewerVersion { found: 3 },
    );
    check(
        |v| v["version"] = json!(99),
        ImportError::NewerVersion { found: 99 },
    );
    check(
        |v| v["version"] = json!(0),
        ImportError::BadVersion { found: "0".into() },
    );
    check(
        |v| v["version"] = json!(1.5),
        ImportError::BadVersion {
            found: "1.5".into(),
        },
    );
    check(
        |v| v["version"] = json!("1"),
        ImportError::BadVersion {
            found: "\"1\"".into(),
        },
    );
    check(
        |v| {
            v.as_object_mut().unwrap().remove("version");
        },
        ImportError::BadVersion {
            found: "nothing".into(),
        },
    );
    let msg = ImportError::NewerVersion { found: 3 }.to_string();
    assert!(
        msg.contains("version 3") && msg.contains("reads up to version 2"),
        "{msg}"
    );
}

#[test]
fn missing_or_bad_fields_name_their_path() {
    check(
        |v| {
            v.as_object_mut().unwrap().remove("workspace");
        },
        bad_field("file", "missing field `workspace`"),
    );
    check(
        |v| {
            v["workspace"]["accounts"][2]
                .as_object_mut()
                .unwrap()
                .remove("name");
        },
        bad_field("workspace.accounts[2]", "missing field `name`"),
    );
    check(
        |v| v["workspace"]["accounts"][0]["arr"] = json!("lots"),
        bad_field(
            "workspace.accounts[0].arr",
            "invalid type: string \"lots\", expected f64",
        ),
    );
    check(
        |v| v["workspace"]["accounts"][1]["renewal_date"] = json!("2026-02-30"),
        bad_field(
            "workspace.accounts[1].renewal_date",
            "input is out of range",
        ),
    );
    check(
        |v| v["workspace"]["accounts"][1]["contract_start"] = json!("01/02/2026"),
        bad_field(
            "workspace.accounts[1].contract_start",
            "input contains invalid characters",
        ),
    );
    check(
        |v| v["workspace"]["accounts"][3]["segment"] = json!("giant"),
        bad_field(
            "workspace.accounts[3].segment",
            "unknown variant `giant`, expected one of `enterprise`, `mid_market`, `smb`",
        ),
    );
    check(
        |v| v["workspace"]["accounts"][3]["tier"] = json!(4),
        bad_field(
            "workspace.accounts[3].tier",
            "tier must be 1, 2 or 3, found 4",
        ),
    );
    check(
        |v| v["workspace"]["currency"] = json!("dollars"),
        bad_field(
            "workspace.currency",
            "\"dollars\" is not a currency code: use three capital letters such as USD or EUR.",
        ),
    );
    check(
        |v| v["workspace"]["accounts"][4]["id"] = json!(-1),
        bad_field(
            "workspace.accounts[4].id",
            "invalid value: integer `-1`, expected u32",
        ),
    );
}

// serde lists the expected fields after the unknown one; that list grows with the format,
// so this case is checked by prefix instead of by equality.
#[test]
fn unknown_field_is_named() {
    let mut v = demo_value();
    v["workspace"]["accounts"][0]["renewal_dat"] = json!("2027-01-01");
    match decode(&v.to_string()) {
        Err(ImportError::BadField { path, detail }) => {
            assert_eq!(path, "workspace.accounts[0].renewal_dat");
            assert!(
                detail.starts_with("unknown field `renewal_dat`"),
                "{detail}"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn domain_rules_are_checked_on_import() {
    check(
        |v| v["workspace"]["accounts"][0]["name"] = json!("  "),
        bad_field("workspace.accounts[0].name", "Give the account a name."),
    );
    check(
        |v| v["workspace"]["accounts"][5]["arr"] = json!(-100),
        bad_field("workspace.accounts[5].arr", "ARR cannot be negative."),
    );
    check(
        |v| {
            v["workspace"]["accounts"][1]["contract_start"] = json!("2027-06-01");
            v["workspace"]["accounts"][1]["renewal_date"] = json!("2027-01-01");
        },
        bad_field(
            "workspace.accounts[1].renewal_date",
            "The renewal date (2027-01-01) is before the contract start (2027-06-01).",
        ),
    );
    check(
        |v| v["workspace"]["accounts"][6]["id"] = json!(1),
        bad_field(
            "workspace.accounts[6].id",
            "id 1 is used by an earlier account; ids must be unique",
        ),
    );
}

fn arb_date() -> impl Strategy<Value = Option<NaiveDate>> {
    prop::option::of(
        (0i64..20_000)
            .prop_map(|n| NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + chrono::Duration::days(n)),
    )
}

prop_compose! {
    fn arb_fields()(
        name in "[A-Za-z0-9 &'\\-\u{e9}\u{4e2d}]{0,30}[A-Za-z]",
        industry in ".{0,20}",
        segment in prop::option::of(prop::sample::select(Segment::ALL.to_vec())),
        size in prop::option::of(prop::sample::select(CompanySize::ALL.to_vec())),
        use_case in ".{0,40}",
        products in prop::collection::vec("[A-Za-z ]{1,12}", 0..4),
        arr in prop_oneof![Just(0.0), 0.0..1e9f64, (0u64..10_000_000).prop_map(|n| n as f64)],
        start in arb_date(),
        length in 1i64..2000,
        has_renewal in any::<bool>(),
        owner in ".{0,20}",
        tier in prop::option::of(prop::sample::select(Tier::ALL.to_vec())),
        notes in "(?s).{0,80}",
    ) -> AccountFields {
        let renewal = match (start, has_renewal) {
            (Some(s), true) => Some(s + chrono::Duration::days(length)),
            (None, true) => Some(NaiveDate::from_ymd_opt(2027, 3, 31).unwrap()),
            _ => None,
        };
        AccountFields { name, industry, segment, size, primary_use_case: use_case, products, arr,
            contract_start: start, renewal_date: renewal, owner, tier_override: tier, notes }
    }
}

proptest! {
    #[test]
    fn export_then_import_gives_back_the_same_workspace(
        list in prop::collection::vec(arb_fields(), 0..12),
        currency in prop::sample::select(Currency::COMMON.to_vec()),
        demo in any::<bool>(),
    ) {
        let accounts: Vec<Account> = list.into_iter().enumerate()
            .map(|(i, f)| Account::new(AccountId(i as u32 * 3 + 1), f)).collect();
        let ws = Workspace::from_accounts(Currency::new(currency).unwrap(), demo, accounts).unwrap();
        let text = encode(&ws, Some("2026-11-22T00:00:00Z".into()));
        let back = decode(&text).unwrap();
        prop_assert_eq!(back.workspace, ws);
    }

    #[test]
    fn decode_never_panics_on_arbitrary_text(text in "(?s).{0,200}") {
        let _ = decode(&text);
    }
}

#[test]
fn problems_are_reported_in_reading_order() {
    // A blank name in the first account comes before a bad NPS in the second, and an
    // account's own fields come before its health history.
    let bad_nps = json!({ "snapshots": [{ "date": "2026-11-01", "nps": 11 }] });
    check(
        |v| {
            v["workspace"]["accounts"][0]["name"] = json!("");
            v["workspace"]["accounts"][1]["health"] = bad_nps.clone();
        },
        bad_field("workspace.accounts[0].name", "Give the account a name."),
    );
    check(
        |v| {
            v["workspace"]["accounts"][0]["arr"] = json!(-1);
            v["workspace"]["accounts"][0]["health"] = bad_nps.clone();
        },
        bad_field("workspace.accounts[0].arr", "ARR cannot be negative."),
    );
}

/// Version 1 to 2: a version 1 file reads as before, with no workspace id (the app gives
/// it one); a version 2 file keeps its id through a round trip; the id is checked; a
/// version 1 file may not carry the version 2 field.
#[test]
fn version_1_migrates_to_2_and_the_workspace_id_round_trips() {
    let head = |version: u64, id: Option<&str>| {
        let mut v = json!({"format": "am-planner-workspace", "version": version,
            "workspace": {"currency": "EUR", "accounts": [{"id": 7, "name": "Solo GmbH"}]}});
        if let Some(id) = id {
            v["workspace_id"] = json!(id);
        }
        v.to_string()
    };
    let id = "5f0c2a8e-3b1d-4c7a-9e64-2d8b7f1a0c93";
    type Case<'a> = (String, Result<(u64, Option<&'a str>), ImportError>);
    let cases: Vec<Case> = vec![
        (head(1, None), Ok((1, None))),
        (head(2, None), Ok((2, None))),
        (head(2, Some(id)), Ok((2, Some(id)))),
        (
            head(1, Some(id)),
            Err(bad_field(
                "workspace_id",
                "unknown field `workspace_id`, expected one of `format`, `version`, `exported_at`, `workspace`",
            )),
        ),
        (
            head(2, Some("short")),
            Err(bad_field(
                "workspace_id",
                "a workspace id has 8 to 64 characters; this one has 5",
            )),
        ),
        (
            head(2, Some("has space in it")),
            Err(bad_field(
                "workspace_id",
                "a workspace id holds only letters, digits, - and _; found ' '",
            )),
        ),
    ];
    for (text, expected) in cases {
        let got = decode(&text).map(|d| {
            (
                d.version,
                d.workspace.id.as_ref().map(|i| i.as_str().to_string()),
            )
        });
        let expected = expected.map(|(v, i)| (v, i.map(String::from)));
        assert_eq!(got, expected, "{text}");
    }
    // Written back: version 2, the id kept (or left out while there is none).
    let mut ws = decode(&head(1, None)).unwrap().workspace;
    let v: Value = serde_json::from_str(&encode(&ws, None)).unwrap();
    assert_eq!(
        (v["version"].clone(), v.get("workspace_id")),
        (json!(2), None)
    );
    ws.id = Some(am_planner::domain::WorkspaceId::parse(id).unwrap());
    let text = encode(&ws, None);
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["workspace_id"], json!(id));
    assert_eq!(decode(&text).unwrap().workspace, ws);
}

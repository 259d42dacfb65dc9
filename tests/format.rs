//! The workspace file: round trip, and every class of bad file refused with the right error.

mod common;
use am_planner::demo::demo_workspace;
use am_planner::domain::arr::ArrLog;
use am_planner::domain::{
    Account, AccountFields, AccountId, CompanySize, Currency, Segment, Tier, Workspace,
};
use am_planner::format::{
    decode, decode_bytes, encode, ImportError, CURRENT_VERSION, FORMAT_NAME, MAX_FILE_BYTES,
    MAX_LIST_ITEMS,
};
use chrono::NaiveDate;
use common::read_day;
use proptest::prelude::*;
use serde_json::{json, Value};

use common::today;

fn demo_value() -> Value {
    serde_json::from_str(&encode(&demo_workspace(today()), None)).unwrap()
}

/// Applies `edit` to the demo file and expects `decode` to refuse it as `expected`.
fn check(edit: impl FnOnce(&mut Value), expected: ImportError) {
    let mut v = demo_value();
    edit(&mut v);
    let got = decode(&v.to_string(), read_day());
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
    let back = decode(&text, read_day()).unwrap();
    assert_eq!(back.workspace, ws);
    assert_eq!(back.exported_at.as_deref(), Some("2026-11-22T19:48:05Z"));
    assert_eq!(back.version, CURRENT_VERSION);
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["format"], FORMAT_NAME);
    assert_eq!(v["version"], 3);
    assert_eq!(
        v["workspace"]["accounts"][0]["renewal_date"],
        json!(ws.accounts()[0].fields.renewal_date.unwrap().to_string())
    );
}

#[test]
fn minimal_file_from_a_generator_reads() {
    let text = r#"{"format":"am-planner-workspace","version":1,
        "workspace":{"currency":"EUR","accounts":[{"id":7,"name":"Solo GmbH"}]}}"#;
    let d = decode(text, read_day()).unwrap();
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
        match decode(text, read_day()) {
            Err(ImportError::NotJson {
                line: l, column: c, ..
            }) => {
                assert_eq!((l, c), (line, column), "{text:?}")
            }
            other => panic!("{text:?}: {other:?}"),
        }
    }
    let msg = decode("{,}", read_day()).unwrap_err().to_string();
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
            decode(text, read_day()),
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
        |v| v["version"] = json!(4),
        ImportError::NewerVersion { found: 4 },
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
    let msg = ImportError::NewerVersion { found: 4 }.to_string();
    assert!(
        msg.contains("version 4") && msg.contains("reads up to version 3"),
        "{msg}"
    );
}

#[test]
fn missing_or_bad_fields_name_their_path() {
    check(
        |v| {
            v.as_object_mut().unwrap().remove("workspace");
        },
        bad_field("file", "the field \"workspace\" is required and missing."),
    );
    check(
        |v| {
            v["workspace"]["accounts"][2]
                .as_object_mut()
                .unwrap()
                .remove("name");
        },
        bad_field(
            "workspace.accounts[2]",
            "the field \"name\" is required and missing.",
        ),
    );
    check(
        |v| v["workspace"]["accounts"][0]["arr"] = json!("lots"),
        bad_field(
            "workspace.accounts[0].arr",
            "found the text \"lots\", but a number is expected here.",
        ),
    );
    check(
        |v| v["workspace"]["accounts"][1]["renewal_date"] = json!("2026-02-30"),
        bad_field(
            "workspace.accounts[1].renewal_date",
            "\"2026-02-30\" is not a date: February 2026 has 28 days.",
        ),
    );
    check(
        |v| v["workspace"]["accounts"][1]["contract_start"] = json!("01/02/2026"),
        bad_field(
            "workspace.accounts[1].contract_start",
            "\"01/02/2026\" is not a date; write it as YYYY-MM-DD, e.g. 2027-03-01.",
        ),
    );
    check(
        |v| v["workspace"]["accounts"][3]["segment"] = json!("giant"),
        bad_field(
            "workspace.accounts[3].segment",
            "\"giant\" is not a segment; use one of enterprise, mid_market, smb.",
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
            "found the number -1, but a whole number from 0 to 4294967295 is expected here.",
        ),
    );
}

// serde lists the expected fields after the unknown one; that list grows with the format,
// so this case is checked by prefix instead of by equality.
#[test]
fn unknown_field_is_named() {
    let mut v = demo_value();
    v["workspace"]["accounts"][0]["renewal_dat"] = json!("2027-01-01");
    match decode(&v.to_string(), read_day()) {
        Err(ImportError::BadField { path, detail }) => {
            assert_eq!(path, "workspace.accounts[0].renewal_dat");
            assert!(
                detail.starts_with("\"renewal_dat\" is not a field the planner knows here"),
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
            "The renewal date (1 Jan 2027) is before the contract start (1 Jun 2027).",
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
            .map(|(i, f)| {
                let opening = ArrLog::opening(f.arr, f.contract_start.unwrap_or(read_day()));
                let mut a = Account::new(AccountId(i as u32 * 3 + 1), f);
                a.set_arr_log(opening);
                a
            }).collect();
        let ws = Workspace::from_accounts(Currency::new(currency).unwrap(), demo, accounts).unwrap();
        let text = encode(&ws, Some("2026-11-22T00:00:00Z".into()));
        let back = decode(&text, read_day()).unwrap();
        prop_assert_eq!(back.workspace, ws);
    }

    #[test]
    fn decode_never_panics_on_arbitrary_text(text in "(?s).{0,200}") {
        let _ = decode(&text, read_day());
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
                "\"workspace_id\" is not a field the planner knows here; check the spelling, or remove it. The fields here are format, version, exported_at, workspace.",
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
        let got = decode(&text, read_day()).map(|d| {
            (
                d.version,
                d.workspace.id.as_ref().map(|i| i.as_str().to_string()),
            )
        });
        let expected = expected.map(|(v, i)| (v, i.map(String::from)));
        assert_eq!(got, expected, "{text}");
    }
    // Written back: version 3, the id kept (or left out while there is none).
    let mut ws = decode(&head(1, None), read_day()).unwrap().workspace;
    let v: Value = serde_json::from_str(&encode(&ws, None)).unwrap();
    assert_eq!(
        (v["version"].clone(), v.get("workspace_id")),
        (json!(3), None)
    );
    ws.id = Some(am_planner::domain::WorkspaceId::parse(id).unwrap());
    let text = encode(&ws, None);
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["workspace_id"], json!(id));
    assert_eq!(decode(&text, read_day()).unwrap().workspace, ws);
}

// ---------------------------------------------------------------- every bad-input class

fn example_text() -> String {
    std::fs::read_to_string("tests/fixtures/workspace-v1-example.json").unwrap()
}

/// The example file with one account value replaced: `set(0, "renewal_date", "...")`.
fn with_account_value(index: usize, key: &str, value: Value) -> String {
    let mut v: Value = serde_json::from_str(&example_text()).unwrap();
    v["workspace"]["accounts"][index][key] = value;
    v.to_string()
}

/// A file whose `workspace` is `inner`, as raw text (for what `json!` cannot write).
fn workspace_text(inner: &str) -> String {
    format!(r#"{{"format":"am-planner-workspace","version":1,"workspace":{inner}}}"#)
}

/// One account given as raw JSON text inside a minimal file.
fn account_text(fields: &str) -> String {
    workspace_text(&format!(
        r#"{{"currency":"EUR","accounts":[{{"id":1,"name":"Acme"{fields}}}]}}"#
    ))
}

/// Every class of bad input, with the whole message the user reads. Inputs that are
/// accepted on purpose are in `odd_inputs_accepted_on_purpose`.
#[test]
fn every_bad_input_class_is_refused_with_its_message() {
    let deep = |n: usize| workspace_text(&format!("{}{}", "[".repeat(n), "]".repeat(n)));
    let cases: Vec<(&str, Vec<u8>, String)> = vec![
        ("empty", b"".to_vec(), "This file is not valid JSON (line 1, column 0: the file is empty).".into()),
        ("only spaces", b"  \n ".to_vec(), "This file is not valid JSON (line 2, column 1: the file is empty).".into()),
        ("binary (a PNG header)", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(), "This file is not UTF-8 text: it looks like a binary file or text saved as UTF-16. Export it again from the planner, or save it as UTF-8.".into()),
        ("UTF-16 with a byte-order mark", utf16(&example_text(), true), "This file is not UTF-8 text: it looks like a binary file or text saved as UTF-16. Export it again from the planner, or save it as UTF-8.".into()),
        ("UTF-16 without a byte-order mark", utf16(&example_text(), false), "This file is not UTF-8 text: it looks like a binary file or text saved as UTF-16. Export it again from the planner, or save it as UTF-8.".into()),
        ("truncated", example_text().as_bytes()[..400].to_vec(), "This file is not valid JSON (line 14, column 38: the text ends before the JSON is complete; the file may have been cut off).".into()),
        ("trailing comma", br#"{"format":"am-planner-workspace","version":1,}"#.to_vec(), "This file is not valid JSON (line 1, column 46: a comma is followed by nothing; remove the last comma).".into()),
        ("two documents", br#"{"a":1} {"b":2}"#.to_vec(), "This file is not valid JSON (line 1, column 9: there is more after the end of the JSON; a file holds one JSON object).".into()),
        ("a list at the top", b"[1, 2, 3]".to_vec(), "This JSON file is not an Account Planner workspace: it has no \"format\": \"am-planner-workspace\" field.".into()),
        ("a number at the top", b"42".to_vec(), "This JSON file is not an Account Planner workspace: it has no \"format\": \"am-planner-workspace\" field.".into()),
        ("null at the top", b"null".to_vec(), "This JSON file is not an Account Planner workspace: it has no \"format\": \"am-planner-workspace\" field.".into()),
        ("another app's JSON (package.json)", br#"{"name":"app","version":"1.0.0","dependencies":{}}"#.to_vec(), "This JSON file is not an Account Planner workspace: it has no \"format\": \"am-planner-workspace\" field.".into()),
        ("another app's format", br#"{"format":"crm-export","version":3}"#.to_vec(), "This JSON file is not an Account Planner workspace: its format is \"crm-export\", expected \"am-planner-workspace\".".into()),
        ("a single-account file", br#"{"format":"am-planner-account","version":1}"#.to_vec(), "This JSON file is not an Account Planner workspace: its format is \"am-planner-account\", expected \"am-planner-workspace\".".into()),
        ("version missing", br#"{"format":"am-planner-workspace","workspace":{}}"#.to_vec(), "The file's \"version\" must be a whole number such as 1; found nothing.".into()),
        ("version as text", br#"{"format":"am-planner-workspace","version":"1"}"#.to_vec(), "The file's \"version\" must be a whole number such as 1; found \"1\".".into()),
        ("version fractional", br#"{"format":"am-planner-workspace","version":1.5}"#.to_vec(), "The file's \"version\" must be a whole number such as 1; found 1.5.".into()),
        ("version 0", br#"{"format":"am-planner-workspace","version":0}"#.to_vec(), "The file's \"version\" must be a whole number such as 1; found 0.".into()),
        ("version newer", br#"{"format":"am-planner-workspace","version":4}"#.to_vec(), "This file is format version 4, written by a newer version of the planner; this one reads up to version 3. Update the app, or export again from the newer one.".into()),
        ("workspace is a list", workspace_text("[]").into_bytes(), "workspace: found a list, but an object {...} is expected here.".into()),
        // serde_json alone reads a struct from a list of its fields in order (this was read
        // as the account "Acme" with id 1); the planner's files hold objects only. The path
        // names the list: the reader stops as it finds the inner list's bracket.
        ("an account as a list of its fields", workspace_text(r#"{"currency":"EUR","accounts":[[1,"Acme"]]}"#).into_bytes(), "workspace.accounts: found a list, but an object {...} is expected here.".into()),
        ("accounts is an object", workspace_text(r#"{"currency":"EUR","accounts":{}}"#).into_bytes(), "workspace.accounts: found an object, but a list [...] is expected here.".into()),
        ("unknown field", account_text(r#","crm_id":"0061x""#).into_bytes(), "workspace.accounts[0].crm_id: \"crm_id\" is not a field the planner knows here; check the spelling, or remove it. The fields here are id, name, industry, segment, size, primary_use_case, products, arr, contract_start, renewal_date, owner, tier, notes, planning, health, stakeholders, renewal, expansion, save_plans.".into()),
        ("unknown segment", with_account_value(0, "segment", json!("large")).into_bytes(), "workspace.accounts[0].segment: \"large\" is not a segment; use one of enterprise, mid_market, smb.".into()),
        ("unknown size", with_account_value(1, "size", json!("large")).into_bytes(), "workspace.accounts[1].size: \"large\" is not a company size; use one of 1-50, 51-200, 201-1000, 1001-5000, 5000+.".into()),
        ("missing name", workspace_text(r#"{"currency":"EUR","accounts":[{"id":1}]}"#).into_bytes(), "workspace.accounts[0]: the field \"name\" is required and missing.".into()),
        ("ARR as text", with_account_value(0, "arr", json!("184k")).into_bytes(), "workspace.accounts[0].arr: found the text \"184k\", but a number is expected here.".into()),
        ("duplicate account ids", account_text(r#"},{"id":1,"name":"Other""#).into_bytes(), "workspace.accounts[1].id: id 1 is used by an earlier account; ids must be unique".into()),
        ("duplicate key, top level", br#"{"format":"am-planner-workspace","version":1,"workspace":{"currency":"EUR"},"workspace":{"currency":"USD"}}"#.to_vec(), "workspace: the key \"workspace\" appears twice in this object; keep one (JSON readers disagree on which one counts)".into()),
        ("duplicate key, in an account", account_text(r#","arr":100,"arr":200"#).into_bytes(), "workspace.accounts[0].arr: the key \"arr\" appears twice in this object; keep one (JSON readers disagree on which one counts)".into()),
        ("dangling reference", with_account_value(0, "stakeholders", json!({"people": [{"id": 1, "name": "A", "influence": 3, "sentiment": "neutral", "reports_to": 9}]})).into_bytes(), "workspace.accounts[0].stakeholders.people[0].reports_to: reports to id 9, but no person on this account has that id".into()),
        ("id above 2^53", account_text("").replace(r#""id":1"#, r#""id":9007199254740993"#).into_bytes(), "workspace.accounts[0].id: found the number 9007199254740993, but a whole number from 0 to 4294967295 is expected here.".into()),
        ("ARR above 2^53", with_account_value(0, "arr", json!(9007199254740993u64)).into_bytes(), "workspace.accounts[0].arr: ARR is above a trillion: check the number of zeros.".into()),
        ("a number too large for any reader", account_text(r#","arr":1e400"#).into_bytes(), "This file is not valid JSON (line 1, column 120: a number is too large to read).".into()),
        ("negative id", account_text("").replace(r#""id":1"#, r#""id":-1"#).into_bytes(), "workspace.accounts[0].id: found the number -1, but a whole number from 0 to 4294967295 is expected here.".into()),
        ("negative notice period", with_account_value(0, "renewal", json!({"notice_days": -5})).into_bytes(), "workspace.accounts[0].renewal.notice_days: a notice period cannot be negative, found -5".into()),
        ("impossible date", with_account_value(0, "renewal_date", json!("2027-02-30")).into_bytes(), "workspace.accounts[0].renewal_date: \"2027-02-30\" is not a date: February 2027 has 28 days.".into()),
        ("month 13", with_account_value(0, "renewal_date", json!("2027-13-01")).into_bytes(), "workspace.accounts[0].renewal_date: \"2027-13-01\" is not a date: there is no month 13 (months are 01 to 12).".into()),
        ("US date", with_account_value(0, "contract_start", json!("03/01/2025")).into_bytes(), "workspace.accounts[0].contract_start: \"03/01/2025\" is not a date; write it as YYYY-MM-DD, e.g. 2027-03-01.".into()),
        ("date as a number", with_account_value(0, "contract_start", json!(20250301)).into_bytes(), "workspace.accounts[0].contract_start: found the number 20250301, but a date in quotes written YYYY-MM-DD is expected here.".into()),
        ("signed year, far past", with_account_value(0, "renewal_date", json!("-262143-01-01")).into_bytes(), "workspace.accounts[0].renewal_date: \"-262143-01-01\" is not a date; write it as YYYY-MM-DD, e.g. 2027-03-01.".into()),
        ("signed year, far future", with_account_value(0, "renewal_date", json!("+262142-12-31")).into_bytes(), "workspace.accounts[0].renewal_date: \"+262142-12-31\" is not a date; write it as YYYY-MM-DD, e.g. 2027-03-01.".into()),
        ("five-digit year", with_account_value(0, "renewal_date", json!("20270-01-01")).into_bytes(), "workspace.accounts[0].renewal_date: \"20270-01-01\" is not a date; write it as YYYY-MM-DD, e.g. 2027-03-01.".into()),
        ("year before 1900", with_account_value(0, "contract_start", json!("1899-12-31")).into_bytes(), "workspace.accounts[0].contract_start: \"1899-12-31\" is out of range; the planner takes dates from 1900-01-01 to 2200-12-31.".into()),
        ("year after 2200", with_account_value(0, "renewal_date", json!("2201-01-01")).into_bytes(), "workspace.accounts[0].renewal_date: \"2201-01-01\" is out of range; the planner takes dates from 1900-01-01 to 2200-12-31.".into()),
        ("far date deep inside", { let mut v: Value = serde_json::from_str(&example_text()).unwrap(); v["workspace"]["accounts"][0]["planning"]["qbrs"][0]["date"] = json!("9999-01-01"); v.to_string().into_bytes() }, "workspace.accounts[0].planning.qbrs[0].date: \"9999-01-01\" is out of range; the planner takes dates from 1900-01-01 to 2200-12-31.".into()),
        ("10,000-deep nesting", deep(10_000).into_bytes(), format!("workspace{}: the data is nested more than 32 levels deep; a planner file never goes deeper than 10", "[0]".repeat(31))),
        ("10^6 items", account_text(&format!(r#","products":[{}"x"]"#, "\"x\",".repeat(999_999))).into_bytes(), "workspace.accounts[0].products: a list has more than 5000 items, more than the planner reads".into()),
        ("a bad field before a list too long: the limit first", account_text(&format!(r#","arr":"184k","products":[{}"x"]"#, "\"x\",".repeat(5_000))).into_bytes(), "workspace.accounts[0].products: a list has more than 5000 items, more than the planner reads".into()),
        ("a newer version with a key twice: the key first", br#"{"format":"am-planner-workspace","version":4,"workspace":{},"workspace":{}}"#.to_vec(), "workspace: the key \"workspace\" appears twice in this object; keep one (JSON readers disagree on which one counts)".into()),
        ("another format, not JSON further on", br#"{"format":"crm-export","version":3,"rows":[1,2,}"#.to_vec(), "This file is not valid JSON (line 1, column 48: a value was expected here (text in quotes, a number, true, false, null, an object or a list)).".into()),
        ("over the size limit", vec![b' '; MAX_FILE_BYTES as usize + 1], "This file is 128.1 MB; the planner reads files up to 128 MB. Check that it is the right file: a workspace of 2,000 accounts with full plans is about 16 MB.".into()),
        ("lone surrogate", account_text("").replace("Acme", r"Ac\ud800me").into_bytes(), "This file is not valid JSON (line 1, column 112: a \\u escape holds half of a character (a lone surrogate such as \\ud800); text must be whole Unicode characters).".into()),
        ("raw NUL byte in a text", account_text("").replace("Acme", "Ac\0me").into_bytes(), "This file is not valid JSON (line 1, column 106: a text contains a raw control character (such as a tab or a line break); write it as \\t or \\n).".into()),
    ];
    let mut seen = std::collections::BTreeSet::new();
    let mut wrong = Vec::new();
    for (name, bytes, message) in &cases {
        assert!(seen.insert(*name), "{name} twice");
        let got = decode_bytes(bytes, read_day())
            .map(|_| ())
            .map_err(|e| e.to_string());
        if got != Err(message.clone()) {
            wrong.push(format!(
                "{name}:\n  got      {got:?}\n  expected {message:?}"
            ));
        }
        // The same refusal when the browser has already turned the bytes into text.
        let text = String::from_utf8_lossy(bytes);
        let got = decode(&text, read_day())
            .map(|_| ())
            .map_err(|e| e.to_string());
        if got != Err(message.clone()) {
            wrong.push(format!(
                "{name} (as text):\n  got      {got:?}\n  expected {message:?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(cases.len() >= 50, "{}", cases.len());
}

fn utf16(text: &str, bom: bool) -> Vec<u8> {
    let mut out = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
    out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    out
}

/// Every list of every released example (and of the demo), one item over the limit, is
/// refused with the limit's message at that list: the one typed reading of a good file
/// keeps the limit on each list field (`format::read::list`), none is left out.
#[test]
fn every_list_of_every_version_is_limited() {
    /// Each list with an item, once per place in the shape (`accounts[].products`), by
    /// its JSON pointer and its path as messages write it.
    fn lists(
        v: &Value,
        pointer: &str,
        path: &str,
        shape: &str,
        out: &mut Vec<(String, String, String)>,
    ) {
        match v {
            Value::Array(items) => {
                if !items.is_empty() && !out.iter().any(|(_, _, s)| s == shape) {
                    out.push((pointer.to_string(), path.to_string(), shape.to_string()));
                }
                for (i, item) in items.iter().enumerate() {
                    lists(
                        item,
                        &format!("{pointer}/{i}"),
                        &format!("{path}[{i}]"),
                        &format!("{shape}[]"),
                        out,
                    );
                }
            }
            Value::Object(map) => {
                for (k, item) in map {
                    let path = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    lists(
                        item,
                        &format!("{pointer}/{k}"),
                        &path,
                        &format!("{shape}.{k}"),
                        out,
                    );
                }
            }
            _ => {}
        }
    }
    let files = [
        std::fs::read_to_string("tests/fixtures/workspace-v1-example.json").unwrap(),
        std::fs::read_to_string("tests/fixtures/workspace-v2-example.json").unwrap(),
        std::fs::read_to_string("tests/fixtures/workspace-v3-example.json").unwrap(),
        encode(&demo_workspace(today()), None),
    ];
    let mut checked = 0;
    let mut wrong = Vec::new();
    // The demo is read by the version 3 reader, as the version 3 example: only its lists
    // that example does not have are made long.
    let mut seen_v3 = Vec::new();
    for text in &files {
        let file: Value = serde_json::from_str(text).unwrap();
        let mut found = Vec::new();
        lists(&file, "", "", "", &mut found);
        if file["version"] == 3 {
            found.retain(|(_, _, shape)| !seen_v3.contains(shape));
            seen_v3.extend(found.iter().map(|(_, _, shape)| shape.clone()));
        }
        for (pointer, path, _) in found {
            let mut long = file.clone();
            let list = long.pointer_mut(&pointer).unwrap().as_array_mut().unwrap();
            // The smallest account is enough (the accounts' own lists are made long apart).
            let first = match path.as_str() {
                "workspace.accounts" => json!({"id": 1, "name": "A"}),
                _ => list[0].clone(),
            };
            list.resize(MAX_LIST_ITEMS + 1, first);
            let got = decode(&long.to_string(), read_day()).map(|_| ());
            let expected = bad_field(
                &path,
                "a list has more than 5000 items, more than the planner reads",
            );
            if got != Err(expected) {
                wrong.push(format!("version {} {path}: {got:?}", file["version"]));
            }
            checked += 1;
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(checked >= 60, "{checked} lists");
}

/// Inputs that look odd but are accepted on purpose, and read back exactly as given.
#[test]
fn odd_inputs_accepted_on_purpose() {
    let name_of = |text: &str| {
        decode(text, read_day()).unwrap().workspace.accounts()[0]
            .fields
            .name
            .clone()
    };
    // Escaped NUL and other control characters are text like any other.
    assert_eq!(
        name_of(&account_text("").replace("Acme", r"Ac\u0000me")),
        "Ac\0me"
    );
    // Bidirectional controls (an override, an isolate) are kept; the screens isolate them.
    assert_eq!(
        name_of(&account_text("").replace("Acme", r"\u202eemcA")),
        "\u{202e}emcA"
    );
    assert_eq!(
        name_of(&account_text("").replace("Acme", r"\u2067Acme\u2069")),
        "\u{2067}Acme\u{2069}"
    );
    // Markup is text.
    assert_eq!(
        name_of(&account_text("").replace("Acme", "<img src=x onerror=alert(1)>")),
        "<img src=x onerror=alert(1)>"
    );
    // A byte-order mark before the JSON is skipped.
    assert!(decode(&format!("\u{feff}{}", example_text()), read_day()).is_ok());
    assert!(decode_bytes(
        &[b"\xEF\xBB\xBF".as_slice(), example_text().as_bytes()].concat(),
        read_day()
    )
    .is_ok());
    // A 10 MB note is under the size limit: read, and written back the same.
    let notes = "n".repeat(10 << 20);
    let ws = decode(&account_text(&format!(r#","notes":"{notes}""#)), read_day())
        .unwrap()
        .workspace;
    assert_eq!(ws.accounts()[0].fields.notes.len(), 10 << 20);
    assert_eq!(
        decode(&encode(&ws, None), read_day()).unwrap().workspace,
        ws
    );
    // A list of exactly the limit is read.
    let items = format!("{}\"x\"", "\"x\",".repeat(MAX_LIST_ITEMS - 1));
    let ws = decode(
        &account_text(&format!(r#","products":[{items}]"#)),
        read_day(),
    )
    .unwrap()
    .workspace;
    assert_eq!(ws.accounts()[0].fields.products.len(), MAX_LIST_ITEMS);
    // The first and last days of the range.
    let ws = decode(
        &account_text(r#","contract_start":"1900-01-01","renewal_date":"2200-12-31""#),
        read_day(),
    )
    .unwrap()
    .workspace;
    let f = &ws.accounts()[0].fields;
    assert_eq!(f.contract_start, NaiveDate::from_ymd_opt(1900, 1, 1));
    assert_eq!(f.renewal_date, NaiveDate::from_ymd_opt(2200, 12, 31));
}

/// A workspace of 2,000 accounts as rich as the demo's richest ones stays well under the
/// size limit, which is what the limit is chosen against.
#[test]
fn the_size_limit_is_well_above_a_2000_account_workspace() {
    let demo = demo_workspace(today());
    let rich: Vec<Account> = (0..2000)
        .map(|i| {
            let mut a = demo.accounts()[i % demo.accounts().len()].clone();
            a.id = AccountId(i as u32 + 1);
            a
        })
        .collect();
    let ws = Workspace::from_accounts(demo.currency.clone(), false, rich).unwrap();
    let bytes = encode(&ws, None).len() as u64;
    assert!(
        bytes * 2 < MAX_FILE_BYTES,
        "2,000 accounts take {bytes} bytes"
    );
    // The figure the refusal message and docs/input-rules.md give.
    assert_eq!((bytes as f64 / 1048576.0).round(), 16.0, "{bytes} bytes");
}

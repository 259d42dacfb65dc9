//! The published promise about the file: the JSON Schemas in `public/schema/`, the example
//! of `docs/file-format.md` (committed as `tests/fixtures/workspace-v3-example.json`), the
//! released version 1 example (`tests/fixtures/workspace-v1-example.json`), the reader and
//! the writer must all agree.
//!
//! The schemas are walked by `tests/support/json_schema.rs` (there is no JSON Schema crate
//! here: it understands the keywords the schemas use and refuses any other).

mod common;
#[path = "support/json_schema.rs"]
mod json_schema;
use common::read_day;
use json_schema::{child, pattern_matches, shown, Loc, Outcome, Schemas};
use std::collections::BTreeSet;

use am_planner::demo::demo_workspace;
use am_planner::domain::{Currency, Workspace};
use am_planner::format::share::{decode_account, encode_account, ShareKind};
use am_planner::format::{decode, encode, ImportError};
use serde_json::{json, Map, Value};

const WORKSPACE_SCHEMA: &str = include_str!("../public/schema/workspace-v1.json");
const ACCOUNT_SCHEMA: &str = include_str!("../public/schema/account-v1.json");
const ACCOUNT_V2_SCHEMA: &str = include_str!("../public/schema/account-v2.json");
const WORKSPACE_V2_SCHEMA: &str = include_str!("../public/schema/workspace-v2.json");
const WORKSPACE_V3_SCHEMA: &str = include_str!("../public/schema/workspace-v3.json");
const ACCOUNT_V3_SCHEMA: &str = include_str!("../public/schema/account-v3.json");
const EXAMPLE: &str = include_str!("fixtures/workspace-v1-example.json");
const EXAMPLE_V2: &str = include_str!("fixtures/workspace-v2-example.json");
const EXAMPLE_V3: &str = include_str!("fixtures/workspace-v3-example.json");
const DOC: &str = include_str!("../docs/file-format.md");

// ---------------------------------------------------------------- the schemas

const WORKSPACE: &str = "workspace-v1.json";
const ACCOUNT: &str = "account-v1.json";
const WORKSPACE_V2: &str = "workspace-v2.json";
const ACCOUNT_V2: &str = "account-v2.json";
const WORKSPACE_V3: &str = "workspace-v3.json";
const ACCOUNT_V3: &str = "account-v3.json";

fn load() -> Schemas {
    Schemas::new(&[
        (WORKSPACE, WORKSPACE_SCHEMA),
        (ACCOUNT, ACCOUNT_SCHEMA),
        (WORKSPACE_V2, WORKSPACE_V2_SCHEMA),
        (ACCOUNT_V2, ACCOUNT_V2_SCHEMA),
        (WORKSPACE_V3, WORKSPACE_V3_SCHEMA),
        (ACCOUNT_V3, ACCOUNT_V3_SCHEMA),
    ])
}

// ---------------------------------------------------------------- helpers

fn example() -> Value {
    serde_json::from_str(EXAMPLE).expect("the example is JSON")
}

/// Equal JSON, numbers compared by value (`184000` and `184000.0` are the same amount).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

fn encoded(ws: &Workspace, exported_at: Option<&str>) -> Value {
    serde_json::from_str(&encode(ws, exported_at.map(String::from))).unwrap()
}

fn assert_valid(schemas: &Schemas, doc: &'static str, value: &Value, what: &str) -> Outcome {
    let out = schemas.walk(doc, value);
    assert_eq!(out.errors, Vec::<(String, String)>::new(), "{what}");
    out
}

use common::today;

// ---------------------------------------------------------------- the example is real

#[test]
fn example_reads_and_is_what_the_app_writes_back() {
    let d = decode(EXAMPLE, read_day()).expect("the documented example reads");
    let ws = &d.workspace;
    assert_eq!(d.version, 1);
    assert_eq!(d.exported_at.as_deref(), Some("2026-11-22T09:30:00Z"));
    assert_eq!(ws.currency.code(), "EUR");
    assert!(!ws.demo);
    assert_eq!(ws.settings.health.weight_changes().len(), 1);
    let names: Vec<&str> = ws
        .accounts()
        .iter()
        .map(|a| a.fields.name.as_str())
        .collect();
    assert_eq!(names, ["Lindqvist Freight AB", "Marlow Dental Group"]);
    let first = &ws.accounts()[0];
    assert_eq!(first.fields.arr, 184_000.0);
    assert_eq!(first.health.snapshots().len(), 2);
    assert_eq!(first.stakeholders.people().len(), 2);
    assert_eq!(first.renewal.notice_days(), Some(60));
    assert_eq!(first.expansion.opportunities().len(), 1);
    assert_eq!(first.planning.plan.content().goals.len(), 2);
    assert_eq!(first.planning.qbrs().len(), 1);
    assert_eq!(first.planning.qualifications().len(), 1);
    assert_eq!(ws.accounts()[1].save_plans.all().len(), 1);
    // Written back, the file is the same document in the current version: the example is
    // in the writer's shape, and a version 1 file has no workspace id yet.
    let back = encoded(ws, d.exported_at.as_deref());
    let expected = migrated_to_v3(example());
    assert!(
        same(&back, &expected),
        "encode(decode(example, read_day())) differs:\n{back:#}"
    );
}

/// What a version 1 or 2 file is once read and written back as version 3: every account's
/// ARR becomes one `new` change on its contract start (all the examples' accounts have
/// one), and the settings gain the KPI defaults.
fn migrated_to_v3(mut v: Value) -> Value {
    v["version"] = json!(3);
    v["workspace"]["settings"]["kpi"] = json!({
        "renewal_odds": { "green": 95, "yellow": 75, "red": 40, "no_score": 75 },
        "expansion_target": null
    });
    for a in v["workspace"]["accounts"].as_array_mut().unwrap() {
        let (arr, start) = (a["arr"].clone(), a["contract_start"].clone());
        a["arr_log"] = json!([{ "date": start, "kind": "new", "amount": arr, "note": "" }]);
    }
    v
}

#[test]
fn version_3_example_reads_validates_and_writes_back_as_is() {
    let d = decode(EXAMPLE_V3, read_day()).expect("the version 3 example reads");
    assert_eq!(d.version, 3);
    let ws = &d.workspace;
    let log = &ws.accounts()[0].arr_log;
    assert_eq!(log.events().len(), 4);
    assert_eq!(log.total(), ws.accounts()[0].fields.arr);
    assert_eq!(ws.settings.kpi.expansion_target, Some(120_000.0));
    assert_eq!(ws.settings.kpi.renewal_odds.yellow, 70.0);
    let example_v3: Value = serde_json::from_str(EXAMPLE_V3).unwrap();
    let back = encoded(ws, d.exported_at.as_deref());
    assert!(
        same(&back, &example_v3),
        "encode(decode(v3 example)) differs:\n{back:#}"
    );
    let schemas = load();
    let out = assert_valid(&schemas, WORKSPACE_V3, &example_v3, "the v3 example");
    let missing: Vec<Loc> = schemas
        .declared(WORKSPACE_V3)
        .difference(&out.seen)
        .cloned()
        .collect();
    assert_eq!(
        missing,
        Vec::<Loc>::new(),
        "fields the v3 example never shows"
    );
    // The version 2 schema refuses the new fields, as the version 2 reader does.
    let mut v2_with_log = example_v3.clone();
    v2_with_log["version"] = json!(2);
    assert!(!schemas.walk(WORKSPACE_V2, &v2_with_log).errors.is_empty());
    assert!(matches!(
        decode(&v2_with_log.to_string(), read_day()),
        Err(ImportError::BadField { .. })
    ));
    // Without the version 3 fields, the same body is the version 2 example: the
    // migration of the v2 example gives the same accounts but for their history.
    let v2 = decode(EXAMPLE_V2, read_day()).unwrap().workspace;
    for (a, b) in v2.accounts().iter().zip(ws.accounts()) {
        assert_eq!(a.fields, b.fields);
        assert_eq!(a.arr_log.events().len(), 1, "{}", a.fields.name);
    }
}

#[test]
fn version_2_example_is_version_1_with_an_id_and_writes_back_as_is() {
    let v1 = decode(EXAMPLE, read_day()).unwrap();
    let v2 = decode(EXAMPLE_V2, read_day()).expect("the version 2 example reads");
    assert_eq!((v1.version, v2.version), (1, 2));
    assert_eq!(v1.workspace.id, None);
    assert_eq!(
        v2.workspace.id.as_ref().map(|i| i.as_str()),
        Some("5f0c2a8e-3b1d-4c7a-9e64-2d8b7f1a0c93")
    );
    let mut same_body = v2.workspace.clone();
    same_body.id = None;
    same_body.practice = Default::default();
    assert_eq!(same_body, v1.workspace, "migration keeps everything else");
    let example_v2: Value = serde_json::from_str(EXAMPLE_V2).unwrap();
    let back = encoded(&v2.workspace, v2.exported_at.as_deref());
    assert!(
        same(&back, &migrated_to_v3(example_v2.clone())),
        "encode(decode(v2 example, read_day())) differs:\n{back:#}"
    );
    let schemas = load();
    let out = assert_valid(&schemas, WORKSPACE_V2, &example_v2, "the v2 example");
    let missing: Vec<Loc> = schemas
        .declared(WORKSPACE_V2)
        .difference(&out.seen)
        .cloned()
        .collect();
    assert_eq!(
        missing,
        Vec::<Loc>::new(),
        "fields the v2 example never shows"
    );
    // The version 1 schema refuses the new field, as the version 1 reader does.
    let mut v1_with_id = example();
    v1_with_id["workspace_id"] = json!("5f0c2a8e-3b1d-4c7a-9e64-2d8b7f1a0c93");
    assert!(!schemas.walk(WORKSPACE, &v1_with_id).errors.is_empty());
}

#[test]
fn the_documentation_shows_the_example_file_verbatim() {
    assert!(
        DOC.contains(EXAMPLE_V3.trim_end()),
        "docs/file-format.md must include tests/fixtures/workspace-v3-example.json as is"
    );
}

// ---------------------------------------------------------------- the schemas themselves

#[test]
fn schemas_are_closed_described_and_fully_understood_by_this_test() {
    let schemas = load();
    for doc in [
        WORKSPACE,
        ACCOUNT,
        WORKSPACE_V2,
        ACCOUNT_V2,
        WORKSPACE_V3,
        ACCOUNT_V3,
    ] {
        assert_eq!(
            schemas.doc(doc)["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        schemas.assert_understood(doc);
        for (loc, s) in schemas.all_nodes(doc) {
            if s.get("type").and_then(Value::as_str) != Some("object") {
                continue;
            }
            assert_eq!(
                s.get("additionalProperties"),
                Some(&Value::Bool(false)),
                "{loc:?}: the reader refuses unknown fields, so the schema must too"
            );
            let props = s["properties"]
                .as_object()
                .expect("an object declares properties");
            for (k, p) in props {
                let text = p.get("description").and_then(Value::as_str).unwrap_or("");
                assert!(
                    text.len() >= 10,
                    "{loc:?}.{k}: describe the property in plain words"
                );
            }
            for r in s
                .get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                assert!(
                    props.contains_key(r.as_str().unwrap()),
                    "{loc:?}: required {r} is not declared"
                );
            }
        }
    }
}

#[test]
fn pattern_matchers_of_this_test_accept_and_refuse_as_the_patterns_say() {
    type Case = (&'static str, &'static str, bool);
    let p_date = "^(19\\d{2}|2[01]\\d{2}|2200)-\\d{2}-\\d{2}$";
    let p_time = "^(([01]?[0-9]|2[0-2]):[0-5][0-9]|23:00)$";
    let p_step = "^(triage|tell_leadership|executive_outreach|root_cause_meeting|check_in_([1-9]|[1-9][0-9]|[1-4][0-9]{2}|5[01][0-9]|520))$";
    let cases: &[Case] = &[
        ("\\S", "x", true),
        ("\\S", " \t", false),
        ("\\S", "", false),
        ("^[A-Z]{3}$", "EUR", true),
        ("^[A-Z]{3}$", "eur", false),
        ("^[A-Z]{3}$", "EURO", false),
        (p_date, "2027-03-01", true),
        (p_date, "2027-3-01", false),
        (p_date, "27-03-01", false),
        (p_date, "2027/03/01", false),
        (p_date, "1900-01-01", true),
        (p_date, "2200-12-31", true),
        (p_date, "1899-12-31", false),
        (p_date, "2201-01-01", false),
        (p_date, "+262142-12-31", false),
        (p_time, "9:30", true),
        (p_time, "09:30", true),
        (p_time, "22:59", true),
        (p_time, "23:00", true),
        (p_time, "23:01", false),
        (p_time, "24:00", false),
        (p_time, "10:60", false),
        (p_time, "10:5", false),
        (p_time, "100:00", false),
        (p_step, "triage", true),
        (p_step, "root_cause_meeting", true),
        (p_step, "check_in_1", true),
        (p_step, "check_in_99", true),
        (p_step, "check_in_499", true),
        (p_step, "check_in_519", true),
        (p_step, "check_in_520", true),
        (p_step, "check_in_521", false),
        (p_step, "check_in_0", false),
        (p_step, "check_in_01", false),
        (p_step, "check_in_", false),
        (p_step, "triage2", false),
    ];
    for (pattern, text, expected) in cases {
        assert_eq!(
            pattern_matches(pattern, text),
            Some(*expected),
            "{pattern} on {text:?}"
        );
    }
}

// ---------------------------------------------------------------- schema and serde agree

#[test]
fn example_validates_and_uses_every_declared_field() {
    let schemas = load();
    let out = assert_valid(&schemas, WORKSPACE, &example(), "the example");
    let missing: Vec<String> = schemas
        .declared(WORKSPACE)
        .difference(&out.seen)
        .map(|l| l.pointer.clone())
        .collect();
    assert_eq!(
        missing,
        Vec::<String>::new(),
        "fields the example never shows"
    );
}

#[test]
fn what_the_writer_emits_is_declared_with_every_required_key() {
    let schemas = load();
    let from_example = decode(EXAMPLE, read_day()).unwrap().workspace;
    let cases = [
        (
            "example written back",
            encoded(&from_example, Some("2026-11-22T09:30:00Z")),
        ),
        ("demo", encoded(&demo_workspace(today()), None)),
        (
            "empty workspace",
            encoded(&Workspace::empty(Currency::new("GBP").unwrap()), None),
        ),
    ];
    for (what, value) in &cases {
        assert_valid(&schemas, WORKSPACE_V3, value, what);
    }
}

#[test]
fn shared_account_files_match_the_account_schemas() {
    let schemas = load();
    let ws = decode(EXAMPLE_V3, read_day()).unwrap().workspace;
    let mut seen = BTreeSet::new();
    let mut seen_v1 = BTreeSet::new();
    let mut seen_v2 = BTreeSet::new();
    for a in ws.accounts() {
        for kind in [ShareKind::Colleague, ShareKind::Customer] {
            let text = encode_account(kind, a, &ws.currency, Some("2026-11-22T09:30:00Z".into()));
            let back = decode_account(&text, read_day()).unwrap();
            assert_eq!(back.kind, kind);
            assert_eq!(back.account, kind.copy_of(a));
            let value: Value = serde_json::from_str(&text).unwrap();
            let out = assert_valid(&schemas, ACCOUNT_V3, &value, &a.fields.name);
            seen.extend(out.seen);
            // The same file as version 2 wrote it (no ARR history) matches the version 2
            // schema and reads with its ARR as one `new` change at the contract start.
            let mut v2 = value.clone();
            for v3_only in [
                "arr_log",
                "crm_id",
                "white_space",
                "commitments",
                "escalations",
            ] {
                v2["account"].as_object_mut().unwrap().remove(v3_only);
            }
            if let Some(plans) = v2["account"]["save_plans"].as_array_mut() {
                for p in plans {
                    p.as_object_mut().unwrap().remove("milestones");
                    p.as_object_mut().unwrap().remove("check_ins");
                    p.as_object_mut().unwrap().remove("step_owners");
                }
            }
            // Owners of renewal tasks are version 3 too.
            if let Some(r) = v2["account"]["renewal"].as_object_mut() {
                r.remove("owners");
                if let Some(tasks) = r.get_mut("custom_tasks").and_then(Value::as_array_mut) {
                    for t in tasks {
                        t.as_object_mut().unwrap().remove("owner");
                    }
                }
            }
            v2["version"] = json!(2);
            let out = assert_valid(&schemas, ACCOUNT_V2, &v2, &a.fields.name);
            seen_v2.extend(out.seen);
            let from_v2 = decode_account(&v2.to_string(), read_day()).unwrap();
            assert_eq!(from_v2.account.fields, back.account.fields);
            assert!(from_v2.account.arr_log.events().len() <= 1);
            assert_eq!(from_v2.account.arr_log.total(), back.account.fields.arr);
            // As version 1 wrote it (no kind) it matches the version 1 schema and reads
            // as a colleague's.
            if kind == ShareKind::Colleague {
                let mut v1 = v2.clone();
                v1.as_object_mut().unwrap().remove("kind");
                v1["version"] = json!(1);
                let out = assert_valid(&schemas, ACCOUNT, &v1, &a.fields.name);
                seen_v1.extend(out.seen);
                assert_eq!(
                    decode_account(&v1.to_string(), read_day()).unwrap(),
                    from_v2
                );
            }
        }
    }
    for (doc, seen) in [
        (ACCOUNT_V3, seen),
        (ACCOUNT_V2, seen_v2),
        (ACCOUNT, seen_v1),
    ] {
        let missing: Vec<Loc> = schemas.declared(doc).difference(&seen).cloned().collect();
        assert_eq!(missing, Vec::<Loc>::new());
    }
}

/// Removes `key` from the object at `pointer`.
fn without(value: &Value, pointer: &str, key: &str) -> Value {
    let mut v = value.clone();
    v.pointer_mut(pointer)
        .and_then(Value::as_object_mut)
        .unwrap()
        .remove(key);
    v
}

/// JSON pointer of a reader-style path: `workspace.accounts[1].save_plans[0]`.
fn pointer_of(path: &str) -> String {
    let mut p = String::new();
    for part in path.split('.').filter(|s| !s.is_empty()) {
        let mut pieces = part.split('[');
        p.push('/');
        p.push_str(pieces.next().unwrap());
        for index in pieces {
            p.push('/');
            p.push_str(index.trim_end_matches(']'));
        }
    }
    p
}

/// A key is `required` in the schema exactly when serde has no default for it: leaving it
/// out of the example is then refused as a missing field, at the object's path.
#[test]
fn required_in_the_schema_means_required_by_the_reader() {
    let schemas = load();
    let ex = example();
    let out = assert_valid(&schemas, WORKSPACE, &ex, "the example");
    let mut checked = 0;
    for (path, loc) in &out.objects {
        let s = schemas.at(loc);
        let required: Vec<&str> = s
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|r| r.as_str().unwrap())
            .collect();
        let pointer = pointer_of(path);
        for key in ex.pointer(&pointer).unwrap().as_object().unwrap().keys() {
            if path.is_empty() && (key == "format" || key == "version") {
                continue; // refused before serde with their own messages, see below
            }
            let result = decode(&without(&ex, &pointer, key).to_string(), read_day());
            let missing = ImportError::BadField {
                path: shown(path),
                detail: format!("the field \"{key}\" is required and missing."),
            };
            if required.contains(&key.as_str()) {
                assert_eq!(
                    result.as_ref().err(),
                    Some(&missing),
                    "{path}.{key} is required"
                );
            } else {
                assert!(
                    !matches!(&result, Err(ImportError::BadField { detail, .. }) if detail.ends_with("is required and missing.")),
                    "{path}.{key} is optional in the schema, yet: {result:?}"
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 200, "only {checked} keys checked");
    let root = schemas.at(&Loc::root(WORKSPACE));
    assert_eq!(root["required"], json!(["format", "version", "workspace"]));
    assert_eq!(
        decode(&without(&ex, "", "format").to_string(), read_day()),
        Err(ImportError::NotWorkspace { found: None })
    );
    assert_eq!(
        decode(&without(&ex, "", "version").to_string(), read_day()),
        Err(ImportError::BadVersion {
            found: "nothing".into()
        })
    );
}

// ---------------------------------------------------------------- refusals agree

type Edit = fn(&mut Value);

fn acc(v: &mut Value, i: usize) -> &mut Value {
    &mut v["workspace"]["accounts"][i]
}

/// Both the reader and the schema refuse the edited example: the reader with `message`
/// (its whole text, or the start of it when it ends with `...`), the schema with a problem
/// at `schema_path`.
fn check_refused(name: &str, edit: Edit, message: &str, schema_path: &str) {
    let schemas = load();
    let mut v = example();
    edit(&mut v);
    let got = decode(&v.to_string(), read_day())
        .map(|_| ())
        .map_err(|e| e.to_string());
    match message.strip_suffix("...") {
        Some(start) => assert!(
            matches!(&got, Err(m) if m.starts_with(start)),
            "{name}: reader said {got:?}, expected {message}"
        ),
        None => assert_eq!(got, Err(message.to_string()), "{name}"),
    }
    let out = schemas.walk(WORKSPACE, &v);
    assert!(
        out.errors.iter().any(|(p, _)| p == schema_path),
        "{name}: schema problems {:?}, expected one at {schema_path}",
        out.errors
    );
}

#[test]
fn reader_and_schema_refuse_the_same_files() {
    let cases: &[(&str, Edit, &str, &str)] = &[
        ("newer version", |v| v["version"] = json!(4), "This file is format version 4, written by a newer version...", "version"),
        ("workspace id in version 1", |v| v["workspace_id"] = json!("5f0c2a8e-3b1d"), "workspace_id: \"workspace_id\" is not a field the planner knows here...", "workspace_id"),
        ("other format", |v| v["format"] = json!("crm-export"), "This JSON file is not an Account Planner workspace: its format is \"crm-export\"...", "format"),
        ("unknown top field", |v| v["source"] = json!("crm"), "source: \"source\" is not a field the planner knows here...", "source"),
        ("lower-case currency", |v| v["workspace"]["currency"] = json!("eur"), "workspace.currency: \"eur\" is not a currency code: use three capital letters such as USD or EUR.", "workspace.currency"),
        ("no accounts' name", |v| { acc(v, 0).as_object_mut().unwrap().remove("name"); }, "workspace.accounts[0]: the field \"name\" is required and missing.", "workspace.accounts[0]"),
        ("blank name", |v| acc(v, 0)["name"] = json!("   "), "workspace.accounts[0].name: Give the account a name.", "workspace.accounts[0].name"),
        ("unknown account field", |v| acc(v, 1)["crm_id"] = json!("0061x"), "workspace.accounts[1].crm_id: \"crm_id\" is not a field the planner knows here...", "workspace.accounts[1].crm_id"),
        ("impossible day", |v| acc(v, 0)["renewal_date"] = json!("2027-02-30"), "workspace.accounts[0].renewal_date: \"2027-02-30\" is not a date: February 2027 has 28 days.", "workspace.accounts[0].renewal_date"),
        ("year 2201", |v| acc(v, 0)["renewal_date"] = json!("2201-01-01"), "workspace.accounts[0].renewal_date: \"2201-01-01\" is out of range; the planner takes dates from 1900-01-01 to 2200-12-31.", "workspace.accounts[0].renewal_date"),
        ("signed year", |v| acc(v, 0)["renewal_date"] = json!("+262142-12-31"), "workspace.accounts[0].renewal_date: \"+262142-12-31\" is not a date; write it as YYYY-MM-DD, e.g. 2027-03-01.", "workspace.accounts[0].renewal_date"),
        ("US date", |v| acc(v, 0)["contract_start"] = json!("03/01/2025"), "workspace.accounts[0].contract_start: \"03/01/2025\" is not a date; write it as YYYY-MM-DD, e.g. 2027-03-01.", "workspace.accounts[0].contract_start"),
        ("segment", |v| acc(v, 0)["segment"] = json!("large"), "workspace.accounts[0].segment: \"large\" is not a segment; use one of enterprise, mid_market, smb.", "workspace.accounts[0].segment"),
        ("size", |v| acc(v, 0)["size"] = json!("1000+"), "workspace.accounts[0].size: \"1000+\" is not a company size; use one of...", "workspace.accounts[0].size"),
        ("tier 4", |v| acc(v, 1)["tier"] = json!(4), "workspace.accounts[1].tier: tier must be 1, 2 or 3, found 4", "workspace.accounts[1].tier"),
        ("negative ARR", |v| acc(v, 0)["arr"] = json!(-1), "workspace.accounts[0].arr: ARR cannot be negative.", "workspace.accounts[0].arr"),
        ("ARR as text", |v| acc(v, 0)["arr"] = json!("184k"), "workspace.accounts[0].arr: found the text \"184k\", but a number is expected here.", "workspace.accounts[0].arr"),
        ("negative id", |v| acc(v, 0)["id"] = json!(-1), "workspace.accounts[0].id: found the number -1, but a whole number from 0 to 4294967295 is expected here.", "workspace.accounts[0].id"),
        ("NPS 11", |v| acc(v, 0)["health"]["snapshots"][1]["nps"] = json!(11), "workspace.accounts[0].health.snapshots[1].nps: NPS must be from 0 to 10, found 11", "workspace.accounts[0].health.snapshots[1].nps"),
        ("NPS 8.5", |v| acc(v, 0)["health"]["snapshots"][1]["nps"] = json!(8.5), "workspace.accounts[0].health.snapshots[1].nps: found the number 8.5, but a whole number is expected here.", "workspace.accounts[0].health.snapshots[1].nps"),
        ("usage 120%", |v| acc(v, 0)["health"]["snapshots"][0]["seat_usage_pct"] = json!(120), "workspace.accounts[0].health.snapshots[0].seat_usage_pct: seat usage % must be 100 or less, found 120", "workspace.accounts[0].health.snapshots[0].seat_usage_pct"),
        ("no signal", |v| acc(v, 0)["health"]["snapshots"][0] = json!({"date": "2026-08-15", "nps": null}), "workspace.accounts[0].health.snapshots[0]: the snapshot has no signal...", "workspace.accounts[0].health.snapshots[0]"),
        ("ticket trend", |v| acc(v, 0)["health"]["snapshots"][1]["ticket_trend"] = json!("worse"), "workspace.accounts[0].health.snapshots[1].ticket_trend: \"worse\" is not a ticket trend; use one of...", "workspace.accounts[0].health.snapshots[1].ticket_trend"),
        ("negative weight", |v| v["workspace"]["settings"]["health"]["weights"]["roi"] = json!(-5), "workspace.settings.health.weights.roi: weight must be 0 or more, found -5", "workspace.settings.health.weights.roi"),
        ("all weights 0", |v| v["workspace"]["settings"]["health"]["weights"] = json!({"usage": 0, "adoption": 0, "relationship": 0, "support": 0, "roi": 0}), "workspace.settings.health.weights: At least one weight must be above 0, or there is nothing to score.", "workspace.settings.health.weights"),
        ("influence 6", |v| acc(v, 0)["stakeholders"]["people"][0]["influence"] = json!(6), "workspace.accounts[0].stakeholders.people[0].influence: influence must be 1 to 5, found 6", "workspace.accounts[0].stakeholders.people[0].influence"),
        ("role twice", |v| acc(v, 0)["stakeholders"]["people"][0]["roles"] = json!(["champion", "champion"]), "workspace.accounts[0].stakeholders.people[0].roles[1]: the role \"champion\" is listed twice", "workspace.accounts[0].stakeholders.people[0].roles[1]"),
        ("no sentiment", |v| { acc(v, 0)["stakeholders"]["people"][1].as_object_mut().unwrap().remove("sentiment"); }, "workspace.accounts[0].stakeholders.people[1]: the field \"sentiment\" is required and missing.", "workspace.accounts[0].stakeholders.people[1]"),
        ("notice 800 days", |v| acc(v, 0)["renewal"]["notice_days"] = json!(800), "workspace.accounts[0].renewal.notice_days: A notice period of 800 days is more than two years...", "workspace.accounts[0].renewal.notice_days"),
        ("task of another milestone", |v| acc(v, 0)["renewal"]["done"][0]["task"] = json!("qbr"), "workspace.accounts[0].renewal.done[0].task: T-120 has no task \"qbr\"; its tasks are forecast, roi, risks", "workspace.accounts[0].renewal.done[0].task"),
        ("milestone t45", |v| acc(v, 0)["renewal"]["done"][0]["milestone"] = json!("t45"), "workspace.accounts[0].renewal.done[0].milestone: \"t45\" is not a renewal milestone; use one of...", "workspace.accounts[0].renewal.done[0].milestone"),
        ("blank task", |v| acc(v, 0)["renewal"]["custom_tasks"][0]["text"] = json!(" "), "workspace.accounts[0].renewal.custom_tasks[0].text: Write what the task is.", "workspace.accounts[0].renewal.custom_tasks[0].text"),
        ("estimated ARR < 0", |v| acc(v, 0)["expansion"]["opportunities"][0]["estimated_arr"] = json!(-10), "workspace.accounts[0].expansion.opportunities[0].estimated_arr: Estimated ARR cannot be negative.", "workspace.accounts[0].expansion.opportunities[0].estimated_arr"),
        ("computed readiness item", |v| acc(v, 0)["expansion"]["readiness"]["renewal_not_within_60_days"] = json!(true), "workspace.accounts[0].expansion.readiness.renewal_not_within_60_days: \"renewal_not_within_60_days\" is not a field the planner knows here...", "workspace.accounts[0].expansion.readiness.renewal_not_within_60_days"),
        ("stage", |v| acc(v, 0)["expansion"]["opportunities"][0]["stage"] = json!("closed"), "workspace.accounts[0].expansion.opportunities[0].stage: \"closed\" is not a stage; use one of...", "workspace.accounts[0].expansion.opportunities[0].stage"),
        ("four goals", |v| {
            let goals = &mut acc(v, 0)["planning"]["plan"]["goals"];
            for id in [3, 4] {
                goals.as_array_mut().unwrap().push(json!({"id": id, "text": "More"}));
            }
        }, "workspace.accounts[0].planning.plan.goals: Keep to the customer's top 3 goals; this plan has 4.", "workspace.accounts[0].planning.plan.goals"),
        ("manual metric without met", |v| { acc(v, 0)["planning"]["plan"]["metrics"][1].as_object_mut().unwrap().remove("met"); }, "workspace.accounts[0].planning.plan.metrics[1].met: a manual metric needs \"met\": true or false", "workspace.accounts[0].planning.plan.metrics[1]"),
        ("met on at_least", |v| acc(v, 0)["planning"]["plan"]["metrics"][0]["met"] = json!(true), "workspace.accounts[0].planning.plan.metrics[0].met: \"met\" is only for manual metrics...", "workspace.accounts[0].planning.plan.metrics[0].met"),
        ("QBR at 23:30", |v| acc(v, 0)["planning"]["qbrs"][0]["start"] = json!("23:30"), "workspace.accounts[0].planning.qbrs[0].start: Start by 23:00 so the hour ends by midnight.", "workspace.accounts[0].planning.qbrs[0].start"),
        ("QBR at 10h", |v| acc(v, 0)["planning"]["qbrs"][0]["start"] = json!("10h"), "workspace.accounts[0].planning.qbrs[0].start: \"10h\" is not a time of day; use HH:MM, e.g. 14:00.", "workspace.accounts[0].planning.qbrs[0].start"),
        ("unknown prep item", |v| acc(v, 0)["planning"]["qbrs"][0]["prep_done"] = json!(["slides"]), "workspace.accounts[0].planning.qbrs[0].prep_done[0]: unknown preparation item \"slides\"...", "workspace.accounts[0].planning.qbrs[0].prep_done[0]"),
        ("attendee twice", |v| acc(v, 0)["planning"]["qbrs"][0]["attendees"] = json!([1, 1]), "workspace.accounts[0].planning.qbrs[0].attendees[1]: Stakeholder 1 is invited twice.", "workspace.accounts[0].planning.qbrs[0].attendees[1]"),
        ("rating 4", |v| acc(v, 0)["planning"]["qualifications"][0]["bant"]["need"]["rating"] = json!(4), "workspace.accounts[0].planning.qualifications[0].bant.need.rating: Rate from 0 to 3; 4 is out of range.", "workspace.accounts[0].planning.qualifications[0].bant.need.rating"),
        ("MEDDIC element missing", |v| { acc(v, 0)["planning"]["qualifications"][0]["meddic"].as_object_mut().unwrap().remove("champion"); }, "workspace.accounts[0].planning.qualifications[0].meddic: the field \"champion\" is required and missing.", "workspace.accounts[0].planning.qualifications[0].meddic"),
        ("zero investment", |v| acc(v, 0)["planning"]["qualifications"][0]["business_case"]["investment"] = json!(0), "workspace.accounts[0].planning.qualifications[0].business_case.investment: The investment must be above zero...", "workspace.accounts[0].planning.qualifications[0].business_case.investment"),
        ("blank SWOT entry", |v| acc(v, 0)["planning"]["plan"]["swot"]["threats"][0] = json!(""), "workspace.accounts[0].planning.plan.swot.threats[0]: Write the entry or remove it.", "workspace.accounts[0].planning.plan.swot.threats[0]"),
        ("opportunity linked twice", |v| acc(v, 0)["planning"]["plan"]["opportunity_ids"] = json!([1, 1]), "workspace.accounts[0].planning.plan.opportunity_ids[1]: Opportunity 1 is linked twice.", "workspace.accounts[0].planning.plan.opportunity_ids[1]"),
        ("unknown step", |v| acc(v, 1)["save_plans"][0]["done"][2]["step"] = json!("check_in_0"), "workspace.accounts[1].save_plans[0].done[2].step: unknown step \"check_in_0\"...", "workspace.accounts[1].save_plans[0].done[2].step"),
        ("leadership step without notify", |v| acc(v, 1)["save_plans"][0]["done"][1]["step"] = json!("tell_leadership"), "workspace.accounts[1].save_plans[0].done[1]: This plan has no \"tell leadership\" step...", "workspace.accounts[1].save_plans[0].done[1].step"),
        ("outcome", |v| acc(v, 1)["save_plans"][0]["closed"]["outcome"] = json!("won"), "workspace.accounts[1].save_plans[0].closed.outcome: \"won\" is not an outcome; use one of saved, lost, other.", "workspace.accounts[1].save_plans[0].closed.outcome"),
        ("two open save plans", |v| {
            let plans = acc(v, 1)["save_plans"].as_array_mut().unwrap();
            plans[0]["closed"] = Value::Null;
            plans.push(json!({"opened_on": "2026-11-01"}));
        }, "workspace.accounts[1].save_plans[1].closed: save_plans[0] is also open...", "workspace.accounts[1].save_plans"),
    ];
    for (name, edit, message, schema_path) in cases {
        check_refused(name, *edit, message, schema_path);
    }
}

/// Files a generator may write that the reader and the schema both accept.
#[test]
fn reader_and_schema_accept_the_same_lean_files() {
    let schemas = load();
    let cases: &[(&str, Value)] = &[
        (
            "smallest file",
            json!({"format": "am-planner-workspace", "version": 1, "workspace": {"currency": "USD"}}),
        ),
        (
            "one bare account",
            json!({"format": "am-planner-workspace", "version": 1,
            "workspace": {"currency": "EUR", "accounts": [{"id": 7, "name": "Solo GmbH"}]}}),
        ),
        (
            "nulls for every optional value",
            json!({"format": "am-planner-workspace", "version": 1, "exported_at": null,
            "workspace": {"currency": "EUR", "accounts": [{"id": 1, "name": "Null Ltd", "segment": null, "size": null,
                "contract_start": null, "renewal_date": null, "tier": null,
                "health": {"snapshots": [{"date": "2026-01-05", "nps": 9, "seat_usage_pct": null, "core_features": null,
                    "ticket_trend": null, "targets_met_pct": null}]},
                "stakeholders": {"last_reviewed": null, "people": [{"id": 1, "name": "A. Person", "influence": 3,
                    "sentiment": "neutral", "frequency": null, "last_contact": null, "reports_to": null}]},
                "renewal": {"notice_days": null, "custom_tasks": [{"id": 1, "milestone": "t30", "text": "Call", "done_on": null}]},
                "expansion": {"opportunities": [{"id": 1, "type": "cross_sell", "description": "Add-on", "target_date": null}]},
                "save_plans": [{"opened_on": "2026-02-01", "root_cause": null, "closed": null}],
                "planning": {"plan": {"last_updated": null,
                    "metrics": [{"name": "Seats", "target": 100, "current": null, "rule": "at_least", "met": null}],
                    "actions": [{"id": 1, "text": "Call", "due": "2026-03-01", "goal": null, "done_on": null}]},
                    "qbrs": [{"id": 1, "date": "2026-03-02", "start": "9:30",
                        "mutual_actions": [{"text": "Send deck", "side": "customer", "due": "2026-03-09", "pushed_as": null}]}],
                    "qualifications": [{"opportunity_id": 1, "business_case": null,
                        "meddic": {"metrics": {"rating": 0}, "economic_buyer": {"rating": 0}, "decision_criteria": {"rating": 0},
                            "decision_process": {"rating": 0}, "identified_pain": {"rating": 0}, "champion": {"rating": 0}},
                        "bant": {"budget": {"rating": 0}, "authority": {"rating": 0}, "need": {"rating": 0}, "timeline": {"rating": 0}}}]}}]}}),
        ),
        (
            "leadership step on a notifying plan, two closed plans",
            json!({"format": "am-planner-workspace", "version": 1,
            "workspace": {"currency": "EUR", "accounts": [{"id": 1, "name": "Big Co", "arr": 90000, "save_plans": [
                {"opened_on": "2026-01-01", "notify_leadership": true, "done": [{"step": "tell_leadership", "done_on": "2026-01-02"}],
                 "closed": {"outcome": "lost", "on": "2026-02-01"}},
                {"opened_on": "2026-03-01", "closed": {"outcome": "other", "on": "2026-03-02"}},
                {"opened_on": "2026-04-01"}]}]}}),
        ),
    ];
    for (name, value) in cases {
        assert!(
            decode(&value.to_string(), read_day()).is_ok(),
            "{name}: {:?}",
            decode(&value.to_string(), read_day())
        );
        assert_valid(&schemas, WORKSPACE, value, name);
    }
}

// ---------------------------------------------------------------- every rule probed

impl Schemas {
    /// The schema a `$ref` chain ends at.
    fn deref(&self, loc: &Loc) -> Loc {
        match self.at(loc).get("$ref").and_then(Value::as_str) {
            Some(r) => self.deref(&self.resolve(loc.doc, r)),
            None => loc.clone(),
        }
    }
}

/// One value of the example that a rule of the schema is about: where it is (reader path
/// and JSON pointer) and the schema it must satisfy.
struct Spot {
    path: String,
    pointer: String,
    schema: Loc,
}

/// Every property value of the example, and every first item of its non-empty arrays.
fn spots(schemas: &Schemas) -> Vec<Spot> {
    let ex = example();
    let out = schemas.walk(WORKSPACE, &ex);
    let mut found = Vec::new();
    for (path, loc) in &out.objects {
        let pointer = pointer_of(path);
        for (key, value) in ex.pointer(&pointer).unwrap().as_object().unwrap() {
            let schema = schemas.deref(&loc.join("properties").join(key));
            let (p, ptr) = (child(path, key), format!("{pointer}/{key}"));
            if value.as_array().is_some_and(|a| !a.is_empty()) {
                if let Some(items) = schemas.at(&schema).get("items") {
                    if items.is_object() {
                        found.push(Spot {
                            path: format!("{p}[0]"),
                            pointer: format!("{ptr}/0"),
                            schema: schemas.deref(&schema.join("items")),
                        });
                    }
                }
            }
            found.push(Spot {
                path: p,
                pointer: ptr,
                schema,
            });
        }
    }
    found
}

fn decode_with(pointer: &str, value: Value) -> Result<(), ImportError> {
    let mut v = example();
    *v.pointer_mut(pointer).unwrap() = value;
    decode(&v.to_string(), read_day()).map(|_| ())
}

/// The reader refuses the value at `spot`, at its path (or at the object holding it).
fn assert_refused(spot: &Spot, value: Value, rule: &str) {
    match decode_with(&spot.pointer, value.clone()) {
        Err(ImportError::BadField { path, .. }) if spot.path.starts_with(&path) => {}
        other => panic!(
            "{}: the schema refuses {:.60} ({rule}) but the reader gave {other:?}",
            spot.path,
            value.to_string()
        ),
    }
}

fn assert_accepted(spot: &Spot, value: Value, rule: &str) {
    let got = decode_with(&spot.pointer, value.clone());
    assert_eq!(
        got,
        Ok(()),
        "{}: {:.60} is allowed by the schema ({rule})",
        spot.path,
        value.to_string()
    );
}

/// The reader's list of choices in its message: "use one of a, b." (every enumeration),
/// or the app's "expected one of: a, b" and "its tasks are a, b".
fn listed_choices(detail: &str) -> BTreeSet<String> {
    if let Some((_, tail)) = detail.split_once("use one of ") {
        return tail
            .trim_end_matches('.')
            .split(", ")
            .map(String::from)
            .collect();
    }
    let tail = detail
        .split_once("expected")
        .or_else(|| detail.split_once("its tasks are"))
        .unwrap_or_else(|| panic!("no list of choices in {detail:?}"))
        .1;
    if tail.contains('`') {
        tail.split('`')
            .skip(1)
            .step_by(2)
            .map(String::from)
            .collect()
    } else {
        tail.trim_start_matches(" one of:")
            .split(',')
            .map(|t| t.trim().to_string())
            .collect()
    }
}

fn string_enum(s: &Map<String, Value>) -> Option<BTreeSet<String>> {
    let e = s.get("enum")?.as_array()?;
    let strings: BTreeSet<String> = e
        .iter()
        .filter_map(Value::as_str)
        .map(String::from)
        .collect();
    (!strings.is_empty()).then_some(strings)
}

#[test]
fn every_enum_lists_exactly_what_the_reader_accepts() {
    let schemas = load();
    let mut probed = BTreeSet::new();
    for spot in spots(&schemas) {
        let Some(choices) = string_enum(schemas.at(&spot.schema)) else {
            continue;
        };
        if spot.schema.pointer == "/$defs/DoneTask/properties/task" {
            continue; // depends on the milestone: checked below
        }
        match decode_with(&spot.pointer, json!("zzz")) {
            Err(ImportError::BadField { path, detail }) if path == spot.path => {
                assert_eq!(listed_choices(&detail), choices, "{}", spot.path)
            }
            other => panic!("{}: {other:?}", spot.path),
        }
        probed.insert(spot.schema.pointer.clone());
    }
    assert_eq!(probed.len(), 15, "{probed:#?}");
    // Renewal task keys: one list per milestone.
    let schemas_done = schemas.at(&Loc {
        doc: WORKSPACE,
        pointer: "/$defs/DoneTask".into(),
    });
    let pointer = "/workspace/accounts/0/renewal/done/0";
    let rules = schemas_done["allOf"].as_array().unwrap();
    assert_eq!(rules.len(), 6);
    for rule in rules {
        let milestone = &rule["if"]["properties"]["milestone"]["const"];
        let keys = string_enum(rule["then"]["properties"]["task"].as_object().unwrap()).unwrap();
        let got = decode_with(
            pointer,
            json!({"milestone": milestone, "task": "zzz", "done_on": "2026-11-03"}),
        );
        match got {
            Err(ImportError::BadField { detail, .. }) => {
                assert_eq!(listed_choices(&detail), keys, "{milestone}")
            }
            other => panic!("{milestone}: {other:?}"),
        }
        for key in &keys {
            let ok = decode_with(
                pointer,
                json!({"milestone": milestone, "task": key, "done_on": "2026-11-03"}),
            );
            assert_eq!(ok, Ok(()), "{milestone} {key}");
        }
    }
}

#[test]
fn number_ranges_are_the_readers_ranges() {
    let schemas = load();
    let mut probed = 0;
    for spot in spots(&schemas) {
        let s = schemas.at(&spot.schema);
        let integer = match s.get("type") {
            Some(Value::String(t)) => t == "integer",
            Some(Value::Array(ts)) => ts.contains(&json!("integer")),
            _ => false,
        };
        let number = |x: f64| if integer { json!(x as i64) } else { json!(x) };
        // Ids and references are only accepted where they point at something, so only
        // their refusal is probed.
        let is_id = s.get("maximum") == Some(&json!(4294967295u32));
        if let Some(max) = s.get("maximum").and_then(Value::as_f64) {
            assert_refused(&spot, number(max + 1.0), "maximum");
            if !is_id {
                assert_accepted(&spot, number(max), "maximum");
            }
            probed += 1;
        }
        if let Some(min) = s.get("minimum").and_then(Value::as_f64) {
            assert_refused(&spot, number(min - 1.0), "minimum");
            if !is_id {
                assert_accepted(&spot, number(min), "minimum");
            }
            probed += 1;
        }
        if let Some(min) = s.get("exclusiveMinimum").and_then(Value::as_f64) {
            assert_refused(&spot, number(min), "exclusiveMinimum");
            probed += 1;
        }
    }
    assert!(probed >= 60, "only {probed} bounds probed");
}

#[test]
fn text_limits_and_blank_rules_are_the_readers() {
    let schemas = load();
    let mut probed = 0;
    for spot in spots(&schemas) {
        let s = schemas.at(&spot.schema);
        if let Some(max) = s.get("maxLength").and_then(Value::as_u64) {
            let max = max as usize;
            assert_refused(&spot, json!("x".repeat(max + 1)), "maxLength");
            assert_accepted(
                &spot,
                json!("é".repeat(max)),
                "maxLength, counted in characters",
            );
            probed += 1;
        }
        if s.get("pattern") == Some(&json!("\\S")) {
            assert_refused(&spot, json!(" \t "), "not blank");
            probed += 1;
        }
    }
    assert!(probed >= 40, "only {probed} texts probed");
}

//! Who may read what (docs/audience.md): the classification covers every field the file
//! format writes, and the customer's copy of an account keeps every customer-visible fact
//! and nothing internal.

use std::collections::BTreeSet;

use am_planner::domain::audience::Audience;
use am_planner::domain::audience::{
    customer_account, find, visibility, Condition, Visibility, ACCOUNT_FIELDS, FILE_FIELDS,
    LEFT_OUT_WHOLE,
};
use am_planner::domain::audience::{refill_challenges, refill_value_delivered};
use am_planner::domain::{Account, Tier};
use am_planner::format::markdown::{plan_markdown, qbr_markdown, OpportunityRef, PlanInputs};
use am_planner::format::share::{decode_account, encode_account, ShareKind};
use am_planner::format::{decode, encode};
use chrono::NaiveDate;
use serde_json::Value;

const EXAMPLE: &str = include_str!("fixtures/workspace-v1-example.json");

/// Every leaf of a JSON value, as `(path, value)`: objects by field name joined with dots,
/// arrays as `[]`. Empty arrays and objects are leaves too (a field the writer emits even
/// when empty still needs a class).
fn leaves(v: &Value, path: &str, out: &mut Vec<(String, Value)>) {
    let join = |k: &str| {
        if path.is_empty() {
            k.to_string()
        } else {
            format!("{path}.{k}")
        }
    };
    match v {
        Value::Object(m) if !m.is_empty() => {
            for (k, x) in m {
                leaves(x, &join(k), out);
            }
        }
        Value::Array(a) if !a.is_empty() => {
            for x in a {
                leaves(x, &format!("{path}[]"), out);
            }
        }
        _ => out.push((path.to_string(), v.clone())),
    }
}

fn paths(v: &Value) -> BTreeSet<String> {
    let mut out = Vec::new();
    leaves(v, "", &mut out);
    out.into_iter().map(|(p, _)| p).collect()
}

/// The example file (every field of version 1 set at least once) as the encoder writes it.
fn written_example() -> Value {
    let ws = decode(EXAMPLE, read_day())
        .expect("the example reads")
        .workspace;
    serde_json::from_str(&encode(&ws, Some("2026-11-22T09:30:00Z".into()))).unwrap()
}

/// The class of a path of a whole file (workspace or one-account file).
fn class_of(path: &str) -> Option<&'static str> {
    let account = path
        .strip_prefix("workspace.accounts[].")
        .or_else(|| path.strip_prefix("account."));
    let (table, path) = match account {
        Some(rest) => (ACCOUNT_FIELDS, rest),
        None => (FILE_FIELDS, path),
    };
    // An empty list or object written as such is covered by the rows of its fields.
    find(table, path).map(|r| r.path).or_else(|| {
        table
            .iter()
            .find(|r| {
                r.path
                    .strip_prefix(path)
                    .is_some_and(|rest| rest.starts_with('[') || rest.starts_with('.'))
            })
            .map(|_| "")
    })
}

#[test]
fn every_field_the_encoder_writes_is_classified() {
    let ws_file = written_example();
    let ws = decode(EXAMPLE, read_day()).unwrap().workspace;
    let mut written = paths(&ws_file);
    for a in ws.accounts() {
        let text = encode_account(
            ShareKind::Colleague,
            a,
            &ws.currency,
            Some("2026-11-22T09:30:00Z".into()),
        );
        written.extend(paths(&serde_json::from_str(&text).unwrap()));
    }
    let unclassified: Vec<&String> = written.iter().filter(|p| class_of(p).is_none()).collect();
    assert_eq!(
        unclassified,
        Vec::<&String>::new(),
        "fields with no audience: add them to ACCOUNT_FIELDS or FILE_FIELDS (src/domain/audience.rs)"
    );
    // And the table names only fields that exist (no stale or misspelt rows).
    let used: BTreeSet<&str> = written.iter().filter_map(|p| class_of(p)).collect();
    let stale: Vec<&str> = ACCOUNT_FIELDS
        .iter()
        .chain(FILE_FIELDS)
        .map(|r| r.path)
        .filter(|p| !used.contains(p))
        .collect();
    assert_eq!(stale, Vec::<&str>::new(), "rows naming no written field");
}

#[test]
fn the_table_has_one_row_per_field_and_a_reason_for_each() {
    let mut seen = BTreeSet::new();
    for r in ACCOUNT_FIELDS.iter().chain(FILE_FIELDS) {
        assert!(seen.insert(r.path), "{} is classified twice", r.path);
        assert!(r.why.len() >= 5, "{}: say why", r.path);
    }
}

#[test]
fn the_rule_of_the_docs_holds_for_the_named_fields() {
    use Visibility::*;
    let cases: &[(&str, Visibility)] = &[
        ("name", Customer),
        ("tier", Internal),
        ("notes", Internal),
        ("arr", Internal),
        ("health.snapshots[].nps", Internal),
        (
            "stakeholders.people[].name",
            CustomerIf(Condition::InvitedToQbr),
        ),
        (
            "stakeholders.people[].title",
            CustomerIf(Condition::InvitedToQbr),
        ),
        ("stakeholders.people[].roles[]", Internal),
        ("stakeholders.people[].sentiment", Internal),
        ("stakeholders.people[].influence", Internal),
        ("stakeholders.people[].personal_win", Internal),
        ("stakeholders.people[].key_risk", Internal),
        ("stakeholders.people[].notes", Internal),
        ("planning.plan.goals[].text", Customer),
        ("planning.plan.goals[].source", Customer),
        ("planning.plan.goals[].mapping", Customer),
        ("planning.plan.metrics[].target", Customer),
        ("planning.plan.metrics[].current", Customer),
        ("planning.plan.metrics[].met", Customer),
        ("planning.plan.risks[].risk", Internal),
        ("planning.plan.risks[].mitigation", Internal),
        ("planning.plan.swot.threats[]", Internal),
        (
            "planning.plan.actions[].text",
            CustomerIf(Condition::SharedAction),
        ),
        ("planning.qbrs[].date", Customer),
        ("planning.qbrs[].attendees[]", Customer),
        ("planning.qbrs[].value_delivered", Customer),
        ("planning.qbrs[].challenges", Customer),
        ("planning.qbrs[].roadmap", Customer),
        ("planning.qbrs[].notes", Internal),
        ("planning.qbrs[].prep_done[]", Internal),
        ("planning.qbrs[].mutual_actions[].owner", Customer),
        ("planning.qualifications[].meddic.metrics.notes", Internal),
        (
            "planning.qualifications[].business_case.investment",
            Internal,
        ),
        ("save_plans[].closed.note", Internal),
        ("renewal.custom_tasks[].text", Internal),
        ("expansion.readiness.roi_documented", Internal),
        ("expansion.opportunities[].trigger", Internal),
        // Not in the table: internal until someone classifies it.
        ("planning.plan.brand_new_field", Internal),
    ];
    for (path, expected) in cases {
        assert_eq!(visibility(path), *expected, "{path}");
    }
}

#[test]
fn parts_left_out_whole_hold_only_internal_fields() {
    for r in ACCOUNT_FIELDS {
        if LEFT_OUT_WHOLE.iter().any(|p| {
            r.path == *p
                || r.path.starts_with(&format!("{p}."))
                || r.path.starts_with(&format!("{p}["))
        }) {
            assert_eq!(
                r.visibility,
                Visibility::Internal,
                "{}: customer_account drops this part whole; copy the field there before classifying it customer-visible",
                r.path
            );
        }
    }
}

// ---------------------------------------------------------------- markers

/// The marker account: the example's first account, with a closed save plan added, one
/// person not invited to the QBR, and every free text replaced by a unique marker that
/// says its audience: `CUSTOMER-7` or `INTERNAL-12`.
pub struct Marked {
    pub account: Account,
    pub customer: Vec<String>,
    pub internal: Vec<String>,
}

fn row_visible(
    v: Visibility,
    person: Option<u64>,
    action: Option<u64>,
    invited: &BTreeSet<u64>,
    shared: &BTreeSet<u64>,
) -> bool {
    match v {
        Visibility::Customer => true,
        Visibility::Internal => false,
        Visibility::CustomerIf(Condition::InvitedToQbr) => {
            person.is_some_and(|p| invited.contains(&p))
        }
        Visibility::CustomerIf(Condition::SharedAction) => {
            action.is_some_and(|a| shared.contains(&a))
        }
    }
}

pub fn marked() -> Marked {
    let file = written_example();
    let accounts = &file["workspace"]["accounts"];
    let mut acc = accounts[0].clone();
    acc["save_plans"] = accounts[1]["save_plans"].clone();
    acc["notes"] = Value::String("notes".into());
    acc["planning"]["plan"]["overview"] = Value::String("overview".into());
    // Person 2 is not invited; action 2 is shared (a mutual action was pushed into it).
    acc["planning"]["qbrs"][0]["attendees"] = serde_json::json!([1]);
    acc["planning"]["qbrs"][0]["notes"] = Value::String("qbr notes".into());
    let invited: BTreeSet<u64> = [1].into();
    let shared: BTreeSet<u64> = [2].into();
    assert_eq!(
        acc["planning"]["qbrs"][0]["mutual_actions"][0]["pushed_as"], 2,
        "the example pushes its mutual action into plan action 2"
    );

    let currency = file["workspace"]["currency"].clone();
    let wrap = |a: &Value| {
        serde_json::json!({ "format": "am-planner-account", "version": 3, "kind": "colleague", "currency": currency, "account": a })
            .to_string()
    };
    let reads = |a: &Value| decode_account(&wrap(a), read_day()).is_ok();
    assert!(reads(&acc));

    // Walk every string; a free text is one that still reads as any other text.
    let mut customer = Vec::new();
    let mut internal = Vec::new();
    let mut n = 0;
    let mut pointers = Vec::new();
    collect_strings(&acc, "", "", None, None, &mut pointers);
    for (pointer, path, person, action) in pointers {
        n += 1;
        let v = visibility(&path);
        let visible = row_visible(v, person, action, &invited, &shared);
        let marker = if visible {
            format!("CUSTOMER-{n}")
        } else {
            format!("INTERNAL-{n}")
        };
        // An empty customer-visible text stays empty (nothing to find in the outputs).
        if visible && acc.pointer(&pointer).and_then(Value::as_str) == Some("") {
            continue;
        }
        let mut trial = acc.clone();
        *trial.pointer_mut(&pointer).unwrap() = Value::String(marker.clone());
        if reads(&trial) {
            acc = trial;
            if visible {
                customer.push(marker);
            } else {
                internal.push(marker);
            }
        }
    }
    let account = decode_account(&wrap(&acc), read_day()).unwrap().account;
    Marked {
        account,
        customer,
        internal,
    }
}

/// Every string leaf: (JSON pointer, table path, person id of its row, action id of its row).
fn collect_strings(
    v: &Value,
    pointer: &str,
    path: &str,
    person: Option<u64>,
    action: Option<u64>,
    out: &mut Vec<(String, String, Option<u64>, Option<u64>)>,
) {
    match v {
        Value::String(_) => out.push((pointer.into(), path.into(), person, action)),
        Value::Object(m) => {
            for (k, x) in m {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                collect_strings(x, &format!("{pointer}/{k}"), &p, person, action, out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                let row_path = format!("{path}[]");
                let id = x.get("id").and_then(Value::as_u64);
                let person = if path == "stakeholders.people" {
                    id
                } else {
                    person
                };
                let action = if path == "planning.plan.actions" {
                    id
                } else {
                    action
                };
                collect_strings(x, &format!("{pointer}/{i}"), &row_path, person, action, out);
            }
        }
        _ => {}
    }
}

#[test]
fn the_marker_account_has_markers_of_both_kinds_everywhere() {
    let m = marked();
    // Enough of each kind that the checks below mean something: every free text of the
    // example is marked (the example sets every field of the format).
    assert!(m.customer.len() >= 15, "customer markers: {:?}", m.customer);
    assert!(m.internal.len() >= 25, "internal markers: {:?}", m.internal);
}

#[test]
fn the_customer_account_keeps_every_customer_fact_and_nothing_internal() {
    let m = marked();
    let ws = decode(EXAMPLE, read_day()).unwrap().workspace;
    let copy = customer_account(&m.account);
    let text = encode_account(ShareKind::Colleague, &copy, &ws.currency, None);
    for marker in &m.internal {
        assert!(!text.contains(marker.as_str()), "{marker} leaked:\n{text}");
    }
    for marker in &m.customer {
        assert!(
            text.contains(marker.as_str()),
            "{marker} is missing:\n{text}"
        );
    }
    // Values that are not texts: every internal field holds its empty or default value.
    let value: Value = serde_json::from_str(&text).unwrap();
    let mut out = Vec::new();
    leaves(&value["account"], "", &mut out);
    for (path, v) in out {
        if visibility(&path).is_internal() {
            let empty = match &v {
                Value::Null => true,
                Value::Bool(b) => !b,
                Value::Number(n) => n.as_f64() == Some(0.0),
                Value::String(s) => s.is_empty(),
                Value::Array(a) => a.is_empty(),
                Value::Object(o) => o.is_empty(),
            };
            // Required fields of a person written with their defaults.
            let default = (path == "stakeholders.people[].influence" && v == 3)
                || (path == "stakeholders.people[].sentiment" && v == "neutral");
            assert!(empty || default, "{path} keeps {v} in the customer's copy");
        }
    }
    // Rows: only the invited person and the shared action.
    let people: Vec<u32> = copy.stakeholders.people().iter().map(|p| p.id.0).collect();
    assert_eq!(people, [1]);
    let actions: Vec<u32> = copy
        .planning
        .plan
        .content()
        .actions
        .iter()
        .map(|a| a.id.0)
        .collect();
    assert_eq!(actions, [2]);
}

#[test]
fn the_customer_account_of_a_customer_account_is_itself() {
    let m = marked();
    let once = customer_account(&m.account);
    assert_eq!(customer_account(&once), once);
}

fn documents(a: &Account, audience: Audience) -> String {
    let ws = decode(EXAMPLE, read_day()).unwrap().workspace;
    let opps: Vec<OpportunityRef> = a
        .expansion
        .opportunities()
        .iter()
        .map(|o| OpportunityRef {
            id: o.id().0,
            label: o.description().to_string(),
        })
        .collect();
    let inputs = PlanInputs {
        tier: Tier::Growth,
        currency: &ws.currency,
        opportunities: &opps,
        today: NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
    };
    let mut out = plan_markdown(a, audience, &inputs);
    for q in a.planning.qbrs() {
        out.push_str(&qbr_markdown(a, q.id, audience));
    }
    out
}

#[test]
fn customer_documents_show_every_customer_fact_and_nothing_internal() {
    let m = marked();
    let md = documents(&m.account, Audience::Customer);
    for marker in &m.internal {
        assert!(!md.contains(marker.as_str()), "{marker} leaked:\n{md}");
    }
    for marker in &m.customer {
        assert!(md.contains(marker.as_str()), "{marker} is missing:\n{md}");
    }
    // Words of the internal vocabulary never appear either.
    for word in [
        "Tier",
        "Risk",
        "SWOT",
        "Health",
        "Blocker",
        "Champion",
        "sentiment",
        "No goal yet",
        "Preparation",
    ] {
        assert!(!md.contains(word), "{word:?} in the customer copy:\n{md}");
    }
    assert!(md.starts_with("# Account plan: "));
    assert!(md.contains("_Prepared for "));
}

#[test]
fn internal_documents_say_so_and_hold_the_internal_facts() {
    let m = marked();
    let md = documents(&m.account, Audience::Internal);
    assert!(md.starts_with("# Account plan (internal): "));
    assert!(md.contains("# Quarterly business review (internal): "));
    assert!(md.contains("_Internal: not for the customer."));
    // The plan's own internal texts are there (risks, SWOT, overview, QBR notes).
    let c = m.account.planning.plan.content();
    for text in [
        &c.overview,
        &c.risks[0].mitigation,
        &m.account.planning.qbrs()[0].notes,
    ] {
        assert!(md.contains(text.as_str()), "{text} missing:\n{md}");
    }
}

#[test]
fn refills_use_customer_facts_only() {
    let m = marked();
    let today = NaiveDate::from_ymd_opt(2027, 6, 1).unwrap();
    let text = format!(
        "{}\n{}",
        refill_value_delivered(&m.account),
        refill_challenges(&m.account, today)
    );
    assert!(!text.contains("INTERNAL-"), "{text}");
    // The metric names and the overdue shared action are there.
    for metric in &m.account.planning.plan.content().metrics {
        assert!(text.contains(metric.name.as_str()), "{text}");
    }
    let shared = &m.account.planning.plan.content().actions[1];
    assert!(text.contains(shared.text.as_str()), "{text}");
    let not_shared = &m.account.planning.plan.content().actions[0];
    assert!(!text.contains(not_shared.text.as_str()), "{text}");
}

/// The day files are read on in these tests (an older file's ARR history starts then).
#[allow(dead_code)]
fn read_day() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

//! The practice content files in `public/practice/`: each is valid against its JSON
//! Schema (walked by `tests/support/json_schema.rs`, the walker `tests/schema.rs` uses:
//! it knows only the keywords the schemas use and refuses any other), reads through the
//! app's own reader, and is sane (no empty text, no duplicates, enough cards and
//! questions, three points or more per question).

use std::collections::{BTreeMap, HashSet};

use am_planner::domain::practice::QuestionKind;
use am_planner::format::practice::{read_decks, read_questions};
use serde_json::{json, Value};

#[path = "support/json_schema.rs"]
mod json_schema;
use json_schema::Schemas;

const DECKS: &str = include_str!("../public/practice/decks.json");
const DECKS_SCHEMA: &str = include_str!("../public/practice/decks.schema.json");
const QUESTIONS: &str = include_str!("../public/practice/questions.json");
const QUESTIONS_SCHEMA: &str = include_str!("../public/practice/questions.schema.json");
const DOC: &str = include_str!("../docs/practice.md");

/// The problems the schema walker finds in `doc` (none: valid), after checking that it
/// understands every keyword of the schema.
fn errors_of(schema_text: &str, doc: &Value) -> Vec<(String, String)> {
    let schemas = Schemas::new(&[("schema.json", schema_text)]);
    schemas.assert_understood("schema.json");
    schemas.walk("schema.json", doc).errors
}

#[test]
fn content_files_are_valid_against_their_schemas() {
    let decks: Value = serde_json::from_str(DECKS).unwrap();
    assert_eq!(
        errors_of(DECKS_SCHEMA, &decks),
        Vec::<(String, String)>::new()
    );
    let questions: Value = serde_json::from_str(QUESTIONS).unwrap();
    assert_eq!(
        errors_of(QUESTIONS_SCHEMA, &questions),
        Vec::<(String, String)>::new()
    );
}

/// The schemas refuse what the reader refuses (and the walker is not blind).
#[test]
fn schemas_and_reader_refuse_broken_content() {
    let base: Value = serde_json::from_str(QUESTIONS).unwrap();
    let cases: Vec<(&str, Value)> = vec![
        ("/questions/0/points", json!(["one", "two"])),
        ("/questions/0/kind", json!("trivia")),
        ("/questions/0/text", json!("   ")),
        ("/questions/0/id", json!("Bad Id")),
        ("/version", json!(2)),
    ];
    for (pointer, value) in cases {
        let mut v = base.clone();
        *v.pointer_mut(pointer).unwrap() = value;
        assert!(
            !errors_of(QUESTIONS_SCHEMA, &v).is_empty(),
            "schema passes {pointer}"
        );
        if pointer != "/questions/0/id" {
            assert!(
                read_questions(&v.to_string()).is_err(),
                "reader passes {pointer}"
            );
        }
    }
    let base: Value = serde_json::from_str(DECKS).unwrap();
    let mut v = base.clone();
    v["decks"][0]["cards"][0]["back"] = json!("");
    assert!(!errors_of(DECKS_SCHEMA, &v).is_empty());
    assert!(read_decks(&v.to_string()).unwrap_err().contains("empty"));
    let mut v = base.clone();
    v["decks"][0]["cards"][0]["extra"] = json!("x");
    assert!(!errors_of(DECKS_SCHEMA, &v).is_empty());
    assert!(read_decks(&v.to_string()).is_err());
    // A duplicate id passes the schema (it cannot say "unique by id") but not the reader.
    let mut v = base.clone();
    let first = v["decks"][0]["cards"][0].clone();
    v["decks"][0]["cards"].as_array_mut().unwrap().push(json!({
        "id": first["id"], "front": "Another front", "back": "Another back"
    }));
    assert!(errors_of(DECKS_SCHEMA, &v).is_empty());
    assert!(read_decks(&v.to_string()).unwrap_err().contains("twice"));
    assert!(read_decks("{\"format\":\"other\",\"version\":1}").is_err());
    assert!(read_decks("not json")
        .unwrap_err()
        .contains("not valid JSON"));
}

#[test]
fn decks_have_the_promised_cards() {
    let decks = read_decks(DECKS).expect("decks.json reads");
    let count: BTreeMap<&str, usize> = decks
        .iter()
        .map(|d| (d.id.as_str(), d.cards.len()))
        .collect();
    assert!(count["vocabulary"] >= 30, "{count:?}");
    assert!(count["frameworks"] >= 10, "{count:?}");
    assert!(count["kpis"] >= 8, "{count:?}");
    assert!(count["red-flags"] >= 8, "{count:?}");
    let vocab: HashSet<String> = decks[0]
        .cards
        .iter()
        .map(|c| c.front.to_lowercase())
        .collect();
    for term in [
        "renewal",
        "churn",
        "upsell",
        "cross-sell",
        "qbr",
        "ebr",
        "stakeholder map",
        "champion",
        "economic buyer",
        "blocker",
        "white space",
        "meddic",
        "bant",
        "health score",
        "save play",
    ] {
        assert!(
            vocab.iter().any(|f| f.starts_with(term)),
            "no card for {term}"
        );
    }
    let frameworks: Vec<&str> = decks[1].cards.iter().map(|c| c.front.as_str()).collect();
    for f in [
        "Account plan",
        "Escalation loop",
        "Value review",
        "Health score",
        "Renewal timeline",
        "Save playbook",
        "QBR agenda",
        "Expansion readiness",
        "Tiers and cadence",
        "Power grid",
    ] {
        assert!(
            frameworks.iter().any(|x| x.starts_with(f)),
            "no framework {f}"
        );
    }
    // Every KPI card gives a formula or a target with a number.
    for c in &decks[2].cards {
        assert!(
            c.back.chars().any(|ch| ch.is_ascii_digit()),
            "{}: no figure",
            c.id
        );
    }
    // Unique text across all decks, not just within one.
    let mut backs = HashSet::new();
    for d in &decks {
        for c in &d.cards {
            assert!(backs.insert(c.back.as_str()), "{}: same answer twice", c.id);
        }
    }
}

#[test]
fn question_bank_covers_every_kind_with_full_answers() {
    let qs = read_questions(QUESTIONS).expect("questions.json reads");
    assert!(qs.len() >= 40, "{} questions", qs.len());
    for k in QuestionKind::ALL {
        let n = qs.iter().filter(|q| q.kind == k).count();
        assert!(n >= 5, "{} {k:?} questions", n);
    }
    for q in &qs {
        assert!(q.points.len() >= 3, "{}", q.id);
        assert!(
            !q.red_flags.is_empty() && !q.structure.is_empty(),
            "{}",
            q.id
        );
        assert!(
            q.text.ends_with('?') || q.text.ends_with('.'),
            "{}: {}",
            q.id,
            q.text
        );
        let mut lines = HashSet::new();
        for l in &q.points {
            assert!(lines.insert(l), "{}: a point repeats", q.id);
        }
    }
}

#[test]
fn the_doc_describes_both_files() {
    for needle in [
        "decks.json",
        "questions.json",
        "decks.schema.json",
        "questions.schema.json",
        "service worker",
        "\"practice\"",
    ] {
        assert!(
            DOC.contains(needle),
            "docs/practice.md does not mention {needle}"
        );
    }
}

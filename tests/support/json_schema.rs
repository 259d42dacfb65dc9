//! A JSON Schema walker for the tests: there is no JSON Schema crate here, so this one
//! understands the keywords the project's schemas use (the file format's in
//! `public/schema/`, the practice content's in `public/practice/`) and refuses any other,
//! so a schema cannot drift out of what is checked. Patterns are checked by hand-written
//! matchers, one per pattern string. Used by `tests/schema.rs` and
//! `tests/practice_content.rs` (`#[path = "support/json_schema.rs"] mod json_schema;`).

#![allow(dead_code)]

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde_json::{Map, Value};

/// A place in one of the schema documents (a JSON pointer).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Loc {
    /// The schema's file name (`workspace-v3.json`).
    pub doc: &'static str,
    pub pointer: String,
}

impl Loc {
    pub fn root(doc: &'static str) -> Loc {
        Loc {
            doc,
            pointer: String::new(),
        }
    }
    pub fn join(&self, key: &str) -> Loc {
        Loc {
            doc: self.doc,
            pointer: format!("{}/{key}", self.pointer),
        }
    }
}

/// Keywords the walker understands; anything else in a schema is a test failure.
pub const KEYWORDS: &[&str] = &[
    "$schema",
    "$ref",
    "$defs",
    "title",
    "description",
    "type",
    "const",
    "enum",
    "properties",
    "additionalProperties",
    "required",
    "items",
    "minItems",
    "maxItems",
    "uniqueItems",
    "contains",
    "minContains",
    "maxContains",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "minLength",
    "maxLength",
    "pattern",
    "format",
    "anyOf",
    "allOf",
    "not",
    "if",
    "then",
    "else",
];

/// The language of each pattern the schemas use, written out by hand.
pub fn pattern_matches(pattern: &str, s: &str) -> Option<bool> {
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    Some(match pattern {
        "\\S" => s.chars().any(|c| !c.is_whitespace()),
        "^[A-Z]{3}$" => s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase()),
        "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}$" => {
            let b = s.as_bytes();
            b.len() == 19
                && b[10] == b'T'
                && [4, 7].iter().all(|i| b[*i] == b'-')
                && [13, 16].iter().all(|i| b[*i] == b':')
                && [0..4, 5..7, 8..10, 11..13, 14..16, 17..19]
                    .into_iter()
                    .all(|r| digits(&s[r]))
        }
        "^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$" => {
            let id = |t: &str| {
                !t.is_empty()
                    && t.split('-').all(|p| {
                        !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                    })
            };
            matches!(s.split_once('/'), Some((d, c)) if id(d) && id(c))
        }
        "^[a-z0-9]+(-[a-z0-9]+)*$" => {
            !s.is_empty()
                && s.split('-').all(|p| {
                    !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                })
        }
        "^[A-Za-z0-9_-]{8,64}$" => {
            (8..=64).contains(&s.len())
                && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        }
        "^(19\\d{2}|2[01]\\d{2}|2200)-\\d{2}-\\d{2}$" => {
            let b = s.as_bytes();
            b.len() == 10
                && b[4] == b'-'
                && b[7] == b'-'
                && digits(&s[0..4])
                && (1900..=2200).contains(&s[0..4].parse::<u32>().unwrap())
                && digits(&s[5..7])
                && digits(&s[8..10])
        }
        "^(([01]?[0-9]|2[0-2]):[0-5][0-9]|23:00)$" => match s.split_once(':') {
            Some((h, m)) if (1..=2).contains(&h.len()) && digits(h) && m.len() == 2 && digits(m) => {
                let (h, m): (u32, u32) = (h.parse().unwrap(), m.parse().unwrap());
                m < 60 && (h <= 22 || (h == 23 && m == 0))
            }
            _ => false,
        },
        "^(triage|tell_leadership|executive_outreach|root_cause_meeting|check_in_([1-9]|[1-9][0-9]|[1-4][0-9]{2}|5[01][0-9]|520))$" => {
            match s {
                "triage" | "tell_leadership" | "executive_outreach" | "root_cause_meeting" => true,
                _ => match s.strip_prefix("check_in_") {
                    Some(n) if digits(n) && !n.starts_with('0') && n.len() <= 3 => {
                        n.parse::<u32>().unwrap() <= 520
                    }
                    _ => false,
                },
            }
        }
        _ => return None,
    })
}

/// What a walk found: problems (reader-style path, what is wrong), the declared properties
/// it went through, and every object met with the declaration it matched.
#[derive(Debug, Default)]
pub struct Outcome {
    pub errors: Vec<(String, String)>,
    pub seen: BTreeSet<Loc>,
    pub objects: Vec<(String, Loc)>,
}

impl Outcome {
    fn merge(&mut self, other: Outcome) {
        self.errors.extend(other.errors);
        self.seen.extend(other.seen);
        self.objects.extend(other.objects);
    }
}

/// The schema documents of one test, by file name; a `$ref` to another file names it.
pub struct Schemas {
    docs: Vec<(&'static str, Value)>,
}

pub fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_f64() => "number",
        Value::Number(_) => "integer",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// `integer` is a JSON number without a fraction part or exponent, as serde reads it:
/// the reader refuses `2.0` where it expects a whole number.
pub fn has_type(t: &str, v: &Value) -> bool {
    match t {
        "number" => v.is_number(),
        other => kind(v) == other,
    }
}

pub fn child(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

pub fn shown(path: &str) -> String {
    if path.is_empty() {
        "file".into()
    } else {
        path.to_string()
    }
}

impl Schemas {
    /// The documents, each `(file name, text)`.
    pub fn new(docs: &[(&'static str, &str)]) -> Schemas {
        Schemas {
            docs: docs
                .iter()
                .map(|(name, text)| {
                    let v = serde_json::from_str(text)
                        .unwrap_or_else(|e| panic!("{name} is not JSON: {e}"));
                    (*name, v)
                })
                .collect(),
        }
    }

    pub fn doc(&self, name: &str) -> &Value {
        self.docs
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v)
            .unwrap_or_else(|| panic!("no schema {name}"))
    }

    fn name(&self, file: &str) -> &'static str {
        self.docs
            .iter()
            .map(|(n, _)| *n)
            .find(|n| *n == file)
            .unwrap_or_else(|| panic!("$ref to an unknown file: {file}"))
    }

    pub fn at(&self, loc: &Loc) -> &Map<String, Value> {
        self.doc(loc.doc)
            .pointer(&loc.pointer)
            .and_then(Value::as_object)
            .unwrap_or_else(|| panic!("no schema object at {loc:?}"))
    }

    pub fn resolve(&self, from: &'static str, reference: &str) -> Loc {
        let (file, pointer) = reference
            .split_once('#')
            .unwrap_or_else(|| panic!("$ref without '#': {reference}"));
        let doc = if file.is_empty() {
            from
        } else {
            self.name(file)
        };
        let loc = Loc {
            doc,
            pointer: pointer.to_string(),
        };
        self.at(&loc);
        loc
    }

    pub fn walk(&self, doc: &'static str, value: &Value) -> Outcome {
        let mut out = Outcome::default();
        self.validate(&Loc::root(doc), value, "", &mut out);
        out
    }

    pub fn try_branch(&self, loc: &Loc, value: &Value, path: &str) -> Outcome {
        let mut o = Outcome::default();
        self.validate(loc, value, path, &mut o);
        o
    }

    pub fn validate(&self, loc: &Loc, value: &Value, path: &str, out: &mut Outcome) {
        let s = self.at(loc);
        if let Some(r) = s.get("$ref") {
            let target = self.resolve(loc.doc, r.as_str().expect("$ref is a string"));
            self.validate(&target, value, path, out);
        }
        let mut fail_here = Vec::new();
        if let Some(t) = s.get("type") {
            let ok = match t {
                Value::String(t) => has_type(t, value),
                Value::Array(ts) => ts.iter().any(|t| has_type(t.as_str().unwrap(), value)),
                other => panic!("bad type keyword {other}"),
            };
            if !ok {
                out.errors
                    .push((shown(path), format!("expected {t}, found {}", kind(value))));
                return;
            }
        }
        if let Some(c) = s.get("const") {
            if c != value {
                fail_here.push(format!("must be {c}, found {value}"));
            }
        }
        if let Some(Value::Array(choices)) = s.get("enum") {
            if !choices.contains(value) {
                fail_here.push(format!(
                    "{value} is not one of {}",
                    Value::Array(choices.clone())
                ));
            }
        }
        if let Value::String(text) = value {
            if let Some(min) = s.get("minLength").and_then(Value::as_u64) {
                if (text.chars().count() as u64) < min {
                    fail_here.push(format!("shorter than {min} characters"));
                }
            }
            if let Some(max) = s.get("maxLength").and_then(Value::as_u64) {
                if text.chars().count() as u64 > max {
                    fail_here.push(format!("longer than {max} characters"));
                }
            }
            if let Some(p) = s.get("pattern").and_then(Value::as_str) {
                let ok = pattern_matches(p, text)
                    .unwrap_or_else(|| panic!("the test has no matcher for pattern {p}"));
                if !ok {
                    fail_here.push(format!("{text:?} does not match {p}"));
                }
            }
            match s.get("format").and_then(Value::as_str) {
                None => {}
                Some("date") if NaiveDate::parse_from_str(text, "%Y-%m-%d").is_err() => {
                    fail_here.push(format!("{text:?} is not a real day"))
                }
                Some("date-time") if chrono::DateTime::parse_from_rfc3339(text).is_err() => {
                    fail_here.push(format!("{text:?} is not an RFC 3339 date-time"))
                }
                Some("date" | "date-time") => {}
                Some(other) => panic!("the test does not know format {other}"),
            }
        }
        if let Some(x) = value.as_f64() {
            let bound = |k: &str| s.get(k).and_then(Value::as_f64);
            if bound("minimum").is_some_and(|m| x < m) {
                fail_here.push(format!("{x} is below the minimum"));
            }
            if bound("maximum").is_some_and(|m| x > m) {
                fail_here.push(format!("{x} is above the maximum"));
            }
            if bound("exclusiveMinimum").is_some_and(|m| x <= m) {
                fail_here.push(format!("{x} is not above the exclusive minimum"));
            }
        }
        for msg in fail_here {
            out.errors.push((shown(path), msg));
        }
        if let Value::Object(fields) = value {
            let declares = s.get("type").and_then(Value::as_str) == Some("object");
            if declares {
                out.objects.push((path.to_string(), loc.clone()));
            }
            let props = s.get("properties").and_then(Value::as_object);
            for (k, v) in fields {
                match props.and_then(|p| p.get(k)) {
                    Some(_) => {
                        let at = loc.join("properties").join(k);
                        if declares {
                            out.seen.insert(at.clone());
                        }
                        self.validate(&at, v, &child(path, k), out);
                    }
                    None if s.get("additionalProperties") == Some(&Value::Bool(false)) => out
                        .errors
                        .push((child(path, k), format!("`{k}` is not declared here"))),
                    None => {}
                }
            }
            for r in s
                .get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let r = r.as_str().unwrap();
                if !fields.contains_key(r) {
                    out.errors.push((shown(path), format!("missing `{r}`")));
                }
            }
        }
        if let Value::Array(items) = value {
            if s.contains_key("items") {
                for (i, item) in items.iter().enumerate() {
                    self.validate(&loc.join("items"), item, &format!("{path}[{i}]"), out);
                }
            }
            if let Some(min) = s.get("minItems").and_then(Value::as_u64) {
                if (items.len() as u64) < min {
                    out.errors
                        .push((shown(path), format!("fewer than {min} items")));
                }
            }
            if let Some(max) = s.get("maxItems").and_then(Value::as_u64) {
                if items.len() as u64 > max {
                    out.errors
                        .push((shown(path), format!("more than {max} items")));
                }
            }
            if s.get("uniqueItems") == Some(&Value::Bool(true)) {
                for (i, item) in items.iter().enumerate() {
                    if items[..i].contains(item) {
                        out.errors
                            .push((format!("{path}[{i}]"), "listed twice".into()));
                    }
                }
            }
            if s.contains_key("contains") {
                let n = items
                    .iter()
                    .enumerate()
                    .filter(|(i, item)| {
                        let p = format!("{path}[{i}]");
                        self.try_branch(&loc.join("contains"), item, &p)
                            .errors
                            .is_empty()
                    })
                    .count() as u64;
                let min = s.get("minContains").and_then(Value::as_u64).unwrap_or(1);
                let max = s
                    .get("maxContains")
                    .and_then(Value::as_u64)
                    .unwrap_or(u64::MAX);
                if n < min || n > max {
                    out.errors.push((
                        shown(path),
                        format!("{n} items match `contains`; {min} to {max} allowed"),
                    ));
                }
            }
        }
        if let Some(Value::Array(branches)) = s.get("anyOf") {
            let mut failed = Vec::new();
            for i in 0..branches.len() {
                let o = self.try_branch(&loc.join("anyOf").join(&i.to_string()), value, path);
                if o.errors.is_empty() {
                    out.merge(o);
                    failed.clear();
                    break;
                }
                failed.push(o);
            }
            // A value of the right type that fails inside its branch (an object where
            // "object or null" is allowed) is reported where it fails.
            let wrong_type = |o: &Outcome| {
                o.errors
                    .iter()
                    .any(|(p, m)| *p == shown(path) && m.starts_with("expected "))
            };
            let fitting = failed.iter().filter(|o| !wrong_type(o)).count();
            match failed.iter().find(|o| !wrong_type(o)) {
                Some(one) if fitting == 1 => out.errors.extend(one.errors.clone()),
                _ if failed.is_empty() => {}
                _ => {
                    let firsts: Vec<String> = failed
                        .iter()
                        .map(|o| format!("{} {}", o.errors[0].0, o.errors[0].1))
                        .collect();
                    out.errors.push((
                        shown(path),
                        format!("matches none of anyOf: {}", firsts.join("; ")),
                    ));
                }
            }
        }
        if let Some(Value::Array(branches)) = s.get("allOf") {
            for i in 0..branches.len() {
                self.validate(&loc.join("allOf").join(&i.to_string()), value, path, out);
            }
        }
        if s.contains_key("not")
            && self
                .try_branch(&loc.join("not"), value, path)
                .errors
                .is_empty()
        {
            out.errors
                .push((shown(path), "matches a schema it must not match".into()));
        }
        if s.contains_key("if") {
            let cond = self.try_branch(&loc.join("if"), value, path);
            let branch = if cond.errors.is_empty() {
                "then"
            } else {
                "else"
            };
            if s.contains_key(branch) {
                self.validate(&loc.join(branch), value, path, out);
            }
        }
    }

    /// Every property declared by an object schema (`"type": "object"`), as a place.
    pub fn declared(&self, doc: &'static str) -> BTreeSet<Loc> {
        let mut found = BTreeSet::new();
        for (loc, s) in self.all_nodes(doc) {
            if s.get("type").and_then(Value::as_str) == Some("object") {
                for k in s["properties"].as_object().unwrap().keys() {
                    found.insert(loc.join("properties").join(k));
                }
            }
        }
        found
    }

    /// Every schema object in a document, with its place.
    pub fn all_nodes(&self, doc: &'static str) -> Vec<(Loc, &Map<String, Value>)> {
        let mut nodes = Vec::new();
        let mut stack = vec![Loc::root(doc)];
        while let Some(loc) = stack.pop() {
            let s = self.at(&loc);
            for (k, v) in s {
                match (k.as_str(), v) {
                    ("properties" | "$defs", Value::Object(m)) => {
                        for key in m.keys() {
                            stack.push(loc.join(k).join(key));
                        }
                    }
                    ("anyOf" | "allOf", Value::Array(a)) => {
                        for i in 0..a.len() {
                            stack.push(loc.join(k).join(&i.to_string()));
                        }
                    }
                    ("items" | "contains" | "not" | "if" | "then" | "else", Value::Object(_)) => {
                        stack.push(loc.join(k))
                    }
                    _ => {}
                }
            }
            nodes.push((loc, s));
        }
        nodes
    }

    /// Fails the test unless every keyword of the document is one this walker understands,
    /// every `$ref` resolves and every pattern has a matcher here.
    pub fn assert_understood(&self, doc: &'static str) {
        for (loc, s) in self.all_nodes(doc) {
            for k in s.keys() {
                assert!(
                    KEYWORDS.contains(&k.as_str()),
                    "{loc:?}: keyword {k} unknown to the test"
                );
            }
            if let Some(r) = s.get("$ref") {
                self.resolve(doc, r.as_str().unwrap());
            }
            if let Some(p) = s.get("pattern").and_then(Value::as_str) {
                assert!(
                    pattern_matches(p, "").is_some(),
                    "{loc:?}: no matcher for {p}"
                );
            }
        }
    }
}

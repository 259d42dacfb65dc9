//! A large workspace for capacity tests and the bench: `n` accounts, each with 8 people
//! and 52 weekly health check-ins, plus the usual account fields, with varied values (a
//! small fixed-seed generator) so that compression is not flattered by repetition.
//! Shared by tests/storage_form.rs, tests/web.rs and examples (included with `#[path]`).

#![allow(dead_code)]

use serde_json::{json, Value};

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
}

const FIRST: &[&str] = &[
    "Ingrid", "Per", "Amara", "Kenji", "Lucia", "Tomasz", "Fatima", "Owen", "Priya", "Mateo",
    "Sofia", "Hassan", "Elena", "Jonas", "Aiko", "Diego", "Maya", "Lars", "Nadia", "Ravi",
];
const LAST: &[&str] = &[
    "Lindqvist",
    "Holm",
    "Okafor",
    "Tanaka",
    "Moreno",
    "Nowak",
    "Haddad",
    "Brennan",
    "Iyer",
    "Silva",
    "Rossi",
    "Khan",
    "Petrova",
    "Becker",
    "Mori",
    "Garcia",
    "Cohen",
    "Berg",
    "Novak",
];
const TITLES: &[&str] = &[
    "Operations Director",
    "CFO",
    "Head of IT",
    "Procurement Lead",
    "VP Sales",
    "Data Analyst",
    "Team Lead",
    "CTO",
    "Project Manager",
    "Finance Controller",
];
const UNITS: &[&str] = &[
    "Operations",
    "Finance",
    "IT",
    "Procurement",
    "Sales",
    "Analytics",
];
const ROLES: &[&str] = &[
    "executive_sponsor",
    "economic_buyer",
    "champion",
    "blocker",
    "end_user",
    "influencer",
    "technical_evaluator",
];
const SENT: &[&str] = &[
    "champion",
    "supporter",
    "neutral",
    "detractor",
    "strong_detractor",
];
const INDUSTRY: &[&str] = &[
    "Transport & logistics",
    "Retail",
    "Healthcare",
    "Manufacturing",
    "Financial services",
    "Education",
    "Energy",
    "Media",
];
const WORDS: &[&str] = &[
    "rollout",
    "depots",
    "renewal",
    "pricing",
    "training",
    "adoption",
    "budget",
    "pilot",
    "dashboard",
    "integration",
    "workshop",
    "sponsor",
    "migration",
    "quarter",
    "targets",
];

fn sentence(r: &mut Rng, words: u64) -> String {
    let mut s: Vec<&str> = Vec::new();
    for _ in 0..words {
        s.push(r.pick(WORDS));
    }
    let mut out = s.join(" ");
    if let Some(c) = out.get_mut(0..1) {
        c.make_ascii_uppercase();
    }
    out
}

/// The date `days` before 2026-11-22, as YYYY-MM-DD.
fn day_before(days: i64) -> String {
    let d = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap() - chrono::Duration::days(days);
    d.format("%Y-%m-%d").to_string()
}

fn account(r: &mut Rng, id: u32) -> Value {
    let people: Vec<Value> = (1..=8u32)
        .map(|p| {
            let roles: Vec<&str> = vec![r.pick(ROLES)];
            json!({
                "id": p,
                "name": format!("{} {}", r.pick(FIRST), r.pick(LAST)),
                "title": r.pick(TITLES),
                "business_unit": r.pick(UNITS),
                "roles": roles,
                "influence": r.range(1, 5),
                "sentiment": r.pick(SENT),
                "personal_win": sentence(r, 4),
                "key_risk": if r.range(0, 2) == 0 { sentence(r, 5) } else { String::new() },
                "frequency": "monthly",
                "last_contact": day_before(r.range(1, 90) as i64),
                "owner": "Sam Okafor",
                "reports_to": if p > 1 { json!(1) } else { Value::Null },
                "left_company": false,
                "notes": sentence(r, 6),
            })
        })
        .collect();
    let snapshots: Vec<Value> = (0..52i64)
        .rev()
        .map(|w| {
            json!({
                "date": day_before(w * 7 + 1),
                "seat_usage_pct": r.range(30, 100),
                "core_features": r.range(0, 8),
                "nps": r.range(0, 10),
                "ticket_trend": r.pick(&["decreasing", "stable", "increasing"]),
                "targets_met_pct": r.range(0, 100),
            })
        })
        .collect();
    json!({
        "id": id,
        "name": format!("{} {} #{id}", r.pick(LAST), r.pick(&["Freight", "Retail", "Health", "Systems", "Energy", "Media"])),
        "industry": r.pick(INDUSTRY),
        "segment": r.pick(&["enterprise", "mid_market", "smb"]),
        "size": "201-1000",
        "primary_use_case": sentence(r, 5),
        "products": ["Platform", "Analytics"],
        "arr": r.range(5_000, 900_000),
        "contract_start": "2025-03-01",
        "renewal_date": day_before(-(r.range(10, 400) as i64)),
        "owner": "Sam Okafor",
        "notes": sentence(r, 12),
        "health": { "snapshots": snapshots },
        "stakeholders": { "last_reviewed": day_before(30), "people": people },
    })
}

/// The workspace file (format version 1) of `n` generated accounts.
pub fn big_document(n: u32) -> String {
    let mut r = Rng(42);
    let accounts: Vec<Value> = (1..=n).map(|id| account(&mut r, id)).collect();
    serde_json::to_string(&json!({
        "format": "am-planner-workspace",
        "version": 1,
        "workspace": { "currency": "EUR", "accounts": accounts },
    }))
    .unwrap()
}

/// The same as a workspace.
pub fn big_workspace(n: u32) -> am_planner::domain::Workspace {
    am_planner::format::decode(&big_document(n), read_day())
        .expect("the generated workspace reads")
        .workspace
}

/// Renames the account at `index` (an edit of one account, through the domain's rule).
pub fn rename(ws: &mut am_planner::domain::Workspace, index: usize, name: &str) {
    let id = ws.accounts()[index].id;
    let mut f = ws.accounts()[index].fields.clone();
    f.name = name.into();
    ws.update_fields(id, f).unwrap();
}

/// The day files are read on in these tests (an older file's ARR history starts then).
#[allow(dead_code)]
fn read_day() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

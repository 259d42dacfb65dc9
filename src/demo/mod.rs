//! The sample workspace shown on first open: eight made-up accounts of varied industry,
//! size and tier, with renewal dates spread from last month to fourteen months out.
//! Dates are relative to `today`, so the demo never goes stale.

mod arr;
mod depth;
mod health;
mod people;
mod plan;
mod renewal;

use chrono::{Duration, Months, NaiveDate};

use crate::domain::account::{AccountFields, CompanySize, Segment, Tier};
use crate::domain::money::Currency;
use crate::domain::workspace::Workspace;

struct Sample {
    name: &'static str,
    industry: &'static str,
    segment: Segment,
    size: CompanySize,
    use_case: &'static str,
    products: &'static [&'static str],
    arr: f64,
    /// Renewal relative to today, in days (negative: already passed).
    renewal_in_days: i64,
    /// Contract length in months, counted back from the renewal date.
    term_months: u32,
    owner: &'static str,
    tier_override: Option<Tier>,
    notes: &'static str,
}

const SAMPLES: &[Sample] = &[
    Sample {
        name: "Northwind Logistics",
        industry: "Transport & logistics",
        segment: Segment::Enterprise,
        size: CompanySize::Enterprise,
        use_case: "Fleet dispatch and route planning",
        products: &["Platform", "Analytics", "Premium support"],
        arr: 480_000.0,
        renewal_in_days: 75,
        term_months: 36,
        owner: "Priya Raman",
        tier_override: None,
        notes: "CFO changed in the spring; new one wants a cost review before renewal.",
    },
    Sample {
        name: "Helix Biotech",
        industry: "Life sciences",
        segment: Segment::Enterprise,
        size: CompanySize::Large,
        use_case: "Lab sample tracking across three sites",
        products: &["Platform", "Compliance pack"],
        arr: 265_000.0,
        renewal_in_days: 300,
        term_months: 24,
        owner: "Priya Raman",
        tier_override: None,
        notes: "Champion in the Boston lab is pushing a rollout to the Basel site.",
    },
    Sample {
        name: "Cobalt Retail Group",
        industry: "Retail",
        segment: Segment::MidMarket,
        size: CompanySize::Large,
        use_case: "Store operations checklists",
        products: &["Platform", "Mobile app"],
        arr: 142_000.0,
        renewal_in_days: -20,
        term_months: 12,
        owner: "Marco Silva",
        tier_override: None,
        notes: "Renewal date passed while legal reviews the data-processing terms.",
    },
    Sample {
        name: "Fjord Energy",
        industry: "Energy & utilities",
        segment: Segment::Enterprise,
        size: CompanySize::Enterprise,
        use_case: "Field maintenance scheduling",
        products: &["Platform", "Analytics", "API access"],
        arr: 118_500.0,
        renewal_in_days: 420,
        term_months: 36,
        owner: "Marco Silva",
        tier_override: Some(Tier::Strategic),
        notes: "Kept in Tier 1 by hand: a group-wide deal is in discussion.",
    },
    Sample {
        name: "Brightpath Learning",
        industry: "Education",
        segment: Segment::MidMarket,
        size: CompanySize::Medium,
        use_case: "Course operations for online programmes",
        products: &["Platform"],
        arr: 64_000.0,
        renewal_in_days: 45,
        term_months: 12,
        owner: "Priya Raman",
        tier_override: None,
        notes: "Seat usage has dropped since their spring term ended.",
    },
    Sample {
        name: "Quarry & Vale Legal",
        industry: "Professional services",
        segment: Segment::Smb,
        size: CompanySize::Small,
        use_case: "Matter intake and deadlines",
        products: &["Platform", "E-signature add-on"],
        arr: 38_400.0,
        renewal_in_days: 160,
        term_months: 12,
        owner: "Dana Whitfield",
        tier_override: None,
        notes: "",
    },
    Sample {
        name: "Tidewater Hospitality",
        industry: "Hospitality",
        segment: Segment::MidMarket,
        size: CompanySize::Medium,
        use_case: "Housekeeping and maintenance requests",
        products: &["Platform", "Mobile app"],
        arr: 52_750.0,
        renewal_in_days: 230,
        term_months: 12,
        owner: "Dana Whitfield",
        tier_override: None,
        notes: "Asked about adding their two new resorts next season.",
    },
    Sample {
        name: "Orbit Analytics",
        industry: "Software",
        segment: Segment::Smb,
        size: CompanySize::Micro,
        use_case: "Customer onboarding projects",
        products: &["Platform"],
        arr: 12_000.0,
        renewal_in_days: 18,
        term_months: 12,
        owner: "Dana Whitfield",
        tier_override: None,
        notes: "Founder-led; pays by card.",
    },
];

/// The demo workspace for a given day.
pub fn demo_workspace(today: NaiveDate) -> Workspace {
    let mut ws = demo_accounts(today);
    demo_plans(&mut ws, today);
    ws
}

/// The demo's first half: the accounts with their ARR history, people, renewals (with the
/// save plan and expansion) and health. A first visit builds the two halves in two tasks:
/// the browser compiles each half's code on its first call (docs/build.md, "A first
/// visit's long tasks").
pub fn demo_accounts(today: NaiveDate) -> Workspace {
    let mut ws = Workspace::empty(Currency::default());
    for s in SAMPLES {
        let renewal = today + Duration::days(s.renewal_in_days);
        let start = renewal
            .checked_sub_months(Months::new(s.term_months))
            .unwrap_or(renewal - Duration::days(365));
        let fields = AccountFields {
            name: s.name.into(),
            industry: s.industry.into(),
            segment: Some(s.segment),
            size: Some(s.size),
            primary_use_case: s.use_case.into(),
            products: s.products.iter().map(|p| p.to_string()).collect(),
            arr: s.arr,
            contract_start: Some(start),
            renewal_date: Some(renewal),
            owner: s.owner.into(),
            tier_override: s.tier_override,
            notes: s.notes.into(),
        };
        ws.add_account(fields, today)
            .expect("the demo accounts are valid by construction");
    }
    arr::seed(&mut ws, today);
    people::seed(&mut ws, today);
    renewal::seed(&mut ws, today);
    health::seed(&mut ws, today);
    ws.demo = true;
    ws
}

/// The demo's second half, on the accounts of [`demo_accounts`]: the account plans, the QBR
/// with its qualification, and the account depth (white space, commitments, escalations).
pub fn demo_plans(ws: &mut Workspace, today: NaiveDate) {
    plan::seed(ws, today);
    depth::seed(ws, today);
}

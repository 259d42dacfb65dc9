//! A fixed account with a full plan and a QBR, shared by the plan, QBR and share tests.
#![allow(dead_code)]

use am_planner::domain::audience::plan_qbr;
use am_planner::domain::items::number;
use am_planner::domain::plan::{
    Action, ActionId, ActionStatus, Goal, GoalId, MetRule, MetricId, PlanContent, Risk, RiskId,
    RiskStatus, SuccessMetric, Swot,
};
use am_planner::domain::qbr::{
    ClockTime, MutualAction, MutualId, PersonRef, PrepItem, QbrId, Side,
};
use am_planner::domain::qualify::{BusinessCase, Element, Rating};
use am_planner::domain::stakeholders::{
    Influence, Role, Sentiment, Stakeholder, StakeholderFields, StakeholderId, StakeholderMap,
};
use am_planner::domain::{Account, AccountFields, AccountId, CompanySize, Segment};
use chrono::NaiveDate;

pub use crate::common::ymd as d;

/// Fixed "today" of the fixture.
pub fn today() -> NaiveDate {
    d(2026, 11, 20)
}

pub fn plan_content() -> PlanContent {
    PlanContent {
        overview: "Three regional hubs on the platform since 2024.\nThe COO wants one view of every route by Q3."
            .into(),
        goals: vec![
            Goal {
                id: GoalId(1),
                text: "Cut late deliveries by 20%".into(),
                source: "COO, kickoff March 2026".into(),
                mapping: "Route planning flags late runs a day ahead.".into(),
            },
            Goal {
                id: GoalId(2),
                text: "Open two new hubs in 2027".into(),
                source: "Annual report 2025".into(),
                mapping: String::new(),
            },
        ],
        metrics: vec![
            SuccessMetric {
                id: MetricId(1),
                name: "Weekly active seats".into(),
                unit: "%".into(),
                target: 80.0,
                current: Some(86.0),
                rule: MetRule::AtLeast,
            },
            SuccessMetric {
                id: MetricId(2),
                name: "Hours to plan a route | per hub".into(),
                unit: "hours".into(),
                target: 2.0,
                current: Some(3.5),
                rule: MetRule::AtMost,
            },
            SuccessMetric {
                id: MetricId(3),
                name: "Dispatch team trained".into(),
                unit: String::new(),
                target: 0.0,
                current: None,
                rule: MetRule::Manual { met: true },
            },
            SuccessMetric {
                id: MetricId(4),
                name: "On-time rate".into(),
                unit: "%".into(),
                target: 95.0,
                current: None,
                rule: MetRule::AtLeast,
            },
        ],
        risks: vec![
            Risk {
                id: RiskId(1),
                risk: "New CFO reviews every vendor".into(),
                mitigation: "Share the ROI summary before January.\nBook a call with the CFO's office.".into(),
                status: RiskStatus::Open,
            },
            Risk {
                id: RiskId(2),
                risk: "API rate limits at peak".into(),
                mitigation: "Raised limits in October".into(),
                status: RiskStatus::Closed,
            },
            Risk {
                id: RiskId(3),
                risk: "Champion may move teams".into(),
                mitigation: String::new(),
                status: RiskStatus::Open,
            },
        ],
        swot: Swot {
            strengths: vec!["Dispatch team loves the map view".into()],
            weaknesses: vec![],
            opportunities: vec!["Warehouse team asked for a demo".into()],
            threats: vec!["A competitor is bundling routing for free".into()],
        },
        opportunity_ids: vec![7, 9],
        actions: vec![
            Action {
                id: ActionId(1),
                text: "Train the Lyon hub".into(),
                due: d(2026, 11, 10),
                owner: "Priya Raman".into(),
                status: ActionStatus::Done { on: d(2026, 11, 8) },
                goal: Some(GoalId(1)),
            },
            Action {
                id: ActionId(2),
                text: "Send the ROI summary to the CFO".into(),
                due: d(2026, 11, 19),
                owner: "Priya Raman".into(),
                status: ActionStatus::Open,
                goal: Some(GoalId(1)),
            },
            Action {
                id: ActionId(3),
                text: "Draft the hub roll-out plan".into(),
                due: d(2026, 12, 15),
                owner: "Sam Okafor".into(),
                status: ActionStatus::Open,
                goal: Some(GoalId(2)),
            },
            Action {
                id: ActionId(4),
                text: "Refresh the admin guide".into(),
                due: d(2026, 11, 20),
                owner: String::new(),
                status: ActionStatus::Open,
                goal: None,
            },
        ],
    }
}

pub fn fields() -> AccountFields {
    AccountFields {
        name: "Northwind Logistics".into(),
        industry: "Transport & logistics".into(),
        segment: Some(Segment::Enterprise),
        size: Some(CompanySize::Enterprise),
        primary_use_case: "Fleet dispatch and route planning".into(),
        products: vec!["Platform".into(), "Analytics".into()],
        arr: 480_000.0,
        contract_start: Some(d(2024, 2, 1)),
        renewal_date: Some(d(2027, 2, 1)),
        owner: "Priya Raman".into(),
        tier_override: None,
        notes: String::new(),
    }
}

/// Three people: the sponsor and a dispatch lead (both invited to the QBR) and a blocker
/// who is not invited.
pub fn stakeholders() -> StakeholderMap {
    let person = |id: u32, name: &str, title: &str, role: Role, sentiment: Sentiment| Stakeholder {
        id: StakeholderId(id),
        fields: StakeholderFields {
            name: name.into(),
            title: title.into(),
            roles: [role].into(),
            influence: Influence::new(4).unwrap(),
            sentiment,
            personal_win: format!("{name} wants a promotion"),
            key_risk: format!("{name} dislikes surprises"),
            notes: format!("Notes on {name}"),
            ..Default::default()
        },
    };
    StakeholderMap::from_parts(
        vec![
            person(
                11,
                "Dana Ruiz",
                "Chief Operating Officer",
                Role::ExecutiveSponsor,
                Sentiment::Supporter,
            ),
            person(
                12,
                "Sam | Okafor",
                "Head of Dispatch",
                Role::Champion,
                Sentiment::Champion,
            ),
            person(
                13,
                "Lee Chen",
                "Procurement Lead",
                Role::Blocker,
                Sentiment::Detractor,
            ),
        ],
        None,
    )
    .expect("fixture people are valid")
}

/// The fixture account: plan last updated on 2026-11-02, three people, one QBR (planned
/// on 2026-11-20 for 3 December, so its first draft comes from the metrics), one scorecard
/// set.
pub fn account() -> Account {
    let mut a = Account::new(AccountId(3), fields());
    a.planning
        .plan
        .update(plan_content(), d(2026, 11, 2))
        .expect("fixture plan is valid");
    a.stakeholders = stakeholders();
    let id = plan_qbr(
        &mut a,
        d(2026, 12, 3),
        ClockTime::new(14, 0).unwrap(),
        today(),
    );
    assert_eq!(id, QbrId(1));
    let mut q = a.planning.qbr(id).unwrap().clone();
    q.attendees = vec![11, 12, 99];
    q.prep.set(PrepItem::UsageAndRoi, true);
    q.roadmap = "Warehouse module in beta from February.".into();
    q.notes = "Internal: push for the warehouse pilot.".into();
    q.mutual_actions = vec![
        MutualAction {
            id: MutualId(1),
            text: "Share Q4 volumes per hub".into(),
            owner: "Dana Ruiz".into(),
            side: Side::Customer,
            due: d(2026, 12, 12),
            pushed_as: None,
        },
        MutualAction {
            id: MutualId(2),
            text: "Propose the warehouse pilot | scope".into(),
            owner: "Priya Raman".into(),
            side: Side::Us,
            due: d(2026, 12, 19),
            pushed_as: None,
        },
    ];
    a.planning.update_qbr(q).expect("fixture QBR is valid");
    let qual = a.planning.qualification_mut(7);
    qual.set(
        Element::Metrics,
        Rating::new(3).unwrap(),
        "Late runs cost 40k a month",
    )
    .unwrap();
    qual.set(Element::Champion, Rating::new(2).unwrap(), "")
        .unwrap();
    qual.set(
        Element::Budget,
        Rating::new(1).unwrap(),
        "Next year's budget not set",
    )
    .unwrap();
    qual.business_case = Some(BusinessCase::new(60_000.0, 150_000.0).unwrap());
    a
}

pub fn people() -> Vec<PersonRef> {
    vec![
        PersonRef {
            id: 11,
            name: "Dana Ruiz".into(),
            is_executive_sponsor: true,
        },
        PersonRef {
            id: 12,
            name: "Sam | Okafor".into(),
            is_executive_sponsor: false,
        },
        PersonRef {
            id: 13,
            name: "Lee Chen".into(),
            is_executive_sponsor: false,
        },
    ]
}

// ---- generated plans for round-trip properties ----

use am_planner::domain::plan::AccountPlan;
use am_planner::domain::planning::Planning;
use am_planner::domain::qbr::{Checklist, Qbr};
use am_planner::domain::qualify::Qualification;
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    "[A-Za-zé][a-zA-Z0-9 |#*_\\-é€]{0,16}"
}

fn free_text() -> impl Strategy<Value = String> {
    prop_oneof![Just(String::new()), "[a-zA-Z0-9 |#\n]{1,40}"]
}

fn day(offset: i64) -> NaiveDate {
    d(2026, 1, 1) + chrono::Duration::days(offset)
}

fn arb_metric() -> impl Strategy<Value = SuccessMetric> {
    (
        text(),
        prop_oneof![Just(String::new()), Just("%".to_string()), text()],
        -1e6f64..1e6,
        proptest::option::of(-1e6f64..1e6),
        0u8..4,
    )
        .prop_map(|(name, unit, target, current, r)| SuccessMetric {
            id: MetricId(0),
            name,
            unit,
            target,
            current,
            rule: match r {
                0 => MetRule::AtLeast,
                1 => MetRule::AtMost,
                2 => MetRule::Manual { met: true },
                _ => MetRule::Manual { met: false },
            },
        })
}

fn arb_content() -> impl Strategy<Value = PlanContent> {
    (
        free_text(),
        proptest::collection::vec((text(), free_text(), free_text()), 0..=3),
        proptest::collection::vec(arb_metric(), 0..4),
        proptest::collection::vec((text(), free_text(), any::<bool>()), 0..3),
        proptest::collection::vec(proptest::collection::vec(text(), 0..3), 4),
        proptest::collection::btree_set(any::<u32>(), 0..3),
        proptest::collection::vec(
            (
                text(),
                0i64..500,
                free_text(),
                proptest::option::of(0i64..500),
                proptest::option::of(0usize..3),
            ),
            0..5,
        ),
    )
        .prop_map(|(overview, goals, metrics, risks, swot, opps, actions)| {
            let goals: Vec<Goal> = goals
                .into_iter()
                .enumerate()
                .map(|(i, (text, source, mapping))| Goal {
                    id: GoalId(i as u32 * 3 + 1),
                    text,
                    source: source.replace('\n', " "),
                    mapping,
                })
                .collect();
            let actions = actions
                .into_iter()
                .enumerate()
                .map(|(i, (text, due, owner, done, goal))| Action {
                    id: ActionId(i as u32 + 10),
                    text,
                    due: day(due),
                    owner: owner.replace('\n', " "),
                    status: match done {
                        Some(o) => ActionStatus::Done { on: day(o) },
                        None => ActionStatus::Open,
                    },
                    goal: goal.and_then(|g| goals.get(g).map(|x| x.id)),
                })
                .collect();
            let mut metrics = metrics;
            number(&mut metrics);
            PlanContent {
                overview,
                goals,
                metrics,
                risks: risks
                    .into_iter()
                    .zip(1..)
                    .map(|((risk, mitigation, open), n)| Risk {
                        id: RiskId(n),
                        risk,
                        mitigation,
                        status: if open {
                            RiskStatus::Open
                        } else {
                            RiskStatus::Closed
                        },
                    })
                    .collect(),
                swot: Swot {
                    strengths: swot[0].clone(),
                    weaknesses: swot[1].clone(),
                    opportunities: swot[2].clone(),
                    threats: swot[3].clone(),
                },
                opportunity_ids: opps.into_iter().collect(),
                actions,
            }
        })
}

fn arb_qbr(id: u32) -> impl Strategy<Value = Qbr> {
    (
        0i64..700,
        0u16..=1380,
        proptest::collection::btree_set(0u32..50, 0..4),
        any::<u8>(),
        (free_text(), free_text(), free_text(), free_text()),
        proptest::collection::vec(
            (
                text(),
                free_text(),
                any::<bool>(),
                0i64..700,
                proptest::option::of(1u32..40),
            ),
            0..3,
        ),
    )
        .prop_map(move |(date, start, attendees, prep_bits, texts, mutual)| {
            let mut prep = Checklist::default();
            for (i, item) in PrepItem::ALL.into_iter().enumerate() {
                prep.set(item, prep_bits & (1 << i) != 0);
            }
            Qbr {
                id: QbrId(id),
                date: day(date),
                start: ClockTime::new((start / 60) as u8, (start % 60) as u8).unwrap(),
                attendees: attendees.into_iter().collect(),
                prep,
                value_delivered: texts.0,
                challenges: texts.1,
                roadmap: texts.2,
                notes: texts.3,
                mutual_actions: mutual
                    .into_iter()
                    .zip(1..)
                    .map(|((text, owner, us, due, pushed), n)| MutualAction {
                        id: MutualId(n),
                        text,
                        owner: owner.replace('\n', " "),
                        side: if us { Side::Us } else { Side::Customer },
                        due: day(due),
                        pushed_as: pushed.map(ActionId),
                    })
                    .collect(),
            }
        })
}

fn arb_qualification(opportunity: u32) -> impl Strategy<Value = Qualification> {
    (
        proptest::collection::vec((0u8..=3, free_text()), 10),
        proptest::option::of((1.0f64..1e9, -1e9f64..1e9)),
    )
        .prop_map(move |(scores, case)| {
            let mut q = Qualification::new(opportunity);
            let elements = am_planner::domain::qualify::Framework::ALL
                .iter()
                .flat_map(|f| f.elements().iter().copied());
            for (e, (r, notes)) in elements.zip(scores) {
                q.set(e, Rating::new(r).unwrap(), &notes).unwrap();
            }
            q.business_case = case.map(|(i, b)| BusinessCase::new(i, b).unwrap());
            q
        })
}

/// Any valid planning: plan, up to two QBRs, up to two scorecard sets.
pub fn arb_planning() -> impl Strategy<Value = Planning> {
    (
        arb_content(),
        proptest::option::of(0i64..700),
        proptest::collection::vec(arb_qbr(1), 0..=1),
        proptest::collection::vec(arb_qbr(5), 0..=1),
        proptest::collection::vec(arb_qualification(7), 0..=1),
        proptest::collection::vec(arb_qualification(2), 0..=1),
    )
        .prop_map(|(content, updated, q1, q2, s1, s2)| {
            let plan = AccountPlan::from_parts(content, updated.map(day))
                .expect("generated plan is valid");
            let qbrs = q1.into_iter().chain(q2).collect();
            let quals = s1.into_iter().chain(s2).collect();
            Planning::from_parts(plan, qbrs, quals).expect("generated planning is valid")
        })
}

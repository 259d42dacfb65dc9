//! Demo data for plans: account plans on three demo accounts (one fresh and full, one
//! lighter, one stale) and a QBR about three weeks out on the largest account, with its
//! MEDDIC card and business case. Dates are relative to `today`.
//!
//! Plans link the account's expansion opportunities and the QBR invites its stakeholders
//! when the other demo seeds have put them there. When an account has no people or no
//! opportunities yet, a few are added here so the QBR and the links have something to
//! show; call [`seed`] after the stakeholder and expansion seeds so theirs are used.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::domain::audience::plan_qbr;
use crate::domain::expansion::{OpportunityDraft, OpportunityType, Stage};
use crate::domain::items::number;
use crate::domain::plan::{
    Action, ActionId, ActionStatus, Goal, GoalId, MetRule, MetricId, PlanContent, Risk, RiskId,
    RiskStatus, SuccessMetric, Swot,
};
use crate::domain::qbr::{ClockTime, MutualAction, MutualId, PrepItem, Side};
use crate::domain::qualify::{BusinessCase, Element, Rating};
use crate::domain::stakeholders::{Influence, Role, Sentiment, StakeholderFields};
use crate::domain::workspace::Workspace;
use crate::domain::Account;

fn lines(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn goal(id: u32, text: &str, source: &str, mapping: &str) -> Goal {
    Goal {
        id: GoalId(id),
        text: text.into(),
        source: source.into(),
        mapping: mapping.into(),
    }
}

fn metric(
    name: &str,
    unit: &str,
    target: f64,
    current: Option<f64>,
    rule: MetRule,
) -> SuccessMetric {
    SuccessMetric {
        id: MetricId::default(),
        name: name.into(),
        unit: unit.into(),
        target,
        current,
        rule,
    }
}

fn risk(risk: &str, mitigation: &str, status: RiskStatus) -> Risk {
    Risk {
        id: RiskId::default(),
        risk: risk.into(),
        mitigation: mitigation.into(),
        status,
    }
}

fn action(id: u32, text: &str, due: NaiveDate, owner: &str, goal: Option<u32>) -> Action {
    Action {
        id: ActionId(id),
        text: text.into(),
        due,
        owner: owner.into(),
        status: ActionStatus::Open,
        goal: goal.map(GoalId),
    }
}

fn find(ws: &Workspace, name: &str) -> Option<crate::domain::AccountId> {
    ws.accounts()
        .iter()
        .find(|a| a.fields.name == name)
        .map(|a| a.id)
}

/// The first Tuesday on or after `d`: QBRs land mid-week.
fn tuesday_from(d: NaiveDate) -> NaiveDate {
    let mut d = d;
    while d.weekday() != Weekday::Tue {
        d += Duration::days(1);
    }
    d
}

/// People for an account that has none yet: (name, title, roles, influence, sentiment).
fn ensure_people(
    a: &mut Account,
    today: NaiveDate,
    people: &[(&str, &str, &[Role], u8, Sentiment)],
) {
    if a.stakeholders.current().next().is_some() {
        return;
    }
    for (name, title, roles, influence, sentiment) in people {
        let fields = StakeholderFields {
            name: name.to_string(),
            title: title.to_string(),
            roles: roles.iter().copied().collect(),
            influence: Influence::new(*influence).unwrap_or_default(),
            sentiment: *sentiment,
            owner: a.fields.owner.clone(),
            ..Default::default()
        };
        let _ = a.stakeholders.add(fields, today);
    }
}

/// Opportunities for an account that has none yet: (type, description, ARR, stage).
fn ensure_opportunities(a: &mut Account, opps: &[(OpportunityType, &str, f64, Stage)]) {
    if !a.expansion.opportunities().is_empty() {
        return;
    }
    for (kind, description, arr, stage) in opps {
        let mut d = OpportunityDraft::new(*kind);
        d.description = description.to_string();
        d.estimated_arr = *arr;
        d.stage = *stage;
        d.owner = a.fields.owner.clone();
        let _ = a.expansion.add(d);
    }
}

/// Adds the plans, the QBR and the qualification to the demo accounts found by name.
pub fn seed(ws: &mut Workspace, today: NaiveDate) {
    let day = |n: i64| today + Duration::days(n);

    if let Some(id) = find(ws, "Northwind Logistics") {
        let a = ws.account_mut(id).expect("found above");
        ensure_people(
            a,
            today,
            &[
                (
                    "Helen Brandt",
                    "Chief Operating Officer",
                    &[Role::ExecutiveSponsor],
                    5,
                    Sentiment::Champion,
                ),
                (
                    "Marcus Oyelaran",
                    "Chief Financial Officer",
                    &[Role::EconomicBuyer],
                    5,
                    Sentiment::Neutral,
                ),
                (
                    "Jo Whitcombe",
                    "Head of Dispatch, Leeds hub",
                    &[Role::Champion, Role::EndUser],
                    3,
                    Sentiment::Supporter,
                ),
                (
                    "Tomasz Nowak",
                    "Head of Fleet",
                    &[Role::Influencer],
                    4,
                    Sentiment::Neutral,
                ),
            ],
        );
        ensure_opportunities(
            a,
            &[
                (
                    OpportunityType::SeatExpansion,
                    "Dispatch seats for the two hubs opening in 2027",
                    96_000.0,
                    Stage::Qualifying,
                ),
                (
                    OpportunityType::ModuleUpsell,
                    "Fleet cost analytics for the CFO's savings programme",
                    60_000.0,
                    Stage::Identified,
                ),
            ],
        );
        let opportunity_ids: Vec<u32> = a
            .expansion
            .opportunities()
            .iter()
            .filter(|o| o.stage().is_open())
            .map(|o| o.id().0)
            .collect();
        let mut done = action(
            5,
            "Share the Q3 on-time report with the COO",
            day(-20),
            "Priya Raman",
            Some(1),
        );
        done.status = ActionStatus::Done { on: day(-18) };
        let mut content = PlanContent {
            overview: "Dispatch in all three regional hubs has run on the platform since 2024; Analytics is used by the COO's team only.\nThe new CFO is reviewing every software contract before the renewal. The COO is still our strongest voice.".into(),
            goals: vec![
                goal(1, "Cut late deliveries by 20% this year", "COO, operations review in January", "Route planning flags late runs a day ahead; the late-delivery report tracks each hub weekly."),
                goal(2, "Bring fleet cost per route down 8%", "CFO, first budget memo", "Fuel and idle-time reports by hub; consolidated dispatch cuts empty runs."),
                goal(3, "Open two new hubs without hiring more planners", "Annual report 2025", "Hub templates and shared planning let one team cover more sites."),
            ],
            metrics: vec![
                metric("On-time deliveries", "%", 95.0, Some(92.5), MetRule::AtLeast),
                metric("Planner hours per route", "hours", 2.0, Some(1.6), MetRule::AtMost),
                metric("Weekly active dispatchers", "%", 80.0, Some(86.0), MetRule::AtLeast),
                metric("Change in fuel cost per route", "%", -8.0, None, MetRule::AtMost),
                metric("Cost dashboard live for the CFO", "", 0.0, None, MetRule::Manual { met: false }),
            ],
            risks: vec![
                risk("New CFO is reviewing every software contract", "Cost review pack with savings by hub, presented with the COO before renewal talks.", RiskStatus::Open),
                risk("Only the COO speaks up for us at board level", "Meet the CFO and the Head of Fleet this quarter; have the Leeds hub lead present results.", RiskStatus::Open),
                risk("ERP export failed at month-end close", "Fixed in release 4.2; watched over two closes.", RiskStatus::Closed),
            ],
            swot: Swot {
                strengths: lines(&["Dispatch runs on us in all three hubs", "The COO sponsors us and quotes our numbers"]),
                weaknesses: lines(&["Analytics used by two people only", "No relationship with the new CFO yet"]),
                opportunities: lines(&["Two new hubs opening in 2027", "The fleet cost programme needs reports we already have"]),
                threats: lines(&["CFO cost review before the renewal", "A competitor pitched the Leeds hub in spring"]),
            },
            opportunity_ids,
            actions: vec![
                action(1, "Send the cost review pack to the CFO", day(-5), "Priya Raman", Some(2)),
                action(2, "Run the late-delivery workshop with the Leeds hub", day(12), "Priya Raman", Some(1)),
                action(3, "Set up hub templates for the 2027 openings", day(45), "Solutions team", Some(3)),
                action(4, "Book the QBR room and send calendar holds", day(3), "Priya Raman", None),
                done,
            ],
        };
        number(&mut content.metrics);
        number(&mut content.risks);
        let _ = a.planning.plan.update(content, day(-6));

        // A QBR about three weeks out, on a Tuesday afternoon.
        let people: Vec<(u32, bool, bool)> = a
            .stakeholders
            .current()
            .map(|p| {
                (
                    p.id.0,
                    p.fields.has_role(Role::ExecutiveSponsor),
                    p.fields.has_role(Role::Champion),
                )
            })
            .collect();
        let start = ClockTime::new(14, 0).expect("valid time");
        let date = tuesday_from(day(19));
        let qid = plan_qbr(a, date, start, today);
        if let Some(mut q) = a.planning.qbr(qid).cloned() {
            // The sponsor and the champion are invited; others are still to confirm.
            q.attendees = people.iter().filter(|p| p.1 || p.2).map(|p| p.0).collect();
            q.prep.set(PrepItem::UsageAndRoi, true);
            q.prep.set(PrepItem::TicketsReviewed, true);
            q.roadmap = "Hub templates ship next quarter, in time for the 2027 openings.\nFleet cost report in Analytics for the CFO's programme.".into();
            q.notes = "Ask the sponsor to bring the CFO for the value part. Do not open with the release notes.".into();
            q.mutual_actions = vec![MutualAction {
                id: MutualId(1),
                text: "Confirm the opening dates of the two new hubs".into(),
                owner: "Tomasz Nowak".into(),
                side: Side::Customer,
                due: date + Duration::days(14),
                pushed_as: None,
            }];
            let _ = a.planning.update_qbr(q);
        }

        // Qualification of the first opportunity.
        if let Some(first) = a.expansion.opportunities().first().map(|o| o.id().0) {
            let q = a.planning.qualification_mut(first);
            let r = |n| Rating::new(n).expect("0-3");
            let _ = q.set(Element::Metrics, r(2), "Seats per hub known: 40 each.");
            let _ = q.set(Element::EconomicBuyer, r(1), "CFO not met yet.");
            let _ = q.set(Element::DecisionCriteria, r(2), "");
            let _ = q.set(
                Element::DecisionProcess,
                r(1),
                "Budget round in March; steps unclear.",
            );
            let _ = q.set(
                Element::IdentifiedPain,
                r(3),
                "Planners already stretched across three hubs.",
            );
            let _ = q.set(
                Element::Champion,
                r(3),
                "Our champion runs dispatch at the Leeds hub.",
            );
            let _ = q.set(Element::Budget, r(1), "");
            let _ = q.set(Element::Authority, r(2), "");
            let _ = q.set(Element::Need, r(3), "");
            let _ = q.set(Element::Timeline, r(2), "Hubs open in 2027.");
            q.business_case = BusinessCase::new(96_000.0, 210_000.0).ok();
        }
    }

    if let Some(id) = find(ws, "Helix Biotech") {
        let a = ws.account_mut(id).expect("found above");
        let mut content = PlanContent {
            overview: "Boston and Cambridge track samples on the platform; Basel still uses spreadsheets.\nOur champion in Boston is pushing a Basel rollout.".into(),
            goals: vec![
                goal(1, "One sample-tracking process across all three sites", "VP Lab Operations, renewal kickoff", "Shared workflows and site-level permissions; Basel can start from Boston's set-up."),
                goal(2, "Pass the autumn audit with no findings on sample custody", "Quality Director, email in March", "The Compliance pack's audit trail and custody reports."),
            ],
            metrics: vec![
                metric("Sites live", "of 3", 3.0, Some(2.0), MetRule::AtLeast),
                metric("Audit findings on sample custody", "", 0.0, Some(0.0), MetRule::AtMost),
            ],
            risks: vec![risk("Basel IT wants its own tool", "Technical session with Basel IT and a reference call with Boston.", RiskStatus::Open)],
            swot: Swot {
                strengths: lines(&["Strong champion in the Boston lab"]),
                weaknesses: lines(&["No contact in Basel IT yet"]),
                opportunities: lines(&["Basel rollout"]),
                threats: lines(&["Local tool preference in Basel"]),
            },
            opportunity_ids: Vec::new(),
            actions: vec![
                action(1, "Agree the Basel pilot plan with their IT", day(20), "Priya Raman", Some(1)),
                action(2, "Build the audit evidence pack from the Compliance pack", day(40), "Priya Raman", Some(2)),
            ],
        };
        number(&mut content.metrics);
        number(&mut content.risks);
        let _ = a.planning.plan.update(content, day(-30));
    }

    if let Some(id) = find(ws, "Cobalt Retail Group") {
        let a = ws.account_mut(id).expect("found above");
        let mut content = PlanContent {
            overview: "Store checklists run in most regions. The renewal date passed while legal reviews the data-processing terms.".into(),
            goals: vec![goal(1, "Every store on the daily checklist by year end", "Head of Store Operations", "Mobile checklists with photo proof; regional dashboards.")],
            metrics: vec![metric("Stores using daily checklists", "%", 90.0, Some(71.0), MetRule::AtLeast)],
            risks: vec![risk("Legal review of the data-processing terms is stuck", "", RiskStatus::Open)],
            swot: Swot::default(),
            opportunity_ids: Vec::new(),
            actions: vec![action(1, "Get legal sign-off on the data-processing terms", day(-40), "Marco Silva", Some(1))],
        };
        number(&mut content.metrics);
        number(&mut content.risks);
        let _ = a.planning.plan.update(content, day(-125));
    }
}

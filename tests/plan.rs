//! The account plan: metrics met or not, validation, last-updated and stale, flags,
//! pushing mutual actions, the Markdown document, and the file format.

mod common;
use common::read_day;
mod plan_fixture;

use am_planner::domain::audience::Audience;
use am_planner::domain::plan::{
    percent_met, AccountPlan, ActionId, ActionStatus, FieldError, Goal, GoalId, MetRule, MetStatus,
    MetricId, NewAction, PlanContent, PlanFlag, SuccessMetric,
};
use am_planner::domain::planning::Planning;
use am_planner::domain::qbr::QbrId;
use am_planner::domain::{Account, AccountId, Currency, Tier, Workspace};
use am_planner::format::markdown::{
    cell, markdown_file_name, plan_markdown, OpportunityRef, PlanInputs,
};
use am_planner::format::{decode, encode};
use plan_fixture::{account, d, plan_content, today};
use proptest::prelude::*;

fn metric(rule: MetRule, target: f64, current: Option<f64>) -> SuccessMetric {
    SuccessMetric {
        id: MetricId(1),
        name: "m".into(),
        unit: String::new(),
        target,
        current,
        rule,
    }
}

#[test]
fn metric_status_follows_its_rule() {
    use MetRule::*;
    use MetStatus::*;
    let cases: &[(MetRule, f64, Option<f64>, MetStatus)] = &[
        (AtLeast, 80.0, Some(86.0), Met),
        (AtLeast, 80.0, Some(80.0), Met),
        (AtLeast, 80.0, Some(79.9), NotMet),
        (AtLeast, 80.0, None, Unknown),
        (AtMost, 2.0, Some(1.5), Met),
        (AtMost, 2.0, Some(2.0), Met),
        (AtMost, 2.0, Some(2.01), NotMet),
        (AtMost, 2.0, None, Unknown),
        (AtLeast, -5.0, Some(-4.0), Met),
        (Manual { met: true }, 0.0, None, Met),
        (Manual { met: false }, 10.0, Some(99.0), NotMet),
    ];
    for (rule, target, current, expected) in cases {
        assert_eq!(
            metric(*rule, *target, *current).status(),
            *expected,
            "{rule:?} target {target} current {current:?}"
        );
    }
}

#[test]
fn percent_met_counts_known_metrics_only() {
    assert_eq!(percent_met(&[]), None);
    assert_eq!(percent_met(&[metric(MetRule::AtLeast, 1.0, None)]), None);
    // Fixture: met, not met, met (manual), unknown -> 2 of 3.
    let p = percent_met(&plan_content().metrics).unwrap();
    assert!((p - 200.0 / 3.0).abs() < 1e-9, "{p}");
    assert_eq!(
        percent_met(&[
            metric(MetRule::AtMost, 5.0, Some(4.0)),
            metric(MetRule::AtLeast, 5.0, Some(4.0)),
        ]),
        Some(50.0)
    );
}

fn check_invalid(change: impl FnOnce(&mut PlanContent), expected: &[(&str, &str)]) {
    let mut c = plan_content();
    change(&mut c);
    let errors = c.validate().expect_err("should be refused");
    let got: Vec<(&str, &str)> = errors
        .iter()
        .map(|e| (e.path.as_str(), e.message.as_str()))
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn invalid_plans_are_refused_with_field_and_message() {
    assert_eq!(plan_content().validate(), Ok(()));
    check_invalid(
        |c| {
            for i in 3..5 {
                c.goals.push(Goal {
                    id: GoalId(i),
                    text: format!("goal {i}"),
                    ..Goal::default()
                })
            }
        },
        &[(
            "goals",
            "Keep to the customer's top 3 goals; this plan has 4.",
        )],
    );
    check_invalid(
        |c| c.goals[1].text = "   ".into(),
        &[("goals[1].text", "Write the goal.")],
    );
    check_invalid(
        |c| c.goals[1].id = GoalId(1),
        &[
            ("goals[1].id", "Goal id 1 is used twice."),
            // Goal 2 is gone, so the action serving it points nowhere.
            (
                "actions[2].goal",
                "This action serves goal 2, which is not in the plan.",
            ),
        ],
    );
    check_invalid(
        |c| c.goals[0].source = "x".repeat(301),
        &[("goals[0].source", "Keep this under 300 characters.")],
    );
    check_invalid(
        |c| c.metrics[0].name = String::new(),
        &[("metrics[0].name", "Write the metric's name.")],
    );
    check_invalid(
        |c| c.metrics[1].target = f64::NAN,
        &[("metrics[1].target", "Enter a number.")],
    );
    check_invalid(
        |c| c.metrics[1].current = Some(f64::INFINITY),
        &[("metrics[1].current", "Enter a number.")],
    );
    check_invalid(
        |c| c.metrics[0].target = 2e12,
        &[(
            "metrics[0].target",
            "This number is above a trillion: check the zeros.",
        )],
    );
    check_invalid(
        |c| c.risks[2].risk = String::new(),
        &[("risks[2].risk", "Write the risk.")],
    );
    check_invalid(
        |c| c.swot.threats.push(" ".into()),
        &[("swot.threats[1]", "Write the entry or remove it.")],
    );
    check_invalid(
        |c| c.opportunity_ids.push(7),
        &[("opportunity_ids[2]", "Opportunity 7 is linked twice.")],
    );
    check_invalid(
        |c| c.actions[3].id = ActionId(2),
        &[("actions[3].id", "Action id 2 is used twice.")],
    );
    check_invalid(
        |c| c.actions[0].text = String::new(),
        &[("actions[0].text", "Write the action.")],
    );
    check_invalid(
        |c| c.actions[2].goal = Some(GoalId(9)),
        &[(
            "actions[2].goal",
            "This action serves goal 9, which is not in the plan.",
        )],
    );
    check_invalid(
        |c| {
            c.goals[0].text = String::new();
            c.actions[1].text = String::new();
        },
        &[
            ("goals[0].text", "Write the goal."),
            ("actions[1].text", "Write the action."),
        ],
    );
}

#[test]
fn changes_record_today_and_bad_changes_change_nothing() {
    let mut plan = AccountPlan::new();
    assert_eq!(plan.last_updated(), None);
    plan.update(plan_content(), d(2026, 5, 1)).unwrap();
    assert_eq!(plan.last_updated(), Some(d(2026, 5, 1)));

    // The same content again is no change: the date stays.
    plan.update(plan_content(), d(2026, 6, 1)).unwrap();
    assert_eq!(plan.last_updated(), Some(d(2026, 5, 1)));

    // A refused change leaves content and date alone.
    let before = plan.clone();
    let err = plan.edit(d(2026, 6, 2), |c| c.goals[0].text.clear());
    assert_eq!(
        err,
        Err(vec![FieldError::new("goals[0].text", "Write the goal.")])
    );
    assert_eq!(plan, before);

    plan.edit(d(2026, 6, 3), |c| c.overview = "New".into())
        .unwrap();
    assert_eq!(plan.last_updated(), Some(d(2026, 6, 3)));
    assert_eq!(plan.content().overview, "New");
}

#[test]
fn goals_stop_at_three_and_removing_one_unties_its_actions() {
    let mut plan = AccountPlan::new();
    let t = d(2026, 1, 5);
    let g1 = plan.add_goal(" Grow ", "CEO", "", t).unwrap();
    assert_eq!(g1, GoalId(1));
    assert_eq!(plan.content().goals[0].text, "Grow");
    plan.add_goal("Save", "", "", t).unwrap();
    plan.add_goal("Hire", "", "", t).unwrap();
    assert_eq!(
        plan.add_goal("Fourth", "", "", t),
        Err(vec![FieldError::new(
            "goals",
            "Keep to the customer's top 3 goals; this plan has 4."
        )])
    );
    assert_eq!(plan.content().goals.len(), 3);

    let a = plan
        .add_action(
            NewAction {
                text: "Kickoff".into(),
                due: d(2026, 2, 1),
                owner: "Me".into(),
                goal: Some(g1),
            },
            t,
        )
        .unwrap();
    assert_eq!(a, ActionId(1));
    assert_eq!(
        plan.add_action(
            NewAction {
                text: "x".into(),
                due: t,
                owner: String::new(),
                goal: Some(GoalId(42)),
            },
            t
        ),
        Err(vec![FieldError::new(
            "actions[1].goal",
            "This action serves goal 42, which is not in the plan."
        )])
    );
    plan.remove_goal(g1, d(2026, 1, 9));
    assert_eq!(plan.content().goals.len(), 2);
    assert_eq!(plan.content().actions[0].goal, None);
    assert_eq!(plan.last_updated(), Some(d(2026, 1, 9)));
    // Goal ids are not reused while goals remain: the next is above the largest.
    assert_eq!(plan.add_goal("New", "", "", t), Ok(GoalId(4)));
}

#[test]
fn ticking_an_action_done_records_the_day() {
    let mut plan = AccountPlan::from_parts(plan_content(), Some(d(2026, 11, 2))).unwrap();
    plan.set_action_done(ActionId(2), true, d(2026, 11, 21));
    let a = plan.content().action(ActionId(2)).unwrap();
    assert_eq!(
        a.status,
        ActionStatus::Done {
            on: d(2026, 11, 21)
        }
    );
    assert_eq!(plan.last_updated(), Some(d(2026, 11, 21)));
    // Ticking again keeps the first date; unticking reopens.
    plan.set_action_done(ActionId(2), true, d(2026, 11, 25));
    assert_eq!(
        plan.content().action(ActionId(2)).unwrap().status,
        ActionStatus::Done {
            on: d(2026, 11, 21)
        }
    );
    plan.set_action_done(ActionId(2), false, d(2026, 11, 26));
    assert_eq!(
        plan.content().action(ActionId(2)).unwrap().status,
        ActionStatus::Open
    );
    plan.remove_action(ActionId(2), d(2026, 11, 27));
    assert_eq!(plan.content().action(ActionId(2)), None);
}

#[test]
fn flags_stale_overdue_untied_and_unmitigated() {
    let updated = d(2026, 11, 2);
    let plan = AccountPlan::from_parts(plan_content(), Some(updated)).unwrap();
    let cases: &[(chrono::NaiveDate, Vec<PlanFlag>)] = &[
        (
            today(),
            vec![
                PlanFlag::OverdueAction {
                    action: ActionId(2),
                    days: 1,
                },
                PlanFlag::UntiedAction {
                    action: ActionId(4),
                },
                PlanFlag::RiskWithoutMitigation { index: 2 },
            ],
        ),
        // 90 days after the update: not stale yet; action 4 (due 2026-11-20) overdue too.
        (
            d(2027, 1, 31),
            vec![
                PlanFlag::OverdueAction {
                    action: ActionId(2),
                    days: 73,
                },
                PlanFlag::OverdueAction {
                    action: ActionId(3),
                    days: 47,
                },
                PlanFlag::OverdueAction {
                    action: ActionId(4),
                    days: 72,
                },
                PlanFlag::UntiedAction {
                    action: ActionId(4),
                },
                PlanFlag::RiskWithoutMitigation { index: 2 },
            ],
        ),
        (
            d(2027, 2, 1),
            vec![
                PlanFlag::Stale {
                    last_updated: updated,
                    days: 91,
                },
                PlanFlag::OverdueAction {
                    action: ActionId(2),
                    days: 74,
                },
                PlanFlag::OverdueAction {
                    action: ActionId(3),
                    days: 48,
                },
                PlanFlag::OverdueAction {
                    action: ActionId(4),
                    days: 73,
                },
                PlanFlag::UntiedAction {
                    action: ActionId(4),
                },
                PlanFlag::RiskWithoutMitigation { index: 2 },
            ],
        ),
    ];
    for (day, expected) in cases {
        assert_eq!(&plan.flags(*day), expected, "on {day}");
    }
    assert!(!plan.is_stale(d(2027, 1, 31)));
    assert!(plan.is_stale(d(2027, 2, 1)));

    assert_eq!(AccountPlan::new().flags(today()), vec![PlanFlag::NoPlanYet]);
    let mut only_overview = AccountPlan::new();
    only_overview
        .edit(today(), |c| c.overview = "x".into())
        .unwrap();
    assert_eq!(only_overview.flags(today()), vec![PlanFlag::NoGoals]);
}

#[test]
fn flag_messages_name_the_action() {
    let plan = AccountPlan::from_parts(plan_content(), Some(d(2026, 1, 1))).unwrap();
    let c = plan.content();
    let msgs: Vec<String> = plan.flags(today()).iter().map(|f| f.message(c)).collect();
    assert_eq!(
        msgs,
        [
            "Last updated 1 Jan 2026, 323 days ago: review the plan before the next QBR.",
            "\"Send the ROI summary to the CFO\" is 1 day overdue.",
            "\"Refresh the admin guide\" serves no customer goal: press Edit on it in the 90-day actions and pick the goal it serves, or remove it.",
            "Risk \"Champion may move teams\" has no mitigation yet.",
        ]
    );
}

#[test]
fn mutual_actions_are_pushed_once_into_the_plan() {
    let mut a = account();
    let p = &mut a.planning;
    let ids = p
        .push_mutual_actions(QbrId(1), None, d(2026, 12, 3))
        .unwrap();
    assert_eq!(ids, vec![ActionId(5), ActionId(6)]);
    let c = p.plan.content();
    let pushed: Vec<(&str, &str, chrono::NaiveDate, Option<GoalId>)> = c.actions[4..]
        .iter()
        .map(|x| (x.text.as_str(), x.owner.as_str(), x.due, x.goal))
        .collect();
    assert_eq!(
        pushed,
        vec![
            (
                "Share Q4 volumes per hub",
                "Dana Ruiz (customer)",
                d(2026, 12, 12),
                None
            ),
            (
                "Propose the warehouse pilot | scope",
                "Priya Raman",
                d(2026, 12, 19),
                None
            ),
        ]
    );
    assert_eq!(p.plan.last_updated(), Some(d(2026, 12, 3)));
    let marks: Vec<Option<ActionId>> = p
        .qbr(QbrId(1))
        .unwrap()
        .mutual_actions
        .iter()
        .map(|m| m.pushed_as)
        .collect();
    assert_eq!(marks, vec![Some(ActionId(5)), Some(ActionId(6))]);
    // Pushing again adds nothing.
    assert_eq!(
        p.push_mutual_actions(QbrId(1), None, d(2026, 12, 4)),
        Ok(vec![])
    );
    assert_eq!(p.plan.content().actions.len(), 6);
    assert_eq!(
        p.push_mutual_actions(QbrId(8), None, today()),
        Err(vec![FieldError::new(
            "id",
            "This QBR was removed in the meantime."
        )])
    );
}

/// Pushed with a goal chosen at the push, the new actions serve it and are not flagged;
/// a goal the plan does not have is refused and changes nothing.
#[test]
fn mutual_actions_pushed_to_a_goal_serve_it() {
    let mut a = account();
    let p = &mut a.planning;
    let goal = p.plan.content().goals[1].id;
    let before = p.clone();
    let refused = p.push_mutual_actions(QbrId(1), Some(GoalId(99)), d(2026, 12, 3));
    assert!(refused.is_err(), "{refused:?}");
    assert_eq!(*p, before, "a refused push changes nothing");
    let ids = p
        .push_mutual_actions(QbrId(1), Some(goal), d(2026, 12, 3))
        .unwrap();
    assert_eq!(ids.len(), 2);
    for id in &ids {
        assert_eq!(p.plan.content().action(*id).unwrap().goal, Some(goal));
    }
    let untied: Vec<PlanFlag> = p
        .plan
        .flags(d(2026, 12, 3))
        .into_iter()
        .filter(|f| matches!(f, PlanFlag::UntiedAction { action } if ids.contains(action)))
        .collect();
    assert_eq!(untied, vec![]);
}

#[test]
fn planning_keeps_one_scorecard_set_per_opportunity() {
    let mut p = Planning::default();
    p.qualification_mut(4);
    p.qualification_mut(4);
    p.qualification_mut(5);
    let opps: Vec<u32> = p.qualifications().iter().map(|q| q.opportunity()).collect();
    assert_eq!(opps, vec![4, 5]);
    assert!(p.remove_qualification(4).is_some());
    assert_eq!(p.qualification(4), None);
    assert!(p.qualification(5).is_some());
}

#[test]
fn plan_markdown_matches_the_snapshots() {
    // The QBR's mutual actions pushed into the plan: one of them is then a shared action.
    let mut a = account();
    a.planning
        .push_mutual_actions(QbrId(1), None, today())
        .unwrap();
    let opps = [OpportunityRef {
        id: 7,
        label: "Seat expansion: 120 more dispatch seats (est. $90k)".into(),
    }];
    let currency = Currency::default();
    let inputs = PlanInputs {
        tier: Tier::Strategic,
        currency: &currency,
        opportunities: &opps,
        today: today(),
    };
    let cases = [
        (Audience::Internal, include_str!("snapshots/plan.md")),
        (
            Audience::Customer,
            include_str!("snapshots/plan_customer.md"),
        ),
    ];
    for (audience, expected) in cases {
        let md = plan_markdown(&a, audience, &inputs);
        assert_eq!(md, expected, "\n--- {audience:?}, got ---\n{md}");
    }
}

#[test]
fn empty_plan_markdown_says_what_is_missing() {
    let mut f = plan_fixture::fields();
    f.renewal_date = None;
    f.industry.clear();
    f.segment = None;
    f.size = None;
    f.primary_use_case.clear();
    f.products.clear();
    f.owner.clear();
    let a = Account::new(AccountId(1), f);
    let currency = Currency::new("CHF").unwrap();
    let inputs = PlanInputs {
        tier: Tier::LongTail,
        currency: &currency,
        opportunities: &[],
        today: today(),
    };
    let md = plan_markdown(&a, Audience::Internal, &inputs);
    let expected = include_str!("snapshots/plan_empty.md");
    assert_eq!(md, expected, "\n--- got ---\n{md}");
    // The customer copy of an empty plan has no empty sections.
    assert_eq!(
        plan_markdown(&a, Audience::Customer, &inputs),
        "# Account plan: Northwind Logistics\n\n_Prepared for Northwind Logistics._\n\n_The plan is still being written._\n"
    );
}

#[test]
fn table_cells_and_file_names_are_safe() {
    let cases = [
        ("a | b", "a \\| b"),
        ("line 1\nline 2", "line 1<br>line 2"),
        ("  ", "-"),
        ("|", "\\|"),
    ];
    for (input, expected) in cases {
        assert_eq!(cell(input), expected, "{input:?}");
    }
    assert_eq!(
        markdown_file_name("account-plan", "Acme & Co. (EU)", d(2026, 11, 22)),
        "account-plan-acme-co-eu-2026-11-22.md"
    );
    assert_eq!(
        markdown_file_name("qbr", "***", d(2026, 1, 2)),
        "qbr-account-2026-01-02.md"
    );
}

fn workspace_with(a: Account) -> Workspace {
    Workspace::from_accounts(Currency::default(), false, vec![a]).unwrap()
}

#[test]
fn fixture_round_trips_through_the_workspace_file() {
    let ws = workspace_with(account());
    let text = encode(&ws, None);
    assert_eq!(decode(&text, read_day()).unwrap().workspace, ws);
}

proptest! {
    #[test]
    fn any_planning_round_trips_through_the_workspace_file(planning in plan_fixture::arb_planning()) {
        let mut a = Account::new(AccountId(1), plan_fixture::fields());
        a.planning = planning;
        let ws = workspace_with(a);
        let back = decode(&encode(&ws, None), read_day()).unwrap().workspace;
        prop_assert_eq!(back, ws);
    }
}

/// A change made to the JSON of a file before importing it.
type Edit = Box<dyn FnOnce(&mut serde_json::Value)>;

/// Encodes the fixture, lets `change` edit the JSON of the account's planning, and returns
/// the import error text.
fn import_error(change: impl FnOnce(&mut serde_json::Value)) -> String {
    let text = encode(&workspace_with(account()), None);
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    change(&mut v["workspace"]["accounts"][0]["planning"]);
    decode(&v.to_string(), read_day())
        .expect_err("should be refused")
        .to_string()
}

#[test]
fn bad_planning_values_are_refused_on_import_with_a_path() {
    use serde_json::json;
    let p = "workspace.accounts[0].planning";
    let cases: Vec<(Edit, String)> = vec![
        (
            Box::new(|v| v["plan"]["goals"] = json!([{"id":1,"text":"a"},{"id":2,"text":"b"},{"id":3,"text":"c"},{"id":4,"text":"d"}])),
            format!("{p}.plan.goals: Keep to the customer's top 3 goals; this plan has 4."),
        ),
        (
            Box::new(|v| v["plan"]["goals"][0]["text"] = json!("")),
            format!("{p}.plan.goals[0].text: Write the goal."),
        ),
        (
            Box::new(|v| v["plan"]["goals"][1]["id"] = json!(1)),
            format!("{p}.plan.goals[1].id: Goal id 1 is used twice."),
        ),
        (
            Box::new(|v| v["plan"]["actions"][2]["goal"] = json!(5)),
            format!("{p}.plan.actions[2].goal: This action serves goal 5, which is not in the plan."),
        ),
        (
            Box::new(|v| v["plan"]["actions"][1]["id"] = json!(1)),
            format!("{p}.plan.actions[1].id: Action id 1 is used twice."),
        ),
        (
            Box::new(|v| v["plan"]["actions"][0]["due"] = json!("2026-02-30")),
            format!("{p}.plan.actions[0].due: \"2026-02-30\" is not a date: February 2026 has 28 days."),
        ),
        (
            Box::new(|v| v["plan"]["last_updated"] = json!("yesterday")),
            format!("{p}.plan.last_updated: \"yesterday\" is not a date; write it as YYYY-MM-DD, e.g. 2027-03-01."),
        ),
        (
            Box::new(|v| v["plan"]["metrics"][0]["rule"] = json!("bigger")),
            format!("{p}.plan.metrics[0].rule: \"bigger\" is not a metric rule; use one of at_least, at_most, manual."),
        ),
        (
            Box::new(|v| v["plan"]["metrics"][0]["met"] = json!(true)),
            format!("{p}.plan.metrics[0].met: \"met\" is only for manual metrics; at_least and at_most metrics are met by comparing current with target"),
        ),
        (
            Box::new(|v| { v["plan"]["metrics"][2].as_object_mut().unwrap().remove("met"); }),
            format!("{p}.plan.metrics[2].met: a manual metric needs \"met\": true or false"),
        ),
        (
            Box::new(|v| v["plan"]["metrics"][1]["target"] = json!("two")),
            format!("{p}.plan.metrics[1].target: found the text \"two\", but a number is expected here."),
        ),
        (
            Box::new(|v| v["plan"]["metrics"][1]["current"] = json!(-3e12)),
            format!("{p}.plan.metrics[1].current: This number is above a trillion: check the zeros."),
        ),
        (
            Box::new(|v| v["plan"]["metrics"][0]["name"] = json!(" ")),
            format!("{p}.plan.metrics[0].name: Write the metric's name."),
        ),
        (
            Box::new(|v| v["plan"]["risks"][0]["status"] = json!("gone")),
            format!("{p}.plan.risks[0].status: \"gone\" is not a status; use one of open, closed."),
        ),
        (
            Box::new(|v| v["plan"]["risks"][1]["risk"] = json!("")),
            format!("{p}.plan.risks[1].risk: Write the risk."),
        ),
        (
            Box::new(|v| v["plan"]["swot"]["strengths"] = json!([""])),
            format!("{p}.plan.swot.strengths[0]: Write the entry or remove it."),
        ),
        (
            Box::new(|v| v["plan"]["swot"]["hopes"] = json!([])),
            format!("{p}.plan.swot.hopes: \"hopes\" is not a field the planner knows here; check the spelling, or remove it. The fields here are strengths, weaknesses, opportunities, threats."),
        ),
        (
            Box::new(|v| v["plan"]["opportunity_ids"] = json!([3, 3])),
            format!("{p}.plan.opportunity_ids[1]: Opportunity 3 is linked twice."),
        ),
        (
            Box::new(|v| v["plan"]["opportunity_ids"] = json!([-1])),
            format!("{p}.plan.opportunity_ids[0]: found the number -1, but a whole number from 0 to 4294967295 is expected here."),
        ),
        (
            Box::new(|v| v["plan"]["overview"] = json!("x".repeat(5001))),
            format!("{p}.plan.overview: Keep this under 5000 characters."),
        ),
        (
            Box::new(|v| v["qbrs"][0]["start"] = json!("25:00")),
            format!("{p}.qbrs[0].start: \"25:00\" is not a time of day; use HH:MM, e.g. 14:00."),
        ),
        (
            Box::new(|v| v["qbrs"][0]["start"] = json!("23:30")),
            format!("{p}.qbrs[0].start: Start by 23:00 so the hour ends by midnight."),
        ),
        (
            Box::new(|v| v["qbrs"][0]["attendees"] = json!([4, 4])),
            format!("{p}.qbrs[0].attendees[1]: Stakeholder 4 is invited twice."),
        ),
        (
            Box::new(|v| v["qbrs"][0]["prep_done"] = json!(["coffee"])),
            format!("{p}.qbrs[0].prep_done[0]: unknown preparation item \"coffee\"; expected one of: usage_and_roi, tickets_reviewed, health_trend, sponsor_confirmed, strategic_questions, expansion_idea, agenda_sent"),
        ),
        (
            Box::new(|v| v["qbrs"][0]["prep_done"] = json!(["agenda_sent", "agenda_sent"])),
            format!("{p}.qbrs[0].prep_done[1]: \"agenda_sent\" is listed twice"),
        ),
        (
            Box::new(|v| v["qbrs"][0]["mutual_actions"][0]["text"] = json!("")),
            format!("{p}.qbrs[0].mutual_actions[0].text: Write the action."),
        ),
        (
            Box::new(|v| v["qbrs"][0]["mutual_actions"][0]["side"] = json!("them")),
            format!("{p}.qbrs[0].mutual_actions[0].side: \"them\" is not a side; use one of us, customer."),
        ),
        (
            Box::new(|v| { let q = v["qbrs"][0].clone(); v["qbrs"].as_array_mut().unwrap().push(q); }),
            format!("{p}.qbrs[1].id: QBR id 1 is used twice."),
        ),
        (
            Box::new(|v| v["qualifications"][0]["meddic"]["champion"]["rating"] = json!(4)),
            format!("{p}.qualifications[0].meddic.champion.rating: Rate from 0 to 3; 4 is out of range."),
        ),
        (
            Box::new(|v| v["qualifications"][0]["bant"]["need"]["rating"] = json!(-1)),
            format!("{p}.qualifications[0].bant.need.rating: found the number -1, but a whole number from 0 to 255 is expected here."),
        ),
        (
            Box::new(|v| { v["qualifications"][0]["bant"].as_object_mut().unwrap().remove("timeline"); }),
            format!("{p}.qualifications[0].bant: the field \"timeline\" is required and missing."),
        ),
        (
            Box::new(|v| v["qualifications"][0]["bant"]["budget"]["notes"] = json!("n".repeat(5001))),
            format!("{p}.qualifications[0].bant.budget.notes: Keep this under 5000 characters."),
        ),
        (
            Box::new(|v| v["qualifications"][0]["business_case"]["investment"] = json!(0)),
            format!("{p}.qualifications[0].business_case.investment: The investment must be above zero: what does the customer pay or spend?"),
        ),
        (
            Box::new(|v| v["qualifications"][0]["business_case"]["annual_benefit"] = json!(5e12)),
            format!("{p}.qualifications[0].business_case.annual_benefit: The annual benefit is beyond a trillion: check the zeros."),
        ),
        (
            Box::new(|v| { let q = v["qualifications"][0].clone(); v["qualifications"].as_array_mut().unwrap().push(q); }),
            format!("{p}.qualifications[1].opportunity_id: Opportunity 7 has two scorecards; keep one."),
        ),
        (
            Box::new(|v| v["extra"] = json!(1)),
            format!("{p}.extra: \"extra\" is not a field the planner knows here; check the spelling, or remove it. The fields here are plan, qbrs, qualifications."),
        ),
    ];
    for (change, expected) in cases {
        assert_eq!(import_error(change), expected);
    }
}

#[test]
fn a_file_without_planning_reads_as_an_empty_plan() {
    let text = encode(
        &workspace_with(Account::new(AccountId(1), plan_fixture::fields())),
        None,
    );
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["workspace"]["accounts"][0]
        .as_object_mut()
        .unwrap()
        .remove("planning");
    let ws = decode(&v.to_string(), read_day()).unwrap().workspace;
    assert_eq!(ws.accounts()[0].planning, Planning::default());
}

#[test]
fn metric_values_are_read_as_typed_or_refused_at_the_field() {
    use am_planner::domain::plan::parse_metric_value;
    let ok: &[(&str, Option<f64>)] = &[
        ("", None),
        ("   ", None),
        ("80", Some(80.0)),
        (" 86% ", Some(86.0)),
        ("2.5", Some(2.5)),
        ("-4", Some(-4.0)),
        ("1,200", Some(1200.0)),
        ("1 200 000", Some(1_200_000.0)),
        ("0", Some(0.0)),
        (".5", Some(0.5)),
    ];
    for (text, expected) in ok {
        assert_eq!(
            parse_metric_value("target", text),
            Ok(*expected),
            "{text:?}"
        );
    }
    let refused: &[(&str, &str)] = &[
        (
            "abc",
            "\"abc\" is not a number: type digits only, e.g. 80 or 2.5.",
        ),
        (
            "1.2.3",
            "\"1.2.3\" is not a number: type digits only, e.g. 80 or 2.5.",
        ),
        (
            "$40",
            "\"$40\" is not a number: type digits only, e.g. 80 or 2.5.",
        ),
        (
            "-",
            "\"-\" is not a number: type digits only, e.g. 80 or 2.5.",
        ),
        (
            "%",
            "\"%\" is not a number: type digits only, e.g. 80 or 2.5.",
        ),
        (
            "1e5",
            "\"1e5\" is not a number: type digits only, e.g. 80 or 2.5.",
        ),
        (
            "inf",
            "\"inf\" is not a number: type digits only, e.g. 80 or 2.5.",
        ),
        (
            "2000000000000",
            "This number is above a trillion: check the zeros.",
        ),
    ];
    for (text, message) in refused {
        assert_eq!(
            parse_metric_value("current", text),
            Err(FieldError::new("current", *message)),
            "{text:?}"
        );
    }
}

#[test]
fn demo_plans_show_every_flag_and_survive_the_file() {
    use am_planner::demo::demo_workspace;
    for today in ["2026-11-22", "2028-02-29", "2027-01-01"] {
        let today = common::date(today);
        let ws = demo_workspace(today);
        let by_name = |n: &str| {
            ws.accounts()
                .iter()
                .find(|a| a.fields.name == n)
                .unwrap_or_else(|| panic!("{n} in the demo"))
        };
        let planned = ws
            .accounts()
            .iter()
            .filter(|a| a.planning.plan.last_updated().is_some())
            .count();
        assert!((2..=3).contains(&planned), "{planned} demo plans");

        let nw = by_name("Northwind Logistics");
        let plan = &nw.planning.plan;
        assert_eq!(plan.content().goals.len(), 3);
        let flags = plan.flags(today);
        assert!(
            flags
                .iter()
                .any(|f| matches!(f, PlanFlag::UntiedAction { .. })),
            "{flags:?}"
        );
        assert!(
            flags
                .iter()
                .any(|f| matches!(f, PlanFlag::OverdueAction { .. })),
            "{flags:?}"
        );
        assert!(!plan.is_stale(today));
        assert!(
            !plan.content().opportunity_ids.is_empty(),
            "opportunities linked"
        );
        let q = &nw.planning.qbrs()[0];
        let days = (q.date - today).num_days();
        assert!(
            (19..=25).contains(&days),
            "QBR in about three weeks: {days}"
        );
        assert!(!q.attendees.is_empty());
        assert!(q.value_delivered.contains("On-time deliveries"));
        assert!(q.challenges.contains("CFO"));
        assert!(!nw.planning.qualifications().is_empty());

        assert!(by_name("Cobalt Retail Group").planning.plan.is_stale(today));
        assert!(by_name("Helix Biotech")
            .planning
            .plan
            .flags(today)
            .is_empty());

        let back = decode(&encode(&ws, None), read_day()).expect("the demo reads back");
        assert_eq!(back.workspace.accounts(), ws.accounts());
    }
}

#[test]
fn swot_quadrants_are_typed_read_from_their_box_and_their_errors_worded_per_line() {
    use am_planner::domain::plan::{Swot, SwotQuadrant};
    assert_eq!(
        SwotQuadrant::ALL.map(|q| (q.title(), q.key())),
        [
            ("Strengths", "strengths"),
            ("Weaknesses", "weaknesses"),
            ("Opportunities", "opportunities"),
            ("Threats", "threats"),
        ]
    );
    let mut swot = Swot::default();
    for (i, q) in SwotQuadrant::ALL.into_iter().enumerate() {
        swot.set_from_text(q, &format!("  first {i} \n\n second {i}\n   \n"));
    }
    for (i, q) in SwotQuadrant::ALL.into_iter().enumerate() {
        let want = vec![format!("first {i}"), format!("second {i}")];
        assert_eq!(swot.entries(q), want.as_slice(), "{q:?}");
    }
    assert_eq!(swot.strengths, vec!["first 0", "second 0"]);
    assert_eq!(swot.threats, vec!["first 3", "second 3"]);
    assert_eq!(
        swot.quadrants().map(|(q, e)| (q, e.len())),
        SwotQuadrant::ALL.map(|q| (q, 2))
    );
    // Errors of one quadrant, as the plan's validation words them, become line numbers.
    let errors = vec![
        FieldError::new("swot.threats[1]", "Keep this under 300 characters."),
        FieldError::new("swot.strengths[0]", "Write the entry or remove it."),
        FieldError::new("goals[0].text", "Write the goal."),
        FieldError::new("swot.threats[4]", "Write the entry or remove it."),
    ];
    assert_eq!(
        Swot::line_errors(&errors, SwotQuadrant::Threats),
        vec![
            "Line 2: Keep this under 300 characters.",
            "Line 5: Write the entry or remove it.",
        ]
    );
    assert_eq!(
        Swot::line_errors(&errors, SwotQuadrant::Strengths),
        vec!["Line 1: Write the entry or remove it."]
    );
    assert!(Swot::line_errors(&errors, SwotQuadrant::Weaknesses).is_empty());
}

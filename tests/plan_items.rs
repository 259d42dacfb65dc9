//! Plan items and a QBR's mutual action items changed by id (docs/domain.md#plan): edit,
//! remove and move name the item by its id; an id the list does not hold is refused with
//! a message and changes nothing; ids read from a file are numbered in file order.

mod common;
mod plan_fixture;

use am_planner::domain::items::Step;
use am_planner::domain::plan::{
    AccountPlan, Action, ActionId, Goal, GoalId, MetricId, PlanContent, PlanItem, Risk, RiskId,
    RiskStatus, SuccessMetric,
};
use am_planner::domain::qbr::MutualId;
use am_planner::format::{decode, encode};
use chrono::NaiveDate;
use plan_fixture::{account, d, plan_content};

fn plan() -> AccountPlan {
    AccountPlan::from_parts(plan_content(), Some(d(2026, 10, 1))).expect("fixture plan is valid")
}

fn later() -> NaiveDate {
    d(2026, 11, 25)
}

/// The names of a list, in order.
fn names<T: PlanItem>(p: &AccountPlan, name: fn(&T) -> String) -> Vec<String> {
    T::list(p.content()).iter().map(name).collect()
}

const GONE: &str =
    "This risk is no longer in the list: it was removed in the meantime. Nothing was changed.";

#[test]
fn read_lists_are_numbered_in_file_order() {
    let c = plan_content();
    assert_eq!(
        c.metrics.iter().map(|m| m.id).collect::<Vec<_>>(),
        [MetricId(1), MetricId(2), MetricId(3), MetricId(4)]
    );
    assert_eq!(
        c.risks.iter().map(|r| r.id).collect::<Vec<_>>(),
        [RiskId(1), RiskId(2), RiskId(3)]
    );
}

/// One case: what is done, the risks' names after it, the error message if refused.
type Case = (
    &'static str,
    fn(&mut AccountPlan) -> Result<(), Vec<am_planner::domain::FieldError>>,
    &'static [&'static str],
    Option<&'static str>,
);

#[test]
fn risks_change_by_id() {
    let cases: Vec<Case> = vec![
        (
            "edit the second",
            |p| p.replace_item(RiskId(2), risk_named("Rate limits"), later()),
            &[
                "New CFO reviews every vendor",
                "Rate limits",
                "Champion may move teams",
            ],
            None,
        ),
        (
            "remove the first",
            |p| p.remove_item::<Risk>(RiskId(1), later()),
            &["API rate limits at peak", "Champion may move teams"],
            None,
        ),
        (
            "move the last up",
            |p| p.move_item::<Risk>(RiskId(3), Step::Up, later()),
            &[
                "New CFO reviews every vendor",
                "Champion may move teams",
                "API rate limits at peak",
            ],
            None,
        ),
        (
            "move the first down",
            |p| p.move_item::<Risk>(RiskId(1), Step::Down, later()),
            &[
                "API rate limits at peak",
                "New CFO reviews every vendor",
                "Champion may move teams",
            ],
            None,
        ),
        (
            "move the first up: nothing moves",
            |p| p.move_item::<Risk>(RiskId(1), Step::Up, later()),
            &[
                "New CFO reviews every vendor",
                "API rate limits at peak",
                "Champion may move teams",
            ],
            None,
        ),
        (
            "edit an unknown id",
            |p| p.replace_item(RiskId(9), risk_named("x"), later()),
            &[
                "New CFO reviews every vendor",
                "API rate limits at peak",
                "Champion may move teams",
            ],
            Some(GONE),
        ),
        (
            "remove an unknown id",
            |p| p.remove_item::<Risk>(RiskId(9), later()),
            &[
                "New CFO reviews every vendor",
                "API rate limits at peak",
                "Champion may move teams",
            ],
            Some(GONE),
        ),
        (
            "move an unknown id",
            |p| p.move_item::<Risk>(RiskId(9), Step::Down, later()),
            &[
                "New CFO reviews every vendor",
                "API rate limits at peak",
                "Champion may move teams",
            ],
            Some(GONE),
        ),
        (
            "an edit that is not valid",
            |p| p.replace_item(RiskId(2), risk_named("  "), later()),
            &[
                "New CFO reviews every vendor",
                "API rate limits at peak",
                "Champion may move teams",
            ],
            Some("Write the risk."),
        ),
    ];
    for (what, act, after, refused) in cases {
        let mut p = plan();
        let before = p.clone();
        let result = act(&mut p);
        assert_eq!(
            names::<Risk>(&p, |r| r.risk.clone()),
            after.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
            "{what}"
        );
        match refused {
            Some(message) => {
                let es = result.expect_err(what);
                assert_eq!(es[0].message, message, "{what}");
                assert_eq!(p, before, "{what}: a refused change changes nothing");
            }
            None => {
                result.expect(what);
                if p.content() != before.content() {
                    assert_eq!(p.last_updated(), Some(later()), "{what}");
                } else {
                    assert_eq!(p.last_updated(), before.last_updated(), "{what}");
                }
            }
        }
    }
}

fn risk_named(text: &str) -> Risk {
    Risk {
        id: RiskId(77),
        risk: text.into(),
        mitigation: "m".into(),
        status: RiskStatus::Open,
    }
}

#[test]
fn an_edit_keeps_the_id_and_place_whatever_id_the_value_carries() {
    let mut p = plan();
    p.replace_item(RiskId(2), risk_named("Rate limits"), later())
        .unwrap();
    assert_eq!(p.content().risks[1].id, RiskId(2));
    assert_eq!(p.content().risks[1].risk, "Rate limits");
}

#[test]
fn added_items_get_the_next_id_even_after_a_removal() {
    let mut p = plan();
    p.remove_item::<SuccessMetric>(MetricId(2), later())
        .unwrap();
    let mut m = p.content().metrics[0].clone();
    m.name = "Seats".into();
    let id = p.add_item(m, later()).unwrap();
    assert_eq!(id, MetricId(5));
    assert_eq!(p.content().metrics.last().unwrap().name, "Seats");
    // The path of a form's messages: the item's place, or the next place for a new one.
    assert_eq!(
        p.content().item_path::<SuccessMetric>(Some(MetricId(5))),
        "metrics[3]"
    );
    assert_eq!(p.content().item_path::<SuccessMetric>(None), "metrics[4]");
}

#[test]
fn goals_and_actions_by_id() {
    let mut p = plan();
    // Removing a goal unties the actions serving it.
    let served: Vec<ActionId> = p
        .content()
        .actions
        .iter()
        .filter(|a| a.goal == Some(GoalId(1)))
        .map(|a| a.id)
        .collect();
    assert!(!served.is_empty());
    p.remove_item::<Goal>(GoalId(1), later()).unwrap();
    for id in served {
        assert_eq!(p.content().action(id).unwrap().goal, None);
    }
    // Moving an action changes its place, not its id.
    let ids: Vec<ActionId> = p.content().actions.iter().map(|a| a.id).collect();
    p.move_item::<Action>(ids[1], Step::Up, later()).unwrap();
    assert_eq!(p.content().actions[0].id, ids[1]);
    assert_eq!(p.content().actions[1].id, ids[0]);
    // Changed in place: only the field changed, the id stays.
    p.change_item::<Action>(ids[0], later(), |a| a.owner = "Sam".into())
        .unwrap();
    assert_eq!(p.content().action(ids[0]).unwrap().owner, "Sam");
    let before = p.clone();
    let es = p
        .change_item::<Goal>(GoalId(42), later(), |g| g.text = "x".into())
        .unwrap_err();
    assert_eq!(
        es[0].message,
        "This goal is no longer in the list: it was removed in the meantime. Nothing was changed."
    );
    assert_eq!(p, before);
}

#[test]
fn duplicate_ids_are_refused() {
    let mut c: PlanContent = plan_content();
    c.risks[2].id = RiskId(1);
    c.metrics[1].id = MetricId(1);
    let es = c.validate().unwrap_err();
    let got: Vec<(&str, &str)> = es
        .iter()
        .map(|e| (e.path.as_str(), e.message.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("metrics[1].id", "Metric id 1 is used twice."),
            ("risks[2].id", "Risk id 1 is used twice."),
        ]
    );
}

#[test]
fn mutual_items_by_id() {
    let a = account();
    let mut q = a.planning.qbrs()[0].clone();
    let texts = |q: &am_planner::domain::qbr::Qbr| {
        q.mutual_actions
            .iter()
            .map(|m| (m.id, m.text.clone()))
            .collect::<Vec<_>>()
    };
    let first = texts(&q);
    assert_eq!(first[0].0, MutualId(1));
    assert_eq!(first[1].0, MutualId(2));

    q.move_mutual(MutualId(2), Step::Up).unwrap();
    assert_eq!(texts(&q)[0], first[1]);

    let mut edited = q.mutual_actions[0].clone();
    edited.text = "Propose the pilot".into();
    q.mutual_actions[1].pushed_as = Some(ActionId(4));
    let mut other = q.mutual_actions[1].clone();
    other.pushed_as = None;
    other.text = "Share volumes".into();
    q.replace_mutual(MutualId(1), other).unwrap();
    // An edit keeps the link to the plan action it was pushed into.
    assert_eq!(q.mutual_actions[1].pushed_as, Some(ActionId(4)));
    q.replace_mutual(MutualId(2), edited).unwrap();

    let id = q.add_mutual(q.mutual_actions[0].clone()).unwrap();
    assert_eq!(id, MutualId(3));
    assert_eq!(q.mutual_actions[2].pushed_as, None);

    let before = q.clone();
    for es in [
        q.remove_mutual(MutualId(8)).map(|_| ()).unwrap_err(),
        q.move_mutual(MutualId(8), Step::Down).unwrap_err(),
        q.replace_mutual(MutualId(8), before.mutual_actions[0].clone())
            .unwrap_err(),
    ] {
        assert_eq!(
            es[0].message,
            "This item is no longer in the list: it was removed in the meantime. Nothing was changed."
        );
    }
    let mut blank = before.mutual_actions[0].clone();
    blank.text = " ".into();
    assert_eq!(
        q.replace_mutual(MutualId(1), blank).unwrap_err()[0].path,
        "mutual_actions[1].text"
    );
    assert_eq!(q, before, "refused changes change nothing");
    q.remove_mutual(MutualId(1)).unwrap();
    assert_eq!(q.mutual_actions.len(), 2);
}

#[test]
fn ids_are_not_written_to_the_file_and_come_back_in_order() {
    let mut a = account();
    let mut p = a.planning.plan.clone();
    // A gap in the ids: the file keeps the order, reading numbers them again.
    p.remove_item::<Risk>(RiskId(1), later()).unwrap();
    a.planning.plan = p;
    let ws = am_planner::domain::Workspace::from_accounts(
        am_planner::domain::Currency::default(),
        false,
        vec![a],
    )
    .unwrap();
    let text = encode(&ws, None);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let stored = &v["workspace"]["accounts"][0]["planning"]["plan"]["risks"][0];
    assert_eq!(stored.get("id"), None, "{stored}");
    let back = decode(&text, common::read_day()).unwrap().workspace;
    let risks = &back.accounts()[0].planning.plan.content().risks;
    assert_eq!(
        risks.iter().map(|r| r.id).collect::<Vec<_>>(),
        [RiskId(1), RiskId(2)]
    );
    assert_eq!(risks[0].risk, "API rate limits at peak");
}

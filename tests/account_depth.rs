//! Account depth: white space penetration and cell states, the opportunity made from a
//! cell, commitment and escalation flags at their day boundaries, the recovery plan and
//! the save-plan closing rule (docs/account-depth.md).

use am_planner::domain::commitments::{Commitment, CommitmentId, CommitmentRiskKind, Status};
use am_planner::domain::depth;
use am_planner::domain::depth::{around, cell_to_opportunity, white_space_portfolio as portfolio};
use am_planner::domain::escalations::{
    support_hint, Escalation, EscalationId, Escalations, Flag, Severity, Step,
};
use am_planner::domain::expansion::{OpportunityId, OpportunityType, Stage};
use am_planner::domain::recovery::Milestone;
use am_planner::domain::save_plan::{Outcome, SavePlans, StepKind};
use am_planner::domain::stakeholders::StakeholderFields;
use am_planner::domain::week::{all_items, ItemKind, WeekItem};
use am_planner::domain::white_space::{Axis, Cell, CellKind, Counts, LineSource};
use am_planner::domain::{Account, AccountFields, AccountId, Currency, Workspace};
use chrono::{Duration, NaiveDate};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

const TODAY: &str = "2026-06-15";

/// This week's items of one kind: where due promises and flagged escalations are listed.
fn week_items(ws: &Workspace, today: NaiveDate, kind: ItemKind) -> Vec<WeekItem> {
    all_items(ws, today)
        .into_iter()
        .filter(|i| i.kind == kind)
        .collect()
}

fn account(units: &[&str], products: &[&str]) -> Account {
    let mut a = Account::new(
        AccountId(1),
        AccountFields {
            name: "Acme".into(),
            owner: "Dana".into(),
            products: products.iter().map(|p| p.to_string()).collect(),
            ..Default::default()
        },
    );
    for (i, u) in units.iter().enumerate() {
        a.stakeholders
            .add(
                StakeholderFields {
                    name: format!("Person {i}"),
                    business_unit: u.to_string(),
                    ..Default::default()
                },
                d(TODAY),
            )
            .unwrap();
    }
    a
}

fn set(a: &mut Account, r: &str, c: &str, cell: Option<Cell>) -> Result<(), String> {
    let mut g = a.white_space.clone();
    let out = g.set(around(a), r, c, cell);
    a.white_space = g;
    out.map_err(|e| e.message)
}

fn counts(o: usize, p: usize, w: usize, x: usize, n: usize) -> Counts {
    Counts {
        owned: o,
        pipeline: p,
        open: w,
        not_a_fit: x,
        not_assessed: n,
    }
}

// ---------- white space ----------

#[test]
fn penetration_table() {
    // (cells as owned/pipeline/open/not-a-fit/not-assessed, penetration label)
    let cases: &[(Counts, Option<f64>, &str)] = &[
        (counts(0, 0, 0, 0, 0), None, "–"),
        (counts(0, 0, 0, 0, 6), None, "–"),
        (counts(0, 0, 0, 3, 0), None, "–"),
        (counts(4, 0, 0, 0, 0), Some(1.0), "100%"),
        (counts(4, 0, 0, 5, 2), Some(1.0), "100%"),
        (counts(1, 1, 2, 0, 0), Some(0.25), "25%"),
        (counts(1, 1, 1, 9, 0), Some(1.0 / 3.0), "33%"),
        (counts(2, 0, 1, 0, 0), Some(2.0 / 3.0), "67%"),
        (counts(0, 2, 3, 1, 0), Some(0.0), "0%"),
    ];
    for (c, p, label) in cases {
        assert_eq!(c.penetration(), *p, "{c:?}");
        assert_eq!(c.penetration_label(), *label, "{c:?}");
    }
}

#[test]
fn empty_grid_has_no_penetration() {
    let a = account(&[], &[]);
    let t = a.white_space.total(around(&a));
    assert_eq!(t, Counts::default());
    assert_eq!(t.penetration(), None);
    let b = account(&["Finance"], &["Billing"]);
    assert_eq!(b.white_space.total(around(&b)), counts(0, 0, 0, 0, 1));
}

#[test]
fn rows_and_columns_come_from_people_products_added_and_cells() {
    let mut a = account(&["Finance", " finance ", "", "HR"], &["Billing", "Payroll"]);
    let mut g = a.white_space.clone();
    assert!(
        g.add_line(around(&a), Axis::Row, "FINANCE").is_err(),
        "same unit, other case"
    );
    assert_eq!(
        g.add_line(around(&a), Axis::Row, "  Legal   team ")
            .unwrap(),
        "Legal team"
    );
    assert!(g.add_line(around(&a), Axis::Row, "   ").is_err());
    assert!(g
        .add_line(around(&a), Axis::Column, &"x".repeat(81))
        .is_err());
    g.add_line(around(&a), Axis::Column, "Analytics").unwrap();
    a.white_space = g;
    let rows: Vec<(String, LineSource)> = a
        .white_space
        .rows(around(&a))
        .into_iter()
        .map(|l| (l.label, l.source))
        .collect();
    assert_eq!(
        rows,
        vec![
            ("Finance".into(), LineSource::Account),
            ("HR".into(), LineSource::Account),
            ("Legal team".into(), LineSource::Added),
        ]
    );
    // A cell set on a unit that is later renamed keeps its row.
    set(
        &mut a,
        "HR",
        "Payroll",
        Some(Cell::Owned { arr: Some(1000.0) }),
    )
    .unwrap();
    let hr = a.stakeholders.people()[3].clone();
    let mut f = hr.fields.clone();
    f.business_unit = "People".into();
    a.stakeholders.update(hr.id, f, d(TODAY)).unwrap();
    let rows: Vec<String> = a
        .white_space
        .rows(around(&a))
        .into_iter()
        .map(|l| l.label)
        .collect();
    assert_eq!(rows, vec!["Finance", "People", "Legal team", "HR"]);
    assert_eq!(
        a.white_space.cell("hr", "payroll"),
        Some(Cell::Owned { arr: Some(1000.0) })
    );
    // Account rows cannot be removed; the others go with their cells.
    let mut g = a.white_space.clone();
    assert!(g.remove_line(around(&a), Axis::Row, "Finance").is_err());
    assert!(g.remove_line(around(&a), Axis::Column, "Billing").is_err());
    assert_eq!(g.remove_line(around(&a), Axis::Row, "HR"), Ok(1));
    assert_eq!(g.remove_line(around(&a), Axis::Column, "analytics"), Ok(0));
    assert!(g.remove_line(around(&a), Axis::Row, "Nowhere").is_err());
}

#[test]
fn cell_states_change_and_refuse_bad_values() {
    let mut a = account(&["Finance", "HR"], &["Billing", "Payroll"]);
    // Cycle from not assessed through every state and back.
    let mut seen = vec![];
    let mut k = None;
    for _ in 0..5 {
        k = CellKind::cycle(k);
        seen.push(k);
    }
    assert_eq!(
        seen,
        vec![
            Some(CellKind::Open),
            Some(CellKind::Owned),
            Some(CellKind::Pipeline),
            Some(CellKind::NotAFit),
            None
        ]
    );
    for c in ['o', 'P', 'w', 'x'] {
        assert!(CellKind::from_shortcut(c).is_some());
    }
    assert_eq!(CellKind::from_shortcut('q'), None);

    let before = a.white_space.clone();
    for bad in [Some(-1.0), Some(f64::NAN), Some(2e12)] {
        assert!(set(&mut a, "Finance", "Billing", Some(Cell::Owned { arr: bad })).is_err());
    }
    assert!(set(
        &mut a,
        "Finance",
        "Billing",
        Some(Cell::Pipeline {
            opportunity: Some(OpportunityId(9))
        })
    )
    .is_err());
    assert!(
        set(&mut a, "Sales", "Billing", Some(Cell::Open)).is_err(),
        "not a row"
    );
    assert!(
        set(&mut a, "Finance", "CRM", Some(Cell::Open)).is_err(),
        "not a column"
    );
    assert_eq!(a.white_space, before, "a refused cell changes nothing");

    set(
        &mut a,
        "Finance",
        "Billing",
        Some(Cell::Owned {
            arr: Some(12_000.0),
        }),
    )
    .unwrap();
    set(&mut a, "Finance", "Payroll", Some(Cell::Open)).unwrap();
    set(&mut a, "HR", "Billing", Some(Cell::NotAFit)).unwrap();
    set(
        &mut a,
        "HR",
        "Payroll",
        Some(Cell::Pipeline { opportunity: None }),
    )
    .unwrap();
    assert_eq!(
        a.white_space.row_counts(around(&a), "Finance"),
        counts(1, 0, 1, 0, 0)
    );
    assert_eq!(
        a.white_space.row_counts(around(&a), "HR"),
        counts(0, 1, 0, 1, 0)
    );
    assert_eq!(
        a.white_space.column_counts(around(&a), "Billing"),
        counts(1, 0, 0, 1, 0)
    );
    assert_eq!(
        a.white_space.column_counts(around(&a), "Payroll"),
        counts(0, 1, 1, 0, 0)
    );
    let t = a.white_space.total(around(&a));
    assert_eq!(t, counts(1, 1, 1, 1, 0));
    assert_eq!(t.penetration_label(), "33%");
    assert_eq!(a.white_space.owned_arr(), 12_000.0);

    // Setting the same kind keeps the ARR; another kind drops it; None clears.
    let mut g = a.white_space.clone();
    g.set_kind(around(&a), "Finance", "Billing", Some(CellKind::Owned))
        .unwrap();
    assert_eq!(
        g.cell("Finance", "Billing"),
        Some(Cell::Owned {
            arr: Some(12_000.0)
        })
    );
    g.set_kind(around(&a), "Finance", "Billing", Some(CellKind::Open))
        .unwrap();
    assert_eq!(g.cell("Finance", "Billing"), Some(Cell::Open));
    g.set_kind(around(&a), "Finance", "Billing", None).unwrap();
    assert_eq!(g.cell("Finance", "Billing"), None);
    assert_eq!(g.total(around(&a)).not_assessed, 1);
}

#[test]
fn all_owned_is_full_penetration_and_not_a_fit_is_left_out() {
    let mut a = account(&["A", "B"], &["X", "Y"]);
    for r in ["A", "B"] {
        for c in ["X", "Y"] {
            set(&mut a, r, c, Some(Cell::Owned { arr: None })).unwrap();
        }
    }
    assert_eq!(a.white_space.total(around(&a)).penetration(), Some(1.0));
    set(&mut a, "B", "Y", Some(Cell::NotAFit)).unwrap();
    assert_eq!(a.white_space.total(around(&a)).penetration(), Some(1.0));
    set(&mut a, "B", "Y", Some(Cell::Open)).unwrap();
    assert_eq!(a.white_space.total(around(&a)).penetration(), Some(0.75));
}

#[test]
fn an_open_cell_becomes_an_opportunity_in_one_step() {
    let mut a = account(&["Finance", "HR"], &["Billing", "Payroll"]);
    set(
        &mut a,
        "Finance",
        "Billing",
        Some(Cell::Owned { arr: None }),
    )
    .unwrap();
    set(&mut a, "Finance", "Payroll", Some(Cell::Open)).unwrap();
    set(&mut a, "HR", "Payroll", Some(Cell::Open)).unwrap();

    // Finance owns Billing: a cross-sell.
    let id = cell_to_opportunity(&mut a, "Finance", "Payroll").unwrap();
    let o = a.expansion.opportunity(id).unwrap();
    assert_eq!(o.kind(), OpportunityType::CrossSell);
    assert_eq!(o.description(), "Payroll for Finance");
    assert_eq!(o.owner(), "Dana");
    assert_eq!(o.stage(), Stage::Identified);
    assert_eq!(
        a.white_space.cell("Finance", "Payroll"),
        Some(Cell::Pipeline {
            opportunity: Some(id)
        })
    );
    // HR owns nothing: a new business unit.
    let id2 = cell_to_opportunity(&mut a, "HR", "Payroll").unwrap();
    assert_eq!(
        a.expansion.opportunity(id2).unwrap().kind(),
        OpportunityType::NewBusinessUnit
    );
    // Only open cells: owned, pipeline and not assessed are refused, nothing changes.
    let before = a.clone();
    for (r, c) in [
        ("Finance", "Billing"),
        ("Finance", "Payroll"),
        ("HR", "Billing"),
    ] {
        assert!(cell_to_opportunity(&mut a, r, c).is_err(), "{r} {c}");
    }
    assert_eq!(a, before);
    // Removing the opportunity keeps the cell in pipeline, unlinked.
    a.expansion.remove(id);
    a.white_space.forget_opportunity(id);
    assert_eq!(
        a.white_space.cell("Finance", "Payroll"),
        Some(Cell::Pipeline { opportunity: None })
    );
    assert_eq!(a.white_space.total(around(&a)), counts(1, 2, 0, 0, 1));
}

#[test]
fn portfolio_lists_assessed_grids_most_open_first() {
    let mut a = account(&["A"], &["X", "Y"]);
    set(&mut a, "A", "X", Some(Cell::Open)).unwrap();
    set(&mut a, "A", "Y", Some(Cell::Owned { arr: Some(5.0) })).unwrap();
    let mut b = account(&["A"], &["X", "Y"]);
    b.id = AccountId(2);
    b.fields.name = "Beta".into();
    set(&mut b, "A", "X", Some(Cell::Open)).unwrap();
    set(&mut b, "A", "Y", Some(Cell::Open)).unwrap();
    let mut c = account(&["A"], &["X"]);
    c.id = AccountId(3);
    c.fields.name = "Empty".into();
    let mut ws = Workspace::empty(Currency::default());
    ws.set_accounts(vec![a, b, c]).unwrap();
    let (rows, total) = portfolio(&ws);
    let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, vec!["Beta", "Acme"]);
    assert_eq!(total, counts(1, 0, 3, 0, 0));
    assert_eq!(total.penetration_label(), "25%");
}

// ---------- commitments ----------

fn with_commitment(c: Commitment) -> (Account, CommitmentId) {
    let mut a = account(&["Finance"], &[]);
    let id = a
        .commitments
        .add(&a.stakeholders, c, d("2026-12-31"))
        .unwrap();
    (a, id)
}

#[test]
fn commitment_overdue_and_broken_at_their_day_boundaries() {
    // (status, due, today, overdue, recently broken)
    let cases: &[(Status, &str, &str, bool, bool)] = &[
        (Status::Open, "2026-06-15", "2026-06-15", false, false),
        (Status::Open, "2026-06-15", "2026-06-16", true, false),
        (Status::Open, "2026-06-15", "2026-06-14", false, false),
        (
            Status::Renegotiated(d("2026-06-30")),
            "2026-06-15",
            "2026-06-20",
            false,
            false,
        ),
        (
            Status::Renegotiated(d("2026-06-30")),
            "2026-06-15",
            "2026-06-30",
            false,
            false,
        ),
        (
            Status::Renegotiated(d("2026-06-30")),
            "2026-06-15",
            "2026-07-01",
            true,
            false,
        ),
        (
            Status::Kept(d("2026-06-10")),
            "2026-06-15",
            "2026-08-01",
            false,
            false,
        ),
        (
            Status::Broken(d("2026-03-01")),
            "2026-02-01",
            "2026-03-01",
            false,
            true,
        ),
        // 2026-03-01 + 90 days = 2026-05-30
        (
            Status::Broken(d("2026-03-01")),
            "2026-02-01",
            "2026-05-30",
            false,
            true,
        ),
        (
            Status::Broken(d("2026-03-01")),
            "2026-02-01",
            "2026-05-31",
            false,
            false,
        ),
    ];
    for (status, due, today, overdue, broken) in cases {
        let mut c = Commitment::new("Send the roadmap", d(due));
        c.status = *status;
        assert_eq!(
            c.is_overdue(d(today)),
            *overdue,
            "{status:?} due {due} on {today}"
        );
        assert_eq!(
            c.is_recently_broken(d(today)),
            *broken,
            "{status:?} on {today}"
        );
        let (a, id) = with_commitment(c);
        let risks = a.commitments.risks(d(today));
        assert_eq!(
            risks.len(),
            usize::from(*overdue || *broken),
            "{status:?} {today}"
        );
        if let Some(r) = risks.first() {
            assert_eq!(r.id, id);
        }
    }
    let mut c = Commitment::new("x", d("2026-06-13"));
    c.status = Status::Open;
    let (a, _) = with_commitment(c);
    let r = a.commitments.risks(d("2026-06-16"));
    assert_eq!(r[0].kind, CommitmentRiskKind::Overdue { days: 3 });
    assert_eq!(r[0].title(), "Promise overdue by 3 days");
    assert_eq!(
        a.commitments.risks(d("2026-06-14"))[0].title(),
        "Promise overdue by 1 day"
    );
}

#[test]
fn commitment_input_is_checked() {
    let mut a = account(&["Finance"], &[]);
    let today = d(TODAY);
    let mut c = Commitment::new("  ", today);
    let e = a
        .commitments
        .add(&a.stakeholders, c.clone(), today)
        .unwrap_err();
    assert_eq!(e[0].path, "what");
    c.what = "Fix the export".into();
    c.status = Status::Kept(today + Duration::days(1));
    assert_eq!(
        a.commitments
            .add(&a.stakeholders, c.clone(), today)
            .unwrap_err()[0]
            .path,
        "status_date"
    );
    c.status = Status::Renegotiated(today);
    assert_eq!(
        a.commitments
            .add(&a.stakeholders, c.clone(), today)
            .unwrap_err()[0]
            .path,
        "status_date"
    );
    c.status = Status::Open;
    c.to_whom = Some(am_planner::domain::stakeholders::StakeholderId(99));
    assert_eq!(
        a.commitments
            .add(&a.stakeholders, c.clone(), today)
            .unwrap_err()[0]
            .path,
        "to_whom"
    );
    assert!(a.commitments.is_empty(), "refused input changes nothing");
    c.to_whom = Some(a.stakeholders.people()[0].id);
    c.what = "  Fix   the export ".into();
    let id = a.commitments.add(&a.stakeholders, c, today).unwrap();
    assert_eq!(a.commitments.get(id).unwrap().what, "Fix   the export");
}

#[test]
fn kept_with_evidence_feeds_value_delivered_and_due_list_feeds_the_week() {
    let mut a = account(&["Finance"], &[]);
    let today = d(TODAY);
    let mut kept = Commitment::new("Ship SSO.", d("2026-05-01"));
    kept.status = Status::Kept(d("2026-04-28"));
    kept.evidence = "Live since 28 April, 120 users".into();
    let mut kept_no_evidence = Commitment::new("Training", d("2026-05-01"));
    kept_no_evidence.status = Status::Kept(d("2026-04-28"));
    let mut old = Commitment::new("Old promise", d("2026-01-01"));
    old.status = Status::Kept(d("2026-01-02"));
    old.evidence = "done".into();
    for c in [kept, kept_no_evidence, old] {
        a.commitments.add(&a.stakeholders, c, today).unwrap();
    }
    assert_eq!(
        a.commitments.value_delivered_lines(Some(d("2026-04-01"))),
        vec!["- Ship SSO: Live since 28 April, 120 users"]
    );
    assert_eq!(a.commitments.value_delivered_lines(None).len(), 2);

    a.commitments
        .add(
            &a.stakeholders,
            Commitment::new("Call back", d("2026-06-14")),
            today,
        )
        .unwrap();
    a.commitments
        .add(
            &a.stakeholders,
            Commitment::new("Send deck", d("2026-06-20")),
            today,
        )
        .unwrap();
    a.commitments
        .add(
            &a.stakeholders,
            Commitment::new("Later", d("2026-06-23")),
            today,
        )
        .unwrap();
    let mut ws = Workspace::empty(Currency::default());
    ws.set_accounts(vec![a]).unwrap();
    let due = week_items(&ws, today, ItemKind::Commitment);
    let got: Vec<(bool, bool)> = due
        .iter()
        .map(|x| (x.text.contains("Call back"), x.is_overdue(today)))
        .collect();
    assert_eq!(got, vec![(true, true), (false, false)]);
    assert!(due[1].text.contains("Send deck"));
}

// ---------- escalations ----------

fn esc(opened: &str) -> Escalation {
    Escalation::new("Exports fail for large files", Severity::High, d(opened))
}

#[test]
fn escalation_flags_at_their_day_boundaries() {
    let mut base = esc("2026-06-01");
    base.owner = "Sam".into();
    base.done[Step::Clarify as usize] = Some(d("2026-06-01"));
    base.done[Step::SetOwner as usize] = Some(d("2026-06-02"));
    base.done[Step::TellTimeline as usize] = Some(d("2026-06-02"));
    base.next_update = Some(d("2026-06-10"));
    let resolved = |e: &Escalation, on: &str| {
        let mut e = e.clone();
        e.done[Step::Resolve as usize] = Some(d(on));
        e
    };
    let confirmed = |e: &Escalation, on: &str| {
        let mut e = e.clone();
        e.done[Step::Confirm as usize] = Some(d(on));
        e
    };
    // (escalation, today, flags)
    let cases: Vec<(Escalation, &str, Vec<Flag>)> = vec![
        (esc("2026-06-01"), "2026-09-01", vec![]),
        (base.clone(), "2026-06-10", vec![]),
        (
            base.clone(),
            "2026-06-11",
            vec![Flag::UpdateLate { days: 1 }],
        ),
        (resolved(&base, "2026-06-12"), "2026-06-18", vec![]),
        (
            resolved(&base, "2026-06-12"),
            "2026-06-19",
            vec![Flag::NotConfirmed { days: 7 }],
        ),
        (
            confirmed(&resolved(&base, "2026-06-12"), "2026-06-20"),
            "2026-12-01",
            vec![],
        ),
    ];
    for (e, today, flags) in cases {
        assert_eq!(e.flags(d(today)), flags, "{e:?} on {today}");
    }
    assert_eq!(
        Flag::NotConfirmed { days: 7 }.text(),
        "Resolved 7 days ago, not confirmed with the customer"
    );
    // Before a customer copy goes out, the AM is told which promised update is past (the
    // copy still names its day); due today, resolved or confirmed: nothing to say.
    let mut list = Escalations::default();
    list.restore(EscalationId(1), base.clone()).unwrap();
    list.restore(EscalationId(2), resolved(&base, "2026-06-09"))
        .unwrap();
    assert!(list.past_update_notes(d("2026-06-10")).is_empty());
    assert_eq!(
        list.past_update_notes(d("2026-06-13")),
        vec!["\"Exports fail for large files\": the customer copy still says the next update comes on 10 June 2026, 3 days ago. Give the new date on the Escalations tab before you share it."]
    );
}

#[test]
fn escalation_walks_the_loop_and_refuses_out_of_order_dates() {
    let today = d(TODAY);
    let mut list = Escalations::default();
    let id = list.add(esc("2026-06-10"), today).unwrap();
    assert_eq!(list.get(id).unwrap().next_step(), Some(Step::Clarify));
    list.complete_step(id, Step::Clarify, d("2026-06-10"), today)
        .unwrap();
    // Owner step needs a name.
    let before = list.clone();
    let e = list
        .complete_step(id, Step::SetOwner, d("2026-06-11"), today)
        .unwrap_err();
    assert_eq!(e[0].path, "owner");
    assert_eq!(list, before);
    let mut e = list.get(id).unwrap().clone();
    e.owner = "Sam".into();
    list.update(id, e, today).unwrap();
    list.complete_step(id, Step::SetOwner, d("2026-06-11"), today)
        .unwrap();
    // Timeline needs the next update date.
    assert_eq!(
        list.complete_step(id, Step::TellTimeline, d("2026-06-11"), today)
            .unwrap_err()[0]
            .path,
        "next_update"
    );
    // A next update before the day it was opened is refused at its field.
    let mut e = list.get(id).unwrap().clone();
    e.next_update = Some(d("2026-06-09"));
    let refused = list.update(id, e.clone(), today).unwrap_err();
    assert_eq!(
        (refused[0].path.as_str(), refused[0].message.as_str()),
        (
            "next_update",
            "The next update (9 Jun 2026) cannot be before the escalation was opened (10 Jun 2026)."
        )
    );
    e.next_update = Some(d("2026-06-10"));
    list.update(id, e.clone(), today).unwrap();
    e.next_update = Some(d("2026-06-18"));
    list.update(id, e, today).unwrap();
    list.complete_step(id, Step::TellTimeline, d("2026-06-11"), today)
        .unwrap();
    // Confirm before resolve, a date before opening, a date in the future: refused.
    assert!(list
        .complete_step(id, Step::Confirm, d("2026-06-14"), today)
        .is_err());
    assert!(list
        .complete_step(id, Step::Resolve, d("2026-06-09"), today)
        .is_err());
    assert!(list
        .complete_step(id, Step::Resolve, d("2026-06-16"), today)
        .is_err());
    list.complete_step(id, Step::Resolve, d("2026-06-14"), today)
        .unwrap();
    assert!(list
        .complete_step(id, Step::Confirm, d("2026-06-13"), today)
        .is_err());
    assert_eq!(list.open_count(), 1);
    assert_eq!(
        list.challenge_lines(),
        vec!["- Exports fail for large files: resolved, to be confirmed together"]
    );
    list.complete_step(id, Step::Confirm, d("2026-06-15"), today)
        .unwrap();
    assert_eq!(list.open_count(), 0);
    assert_eq!(list.get(id).unwrap().next_step(), None);
    assert!(list.challenge_lines().is_empty());
    // Undoing "resolved" undoes "confirmed" too.
    list.undo_step(id, Step::Resolve);
    assert_eq!(list.get(id).unwrap().done_on(Step::Confirm), None);
}

#[test]
fn open_escalations_feed_hint_and_week_but_never_the_score() {
    let today = d(TODAY);
    let mut a = account(&["Finance"], &[]);
    assert_eq!(support_hint(&a.escalations), None);
    let mut e = esc("2026-06-01");
    e.next_update = Some(d("2026-06-10"));
    e.done[Step::TellTimeline as usize] = Some(d("2026-06-02"));
    let id = a.escalations.add(e, today).unwrap();
    assert_eq!(
        support_hint(&a.escalations).unwrap(),
        "1 escalation open: take it into account when you rate the ticket trend. This note does not change the score."
    );
    assert_eq!(
        a.escalations.challenge_lines(),
        vec!["- Exports fail for large files: in progress, next update 10 June 2026"]
    );
    let mut ws = Workspace::empty(Currency::default());
    ws.set_accounts(vec![a]).unwrap();
    let f = week_items(&ws, today, ItemKind::Escalation);
    assert_eq!(f.len(), 1);
    let (listed, e) = &ws.accounts()[0].escalations.all()[0];
    assert_eq!(*listed, EscalationId(id.0));
    assert_eq!(e.flags(today), vec![Flag::UpdateLate { days: 5 }]);
    assert!(week_items(&ws, d("2026-06-10"), ItemKind::Escalation).is_empty());
}

// ---------- recovery plan and closing ----------

fn plan_opened(on: &str) -> SavePlans {
    let mut p = SavePlans::default();
    p.open(d(on), 80_000.0, "Dana", d(on)).unwrap();
    p
}

#[test]
fn milestones_and_check_ins() {
    let mut plans = plan_opened("2026-06-01");
    let today = d(TODAY);
    let plan = plans.current_mut().unwrap();
    let m = |what: &str, by: &str| Milestone {
        what: what.into(),
        target: "weekly active users above 400".into(),
        by: d(by),
        met_on: None,
    };
    assert_eq!(
        depth::add_milestone(
            plan,
            Milestone {
                target: " ".into(),
                ..m("Usage back", "2026-06-30")
            },
            today
        )
        .unwrap_err()
        .path,
        "target"
    );
    // Due before the plan opened: refused at its date.
    let early = depth::add_milestone(plan, m("Usage back", "2026-05-31"), today).unwrap_err();
    assert_eq!(
        (early.path.as_str(), early.message.as_str()),
        (
            "by",
            "A milestone cannot be due (31 May 2026) before the plan was opened (1 Jun 2026)."
        )
    );
    depth::add_milestone(plan, m("Usage back", "2026-06-30"), today).unwrap();
    depth::add_milestone(plan, m("Sponsor re-engaged", "2026-06-14"), today).unwrap();
    assert_eq!(plan.recovery.late(today), 1);
    assert_eq!(plan.recovery.late(d("2026-06-14")), 0);
    assert!(depth::set_milestone_met(plan, 1, Some(d("2026-05-30")), today).is_err());
    assert!(depth::set_milestone_met(plan, 1, Some(d("2026-06-16")), today).is_err());
    depth::set_milestone_met(plan, 1, Some(d("2026-06-13")), today).unwrap();
    assert_eq!(plan.recovery.summary(), "1 of 2 milestones met");
    assert_eq!(plan.recovery.late(today), 0);

    assert!(depth::log_check_in(plan, d("2026-06-15"), "  ", Some(50.0), today).is_err());
    assert!(depth::log_check_in(plan, d("2026-06-15"), "ok", Some(150.0), today).is_err());
    depth::log_check_in(plan, d("2026-06-15"), "Usage up 10%", Some(52.0), today).unwrap();
    assert_eq!(plan.recovery.check_ins().len(), 1);
    assert_eq!(plan.recovery.check_ins()[0].health, Some(52.0));
    // The first weekly check-in step is ticked that day.
    let ticked: Vec<(StepKind, NaiveDate)> = plan.done_steps().collect();
    assert_eq!(ticked, vec![(StepKind::CheckIn(1), d("2026-06-15"))]);
}

#[test]
fn a_plan_closes_saved_only_when_green_or_with_a_recorded_outcome() {
    let today = d(TODAY);
    // (outcome, green, note, closes)
    let cases = [
        (Outcome::Saved, false, "", false),
        (Outcome::Saved, false, "they are happy", false),
        (Outcome::Saved, true, "", true),
        (Outcome::Lost, false, "", false),
        (Outcome::Lost, false, "They moved to a competitor", true),
        (Outcome::Other, true, "  ", false),
        (
            Outcome::Other,
            false,
            "Merged into their parent's contract",
            true,
        ),
    ];
    for (outcome, green, note, closes) in cases {
        let mut plans = plan_opened("2026-06-01");
        let plan = plans.current_mut().unwrap();
        let r = depth::close_save_plan(plan, outcome, today, note, green, today);
        assert_eq!(r.is_ok(), closes, "{outcome:?} green={green} note={note:?}");
        assert_eq!(plan.is_open(), !closes);
    }
    // A closed plan takes no more milestones or check-ins.
    let mut plans = plan_opened("2026-06-01");
    let plan = plans.current_mut().unwrap();
    depth::close_save_plan(plan, Outcome::Saved, today, "", true, today).unwrap();
    assert!(depth::log_check_in(plan, today, "x", None, today).is_err());
}

// ---------- file format: version 3 parts and migrations ----------

use am_planner::format::{decode, encode, ImportError};
use serde_json::{json, Value};

const V1: &str = include_str!("fixtures/workspace-v1-example.json");
const V2: &str = include_str!("fixtures/workspace-v2-example.json");
const V3: &str = include_str!("fixtures/workspace-v3-example.json");

fn read_day() -> NaiveDate {
    d("2026-11-22")
}

#[test]
fn released_versions_migrate_to_empty_depth() {
    for (name, text) in [("v1", V1), ("v2", V2)] {
        let ws = decode(text, read_day()).unwrap().workspace;
        for a in ws.accounts() {
            assert!(a.white_space.is_empty(), "{name} {}", a.fields.name);
            assert!(a.commitments.is_empty(), "{name}");
            assert!(a.escalations.is_empty(), "{name}");
            for p in a.save_plans.all() {
                assert!(p.recovery.milestones().is_empty() && p.recovery.check_ins().is_empty());
            }
        }
        // Written as version 3 without empty blocks, and read back the same.
        let text = encode(&ws, None);
        for key in [
            "white_space",
            "commitments",
            "escalations",
            "milestones",
            "check_ins",
        ] {
            assert!(
                !text.contains(&format!("\"{key}\"")),
                "{name}: {key} written empty"
            );
        }
        assert_eq!(decode(&text, read_day()).unwrap().workspace, ws);
    }
}

#[test]
fn the_version_3_example_reads_its_depth() {
    let ws = decode(V3, read_day()).unwrap().workspace;
    let a = &ws.accounts()[0];
    let t = a.white_space.total(around(a));
    assert_eq!(t, counts(1, 1, 1, 1, 5), "3 rows by 3 columns");
    assert_eq!(t.penetration_label(), "33%");
    assert_eq!(a.commitments.all().len(), 4);
    // On the read day the renegotiated one is not due yet; the one broken on 10 Sep
    // (73 days before) is still a risk.
    let risks = a.commitments.risks(read_day());
    assert_eq!(risks.len(), 1);
    assert_eq!(a.escalations.open_count(), 1);
    let plan = &ws.accounts()[1].save_plans.all()[0];
    assert_eq!(plan.recovery.summary(), "1 of 2 milestones met");
    assert_eq!(plan.recovery.check_ins()[0].health, Some(41.5));
}

/// The v3 example with one change, and the path the refusal must name.
fn refused(change: impl Fn(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(V3).unwrap();
    change(&mut v);
    match decode(&v.to_string(), read_day()) {
        Err(ImportError::BadField { path, .. }) => path,
        other => panic!("not refused at a field: {other:?}"),
    }
}

#[test]
fn bad_depth_parts_are_refused_at_their_path() {
    let a0 = "/workspace/accounts/0";
    type Change = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(Change, &str)> = vec![
        (
            Box::new(move |v: &mut Value| {
                *v.pointer_mut(&format!("{a0}/white_space/cells/3/arr"))
                    .unwrap() = json!(-5)
            }),
            "workspace.accounts[0].white_space.cells[3]",
        ),
        (
            Box::new(move |v: &mut Value| {
                *v.pointer_mut(&format!("{a0}/white_space/cells/2/opportunity_id"))
                    .unwrap() = json!(9)
            }),
            "workspace.accounts[0].white_space.cells[2]",
        ),
        (
            Box::new(move |v: &mut Value| {
                v.pointer_mut(&format!("{a0}/white_space/cells/0")).unwrap()["arr"] = json!(5)
            }),
            "workspace.accounts[0].white_space.cells[0].arr",
        ),
        (
            Box::new(move |v: &mut Value| {
                v.pointer_mut(&format!("{a0}/white_space/rows"))
                    .unwrap()
                    .as_array_mut()
                    .unwrap()
                    .push(json!(" legal "))
            }),
            "workspace.accounts[0].white_space.rows[1]",
        ),
        (
            Box::new(move |v: &mut Value| {
                *v.pointer_mut(&format!("{a0}/commitments/0/to_whom"))
                    .unwrap() = json!(77)
            }),
            "workspace.accounts[0].commitments[0].to_whom",
        ),
        (
            Box::new(move |v: &mut Value| {
                *v.pointer_mut(&format!("{a0}/commitments/0/status_date"))
                    .unwrap() = json!(null)
            }),
            "workspace.accounts[0].commitments[0].status_date",
        ),
        (
            Box::new(move |v: &mut Value| {
                *v.pointer_mut(&format!("{a0}/commitments/1/id")).unwrap() = json!(1)
            }),
            "workspace.accounts[0].commitments[1].id",
        ),
        (
            Box::new(move |v: &mut Value| {
                *v.pointer_mut(&format!("{a0}/escalations/1/resolved_on"))
                    .unwrap() = json!(null)
            }),
            "workspace.accounts[0].escalations[1].confirmed_on",
        ),
        (
            Box::new(move |v: &mut Value| {
                *v.pointer_mut(&format!("{a0}/escalations/0/clarified_on"))
                    .unwrap() = json!("2026-10-01")
            }),
            "workspace.accounts[0].escalations[0].clarified_on",
        ),
        (
            Box::new(|v: &mut Value| {
                *v.pointer_mut("/workspace/accounts/1/save_plans/0/milestones/0/met_on")
                    .unwrap() = json!("2026-01-01")
            }),
            "workspace.accounts[1].save_plans[0].milestones[0].met_on",
        ),
        (
            Box::new(|v: &mut Value| {
                *v.pointer_mut("/workspace/accounts/1/save_plans/0/check_ins/0/health")
                    .unwrap() = json!(101)
            }),
            "workspace.accounts[1].save_plans[0].check_ins[0].health",
        ),
    ];
    for (change, path) in cases {
        assert_eq!(refused(change), path);
    }
}

#[test]
fn the_demo_shows_every_part_of_account_depth() {
    let today = d(TODAY);
    let ws = am_planner::demo::demo_workspace(today);
    let a = ws
        .accounts()
        .iter()
        .find(|a| a.fields.name == "Northwind Logistics")
        .unwrap();
    let t = a.white_space.total(around(a));
    assert_eq!((t.owned, t.pipeline, t.open, t.not_a_fit), (4, 1, 3, 1));
    assert_eq!(a.commitments.all().len(), 3);
    assert_eq!(a.commitments.risks(today).len(), 1, "the overdue promise");
    assert_eq!(week_items(&ws, today, ItemKind::Commitment).len(), 2);
    assert_eq!(week_items(&ws, today, ItemKind::Escalation).len(), 1);
    let (rows, _) = portfolio(&ws);
    assert_eq!(rows.len(), 2);
}

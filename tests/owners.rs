//! Owners on every task (docs/account-depth.md#owners): a renewal task's and a save-plan
//! step's owner (set, cleared, refused), what the next cycle keeps, the names suggested,
//! the portfolio's and the Renewals page's owner filters, and owners in the file.

mod common;

use std::collections::HashMap;

use am_planner::domain::commitments::{Commitment, Status};
use am_planner::domain::escalations::{Escalation, Severity};
use am_planner::domain::owners::{names, open_work_owners, owner_key, spelled};
use am_planner::domain::plan::NewAction;
use am_planner::domain::portfolio::{
    facts_of, health_by_account, query, Facts, Filter, PortfolioQuery,
};
use am_planner::domain::renewal::{MilestoneKind, Renewal, TaskKey};
use am_planner::domain::renewals_query::RenewalsQuery;
use am_planner::domain::save_plan::{Outcome, SavePlan, StepKind};
use am_planner::domain::{Account, AccountFields, AccountId, Currency, Workspace};
use am_planner::format::{decode, encode};
use common::{date, read_day, today};

const QBR: TaskKey = TaskKey::Default(MilestoneKind::T90, "qbr");

// ---------------------------------------------------------------------------------------
// Renewal tasks

#[test]
fn a_task_owner_is_set_trimmed_cleared_or_refused_without_change() {
    let long = "x".repeat(121);
    let exactly = "y".repeat(120);
    // (typed, Ok(stored) or Err(message))
    let cases: &[(&str, Result<&str, &str>)] = &[
        ("Priya Raman", Ok("Priya Raman")),
        ("  Sam Okafor  ", Ok("Sam Okafor")),
        ("", Ok("")),
        ("   ", Ok("")),
        (&exactly, Ok(&exactly)),
        (&long, Err("Keep the owner under 120 characters.")),
    ];
    for (typed, expected) in cases {
        for key in [QBR, TaskKey::Custom(1)] {
            let mut r = Renewal::default();
            r.add_custom_task(MilestoneKind::T60, "Get the DPA signed")
                .unwrap();
            r.set_owner(key, "Before").unwrap();
            let before = r.clone();
            match (r.set_owner(key, typed), expected) {
                (Ok(()), Ok(stored)) => assert_eq!(r.owner(key), *stored, "{typed:?}"),
                (Err(e), Err(msg)) => {
                    assert_eq!(e.message, *msg);
                    assert_eq!(e.path, "owner");
                    assert_eq!(r, before, "a refused owner changes nothing");
                }
                (got, want) => panic!("{typed:?} on {key:?}: got {got:?}, want {want:?}"),
            }
        }
    }
}

#[test]
fn an_owner_for_a_task_that_does_not_exist_is_refused() {
    let mut r = Renewal::default();
    let before = r.clone();
    let unknown_default = TaskKey::Default(MilestoneKind::T90, "nope");
    assert!(r.set_owner(unknown_default, "Sam").is_err());
    assert!(r.set_owner(TaskKey::Custom(7), "Sam").is_err());
    assert_eq!(r, before);
}

#[test]
fn the_timeline_shows_each_tasks_owner() {
    let mut r = Renewal::default();
    let id = r
        .add_custom_task(MilestoneKind::T60, "Get the DPA signed")
        .unwrap();
    r.set_owner(QBR, "Priya Raman").unwrap();
    r.set_owner(TaskKey::Custom(id), "Sam Okafor").unwrap();
    let tl = r.timeline(Some(date("2027-03-01")), 50_000.0).unwrap();
    let owner_of = |k: TaskKey| tl.tasks().find(|t| t.key == k).unwrap().owner.clone();
    assert_eq!(owner_of(QBR), "Priya Raman");
    assert_eq!(owner_of(TaskKey::Custom(id)), "Sam Okafor");
    assert_eq!(
        owner_of(TaskKey::Default(MilestoneKind::T90, "expansion")),
        ""
    );
}

#[test]
fn the_next_cycle_clears_done_marks_and_keeps_owners() {
    let mut a = Account::new(
        AccountId(1),
        AccountFields {
            name: "Acme".into(),
            renewal_date: Some(date("2026-11-01")),
            ..Default::default()
        },
    );
    let id = a
        .renewal
        .add_custom_task(MilestoneKind::T60, "Get the DPA signed")
        .unwrap();
    a.renewal.set_owner(QBR, "Priya Raman").unwrap();
    a.renewal
        .set_owner(TaskKey::Custom(id), "Sam Okafor")
        .unwrap();
    a.renewal.tick(QBR, date("2026-08-01"), today()).unwrap();
    a.renewal
        .tick(TaskKey::Custom(id), date("2026-09-01"), today())
        .unwrap();

    a.start_next_cycle("2027-11-01", today()).unwrap();

    assert_eq!(a.renewal.done_on(QBR), None);
    assert_eq!(a.renewal.done_on(TaskKey::Custom(id)), None);
    assert_eq!(a.renewal.owner(QBR), "Priya Raman");
    assert_eq!(a.renewal.owner(TaskKey::Custom(id)), "Sam Okafor");
}

// ---------------------------------------------------------------------------------------
// Save-plan steps

fn plan(arr: f64) -> SavePlan {
    SavePlan::new(date("2026-11-01"), arr, "Dana Save").unwrap()
}

#[test]
fn a_step_without_its_own_owner_is_the_save_owners() {
    let mut p = plan(80_000.0);
    assert_eq!(p.step_owner(StepKind::Triage), "");
    assert_eq!(p.step_owner_or_save_owner(StepKind::Triage), "Dana Save");
    p.set_step_owner(StepKind::Triage, "  Priya Raman ")
        .unwrap();
    assert_eq!(p.step_owner(StepKind::Triage), "Priya Raman");
    assert_eq!(p.step_owner_or_save_owner(StepKind::Triage), "Priya Raman");
    // Other steps still fall back.
    assert_eq!(
        p.step_owner_or_save_owner(StepKind::ExecutiveOutreach),
        "Dana Save"
    );
    // Cleared: back to the save owner.
    p.set_step_owner(StepKind::Triage, "").unwrap();
    assert_eq!(p.step_owner(StepKind::Triage), "");
    assert_eq!(p.step_owner_or_save_owner(StepKind::Triage), "Dana Save");
    assert_eq!(p.step_owners().count(), 0);
}

#[test]
fn a_step_owner_is_refused_without_change_when_it_cannot_be() {
    let long = "z".repeat(121);
    // (plan ARR, closed?, step, owner, message)
    let cases: &[(f64, bool, StepKind, &str, &str)] = &[
        (
            80_000.0,
            false,
            StepKind::Triage,
            &long,
            "Keep the owner under 120 characters.",
        ),
        (
            20_000.0,
            false,
            StepKind::TellLeadership,
            "Sam",
            "This plan has no \"tell leadership\" step (ARR was 50,000 or less when it was opened).",
        ),
        (
            80_000.0,
            false,
            StepKind::CheckIn(0),
            "Sam",
            "Check-ins are numbered 1 to 520, not 0.",
        ),
        (
            80_000.0,
            true,
            StepKind::Triage,
            "Sam",
            "This plan is closed.",
        ),
    ];
    for (arr, closed, step, owner, message) in cases {
        let mut p = plan(*arr);
        p.set_step_owner(StepKind::RootCauseMeeting, "Kept")
            .unwrap();
        if *closed {
            p.close(Outcome::Saved, date("2026-11-10"), "", today())
                .unwrap();
        }
        let before = p.clone();
        let e = p.set_step_owner(*step, owner).unwrap_err();
        assert_eq!(e.message, *message, "{step:?}");
        assert_eq!(p, before, "{step:?}: a refused owner changes nothing");
    }
}

// ---------------------------------------------------------------------------------------
// A workspace with owners everywhere

/// Accounts named after what their owner-of-interest "Priya" owns in them.
fn workspace() -> Workspace {
    let t = today();
    let mut ws = Workspace::empty(Currency::default());
    let ids: Vec<AccountId> = [
        ("Owned", "priya  raman", Some("2027-02-01")),
        ("Renewal task", "Sam", Some("2027-02-01")),
        ("Done renewal task", "Sam", Some("2027-02-01")),
        ("Task without date", "Sam", None),
        ("Plan action", "Sam", None),
        ("Done plan action", "Sam", None),
        ("Step owner", "Sam", None),
        ("Save owner", "Sam", None),
        ("Closed plan step", "Sam", None),
        ("Open commitment", "Sam", None),
        ("Kept commitment", "Sam", None),
        ("Open escalation", "Sam", None),
        ("Nothing", "Sam", Some("2027-02-01")),
    ]
    .into_iter()
    .map(|(name, owner, renewal)| {
        ws.add_account(
            AccountFields {
                name: name.into(),
                owner: owner.into(),
                arr: 40_000.0,
                renewal_date: renewal.map(date),
                ..Default::default()
            },
            t,
        )
        .unwrap()
    })
    .collect();
    fn get(ws: &mut Workspace, id: AccountId) -> &mut Account {
        ws.account_mut(id).unwrap()
    }

    get(&mut ws, ids[1])
        .renewal
        .set_owner(QBR, "Priya Raman")
        .unwrap();
    {
        let acc = get(&mut ws, ids[2]);
        acc.renewal.set_owner(QBR, "Priya Raman").unwrap();
        acc.renewal.tick(QBR, t, t).unwrap();
    }
    get(&mut ws, ids[3])
        .renewal
        .set_owner(QBR, "Priya Raman")
        .unwrap();
    for (i, done) in [(4, false), (5, true)] {
        let acc = get(&mut ws, ids[i]);
        let id = acc
            .planning
            .plan
            .add_action(
                NewAction {
                    text: "Run the workshop".into(),
                    due: date("2026-12-01"),
                    owner: "PRIYA RAMAN".into(),
                    goal: None,
                },
                t,
            )
            .unwrap();
        if done {
            acc.planning.plan.set_action_done(id, true, t);
        }
    }
    {
        let acc = get(&mut ws, ids[6]);
        acc.save_plans.open(t, 40_000.0, "Sam", t).unwrap();
        acc.save_plans
            .current_mut()
            .unwrap()
            .set_step_owner(StepKind::ExecutiveOutreach, "Priya Raman")
            .unwrap();
    }
    get(&mut ws, ids[7])
        .save_plans
        .open(t, 40_000.0, "Priya Raman", t)
        .unwrap();
    {
        let acc = get(&mut ws, ids[8]);
        acc.save_plans.open(t, 40_000.0, "Sam", t).unwrap();
        let p = acc.save_plans.current_mut().unwrap();
        p.set_step_owner(StepKind::Triage, "Priya Raman").unwrap();
        p.close(Outcome::Saved, t, "", t).unwrap();
    }
    for (i, status) in [(9, Status::Open), (10, Status::Kept(t))] {
        let acc = get(&mut ws, ids[i]);
        let mut c = Commitment::new("Send the roadmap", date("2026-12-01"));
        c.owner = "Priya Raman".into();
        c.status = status;
        if status != Status::Open {
            c.evidence = "Sent on the 22nd".into();
        }
        let people = acc.stakeholders.clone();
        acc.commitments.add(&people, c, t).unwrap();
    }
    {
        let acc = get(&mut ws, ids[11]);
        let mut e = Escalation::new("Exports fail", Severity::High, t);
        e.owner = "Priya Raman".into();
        acc.escalations.add(e, t).unwrap();
    }
    ws
}

fn id_of(ws: &Workspace, name: &str) -> AccountId {
    ws.accounts()
        .iter()
        .find(|a| a.fields.name == name)
        .unwrap()
        .id
}

#[test]
fn open_work_owners_count_only_open_work() {
    let ws = workspace();
    let priya = owner_key("Priya Raman");
    // (account, Priya owns open work in it)
    let cases = [
        ("Owned", false),
        ("Renewal task", true),
        ("Done renewal task", false),
        ("Task without date", false),
        ("Plan action", true),
        ("Done plan action", false),
        ("Step owner", true),
        ("Save owner", true),
        ("Closed plan step", false),
        ("Open commitment", true),
        ("Kept commitment", false),
        ("Open escalation", true),
        ("Nothing", false),
    ];
    for (name, owns) in cases {
        let a = ws.account(id_of(&ws, name)).unwrap();
        assert_eq!(
            open_work_owners(a, today()).contains(&priya),
            owns,
            "{name}"
        );
    }
}

fn facts(ws: &Workspace) -> HashMap<AccountId, Facts> {
    facts_of(ws, &ws.tiers(), &health_by_account(ws, today()), today())
}

fn shown(ws: &Workspace, owner: &str) -> Vec<String> {
    let q = PortfolioQuery {
        filter: Filter {
            owner: Some(owner.into()),
            ..Default::default()
        },
        ..Default::default()
    };
    let f = facts(ws);
    let mut out: Vec<String> = query(f.values(), &q, today())
        .into_iter()
        .map(|id| ws.account(id).unwrap().fields.name.clone())
        .collect();
    out.sort();
    out
}

#[test]
fn the_portfolio_owner_filter_finds_account_owners_and_owners_of_open_work() {
    let ws = workspace();
    let mut priya = vec![
        "Owned",
        "Renewal task",
        "Plan action",
        "Step owner",
        "Save owner",
        "Open commitment",
        "Open escalation",
    ];
    priya.sort();
    // (filter as typed, accounts shown)
    let cases: &[(&str, Vec<&str>)] = &[
        ("Priya Raman", priya.clone()),
        ("  PRIYA   raman ", priya.clone()),
        ("Priya", vec![]),
        ("Nobody", vec![]),
    ];
    for (owner, expected) in cases {
        assert_eq!(shown(&ws, owner), *expected, "{owner:?}");
    }
    // Sam owns every account but "Owned", and the open save plans' other steps.
    assert_eq!(shown(&ws, "sam").len(), 12);
}

#[test]
fn names_include_renewal_task_and_step_owners_once_each() {
    let mut ws = Workspace::empty(Currency::default());
    let id = ws
        .add_account(
            AccountFields {
                name: "Acme".into(),
                owner: "Dana".into(),
                ..Default::default()
            },
            today(),
        )
        .unwrap();
    let a = ws.account_mut(id).unwrap();
    let custom = a
        .renewal
        .add_custom_task(MilestoneKind::T30, "Chase legal")
        .unwrap();
    a.renewal.set_owner(QBR, "Renee Task").unwrap();
    a.renewal
        .set_owner(TaskKey::Custom(custom), "Carl  Custom")
        .unwrap();
    a.save_plans
        .open(today(), 1.0, "Sue Save", today())
        .unwrap();
    let p = a.save_plans.current_mut().unwrap();
    p.set_step_owner(StepKind::Triage, "Stefan Step").unwrap();
    p.set_step_owner(StepKind::RootCauseMeeting, "renee task")
        .unwrap();
    assert_eq!(
        names(&ws),
        [
            "Carl Custom",
            "Dana",
            "Renee Task",
            "Stefan Step",
            "Sue Save"
        ]
    );
}

// ---------------------------------------------------------------------------------------
// The Renewals page's filter

#[test]
fn the_renewals_filter_keeps_owned_accounts_and_open_task_owners() {
    let ws = workspace();
    let q = |o: Option<&str>| RenewalsQuery {
        owner: o.map(str::to_string),
    };
    // (owner, accounts kept among those with a renewal date)
    let cases: &[(Option<&str>, &[&str])] = &[
        (
            None,
            &["Owned", "Renewal task", "Done renewal task", "Nothing"],
        ),
        (Some("Priya Raman"), &["Owned", "Renewal task"]),
        (Some("priya   RAMAN"), &["Owned", "Renewal task"]),
        (
            Some("Sam"),
            &["Renewal task", "Done renewal task", "Nothing"],
        ),
        (Some("Nobody"), &[]),
    ];
    for (owner, expected) in cases {
        let query = q(*owner);
        let kept: Vec<&str> = query
            .accounts(ws.accounts())
            .filter(|a| a.fields.renewal_date.is_some())
            .map(|a| a.fields.name.as_str())
            .collect();
        assert_eq!(kept, *expected, "{owner:?}");
        // The calendar counts the same accounts.
        let cal = query.calendar(ws.accounts(), today());
        let in_calendar =
            cal.months.iter().map(|m| m.renewals.len()).sum::<usize>() + cal.overdue.len();
        assert_eq!(in_calendar, expected.len(), "{owner:?}");
    }
    // Each kept account lists that person's open tasks only.
    let priya = q(Some("Priya Raman"));
    let task = ws.account(id_of(&ws, "Renewal task")).unwrap();
    let tasks = priya.tasks_of(task);
    assert_eq!(tasks.len(), 1);
    assert_eq!(tasks[0].key, QBR);
    let owned = ws.account(id_of(&ws, "Owned")).unwrap();
    assert!(priya.tasks_of(owned).is_empty());
    assert!(q(None).tasks_of(task).is_empty());
}

#[test]
fn the_renewals_filter_reads_and_writes_the_page_address() {
    // (query pairs, owner read)
    type Pairs<'a> = &'a [(&'a str, &'a str)];
    let cases: &[(Pairs, Option<&str>)] = &[
        (&[], None),
        (&[("owner", "Priya Raman")], Some("Priya Raman")),
        (&[("owner", "  Sam ")], Some("Sam")),
        (&[("owner", "   ")], None),
        (&[("sort", "x"), ("owner", "Sam")], Some("Sam")),
    ];
    for (pairs, owner) in cases {
        let q = RenewalsQuery::from_pairs(pairs.iter().copied());
        assert_eq!(q.owner.as_deref(), *owner, "{pairs:?}");
        let written = q.to_pairs();
        let back = RenewalsQuery::from_pairs(written.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(back, q, "{pairs:?} round trip");
    }
    assert!(RenewalsQuery::default().to_pairs().is_empty());
    // An address's owner is shown as the workspace spells it.
    let known = vec!["Priya Raman".to_string(), "Sam Okafor".to_string()];
    for (typed, shown) in [
        ("priya  RAMAN", "Priya Raman"),
        (" Sam Okafor ", "Sam Okafor"),
        ("  Lena Vogt ", "Lena Vogt"),
    ] {
        assert_eq!(spelled(&known, typed), shown, "{typed:?}");
    }
}

// ---------------------------------------------------------------------------------------
// The file

#[test]
fn owners_round_trip_through_version_3() {
    let ws = workspace();
    let text = encode(&ws, None);
    let back = decode(&text, read_day()).unwrap().workspace;
    for (a, b) in ws.accounts().iter().zip(back.accounts()) {
        assert_eq!(a.renewal, b.renewal, "{}", a.fields.name);
        assert_eq!(a.save_plans, b.save_plans, "{}", a.fields.name);
    }
    assert_eq!(names(&ws), names(&back));
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let first = &v["workspace"]["accounts"][1]["renewal"];
    assert_eq!(
        first["owners"],
        serde_json::json!([{ "milestone": "t90", "task": "qbr", "owner": "Priya Raman" }])
    );
    let step = &v["workspace"]["accounts"][6]["save_plans"][0]["step_owners"];
    assert_eq!(
        *step,
        serde_json::json!([{ "step": "executive_outreach", "owner": "Priya Raman" }])
    );
    // Nobody named: nothing written, as version 1 and 2 wrote the record.
    let nothing = &v["workspace"]["accounts"][12];
    assert!(nothing["renewal"].get("owners").is_none());
}

#[test]
fn older_files_import_without_owners() {
    for (file, text) in [
        ("v1", include_str!("fixtures/workspace-v1-example.json")),
        ("v2", include_str!("fixtures/workspace-v2-example.json")),
    ] {
        let ws = decode(text, read_day()).unwrap().workspace;
        for a in ws.accounts() {
            assert_eq!(a.renewal.owner_marks().count(), 0, "{file}");
            assert!(
                a.renewal
                    .custom_tasks()
                    .iter()
                    .all(|c| c.owner().is_empty()),
                "{file}"
            );
            for p in a.save_plans.all() {
                assert_eq!(p.step_owners().count(), 0, "{file}");
            }
        }
    }
    // The version 3 example names both kinds.
    let v3 = decode(
        include_str!("fixtures/workspace-v3-example.json"),
        read_day(),
    )
    .unwrap()
    .workspace;
    assert_eq!(v3.accounts()[0].renewal.owner(QBR), "Sam Okafor");
    assert_eq!(
        v3.accounts()[0].renewal.owner(TaskKey::Custom(1)),
        "Priya Raman"
    );
    assert_eq!(
        v3.accounts()[1].save_plans.all()[0].step_owner(StepKind::ExecutiveOutreach),
        "Priya Raman"
    );
}

#[test]
fn bad_owners_in_a_file_are_refused_at_their_path() {
    let long = "o".repeat(121);
    let base: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/workspace-v3-example.json")).unwrap();
    // (edit, path named, message contains)
    type Edit = Box<dyn Fn(&mut serde_json::Value)>;
    let l1 = long.clone();
    let l2 = long.clone();
    let cases: Vec<(Edit, &str, &str)> = vec![
        (
            Box::new(move |v| {
                v["workspace"]["accounts"][0]["renewal"]["owners"][0]["owner"] = l1.clone().into()
            }),
            "workspace.accounts[0].renewal.owners[0].owner",
            "120 characters",
        ),
        (
            Box::new(|v| {
                v["workspace"]["accounts"][0]["renewal"]["owners"][0]["task"] = "roi".into()
            }),
            "workspace.accounts[0].renewal.owners[0].task",
            "T-90 has no task \"roi\"",
        ),
        (
            Box::new(|v| {
                let o = v["workspace"]["accounts"][0]["renewal"]["owners"][0].clone();
                v["workspace"]["accounts"][0]["renewal"]["owners"]
                    .as_array_mut()
                    .unwrap()
                    .push(o);
            }),
            "workspace.accounts[0].renewal.owners[1].task",
            "given twice",
        ),
        (
            Box::new(move |v| {
                v["workspace"]["accounts"][0]["renewal"]["custom_tasks"][0]["owner"] =
                    l2.clone().into()
            }),
            "workspace.accounts[0].renewal.custom_tasks[0].owner",
            "120 characters",
        ),
        (
            Box::new(|v| {
                v["workspace"]["accounts"][1]["save_plans"][0]["step_owners"][0]["step"] =
                    "tell_leadership".into()
            }),
            "workspace.accounts[1].save_plans[0].step_owners[0].step",
            "no \"tell leadership\" step",
        ),
        (
            Box::new(|v| {
                v["workspace"]["accounts"][1]["save_plans"][0]["step_owners"][0]["step"] =
                    "check_in_0".into()
            }),
            "workspace.accounts[1].save_plans[0].step_owners[0].step",
            "unknown step",
        ),
    ];
    for (edit, path, message) in cases {
        let mut v = base.clone();
        edit(&mut v);
        let err = decode(&v.to_string(), read_day()).unwrap_err().to_string();
        assert!(
            err.contains(path) && err.contains(message),
            "expected {path}: …{message}…, got: {err}"
        );
    }
}

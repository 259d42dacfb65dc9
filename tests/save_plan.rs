//! Save playbook: deadlines from the opening day, the leadership rule at 50,000, weekly
//! check-ins, overdue steps, one open plan, closing and history, and the file format.

mod common;
use am_planner::domain::save_plan::{
    root_cause_label, Outcome, RootCause, SavePlan, SavePlans, StepKind,
};
use am_planner::domain::{AccountFields, Currency, FieldError, Workspace};
use am_planner::format::{decode, encode};
use chrono::{Duration, NaiveDate};
use common::read_day;
use proptest::prelude::*;

use common::date as d;

fn steps_of(p: &SavePlan, today: &str) -> Vec<(String, String)> {
    p.steps(d(today))
        .iter()
        .map(|s| (s.kind.key(), s.due.to_string()))
        .collect()
}

fn v(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn deadlines_and_leadership_rule() {
    /// (opened, arr, today, expected (step key, due) list)
    type Case = (&'static str, f64, &'static str, Vec<(String, String)>);
    let cases: Vec<Case> = vec![
        (
            "2028-02-28",
            50_000.0,
            "2028-02-28",
            v(&[
                ("triage", "2028-02-29"),
                ("executive_outreach", "2028-03-01"),
                ("root_cause_meeting", "2028-03-06"),
                ("check_in_1", "2028-03-13"),
            ]),
        ),
        (
            "2028-02-28",
            50_000.01,
            "2028-02-28",
            v(&[
                ("triage", "2028-02-29"),
                ("tell_leadership", "2028-02-29"),
                ("executive_outreach", "2028-03-01"),
                ("root_cause_meeting", "2028-03-06"),
                ("check_in_1", "2028-03-13"),
            ]),
        ),
        (
            "2026-12-30",
            0.0,
            // Check-in 1 due 2027-01-13; on that day check-in 2 is listed as next.
            "2027-01-13",
            v(&[
                ("triage", "2026-12-31"),
                ("executive_outreach", "2027-01-01"),
                ("root_cause_meeting", "2027-01-06"),
                ("check_in_1", "2027-01-13"),
                ("check_in_2", "2027-01-20"),
            ]),
        ),
        (
            "2026-12-30",
            0.0,
            "2027-01-12",
            v(&[
                ("triage", "2026-12-31"),
                ("executive_outreach", "2027-01-01"),
                ("root_cause_meeting", "2027-01-06"),
                ("check_in_1", "2027-01-13"),
            ]),
        ),
    ];
    for (opened, arr, today, want) in cases {
        let p = SavePlan::new(d(opened), arr, "Sam").unwrap();
        assert_eq!(p.notify_leadership(), arr > 50_000.0);
        assert_eq!(
            steps_of(&p, today),
            want,
            "opened {opened}, ARR {arr}, today {today}"
        );
    }
}

#[test]
fn check_ins_continue_weekly_until_closed() {
    let mut p = SavePlan::new(d("2026-01-01"), 0.0, "").unwrap();
    // Ten weeks later: check-ins 1..=9 due (days 14..70), plus the next (day 77).
    let n = p
        .steps(d("2026-03-12"))
        .iter()
        .filter(|s| matches!(s.kind, StepKind::CheckIn(_)))
        .count();
    assert_eq!(n, 9 + 1);
    p.close(
        Outcome::Saved,
        d("2026-02-01"),
        "Green again",
        d("2026-03-12"),
    )
    .unwrap();
    // Closed on day 31: check-ins due on days 14, 21 and 28 only, whatever today is.
    let ci: Vec<String> = p
        .steps(d("2030-01-01"))
        .iter()
        .filter(|s| matches!(s.kind, StepKind::CheckIn(_)))
        .map(|s| s.due.to_string())
        .collect();
    assert_eq!(ci, ["2026-01-15", "2026-01-22", "2026-01-29"]);
    assert!(p.overdue_steps(d("2030-01-01")).is_empty());
    assert_eq!(p.next_step(d("2030-01-01")), None);
}

#[test]
fn overdue_steps_by_today() {
    let mut p = SavePlan::new(d("2026-11-20"), 60_000.0, "Sam").unwrap();
    let keys = |today: &str, p: &SavePlan| -> Vec<String> {
        p.overdue_steps(d(today))
            .iter()
            .map(|s| s.kind.key())
            .collect()
    };
    // Triage due 11-21: not overdue on its day, overdue the day after.
    assert!(keys("2026-11-21", &p).is_empty());
    assert_eq!(keys("2026-11-22", &p), ["triage", "tell_leadership"]);
    p.tick(StepKind::Triage, d("2026-11-22"), d("2026-11-22"))
        .unwrap();
    assert_eq!(
        keys("2026-11-23", &p),
        ["tell_leadership", "executive_outreach"]
    );
    assert_eq!(
        keys("2026-11-28", &p),
        [
            "tell_leadership",
            "executive_outreach",
            "root_cause_meeting"
        ]
    );
    assert_eq!(
        p.next_step(d("2026-11-28")).unwrap().kind,
        StepKind::TellLeadership
    );
    p.untick(StepKind::Triage);
    assert_eq!(keys("2026-11-22", &p), ["triage", "tell_leadership"]);
}

#[test]
fn tick_and_close_rules() {
    let today = d("2026-11-22");
    let mut p = SavePlan::new(d("2026-11-20"), 10_000.0, "Sam").unwrap();
    // The path names the value at fault: the step or its day.
    let cases: Vec<(StepKind, &str, Result<(), FieldError>)> = vec![
        (StepKind::Triage, "2026-11-23", Err(FieldError::new("on", "A step cannot be done in the future (23 Nov 2026 is after today)."))),
        (StepKind::Triage, "2026-11-19", Err(FieldError::new("on", "A step cannot be done (19 Nov 2026) before the plan was opened (20 Nov 2026)."))),
        (StepKind::TellLeadership, "2026-11-21", Err(FieldError::new("step", "This plan has no \"tell leadership\" step (ARR was 50,000 or less when it was opened)."))),
        (StepKind::CheckIn(0), "2026-11-21", Err(FieldError::new("step", "Check-ins are numbered 1 to 520, not 0."))),
        (StepKind::Triage, "2026-11-20", Ok(())),
        (StepKind::CheckIn(1), "2026-11-22", Ok(())),
    ];
    for (step, on, want) in cases {
        assert_eq!(p.tick(step, d(on), today), want, "{step:?} {on}");
    }
    assert_eq!(
        p.close(Outcome::Saved, d("2026-11-19"), "", today),
        Err(FieldError::new(
            "on",
            "A plan cannot close (2026-11-19) before it was opened (2026-11-20)."
        ))
    );
    assert_eq!(
        p.close(Outcome::Saved, d("2026-11-23"), "", today),
        Err(FieldError::new(
            "on",
            "A plan cannot be closed in the future (23 Nov 2026 is after today)."
        ))
    );
    assert_eq!(
        p.close(Outcome::Lost, today, &"n".repeat(2001), today),
        Err(FieldError::new(
            "note",
            "Keep the note under 2000 characters."
        ))
    );
    p.close(Outcome::Lost, today, "  Went to a competitor ", today)
        .unwrap();
    let c = p.closure().unwrap();
    assert_eq!(
        (c.outcome, c.on, c.note.as_str()),
        (Outcome::Lost, today, "Went to a competitor")
    );
    assert_eq!(
        p.close(Outcome::Saved, today, "", today),
        Err(FieldError::bare("This plan is already closed."))
    );
    assert_eq!(
        p.tick(StepKind::ExecutiveOutreach, today, today),
        Err(FieldError::bare("This plan is closed."))
    );
    assert!(p.set_owner(&"x".repeat(121)).is_err());
    assert_eq!(p.owner(), "Sam");
}

#[test]
fn one_open_plan_and_history() {
    let today = d("2026-11-22");
    let mut plans = SavePlans::default();
    assert!(plans.should_propose(true));
    assert!(!plans.should_propose(false));
    assert_eq!(
        plans.open(d("2026-11-23"), 0.0, "", today),
        Err(FieldError::new(
            "opened_on",
            "A plan cannot be opened in the future (23 Nov 2026 is after today)."
        ))
    );
    plans.open(d("2026-01-10"), 80_000.0, "Sam", today).unwrap();
    assert!(!plans.should_propose(true));
    assert!(plans.should_suggest_close(true));
    assert!(!plans.should_suggest_close(false));
    assert_eq!(
        plans.open(today, 0.0, "", today),
        Err(FieldError::bare(
            "A save plan is already open for this account: close it before opening another."
        ))
    );
    let cur = plans.current_mut().unwrap();
    cur.root_cause = Some(RootCause::BudgetCut);
    cur.close(Outcome::Saved, d("2026-03-01"), "", today)
        .unwrap();
    assert!(plans.current().is_none());
    plans.open(d("2026-06-01"), 10_000.0, "Kim", today).unwrap();
    plans
        .current_mut()
        .unwrap()
        .close(Outcome::Other, d("2026-07-01"), "Merged", today)
        .unwrap();
    plans.open(today, 10_000.0, "Kim", today).unwrap();
    let history: Vec<NaiveDate> = plans.history().iter().map(|p| p.opened_on()).collect();
    assert_eq!(history, [d("2026-06-01"), d("2026-01-10")]);
    assert_eq!(plans.all().len(), 3);
    assert_eq!(plans.discard_current().map(|p| p.opened_on()), Some(today));
    assert_eq!(plans.all().len(), 2);
    assert_eq!(plans.discard_current(), None);
}

#[test]
fn keys_and_labels() {
    for k in [
        StepKind::Triage,
        StepKind::TellLeadership,
        StepKind::ExecutiveOutreach,
        StepKind::RootCauseMeeting,
        StepKind::CheckIn(1),
        StepKind::CheckIn(520),
    ] {
        assert_eq!(StepKind::from_key(&k.key()), Some(k));
        assert!(!k.label().is_empty() && !k.deadline_label().is_empty());
    }
    for bad in [
        "check_in_0",
        "check_in_01",
        "check_in_521",
        "check_in_",
        "check_in_-1",
        "check_in_1x",
        "Triage",
        "",
    ] {
        assert_eq!(StepKind::from_key(bad), None, "{bad}");
    }
    assert_eq!(StepKind::Triage.deadline_label(), "24 h");
    assert_eq!(StepKind::ExecutiveOutreach.deadline_label(), "48 h");
    assert_eq!(StepKind::RootCauseMeeting.deadline_label(), "1 week");
    for c in RootCause::ALL {
        assert_eq!(RootCause::from_key(c.key()), Some(c));
    }
    assert_eq!(root_cause_label(None), "Not known yet");
    for o in Outcome::ALL {
        assert_eq!(Outcome::from_key(o.key()), Some(o));
    }
}

// ---------------------------------------------------------------------------------------
// File format

fn workspace_json(plans: &str) -> String {
    format!(
        r#"{{"format":"am-planner-workspace","version":1,"workspace":{{"currency":"USD","accounts":[{{"id":1,"name":"Acme","save_plans":{plans}}}]}}}}"#
    )
}

#[test]
fn format_refuses_bad_save_plans() {
    let p = "workspace.accounts[0].save_plans";
    let open = r#"{"opened_on":"2026-10-01"}"#;
    let closed = r#"{"opened_on":"2026-01-01","closed":{"outcome":"saved","on":"2026-02-01"}}"#;
    let cases: Vec<(String, String, &str)> = vec![
        (format!("[{open},{open}]"), format!("{p}[1].closed"), "save_plans[0] is also open; an account has at most one open save plan"),
        (format!("[{open},{closed},{open}]"), format!("{p}[2].closed"), "save_plans[0] is also open"),
        (r#"[{"opened_on":"2026-10-01","done":[{"step":"lunch","done_on":"2026-10-02"}]}]"#.into(), format!("{p}[0].done[0].step"), "unknown step \"lunch\""),
        (r#"[{"opened_on":"2026-10-01","done":[{"step":"check_in_0","done_on":"2026-10-02"}]}]"#.into(), format!("{p}[0].done[0].step"), "unknown step \"check_in_0\""),
        (r#"[{"opened_on":"2026-10-01","done":[{"step":"triage","done_on":"2026-09-30"}]}]"#.into(), format!("{p}[0].done[0]"), "before the plan was opened"),
        (
            r#"[{"opened_on":"2026-10-01","done":[{"step":"triage","done_on":"2026-10-01"},{"step":"triage","done_on":"2026-10-02"}]}]"#.into(),
            format!("{p}[0].done[1]"),
            "step \"triage\" is marked done twice",
        ),
        (r#"[{"opened_on":"2026-10-01","done":[{"step":"tell_leadership","done_on":"2026-10-01"}]}]"#.into(), format!("{p}[0].done[0]"), "no \"tell leadership\" step"),
        (r#"[{"opened_on":"2026-10-01","closed":{"outcome":"saved","on":"2026-09-01"}}]"#.into(), format!("{p}[0].closed"), "cannot close (2026-09-01) before it was opened (2026-10-01)"),
        (r#"[{"opened_on":"2026-10-01","closed":{"outcome":"won","on":"2026-11-01"}}]"#.into(), format!("{p}[0].closed.outcome"), "\"won\" is not an outcome; use one of saved, lost, other."),
        (r#"[{"opened_on":"2026-10-01","root_cause":"price"}]"#.into(), format!("{p}[0].root_cause"), "\"price\" is not a root cause; use one of"),
        (format!(r#"[{{"opened_on":"2026-10-01","owner":"{}"}}]"#, "o".repeat(121)), format!("{p}[0].owner"), "under 120 characters"),
        (format!(r#"[{{"opened_on":"2026-10-01","closed":{{"outcome":"lost","on":"2026-10-02","note":"{}"}}}}]"#, "n".repeat(2001)), format!("{p}[0].closed"), "under 2000 characters"),
        (r#"[{"root_cause":"budget_cut"}]"#.into(), format!("{p}[0]"), "the field \"opened_on\" is required and missing."),
        (r#"[{"opened_on":"2026-10-01","status":"open"}]"#.into(), format!("{p}[0].status"), "\"status\" is not a field the planner knows here"),
    ];
    for (json, path, detail) in cases {
        let msg = decode(&workspace_json(&json), read_day())
            .map(|_| ())
            .unwrap_err()
            .to_string();
        assert!(
            msg.starts_with(&format!("{path}: ")) && msg.contains(detail),
            "for {json}\n got: {msg}\nwant: {path}: ...{detail}..."
        );
    }
}

#[test]
fn format_reads_save_plans() {
    let json = workspace_json(
        r#"[{"opened_on":"2026-01-01","root_cause":"product_gap","owner":"Sam","notify_leadership":true,"done":[{"step":"tell_leadership","done_on":"2026-01-01"},{"step":"check_in_3","done_on":"2026-01-29"}],"closed":{"outcome":"saved","on":"2026-02-01","note":"ok"}},{"opened_on":"2026-10-01"}]"#,
    );
    let ws = decode(&json, read_day()).unwrap().workspace;
    let plans = &ws.accounts()[0].save_plans;
    assert_eq!(plans.all().len(), 2);
    let old = &plans.all()[0];
    assert_eq!(old.root_cause, Some(RootCause::ProductGap));
    assert!(old.notify_leadership());
    let done: Vec<(StepKind, NaiveDate)> = old.done_steps().collect();
    assert_eq!(
        done,
        [
            (StepKind::TellLeadership, d("2026-01-01")),
            (StepKind::CheckIn(3), d("2026-01-29"))
        ]
    );
    // A done check-in beyond the closing day is still listed.
    assert!(old
        .steps(d("2026-12-01"))
        .iter()
        .any(|s| s.kind == StepKind::CheckIn(3)));
    assert_eq!(plans.current().unwrap().opened_on(), d("2026-10-01"));
}

fn arb_plan(open: bool) -> impl Strategy<Value = SavePlan> {
    (
        0i64..2000,
        0u32..100_000,
        proptest::option::of(0usize..4),
        "[A-Za-zé ]{0,20}",
        proptest::collection::vec((0usize..6, 0i64..60), 0..6),
        0i64..90,
        0usize..3,
        "[a-z ,;]{0,30}",
    )
        .prop_map(
            move |(start, arr, cause, owner, done, close_after, outcome, note)| {
                let opened = d("2024-01-01") + Duration::days(start);
                let today = d("2040-01-01");
                let mut p = SavePlan::new(opened, arr as f64, &owner).unwrap();
                p.root_cause = cause.map(|i| RootCause::ALL[i]);
                for (k, after) in done {
                    let step = [
                        StepKind::Triage,
                        StepKind::TellLeadership,
                        StepKind::ExecutiveOutreach,
                        StepKind::RootCauseMeeting,
                        StepKind::CheckIn(1),
                        StepKind::CheckIn(7),
                    ][k];
                    let _ = p.tick(step, opened + Duration::days(after), today);
                }
                if !open {
                    p.close(
                        Outcome::ALL[outcome],
                        opened + Duration::days(close_after),
                        &note,
                        today,
                    )
                    .unwrap();
                }
                p
            },
        )
}

proptest! {
    #[test]
    fn save_plans_round_trip_through_the_file(
        closed in proptest::collection::vec(arb_plan(false), 0..3),
        open in proptest::option::of(arb_plan(true)),
    ) {
        let mut plans = SavePlans::default();
        for p in closed.into_iter().chain(open) {
            plans.restore(p).unwrap();
        }
        let mut ws = Workspace::empty(Currency::default());
        let id = ws.add_account(AccountFields { name: "Acme".into(), arr: 60_000.0, ..AccountFields::default() }, read_day()).unwrap();
        ws.account_mut(id).unwrap().save_plans = plans.clone();
        let back = decode(&encode(&ws, None), read_day()).unwrap().workspace;
        prop_assert_eq!(&back.account(id).unwrap().save_plans, &plans);
        prop_assert_eq!(back, ws);
    }
}

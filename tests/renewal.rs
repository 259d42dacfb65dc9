//! Renewal timeline, status, portfolio views and the renewal part of the file format.

mod common;
use am_planner::domain::renewal::{
    days_before, lead_days, milestones_for, parse_notice_days, renewal_agenda, renewal_calendar,
    AgendaWhat, MilestoneKind, MilestoneState, Renewal, RenewalStatus, TaskKey, Timeline,
};
use am_planner::domain::{AccountFields, AccountId, Currency, FieldError, Workspace};
use am_planner::format::{decode, encode};
use chrono::NaiveDate;
use common::read_day;
use proptest::prelude::*;

use common::date as d;

use MilestoneKind::*;

// ---------------------------------------------------------------------------------------
// Timeline shape and due dates

struct ShapeCase {
    name: &'static str,
    renewal: &'static str,
    arr: f64,
    early_start: bool,
    notice_days: Option<u32>,
    milestones: &'static [(MilestoneKind, &'static str)],
    lead_days: u32,
    start_by: &'static str,
    critical_after: &'static str,
    notice_deadline: Option<&'static str>,
}

fn check_shape(c: &ShapeCase) {
    let mut r = Renewal::default();
    r.early_start = c.early_start;
    r.set_notice_days(c.notice_days).unwrap();
    let tl = r.timeline(Some(d(c.renewal)), c.arr).expect(c.name);
    let got: Vec<(MilestoneKind, NaiveDate)> =
        tl.milestones.iter().map(|m| (m.kind, m.due)).collect();
    let want: Vec<(MilestoneKind, NaiveDate)> =
        c.milestones.iter().map(|(k, s)| (*k, d(s))).collect();
    assert_eq!(got, want, "{}: milestones", c.name);
    assert_eq!(tl.lead_days, c.lead_days, "{}: lead", c.name);
    assert_eq!(tl.start_by, d(c.start_by), "{}: start_by", c.name);
    assert_eq!(
        tl.critical_after,
        d(c.critical_after),
        "{}: critical_after",
        c.name
    );
    assert_eq!(
        tl.notice_deadline,
        c.notice_deadline.map(d),
        "{}: notice",
        c.name
    );
    for m in &tl.milestones {
        assert!(
            m.tasks.iter().all(|t| t.due == m.due && !t.is_done()),
            "{}",
            c.name
        );
        assert_eq!(m.tasks.len(), m.kind.default_tasks().len(), "{}", c.name);
    }
}

#[test]
fn timeline_shapes() {
    let cases = [
        ShapeCase {
            name: "leap day renewal, small account",
            renewal: "2028-02-29",
            arr: 50_000.0,
            early_start: false,
            notice_days: None,
            milestones: &[
                (T90, "2027-12-01"),
                (T60, "2027-12-31"),
                (T30, "2028-01-30"),
                (T7, "2028-02-22"),
            ],
            lead_days: 90,
            start_by: "2027-12-01",
            critical_after: "2028-01-30",
            notice_deadline: None,
        },
        ShapeCase {
            name: "leap day renewal, enterprise, early start, notice 45",
            renewal: "2028-02-29",
            arr: 250_000.0,
            early_start: true,
            notice_days: Some(45),
            milestones: &[
                (T180, "2027-09-02"),
                (T120, "2027-11-01"),
                (T90, "2027-12-01"),
                (T60, "2027-12-31"),
                (T30, "2028-01-30"),
                (T7, "2028-02-22"),
            ],
            lead_days: 120,
            start_by: "2027-11-01",
            critical_after: "2028-01-30",
            notice_deadline: Some("2028-01-15"),
        },
        ShapeCase {
            name: "March 31 renewal",
            renewal: "2027-03-31",
            arr: 80_000.0,
            early_start: false,
            notice_days: Some(30),
            milestones: &[
                (T90, "2026-12-31"),
                (T60, "2027-01-30"),
                (T30, "2027-03-01"),
                (T7, "2027-03-24"),
            ],
            lead_days: 90,
            start_by: "2026-12-31",
            critical_after: "2027-03-01",
            notice_deadline: Some("2027-03-01"),
        },
        ShapeCase {
            name: "Jan 1 renewal crosses the year",
            renewal: "2027-01-01",
            arr: 100_000.01,
            early_start: false,
            notice_days: Some(0),
            milestones: &[
                (T120, "2026-09-03"),
                (T90, "2026-10-03"),
                (T60, "2026-11-02"),
                (T30, "2026-12-02"),
                (T7, "2026-12-25"),
            ],
            lead_days: 120,
            start_by: "2026-09-03",
            critical_after: "2026-12-02",
            notice_deadline: Some("2027-01-01"),
        },
        ShapeCase {
            name: "ARR exactly 100,000 gets no T-120",
            renewal: "2027-01-01",
            arr: 100_000.0,
            early_start: false,
            notice_days: None,
            milestones: &[
                (T90, "2026-10-03"),
                (T60, "2026-11-02"),
                (T30, "2026-12-02"),
                (T7, "2026-12-25"),
            ],
            lead_days: 90,
            start_by: "2026-10-03",
            critical_after: "2026-12-02",
            notice_deadline: None,
        },
        ShapeCase {
            name: "March 1 in a leap year: T-7 counts Feb 29",
            renewal: "2028-03-01",
            arr: 0.0,
            early_start: true,
            notice_days: Some(730),
            milestones: &[
                (T180, "2027-09-03"),
                (T90, "2027-12-02"),
                (T60, "2028-01-01"),
                (T30, "2028-01-31"),
                (T7, "2028-02-23"),
            ],
            lead_days: 90,
            start_by: "2027-12-02",
            critical_after: "2028-01-31",
            // 730 days back crosses Feb 29 2028: March 2, not March 1.
            notice_deadline: Some("2026-03-02"),
        },
    ];
    for c in &cases {
        check_shape(c);
    }
}

#[test]
fn no_renewal_date_means_no_timeline() {
    assert_eq!(Renewal::default().timeline(None, 500_000.0), None);
}

#[test]
fn extreme_dates_do_not_panic() {
    let mut r = Renewal::default();
    r.early_start = true;
    let tl = r.timeline(Some(NaiveDate::MIN), 1e6).unwrap();
    assert!(tl.milestones.iter().all(|m| m.due == NaiveDate::MIN));
    assert_eq!(tl.status(d("2026-01-01")), RenewalStatus::Overdue);
    assert_eq!(days_before(NaiveDate::MIN, 10), NaiveDate::MIN);
}

#[test]
fn milestone_rules() {
    assert_eq!(milestones_for(100_000.0, false), vec![T90, T60, T30, T7]);
    assert_eq!(
        milestones_for(100_000.01, false),
        vec![T120, T90, T60, T30, T7]
    );
    assert_eq!(milestones_for(0.0, true), vec![T180, T90, T60, T30, T7]);
    assert_eq!(lead_days(100_000.0), 90);
    assert_eq!(lead_days(100_000.01), 120);
    for m in MilestoneKind::ALL {
        assert_eq!(MilestoneKind::from_key(m.key()), Some(m));
        assert_eq!(m.label(), format!("T-{}", m.days()));
        assert!(!m.default_tasks().is_empty());
    }
}

// ---------------------------------------------------------------------------------------
// Status

struct StatusCase {
    name: &'static str,
    renewal: &'static str,
    arr: f64,
    /// (milestone, task key, done on)
    done: &'static [(MilestoneKind, &'static str, &'static str)],
    today: &'static str,
    want: RenewalStatus,
}

fn check_status(c: &StatusCase) {
    let mut r = Renewal::default();
    for (m, k, on) in c.done {
        r.tick(
            TaskKey::Default(*m, m.default_task(k).unwrap().key),
            d(on),
            d(c.today),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", c.name));
    }
    let tl = r.timeline(Some(d(c.renewal)), c.arr).unwrap();
    assert_eq!(tl.status(d(c.today)), c.want, "{}", c.name);
    assert!(!tl.status_note(d(c.today)).is_empty());
}

#[test]
fn status_at_each_threshold() {
    use RenewalStatus::*;
    // Renewal 2027-03-31: start_by (90) 2026-12-31, T-30 2027-03-01.
    // Enterprise: start_by (120) 2026-12-01.
    let cases = [
        StatusCase {
            name: "far out, nothing done",
            renewal: "2027-03-31",
            arr: 10_000.0,
            done: &[],
            today: "2026-06-01",
            want: OnTrack,
        },
        StatusCase {
            name: "on the start-by day, nothing done",
            renewal: "2027-03-31",
            arr: 10_000.0,
            done: &[],
            today: "2026-12-31",
            want: OnTrack,
        },
        StatusCase {
            name: "day after start-by, nothing done",
            renewal: "2027-03-31",
            arr: 10_000.0,
            done: &[],
            today: "2027-01-01",
            want: Late,
        },
        StatusCase {
            name: "started on the start-by day",
            renewal: "2027-03-31",
            arr: 10_000.0,
            done: &[(T90, "qbr", "2026-12-31")],
            today: "2027-02-01",
            want: OnTrack,
        },
        StatusCase {
            name: "started one day after start-by",
            renewal: "2027-03-31",
            arr: 10_000.0,
            done: &[(T90, "qbr", "2027-01-01")],
            today: "2027-02-01",
            want: Late,
        },
        StatusCase {
            name: "enterprise: 100 days out, nothing done",
            renewal: "2027-03-31",
            arr: 100_000.01,
            done: &[],
            today: "2026-12-21",
            want: Late,
        },
        StatusCase {
            name: "exactly 100,000: 100 days out, nothing done",
            renewal: "2027-03-31",
            arr: 100_000.0,
            done: &[],
            today: "2026-12-21",
            want: OnTrack,
        },
        StatusCase {
            name: "on T-30, nothing done",
            renewal: "2027-03-31",
            arr: 10_000.0,
            done: &[],
            today: "2027-03-01",
            want: Late,
        },
        StatusCase {
            name: "day after T-30, nothing done",
            renewal: "2027-03-31",
            arr: 10_000.0,
            done: &[],
            today: "2027-03-02",
            want: Critical,
        },
        StatusCase {
            name: "started on T-30 exactly",
            renewal: "2027-03-31",
            arr: 10_000.0,
            done: &[(T30, "follow_up", "2027-03-01")],
            today: "2027-03-10",
            want: Late,
        },
        StatusCase {
            name: "started after T-30",
            renewal: "2027-03-31",
            arr: 10_000.0,
            done: &[(T30, "follow_up", "2027-03-05")],
            today: "2027-03-10",
            want: Critical,
        },
        StatusCase {
            name: "on the renewal date",
            renewal: "2027-03-31",
            arr: 10_000.0,
            done: &[(T90, "qbr", "2026-12-01")],
            today: "2027-03-31",
            want: OnTrack,
        },
        StatusCase {
            name: "day after renewal, all started in time",
            renewal: "2027-03-31",
            arr: 10_000.0,
            done: &[(T90, "qbr", "2026-12-01")],
            today: "2027-04-01",
            want: Overdue,
        },
        StatusCase {
            name: "renewal long past",
            renewal: "2020-01-01",
            arr: 10_000.0,
            done: &[],
            today: "2027-04-01",
            want: Overdue,
        },
        StatusCase {
            name: "leap-day renewal, day after T-30",
            renewal: "2028-02-29",
            arr: 10_000.0,
            done: &[],
            today: "2028-01-31",
            want: Critical,
        },
    ];
    for c in &cases {
        check_status(c);
    }
}

#[test]
fn custom_task_done_starts_the_motion() {
    let mut r = Renewal::default();
    let id = r
        .add_custom_task(T90, "  Book the CFO for the QBR  ")
        .unwrap();
    r.tick(TaskKey::Custom(id), d("2026-12-01"), d("2026-12-01"))
        .unwrap();
    let tl = r.timeline(Some(d("2027-03-31")), 0.0).unwrap();
    assert_eq!(tl.first_done(), Some(d("2026-12-01")));
    assert_eq!(tl.status(d("2027-02-01")), RenewalStatus::OnTrack);
    let t90 = &tl.milestones[0];
    assert_eq!(t90.tasks.last().unwrap().text, "Book the CFO for the QBR");
    assert_eq!(t90.tasks.len(), 4);
}

#[test]
fn task_lateness_and_milestone_state() {
    let mut r = Renewal::default();
    let renewal = d("2027-03-31"); // T-90 due 2026-12-31
    let today = d("2027-01-10");
    for t in T90.default_tasks() {
        r.tick(TaskKey::Default(T90, t.key), d("2026-12-20"), today)
            .unwrap();
    }
    r.tick(TaskKey::Default(T60, "proposal"), d("2027-01-05"), today)
        .unwrap();
    let tl = r.timeline(Some(renewal), 0.0).unwrap();
    let state = |k: MilestoneKind, day: &str| {
        tl.milestones
            .iter()
            .find(|m| m.kind == k)
            .unwrap()
            .state(d(day))
    };
    assert_eq!(state(T90, "2027-06-01"), MilestoneState::Done);
    // T-60 due 2027-01-30: open on its due day, late the day after.
    assert_eq!(state(T60, "2027-01-30"), MilestoneState::Open);
    assert_eq!(state(T60, "2027-01-31"), MilestoneState::Late);
    let late: Vec<String> = tl
        .late_tasks(d("2027-01-31"))
        .iter()
        .map(|t| t.key.id_string())
        .collect();
    assert_eq!(late, vec!["t60.objections", "t60.legal"]);
    let next = tl.next_milestone(d("2027-01-31")).unwrap();
    assert_eq!(next.kind, T60);
    assert_eq!(next.open_tasks, 2);
    assert_eq!(next.days_left, -1);
    assert_eq!(next.state, MilestoneState::Late);
    let next = tl.next_milestone(d("2027-01-20")).unwrap();
    assert_eq!(
        (next.kind, next.days_left, next.state),
        (T60, 10, MilestoneState::Open)
    );
}

#[test]
fn next_milestone_none_when_all_done() {
    let mut r = Renewal::default();
    let today = d("2027-03-31");
    for m in milestones_for(0.0, false) {
        for t in m.default_tasks() {
            r.tick(TaskKey::Default(m, t.key), today, today).unwrap();
        }
    }
    let tl = r.timeline(Some(today), 0.0).unwrap();
    assert_eq!(tl.next_milestone(today), None);
}

#[test]
fn tick_rules() {
    let mut r = Renewal::default();
    let today = d("2026-11-22");
    assert_eq!(
        r.tick(TaskKey::Default(T90, "qbr"), d("2026-11-23"), today),
        Err(FieldError::new(
            "done_on",
            "A task cannot be done in the future (23 Nov 2026 is after today)."
        ))
    );
    assert_eq!(
        r.tick(TaskKey::Default(T90, "nope"), today, today),
        Err(FieldError::new("task", "T-90 has no task \"nope\"."))
    );
    assert_eq!(
        r.tick(TaskKey::Custom(9), today, today),
        Err(FieldError::new("task", "There is no added task 9."))
    );
    r.tick(TaskKey::Default(T90, "qbr"), today, today).unwrap();
    assert_eq!(r.done_on(TaskKey::Default(T90, "qbr")), Some(today));
    r.untick(TaskKey::Default(T90, "qbr"));
    assert_eq!(r.done_on(TaskKey::Default(T90, "qbr")), None);
}

#[test]
fn custom_tasks_and_new_cycle() {
    let mut r = Renewal::default();
    let today = d("2026-11-22");
    assert_eq!(
        r.add_custom_task(T60, "   "),
        Err(FieldError::new("text", "Write what the task is."))
    );
    assert_eq!(
        r.add_custom_task(T60, &"x".repeat(201)),
        Err(FieldError::new("text", "Keep a task under 200 characters."))
    );
    let a = r.add_custom_task(T60, "Get the DPA signed").unwrap();
    let b = r.add_custom_task(T7, "Send thank-you note").unwrap();
    assert_eq!((a, b), (1, 2));
    r.edit_custom_task(b, "Send a thank-you note").unwrap();
    r.tick(TaskKey::Custom(a), today, today).unwrap();
    r.tick(TaskKey::Default(T30, "escalate"), today, today)
        .unwrap();
    r.start_new_cycle();
    assert_eq!(r.done_on(TaskKey::Custom(a)), None);
    assert_eq!(r.done_on(TaskKey::Default(T30, "escalate")), None);
    assert_eq!(r.custom_tasks().len(), 2);
    assert_eq!(r.remove_custom_task(a).map(|c| c.id()), Some(1));
    let c = r.add_custom_task(T60, "again").unwrap();
    assert_eq!(c, 3);
}

#[test]
fn hidden_milestones_keep_their_marks() {
    let mut r = Renewal::default();
    let today = d("2026-11-22");
    r.tick(TaskKey::Default(T120, "forecast"), today, today)
        .unwrap();
    // Small account: T-120 not shown, its mark not counted.
    let tl = r.timeline(Some(d("2027-03-31")), 50_000.0).unwrap();
    assert!(tl.milestones.iter().all(|m| m.kind != T120));
    assert_eq!(tl.first_done(), None);
    // Grown above 100,000: it comes back done.
    let tl = r.timeline(Some(d("2027-03-31")), 150_000.0).unwrap();
    assert_eq!(tl.milestones[0].kind, T120);
    assert_eq!(tl.milestones[0].tasks[0].done_on, Some(today));
}

#[test]
fn moving_the_renewal_date_moves_the_timeline() {
    let mut r = Renewal::default();
    let today = d("2026-11-22");
    r.tick(TaskKey::Default(T90, "qbr"), today, today).unwrap();
    let a = r.timeline(Some(d("2027-03-31")), 0.0).unwrap();
    let b = r.timeline(Some(d("2027-06-30")), 0.0).unwrap();
    assert_eq!(a.milestones[0].due, d("2026-12-31"));
    assert_eq!(b.milestones[0].due, d("2027-04-01"));
    assert_eq!(b.milestones[0].tasks[0].done_on, Some(today));
}

#[test]
fn notice_days_parsing() {
    let cases: &[(&str, Result<Option<u32>, &str>)] = &[
        ("", Ok(None)),
        ("  ", Ok(None)),
        ("60", Ok(Some(60))),
        ("0", Ok(Some(0))),
        ("730", Ok(Some(730))),
        ("731", Err("A notice period of 731 days is more than two years (730 days at most): check the number.")),
        ("99999999999", Err("A notice period of 99999999999 days is more than two years: check the number.")),
        ("-5", Err("\"-5\" is not a number of days: type whole days, e.g. 60.")),
        ("6.5", Err("\"6.5\" is not a number of days: type whole days, e.g. 60.")),
        ("abc", Err("\"abc\" is not a number of days: type whole days, e.g. 60.")),
    ];
    for (input, want) in cases {
        assert_eq!(
            parse_notice_days(input),
            want.map_err(FieldError::bare),
            "{input:?}"
        );
    }
    let mut r = Renewal::default();
    assert!(r.set_notice_days(Some(731)).is_err());
    assert_eq!(r.notice_days(), None);
}

#[test]
fn notice_deadline_passed() {
    let mut r = Renewal::default();
    r.set_notice_days(Some(60)).unwrap();
    let tl = r.timeline(Some(d("2027-03-31")), 0.0).unwrap();
    assert_eq!(tl.notice_deadline, Some(d("2027-01-30")));
    assert!(!tl.notice_passed(d("2027-01-30")));
    assert!(tl.notice_passed(d("2027-01-31")));
}

// ---------------------------------------------------------------------------------------
// Portfolio

#[test]
fn calendar_by_month() {
    let today = d("2026-11-22");
    let accounts = [
        (AccountId(1), "Passed", Some(d("2026-11-21")), 10.0),
        (AccountId(2), "Today", Some(d("2026-11-22")), 20.0),
        (AccountId(3), "Month end", Some(d("2026-11-30")), 30.0),
        (AccountId(4), "Leap", Some(d("2027-02-28")), 40.0),
        (AccountId(5), "Last month in", Some(d("2027-10-31")), 50.0),
        (AccountId(6), "Too far", Some(d("2027-11-01")), 60.0),
        (AccountId(7), "No date", None, 70.0),
        (AccountId(8), "Also Nov", Some(d("2026-11-25")), 5.0),
        (AccountId(9), "Long ago", Some(d("2025-01-01")), 1.0),
    ];
    let cal = renewal_calendar(&accounts, today);
    assert_eq!(cal.months.len(), 12);
    assert_eq!(cal.months[0].month, d("2026-11-01"));
    assert_eq!(cal.months[11].month, d("2027-10-01"));
    assert_eq!(cal.months[0].label(), "Nov 2026");
    let names = |v: &[am_planner::domain::renewal::RenewalDue]| {
        v.iter().map(|r| r.name.clone()).collect::<Vec<_>>()
    };
    assert_eq!(names(&cal.overdue), vec!["Long ago", "Passed"]);
    assert_eq!(
        names(&cal.months[0].renewals),
        vec!["Today", "Also Nov", "Month end"]
    );
    assert_eq!(cal.months[0].total_arr, 55.0);
    assert_eq!(names(&cal.months[3].renewals), vec!["Leap"]);
    assert_eq!(names(&cal.months[11].renewals), vec!["Last month in"]);
    assert_eq!(cal.total_arr(), 55.0 + 40.0 + 50.0);
    assert!(cal.months[1].renewals.is_empty());
}

#[test]
fn calendar_from_month_end_today() {
    // Today Jan 31: the months are Jan..Dec, not skipping February.
    let cal = renewal_calendar(
        &[(AccountId(1), "Feb", Some(d("2027-02-28")), 1.0)],
        d("2027-01-31"),
    );
    let months: Vec<String> = cal.months.iter().map(|m| m.label()).collect();
    assert_eq!(months[0..3], ["Jan 2027", "Feb 2027", "Mar 2027"]);
    assert_eq!(cal.months[1].renewals.len(), 1);
}

fn timeline_with(r: &Renewal, renewal: &str) -> Timeline {
    r.timeline(Some(d(renewal)), 0.0).unwrap()
}

/// A renewal with every task of these milestones done on `on`.
fn done_through(kinds: &[MilestoneKind], on: &str) -> Renewal {
    let mut r = Renewal::default();
    for m in kinds {
        for t in m.default_tasks() {
            r.tick(TaskKey::Default(*m, t.key), d(on), d(on)).unwrap();
        }
    }
    r
}

#[test]
fn agenda_overdue_and_this_week() {
    let today = d("2027-01-05");
    // Alpha: renewal 2027-03-31; T-90 due 2026-12-31 with one task done; notice 85 days
    // falls today; T-60 (2027-01-30) is beyond the week.
    let mut a = Renewal::default();
    a.tick(TaskKey::Default(T90, "qbr"), d("2026-12-30"), today)
        .unwrap();
    a.set_notice_days(Some(85)).unwrap();
    let ta = timeline_with(&a, "2027-03-31");
    // Beta: renewal 2027-01-11 (today + 6, in the week); T-7 due 2027-01-04 is overdue.
    let tb = timeline_with(&done_through(&[T90, T60, T30], "2026-10-01"), "2027-01-11");
    // Gamma: renewal passed yesterday: one line, no task lines.
    let tc = timeline_with(&Renewal::default(), "2027-01-04");
    // Delta: renewal 2027-01-12 (today + 7, not in the week); T-7 due today is.
    let td = timeline_with(&done_through(&[T90, T60, T30], "2026-10-01"), "2027-01-12");
    let items = renewal_agenda(
        &[
            (AccountId(1), "Alpha", &ta),
            (AccountId(2), "Beta", &tb),
            (AccountId(3), "Gamma", &tc),
            (AccountId(4), "Delta", &td),
        ],
        today,
    );
    let lines: Vec<(String, String, bool, String)> = items
        .iter()
        .map(|i| {
            let what = match &i.what {
                AgendaWhat::Task { key, .. } => key.id_string(),
                AgendaWhat::NoticeDeadline { .. } => "notice".into(),
                AgendaWhat::Renewal => "renewal".into(),
            };
            (i.account_name.clone(), i.due.to_string(), i.overdue, what)
        })
        .collect();
    let l =
        |n: &str, due: &str, o: bool, w: &str| (n.to_string(), due.to_string(), o, w.to_string());
    assert_eq!(
        lines,
        vec![
            l("Alpha", "2026-12-31", true, "t90.expansion"),
            l("Alpha", "2026-12-31", true, "t90.commercials"),
            l("Beta", "2027-01-04", true, "t7.countersigned"),
            l("Beta", "2027-01-04", true, "t7.new_term_kickoff"),
            l("Gamma", "2027-01-04", true, "renewal"),
            l("Alpha", "2027-01-05", false, "notice"),
            l("Delta", "2027-01-05", false, "t7.countersigned"),
            l("Delta", "2027-01-05", false, "t7.new_term_kickoff"),
            l("Beta", "2027-01-11", false, "renewal"),
        ]
    );
}

// ---------------------------------------------------------------------------------------
// File format

fn workspace_json(renewal: &str) -> String {
    format!(
        r#"{{"format":"am-planner-workspace","version":1,"workspace":{{"currency":"USD","accounts":[{{"id":1,"name":"Acme","arr":1000,"renewal_date":"2027-03-31","renewal":{renewal}}}]}}}}"#
    )
}

fn check_refused(renewal: &str, path: &str, detail_part: &str) {
    match decode(&workspace_json(renewal), read_day()) {
        Ok(_) => panic!("accepted: {renewal}"),
        Err(e) => {
            let msg = e.to_string();
            assert!(
                msg.starts_with(&format!("{path}: ")) && msg.contains(detail_part),
                "for {renewal}\n got: {msg}\nwant: {path}: ...{detail_part}..."
            );
        }
    }
}

#[test]
fn format_refuses_bad_renewal_values() {
    let p = "workspace.accounts[0].renewal";
    let cases: &[(&str, String, &str)] = &[
        (
            r#"{"notice_days":-1}"#,
            format!("{p}.notice_days"),
            "cannot be negative, found -1",
        ),
        (
            r#"{"notice_days":731}"#,
            format!("{p}.notice_days"),
            "more than two years",
        ),
        (
            r#"{"notice_days":99999999999}"#,
            format!("{p}.notice_days"),
            "more than two years",
        ),
        (
            r#"{"notice_days":1.5}"#,
            format!("{p}.notice_days"),
            "found the number 1.5, but a whole number is expected here.",
        ),
        (
            r#"{"auto_renew":"yes"}"#,
            format!("{p}.auto_renew"),
            "found the text \"yes\", but true or false is expected here.",
        ),
        (
            r#"{"done":[{"milestone":"t45","task":"qbr","done_on":"2026-12-01"}]}"#,
            format!("{p}.done[0].milestone"),
            "\"t45\" is not a renewal milestone; use one of",
        ),
        (
            r#"{"done":[{"milestone":"t90","task":"proposal","done_on":"2026-12-01"}]}"#,
            format!("{p}.done[0].task"),
            "T-90 has no task \"proposal\"; its tasks are qbr, expansion, commercials",
        ),
        (
            r#"{"done":[{"milestone":"t90","task":"qbr","done_on":"2026-12-01"},{"milestone":"t90","task":"qbr","done_on":"2026-12-02"}]}"#,
            format!("{p}.done[1].task"),
            "marked done twice",
        ),
        (
            r#"{"done":[{"milestone":"t90","task":"qbr"}]}"#,
            format!("{p}.done[0]"),
            "the field \"done_on\" is required and missing.",
        ),
        (
            r#"{"done":[{"milestone":"t90","task":"qbr","done_on":"2026-02-30"}]}"#,
            format!("{p}.done[0].done_on"),
            "\"2026-02-30\" is not a date: February 2026 has 28 days.",
        ),
        (
            r#"{"done":[{"milestone":"t90","task":"qbr","done_on":"2026-12-01","done":true}]}"#,
            format!("{p}.done[0].done"),
            "\"done\" is not a field the planner knows here",
        ),
        (
            r#"{"custom_tasks":[{"id":1,"milestone":"t60","text":"a"},{"id":1,"milestone":"t7","text":"b"}]}"#,
            format!("{p}.custom_tasks[1].id"),
            "id 1 is used by an earlier task",
        ),
        (
            r#"{"custom_tasks":[{"id":1,"milestone":"t60","text":"  "}]}"#,
            format!("{p}.custom_tasks[0].text"),
            "Write what the task is.",
        ),
        (
            r#"{"unknown":1}"#,
            format!("{p}.unknown"),
            "\"unknown\" is not a field the planner knows here",
        ),
    ];
    for (json, path, detail) in cases {
        check_refused(json, path, detail);
    }
    let long = format!(
        r#"{{"custom_tasks":[{{"id":1,"milestone":"t60","text":"{}"}}]}}"#,
        "y".repeat(201)
    );
    check_refused(
        &long,
        &format!("{p}.custom_tasks[0].text"),
        "under 200 characters",
    );
}

#[test]
fn format_reads_renewal() {
    let json = workspace_json(
        r#"{"notice_days":60,"auto_renew":true,"early_start":true,"done":[{"milestone":"t180","task":"kickoff","done_on":"2026-10-01"}],"custom_tasks":[{"id":4,"milestone":"t60","text":"DPA","done_on":"2026-11-01"}]}"#,
    );
    let ws = decode(&json, read_day()).unwrap().workspace;
    let r = &ws.accounts()[0].renewal;
    assert_eq!(r.notice_days(), Some(60));
    assert!(r.auto_renew && r.early_start);
    assert_eq!(
        r.done_on(TaskKey::Default(T180, "kickoff")),
        Some(d("2026-10-01"))
    );
    assert_eq!(r.done_on(TaskKey::Custom(4)), Some(d("2026-11-01")));
    // Absent renewal: defaults.
    let plain = r#"{"format":"am-planner-workspace","version":1,"workspace":{"currency":"USD","accounts":[{"id":1,"name":"Acme"}]}}"#;
    assert_eq!(
        decode(plain, read_day()).unwrap().workspace.accounts()[0].renewal,
        Renewal::default()
    );
}

fn arb_date() -> impl Strategy<Value = NaiveDate> {
    (0i64..3000).prop_map(|n| d("2024-01-01") + chrono::Duration::days(n))
}

fn arb_renewal() -> impl Strategy<Value = Renewal> {
    let done = proptest::collection::vec((0usize..6, 0usize..3, arb_date()), 0..8);
    let custom = proptest::collection::vec(
        (
            0usize..6,
            "[a-zA-Z ,;é\\\\\"]{1,40}",
            proptest::option::of(arb_date()),
        ),
        0..4,
    );
    (
        proptest::option::of(0u32..=730),
        any::<bool>(),
        any::<bool>(),
        done,
        custom,
    )
        .prop_map(|(notice, auto_renew, early_start, done, custom)| {
            let mut r = Renewal::default();
            r.auto_renew = auto_renew;
            r.early_start = early_start;
            r.set_notice_days(notice).unwrap();
            let today = d("2040-01-01");
            for (m, t, on) in done {
                let m = MilestoneKind::ALL[m];
                let tasks = m.default_tasks();
                r.tick(TaskKey::Default(m, tasks[t % tasks.len()].key), on, today)
                    .unwrap();
            }
            for (m, text, on) in custom {
                if let Ok(id) = r.add_custom_task(MilestoneKind::ALL[m], &text) {
                    if let Some(on) = on {
                        r.tick(TaskKey::Custom(id), on, today).unwrap();
                    }
                }
            }
            r
        })
}

proptest! {
    #[test]
    fn renewal_round_trips_through_the_file(r in arb_renewal(), renewal in proptest::option::of(arb_date())) {
        let mut ws = Workspace::empty(Currency::default());
        let id = ws.add_account(AccountFields { name: "Acme".into(), renewal_date: renewal, ..AccountFields::default() }, read_day()).unwrap();
        ws.account_mut(id).unwrap().renewal = r.clone();
        let back = decode(&encode(&ws, None), read_day()).unwrap().workspace;
        prop_assert_eq!(&back.account(id).unwrap().renewal, &r);
        prop_assert_eq!(back, ws);
    }
}

#[test]
fn portfolio_helpers_read_the_workspace() {
    use am_planner::domain::portfolio::{
        portfolio_agenda, portfolio_calendar, portfolio_timelines,
    };
    let today = d("2027-01-05");
    let mut ws = Workspace::empty(Currency::default());
    let with = |name: &str, renewal: Option<&str>, arr: f64| AccountFields {
        name: name.into(),
        renewal_date: renewal.map(d),
        arr,
        ..AccountFields::default()
    };
    let a = ws
        .add_account(with("Alpha", Some("2027-01-08"), 120_000.0), read_day())
        .unwrap();
    ws.add_account(with("Beta", None, 5.0), read_day()).unwrap();
    let c = ws
        .add_account(with("Gamma", Some("2027-02-10"), 30.0), read_day())
        .unwrap();
    ws.account_mut(c).unwrap().renewal.early_start = true;
    let tls = portfolio_timelines(ws.accounts());
    let summary: Vec<(AccountId, &str, usize)> = tls
        .iter()
        .map(|(id, n, t)| (*id, *n, t.milestones.len()))
        .collect();
    assert_eq!(summary, [(a, "Alpha", 5), (c, "Gamma", 5)]);
    let cal = portfolio_calendar(ws.accounts(), today);
    assert_eq!(cal.months[0].total_arr, 120_000.0);
    assert_eq!(cal.months[1].total_arr, 30.0);
    let agenda = portfolio_agenda(ws.accounts(), today);
    // Alpha renews in 3 days (this week); all 14 of its tasks are overdue (T-7 was due
    // 2027-01-01). Gamma: T-180, T-90, T-60 overdue (9 tasks), T-30 due 2027-01-11 is the
    // last day of this week (3 tasks), T-7 (2027-02-03) is later.
    let count = |id: AccountId, overdue: bool| {
        agenda
            .iter()
            .filter(|i| i.account == id && i.overdue == overdue)
            .count()
    };
    assert_eq!((count(a, true), count(a, false)), (14, 1));
    assert_eq!((count(c, true), count(c, false)), (9, 3));
    assert!(agenda
        .iter()
        .any(|i| i.account == a && i.what == AgendaWhat::Renewal && !i.overdue));
    let ics = am_planner::format::ics::accounts_calendar(
        &am_planner::domain::WorkspaceId::parse("test-workspace").unwrap(),
        ws.accounts(),
        chrono::NaiveDateTime::default(),
    );
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), (5 + 1) + (5 + 1));
}

//! The QBR: business-day arithmetic, agenda times, checklist, warnings, pre-filled
//! sections and the Markdown document.

mod common;
mod plan_fixture;

use am_planner::domain::audience::Audience;
use am_planner::domain::plan::{Action, ActionId, ActionStatus, MetRule, SuccessMetric};
use am_planner::domain::qbr::{
    agenda_times, business_days_before, challenges_text, is_business_day, sponsor_ids,
    value_delivered_text, AgendaTopic, Checklist, ClockTime, PrepItem, Qbr, QbrId, QbrWarning,
    AGENDA,
};
use am_planner::format::markdown::{doc_file_name, qbr_markdown};
use chrono::NaiveDate;
use plan_fixture::{account, d, people};

#[test]
fn business_days_before_skips_weekends() {
    // (meeting, n, expected)
    let cases: &[(NaiveDate, u32, NaiveDate)] = &[
        // Monday -> the previous Monday.
        (d(2026, 11, 23), 5, d(2026, 11, 16)),
        // Friday -> the previous Friday.
        (d(2026, 11, 27), 5, d(2026, 11, 20)),
        // Wednesday -> Wednesday of the week before.
        (d(2026, 11, 25), 5, d(2026, 11, 18)),
        // Saturday and Sunday count back from Friday: the Monday of that week.
        (d(2026, 11, 28), 5, d(2026, 11, 23)),
        (d(2026, 11, 29), 5, d(2026, 11, 23)),
        // Across a month end: Tuesday 3 March 2026 -> Tuesday 24 February.
        (d(2026, 3, 3), 5, d(2026, 2, 24)),
        // Across a leap-year February (29 February 2028 is a Tuesday and counts).
        (d(2028, 3, 3), 5, d(2028, 2, 25)),
        (d(2028, 3, 6), 5, d(2028, 2, 28)),
        // Across a year end: Monday 4 January 2027 -> Monday 28 December 2026.
        (d(2027, 1, 4), 5, d(2026, 12, 28)),
        // Thursday 1 January 2026 -> Thursday 25 December 2025 (holidays are not known).
        (d(2026, 1, 1), 5, d(2025, 12, 25)),
        // Other counts.
        (d(2026, 11, 23), 1, d(2026, 11, 20)),
        (d(2026, 11, 23), 0, d(2026, 11, 23)),
        (d(2026, 11, 23), 10, d(2026, 11, 9)),
    ];
    for (meeting, n, expected) in cases {
        assert_eq!(
            business_days_before(*meeting, *n),
            *expected,
            "{n} business days before {meeting} ({})",
            meeting.format("%a")
        );
    }
    assert!(is_business_day(d(2026, 11, 27)));
    assert!(!is_business_day(d(2026, 11, 28)));
    assert!(!is_business_day(d(2026, 11, 29)));
}

#[test]
fn agenda_is_sixty_minutes_in_the_domain_order() {
    let spans: Vec<(u16, u16)> = AGENDA.iter().map(|s| (s.start, s.end)).collect();
    assert_eq!(
        spans,
        [
            (0, 5),
            (5, 15),
            (15, 30),
            (30, 40),
            (40, 50),
            (50, 58),
            (58, 60)
        ]
    );
    assert_eq!(AGENDA[0].topic, AgendaTopic::Welcome);
    assert_eq!(AGENDA[1].topic, AgendaTopic::BusinessUpdate);
    assert_eq!(AGENDA.iter().map(|s| s.minutes()).sum::<u16>(), 60);
}

#[test]
fn agenda_clock_times_follow_the_start() {
    let cases: &[((u8, u8), [&str; 7])] = &[
        (
            (14, 0),
            [
                "14:00-14:05",
                "14:05-14:15",
                "14:15-14:30",
                "14:30-14:40",
                "14:40-14:50",
                "14:50-14:58",
                "14:58-15:00",
            ],
        ),
        (
            (9, 30),
            [
                "09:30-09:35",
                "09:35-09:45",
                "09:45-10:00",
                "10:00-10:10",
                "10:10-10:20",
                "10:20-10:28",
                "10:28-10:30",
            ],
        ),
        (
            (23, 0),
            [
                "23:00-23:05",
                "23:05-23:15",
                "23:15-23:30",
                "23:30-23:40",
                "23:40-23:50",
                "23:50-23:58",
                "23:58-24:00",
            ],
        ),
    ];
    for ((h, m), expected) in cases {
        let got: Vec<String> = agenda_times(ClockTime::new(*h, *m).unwrap())
            .into_iter()
            .map(|(t, _)| t)
            .collect();
        assert_eq!(got, expected, "start {h}:{m}");
    }
}

#[test]
fn clock_times_parse_strictly() {
    let cases: &[(&str, Result<&str, &str>)] = &[
        ("14:00", Ok("14:00")),
        (" 9:05 ", Ok("09:05")),
        ("00:00", Ok("00:00")),
        ("23:59", Ok("23:59")),
        ("", Err("Pick the time it starts, e.g. 14:00.")),
        ("  ", Err("Pick the time it starts, e.g. 14:00.")),
        (
            "24:00",
            Err("\"24:00\" is not a time of day; use HH:MM, e.g. 14:00."),
        ),
        (
            "12:60",
            Err("\"12:60\" is not a time of day; use HH:MM, e.g. 14:00."),
        ),
        (
            "12:5",
            Err("\"12:5\" is not a time of day; use HH:MM, e.g. 14:00."),
        ),
        (
            "2pm",
            Err("\"2pm\" is not a time of day; use HH:MM, e.g. 14:00."),
        ),
        (
            "-1:00",
            Err("\"-1:00\" is not a time of day; use HH:MM, e.g. 14:00."),
        ),
    ];
    for (input, expected) in cases {
        let got = ClockTime::parse(input)
            .map(|t| t.to_string())
            .map_err(|e| e.message);
        assert_eq!(
            got.as_deref().map_err(String::as_str),
            *expected,
            "{input:?}"
        );
    }
    assert_eq!(ClockTime::new(24, 0), None);
    // A time of day (a mock interview's start) reads as the clock writes it, seconds dropped.
    for (h, m, s, want) in [
        (0, 0, 0, "00:00"),
        (9, 5, 59, "09:05"),
        (23, 59, 59, "23:59"),
    ] {
        let t = chrono::NaiveTime::from_hms_opt(h, m, s).unwrap();
        assert_eq!(ClockTime::of(t).to_string(), want);
    }
}

#[test]
fn checklist_has_seven_tickable_items() {
    let mut c = Checklist::default();
    assert_eq!(PrepItem::ALL.len(), 7);
    assert_eq!(c.done_count(), 0);
    c.set(PrepItem::SponsorConfirmed, true);
    c.set(PrepItem::AgendaSent, true);
    assert!(c.is_ticked(PrepItem::AgendaSent));
    assert!(!c.is_ticked(PrepItem::UsageAndRoi));
    assert_eq!(
        c.ticked(),
        vec![PrepItem::SponsorConfirmed, PrepItem::AgendaSent]
    );
    c.set(PrepItem::AgendaSent, false);
    assert_eq!(c.done_count(), 1);
    for p in PrepItem::ALL {
        c.set(p, true);
        assert_eq!(PrepItem::from_key(p.key()), Some(p));
    }
    assert!(c.is_complete());
}

fn qbr(attendees: Vec<u32>) -> Qbr {
    let mut q = Qbr::new(QbrId(1), d(2026, 12, 3), ClockTime::new(10, 0).unwrap());
    q.attendees = attendees;
    q
}

#[test]
fn warnings_about_sponsor_attendees_and_a_late_agenda() {
    // Meeting Thursday 3 December 2026: agenda due Thursday 26 November.
    assert_eq!(qbr(vec![]).agenda_due(), d(2026, 11, 26));
    let on_time = d(2026, 11, 26);
    let late = d(2026, 11, 27);
    let cases: Vec<(Qbr, Vec<u32>, NaiveDate, Vec<QbrWarning>)> = vec![
        (qbr(vec![11, 12]), vec![11], on_time, vec![]),
        (
            qbr(vec![12]),
            vec![11],
            on_time,
            vec![QbrWarning::SponsorNotAttending],
        ),
        (
            qbr(vec![12]),
            vec![],
            on_time,
            vec![QbrWarning::NoSponsorMapped],
        ),
        (
            qbr(vec![]),
            vec![11],
            on_time,
            vec![QbrWarning::NoAttendees, QbrWarning::SponsorNotAttending],
        ),
        (
            qbr(vec![11]),
            vec![11],
            late,
            vec![QbrWarning::AgendaLate {
                due: d(2026, 11, 26),
            }],
        ),
        // Once the agenda is ticked as sent, or the meeting is past, no late warning.
        (
            {
                let mut q = qbr(vec![11]);
                q.prep.set(PrepItem::AgendaSent, true);
                q
            },
            vec![11],
            late,
            vec![],
        ),
        (qbr(vec![11]), vec![11], d(2026, 12, 4), vec![]),
    ];
    for (q, sponsors, today, expected) in cases {
        assert_eq!(
            q.warnings(&sponsors, today),
            expected,
            "{:?} {sponsors:?} {today}",
            q.attendees
        );
    }
    assert_eq!(sponsor_ids(&people()), vec![11]);
    assert_eq!(
        QbrWarning::AgendaLate {
            due: d(2026, 11, 26)
        }
        .message(),
        "The agenda should have been sent by 26 Nov 2026: send it today."
    );
}

#[test]
fn value_delivered_and_challenges_are_prefilled_from_customer_facts() {
    let metrics = plan_fixture::plan_content().metrics;
    assert_eq!(
        value_delivered_text(&metrics),
        "- Weekly active seats: 86% against a target of 80% (met)\n\
         - Hours to plan a route | per hub: 3.5 hours against a target of 2 hours (not met yet)\n\
         - Dispatch team trained: met\n\
         - On-time rate: target 95% (not measured yet)"
    );
    assert_eq!(value_delivered_text(&[]), "");
    assert_eq!(
        value_delivered_text(&[SuccessMetric {
            id: Default::default(),
            name: "Tickets".into(),
            unit: "a month".into(),
            target: 12.5,
            current: Some(0.333),
            rule: MetRule::AtMost,
        }]),
        "- Tickets: 0.33 a month against a target of 12.5 a month (met)"
    );
    let action = |id: u32, text: &str, due: NaiveDate, done: bool| Action {
        id: ActionId(id),
        text: text.into(),
        due,
        owner: "Dana".into(),
        status: if done {
            ActionStatus::Done { on: due }
        } else {
            ActionStatus::Open
        },
        goal: None,
    };
    let today = d(2026, 11, 20);
    let actions = [
        action(1, "Share Q4 volumes.", d(2026, 11, 19), false),
        action(2, "Due today", today, false),
        action(3, "Done late", d(2026, 11, 1), true),
    ];
    // Metrics not met or not measured, then shared actions past due; met ones and done or
    // not yet due actions are not challenges.
    assert_eq!(
        challenges_text(&metrics, &actions, today),
        "- Hours to plan a route | per hub: 3.5 hours against a target of 2 hours (not met yet)\n\
         - On-time rate: target 95% (not measured yet)\n\
         - Share Q4 volumes: due 19 November 2026, still open"
    );
    assert_eq!(challenges_text(&metrics[..1], &actions[1..], today), "");
}

#[test]
fn qbr_validation_refuses_bad_values() {
    let mut q = qbr(vec![3, 4, 3]);
    q.start = ClockTime::new(23, 1).unwrap();
    q.mutual_actions
        .push(am_planner::domain::qbr::MutualAction {
            id: am_planner::domain::qbr::MutualId(9),
            text: " ".into(),
            owner: String::new(),
            side: Default::default(),
            due: d(2026, 12, 10),
            pushed_as: None,
        });
    let got: Vec<(String, String)> = q
        .validate()
        .unwrap_err()
        .into_iter()
        .map(|e| (e.path, e.message))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "start".to_string(),
                "Start by 23:00 so the hour ends by midnight.".to_string()
            ),
            (
                "attendees[2]".to_string(),
                "Stakeholder 3 is invited twice.".to_string()
            ),
            (
                "mutual_actions[0].text".to_string(),
                "Write the action.".to_string()
            ),
        ]
    );
    let mut a = account();
    let mut bad = a.planning.qbr(QbrId(1)).unwrap().clone();
    bad.attendees = vec![1, 1];
    assert!(a.planning.update_qbr(bad).is_err());
    assert_eq!(
        a.planning.qbr(QbrId(1)).unwrap().attendees,
        vec![11, 12, 99]
    );
}

#[test]
fn new_qbrs_get_ids_and_prefilled_sections_from_the_plan() {
    let mut a = account();
    let q = a.planning.qbr(QbrId(1)).unwrap();
    assert!(q
        .value_delivered
        .starts_with("- Weekly active seats: 86% against a target of 80% (met)"));
    assert!(!q.value_delivered.contains("Health"));
    assert!(q.challenges.starts_with("- Hours to plan a route"));
    assert!(!q.challenges.contains("CFO"), "no risk or mitigation");
    let id = a.planning.add_qbr(
        d(2027, 3, 4),
        ClockTime::new(9, 0).unwrap(),
        String::new(),
        String::new(),
    );
    assert_eq!(id, QbrId(2));
    assert_eq!(a.planning.qbrs().len(), 2);
    assert!(a.planning.remove_qbr(QbrId(1)).is_some());
    assert_eq!(a.planning.qbrs()[0].id, QbrId(2));
    assert_eq!(a.planning.qbrs()[0].time_range(), "09:00-10:00");
}

/// The fixture account with its QBR's mutual actions pushed into the plan (so one plan
/// action is shared with the customer) on 2026-11-20.
fn account_with_shared_actions() -> am_planner::domain::Account {
    let mut a = account();
    a.planning
        .push_mutual_actions(QbrId(1), None, plan_fixture::today())
        .unwrap();
    a
}

#[test]
fn qbr_markdown_matches_the_snapshots() {
    let a = account_with_shared_actions();
    let cases = [
        (Audience::Internal, include_str!("snapshots/qbr.md")),
        (
            Audience::Customer,
            include_str!("snapshots/qbr_customer.md"),
        ),
    ];
    for (audience, expected) in cases {
        let md = qbr_markdown(&a, QbrId(1), audience);
        assert_eq!(md, expected, "\n--- {audience:?}, got ---\n{md}");
    }
    assert_eq!(qbr_markdown(&a, QbrId(9), Audience::Customer), "");
}

#[test]
fn qbr_files_say_their_audience() {
    let day = d(2026, 12, 3);
    assert_eq!(
        doc_file_name("qbr", Audience::Customer, "Northwind Logistics", day),
        "qbr-northwind-logistics-2026-12-03.md"
    );
    assert_eq!(
        doc_file_name("qbr", Audience::Internal, "Northwind Logistics", day),
        "qbr-internal-northwind-logistics-2026-12-03.md"
    );
}

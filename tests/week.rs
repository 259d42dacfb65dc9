//! This week: every source at its day boundaries (last day of the week in, the day after
//! out, overdue in), snoozes, the tier cadence, and the mid-cycle question.

use am_planner::domain::account::timeline_of;
use am_planner::domain::cadence::{describe, next_touches, rhythms, TouchKind};
use am_planner::domain::health::{Nps, Percent, Signals};
use am_planner::domain::mid_cycle::{earlier_steps, mark_done_before, should_ask};
use am_planner::domain::plan::{AccountPlan, PlanContent};
use am_planner::domain::qbr::{ClockTime, PrepItem};
use am_planner::domain::renewal::RenewalStatus;
use am_planner::domain::stakeholders::{Frequency, StakeholderFields};
use am_planner::domain::week::{all_items, this_week, week_counts, ItemKind, Snoozes, WeekItem};
use am_planner::domain::{AccountFields, AccountId, Currency, FieldError, Tier, Workspace};
use chrono::{Days, Months, NaiveDate};

/// A Wednesday: the week runs to Tuesday 8 December.
const TODAY: &str = "2026-12-02";

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}
fn today() -> NaiveDate {
    d(TODAY)
}
fn plus(n: i64) -> NaiveDate {
    if n >= 0 {
        today() + Days::new(n as u64)
    } else {
        today() - Days::new((-n) as u64)
    }
}

/// One Tier 3 account (no cadence items) with only what `f` adds.
fn ws_with(f: impl FnOnce(&mut Workspace, AccountId)) -> Workspace {
    let mut ws = Workspace::empty(Currency::default());
    let id = ws
        .add_account(
            AccountFields {
                name: "Acme".into(),
                arr: 50_000.0,
                tier_override: Some(Tier::LongTail),
                ..Default::default()
            },
            today(),
        )
        .unwrap();
    f(&mut ws, id);
    ws
}

fn items(ws: &Workspace, kind: ItemKind) -> Vec<WeekItem> {
    all_items(ws, today())
        .into_iter()
        .filter(|i| i.kind == kind)
        .collect()
}

fn dues(ws: &Workspace, kind: ItemKind) -> Vec<NaiveDate> {
    items(ws, kind).iter().map(|i| i.due).collect()
}

#[test]
fn an_account_with_nothing_due_lists_nothing() {
    let ws = ws_with(|_, _| {});
    assert_eq!(all_items(&ws, today()), vec![]);
}

#[test]
fn renewal_tasks_due_by_the_last_day_of_the_week_and_overdue_ones() {
    // Renewal in 96 days: T-90 falls on day 6 (in), T-60 on day 36 (out).
    let ws = |n: i64| {
        ws_with(|w, id| {
            w.account_mut(id).unwrap().fields.renewal_date = Some(plus(n));
        })
    };
    assert_eq!(dues(&ws(96), ItemKind::RenewalTask), vec![plus(6); 3]);
    assert_eq!(dues(&ws(97), ItemKind::RenewalTask), vec![]);
    // Overdue: T-90 passed yesterday, listed first, with a link to the task's checkbox.
    let late = items(&ws(89), ItemKind::RenewalTask);
    assert_eq!(late.len(), 3);
    assert!(late[0].is_overdue(today()));
    assert_eq!(late[0].link, "/accounts/1/renewal#task-t90-qbr");
    assert!(late[0].text.starts_with("T-90: Run the renewal QBR"));
}

#[test]
fn a_passed_renewal_is_one_line_waiting_for_its_outcome() {
    let ws = |n: i64| {
        ws_with(|w, id| {
            w.account_mut(id).unwrap().fields.renewal_date = Some(plus(n));
        })
    };
    let passed = ws(-1);
    assert_eq!(dues(&passed, ItemKind::RenewalPassed), vec![plus(-1)]);
    assert_eq!(dues(&passed, ItemKind::RenewalTask), vec![]);
    assert_eq!(
        items(&passed, ItemKind::RenewalPassed)[0].link,
        "/accounts/1/renewal#outcome-h"
    );
    // On the renewal day itself it has not passed: it renews this week.
    assert_eq!(dues(&ws(0), ItemKind::RenewalPassed), vec![]);
    assert_eq!(dues(&ws(0), ItemKind::RenewalThisWeek), vec![plus(0)]);
    assert_eq!(dues(&ws(6), ItemKind::RenewalThisWeek), vec![plus(6)]);
    assert_eq!(dues(&ws(7), ItemKind::RenewalThisWeek), vec![]);
}

fn red() -> Signals {
    Signals {
        usage: Some(Percent::new(20.0).unwrap()),
        features: Some(0),
        nps: Some(Nps::new(3).unwrap()),
        tickets: None,
        roi: None,
    }
}

#[test]
fn red_health_without_a_save_plan_is_due_the_day_after_the_check_in() {
    let ws = ws_with(|w, id| {
        w.account_mut(id)
            .unwrap()
            .health
            .record(plus(-3), red(), today())
            .unwrap();
    });
    assert_eq!(dues(&ws, ItemKind::RedWithoutSavePlan), vec![plus(-2)]);
    assert_eq!(
        items(&ws, ItemKind::RedWithoutSavePlan)[0].link,
        "/accounts/1/save-plan#propose-h"
    );
    let with_plan = ws_with(|w, id| {
        let a = w.account_mut(id).unwrap();
        a.health.record(plus(-3), red(), today()).unwrap();
        a.save_plans
            .open(plus(-1), 50_000.0, "Kim", today())
            .unwrap();
    });
    assert_eq!(dues(&with_plan, ItemKind::RedWithoutSavePlan), vec![]);
}

#[test]
fn stale_health_is_due_fourteen_days_after_the_last_check_in() {
    let green = Signals {
        usage: Some(Percent::new(95.0).unwrap()),
        ..Default::default()
    };
    let ws = |n: i64| {
        let g = green;
        ws_with(move |w, id| {
            w.account_mut(id)
                .unwrap()
                .health
                .record(plus(n), g, today())
                .unwrap();
        })
    };
    assert_eq!(dues(&ws(-8), ItemKind::StaleHealth), vec![plus(6)]);
    assert_eq!(dues(&ws(-7), ItemKind::StaleHealth), vec![]);
    assert_eq!(dues(&ws(-30), ItemKind::StaleHealth), vec![plus(-16)]);
    // Never checked in: not listed.
    assert_eq!(dues(&ws_with(|_, _| {}), ItemKind::StaleHealth), vec![]);
}

#[test]
fn contacts_come_due_by_their_frequency() {
    let ws = |last: Option<i64>, freq: Option<Frequency>, left: bool| {
        ws_with(move |w, id| {
            let a = w.account_mut(id).unwrap();
            a.stakeholders
                .add(
                    StakeholderFields {
                        name: "Helena Brandt".into(),
                        frequency: freq,
                        last_contact: last.map(plus),
                        left_company: left,
                        ..Default::default()
                    },
                    today(),
                )
                .unwrap();
        })
    };
    // Monthly allows 31 days.
    assert_eq!(
        dues(
            &ws(Some(-25), Some(Frequency::Monthly), false),
            ItemKind::Contact
        ),
        vec![plus(6)]
    );
    assert_eq!(
        dues(
            &ws(Some(-24), Some(Frequency::Monthly), false),
            ItemKind::Contact
        ),
        vec![]
    );
    assert_eq!(
        dues(
            &ws(Some(-10), Some(Frequency::Weekly), false),
            ItemKind::Contact
        ),
        vec![plus(-3)]
    );
    let never = items(
        &ws(None, Some(Frequency::Quarterly), false),
        ItemKind::Contact,
    );
    assert_eq!(never[0].due, today());
    assert!(
        never[0].text.contains("no contact on record"),
        "{}",
        never[0].text
    );
    assert_eq!(never[0].link, "/accounts/1/stakeholders#risk-head");
    assert_eq!(dues(&ws(None, None, false), ItemKind::Contact), vec![]);
    assert_eq!(
        dues(&ws(None, Some(Frequency::Weekly), true), ItemKind::Contact),
        vec![]
    );
}

fn qbr_ws(date: NaiveDate, sent: bool) -> Workspace {
    ws_with(|w, id| {
        let a = w.account_mut(id).unwrap();
        let q = a.planning.add_qbr(
            date,
            ClockTime::new(10, 0).unwrap(),
            String::new(),
            String::new(),
        );
        if sent {
            let mut qbr = a.planning.qbr(q).unwrap().clone();
            qbr.prep.set(PrepItem::AgendaSent, true);
            a.planning.update_qbr(qbr).unwrap();
        }
    })
}

#[test]
fn qbr_agendas_go_out_five_business_days_before() {
    // Tuesday 15 December: agenda due Tuesday 8 December, the week's last day.
    assert_eq!(
        dues(&qbr_ws(d("2026-12-15"), false), ItemKind::QbrAgenda),
        vec![d("2026-12-08")]
    );
    assert_eq!(
        dues(&qbr_ws(d("2026-12-16"), false), ItemKind::QbrAgenda),
        vec![]
    );
    assert_eq!(
        dues(&qbr_ws(d("2026-12-15"), true), ItemKind::QbrAgenda),
        vec![]
    );
    // Late, the meeting still ahead: listed as overdue.
    assert_eq!(
        dues(&qbr_ws(today(), false), ItemKind::QbrAgenda),
        vec![d("2026-11-25")]
    );
    // The meeting has happened: nothing to send.
    assert_eq!(dues(&qbr_ws(plus(-1), false), ItemKind::QbrAgenda), vec![]);
    assert_eq!(
        items(&qbr_ws(d("2026-12-15"), false), ItemKind::QbrAgenda)[0].link,
        "/accounts/1/qbr#prep-agenda_sent"
    );
}

#[test]
fn a_plan_is_due_for_review_ninety_days_after_its_last_update() {
    let ws = |n: i64| {
        ws_with(|w, id| {
            let content = PlanContent {
                overview: "Growing".into(),
                ..Default::default()
            };
            w.account_mut(id).unwrap().planning.plan =
                AccountPlan::from_parts(content, Some(plus(n))).unwrap();
        })
    };
    assert_eq!(dues(&ws(-84), ItemKind::StalePlan), vec![plus(6)]);
    assert_eq!(dues(&ws(-83), ItemKind::StalePlan), vec![]);
    assert_eq!(dues(&ws(-200), ItemKind::StalePlan), vec![plus(-110)]);
}

// ---------------------------------------------------------------------------------------
// Cadence

#[test]
fn each_tier_has_its_cadence() {
    assert_eq!(rhythms(Tier::Strategic).len(), 1);
    assert_eq!(rhythms(Tier::Strategic)[0].kind, TouchKind::ExecutiveReview);
    assert_eq!(rhythms(Tier::Strategic)[0].months, 3);
    assert_eq!(
        rhythms(Tier::Growth)
            .iter()
            .map(|r| (r.kind, r.months))
            .collect::<Vec<_>>(),
        vec![(TouchKind::Call, 1), (TouchKind::Review, 6)]
    );
    assert!(rhythms(Tier::LongTail).is_empty());
    assert_eq!(
        describe(Tier::Strategic),
        "Executive business review every 3 months"
    );
    assert_eq!(
        describe(Tier::Growth),
        "Call every month, QBR every 6 months"
    );
    assert_eq!(
        describe(Tier::LongTail),
        "Automated touchpoints; no personal touch is due"
    );
}

fn tiered(tier: Tier, f: impl FnOnce(&mut am_planner::domain::Account)) -> Workspace {
    let mut ws = ws_with(|w, id| {
        let a = w.account_mut(id).unwrap();
        a.fields.tier_override = Some(tier);
        f(a);
    });
    ws.snoozes = Snoozes::default();
    ws
}

#[test]
fn the_next_touch_is_due_months_after_the_last_one() {
    let month_ago = |m: u32, days_after: u64| today() - Months::new(m) + Days::new(days_after);
    // Tier 2: the last contact 1 month minus 6 days ago: the call is due on day 6.
    let ws = tiered(Tier::Growth, |a| {
        a.stakeholders
            .add(
                StakeholderFields {
                    name: "Sam".into(),
                    last_contact: Some(month_ago(1, 6)),
                    ..Default::default()
                },
                today(),
            )
            .unwrap();
    });
    let a = &ws.accounts()[0];
    let touches = next_touches(a, Tier::Growth, today());
    assert_eq!(touches[0].kind, TouchKind::Call);
    assert_eq!(touches[0].due, plus(6));
    // No QBR on record and no contract start: the review is due today.
    assert_eq!(
        (touches[1].kind, touches[1].last, touches[1].due),
        (TouchKind::Review, None, today())
    );
    assert_eq!(dues(&ws, ItemKind::Touch), vec![today(), plus(6)]);

    // One day later the call falls out of the week.
    let ws = tiered(Tier::Growth, |a| {
        a.stakeholders
            .add(
                StakeholderFields {
                    name: "Sam".into(),
                    last_contact: Some(month_ago(1, 7)),
                    ..Default::default()
                },
                today(),
            )
            .unwrap();
        a.fields.contract_start = Some(month_ago(2, 0));
    });
    // The review counts from the contract start: 6 months after it.
    assert_eq!(dues(&ws, ItemKind::Touch), vec![]);

    // Tier 1: a QBR held 3 months minus 2 days ago; a QBR booked ahead means it is planned.
    let held = tiered(Tier::Strategic, |a| {
        a.planning.add_qbr(
            month_ago(3, 2),
            ClockTime::new(9, 0).unwrap(),
            String::new(),
            String::new(),
        );
    });
    let item = &items(&held, ItemKind::Touch)[0];
    assert_eq!(item.due, plus(2));
    assert_eq!(item.link, "/accounts/1/qbr#qbr-list-title");
    let booked = tiered(Tier::Strategic, |a| {
        a.planning.add_qbr(
            month_ago(3, 2),
            ClockTime::new(9, 0).unwrap(),
            String::new(),
            String::new(),
        );
        a.planning.add_qbr(
            plus(20),
            ClockTime::new(9, 0).unwrap(),
            String::new(),
            String::new(),
        );
    });
    assert_eq!(dues(&booked, ItemKind::Touch), vec![]);
    // Tier 3: automated, nothing due.
    assert_eq!(
        dues(&tiered(Tier::LongTail, |_| {}), ItemKind::Touch),
        vec![]
    );
}

// ---------------------------------------------------------------------------------------
// Order and snoozes

#[test]
fn overdue_items_come_first_then_by_date() {
    let ws = ws_with(|w, id| {
        let a = w.account_mut(id).unwrap();
        a.fields.renewal_date = Some(plus(95));
        a.health.record(plus(-5), red(), today()).unwrap();
    });
    let list = all_items(&ws, today());
    let order: Vec<(ItemKind, NaiveDate)> = list.iter().map(|i| (i.kind, i.due)).collect();
    assert_eq!(order[0], (ItemKind::RedWithoutSavePlan, plus(-4)));
    assert!(order[1..]
        .iter()
        .all(|(k, due)| *k == ItemKind::RenewalTask && *due == plus(5)));
}

#[test]
fn a_snoozed_item_is_hidden_until_its_day() {
    let mut ws = ws_with(|w, id| {
        w.account_mut(id).unwrap().fields.renewal_date = Some(plus(-1));
    });
    let key = this_week(&ws, today()).items[0].key.clone();
    assert_eq!(key, format!("renewal_passed:1:renewal:{}", plus(-1)));
    ws.snoozes.snooze(&key, plus(2), today()).unwrap();
    let list = this_week(&ws, today());
    assert_eq!((list.items.len(), list.snoozed.len()), (0, 1));
    assert_eq!(this_week(&ws, plus(1)).items.len(), 0);
    // It shows again on the day picked.
    assert_eq!(this_week(&ws, plus(2)).items.len(), 1);
    ws.snoozes.wake(&key);
    assert_eq!(this_week(&ws, today()).items.len(), 1);
}

#[test]
fn the_counts_are_those_of_the_list() {
    // The demo workspace, made on a day and looked at over the weeks after it, with some
    // items snoozed: the portfolio's counts are the week list's.
    let mut ws = am_planner::demo::demo_workspace(today());
    let keys: Vec<String> = this_week(&ws, today())
        .items
        .iter()
        .step_by(3)
        .map(|i| i.key.clone())
        .collect();
    assert!(keys.len() >= 2, "the demo has work this week");
    for key in &keys {
        ws.snoozes.snooze(key, plus(10), today()).unwrap();
    }
    for day in (-7..60).step_by(4).map(plus) {
        let list = this_week(&ws, day);
        let overdue = list.items.iter().filter(|i| i.is_overdue(day)).count();
        assert_eq!(
            week_counts(&ws, day),
            (list.items.len(), overdue),
            "on {day}"
        );
    }
    assert!(week_counts(&ws, today()).1 > 0, "some of it overdue");
}

#[test]
fn snoozes_are_refused_outside_a_day_after_today_and_a_year() {
    let mut s = Snoozes::default();
    assert_eq!(
        s.snooze("k", today(), today()),
        Err(FieldError::new("until", "Pick a day after today."))
    );
    assert_eq!(
        s.snooze("k", plus(366), today()),
        Err(FieldError::new("until", "Snooze for a year at most."))
    );
    assert_eq!(s.snooze("k", plus(365), today()), Ok(()));
    // Ended snoozes are dropped when another is set.
    s.snooze("old", plus(1), today()).unwrap();
    s.snooze("new", plus(3), plus(2)).unwrap();
    let keys: Vec<&str> = s.iter().map(|(k, _)| k).collect();
    assert_eq!(keys, vec!["k", "new"]);
}

// ---------------------------------------------------------------------------------------
// Mid-cycle

#[test]
fn an_account_created_mid_cycle_is_asked_about_earlier_steps() {
    let mut ws = Workspace::empty(Currency::default());
    let id = ws
        .add_account(
            AccountFields {
                name: "Late joiner".into(),
                arr: 150_000.0,
                renewal_date: Some(plus(45)),
                ..Default::default()
            },
            today(),
        )
        .unwrap();
    let a = ws.account_mut(id).unwrap();
    // T-120, T-90 and T-60 are before today: 9 tasks, and the motion reads critical-to-be.
    assert_eq!(timeline_of(a).unwrap().status(today()), RenewalStatus::Late);
    assert!(should_ask(a, today()));
    assert_eq!(earlier_steps(a, today()).len(), 9);
    assert_eq!(mark_done_before(a, today()), 9);
    let tl = timeline_of(a).unwrap();
    assert_eq!(tl.status(today()), RenewalStatus::OnTrack);
    assert!(tl
        .tasks()
        .filter(|t| t.done_on.is_some())
        .all(|t| t.done_on < Some(today())));
    // Asked once: with work ticked, no more.
    assert!(!should_ask(a, today()));
}

#[test]
fn the_question_is_not_asked_when_nothing_is_due_yet_or_the_renewal_passed() {
    let ask = |renewal: i64, ticked: bool| {
        let mut ws = Workspace::empty(Currency::default());
        let id = ws
            .add_account(
                AccountFields {
                    name: "A".into(),
                    arr: 10_000.0,
                    renewal_date: Some(plus(renewal)),
                    ..Default::default()
                },
                today(),
            )
            .unwrap();
        let a = ws.account_mut(id).unwrap();
        if ticked {
            let key = timeline_of(a).unwrap().tasks().last().unwrap().key;
            a.renewal.tick(key, today(), today()).unwrap();
        }
        should_ask(a, today())
    };
    assert!(ask(89, false));
    assert!(!ask(90, false)); // T-90 falls today: not before today.
    assert!(!ask(-1, false));
    assert!(ask(0, false));
    assert!(!ask(45, true));
}

#[test]
fn promises_due_by_the_last_day_of_the_week_and_overdue_ones_renegotiated_on_their_new_date() {
    use am_planner::domain::commitments::{Commitment, Status};
    let ws = |due: i64, status: Status| {
        ws_with(|w, id| {
            let a = w.account_mut(id).unwrap();
            let mut c = Commitment::new("Share the rollout plan", plus(due));
            c.status = status;
            let people = a.stakeholders.clone();
            a.commitments.add(&people, c, today()).unwrap();
        })
    };
    assert_eq!(
        dues(&ws(6, Status::Open), ItemKind::Commitment),
        vec![plus(6)]
    );
    assert_eq!(dues(&ws(7, Status::Open), ItemKind::Commitment), vec![]);
    assert_eq!(
        dues(&ws(-3, Status::Open), ItemKind::Commitment),
        vec![plus(-3)]
    );
    // Kept or broken: nothing left to do on this list.
    assert_eq!(
        dues(&ws(-3, Status::Kept(plus(-4))), ItemKind::Commitment),
        vec![]
    );
    assert_eq!(
        dues(&ws(-3, Status::Broken(plus(-1))), ItemKind::Commitment),
        vec![]
    );
    // Renegotiated: due on the new date.
    assert_eq!(
        dues(&ws(-3, Status::Renegotiated(plus(6))), ItemKind::Commitment),
        vec![plus(6)]
    );
    assert_eq!(
        dues(&ws(-3, Status::Renegotiated(plus(7))), ItemKind::Commitment),
        vec![]
    );
    let it = &items(&ws(0, Status::Open), ItemKind::Commitment)[0];
    assert!(it.link.ends_with("/commitments"), "{}", it.link);
}

#[test]
fn escalations_late_for_their_update_or_resolved_and_not_confirmed_for_seven_days() {
    use am_planner::domain::escalations::{Escalation, Severity, Step};
    let ws = |next_update: Option<i64>, resolved: Option<i64>| {
        ws_with(|w, id| {
            let a = w.account_mut(id).unwrap();
            let mut e = Escalation::new("Exports time out", Severity::High, plus(-30));
            e.next_update = next_update.map(plus);
            e.done[Step::Resolve as usize] = resolved.map(plus);
            a.escalations.add(e, today()).unwrap();
        })
    };
    // The update was due yesterday: late, listed with yesterday as its day. Due today: not yet.
    assert_eq!(
        dues(&ws(Some(-1), None), ItemKind::Escalation),
        vec![plus(-1)]
    );
    assert_eq!(dues(&ws(Some(0), None), ItemKind::Escalation), vec![]);
    // Resolved 7 days ago and not confirmed: flagged, due the day the 7 days ran out.
    assert_eq!(
        dues(&ws(None, Some(-7)), ItemKind::Escalation),
        vec![plus(0)]
    );
    assert_eq!(dues(&ws(None, Some(-6)), ItemKind::Escalation), vec![]);
    let it = &items(&ws(Some(-2), None), ItemKind::Escalation)[0];
    assert!(it.link.ends_with("/escalations"), "{}", it.link);
}

#[test]
fn each_item_names_who_does_it_and_the_list_narrows_to_one_owner() {
    use am_planner::domain::commitments::Commitment;
    use am_planner::domain::escalations::{Escalation, Severity};
    // Renewal in 96 days: three T-90 tasks due on day 6; a promise and an escalation too.
    let ws = |task_owner: &str, promise_owner: &str, escalation_owner: &str| {
        ws_with(|w, id| {
            let a = w.account_mut(id).unwrap();
            a.fields.owner = "Dana Lee".into();
            a.fields.renewal_date = Some(plus(96));
            let first = timeline_of(a).unwrap().tasks().next().unwrap().key;
            a.renewal.set_owner(first, task_owner).unwrap();
            let mut c = Commitment::new("Share the rollout plan", plus(2));
            c.owner = promise_owner.into();
            let people = a.stakeholders.clone();
            a.commitments.add(&people, c, today()).unwrap();
            let mut e = Escalation::new("Exports time out", Severity::High, plus(-30));
            e.owner = escalation_owner.into();
            e.next_update = Some(plus(-1));
            a.escalations.add(e, today()).unwrap();
        })
    };
    let owners = |w: &Workspace, kind: ItemKind| -> Vec<String> {
        items(w, kind).into_iter().map(|i| i.owner).collect()
    };
    // (task, promise, escalation owners) -> who each item names.
    type Case<'a> = (&'a str, &'a str, &'a str, [&'a str; 3], &'a str, &'a str);
    let cases: &[Case] = &[
        // Nobody named on the work: the account's owner does it.
        (
            "",
            "",
            "",
            ["Dana Lee", "Dana Lee", "Dana Lee"],
            "Dana Lee",
            "Dana Lee",
        ),
        // Each one's own owner wins, trimmed.
        (
            "  Sam Ortiz ",
            "Priya Raman",
            "Ops desk",
            ["Sam Ortiz", "Dana Lee", "Dana Lee"],
            "Priya Raman",
            "Ops desk",
        ),
    ];
    for (task, promise, esc, tasks, p, e) in cases {
        let w = ws(task, promise, esc);
        assert_eq!(
            owners(&w, ItemKind::RenewalTask),
            tasks.to_vec(),
            "{task:?}"
        );
        assert_eq!(owners(&w, ItemKind::Commitment), vec![p.to_string()]);
        assert_eq!(owners(&w, ItemKind::Escalation), vec![e.to_string()]);
    }
    // The list narrowed to one owner, compared ignoring case and repeated spaces.
    let w = ws("Sam Ortiz", "Priya Raman", "");
    let list = this_week(&w, today());
    let kinds = |owner: Option<&str>| -> Vec<ItemKind> {
        list.of_owner(owner).items.iter().map(|i| i.kind).collect()
    };
    assert_eq!(kinds(None).len(), list.items.len());
    assert_eq!(kinds(Some("  sam   ORTIZ")), vec![ItemKind::RenewalTask]);
    assert_eq!(kinds(Some("Priya Raman")), vec![ItemKind::Commitment]);
    // The escalation (no owner of its own, overdue first) and the two tasks nobody owns.
    assert_eq!(
        kinds(Some("dana lee")),
        vec![
            ItemKind::Escalation,
            ItemKind::RenewalTask,
            ItemKind::RenewalTask
        ]
    );
    assert_eq!(kinds(Some("Nobody")), vec![]);
    assert_eq!(kinds(Some("   ")).len(), list.items.len());
}

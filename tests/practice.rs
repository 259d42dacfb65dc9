//! Practice: the FSRS scheduler glue against the crate's own reference values, sessions
//! and the daily cap, mock interviews, drills (for 1,000 seeds the expected answer is what
//! the planner's own functions compute, and every situation passes the domain's
//! validation), and the review state's file form.

mod common;
use common::read_day;
use std::collections::BTreeMap;

use am_planner::domain::expansion::ReadinessItem;
use am_planner::domain::health::{score_of, Weights};
use am_planner::domain::practice::content::{Card, Deck};
use am_planner::domain::practice::drills::{self, DrillKind, Situation};
use am_planner::domain::practice::mock::{clock, pick_questions, MockAttempt};
use am_planner::domain::practice::scheduler::{
    interval_label, preview, review, CardState, Grade, Memory, DEFAULT_WEIGHTS, DESIRED_RETENTION,
};
use am_planner::domain::practice::session::{deck_counts, Session};
use am_planner::domain::practice::{parse_new_per_day, Practice, Question, QuestionKind};
use am_planner::domain::qbr::business_days_before;
use am_planner::domain::renewal::RenewalStatus;
use am_planner::domain::stakeholders::Quadrant;
use am_planner::domain::Currency;
use am_planner::format::practice::PracticeV1;
use chrono::{NaiveDate, NaiveDateTime, TimeZone, Utc};

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

fn today() -> NaiveDate {
    common::ymd(2026, 11, 30)
}

// ------------------------------------------------------------------ scheduler

/// The crate's published reference run: default parameters, a new card graded Good six
/// times, Again twice, Good five times, each review at the due time.
#[test]
fn intervals_match_the_crate_reference_run() {
    use Grade::*;
    let grades = [
        Good, Good, Good, Good, Good, Good, Again, Again, Good, Good, Good, Good, Good,
    ];
    let mut now = at("2022-11-29 12:30");
    let mut m: Option<Memory> = None;
    let mut intervals = Vec::new();
    for g in grades {
        let next = review(m.as_ref(), now, g);
        intervals.push(next.scheduled_days);
        now = next.due;
        m = Some(next);
    }
    assert_eq!(intervals, [0, 4, 15, 48, 136, 351, 0, 0, 7, 13, 24, 43, 77]);
}

/// Each rating repeated five times from a new card, reviewed at its due time: the
/// intervals in days, and the same run through the crate directly.
#[test]
fn four_ratings_over_several_reviews() {
    let table: [(Grade, [i64; 5]); 4] = [
        (Grade::Again, [0, 0, 0, 0, 0]),
        (Grade::Hard, [0, 0, 0, 0, 0]),
        (Grade::Good, [0, 4, 15, 48, 136]),
        (Grade::Easy, [15, 144, 1137, 7494, 36500]),
    ];
    let fsrs = rs_fsrs::FSRS::default();
    for (g, expected) in table {
        let mut now = at("2026-01-05 09:00");
        let mut m: Option<Memory> = None;
        let mut card = rs_fsrs::Card::default();
        let mut got = Vec::new();
        let rating = match g {
            Grade::Again => rs_fsrs::Rating::Again,
            Grade::Hard => rs_fsrs::Rating::Hard,
            Grade::Good => rs_fsrs::Rating::Good,
            Grade::Easy => rs_fsrs::Rating::Easy,
        };
        for _ in 0..5 {
            let next = review(m.as_ref(), now, g);
            let reference = fsrs.next(card, Utc.from_utc_datetime(&now), rating).card;
            assert_eq!(next.scheduled_days, reference.scheduled_days, "{g:?}");
            assert_eq!(next.due, reference.due.naive_utc(), "{g:?}");
            assert!((next.stability - reference.stability).abs() < 1e-9);
            assert!((next.difficulty - reference.difficulty).abs() < 1e-9);
            got.push(next.scheduled_days);
            now = next.due;
            card = reference;
            m = Some(next);
        }
        assert_eq!(got, expected, "{g:?}");
    }
}

#[test]
fn parameters_are_the_published_defaults_at_90_percent() {
    let p = rs_fsrs::Parameters::default();
    assert_eq!(p.w, DEFAULT_WEIGHTS);
    assert_eq!(DESIRED_RETENTION, 0.9);
    assert_eq!(p.request_retention, DESIRED_RETENTION);
}

#[test]
fn first_review_steps_and_button_labels() {
    let now = at("2026-11-30 10:00");
    let p = preview(None, now);
    let labels: Vec<String> = p.iter().map(|(_, m)| interval_label(now, m.due)).collect();
    assert_eq!(labels, ["1 min", "5 min", "10 min", "15 days"]);
    assert_eq!(p[3].1.state, CardState::Review);
    assert_eq!(p[0].1.state, CardState::Learning);
    let cases = [
        (0, "1 min"),
        (59, "59 min"),
        (60, "1 h"),
        (60 * 24, "1 day"),
        (60 * 24 * 12, "12 days"),
        (60 * 24 * 90, "3 mo"),
        (60 * 24 * 548, "1.5 yr"),
        (60 * 24 * 731, "2 yr"),
    ];
    for (minutes, want) in cases {
        let due = now + chrono::Duration::minutes(minutes);
        assert_eq!(interval_label(now, due), want, "{minutes} minutes");
    }
}

// ------------------------------------------------------------------ sessions

fn deck(id: &str, n: usize) -> Deck {
    Deck {
        id: id.into(),
        title: id.into(),
        description: "d".into(),
        cards: (0..n)
            .map(|i| Card {
                id: format!("c{i}"),
                front: format!("front {i}"),
                back: format!("back {i}"),
            })
            .collect(),
    }
}

#[test]
fn new_cards_are_capped_per_day_and_failed_cards_come_back() {
    let d = deck("vocabulary", 25);
    let mut p = Practice::default();
    let now = at("2026-11-30 09:00");
    let c = deck_counts(&p, &d, now);
    assert_eq!((c.due, c.new_today, c.unseen, c.total), (0, 10, 25, 25));
    let mut s = Session::start(&p, &[&d], now);
    assert_eq!(s.remaining(), 10);
    // Fail the first card: it goes to the back of the queue.
    let first = s.current().unwrap().to_string();
    s.grade(&mut p, now, Grade::Again).unwrap();
    assert_eq!(s.remaining(), 10);
    // Easy on the other nine: they leave the session.
    for _ in 0..9 {
        assert_ne!(s.current(), Some(first.as_str()));
        s.grade(&mut p, now, Grade::Easy).unwrap();
    }
    assert_eq!(s.current(), Some(first.as_str()));
    s.grade(&mut p, now, Grade::Hard).unwrap(); // still a short step
    assert_eq!(s.current(), Some(first.as_str()));
    s.grade(&mut p, now, Grade::Good).unwrap();
    assert_eq!(s.current(), None);
    assert_eq!((s.reviewed, s.again), (12, 1));
    // The cap is used up for today; tomorrow ten more.
    let c = deck_counts(&p, &d, now);
    assert_eq!((c.due, c.new_today, c.unseen), (0, 0, 15));
    let tomorrow = at("2026-12-01 09:00");
    let c = deck_counts(&p, &d, tomorrow);
    assert_eq!(
        (c.due, c.new_today),
        (1, 10),
        "the card graded Good once is due"
    );
    // Fifteen days later the nine Easy cards are due too.
    let later = at("2026-12-15 10:00");
    assert_eq!(deck_counts(&p, &d, later).due, 10);
}

/// With nothing to study, the page says when the next card comes back (a time today,
/// tomorrow, or a day), and that new cards wait for tomorrow's allowance when some do;
/// never "come back tomorrow" for a card due in ten minutes.
#[test]
fn nothing_to_study_says_when_the_next_card_comes_back() {
    use am_planner::domain::practice::session::when_next_text;
    let d = deck("vocabulary", 2);
    let keys: Vec<String> = d.keys().collect();
    let mut p = Practice::default();
    let start = at("2026-11-30 09:00");
    assert_eq!(
        when_next_text(&p, &keys, start),
        "Today's new cards are done; more come tomorrow."
    );
    // One card seen, graded Good: back in ten minutes; the other not seen yet.
    p.record(&keys[0], start, Grade::Good);
    let cases = [
        ("2026-11-30 09:01", "Today's new cards are done; more come tomorrow. The next card comes back at 09:10 (in 9 min)."),
    ];
    for (now, want) in cases {
        assert_eq!(when_next_text(&p, &keys, at(now)), want, "{now}");
    }
    // Both seen: Easy sends the second card days away; Good on the first, in its step,
    // sends it to the next day or later.
    p.record(&keys[1], start, Grade::Easy);
    p.record(&keys[0], at("2026-11-30 09:10"), Grade::Good);
    let first = p.memory(&keys[0]).unwrap().due;
    let second = p.memory(&keys[1]).unwrap().due;
    let next = first.min(second);
    assert!(next.date() > start.date(), "{next}");
    let text = when_next_text(&p, &keys, at("2026-11-30 09:11"));
    let want = if next.date() == at("2026-12-01 00:00").date() {
        format!(
            "The next card comes back tomorrow at {}.",
            next.format("%H:%M")
        )
    } else {
        format!(
            "The next card comes back on {}.",
            am_planner::domain::dates::long(next.date())
        )
    };
    assert_eq!(text, want);
    // The day before it comes back, it is tomorrow; on the day, a time.
    let eve = next - chrono::Duration::days(1);
    assert_eq!(
        when_next_text(&p, &keys, eve),
        format!(
            "The next card comes back tomorrow at {}.",
            next.format("%H:%M")
        )
    );
    let morning = next - chrono::Duration::hours(2);
    if morning.date() == next.date() {
        assert_eq!(
            when_next_text(&p, &keys, morning),
            format!(
                "The next card comes back at {} (in 2 h).",
                next.format("%H:%M")
            )
        );
    }
}

#[test]
fn the_daily_cap_is_editable_and_checked() {
    assert_eq!(parse_new_per_day("15"), Ok(15));
    assert_eq!(parse_new_per_day(" 0 "), Ok(0));
    assert!(parse_new_per_day("201")
        .unwrap_err()
        .message
        .contains("at most 200"));
    assert!(parse_new_per_day("ten")
        .unwrap_err()
        .message
        .contains("whole number"));
    assert!(parse_new_per_day("").is_err());
    let d = deck("kpis", 5);
    let mut p = Practice::default();
    p.set_new_per_day(3).unwrap();
    assert!(p.set_new_per_day(500).is_err());
    assert_eq!(p.new_per_day(), 3);
    assert_eq!(deck_counts(&p, &d, at("2026-11-30 09:00")).new_today, 3);
}

// ------------------------------------------------------------------ mock interviews

fn bank() -> Vec<Question> {
    QuestionKind::ALL
        .iter()
        .flat_map(|k| {
            (0..4).map(move |i| Question {
                id: format!("{}-{i}", k.key()),
                kind: *k,
                text: format!("{} {i}", k.key()),
                points: vec!["a".into(), "b".into(), "c".into()],
                red_flags: vec!["x".into()],
                structure: vec!["s".into()],
            })
        })
        .collect()
}

#[test]
fn mock_picks_the_kinds_asked_for_same_seed_same_order() {
    let b = bank();
    let picked = pick_questions(&b, &[QuestionKind::Scenario], 3, 42);
    assert_eq!(picked.len(), 3);
    assert!(picked.iter().all(|i| b[*i].kind == QuestionKind::Scenario));
    assert_eq!(picked, pick_questions(&b, &[QuestionKind::Scenario], 3, 42));
    assert_eq!(pick_questions(&b, &[], 50, 1).len(), 16);
    let mut all = pick_questions(&b, &[], 16, 7);
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 16, "no question twice");
}

#[test]
fn mock_attempts_score_and_are_checked() {
    let a = MockAttempt {
        at: at("2026-11-30 10:00"),
        questions: 3,
        skipped: 1,
        seconds: 300,
        points_hit: 7,
        points_total: 15,
    };
    assert_eq!(a.score(), 47);
    let mut p = Practice::default();
    p.add_mock(a.clone()).unwrap();
    let bad = MockAttempt {
        points_hit: 16,
        ..a.clone()
    };
    assert!(p.add_mock(bad).is_err());
    assert_eq!(p.mocks().len(), 1);
    assert_eq!(clock(45), "45 s");
    assert_eq!(clock(125), "2 min 05 s");
}

// ------------------------------------------------------------------ drills

#[test]
fn drills_answer_what_the_planner_computes_for_1000_seeds() {
    let usd = Currency::default();
    let t = today();
    let mut seen_answers: BTreeMap<(DrillKind, usize, usize), usize> = BTreeMap::new();
    for kind in DrillKind::ALL {
        for seed in 0..1000u64 {
            let d = drills::generate(kind, seed, t, &usd);
            drills::validate(&d).unwrap_or_else(|e| panic!("{kind:?} seed {seed}: {e}"));
            assert_eq!(d, drills::generate(kind, seed, t, &usd), "replays the same");
            for (i, p) in d.parts.iter().enumerate() {
                assert!(p.answer < p.choices.len());
                let mut c = p.choices.clone();
                c.sort();
                c.dedup();
                assert_eq!(c.len(), p.choices.len(), "{kind:?} {seed}: choices repeat");
                *seen_answers.entry((kind, i, p.answer)).or_default() += 1;
            }
            let acc = &d.account;
            let answers: Vec<usize> = d.parts.iter().map(|p| p.answer).collect();
            match &d.situation {
                Situation::Health { signals } => {
                    let s = score_of(signals, &Weights::default()).unwrap();
                    assert_eq!(
                        d.parts[0].choices[answers[0]].split(" (").next(),
                        Some(s.band.label())
                    );
                    let want = s
                        .breakdown
                        .dragging
                        .map_or("Nothing: the score is 100", |c| c.label());
                    assert_eq!(d.parts[1].choices[answers[1]], want);
                }
                Situation::Stakeholder { person } => {
                    let q = Quadrant::of(person.influence, person.sentiment);
                    assert_eq!(d.parts[0].choices[answers[0]], q.label());
                    assert_eq!(d.parts[1].choices[answers[1]], q.what_to_do());
                }
                Situation::Renewal { renewal } => {
                    let tl = renewal.timeline(acc.renewal_date, acc.arr).unwrap();
                    let want = tl
                        .next_milestone(t)
                        .map_or("None: every milestone is done".to_string(), |n| {
                            format!("{} {}", n.kind.label(), n.kind.title())
                        });
                    assert_eq!(d.parts[0].choices[answers[0]], want);
                    assert_eq!(d.parts[1].choices[answers[1]], tl.status(t).label());
                }
                Situation::Expansion { expansion } => {
                    let r = expansion.readiness(acc.renewal_date, t);
                    assert_eq!(
                        d.parts[0].choices[answers[0]],
                        if r.is_ready() { "Yes" } else { "No" }
                    );
                    let gaps: Vec<ReadinessItem> = r
                        .items
                        .iter()
                        .filter(|(_, ok)| !ok)
                        .map(|(i, _)| *i)
                        .collect();
                    assert!(gaps.len() <= 1, "one gap at most, so one right answer");
                    let want = gaps
                        .first()
                        .map_or("Nothing: all five are met", |g| g.label());
                    assert_eq!(d.parts[1].choices[answers[1]], want);
                }
                Situation::Qbr { qbr } => {
                    let due = business_days_before(qbr.date, 5);
                    assert_eq!(qbr.agenda_due(), due);
                    assert_eq!(
                        d.parts[0].choices[answers[0]],
                        due.format("%A %-d %b %Y").to_string()
                    );
                    let sent = qbr
                        .prep
                        .is_ticked(am_planner::domain::qbr::PrepItem::AgendaSent);
                    let late = !sent && t > due && t <= qbr.date;
                    assert_eq!(answers[1], if late { 0 } else { 1 });
                }
            }
            // Checking: the right choices pass, any other fails.
            let right: Vec<Option<usize>> = answers.iter().map(|a| Some(*a)).collect();
            assert!(d.is_right(&right));
            let mut wrong = right.clone();
            wrong[0] = Some((answers[0] + 1) % d.parts[0].choices.len());
            assert!(!d.is_right(&wrong));
            assert!(!d.is_right(&[None, None]));
        }
    }
    // Drills are not one-note: every kind asks for more than one answer over the seeds.
    for kind in DrillKind::ALL {
        for part in 0..2 {
            let distinct = seen_answers
                .keys()
                .filter(|(k, p, _)| *k == kind && *p == part)
                .count();
            assert!(
                distinct >= 2,
                "{kind:?} part {part} always has the same answer"
            );
        }
    }
    // Renewal drills cover every status.
    let statuses: std::collections::BTreeSet<usize> = (0..1000)
        .map(|s| drills::generate(DrillKind::Renewal, s, t, &usd).parts[1].answer)
        .collect();
    assert_eq!(statuses.len(), RenewalStatus::ALL.len());
}

#[test]
fn drill_scores_count_per_kind() {
    let mut p = Practice::default();
    p.score_drill(DrillKind::Health, true);
    p.score_drill(DrillKind::Health, false);
    p.score_drill(DrillKind::Qbr, true);
    assert_eq!(p.drill_score(DrillKind::Health).text(), "1 of 2 right");
    assert_eq!(p.drill_score(DrillKind::Qbr).text(), "1 of 1 right");
    assert_eq!(p.drill_score(DrillKind::Renewal).text(), "not tried yet");
}

// ------------------------------------------------------------------ file form

fn practised() -> Practice {
    let d = deck("vocabulary", 4);
    let mut p = Practice::default();
    let mut now = at("2026-11-28 09:00");
    let mut s = Session::start(&p, &[&d], now);
    let mut g = 0;
    while s.current().is_some() {
        s.grade(&mut p, now, Grade::ALL[g % 4]);
        g += 1;
        now += chrono::Duration::minutes(3);
    }
    p.score_drill(DrillKind::Renewal, true);
    p.add_mock(MockAttempt {
        at: now,
        questions: 3,
        skipped: 0,
        seconds: 420,
        points_hit: 9,
        points_total: 14,
    })
    .unwrap();
    p
}

#[test]
fn review_state_round_trips_through_its_file_form() {
    let p = practised();
    assert!(!p.reviews().is_empty());
    let json = serde_json::to_string(&PracticeV1::from(&p)).unwrap();
    let back: PracticeV1 = serde_json::from_str(&json).unwrap();
    assert_eq!(back.into_domain().unwrap(), p);
    // Absent parts are the defaults.
    let empty: PracticeV1 = serde_json::from_str("{}").unwrap();
    assert_eq!(empty.into_domain().unwrap(), Practice::default());
}

#[test]
fn bad_review_state_is_refused_with_its_place() {
    let good = serde_json::to_value(PracticeV1::from(&practised())).unwrap();
    let cases: [(&str, serde_json::Value, &str); 6] = [
        ("/new_per_day", 201.into(), "new_per_day"),
        ("/cards/0/difficulty", 11.5.into(), "cards[0]"),
        ("/cards/0/stability", 0.into(), "cards[0]"),
        ("/cards/1/card", "vocabulary/c0".into(), "cards[1].card"),
        ("/mocks/0/points_hit", 99.into(), "mocks[0]"),
        ("/drills/0/right", 5.into(), "drills[0].right"),
    ];
    for (pointer, value, path) in cases {
        let mut v = good.clone();
        *v.pointer_mut(pointer)
            .unwrap_or_else(|| panic!("{pointer}")) = value;
        let f: PracticeV1 = serde_json::from_value(v).unwrap();
        let (p, _) = f.into_domain().unwrap_err();
        assert_eq!(p, path);
    }
}

// ------------------------------------------------------------------ the workspace file

const V1_EXAMPLE: &str = include_str!("fixtures/workspace-v1-example.json");
const V2_EXAMPLE: &str = include_str!("fixtures/workspace-v2-example.json");

#[test]
fn version_1_files_migrate_with_nothing_practised() {
    let d = am_planner::format::decode(V1_EXAMPLE, read_day()).unwrap();
    assert_eq!(d.version, 1);
    assert_eq!(d.workspace.practice, Practice::default());
    // Written back as version 3 without a practice field while nothing is practised.
    let out: serde_json::Value =
        serde_json::from_str(&am_planner::format::encode(&d.workspace, None)).unwrap();
    assert_eq!(out["version"], 3);
    assert!(out.get("practice").is_none());
}

#[test]
fn the_version_2_example_carries_review_state_and_export_keeps_it() {
    let d = am_planner::format::decode(V2_EXAMPLE, read_day()).unwrap();
    let p = &d.workspace.practice;
    assert_eq!(p.new_per_day(), 12);
    assert_eq!(p.memories().len(), 2);
    assert_eq!(
        p.memory("vocabulary/churn").unwrap().state,
        CardState::Review
    );
    assert_eq!(p.reviews().len(), 3);
    assert_eq!(p.mocks()[0].score(), 47);
    assert_eq!(p.drill_score(DrillKind::Renewal).text(), "3 of 4 right");
    // Practise more, export, import: everything comes back.
    let mut ws = d.workspace.clone();
    let now = at("2026-11-30 08:00");
    ws.practice.record("vocabulary/churn", now, Grade::Good);
    ws.practice.score_drill(DrillKind::Health, false);
    let back =
        am_planner::format::decode(&am_planner::format::encode(&ws, None), read_day()).unwrap();
    assert_eq!(back.workspace, ws);
    assert!(
        back.workspace
            .practice
            .memory("vocabulary/churn")
            .unwrap()
            .due
            > now
    );
}

#[test]
fn a_file_with_bad_review_state_is_refused_at_the_value() {
    let base: serde_json::Value = serde_json::from_str(V2_EXAMPLE).unwrap();
    let cases: [(&str, serde_json::Value, &str); 6] = [
        (
            "/practice/cards/0/due",
            "+262142-12-31T00:00:00".into(),
            "practice.cards[0].due",
        ),
        (
            "/practice/reviews/0/at",
            "2201-01-01T08:00:00".into(),
            "practice.reviews[0].at",
        ),
        (
            "/practice/cards/0/difficulty",
            0.5.into(),
            "practice.cards[0]",
        ),
        (
            "/practice/cards/1/card",
            "churn".into(),
            "practice.cards[1].card",
        ),
        (
            "/practice/drills/0/right",
            9.into(),
            "practice.drills[0].right",
        ),
        ("/practice/new_per_day", 1000.into(), "practice.new_per_day"),
    ];
    for (pointer, value, path) in cases {
        let mut v = base.clone();
        *v.pointer_mut(pointer).unwrap() = value;
        match am_planner::format::decode(&v.to_string(), read_day()) {
            Err(am_planner::format::ImportError::BadField { path: p, .. }) => {
                assert_eq!(p, path, "{pointer}")
            }
            other => panic!("{pointer}: {other:?}"),
        }
    }
    // A version 1 file cannot carry practice (it did not exist then).
    let mut v1: serde_json::Value = serde_json::from_str(V1_EXAMPLE).unwrap();
    v1["practice"] = serde_json::json!({});
    assert!(am_planner::format::decode(&v1.to_string(), read_day()).is_err());
}

// ------------------------------------------------------------------ charts

#[test]
fn progress_charts_describe_the_figures_and_carry_no_inline_style() {
    use am_planner::charts::practice::{
        cards_by_state_svg, mock_scores_svg, retention_svg, reviews_per_day_svg,
    };
    use am_planner::domain::practice::stats;
    let p = practised();
    let t = common::ymd(2026, 11, 28);
    let days = stats::daily(&p, t, 30);
    assert_eq!(days.len(), 30);
    assert_eq!(days.last().unwrap().reviews, p.reviews().len());
    let d = deck("vocabulary", 4);
    let states = stats::by_state(&p, &[d]);
    let svgs = [
        reviews_per_day_svg(&days, 520, 180),
        retention_svg(&days, 520, 180),
        cards_by_state_svg(&states, 520, 150),
        mock_scores_svg(&[40, 65], 520, 180),
        mock_scores_svg(&[], 520, 180),
    ];
    for svg in &svgs {
        assert!(svg.starts_with("<svg"), "{svg}");
        assert!(!svg.contains("style="), "inline style in {svg}");
    }
    assert!(svgs[0].contains(&format!("{} in all", p.reviews().len())));
    assert!(
        svgs[1].contains("no learned card reviewed yet"),
        "all cards are new or learning"
    );
    assert!(svgs[3].contains("2 attempts, last 65%"));
    assert!(svgs[4].contains("No mock interview yet"));
    // Retention counts only learned cards: Again on a review card is a miss.
    let mut q = Practice::default();
    let mut now = at("2026-11-01 09:00");
    let m = q.record("kpis/nrr", now, Grade::Easy);
    now = m.due;
    q.record("kpis/nrr", now, Grade::Again);
    let day = stats::daily(&q, now.date(), 1)[0];
    assert_eq!((day.reviews, day.mature, day.recalled), (1, 1, 0));
    assert_eq!(day.retention(), Some(0.0));
}

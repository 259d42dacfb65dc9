//! Health scoring (docs/domain.md#health): ratings at every boundary, overall bands,
//! unknown signals, weights, history, trend and flags, and the file format.

#![allow(clippy::type_complexity)]
mod common;
use common::read_day;

use am_planner::domain::health::*;
use am_planner::domain::{dates, AccountFields, FieldError, Workspace};
use am_planner::format::{decode, encode};
use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use serde_json::{json, Value};

use TicketTrend::*;

use common::date;

const TODAY: &str = "2026-06-01";

fn today() -> NaiveDate {
    date(TODAY)
}

fn ago(days: u64) -> NaiveDate {
    today().checked_sub_days(Days::new(days)).unwrap()
}

fn sig(
    usage: Option<f64>,
    features: Option<u32>,
    nps: Option<u8>,
    tickets: Option<TicketTrend>,
    roi: Option<f64>,
) -> Signals {
    Signals {
        usage: usage.map(|v| Percent::new(v).unwrap()),
        features,
        nps: nps.map(|v| Nps::new(v).unwrap()),
        tickets,
        roi: roi.map(|v| Percent::new(v).unwrap()),
    }
}

fn usage(v: f64) -> Signals {
    sig(Some(v), None, None, None, None)
}
fn features(v: u32) -> Signals {
    sig(None, Some(v), None, None, None)
}
fn nps(v: u8) -> Signals {
    sig(None, None, Some(v), None, None)
}
fn tickets(t: TicketTrend) -> Signals {
    sig(None, None, None, Some(t), None)
}
fn roi(v: f64) -> Signals {
    sig(None, None, None, None, Some(v))
}

/// Every category green.
fn all_green() -> Signals {
    sig(Some(90.0), Some(5), Some(9), Some(Decreasing), Some(95.0))
}

fn w(values: [f64; 5]) -> Weights {
    Weights::new(values).unwrap()
}

// ---------------------------------------------------------------------------------------
// Score table

#[derive(Debug)]
enum Expect {
    NoScore,
    Score {
        value: f64,
        band: Band,
        incomplete: bool,
        dragging: Option<Category>,
    },
}

fn score(value: f64, band: Band, incomplete: bool, dragging: Option<Category>) -> Expect {
    Expect::Score {
        value,
        band,
        incomplete,
        dragging,
    }
}

/// One known category: the score is that category's points and it alone drags.
fn one(signals: Signals, rating: Rating) -> (Signals, Option<Weights>, Expect) {
    let c = Category::ALL
        .into_iter()
        .find(|c| signals.is_known(*c))
        .unwrap();
    assert_eq!(
        signals.rating(c),
        Some(rating),
        "rating of {c:?} in {signals:?}"
    );
    let band = match rating {
        Rating::Green => Band::Green,
        Rating::Yellow => Band::Yellow,
        Rating::Red => Band::Red,
    };
    let dragging = (rating != Rating::Green).then_some(c);
    (signals, None, score(rating.points(), band, true, dragging))
}

fn check(name: &str, signals: &Signals, weights: Option<Weights>, expect: &Expect) {
    let weights = weights.unwrap_or_default();
    let got = score_of(signals, &weights);
    match (expect, got) {
        (Expect::NoScore, None) => {}
        (Expect::NoScore, Some(s)) => panic!("{name}: expected no score, got {}", s.value),
        (Expect::Score { .. }, None) => panic!("{name}: expected a score, got none"),
        (
            Expect::Score {
                value,
                band,
                incomplete,
                dragging,
            },
            Some(s),
        ) => {
            assert_eq!(s.value, *value, "{name}: value");
            assert_eq!(s.band, *band, "{name}: band");
            assert_eq!(s.incomplete, *incomplete, "{name}: incomplete");
            assert_eq!(s.breakdown.dragging, *dragging, "{name}: dragging");
            let earned: f64 = s.breakdown.lines.iter().map(|l| l.earned).sum();
            assert!(
                (earned - s.value).abs() < 0.051,
                "{name}: earned adds up to the score"
            );
            let share: f64 = s.breakdown.lines.iter().map(|l| l.earned + l.lost).sum();
            assert!((share - 100.0).abs() < 1e-9, "{name}: earned + lost = 100");
        }
    }
}

#[test]
fn score_table() {
    use Band::{Green as BG, Red as BR, Yellow as BY};
    use Category::*;
    let cases: Vec<(&str, (Signals, Option<Weights>, Expect))> = vec![
        // Product usage: > 80 green, 50..=80 yellow, < 50 red.
        ("usage 100", one(usage(100.0), Rating::Green)),
        ("usage 80.1", one(usage(80.1), Rating::Green)),
        (
            "usage 80 exactly is yellow",
            one(usage(80.0), Rating::Yellow),
        ),
        ("usage 65", one(usage(65.0), Rating::Yellow)),
        (
            "usage 50 exactly is yellow",
            one(usage(50.0), Rating::Yellow),
        ),
        ("usage 49.9", one(usage(49.9), Rating::Red)),
        ("usage 0", one(usage(0.0), Rating::Red)),
        // Feature adoption: 0 red, 1-2 yellow, >= 3 green.
        ("features 0", one(features(0), Rating::Red)),
        ("features 1 is yellow", one(features(1), Rating::Yellow)),
        ("features 2", one(features(2), Rating::Yellow)),
        ("features 3", one(features(3), Rating::Green)),
        ("features 12", one(features(12), Rating::Green)),
        // Relationship (NPS): 0-5 red, 6-7 yellow, 8-10 green.
        ("nps 0", one(nps(0), Rating::Red)),
        ("nps 5", one(nps(5), Rating::Red)),
        ("nps 6", one(nps(6), Rating::Yellow)),
        ("nps 7", one(nps(7), Rating::Yellow)),
        ("nps 8", one(nps(8), Rating::Green)),
        ("nps 10", one(nps(10), Rating::Green)),
        // Support tickets.
        (
            "tickets decreasing",
            one(tickets(Decreasing), Rating::Green),
        ),
        ("tickets zero open", one(tickets(ZeroOpen), Rating::Green)),
        ("tickets stable", one(tickets(Stable), Rating::Yellow)),
        ("tickets increasing", one(tickets(Increasing), Rating::Red)),
        ("tickets escalated", one(tickets(Escalated), Rating::Red)),
        // ROI: > 90 green, 70..=90 yellow, < 70 red.
        ("roi 100", one(roi(100.0), Rating::Green)),
        ("roi 90.1", one(roi(90.1), Rating::Green)),
        ("roi 90 exactly is yellow", one(roi(90.0), Rating::Yellow)),
        ("roi 70 exactly is yellow", one(roi(70.0), Rating::Yellow)),
        ("roi 69.9", one(roi(69.9), Rating::Red)),
        ("roi 0", one(roi(0.0), Rating::Red)),
        // Overall bands with every signal known.
        (
            "worked example: 67.5 yellow, ROI drags",
            (
                sig(Some(85.0), Some(2), Some(9), Some(Stable), Some(65.0)),
                None,
                score(67.5, BY, false, Some(Roi)),
            ),
        ),
        (
            "all green",
            (all_green(), None, score(100.0, BG, false, None)),
        ),
        (
            "all red: usage drags (30 points)",
            (
                sig(Some(10.0), Some(0), Some(2), Some(Escalated), Some(10.0)),
                None,
                score(0.0, BR, false, Some(Usage)),
            ),
        ),
        (
            "exactly 75 is yellow",
            (
                sig(Some(90.0), Some(3), Some(7), Some(Stable), Some(80.0)),
                None,
                score(75.0, BY, false, Some(Relationship)),
            ),
        ),
        (
            "77.5 is green",
            (
                sig(Some(90.0), Some(3), Some(9), Some(Increasing), Some(80.0)),
                None,
                score(77.5, BG, false, Some(Support)),
            ),
        ),
        (
            "exactly 50 (all yellow) is yellow",
            (
                sig(Some(60.0), Some(1), Some(6), Some(Stable), Some(75.0)),
                None,
                score(50.0, BY, false, Some(Usage)),
            ),
        ),
        (
            "42.5 is red",
            (
                sig(Some(60.0), Some(1), Some(6), Some(Stable), Some(10.0)),
                None,
                score(42.5, BR, false, Some(Usage)),
            ),
        ),
        (
            "tie of 15 lost points goes to the earlier category",
            (
                sig(Some(60.0), Some(3), Some(9), Some(Decreasing), Some(10.0)),
                None,
                score(70.0, BY, false, Some(Usage)),
            ),
        ),
        // Unknown categories: re-weighted, never red.
        (
            "usage green + NPS red only: (30*100 + 20*0) / 50",
            (
                sig(Some(90.0), None, Some(3), None, None),
                None,
                score(60.0, BY, true, Some(Relationship)),
            ),
        ),
        (
            "usage unknown, the rest green",
            (
                sig(None, Some(4), Some(9), Some(ZeroOpen), Some(95.0)),
                None,
                score(100.0, BG, true, None),
            ),
        ),
        (
            "features 2 and stable known: (20*50 + 15*50) / 35",
            (
                sig(None, Some(2), None, Some(Stable), None),
                None,
                score(50.0, BY, true, Some(Adoption)),
            ),
        ),
        (
            "usage yellow + tickets green: (1500 + 1500) / 45 = 66.7",
            (
                sig(Some(70.0), None, None, Some(Decreasing), None),
                None,
                score(66.7, BY, true, Some(Usage)),
            ),
        ),
        (
            "all unknown: no score",
            (Signals::default(), None, Expect::NoScore),
        ),
        // Custom weights.
        (
            "equal weights on the worked example",
            (
                sig(Some(85.0), Some(2), Some(9), Some(Stable), Some(65.0)),
                Some(w([1.0; 5])),
                score(60.0, BY, false, Some(Roi)),
            ),
        ),
        (
            "only usage weighted: other unknowns don't make it incomplete",
            (
                usage(85.0),
                Some(w([100.0, 0.0, 0.0, 0.0, 0.0])),
                score(100.0, BG, false, None),
            ),
        ),
        (
            "only zero-weight categories known: no score",
            (
                usage(85.0),
                Some(w([0.0, 1.0, 0.0, 0.0, 0.0])),
                Expect::NoScore,
            ),
        ),
        (
            "50/50 usage green, features yellow: exactly 75",
            (
                sig(Some(85.0), Some(1), None, None, None),
                Some(w([50.0, 50.0, 0.0, 0.0, 0.0])),
                score(75.0, BY, false, Some(Adoption)),
            ),
        ),
        (
            "weights 3:1, usage yellow, features green: 62.5",
            (
                sig(Some(50.0), Some(3), None, None, None),
                Some(w([3.0, 1.0, 0.0, 0.0, 0.0])),
                score(62.5, BY, false, Some(Usage)),
            ),
        ),
        (
            "ROI weighted 99 of 100, ROI red: 1",
            (
                sig(Some(90.0), None, None, None, Some(0.0)),
                Some(w([1.0, 0.0, 0.0, 0.0, 99.0])),
                score(1.0, BR, false, Some(Roi)),
            ),
        ),
    ];
    assert!(cases.len() >= 40, "{} cases", cases.len());
    for (name, (signals, weights, expect)) in &cases {
        check(name, signals, *weights, expect);
    }
}

#[test]
fn worked_example_breakdown() {
    let s = score_of(
        &sig(Some(85.0), Some(2), Some(9), Some(Stable), Some(65.0)),
        &Weights::default(),
    )
    .unwrap();
    let rows: Vec<(Category, Option<Rating>, f64, f64, f64)> = s
        .breakdown
        .lines
        .iter()
        .map(|l| (l.category, l.rating, l.weight, l.earned, l.lost))
        .collect();
    assert_eq!(
        rows,
        vec![
            (Category::Usage, Some(Rating::Green), 30.0, 30.0, 0.0),
            (Category::Adoption, Some(Rating::Yellow), 20.0, 10.0, 10.0),
            (Category::Relationship, Some(Rating::Green), 20.0, 20.0, 0.0),
            (Category::Support, Some(Rating::Yellow), 15.0, 7.5, 7.5),
            (Category::Roi, Some(Rating::Red), 15.0, 0.0, 15.0),
        ]
    );
    assert_eq!(s.display(), "67.5");
    assert_eq!(s.band.label(), "Needs attention");
}

#[test]
fn unknown_categories_get_no_weight_in_the_breakdown() {
    let s = score_of(
        &sig(Some(90.0), None, Some(3), None, None),
        &Weights::default(),
    )
    .unwrap();
    let usage = s.breakdown.line(Category::Usage);
    assert_eq!(
        (
            usage.weight,
            usage.effective_weight,
            usage.earned,
            usage.lost
        ),
        (30.0, 60.0, 60.0, 0.0)
    );
    let rel = s.breakdown.line(Category::Relationship);
    assert_eq!(
        (rel.effective_weight, rel.earned, rel.lost),
        (40.0, 0.0, 40.0)
    );
    let roi = s.breakdown.line(Category::Roi);
    assert_eq!(
        (
            roi.rating,
            roi.weight,
            roi.effective_weight,
            roi.earned,
            roi.lost
        ),
        (None, 15.0, 0.0, 0.0, 0.0)
    );
}

#[test]
fn band_of_scores() {
    let cases = [
        (100.0, Band::Green),
        (75.1, Band::Green),
        (75.0, Band::Yellow),
        (50.0, Band::Yellow),
        (49.9, Band::Red),
        (0.0, Band::Red),
    ];
    for (s, b) in cases {
        assert_eq!(Band::of(s), b, "{s}");
    }
    assert_eq!(
        Band::ALL.map(|b| (b.label(), b.key())),
        [
            ("Healthy", "green"),
            ("Needs attention", "yellow"),
            ("At risk", "red")
        ]
    );
}

// ---------------------------------------------------------------------------------------
// Parsing what users type

#[test]
fn signal_parsers() {
    // Readers of one value: the message alone, with an empty path (the form puts it under
    // its category, see the next test).
    type R = Result<String, String>;
    fn ok<T: std::fmt::Debug>(r: Result<Option<T>, FieldError>) -> R {
        r.map(|v| format!("{v:?}")).map_err(|e| {
            assert_eq!(e.path, "", "{}", e.message);
            e.message
        })
    }
    let cases: Vec<(&str, R, R)> = vec![
        (
            "usage 85",
            ok(parse_usage("85")),
            Ok("Some(Percent(85.0))".into()),
        ),
        (
            "usage 85.5%",
            ok(parse_usage(" 85.5% ")),
            Ok("Some(Percent(85.5))".into()),
        ),
        (
            "usage empty is unknown",
            ok(parse_usage("  ")),
            Ok("None".into()),
        ),
        (
            "usage 100",
            ok(parse_usage("100")),
            Ok("Some(Percent(100.0))".into()),
        ),
        (
            "usage 130",
            ok(parse_usage("130")),
            Err("Seat usage can't be above 100% (you typed 130).".into()),
        ),
        (
            "usage -5",
            ok(parse_usage("-5")),
            Err("Seat usage can't be negative.".into()),
        ),
        (
            "usage 85,5",
            ok(parse_usage("85,5")),
            Err("Use a dot for decimals, e.g. 85.5.".into()),
        ),
        (
            "usage abc",
            ok(parse_usage("abc")),
            Err("\"abc\" is not a number: type a percentage from 0 to 100.".into()),
        ),
        (
            "usage inf",
            ok(parse_usage("inf")),
            Err("\"inf\" is not a number: type a percentage from 0 to 100.".into()),
        ),
        (
            "roi 101",
            ok(parse_roi("101")),
            Err("Targets met can't be above 100% (you typed 101).".into()),
        ),
        (
            "roi 70",
            ok(parse_roi("70")),
            Ok("Some(Percent(70.0))".into()),
        ),
        ("features 3", ok(parse_features("3")), Ok("Some(3)".into())),
        ("features 0", ok(parse_features("0")), Ok("Some(0)".into())),
        (
            "features -1",
            ok(parse_features("-1")),
            Err("The number of features can't be negative.".into()),
        ),
        (
            "features 2.5",
            ok(parse_features("2.5")),
            Err("Count whole features, e.g. 2.".into()),
        ),
        (
            "features x",
            ok(parse_features("x")),
            Err("\"x\" is not a number: count the features, e.g. 3.".into()),
        ),
        ("nps 9", ok(parse_nps("9")), Ok("Some(Nps(9))".into())),
        ("nps 0", ok(parse_nps("0")), Ok("Some(Nps(0))".into())),
        (
            "nps 11",
            ok(parse_nps("11")),
            Err("NPS answers run from 0 to 10 (you typed 11).".into()),
        ),
        (
            "nps -1",
            ok(parse_nps("-1")),
            Err("NPS answers run from 0 to 10 (you typed -1).".into()),
        ),
        (
            "nps 7.5",
            ok(parse_nps("7.5")),
            Err("An NPS answer is a whole number from 0 to 10.".into()),
        ),
        (
            "tickets key",
            ok(parse_tickets("zero_open")),
            Ok("Some(ZeroOpen)".into()),
        ),
        (
            "tickets label",
            ok(parse_tickets("escalated")),
            Ok("Some(Escalated)".into()),
        ),
        ("tickets empty", ok(parse_tickets("")), Ok("None".into())),
        (
            "tickets bogus",
            ok(parse_tickets("worse")),
            Err("Pick one of: Falling, None open, Steady, Rising, Escalated.".into()),
        ),
    ];
    for (name, got, want) in cases {
        assert_eq!(got, want, "{name}");
    }
}

#[test]
fn the_form_reports_every_bad_field_and_round_trips() {
    let form = SignalsForm {
        usage: "130".into(),
        features: "-1".into(),
        nps: "11".into(),
        tickets: "stable".into(),
        roi: "".into(),
    };
    let errs = form.parse().unwrap_err();
    assert_eq!(
        errs.iter().map(|e| e.path.as_str()).collect::<Vec<_>>(),
        vec!["usage", "adoption", "relationship"]
    );
    let good = sig(Some(85.5), Some(2), Some(9), Some(Stable), None);
    let form = SignalsForm::from_signals(&good);
    assert_eq!(form.get(Category::Usage), "85.5");
    assert_eq!(form.get(Category::Support), "stable");
    assert_eq!(form.get(Category::Roi), "");
    assert_eq!(form.parse(), Ok(good));
    assert_eq!(good.describe(Category::Adoption), "2 features");
    assert_eq!(good.describe(Category::Roi), "Unknown");
}

// ---------------------------------------------------------------------------------------
// Weights

#[test]
fn weights_validation() {
    let cases: Vec<([f64; 5], Result<[f64; 5], (Option<Category>, &str)>)> = vec![
        (
            [30.0, 20.0, 20.0, 15.0, 15.0],
            Ok([30.0, 20.0, 20.0, 15.0, 15.0]),
        ),
        ([1.0; 5], Ok([20.0; 5])),
        ([0.0, 0.0, 0.0, 0.0, 2.0], Ok([0.0, 0.0, 0.0, 0.0, 100.0])),
        ([3.0, 1.0, 0.0, 0.0, 0.0], Ok([75.0, 25.0, 0.0, 0.0, 0.0])),
        (
            [0.0; 5],
            Err((
                None,
                "At least one weight must be above 0, or there is nothing to score.",
            )),
        ),
        (
            [30.0, 20.0, 20.0, 15.0, -1.0],
            Err((
                Some(Category::Roi),
                "The weight of ROI / success targets can't be negative; use 0 to leave it out.",
            )),
        ),
        (
            [f64::NAN, 20.0, 20.0, 15.0, 15.0],
            Err((
                Some(Category::Usage),
                "The weight of Product usage must be a number.",
            )),
        ),
        (
            [f64::INFINITY, 20.0, 20.0, 15.0, 15.0],
            Err((
                Some(Category::Usage),
                "The weight of Product usage must be a number.",
            )),
        ),
        (
            [f64::MAX, f64::MAX, 0.0, 0.0, 0.0],
            Err((
                None,
                "These weights are too large to add up; use numbers such as 30 or 15.",
            )),
        ),
    ];
    for (values, want) in cases {
        let got = Weights::new(values)
            .map(|w| w.normalised().values())
            .map_err(|e| (Category::from_key(&e.path), e.message));
        let want = want.map_err(|(c, m)| (c, m.to_string()));
        assert_eq!(got, want, "{values:?}");
    }
    assert_eq!(Weights::default().values(), [30.0, 20.0, 20.0, 15.0, 15.0]);
    assert!(w([60.0, 40.0, 40.0, 30.0, 30.0]).is_default());
    assert!(!w([1.0; 5]).is_default());
}

#[test]
fn weights_from_the_settings_form() {
    assert_eq!(
        Weights::parse(&["30", "20", "20", "15", "15"]),
        Ok(Weights::default())
    );
    assert_eq!(
        Weights::parse(&["30%", " 20", "20 ", "15", "15"]),
        Ok(Weights::default())
    );
    let errs = Weights::parse(&["30", "", "-2", "15", "x"]).unwrap_err();
    assert_eq!(
        errs.iter()
            .map(|e| (Category::from_key(&e.path), e.message.as_str()))
            .collect::<Vec<_>>(),
        vec![
            (
                Some(Category::Adoption),
                "Enter a weight (0 leaves the category out)."
            ),
            (
                Some(Category::Relationship),
                "The weight of Relationship can't be negative; use 0 to leave it out."
            ),
            (Some(Category::Roi), "\"x\" is not a number, e.g. 20."),
        ]
    );
    let errs = Weights::parse(&["0", "0", "0", "0", "0"]).unwrap_err();
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].path, "");
}

#[test]
fn weight_changes_are_logged_once_a_day() {
    let mut s = HealthSettings::default();
    assert!(
        !s.set_weights(Weights::default(), ago(10)),
        "no change, no entry"
    );
    assert!(s.weight_changes().is_empty());

    let equal = w([1.0; 5]);
    assert!(s.set_weights(equal, ago(10)));
    assert_eq!(
        s.weight_changes(),
        &[WeightChange {
            date: ago(10),
            old: Weights::default(),
            new: equal
        }]
    );
    // A second change the same day folds into that day's entry.
    let usage_only = w([1.0, 0.0, 0.0, 0.0, 0.0]);
    s.set_weights(usage_only, ago(10));
    assert_eq!(s.weight_changes().len(), 1);
    assert_eq!(
        (s.weight_changes()[0].old, s.weight_changes()[0].new),
        (Weights::default(), usage_only)
    );
    // Going back to where the day started leaves no entry.
    assert!(s.reset_weights(ago(10)));
    assert!(s.weight_changes().is_empty());
    // Another day, another entry.
    s.set_weights(equal, ago(10));
    s.set_weights(usage_only, ago(2));
    assert_eq!(s.change_dates(), vec![ago(10), ago(2)]);
    assert_eq!(s.weights(), &usage_only);
}

// ---------------------------------------------------------------------------------------
// History

#[test]
fn one_snapshot_a_day_sorted_and_editable() {
    let mut h = HealthHistory::new();
    assert_eq!(h.record(ago(3), usage(90.0), today()), Ok(Recorded::Added));
    assert_eq!(h.record(ago(10), usage(40.0), today()), Ok(Recorded::Added));
    assert_eq!(h.record(today(), usage(60.0), today()), Ok(Recorded::Added));
    // Same day again: replaces.
    assert_eq!(h.record(ago(3), nps(9), today()), Ok(Recorded::Replaced));
    assert_eq!(
        h.snapshots()
            .iter()
            .map(|s| (s.date, s.signals))
            .collect::<Vec<_>>(),
        vec![
            (ago(10), usage(40.0)),
            (ago(3), nps(9)),
            (today(), usage(60.0))
        ]
    );
    assert_eq!(h.latest().map(|s| s.date), Some(today()));

    assert_eq!(
        h.record(ago(1), Signals::default(), today()),
        Err(FieldError::new(
            "signals",
            "Fill in at least one signal; an all-unknown check-in says nothing."
        ))
    );
    let tomorrow = today().succ_opt().unwrap();
    assert_eq!(
        h.record(tomorrow, usage(1.0), today()),
        Err(FieldError::new(
            "date",
            format!(
                "{} is in the future; record signals as of today or earlier.",
                dates::long(tomorrow)
            )
        ))
    );

    // Edit: move the oldest to a free day, refuse a taken one.
    assert_eq!(h.edit(ago(10), ago(20), usage(45.0), today()), Ok(()));
    assert_eq!(h.snapshots()[0].date, ago(20));
    assert_eq!(
        h.edit(ago(20), ago(3), usage(45.0), today()),
        Err(FieldError::new(
            "date",
            format!(
                "There is already a check-in on {}; edit that one instead.",
                dates::long(ago(3))
            )
        ))
    );
    assert_eq!(
        h.edit(ago(99), ago(98), usage(45.0), today()),
        Err(FieldError::bare(format!(
            "There is no check-in on {}.",
            dates::long(ago(99))
        )))
    );

    let removed = h.remove(ago(3)).unwrap();
    assert_eq!(removed.signals, nps(9));
    assert_eq!(h.len(), 2);
    assert_eq!(
        h.remove(ago(3)),
        Err(FieldError::bare(format!(
            "There is no check-in on {}.",
            dates::long(ago(3))
        )))
    );

    let dup = HealthHistory::from_snapshots(vec![
        Snapshot {
            date: ago(1),
            signals: usage(1.0),
        },
        Snapshot {
            date: ago(2),
            signals: usage(1.0),
        },
        Snapshot {
            date: ago(1),
            signals: usage(2.0),
        },
    ]);
    assert_eq!(
        dup,
        Err(FieldError::new(
            "[2].date",
            format!(
                "an earlier snapshot has the same date {}; keep one snapshot per day",
                ago(1)
            )
        ))
    );
    let empty = HealthHistory::from_snapshots(vec![Snapshot {
        date: ago(1),
        signals: Signals::default(),
    }]);
    assert_eq!(empty.map_err(|e| e.path), Err("[0]".to_string()));
}

fn history(points: &[(u64, Signals)]) -> HealthHistory {
    let mut h = HealthHistory::new();
    for (days_ago, s) in points {
        h.record(ago(*days_ago), *s, today()).unwrap();
    }
    h
}

/// Default-weight scores used below (all signals known).
fn s100() -> Signals {
    all_green()
}
fn s90() -> Signals {
    Signals {
        features: Some(2),
        ..all_green()
    } // adoption yellow: -10
}
fn s85() -> Signals {
    sig(Some(90.0), Some(5), Some(9), Some(Stable), Some(80.0)) // support and ROI yellow
}
fn s77_5() -> Signals {
    sig(Some(90.0), Some(3), Some(9), Some(Increasing), Some(80.0))
}
fn s75() -> Signals {
    sig(Some(90.0), Some(3), Some(7), Some(Stable), Some(80.0))
}

#[test]
fn the_score_helpers_are_what_the_names_say() {
    let d = Weights::default();
    let got: Vec<f64> = [s100(), s90(), s85(), s77_5(), s75()]
        .iter()
        .map(|s| score_of(s, &d).unwrap().value)
        .collect();
    assert_eq!(got, vec![100.0, 90.0, 85.0, 77.5, 75.0]);
}

#[test]
fn trend_arrow_and_change() {
    // weights (49, 1): usage green + features yellow = 99, both green = 100.
    let near = |n: f64| w([n, 1.0, 0.0, 0.0, 0.0]);
    let gy = sig(Some(90.0), Some(1), None, None, None);
    let gg = sig(Some(90.0), Some(3), None, None, None);
    let cases: Vec<(
        &str,
        Vec<(u64, Signals)>,
        Weights,
        Option<(Direction, f64, NaiveDate)>,
    )> = vec![
        ("no history", vec![], Weights::default(), None),
        ("one snapshot", vec![(5, s100())], Weights::default(), None),
        (
            "up 15",
            vec![(9, s85()), (1, s100())],
            Weights::default(),
            Some((Direction::Up, 15.0, ago(9))),
        ),
        (
            "down 10",
            vec![(20, s85()), (9, s100()), (1, s90())],
            Weights::default(),
            Some((Direction::Down, -10.0, ago(9))),
        ),
        (
            "unchanged",
            vec![(9, s85()), (1, s85())],
            Weights::default(),
            Some((Direction::Flat, 0.0, ago(9))),
        ),
        (
            "+0.5 is flat",
            vec![(9, gy), (1, gg)],
            near(99.0),
            Some((Direction::Flat, 0.5, ago(9))),
        ),
        (
            "-0.5 is flat",
            vec![(9, gg), (1, gy)],
            near(99.0),
            Some((Direction::Flat, -0.5, ago(9))),
        ),
        (
            "+1 exactly is up",
            vec![(9, gy), (1, gg)],
            near(49.0),
            Some((Direction::Up, 1.0, ago(9))),
        ),
        (
            "-1 exactly is down",
            vec![(9, gg), (1, gy)],
            near(49.0),
            Some((Direction::Down, -1.0, ago(9))),
        ),
    ];
    for (name, points, weights, want) in cases {
        let got = trend(&history(&points), &weights).map(|t| (t.direction, t.change, t.since));
        assert_eq!(got, want, "{name}");
    }
    let t = trend(&history(&[(9, s85()), (1, s100())]), &Weights::default()).unwrap();
    assert_eq!(
        (t.direction.arrow(), t.change_text()),
        ("↑", "+15".to_string())
    );
}

#[derive(Debug, PartialEq)]
enum Flag {
    No,
    Fell(f64, f64, NaiveDate),
    Dropped(Band, Band, NaiveDate),
}

#[test]
fn declining_flag_around_its_thresholds() {
    use Band::{Green as G, Yellow as Y};
    let cases: Vec<(&str, Vec<(u64, Signals)>, Flag)> = vec![
        ("no history", vec![], Flag::No),
        ("a single snapshot", vec![(1, s75())], Flag::No),
        (
            "fell 15 since before the window",
            vec![(100, s100()), (0, s85())],
            Flag::Fell(100.0, 85.0, ago(100)),
        ),
        (
            "fell 10: not enough",
            vec![(100, s100()), (0, s90())],
            Flag::No,
        ),
        (
            "fell 15, history starts inside the window",
            vec![(60, s100()), (0, s85())],
            Flag::Fell(100.0, 85.0, ago(60)),
        ),
        (
            "a snapshot on day -90 is where the window starts",
            vec![(90, s100()), (89, s85()), (0, s85())],
            Flag::Fell(100.0, 85.0, ago(90)),
        ),
        (
            "day -91 is before the window; -90 stands",
            vec![(91, s100()), (90, s85()), (0, s85())],
            Flag::No,
        ),
        (
            "everything older than the window",
            vec![(200, s100()), (120, s85())],
            Flag::No,
        ),
        (
            "a dip that recovered",
            vec![(100, s100()), (20, s75()), (0, s100())],
            Flag::No,
        ),
        (
            "dropped green to yellow 20 days ago",
            vec![(40, s77_5()), (20, s75()), (0, s75())],
            Flag::Dropped(G, Y, ago(40)),
        ),
        (
            "band on day -30 is the reference",
            vec![(30, s77_5()), (29, s75()), (0, s75())],
            Flag::Dropped(G, Y, ago(30)),
        ),
        (
            "already yellow on day -30",
            vec![(31, s77_5()), (30, s75()), (0, s75())],
            Flag::No,
        ),
        (
            "dropped 35 days ago: outside 30",
            vec![(60, s77_5()), (35, s75()), (0, s75())],
            Flag::No,
        ),
        ("moved up a band", vec![(40, s75()), (0, s77_5())], Flag::No),
        (
            "fell 25 and dropped a band: the fall is reported",
            vec![(40, s100()), (0, s75())],
            Flag::Fell(100.0, 75.0, ago(40)),
        ),
    ];
    for (name, points, want) in cases {
        let got = match declining(&history(&points), &Weights::default(), today()) {
            None => Flag::No,
            Some(Decline::Fell { from, to, since }) => Flag::Fell(from, to, since),
            Some(Decline::DroppedBand { from, to, since }) => Flag::Dropped(from, to, since),
        };
        assert_eq!(got, want, "{name}");
    }
}

#[test]
fn a_weight_change_rescores_history() {
    // 100 -> 90 (adoption turns yellow): a 10-point fall with the defaults, 50 with
    // adoption as the only weight.
    let h = history(&[(60, s100()), (0, s90())]);
    assert_eq!(declining(&h, &Weights::default(), today()), None);
    let adoption_only = w([0.0, 1.0, 0.0, 0.0, 0.0]);
    assert_eq!(
        h.scores(&adoption_only),
        vec![(ago(60), 100.0), (ago(0), 50.0)]
    );
    assert_eq!(
        declining(&h, &adoption_only, today()),
        Some(Decline::Fell {
            from: 100.0,
            to: 50.0,
            since: ago(60)
        })
    );
}

#[test]
fn stale_flag_around_14_days() {
    let cases: Vec<(&str, Vec<u64>, bool, Option<i64>)> = vec![
        ("never scored: not stale", vec![], false, None),
        ("today", vec![0], false, Some(0)),
        ("13 days", vec![13], false, Some(13)),
        ("exactly 14 days is not stale", vec![14], false, Some(14)),
        ("15 days", vec![15], true, Some(15)),
        ("old history, fresh latest", vec![200, 3], false, Some(3)),
        ("40 days", vec![60, 40], true, Some(40)),
    ];
    for (name, days, stale, since) in cases {
        let h = history(&days.iter().map(|d| (*d, s85())).collect::<Vec<_>>());
        assert_eq!(is_stale(&h, today()), stale, "{name}");
        assert_eq!(days_since_update(&h, today()), since, "{name}");
    }
}

#[test]
fn account_summary() {
    let h = history(&[(100, s100()), (40, s90()), (16, s85())]);
    let sum = account_health(&h, &Weights::default(), today());
    assert_eq!(sum.value(), Some(85.0));
    assert_eq!(sum.band(), Some(Band::Green));
    assert!(!sum.incomplete());
    assert_eq!(sum.as_of, Some(ago(16)));
    assert_eq!(
        sum.trend.map(|t| (t.direction, t.change)),
        Some((Direction::Down, -5.0))
    );
    assert!(sum.declining());
    assert_eq!(
        sum.decline.unwrap().message(),
        "Down 15 points since 21 Feb 2026 (100 to 85)."
    );
    assert!(sum.stale);
    assert_eq!(
        sum.breakdown().and_then(|b| b.dragging),
        Some(Category::Support)
    );

    let empty = account_health(&HealthHistory::new(), &Weights::default(), today());
    assert_eq!(
        (
            empty.score.is_none(),
            empty.trend,
            empty.declining(),
            empty.stale
        ),
        (true, None, false, false)
    );
}

#[test]
fn portfolio_mix_and_scores() {
    let mut ws = Workspace::default();
    let mut add = |name: &str, arr: f64, h: HealthHistory| {
        let id = ws
            .add_account(
                AccountFields {
                    name: name.into(),
                    arr,
                    ..Default::default()
                },
                read_day(),
            )
            .unwrap();
        ws.account_mut(id).unwrap().health = h;
    };
    add("A", 100.0, history(&[(1, s100())]));
    add("B", 200.0, history(&[(1, s75())]));
    add("C", 300.0, history(&[(1, usage(10.0))]));
    add("D", 400.0, HealthHistory::new());
    add("E", 500.0, history(&[(1, s85())]));
    let mix = ws.health_mix();
    assert_eq!(mix.count, [2, 1, 1]);
    assert_eq!(mix.arr, [600.0, 200.0, 300.0]);
    assert_eq!((mix.unscored_count, mix.unscored_arr), (1, 400.0));
    assert_eq!((mix.total_count(), mix.total_arr()), (5, 1500.0));
    assert_eq!(ws.health_scores(), vec![100.0, 75.0, 0.0, 85.0]);
    let sums = ws.health_summaries(today());
    assert_eq!(
        sums.iter().map(|(_, s)| s.band()).collect::<Vec<_>>(),
        vec![
            Some(Band::Green),
            Some(Band::Yellow),
            Some(Band::Red),
            None,
            Some(Band::Green)
        ]
    );
    // New weights rescore the portfolio: with usage only, B (usage 90) turns green.
    ws.settings
        .health
        .set_weights(w([1.0, 0.0, 0.0, 0.0, 0.0]), today());
    assert_eq!(ws.health_mix().count, [3, 0, 1]);
}

// ---------------------------------------------------------------------------------------
// File format

fn file_with(account_health: Value, settings: Option<Value>) -> String {
    let mut ws = json!({
        "currency": "USD",
        "accounts": [ { "id": 1, "name": "Acme", "health": account_health } ]
    });
    if let Some(s) = settings {
        ws["settings"] = s;
    }
    json!({ "format": "am-planner-workspace", "version": 1, "workspace": ws }).to_string()
}

fn snapshots(list: Value) -> String {
    file_with(json!({ "snapshots": list }), None)
}

fn weights_file(weights: Value, changes: Value) -> String {
    file_with(
        json!({ "snapshots": [] }),
        Some(json!({ "health": { "weights": weights, "weight_changes": changes } })),
    )
}

#[test]
fn import_refuses_bad_health_with_a_path() {
    let ok_weights =
        json!({ "usage": 30, "adoption": 20, "relationship": 20, "support": 15, "roi": 15 });
    let snap = "workspace.accounts[0].health.snapshots";
    let cases: Vec<(&str, String, String, &str)> = vec![
        (
            "usage above 100",
            snapshots(json!([{ "date": "2026-05-01", "seat_usage_pct": 130 }])),
            format!("{snap}[0].seat_usage_pct"),
            "seat usage % must be 100 or less, found 130",
        ),
        (
            "usage negative",
            snapshots(json!([{ "date": "2026-05-01", "seat_usage_pct": -0.5 }])),
            format!("{snap}[0].seat_usage_pct"),
            "seat usage % must be 0 or more, found -0.5",
        ),
        (
            "targets above 100",
            snapshots(json!([{ "date": "2026-05-01", "nps": 3 }, { "date": "2026-05-02", "targets_met_pct": 100.5 }])),
            format!("{snap}[1].targets_met_pct"),
            "targets met % must be 100 or less, found 100.5",
        ),
        (
            "nps 11",
            snapshots(json!([{ "date": "2026-05-01", "nps": 11 }])),
            format!("{snap}[0].nps"),
            "NPS must be from 0 to 10, found 11",
        ),
        (
            "nps -1",
            snapshots(json!([{ "date": "2026-05-01", "nps": -1 }])),
            format!("{snap}[0].nps"),
            "NPS must be from 0 to 10, found -1",
        ),
        (
            "nps 300",
            snapshots(json!([{ "date": "2026-05-01", "nps": 300 }])),
            format!("{snap}[0].nps"),
            "NPS must be from 0 to 10, found 300",
        ),
        (
            "negative features",
            snapshots(json!([{ "date": "2026-05-01", "core_features": -1 }])),
            format!("{snap}[0].core_features"),
            "the number of core features can't be negative, found -1",
        ),
        (
            "features not whole",
            snapshots(json!([{ "date": "2026-05-01", "core_features": 2.5 }])),
            format!("{snap}[0].core_features"),
            "found the number 2.5, but a whole number is expected here.",
        ),
        (
            "unknown ticket trend",
            snapshots(json!([{ "date": "2026-05-01", "ticket_trend": "worse" }])),
            format!("{snap}[0].ticket_trend"),
            "\"worse\" is not a ticket trend; use one of decreasing, zero_open, stable, increasing, escalated.",
        ),
        (
            "two snapshots on one day",
            snapshots(json!([
                { "date": "2026-05-01", "nps": 9 },
                { "date": "2026-04-01", "nps": 9 },
                { "date": "2026-05-01", "nps": 3 }
            ])),
            format!("{snap}[2].date"),
            "an earlier snapshot has the same date 2026-05-01; keep one snapshot per day",
        ),
        (
            "a snapshot without any signal",
            snapshots(json!([{ "date": "2026-05-01" }])),
            format!("{snap}[0]"),
            "the snapshot has no signal; give at least one of seat_usage_pct, core_features, nps, ticket_trend, targets_met_pct",
        ),
        (
            "a bad date",
            snapshots(json!([{ "date": "2026-13-01", "nps": 9 }])),
            format!("{snap}[0].date"),
            "\"2026-13-01\" is not a date: there is no month 13 (months are 01 to 12).",
        ),
        (
            "all weights zero",
            weights_file(json!({ "usage": 0, "adoption": 0, "relationship": 0, "support": 0, "roi": 0 }), json!([])),
            "workspace.settings.health.weights".into(),
            "At least one weight must be above 0, or there is nothing to score.",
        ),
        (
            "weights too large to add up",
            weights_file(json!({ "usage": 1e308, "adoption": 1e308, "relationship": 0, "support": 0, "roi": 0 }), json!([])),
            "workspace.settings.health.weights".into(),
            "These weights are too large to add up; use numbers such as 30 or 15.",
        ),
        (
            "a negative weight",
            weights_file(json!({ "usage": 30, "adoption": 20, "relationship": 20, "support": 15, "roi": -15 }), json!([])),
            "workspace.settings.health.weights.roi".into(),
            "weight must be 0 or more, found -15",
        ),
        (
            "a weight missing",
            weights_file(json!({ "usage": 30, "adoption": 20, "relationship": 20, "support": 15 }), json!([])),
            "workspace.settings.health.weights".into(),
            "the field \"roi\" is required and missing.",
        ),
        (
            "logged old weights all zero",
            weights_file(
                ok_weights.clone(),
                json!([{ "date": "2026-05-01", "old": { "usage": 0, "adoption": 0, "relationship": 0, "support": 0, "roi": 0 }, "new": ok_weights.clone() }]),
            ),
            "workspace.settings.health.weight_changes[0].old".into(),
            "At least one weight must be above 0, or there is nothing to score.",
        ),
        (
            "logged new weight negative",
            weights_file(
                ok_weights.clone(),
                json!([{ "date": "2026-05-01", "old": ok_weights.clone(), "new": { "usage": -1, "adoption": 0, "relationship": 0, "support": 0, "roi": 1 } }]),
            ),
            "workspace.settings.health.weight_changes[0].new.usage".into(),
            "weight must be 0 or more, found -1",
        ),
    ];
    for (name, text, path, detail) in cases {
        match decode(&text, read_day()) {
            Err(am_planner::format::ImportError::BadField { path: p, detail: d }) => {
                assert_eq!(p, path, "{name}: path");
                assert_eq!(d, detail, "{name}: detail");
            }
            other => panic!("{name}: expected a refusal, got {other:?}"),
        }
    }
}

#[test]
fn unknown_fields_in_health_are_refused() {
    let text = snapshots(json!([{ "date": "2026-05-01", "nps": 9, "mood": "good" }]));
    let err = decode(&text, read_day()).unwrap_err().to_string();
    assert!(
        err.starts_with("workspace.accounts[0].health.snapshots[0]"),
        "{err}"
    );
    assert!(
        err.contains("\"mood\" is not a field the planner knows here"),
        "{err}"
    );
}

#[test]
fn files_without_health_or_settings_still_read() {
    let text = json!({
        "format": "am-planner-workspace", "version": 1,
        "workspace": { "currency": "EUR", "accounts": [ { "id": 4, "name": "Old file" } ] }
    })
    .to_string();
    let ws = decode(&text, read_day()).unwrap().workspace;
    assert!(ws.accounts()[0].health.is_empty());
    assert_eq!(ws.settings.health.weights(), &Weights::default());
    assert!(ws.settings.health.weight_changes().is_empty());
}

#[test]
fn the_written_file_reads_back_by_name() {
    let mut ws = Workspace::default();
    let id = ws
        .add_account(
            AccountFields {
                name: "Acme".into(),
                ..Default::default()
            },
            read_day(),
        )
        .unwrap();
    ws.account_mut(id)
        .unwrap()
        .health
        .record(
            ago(1),
            sig(Some(85.0), Some(2), Some(9), Some(ZeroOpen), None),
            today(),
        )
        .unwrap();
    ws.settings.health.set_weights(w([1.0; 5]), ago(1));
    let v: Value = serde_json::from_str(&encode(&ws, None)).unwrap();
    assert_eq!(
        v["workspace"]["accounts"][0]["health"],
        json!({ "snapshots": [ { "date": "2026-05-31", "seat_usage_pct": 85.0, "core_features": 2, "nps": 9, "ticket_trend": "zero_open" } ] })
    );
    assert_eq!(
        v["workspace"]["settings"]["health"]["weights"],
        json!({ "usage": 1.0, "adoption": 1.0, "relationship": 1.0, "support": 1.0, "roi": 1.0 })
    );
    assert_eq!(
        v["workspace"]["settings"]["health"]["weight_changes"][0]["old"]["usage"],
        json!(30.0)
    );
}

// ---------------------------------------------------------------------------------------
// Round trip

fn arb_signals() -> impl Strategy<Value = Signals> {
    (
        proptest::option::of(0.0f64..=100.0),
        proptest::option::of(0u32..50),
        proptest::option::of(0u8..=10),
        proptest::option::of(proptest::sample::select(TicketTrend::ALL.to_vec())),
        proptest::option::of(prop_oneof![
            Just(0.0),
            Just(70.0),
            Just(90.0),
            Just(100.0),
            0.0f64..=100.0
        ]),
    )
        .prop_map(|(u, f, n, t, r)| sig(u, f, n, t, r))
        .prop_filter("at least one signal", |s| !s.is_empty())
}

fn arb_history() -> impl Strategy<Value = HealthHistory> {
    arb_history_within(2000, 6)
}

/// Up to `most - 1` check-ins on days up to `days` ago.
fn arb_history_within(days: u64, most: usize) -> impl Strategy<Value = HealthHistory> {
    proptest::collection::btree_map(0u64..days, arb_signals(), 0..most).prop_map(|m| {
        HealthHistory::from_snapshots(
            m.into_iter()
                .map(|(d, signals)| Snapshot {
                    date: ago(d),
                    signals,
                })
                .collect(),
        )
        .unwrap()
    })
}

fn arb_weights() -> impl Strategy<Value = Weights> {
    proptest::array::uniform5(prop_oneof![Just(0.0), 0.0f64..1000.0])
        .prop_filter_map("not all zero", |v| Weights::new(v).ok())
}

proptest! {
    #[test]
    fn health_and_weights_round_trip(
        histories in proptest::collection::vec(arb_history(), 1..4),
        weights in arb_weights(),
        changes in proptest::collection::vec((0u64..2000, arb_weights(), arb_weights()), 0..4),
    ) {
        let mut ws = Workspace::default();
        for (i, h) in histories.into_iter().enumerate() {
            let id = ws.add_account(AccountFields { name: format!("Account {i}"), ..Default::default() }, read_day()).unwrap();
            ws.account_mut(id).unwrap().health = h;
        }
        ws.settings.health = HealthSettings::new(
            weights,
            changes.into_iter().map(|(d, old, new)| WeightChange { date: ago(d), old, new }).collect(),
        );
        let text = encode(&ws, None);
        let back = decode(&text, read_day()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&back.workspace.settings, &ws.settings);
        for (a, b) in ws.accounts().iter().zip(back.workspace.accounts()) {
            prop_assert_eq!(&a.health, &b.health);
        }
        prop_assert_eq!(back.workspace, ws);
    }
}

#[test]
fn the_day_of_a_check_in_is_read_as_typed_and_not_after_today() {
    let today = date("2026-06-01");
    let cases: &[(&str, Result<&str, &str>)] = &[
        ("2026-06-01", Ok("2026-06-01")),
        ("2026-05-31 ", Ok("2026-05-31")),
        ("", Err("Pick the day these signals are from.")),
        (
            "2026-06-02",
            Err("2 Jun 2026 is in the future: pick today or an earlier day."),
        ),
        (
            "2026-06-31",
            Err("\"2026-06-31\" is not a date: June 2026 has 30 days."),
        ),
    ];
    for (text, want) in cases {
        assert_eq!(
            read_as_of(text, today),
            want.map(date).map_err(FieldError::bare),
            "{text:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// The trend and the declining flag score only the recent check-ins

proptest! {
    #[test]
    fn recent_scores_are_the_tail_of_every_score(
        history in arb_history_within(200, 20),
        weights in arb_weights(),
        back in 0u64..220,
    ) {
        let all = history.scores(&weights);
        let start = ago(back);
        // Every score from the last one on or before `start` (all when none is).
        let from = all.iter().rposition(|(d, _)| *d <= start).unwrap_or(0);
        prop_assert_eq!(history.scores_since(&weights, start), all[from..].to_vec());
        let two = match all.as_slice() {
            [.., a, b] => Some([*a, *b]),
            _ => None,
        };
        prop_assert_eq!(history.last_two_scores(&weights), two);
    }
}

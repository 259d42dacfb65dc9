//! Health charts: the pure math (scales, bands, points, ticks, bins, segments)
//! and the SVG each chart produces.

#![allow(clippy::type_complexity)]
mod common;

use am_planner::charts::scale::*;
use am_planner::charts::{
    health_trend_svg, portfolio_mix_svg, score_distribution_svg, TrendLayout,
};
use am_planner::domain::health::{Band, HealthMix};
use am_planner::domain::Currency;
use chrono::{Days, NaiveDate};

use common::date;

fn today() -> NaiveDate {
    date("2026-06-01")
}

fn ago(n: u64) -> NaiveDate {
    today().checked_sub_days(Days::new(n)).unwrap()
}

fn count(svg: &str, needle: &str) -> usize {
    svg.matches(needle).count()
}

#[test]
fn date_scale_maps_the_range_linearly() {
    let xs = DateScale::new(ago(10), today(), 100.0, 300.0);
    let cases = [
        (ago(10), 100.0),
        (ago(5), 200.0),
        (today(), 300.0),
        (ago(9), 120.0),
    ];
    for (d, x) in cases {
        assert_eq!(xs.x(d), x, "{d}");
    }
    assert!(xs.contains(ago(10)) && xs.contains(today()) && !xs.contains(ago(11)));
    // A zero-day range is widened to one day instead of dividing by zero.
    let one = DateScale::new(today(), today(), 0.0, 50.0);
    assert_eq!((one.span_days(), one.x(today())), (1, 0.0));
}

#[test]
fn score_scale_puts_100_on_top() {
    let ys = ScoreScale::new(20.0, 220.0);
    let cases = [
        (100.0, 20.0),
        (0.0, 220.0),
        (50.0, 120.0),
        (75.0, 70.0),
        (130.0, 20.0),
        (-5.0, 220.0),
    ];
    for (s, y) in cases {
        assert_eq!(ys.y(s), y, "{s}");
    }
}

#[test]
fn trend_domain_runs_to_today_and_spans_two_weeks_at_least() {
    let cases: Vec<(&str, Vec<NaiveDate>, (NaiveDate, NaiveDate))> = vec![
        ("no points", vec![], (ago(14), today())),
        ("one point today", vec![today()], (ago(14), today())),
        ("one point 3 days ago", vec![ago(3)], (ago(14), today())),
        (
            "history of 100 days",
            vec![ago(100), ago(40)],
            (ago(100), today()),
        ),
        (
            "a point after today",
            vec![ago(30), date("2026-06-10")],
            (ago(30), date("2026-06-10")),
        ),
    ];
    for (name, dates, want) in cases {
        let pts: Vec<(NaiveDate, f64)> = dates.into_iter().map(|d| (d, 50.0)).collect();
        assert_eq!(trend_domain(&pts, today()), want, "{name}");
    }
}

#[test]
fn band_rectangles_split_at_75_and_50() {
    let plot = Rect::new(10.0, 0.0, 110.0, 200.0);
    assert_eq!(
        band_rects(plot),
        [
            (Band::Green, Rect::new(10.0, 0.0, 110.0, 50.0)),
            (Band::Yellow, Rect::new(10.0, 50.0, 110.0, 100.0)),
            (Band::Red, Rect::new(10.0, 100.0, 110.0, 200.0)),
        ]
    );
}

#[test]
fn a_band_is_named_in_the_first_corner_the_line_leaves_clear() {
    // A band 200 x 60, a name 40 x 10, 6 in from the sides and 4 from top and bottom.
    let band = Rect::new(0.0, 0.0, 200.0, 60.0);
    let (top_left, top_right) = (
        Rect::new(6.0, 4.0, 46.0, 14.0),
        Rect::new(154.0, 4.0, 194.0, 14.0),
    );
    let (bottom_left, bottom_right) = (
        Rect::new(6.0, 46.0, 46.0, 56.0),
        Rect::new(154.0, 46.0, 194.0, 56.0),
    );
    let cases: &[(&str, &[(f64, f64)], Rect)] = &[
        ("no check-ins", &[], top_left),
        (
            "a line low in the band",
            &[(10.0, 40.0), (190.0, 42.0)],
            top_left,
        ),
        (
            "the first dot in the top left",
            &[(10.0, 8.0), (190.0, 40.0)],
            top_right,
        ),
        // The dot is 5 px from the box: closer than its radius (4) and a pixel.
        ("a dot that almost touches", &[(51.0, 10.0)], top_right),
        ("a dot just clear", &[(52.0, 10.0)], top_left),
        (
            "a line across the top",
            &[(0.0, 10.0), (200.0, 10.0)],
            bottom_left,
        ),
        // The stretch between two dots crosses the box though neither dot is near it.
        (
            "a line through the top left only",
            &[(0.0, 30.0), (60.0, 0.0), (200.0, 50.0)],
            top_right,
        ),
        (
            "the top and the bottom left",
            &[(0.0, 10.0), (200.0, 10.0), (0.0, 50.0)],
            bottom_right,
        ),
        (
            "every corner crossed",
            &[(0.0, 10.0), (200.0, 10.0), (0.0, 50.0), (200.0, 50.0)],
            top_left,
        ),
    ];
    for (what, points, want) in cases {
        assert_eq!(
            band_label_box(band, 40.0, 10.0, 6.0, points, 5.0),
            *want,
            "{what}"
        );
    }
}

#[test]
fn the_trend_chart_keeps_its_band_names_off_the_line() {
    // The demo's pattern: healthy at the first check-in (at the plot's left), falling since.
    let pts = [
        (ago(118), 92.5),
        (ago(90), 85.0),
        (ago(62), 70.0),
        (ago(33), 60.0),
        (ago(5), 52.5),
    ];
    let layout = TrendLayout::new(&pts, today(), 360, 180);
    let pos = point_positions(&pts, &layout.xs, &layout.ys);
    let dot = layout.dot_radius() as f64 + 1.0;
    for (band, r) in band_rects(layout.plot) {
        let name = band.label();
        let b = band_label_box(r, text_width(name, 10.0), 10.0, 6.0, &pos, dot);
        assert!(
            r.contains((b.left, b.top)) && r.contains((b.right, b.bottom)),
            "{name} inside its band"
        );
        for p in &pos {
            let near = b.left - dot <= p.0
                && p.0 <= b.right + dot
                && b.top - dot <= p.1
                && p.1 <= b.bottom + dot;
            assert!(!near, "{name} at {b:?} is clear of the dot at {p:?}");
        }
    }
    // The first dot sits in the green band's top left: its name moves to the top right.
    let green = band_rects(layout.plot)[0].1;
    let b = band_label_box(green, text_width("Healthy", 10.0), 10.0, 6.0, &pos, dot);
    assert!(b.left > (green.left + green.right) / 2.0, "{b:?}");
}

#[test]
fn points_and_markers() {
    let xs = DateScale::new(ago(20), today(), 0.0, 200.0);
    let ys = ScoreScale::new(0.0, 100.0);
    let pts = [(ago(20), 100.0), (ago(10), 67.5), (today(), 0.0)];
    assert_eq!(
        point_positions(&pts, &xs, &ys),
        vec![(0.0, 0.0), (100.0, 32.5), (200.0, 100.0)]
    );
    // Outside the range: dropped; the same day twice: one marker; sorted.
    let changes = [ago(5), ago(30), ago(15), ago(5), date("2026-07-01")];
    assert_eq!(marker_xs(&changes, &xs), vec![50.0, 150.0]);
}

#[test]
fn date_ticks_fall_on_round_dates() {
    let labels = |start: &str, end: &str, max: usize| -> Vec<String> {
        date_ticks(date(start), date(end), max)
            .into_iter()
            .map(|t| t.1)
            .collect()
    };
    let cases: Vec<(&str, &str, usize, Vec<&str>)> = vec![
        (
            "2026-05-18",
            "2026-06-01",
            8,
            vec![
                "18 May", "20 May", "22 May", "24 May", "26 May", "28 May", "30 May", "1 Jun",
            ],
        ),
        (
            "2026-05-18",
            "2026-06-01",
            3,
            vec!["18 May", "25 May", "1 Jun"],
        ),
        ("2026-05-19", "2026-06-01", 3, vec!["25 May", "1 Jun"]),
        (
            "2026-01-01",
            "2026-06-01",
            4,
            vec!["Jan 2026", "Mar 2026", "May 2026"],
        ),
        (
            "2025-11-15",
            "2026-06-01",
            7,
            vec![
                "Dec 2025", "Jan 2026", "Feb 2026", "Mar 2026", "Apr 2026", "May 2026", "Jun 2026",
            ],
        ),
        ("2020-03-15", "2026-06-01", 4, vec!["2022", "2024", "2026"]),
    ];
    for (start, end, max, want) in cases {
        assert_eq!(labels(start, end, max), want, "{start}..{end} max {max}");
    }
    let ticks = date_ticks(date("2026-05-18"), date("2026-06-01"), 3);
    assert_eq!(ticks[1].0, date("2026-05-25"));
}

#[test]
fn count_ticks_use_round_steps() {
    let cases: Vec<(usize, usize, Vec<usize>)> = vec![
        (0, 4, vec![0, 1]),
        (1, 4, vec![0, 1]),
        (3, 5, vec![0, 1, 2, 3]),
        (7, 5, vec![0, 2, 4, 6, 8]),
        (10, 5, vec![0, 2, 4, 6, 8, 10]),
        (23, 4, vec![0, 10, 20, 30]),
        (120, 3, vec![0, 50, 100, 150]),
    ];
    for (max, n, want) in cases {
        assert_eq!(count_ticks(max, n), want, "max {max}, {n} intervals");
    }
}

#[test]
fn scores_fall_in_ten_point_bins_split_by_band() {
    let cases = [
        (0.0, 0),
        (9.99, 0),
        (10.0, 1),
        (49.9, 4),
        (50.0, 5),
        (75.0, 7),
        (75.1, 7),
        (99.9, 9),
        (100.0, 9),
    ];
    for (s, bin) in cases {
        assert_eq!(bin_of(s), bin, "{s}");
    }
    let bins = score_bins(&[10.0, 49.9, 50.0, 75.0, 75.1, 80.0, 100.0, f64::NAN]);
    let got: Vec<(f64, [usize; 3])> = bins
        .iter()
        .filter(|b| b.total() > 0)
        .map(|b| (b.from, b.count))
        .collect();
    // count is [green, yellow, red]
    assert_eq!(
        got,
        vec![
            (10.0, [0, 0, 1]),
            (40.0, [0, 0, 1]),
            (50.0, [0, 1, 0]),
            (70.0, [1, 1, 0]),
            (80.0, [1, 0, 0]),
            (90.0, [1, 0, 0])
        ]
    );
}

#[test]
fn stacked_segments_are_proportional_and_skip_zeros() {
    let got = stacked_segments(
        &[
            (Some(Band::Green), 2.0),
            (Some(Band::Yellow), 0.0),
            (Some(Band::Red), 2.0),
            (None, 1.0),
        ],
        0.0,
        100.0,
    );
    let spans: Vec<(Option<Band>, f64, f64)> = got.iter().map(|s| (s.band, s.x0, s.x1)).collect();
    assert_eq!(
        spans,
        vec![
            (Some(Band::Green), 0.0, 40.0),
            (Some(Band::Red), 40.0, 80.0),
            (None, 80.0, 100.0)
        ]
    );
    assert!(stacked_segments(&[(Some(Band::Green), 0.0)], 0.0, 100.0).is_empty());
}

#[test]
fn histogram_bars_stack_red_yellow_green() {
    let bins = score_bins(&[75.0, 75.1, 75.2, 20.0]);
    let plot = Rect::new(0.0, 0.0, 100.0, 100.0);
    let bars = am_planner::charts::portfolio::histogram_bars(&bins, plot, |c| 100.0 - c * 10.0);
    let got: Vec<(Band, f64, f64)> = bars.iter().map(|(b, r)| (*b, r.top, r.bottom)).collect();
    assert_eq!(
        got,
        vec![
            (Band::Red, 90.0, 100.0),
            (Band::Yellow, 90.0, 100.0),
            (Band::Green, 70.0, 90.0)
        ]
    );
}

#[test]
fn trend_layout_and_svg() {
    let points = [(ago(60), 85.0), (ago(30), 77.5), (ago(2), 62.5)];
    let layout = TrendLayout::new(&points, today(), 720, 280);
    assert_eq!((layout.xs.start, layout.xs.end), (ago(60), today()));
    assert_eq!(layout.xs.x(ago(60)), layout.plot.left + 10.0);
    assert_eq!(layout.xs.x(today()), layout.plot.right - 10.0);

    let svg = health_trend_svg(&points, &[ago(45), ago(200)], today(), 720, 280);
    assert!(
        svg.starts_with("<svg width=\"100%\" viewBox=\"0 0 720 280\""),
        "{}",
        &svg[..120]
    );
    assert!(!svg.contains("height=\"280\""));
    assert!(svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains("<title>Health score over time: 3 check-ins, latest 62.5 (Needs attention) on 30 May 2026</title>"));
    assert_eq!(count(&svg, "<circle"), 3, "one dot per check-in");
    assert_eq!(count(&svg, "<rect"), 3, "three shaded bands");
    assert_eq!(
        count(&svg, ">\nweights changed\n<"),
        1,
        "the change before the range is not drawn"
    );
    for word in ["Healthy", "Needs attention", "At risk", "62.5"] {
        assert!(svg.contains(&format!(">\n{word}\n<")), "{word}");
    }
    // Dots take their band's colour: green, green, yellow.
    assert_eq!(count(&svg, "<circle"), count(&svg, "<circle cx"));
}

#[test]
fn trend_svg_edge_cases() {
    let empty = health_trend_svg(&[], &[], today(), 360, 220);
    assert_eq!(count(&empty, "<circle"), 0);
    assert!(empty.contains("No check-ins yet"));
    let one = health_trend_svg(&[(today(), 100.0)], &[today()], today(), 10, 10);
    assert!(
        one.contains("viewBox=\"0 0 240 140\""),
        "raised to the minimum size"
    );
    assert_eq!(count(&one, "<circle"), 1);
    assert_eq!(count(&one, ">\nweights changed\n<"), 1);
    let many: Vec<(NaiveDate, f64)> = (0..30).map(|i| (ago(i * 7), (i * 3) as f64)).collect();
    assert_eq!(
        count(&health_trend_svg(&many, &[], today(), 360, 220), "<circle"),
        30
    );
}

#[test]
fn portfolio_mix_svg_draws_two_stacked_bars_and_a_legend() {
    let mix = HealthMix {
        count: [2, 1, 1],
        arr: [600_000.0, 200_000.0, 300_000.0],
        unscored_count: 1,
        unscored_arr: 400_000.0,
    };
    let svg = portfolio_mix_svg(&mix, &Currency::default(), 720, 200);
    // 4 segments per bar, 4 legend keys.
    assert_eq!(count(&svg, "<rect"), 12);
    for t in [
        "Healthy · 2",
        "Needs attention · 1",
        "At risk · 1",
        "No score · 1",
        "$600k",
        "Accounts",
        "ARR",
    ] {
        assert!(svg.contains(&format!(">\n{t}\n<")), "{t}");
    }
    assert!(svg.contains("width=\"100%\""));

    // No unscored accounts, no ARR: one bar of 2 segments, legend of 3, a note for ARR.
    let mix = HealthMix {
        count: [0, 2, 1],
        arr: [0.0; 3],
        unscored_count: 0,
        unscored_arr: 0.0,
    };
    let svg = portfolio_mix_svg(&mix, &Currency::default(), 360, 180);
    assert_eq!(count(&svg, "<rect"), 5);
    assert!(svg.contains("No ARR entered"));

    let none = portfolio_mix_svg(&HealthMix::default(), &Currency::default(), 360, 180);
    assert_eq!(count(&none, "<rect"), 0);
    assert!(none.contains("No accounts yet"));
}

#[test]
fn score_distribution_svg_has_a_bar_per_band_and_bin() {
    let scores = [10.0, 55.0, 75.0, 75.1, 80.0, 95.0, 100.0];
    let svg = score_distribution_svg(&scores, 720, 240);
    // 3 band zones + bars: 10-20 red, 50-60 yellow, 70-80 yellow + green, 80-90, 90-100.
    assert_eq!(count(&svg, "<rect"), 3 + 6);
    assert!(svg.contains("<title>Distribution of health scores: 7 scored accounts</title>"));
    for word in ["At risk", "Needs attention", "Healthy"] {
        assert!(svg.contains(&format!(">\n{word}\n<")), "{word}");
    }
    // Phone width: every other axis label; a zone's word does not fit, so all three are
    // named by their colour, never "At risk" beside "Yellow".
    let narrow = score_distribution_svg(&scores, 300, 200);
    assert_eq!(count(&narrow, "<rect"), 3 + 6);
    for (colour, word) in [
        ("Red", "At risk"),
        ("Yellow", "Needs attention"),
        ("Green", "Healthy"),
    ] {
        assert!(narrow.contains(&format!(">\n{colour}\n<")), "{colour}");
        assert!(!narrow.contains(&format!(">\n{word}\n<")), "{word}");
    }
    let empty = score_distribution_svg(&[], 360, 200);
    assert_eq!(count(&empty, "<rect"), 0);
    assert!(empty.contains("No scored accounts yet"));
}

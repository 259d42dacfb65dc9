//! The renewal timeline chart: date axis math, markers, label rows, colours, SVG output.

mod common;
use am_planner::charts::renewal::{
    date_domain, label_width, layout, month_ticks, renewal_timeline_svg, xml_escape, DateAxis,
    MarkKind, ABOVE_ROWS, BELOW_ROWS, COLOR_DONE, COLOR_LATE, COLOR_OPEN, LABEL_GAP, MIN_WIDTH,
};
use am_planner::domain::renewal::{MilestoneKind, MilestoneState, Renewal, TaskKey, Timeline};

use common::date as d;

fn timeline(early: bool, arr: f64, notice: Option<u32>, renewal: &str) -> Timeline {
    let mut r = Renewal::default();
    r.early_start = early;
    r.set_notice_days(notice).unwrap();
    r.timeline(Some(d(renewal)), arr).unwrap()
}

#[test]
fn axis_maps_dates_linearly() {
    let a = DateAxis::new(d("2027-01-01"), d("2027-01-11"), 20.0, 120.0);
    let cases = [
        ("2027-01-01", 20.0),
        ("2027-01-06", 70.0),
        ("2027-01-11", 120.0),
        ("2026-12-31", 10.0),
    ];
    for (day, x) in cases {
        assert!((a.x(d(day)) - x).abs() < 1e-9, "{day}: {}", a.x(d(day)));
    }
    // A zero-length range is widened, never divides by zero.
    let z = DateAxis::new(d("2027-01-01"), d("2027-01-01"), 0.0, 100.0);
    assert_eq!(z.end, d("2027-01-02"));
    assert_eq!(z.x(d("2027-01-02")), 100.0);
}

#[test]
fn domain_covers_milestones_notice_renewal_and_today() {
    // Renewal 2027-03-31, T-90 2026-12-31, today before everything.
    let tl = timeline(false, 0.0, None, "2027-03-31");
    // lo = today 2026-11-22, hi = renewal; span 129 days -> pad 7.
    assert_eq!(
        date_domain(&tl, d("2026-11-22")),
        (d("2026-11-15"), d("2027-04-07"))
    );
    // Today after renewal: the range reaches today.
    let (lo, hi) = date_domain(&tl, d("2027-06-30"));
    assert!(lo < d("2026-12-31") && hi > d("2027-06-30"));
    // A long notice period starts the range earlier; pad is span / 20 = 18.
    let tl = timeline(true, 0.0, Some(365), "2027-03-31");
    assert_eq!(
        date_domain(&tl, d("2027-01-01")),
        (d("2026-03-13"), d("2027-04-18"))
    );
}

#[test]
fn markers_sit_on_their_dates_with_state_colours() {
    let mut r = Renewal::default();
    r.set_notice_days(Some(45)).unwrap();
    let today = d("2027-02-05");
    for t in MilestoneKind::T90.default_tasks() {
        r.tick(
            TaskKey::Default(MilestoneKind::T90, t.key),
            d("2026-12-20"),
            today,
        )
        .unwrap();
    }
    let tl = r.timeline(Some(d("2027-03-31")), 0.0).unwrap();
    let l = layout(&tl, today, 720.0);
    assert_eq!(l.width, 720.0);
    assert!((l.today_x - l.axis.x(today)).abs() < 1e-9);
    let kinds: Vec<MarkKind> = l.marks.iter().map(|m| m.kind).collect();
    assert_eq!(
        kinds,
        [
            MarkKind::Milestone(MilestoneKind::T90, MilestoneState::Done),
            MarkKind::Milestone(MilestoneKind::T60, MilestoneState::Late),
            MarkKind::Milestone(MilestoneKind::T30, MilestoneState::Open),
            MarkKind::Milestone(MilestoneKind::T7, MilestoneState::Open),
            MarkKind::Notice,
            MarkKind::Renewal,
        ]
    );
    let fills: Vec<&str> = l.marks.iter().take(4).map(|m| m.fill).collect();
    assert_eq!(fills, [COLOR_DONE, COLOR_LATE, COLOR_OPEN, COLOR_OPEN]);
    for m in &l.marks {
        assert!((m.x - l.axis.x(m.date)).abs() < 1e-9);
        assert!(
            m.x >= l.axis.x0 && m.x <= l.axis.x1,
            "{:?} outside the axis",
            m.kind
        );
    }
    assert_eq!(l.marks[4].date, d("2027-02-14"));
    // Left to right in date order.
    let xs: Vec<f64> = l.marks.iter().take(4).map(|m| m.x).collect();
    assert!(xs.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn labels_in_one_row_never_overlap() {
    // Narrow chart, every milestone, notice close to renewal: crowded.
    for width in [MIN_WIDTH, 320.0, 720.0] {
        let tl = timeline(true, 500_000.0, Some(3), "2027-03-31");
        let l = layout(&tl, d("2027-03-30"), width);
        for rows in [&ABOVE_ROWS[..], &BELOW_ROWS[..]] {
            for &y in rows {
                let mut spans: Vec<(f64, f64)> = l
                    .marks
                    .iter()
                    .filter(|m| m.label_y == y)
                    .map(|m| m.label_span())
                    .collect();
                spans.sort_by(|a, b| a.0.total_cmp(&b.0));
                // With at most three milestones crowding, every row has room.
                for w in spans.windows(2) {
                    assert!(
                        w[1].0 >= w[0].1 + LABEL_GAP - 1e-9,
                        "width {width}, row {y}: {w:?}"
                    );
                }
            }
        }
        // T-7 and renewal are close: the notice and renewal labels take two rows.
        let notice = l.marks.iter().find(|m| m.kind == MarkKind::Notice).unwrap();
        let renewal = l
            .marks
            .iter()
            .find(|m| m.kind == MarkKind::Renewal)
            .unwrap();
        assert_ne!(notice.label_y, renewal.label_y, "width {width}");
    }
    assert!(label_width("T-180") > label_width("T-7"));
}

#[test]
fn month_ticks_are_spaced() {
    let a = DateAxis::new(d("2026-11-15"), d("2027-04-07"), 24.0, 696.0);
    let t = month_ticks(&a);
    let labels: Vec<&str> = t.iter().map(|(_, l)| l.as_str()).collect();
    assert_eq!(labels, ["Dec 2026", "Jan 2027", "Feb", "Mar", "Apr"]);
    assert!((t[0].0 - a.x(d("2026-12-01"))).abs() < 1e-9);
    // Narrow: every other month or sparser, never closer than the minimum.
    let narrow = DateAxis::new(d("2026-01-01"), d("2027-12-31"), 24.0, 216.0);
    let t = month_ticks(&narrow);
    assert!(t.len() >= 2);
    assert!(t.windows(2).all(|w| w[1].0 - w[0].0 >= 56.0 - 3.0), "{t:?}");
}

#[test]
fn svg_output() {
    let tl = timeline(false, 0.0, Some(30), "2028-02-29");
    let svg = renewal_timeline_svg(&tl, d("2028-01-10"), 600.0);
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.contains("viewBox=\"0 0 600.0 150.0\""));
    assert!(svg.contains("width=\"100%\""));
    assert!(svg.ends_with("</svg>"));
    assert_eq!(svg.matches("<g class=\"milestone").count(), 4);
    assert_eq!(svg.matches("<g class=\"notice\"").count(), 1);
    assert_eq!(svg.matches("<g class=\"renewal\"").count(), 1);
    assert_eq!(svg.matches("<g class=\"today\"").count(), 1);
    assert!(svg.contains("<title>Renewal date 2028-02-29</title>"));
    // T-90 (2027-12-01) and T-60 (2027-12-31) are late on 2028-01-10; T-30 is open.
    assert_eq!(svg.matches("class=\"milestone late\"").count(), 2);
    assert_eq!(svg.matches("class=\"milestone open\"").count(), 2);
    assert!(!svg.contains("NaN") && !svg.contains("inf"));
    // Tags balance.
    assert_eq!(svg.matches("<g ").count(), svg.matches("</g>").count());
    assert_eq!(svg.matches("<text").count(), svg.matches("</text>").count());
    // Absurd width falls back to the minimum.
    let tiny = renewal_timeline_svg(&tl, d("2028-01-10"), f64::NAN);
    assert!(tiny.contains(&format!("viewBox=\"0 0 {MIN_WIDTH:.1} 150.0\"")));
}

#[test]
fn escaping_for_svg() {
    assert_eq!(xml_escape(r#"a<b>&"c'"#), "a&lt;b&gt;&amp;&quot;c&#39;");
}

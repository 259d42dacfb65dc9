//! Which rows of a long table are drawn: a table of cases, then the properties.
use am_planner::domain::window::{
    rows_in_view, RowWindow, DRAW_ALL_UP_TO, KEEP_FOCUSED_WITHIN, OVERSCAN,
};
use proptest::prelude::*;

fn w(start: usize, end: usize) -> RowWindow {
    RowWindow { start, end }
}

#[test]
fn rows_in_view_cases() {
    // (top, row height, viewport height, overscan, total) -> window
    let cases: &[(f64, f64, f64, usize, usize, RowWindow)] = &[
        // A short table is drawn whole, wherever it is.
        (5000.0, 80.0, 800.0, 8, 40, w(0, 40)),
        (0.0, 80.0, 800.0, 8, DRAW_ALL_UP_TO, w(0, DRAW_ALL_UP_TO)),
        // The table starts below the top of the screen: its first rows.
        (-400.0, 80.0, 800.0, 8, 1000, w(0, 13)),
        // Entirely below the screen: only the overscan.
        (-2000.0, 80.0, 800.0, 0, 1000, w(0, 0)),
        (-2000.0, 80.0, 800.0, 8, 1000, w(0, 8)),
        // At its top: 10 rows in view, 8 more below.
        (0.0, 80.0, 800.0, 8, 1000, w(0, 18)),
        // Half a row scrolled: 11 rows touch the viewport.
        (40.0, 80.0, 800.0, 0, 1000, w(0, 11)),
        // Row 100 at the top.
        (8000.0, 80.0, 800.0, 8, 1000, w(92, 118)),
        // At the end: the last rows.
        (79_200.0, 80.0, 800.0, 8, 1000, w(982, 1000)),
        // Scrolled past the end (the table just got shorter): its last rows.
        (500_000.0, 80.0, 800.0, 8, 1000, w(982, 1000)),
        (500_000.0, 80.0, 800.0, 0, 150, w(140, 150)),
        // Sizes that are not numbers: every row.
        (0.0, 0.0, 800.0, 8, 1000, w(0, 1000)),
        (0.0, f64::NAN, 800.0, 8, 1000, w(0, 1000)),
        (0.0, 80.0, f64::INFINITY, 8, 1000, w(0, 1000)),
        // A position that is not a number counts as the top.
        (f64::NAN, 80.0, 800.0, 8, 1000, w(0, 18)),
    ];
    for &(top, row, height, overscan, total, want) in cases {
        assert_eq!(
            rows_in_view(top, row, height, overscan, total),
            want,
            "top {top}, row {row}, height {height}, overscan {overscan}, total {total}"
        );
    }
}

#[test]
fn a_focused_row_near_the_window_stays_drawn() {
    let win = w(100, 130);
    assert_eq!(win.keeping(None, 1000), win);
    assert_eq!(win.keeping(Some(110), 1000), win, "already drawn");
    assert_eq!(win.keeping(Some(95), 1000), w(95, 130));
    assert_eq!(win.keeping(Some(140), 1000), w(100, 141));
    let near = 130 + KEEP_FOCUSED_WITHIN - 1;
    assert_eq!(win.keeping(Some(near), 1000), w(100, near + 1));
    assert_eq!(
        win.keeping(Some(130 + KEEP_FOCUSED_WITHIN), 1000),
        win,
        "too far: let go"
    );
    assert_eq!(
        win.keeping(Some(2000), 1000),
        win,
        "a row the table no longer has"
    );
    assert_eq!(win.hidden(1000), (100, 870));
}

proptest! {
    #[test]
    fn every_row_on_screen_is_drawn(
        top in -5_000.0f64..200_000.0,
        row in 20.0f64..200.0,
        height in 0.0f64..3_000.0,
        total in 0usize..3_000,
        overscan in prop_oneof![Just(0usize), Just(OVERSCAN), 0usize..20],
    ) {
        let win = rows_in_view(top, row, height, overscan, total);
        prop_assert!(win.start <= win.end && win.end <= total);
        for i in 0..total {
            let (y0, y1) = (i as f64 * row, (i + 1) as f64 * row);
            if y1 > top && y0 < top + height {
                prop_assert!(win.contains(i), "row {i} is on screen but not drawn: {win:?}");
            }
        }
        if total > DRAW_ALL_UP_TO {
            // Never more than a screenful and the overscan.
            let most = (height / row).ceil() as usize + 1 + 2 * overscan;
            prop_assert!(win.len() <= most, "{} rows drawn, at most {most}", win.len());
            prop_assert!(overscan == 0 || !win.is_empty());
        } else {
            prop_assert_eq!(win, RowWindow::all(total));
        }
    }
}

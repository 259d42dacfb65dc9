//! Practice progress charts: reviews per day, retention of learned cards, cards by state,
//! and mock interview scores. Pure SVG strings from the figures of
//! `domain::practice::stats`; the page puts them into a `.pr-chart` box.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::draw::{self, text, y_grid, Area, Drawn, Label, INK, MUTED, SMALL, TEXT};
use super::scale::{count_ticks, Rect};
use crate::domain::dates;
use crate::domain::practice::scheduler::CardState;
use crate::domain::practice::stats::Day;

const BAR: RGBColor = RGBColor(37, 99, 235);
const LINE: RGBColor = RGBColor(21, 128, 61);
const TARGET: RGBColor = RGBColor(202, 138, 4);

const MIN_WIDTH: u32 = 240;

/// A practice chart, at least [`MIN_WIDTH`] wide; the page's stylesheet sizes it.
fn render(
    width: u32,
    height: u32,
    title: &str,
    figures: &str,
    draw: impl FnOnce(&Area) -> Drawn,
) -> String {
    draw::render(
        width.max(MIN_WIDTH),
        height,
        title,
        figures,
        "pr-chart-svg",
        draw,
    )
}

/// The days that had reviews, as `figure` gives them, for a chart's description.
fn days_figures(days: &[Day], figure: impl Fn(&Day) -> Option<String>) -> String {
    days.iter()
        .filter_map(|d| figure(d).map(|f| format!("{}: {f}", dates::day_month(d.date))))
        .collect::<Vec<_>>()
        .join("; ")
}

fn empty(root: &Area, w: f64, h: f64, msg: &str) -> Drawn {
    text(
        root,
        msg,
        w / 2.0,
        h / 2.0,
        Label::new(TEXT, &MUTED, HPos::Center, VPos::Center),
    )
}

/// Day labels under the plot: the last day (today) and every seventh day before it, so
/// labels never collide; the last one is right-aligned so it stays inside the drawing.
fn x_days(root: &Area, plot: Rect, days: &[Day]) -> Drawn {
    let n = days.len();
    let step = plot.width() / n.max(1) as f64;
    for (i, d) in days.iter().enumerate() {
        if (n - 1 - i) % 7 != 0 {
            continue;
        }
        let (x, h) = if i + 1 == n {
            (plot.right, HPos::Right)
        } else {
            (plot.left + step * (i as f64 + 0.5), HPos::Center)
        };
        text(
            root,
            &dates::day_month(d.date),
            x,
            plot.bottom + 6.0,
            Label::new(SMALL, &MUTED, h, VPos::Top),
        )?;
    }
    Ok(())
}

/// One bar per day: how many reviews.
pub fn reviews_per_day_svg(days: &[Day], width: u32, height: u32) -> String {
    let total: usize = days.iter().map(|d| d.reviews).sum();
    let title = format!(
        "Reviews per day over the last {} days: {total} in all",
        days.len()
    );
    let figures = days_figures(days, |d| (d.reviews > 0).then(|| d.reviews.to_string()));
    render(width, height, &title, &figures, |root| {
        let (w, h) = (width.max(MIN_WIDTH) as f64, height as f64);
        if total == 0 {
            return empty(root, w, h, "No reviews yet");
        }
        let plot = Rect::new(36.0, 10.0, w - 8.0, h - 24.0);
        let max = days.iter().map(|d| d.reviews).max().unwrap_or(1).max(1);
        let ticks = count_ticks(max, 4);
        let top = *ticks.last().unwrap_or(&max) as f64;
        let labels: Vec<(f64, String)> = ticks.iter().map(|t| (*t as f64, t.to_string())).collect();
        y_grid(root, plot, &labels, top)?;
        let step = plot.width() / days.len() as f64;
        for (i, d) in days.iter().enumerate() {
            if d.reviews == 0 {
                continue;
            }
            let x0 = plot.left + step * i as f64 + step * 0.15;
            let x1 = plot.left + step * (i as f64 + 1.0) - step * 0.15;
            let y = plot.bottom - d.reviews as f64 / top * plot.height();
            root.draw(&Rectangle::new(
                Rect::new(x0, y, x1.max(x0 + 1.0), plot.bottom).px(),
                BAR.filled(),
            ))?;
        }
        x_days(root, plot, days)
    })
}

/// Share of learned cards recalled each day (0-100), against the 90% the scheduler aims
/// for. Days without reviews of learned cards have no point.
pub fn retention_svg(days: &[Day], width: u32, height: u32) -> String {
    let overall = crate::domain::practice::stats::retention_over(days);
    let title = match overall {
        Some(r) => format!(
            "Retention of learned cards: {}% recalled over the last {} days (target 90%)",
            r.round(),
            days.len()
        ),
        None => "Retention of learned cards: no learned card reviewed yet".into(),
    };
    let figures = days_figures(days, |d| {
        (d.mature > 0).then(|| format!("{} of {} recalled", d.recalled, d.mature))
    });
    render(width, height, &title, &figures, |root| {
        let (w, h) = (width.max(MIN_WIDTH) as f64, height as f64);
        if overall.is_none() {
            return empty(root, w, h, "No learned card reviewed yet");
        }
        let plot = Rect::new(40.0, 10.0, w - 8.0, h - 24.0);
        let labels: Vec<(f64, String)> = [0, 50, 100]
            .iter()
            .map(|v| (*v as f64, format!("{v}%")))
            .collect();
        y_grid(root, plot, &labels, 100.0)?;
        let y_of = |v: f64| plot.bottom - v / 100.0 * plot.height();
        let target = y_of(90.0) as i32;
        root.draw(&PathElement::new(
            vec![(plot.left as i32, target), (plot.right as i32, target)],
            TARGET.stroke_width(2),
        ))?;
        let step = plot.width() / days.len() as f64;
        let points: Vec<(i32, i32)> = days
            .iter()
            .enumerate()
            .filter_map(|(i, d)| {
                d.retention()
                    .map(|r| ((plot.left + step * (i as f64 + 0.5)) as i32, y_of(r) as i32))
            })
            .collect();
        root.draw(&PathElement::new(points.clone(), LINE.stroke_width(2)))?;
        for p in points {
            root.draw(&Circle::new(p, 3, LINE.filled()))?;
        }
        x_days(root, plot, days)
    })
}

/// One bar per state: how many cards are new, learning, in review, relearning.
pub fn cards_by_state_svg(counts: &[(CardState, usize)], width: u32, height: u32) -> String {
    let total: usize = counts.iter().map(|c| c.1).sum();
    let title = format!(
        "Cards by state: {}",
        counts
            .iter()
            .map(|(s, n)| format!("{} {n}", s.label()))
            .collect::<Vec<_>>()
            .join(", ")
    );
    render(width, height, &title, "", |root| {
        let (w, h) = (width.max(MIN_WIDTH) as f64, height as f64);
        if total == 0 {
            return empty(root, w, h, "No cards loaded");
        }
        let left = 84.0;
        let right = w - 40.0;
        let row = (h - 8.0) / counts.len() as f64;
        for (i, (state, n)) in counts.iter().enumerate() {
            let mid = 4.0 + row * (i as f64 + 0.5);
            text(
                root,
                state.label(),
                left - 8.0,
                mid,
                Label::new(TEXT, &INK, HPos::Right, VPos::Center),
            )?;
            let x1 = left + (right - left) * *n as f64 / total as f64;
            if *n > 0 {
                root.draw(&Rectangle::new(
                    Rect::new(left, mid - row * 0.3, x1.max(left + 2.0), mid + row * 0.3).px(),
                    BAR.filled(),
                ))?;
            }
            text(
                root,
                &n.to_string(),
                x1 + 6.0,
                mid,
                Label::new(SMALL, &INK, HPos::Left, VPos::Center),
            )?;
        }
        Ok(())
    })
}

/// Mock interview scores in the order taken (0-100), one point per attempt.
pub fn mock_scores_svg(scores: &[u32], width: u32, height: u32) -> String {
    let title = match scores.last() {
        Some(last) => format!(
            "Mock interview scores: {} attempts, last {last}%",
            scores.len()
        ),
        None => "Mock interview scores: no attempt yet".into(),
    };
    let figures = if scores.is_empty() {
        String::new()
    } else {
        format!(
            "Scores in order: {}",
            scores
                .iter()
                .map(|s| format!("{s}%"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    render(width, height, &title, &figures, |root| {
        let (w, h) = (width.max(MIN_WIDTH) as f64, height as f64);
        if scores.is_empty() {
            return empty(root, w, h, "No mock interview yet");
        }
        let plot = Rect::new(40.0, 10.0, w - 12.0, h - 24.0);
        let labels: Vec<(f64, String)> = [0, 50, 100]
            .iter()
            .map(|v| (*v as f64, format!("{v}%")))
            .collect();
        y_grid(root, plot, &labels, 100.0)?;
        let n = scores.len();
        let x_of = |i: usize| {
            if n == 1 {
                plot.left + plot.width() / 2.0
            } else {
                plot.left + plot.width() * i as f64 / (n - 1) as f64
            }
        };
        let points: Vec<(i32, i32)> = scores
            .iter()
            .enumerate()
            .map(|(i, s)| {
                (
                    x_of(i) as i32,
                    (plot.bottom - *s as f64 / 100.0 * plot.height()) as i32,
                )
            })
            .collect();
        root.draw(&PathElement::new(points.clone(), BAR.stroke_width(2)))?;
        for p in &points {
            root.draw(&Circle::new(*p, 4, BAR.filled()))?;
        }
        let last = Label::new(SMALL, &MUTED, HPos::Right, VPos::Top);
        if n > 1 {
            let first = Label::new(SMALL, &MUTED, HPos::Left, VPos::Top);
            text(root, "attempt 1", x_of(0), plot.bottom + 6.0, first)?;
            text(
                root,
                &format!("attempt {n}"),
                x_of(n - 1),
                plot.bottom + 6.0,
                last,
            )?;
        } else {
            let one = Label::new(SMALL, &MUTED, HPos::Center, VPos::Top);
            text(root, "attempt 1", x_of(0), plot.bottom + 6.0, one)?;
        }
        Ok(())
    })
}

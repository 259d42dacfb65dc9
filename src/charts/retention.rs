//! NRR and GRR by quarter (the KPI page): two lines over the last quarters, with their
//! targets as thin reference lines, each labelled with its figure. Pure SVG from the
//! figures of `domain::kpi`.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use crate::domain::kpi::{percent, GRR_TARGET, NRR_TARGET};

use super::draw::{self, text, y_grid, Area, Drawn, Label, MUTED, SMALL, TEXT};
use super::scale::{text_width, Rect};

const NRR: RGBColor = RGBColor(37, 99, 235);
const GRR: RGBColor = RGBColor(21, 128, 61);
const MIN_WIDTH: u32 = 260;

/// One quarter: its label (`Q3 2026`), NRR and GRR as fractions (`None`: no starting ARR).
pub type QuarterRow = (String, Option<f64>, Option<f64>);

/// A figure as the KPI tiles write it (`domain::kpi::percent`), so the chart's text
/// alternative and the tiles never disagree.
fn pct(x: Option<f64>) -> String {
    x.map(percent).unwrap_or_else(|| "no starting ARR".into())
}

/// The top of the scale: 120% or the highest value rounded up to the next 20%.
pub fn top_percent(rows: &[QuarterRow]) -> f64 {
    let max = rows
        .iter()
        .flat_map(|r| [r.1, r.2])
        .flatten()
        .fold(1.2_f64, f64::max);
    ((max * 100.0 / 20.0).ceil() * 20.0).max(120.0)
}

pub fn retention_svg(rows: &[QuarterRow], width: u32, height: u32) -> String {
    let title = format!(
        "NRR and GRR by quarter (targets: NRR above {}, GRR above {})",
        percent(NRR_TARGET),
        percent(GRR_TARGET)
    );
    let figures = rows
        .iter()
        .map(|(q, n, g)| format!("{q}: NRR {}, GRR {}", pct(*n), pct(*g)))
        .collect::<Vec<_>>()
        .join("; ");
    let w = width.max(MIN_WIDTH);
    draw::render(w, height, &title, &figures, "kpi-chart-svg", |root| {
        draw_lines(root, rows, w as f64, height as f64)
    })
}

/// Room between two quarter labels, in pixels.
const LABEL_GAP: f64 = 6.0;

/// The labels under each quarter for a plot `plot_width` wide: `Q3 2026` on one line where
/// they fit side by side; otherwise the quarter on a first line and, under it, the year on
/// the first quarter shown and wherever the year changes (`Q3` / `2026`, `Q4`, `Q1` / `2027`);
/// and when even the quarters crowd each other, every other quarter's label is left out
/// (the lines keep their points, and the chart's text alternative names every quarter).
pub fn quarter_labels(labels: &[&str], plot_width: f64) -> Vec<(String, Option<String>)> {
    let step = plot_width / labels.len().max(1) as f64;
    let fits = |t: &str| text_width(t, SMALL) + LABEL_GAP <= step;
    if labels.iter().all(|l| fits(l)) {
        return labels.iter().map(|l| (l.to_string(), None)).collect();
    }
    let widest_part = labels
        .iter()
        .flat_map(|l| l.split(' '))
        .map(|p| text_width(p, SMALL))
        .fold(0.0, f64::max);
    let every = if widest_part + LABEL_GAP <= step {
        1
    } else {
        2
    };
    // The year is written under the first label shown and wherever it changes.
    let mut last_year: Option<&str> = None;
    labels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if i % every != 0 {
                return (String::new(), None);
            }
            let (quarter, year) = l.split_once(' ').unwrap_or((l, ""));
            let new_year = !year.is_empty() && last_year != Some(year);
            last_year = Some(year);
            (quarter.to_string(), new_year.then(|| year.to_string()))
        })
        .collect()
}

fn draw_lines(root: &Area, rows: &[QuarterRow], w: f64, h: f64) -> Drawn {
    let top = top_percent(rows);
    let names: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    let labels = quarter_labels(&names, w - 54.0);
    // Two lines of labels take one more line of room under the plot.
    let two_lines = labels.iter().any(|l| l.1.is_some());
    let plot = Rect::new(
        44.0,
        10.0,
        w - 10.0,
        h - if two_lines { 52.0 } else { 40.0 },
    );
    let y_of = |v: f64| plot.bottom - v * 100.0 / top * plot.height();
    let step = if top > 200.0 { 50.0 } else { 20.0 };
    let ticks: Vec<(f64, String)> = std::iter::successors(Some(0.0_f64), |t| Some(t + step))
        .take_while(|t| *t <= top + 0.1)
        .map(|t| (t, format!("{t:.0}%")))
        .collect();
    y_grid(root, plot, &ticks, top)?;
    // Each target a thin line in its measure's colour, its figure at the right end: the
    // NRR one above its line, the GRR one under it, so the two never meet.
    for (target, color, above) in [(NRR_TARGET, &NRR, true), (GRR_TARGET, &GRR, false)] {
        let y = y_of(target);
        root.draw(&PathElement::new(
            vec![(plot.left as i32, y as i32), (plot.right as i32, y as i32)],
            color.stroke_width(1),
        ))?;
        let (dy, v) = if above {
            (-3.0, VPos::Bottom)
        } else {
            (3.0, VPos::Top)
        };
        text(
            root,
            &percent(target),
            plot.right,
            y + dy,
            Label::new(SMALL, color, HPos::Right, v),
        )?;
    }
    let step = plot.width() / rows.len().max(1) as f64;
    let x_of = |i: usize| plot.left + step * (i as f64 + 0.5);
    let label = Label::new(SMALL, &MUTED, HPos::Center, VPos::Center);
    for (i, (line, year)) in labels.iter().enumerate() {
        if line.is_empty() {
            continue;
        }
        text(root, line, x_of(i), plot.bottom + 14.0, label)?;
        if let Some(year) = year {
            text(root, year, x_of(i), plot.bottom + 27.0, label)?;
        }
    }
    for (color, pick) in [(NRR, 1usize), (GRR, 2usize)] {
        let points: Vec<(i32, i32)> = rows
            .iter()
            .enumerate()
            .filter_map(|(i, r)| {
                let v = if pick == 1 { r.1 } else { r.2 };
                v.map(|v| (x_of(i) as i32, y_of(v) as i32))
            })
            .collect();
        root.draw(&PathElement::new(points.clone(), color.stroke_width(2)))?;
        // NRR's points are rings, GRR's dots: where the two are equal (no expansion),
        // the ring still shows around the dot, and the lines differ by more than colour.
        for p in points {
            if pick == 1 {
                root.draw(&Circle::new(p, 5, color.stroke_width(2)))?;
            } else {
                root.draw(&Circle::new(p, 3, color.filled()))?;
            }
        }
    }
    text(
        root,
        "○ NRR",
        plot.left,
        h - 10.0,
        Label::new(TEXT, &NRR, HPos::Left, VPos::Center),
    )?;
    text(
        root,
        "● GRR",
        plot.left + 70.0,
        h - 10.0,
        Label::new(TEXT, &GRR, HPos::Left, VPos::Center),
    )?;
    text(
        root,
        "thin lines: targets",
        plot.left + 140.0,
        h - 10.0,
        Label::new(TEXT, &MUTED, HPos::Left, VPos::Center),
    )
}

//! One account's health score over time: the three bands shaded, the scores joined by a
//! line with a dot per check-in (coloured by band), dashed lines where the scoring weights
//! changed, and the latest score written beside its dot.

use crate::domain::order;
use chrono::NaiveDate;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::draw::{
    self, band_fill, band_strong, band_text, text, Area, Drawn, Label, GRID, INK, MUTED, SMALL,
    TEXT,
};
use super::scale::{
    band_label_box, band_rects, date_ticks, marker_xs, point_positions, px, text_width,
    trend_domain, DateScale, Rect, ScoreScale, SCORE_TICKS,
};
use crate::domain::dates;
use crate::domain::health::{fmt_points, Band};

/// Smallest drawing accepted; smaller sizes are raised to these.
pub const MIN_WIDTH: u32 = 240;
pub const MIN_HEIGHT: u32 = 140;

const LEFT: f64 = 34.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 22.0;
const BOTTOM: f64 = 26.0;
/// Room between the plot's side edges and the first/last dot.
const INSET: f64 = 10.0;

/// Where everything of the trend chart goes, computed from the data and the size only.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrendLayout {
    pub width: u32,
    pub height: u32,
    /// The plotting area (bands, line, dots).
    pub plot: Rect,
    pub xs: DateScale,
    pub ys: ScoreScale,
}

impl TrendLayout {
    pub fn new(points: &[(NaiveDate, f64)], today: NaiveDate, width: u32, height: u32) -> Self {
        let (width, height) = (width.max(MIN_WIDTH), height.max(MIN_HEIGHT));
        let plot = Rect::new(LEFT, TOP, width as f64 - RIGHT, height as f64 - BOTTOM);
        let (start, end) = trend_domain(points, today);
        TrendLayout {
            width,
            height,
            plot,
            xs: DateScale::new(start, end, plot.left + INSET, plot.right - INSET),
            ys: ScoreScale::new(plot.top, plot.bottom),
        }
    }

    /// How many date labels fit.
    pub fn max_date_ticks(&self) -> usize {
        ((self.plot.width() / 80.0).floor() as usize).max(2)
    }

    /// Radius of the dots: bigger on wide drawings.
    pub fn dot_radius(&self) -> u32 {
        if self.width >= 560 {
            5
        } else {
            4
        }
    }
}

/// The trend chart as an SVG string. `points` are (date, score) of the scored snapshots,
/// in any order; `weight_changes` the dates the weights changed (those outside the shown
/// range are left out). The x axis runs from the first point to `today`.
pub fn health_trend_svg(
    points: &[(NaiveDate, f64)],
    weight_changes: &[NaiveDate],
    today: NaiveDate,
    width: u32,
    height: u32,
) -> String {
    let mut pts: Vec<(NaiveDate, f64)> =
        points.iter().copied().filter(|p| p.1.is_finite()).collect();
    order::sort_by_key(&mut pts, |p| p.0);
    let layout = TrendLayout::new(&pts, today, width, height);
    let title = match pts.last() {
        None => "Health score over time: no check-ins yet".to_string(),
        Some((d, s)) => format!(
            "Health score over time: {} check-in{}, latest {} ({}) on {}",
            pts.len(),
            if pts.len() == 1 { "" } else { "s" },
            fmt_points(*s),
            Band::of(*s).label(),
            dates::long(*d)
        ),
    };
    let mut figures = pts
        .iter()
        .map(|(d, s)| {
            format!(
                "{}: {} ({})",
                dates::long(*d),
                fmt_points(*s),
                Band::of(*s).label()
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let shown: Vec<String> = weight_changes
        .iter()
        .filter(|d| pts.first().is_some_and(|p| **d >= p.0) && **d <= today)
        .map(|d| dates::long(*d))
        .collect();
    if !shown.is_empty() {
        figures.push_str(&format!(". Weights changed on {}", shown.join(", ")));
    }
    draw::render(
        layout.width,
        layout.height,
        &title,
        &figures,
        "chart chart-health-trend",
        |root| draw_trend(root, &layout, &pts, weight_changes),
    )
}

fn draw_trend(
    root: &Area,
    l: &TrendLayout,
    pts: &[(NaiveDate, f64)],
    changes: &[NaiveDate],
) -> Drawn {
    let plot = l.plot;

    // Bands, each named so the colour is not the only cue: at its top left, or the first
    // other corner the line and dots leave clear.
    let pos = point_positions(pts, &l.xs, &l.ys);
    for (band, r) in band_rects(plot) {
        root.draw(&Rectangle::new(r.px(), band_fill(band).filled()))?;
        let name = band.label();
        let at = band_label_box(
            r,
            text_width(name, SMALL),
            SMALL,
            6.0,
            &pos,
            l.dot_radius() as f64 + 1.0,
        );
        text(
            root,
            name,
            at.left,
            at.top,
            Label::new(SMALL, band_text(band), HPos::Left, VPos::Top),
        )?;
    }

    // Score axis.
    for s in SCORE_TICKS {
        let y = l.ys.y(s);
        text(
            root,
            &fmt_points(s),
            plot.left - 6.0,
            y,
            Label::new(SMALL, &MUTED, HPos::Right, VPos::Center),
        )?;
    }
    root.draw(&PathElement::new(
        vec![
            (px(plot.left), px(plot.bottom)),
            (px(plot.right), px(plot.bottom)),
        ],
        GRID.stroke_width(1),
    ))?;

    // Date axis: labels kept inside the drawing.
    let ticks = date_ticks(l.xs.start, l.xs.end, l.max_date_ticks());
    for (d, label) in &ticks {
        let x = l.xs.x(*d);
        let half = text_width(label, SMALL) / 2.0;
        let x_label = x.clamp(half + 2.0, l.width as f64 - half - 2.0);
        root.draw(&PathElement::new(
            vec![(px(x), px(plot.bottom)), (px(x), px(plot.bottom + 4.0))],
            GRID.stroke_width(1),
        ))?;
        text(
            root,
            label,
            x_label,
            plot.bottom + 7.0,
            Label::new(SMALL, &MUTED, HPos::Center, VPos::Top),
        )?;
    }

    // Weight changes: dashed verticals, labelled above the plot where there is room.
    let mut last_label_end = f64::NEG_INFINITY;
    for x in marker_xs(changes, &l.xs) {
        root.draw(&DashedPathElement::new(
            vec![(px(x), px(plot.top)), (px(x), px(plot.bottom))],
            5,
            4,
            MUTED.stroke_width(1),
        ))?;
        let word = "weights changed";
        let half = text_width(word, SMALL) / 2.0;
        let xl = x.clamp(half + 2.0, l.width as f64 - half - 2.0);
        if xl - half > last_label_end + 4.0 {
            text(
                root,
                word,
                xl,
                plot.top - 5.0,
                Label::new(SMALL, &MUTED, HPos::Center, VPos::Bottom),
            )?;
            last_label_end = xl + half;
        }
    }

    if pts.is_empty() {
        return text(
            root,
            "No check-ins yet",
            (plot.left + plot.right) / 2.0,
            (plot.top + plot.bottom) / 2.0,
            Label::new(TEXT, &INK, HPos::Center, VPos::Center),
        );
    }

    // Line and dots.
    if pos.len() > 1 {
        root.draw(&PathElement::new(
            pos.iter()
                .map(|(x, y)| (px(*x), px(*y)))
                .collect::<Vec<_>>(),
            INK.stroke_width(2),
        ))?;
    }
    let r = l.dot_radius();
    for ((_, score), (x, y)) in pts.iter().zip(&pos) {
        root.draw(&Circle::new(
            (px(*x), px(*y)),
            r,
            band_strong(Some(Band::of(*score))).filled(),
        ))?;
    }

    // The latest score, above its dot (below when the dot is near the top).
    if let (Some((_, s)), Some((x, y))) = (pts.last(), pos.last()) {
        let label = fmt_points(*s);
        let half = text_width(&label, TEXT) / 2.0;
        let x = x.clamp(plot.left + half, plot.right - half);
        let (ly, v) = if y - 8.0 - TEXT < plot.top {
            (y + 8.0, VPos::Top)
        } else {
            (y - 8.0, VPos::Bottom)
        };
        text(
            root,
            &label,
            x,
            ly,
            Label::new(TEXT, &INK, HPos::Center, v).bold(),
        )?;
    }
    Ok(())
}

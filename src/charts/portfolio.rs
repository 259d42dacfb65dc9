//! Portfolio charts: the health mix (accounts and ARR per band, two stacked bars) and the
//! distribution of scores (a histogram of 10-point bins, bars coloured by band).

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::draw::{
    self, band_fill, band_strong, band_text, text, text_on, Area, Drawn, Label, GRID, INK, MUTED,
    SMALL, TEXT,
};
use super::scale::{
    count_ticks, px, score_bins, stacked_segments, text_width, Bin, Rect, Segment, BIN_COUNT,
};
use crate::domain::health::{Band, HealthMix};
use crate::domain::Currency;

pub const MIN_WIDTH: u32 = 240;
pub const MIN_HEIGHT: u32 = 120;

// ---------------------------------------------------------------------------------------
// Health mix

/// The values of one stacked bar, by band (`None`: no score).
pub type Parts = Vec<(Option<Band>, f64)>;

/// The parts of the mix (accounts, ARR), healthiest first, accounts without a score last.
pub fn mix_parts(mix: &HealthMix) -> (Parts, Parts) {
    let mut counts: Parts = Band::ALL
        .iter()
        .map(|b| (Some(*b), mix.count(*b) as f64))
        .collect();
    let mut arr: Parts = Band::ALL.iter().map(|b| (Some(*b), mix.arr(*b))).collect();
    counts.push((None, mix.unscored_count as f64));
    arr.push((None, mix.unscored_arr));
    (counts, arr)
}

/// A legend entry: its band (`None`: no score) and text.
pub fn mix_legend(mix: &HealthMix) -> Vec<(Option<Band>, String)> {
    let mut out: Vec<(Option<Band>, String)> = Band::ALL
        .iter()
        .map(|b| (Some(*b), format!("{} · {}", b.label(), mix.count(*b))))
        .collect();
    if mix.unscored_count > 0 {
        out.push((None, format!("No score · {}", mix.unscored_count)));
    }
    out
}

const LEGEND_KEY: f64 = 12.0;
const LEGEND_ROW: f64 = 20.0;

/// Lays legend entries out left to right from `x0`, wrapping at `x1`: the top-left of
/// each entry's key square and the number of rows used.
pub fn legend_positions(texts: &[String], x0: f64, x1: f64) -> (Vec<(f64, f64)>, usize) {
    let mut out = Vec::new();
    let (mut x, mut row) = (x0, 0usize);
    for t in texts {
        let w = LEGEND_KEY + 5.0 + text_width(t, SMALL) + 14.0;
        if x > x0 && x + w > x1 {
            x = x0;
            row += 1;
        }
        out.push((x, row as f64 * LEGEND_ROW));
        x += w;
    }
    (out, if texts.is_empty() { 0 } else { row + 1 })
}

/// Two stacked bars: how many accounts, and how much ARR, are healthy, need attention,
/// are at risk or have no score yet. Segments are labelled when the label fits; a legend
/// below names every band with its count.
pub fn portfolio_mix_svg(mix: &HealthMix, currency: &Currency, width: u32, height: u32) -> String {
    let (width, height) = (width.max(MIN_WIDTH), height.max(MIN_HEIGHT));
    let title = format!(
        "Portfolio health: {} healthy, {} need attention, {} at risk, {} without a score",
        mix.count(Band::Green),
        mix.count(Band::Yellow),
        mix.count(Band::Red),
        mix.unscored_count
    );
    let arr = |b: Option<Band>| match b {
        Some(b) => currency.format(mix.arr(b)),
        None => currency.format(mix.unscored_arr),
    };
    let figures = format!(
        "ARR: {} healthy, {} need attention, {} at risk, {} without a score",
        arr(Some(Band::Green)),
        arr(Some(Band::Yellow)),
        arr(Some(Band::Red)),
        arr(None)
    );
    draw::render(
        width,
        height,
        &title,
        &figures,
        "chart chart-health-mix",
        |root| draw_mix(root, mix, currency, width as f64, height as f64),
    )
}

fn draw_mix(root: &Area, mix: &HealthMix, currency: &Currency, w: f64, h: f64) -> Drawn {
    if mix.total_count() == 0 {
        return text(
            root,
            "No accounts yet",
            w / 2.0,
            h / 2.0,
            Label::new(TEXT, &INK, HPos::Center, VPos::Center),
        );
    }
    let left = 72.0;
    let right = w - 10.0;
    let legend = mix_legend(mix);
    let texts: Vec<String> = legend.iter().map(|l| l.1.clone()).collect();
    let (keys, rows) = legend_positions(&texts, 10.0, w - 10.0);
    let legend_top = h - 8.0 - rows as f64 * LEGEND_ROW + 4.0;
    let area_top = 8.0;
    let area_bottom = legend_top - 10.0;
    let gap = 12.0;
    let bar_h = ((area_bottom - area_top - gap) / 2.0).clamp(12.0, 40.0);
    let first_top = area_top + ((area_bottom - area_top) - (2.0 * bar_h + gap)).max(0.0) / 2.0;

    let (counts, arr) = mix_parts(mix);
    let rows_data: [(&str, Vec<Segment>, bool); 2] = [
        ("Accounts", stacked_segments(&counts, left, right), false),
        ("ARR", stacked_segments(&arr, left, right), true),
    ];
    for (i, (name, segments, money)) in rows_data.iter().enumerate() {
        let top = first_top + i as f64 * (bar_h + gap);
        let mid = top + bar_h / 2.0;
        text(
            root,
            name,
            left - 8.0,
            mid,
            Label::new(TEXT, &INK, HPos::Right, VPos::Center).bold(),
        )?;
        if segments.is_empty() {
            text(
                root,
                "No ARR entered",
                left,
                mid,
                Label::new(SMALL, &MUTED, HPos::Left, VPos::Center),
            )?;
            continue;
        }
        for s in segments {
            let r = Rect::new(s.x0, top, s.x1, top + bar_h);
            root.draw(&Rectangle::new(r.px(), band_strong(s.band).filled()))?;
            let label = if *money {
                currency.format_short(s.value)
            } else {
                format!("{}", s.value as usize)
            };
            if text_width(&label, SMALL) + 8.0 <= r.width() && bar_h >= 14.0 {
                text(
                    root,
                    &label,
                    (r.left + r.right) / 2.0,
                    mid,
                    Label::new(SMALL, text_on(s.band), HPos::Center, VPos::Center).bold(),
                )?;
            }
        }
    }

    for ((band, t), (x, y)) in legend.iter().zip(&keys) {
        let top = legend_top + y;
        let key = Rect::new(*x, top, x + LEGEND_KEY, top + LEGEND_KEY);
        root.draw(&Rectangle::new(key.px(), band_strong(*band).filled()))?;
        text(
            root,
            t,
            x + LEGEND_KEY + 5.0,
            top + LEGEND_KEY / 2.0,
            Label::new(SMALL, &INK, HPos::Left, VPos::Center),
        )?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Score distribution

/// The bar pieces of the histogram: for each bin, one rectangle per band present,
/// stacked red, yellow, green from the bottom. `y_of(count)` maps a count to y.
pub fn histogram_bars(
    bins: &[Bin; BIN_COUNT],
    plot: Rect,
    y_of: impl Fn(f64) -> f64,
) -> Vec<(Band, Rect)> {
    let bin_w = plot.width() / BIN_COUNT as f64;
    let pad = (bin_w * 0.12).clamp(1.0, 6.0);
    let mut out = Vec::new();
    for (i, bin) in bins.iter().enumerate() {
        let x0 = plot.left + i as f64 * bin_w + pad;
        let x1 = plot.left + (i + 1) as f64 * bin_w - pad;
        let mut below = 0usize;
        for band in [Band::Red, Band::Yellow, Band::Green] {
            let n = bin.count[band.index()];
            if n == 0 {
                continue;
            }
            let r = Rect::new(x0, y_of((below + n) as f64), x1, y_of(below as f64));
            out.push((band, r));
            below += n;
        }
    }
    out
}

/// A histogram of account scores in 10-point bins (`[0,10)` ... `[90,100]`), each bar
/// coloured by the band of its accounts (the 70-80 bar splits at 75), over the three
/// band zones shaded and named.
pub fn score_distribution_svg(scores: &[f64], width: u32, height: u32) -> String {
    let (width, height) = (width.max(MIN_WIDTH), height.max(MIN_HEIGHT));
    let n = scores.iter().filter(|s| s.is_finite()).count();
    let title = format!(
        "Distribution of health scores: {n} scored account{}",
        if n == 1 { "" } else { "s" }
    );
    let figures = score_bins(scores)
        .iter()
        .filter(|b| b.total() > 0)
        .map(|b| {
            let to = if b.to >= 100.0 { 100.0 } else { b.to - 1.0 };
            let n = b.total();
            format!(
                "{}–{}: {n} account{}",
                b.from,
                to,
                if n == 1 { "" } else { "s" }
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    draw::render(
        width,
        height,
        &title,
        &figures,
        "chart chart-score-distribution",
        |root| draw_distribution(root, scores, width as f64, height as f64),
    )
}

fn draw_distribution(root: &Area, scores: &[f64], w: f64, h: f64) -> Drawn {
    let bins = score_bins(scores);
    let max = bins.iter().map(Bin::total).max().unwrap_or(0);
    if max == 0 {
        return text(
            root,
            "No scored accounts yet",
            w / 2.0,
            h / 2.0,
            Label::new(TEXT, &INK, HPos::Center, VPos::Center),
        );
    }
    let plot = Rect::new(34.0, 18.0, w - 10.0, h - 42.0);
    let ticks = count_ticks(max, ((plot.height() / 28.0).floor() as usize).max(1));
    let top_count = *ticks.last().unwrap_or(&1) as f64;
    let y_of = |c: f64| plot.bottom - c / top_count * plot.height();
    let x_of = |score: f64| plot.left + score / 100.0 * plot.width();

    // Band zones behind the bars, named under the axis: all three by their word ("Needs
    // attention") where each fits its zone, else all three by their colour, never a mix.
    let zones = [
        (Band::Red, 0.0, 50.0),
        (Band::Yellow, 50.0, 75.0),
        (Band::Green, 75.0, 100.0),
    ];
    let words_fit = zones
        .iter()
        .all(|(band, lo, hi)| text_width(band.label(), SMALL) + 4.0 <= x_of(*hi) - x_of(*lo));
    for (band, lo, hi) in zones {
        let r = Rect::new(x_of(lo), plot.top, x_of(hi), plot.bottom);
        root.draw(&Rectangle::new(r.px(), band_fill(band).filled()))?;
        let name = if words_fit {
            band.label()
        } else {
            band.colour()
        };
        text(
            root,
            name,
            (r.left + r.right) / 2.0,
            plot.bottom + 24.0,
            Label::new(SMALL, band_text(band), HPos::Center, VPos::Top).bold(),
        )?;
    }

    for t in &ticks {
        let y = y_of(*t as f64);
        root.draw(&PathElement::new(
            vec![(px(plot.left), px(y)), (px(plot.right), px(y))],
            GRID.stroke_width(1),
        ))?;
        text(
            root,
            &t.to_string(),
            plot.left - 6.0,
            y,
            Label::new(SMALL, &MUTED, HPos::Right, VPos::Center),
        )?;
    }

    let every = if plot.width() / BIN_COUNT as f64 >= 26.0 {
        1
    } else {
        2
    };
    for i in (0..=BIN_COUNT).step_by(every) {
        let s = i as f64 * 10.0;
        text(
            root,
            &format!("{}", s as u32),
            x_of(s),
            plot.bottom + 5.0,
            Label::new(SMALL, &MUTED, HPos::Center, VPos::Top),
        )?;
    }

    for (band, r) in histogram_bars(&bins, plot, y_of) {
        root.draw(&Rectangle::new(r.px(), band_strong(Some(band)).filled()))?;
    }
    for (i, bin) in bins.iter().enumerate() {
        if bin.total() > 0 {
            let x = plot.left + (i as f64 + 0.5) * plot.width() / BIN_COUNT as f64;
            text(
                root,
                &bin.total().to_string(),
                x,
                y_of(bin.total() as f64) - 3.0,
                Label::new(SMALL, &INK, HPos::Center, VPos::Bottom).bold(),
            )?;
        }
    }
    Ok(())
}

//! Chart math in plain functions: scales, band rectangles, point positions, ticks, bins
//! and stacked segments. Everything is in SVG user units (the `viewBox`), y growing down.
//! The drawing modules only turn these numbers into shapes.

use crate::domain::{dates, order};
use chrono::{Datelike, Days, Months, NaiveDate};

use crate::domain::health::Band;

/// An axis-aligned rectangle: `left <= right`, `top <= bottom`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl Rect {
    pub fn new(left: f64, top: f64, right: f64, bottom: f64) -> Self {
        Rect {
            left: left.min(right),
            top: top.min(bottom),
            right: right.max(left),
            bottom: bottom.max(top),
        }
    }

    pub fn width(&self) -> f64 {
        self.right - self.left
    }

    pub fn height(&self) -> f64 {
        self.bottom - self.top
    }

    /// Whether the point is inside, edges included.
    pub fn contains(&self, (x, y): (f64, f64)) -> bool {
        (self.left..=self.right).contains(&x) && (self.top..=self.bottom).contains(&y)
    }

    /// Corners in whole pixels, as plotters wants them.
    pub fn px(&self) -> [(i32, i32); 2] {
        [
            (px(self.left), px(self.top)),
            (px(self.right), px(self.bottom)),
        ]
    }
}

/// Rounds a coordinate to a whole unit of the drawing.
pub fn px(v: f64) -> i32 {
    v.round() as i32
}

/// Maps a date range (inclusive) linearly onto `[x0, x1]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DateScale {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub x0: f64,
    pub x1: f64,
}

impl DateScale {
    /// A range of zero days is widened to one so that every date maps somewhere.
    pub fn new(start: NaiveDate, end: NaiveDate, x0: f64, x1: f64) -> Self {
        let (start, end) = if end > start {
            (start, end)
        } else {
            (start, start + Days::new(1))
        };
        DateScale { start, end, x0, x1 }
    }

    pub fn span_days(&self) -> i64 {
        (self.end - self.start).num_days()
    }

    pub fn x(&self, date: NaiveDate) -> f64 {
        let d = (date - self.start).num_days() as f64;
        self.x0 + d / self.span_days() as f64 * (self.x1 - self.x0)
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }
}

/// Maps a score 0-100 onto a vertical range: 100 at `top`, 0 at `bottom`. Scores outside
/// 0-100 are held at the edges.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScoreScale {
    pub top: f64,
    pub bottom: f64,
}

impl ScoreScale {
    pub fn new(top: f64, bottom: f64) -> Self {
        ScoreScale { top, bottom }
    }

    pub fn y(&self, score: f64) -> f64 {
        let s = score.clamp(0.0, 100.0);
        self.bottom - s / 100.0 * (self.bottom - self.top)
    }
}

/// The trend chart shows at least this many days, so a single point sits in context.
pub const MIN_SPAN_DAYS: u64 = 14;

/// The dates the trend chart spans: from the first point to today (or to the last point
/// when it is later), widened backwards to at least [`MIN_SPAN_DAYS`].
pub fn trend_domain(points: &[(NaiveDate, f64)], today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let first = points.iter().map(|p| p.0).min().unwrap_or(today);
    let last = points.iter().map(|p| p.0).max().unwrap_or(today);
    let end = last.max(today);
    let widest_start = end
        .checked_sub_days(Days::new(MIN_SPAN_DAYS))
        .unwrap_or(NaiveDate::MIN);
    (first.min(widest_start), end)
}

/// The shaded band areas of a score chart: green above 75, yellow 50 to 75, red under 50.
pub fn band_rects(plot: Rect) -> [(Band, Rect); 3] {
    let ys = ScoreScale::new(plot.top, plot.bottom);
    let row = |hi: f64, lo: f64| Rect::new(plot.left, ys.y(hi), plot.right, ys.y(lo));
    [
        (Band::Green, row(100.0, 75.0)),
        (Band::Yellow, row(75.0, 50.0)),
        (Band::Red, row(50.0, 0.0)),
    ]
}

/// Where a band's name goes: the box of `w` x `h` in the first corner of `band` (top left,
/// top right, bottom left, bottom right; `pad` in from its edges) that no dot (of radius
/// `dot`) and no stretch of the line between `points` touches, so the line never hides the
/// name. The top left when every corner is touched (the line is drawn over it then).
pub fn band_label_box(
    band: Rect,
    w: f64,
    h: f64,
    pad: f64,
    points: &[(f64, f64)],
    dot: f64,
) -> Rect {
    let (left, right) = (band.left + pad, band.right - pad - w);
    let (top, bottom) = (
        band.top + pad * 2.0 / 3.0,
        band.bottom - pad * 2.0 / 3.0 - h,
    );
    let corners = [(left, top), (right, top), (left, bottom), (right, bottom)];
    let boxes = corners.map(|(x, y)| Rect::new(x, y, x + w, y + h));
    let clear = |b: &Rect| {
        let near = Rect::new(b.left - dot, b.top - dot, b.right + dot, b.bottom + dot);
        let dots = points.iter().all(|&p| !near.contains(p));
        let line = points
            .windows(2)
            .all(|s| !segment_touches(s[0], s[1], &near));
        dots && line
    };
    boxes.iter().copied().find(clear).unwrap_or(boxes[0])
}

/// Whether the segment from `a` to `b` touches `r` (Liang-Barsky clipping).
fn segment_touches(a: (f64, f64), b: (f64, f64), r: &Rect) -> bool {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
    for (p, q) in [
        (-dx, a.0 - r.left),
        (dx, r.right - a.0),
        (-dy, a.1 - r.top),
        (dy, r.bottom - a.1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
            if t0 > t1 {
                return false;
            }
        }
    }
    true
}

/// Where each (date, score) point is drawn.
pub fn point_positions(
    points: &[(NaiveDate, f64)],
    xs: &DateScale,
    ys: &ScoreScale,
) -> Vec<(f64, f64)> {
    points.iter().map(|(d, s)| (xs.x(*d), ys.y(*s))).collect()
}

/// x of each weight-change marker inside the shown range, one per date, left to right.
pub fn marker_xs(dates: &[NaiveDate], xs: &DateScale) -> Vec<f64> {
    let mut inside: Vec<NaiveDate> = dates.iter().copied().filter(|d| xs.contains(*d)).collect();
    order::sort(&mut inside);
    inside.dedup();
    inside.into_iter().map(|d| xs.x(d)).collect()
}

/// Score axis ticks.
pub const SCORE_TICKS: [f64; 5] = [0.0, 25.0, 50.0, 75.0, 100.0];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Days(u64),
    Weeks(u64),
    Months(u32),
}

const STEPS: [Step; 12] = [
    Step::Days(1),
    Step::Days(2),
    Step::Weeks(1),
    Step::Weeks(2),
    Step::Months(1),
    Step::Months(2),
    Step::Months(3),
    Step::Months(6),
    Step::Months(12),
    Step::Months(24),
    Step::Months(60),
    Step::Months(120),
];

fn ticks_for(step: Step, start: NaiveDate, end: NaiveDate, limit: usize) -> Option<Vec<NaiveDate>> {
    let mut out = Vec::new();
    let mut d = match step {
        Step::Days(_) => start,
        Step::Weeks(_) => {
            let back = start.weekday().num_days_from_monday() as u64;
            let monday = start.checked_sub_days(Days::new(back))?;
            if monday < start {
                monday.checked_add_days(Days::new(7))?
            } else {
                monday
            }
        }
        Step::Months(n) => {
            let mut m = NaiveDate::from_ymd_opt(start.year(), start.month(), 1)?;
            if m < start {
                m = m.checked_add_months(Months::new(1))?;
            }
            while (m.year() as i64 * 12 + m.month0() as i64).rem_euclid(n as i64) != 0 {
                m = m.checked_add_months(Months::new(1))?;
            }
            m
        }
    };
    while d <= end {
        out.push(d);
        if out.len() > limit {
            return None;
        }
        d = match step {
            Step::Days(n) => d.checked_add_days(Days::new(n))?,
            Step::Weeks(n) => d.checked_add_days(Days::new(7 * n))?,
            Step::Months(n) => d.checked_add_months(Months::new(n))?,
        };
    }
    Some(out)
}

/// Date ticks between `start` and `end` (inclusive), at most `max_ticks` (at least 2),
/// on round dates: every day, 2 days, Monday, 2 Mondays, 1st of the month, of every 2,
/// 3, 6 months, of January. Labels: `4 Mar` for day steps, `Mar 2026` for months,
/// `2026` for years.
pub fn date_ticks(start: NaiveDate, end: NaiveDate, max_ticks: usize) -> Vec<(NaiveDate, String)> {
    let limit = max_ticks.max(2);
    for step in STEPS {
        if let Some(ticks) = ticks_for(step, start, end, limit) {
            let label: fn(NaiveDate) -> String = match step {
                Step::Days(_) | Step::Weeks(_) => dates::day_month,
                Step::Months(n) if n < 12 => dates::month_short,
                Step::Months(_) => |d| d.year().to_string(),
            };
            return ticks.into_iter().map(|d| (d, label(d))).collect();
        }
    }
    vec![
        (start, start.year().to_string()),
        (end, end.year().to_string()),
    ]
}

/// Whole-number ticks from 0 for a count axis whose largest value is `max`, at most
/// `max_ticks` intervals, on steps of 1, 2, 5, 10, 20, 50... Returns the ticks; the last
/// one is the top of the axis (at least 1).
pub fn count_ticks(max: usize, max_ticks: usize) -> Vec<usize> {
    let max = max.max(1);
    let intervals = max_ticks.max(1);
    let mut base = 1usize;
    let step = loop {
        let found = [1, 2, 5]
            .into_iter()
            .map(|m| m * base)
            .find(|s| max.div_ceil(*s) <= intervals);
        if let Some(s) = found {
            break s;
        }
        base = base.saturating_mul(10);
    };
    let top = max.div_ceil(step) * step;
    (0..=top).step_by(step).collect()
}

/// One 10-point bin of the score histogram, counts split by band (index by
/// [`Band::index`]). Only the 70-80 bin can hold two bands (75 is yellow, 75.1 green).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bin {
    pub from: f64,
    pub to: f64,
    pub count: [usize; 3],
}

impl Bin {
    pub fn total(&self) -> usize {
        self.count.iter().sum()
    }
}

pub const BIN_COUNT: usize = 10;

/// The bin of a score: `[0,10)`, `[10,20)` ... `[90,100]` (100 falls in the last bin).
pub fn bin_of(score: f64) -> usize {
    ((score.clamp(0.0, 100.0) / 10.0).floor() as usize).min(BIN_COUNT - 1)
}

/// Ten bins of ten points, each score counted in its bin under its band.
pub fn score_bins(scores: &[f64]) -> [Bin; BIN_COUNT] {
    let mut bins = [Bin {
        from: 0.0,
        to: 0.0,
        count: [0; 3],
    }; BIN_COUNT];
    for (i, b) in bins.iter_mut().enumerate() {
        b.from = i as f64 * 10.0;
        b.to = b.from + 10.0;
    }
    for s in scores.iter().filter(|s| s.is_finite()) {
        bins[bin_of(*s)].count[Band::of(*s).index()] += 1;
    }
    bins
}

/// One part of a horizontal stacked bar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Segment {
    /// `None`: accounts without a score.
    pub band: Option<Band>,
    pub value: f64,
    pub x0: f64,
    pub x1: f64,
}

/// Splits `[x0, x1]` in proportion to the values, in the given order, leaving out zero
/// (or negative) parts. Empty when nothing is above zero.
pub fn stacked_segments(values: &[(Option<Band>, f64)], x0: f64, x1: f64) -> Vec<Segment> {
    let total: f64 = values.iter().map(|v| v.1.max(0.0)).sum();
    if total <= 0.0 || !total.is_finite() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut acc = 0.0;
    for &(band, value) in values {
        if value <= 0.0 {
            continue;
        }
        let a = x0 + acc / total * (x1 - x0);
        acc += value;
        let b = x0 + acc / total * (x1 - x0);
        out.push(Segment {
            band,
            value,
            x0: a,
            x1: b,
        });
    }
    out
}

/// A rough width of a text in the charts' sans-serif font, used to avoid overlaps (the
/// browser lays the text out; this only has to be on the safe side).
pub fn text_width(text: &str, font_px: f64) -> f64 {
    text.chars().count() as f64 * font_px * 0.6
}

//! The renewal timeline chart: milestones as markers on a date axis, today as a line, the
//! notice deadline and the renewal date marked, colours by milestone state. Pure: the
//! geometry ([`layout`]) is plain numbers tested natively, and [`renewal_timeline_svg`]
//! turns it into an SVG string with a `viewBox`, so it scales to its container.
//!
//! Vertical layout (SVG user units, y down): milestone labels in up to three rows above
//! the axis, markers on the axis, the notice and renewal labels in two rows below it,
//! month ticks at the bottom. Labels in one row never overlap: each label goes into the
//! first row where it clears the previous label by [`LABEL_GAP`]; when every row is taken
//! it goes into the row with the most room.

use chrono::{Datelike, Months, NaiveDate};

use crate::domain::dates;
use crate::domain::renewal::{days_after, days_before, MilestoneKind, MilestoneState, Timeline};

pub const HEIGHT: f64 = 150.0;
pub const MIN_WIDTH: f64 = 240.0;
pub const MARGIN_X: f64 = 24.0;
pub const AXIS_Y: f64 = 60.0;
pub const FONT_PX: f64 = 11.0;
pub const LABEL_GAP: f64 = 6.0;
/// Baselines of the label rows above the axis, nearest first.
pub const ABOVE_ROWS: [f64; 3] = [44.0, 30.0, 16.0];
/// Baselines of the label rows below the axis, nearest first.
pub const BELOW_ROWS: [f64; 2] = [84.0, 98.0];
pub const TICK_LABEL_Y: f64 = 140.0;
pub const TODAY_LABEL_Y: f64 = 116.0;
/// Fewest user units between two month ticks.
pub const MIN_TICK_SPACING: f64 = 56.0;
/// Most month ticks drawn, whatever the dates (a far renewal date cannot stall the chart).
pub const MAX_TICKS: usize = 60;

pub const COLOR_DONE: &str = "#2e7d32";
pub const COLOR_LATE: &str = "#c62828";
pub const COLOR_OPEN: &str = "#1565c0";
pub const COLOR_NOTICE: &str = "#6a1b9a";
pub const COLOR_RENEWAL: &str = "#37474f";
pub const COLOR_TODAY: &str = "#ef6c00";

/// Maps dates linearly onto `[x0, x1]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DateAxis {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub x0: f64,
    pub x1: f64,
}

impl DateAxis {
    /// `end` is moved to at least one day after `start`.
    pub fn new(start: NaiveDate, end: NaiveDate, x0: f64, x1: f64) -> Self {
        let end = end.max(days_after(start, 1));
        DateAxis { start, end, x0, x1 }
    }
    pub fn x(&self, d: NaiveDate) -> f64 {
        let span = (self.end - self.start).num_days() as f64;
        let off = (d - self.start).num_days() as f64;
        self.x0 + off / span * (self.x1 - self.x0)
    }
}

/// The dates the chart spans: from the earliest of (first milestone, notice deadline,
/// today) to the latest of (renewal date, today), padded on each side by a twentieth of
/// the span, at least 7 days.
pub fn date_domain(timeline: &Timeline, today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let mut lo = today.min(timeline.renewal_date);
    if let Some(m) = timeline.milestones.first() {
        lo = lo.min(m.due);
    }
    if let Some(n) = timeline.notice_deadline {
        lo = lo.min(n);
    }
    let hi = timeline.renewal_date.max(today);
    let span = (hi - lo).num_days().max(0) as u32;
    let pad = (span / 20).max(7);
    (days_before(lo, pad), days_after(hi, pad))
}

/// First-of-month ticks inside `[axis.start, axis.end]`, thinned to every 1, 2, 3, 6 or 12
/// months (or 2, 5, 10... years on a long axis) so that ticks are at least
/// [`MIN_TICK_SPACING`] apart. Label `Jan 2027` on the first tick and on each January,
/// else `Mar`. The work is bounded by the width, not by the dates: at most
/// [`MAX_TICKS`] ticks are made whatever the span.
pub fn month_ticks(axis: &DateAxis) -> Vec<(f64, String)> {
    let per_month =
        (axis.x1 - axis.x0) / ((axis.end - axis.start).num_days().max(1) as f64 / 30.44);
    let step = [1u32, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200]
        .into_iter()
        .find(|s| per_month * *s as f64 >= MIN_TICK_SPACING)
        .unwrap_or(1200);
    let Some(mut d) = NaiveDate::from_ymd_opt(axis.start.year(), axis.start.month(), 1) else {
        return Vec::new();
    };
    // Move to the first month on the step (counted from year 0) not before the start.
    for _ in 0..step {
        let index = d.year() as i64 * 12 + d.month0() as i64;
        if d >= axis.start && index.rem_euclid(step as i64) == 0 {
            break;
        }
        match d.checked_add_months(Months::new(1)) {
            Some(n) => d = n,
            None => return Vec::new(),
        }
    }
    let mut months = Vec::new();
    while d <= axis.end && months.len() < MAX_TICKS {
        months.push(d);
        match d.checked_add_months(Months::new(step)) {
            Some(n) => d = n,
            None => break,
        }
    }
    months
        .into_iter()
        .enumerate()
        .map(|(i, m)| {
            let label = if i == 0 || m.month() == 1 {
                dates::month_short(m)
            } else {
                dates::month_abbr(m).to_string()
            };
            (axis.x(m), label)
        })
        .collect()
}

/// What a marker stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKind {
    Milestone(MilestoneKind, MilestoneState),
    Notice,
    Renewal,
}

/// A marker on the axis and its label.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub kind: MarkKind,
    pub date: NaiveDate,
    pub x: f64,
    pub label: String,
    /// Baseline of the label (one of [`ABOVE_ROWS`] or [`BELOW_ROWS`]).
    pub label_y: f64,
    pub fill: &'static str,
    /// Tooltip text.
    pub title: String,
}

impl Mark {
    /// Left and right edge of the label, centred on the marker.
    pub fn label_span(&self) -> (f64, f64) {
        let w = label_width(&self.label);
        (self.x - w / 2.0, self.x + w / 2.0)
    }
}

/// A safe-side estimate of a label's width at [`FONT_PX`].
pub fn label_width(text: &str) -> f64 {
    text.chars().count() as f64 * FONT_PX * 0.62
}

/// Everything the SVG draws, in user units.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub axis: DateAxis,
    pub today_x: f64,
    pub marks: Vec<Mark>,
    pub ticks: Vec<(f64, String)>,
}

pub fn state_color(state: MilestoneState) -> &'static str {
    match state {
        MilestoneState::Done => COLOR_DONE,
        MilestoneState::Late => COLOR_LATE,
        MilestoneState::Open => COLOR_OPEN,
    }
}

/// Puts each label (in x order) into the first row where it clears the previous label of
/// that row; if none, into the row whose last label ends furthest left.
fn assign_rows(marks: &mut [Mark], rows: &[f64]) {
    let mut order: Vec<usize> = (0..marks.len()).collect();
    crate::domain::order::sort_by(&mut order, |&a, &b| marks[a].x.total_cmp(&marks[b].x));
    let mut right_edge = vec![f64::NEG_INFINITY; rows.len()];
    for i in order {
        let (left, right) = marks[i].label_span();
        let row = (0..rows.len())
            .find(|&r| left >= right_edge[r] + LABEL_GAP)
            .unwrap_or_else(|| {
                (0..rows.len())
                    .min_by(|&a, &b| right_edge[a].total_cmp(&right_edge[b]))
                    .unwrap_or(0)
            });
        right_edge[row] = right;
        marks[i].label_y = rows[row];
    }
}

/// The chart's geometry for `timeline` seen on `today`, `width` user units wide (at least
/// [`MIN_WIDTH`]), [`HEIGHT`] high.
pub fn layout(timeline: &Timeline, today: NaiveDate, width: f64) -> Layout {
    let width = if width.is_finite() {
        width.max(MIN_WIDTH)
    } else {
        MIN_WIDTH
    };
    let (start, end) = date_domain(timeline, today);
    let axis = DateAxis::new(start, end, MARGIN_X, width - MARGIN_X);
    let mut above: Vec<Mark> = timeline
        .milestones
        .iter()
        .map(|m| {
            let state = m.state(today);
            Mark {
                kind: MarkKind::Milestone(m.kind, state),
                date: m.due,
                x: axis.x(m.due),
                label: m.kind.label().to_string(),
                label_y: ABOVE_ROWS[0],
                fill: state_color(state),
                title: format!(
                    "{} {}: due {}, {} of {} tasks done ({})",
                    m.kind.label(),
                    m.kind.title(),
                    m.due,
                    m.done_count(),
                    m.tasks.len(),
                    state.label().to_lowercase()
                ),
            }
        })
        .collect();
    assign_rows(&mut above, &ABOVE_ROWS);
    let mut below = Vec::new();
    if let Some(n) = timeline.notice_deadline {
        below.push(Mark {
            kind: MarkKind::Notice,
            date: n,
            x: axis.x(n),
            label: "Notice".into(),
            label_y: BELOW_ROWS[0],
            fill: COLOR_NOTICE,
            title: if timeline.auto_renew {
                format!("Notice deadline {n}: after it the contract renews by itself")
            } else {
                format!("Notice deadline {n}")
            },
        });
    }
    below.push(Mark {
        kind: MarkKind::Renewal,
        date: timeline.renewal_date,
        x: axis.x(timeline.renewal_date),
        label: "Renewal".into(),
        label_y: BELOW_ROWS[0],
        fill: COLOR_RENEWAL,
        title: format!("Renewal date {}", timeline.renewal_date),
    });
    assign_rows(&mut below, &BELOW_ROWS);
    above.extend(below);
    Layout {
        width,
        height: HEIGHT,
        axis,
        today_x: axis.x(today),
        ticks: month_ticks(&axis),
        marks: above,
    }
}

/// Escapes text for SVG content and attribute values.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn f(v: f64) -> String {
    format!("{v:.1}")
}

/// The chart as an SVG document (`viewBox="0 0 width 150"`, width 100% so it scales).
pub fn renewal_timeline_svg(timeline: &Timeline, today: NaiveDate, width: f64) -> String {
    let l = layout(timeline, today, width);
    let mut s = String::new();
    s.push_str(&format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="renewal-timeline" viewBox="0 0 {w} {h}" width="100%" preserveAspectRatio="xMidYMid meet" role="img" aria-label="{aria}" font-family="sans-serif" font-size="{fs}">"#,
        w = f(l.width),
        h = f(l.height),
        fs = FONT_PX,
        aria = xml_escape(&format!(
            "Renewal timeline: renewal on {}, today {}",
            timeline.renewal_date, today
        )),
    ));
    // The figures in words: the accessible description.
    let figures: Vec<String> = l.marks.iter().map(|m| m.title.clone()).collect();
    s.push_str(&format!(
        "<title>{}</title><desc>{}</desc>",
        xml_escape(&format!(
            "Renewal timeline: renewal on {}, today {}",
            timeline.renewal_date, today
        )),
        xml_escape(&figures.join("; "))
    ));
    // Axis.
    s.push_str(&format!(
        r##"<line class="axis" x1="{}" y1="{y}" x2="{}" y2="{y}" stroke="#90a4ae" stroke-width="2"/>"##,
        f(l.axis.x0),
        f(l.axis.x1),
        y = f(AXIS_Y)
    ));
    // Month ticks on a faint baseline under the labels.
    let base_y = TICK_LABEL_Y - 16.0;
    s.push_str(&format!(
        r##"<line class="tick-base" x1="{}" y1="{y}" x2="{}" y2="{y}" stroke="#cfd8dc"/>"##,
        f(l.axis.x0),
        f(l.axis.x1),
        y = f(base_y)
    ));
    for (x, label) in &l.ticks {
        s.push_str(&format!(
            r##"<line class="tick" x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="#b0bec5"/><text class="tick-label" x="{x}" y="{}" text-anchor="middle" fill="#607d8b">{}</text>"##,
            f(base_y),
            f(base_y + 5.0),
            f(TICK_LABEL_Y),
            xml_escape(label),
            x = f(*x)
        ));
    }
    // Today.
    s.push_str(&format!(
        r#"<g class="today"><line x1="{x}" y1="8" x2="{x}" y2="{}" stroke="{c}" stroke-width="1.5" stroke-dasharray="4 3"/><text x="{x}" y="{}" text-anchor="middle" fill="{c}">Today</text><title>Today {}</title></g>"#,
        f(TODAY_LABEL_Y - 11.0),
        f(TODAY_LABEL_Y),
        today,
        x = f(l.today_x),
        c = COLOR_TODAY
    ));
    for m in &l.marks {
        let (class, shape) = match m.kind {
            MarkKind::Milestone(_, state) => (
                format!("milestone {}", state.key()),
                format!(
                    r##"<circle cx="{}" cy="{}" r="6" fill="{}" stroke="#fff" stroke-width="1.5"/>"##,
                    f(m.x),
                    f(AXIS_Y),
                    m.fill
                ),
            ),
            MarkKind::Notice => (
                "notice".to_string(),
                // Below the axis, pointing up at it, so it stays visible when the
                // deadline falls on a milestone.
                format!(
                    r#"<path d="M {} {} l 6 10 l -12 0 z" fill="{}"/>"#,
                    f(m.x),
                    f(AXIS_Y + 4.0),
                    m.fill
                ),
            ),
            MarkKind::Renewal => (
                "renewal".to_string(),
                format!(
                    r#"<path d="M {} {} l 8 8 l -8 8 l -8 -8 z" fill="{}"/>"#,
                    f(m.x),
                    f(AXIS_Y - 8.0),
                    m.fill
                ),
            ),
        };
        s.push_str(&format!(
            r#"<g class="{class}">{shape}<text x="{}" y="{}" text-anchor="middle" fill="{}">{}</text><title>{}</title></g>"#,
            f(m.x),
            f(m.label_y),
            m.fill,
            xml_escape(&m.label),
            xml_escape(&m.title)
        ));
    }
    s.push_str("</svg>");
    super::draw::themed(&s)
}

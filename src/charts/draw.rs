//! What every chart shares: colours, text, and turning plotters' SVG into one that scales
//! to its container, follows the theme and carries its figures as text.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::scale::Rect;
use crate::domain::health::Band;

pub(crate) type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;
pub(crate) type Drawn = Result<(), DrawingAreaErrorKind<std::io::Error>>;

pub(crate) const FONT: &str = "system-ui, -apple-system, Segoe UI, Roboto, sans-serif";
/// Text size in viewBox units.
pub(crate) const TEXT: f64 = 12.0;
pub(crate) const SMALL: f64 = 11.0;

pub(crate) const INK: RGBColor = RGBColor(31, 41, 55);
pub(crate) const MUTED: RGBColor = RGBColor(75, 85, 99);
pub(crate) const GRID: RGBColor = RGBColor(209, 213, 219);
pub(crate) const UNSCORED: RGBColor = RGBColor(156, 163, 175);
pub(crate) const ON_DARK: RGBColor = RGBColor(255, 255, 255);
/// Text on a light fill (a yellow or unscored bar): dark in both themes.
pub(crate) const ON_LIGHT: RGBColor = RGBColor(17, 24, 39);

const GREEN_FILL: RGBColor = RGBColor(220, 252, 231);
const YELLOW_FILL: RGBColor = RGBColor(254, 243, 199);
const RED_FILL: RGBColor = RGBColor(254, 226, 226);
const GREEN: RGBColor = RGBColor(21, 128, 61);
const YELLOW: RGBColor = RGBColor(202, 138, 4);
const RED: RGBColor = RGBColor(185, 28, 28);
const GREEN_TEXT: RGBColor = RGBColor(22, 101, 52);
const YELLOW_TEXT: RGBColor = RGBColor(133, 77, 14);
const RED_TEXT: RGBColor = RGBColor(153, 27, 27);

/// Every colour a chart draws, by the name its class carries: an element drawn with
/// `fill="#1F2937"` gets the class `cf-ink` (`cs-` for a stroke), and `style/charts.css`
/// gives each class the theme's colour. The hex values stay in the SVG as its colours
/// without the stylesheet. Upper case, as plotters writes them.
pub(crate) const PALETTE: &[(&str, &str)] = &[
    ("ink", "#1F2937"),
    ("muted", "#4B5563"),
    ("grid", "#D1D5DB"),
    ("unscored", "#9CA3AF"),
    ("white", "#FFFFFF"),
    ("on-light", "#111827"),
    ("green-fill", "#DCFCE7"),
    ("yellow-fill", "#FEF3C7"),
    ("red-fill", "#FEE2E2"),
    ("green", "#15803D"),
    ("yellow", "#CA8A04"),
    ("red", "#B91C1C"),
    ("green-text", "#166534"),
    ("yellow-text", "#854D0E"),
    ("red-text", "#991B1B"),
    ("bar", "#2563EB"),
    // The renewal timeline (charts/renewal.rs)
    ("done", "#2E7D32"),
    ("late", "#C62828"),
    ("open", "#1565C0"),
    ("notice", "#6A1B9A"),
    ("renewal", "#37474F"),
    ("today", "#EF6C00"),
    ("axis", "#90A4AE"),
    ("tick-base", "#CFD8DC"),
    ("tick", "#B0BEC5"),
    ("tick-text", "#607D8B"),
];

fn palette_name(hex: &str) -> Option<&'static str> {
    let hex = if hex.eq_ignore_ascii_case("#fff") {
        "#FFFFFF"
    } else {
        hex
    };
    PALETTE
        .iter()
        .find(|(_, h)| h.eq_ignore_ascii_case(hex))
        .map(|(n, _)| *n)
}

/// The value of attribute `name` in one tag's text, if present.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

/// Gives every element drawn in a palette colour its theme class (`cf-NAME` for the fill,
/// `cs-NAME` for the stroke), added to a `class` it already has. A colour outside the
/// palette is left as it is (`tests/charts_theme.rs` checks that none is).
pub(crate) fn themed(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len() + svg.len() / 8);
    let mut rest = svg;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        let tag = &rest[open..open + close + 1];
        rest = &rest[open + close + 1..];
        let mut classes = Vec::new();
        if let Some(n) = attr(tag, "fill").and_then(palette_name) {
            classes.push(format!("cf-{n}"));
        }
        if let Some(n) = attr(tag, "stroke").and_then(palette_name) {
            classes.push(format!("cs-{n}"));
        }
        if classes.is_empty() || tag.starts_with("</") || tag.starts_with("<svg") {
            out.push_str(tag);
            continue;
        }
        let added = classes.join(" ");
        if let Some(existing) = attr(tag, "class") {
            let key = format!(" class=\"{existing}\"");
            out.push_str(&tag.replacen(&key, &format!(" class=\"{existing} {added}\""), 1));
        } else {
            // Last, before `/>` or `>`.
            let end = if tag.ends_with("/>") {
                tag.len() - 2
            } else {
                tag.len() - 1
            };
            let body = tag[..end].trim_end();
            out.push_str(body);
            out.push_str(&format!(" class=\"{added}\""));
            out.push_str(&tag[end..]);
        }
    }
    out.push_str(rest);
    out
}

/// Light shading of a band's area.
pub(crate) fn band_fill(b: Band) -> &'static RGBColor {
    match b {
        Band::Green => &GREEN_FILL,
        Band::Yellow => &YELLOW_FILL,
        Band::Red => &RED_FILL,
    }
}

/// Solid band colour: points, bars.
pub(crate) fn band_strong(b: Option<Band>) -> &'static RGBColor {
    match b {
        Some(Band::Green) => &GREEN,
        Some(Band::Yellow) => &YELLOW,
        Some(Band::Red) => &RED,
        None => &UNSCORED,
    }
}

/// Text drawn on a [`band_strong`] fill.
pub(crate) fn text_on(b: Option<Band>) -> &'static RGBColor {
    match b {
        Some(Band::Green) | Some(Band::Red) => &ON_DARK,
        Some(Band::Yellow) | None => &ON_LIGHT,
    }
}

/// Text in a band's colour on a light background.
pub(crate) fn band_text(b: Band) -> &'static RGBColor {
    match b {
        Band::Green => &GREEN_TEXT,
        Band::Yellow => &YELLOW_TEXT,
        Band::Red => &RED_TEXT,
    }
}

#[derive(Clone, Copy)]
pub(crate) struct Label {
    pub size: f64,
    pub color: &'static RGBColor,
    pub h: HPos,
    pub v: VPos,
    pub bold: bool,
}

impl Label {
    pub fn new(size: f64, color: &'static RGBColor, h: HPos, v: VPos) -> Self {
        Label {
            size,
            color,
            h,
            v,
            bold: false,
        }
    }

    pub fn bold(self) -> Self {
        Label { bold: true, ..self }
    }
}

/// Draws a text; `(x, y)` is the anchor given by the label's `h` and `v`.
pub(crate) fn text(root: &Area, s: &str, x: f64, y: f64, l: Label) -> Drawn {
    // plotters' SVG backend writes font-size as size / 1.24.
    let style = if l.bold {
        (FONT, l.size * 1.24, FontStyle::Bold).into_font()
    } else {
        (FONT, l.size * 1.24).into_font()
    };
    let style = style.color(l.color).pos(Pos::new(l.h, l.v));
    root.draw(&Text::new(
        s.to_string(),
        (x.round() as i32, y.round() as i32),
        style,
    ))
}

/// Horizontal grid lines with their labels on the left: each tick `(value, label)` on a
/// scale from 0 at the plot's bottom to `max` at its top.
pub(crate) fn y_grid(root: &Area, plot: Rect, ticks: &[(f64, String)], max: f64) -> Drawn {
    for (v, label) in ticks {
        let y = plot.bottom - v / max * plot.height();
        root.draw(&PathElement::new(
            vec![(plot.left as i32, y as i32), (plot.right as i32, y as i32)],
            GRID.stroke_width(1),
        ))?;
        text(
            root,
            label,
            plot.left - 6.0,
            y,
            Label::new(SMALL, &MUTED, HPos::Right, VPos::Center),
        )?;
    }
    Ok(())
}

/// Draws with `draw` into a `width` x `height` SVG and makes it scale to its container.
pub(crate) fn render(
    width: u32,
    height: u32,
    title: &str,
    figures: &str,
    class: &str,
    draw: impl FnOnce(&Area) -> Drawn,
) -> String {
    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, (width, height)).into_drawing_area();
        // Writing to a String cannot fail; should a draw call fail anyway, what was drawn
        // so far is kept rather than losing the chart.
        let _ = draw(&root);
        let _ = root.present();
    }
    themed(&responsive(&buf, width, height, title, figures, class))
}

pub(crate) fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Replaces plotters' fixed `width`/`height` with `width="100%"` (the `viewBox` keeps the
/// proportions), and adds a class, an accessible name and a `<title>`, and the chart's
/// figures in words as its `<desc>` (its accessible description, so a screen reader gets
/// the data, not only the headline). No `style` attribute: the Content Security Policy
/// refuses inline styles, so the stylesheet sizes the chart (`.chart-box svg`).
pub(crate) fn responsive(
    svg: &str,
    width: u32,
    height: u32,
    title: &str,
    figures: &str,
    class: &str,
) -> String {
    let head =
        format!("<svg width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\"");
    let Some(rest) = svg.strip_prefix(&head) else {
        return svg.to_string();
    };
    let Some(end) = rest.find('>') else {
        return svg.to_string();
    };
    let (attrs, body) = rest.split_at(end);
    let t = escape(title);
    let desc = if figures.is_empty() {
        String::new()
    } else {
        format!("<desc>{}</desc>", escape(figures))
    };
    format!(
        "<svg width=\"100%\" viewBox=\"0 0 {width} {height}\" preserveAspectRatio=\"xMidYMid meet\" \
         class=\"{}\" role=\"img\" aria-label=\"{t}\"{attrs}>\n\
         <title>{t}</title>{desc}{}",
        escape(class),
        &body[1..]
    )
}

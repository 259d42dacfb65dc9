//! The 2x2 power grid: quadrants, moving a person between them, and where each dot goes.
//!
//! Geometry (y grows downwards, as on screen): high influence is the top row, positive
//! sentiment the right column. Mobilize top-left, Protect & Grow top-right, Monitor
//! bottom-left, Leverage bottom-right.
//!
//! Dot layout: inside its quadrant each person has an ideal point, the centre of the
//! sub-cell of their exact influence (rows: 5 above 4; 3 above 2 above 1) and sentiment
//! (columns: strong detractor, detractor, neutral; supporter, champion). Each quadrant
//! holds a square lattice of slots spaced one dot diameter plus a gap apart; people, taken
//! in id order (so adding someone never moves the others), each take the free slot nearest
//! to their ideal point. Two dots are therefore never closer than the pitch, which is at
//! least the diameter. When a quadrant has more people than slots, diameter and gaps shrink
//! together (the same size for every dot) until everyone fits.

use super::{Influence, Sentiment, Stakeholder, StakeholderId};

/// One cell of the power grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Quadrant {
    /// High influence, detractor or neutral.
    Mobilize,
    /// High influence, supporter or champion.
    ProtectAndGrow,
    /// Low influence, detractor or neutral.
    Monitor,
    /// Low influence, supporter or champion.
    Leverage,
}

/// A keyboard move on the grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Move {
    Up,
    Down,
    Left,
    Right,
}

impl Quadrant {
    /// Reading order: top row left to right, then the bottom row.
    pub const ALL: [Quadrant; 4] = [
        Quadrant::Mobilize,
        Quadrant::ProtectAndGrow,
        Quadrant::Monitor,
        Quadrant::Leverage,
    ];

    /// docs/domain.md#stakeholders: influence 4-5 is high; supporter and champion are positive.
    pub fn of(influence: Influence, sentiment: Sentiment) -> Quadrant {
        Quadrant::from_parts(influence.is_high(), sentiment.is_positive())
    }
    pub fn from_parts(high_influence: bool, positive: bool) -> Quadrant {
        match (high_influence, positive) {
            (true, false) => Quadrant::Mobilize,
            (true, true) => Quadrant::ProtectAndGrow,
            (false, false) => Quadrant::Monitor,
            (false, true) => Quadrant::Leverage,
        }
    }
    pub fn is_high_influence(self) -> bool {
        matches!(self, Quadrant::Mobilize | Quadrant::ProtectAndGrow)
    }
    pub fn is_positive(self) -> bool {
        matches!(self, Quadrant::ProtectAndGrow | Quadrant::Leverage)
    }
    /// 0 = top row (high influence), 1 = bottom row.
    pub fn row(self) -> usize {
        if self.is_high_influence() {
            0
        } else {
            1
        }
    }
    /// 0 = left column (detractor or neutral), 1 = right column (positive).
    pub fn col(self) -> usize {
        if self.is_positive() {
            1
        } else {
            0
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Quadrant::Mobilize => "Mobilize",
            Quadrant::ProtectAndGrow => "Protect & Grow",
            Quadrant::Monitor => "Monitor",
            Quadrant::Leverage => "Leverage",
        }
    }
    /// Machine name, for CSS classes and form values.
    pub fn key(self) -> &'static str {
        match self {
            Quadrant::Mobilize => "mobilize",
            Quadrant::ProtectAndGrow => "protect_grow",
            Quadrant::Monitor => "monitor",
            Quadrant::Leverage => "leverage",
        }
    }
    /// Three or four words under the label.
    pub fn motto(self) -> &'static str {
        match self {
            Quadrant::Mobilize => "Win them over",
            Quadrant::ProtectAndGrow => "Keep them close",
            Quadrant::Monitor => "Keep an eye on them",
            Quadrant::Leverage => "Ask them to vouch for us",
        }
    }
    /// What an account manager does with the people in this cell.
    pub fn what_to_do(self) -> &'static str {
        match self {
            Quadrant::Mobilize => "They can swing the decision and are not with us yet. Find out what they need to look good, fix what annoys them, and have a supporter they respect make our case.",
            Quadrant::ProtectAndGrow => "They carry weight and back us. Meet them often, hand them results they can take to their own boss, and ask them to introduce us to other leaders.",
            Quadrant::Monitor => "Little say today and not on our side. Watch for a new role or a change of mood; a light touch is enough for now.",
            Quadrant::Leverage => "Fans without much pull. Ask them for references, case studies and product feedback, and let them speak for us with their colleagues.",
        }
    }
    /// The neighbouring cell in a direction, None at the edge of the grid.
    pub fn neighbour(self, m: Move) -> Option<Quadrant> {
        let (row, col) = (self.row(), self.col());
        let (row, col) = match m {
            Move::Up if row == 1 => (0, col),
            Move::Down if row == 0 => (1, col),
            Move::Left if col == 1 => (row, 0),
            Move::Right if col == 0 => (row, 1),
            _ => return None,
        };
        Some(Quadrant::from_parts(row == 0, col == 1))
    }
}

/// The influence and sentiment a person gets when moved into `target`: the smallest change
/// that puts them there. A value already on the right side of a line is kept; otherwise
/// influence becomes 4 (moving up) or 3 (moving down), sentiment becomes supporter (moving
/// right) or neutral (moving left). So Mobilize -> Protect & Grow keeps influence and sets
/// supporter; Protect & Grow -> Monitor sets influence 3 and neutral.
pub fn placement_for_move(
    influence: Influence,
    sentiment: Sentiment,
    target: Quadrant,
) -> (Influence, Sentiment) {
    let influence = match (target.is_high_influence(), influence.is_high()) {
        (true, false) => Influence(Influence::HIGH_FROM),
        (false, true) => Influence(Influence::HIGH_FROM - 1),
        _ => influence,
    };
    let sentiment = match (target.is_positive(), sentiment.is_positive()) {
        (true, false) => Sentiment::Supporter,
        (false, true) => Sentiment::Neutral,
        _ => sentiment,
    };
    (influence, sentiment)
}

/// The box the grid is drawn in, in pixels (or any unit), and the dot sizes wanted.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GridArea {
    pub width: f64,
    pub height: f64,
    /// Space kept free at the top of each quadrant for its label.
    pub header: f64,
    /// Margin inside each quadrant, on every side.
    pub inset: f64,
    /// Preferred dot diameter; shrunk only when a quadrant is too full.
    pub diameter: f64,
    /// Extra horizontal space between dots (room for a name beside the dot).
    pub gap_x: f64,
    /// Extra vertical space between dots.
    pub gap_y: f64,
    /// Space kept free on the right of each quadrant (beyond the inset), so a name drawn
    /// to the right of a dot in the last column stays inside its quadrant. 0 by default.
    pub label_room: f64,
}

impl GridArea {
    /// A box of the given size with defaults that suit a grid around 640 x 480.
    pub fn new(width: f64, height: f64) -> Self {
        GridArea {
            width,
            height,
            header: 28.0,
            inset: 10.0,
            diameter: 14.0,
            gap_x: 6.0,
            gap_y: 6.0,
            label_room: 0.0,
        }
    }
    /// The rectangle of a quadrant in the box.
    pub fn quadrant_rect(&self, q: Quadrant) -> Rect {
        let w = self.width / 2.0;
        let h = self.height / 2.0;
        let x0 = q.col() as f64 * w;
        let y0 = q.row() as f64 * h;
        Rect {
            x0,
            y0,
            x1: x0 + w,
            y1: y0 + h,
        }
    }
    /// Where dots may go in a quadrant: the quadrant minus header, inset and label room,
    /// so every dot (and the label room to its right) lies fully inside.
    fn usable(&self, q: Quadrant) -> Rect {
        let r = self.quadrant_rect(q);
        Rect {
            x0: r.x0 + self.inset,
            y0: r.y0 + self.header + self.inset,
            x1: r.x1 - self.inset - self.label_room.max(0.0),
            y1: r.y1 - self.inset,
        }
    }
}

/// An axis-aligned rectangle; x0 <= x1, y0 <= y1 for any sensible box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }
    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x0 && x <= self.x1 && y >= self.y0 && y <= self.y1
    }
}

/// The quadrant under a point of a `width` x `height` grid (for a drop). Points on the
/// middle lines go right / down; None outside the box.
pub fn quadrant_at(x: f64, y: f64, width: f64, height: f64) -> Option<Quadrant> {
    if !(0.0..=width).contains(&x) || !(0.0..=height).contains(&y) {
        return None;
    }
    Some(Quadrant::from_parts(y < height / 2.0, x >= width / 2.0))
}

/// One person's dot: centre and quadrant.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Dot {
    pub id: StakeholderId,
    pub quadrant: Quadrant,
    pub x: f64,
    pub y: f64,
}

/// Every dot and the diameter they are drawn with.
#[derive(Debug, Clone, PartialEq)]
pub struct GridLayout {
    /// In the order the people were given.
    pub dots: Vec<Dot>,
    /// The diameter used (the preferred one, or smaller when a quadrant is crowded).
    pub diameter: f64,
}

impl GridLayout {
    pub fn dot(&self, id: StakeholderId) -> Option<&Dot> {
        self.dots.iter().find(|d| d.id == id)
    }
}

/// Places every given person on the grid without overlap (see the module notes). Pass
/// `map.people()` or only the people to draw (for example those still at the company).
pub fn grid_layout<'a>(
    people: impl IntoIterator<Item = &'a Stakeholder>,
    area: GridArea,
) -> GridLayout {
    let people: Vec<&Stakeholder> = people.into_iter().collect();
    let mut count = [0usize; 4];
    for p in &people {
        count[quadrant_index(p.quadrant())] += 1;
    }
    let need = count.into_iter().max().unwrap_or(0);

    // Shrink dot and gaps together until the most crowded quadrant fits.
    let mut scale = 1.0f64;
    let mut slots: [Vec<(f64, f64)>; 4] = Default::default();
    for _ in 0..200 {
        let d = area.diameter * scale;
        let px = d + area.gap_x * scale;
        let py = d + area.gap_y * scale;
        for q in Quadrant::ALL {
            slots[quadrant_index(q)] = lattice(area.usable(q), d, px, py);
        }
        if need == 0 || slots.iter().all(|s| s.len() >= need) || d <= 0.0 {
            break;
        }
        scale *= 0.9;
    }
    let diameter = area.diameter * scale;

    let mut taken: [Vec<bool>; 4] = Default::default();
    for q in Quadrant::ALL {
        taken[quadrant_index(q)] = vec![false; slots[quadrant_index(q)].len()];
    }
    let mut order: Vec<usize> = (0..people.len()).collect();
    crate::domain::order::sort_by_key(&mut order, |&i| people[i].id);
    let mut placed: Vec<Option<Dot>> = vec![None; people.len()];
    for i in order {
        let p = people[i];
        let q = p.quadrant();
        let qi = quadrant_index(q);
        let (ix, iy) = ideal_point(area.usable(q), p.fields.influence, p.fields.sentiment);
        let best = slots[qi]
            .iter()
            .enumerate()
            .filter(|(k, _)| !taken[qi][*k])
            .min_by(|(ka, a), (kb, b)| {
                let da = (a.0 - ix).powi(2) + (a.1 - iy).powi(2);
                let db = (b.0 - ix).powi(2) + (b.1 - iy).powi(2);
                da.total_cmp(&db).then(ka.cmp(kb))
            })
            .map(|(k, _)| k);
        let (x, y) = match best {
            Some(k) => {
                taken[qi][k] = true;
                slots[qi][k]
            }
            // Only when the box has no room at all (zero or negative size).
            None => (ix, iy),
        };
        placed[i] = Some(Dot {
            id: p.id,
            quadrant: q,
            x,
            y,
        });
    }
    GridLayout {
        dots: placed.into_iter().flatten().collect(),
        diameter,
    }
}

fn quadrant_index(q: Quadrant) -> usize {
    q.row() * 2 + q.col()
}

/// Slot centres of a lattice with pitch (px, py) for dots of diameter `d`, centred in `r`,
/// row by row from the top left.
fn lattice(r: Rect, d: f64, px: f64, py: f64) -> Vec<(f64, f64)> {
    let count = |span: f64, pitch: f64| -> usize {
        if span < d || pitch <= 0.0 {
            0
        } else {
            ((span - d) / pitch).floor() as usize + 1
        }
    };
    let cols = count(r.width(), px);
    let rows = count(r.height(), py);
    if cols == 0 || rows == 0 {
        return Vec::new();
    }
    let used_w = (cols - 1) as f64 * px + d;
    let used_h = (rows - 1) as f64 * py + d;
    let x_start = r.x0 + (r.width() - used_w) / 2.0 + d / 2.0;
    let y_start = r.y0 + (r.height() - used_h) / 2.0 + d / 2.0;
    let mut out = Vec::with_capacity(cols * rows);
    for row in 0..rows {
        for col in 0..cols {
            out.push((x_start + col as f64 * px, y_start + row as f64 * py));
        }
    }
    out
}

/// The centre of the sub-cell of an exact influence and sentiment within the usable part
/// of its quadrant.
fn ideal_point(r: Rect, influence: Influence, sentiment: Sentiment) -> (f64, f64) {
    // Column within the quadrant and how many columns it has.
    let (col, cols) = match sentiment {
        Sentiment::StrongDetractor => (0, 3),
        Sentiment::Detractor => (1, 3),
        Sentiment::Neutral => (2, 3),
        Sentiment::Supporter => (0, 2),
        Sentiment::Champion => (1, 2),
    };
    // Row from the top within the quadrant.
    let (row, rows) = match influence.get() {
        5 => (0, 2),
        4 => (1, 2),
        3 => (0, 3),
        2 => (1, 3),
        _ => (2, 3),
    };
    let x = r.x0 + r.width() * (col as f64 + 0.5) / cols as f64;
    let y = r.y0 + r.height() * (row as f64 + 0.5) / rows as f64;
    (x, y)
}

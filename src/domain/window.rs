//! Which rows of a long table are drawn (docs/domain.md#drawing-a-long-table): the rows in
//! view, plus a few above and below so a scroll shows drawn rows before the next frame
//! catches up. Every row has the same height, so the rows in view follow from the
//! scroll position alone; a short table is drawn whole.

/// A table of this many rows or fewer is drawn whole.
pub const DRAW_ALL_UP_TO: usize = 100;
/// Rows drawn above and below the ones in view: enough for the frame or two a fast scroll
/// can run ahead of the page's code (a fling of 5,000 px/s moves about one row a frame);
/// each one more is drawn again on every keystroke in the filter.
pub const OVERSCAN: usize = 4;
/// A focused row this many rows or fewer outside the window stays drawn (see
/// [`RowWindow::keeping`]).
pub const KEEP_FOCUSED_WITHIN: usize = 60;

/// The rows drawn: `start..end` of the table's rows in their order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowWindow {
    pub start: usize,
    pub end: usize,
}

impl RowWindow {
    /// Every row of a table of `total` rows.
    pub fn all(total: usize) -> RowWindow {
        RowWindow {
            start: 0,
            end: total,
        }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn contains(&self, row: usize) -> bool {
        (self.start..self.end).contains(&row)
    }

    /// The rows not drawn above and below the window, for the space they take.
    pub fn hidden(&self, total: usize) -> (usize, usize) {
        (self.start, total.saturating_sub(self.end))
    }

    /// The window grown to hold `row` (the row that has the keyboard focus) when it lies
    /// at most [`KEEP_FOCUSED_WITHIN`] rows outside, so scrolling a little does not take the
    /// focus away; a row further off is let go (the rows between would all be drawn).
    pub fn keeping(self, row: Option<usize>, total: usize) -> RowWindow {
        match row {
            Some(r) if r < total && !self.contains(r) => {
                let off = if r < self.start {
                    self.start - r
                } else {
                    r + 1 - self.end
                };
                if off <= KEEP_FOCUSED_WITHIN {
                    RowWindow {
                        start: self.start.min(r),
                        end: self.end.max(r + 1),
                    }
                } else {
                    self
                }
            }
            _ => self,
        }
    }
}

/// The rows to draw of a table of `total` rows of `row_height` each, when the top of the
/// viewport is `top` below the top of the first row (negative while the table starts
/// lower on the screen) and the viewport is `height` tall; `overscan` rows more on each
/// side. A table of at most [`DRAW_ALL_UP_TO`] rows, or sizes that are not positive
/// numbers, draw every row. Scrolled past the end (the table just got shorter), the last
/// rows are drawn.
pub fn rows_in_view(
    top: f64,
    row_height: f64,
    height: f64,
    overscan: usize,
    total: usize,
) -> RowWindow {
    let sizes_ok = row_height.is_finite() && row_height > 0.0 && height.is_finite();
    if total <= DRAW_ALL_UP_TO || !sizes_ok {
        return RowWindow::all(total);
    }
    let top = if top.is_finite() { top } else { 0.0 };
    let height = height.max(0.0);
    // `as usize` saturates: a negative position is row 0, a huge one is past the end.
    let first = (top / row_height).floor().max(0.0) as usize;
    let last = ((top + height) / row_height).ceil().max(0.0) as usize;
    let span = last.saturating_sub(first).max(1);
    let first = first.min(total.saturating_sub(span));
    let last = last.min(total).max(first);
    RowWindow {
        start: first.saturating_sub(overscan),
        end: last.saturating_add(overscan).min(total),
    }
}

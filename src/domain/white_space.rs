//! White space (docs/account-depth.md#white-space): the grid of the customer's business
//! units or teams (rows) by our products or modules (columns). Each cell says whether
//! that unit owns the product, has it in our pipeline, is open ground, or is not a fit.
//!
//! Decisions taken where the job leaves room (tested in `tests/white_space.rs`):
//! - A cell nobody has set yet is "not assessed": it counts nowhere, so a grid only
//!   claims the penetration the user has actually looked at.
//! - Penetration = owned / (owned + pipeline + open); not-a-fit and not-assessed cells
//!   are left out. With nothing in the denominator there is no penetration (shown "–"),
//!   never 0% or 100%.
//! - Rows are the stakeholders' business units, then the rows the user added, then any
//!   row a stored cell still names (a unit renamed on a person keeps its cells visible
//!   until the user removes the row). Columns likewise: the account's products, the
//!   columns added, the columns stored cells name. Names match without regard to case
//!   or repeated spaces.
//! - Only a row or column that does not come from the stakeholders or the products can
//!   be removed; removing it removes its cells (the view asks first).
//! - An open cell becomes an opportunity in one step: a new business unit when the row
//!   owns nothing yet, a cross-sell otherwise; the cell becomes "in pipeline", linked to it.

use crate::domain::error::FieldError;
use std::collections::BTreeMap;

use super::expansion::{Expansion, OpportunityId};
use super::money::MAX_ARR;
use super::stakeholders::StakeholderMap;

/// What the grid reads from its account: the people (their business units are rows), the
/// products (columns) and the opportunities (a pipeline cell's link).
#[derive(Debug, Clone, Copy)]
pub struct Around<'a> {
    pub people: &'a StakeholderMap,
    pub products: &'a [String],
    pub expansion: &'a Expansion,
}

pub const MAX_LINE_LEN: usize = 80;
/// Rows or columns a grid can hold (each).
pub const MAX_LINES: usize = 100;

/// The state of one cell, without its details.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CellKind {
    Owned,
    Pipeline,
    Open,
    NotAFit,
}

impl CellKind {
    pub const ALL: [CellKind; 4] = [
        CellKind::Owned,
        CellKind::Pipeline,
        CellKind::Open,
        CellKind::NotAFit,
    ];
    pub fn label(self) -> &'static str {
        match self {
            CellKind::Owned => "Owned",
            CellKind::Pipeline => "In pipeline",
            CellKind::Open => "Open",
            CellKind::NotAFit => "Not a fit",
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            CellKind::Owned => "owned",
            CellKind::Pipeline => "pipeline",
            CellKind::Open => "open",
            CellKind::NotAFit => "not_a_fit",
        }
    }
    pub fn from_key(s: &str) -> Option<CellKind> {
        CellKind::ALL.into_iter().find(|k| k.key() == s)
    }
    /// The key that sets this state in the grid (`o`, `p`, `w`, `x`).
    pub fn shortcut(self) -> char {
        match self {
            CellKind::Owned => 'o',
            CellKind::Pipeline => 'p',
            CellKind::Open => 'w',
            CellKind::NotAFit => 'x',
        }
    }
    pub fn from_shortcut(c: char) -> Option<CellKind> {
        let c = c.to_ascii_lowercase();
        CellKind::ALL.into_iter().find(|k| k.shortcut() == c)
    }
    /// Enter on a cell steps through: not assessed, open, owned, in pipeline, not a fit,
    /// then back to not assessed.
    pub fn cycle(current: Option<CellKind>) -> Option<CellKind> {
        match current {
            None => Some(CellKind::Open),
            Some(CellKind::Open) => Some(CellKind::Owned),
            Some(CellKind::Owned) => Some(CellKind::Pipeline),
            Some(CellKind::Pipeline) => Some(CellKind::NotAFit),
            Some(CellKind::NotAFit) => None,
        }
    }
}

/// One cell with its details.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell {
    /// The unit uses the product; the ARR it brings, when known.
    Owned {
        arr: Option<f64>,
    },
    /// We are working on it: the opportunity it is linked to, when there is one.
    Pipeline {
        opportunity: Option<OpportunityId>,
    },
    Open,
    NotAFit,
}

impl Cell {
    pub fn kind(&self) -> CellKind {
        match self {
            Cell::Owned { .. } => CellKind::Owned,
            Cell::Pipeline { .. } => CellKind::Pipeline,
            Cell::Open => CellKind::Open,
            Cell::NotAFit => CellKind::NotAFit,
        }
    }
    /// A cell of this kind with no details yet.
    pub fn empty(kind: CellKind) -> Cell {
        match kind {
            CellKind::Owned => Cell::Owned { arr: None },
            CellKind::Pipeline => Cell::Pipeline { opportunity: None },
            CellKind::Open => Cell::Open,
            CellKind::NotAFit => Cell::NotAFit,
        }
    }
    fn check(&self, account: Around<'_>) -> Result<(), FieldError> {
        match *self {
            Cell::Owned { arr: Some(a) } => {
                if !a.is_finite() || a < 0.0 {
                    return Err(FieldError::bare(
                        "The ARR of an owned cell is a number, 0 or more.",
                    ));
                }
                if a > MAX_ARR {
                    return Err(FieldError::bare(
                        "The ARR is above a trillion: check the number of zeros.",
                    ));
                }
                Ok(())
            }
            Cell::Pipeline {
                opportunity: Some(id),
            } => {
                if account.expansion.opportunity(id).is_none() {
                    return Err(FieldError::bare(format!(
                        "There is no opportunity {} on this account to link.",
                        id.0
                    )));
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }
}

/// Where a row or column of the grid comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineSource {
    /// A stakeholder's business unit (rows) or one of the account's products (columns).
    Account,
    /// Added by the user on the grid.
    Added,
    /// Named only by cells already set (its unit or product was renamed or removed).
    Cells,
}

/// A row or column as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub label: String,
    pub source: LineSource,
}

impl Line {
    /// Removable from the grid (it does not come from the account's people or products).
    pub fn is_removable(&self) -> bool {
        self.source != LineSource::Account
    }
}

/// The key a name is matched by: lower case, spaces collapsed.
pub fn line_key(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn clean(label: &str) -> String {
    label.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A stored cell, with the names it was set under.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredCell {
    pub row: String,
    pub column: String,
    pub cell: Cell,
}

/// What an account stores: the rows and columns the user added, and the cells set.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WhiteSpace {
    rows: Vec<String>,
    columns: Vec<String>,
    cells: BTreeMap<(String, String), StoredCell>,
}

/// Which side of the grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Axis {
    Row,
    Column,
}

impl Axis {
    fn noun(self) -> &'static str {
        match self {
            Axis::Row => "row",
            Axis::Column => "column",
        }
    }
}

fn check_label(label: &str, axis: Axis) -> Result<String, FieldError> {
    let l = clean(label);
    if l.is_empty() {
        return Err(FieldError::bare(match axis {
            Axis::Row => "Name the business unit or team.",
            Axis::Column => "Name the product or module.",
        }));
    }
    if l.chars().count() > MAX_LINE_LEN {
        return Err(FieldError::bare(format!(
            "Keep the name under {MAX_LINE_LEN} characters."
        )));
    }
    Ok(l)
}

/// Distinct labels in order of first appearance, matched by [`line_key`].
fn push_unique(out: &mut Vec<Line>, label: &str, source: LineSource) {
    let l = clean(label);
    if l.is_empty() {
        return;
    }
    let k = line_key(&l);
    if !out.iter().any(|x| line_key(&x.label) == k) {
        out.push(Line { label: l, source });
    }
}

impl WhiteSpace {
    pub fn added_rows(&self) -> &[String] {
        &self.rows
    }
    pub fn added_columns(&self) -> &[String] {
        &self.columns
    }
    pub fn stored_cells(&self) -> impl Iterator<Item = &StoredCell> {
        self.cells.values()
    }
    /// At least one cell is set (the grid shows in the portfolio view).
    pub fn has_cells(&self) -> bool {
        !self.cells.is_empty()
    }
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty() && self.columns.is_empty() && self.cells.is_empty()
    }

    /// The rows of the grid for this account.
    pub fn rows(&self, account: Around<'_>) -> Vec<Line> {
        let mut out = Vec::new();
        for p in account.people.people() {
            push_unique(&mut out, &p.fields.business_unit, LineSource::Account);
        }
        for r in &self.rows {
            push_unique(&mut out, r, LineSource::Added);
        }
        for c in self.cells.values() {
            push_unique(&mut out, &c.row, LineSource::Cells);
        }
        out
    }

    /// The columns of the grid for this account.
    pub fn columns(&self, account: Around<'_>) -> Vec<Line> {
        let mut out = Vec::new();
        for p in account.products {
            push_unique(&mut out, p, LineSource::Account);
        }
        for c in &self.columns {
            push_unique(&mut out, c, LineSource::Added);
        }
        for c in self.cells.values() {
            push_unique(&mut out, &c.column, LineSource::Cells);
        }
        out
    }

    pub fn cell(&self, row: &str, column: &str) -> Option<Cell> {
        self.cells
            .get(&(line_key(row), line_key(column)))
            .map(|c| c.cell)
    }

    /// Adds a row or column the user typed. Refused when empty, too long, already in the
    /// grid, or the grid is full on that side.
    pub fn add_line(
        &mut self,
        account: Around<'_>,
        axis: Axis,
        label: &str,
    ) -> Result<String, FieldError> {
        let l = check_label(label, axis).map_err(|e| e.under("label"))?;
        let lines = match axis {
            Axis::Row => self.rows(account),
            Axis::Column => self.columns(account),
        };
        if lines.iter().any(|x| line_key(&x.label) == line_key(&l)) {
            return Err(FieldError::new(
                "label",
                format!("\"{l}\" is already a {} of the grid.", axis.noun()),
            ));
        }
        if lines.len() >= MAX_LINES {
            return Err(FieldError::bare(format!(
                "A grid holds at most {MAX_LINES} {}s.",
                axis.noun()
            )));
        }
        match axis {
            Axis::Row => self.rows.push(l.clone()),
            Axis::Column => self.columns.push(l.clone()),
        }
        Ok(l)
    }

    /// Removes a row or column that does not come from the account, with its cells.
    /// Returns how many cells went with it.
    pub fn remove_line(
        &mut self,
        account: Around<'_>,
        axis: Axis,
        label: &str,
    ) -> Result<usize, FieldError> {
        let k = line_key(label);
        let lines = match axis {
            Axis::Row => self.rows(account),
            Axis::Column => self.columns(account),
        };
        let Some(line) = lines.iter().find(|x| line_key(&x.label) == k) else {
            return Err(FieldError::new(
                "label",
                format!("\"{}\" is not a {} of the grid.", clean(label), axis.noun()),
            ));
        };
        if !line.is_removable() {
            return Err(FieldError::new("label", match axis {
                Axis::Row => format!(
                    "\"{}\" is a stakeholder's business unit: change it on the person to remove it.",
                    line.label
                ),
                Axis::Column => format!(
                    "\"{}\" is one of the account's products: change the products to remove it.",
                    line.label
                ),
            }));
        }
        match axis {
            Axis::Row => self.rows.retain(|r| line_key(r) != k),
            Axis::Column => self.columns.retain(|c| line_key(c) != k),
        }
        let before = self.cells.len();
        self.cells.retain(|(r, c), _| match axis {
            Axis::Row => *r != k,
            Axis::Column => *c != k,
        });
        Ok(before - self.cells.len())
    }

    /// Sets a cell (`None`: back to not assessed). The row and column must be in the grid;
    /// an owned ARR must be a valid amount; a linked opportunity must exist.
    pub fn set(
        &mut self,
        account: Around<'_>,
        row: &str,
        column: &str,
        cell: Option<Cell>,
    ) -> Result<(), FieldError> {
        let rows = self.rows(account);
        let columns = self.columns(account);
        let (rk, ck) = (line_key(row), line_key(column));
        let Some(r) = rows.iter().find(|x| line_key(&x.label) == rk) else {
            return Err(FieldError::new(
                "row",
                format!("\"{}\" is not a row of the grid.", clean(row)),
            ));
        };
        let Some(c) = columns.iter().find(|x| line_key(&x.label) == ck) else {
            return Err(FieldError::new(
                "column",
                format!("\"{}\" is not a column of the grid.", clean(column)),
            ));
        };
        match cell {
            None => {
                self.cells.remove(&(rk, ck));
            }
            Some(cell) => {
                cell.check(account).map_err(|e| e.under("cell"))?;
                self.cells.insert(
                    (rk, ck),
                    StoredCell {
                        row: r.label.clone(),
                        column: c.label.clone(),
                        cell,
                    },
                );
            }
        }
        Ok(())
    }

    /// Sets a cell to another state, keeping its details when the state does not change.
    pub fn set_kind(
        &mut self,
        account: Around<'_>,
        row: &str,
        column: &str,
        kind: Option<CellKind>,
    ) -> Result<(), FieldError> {
        let current = self.cell(row, column);
        let cell = match (kind, current) {
            (None, _) => None,
            (Some(k), Some(c)) if c.kind() == k => Some(c),
            (Some(k), _) => Some(Cell::empty(k)),
        };
        self.set(account, row, column, cell)
    }

    /// Restores the grid read from a file: added rows and columns, then cells. Checks the
    /// names and details; a cell's row and column need not be in the grid (they are shown
    /// as rows or columns of their own).
    pub fn restore(
        rows: Vec<String>,
        columns: Vec<String>,
        cells: Vec<StoredCell>,
        account: Around<'_>,
    ) -> Result<WhiteSpace, FieldError> {
        let mut ws = WhiteSpace::default();
        for (axis, list) in [(Axis::Row, rows), (Axis::Column, columns)] {
            for (i, l) in list.iter().enumerate() {
                let l =
                    check_label(l, axis).map_err(|e| e.under(&format!("{}s[{i}]", axis.noun())))?;
                let mine = match axis {
                    Axis::Row => &mut ws.rows,
                    Axis::Column => &mut ws.columns,
                };
                if mine.iter().any(|x| line_key(x) == line_key(&l)) {
                    return Err(FieldError::new(
                        format!("{}s[{i}]", axis.noun()),
                        format!("\"{l}\" is listed twice"),
                    ));
                }
                if mine.len() >= MAX_LINES {
                    return Err(FieldError::bare(format!(
                        "at most {MAX_LINES} {}s",
                        axis.noun()
                    )));
                }
                mine.push(l);
            }
        }
        for (i, c) in cells.into_iter().enumerate() {
            let row =
                check_label(&c.row, Axis::Row).map_err(|e| e.under(&format!("cells[{i}].row")))?;
            let column = check_label(&c.column, Axis::Column)
                .map_err(|e| e.under(&format!("cells[{i}].column")))?;
            c.cell
                .check(account)
                .map_err(|e| e.under(&format!("cells[{i}]")))?;
            let key = (line_key(&row), line_key(&column));
            if ws.cells.contains_key(&key) {
                return Err(FieldError::new(
                    format!("cells[{i}]"),
                    format!("the cell {row} × {column} is given twice"),
                ));
            }
            ws.cells.insert(
                key,
                StoredCell {
                    row,
                    column,
                    cell: c.cell,
                },
            );
        }
        // The lines are counted only when there could be too many: every account is
        // restored on reading a file, and counting builds each line's key over and over.
        let most_rows = account.people.people().len() + ws.rows.len() + ws.cells.len();
        let most_columns = account.products.len() + ws.columns.len() + ws.cells.len();
        if (most_rows > MAX_LINES * 2 && ws.rows(account).len() > MAX_LINES * 2)
            || (most_columns > MAX_LINES * 2 && ws.columns(account).len() > MAX_LINES * 2)
        {
            return Err(FieldError::bare("the grid has too many rows or columns"));
        }
        Ok(ws)
    }

    /// Counts of the whole grid.
    pub fn total(&self, account: Around<'_>) -> Counts {
        let rows = self.rows(account);
        let columns = self.columns(account);
        let mut n = Counts::default();
        for r in &rows {
            for c in &columns {
                n.add(self.cell(&r.label, &c.label));
            }
        }
        n
    }

    /// Counts of one row (across every column).
    pub fn row_counts(&self, account: Around<'_>, row: &str) -> Counts {
        let mut n = Counts::default();
        for c in self.columns(account) {
            n.add(self.cell(row, &c.label));
        }
        n
    }

    /// Counts of one column (across every row).
    pub fn column_counts(&self, account: Around<'_>, column: &str) -> Counts {
        let mut n = Counts::default();
        for r in self.rows(account) {
            n.add(self.cell(&r.label, column));
        }
        n
    }

    /// ARR of the owned cells whose ARR is known.
    pub fn owned_arr(&self) -> f64 {
        self.cells
            .values()
            .filter_map(|c| match c.cell {
                Cell::Owned { arr } => arr,
                _ => None,
            })
            .sum()
    }

    /// Drops links to opportunities that no longer exist (the cell stays in pipeline).
    pub fn forget_opportunity(&mut self, id: OpportunityId) {
        for c in self.cells.values_mut() {
            if c.cell
                == (Cell::Pipeline {
                    opportunity: Some(id),
                })
            {
                c.cell = Cell::Pipeline { opportunity: None };
            }
        }
    }
}

/// How many cells of each state a row, column or grid has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub owned: usize,
    pub pipeline: usize,
    pub open: usize,
    pub not_a_fit: usize,
    pub not_assessed: usize,
}

impl Counts {
    fn add(&mut self, cell: Option<Cell>) {
        match cell.map(|c| c.kind()) {
            Some(CellKind::Owned) => self.owned += 1,
            Some(CellKind::Pipeline) => self.pipeline += 1,
            Some(CellKind::Open) => self.open += 1,
            Some(CellKind::NotAFit) => self.not_a_fit += 1,
            None => self.not_assessed += 1,
        }
    }
    /// The cells penetration is counted over: owned, in pipeline, open.
    pub fn in_scope(&self) -> usize {
        self.owned + self.pipeline + self.open
    }
    /// Owned / (owned + pipeline + open), from 0 to 1; `None` with nothing in scope.
    pub fn penetration(&self) -> Option<f64> {
        let d = self.in_scope();
        (d > 0).then(|| self.owned as f64 / d as f64)
    }
    /// "40%" (rounded to the nearest whole percent), or "–" with nothing in scope.
    pub fn penetration_label(&self) -> String {
        match self.penetration() {
            Some(p) => format!("{}%", (p * 100.0).round() as i64),
            None => "–".into(),
        }
    }
    /// "2 of 5 owned", or "nothing assessed".
    pub fn summary(&self) -> String {
        if self.in_scope() == 0 {
            return "nothing assessed".into();
        }
        format!("{} of {} owned", self.owned, self.in_scope())
    }
}

//! The one read-only table: rows given as data, columns given as a heading and a way to
//! draw the cell of a row. Every table that lists what the user reads (the shared account's
//! sections, a save plan's history, commitments, the ARR history, the white space of the
//! portfolio, the renewal months, a document's tables, an import's differences) is drawn
//! by it, so each has the same scaffold: the frame that scrolls (`table-wrap`), column
//! headings with `scope="col"`, the row's heading cell with `scope="row"`, numbers aligned
//! right (`num`), and a note in place of the table when there is no row.
//!
//! A table marked [`DataTable::stacked`] becomes one card per row on a phone
//! (`.plan-table.stack` in `style/main.css`): each of its cells carries its column's
//! heading as `data-label`, which the phone layout writes before the value.
//!
//! The rows are drawn once, when [`DataTable::view`] is called; a table that follows the
//! workspace is built inside the reactive closure that reads it.

use leptos::prelude::*;

/// Something read from a row: a cell, a class.
type FromRow<'a, R, T> = Box<dyn Fn(&R) -> T + 'a>;

/// One column: its heading and how a row's cell is drawn.
struct Column<'a, R> {
    head: String,
    /// The heading is for screen readers only (a column of buttons).
    head_hidden: bool,
    /// The heading's tooltip (the long name of a short heading).
    head_title: Option<String>,
    /// The row's heading cell (`<th scope="row">`) rather than a data cell.
    row_head: bool,
    /// Classes on both the heading and the cells (`num`, `bar-col`).
    class: &'static str,
    /// Classes on the cells only (`pre`, `row-actions`).
    cell_class: &'static str,
    /// A class of one cell from its row (`muted` where nothing changed).
    cell_class_of: Option<FromRow<'a, R, &'static str>>,
    cell: FromRow<'a, R, AnyView>,
}

/// A read-only table of `rows` (see the module doc). Build it with the column methods in
/// the order the columns read, then call [`DataTable::view`].
pub struct DataTable<'a, R> {
    rows: Vec<R>,
    class: String,
    stacked: bool,
    wrap: Option<&'static str>,
    caption: Option<String>,
    empty: Option<(&'static str, String)>,
    row_class: Option<FromRow<'a, R, String>>,
    row_class_live: Option<FromRow<'a, R, Signal<String>>>,
    foot: Option<(String, Vec<Option<AnyView>>)>,
    columns: Vec<Column<'a, R>>,
}

impl<'a, R> DataTable<'a, R> {
    /// A table of class `class` (the feature's own: `cm-table`, `history`), in the frame
    /// that scrolls sideways (`table-wrap`).
    pub fn new(class: &str, rows: Vec<R>) -> Self {
        DataTable {
            rows,
            class: class.to_string(),
            stacked: false,
            wrap: Some("table-wrap"),
            caption: None,
            empty: None,
            row_class: None,
            row_class_live: None,
            foot: None,
            columns: Vec::new(),
        }
    }

    /// One card per row on a phone: class `stack`, and each cell labelled with its heading.
    pub fn stacked(mut self) -> Self {
        self.stacked = true;
        self.class.push_str(" stack");
        self
    }

    /// The frame's classes (`table-wrap flat` inside a card).
    pub fn wrap(mut self, class: &'static str) -> Self {
        self.wrap = Some(class);
        self
    }

    /// No frame: the table stands in the card as it is.
    pub fn bare(mut self) -> Self {
        self.wrap = None;
        self
    }

    /// The table's name for screen readers (visually hidden: the heading above says it).
    pub fn caption(mut self, text: impl Into<String>) -> Self {
        self.caption = Some(text.into());
        self
    }

    /// The note shown instead of the table when there is no row (`empty-note`).
    pub fn empty(mut self, text: impl Into<String>) -> Self {
        self.empty = Some(("empty-note", text.into()));
        self
    }

    /// The same note in the quieter `muted` style of a card's list.
    pub fn empty_muted(mut self, text: impl Into<String>) -> Self {
        self.empty = Some(("muted", text.into()));
        self
    }

    /// Classes of a row's `<tr>` from the row (`cm-row-overdue`).
    pub fn row_class(mut self, f: impl Fn(&R) -> String + 'a) -> Self {
        self.row_class = Some(Box::new(f));
        self
    }

    /// Classes of a row's `<tr>` that follow a signal: a table built once whose rows'
    /// figures change in place (the Health tab's score breakdown).
    pub fn row_class_live(mut self, f: impl Fn(&R) -> Signal<String> + 'a) -> Self {
        self.row_class_live = Some(Box::new(f));
        self
    }

    /// The footer row (a total): its heading, in the row heading's column, and one cell for
    /// each other column in order (`None`: left empty). Each cell takes its column's classes
    /// and, in a stacked table, its heading as `data-label`, as the rows' cells do.
    pub fn foot(mut self, head: impl Into<String>, cells: Vec<Option<AnyView>>) -> Self {
        self.foot = Some((head.into(), cells));
        self
    }

    fn push<V: IntoView + 'static>(
        mut self,
        head: impl Into<String>,
        row_head: bool,
        f: impl Fn(&R) -> V + 'a,
    ) -> Self {
        self.columns.push(Column {
            head: head.into(),
            head_hidden: false,
            head_title: None,
            row_head,
            class: "",
            cell_class: "",
            cell_class_of: None,
            cell: Box::new(move |r| f(r).into_any()),
        });
        self
    }

    /// The row's heading column (`<th scope="row">`): what names the row.
    pub fn row_head<V: IntoView + 'static>(
        self,
        head: impl Into<String>,
        f: impl Fn(&R) -> V + 'a,
    ) -> Self {
        self.push(head, true, f)
    }

    /// A data column.
    pub fn col<V: IntoView + 'static>(
        self,
        head: impl Into<String>,
        f: impl Fn(&R) -> V + 'a,
    ) -> Self {
        self.push(head, false, f)
    }

    fn last(&mut self) -> &mut Column<'a, R> {
        self.columns
            .last_mut()
            .expect("a column modifier follows a column")
    }

    /// The last column holds numbers: heading and cells aligned right (`num`).
    pub fn num(self) -> Self {
        self.class("num")
    }

    /// Classes of the last column, on its heading and its cells.
    pub fn class(mut self, class: &'static str) -> Self {
        self.last().class = class;
        self
    }

    /// Classes of the last column's cells only.
    pub fn cell_class(mut self, class: &'static str) -> Self {
        self.last().cell_class = class;
        self
    }

    /// A class of each of the last column's cells, from its row.
    pub fn cell_class_of(mut self, f: impl Fn(&R) -> &'static str + 'a) -> Self {
        self.last().cell_class_of = Some(Box::new(f));
        self
    }

    /// The last column's heading shows `title` as its tooltip.
    pub fn head_title(mut self, title: impl Into<String>) -> Self {
        self.last().head_title = Some(title.into());
        self
    }

    /// The last column's heading is read by screen readers only.
    pub fn head_hidden(mut self) -> Self {
        self.last().head_hidden = true;
        self
    }

    /// The table, or the empty note when there is no row and one was given.
    pub fn view(self) -> AnyView {
        let DataTable {
            rows,
            class,
            stacked,
            wrap,
            caption,
            empty,
            row_class,
            row_class_live,
            foot,
            columns,
        } = self;
        if rows.is_empty() {
            if let Some((class, text)) = empty {
                return view! { <p class=class>{text}</p> }.into_any();
            }
        }
        let heads = columns
            .iter()
            .map(|c| {
                let class = (!c.class.is_empty()).then_some(c.class);
                let (text, title) = (c.head.clone(), c.head_title.clone());
                if c.head_hidden {
                    view! { <th scope="col" class=class title=title><span class="visually-hidden">{text}</span></th> }
                        .into_any()
                } else {
                    view! { <th scope="col" class=class title=title>{text}</th> }.into_any()
                }
            })
            .collect_view();
        let body = rows
            .iter()
            .map(|r| {
                let cells = columns
                    .iter()
                    .map(|c| {
                        let of_row = c.cell_class_of.as_ref().map_or("", |f| f(r));
                        let label = stacked.then_some(c.head.as_str());
                        let classes = [c.class, c.cell_class, of_row];
                        draw_cell(c.row_head, &classes, label, (c.cell)(r))
                    })
                    .collect_view();
                if let Some(live) = row_class_live.as_ref().map(|f| f(r)) {
                    return view! { <tr class=move || live.get()>{cells}</tr> }.into_any();
                }
                let class = row_class.as_ref().map(|f| f(r)).filter(|c| !c.is_empty());
                view! { <tr class=class>{cells}</tr> }.into_any()
            })
            .collect_view();
        let class = (!class.is_empty()).then_some(class);
        let foot = foot.map(|(head, cells)| {
            let places = columns
                .iter()
                .map(|c| (c.head.as_str(), c.class, c.row_head));
            foot_row(places.collect(), stacked, head, cells)
        });
        let table = view! {
            <table class=class>
                {caption.map(|c| view! { <caption class="visually-hidden">{c}</caption> })}
                <thead><tr>{heads}</tr></thead>
                <tbody>{body}</tbody>
                {foot.map(|f| view! { <tfoot>{f}</tfoot> })}
            </table>
        };
        match wrap {
            Some(w) => view! { <div class=w>{table}</div> }.into_any(),
            None => table.into_any(),
        }
    }
}

/// The footer row under columns given as (heading, class, is the row heading): not generic
/// over the rows, so its code is in the bundle once for every table (see [`DataTable::foot`]).
fn foot_row(
    columns: Vec<(&str, &'static str, bool)>,
    stacked: bool,
    head: String,
    cells: Vec<Option<AnyView>>,
) -> AnyView {
    debug_assert_eq!(
        cells.len(),
        columns.iter().filter(|c| !c.2).count(),
        "one footer cell per column"
    );
    let mut cells = cells.into_iter();
    let row = columns
        .into_iter()
        .map(|(heading, class, row_head)| {
            if row_head {
                return draw_cell(true, &[class], None, head.clone().into_any());
            }
            match cells.next().flatten() {
                Some(content) => draw_cell(false, &[class], stacked.then_some(heading), content),
                None => draw_cell(false, &[class], None, ().into_any()),
            }
        })
        .collect_view();
    view! { <tr>{row}</tr> }.into_any()
}

/// One cell of a table row, drawn the one way for every table (`DataTable`'s rows and footer,
/// the item editor's `Cell`s): the row's heading as `<th scope="row">`, a data cell as `<td>`
/// carrying `label` (its column's heading, in a stacked table) as `data-label`. The classes
/// are joined, the empty ones left out.
pub(crate) fn draw_cell(
    row_head: bool,
    classes: &[&str],
    label: Option<&str>,
    content: AnyView,
) -> AnyView {
    let class = classes
        .iter()
        .copied()
        .filter(|c| !c.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let class = (!class.is_empty()).then_some(class);
    if row_head {
        view! { <th scope="row" class=class>{content}</th> }.into_any()
    } else {
        let label = label.map(str::to_string);
        view! { <td class=class data-label=label>{content}</td> }.into_any()
    }
}

//! Delimited text tables, as CRMs and spreadsheets export them (CSV): reading one into
//! header and rows (separator `,` `;` or tab found from the header line, a UTF-8 byte order
//! mark dropped, quoted cells holding separators, quotes and line breaks), and writing one
//! back (the file of rows an import skipped). Parsing is the `csv` crate's; what the cells
//! mean is decided in `domain::import`. Rules: docs/csv-import.md.

use super::read::MAX_LIST_ITEMS;

/// What separates the cells of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Separator {
    Comma,
    Semicolon,
    Tab,
}

impl Separator {
    pub const ALL: [Separator; 3] = [Separator::Comma, Separator::Semicolon, Separator::Tab];
    pub fn byte(self) -> u8 {
        match self {
            Separator::Comma => b',',
            Separator::Semicolon => b';',
            Separator::Tab => b'\t',
        }
    }
    /// "commas", for "cells separated by commas".
    pub fn label(self) -> &'static str {
        match self {
            Separator::Comma => "commas",
            Separator::Semicolon => "semicolons",
            Separator::Tab => "tabs",
        }
    }
}

/// Most rows one table may hold: as many accounts as a workspace file may list.
pub const MAX_ROWS: usize = MAX_LIST_ITEMS;
/// Most columns one table may hold.
pub const MAX_COLUMNS: usize = 200;

/// One row under the header.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The row's number as a spreadsheet shows it: the header is row 1, the first row
    /// under it row 2 (a cell holding line breaks does not add rows).
    pub number: usize,
    /// One cell per header column: a short row is padded with empty cells.
    pub cells: Vec<String>,
}

/// A table read from a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub separator: Separator,
    /// Column names from the first row, trimmed; an empty one reads `Column 3`.
    pub headers: Vec<String>,
    /// Rows under the header; rows with every cell empty are left out.
    pub rows: Vec<Row>,
}

/// True when the text is a JSON document rather than a table (it opens with `{` or `[`).
pub fn looks_like_json(text: &str) -> bool {
    matches!(
        text.trim_start_matches('\u{feff}')
            .trim_start()
            .chars()
            .next(),
        Some('{' | '[')
    )
}

/// The separator of the header line: the one of `,` `;` tab found most often outside
/// quotes (a comma when none is found, or on a tie with it).
pub fn detect_separator(text: &str) -> Separator {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 2 - i)).unwrap_or(0);
    if counts[best] == 0 {
        Separator::Comma
    } else {
        Separator::ALL[best]
    }
}

/// Reads a table: the first row names the columns, each later row is one record.
/// Refused (with the reason and what to do): a JSON file, an empty file, a header
/// without rows, a row with more cells than the header, more than [`MAX_ROWS`] rows or
/// [`MAX_COLUMNS`] columns.
pub fn read_table(text: &str) -> Result<Table, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if looks_like_json(text) {
        return Err(
            "This file holds JSON, not a table: import it as a workspace file under Import above."
                .into(),
        );
    }
    if text.trim().is_empty() {
        return Err("This file is empty: export the accounts from your CRM again.".into());
    }
    let separator = detect_separator(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator.byte())
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(r)) => r,
        Some(Err(e)) => return Err(csv_message(&e)),
        None => return Err("This file is empty: export the accounts from your CRM again.".into()),
    };
    if header.len() > MAX_COLUMNS {
        return Err(format!(
            "The first row has {} columns; the planner reads {MAX_COLUMNS} at most. Export only the account columns.",
            header.len()
        ));
    }
    let headers: Vec<String> = header
        .iter()
        .enumerate()
        .map(|(i, h)| match h.trim() {
            "" => format!("Column {}", i + 1),
            h => h.to_string(),
        })
        .collect();
    let mut rows = Vec::new();
    for (i, record) in records.enumerate() {
        let record = record.map_err(|e| csv_message(&e))?;
        let number = i + 2;
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if record.len() > headers.len() {
            return Err(format!(
                "Row {number} has {} cells but the first row names {}. A value holding a {} must be in double quotes; check that row, or export the file again.",
                record.len(),
                crate::domain::plural(headers.len(), "column", "columns"),
                match separator {
                    Separator::Comma => "comma",
                    Separator::Semicolon => "semicolon",
                    Separator::Tab => "tab",
                }
            ));
        }
        if rows.len() == MAX_ROWS {
            return Err(format!(
                "This file has more than {} rows; the planner takes {} at most in one import. Split the file.",
                crate::domain::money::group_thousands(MAX_ROWS as u64),
                crate::domain::money::group_thousands(MAX_ROWS as u64),
            ));
        }
        let mut cells: Vec<String> = record.iter().map(str::to_string).collect();
        cells.resize(headers.len(), String::new());
        rows.push(Row { number, cells });
    }
    if rows.is_empty() {
        return Err("This file has a first row of column names but no rows under it: there is nothing to import.".into());
    }
    Ok(Table {
        separator,
        headers,
        rows,
    })
}

fn csv_message(e: &csv::Error) -> String {
    format!("This file could not be read as a table: {e}.")
}

/// Writes a table with commas, quoting cells that need it (separators, quotes, line
/// breaks), lines ending in CRLF as spreadsheets expect.
pub fn write_table(headers: &[String], rows: &[Vec<String>]) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .flexible(true)
        .from_writer(Vec::new());
    // Writing to memory cannot fail.
    let _ = w.write_record(headers);
    for r in rows {
        let _ = w.write_record(r);
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// Whether a file is a table by its name (`.csv`, `.tsv`) or its type (`text/csv`).
pub fn is_table_file(name: &str, mime: &str) -> bool {
    let name = name.to_lowercase();
    name.ends_with(".csv")
        || name.ends_with(".tsv")
        || mime == "text/csv"
        || mime == "text/tab-separated-values"
}

/// Whether a file with no table name is still a table: UTF-8 text, not JSON, and its
/// first line holds a `,` `;` or tab outside quotes (a CRM export saved as `.txt`).
pub fn looks_like_table(bytes: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return false;
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if looks_like_json(text) || text.trim().is_empty() {
        return false;
    }
    let first = text.lines().next().unwrap_or("");
    detect_separator(first) != Separator::Comma || first.contains(',')
}

/// The text of a table file: UTF-8 (a byte order mark is dropped by [`read_table`]).
/// Anything else is refused with the way to save it right.
pub fn table_text(bytes: &[u8]) -> Result<String, String> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(NOT_UTF8.into());
    }
    String::from_utf8(bytes.to_vec()).map_err(|_| NOT_UTF8.to_string())
}

const NOT_UTF8: &str = "This file is not UTF-8 text. Save it as \"CSV UTF-8\" in your spreadsheet app, or export it again from the CRM with UTF-8 encoding.";

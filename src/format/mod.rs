//! The JSON workspace file: versioned types ([`v1`], [`v2`], [`v3`]), reading with precise errors, and
//! writing. Storage keeps the same document, so what is saved and what is exported are
//! one format.

pub mod ics;
pub mod markdown;
pub mod practice;
pub mod read;
pub mod reader;
pub mod share;
pub mod stored;
pub mod table;
pub mod v1;
pub mod v2;
pub mod v3;
pub mod writer;

use std::fmt;

use chrono::NaiveDate;

use serde_json::Value;

use crate::domain::{Workspace, WorkspaceId};

pub use read::{MAX_DEPTH, MAX_FILE_BYTES, MAX_LIST_ITEMS};

/// The value of the `format` field that marks a file as ours.
pub const FORMAT_NAME: &str = "am-planner-workspace";
/// The newest version this build reads and the one it writes.
pub const CURRENT_VERSION: u64 = 3;

/// Why a file was refused. Each variant's text names what is wrong and where.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    /// Over [`MAX_FILE_BYTES`]: refused before reading.
    TooBig { bytes: u64 },
    /// Not UTF-8 text (UTF-16, binary).
    NotText,
    /// The bytes are not JSON at all.
    NotJson {
        line: usize,
        column: usize,
        detail: String,
    },
    /// JSON, but not a workspace file (no or another `format`).
    NotWorkspace { found: Option<String> },
    /// `version` missing or not a positive whole number.
    BadVersion { found: String },
    /// Written by a newer app than this one.
    NewerVersion { found: u64 },
    /// A field is missing, of the wrong type, or holds a value out of range.
    BadField { path: String, detail: String },
    /// The code that reads workspace documents could not be fetched (only in the bundle,
    /// where that code loads on demand: [`READER`]).
    ReaderNotLoaded { found: u64 },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooBig { bytes } => f.write_str(&read::too_big_message(*bytes)),
            ImportError::NotText => f.write_str(read::NOT_TEXT_MESSAGE),
            ImportError::NotJson { line, column, detail } => write!(
                f,
                "This file is not valid JSON (line {line}, column {column}: {detail})."
            ),
            ImportError::NotWorkspace { found: None } => write!(
                f,
                "This JSON file is not an Account Planner workspace: it has no \"format\": \"{FORMAT_NAME}\" field."
            ),
            ImportError::NotWorkspace { found: Some(other) } => write!(
                f,
                "This JSON file is not an Account Planner workspace: its format is \"{other}\", expected \"{FORMAT_NAME}\"."
            ),
            ImportError::BadVersion { found } => write!(
                f,
                "The file's \"version\" must be a whole number such as 1; found {found}."
            ),
            ImportError::NewerVersion { found } => write!(
                f,
                "This file is format version {found}, written by a newer version of the planner; this one reads up to version {CURRENT_VERSION}. Update the app, or export again from the newer one."
            ),
            ImportError::BadField { path, detail } => write!(f, "{path}: {detail}"),
            ImportError::ReaderNotLoaded { found } => write!(
                f,
                "This is format version {found}, and the part of the planner that reads workspace files did not load, most likely because the connection dropped. Nothing was changed. Reload the page once you are online and try again."
            ),
        }
    }
}

/// A file read successfully: the workspace and what the file says about itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub workspace: Workspace,
    pub exported_at: Option<String>,
    pub version: u64,
}

/// Reads a workspace file given as raw bytes: the size is checked before anything else,
/// then the encoding (UTF-8, with or without a byte-order mark), then [`decode`].
pub fn decode_bytes(bytes: &[u8], today: NaiveDate) -> Result<Decoded, ImportError> {
    decode(read::text_of(bytes)?, today)
}

/// Reads a workspace file. Every problem is an [`ImportError`]; nothing here panics on
/// any input. The text is read once, by the typed reader of its version, under the limits
/// of [`read`] (size, nesting, list length, keys given twice); when it is refused, a
/// problem with those limits, or text that is not JSON, is the one reported, wherever it
/// is in the file. `today` is the day of reading: an older file's
/// ARR becomes a `new` change in the ARR history dated on the contract start, or on
/// `today` without one (docs/file-format.md#versions-and-migrations).
pub fn decode(text: &str, today: NaiveDate) -> Result<Decoded, ImportError> {
    let header = read_header(text)?;
    let doc = header.document;
    let version = match (header.format.as_deref(), header.version) {
        (Some(FORMAT_NAME), Ok(version)) if version <= CURRENT_VERSION => version,
        (format, version) => {
            doc.check()?;
            return Err(match (format, version) {
                (Some(FORMAT_NAME), Ok(found)) => ImportError::NewerVersion { found },
                (Some(FORMAT_NAME), Err(found)) => ImportError::BadVersion { found },
                (found, _) => ImportError::NotWorkspace {
                    found: found.map(String::from),
                },
            });
        }
    };
    let (workspace, exported_at) = read_version(version, &doc, today)?;
    Ok(Decoded {
        workspace,
        exported_at,
        version,
    })
}

/// Reads a document of a given version into the domain ([`reader::read`]).
pub(crate) type Reader =
    fn(u64, &read::Document<'_>, NaiveDate) -> Result<(Workspace, Option<String>), ImportError>;

handed! {
    /// The documents' reader: in the bundle a module of its own, fetched when a document is
    /// first read (docs/build.md) and handed over here.
    pub(crate) static READER: Reader = reader::read;
}

/// Reads a document: at once in every build but the bundle; in the bundle through the
/// reader handed over to [`READER`], refused without it.
fn read_version(
    version: u64,
    value: &read::Document<'_>,
    today: NaiveDate,
) -> Result<(Workspace, Option<String>), ImportError> {
    match READER.get() {
        Some(read) => read(version, value, today),
        None => {
            // Text that is not JSON, or over a limit, is named first, as for any refusal.
            value.check()?;
            Err(ImportError::ReaderNotLoaded { found: version })
        }
    }
}

pub(crate) fn decode_v3(
    mut file: v3::File,
    today: NaiveDate,
) -> Result<(Workspace, Option<String>), ImportError> {
    let id = file
        .workspace_id
        .as_deref()
        .map(WorkspaceId::parse)
        .transpose()
        .map_err(|e| ImportError::BadField {
            path: "workspace_id".into(),
            detail: e.message,
        })?;
    let currency = v3::currency_of(&file.workspace).map_err(|detail| ImportError::BadField {
        path: "workspace.currency".into(),
        detail,
    })?;
    let settings = file
        .workspace
        .settings
        .into_domain()
        .map_err(|(path, detail)| ImportError::BadField {
            path: format!("workspace.settings.{path}"),
            detail,
        })?;
    let demo = file.workspace.demo;
    let snoozes = v3::week::snoozes_into_domain(std::mem::take(&mut file.workspace.snoozes))
        .map_err(|(path, detail)| ImportError::BadField {
            path: format!("workspace.snoozes{path}"),
            detail,
        })?;
    let accounts = file
        .workspace
        .accounts
        .into_iter()
        .enumerate()
        .map(|(index, a)| {
            a.into_domain(today)
                .map_err(|(path, detail)| ImportError::BadField {
                    path: format!("workspace.accounts[{index}].{path}"),
                    detail,
                })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut ws = Workspace::from_accounts(currency, demo, accounts).map_err(|e| {
        let e = e.under("workspace.accounts");
        ImportError::BadField {
            path: e.path,
            detail: e.message,
        }
    })?;
    ws.settings = settings;
    ws.snoozes = snoozes;
    ws.id = id;
    if let Some(p) = file.practice {
        ws.practice = p
            .into_domain()
            .map_err(|(path, detail)| ImportError::BadField {
                path: format!("practice.{path}"),
                detail,
            })?;
    }
    Ok((ws, file.exported_at))
}

/// What every versioned document of ours starts with, read before its body.
pub(crate) struct Header<'a> {
    /// The whole document; its body is read with [`read::Document::deserialize`]. A
    /// refusal for its `format` or `version` comes after [`read::Document::check`], so a
    /// document that is not JSON or over a limit is named as such first.
    pub document: read::Document<'a>,
    /// The `format` field: its text, or the JSON of a non-string value; None when absent
    /// or when the document is not an object.
    pub format: Option<String>,
    /// The `version` field, or how it looked when it is not a positive whole number.
    pub version: Result<u64, String>,
}

/// Reads `format` and `version` (and no further when they come first, as the planner
/// writes them), after the size and encoding checks of [`read`].
pub(crate) fn read_header(text: &str) -> Result<Header<'_>, ImportError> {
    let (document, top) = read::document(text)?;
    let format = top.format.map(|f| match f {
        Value::String(s) => s,
        other => other.to_string(),
    });
    let version = match top.version {
        Some(Value::Number(n)) => n.as_u64().filter(|v| *v >= 1).ok_or(n.to_string()),
        Some(other) => Err(other.to_string()),
        None => Err("nothing".into()),
    };
    Ok(Header {
        document,
        format,
        version,
    })
}

/// Writes the workspace as a file of the current version (with its id, when it has
/// one), pretty-printed for people who read diffs ([`writer::file`]). For the pages that
/// export; storage writes through [`WRITER`], which the bundle fetches on demand.
pub fn encode(ws: &Workspace, exported_at: Option<String>) -> String {
    writer::file(ws, exported_at)
}

handed! {
    /// The writer storage saves with: in the bundle a module of its own, fetched at the
    /// start of every visit (docs/build.md) and handed over here before the first save.
    pub(crate) static WRITER: writer::Writer = writer::WRITER;
}

/// A suggested file name for an export made on `date` (`YYYY-MM-DD`).
pub fn export_file_name(date: &str) -> String {
    format!("account-planner-{date}.json")
}

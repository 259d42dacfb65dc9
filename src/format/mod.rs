//! The JSON workspace file: versioned types ([`v1`]), reading with precise errors, and
//! writing. Storage keeps the same document, so what is saved and what is exported are
//! one format.

pub mod ics;
pub mod markdown;
pub mod share;
pub mod v1;

use std::fmt;

use serde_json::Value;

use crate::domain::{Workspace, WorkspaceError};

/// The value of the `format` field that marks a file as ours.
pub const FORMAT_NAME: &str = "am-planner-workspace";
/// The newest version this build reads and the one it writes.
pub const CURRENT_VERSION: u64 = 1;

/// Why a file was refused. Each variant's text names what is wrong and where.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
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
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
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

/// Reads a workspace file. Every problem is an [`ImportError`]; nothing here panics on
/// any input.
pub fn decode(text: &str) -> Result<Decoded, ImportError> {
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::NotJson {
        line: e.line(),
        column: e.column(),
        detail: strip_position(&e.to_string()),
    })?;
    let obj = value
        .as_object()
        .ok_or(ImportError::NotWorkspace { found: None })?;
    match obj.get("format") {
        Some(Value::String(s)) if s == FORMAT_NAME => {}
        Some(Value::String(s)) => {
            return Err(ImportError::NotWorkspace {
                found: Some(s.clone()),
            })
        }
        Some(other) => {
            return Err(ImportError::NotWorkspace {
                found: Some(other.to_string()),
            })
        }
        None => return Err(ImportError::NotWorkspace { found: None }),
    }
    let version = match obj.get("version") {
        Some(Value::Number(n)) => match n.as_u64() {
            Some(v) if v >= 1 => v,
            _ => {
                return Err(ImportError::BadVersion {
                    found: n.to_string(),
                })
            }
        },
        Some(other) => {
            return Err(ImportError::BadVersion {
                found: other.to_string(),
            })
        }
        None => {
            return Err(ImportError::BadVersion {
                found: "nothing".into(),
            })
        }
    };
    if version > CURRENT_VERSION {
        return Err(ImportError::NewerVersion { found: version });
    }
    // Only version 1 exists; a version 2 adds `migrate_v1_to_v2(value)` here.
    decode_v1(&value).map(|(workspace, exported_at)| Decoded {
        workspace,
        exported_at,
        version,
    })
}

fn decode_v1(value: &Value) -> Result<(Workspace, Option<String>), ImportError> {
    let file: v1::File = serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let detail = e.inner().to_string();
        ImportError::BadField {
            path: if path == "." { "file".into() } else { path },
            detail,
        }
    })?;
    let currency = v1::currency_of(&file.workspace).map_err(|detail| ImportError::BadField {
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
    let accounts = file
        .workspace
        .accounts
        .into_iter()
        .enumerate()
        .map(|(index, a)| {
            a.into_domain()
                .map_err(|(path, detail)| ImportError::BadField {
                    path: format!("workspace.accounts[{index}].{path}"),
                    detail,
                })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut ws = Workspace::from_accounts(currency, demo, accounts).map_err(|e| match e {
        WorkspaceError::DuplicateId { index, id } => ImportError::BadField {
            path: format!("workspace.accounts[{index}].id"),
            detail: format!(
                "id {} is used by an earlier account; ids must be unique",
                id.0
            ),
        },
        WorkspaceError::InvalidAccount { index, errors } => {
            let first = &errors[0];
            ImportError::BadField {
                path: format!("workspace.accounts[{index}].{}", first.field.key()),
                detail: first.message.clone(),
            }
        }
    })?;
    ws.settings = settings;
    Ok((ws, file.exported_at))
}

/// serde_json appends " at line L column C"; we report the position separately.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

/// Writes the workspace as a version 1 file, pretty-printed for people who read diffs.
pub fn encode(ws: &Workspace, exported_at: Option<String>) -> String {
    let file = v1::File {
        format: FORMAT_NAME.into(),
        version: CURRENT_VERSION as u32,
        exported_at,
        workspace: v1::WorkspaceV1::from(ws),
    };
    serde_json::to_string_pretty(&file).expect("a workspace always serializes")
}

/// A suggested file name for an export made on `date` (`YYYY-MM-DD`).
pub fn export_file_name(date: &str) -> String {
    format!("account-planner-{date}.json")
}

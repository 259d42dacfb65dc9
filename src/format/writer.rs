//! Writing the workspace: the file a person exports, and the parts storage keeps
//! (docs/storage.md). One writer for both, so what is saved and what is exported are one
//! format.
//!
//! In the bundle this is a module of its own (`writers`, docs/build.md), fetched at the
//! start of every visit and handed to [`super::WRITER`], the only way storage reaches it.
//! Pages that write a file (export, share) call [`file`] directly: their
//! own modules hold it.

use super::stored::{self, Part};
use super::{practice, v3, CURRENT_VERSION, FORMAT_NAME};
use crate::domain::{Account, Workspace};

/// What storage needs to write: each a plain function, so the set can be handed from the
/// module that holds them to the one that calls them. (The file itself is written by the
/// pages that export, whose own modules hold [`file`].)
#[derive(Clone, Copy)]
pub(crate) struct Writer {
    /// The stored part of everything but the accounts ([`rest_part`]).
    pub rest_part: fn(&Workspace) -> Part,
    /// One account's stored part ([`account_part`]).
    pub account_part: fn(&Account) -> Part,
}

/// The writer's functions, handed over as one value.
pub(crate) const WRITER: Writer = Writer {
    rest_part,
    account_part,
};

/// The document of the current version with the accounts given (all of them for a file,
/// none for the stored rest).
fn document(ws: &Workspace, exported_at: Option<String>, accounts: Vec<v3::AccountV3>) -> v3::File {
    v3::File {
        format: FORMAT_NAME.into(),
        version: CURRENT_VERSION as u32,
        exported_at,
        workspace_id: ws.id.as_ref().map(|id| id.as_str().to_string()),
        workspace: v3::WorkspaceV3::with_accounts(ws, accounts),
        practice: (!ws.practice.is_empty()).then(|| practice::PracticeV1::from(&ws.practice)),
    }
}

/// Writes the workspace as a file of the current version (with its id, when it has
/// one), pretty-printed for people who read diffs.
pub fn file(ws: &Workspace, exported_at: Option<String>) -> String {
    let accounts = ws.accounts().iter().map(v3::AccountV3::from).collect();
    serde_json::to_string_pretty(&document(ws, exported_at, accounts))
        .expect("a workspace always serializes")
}

/// The stored rest: the document with an empty account list, compact. Reading puts the
/// accounts' parts in that list's place (`stored::read_document`).
pub fn rest_json(ws: &Workspace) -> String {
    serde_json::to_string(&document(ws, None, Vec::new())).expect("a workspace always serializes")
}

/// One account as the file writes it, compact.
pub fn account_json(a: &Account) -> String {
    serde_json::to_string(&v3::AccountV3::from(a)).expect("an account always serializes")
}

/// [`rest_json`] compressed and packed.
pub fn rest_part(ws: &Workspace) -> Part {
    stored::make_part(&rest_json(ws))
}

/// [`account_json`] compressed and packed.
pub fn account_part(a: &Account) -> Part {
    stored::make_part(&account_json(a))
}

//! The workspace in localStorage, through gloo-storage. The stored value is the same
//! versioned document as an exported file (see `format`), so a stored workspace and an
//! exported one are read by one reader. A value that cannot be read is never overwritten
//! before a copy is kept under [`UNREADABLE_KEY`].

use gloo_storage::{LocalStorage, Storage};

use crate::domain::Workspace;
use crate::format;

pub const KEY: &str = "am-planner.workspace";
/// Where an unreadable stored value is copied before anything else is written.
pub const UNREADABLE_KEY: &str = "am-planner.workspace.unreadable";

/// What was found in storage at start.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// Nothing stored yet: first open.
    Nothing,
    Workspace(Workspace),
    /// Something is stored but cannot be read. `raw` has been copied to [`UNREADABLE_KEY`].
    Unreadable {
        error: String,
    },
}

fn raw_get(key: &str) -> Option<String> {
    LocalStorage::raw().get_item(key).ok().flatten()
}

pub fn load() -> Loaded {
    let Some(raw) = raw_get(KEY) else {
        return Loaded::Nothing;
    };
    match format::decode(&raw) {
        Ok(decoded) => Loaded::Workspace(decoded.workspace),
        Err(e) => {
            // Keep the bytes before the app writes anything over them.
            let _ = LocalStorage::raw().set_item(UNREADABLE_KEY, &raw);
            Loaded::Unreadable {
                error: e.to_string(),
            }
        }
    }
}

/// The copy of an unreadable value kept at start, if any.
pub fn unreadable_copy() -> Option<String> {
    raw_get(UNREADABLE_KEY)
}

pub fn forget_unreadable_copy() {
    LocalStorage::delete(UNREADABLE_KEY);
}

/// Saves the workspace. Fails when storage is full or blocked; the caller tells the user.
pub fn save(ws: &Workspace, saved_at: String) -> Result<(), String> {
    let text = format::encode(ws, Some(saved_at));
    LocalStorage::raw().set_item(KEY, &text).map_err(|e| {
        let name = js_sys::Reflect::get(&e, &"name".into())
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_default();
        if name == "QuotaExceededError" {
            "the browser's storage for this site is full".to_string()
        } else {
            "the browser refused to store the data (private mode or storage disabled?)".to_string()
        }
    })
}

//! Version 2 of the workspace file: version 1 plus optional top-level fields. The
//! workspace body is [`WorkspaceV1`] unchanged; only the envelope grew. Released: read
//! strictly as it is, then migrated to version 3 (`v3::File::migrate`); a new field goes
//! into version 3 (see `src/format/v3/mod.rs`).

use serde::{Deserialize, Serialize};

use super::v1::{self, WorkspaceV1};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct File {
    pub format: String,
    pub version: u32,
    /// When the file was written, RFC 3339 (`2026-11-22T19:48:00Z`). Optional for generators.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported_at: Option<String>,
    /// The workspace's own id (see `WorkspaceId`): calendar event ids are built from it, so
    /// it travels with every export. Absent in files made before version 2 and by
    /// generators; the app then gives the workspace a new one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace_id: Option<String>,
    pub workspace: WorkspaceV1,
    /// Interview practice: card reviews, mock interviews, drill scores (see
    /// `docs/practice.md`). Absent: nothing practised yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub practice: Option<super::practice::PracticeV1>,
}

/// Version 1 to 2: the same document with no workspace id.
impl From<v1::File> for File {
    fn from(f: v1::File) -> Self {
        File {
            format: f.format,
            version: 2,
            exported_at: f.exported_at,
            workspace_id: None,
            workspace: f.workspace,
            practice: None,
        }
    }
}

//! Reading a workspace document of any released version into the domain's types: a
//! version 1 or 2 document is read strictly in its own shape ([`v1`], [`v2`]), then
//! migrated step by step to version 3 (docs/file-format.md#versions-and-migrations); a
//! version 3 document is read as it is; then [`super::decode_v3`] moves it into the domain.
//!
//! A first visit (nothing stored, the demo) never reads a document, so in the bundle this
//! is code fetched when one is first read (docs/build.md): [`super::decode`] reaches it
//! through [`super::READER`]. It is about a sixth of the code the main module held.

use chrono::NaiveDate;

use super::{read, v1, v2, v3, ImportError};
use crate::domain::Workspace;

/// The document `value` of `version` (1 to the current one) as a workspace and its export
/// time; an older version is migrated on `today`.
pub(crate) fn read(
    version: u64,
    value: &read::Document<'_>,
    today: NaiveDate,
) -> Result<(Workspace, Option<String>), ImportError> {
    let file = match version {
        1 => v3::File::migrate(v2::File::from(value.deserialize::<v1::File>()?), today),
        2 => v3::File::migrate(value.deserialize::<v2::File>()?, today),
        _ => value.deserialize::<v3::File>()?,
    };
    super::decode_v3(file, today)
}

//! Reading the released versions before the current one: a version 1 or 2 document is read
//! strictly in its own shape ([`v1`], [`v2`]), then migrated step by step to version 3
//! (docs/file-format.md#versions-and-migrations).
//!
//! Only an old file or an old stored workspace needs this, so in the bundle it is code
//! fetched when one is first read (docs/build.md): [`super::decode`] reaches it through
//! [`super::read_older`].

use chrono::NaiveDate;

use super::{read, v1, v2, v3, ImportError};

/// The document `value` of `version` (1 or 2) in the current shape, migrated on `today`.
pub(crate) fn read(
    version: u64,
    value: &read::Document<'_>,
    today: NaiveDate,
) -> Result<v3::File, ImportError> {
    Ok(match version {
        1 => v3::File::migrate(v2::File::from(value.deserialize::<v1::File>()?), today),
        _ => v3::File::migrate(value.deserialize::<v2::File>()?, today),
    })
}

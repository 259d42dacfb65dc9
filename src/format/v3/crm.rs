//! The account's CRM id in the version 3 file (`crm_id`): the id of the account in the CRM
//! it was imported from, so the next CSV export updates the same account
//! (docs/csv-import.md#rows). Absent or null: none.

use crate::domain::import::read_crm_id;
use crate::format::v1::AccountProblem;

/// Reads `crm_id`: up to 64 characters, no line breaks or control characters, not empty.
pub fn crm_id_into_domain(id: Option<String>) -> Result<Option<String>, AccountProblem> {
    match id {
        None => Ok(None),
        Some(text) => {
            let id = read_crm_id(&text).map_err(|m| ("crm_id".to_string(), m.message))?;
            if id.is_empty() {
                return Err((
                    "crm_id".into(),
                    "A CRM id is not empty: leave the field out instead.".into(),
                ));
            }
            Ok(Some(id))
        }
    }
}

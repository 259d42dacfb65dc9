//! The one shape of a refused value: where it is (a path relative to the thing validated,
//! e.g. `goals[1].text`) and what the user should do about it.

use super::text::{MAX_LINE, MAX_OWNER_LEN};

/// A value refused by validation: where (`goals[1].text`, relative to the thing validated;
/// an account field is its key, `renewal_date`) and what the user should do about it. The
/// message is what the user reads next to the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub path: String,
    pub message: String,
}

impl FieldError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError {
            path: path.into(),
            message: message.into(),
        }
    }

    /// The same problem one level down, e.g. `text` under `actions[2]` -> `actions[2].text`.
    pub fn under(self, prefix: &str) -> Self {
        FieldError {
            path: if prefix.is_empty() {
                self.path
            } else if self.path.is_empty() {
                prefix.to_string()
            } else {
                format!("{prefix}.{}", self.path)
            },
            message: self.message,
        }
    }
}

/// Checks a required one-line text.
pub(crate) fn check_required(errors: &mut Vec<FieldError>, field: String, text: &str, what: &str) {
    if text.trim().is_empty() {
        errors.push(FieldError::new(field, format!("Write the {what}.")));
    } else {
        check_len(errors, field, text, MAX_LINE);
    }
}

/// Checks the length of a text (counted in characters).
pub(crate) fn check_len(errors: &mut Vec<FieldError>, field: String, text: &str, max: usize) {
    if text.chars().count() > max {
        errors.push(FieldError::new(
            field,
            format!("Keep this under {max} characters."),
        ));
    }
}

/// Reads an owner typed or imported: free text, trimmed, at most [`MAX_OWNER_LEN`]
/// characters; empty means no owner (docs/account-depth.md#owners). `path` names the
/// field in the message.
pub fn read_owner(path: &str, text: &str) -> Result<String, FieldError> {
    let t = text.trim();
    if t.chars().count() > MAX_OWNER_LEN {
        return Err(FieldError::new(
            path,
            format!("Keep the owner under {MAX_OWNER_LEN} characters."),
        ));
    }
    Ok(t.to_string())
}

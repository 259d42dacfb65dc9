//! The one shape of a refused value: where it is (a path relative to the thing validated,
//! e.g. `goals[1].text`) and what the user should do about it.
//!
//! Every refusal in the domain is a [`FieldError`]; the path follows one rule:
//!
//! - A function given one value (a reader such as `read_date`, `read_money`,
//!   `Influence::parse`, `Percent::new`, or a setter of one field such as
//!   `SavePlan::set_owner`) refuses it with an empty path. Whoever reads it for a field
//!   puts it under the field's name: `read_date(text).map_err(|e| e.under("renewal_date"))`.
//! - A function given several values (a thing with fields, an operation with arguments)
//!   names the one at fault, relative to what it was given: `owner`, `steps[2].done_on`,
//!   the `date` of a check-in. A problem of the whole set ("at least one weight above 0")
//!   has an empty path.
//! - An operation refused as a whole, for the state of what it names rather than for a
//!   value ("That step is already done.", "There is no check-in on 2026-01-05."), has an
//!   empty path.
//!
//! A view shows a message at the field its path names (the form kit's
//! `FormErrors::show_paths`) and a message with an empty path, or a path it has no field
//! for, as the form's message. The message is the same whatever the path: it never names
//! the field, which the page shows beside it.

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

    /// A refusal with an empty path: a value read alone, or an operation refused as a
    /// whole.
    pub fn bare(message: impl Into<String>) -> Self {
        FieldError::new("", message)
    }

    /// The same problem one level down, e.g. `text` under `actions[2]` -> `actions[2].text`,
    /// `[2]` under `arr_log` -> `arr_log[2]`.
    pub fn under(self, prefix: &str) -> Self {
        FieldError {
            path: if prefix.is_empty() {
                self.path
            } else if self.path.is_empty() {
                prefix.to_string()
            } else if self.path.starts_with('[') {
                format!("{prefix}{}", self.path)
            } else {
                format!("{prefix}.{}", self.path)
            },
            message: self.message,
        }
    }
}

impl std::fmt::Display for FieldError {
    /// The message alone: what the user reads.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
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

//! The one shape of a refused value: where it is (a path relative to the thing validated,
//! e.g. `goals[1].text`) and what the user should do about it.
//!
//! Every refusal in the domain is a [`FieldError`]; the path follows one rule:
//!
//! - A reader of one value (`read_date`, `read_money`, `Influence::parse`, `Percent::new`,
//!   `parse_done_on`, a signal or a weight as typed) refuses with an empty path. Whoever
//!   reads it for a field puts it under the field's name:
//!   `read_date(text).map_err(|e| e.under("renewal_date"))`.
//! - A method of a thing, or an operation given several values, names the value at fault
//!   relative to what it was given: a field (`owner`, `milestones[1].what`, a person's
//!   `reports_to`), an argument (the `on` day of a step, the `task` that does not exist,
//!   the `date` of a check-in already taken), or an item of a list given (`[2].id`). A
//!   method refusing a field of its thing names it even when given that value alone
//!   (`SavePlan::set_owner` -> `owner`).
//! - An operation refused as a whole, for the state of what it changes rather than for a
//!   value ("This plan is closed.", "There is no check-in on 2026-01-05.", "No room for
//!   more tasks."), and a problem of a whole set ("at least one weight above 0"), have an
//!   empty path.
//!
//! A view shows a message at the field its path names (`FormErrors::show_paths`, or the
//! form's field enum read back with its `from_key`) and a message with an empty path, or
//! a path it has no field for, as the form's message. The message never depends on the
//! path. A file reader adds the path of the block it read (`e.under("stakeholders")`).

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

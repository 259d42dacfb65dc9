//! The one shape of a refused value: where it is (a path relative to the thing validated,
//! e.g. `goals[1].text`) and what the user should do about it.

use super::text::MAX_LINE;

/// A value refused by validation: where (`goals[1].text`, relative to the thing validated)
/// and what the user should do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanError {
    pub field: String,
    pub message: String,
}

impl PlanError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        PlanError {
            field: field.into(),
            message: message.into(),
        }
    }

    /// The same problem one level down, e.g. `text` under `actions[2]` -> `actions[2].text`.
    pub fn under(self, prefix: &str) -> Self {
        PlanError {
            field: if prefix.is_empty() {
                self.field
            } else if self.field.is_empty() {
                prefix.to_string()
            } else {
                format!("{prefix}.{}", self.field)
            },
            message: self.message,
        }
    }
}

/// Checks a required one-line text.
pub(crate) fn check_required(errors: &mut Vec<PlanError>, field: String, text: &str, what: &str) {
    if text.trim().is_empty() {
        errors.push(PlanError::new(field, format!("Write the {what}.")));
    } else {
        check_len(errors, field, text, MAX_LINE);
    }
}

/// Checks the length of a text (counted in characters).
pub(crate) fn check_len(errors: &mut Vec<PlanError>, field: String, text: &str, max: usize) {
    if text.chars().count() > max {
        errors.push(PlanError::new(
            field,
            format!("Keep this under {max} characters."),
        ));
    }
}

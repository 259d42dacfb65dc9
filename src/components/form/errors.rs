//! The error map of one form.

use std::collections::HashMap;
use std::hash::Hash;

use leptos::prelude::*;

/// The messages of one form: one per field (keyed by the form's field enum `K`) and one
/// for the form as a whole. Copy it into every closure that needs it.
pub struct FormErrors<K: Send + Sync + 'static> {
    fields: RwSignal<HashMap<K, String>>,
    form: RwSignal<Option<String>>,
}

impl<K: Send + Sync + 'static> Clone for FormErrors<K> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<K: Send + Sync + 'static> Copy for FormErrors<K> {}

impl<K> Default for FormErrors<K>
where
    K: Copy + Eq + Hash + Send + Sync + 'static,
{
    fn default() -> Self {
        Self::new()
    }
}

impl<K> FormErrors<K>
where
    K: Copy + Eq + Hash + Send + Sync + 'static,
{
    pub fn new() -> Self {
        FormErrors {
            fields: RwSignal::new(HashMap::new()),
            form: RwSignal::new(None),
        }
    }

    /// The message of one field, as a signal for [`super::Field`]'s `error`.
    pub fn at(self, key: K) -> Signal<Option<String>> {
        Signal::derive(move || self.fields.with(|m| m.get(&key).cloned()))
    }

    /// Whether this field has a message (tracked).
    pub fn has(self, key: K) -> bool {
        self.fields.with(|m| m.contains_key(&key))
    }

    /// Whether the form has no message at all (tracked).
    pub fn is_empty(self) -> bool {
        self.fields.with(HashMap::is_empty) && self.form.with(Option::is_none)
    }

    /// Sets (`Some`) or clears (`None`) the message of one field.
    pub fn set(self, key: K, message: Option<String>) {
        self.fields.update(|m| match message {
            Some(msg) => {
                m.insert(key, msg);
            }
            None => {
                m.remove(&key);
            }
        });
    }

    /// Replaces every message by `found` (the first message of a field wins); the form's
    /// own message is cleared.
    pub fn show(self, found: impl IntoIterator<Item = (K, String)>) {
        let mut map = HashMap::new();
        for (k, msg) in found {
            map.entry(k).or_insert(msg);
        }
        self.fields.set(map);
        self.form.set(None);
    }

    /// Clears every message.
    pub fn clear(self) {
        self.fields.set(HashMap::new());
        self.form.set(None);
    }

    /// Sets (`Some`) or clears (`None`) the message that concerns no single field.
    pub fn set_form(self, message: Option<String>) {
        self.form.set(message);
    }

    /// Shows a validator's messages given by path (`goals[1].text`): `prefix` is the path
    /// of the edited item (`goals[1]`, or empty) and `keys` names this form's fields by
    /// their last path segment. A message for a path the form has no field for is shown
    /// as the form's message. Every earlier message is replaced.
    pub fn show_paths<'a>(
        self,
        found: impl IntoIterator<Item = (&'a str, &'a str)>,
        prefix: &str,
        keys: &[(&str, K)],
    ) {
        let mut map = HashMap::new();
        let mut form = None;
        for (path, message) in found {
            let rel = if prefix.is_empty() {
                path
            } else {
                path.strip_prefix(prefix)
                    .map(|r| r.trim_start_matches('.'))
                    .unwrap_or(path)
            };
            match keys.iter().find(|(name, _)| *name == rel) {
                Some((_, k)) => {
                    map.entry(*k).or_insert_with(|| message.to_string());
                }
                None => {
                    form.get_or_insert_with(|| message.to_string());
                }
            }
        }
        self.fields.set(map);
        self.form.set(form);
    }

    /// The form's own message (tracked).
    pub fn form_message(self) -> Option<String> {
        self.form.get()
    }
}

/// The line under a form for a message that concerns no single field.
#[component]
pub fn FormMessage<K>(errors: FormErrors<K>) -> impl IntoView
where
    K: Copy + Eq + Hash + Send + Sync + 'static,
{
    view! { <p class="field-error form-error" role="alert">{move || errors.form_message()}</p> }
}

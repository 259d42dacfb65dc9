//! Small form pieces shared by the plan, QBR and qualification screens: a labelled input
//! or text area with its message underneath, and the per-form error map they read.
//!
//! A form keeps what is typed in `RwSignal<String>`s and its messages in [`Errors`], keyed
//! by the domain's field name (`text`, `due`, `investment`). Nothing is saved until the
//! whole value is valid; a refused value shows its message at the field it concerns.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::domain::plan::FieldError;

/// Messages of one form, by field key.
pub type Errors = RwSignal<HashMap<String, String>>;

pub fn new_errors() -> Errors {
    RwSignal::new(HashMap::new())
}

/// Puts the domain's messages at the form's fields. `prefix` is the path of the edited
/// item in the validated value (`goals[1]`): `goals[1].text` is shown at `text`. Messages
/// for a field this form does not have are shown under the key `_form`.
pub fn set_errors(errors: Errors, found: &[FieldError], prefix: &str, keys: &[&str]) {
    let mut map = HashMap::new();
    for e in found {
        let rel = if prefix.is_empty() {
            e.path.as_str()
        } else {
            e.path
                .strip_prefix(prefix)
                .map(|r| r.trim_start_matches('.'))
                .unwrap_or(e.path.as_str())
        };
        let key = if keys.contains(&rel) { rel } else { "_form" };
        map.entry(key.to_string())
            .or_insert_with(|| e.message.clone());
    }
    errors.set(map);
}

/// Sets (or clears, with `None`) the message of one field.
pub fn set_error(errors: Errors, key: &str, message: Option<String>) {
    errors.update(|m| match message {
        Some(msg) => {
            m.insert(key.to_string(), msg);
        }
        None => {
            m.remove(key);
        }
    });
}

/// The message under a form that concerns no single field.
#[component]
pub fn FormError(errors: Errors) -> impl IntoView {
    view! {
        <p class="field-error form-error" role="alert">{move || errors.with(|m| m.get("_form").cloned())}</p>
    }
}

/// A labelled one-line input with its message. `kind` is the input type (`text`, `date`,
/// `time`). `id` must be unique on the page.
#[component]
pub fn TextField(
    #[prop(into)] id: String,
    label: &'static str,
    value: RwSignal<String>,
    errors: Errors,
    /// The key of this field's messages.
    key: &'static str,
    #[prop(optional)] kind: Option<&'static str>,
    #[prop(optional)] placeholder: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] hint: Option<&'static str>,
    /// Called when the value is committed (change event), e.g. to save at once.
    #[prop(optional, into)]
    on_commit: Option<Callback<()>>,
) -> impl IntoView {
    let err_id = format!("{id}-err");
    let has_error = move || errors.with(|m| m.contains_key(key));
    view! {
        <div class="field" class:has-error=has_error>
            <label for=id.clone()>{label}</label>
            <input
                id=id.clone()
                type=kind.unwrap_or("text")
                placeholder=placeholder.unwrap_or("")
                inputmode=inputmode.unwrap_or("text")
                aria-invalid=move || has_error().to_string()
                aria-describedby=err_id.clone()
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                on:change=move |ev| {
                    value.set(event_target_value(&ev));
                    if let Some(cb) = on_commit { cb.run(()) }
                }
            />
            {hint.map(|h| view! { <p class="hint field-hint">{h}</p> })}
            <p class="field-error" id=err_id role="alert">{move || errors.with(|m| m.get(key).cloned())}</p>
        </div>
    }
}

/// A labelled text area with its message.
#[component]
pub fn TextArea(
    #[prop(into)] id: String,
    label: &'static str,
    value: RwSignal<String>,
    errors: Errors,
    key: &'static str,
    #[prop(optional)] rows: Option<u32>,
    #[prop(optional)] placeholder: Option<&'static str>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional, into)] on_commit: Option<Callback<()>>,
) -> impl IntoView {
    let err_id = format!("{id}-err");
    let has_error = move || errors.with(|m| m.contains_key(key));
    view! {
        <div class="field" class:has-error=has_error>
            <label for=id.clone()>{label}</label>
            <textarea
                id=id.clone()
                rows=rows.unwrap_or(3)
                placeholder=placeholder.unwrap_or("")
                aria-invalid=move || has_error().to_string()
                aria-describedby=err_id.clone()
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                on:change=move |ev| {
                    value.set(event_target_value(&ev));
                    if let Some(cb) = on_commit { cb.run(()) }
                }
            ></textarea>
            {hint.map(|h| view! { <p class="hint field-hint">{h}</p> })}
            <p class="field-error" id=err_id role="alert">{move || errors.with(|m| m.get(key).cloned())}</p>
        </div>
    }
}

/// Puts the keyboard focus on the element with this id once it is on the page (a form
/// that just opened).
pub fn focus_soon(id: &'static str) {
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        if let Some(el) = document()
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}

/// Parses an ISO date from a date input; empty is `None`.
pub fn parse_iso_date(text: &str) -> Result<Option<chrono::NaiveDate>, String> {
    crate::domain::dates::read_optional_date(text)
}

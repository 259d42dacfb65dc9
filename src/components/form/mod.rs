//! The form kit: every form of the app is built from these pieces, so each field is wired
//! the same way and each form reports and focuses its errors the same way.
//!
//! - [`Field`] is the wrapper of one input: the `.field` box, the `<label for>`, an
//!   optional hint and the message line. It hands its id, the ids the input is described
//!   by and whether it is invalid to the input inside it (context), so every input gets
//!   `id`, `aria-describedby` and `aria-invalid` without writing them.
//! - The inputs: [`TextInput`] (`kind` for `date`, `time`, `email`), [`DateInput`],
//!   [`NumberInput`] (text with a decimal keyboard: numbers are read by the domain's
//!   readers, never by the browser), [`Select`], [`TextArea`] and [`Checkbox`]. Each keeps
//!   what is typed in an `RwSignal` and calls `on_change` when the value is committed
//!   (the browser's `change` event: the field is left, a choice is made). The value is a
//!   [`Model`]: the input's own `RwSignal`, or a read and a write over part of a larger
//!   value (a filter of the portfolio's query).
//! - [`Tick`] is a tick box whose text is beside it or its `aria-label` (a task's or a
//!   table row's tick), where a [`Checkbox`] holds its text in its label.
//! - [`RadioGroup`] is a choice of one among a few, all in view (a fieldset of radio
//!   buttons with its message line); [`DoneOn`] and [`RowMessage`] are the day a ticked
//!   item was done and the one message line of its row (renewal tasks, save-plan steps,
//!   escalation steps).
//! - [`FormErrors`] is the one error map of a form, keyed by the form's own field enum,
//!   with one slot for a message that concerns no single field ([`FormMessage`]).
//! - [`focus_first_error`] puts the cursor on the first refused field once the messages
//!   are drawn; [`focus_soon`] on any element (a form that just opened).
//!
//! A form saves only a whole valid value; a refused value changes nothing and shows its
//! message at the field it concerns (`docs/input-rules.md`).

mod errors;
mod inputs;

pub use errors::{FormErrors, FormMessage};
pub use inputs::{
    Checkbox, Choice, DateInput, DoneOn, Field, FieldCtx, Model, NumberInput, RadioGroup,
    RowMessage, Select, TextArea, TextInput, Tick,
};

/// Puts the keyboard focus on the first element matching `selector` once the current
/// changes are drawn (next animation frame). Nothing happens if none matches.
pub fn focus_soon(selector: impl Into<String>) {
    let selector = selector.into();
    leptos::prelude::request_animation_frame(move || focus_first_match(&selector));
}

/// Puts the cursor on the first refused field inside `scope` (a CSS selector of the form
/// or dialog), once the messages are drawn; unless the cursor has gone elsewhere in the
/// meantime (a click into another field before the next frame): it is never taken back
/// from where the user put it.
pub fn focus_first_error(scope: &str) {
    let selector = format!("{scope} [aria-invalid='true']");
    let was = crate::browser::focus_now();
    leptos::prelude::request_animation_frame(move || {
        if !crate::browser::focus_moved_from(&was) {
            focus_first_match(&selector);
        }
    });
}

/// Focuses the first element matching `selector` now, if there is one.
fn focus_first_match(selector: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = leptos::prelude::document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// A form's submit handler: the browser's own submit is stopped, `save` runs, and when it
/// leaves messages the cursor goes to the first refused field inside `scope` (a CSS
/// selector of the form).
pub fn on_submit<K>(
    scope: impl Into<String>,
    errors: FormErrors<K>,
    save: impl Fn() + 'static,
) -> impl Fn(leptos::ev::SubmitEvent) + 'static
where
    K: Copy + Eq + std::hash::Hash + Send + Sync + 'static,
{
    let scope = scope.into();
    move |ev| {
        ev.prevent_default();
        save();
        if !leptos::prelude::untrack(|| errors.is_empty()) {
            focus_first_error(&scope);
        }
    }
}

/// Options of a [`Select`] from `(value, text)` pairs, with a first "nothing chosen" entry.
pub fn options_with_none(
    none: &str,
    rest: impl IntoIterator<Item = (String, String)>,
) -> Vec<(String, String)> {
    std::iter::once((String::new(), none.to_string()))
        .chain(rest)
        .collect()
}

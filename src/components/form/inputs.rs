//! [`Field`] and the inputs it wires.

use leptos::context::Provider;
use leptos::html;
use leptos::prelude::*;

/// What a [`Field`] hands to the input inside it.
#[derive(Clone)]
pub struct FieldCtx {
    /// The input's id (the label's `for`).
    pub id: String,
    /// The ids of the hint and the message line, for `aria-describedby`.
    pub described_by: String,
    /// Whether the field has a message (`aria-invalid`).
    pub invalid: Signal<bool>,
}

/// The optional hint of a [`Field`]: given as text, as an `Option` of text, or as a
/// signal of text (a line that follows what is typed).
#[derive(Default)]
pub struct Hint(Option<Signal<String>>);

impl From<&str> for Hint {
    fn from(t: &str) -> Self {
        Hint(Some(Signal::stored(t.to_string())))
    }
}
impl From<String> for Hint {
    fn from(t: String) -> Self {
        Hint(Some(Signal::stored(t)))
    }
}
impl From<Option<&str>> for Hint {
    fn from(t: Option<&str>) -> Self {
        Hint(t.map(|t| Signal::stored(t.to_string())))
    }
}
impl From<Option<String>> for Hint {
    fn from(t: Option<String>) -> Self {
        Hint(t.map(Signal::stored))
    }
}
impl From<Signal<String>> for Hint {
    fn from(t: Signal<String>) -> Self {
        Hint(Some(t))
    }
}

fn field_ctx() -> Option<FieldCtx> {
    use_context::<FieldCtx>()
}

/// One labelled field: the `.field` box with its label, the input given as child, an
/// optional hint and the message line. The input gets the field's id, `aria-describedby`
/// (hint and message) and `aria-invalid` from it.
#[component]
pub fn Field<C: IntoView + 'static>(
    /// The input's id; must be unique on the page.
    #[prop(into)]
    id: String,
    #[prop(into)] label: String,
    /// A line under the input saying what to type (text, or `Option` of it).
    #[prop(optional, into)]
    hint: Hint,
    /// This field's message, if any (`FormErrors::at`).
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    /// More classes of the box (`inline`, `opp-pick`).
    #[prop(optional)]
    class: &'static str,
    /// The label's class (`visually-hidden` where the row says it already).
    #[prop(optional)]
    label_class: &'static str,
    /// The id of one more element that describes the input (a live figure beside it).
    #[prop(optional, into)]
    also_described_by: Option<String>,
    children: TypedChildren<C>,
) -> impl IntoView {
    let err_id = format!("{id}-err");
    let hint_id = format!("{id}-hint");
    let hint = hint.0;
    let described_by = [
        also_described_by,
        hint.as_ref().map(|_| hint_id.clone()),
        Some(err_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let invalid = Signal::derive(move || error.with(Option::is_some));
    let ctx = FieldCtx {
        id: id.clone(),
        described_by,
        invalid,
    };
    let class = if class.is_empty() {
        "field".to_string()
    } else {
        format!("field {class}")
    };
    view! {
        <div class=class class:has-error=move || invalid.get()>
            <label for=id class=(!label_class.is_empty()).then_some(label_class)>{label}</label>
            <Provider value=ctx>{children.into_inner()()}</Provider>
            {hint.map(|h| view! { <p class="hint field-hint" id=hint_id>{move || h.get()}</p> })}
            <p class="field-error" id=err_id role="alert">{move || error.get()}</p>
        </div>
    }
}

/// The attributes every input takes from its field.
fn wiring() -> (Option<String>, Option<String>, Signal<bool>) {
    match field_ctx() {
        Some(c) => (Some(c.id), Some(c.described_by), c.invalid),
        None => (None, None, Signal::stored(false)),
    }
}

/// What a one-line input may take beyond its value.
#[derive(Default)]
struct LineAttrs {
    placeholder: Signal<String>,
    list: Option<&'static str>,
    maxlength: Option<u32>,
    max: Option<Signal<String>>,
    /// `off` for numbers: the browser's list of earlier entries is no help there.
    autocomplete: Option<&'static str>,
    /// Called at every keystroke, after the value is updated.
    on_input: Option<Callback<()>>,
}

fn one_line(
    value: RwSignal<String>,
    kind: &'static str,
    inputmode: &'static str,
    attrs: LineAttrs,
    on_change: Option<Callback<()>>,
    node_ref: NodeRef<html::Input>,
) -> impl IntoView {
    let on_input = attrs.on_input;
    let (id, described_by, invalid) = wiring();
    let (max, placeholder) = (attrs.max, attrs.placeholder);
    view! {
        <input
            id=id
            type=kind
            inputmode=inputmode
            placeholder=move || placeholder.get()
            list=attrs.list
            maxlength=attrs.maxlength
            max=move || max.map(|m| m.get())
            autocomplete=attrs.autocomplete
            node_ref=node_ref
            aria-invalid=move || invalid.get().to_string()
            aria-describedby=described_by
            prop:value=move || value.get()
            on:input=move |ev| {
                value.set(event_target_value(&ev));
                if let Some(cb) = on_input { cb.run(()) }
            }
            on:change=move |ev| {
                value.set(event_target_value(&ev));
                if let Some(cb) = on_change { cb.run(()) }
            }
        />
    }
}

/// A one-line text input. `kind` is the input type (default `text`; `date`, `time`).
#[component]
pub fn TextInput(
    value: RwSignal<String>,
    #[prop(optional)] kind: Option<&'static str>,
    #[prop(optional, into)] placeholder: Signal<String>,
    #[prop(optional)] inputmode: Option<&'static str>,
    /// The id of a `<datalist>` of suggestions, if any.
    #[prop(optional_no_strip)]
    list: Option<&'static str>,
    /// The most characters the box takes, if any (the domain's limit says why it is refused).
    #[prop(optional_no_strip)]
    maxlength: Option<u32>,
    /// Called when the value is committed (change event).
    #[prop(optional, into)]
    on_change: Option<Callback<()>>,
    #[prop(optional)] node_ref: NodeRef<html::Input>,
) -> impl IntoView {
    let attrs = LineAttrs {
        placeholder,
        list,
        maxlength,
        ..LineAttrs::default()
    };
    one_line(
        value,
        kind.unwrap_or("text"),
        inputmode.unwrap_or("text"),
        attrs,
        on_change,
        node_ref,
    )
}

/// A date input (`YYYY-MM-DD`); the text is read by `domain::dates::read_date`.
#[component]
pub fn DateInput(
    value: RwSignal<String>,
    #[prop(optional, into)] placeholder: Signal<String>,
    /// The latest date the picker offers (`YYYY-MM-DD`), e.g. today for a day done.
    #[prop(optional, into)]
    max: Option<Signal<String>>,
    #[prop(optional, into)] on_change: Option<Callback<()>>,
    #[prop(optional)] node_ref: NodeRef<html::Input>,
) -> impl IntoView {
    let attrs = LineAttrs {
        placeholder,
        max,
        ..LineAttrs::default()
    };
    one_line(value, "date", "text", attrs, on_change, node_ref)
}

/// A number typed as text with a decimal keyboard (`inputmode="numeric"` for whole
/// numbers); the domain's readers parse it, so the message for a bad number is ours, not
/// the browser's.
#[component]
pub fn NumberInput(
    value: RwSignal<String>,
    #[prop(optional, into)] placeholder: Signal<String>,
    /// The keyboard: `decimal` (default) or `numeric`.
    #[prop(optional)]
    inputmode: Option<&'static str>,
    #[prop(optional, into)] on_change: Option<Callback<()>>,
    /// Called at every keystroke (a form that checks as the user types).
    #[prop(optional, into)]
    on_input: Option<Callback<()>>,
    #[prop(optional)] node_ref: NodeRef<html::Input>,
) -> impl IntoView {
    let attrs = LineAttrs {
        placeholder,
        autocomplete: Some("off"),
        on_input,
        ..LineAttrs::default()
    };
    one_line(
        value,
        "text",
        inputmode.unwrap_or("decimal"),
        attrs,
        on_change,
        node_ref,
    )
}

/// A text area.
#[component]
pub fn TextArea(
    value: RwSignal<String>,
    #[prop(optional)] rows: Option<u32>,
    #[prop(optional, into)] placeholder: Signal<String>,
    #[prop(optional, into)] on_change: Option<Callback<()>>,
) -> impl IntoView {
    let (id, described_by, invalid) = wiring();
    view! {
        <textarea
            id=id
            rows=rows.unwrap_or(3)
            placeholder=move || placeholder.get()
            aria-invalid=move || invalid.get().to_string()
            aria-describedby=described_by
            prop:value=move || value.get()
            on:input=move |ev| value.set(event_target_value(&ev))
            on:change=move |ev| {
                value.set(event_target_value(&ev));
                if let Some(cb) = on_change { cb.run(()) }
            }
        ></textarea>
    }
}

/// A drop-down of `(value, text)` options; `value` holds the chosen option's value.
#[component]
pub fn Select(
    value: RwSignal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(optional, into)] on_change: Option<Callback<()>>,
) -> impl IntoView {
    let (id, described_by, invalid) = wiring();
    view! {
        <select
            id=id
            aria-invalid=move || invalid.get().to_string()
            aria-describedby=described_by
            prop:value=move || value.get()
            on:change=move |ev| {
                value.set(event_target_value(&ev));
                if let Some(cb) = on_change { cb.run(()) }
            }
        >
            {move || options.get().into_iter().map(|(v, text)| {
                let chosen = v.clone();
                view! { <option value=v selected=move || value.get() == chosen>{text}</option> }
            }).collect_view()}
        </select>
    }
}

/// A check box with its label text (the children) in one `<label>`.
#[component]
pub fn Checkbox<C: IntoView + 'static>(
    checked: RwSignal<bool>,
    /// The box's id (or the field's, inside a [`Field`]).
    #[prop(optional, into)]
    id: Option<String>,
    /// The label's class (`plan-check`, `sh-check`).
    #[prop(optional)]
    class: &'static str,
    /// Called with the new state when it is ticked or unticked.
    #[prop(optional, into)]
    on_change: Option<Callback<bool>>,
    children: TypedChildren<C>,
) -> impl IntoView {
    let id = id.or_else(|| field_ctx().map(|c| c.id));
    view! {
        <label class=class>
            <input type="checkbox" id=id
                prop:checked=move || checked.get()
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    checked.set(on);
                    if let Some(cb) = on_change { cb.run(on) }
                }/>
            {children.into_inner()()}
        </label>
    }
}

/// The day an item was done, beside its tick box (a renewal task, a save-plan step, an
/// escalation step): a small date field, drawn while the item is done. The row has one
/// message line ([`RowMessage`] with the same `id`), under the row, which serves the tick
/// box too: it stays when the date field goes.
#[component]
pub fn DoneOn(
    /// The date input's id; the row's message line is `{id}-err`.
    #[prop(into)]
    id: String,
    /// The label (default "Done on").
    #[prop(optional)]
    label: Option<&'static str>,
    /// The day it was done, as stored.
    day: chrono::NaiveDate,
    /// The row's message (the same signal as its [`RowMessage`]).
    #[prop(into)]
    error: Signal<Option<String>>,
    /// The latest day the picker offers (today).
    #[prop(into)]
    max: Signal<String>,
    /// Called with the text when another day is picked; the caller reads it.
    #[prop(into)]
    on_change: Callback<String>,
) -> impl IntoView {
    let value = RwSignal::new(day.to_string());
    let invalid = Signal::derive(move || error.with(Option::is_some));
    let ctx = FieldCtx {
        id: id.clone(),
        described_by: format!("{id}-err"),
        invalid,
    };
    let picked = Callback::new(move |()| on_change.run(value.get_untracked()));
    view! {
        <span class="field done-on" class:has-error=move || invalid.get()>
            <label for=id>{label.unwrap_or("Done on")}</label>
            <Provider value=ctx>
                <DateInput value=value max=max on_change=picked/>
            </Provider>
        </span>
    }
}

/// The message line of a row with a tick box and its [`DoneOn`] date (`{id}-err`).
#[component]
pub fn RowMessage(
    #[prop(into)] id: String,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    view! { <p class="field-error" id=format!("{id}-err") role="alert">{move || error.get()}</p> }
}

/// A choice of one among a few, all in view: a `<fieldset>` with its legend, one radio
/// button per `(value, text)` option, and the message line (`{name}-err`).
#[component]
pub fn RadioGroup(
    /// The buttons' `name`; also the message line's id (`{name}-err`).
    name: &'static str,
    #[prop(into)] legend: String,
    /// The chosen option's value.
    value: RwSignal<String>,
    options: Vec<(String, String)>,
    #[prop(optional, into)] error: Signal<Option<String>>,
    /// Called when another option is chosen.
    #[prop(optional, into)]
    on_change: Option<Callback<()>>,
) -> impl IntoView {
    let err_id = format!("{name}-err");
    let described_by = err_id.clone();
    view! {
        <fieldset class="field" class:has-error=move || error.with(Option::is_some)
            aria-describedby=described_by>
            <legend>{legend}</legend>
            {options.into_iter().map(|(v, text)| {
                let chosen = v.clone();
                view! {
                    <label class="radio">
                        <input type="radio" name=name value=v.clone()
                            prop:checked=move || value.with(|x| *x == chosen)
                            on:change=move |_| {
                                value.set(v.clone());
                                if let Some(cb) = on_change { cb.run(()) }
                            }/>
                        " "{text}
                    </label>
                }
            }).collect_view()}
            <p class="field-error" id=err_id role="alert">{move || error.get()}</p>
        </fieldset>
    }
}

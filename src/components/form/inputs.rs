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

/// What an input shows and where a change goes: an `RwSignal` of its own (`into` makes one
/// from it), or a read and a write over one part of a larger value ([`Model::new`]: one
/// filter of the portfolio's query, a task's tick read from the account).
pub struct Model<T: Send + Sync + 'static> {
    read: Signal<T>,
    write: Callback<T>,
}

impl<T: Send + Sync> Clone for Model<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync> Copy for Model<T> {}

impl<T: Clone + Send + Sync + 'static> Model<T> {
    /// A value read by `read` (tracked) and changed by `write`.
    pub fn new(
        read: impl Fn() -> T + Send + Sync + 'static,
        write: impl Fn(T) + Send + Sync + 'static,
    ) -> Self {
        Model {
            read: Signal::derive(read),
            write: Callback::new(write),
        }
    }
    pub fn get(&self) -> T {
        self.read.get()
    }
    pub fn get_untracked(&self) -> T {
        self.read.get_untracked()
    }
    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.read.with(f)
    }
    pub fn with_untracked<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.read.with_untracked(f)
    }
    pub fn set(&self, value: T) {
        self.write.run(value)
    }
}

impl<T: Clone + Send + Sync + 'static> From<RwSignal<T>> for Model<T> {
    fn from(s: RwSignal<T>) -> Self {
        Model {
            read: s.into(),
            write: Callback::new(move |v| s.set(v)),
        }
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
    /// A unit shown inside the end of the input (the workspace currency of an amount).
    #[prop(optional_no_strip)]
    unit: Option<Signal<String>>,
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
    let class = match (class.is_empty(), unit.is_some()) {
        (true, false) => "field".to_string(),
        (true, true) => "field field-with-unit".to_string(),
        (false, false) => format!("field {class}"),
        (false, true) => format!("field field-with-unit {class}"),
    };
    view! {
        <div class=class class:has-error=move || invalid.get()>
            <label for=id class=(!label_class.is_empty()).then_some(label_class)>{label}</label>
            <Provider value=ctx>{children.into_inner()()}</Provider>
            {unit.map(|u| view! { <span class="unit">{move || u.get()}</span> })}
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
    value: Model<String>,
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
                // Typing already set it: a value set again would redo what follows it.
                let typed = event_target_value(&ev);
                if value.with_untracked(|v| *v != typed) { value.set(typed) }
                if let Some(cb) = on_change { cb.run(()) }
            }
        />
    }
}

/// A one-line text input. `kind` is the input type (default `text`; `date`, `time`).
#[component]
pub fn TextInput(
    #[prop(into)] value: Model<String>,
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
    #[prop(into)] value: Model<String>,
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
    #[prop(into)] value: Model<String>,
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
    #[prop(into)] value: Model<String>,
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
    #[prop(into)] value: Model<String>,
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
    #[prop(into)] checked: Model<bool>,
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

/// A tick box on its own, for a row's tick (a task, a step, a table row): its text is the
/// `<label for>` drawn right after it (the children, with `label_class`), or in a table
/// cell where the row says it, its `aria_label`. A [`Checkbox`] holds its text inside
/// its label instead.
#[component]
pub fn Tick(
    /// Whether it is ticked, and what a tick changes.
    #[prop(into)]
    checked: Model<bool>,
    #[prop(optional, into)] id: Option<String>,
    /// The accessible name when there is no label beside it.
    #[prop(optional, into)]
    aria_label: Option<String>,
    /// The box's class (`screen-only`).
    #[prop(optional)]
    class: &'static str,
    /// The label's class (`task-text`).
    #[prop(optional)]
    label_class: &'static str,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let label = children.map(|c| {
        view! { <label for=id.clone() class=(!label_class.is_empty()).then_some(label_class)>{c()}</label> }
    });
    view! {
        <input type="checkbox" id=id class=(!class.is_empty()).then_some(class)
            aria-label=aria_label
            prop:checked=move || checked.get()
            on:change=move |ev| {
                checked.set(event_target_checked(&ev));
                // A refused tick springs back: the box shows what was kept.
                event_target::<web_sys::HtmlInputElement>(&ev).set_checked(checked.get_untracked());
            }/>
        {label}
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

/// One option of a [`RadioGroup`]: its value, its text, and optionally a bold lead before
/// the text (a rating's number) and a muted line after it.
#[derive(Clone, Debug, Default)]
pub struct Choice {
    pub value: String,
    pub text: String,
    pub lead: Option<String>,
    pub sub: Option<String>,
}

impl From<(String, String)> for Choice {
    fn from((value, text): (String, String)) -> Self {
        Choice {
            value,
            text,
            ..Choice::default()
        }
    }
}

/// A choice of one among a few, all in view: a `<fieldset>` (role `radiogroup`) with its
/// legend, one radio button per option inside its label, and the message line
/// (`{name}-err`).
#[component]
pub fn RadioGroup(
    /// The buttons' `name`; also the message line's id (`{name}-err`).
    #[prop(into)]
    name: String,
    #[prop(into)] legend: String,
    /// The chosen option's value.
    #[prop(into)]
    value: Model<String>,
    #[prop(into)] options: Vec<Choice>,
    #[prop(optional, into)] error: Signal<Option<String>>,
    /// More classes of the fieldset (`rating`, `theme-pick`).
    #[prop(optional)]
    class: &'static str,
    /// The legend's class (`visually-hidden` where a heading says it already).
    #[prop(optional)]
    legend_class: &'static str,
    /// Each option's label class (default `radio`).
    #[prop(optional)]
    option_class: Option<&'static str>,
    /// While true, no option can be chosen (an answer already checked).
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// Called when another option is chosen.
    #[prop(optional, into)]
    on_change: Option<Callback<()>>,
    /// Drawn after the options, inside the fieldset (a verdict on the choice).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let err_id = format!("{name}-err");
    let described_by = err_id.clone();
    let fieldset_class = if class.is_empty() {
        "field".to_string()
    } else {
        format!("field {class}")
    };
    let option_class = option_class.unwrap_or("radio");
    view! {
        <fieldset class=fieldset_class role="radiogroup" class:has-error=move || error.with(Option::is_some)
            aria-describedby=described_by>
            <legend class=(!legend_class.is_empty()).then_some(legend_class)>{legend}</legend>
            {options.into_iter().map(|Choice { value: v, text, lead, sub }| {
                let chosen = v.clone();
                view! {
                    <label class=option_class>
                        <input type="radio" name=name.clone() value=v.clone()
                            prop:disabled=move || disabled.get()
                            prop:checked=move || value.with(|x| *x == chosen)
                            on:change=move |_| {
                                value.set(v.clone());
                                if let Some(cb) = on_change { cb.run(()) }
                            }/>
                        {lead.map(|l| view! { <strong>{l}</strong>" " })}{text}
                        {sub.map(|s| view! { <span class="sub">{s}</span> })}
                    </label>
                }
            }).collect_view()}
            {children.map(|c| c())}
            <p class="field-error" id=err_id role="alert">{move || error.get()}</p>
        </fieldset>
    }
}

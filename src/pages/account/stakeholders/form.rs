//! The person editor: a dialog (a side panel on wide screens, the whole screen on phones)
//! with every field of a stakeholder. Each field is checked when it is left, and all of
//! them on "Save"; a refused value shows its message under the field and nothing is saved.

use std::collections::{BTreeSet, HashMap};

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{use_people, Editing};
use crate::components::form::{
    focus_first_error, focus_soon, options_with_none, Checkbox, DateInput, Field, FormErrors,
    Select, TextArea, TextInput,
};
use crate::domain::stakeholders::{
    parse_last_contact, Frequency, Influence, Quadrant, Role, Sentiment, StakeholderField,
    StakeholderFields, StakeholderId,
};

type F = StakeholderField;

/// The text of every input, as typed.
#[derive(Clone, Copy)]
struct Draft {
    name: RwSignal<String>,
    title: RwSignal<String>,
    unit: RwSignal<String>,
    roles: RwSignal<BTreeSet<Role>>,
    influence: RwSignal<String>,
    sentiment: RwSignal<String>,
    win: RwSignal<String>,
    risk: RwSignal<String>,
    frequency: RwSignal<String>,
    last_contact: RwSignal<String>,
    owner: RwSignal<String>,
    reports_to: RwSignal<String>,
    left: RwSignal<bool>,
    notes: RwSignal<String>,
}

impl Draft {
    fn new(f: &StakeholderFields) -> Self {
        let s = |t: &str| RwSignal::new(t.to_string());
        Draft {
            name: s(&f.name),
            title: s(&f.title),
            unit: s(&f.business_unit),
            roles: RwSignal::new(f.roles.clone()),
            influence: RwSignal::new(f.influence.get().to_string()),
            sentiment: s(f.sentiment.key()),
            win: s(&f.personal_win),
            risk: s(&f.key_risk),
            frequency: s(f.frequency.map_or("", |x| x.key())),
            last_contact: RwSignal::new(f.last_contact.map(|d| d.to_string()).unwrap_or_default()),
            owner: s(&f.owner),
            reports_to: RwSignal::new(f.reports_to.map(|m| m.0.to_string()).unwrap_or_default()),
            left: RwSignal::new(f.left_company),
            notes: s(&f.notes),
        }
    }

    /// The fields as typed, and the inputs that could not be read at all.
    fn read(&self) -> (StakeholderFields, Vec<crate::domain::FieldError>) {
        let mut errors = Vec::new();
        let influence = match Influence::parse(&self.influence.get_untracked()) {
            Ok(i) => i,
            Err(e) => {
                errors.push(e.under(F::Influence.key()));
                Influence::default()
            }
        };
        let last_contact = match parse_last_contact(&self.last_contact.get_untracked()) {
            Ok(d) => d,
            Err(e) => {
                errors.push(e);
                None
            }
        };
        let fields = StakeholderFields {
            name: self.name.get_untracked().trim().to_string(),
            title: self.title.get_untracked().trim().to_string(),
            business_unit: self.unit.get_untracked().trim().to_string(),
            roles: self.roles.get_untracked(),
            influence,
            sentiment: Sentiment::from_key(&self.sentiment.get_untracked()).unwrap_or_default(),
            personal_win: self.win.get_untracked().trim().to_string(),
            key_risk: self.risk.get_untracked().trim().to_string(),
            frequency: Frequency::from_key(&self.frequency.get_untracked()),
            last_contact,
            owner: self.owner.get_untracked().trim().to_string(),
            reports_to: self
                .reports_to
                .get_untracked()
                .parse::<u32>()
                .ok()
                .map(StakeholderId),
            left_company: self.left.get_untracked(),
            notes: self.notes.get_untracked(),
        };
        (fields, errors)
    }
}

/// The first focusable inputs and buttons of the dialog, for the Tab key trap.
const FOCUSABLE: &str = "input, select, textarea, button, a[href]";

#[component]
pub fn PersonDialog(editing: Editing) -> impl IntoView {
    let people = use_people();
    let id = match editing {
        Editing::New => None,
        Editing::Person(id) => Some(id),
    };
    let initial = match id {
        None => StakeholderFields::default(),
        Some(id) => people
            .map
            .with_untracked(|m| m.get(id).map(|p| p.fields.clone()))
            .unwrap_or_default(),
    };
    let draft = Draft::new(&initial);
    let initial = StoredValue::new(initial);
    let errors = FormErrors::<F>::new();
    let asking_discard = RwSignal::new(false);
    let name_ref = NodeRef::<html::Input>::new();
    let dialog_ref = NodeRef::<html::Div>::new();
    // Where the focus was before the dialog opened; it goes back there on close.
    let opener = StoredValue::new_local(document().active_element());

    Effect::new(move |_| {
        if let Some(el) = name_ref.get() {
            let _ = el.focus();
        }
    });

    // Every problem, by field: what could not be read, then the map's rules.
    let check = move || -> (StakeholderFields, HashMap<F, String>) {
        let (fields, read_errors) = draft.read();
        let mut found: HashMap<F, String> = HashMap::new();
        for e in read_errors {
            if let Some(f) = F::from_key(&e.path) {
                found.entry(f).or_insert(e.message);
            }
        }
        let today = people.today();
        if let Err(es) = people
            .map
            .with_untracked(|m| m.validate(id, &fields, today))
        {
            for e in es {
                if let Some(f) = F::from_key(&e.path) {
                    found.entry(f).or_insert(e.message);
                }
            }
        }
        (fields, found)
    };
    // When an input is left: show or clear that field's message only.
    let on_leave = move |field: F| {
        let (_, mut found) = check();
        errors.set(field, found.remove(&field));
    };

    let close = move || {
        people.editing.set(None);
        opener.with_value(|el| {
            if let Some(el) = el
                .as_ref()
                .and_then(|e| e.dyn_ref::<web_sys::HtmlElement>())
            {
                if el.is_connected() {
                    let _ = el.focus();
                }
            }
        });
    };
    let dirty = move || draft.read().0 != initial.get_value();
    // The buttons that asked are replaced by the question: the focus moves to its safe
    // answer, and back to Cancel on "Keep editing", so it never leaves the dialog.
    let cancel = move || {
        if dirty() {
            asking_discard.set(true);
            focus_soon(".person-dialog .confirm-ask .keep-editing");
        } else {
            close();
        }
    };
    let keep_editing = move || {
        asking_discard.set(false);
        focus_soon(".person-dialog .dialog-foot .cancel");
    };

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (fields, found) = check();
        if !found.is_empty() {
            errors.show(found);
            focus_first_error(".person-dialog");
            return;
        }
        let today = people.today();
        let name = crate::domain::text::isolate(&fields.name);
        let quadrant = Quadrant::of(fields.influence, fields.sentiment);
        let result = match id {
            None => people.update(|m| m.add(fields, today).map(|_| ())),
            Some(id) => people.update(|m| m.update(id, fields, today)),
        };
        match result {
            Some(Ok(())) => {
                let what = if id.is_none() { "Added" } else { "Saved" };
                people.say(format!("{what} {name} ({}).", quadrant.label()), None);
                close();
            }
            Some(Err(es)) => errors.show(
                es.into_iter()
                    .filter_map(|e| Some((F::from_key(&e.path)?, e.message))),
            ),
            None => close(),
        }
    };

    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            cancel();
        } else if ev.key() == "Tab" {
            // Keep the focus inside the dialog.
            let Some(d) = dialog_ref.get_untracked() else {
                return;
            };
            let Ok(list) = d.query_selector_all(FOCUSABLE) else {
                return;
            };
            let n = list.length();
            if n == 0 {
                return;
            }
            let first = list.item(0);
            let last = list.item(n - 1);
            let active = document().active_element();
            let at = |node: &Option<web_sys::Node>| matches!((node, &active), (Some(a), Some(b)) if a.is_same_node(Some(b.unchecked_ref())));
            let target = if ev.shift_key() && at(&first) {
                last
            } else if !ev.shift_key() && at(&last) {
                first
            } else {
                None
            };
            if let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
                ev.prevent_default();
                let _ = el.focus();
            }
        }
    };

    let id_of = |f: F| format!("p-{}", f.key());
    let leave = move |f: F| Callback::new(move |()| on_leave(f));
    // A one-line text input with label and message.
    let text = move |f: F, label: &'static str, sig: RwSignal<String>, hint: &'static str| {
        let list = (f == F::Owner).then_some(crate::components::owner_field::OWNER_LIST_ID);
        view! {
            <Field id=id_of(f) label=label error=errors.at(f)>
                <TextInput value=sig placeholder=hint list=list on_change=leave(f)/>
            </Field>
        }
    };
    let area =
        move |f: F, label: &'static str, sig: RwSignal<String>, hint: &'static str, rows: u32| {
            view! {
                <Field id=id_of(f) label=label error=errors.at(f)>
                    <TextArea value=sig rows=rows placeholder=hint on_change=leave(f)/>
                </Field>
            }
        };
    let select =
        move |f: F, label: &'static str, sig: RwSignal<String>, options: Vec<(String, String)>| {
            view! {
                <Field id=id_of(f) label=label error=errors.at(f)>
                    <Select value=sig options=options on_change=leave(f)/>
                </Field>
            }
        };

    let influence_options: Vec<(String, String)> = Influence::all()
        .into_iter()
        .map(|i| {
            let words = match i.get() {
                1 => "1 · little say",
                2 => "2 · some say",
                3 => "3 · heard",
                4 => "4 · high",
                _ => "5 · decides",
            };
            (i.get().to_string(), words.to_string())
        })
        .collect();
    let sentiment_options: Vec<(String, String)> = Sentiment::ALL
        .iter()
        .map(|s| (s.key().to_string(), s.label().to_string()))
        .collect();
    let frequency_options = options_with_none(
        "No set cadence",
        Frequency::ALL.iter().map(|f| {
            (
                f.key().to_string(),
                format!("{} (every {} days at most)", f.label(), f.days()),
            )
        }),
    );
    let manager_options: Vec<(String, String)> = people.map.with_untracked(|m| {
        options_with_none(
            "Nobody on the map (top of the chart)",
            m.manager_choices(id).into_iter().filter_map(|mid| {
                m.get(mid).map(|p| {
                    let t = p.fields.title.trim();
                    let mut text = p.fields.name.trim().to_string();
                    if !t.is_empty() {
                        text.push_str(&format!(", {t}"));
                    }
                    if p.fields.left_company {
                        text.push_str(" (left)");
                    }
                    (mid.0.to_string(), text)
                })
            }),
        )
    });

    let quadrant_now = move || {
        let i = Influence::parse(&draft.influence.get()).unwrap_or_default();
        let s = Sentiment::from_key(&draft.sentiment.get()).unwrap_or_default();
        Quadrant::of(i, s)
    };
    let title = match id {
        None => "Add a person".to_string(),
        Some(_) => format!("Edit {}", initial.with_value(|f| f.name.trim().to_string())),
    };
    let roles_err_id = "p-roles-err";

    view! {
        <div class="dialog-backdrop" on:click=move |ev| {
            // A click on the backdrop itself (not inside the panel) cancels.
            if ev.target() == ev.current_target() { cancel() }
        }>
            <div class="dialog person-dialog" role="dialog" aria-modal="true" aria-labelledby="person-dialog-title"
                node_ref=dialog_ref on:keydown=on_keydown>
                <form novalidate on:submit=save>
                    <header class="dialog-head">
                        <h2 id="person-dialog-title">{title}</h2>
                        <button type="button" class="toast-close dialog-x" aria-label="Close" on:click=move |_| cancel()>"×"</button>
                    </header>
                    <div class="dialog-body">
                        <fieldset>
                            <legend>"Who"</legend>
                            <Field id="p-name" label="Name" error=errors.at(F::Name)>
                                <TextInput value=draft.name node_ref=name_ref placeholder="e.g. Helena Brandt" on_change=leave(F::Name)/>
                            </Field>
                            <div class="grid-2">
                                {text(F::Title, "Title", draft.title, "e.g. Chief Financial Officer")}
                                {text(F::BusinessUnit, "Business unit", draft.unit, "e.g. Finance")}
                            </div>
                            {select(F::ReportsTo, "Reports to", draft.reports_to, manager_options)}
                            <Checkbox checked=draft.left id="p-left_company" class="sh-check">
                                <span>
                                    "Left the company"
                                    <span class="hint">" (kept on the map for history; no longer counts as a relationship)"</span>
                                </span>
                            </Checkbox>
                        </fieldset>
                        <fieldset class="roles" aria-describedby=roles_err_id>
                            <legend>"Roles "<span class="hint">"(tick all that apply)"</span></legend>
                            <div class="role-list">
                                {Role::ALL.into_iter().map(|r| {
                                    let cid = format!("p-role-{}", r.key());
                                    let checked = RwSignal::new(draft.roles.with_untracked(|s| s.contains(&r)));
                                    let on_change = Callback::new(move |on: bool| {
                                        draft.roles.update(|s| { if on { s.insert(r); } else { s.remove(&r); } });
                                    });
                                    view! {
                                        <Checkbox checked=checked id=cid class="sh-check role-check" on_change=on_change>
                                            {super::role_shape(Some(r), false)}
                                            <span>
                                                <span class="role-name">{r.label()}</span>
                                                <span class="hint">{r.hint()}</span>
                                            </span>
                                        </Checkbox>
                                    }
                                }).collect_view()}
                            </div>
                            <p class="field-error" id=roles_err_id role="alert">{move || errors.at(F::Roles).get()}</p>
                        </fieldset>
                        <fieldset>
                            <legend>"Where they stand"</legend>
                            <div class="grid-2">
                                {select(F::Influence, "Influence (1-5)", draft.influence, influence_options)}
                                {select(F::Sentiment, "Sentiment", draft.sentiment, sentiment_options)}
                            </div>
                            <p class="quad-preview">
                                "On the grid: "
                                <strong class=move || format!("quad-name q-{}", quadrant_now().key())>{move || quadrant_now().label()}</strong>
                                " · "{move || quadrant_now().motto()}
                            </p>
                        </fieldset>
                        <fieldset>
                            <legend>"Our relationship"</legend>
                            <div class="grid-2">
                                {text(F::Owner, "Our relationship owner", draft.owner, "Who on our side")}
                                {select(F::Frequency, "Engagement frequency", draft.frequency, frequency_options)}
                                <Field id=id_of(F::LastContact) label="Last contact" error=errors.at(F::LastContact)>
                                    <DateInput value=draft.last_contact placeholder="YYYY-MM-DD" on_change=leave(F::LastContact)/>
                                </Field>
                            </div>
                            <crate::components::owner_field::OwnerNames/>
                        </fieldset>
                        <fieldset>
                            <legend>"What matters to them"</legend>
                            {area(F::PersonalWin, "Personal win", draft.win, "What success looks like for them", 2)}
                            {area(F::KeyRisk, "Key risk", draft.risk, "What would turn them against us", 2)}
                            {area(F::Notes, "Notes", draft.notes, "", 3)}
                        </fieldset>
                    </div>
                    <footer class="dialog-foot">
                        {move || if asking_discard.get() {
                            view! {
                                <div class="confirm-ask" role="group" aria-label="Unsaved changes">
                                    <p>"You have unsaved changes."</p>
                                    <div class="actions">
                                        <button type="button" class="btn btn-danger" on:click=move |_| close()>"Discard changes"</button>
                                        <button type="button" class="btn keep-editing" on:click=move |_| keep_editing()>"Keep editing"</button>
                                    </div>
                                </div>
                            }.into_any()
                        } else {
                            view! {
                                <div class="actions">
                                    <button type="submit" class="btn btn-primary">{if id.is_none() { "Add person" } else { "Save" }}</button>
                                    <button type="button" class="btn btn-quiet cancel" on:click=move |_| cancel()>"Cancel"</button>
                                    {id.map(|pid| view! {
                                        <button type="button" class="btn btn-danger push-right" on:click=move |_| people.remove(pid)>
                                            "Remove from map"
                                        </button>
                                    })}
                                </div>
                            }.into_any()
                        }}
                    </footer>
                </form>
            </div>
        </div>
    }
}

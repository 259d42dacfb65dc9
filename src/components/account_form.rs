//! The account's fields as a form. Every field checks its value where it is typed: a
//! refused value shows a message under the field and is not saved. In edit mode each
//! valid change is saved at once (autosave); in create mode "Create account" saves.

use std::collections::HashMap;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::domain::account::{parse_arr, parse_date, parse_products};
use crate::domain::{AccountFields, AccountId, CompanySize, Field, FieldError, Segment, Tier};
use crate::state::use_app;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FormMode {
    Create,
    Edit(AccountId),
}

/// One input of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Input {
    Name,
    Industry,
    Segment,
    Size,
    UseCase,
    Products,
    Arr,
    ContractStart,
    RenewalDate,
    Owner,
    Tier,
    Notes,
}

impl Input {
    const ALL: [Input; 12] = [
        Input::Name,
        Input::Industry,
        Input::Segment,
        Input::Size,
        Input::UseCase,
        Input::Products,
        Input::Arr,
        Input::ContractStart,
        Input::RenewalDate,
        Input::Owner,
        Input::Tier,
        Input::Notes,
    ];
    /// The checked field a message of this input is shown at.
    fn field(self) -> Option<Field> {
        match self {
            Input::Name => Some(Field::Name),
            Input::Arr => Some(Field::Arr),
            Input::ContractStart => Some(Field::ContractStart),
            Input::RenewalDate => Some(Field::RenewalDate),
            _ => None,
        }
    }
}

/// The text in each input, as typed.
#[derive(Clone, Copy)]
struct Drafts(StoredValue<HashMap<Input, RwSignal<String>>>);

impl Drafts {
    fn new(f: &AccountFields) -> Self {
        let text = |i: Input| match i {
            Input::Name => f.name.clone(),
            Input::Industry => f.industry.clone(),
            Input::Segment => f.segment.map(|s| s.key().to_string()).unwrap_or_default(),
            Input::Size => f.size.map(|s| s.key().to_string()).unwrap_or_default(),
            Input::UseCase => f.primary_use_case.clone(),
            Input::Products => f.products_text(),
            Input::Arr => {
                if f.arr == 0.0 {
                    String::new()
                } else {
                    format_arr_input(f.arr)
                }
            }
            Input::ContractStart => f.contract_start.map(|d| d.to_string()).unwrap_or_default(),
            Input::RenewalDate => f.renewal_date.map(|d| d.to_string()).unwrap_or_default(),
            Input::Owner => f.owner.clone(),
            Input::Tier => f
                .tier_override
                .map(|t| t.number().to_string())
                .unwrap_or_default(),
            Input::Notes => f.notes.clone(),
        };
        Drafts(StoredValue::new(
            Input::ALL
                .into_iter()
                .map(|i| (i, RwSignal::new(text(i))))
                .collect(),
        ))
    }
    fn get(self, i: Input) -> RwSignal<String> {
        self.0.with_value(|m| m[&i])
    }
    /// Writes this input's text into `f`, or says why it cannot be.
    fn apply(self, i: Input, f: &mut AccountFields) -> Result<(), FieldError> {
        let t = self.get(i).get_untracked();
        match i {
            Input::Name => f.name = t.trim().to_string(),
            Input::Industry => f.industry = t.trim().to_string(),
            Input::Segment => f.segment = Segment::from_key(&t),
            Input::Size => f.size = CompanySize::from_key(&t),
            Input::UseCase => f.primary_use_case = t.trim().to_string(),
            Input::Products => f.products = parse_products(&t),
            Input::Arr => f.arr = parse_arr(&t)?,
            Input::ContractStart => f.contract_start = parse_date(Field::ContractStart, &t)?,
            Input::RenewalDate => f.renewal_date = parse_date(Field::RenewalDate, &t)?,
            Input::Owner => f.owner = t.trim().to_string(),
            Input::Tier => f.tier_override = t.parse().ok().and_then(Tier::from_number),
            Input::Notes => f.notes = t,
        }
        Ok(())
    }
}

fn format_arr_input(arr: f64) -> String {
    if arr.fract() == 0.0 {
        format!("{}", arr as u64)
    } else {
        format!("{arr}")
    }
}

#[component]
pub fn AccountForm(mode: FormMode, initial: AccountFields) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let drafts = Drafts::new(&initial);
    let errors: RwSignal<HashMap<Field, String>> = RwSignal::new(HashMap::new());
    let currency = move || app.ws.with(|w| w.currency.code().to_string());

    // Show a message at the input that was edited, whichever field the rule names.
    let show = move |at: Input, e: &FieldError| {
        let Some(field) = at.field().or_else(|| e.account_field()) else {
            return;
        };
        errors.update(|m| {
            m.insert(field, e.message.clone());
        });
    };
    let clear = move |at: Input| {
        errors.update(|m| {
            if let Some(f) = at.field() {
                m.remove(&f);
            }
            // A date change can settle the other date's complaint too.
            if matches!(at, Input::ContractStart | Input::RenewalDate) {
                m.remove(&Field::ContractStart);
                m.remove(&Field::RenewalDate);
            }
        });
    };

    let on_change = move |at: Input| match mode {
        FormMode::Edit(id) => {
            let Some(mut f) = app
                .ws
                .with_untracked(|w| w.account(id).map(|a| a.fields.clone()))
            else {
                return;
            };
            if let Err(e) = drafts.apply(at, &mut f) {
                show(at, &e);
                return;
            }
            match f.validate() {
                Ok(()) => {
                    clear(at);
                    let today = app.today.get_untracked();
                    let new_cycle = app
                        .ws
                        .try_update(|w| w.update_fields_on(id, f, None, today))
                        .and_then(Result::ok)
                        .unwrap_or(false);
                    if new_cycle {
                        app.show_toast(
                            "New renewal term: last term's ticks on the Renewal tab are cleared.",
                            None,
                        );
                    }
                }
                Err(es) => {
                    if let Some(e) = es.first() {
                        show(at, e);
                    }
                }
            }
        }
        FormMode::Create => {
            // Check this input alone now; the whole form is checked on "Create".
            let mut f = AccountFields::default();
            match drafts.apply(at, &mut f) {
                Err(e) => show(at, &e),
                Ok(()) => {
                    let single = match at {
                        Input::Name => crate::domain::account::check_name(&f.name),
                        _ => Ok(()),
                    };
                    match single {
                        Err(e) => show(at, &e),
                        Ok(()) => clear(at),
                    }
                }
            }
        }
    };

    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut f = AccountFields::default();
        let mut found: HashMap<Field, String> = HashMap::new();
        for i in Input::ALL {
            if let Err(e) = drafts.apply(i, &mut f) {
                if let Some(at) = e.account_field() {
                    found.entry(at).or_insert(e.message);
                }
            }
        }
        if found.is_empty() {
            if let Err(es) = f.validate() {
                for e in es {
                    if let Some(at) = e.account_field() {
                        found.entry(at).or_insert(e.message);
                    }
                }
            }
        }
        if !found.is_empty() {
            errors.set(found);
            // Put the cursor on the first refused field, once the messages are drawn.
            request_animation_frame(|| {
                use wasm_bindgen::JsCast;
                if let Some(el) = document()
                    .query_selector("form.account-form [aria-invalid='true']")
                    .ok()
                    .flatten()
                    .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = el.focus();
                }
            });
            return;
        }
        let mut new_id = None;
        let today = app.today.get_untracked();
        app.ws.update(|w| new_id = w.add_account(f, today).ok());
        if let Some(id) = new_id {
            app.show_toast("Account created.", None);
            navigate(&format!("/accounts/{}", id.0), Default::default());
        }
    };

    let err = move |f: Field| move || errors.with(|m| m.get(&f).cloned());
    let invalid = move |f: Field| move || errors.with(|m| m.contains_key(&f)).to_string();

    // One text-like input with its label and message.
    let text_input = move |i: Input,
                           label: &'static str,
                           kind: &'static str,
                           hint: &'static str| {
        let id = format!("f-{i:?}").to_lowercase();
        let err_id = format!("{id}-err");
        let sig = drafts.get(i);
        let field = i.field();
        view! {
            <div class="field" class:has-error=move || field.is_some_and(|f| errors.with(|m| m.contains_key(&f)))>
                <label for=id.clone()>{label}</label>
                <input
                    id=id.clone()
                    type=kind
                    inputmode=if i == Input::Arr { "decimal" } else { "text" }
                    placeholder=hint
                    aria-invalid=move || field.map(|f| invalid(f)()).unwrap_or_else(|| "false".into())
                    aria-describedby=err_id.clone()
                    prop:value=move || sig.get()
                    on:input=move |ev| sig.set(event_target_value(&ev))
                    on:change=move |_| on_change(i)
                />
                <p class="field-error" id=err_id role="alert">
                    {move || field.and_then(|f| err(f)())}
                </p>
            </div>
        }
    };

    let select_input = move |i: Input, label: &'static str, options: Vec<(String, String)>| {
        let id = format!("f-{i:?}").to_lowercase();
        let sig = drafts.get(i);
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <select
                    id=id
                    prop:value=move || sig.get()
                    on:change=move |ev| {
                        sig.set(event_target_value(&ev));
                        on_change(i);
                    }
                >
                    {options.into_iter().map(|(value, text)| {
                        let v = value.clone();
                        view! { <option value=value selected=move || sig.get() == v>{text}</option> }
                    }).collect_view()}
                </select>
                <p class="field-error" aria-hidden="true"></p>
            </div>
        }
    };

    let segment_options = std::iter::once((String::new(), "—".to_string()))
        .chain(
            Segment::ALL
                .iter()
                .map(|s| (s.key().to_string(), s.label().to_string())),
        )
        .collect();
    let size_options = std::iter::once((String::new(), "—".to_string()))
        .chain(
            CompanySize::ALL
                .iter()
                .map(|s| (s.key().to_string(), s.label().to_string())),
        )
        .collect();
    let tier_options = std::iter::once((String::new(), "Computed from ARR".to_string()))
        .chain(Tier::ALL.iter().map(|t| {
            (
                t.number().to_string(),
                format!("{} (set by hand)", t.label()),
            )
        }))
        .collect();

    let notes = drafts.get(Input::Notes);
    view! {
        <form class="account-form" novalidate on:submit=create>
            <fieldset>
                <legend>"Account"</legend>
                <div class="grid-2">
                    {text_input(Input::Name, "Name", "text", "e.g. Northwind Logistics")}
                    {text_input(Input::Industry, "Industry", "text", "e.g. Retail")}
                    {select_input(Input::Segment, "Segment", segment_options)}
                    {select_input(Input::Size, "Company size", size_options)}
                    {text_input(Input::UseCase, "Primary use case", "text", "What they bought us for")}
                    {text_input(Input::Products, "Products", "text", "Comma-separated, e.g. Platform, Analytics")}
                </div>
            </fieldset>
            <fieldset>
                <legend>"Contract"</legend>
                <div class="grid-2">
                    <div class="field-with-unit">
                        {text_input(Input::Arr, "ARR", "text", "e.g. 120000")}
                        <span class="unit">{currency}</span>
                    </div>
                    {select_input(Input::Tier, "Tier", tier_options)}
                    {text_input(Input::ContractStart, "Contract start", "date", "YYYY-MM-DD")}
                    {text_input(Input::RenewalDate, "Renewal date", "date", "YYYY-MM-DD")}
                    {text_input(Input::Owner, "Account owner", "text", "The AM who owns it")}
                </div>
            </fieldset>
            <div class="field">
                <label for="f-notes">"Notes"</label>
                <textarea
                    id="f-notes"
                    rows="4"
                    prop:value=move || notes.get()
                    on:input=move |ev| notes.set(event_target_value(&ev))
                    on:change=move |_| on_change(Input::Notes)
                ></textarea>
            </div>
            {(mode == FormMode::Create).then(|| view! {
                <div class="actions">
                    <button type="submit" class="btn btn-primary">"Create account"</button>
                    <a href="/" class="btn btn-quiet">"Cancel"</a>
                </div>
            })}
        </form>
    }
}

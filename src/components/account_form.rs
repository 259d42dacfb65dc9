//! The account's fields as a form. Every field checks its value where it is typed: a
//! refused value shows a message under the field and is not saved. In edit mode each
//! valid change is saved at once (autosave); in create mode "Create account" saves.

use std::collections::HashMap;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::account_handle::AccountHandle;
use crate::components::form::{
    focus_first_error, options_with_none, DateInput, Field, FormErrors, NumberInput, Select,
    TextArea, TextInput,
};
use crate::domain::account::{parse_arr, parse_date, parse_products};
use crate::domain::{
    AccountFields, AccountId, CompanySize, Field as Checked, FieldError, Segment, Tier,
};
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
    fn field(self) -> Option<Checked> {
        match self {
            Input::Name => Some(Checked::Name),
            Input::Arr => Some(Checked::Arr),
            Input::ContractStart => Some(Checked::ContractStart),
            Input::RenewalDate => Some(Checked::RenewalDate),
            _ => None,
        }
    }
}

/// The text in each input, as typed.
#[derive(Clone, Copy)]
struct Drafts(StoredValue<HashMap<Input, RwSignal<String>>>);

/// The text an input shows for the account's fields `f`.
fn text_of(f: &AccountFields, i: Input) -> String {
    match i {
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
    }
}

impl Drafts {
    fn new(f: &AccountFields) -> Self {
        Drafts(StoredValue::new(
            Input::ALL
                .into_iter()
                .map(|i| (i, RwSignal::new(text_of(f, i))))
                .collect(),
        ))
    }
    /// Shows `f` (the account as it is now: changed by another tab, an undo, or this form)
    /// in every input but the one being typed in and one showing a message, whose text is
    /// the user's until they leave it or mend it.
    fn follow(self, f: &AccountFields, keep: impl Fn(Input) -> bool) {
        for i in Input::ALL {
            let draft = self.get(i);
            let text = text_of(f, i);
            if !keep(i) && draft.with_untracked(|d| *d != text) {
                draft.set(text);
            }
        }
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
            Input::ContractStart => f.contract_start = parse_date(Checked::ContractStart, &t)?,
            Input::RenewalDate => f.renewal_date = parse_date(Checked::RenewalDate, &t)?,
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
    let errors = FormErrors::<Checked>::new();
    let currency = move || app.ws.with(|w| w.currency.code().to_string());

    // Show a message at the input that was edited, whichever field the rule names.
    let show = move |at: Input, e: &FieldError| {
        let Some(field) = at.field().or_else(|| e.account_field()) else {
            return;
        };
        errors.set(field, Some(e.message.clone()));
    };
    let clear = move |at: Input| {
        if let Some(f) = at.field() {
            errors.set(f, None);
        }
        // A date change can settle the other date's complaint too.
        if matches!(at, Input::ContractStart | Input::RenewalDate) {
            errors.set(Checked::ContractStart, None);
            errors.set(Checked::RenewalDate, None);
        }
    };

    let on_change = move |at: Input| match mode {
        FormMode::Edit(id) => {
            let account = AccountHandle::new(app, id);
            let Some(mut f) = account.with_untracked(|a| a.fields.clone()) else {
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
                    let new_cycle = match account.update(|a| a.set_fields(f, None, today)) {
                        Ok(new_cycle) => new_cycle,
                        Err(es) => {
                            if let Some(e) = es.first() {
                                show(at, e);
                            }
                            return;
                        }
                    };
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
        let mut found: Vec<(Checked, String)> = Input::ALL
            .into_iter()
            .filter_map(|i| drafts.apply(i, &mut f).err())
            .filter_map(|e| Some((e.account_field()?, e.message)))
            .collect();
        if found.is_empty() {
            if let Err(es) = f.validate() {
                found = es
                    .into_iter()
                    .filter_map(|e| Some((e.account_field()?, e.message)))
                    .collect();
            }
        }
        if !found.is_empty() {
            errors.show(found);
            focus_first_error("form.account-form");
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

    // The id of an input and the message it shows (the checked field's, if any).
    let id_of = |i: Input| format!("f-{i:?}").to_lowercase();
    let error_of = move |i: Input| i.field().map(|f| errors.at(f)).unwrap_or_default();
    if let FormMode::Edit(id) = mode {
        // Again only when the fields change, not at every change of the workspace.
        let fields = AccountHandle::new(app, id).read(|a| Some(a.fields.clone()));
        Effect::new(move |_| {
            let Some(f) = fields.get() else {
                return;
            };
            let typing = crate::browser::text_box_with_cursor().map(|el| el.id());
            drafts.follow(&f, |i| {
                typing.as_deref() == Some(id_of(i).as_str())
                    || error_of(i).with_untracked(Option::is_some)
            });
        });
    }
    let commit = move |i: Input| Callback::new(move |()| on_change(i));
    let text_input = move |i: Input, label: &'static str, hint: &'static str| {
        view! {
            <Field id=id_of(i) label=label error=error_of(i)>
                <TextInput value=drafts.get(i) placeholder=hint on_change=commit(i)/>
            </Field>
        }
    };
    // A name another account has already: said under the field as it is typed (two
    // accounts may share a name, but it is most often the same customer twice).
    let name_input = move || {
        let except = match mode {
            FormMode::Edit(id) => Some(id),
            FormMode::Create => None,
        };
        let name = drafts.get(Input::Name);
        let taken = Memo::new(move |_| {
            let typed = name.get();
            app.ws.with(|w| {
                w.account_named(&typed, except)
                    .and_then(|id| w.account(id))
                    .map(|a| a.fields.name.clone())
            })
        });
        view! {
            <Field id=id_of(Input::Name) label="Name" error=error_of(Input::Name) also_described_by="f-name-taken">
                <TextInput value=name placeholder="e.g. Northwind Logistics" on_change=commit(Input::Name)/>
                <p class="hint name-taken" id="f-name-taken" aria-live="polite">{move || taken.get().map(|n| format!(
                    "Another account is already called \"{}\": check it is not the same customer.",
                    crate::domain::text::isolate(&n)
                ))}</p>
            </Field>
        }
    };
    let date_input = move |i: Input, label: &'static str| {
        view! {
            <Field id=id_of(i) label=label error=error_of(i)>
                <DateInput value=drafts.get(i) placeholder="YYYY-MM-DD" on_change=commit(i)/>
            </Field>
        }
    };
    let select_input = move |i: Input, label: &'static str, options: Vec<(String, String)>| {
        view! {
            <Field id=id_of(i) label=label error=error_of(i)>
                <Select value=drafts.get(i) options=options on_change=commit(i)/>
            </Field>
        }
    };

    let segment_options = options_with_none(
        "—",
        Segment::ALL
            .iter()
            .map(|s| (s.key().to_string(), s.label().to_string())),
    );
    let size_options = options_with_none(
        "—",
        CompanySize::ALL
            .iter()
            .map(|s| (s.key().to_string(), s.label().to_string())),
    );
    let tier_options = options_with_none(
        "Computed from ARR",
        Tier::ALL.iter().map(|t| {
            (
                t.number().to_string(),
                format!("{} (set by hand)", t.label()),
            )
        }),
    );

    view! {
        <form class="account-form" novalidate on:submit=create>
            <fieldset>
                <legend>"Account"</legend>
                <div class="grid-2">
                    {name_input()}
                    {text_input(Input::Industry, "Industry", "e.g. Retail")}
                    {select_input(Input::Segment, "Segment", segment_options)}
                    {select_input(Input::Size, "Company size", size_options)}
                    {text_input(Input::UseCase, "Primary use case", "What they bought us for")}
                    {text_input(Input::Products, "Products", "Comma-separated, e.g. Platform, Analytics")}
                </div>
            </fieldset>
            <fieldset>
                <legend>"Contract"</legend>
                <div class="grid-2">
                    {match mode {
                        FormMode::Create => view! {
                            <Field id=id_of(Input::Arr) label="ARR" error=error_of(Input::Arr) unit=Some(Signal::derive(currency))>
                                <NumberInput value=drafts.get(Input::Arr) placeholder="e.g. 120000" on_change=commit(Input::Arr)/>
                            </Field>
                        }.into_any(),
                        // An account's ARR moves only through its history (Change ARR, below),
                        // which records what kind of change it was for the KPIs.
                        FormMode::Edit(id) => {
                            let arr = AccountHandle::new(app, id).read(|a| a.fields.arr);
                            let arr = move || app.ws.with(|w| w.currency.format(arr.get()));
                            view! {
                                <Field id=id_of(Input::Arr) label="ARR"
                                    hint="Change it with Change ARR, below.">
                                    <output class="static-value" id=id_of(Input::Arr)
                                        aria-describedby=format!("{}-hint", id_of(Input::Arr))>{arr}</output>
                                </Field>
                            }.into_any()
                        }
                    }}
                    {select_input(Input::Tier, "Tier", tier_options)}
                    {date_input(Input::ContractStart, "Contract start")}
                    {date_input(Input::RenewalDate, "Renewal date")}
                    <Field id=id_of(Input::Owner) label="Account owner" error=error_of(Input::Owner)>
                        <TextInput value=drafts.get(Input::Owner) placeholder="The AM who owns it"
                            on_change=commit(Input::Owner) list=Some(crate::components::owner_field::OWNER_LIST_ID)/>
                        <crate::components::owner_field::OwnerNames/>
                    </Field>
                </div>
            </fieldset>
            <Field id=id_of(Input::Notes) label="Notes">
                <TextArea value=drafts.get(Input::Notes) rows=4 on_change=commit(Input::Notes)/>
            </Field>
            {(mode == FormMode::Create).then(|| view! {
                <div class="actions">
                    <button type="submit" class="btn btn-primary">"Create account"</button>
                    <a href="/" class="btn btn-quiet">"Cancel"</a>
                </div>
            })}
        </form>
    }
}

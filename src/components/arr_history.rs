//! The ARR history on the account's Overview: every change (date, kind, amount, note),
//! removable, and **Change ARR**, which asks what kind of change it is. Also the offer to
//! record a won opportunity's ARR as an expansion (Expansion tab). Rules in
//! `domain::arr` and `domain::kpi::outcome` (docs/kpis.md).

use leptos::prelude::*;

use crate::account_handle::use_account;
use crate::components::data_table::DataTable;
use crate::components::form::{
    on_submit, DateInput, Field, FormErrors, NumberInput, Select, TextInput,
};
use crate::derived::use_workspace_wide;
use crate::domain::arr::{ArrChange, ArrKind};
use crate::domain::dates::{long, read_date};
use crate::domain::kpi::outcome::{record_won, won_not_recorded};
use crate::domain::money::read_typed_amount;
use crate::domain::FieldError;
use crate::state::use_app;

/// The kinds a user picks when changing ARR by hand (a new ARR only on an account
/// without one; renewals come from the renewal outcome, but may be recorded here too).
const KINDS: [ArrKind; 6] = ArrKind::ALL;

/// Reads an amount typed in a form: digits with separators, 0 or more.
fn read_amount(text: &str) -> Result<f64, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("Give the new ARR (0 or more).".into());
    }
    match read_typed_amount(t) {
        Some(v) if v.is_finite() && v >= 0.0 => Ok(v),
        Some(_) => Err("ARR cannot be negative.".into()),
        None => Err(format!(
            "\"{t}\" is not an amount: write digits, such as 120000 or 120,000."
        )),
    }
}

#[component]
pub fn ArrHistory() -> impl IntoView {
    let app = use_app();
    let account = use_account();
    let wide = use_workspace_wide();
    let log = account.read(|a| Some((a.arr_log.events().to_vec(), a.is_churned())));
    let events = move || {
        log.get()
            .map(|(list, churned)| (list, wide.currency.get(), churned))
    };
    let remove_error = RwSignal::new(None::<String>);
    let remove = move |index: usize| {
        let r = account.update(|a| {
            let log = a.arr_log.without(index)?;
            a.set_arr_log(log);
            Ok::<_, FieldError>(())
        });
        match r {
            Ok(()) => {
                remove_error.set(None);
                app.show_toast("Change removed from the ARR history.", None);
            }
            Err(e) => remove_error.set(Some(e.message)),
        }
    };
    view! {
        <section class="card arr-history" aria-labelledby="arr-h">
            <h2 id="arr-h">"ARR history"</h2>
            <p class="hint">"The account's ARR is the sum of these changes. Corrections change the ARR but never count in a KPI."</p>
            {move || events().map(|(list, cur, churned)| view! {
                {churned.then(|| view! { <p class="outcome-banner"><strong>"Churned."</strong>" The account is kept for past KPIs and hidden from the working views."</p> })}
                {DataTable::new("", list.into_iter().enumerate().collect::<Vec<_>>())
                    .wrap("table-wrap flat")
                    .empty("No ARR recorded yet.")
                    .col("Date", |(_, e)| long(e.date))
                    .col("Kind", |(_, e)| e.kind.label())
                    .col("Change", move |(_, e)| {
                        let sign = if e.amount > 0.0 { "+" } else { "" };
                        format!("{sign}{}", cur.format(e.amount))
                    })
                    .num()
                    .col("Note", |(_, e)| e.note.clone())
                    .col("Actions", move |&(i, ref e)| view! {
                        <button type="button" class="btn btn-quiet btn-small"
                            aria-label=format!("Remove the {} of {}", e.kind.label().to_lowercase(), long(e.date))
                            on:click=move |_| remove(i)>"Remove"</button>
                    })
                    .head_hidden()
                    .view()}
            })}
            <p class="field-error" role="alert">{move || remove_error.get()}</p>
            <ChangeArr/>
        </section>
    }
}

/// The Change ARR form's fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum ArrField {
    Amount,
    Date,
}

/// Change ARR: the new ARR, what kind of change it is, the day (today unless picked), a
/// note. Nothing changes until all of it holds.
#[component]
fn ChangeArr() -> impl IntoView {
    let app = use_app();
    let account = use_account();
    let wide = use_workspace_wide();
    let amount = RwSignal::new(String::new());
    let kind = RwSignal::new(ArrKind::Expansion.key().to_string());
    let date = RwSignal::new(app.today.get_untracked().to_string());
    let note = RwSignal::new(String::new());
    let errors = FormErrors::<ArrField>::new();
    let save = move || {
        let k = ArrKind::from_key(&kind.get_untracked()).unwrap_or(ArrKind::Expansion);
        let typed = if k == ArrKind::Churn && amount.get_untracked().trim().is_empty() {
            Ok(0.0)
        } else {
            read_amount(&amount.get_untracked())
        };
        let day = read_date(&date.get_untracked());
        errors.set(
            ArrField::Date,
            day.as_ref().err().map(|e| e.message.clone()),
        );
        let new_arr = match typed {
            Ok(v) => v,
            Err(e) => {
                errors.set(ArrField::Amount, Some(e));
                return;
            }
        };
        let Ok(day) = day else { return };
        let change = ArrChange {
            kind: k,
            date: day,
            note: note.get_untracked().trim().to_string(),
        };
        let r = account.update(|a| {
            if new_arr == a.fields.arr {
                return Err(FieldError::bare(format!(
                    "The ARR is already {}: type the new ARR.",
                    crate::domain::money::group_thousands(new_arr.round() as u64)
                )));
            }
            let log = change.apply(&a.arr_log, new_arr)?;
            a.set_arr_log(log);
            Ok(a.fields.arr)
        });
        match r {
            Ok(v) => {
                errors.set(ArrField::Amount, None);
                amount.set(String::new());
                note.set(String::new());
                let text = wide.currency.with_untracked(|c| c.format(v));
                app.show_toast(format!("{} recorded: ARR is now {text}.", k.label()), None);
            }
            Err(e) => errors.set(ArrField::Amount, Some(e.message)),
        }
    };
    let kinds: Vec<(String, String)> = KINDS
        .iter()
        .map(|k| (k.key().to_string(), k.label().to_string()))
        .collect();
    view! {
        <form class="arr-change" id="arr-change" on:submit=on_submit("#arr-change", errors, save)
            novalidate aria-labelledby="arr-change-h">
            <h3 id="arr-change-h" class="visually-hidden">"Change ARR"</h3>
            <Field id="arr-new" label="New ARR" error=errors.at(ArrField::Amount)>
                <NumberInput value=amount/>
            </Field>
            <Field id="arr-kind" label="What kind of change">
                <Select value=kind options=kinds/>
            </Field>
            <Field id="arr-date" label="On" error=errors.at(ArrField::Date)>
                <DateInput value=date/>
            </Field>
            <Field id="arr-note" label="Note">
                <TextInput value=note maxlength=Some(500)/>
            </Field>
            <button type="submit" class="btn btn-primary">"Change ARR"</button>
        </form>
    }
}

/// On the Expansion tab: each won opportunity whose ARR is not in the history yet, with a
/// button to record it as an expansion today.
#[component]
pub fn WonOffer() -> impl IntoView {
    let app = use_app();
    let account = use_account();
    let wide = use_workspace_wide();
    let won = account.read(|a| {
        won_not_recorded(a)
            .into_iter()
            .map(|o| (o.id(), o.description().to_string(), o.estimated_arr()))
            .collect::<Vec<_>>()
    });
    let offers = move || {
        let currency = wide.currency.get();
        won.get()
            .into_iter()
            .map(|(oid, desc, amount)| (oid, desc, amount, currency.format(amount)))
            .collect::<Vec<_>>()
    };
    let error = RwSignal::new(None::<String>);
    view! {
        {move || {
            let list = offers();
            (!list.is_empty()).then(|| view! {
                <section class="card won-offer" aria-labelledby="won-h">
                    <h2 id="won-h">"Won: record the ARR?"</h2>
                    <p class="hint">"A won opportunity changes ARR only when you record it."</p>
                    <ul class="kpi-lines">{list.into_iter().map(|(oid, desc, amount, shown)| view! {
                        <li>
                            {format!("{desc}: {shown} ")}
                            <button type="button" class="btn btn-small" on:click=move |_| {
                                let today = app.today.get_untracked();
                                match account.update(|a| record_won(a, oid, amount, today)) {
                                    Ok(()) => { error.set(None); app.show_toast(format!("Expansion of {shown} recorded."), None); }
                                    Err(e) => error.set(Some(e.message)),
                                }
                            }>"Record as expansion"</button>
                        </li>
                    }).collect_view()}</ul>
                    <p class="field-error" role="alert">{move || error.get()}</p>
                </section>
            })
        }}
    }
}

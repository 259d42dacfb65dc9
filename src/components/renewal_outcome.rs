//! Renewal outcomes in the views: the form on the Renewal tab once the renewal date has
//! passed (renewed flat, with uplift, with downsell, churned; the new ARR; the next
//! renewal date), the notice in the account header, and the portfolio's list of renewals
//! waiting for an outcome. Rules in `domain::kpi::outcome` (docs/kpis.md#renewal-outcomes).

use chrono::{Months, NaiveDate};
use leptos::prelude::*;

use crate::account_handle::use_account;
use crate::components::form::{
    on_submit, Choice, DateInput, Field, FormErrors, NumberInput, RadioGroup,
};
use crate::derived::use_workspace_wide;
use crate::domain::dates::{long, read_date, relative};
use crate::domain::kpi::outcome::{
    awaiting_outcome, awaiting_outcomes, record_outcome, Outcome, OutcomeField,
};
use crate::domain::money::read_typed_amount;
use crate::domain::plural;
use crate::state::use_app;

/// A year after `due`, moved on by years until it is ahead of `today`.
fn suggested_next(due: NaiveDate, today: NaiveDate) -> NaiveDate {
    let mut d = due;
    for _ in 0..400 {
        match d.checked_add_months(Months::new(12)) {
            Some(n) => d = n,
            None => break,
        }
        if d > today {
            break;
        }
    }
    d
}

/// The outcome form of the account's passed renewal `due`.
#[component]
pub fn OutcomeForm(due: NaiveDate) -> impl IntoView {
    let app = use_app();
    let account = use_account();
    let wide = use_workspace_wide();
    let today = app.today.get_untracked();
    let outcome_key = RwSignal::new(Outcome::Flat.key().to_string());
    let outcome = Memo::new(move |_| {
        outcome_key
            .with(|k| Outcome::from_key(k))
            .unwrap_or(Outcome::Flat)
    });
    let arr_text = RwSignal::new(String::new());
    let next_text = RwSignal::new(suggested_next(due, today).to_string());
    let errors = FormErrors::<OutcomeField>::new();
    let arr = account.read(|a| a.fields.arr);
    let current = move || wide.currency.with(|c| c.format(arr.get()));
    let save = move || {
        let o = outcome.get_untracked();
        let mut found = Vec::new();
        let new_arr = if matches!(o, Outcome::Uplift | Outcome::Downsell) {
            match read_typed_amount(arr_text.get_untracked().trim()) {
                Some(v) => v,
                None => {
                    found.push((
                        OutcomeField::NewArr,
                        "Give the new ARR as digits, such as 120000.".to_string(),
                    ));
                    f64::NAN
                }
            }
        } else {
            0.0
        };
        let next = if o.renewed() {
            match read_date(&next_text.get_untracked()) {
                Ok(d) => Some(d),
                Err(e) => {
                    found.push((OutcomeField::NextRenewal, e.message));
                    None
                }
            }
        } else {
            None
        };
        if !found.is_empty() {
            errors.show(found);
            return;
        }
        let today = app.today.get_untracked();
        let r = account.update(|a| record_outcome(a, o, new_arr, next, today));
        match r {
            Ok(()) => {
                errors.clear();
                let text = match next {
                    Some(n) => format!("{} recorded. Next renewal on {}.", o.label(), long(n)),
                    None => format!(
                        "{} recorded. The account is kept, marked churned.",
                        o.label()
                    ),
                };
                app.show_toast(text, None);
            }
            Err(e) => errors.show([(
                OutcomeField::from_key(&e.path).unwrap_or(OutcomeField::Outcome),
                e.message,
            )]),
        }
    };
    let outcome_options = Outcome::ALL
        .iter()
        .map(|o| Choice::from((o.key().to_string(), o.label().to_string())))
        .collect::<Vec<_>>();
    let needs_arr = move || matches!(outcome.get(), Outcome::Uplift | Outcome::Downsell);
    let needs_next = move || outcome.get().renewed();
    view! {
        <form class="outcome-form card" id="outcome-form" on:submit=on_submit("#outcome-form", errors, save)
            novalidate aria-labelledby="outcome-h">
            <h3 id="outcome-h">{format!("The renewal of {} has passed: what happened?", long(due))}</h3>
            <p class="hint">{move || format!("ARR now {}. The outcome is recorded in the ARR history on the renewal date, and a renewal starts the next term.", current())}</p>
            <RadioGroup name="outcome" legend="Outcome" value=outcome_key options=outcome_options
                error=errors.at(OutcomeField::Outcome) on_change=Callback::new(move |()| errors.clear())/>
            <Show when=needs_arr>
                <Field id="outcome-arr" label="New ARR" error=errors.at(OutcomeField::NewArr)>
                    <NumberInput value=arr_text/>
                </Field>
            </Show>
            <Show when=needs_next>
                <Field id="outcome-next" label="Next renewal date" error=errors.at(OutcomeField::NextRenewal)>
                    <DateInput value=next_text/>
                </Field>
            </Show>
            <div class="outcome-submit"><button type="submit" class="btn btn-primary">"Record the outcome"</button></div>
        </form>
    }
}

/// In the account header: the renewal has passed and waits for its outcome.
#[component]
pub fn OutcomeNotice() -> impl IntoView {
    let app = use_app();
    let account = use_account();
    let id = account.id();
    let due = move || {
        let today = app.today.get();
        account
            .with(|a| awaiting_outcome(a, today).then_some(a.fields.renewal_date))
            .flatten()
            .flatten()
    };
    move || {
        due().map(|d| {
            view! {
                <p class="outcome-banner notice">
                    {format!("The renewal of {} has passed with no outcome recorded. ", long(d))}
                    <a href=format!("/accounts/{}/renewal", id.0)>"Record the outcome"</a>
                </p>
            }
        })
    }
}

/// How many passed renewals the portfolio's notice names; the rest are counted and one
/// link leads to the Renewals page, where every passed renewal is listed.
const AWAITING_SHOWN: usize = 5;

/// On the portfolio: the renewals passed without an outcome (the first few by name, each
/// linking to its form, then how many more).
#[component]
pub fn AwaitingOutcomes() -> impl IntoView {
    let app = use_app();
    let list = move || {
        let today = app.today.get();
        app.ws.with(|w| {
            awaiting_outcomes(w, today)
                .into_iter()
                .filter_map(|id| {
                    w.account(id).and_then(|a| {
                        a.fields
                            .renewal_date
                            .map(|d| (id, a.fields.name.clone(), relative(today, d)))
                    })
                })
                .collect::<Vec<_>>()
        })
    };
    move || {
        let mut items = list();
        let total = items.len();
        let more = total.saturating_sub(AWAITING_SHOWN);
        items.truncate(AWAITING_SHOWN);
        (total > 0).then(|| {
            view! {
                <section class="card outcome-banner" aria-labelledby="awaiting-h">
                    <h2 id="awaiting-h">{format!("{} passed with no outcome", plural(total, "renewal", "renewals"))}</h2>
                    <p class="hint">"Record what happened, so the renewal rate and NRR stay true."</p>
                    <ul class="kpi-lines">{items.into_iter().map(|(id, name, when)| view! {
                        <li><a href=format!("/accounts/{}/renewal", id.0)>{name}</a>{format!(": renewal {when}")}</li>
                    }).collect_view()}</ul>
                    {(more > 0).then(|| view! {
                        <p class="outcome-more">{format!("And {more} more: ")}
                            <a href="/renewals#overdue-h">"see every passed renewal on the Renewals page"</a>"."</p>
                    })}
                </section>
            }
        })
    }
}

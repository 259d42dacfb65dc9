//! The Overview tab: the account's fields, editable, and delete with undo. In print the
//! form gives way to the same fields written out as text.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::{use_account, AccountHandle};
use crate::components::account_form::{AccountForm, FormMode};
use crate::derived::{use_derived, use_workspace_wide};
use crate::domain::dates;
use crate::state::use_app;

#[component]
pub fn AccountOverview() -> impl IntoView {
    let app = use_app();
    let account = use_account();
    let navigate = use_navigate();
    let initial = account
        .with_untracked(|a| a.fields.clone())
        .unwrap_or_default();
    let delete = move |_| {
        if let Some(removed) = account.remove() {
            app.toast_removed(removed);
            navigate("/", Default::default());
        }
    };
    view! {
        <AccountFacts/>
        <AccountForm mode=FormMode::Edit(account.id()) initial=initial/>
        <crate::components::arr_history::ArrHistory/>
        <div class="danger-zone">
            <button class="btn btn-danger" on:click=delete>"Delete account"</button>
            <span class="hint">"You can undo for a few seconds after."</span>
        </div>
    }
}

/// The account's fields as text, `—` where not set: shown read-only on the Plan tab, and
/// printed here (with the notes) in place of the form.
pub(crate) fn account_facts(
    account: AccountHandle,
) -> impl Fn() -> Vec<(&'static str, String)> + Copy + Send + Sync + 'static {
    let tiers = use_derived().tiers;
    let currency = use_workspace_wide().currency;
    move || {
        let tier = tiers
            .with(|t| t.get(&account.id()).map(|t| t.tier.label()))
            .unwrap_or("—");
        account
            .with(|a| {
                let f = &a.fields;
                let or_dash = |s: &str| {
                    if s.trim().is_empty() {
                        "—".to_string()
                    } else {
                        s.trim().to_string()
                    }
                };
                let date =
                    |d: Option<chrono::NaiveDate>| d.map(dates::long).unwrap_or_else(|| "—".into());
                vec![
                    ("Industry", or_dash(&f.industry)),
                    (
                        "Segment",
                        f.segment.map(|s| s.label()).unwrap_or("—").into(),
                    ),
                    ("Size", f.size.map(|s| s.label()).unwrap_or("—").into()),
                    ("Main use case", or_dash(&f.primary_use_case)),
                    ("Products", or_dash(&f.products_text())),
                    ("ARR", currency.with(|c| c.format(f.arr))),
                    ("Tier", tier.into()),
                    ("Contract start", date(f.contract_start)),
                    ("Renewal", date(f.renewal_date)),
                    ("Account owner", or_dash(&f.owner)),
                ]
            })
            .unwrap_or_default()
    }
}

/// The account's fields and notes as text, for print only (the form does not print).
#[component]
fn AccountFacts() -> impl IntoView {
    let account = use_account();
    let notes = account.read(|a| a.fields.notes.trim().to_string());
    let facts = account_facts(account);
    view! {
        <section class="print-only account-facts">
            <dl class="facts">
                {move || facts().into_iter().map(|(k, v)| view! {
                    <div><dt>{k}</dt><dd>{v}</dd></div>
                }).collect_view()}
            </dl>
            {move || {
                let n = notes.get();
                (!n.is_empty()).then(|| view! {
                    <h2>"Notes"</h2>
                    <p class="pre">{n}</p>
                })
            }}
        </section>
    }
}

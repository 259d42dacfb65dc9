//! The Overview tab: the account's fields, editable, and delete with undo. In print the
//! form gives way to the same fields written out as text.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::current_account;
use crate::components::account_form::{AccountForm, FormMode};
use crate::domain::{dates, AccountId};
use crate::state::use_app;

#[component]
pub fn AccountOverview() -> impl IntoView {
    let app = use_app();
    let id = current_account();
    let navigate = use_navigate();
    let initial = app
        .ws
        .with_untracked(|w| w.account(id).map(|a| a.fields.clone()))
        .unwrap_or_default();
    let delete = move |_| {
        let removed = app.ws.try_update(|w| w.remove_account(id)).flatten();
        if let Some(removed) = removed {
            let name = removed.account.fields.name.clone();
            app.show_toast(format!("Deleted {name}."), Some(removed));
            navigate("/", Default::default());
        }
    };
    view! {
        <AccountFacts id=id/>
        <AccountForm mode=FormMode::Edit(id) initial=initial/>
        <div class="danger-zone">
            <button class="btn btn-danger" on:click=delete>"Delete account"</button>
            <span class="hint">"You can undo for a few seconds after."</span>
        </div>
    }
}

/// The account's fields as text, for print only (the form does not print).
#[component]
fn AccountFacts(id: AccountId) -> impl IntoView {
    let app = use_app();
    let facts = move || {
        app.ws.with(|w| {
            let Some(a) = w.account(id) else {
                return Vec::new();
            };
            let f = &a.fields;
            let date = |d: Option<chrono::NaiveDate>| d.map(dates::long).unwrap_or_default();
            [
                ("Industry", f.industry.clone()),
                (
                    "Segment",
                    f.segment.map(|s| s.label().to_string()).unwrap_or_default(),
                ),
                (
                    "Size",
                    f.size.map(|s| s.label().to_string()).unwrap_or_default(),
                ),
                ("Main use case", f.primary_use_case.clone()),
                ("Products", f.products_text()),
                ("Contract start", date(f.contract_start)),
                ("Renewal date", date(f.renewal_date)),
                ("Account owner", f.owner.clone()),
                ("Notes", f.notes.clone()),
            ]
            .into_iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .collect()
        })
    };
    view! {
        <section class="print-only account-facts">
            <dl class="facts">
                {move || facts().into_iter().map(|(k, v)| view! {
                    <div><dt>{k}</dt><dd class="pre">{v}</dd></div>
                }).collect_view()}
            </dl>
        </section>
    }
}

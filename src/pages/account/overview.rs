//! The Overview tab: the account's fields, editable, and delete with undo. In print the
//! form gives way to the same fields written out as text.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::current_account;
use crate::components::account_form::{AccountForm, FormMode};
use crate::domain::{dates, AccountId};
use crate::state::{use_app, AppState};

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
            app.toast_removed(removed);
            navigate("/", Default::default());
        }
    };
    view! {
        <AccountFacts id=id/>
        <AccountForm mode=FormMode::Edit(id) initial=initial/>
        <crate::components::arr_history::ArrHistory id=id/>
        <div class="danger-zone">
            <button class="btn btn-danger" on:click=delete>"Delete account"</button>
            <span class="hint">"You can undo for a few seconds after."</span>
        </div>
    }
}

/// The account's fields as text, `—` where not set: shown read-only on the Plan tab, and
/// printed here (with the notes) in place of the form.
pub(crate) fn account_facts(app: AppState, id: AccountId) -> Vec<(&'static str, String)> {
    app.ws.with(|w| {
        let Some(a) = w.account(id) else {
            return Vec::new();
        };
        let f = &a.fields;
        let or_dash = |s: &str| {
            if s.trim().is_empty() {
                "—".to_string()
            } else {
                s.trim().to_string()
            }
        };
        let date = |d: Option<chrono::NaiveDate>| d.map(dates::long).unwrap_or_else(|| "—".into());
        let tier = w.tiers().get(&id).map(|t| t.tier.label()).unwrap_or("—");
        vec![
            ("Industry", or_dash(&f.industry)),
            (
                "Segment",
                f.segment.map(|s| s.label()).unwrap_or("—").into(),
            ),
            ("Size", f.size.map(|s| s.label()).unwrap_or("—").into()),
            ("Main use case", or_dash(&f.primary_use_case)),
            ("Products", or_dash(&f.products_text())),
            ("ARR", w.currency.format(f.arr)),
            ("Tier", tier.into()),
            ("Contract start", date(f.contract_start)),
            ("Renewal", date(f.renewal_date)),
            ("Account owner", or_dash(&f.owner)),
        ]
    })
}

/// The account's fields and notes as text, for print only (the form does not print).
#[component]
fn AccountFacts(id: AccountId) -> impl IntoView {
    let app = use_app();
    let notes = move || {
        app.ws
            .with(|w| w.account(id).map(|a| a.fields.notes.trim().to_string()))
            .unwrap_or_default()
    };
    view! {
        <section class="print-only account-facts">
            <dl class="facts">
                {move || account_facts(app, id).into_iter().map(|(k, v)| view! {
                    <div><dt>{k}</dt><dd>{v}</dd></div>
                }).collect_view()}
            </dl>
            {move || {
                let n = notes();
                (!n.is_empty()).then(|| view! {
                    <h2>"Notes"</h2>
                    <p class="pre">{n}</p>
                })
            }}
        </section>
    }
}

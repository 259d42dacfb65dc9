//! One account: a header with the figures that matter, then its sections.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::components::account_form::{AccountForm, FormMode};
use crate::domain::{dates, AccountId};
use crate::pages::not_found::NotFound;
use crate::state::use_app;

#[component]
pub fn AccountPage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params.with(|p| {
            p.get("id")
                .and_then(|s| s.parse::<u32>().ok())
                .map(AccountId)
        })
    });
    // Re-render the page only when the id changes or the account appears/disappears,
    // not on every edit of its fields (the form keeps what is being typed).
    let exists = Memo::new(move |_| {
        id.get()
            .filter(|id| app.ws.with(|w| w.account(*id).is_some()))
    });
    move || match exists.get() {
        None => view! { <NotFound/> }.into_any(),
        Some(id) => view! { <AccountView id=id/> }.into_any(),
    }
}

#[component]
fn AccountView(id: AccountId) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let initial = app
        .ws
        .with_untracked(|w| w.account(id).map(|a| a.fields.clone()))
        .unwrap_or_default();
    let account = move || app.ws.with(|w| w.account(id).cloned());
    let name = move || account().map(|a| a.fields.name).unwrap_or_default();
    let tier = move || app.ws.with(|w| w.tiers().get(&id).copied());
    let arr = move || {
        app.ws
            .with(|w| w.account(id).map(|a| w.currency.format(a.fields.arr)))
            .unwrap_or_default()
    };
    let renewal = move || {
        let today = app.today.get();
        account()
            .and_then(|a| a.fields.renewal_date)
            .map(|d| format!("{} ({})", dates::long(d), dates::relative(today, d)))
            .unwrap_or_else(|| "not set".into())
    };
    Effect::new(move |_| document().set_title(&format!("{} · Account Planner", name())));
    let delete = move |_| {
        let removed = app.ws.try_update(|w| w.remove_account(id)).flatten();
        if let Some(removed) = removed {
            let name = removed.account.fields.name.clone();
            app.show_toast(format!("Deleted {name}."), Some(removed));
            navigate("/", Default::default());
        }
    };
    view! {
        <section class="page">
            <p class="crumbs"><a href="/">"Portfolio"</a>" / "{name}</p>
            <header class="account-head">
                <h1>{name}</h1>
                <dl class="figures">
                    <div><dt>"ARR"</dt><dd>{arr}</dd></div>
                    <div><dt>"Tier"</dt><dd>{move || tier().map(|t| {
                        let mark = if t.overridden { " (set by hand)" } else { "" };
                        format!("{}{mark}", t.tier.label())
                    })}</dd></div>
                    <div><dt>"Renewal"</dt><dd>{renewal}</dd></div>
                </dl>
                <p class="cadence">{move || tier().map(|t| t.tier.cadence())}</p>
            </header>
            <AccountForm mode=FormMode::Edit(id) initial=initial/>
            <div class="danger-zone">
                <button class="btn btn-danger" on:click=delete>"Delete account"</button>
                <span class="hint">"You can undo for a few seconds after."</span>
            </div>
        </section>
    }
}

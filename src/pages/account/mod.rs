//! One account: a header with the figures that matter, a row of tabs, and the tab's page
//! below (nested routes under `/accounts/:id`). Each tab is one module here.

pub mod commitments;
pub mod escalations;
pub mod expansion;
pub mod health;
pub mod mid_cycle;
pub mod overview;
pub mod plan;
pub mod qbr;
pub mod qualify;
pub mod recovery;
pub mod renewal;
pub mod save_plan;
pub mod stakeholders;
pub mod white_space;

use leptos::prelude::*;
use leptos_router::components::{Outlet, A};
use leptos_router::hooks::use_params_map;

pub use crate::account_handle::{use_account, AccountHandle};

use crate::derived::{use_derived, use_workspace_wide};
use crate::domain::{dates, AccountId};
use crate::pages::not_found::NotFound;
use crate::state::use_app;

/// The tabs, in order: (path below the account, label). A tab is listed only once its
/// feature exists.
pub(crate) const TABS: &[(&str, &str)] = &[
    ("", "Overview"),
    ("health", "Health"),
    ("stakeholders", "Stakeholders"),
    ("plan", "Plan"),
    ("qbr", "QBR"),
    ("renewal", "Renewal"),
    ("expansion", "Expansion"),
    ("white-space", "White space"),
    ("commitments", "Commitments"),
    ("escalations", "Escalations"),
    ("qualify", "Qualification"),
    ("save-plan", "Save plan"),
];

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
    // Re-render only when the id changes or the account appears/disappears, not on every
    // edit of its fields (the form keeps what is being typed).
    let exists = Memo::new(move |_| {
        id.get()
            .filter(|id| AccountHandle::new(app, *id).with(|_| ()).is_some())
    });
    move || match exists.get() {
        None => view! { <NotFound/> }.into_any(),
        Some(id) => view! { <AccountView id=id/> }.into_any(),
    }
}

#[component]
fn AccountView(id: AccountId) -> impl IntoView {
    let app = use_app();
    let account = AccountHandle::new(app, id);
    provide_context(account);
    let name = account.read(|a| a.fields.name.clone());
    // The tiers memo, not the workspace: an edit that moves no tier redraws nothing here.
    let derived = use_derived();
    let tier = move || derived.tiers.with(|t| t.get(&id).copied());
    let wide = use_workspace_wide();
    let arr_value = account.read(|a| a.fields.arr);
    let arr = move || wide.currency.with(|c| c.format(arr_value.get()));
    let renewal_date = account.read(|a| a.fields.renewal_date);
    let renewal = move || {
        let today = app.today.get();
        renewal_date
            .get()
            .map(|d| format!("{} ({})", dates::long(d), dates::relative(today, d)))
            .unwrap_or_else(|| "not set".into())
    };
    let base = format!("/accounts/{}", id.0);
    view! {
        <section class="page">
            <p class="crumbs"><a href="/">"Portfolio"</a>" / "{name}</p>
            <header class="account-head">
                <p class="print-only print-audience">"Internal: not for the customer."</p>
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
                <mid_cycle::TouchLine/>
                <stakeholders::ChurnFlag/>
                <crate::components::renewal_outcome::OutcomeNotice/>
            </header>
            <save_plan::SavePlanNotice/>
            <mid_cycle::MidCycleNotice/>
            <nav class="tabs" aria-label="Account sections">
                {TABS.iter().map(|(path, label)| {
                    let href = if path.is_empty() { base.clone() } else { format!("{base}/{path}") };
                    view! { <A href=href exact=true>{*label}</A> }
                }).collect_view()}
            </nav>
            <Outlet/>
        </section>
    }
}

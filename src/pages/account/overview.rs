//! The Overview tab: the account's fields, editable, and delete with undo.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::current_account;
use crate::components::account_form::{AccountForm, FormMode};
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
            let name = crate::domain::text::isolate(&removed.account.fields.name);
            app.show_toast(format!("Deleted {name}."), Some(removed));
            navigate("/", Default::default());
        }
    };
    view! {
        <AccountForm mode=FormMode::Edit(id) initial=initial/>
        <div class="danger-zone">
            <button class="btn btn-danger" on:click=delete>"Delete account"</button>
            <span class="hint">"You can undo for a few seconds after."</span>
        </div>
    }
}

use leptos::prelude::*;

use crate::components::account_form::{AccountForm, FormMode};
use crate::domain::AccountFields;

#[component]
pub fn NewAccountPage() -> impl IntoView {
    view! {
        <section class="page narrow">
            <p class="crumbs"><a href="/">"Portfolio"</a>" / New account"</p>
            <h1>"New account"</h1>
            <p class="lede">"Only the name is required; fill in the rest now or later."</p>
            <AccountForm mode=FormMode::Create initial=AccountFields::default()/>
        </section>
    }
}

//! The owner names of the workspace as a `<datalist>`, so every owner input suggests the
//! names already used (docs/account-depth.md#owners). Put one on the page and give the
//! input `list="owner-names"`.

use leptos::prelude::*;

use crate::domain::owners;
use crate::state::use_app;

/// The id inputs point their `list` attribute at.
pub const OWNER_LIST_ID: &str = "owner-names";

#[component]
pub fn OwnerNames() -> impl IntoView {
    let app = use_app();
    let names = Memo::new(move |_| app.ws.with(owners::names));
    view! {
        <datalist id=OWNER_LIST_ID>
            {move || names.get().into_iter().map(|n| view! { <option value=n/> }).collect_view()}
        </datalist>
    }
}

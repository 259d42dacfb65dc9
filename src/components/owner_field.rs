//! The owner names of the workspace as a `<datalist>`, so every owner input suggests the
//! names already used (docs/account-depth.md#owners). Put one on the page and give the
//! input `list="owner-names"`. Also the owner filter a page keeps in its address
//! ([`OwnerSelect`], [`owner_in_address`]).

use leptos::prelude::*;

use crate::components::form::{Field, Select};
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

/// The owner a page address names, spelled as the workspace spells it (a link typed in
/// lower case shows the name as written elsewhere).
pub fn owner_in_address<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Option<String> {
    let app = use_app();
    owners::owner_from_pairs(pairs).map(|o| {
        app.ws
            .with_untracked(|w| owners::spelled(&owners::names(w), &o))
    })
}

/// A select of the workspace's owners, "All owners" first, for a page's owner filter. The
/// chosen owner is kept even when no record names them any more, so the select never
/// silently changes the filter.
#[component]
pub fn OwnerSelect(
    id: &'static str,
    hint: &'static str,
    #[prop(into)] chosen: Signal<Option<String>>,
    on_choose: Callback<Option<String>>,
) -> impl IntoView {
    let app = use_app();
    let names = Memo::new(move |_| app.ws.with(owners::names));
    // The select's value: the chosen owner, "" for all.
    let owner = RwSignal::new(chosen.get_untracked().unwrap_or_default());
    Effect::new(move |_| {
        let o = chosen.get().unwrap_or_default();
        if owner.with_untracked(|cur| *cur != o) {
            owner.set(o);
        }
    });
    let choose = Callback::new(move |()| {
        let o = owner.get_untracked();
        on_choose.run((!o.trim().is_empty()).then(|| o.trim().to_string()));
    });
    let options = Memo::new(move |_| {
        let mut names = names.get();
        let chosen = owner.get();
        let key = owners::owner_key(&chosen);
        if !key.is_empty() && !names.iter().any(|n| owners::owner_key(n) == key) {
            names.push(chosen.trim().to_string());
        }
        std::iter::once((String::new(), "All owners".to_string()))
            .chain(names.into_iter().map(|n| (n.clone(), n)))
            .collect::<Vec<_>>()
    });
    view! {
        <Field id=id label="Owner" class="inline" hint=hint>
            <Select value=owner options=options on_change=choose/>
        </Field>
    }
}

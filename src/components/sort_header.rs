//! A sortable column header: a button in a `<th>` with `aria-sort`. The first click on a
//! column sorts it ascending, the next click flips it. Shared by every sortable table.

use leptos::prelude::*;

/// `sort` holds the sorted column and whether the order is ascending.
pub fn sort_header<K>(
    sort: Signal<(K, bool)>,
    set_sort: Callback<(K, bool)>,
    key: K,
    label: &'static str,
    numeric: bool,
) -> impl IntoView
where
    K: Copy + PartialEq + Send + Sync + 'static,
{
    let aria = move || {
        let (k, asc) = sort.get();
        if k != key {
            "none"
        } else if asc {
            "ascending"
        } else {
            "descending"
        }
    };
    view! {
        <th scope="col" class:num=numeric aria-sort=aria>
            <button type="button" class="sort" on:click=move |_| {
                let (k, asc) = sort.get_untracked();
                set_sort.run(if k == key { (k, !asc) } else { (key, true) });
            }>
                {label}
                <span class="sort-mark" aria-hidden="true">{move || match aria() {
                    "ascending" => "▲", "descending" => "▼", _ => "",
                }}</span>
            </button>
        </th>
    }
}

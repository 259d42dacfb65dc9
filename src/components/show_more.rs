//! The one way a long list is drawn a part at a time: its first [`STEP`] items, then
//! [`STEP`] more at each press of "Show more", the focus moved to the first item the press
//! drew (docs/this-week.md#long-lists). A list of thousands of items drawn whole took
//! seconds to open and to leave (the week of 1,000 accounts: about 6,000 items, 96,000
//! elements).

use leptos::prelude::*;

use crate::components::form::focus_soon;
use crate::domain::grouped;

/// How many items a long list draws at first, and how many more each press draws.
pub const STEP: usize = 25;

/// How many items each of a page's `N` long lists shows: [`STEP`] at first, and [`STEP`]
/// again for all of them when what `restart` reads changes (another owner chosen).
pub fn shown_counts<const N: usize>(restart: impl Fn() + 'static) -> [RwSignal<usize>; N] {
    let shown: [RwSignal<usize>; N] = std::array::from_fn(|_| RwSignal::new(STEP));
    Effect::new(move |first: Option<()>| {
        restart();
        if first.is_some() {
            for n in shown {
                n.set(STEP);
            }
        }
    });
    shown
}

/// Under a list drawn a part at a time: how many of how many are shown, and a button that
/// draws [`STEP`] more. Nothing when every item is drawn. `list_id` is the id of the `ul`
/// or `ol` whose items (`li`, one per item) are drawn; after a press the focus goes to the
/// first link or button of the first new item.
#[component]
pub fn ShowMore(
    #[prop(into)] list_id: String,
    total: Signal<usize>,
    shown: RwSignal<usize>,
    /// What the items are, plural: "overdue items".
    noun: &'static str,
) -> impl IntoView {
    let more = move || total.get().saturating_sub(shown.get()).min(STEP);
    view! {
        <Show when=move || { more() > 0 }>
            <p class="show-more">
                <span>{move || format!("Showing {} of {} {noun}.", grouped(shown.get()), grouped(total.get()))}</span>
                <button type="button" class="btn btn-small" aria-controls=list_id.clone() on:click={
                    let list_id = list_id.clone();
                    move |_| {
                        let first_new = shown.get_untracked() + 1;
                        shown.update(|n| *n += STEP);
                        focus_soon(format!(
                            "#{list_id} > li:nth-child({first_new}) :is(a, button)"
                        ));
                    }
                }>{move || format!("Show {} more", grouped(more()))}</button>
            </p>
        </Show>
    }
}

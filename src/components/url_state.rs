//! A page's choices kept in its address (filters, sort, period), so Back and bookmarks
//! restore them. The address is the source: the page gets a signal that follows it, and
//! every change to the signal replaces the current history entry (Back leaves the page
//! instead of stepping through each keystroke). The page's query type reads and writes
//! its own pairs; that rule lives in the domain and is tested natively.
//!
//! The address is written after the change is painted (`browser::after_paint`), at most
//! once a frame and always with the latest state: replacing the history entry and the
//! router's own update take longer than a frame at 1,000 accounts, and the table need not
//! wait for them.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;

/// A signal of `Q` kept in step with the address of the page at `path`. `read` builds `Q`
/// from the address's pairs; `write` gives the pairs for `Q` (an empty list for defaults).
pub fn use_url_state<Q, R, W>(path: &'static str, read: R, write: W) -> RwSignal<Q>
where
    Q: Clone + PartialEq + Send + Sync + 'static,
    R: for<'a> Fn(&mut dyn Iterator<Item = (&'a str, &'a str)>) -> Q
        + Clone
        + Send
        + Sync
        + 'static,
    W: Fn(&Q) -> Vec<(&'static str, String)> + Send + Sync + 'static,
{
    let url = use_query_map();
    let location = use_location();
    let from_url = {
        let read = read.clone();
        move |m: &ParamsMap| read(&mut m.into_iter().map(|(k, v)| (k.as_ref(), v)))
    };
    let state = RwSignal::new(url.with_untracked(&from_url));
    {
        let from_url = from_url.clone();
        Effect::new(move |_| {
            let q = url.with(&from_url);
            if state.with_untracked(|s| *s != q) {
                state.set(q);
            }
        });
    }
    let navigate = use_navigate();
    // Writes the latest state into the address unless it is there already (or the user
    // has left the page meanwhile).
    let write_address = move || {
        let Some(q) = state.try_get_untracked() else {
            return;
        };
        let on_page = location
            .pathname
            .try_with_untracked(|p| p == path)
            .unwrap_or(false);
        if on_page && url.try_with_untracked(&from_url).is_some_and(|u| u != q) {
            let map: ParamsMap = write(&q).into_iter().collect();
            navigate(
                &format!("{path}{}", map.to_query_string()),
                NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..Default::default()
                },
            );
        }
    };
    let write_address = Rc::new(write_address);
    let queued = Rc::new(Cell::new(false));
    // The write runs under the page's owner, so a `read` that uses the app's context
    // (the owner filters spell a name as the workspace does) finds it. The effect holds it
    // weakly: the effect belongs to the page, and a strong hold would keep the page (its
    // nodes, effects and cleanups) alive after it is left.
    let owner = Owner::current().map(|o| o.downgrade());
    Effect::new(move |_| {
        state.track();
        if queued.replace(true) {
            return;
        }
        let (queued, write_address, owner) = (queued.clone(), write_address.clone(), owner.clone());
        crate::browser::after_paint(move || {
            queued.set(false);
            match owner.and_then(|o| o.upgrade()) {
                Some(owner) => owner.with(|| write_address()),
                None => write_address(),
            }
        });
    });
    state
}

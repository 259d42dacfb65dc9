//! A page's choices kept in its address (filters, sort, period), so Back and bookmarks
//! restore them. The address is the source: the page gets a signal that follows it, and
//! every change to the signal replaces the current history entry (Back leaves the page
//! instead of stepping through each keystroke). The page's query type reads and writes
//! its own pairs; that rule lives in the domain and is tested natively.
//!
//! The address is written after the change is painted (`browser::after_paint`), always
//! with the latest state: replacing the history entry and the router's own update take
//! longer than a frame at 1,000 accounts, and the table need not wait for them. And it is
//! written at most once every [`WRITE_GAP_MS`]: browsers limit how often a page may change
//! its history (Safari refuses the hundredth change within thirty seconds with an exception,
//! which the router does not catch; Chromium drops changes that come too fast), and typing
//! in a filter changes the state at every key. A change made while the last write is that
//! recent waits for the gap to pass, so the address is at most that late.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;

/// The shortest time between two writes of the address, in milliseconds: 75 in thirty
/// seconds at most, while a user types.
pub const WRITE_GAP_MS: f64 = 400.0;

thread_local! {
    /// When the address was last written by any page (`browser::monotonic_ms`).
    static LAST_WRITE: Cell<Option<f64>> = const { Cell::new(None) };
}

/// How long a write asked for at `now` waits: nothing when the last one is at least
/// [`WRITE_GAP_MS`] old, else the rest of the gap (never more, whatever the clocks say).
pub fn wait_before_write(last: Option<f64>, now: f64) -> f64 {
    last.map_or(0.0, |last| {
        (last + WRITE_GAP_MS - now).clamp(0.0, WRITE_GAP_MS)
    })
}

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
            LAST_WRITE.with(|t| t.set(Some(crate::browser::monotonic_ms())));
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
            let write = move || {
                queued.set(false);
                match owner.and_then(|o| o.upgrade()) {
                    Some(owner) => owner.with(|| write_address()),
                    None => write_address(),
                }
            };
            let wait =
                wait_before_write(LAST_WRITE.with(Cell::get), crate::browser::monotonic_ms());
            if wait > 0.0 {
                set_timeout(write, std::time::Duration::from_secs_f64(wait / 1000.0));
            } else {
                write();
            }
        });
    });
    state
}

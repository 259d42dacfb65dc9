//! Offline use and updates (docs/offline.md): registers the service worker (`/sw.js`,
//! written for each build by `scripts/offline.mjs`), and when a newer build has been
//! downloaded while this page runs, says so with a Reload button. The new build takes over
//! only when the user reloads, so a page never mixes files of two builds.

use std::sync::atomic::{AtomicBool, Ordering};

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// How often an open page asks whether a new build is out (the browser also asks on each
/// page load).
const UPDATE_CHECK_MS: i32 = 30 * 60 * 1000;

/// Set when the user asked for the new version: the page reloads once it has taken over
/// (and not when the first build takes over a first visit).
static RELOADING: AtomicBool = AtomicBool::new(false);

/// The service worker container, or None where the browser has none (an insecure origin,
/// a private window of some browsers, an old browser).
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = window().navigator();
    let sw = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker")).ok()?;
    (!sw.is_undefined() && !sw.is_null()).then(|| sw.unchecked_into())
}

/// Whether a service worker serves this page: every module of the build is then in its
/// cache, and fetching one costs no download.
pub fn controlled() -> bool {
    container().and_then(|c| c.controller()).is_some()
}

/// Registers the worker and calls `ready` when a new build waits to take over. On the
/// first visit there is no controller yet: the installed worker is this build, not news.
fn register(ready: impl Fn() + Clone + 'static) {
    let Some(sw) = container() else { return };
    let on_change = Closure::<dyn Fn()>::new(move || {
        if RELOADING.load(Ordering::Relaxed) {
            let _ = window().location().reload();
        }
    });
    sw.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(reg) = wasm_bindgen_futures::JsFuture::from(sw.register("/sw.js")).await else {
            return;
        };
        // Checked, not assumed: where workers are blocked, some browsers resolve with
        // nothing at all.
        let Ok(reg) = reg.dyn_into::<ServiceWorkerRegistration>() else {
            return;
        };
        if reg.waiting().is_some() && controlled() {
            ready();
        }
        let reg2 = reg.clone();
        let on_found = Closure::<dyn Fn()>::new(move || {
            let Some(installing) = reg2.installing() else {
                return;
            };
            let worker = installing.clone();
            let ready = ready.clone();
            let on_state = Closure::<dyn Fn()>::new(move || {
                if worker.state() == ServiceWorkerState::Installed && controlled() {
                    ready();
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        reg.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
        let check = Closure::<dyn Fn()>::new(move || {
            // Offline, the check fails quietly; the next one tries again.
            if let Ok(p) = reg.update() {
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
                });
            }
        });
        let _ = window().set_interval_with_callback_and_timeout_and_arguments_0(
            check.as_ref().unchecked_ref(),
            UPDATE_CHECK_MS,
        );
        check.forget();
    });
}

/// Hands over to the waiting build; the page reloads when it has taken over. Without a
/// waiting worker (another tab already switched), a plain reload gets the new build.
fn switch() {
    RELOADING.store(true, Ordering::Relaxed);
    wasm_bindgen_futures::spawn_local(async move {
        let waiting = match container() {
            Some(sw) => wasm_bindgen_futures::JsFuture::from(sw.get_registration())
                .await
                .ok()
                .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok())
                .and_then(|r| r.waiting()),
            None => None,
        };
        match waiting {
            Some(w) => {
                let _ = w.post_message(&JsValue::from_str("activate"));
            }
            None => {
                let _ = window().location().reload();
            }
        }
    });
}

/// The notice shown when a new version is ready: mounted beside the app, on every page.
#[component]
pub fn NewVersion() -> impl IntoView {
    let ready = RwSignal::new(false);
    register(move || ready.set(true));
    view! {
        <Show when=move || ready.get()>
            <div class="new-version" role="status" aria-live="polite">
                <p>"A new version of the planner is ready. Reload to use it; your data stays as it is."</p>
                <button class="btn btn-primary" type="button" on:click=move |_| switch()>"Reload"</button>
            </div>
        </Show>
    }
}

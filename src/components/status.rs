//! Save status, the unreadable-storage banner, the demo banner and the toast.

use leptos::prelude::*;

use crate::browser;
use crate::state::{use_app, SaveStatus};
use crate::storage;

#[component]
pub fn SaveIndicator() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="save-indicator" role="status" aria-live="polite">
            {move || match app.save_status.get() {
                SaveStatus::Saved => view! { <span class="saved">"Saved in this browser"</span> }.into_any(),
                SaveStatus::Pending => view! { <span class="pending">"Saving…"</span> }.into_any(),
                SaveStatus::Failed(e) => view! {
                    <span class="failed">{format!("Not saved: {e}. Export your data to keep it.")}</span>
                }.into_any(),
            }}
        </div>
    }
}

/// Shown when storage held a value this app could not read at start.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let app = use_app();
    view! {
        <Show when=move || app.unreadable.with(Option::is_some)>
            <div class="banner banner-danger" role="alert">
                <p>
                    <strong>"The saved workspace could not be read. "</strong>
                    {move || app.unreadable.get().unwrap_or_default()}
                </p>
                <p>"A copy of the saved data was kept untouched. Download it before you go on, or import a file you exported earlier."</p>
                <div class="actions">
                    <button class="btn" on:click=move |_| {
                        if let Some(raw) = storage::unreadable_copy() {
                            let _ = browser::download("account-planner-unreadable.json", "application/json", &raw);
                        }
                    }>"Download the unreadable copy"</button>
                    <button class="btn btn-quiet" on:click=move |_| {
                        storage::forget_unreadable_copy();
                        app.unreadable.set(None);
                    }>"Dismiss and delete the copy"</button>
                </div>
            </div>
        </Show>
    }
}

#[component]
pub fn ToastHost() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="toast-host" aria-live="polite">
            {move || app.toast.get().map(|t| {
                let undo = t.undo.clone();
                view! {
                    <div class="toast" role="status">
                        <span>{t.text.clone()}</span>
                        {undo.map(|removed| view! {
                            <button class="btn btn-small" on:click=move |_| {
                                let removed = removed.clone();
                                let name = crate::domain::text::isolate(&removed.account.fields.name);
                                app.ws.update(|w| w.undo_remove(removed));
                                app.show_toast(format!("Restored {name}."), None);
                            }>"Undo"</button>
                        })}
                        <button class="toast-close" aria-label="Close" on:click=move |_| app.toast.set(None)>"×"</button>
                    </div>
                }
            })}
        </div>
    }
}

//! Save status, the unreadable-storage banner, the demo banner and the toast.

use leptos::prelude::*;

use leptos_router::components::A;

use crate::state::{use_app, SaveStatus, StorageNotice};
use crate::storage::Side;

#[component]
pub fn SaveIndicator() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="save-indicator" role="status" aria-live="polite">
            {move || match app.save_status.get() {
                SaveStatus::Saved => view! { <span class="saved">"Saved in this browser"</span> }.into_any(),
                SaveStatus::Pending => view! { <span class="pending">"Saving…"</span> }.into_any(),
                SaveStatus::InMemory => view! { <span class="failed">"Not saved: kept in this tab only"</span> }.into_any(),
                SaveStatus::Failed(e) => view! {
                    <span class="failed">{format!("Not saved: {e}.")}</span>
                }.into_any(),
            }}
        </div>
    }
}

/// The storage a number of characters takes (two bytes each, as browsers count), in MB,
/// or in KB below 0.1 MB.
pub fn megabytes(chars: usize) -> String {
    let bytes = chars as f64 * 2.0;
    if bytes < 100_000.0 {
        format!("{} KB", (bytes / 1000.0).ceil() as u64)
    } else {
        format!("{:.1} MB", bytes / 1_000_000.0)
    }
}

/// The browser's own words, quoted, as a full sentence.
fn said(why: &str) -> String {
    let why = why.trim().trim_end_matches('.');
    format!("The browser said: \u{201c}{why}.\u{201d}")
}

fn reload() {
    let _ = window().location().reload();
}

/// Storage problems, under the top bar: what happened and what to do.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let app = use_app();
    let notice = move || {
        match app.notice.get() {
        StorageNotice::None => ().into_any(),
        StorageNotice::Blocked(why) => view! {
            <div class="banner banner-danger" role="alert" id="storage-blocked">
                <p><strong>"This browser does not let the planner keep your data. "</strong>{said(&why)}</p>
                <p>"You can work as usual, but everything stays in this tab only and is lost when you close it. Before you leave, use Export on the Data page to keep a file. To keep data in the browser, allow this site to store data (or leave private browsing) and reload."</p>
                <div class="actions"><A href="/data" attr:class="btn">"Go to Export"</A></div>
            </div>
        }.into_any(),
        StorageNotice::ReadFailed(why) => view! {
            <div class="banner banner-danger" role="alert" id="storage-read-failed">
                <p><strong>"The planner could not read your saved data. "</strong>{said(&why)}</p>
                <p>"Nothing stored was changed, and this tab will not save anything, so your saved data stays as it is. Reload the page to try again."</p>
                <div class="actions"><button class="btn btn-primary" on:click=move |_| reload()>"Reload"</button></div>
            </div>
        }.into_any(),
        StorageNotice::Full { needed, unreadable } => view! {
            <div class="banner banner-danger" role="alert" id="storage-full">
                <p><strong>"Not saved: this browser's storage for the planner is full. "</strong>
                    {format!("Your workspace needs about {} of storage. Your last save is kept as it was.", megabytes(needed))}</p>
                <p>{if unreadable > 0 {
                    format!("Export your workspace on the Data page now to keep this work. Then make room: discard the unreadable copy kept on the Data page ({}), or remove accounts or old check-ins you no longer need.", megabytes(unreadable))
                } else {
                    "Export your workspace on the Data page now to keep this work. Then make room: remove accounts or old check-ins you no longer need, or clear other data this site keeps in the browser.".to_string()
                }}</p>
                <div class="actions"><A href="/data" attr:class="btn">"Go to Export"</A></div>
            </div>
        }.into_any(),
        StorageNotice::WriteFailed(why) => view! {
            <div class="banner banner-danger" role="alert" id="storage-write-failed">
                <p><strong>"Not saved: the browser refused to store your changes. "</strong>{said(&why)}</p>
                <p>"Your last save is kept as it was. Export your workspace on the Data page to keep this work; the planner tries again at your next change."</p>
            </div>
        }.into_any(),
        StorageNotice::WriterNotLoaded => view! {
            <div class="banner banner-danger" role="alert" id="storage-writer-not-loaded">
                <p><strong>"Not saved: the part of the planner that saves your work did not load, most likely because the connection dropped. "</strong></p>
                <p>"Your changes are in this tab only, and what was saved before is kept as it was. Keep this tab open: the planner tries again at your next change and as soon as the connection is back."</p>
            </div>
        }.into_any(),
        StorageNotice::Newer => view! {
            <div class="banner banner-danger" role="alert" id="storage-newer">
                <p><strong>"A newer version of the planner saved your data, in another tab or window. "</strong></p>
                <p>"This tab runs an older version, so it has stopped saving to keep from overwriting that. Reload this page to use the newer version."</p>
                <div class="actions"><button class="btn btn-primary" on:click=move |_| reload()>"Reload"</button></div>
            </div>
        }.into_any(),
        StorageNotice::Conflict(names) => {
            let n = names.len();
            let list = names.iter().map(|n| crate::domain::text::isolate(n)).collect::<Vec<_>>().join(", ");
            view! {
                <div class="banner banner-danger" role="alert" id="storage-conflict">
                    <p><strong>{format!("Another tab saved changes to {list} while you were changing {} here.", if n == 1 { "it" } else { "them" })}</strong></p>
                    <p>"Both cannot be kept. Choose which version to keep; the other tab's changes to anything else are kept either way. Nothing is saved until you choose."</p>
                    <div class="actions">
                        <button class="btn btn-primary" on:click=move |_| app.sync_now(Some(Side::Mine))>"Keep this tab's version"</button>
                        <button class="btn" on:click=move |_| app.sync_now(Some(Side::Theirs))>"Use the other tab's version"</button>
                    </div>
                </div>
            }.into_any()
        }
        StorageNotice::OtherTabUnreadable(why) => view! {
            <div class="banner banner-danger" role="alert" id="storage-other-unreadable">
                <p><strong>"Another tab saved data this tab cannot read. "</strong>{format!("What is wrong: {why}.")}</p>
                <p>"This tab has stopped saving so it does not overwrite it. Export your workspace on the Data page to keep this tab's work, then reload the page."</p>
            </div>
        }.into_any(),
    }
    };
    let download_error = RwSignal::new(None::<String>);
    view! {
        {notice}
        <Show when=move || app.unreadable.with(|u| u.as_ref().is_some_and(|u| !u.kept))>
            <div class="banner banner-danger" role="alert" id="storage-unreadable">
                <p>
                    <strong>"The saved workspace could not be read. "</strong>
                    {move || app.unreadable.get().map(|u| format!("What is wrong: {}.", u.error.trim_end_matches('.'))).unwrap_or_default()}
                </p>
                <p>"There is no room in this browser's storage to keep it aside, so the planner saves nothing until you download it or start fresh. You can look around meanwhile; changes are not kept."</p>
                <div class="actions">
                    <button class="btn btn-primary" on:click=move |_| download_error.set(app.download_unreadable().err())>"Download the unreadable data"</button>
                    <A href="/data#unreadable" attr:class="btn">"Start fresh…"</A>
                </div>
                <p class="field-error">{move || download_error.get()}</p>
            </div>
        </Show>
        <Show when=move || app.unreadable.with(|u| u.as_ref().is_some_and(|u| u.kept))>
            <div class="banner banner-danger" role="alert" id="storage-unreadable-kept">
                <p>
                    <strong>"The saved workspace could not be read. "</strong>
                    {move || app.unreadable.get().map(|u| format!("What is wrong: {}.", u.error.trim_end_matches('.'))).unwrap_or_default()}
                </p>
                <p>"It is kept untouched in this browser. Download it from the Data page before you go on, or import a file you exported earlier. It stays there until you discard it."</p>
                <div class="actions"><A href="/data#unreadable" attr:class="btn">"Open the Data page"</A></div>
            </div>
        </Show>
    }
}

#[component]
pub fn ToastHost() -> impl IntoView {
    let app = use_app();
    let hold = move |on: bool| app.toast_held.set(on);
    view! {
        <div class="toast-host" aria-live="polite">
            {move || app.toast.get().map(|t| {
                let undo = t.undo.clone();
                view! {
                    <div class="toast" role="status"
                        on:mouseenter=move |_| hold(true) on:mouseleave=move |_| hold(false)
                        on:focusin=move |_| hold(true) on:focusout=move |_| hold(false)>
                        <span>{t.text.clone()}</span>
                        {undo.map(|undo| view! {
                            <button class="btn btn-small" on:click=move |_| {
                                app.toast_held.set(false);
                                app.toast.set(None);
                                undo();
                            }>"Undo"</button>
                        })}
                        <button class="toast-close" aria-label="Close" on:click=move |_| {
                            app.toast_held.set(false);
                            app.toast.set(None);
                        }>"×"</button>
                    </div>
                }
            })}
        </div>
    }
}

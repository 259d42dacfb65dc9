//! Opening a share link: when the page's URL carries `#share=...` (on any route), a panel
//! shows the shared account and offers to import it; a damaged link shows why. The
//! fragment is read once at start (and again if it changes while the app is open), and
//! removed from the address bar after an import or a dismiss.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::browser;
use crate::components::shared_account::SharedAccountPreview;
use crate::format::share::{decode_share_link, payload_of, SharedAccount};

/// What the current URL fragment holds.
fn read_fragment() -> Option<Result<SharedAccount, String>> {
    let hash = browser::location_hash();
    payload_of(&hash)?;
    Some(decode_share_link(&hash).map_err(|e| e.to_string()))
}

#[component]
pub fn SharePanel() -> impl IntoView {
    let share = RwSignal::new(read_fragment());
    let on_hash = Closure::<dyn Fn()>::new(move || {
        if let Some(found) = read_fragment() {
            share.set(Some(found));
        }
    });
    let _ =
        window().add_event_listener_with_callback("hashchange", on_hash.as_ref().unchecked_ref());
    on_hash.forget(); // lives as long as the app
    let close = move || {
        browser::clear_hash();
        share.set(None);
    };
    move || {
        share.get().map(|found| match found {
            Ok(shared) => view! {
                <section class="card share-panel" aria-labelledby="share-title">
                    <h2 id="share-title">"Someone shared an account with you"</h2>
                    <p class="hint">"It came inside the link: no server saw it. Nothing is added until you choose below."</p>
                    <SharedAccountPreview shared=shared source="a share link" on_done=move |_| close()/>
                </section>
            }
            .into_any(),
            Err(message) => view! {
                <section class="card share-panel share-refused" role="alert" aria-labelledby="share-title">
                    <h2 id="share-title">"This share link could not be opened"</h2>
                    <p class="import-error">{message}</p>
                    <p>"Your workspace is unchanged."</p>
                    <button type="button" class="btn" on:click=move |_| close()>"Dismiss"</button>
                </section>
            }
            .into_any(),
        })
    }
}

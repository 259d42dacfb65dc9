//! Share links and share controls.
//!
//! Opening a link: when the page's URL carries `#share=...` (on any route), the read-only
//! view of the shared account takes the place of the page ([`SharePanel`]); a damaged link
//! shows why, above the page. The fragment is read once at start (and again if it changes
//! while the app is open), and removed from the address bar when the view is closed or
//! after an import.
//!
//! Making one: [`ShareAccount`] offers the two kinds side by side, each as a link and as
//! a file, so the user always chooses who it is for: a colleague (the whole account, with
//! a warning that internal notes are included) or the customer (the customer copy only).

use chrono::NaiveDate;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::browser;
use crate::components::shared_view::SharedAccountView;
use crate::format::share::{
    account_file_name, decode_share_link, encode_account, payload_of, share_link, ShareKind,
    SharedAccount,
};
use crate::state::use_app;

/// What the URL fragment holds: nothing, a shared account, or why it could not be read.
/// The link's reader and the shared account's page are code fetched the first time a link
/// is opened (docs/build.md).
#[derive(Clone, Copy)]
pub struct FragmentShare(
    pub RwSignal<Option<Result<SharedAccount, String>>>,
    ShareState,
);

/// The share module once fetched, and whether a link is being read.
#[derive(Clone, Copy)]
pub struct ShareState {
    code: RwSignal<Option<ShareCode>>,
    fetching: RwSignal<bool>,
    opening: RwSignal<bool>,
}

/// The functions of the share module (fetched on first use).
#[derive(Clone, Copy)]
struct ShareCode {
    read: fn(&str, NaiveDate) -> Result<SharedAccount, String>,
    view: fn(SharedAccount, Callback<()>) -> AnyView,
}

/// The message when the share module could not be fetched.
const NOT_LOADED: &str = "The part of the planner that opens shared accounts did not load, \
    most likely because the connection dropped. Reload the page once you are online to open it.";

fn read_link(link: &str, today: NaiveDate) -> Result<SharedAccount, String> {
    decode_share_link(link, today).map_err(|e| e.to_string())
}

fn shared_page(shared: SharedAccount, on_close: Callback<()>) -> AnyView {
    view! { <SharedAccountView shared=shared source="a share link" on_close=on_close/> }.into_any()
}

lazy_fn! { in share_link;
    /// The link reader and the read-only page of a shared account.
    fn share_code() -> ShareCode {
        ShareCode {
            read: read_link,
            view: shared_page,
        }
    }
}

impl FragmentShare {
    /// True while a shared account is shown or a link is being opened (the page behind it
    /// is hidden).
    pub fn is_showing(self) -> bool {
        self.1.opening.get() || self.0.with(|s| matches!(s, Some(Ok(_))))
    }

    /// Fetches the share module once (and the pages' stylesheet), then runs `then` with it;
    /// when either cannot be fetched, the panel says so (nothing else changes).
    fn with_code(self, then: impl FnOnce(ShareCode) + 'static) {
        if let Some(code) = self.1.code.get_untracked() {
            then(code);
            return;
        }
        if self.1.fetching.get_untracked() {
            return;
        }
        self.1.fetching.set(true);
        leptos::task::spawn_local(async move {
            // The read-only page's rules are in the stylesheet of the pages loaded on
            // demand: asked for beside the code (docs/build.md#styles-on-demand).
            let styles = browser::later_styles();
            let code = share_code().await;
            let styles = styles.await;
            self.1.fetching.set(false);
            match code.map_err(|_| ()).and_then(|code| styles.map(|()| code)) {
                Ok(code) => {
                    self.1.code.set(Some(code));
                    then(code);
                }
                Err(_) => {
                    self.1.opening.set(false);
                    self.0.set(Some(Err(NOT_LOADED.to_string())));
                }
            }
        });
    }

    /// Reads the link in the current URL fragment, if it holds one.
    fn read_fragment(self) {
        let hash = browser::location_hash();
        if payload_of(&hash).is_none() {
            return;
        }
        self.1.opening.set(true);
        self.with_code(move |code| {
            self.0.set(Some((code.read)(&hash, browser::today())));
            self.1.opening.set(false);
        });
    }
}

/// Reads the fragment now and on every change, and provides it as context.
pub fn provide_fragment_share() -> FragmentShare {
    let share = FragmentShare(
        RwSignal::new(None),
        ShareState {
            code: RwSignal::new(None),
            fetching: RwSignal::new(false),
            opening: RwSignal::new(false),
        },
    );
    share.read_fragment();
    let on_hash = Closure::<dyn Fn()>::new(move || share.read_fragment());
    let _ =
        window().add_event_listener_with_callback("hashchange", on_hash.as_ref().unchecked_ref());
    on_hash.forget(); // lives as long as the app
    provide_context(share);
    share
}

#[component]
pub fn SharePanel() -> impl IntoView {
    let share = expect_context::<FragmentShare>();
    let found = share.0;
    let close = move || {
        browser::clear_hash();
        found.set(None);
    };
    let on_close = Callback::new(move |()| close());
    move || {
        if share.1.opening.get() {
            return Some(opening().into_any());
        }
        found.get().map(|found| match found {
            // An account file opened on the Data page comes here too.
            Ok(shared) => match share.1.code.get() {
                Some(code) => (code.view)(shared, on_close),
                None => {
                    share.with_code(|_| {});
                    opening().into_any()
                }
            },
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

/// While the share module is fetched.
fn opening() -> impl IntoView {
    view! { <p class="share-opening" role="status">"Opening the shared account…"</p> }
}

/// The button that opens [`ShareBox`] (placed with the page's other tools).
#[component]
pub fn ShareToggle(open: RwSignal<bool>) -> impl IntoView {
    view! {
        <button type="button" class="btn" aria-expanded=move || open.get().to_string()
            aria-controls="share-box" on:click=move |_| open.update(|o| *o = !*o)>"Share…"</button>
    }
}

/// The share controls of one account, while `open`: for a colleague or for the customer,
/// as a link (copied) or a file (downloaded). Nothing is made until one of the four
/// buttons is pressed.
#[component]
pub fn ShareBox(open: RwSignal<bool>) -> impl IntoView {
    let app = use_app();
    let account = crate::account_handle::use_account();
    let currency = crate::derived::use_workspace_wide().currency;
    let error = RwSignal::new(None::<String>);
    let fallback = RwSignal::new(None::<String>);

    let export = move |kind: ShareKind| {
        let now = browser::now_rfc3339();
        let currency = currency.get_untracked();
        let file = account.with_untracked(|a| {
            (
                account_file_name(kind, &a.fields.name, &now[..10]),
                encode_account(kind, a, &currency, Some(now.clone())),
                a.fields.name.clone(),
            )
        });
        let Some((file_name, text, name)) = file else {
            return;
        };
        match browser::download(&file_name, "application/json", &text) {
            Ok(()) => {
                error.set(None);
                app.show_toast(
                    match kind {
                        ShareKind::Colleague => format!("{name} exported for a colleague, internal notes included. They import it from the Data page."),
                        ShareKind::Customer => format!("Customer copy of {name} exported: goals, metrics, shared actions and QBRs, nothing internal."),
                    },
                    None,
                );
            }
            Err(e) => error.set(Some(format!("The file could not be made: {e}."))),
        }
    };
    let copy_link = move |kind: ShareKind| {
        let base = format!("{}/", browser::origin());
        let currency = currency.get_untracked();
        let link = account.with_untracked(|a| share_link(&base, kind, a, &currency));
        match link {
            None => {}
            Some(Err(e)) => {
                fallback.set(None);
                error.set(Some(e.to_string()));
            }
            Some(Ok(link)) => {
                error.set(None);
                wasm_bindgen_futures::spawn_local(async move {
                    match browser::copy_text(&link).await {
                        Ok(()) => {
                            fallback.set(None);
                            app.show_toast(
                                match kind {
                                    ShareKind::Colleague => "Link for a colleague copied. It holds the whole account, internal notes included: send it only inside your company.",
                                    ShareKind::Customer => "Link for the customer copied. It opens a read-only customer copy: goals, metrics, shared actions and QBRs.",
                                },
                                None,
                            );
                        }
                        Err(_) => {
                            fallback.set(Some(link));
                            request_animation_frame(|| browser::select_all_in("share-link-text"));
                        }
                    }
                });
            }
        }
    };

    view! {
        {move || open.get().then(|| view! {
            <div class="share-box" id="share-box" role="group" aria-label="Share this account">
                <div class="share-kind share-colleague">
                    <h3>"With a colleague"</h3>
                    <p class="note note-yellow"><span class="note-mark" aria-hidden="true">"!"</span>
                        "The whole account, internal notes included: people's sentiment and key risks, health, renewal work, notes. They can import it."</p>
                    <div class="actions">
                        <button type="button" class="btn" on:click=move |_| copy_link(ShareKind::Colleague)>"Copy link for a colleague"</button>
                        <button type="button" class="btn" on:click=move |_| export(ShareKind::Colleague)>"Export file for a colleague"</button>
                    </div>
                </div>
                <div class="share-kind share-customer">
                    <h3>"With the customer"</h3>
                    <p class="hint">"The customer copy only: goals, success metrics, shared actions and QBRs. Nothing internal. It opens read-only."</p>
                    <div class="actions">
                        <button type="button" class="btn" on:click=move |_| copy_link(ShareKind::Customer)>"Copy link for the customer"</button>
                        <button type="button" class="btn" on:click=move |_| export(ShareKind::Customer)>"Export file for the customer"</button>
                    </div>
                </div>
            </div>
        })}
        {move || error.get().map(|e| view! { <p class="field-error share-error" role="alert">{e}</p> })}
        {move || fallback.get().map(|link| view! {
            <div class="copy-fallback">
                <label for="share-link-text">"Copying was blocked by the browser. The link is selected below: press Ctrl+C (Cmd+C on a Mac)."</label>
                <textarea id="share-link-text" readonly rows="3" prop:value=link></textarea>
                <button type="button" class="btn btn-quiet btn-small" on:click=move |_| fallback.set(None)>"Close"</button>
            </div>
        })}
    }
}

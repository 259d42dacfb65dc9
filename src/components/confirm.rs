//! A two-step button: the first click asks, "Yes" acts, "Cancel" backs out. Used for every
//! action that replaces or removes work.
//!
//! Focus never falls to the page (docs/accessibility.md): when the question opens, the
//! cursor is on Cancel; after Cancel it is back on the button that asked; after Yes it is
//! back on that button when it is still on the page. When the action removed it (the
//! item is gone), the list it was in puts the focus on purpose (`item_editor`), or it goes
//! to `focus_after` when given.

use leptos::html;
use leptos::prelude::*;

use super::form::focus_soon;

#[component]
pub fn ConfirmButton(
    /// Text of the button that starts the action.
    #[prop(into)]
    label: String,
    /// The question shown before acting.
    #[prop(into)]
    question: Signal<String>,
    /// Text of the button that confirms.
    #[prop(into)]
    confirm_label: String,
    #[prop(optional)] danger: bool,
    #[prop(into)] on_confirm: Callback<()>,
    /// Where the focus goes after Yes when this button is gone (a CSS selector).
    #[prop(optional, into)]
    focus_after: Option<String>,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    let class = if danger { "btn btn-danger" } else { "btn" };
    let opener = NodeRef::<html::Button>::new();
    let cancel = NodeRef::<html::Button>::new();
    // Back on the opener once it is drawn again; when it is gone, on `focus_after`.
    let refocus = move |fallback: Option<String>| {
        request_animation_frame(move || match opener.try_get_untracked().flatten() {
            Some(el) if el.is_connected() => {
                let _ = el.focus();
            }
            _ => {
                if let Some(sel) = fallback {
                    focus_soon(sel);
                }
            }
        });
    };
    move || {
        if asking.get() {
            request_animation_frame(move || {
                if let Some(el) = cancel.get_untracked() {
                    let _ = el.focus();
                }
            });
            let focus_after = focus_after.clone();
            view! {
                <div class="confirm-ask" role="group" aria-label=label.clone()>
                    <p>{move || question.get()}</p>
                    <div class="actions">
                        <button class=class on:click=move |_| {
                            asking.set(false);
                            on_confirm.run(());
                            refocus(focus_after.clone());
                        }>{confirm_label.clone()}</button>
                        <button class="btn btn-quiet" node_ref=cancel on:click=move |_| {
                            asking.set(false);
                            refocus(None);
                        }>"Cancel"</button>
                    </div>
                </div>
            }
            .into_any()
        } else {
            view! { <button class=class node_ref=opener on:click=move |_| asking.set(true)>{label.clone()}</button> }
                .into_any()
        }
    }
}

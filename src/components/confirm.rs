//! A two-step button: the first click asks, "Yes" acts, "Cancel" backs out. Used for every
//! action that replaces or removes work.

use leptos::prelude::*;

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
) -> impl IntoView {
    let asking = RwSignal::new(false);
    let class = if danger { "btn btn-danger" } else { "btn" };
    move || {
        if asking.get() {
            view! {
                <div class="confirm-ask" role="group" aria-label=label.clone()>
                    <p>{move || question.get()}</p>
                    <div class="actions">
                        <button class=class on:click=move |_| {
                            asking.set(false);
                            on_confirm.run(());
                        }>{confirm_label.clone()}</button>
                        <button class="btn btn-quiet" on:click=move |_| asking.set(false)>"Cancel"</button>
                    </div>
                </div>
            }
            .into_any()
        } else {
            view! { <button class=class on:click=move |_| asking.set(true)>{label.clone()}</button> }
                .into_any()
        }
    }
}

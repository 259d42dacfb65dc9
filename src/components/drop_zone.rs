//! Dropping a file anywhere on the page starts an import: the app goes to the Data page,
//! where the import card shows what the file holds (or why it is refused).

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::state::use_app;

#[component]
pub fn DropZone(children: Children) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let dragging = RwSignal::new(false);
    let has_files = |ev: &web_sys::DragEvent| {
        ev.data_transfer()
            .map(|dt| dt.types().includes(&"Files".into(), 0))
            .unwrap_or(false)
    };
    view! {
        <div
            class="drop-zone"
            class:dragging=move || dragging.get()
            on:dragover=move |ev: web_sys::DragEvent| {
                if has_files(&ev) {
                    ev.prevent_default();
                    if !dragging.get_untracked() {
                        // The file readers' code starts loading while the file is carried.
                        crate::state::prepare_file_readers();
                        dragging.set(true);
                    }
                }
            }
            on:dragleave=move |ev: web_sys::DragEvent| {
                // Leaving to a child element also fires dragleave; only reset when the
                // pointer has left the window.
                if ev.client_x() <= 0 || ev.client_y() <= 0 {
                    dragging.set(false);
                }
            }
            on:drop=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                dragging.set(false);
                let file = ev.data_transfer().and_then(|dt| dt.files()).and_then(|fs| fs.get(0));
                if let Some(file) = file {
                    navigate("/data", Default::default());
                    app.start_import(file);
                }
            }
        >
            {children()}
            <div class="drop-hint" aria-hidden="true">"Drop a workspace file or a CSV from your CRM to import it"</div>
        </div>
    }
}

/// A button that picks one file (`accept`: the types offered); `on_file` gets it. The input
/// is emptied after each pick, so picking the same file again picks it again.
#[component]
pub fn FileButton(
    /// The button's text ("Choose a file…").
    label: &'static str,
    accept: &'static str,
    /// The input's name for screen readers ("Workspace file to import").
    aria_label: &'static str,
    #[prop(into)] on_file: Callback<web_sys::File>,
) -> impl IntoView {
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|fs| fs.get(0)) {
            on_file.run(file);
        }
        input.set_value("");
    };
    view! {
        <label class="btn file-btn">
            {label}
            <input type="file" accept=accept class="visually-hidden" aria-label=aria_label on:change=on_change/>
        </label>
    }
}

/// A file that was not imported: its name, why, that nothing changed, and Dismiss (after
/// the other ways out given as children, if any).
#[component]
pub fn ImportRefused(
    file_name: String,
    message: String,
    #[prop(into)] on_dismiss: Callback<()>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let dismiss = move || view! { <button class="btn btn-quiet" on:click=move |_| on_dismiss.run(())>"Dismiss"</button> };
    view! {
        <div class="import-result refused" role="alert">
            <p><strong>{format!("{file_name} was not imported.")}</strong></p>
            <p class="import-error">{message}</p>
            <p>"Your workspace is unchanged."</p>
            {match children {
                Some(more) => view! { <div class="actions">{more()}{dismiss()}</div> }.into_any(),
                None => dismiss().into_any(),
            }}
        </div>
    }
}

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
                    dragging.set(true);
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

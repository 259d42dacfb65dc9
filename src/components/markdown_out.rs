//! "Copy Markdown" and "Download .md" for a customer-ready document. When the browser
//! refuses the clipboard, the text is shown selected so Ctrl+C / Cmd+C finishes the job.

use leptos::prelude::*;

use crate::browser;
use crate::state::use_app;

/// The document to hand out: (file name, Markdown text), built when a button is pressed.
pub type MakeDoc = Callback<(), (String, String)>;

#[component]
pub fn MarkdownButtons(
    /// Builds the file name and the Markdown.
    make: MakeDoc,
    /// What the document is, for the toast and the labels: "plan", "QBR".
    what: &'static str,
    /// Unique id of the fallback text area.
    id: &'static str,
) -> impl IntoView {
    let app = use_app();
    let fallback = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let copy = move |_| {
        let (_, text) = make.run(());
        error.set(None);
        wasm_bindgen_futures::spawn_local(async move {
            match browser::copy_text(&text).await {
                Ok(()) => {
                    fallback.set(None);
                    app.show_toast(format!("The {what} is copied as Markdown."), None);
                }
                Err(_) => {
                    fallback.set(Some(text));
                    request_animation_frame(move || browser::select_all_in(id));
                }
            }
        });
    };
    let download = move |_| {
        let (name, text) = make.run(());
        match browser::download(&name, "text/markdown", &text) {
            Ok(()) => error.set(None),
            Err(e) => error.set(Some(format!("The file could not be made: {e}."))),
        }
    };
    view! {
        <button type="button" class="btn" on:click=copy>"Copy Markdown"</button>
        <button type="button" class="btn" on:click=download>"Download .md"</button>
        {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        {move || fallback.get().map(|text| view! {
            <div class="copy-fallback">
                <label for=id>
                    "Copying was blocked by the browser. The text is selected below: press Ctrl+C (Cmd+C on a Mac)."
                </label>
                <textarea id=id readonly rows="8" prop:value=text></textarea>
                <button type="button" class="btn btn-quiet btn-small" on:click=move |_| fallback.set(None)>"Close"</button>
            </div>
        })}
    }
}

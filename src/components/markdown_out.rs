//! Handing documents out (docs/audience.md): "Copy Markdown" and "Download .md", the
//! version picker (customer copy or internal), the preview of exactly what leaves, and the
//! printed document. When the browser refuses the clipboard, the text is shown selected so
//! Ctrl+C / Cmd+C finishes the job.

use leptos::prelude::*;

use crate::browser;
use crate::components::data_table::DataTable;
use crate::components::form::{Choice, Model, RadioGroup};
use crate::domain::audience::Audience;
use crate::format::markdown::{Block, Doc};
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
    /// Overrides `what` in the toast ("customer copy of the plan").
    #[prop(optional, into)]
    label: Option<Signal<String>>,
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
                    let what = label
                        .and_then(|l| l.try_get_untracked())
                        .unwrap_or_else(|| what.to_string());
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

/// The items of a text whose every line is a Markdown list item (`- x` or `* x`).
fn list_items(text: &str) -> Option<Vec<String>> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let items: Option<Vec<String>> = lines
        .iter()
        .map(|l| {
            l.strip_prefix("- ")
                .or_else(|| l.strip_prefix("* "))
                .map(|i| i.trim().to_string())
        })
        .collect();
    items.filter(|i| !i.is_empty())
}

/// Shows a document ([`Doc`]) as it will leave: the preview on screen and the print.
#[component]
pub fn DocView(doc: Doc) -> impl IntoView {
    let Doc {
        audience,
        title,
        lead,
        blocks,
    } = doc;
    view! {
        <article class="doc" data-audience=audience.key()>
            <h2 class="doc-title">{title}</h2>
            <p class="doc-lead"><em>{lead}</em></p>
            {blocks.into_iter().map(|b| match b {
                Block::Heading(h) => view! { <h3>{h}</h3> }.into_any(),
                Block::Subheading(h) => view! { <h4>{h}</h4> }.into_any(),
                Block::Facts(facts) => view! {
                    <ul class="doc-facts">
                        {facts.into_iter().map(|(l, v)| view! { <li><strong>{format!("{l}:")}</strong>" "{v}</li> }).collect_view()}
                    </ul>
                }.into_any(),
                Block::Text(t) => match list_items(&t) {
                    // Lines written as "- item" read as a list, as the Markdown renders them.
                    Some(items) => view! {
                        <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
                    }.into_any(),
                    None => view! { <p class="doc-text">{t.trim().to_string()}</p> }.into_any(),
                },
                Block::Note(n) => view! { <p class="doc-note"><em>{n}</em></p> }.into_any(),
                Block::List(items) => view! {
                    <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
                }.into_any(),
                Block::Table { head, rows } => head
                    .into_iter()
                    .enumerate()
                    .fold(DataTable::new("doc-table", rows), |t, (i, h)| {
                        t.col(h, move |r: &Vec<String>| r.get(i).map(|c| c.trim().to_string()))
                    })
                    .view(),
            }).collect_view()}
        </article>
    }
}

/// Hands a document out: pick the version (customer copy or internal), copy it as
/// Markdown, download it, print it, and preview exactly what leaves. The customer copy is
/// picked first. When this is on the page, the browser's print prints the picked document
/// only (style/print.css).
#[component]
pub fn DocumentOut(
    /// Builds the document for a version; read in a reactive scope, so the preview follows
    /// edits. `None` when there is nothing to hand out.
    make: Callback<Audience, Option<Doc>>,
    /// The file name for a version.
    file_name: Callback<Audience, String>,
    /// What the document is, for headings, toasts and labels: "plan", "QBR".
    what: &'static str,
    /// Unique prefix for element ids.
    id: &'static str,
) -> impl IntoView {
    let audience = RwSignal::new(Audience::Customer);
    let show_preview = RwSignal::new(false);
    let doc = Memo::new(move |_| make.run(audience.get()));
    let make_md = Callback::new(move |()| {
        let a = audience.get_untracked();
        (
            file_name.run(a),
            doc.get_untracked()
                .map(|d| d.markdown())
                .unwrap_or_default(),
        )
    });
    let what_md = move || match audience.get() {
        Audience::Customer => format!("customer copy of the {what}"),
        Audience::Internal => format!("internal {what}"),
    };
    let preview_id = format!("{id}-preview");
    let preview_label = move || {
        match audience.get() {
        Audience::Customer => "Preview of the customer copy: exactly what is copied, downloaded and printed. Nothing internal is in it.",
        Audience::Internal => "Preview of the internal version: the whole document, for colleagues only. Do not send it to the customer.",
    }
    };
    let audience_key = Model::new(
        move || audience.get().key().to_string(),
        move |k: String| {
            if let Some(a) = Audience::from_key(&k) {
                audience.set(a)
            }
        },
    );
    let audience_options = Audience::ALL
        .into_iter()
        .map(|a| Choice {
            value: a.key().to_string(),
            text: String::new(),
            lead: Some(a.label().to_string()),
            sub: Some(format!(
                " · {}",
                match a {
                    Audience::Customer => "only what the customer may see",
                    Audience::Internal => "everything, for colleagues",
                }
            )),
        })
        .collect::<Vec<_>>();
    view! {
        <section class="card doc-out" aria-labelledby=format!("{id}-title")>
            <div class="screen-only">
                <h2 id=format!("{id}-title")>{format!("Hand out the {what}")}</h2>
                <RadioGroup name=format!("{id}-audience") legend="Version" class="audience-pick"
                    value=audience_key options=audience_options/>
                <div class="actions" role="group" aria-label=format!("Hand out the {what}")>
                    <MarkdownButtons make=make_md what=what id=id label=Signal::derive(what_md)/>
                    <button type="button" class="btn" on:click=move |_| { let _ = window().print(); }>"Print"</button>
                    <button type="button" class="btn btn-quiet" aria-controls=preview_id.clone()
                        aria-expanded=move || show_preview.get().to_string()
                        on:click=move |_| show_preview.update(|s| *s = !*s)>
                        {move || if show_preview.get() { "Hide preview" } else { "Preview" }}
                    </button>
                </div>
            </div>
            <div id=preview_id class="doc-preview" class:collapsed=move || !show_preview.get()
                class:internal=move || audience.get() == Audience::Internal>
                <p class="doc-preview-label screen-only">{preview_label}</p>
                {move || doc.get().map(|d| {
                    let md = d.markdown();
                    view! {
                        <DocView doc=d/>
                        <details class="doc-markdown screen-only">
                            <summary>"The Markdown text, as copied and downloaded"</summary>
                            <pre>{md}</pre>
                        </details>
                    }
                })}
            </div>
        </section>
    }
}

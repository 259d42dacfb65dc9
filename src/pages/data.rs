//! Data: the workspace currency, export, import (picker or drop), clear and restore demo.

use crate::browser;
use crate::components::confirm::ConfirmButton;
use crate::components::drop_zone::{FileButton, ImportRefused};
use crate::components::form::{Field, FormErrors, TextInput};
use crate::components::share_link::FragmentShare;
use crate::components::shared_account::SharedAccountPreview;
use crate::domain::{plural, Currency};
use crate::format;
use crate::format::share::{self, ShareKind, SharedAccount};
use crate::state::{use_app, ImportState};
use leptos::prelude::*;

#[component]
pub fn DataPage() -> impl IntoView {
    let app = use_app();
    let export_error = RwSignal::new(None::<String>);
    let export = move |_| {
        let now = browser::now_rfc3339();
        let text = app
            .ws
            .with_untracked(|w| format::encode(w, Some(now.clone())));
        let name = format::export_file_name(&now[..10]);
        export_error.set(browser::download(&name, "application/json", &text).err());
    };
    let count = move || app.ws.with(|w| w.accounts().len());
    // A file is picked or dropped here: its readers' code loads once the page is painted.
    browser::after_paint(crate::state::prepare_file_readers);

    let currency_text = RwSignal::new(app.ws.with_untracked(|w| w.currency.code().to_string()));
    let currency_error = FormErrors::<()>::new();
    let set_currency = move |code: String| match Currency::new(&code.to_ascii_uppercase()) {
        Ok(c) => {
            currency_error.clear();
            currency_text.set(c.code().to_string());
            app.ws.update(|w| w.currency = c);
        }
        Err(e) => currency_error.set((), Some(e.message)),
    };

    view! {
        <section class="page narrow">
            <h1>"Data"</h1>
            <p class="lede">"Everything lives in this browser only. Export a file to keep a copy, move to another computer, or share with a colleague."</p>

            <UnreadableCopy/>

            <div class="card">
                <h2>"Currency"</h2>
                <p>"All amounts in this workspace are in one currency. Changing it relabels amounts; it does not convert them."</p>
                <Field id="currency" label="Workspace currency" class="inline" error=currency_error.at(())>
                    <TextInput value=currency_text list=Some("currency-list") maxlength=Some(3)
                        on_change=Callback::new(move |()| set_currency(currency_text.get_untracked()))/>
                </Field>
                <datalist id="currency-list">
                    {Currency::COMMON.iter().map(|c| view! { <option value=*c/> }).collect_view()}
                </datalist>
            </div>

            <div class="card">
                <h2>"Export"</h2>
                <p>{move || format!("Download the whole workspace ({}) as a JSON file.", plural(count(), "account", "accounts"))}</p>
                <button class="btn btn-primary" on:click=export>"Export workspace"</button>
                <p class="field-error" role="alert">{move || export_error.get()}</p>
                <p class="hint">"The file format is documented, with a JSON Schema at "<a href="/schema/workspace-v3.json">"/schema/workspace-v3.json"</a>"."</p>
            </div>

            <div class="card" id="import">
                <h2>"Import"</h2>
                <p>"Choose a workspace file, or drop it anywhere on the page. You will see what it holds before anything changes."</p>
                <FileButton label="Choose a file…" accept=".json,application/json" aria_label="Workspace file to import"
                    on_file=move |file| app.start_import(file)/>
                {move || match app.import.get() {
                    // A table goes to the CRM import below.
                    ImportState::Idle | ImportState::Table { .. } => ().into_any(),
                    ImportState::Refused { file_name, message } => view! {
                        <ImportRefused file_name message on_dismiss=move |()| app.import.set(ImportState::Idle)/>
                    }.into_any(),
                    ImportState::Preview { file_name, decoded } => {
                        let n = decoded.workspace.accounts().len();
                        let when = decoded.exported_at.clone().map(|t| t.replace('T', " ").replace('Z', " UTC")).unwrap_or_else(|| "an unknown date".into());
                        let currency = decoded.workspace.currency.code().to_string();
                        let total = decoded.workspace.currency.format(decoded.workspace.total_arr());
                        let demo = decoded.workspace.demo;
                        let current = app.ws.with_untracked(|w| w.accounts().len());
                        view! {
                            <div class="import-result preview" role="region" aria-label="Import preview">
                                <p><strong>{file_name}</strong></p>
                                <ul>
                                    <li class="import-count">{format!("{}, {total} ARR in {currency}", plural(n, "account", "accounts"))}</li>
                                    <li>{format!("Exported {when}")}</li>
                                    {demo.then(|| view! { <li>"This is demo data."</li> })}
                                </ul>
                                <p>{format!("Importing replaces the {} in this browser. Export first if you want to keep a copy.", plural(current, "account", "accounts"))}</p>
                                <div class="actions">
                                    <button class="btn btn-primary" on:click=move |_| app.confirm_import()>"Replace my workspace"</button>
                                    <button class="btn btn-quiet" on:click=move |_| app.import.set(ImportState::Idle)>"Cancel"</button>
                                </div>
                            </div>
                        }.into_any()
                    }
                }}
            </div>

            <crate::pages::csv_import::CsvImport/>

            <ImportOneAccount/>

            <div class="card">
                <h2>"Start over"</h2>
                <div class="reset-row">
                    <ConfirmButton
                        label="Clear all"
                        question=Signal::derive(move || format!("Remove all accounts from this browser ({})? Export first if you may need them.", plural(count(), "account", "accounts")))
                        confirm_label="Yes, clear everything"
                        danger=true
                        on_confirm=move |_| { app.clear_all(); app.save_and_tell("Workspace cleared.".into()); }
                    />
                    <ConfirmButton
                        label="Restore demo"
                        question=Signal::derive(move || format!("Replace the {} here with the eight demo accounts?", plural(count(), "account", "accounts")))
                        confirm_label="Yes, restore the demo"
                        on_confirm=move |_| { app.restore_demo(); app.save_and_tell("Demo workspace restored.".into()); }
                    />
                </div>
            </div>
        </section>
    }
}

/// Stored data the app could not read, kept until the user discards it: download it
/// (the stored values exactly as they were) or discard it to start fresh.
#[component]
fn UnreadableCopy() -> impl IntoView {
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    view! {
        <Show when=move || app.unreadable.with(Option::is_some)>
            <div class="card" id="unreadable">
                <h2>"Saved data that could not be read"</h2>
                {move || app.unreadable.get().map(|u| view! {
                    <p>{format!("Found on {}: {}.", u.found_at.replace('T', " ").replace('Z', " UTC"), u.error)}</p>
                    <p>{format!(
                        "It is kept as it was ({} of this browser's storage), and nothing the planner saves replaces it. Download it to keep it or to get help repairing it; discard it when you no longer need it.",
                        crate::components::status::megabytes(u.size)
                    )}</p>
                })}
                <div class="reset-row">
                    <button class="btn btn-primary" on:click=move |_| error.set(app.download_unreadable().err())>"Download the unreadable data"</button>
                    <ConfirmButton
                        label="Discard it"
                        question="Remove the unreadable data from this browser for good? Download it first if you may need it."
                        confirm_label="Yes, discard it"
                        danger=true
                        on_confirm=move |_| match app.discard_unreadable() {
                            Ok(()) => { error.set(None); app.show_toast("The unreadable data was discarded.", None); }
                            Err(e) => error.set(Some(format!("It could not be discarded: {e}."))),
                        }
                    />
                </div>
                <p class="field-error" role="alert">{move || error.get()}</p>
            </div>
        </Show>
    }
}

/// What the "Import one account" control holds.
#[derive(Clone)]
enum OneImport {
    Idle,
    Preview {
        file_name: String,
        shared: Box<SharedAccount>,
    },
    Refused {
        file_name: String,
        message: String,
    },
}

/// Reads a single-account file (as exported from an account's Plan tab) and offers to add
/// it or replace an existing account. The workspace is unchanged until the user confirms.
#[component]
fn ImportOneAccount() -> impl IntoView {
    let state = RwSignal::new(OneImport::Idle);
    let fragment = expect_context::<FragmentShare>();
    let on_file = move |file: web_sys::File| {
        let file_name = file.name();
        wasm_bindgen_futures::spawn_local(async move {
            let next = match browser::read_bytes(file).await {
                Err(message) => OneImport::Refused { file_name, message },
                Ok(bytes) => match share::decode_account_bytes(&bytes, browser::today()) {
                    Ok(shared) => OneImport::Preview {
                        file_name,
                        shared: Box::new(shared),
                    },
                    Err(e) => OneImport::Refused {
                        file_name,
                        message: e.to_string(),
                    },
                },
            };
            state.set(next);
        });
    };
    view! {
        <div class="card" id="import-account">
            <h2>"Import one account"</h2>
            <p>"Choose a single-account file made for a colleague (\"Share…\" on an account's Plan tab). You can add it as a new account or replace one you have, after seeing what changes."</p>
            <FileButton label="Choose an account file…" accept=".json,application/json" aria_label="Account file to import" on_file=on_file/>
            {move || match state.get() {
                OneImport::Idle => ().into_any(),
                OneImport::Refused { file_name, message } => view! {
                    <ImportRefused file_name message on_dismiss=move |()| state.set(OneImport::Idle)/>
                }.into_any(),
                OneImport::Preview { file_name, shared } if shared.kind == ShareKind::Customer => {
                    let name = shared.account.fields.name.clone();
                    let shared = StoredValue::new(*shared);
                    let message = format!("It is the customer copy of {name}: it holds only what the customer sees, so it cannot be imported as an account. Ask a colleague for the file made for a colleague.");
                    view! {
                        <ImportRefused file_name message on_dismiss=move |()| state.set(OneImport::Idle)>
                            <button class="btn" on:click=move |_| {
                                state.set(OneImport::Idle);
                                fragment.0.set(Some(Ok(shared.get_value())));
                            }>"View it read-only"</button>
                        </ImportRefused>
                    }.into_any()
                }
                OneImport::Preview { file_name, shared } => view! {
                    <div class="import-result preview">
                        <SharedAccountPreview shared=*shared source=format!("the file {file_name}")
                            on_done=move |_| state.set(OneImport::Idle)/>
                    </div>
                }.into_any(),
            }}
        </div>
    }
}

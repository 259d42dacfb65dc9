//! Import from a CRM: a CSV export (Salesforce, HubSpot, a spreadsheet) read into a
//! preview where each column gets a field and the file one date order; every row shows
//! what it will do (add, update, skipped with the reason at its cell). Nothing changes
//! until the user confirms; one Undo takes the whole import back. Rules in
//! docs/csv-import.md; the reading and checking are `format::table` and `domain::import`.

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser;
use crate::components::drop_zone::{FileButton, ImportRefused};
use crate::components::form::{Field, FormErrors, Select, Tick};
use crate::domain::dates::DayOrder;
use crate::domain::import::{
    apply_import, guess_mapping, guess_order, plan_import, undo_import, Applied, Change,
    ImportPlan, Mapping, OrderEvidence, Target,
};
use crate::domain::plural;
use crate::format::table::{read_table, write_table, Table};
use crate::state::{use_app, ImportState};

/// Rows shown in the preview table; every row is checked and counted.
const PREVIEW_ROWS: usize = 10;
/// Rows listed with their errors under the preview; the download has them all.
const LISTED_ERRORS: usize = 50;

/// A file read as a table, waiting for the user's choices.
struct Loaded {
    file_name: String,
    table: Table,
    /// (row number, cells), as the domain plans them.
    rows: Vec<(usize, Vec<String>)>,
    order_evidence: OrderEvidence,
}

/// What the import has done, with what takes it back.
#[derive(Clone)]
struct Report {
    file_name: String,
    added: usize,
    updated: usize,
    skipped: usize,
    marked: usize,
    undo: Option<Applied>,
}

#[component]
pub fn CsvImport() -> impl IntoView {
    let app = use_app();
    let loaded = RwSignal::new(None::<Arc<Loaded>>);
    let refused = RwSignal::new(None::<(String, String)>);
    let columns = RwSignal::new(Vec::<Target>::new());
    // The day order's key, as the order's select holds it.
    let order = RwSignal::new(DayOrder::MonthFirst.key().to_string());
    // A refused mapping's message: at the column whose change caused it, or the preview's
    // own when the file opened that way (no column holds the account name).
    let errors = FormErrors::<usize>::new();
    let done_before = RwSignal::new(true);
    let report = RwSignal::new(None::<Report>);
    let download_error = RwSignal::new(None::<String>);

    let mapping = Memo::new(move |_| Mapping {
        columns: columns.get(),
        order: DayOrder::from_key(&order.get()).unwrap_or(DayOrder::MonthFirst),
    });
    // The plan of every row, redone when a choice or the workspace changes.
    let plan = Memo::new(move |_| {
        let l = loaded.get()?;
        let m = mapping.get();
        Some(match m.check(&l.table.headers) {
            Err(e) => Err(e.message),
            Ok(()) => Ok(app.ws.with(|w| plan_import(w, &l.rows, &m))),
        })
    });
    // Shows the mapping's refusal, if any, at column `at` (or as the preview's message).
    let place_refusal = move |at: Option<usize>| {
        errors.clear();
        if let Some(Err(message)) = plan.get_untracked() {
            match at {
                Some(i) => errors.set(i, Some(message)),
                None => errors.set_form(Some(message)),
            }
        }
    };

    let open = move |file_name: String, text: String| {
        report.set(None);
        download_error.set(None);
        match read_table(&text) {
            Err(message) => {
                loaded.set(None);
                refused.set(Some((file_name, message)));
            }
            Ok(table) => {
                let guess = guess_mapping(&table.headers);
                let rows: Vec<(usize, Vec<String>)> = table
                    .rows
                    .iter()
                    .map(|r| (r.number, r.cells.clone()))
                    .collect();
                let (o, order_evidence) = guess_order(&guess, rows.iter().map(|r| r.1.as_slice()));
                columns.set(guess);
                order.set(o.key().to_string());
                done_before.set(true);
                refused.set(None);
                loaded.set(Some(Arc::new(Loaded {
                    file_name,
                    table,
                    rows,
                    order_evidence,
                })));
                place_refusal(None);
            }
        }
    };

    // A table dropped anywhere (or picked under Import) arrives through the app's import.
    Effect::new(move |_| {
        if let ImportState::Table { file_name, text } = app.import.get() {
            app.import.set(ImportState::Idle);
            open(file_name, text);
            request_animation_frame(|| {
                if let Some(el) = document().get_element_by_id("import-csv") {
                    el.scroll_into_view();
                }
            });
        }
    });

    let on_file = move |file: web_sys::File| {
        let file_name = file.name();
        wasm_bindgen_futures::spawn_local(async move {
            match browser::read_bytes(file)
                .await
                .and_then(|b| crate::format::table::table_text(&b))
            {
                Ok(text) => open(file_name, text),
                Err(message) => {
                    loaded.set(None);
                    refused.set(Some((file_name, message)));
                }
            }
        });
    };

    let mid_cycle = Memo::new(move |_| {
        let today = app.today.get();
        plan.with(|p| match p {
            Some(Ok(p)) => app.ws.with(|w| p.mid_cycle_count(w, today)),
            _ => 0,
        })
    });

    let confirm = move |_| {
        let (Some(l), Some(Ok(p))) = (loaded.get_untracked(), plan.get_untracked()) else {
            return;
        };
        let today = app.today.get_untracked();
        let mark = done_before.get_untracked() && mid_cycle.get_untracked() > 0;
        let mut applied = Applied::default();
        app.ws.update(|w| {
            w.demo = false;
            applied = apply_import(w, &p, mark, today);
        });
        let r = Report {
            file_name: l.file_name.clone(),
            added: applied.added.len(),
            updated: applied.replaced.len(),
            skipped: p.error_count(),
            marked: applied.marked,
            undo: Some(applied),
        };
        app.save_and_tell(format!(
            "Imported {} from {}.",
            plural(r.added + r.updated, "account", "accounts"),
            r.file_name
        ));
        report.set(Some(r));
    };

    let undo = move |_| {
        let Some(mut r) = report.get_untracked() else {
            return;
        };
        if let Some(applied) = r.undo.take() {
            app.ws.update(|w| undo_import(w, applied));
            app.show_toast(format!("The import of {} is undone.", r.file_name), None);
        }
        report.set(None);
        loaded.set(None);
    };

    let download_bad = move |_| {
        let (Some(l), Some(Ok(p))) = (loaded.get_untracked(), plan.get_untracked()) else {
            return;
        };
        let text = bad_rows_file(&l, &p);
        let stem = l
            .file_name
            .rsplit_once('.')
            .map_or(l.file_name.as_str(), |(s, _)| s);
        download_error
            .set(browser::download(&format!("{stem}-skipped-rows.csv"), "text/csv", &text).err());
    };

    let cancel = move |_| {
        loaded.set(None);
        refused.set(None);
    };

    view! {
        <div class="card" id="import-csv">
            <h2>"Import from a CRM (CSV)"</h2>
            <p>"Choose a CSV export of your accounts (Salesforce, HubSpot or a spreadsheet), or drop it anywhere on the page. You choose what each column holds and see every row before anything changes. New accounts are added; accounts already here are updated, found by their CRM id or their name."</p>
            <FileButton label="Choose a CSV file…" accept=".csv,.tsv,.txt,text/csv" aria_label="CSV file to import" on_file=on_file/>
            {move || refused.get().map(|(file_name, message)| view! {
                <ImportRefused file_name message on_dismiss=move |()| refused.set(None)/>
            })}
            {move || report.get().map(|r| view! {
                <div class="import-result csv-report" role="status" aria-label="Import report">
                    <p><strong>{format!("Imported from {}", r.file_name)}</strong></p>
                    <ul>
                        <li class="csv-added">{format!("{} added", plural(r.added, "account", "accounts"))}</li>
                        <li class="csv-updated">{format!("{} updated", plural(r.updated, "account", "accounts"))}</li>
                        <li class="csv-skipped">{if r.skipped == 0 {
                            "No rows skipped".to_string()
                        } else {
                            format!("{} skipped (download them below to fix and import again)", plural(r.skipped, "row", "rows"))
                        }}</li>
                        {(r.marked > 0).then(|| view! {
                            <li>{format!("Earlier renewal steps marked done before on {}", plural(r.marked, "account", "accounts"))}</li>
                        })}
                    </ul>
                    <div class="actions">
                        <a class="btn btn-primary" href="/">"See the portfolio"</a>
                        {(r.skipped > 0).then(|| view! {
                            <button class="btn" on:click=download_bad>"Download the skipped rows"</button>
                        })}
                        <button class="btn btn-quiet" on:click=undo>"Undo this import"</button>
                    </div>
                    <p class="field-error" role="alert">{move || download_error.get()}</p>
                </div>
            })}
            {move || (report.with(Option::is_none)).then(|| loaded.get()).flatten().map(|l| {
                let l2 = l.clone();
                view! {
                    <div class="import-result preview csv-preview" role="region" aria-label="CSV import preview">
                        <p><strong>{l.file_name.clone()}</strong>
                            {format!(
                                ": {}, cells separated by {}.",
                                plural(l.rows.len(), "row", "rows"),
                                l.table.separator.label()
                            )}
                        </p>
                        <Field id="csv-order" label="Dates like 03/01/2027" class="csv-order" hint=l.order_evidence.hint()>
                            <Select value=order options=DayOrder::ALL.map(|o| (o.key().to_string(), o.label().to_string())).to_vec()/>
                        </Field>
                        <PreviewTable loaded=l2 columns=columns plan=plan errors=errors
                            on_pick=move |i| place_refusal(Some(i))/>
                        {move || errors.form_message().map(|m| view! {
                            <p class="field-error csv-mapping-error" role="alert">{m}</p>
                        })}
                        {move || plan.get().map(|p| match p {
                            // The refusal is shown at its column or above.
                            Err(_) => ().into_any(),
                            Ok(p) => {
                                let added = p.added();
                                let updated = p.updated();
                                let errors = p.error_count();
                                let ready = added + updated;
                                view! {
                                    <p class="csv-summary">{format!(
                                        "{} and {}{}.",
                                        if added == 1 { "1 new account".to_string() } else { format!("{added} new accounts") },
                                        plural(updated, "update", "updates"),
                                        if errors > 0 {
                                            format!("; {} with errors will be skipped", plural(errors, "row", "rows"))
                                        } else {
                                            String::new()
                                        }
                                    )}</p>
                                    <ErrorList loaded=l.clone() plan=p.clone()/>
                                    {(errors > 0).then(|| view! {
                                        <button class="btn btn-small" on:click=download_bad>"Download the rows with errors"</button>
                                    })}
                                    {move || (mid_cycle.get() > 0).then(|| view! {
                                        <div class="field check csv-mid-cycle">
                                            <Tick id="csv-done-before" checked=done_before>{move || {
                                                let n = mid_cycle.get();
                                                format!(
                                                    "{} soon enough that earlier renewal steps fall before today. Those steps were done before this import: mark them done, each on its due day.",
                                                    crate::domain::plural(n, "account renews", "accounts renew")
                                                )
                                            }}</Tick>
                                        </div>
                                    })}
                                    <div class="actions">
                                        <button class="btn btn-primary" disabled=ready == 0 on:click=confirm>
                                            {format!("Import {}", plural(ready, "account", "accounts"))}
                                        </button>
                                        <button class="btn btn-quiet" on:click=cancel>"Cancel"</button>
                                    </div>
                                    <p class="hint">"Nothing changes until you import; one Undo takes the whole import back."</p>
                                }.into_any()
                            }
                        })}
                        <p class="field-error" role="alert">{move || download_error.get()}</p>
                    </div>
                }
            })}
        </div>
    }
}

/// The first rows with a field picker over each column; a cell in error shows its message.
#[component]
fn PreviewTable(
    loaded: Arc<Loaded>,
    columns: RwSignal<Vec<Target>>,
    plan: Memo<Option<Result<ImportPlan, String>>>,
    errors: FormErrors<usize>,
    /// Called with a column's index after its field is changed.
    #[prop(into)]
    on_pick: Callback<usize>,
) -> impl IntoView {
    let fields: Vec<(String, String)> = Target::ALL
        .into_iter()
        .map(|t| (t.key().to_string(), t.label().to_string()))
        .collect();
    let headers = loaded.table.headers.clone();
    let shown: Vec<(usize, Vec<String>)> = loaded.rows.iter().take(PREVIEW_ROWS).cloned().collect();
    let more = loaded.rows.len().saturating_sub(PREVIEW_ROWS);
    view! {
        <div class="table-wrap csv-table-wrap">
            <table class="csv-preview-table">
                <thead>
                    <tr>
                        <th scope="col">"Row"</th>
                        <th scope="col">"Will"</th>
                        {headers.iter().enumerate().map(|(i, h)| {
                            let chosen = columns.with_untracked(|c| c.get(i).copied().unwrap_or(Target::Ignore));
                            let value = RwSignal::new(chosen.key().to_string());
                            let options = fields.clone();
                            let pick = move |()| {
                                let t = Target::from_key(&value.get_untracked()).unwrap_or(Target::Ignore);
                                columns.update(|c| if let Some(slot) = c.get_mut(i) { *slot = t });
                                on_pick.run(i);
                            };
                            view! {
                                <th scope="col">
                                    <Field id=format!("csv-col-{i}") label=h.clone() class="csv-col" label_class="csv-col-name" error=errors.at(i)>
                                        <Select value=value options=options on_change=pick/>
                                    </Field>
                                </th>
                            }
                        }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {shown.into_iter().enumerate().map(|(k, (number, cells))| {
                        let outcome = move || plan.with(|p| match p {
                            Some(Ok(p)) => p.rows.get(k).map(|r| r.outcome.clone()),
                            _ => None,
                        });
                        let will = move || match outcome() {
                            None => ("", String::new()),
                            Some(Ok(r)) => match r.change {
                                Change::Add => ("csv-add", "Add".to_string()),
                                Change::Update { .. } => ("csv-update", "Update".to_string()),
                            },
                            Some(Err(_)) => ("csv-skip", "Skip".to_string()),
                        };
                        view! {
                            <tr data-row=number.to_string() class=move || will().0>
                                <th scope="row">{number}</th>
                                <td class="csv-will">{move || will().1}</td>
                                {cells.into_iter().enumerate().map(|(c, text)| {
                                    let error = move || match outcome() {
                                        Some(Err(errs)) => errs.into_iter().find(|e| e.column == c).map(|e| e.message),
                                        _ => None,
                                    };
                                    // A date as the chosen order reads it, in words, so the
                                    // order can be checked on the file's own dates.
                                    let filled = !text.trim().is_empty();
                                    let read = move || {
                                        let target = columns.with(|cs| cs.get(c).copied())?;
                                        let fields = match outcome()? {
                                            Ok(r) if filled => r.fields,
                                            _ => return None,
                                        };
                                        match target {
                                            Target::RenewalDate => fields.renewal_date,
                                            Target::ContractStart => fields.contract_start,
                                            _ => None,
                                        }
                                        .map(crate::domain::dates::long)
                                    };
                                    view! {
                                        <td class:csv-cell-error=move || error().is_some()>
                                            <span class="csv-cell">{text}</span>
                                            {move || read().map(|d| view! { <span class="csv-cell-read">{format!("read as {d}")}</span> })}
                                            {move || error().map(|m| view! { <span class="csv-cell-message">{m}</span> })}
                                        </td>
                                    }
                                }).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {(more > 0).then(|| view! {
            <p class="hint">{format!("The first {PREVIEW_ROWS} rows are shown; all {} are checked.", loaded.rows.len())}</p>
        })}
    }
}

/// Every skipped row with its errors, named by column.
#[component]
fn ErrorList(loaded: Arc<Loaded>, plan: ImportPlan) -> impl IntoView {
    let headers = &loaded.table.headers;
    let lines: Vec<String> = plan
        .errors()
        .map(|(number, errs)| format!("Row {number}: {}", join_errors(headers, errs)))
        .collect();
    if lines.is_empty() {
        return ().into_any();
    }
    let more = lines.len().saturating_sub(LISTED_ERRORS);
    view! {
        <ul class="csv-errors" aria-label="Rows with errors">
            {lines.into_iter().take(LISTED_ERRORS).map(|l| view! { <li>{l}</li> }).collect_view()}
            {(more > 0).then(|| view! { <li>{format!("and {} more (download them below)", plural(more, "row", "rows"))}</li> })}
        </ul>
    }
    .into_any()
}

fn join_errors(headers: &[String], errs: &[crate::domain::import::CellError]) -> String {
    errs.iter()
        .map(|e| {
            format!(
                "{}: {}",
                headers.get(e.column).map_or("?", String::as_str),
                e.message
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The rows in error as a CSV file: the file's own columns, then one saying what is wrong.
fn bad_rows_file(l: &Loaded, plan: &ImportPlan) -> String {
    let mut headers = l.table.headers.clone();
    headers.push("Error".into());
    let rows: Vec<Vec<String>> = plan
        .rows
        .iter()
        .zip(&l.rows)
        .filter_map(|(p, (_, cells))| {
            p.outcome.as_ref().err().map(|errs| {
                let mut r = cells.clone();
                r.push(join_errors(&l.table.headers, errs));
                r
            })
        })
        .collect();
    write_table(&headers, &rows)
}

//! Importing one shared account (a single-account file or a share link): a preview of
//! what it holds, then "add as a new account" or "replace an existing one" after a
//! side-by-side view of what would change. Nothing changes until the user confirms.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::components::confirm::ConfirmButton;
use crate::components::data_table::DataTable;
use crate::components::form::{Field, Select};
use crate::domain::{plural, AccountId};
use crate::format::share::{account_changes, ShareKind, SharedAccount};
use crate::state::use_app;

/// Most changes listed in the side-by-side view; the rest are counted.
const MAX_CHANGES_SHOWN: usize = 60;

/// Why an account was refused at import: its first problem.
fn not_imported(problems: &[crate::domain::FieldError]) -> String {
    format!(
        "Not imported: {}. Your workspace is unchanged.",
        problems
            .first()
            .map(|e| e.message.as_str())
            .unwrap_or("the account is not valid")
    )
}

/// `planning.plan.goals[0].text` -> `planning › plan › goals #1 › text`.
fn readable_path(path: &str) -> String {
    path.split('.')
        .map(|seg| {
            let seg = seg.replace('_', " ");
            match seg.split_once('[') {
                Some((name, rest)) => {
                    let n = rest
                        .trim_end_matches(']')
                        .parse::<usize>()
                        .map(|i| (i + 1).to_string())
                        .unwrap_or_else(|_| rest.trim_end_matches(']').to_string());
                    format!("{name} #{n}")
                }
                None => seg,
            }
        })
        .collect::<Vec<_>>()
        .join(" › ")
}

#[component]
pub fn SharedAccountPreview(
    shared: SharedAccount,
    /// Where it came from: "the file plan.json", "a share link".
    #[prop(into)]
    source: String,
    /// Called after an import (and after a cancel, unless `on_cancel` is given).
    #[prop(into)]
    on_done: Callback<()>,
    /// Called on "Cancel" instead of `on_done`.
    #[prop(optional, into)]
    on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let cancel = on_cancel.unwrap_or(on_done);
    if shared.kind == ShareKind::Customer {
        // A customer copy is read, never imported: it holds only part of an account.
        return view! {
            <div class="shared-preview" role="region" aria-label="Shared account preview">
                <p class="note note-yellow">"This is a customer copy: it holds only what the customer sees, so it cannot be imported as an account."</p>
                <button type="button" class="btn btn-quiet" on:click=move |_| cancel.run(())>"Close"</button>
            </div>
        }
        .into_any();
    }
    let app = use_app();
    let navigate = use_navigate();
    let a = shared.account.clone();
    let f = &a.fields;
    let name = f.name.clone();
    let plan = a.planning.plan.content();
    let goals: Vec<String> = plan.goals.iter().map(|g| g.text.clone()).collect();
    let people = a.stakeholders.current().count();
    let facts: Vec<(&'static str, String)> = vec![
        ("ARR", shared.currency.format(f.arr)),
        (
            "Industry",
            if f.industry.is_empty() {
                "—".into()
            } else {
                f.industry.clone()
            },
        ),
        (
            "Account owner",
            if f.owner.is_empty() {
                "—".into()
            } else {
                f.owner.clone()
            },
        ),
        (
            "Renewal",
            f.renewal_date
                .map(crate::domain::dates::long)
                .unwrap_or_else(|| "—".into()),
        ),
        ("People", people.to_string()),
        (
            "Opportunities",
            a.expansion.opportunities().len().to_string(),
        ),
        ("Metrics", plan.metrics.len().to_string()),
        ("90-day actions", plan.actions.len().to_string()),
        ("QBRs", a.planning.qbrs().len().to_string()),
        ("Health check-ins", a.health.snapshots().len().to_string()),
    ];
    let ws_currency = app.ws.with_untracked(|w| w.currency.code().to_string());
    let currency_note = (shared.currency.code() != ws_currency).then(|| {
        format!(
            "Its amounts are in {}; this workspace counts in {ws_currency}. Amounts are kept as numbers, not converted.",
            shared.currency.code()
        )
    });
    let when = shared
        .exported_at
        .clone()
        .map(|t| format!(", exported {}", t.replace('T', " ").replace('Z', " UTC")))
        .unwrap_or_default();
    let same_name = app.ws.with_untracked(|w| w.account_named(&name, None));
    let accounts = Memo::new(move |_| {
        app.ws.with(|w| {
            w.accounts()
                .iter()
                .map(|x| (x.id, x.fields.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let replacing = RwSignal::new(false);
    let target =
        RwSignal::new(same_name.or_else(|| accounts.with_untracked(|a| a.first().map(|x| x.0))));
    // The chosen account's id as the select holds it.
    let target_key = RwSignal::new(
        target
            .get_untracked()
            .map(|a| a.0.to_string())
            .unwrap_or_default(),
    );
    let target_options = Signal::derive(move || {
        accounts
            .get()
            .into_iter()
            .map(|(aid, n)| (aid.0.to_string(), n))
            .collect::<Vec<_>>()
    });
    let error = RwSignal::new(None::<String>);
    let incoming = StoredValue::new(shared.account.clone());

    let finish = {
        let navigate = navigate.clone();
        move |id: AccountId, message: String| {
            app.show_toast(message, None);
            on_done.run(());
            let target = format!("/accounts/{}/plan", id.0);
            // Already on this account's pages (a replace): leave and come back so every
            // tab shows the imported copy, not what its forms held before.
            let here = window().location().pathname().unwrap_or_default();
            let prefix = format!("/accounts/{}", id.0);
            if here == prefix || here.starts_with(&format!("{prefix}/")) {
                navigate("/", Default::default());
                let navigate = navigate.clone();
                request_animation_frame(move || navigate(&target, Default::default()));
            } else {
                navigate(&target, Default::default());
            }
        }
    };
    let add_new = {
        let finish = finish.clone();
        move |_| {
            let mut result = None;
            let account = incoming.get_value();
            let n = crate::domain::text::isolate(&account.fields.name);
            app.ws.update(|w| result = Some(w.add_imported(account)));
            match result {
                Some(Ok(id)) => finish(id, format!("Added {n} as a new account.")),
                Some(Err(es)) => error.set(Some(not_imported(&es))),
                None => {}
            }
        }
    };
    let replace = Callback::new(move |()| {
        let Some(tid) = target.get_untracked() else {
            return;
        };
        let mut result = None;
        let account = incoming.get_value();
        app.ws
            .update(|w| result = Some(w.replace_account(tid, account)));
        match result {
            Some(Ok(Some(old))) => finish(
                tid,
                format!(
                    "Replaced {} with the imported copy.",
                    crate::domain::text::isolate(&old.fields.name)
                ),
            ),
            Some(Ok(None)) => error.set(Some(
                "That account is no longer in the workspace; pick another.".into(),
            )),
            Some(Err(es)) => error.set(Some(not_imported(&es))),
            None => {}
        }
    });
    let changes = move || {
        let tid = target.get()?;
        app.ws.with(|w| {
            w.account(tid).map(|cur| {
                (
                    cur.fields.name.clone(),
                    incoming.with_value(|inc| account_changes(cur, inc)),
                )
            })
        })
    };
    let replace_question = Signal::derive(move || {
        let n = target
            .get()
            .and_then(|t| app.ws.with(|w| w.account(t).map(|a| a.fields.name.clone())))
            .unwrap_or_default();
        format!("Replace {n} here with the imported copy? What it holds now (plan, people, health...) is overwritten.")
    });

    view! {
        <div class="shared-preview" role="region" aria-label="Shared account preview">
            <h3 class="shared-name">{name.clone()}</h3>
            <p class="hint">{format!("From {source}{when}.")}</p>
            <dl class="facts">
                {facts.into_iter().map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
            </dl>
            <div class="shared-goals">
                <strong>"Plan goals: "</strong>
                {if goals.is_empty() {
                    view! { <span class="muted">"none written yet"</span> }.into_any()
                } else {
                    view! { <ol>{goals.into_iter().map(|g| view! { <li>{g}</li> }).collect_view()}</ol> }.into_any()
                }}
            </div>
            {currency_note.map(|n| view! { <p class="note note-yellow">{n}</p> })}
            {same_name.map(|_| view! {
                <p class="note note-yellow">{format!("An account named {name} is already in this workspace: replace it, or add this one as a second account.")}</p>
            })}
            <div class="actions">
                <button type="button" class="btn btn-primary" on:click=add_new>"Add as a new account"</button>
                <button type="button" class="btn" aria-expanded=move || replacing.get().to_string()
                    disabled=move || accounts.with(Vec::is_empty)
                    on:click=move |_| replacing.update(|r| *r = !*r)>"Replace an existing account…"</button>
                <button type="button" class="btn btn-quiet" on:click=move |_| cancel.run(())>"Cancel"</button>
            </div>
            <p class="field-error" role="alert">{move || error.get()}</p>
            {move || replacing.get().then(|| view! {
                <div class="replace-box">
                    <Field id="replace-target" label="Account to replace">
                        <Select value=target_key options=target_options
                            on_change=move |()| target.set(target_key.get_untracked().parse::<u32>().ok().map(AccountId))/>
                    </Field>
                    {move || changes().map(|(cur_name, list)| {
                        let total = list.len();
                        if total == 0 {
                            view! { <p class="muted">{format!("No differences: the imported copy matches {cur_name} here.")}</p> }.into_any()
                        } else {
                            view! {
                                <p>{format!("{} between {cur_name} here and the imported copy:", plural(total, "difference", "differences"))}</p>
                                {DataTable::new("diff-table", list.into_iter().take(MAX_CHANGES_SHOWN).collect())
                                    .wrap("table-wrap diff-wrap")
                                    .row_head("Field", |c| readable_path(&c.path))
                                    .col("Here now", |c| c.before.clone())
                                    .cell_class("before")
                                    .col("Imported", |c| c.after.clone())
                                    .cell_class("after")
                                    .view()}
                                {(total > MAX_CHANGES_SHOWN).then(|| view! { <p class="hint">{format!("and {} more.", crate::domain::grouped(total - MAX_CHANGES_SHOWN))}</p> })}
                            }.into_any()
                        }
                    })}
                    <ConfirmButton label="Replace this account" question=replace_question confirm_label="Yes, replace it" danger=true on_confirm=replace/>
                </div>
            })}
        </div>
    }
    .into_any()
}

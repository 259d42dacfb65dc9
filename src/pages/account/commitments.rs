//! The Commitments tab (docs/account-depth.md#commitments): what we promised the
//! customer, to whom, our owner, the due date and how it ended. Overdue and recently
//! broken promises are listed as relationship risks at the top (and on the Stakeholders
//! tab and in the portfolio's risk count).

use leptos::prelude::*;

use super::use_account;
use crate::components::confirm::ConfirmButton;
use crate::components::data_table::DataTable;
use crate::components::form::{
    focus_soon, on_submit, options_with_none, DateInput, Field, FormErrors, FormMessage, Select,
    TextArea, TextInput,
};
use crate::components::owner_field::{OwnerNames, OWNER_LIST_ID};
use crate::components::renewal_bits::lateness;
use crate::domain::commitments::{Commitment, CommitmentField, CommitmentId, Status, StatusKind};
use crate::domain::dates::{long, read_optional_date};
use crate::domain::stakeholders::StakeholderId;
use crate::state::use_app;

/// What the form holds while typing.
#[derive(Clone, Copy)]
struct Draft {
    what: RwSignal<String>,
    to_whom: RwSignal<String>,
    owner: RwSignal<String>,
    due: RwSignal<String>,
    /// The status's key (`open`, `kept`, ...).
    status: RwSignal<String>,
    status_date: RwSignal<String>,
    evidence: RwSignal<String>,
}

impl Draft {
    fn new() -> Draft {
        Draft {
            what: RwSignal::new(String::new()),
            to_whom: RwSignal::new(String::new()),
            owner: RwSignal::new(String::new()),
            due: RwSignal::new(String::new()),
            status: RwSignal::new(StatusKind::Open.key().to_string()),
            status_date: RwSignal::new(String::new()),
            evidence: RwSignal::new(String::new()),
        }
    }
    fn load(&self, c: Option<&Commitment>) {
        self.what.set(c.map(|c| c.what.clone()).unwrap_or_default());
        self.to_whom.set(
            c.and_then(|c| c.to_whom)
                .map(|p| p.0.to_string())
                .unwrap_or_default(),
        );
        self.owner
            .set(c.map(|c| c.owner.clone()).unwrap_or_default());
        self.due
            .set(c.map(|c| c.due.to_string()).unwrap_or_default());
        self.status.set(
            c.map_or(StatusKind::Open, |c| c.status.kind())
                .key()
                .to_string(),
        );
        self.status_date.set(
            c.and_then(|c| c.status.date())
                .map(|d| d.to_string())
                .unwrap_or_default(),
        );
        self.evidence
            .set(c.map(|c| c.evidence.clone()).unwrap_or_default());
    }
    fn status_kind(&self) -> StatusKind {
        StatusKind::from_key(&self.status.get()).unwrap_or(StatusKind::Open)
    }
    /// The commitment typed, or the messages by field.
    fn read(&self, errors: FormErrors<CommitmentField>) -> Option<Commitment> {
        errors.clear();
        let mut ok = true;
        let due = match read_optional_date(&self.due.get_untracked()) {
            Ok(Some(d)) => Some(d),
            Ok(None) => {
                errors.set(
                    CommitmentField::Due,
                    Some("Give the date we promised it by.".into()),
                );
                ok = false;
                None
            }
            Err(e) => {
                errors.set(CommitmentField::Due, Some(e.message));
                ok = false;
                None
            }
        };
        let kind = untrack(|| self.status_kind());
        let date = if kind == StatusKind::Open {
            None
        } else {
            match read_optional_date(&self.status_date.get_untracked()) {
                Ok(d) => d,
                Err(e) => {
                    errors.set(CommitmentField::StatusDate, Some(e.message));
                    ok = false;
                    None
                }
            }
        };
        let status = match Status::from_parts(kind, date) {
            Ok(s) => Some(s),
            Err(e) => {
                if ok {
                    errors.set(CommitmentField::StatusDate, Some(e.message));
                }
                ok = false;
                None
            }
        };
        let (Some(due), Some(status), true) = (due, status, ok) else {
            return None;
        };
        Some(Commitment {
            what: self.what.get_untracked(),
            to_whom: self
                .to_whom
                .get_untracked()
                .parse::<u32>()
                .ok()
                .map(StakeholderId),
            owner: self.owner.get_untracked(),
            due,
            status,
            evidence: if kind == StatusKind::Kept {
                self.evidence.get_untracked()
            } else {
                String::new()
            },
        })
    }
}

#[component]
pub fn AccountCommitments() -> impl IntoView {
    let app = use_app();
    let account = use_account();
    let editing = RwSignal::new(None::<CommitmentId>);
    let draft = Draft::new();
    let errors = FormErrors::<CommitmentField>::new();
    let people = account.read(|a| {
        a.stakeholders
            .people()
            .iter()
            .map(|p| (p.id, p.fields.name.trim().to_string()))
            .collect::<Vec<_>>()
    });
    let save = move || {
        let today = app.today.get_untracked();
        let Some(c) = draft.read(errors) else {
            // The other fields' messages too, from the same rules (with a stand-in date).
            let stand_in = Commitment {
                what: draft.what.get_untracked(),
                to_whom: draft
                    .to_whom
                    .get_untracked()
                    .parse::<u32>()
                    .ok()
                    .map(StakeholderId),
                owner: draft.owner.get_untracked(),
                due: today,
                status: Status::Open,
                evidence: draft.evidence.get_untracked(),
            };
            if let Some(Err(found)) =
                account.with_untracked(|a| stand_in.validate(&a.stakeholders, None))
            {
                for e in found {
                    if let Some(f) = CommitmentField::from_key(&e.path) {
                        errors.set(f, Some(e.message));
                    }
                }
            }
            return;
        };
        // Check first, so every message lands at its field; then save.
        let checked = account.with_untracked(|a| c.validate(&a.stakeholders, Some(today)));
        match checked {
            Some(Err(found)) => {
                for e in found {
                    if let Some(f) = CommitmentField::from_key(&e.path) {
                        errors.set(f, Some(e.message));
                    }
                }
                return;
            }
            None => return,
            Some(Ok(_)) => {}
        }
        let target = editing.get_untracked();
        let r = account.update(|a| {
            let r = match target {
                Some(cid) => a
                    .commitments
                    .update(&a.stakeholders, cid, c, today)
                    .map(|_| cid),
                None => a.commitments.add(&a.stakeholders, c, today),
            };
            r.map_err(|e| e[0].message.clone())
        });
        match r {
            Ok(_) => {
                app.show_toast(
                    if target.is_some() {
                        "Commitment saved."
                    } else {
                        "Commitment recorded."
                    },
                    None,
                );
                editing.set(None);
                draft.load(None);
            }
            Err(e) => errors.set_form(Some(e)),
        }
    };
    let submit = on_submit("#cm-form", errors, save);
    let rows = move || {
        let today = app.today.get();
        account
            .with(|a| {
                a.commitments
                    .sorted()
                    .into_iter()
                    .map(|(cid, c)| {
                        let to = c
                            .to_whom
                            .map(|p| a.stakeholders.name_of(p).to_string())
                            .unwrap_or_default();
                        let late = c.is_open().then(|| lateness(c.due_now(), None, today));
                        (
                            cid,
                            c.clone(),
                            to,
                            late,
                            c.is_overdue(today),
                            c.is_recently_broken(today),
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let status_options: Vec<(String, String)> = StatusKind::ALL
        .into_iter()
        .map(|k| (k.key().to_string(), k.label().to_string()))
        .collect();
    let people_options = Signal::derive(move || {
        options_with_none(
            "Nobody named",
            people
                .get()
                .into_iter()
                .map(|(pid, name)| (pid.0.to_string(), name)),
        )
    });
    let at = move |f: CommitmentField| errors.at(f);
    let promise_risks = promise_risk_count();
    view! {
        <div class="cm-tab">
            {move || (promise_risks.get() > 0).then(|| view! {
                <section class="card cm-risks" aria-labelledby="cm-risks-h">
                    <h2 id="cm-risks-h">{move || crate::domain::plural(promise_risks.get(), "relationship risk", "relationship risks")}" from promises"</h2>
                    <PromiseRisks/>
                </section>
            })}
            <section class="card" aria-labelledby="cm-form-h">
                <h2 id="cm-form-h">{move || if editing.get().is_some() { "Edit the commitment" } else { "Record a commitment" }}</h2>
                <p class="hint">"Write down every promise made to the customer, however small: a promise nobody recorded is the one that gets forgotten, and a broken one costs more trust than it bought."</p>
                <form class="cm-form" id="cm-form" on:submit=submit novalidate>
                    <Field id="cm-what" label="What we promised" error=at(CommitmentField::What)>
                        <TextInput value=draft.what/>
                    </Field>
                    <div class="grid-3">
                        <Field id="cm-to" label="To whom" error=at(CommitmentField::ToWhom)>
                            <Select value=draft.to_whom options=people_options/>
                        </Field>
                        <Field id="cm-owner" label="Our owner" error=at(CommitmentField::Owner)>
                            <TextInput value=draft.owner list=Some(OWNER_LIST_ID)/>
                        </Field>
                        <Field id="cm-due" label="Due" error=at(CommitmentField::Due)>
                            <DateInput value=draft.due/>
                        </Field>
                    </div>
                    <div class="grid-3">
                        <Field id="cm-status" label="Status" error=at(CommitmentField::Status)>
                            <Select value=draft.status options=status_options/>
                        </Field>
                        {move || draft.status_kind().date_label().map(|label| view! {
                            <Field id="cm-status-date" label=label error=at(CommitmentField::StatusDate)>
                                <DateInput value=draft.status_date/>
                            </Field>
                        })}
                    </div>
                    {move || (draft.status_kind() == StatusKind::Kept).then(|| view! {
                        <Field id="cm-evidence" label="Evidence it was kept" error=at(CommitmentField::Evidence)
                            hint="A link, a figure, a document. Kept commitments with evidence can be added to a QBR's value delivered.">
                            <TextArea value=draft.evidence rows=2/>
                        </Field>
                    })}
                    <FormMessage errors=errors/>
                    <div class="actions">
                        <button type="submit" class="btn btn-primary">{move || if editing.get().is_some() { "Save" } else { "Record" }}</button>
                        {move || editing.get().is_some().then(|| view! {
                            <button type="button" class="btn btn-quiet" on:click=move |_| { editing.set(None); draft.load(None); errors.clear(); }>"Cancel"</button>
                        })}
                    </div>
                </form>
                <OwnerNames/>
            </section>
            <section class="card" aria-labelledby="cm-list-h">
                <h2 id="cm-list-h">"Commitments"</h2>
                {move || DataTable::new("cm-table", rows())
                    .wrap("table-wrap flat")
                    .empty_muted("No commitments recorded yet.")
                    .row_class(|r| {
                        let (overdue, broken) = (r.4, r.5);
                        [(overdue, "cm-row-overdue"), (broken, "cm-row-broken")]
                            .into_iter()
                            .filter_map(|(on, class)| on.then_some(class))
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .col("What", |r| r.1.what.clone())
                    .col("To whom", |r| r.2.clone())
                    .col("Owner", |r| r.1.owner.clone())
                    .col("Due", |r| {
                        let late = r.3.clone();
                        view! {
                            {long(r.1.due)}
                            {late.map(|(t, cls)| view! { " · "<span class=format!("lateness {cls}")>{t}</span> })}
                        }
                    })
                    .col("Status", |r| {
                        let status = &r.1.status;
                        let text = match status {
                            Status::Open => "Open".to_string(),
                            Status::Kept(d) => format!("Kept {}", long(*d)),
                            Status::Broken(d) => format!("Broken {}", long(*d)),
                            Status::Renegotiated(d) => format!("Renegotiated to {}", long(*d)),
                        };
                        view! { <span class=format!("cm-status cm-{}", status.kind().key())>{text}</span> }
                    })
                    .col("Evidence", |r| r.1.evidence.clone())
                    .col("Actions", move |r| {
                        let (cid, c) = (r.0, r.1.clone());
                        view! {
                            <button type="button" class="btn btn-small" on:click=move |_| {
                                draft.load(Some(&c));
                                errors.clear();
                                editing.set(Some(cid));
                                focus_soon("#cm-what");
                            }>"Edit"</button>
                            <ConfirmButton label="Remove" question=Signal::stored("Remove this commitment? It leaves the risks and the history.".to_string())
                                confirm_label="Yes, remove" danger=true
                                on_confirm=move |_| {
                                    let _ = account.update(|a| a.commitments.remove(cid).map(|_| ()).ok_or_else(|| "Already removed.".to_string()));
                                    if editing.get_untracked() == Some(cid) { editing.set(None); draft.load(None); }
                                }/>
                        }
                    })
                    .head_hidden()
                    .cell_class("row-actions")
                    .view()}
            </section>
        </div>
    }
}

/// How many relationship risks the account's promises raise today.
pub fn promise_risk_count() -> Memo<usize> {
    let app = use_app();
    use_account().read(move |a| a.commitments.risks(app.today.get()).len())
}

/// The relationship risks raised by promises (overdue, broken in the last 90 days), as
/// items of the risk list; nothing when there are none. Shown on this tab and in the
/// Stakeholders tab's risk panel.
#[component]
pub fn PromiseRisks() -> impl IntoView {
    let app = use_app();
    let account = use_account();
    let id = account.id();
    let href = format!("/accounts/{}/commitments", id.0);
    move || {
        let today = app.today.get();
        let list = account
            .with(|a| {
                a.commitments
                    .risks(today)
                    .into_iter()
                    .map(|r| {
                        let c = a.commitments.get(r.id);
                        let what = c.map(|c| c.what.clone()).unwrap_or_default();
                        let to = c
                            .and_then(|c| c.to_whom)
                            .map(|p| a.stakeholders.name_of(p).to_string())
                            .filter(|n| !n.is_empty());
                        (r.title(), what, to, r.what_to_do())
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        (!list.is_empty()).then(|| {
            let href = href.clone();
            view! {
                <ul class="risk-list cm-risk-list" role="list">
                    {list.into_iter().map(|(title, what, to, todo)| view! {
                        <li class="risk risk-high" data-risk="promise">
                            <p class="risk-title"><span class="badge sev-high">"Risk"</span>" "{title}</p>
                            <p class="risk-msg">{what}{to.map(|n| format!(" (promised to {n})"))}</p>
                            <p class="risk-todo"><strong>"What to do: "</strong>{todo}" "<a href=href.clone()>"Commitments"</a></p>
                        </li>
                    }).collect_view()}
                </ul>
            }
        })
    }
}

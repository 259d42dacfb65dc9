//! Risks to the account and what we do about each; open or closed.

use std::sync::Arc;

use leptos::prelude::*;

use super::{change_plan, item_actions, save_item, Editing};
use crate::account_handle::AccountHandle;
use crate::components::form::{Checkbox, Field, FormErrors, TextArea, TextInput};
use crate::components::item_editor::{Adding, Cell, ItemEditor, ItemForm, Layout};
use crate::domain::plan::{AccountPlan, Risk, RiskId, RiskStatus};
use crate::state::use_app;

#[component]
pub fn RisksSection(account: AccountHandle, plan: Memo<AccountPlan>) -> impl IntoView {
    let app = use_app();
    let risks = Memo::new(move |_| plan.with(|p| p.content().risks.clone()));
    let (remove, move_by) = item_actions::<Risk>(app, account);
    let set_status = move |rid: RiskId, status: RiskStatus| {
        change_plan(app, account, |p, today| {
            p.change_item::<Risk>(rid, today, |r| r.status = status)
        });
    };
    let editor = ItemEditor {
        key: "risk",
        items: risks.into(),
        layout: Layout::Table {
            class: "risks-table",
            head: &[("Risk", ""), ("Mitigation", ""), ("Status", "")],
            cells: Arc::new(|r: &Risk, _| {
                let open_risk = r.status == RiskStatus::Open;
                let mitigation = if r.mitigation.trim().is_empty() {
                    view! { <span class="status status-yellow">"No mitigation yet"</span> }.into_any()
                } else {
                    r.mitigation.clone().into_any()
                };
                let status = if open_risk {
                    view! { <span class="status status-red">"Open"</span> }
                } else {
                    view! { <span class="status status-grey">"Closed"</span> }
                };
                let class = if open_risk { "" } else { "closed" };
                (
                    class.to_string(),
                    vec![
                        Cell::row_head(r.risk.clone()),
                        Cell::data(mitigation).class("pre"),
                        Cell::data(status),
                    ],
                )
            }),
        },
        empty: "No risks listed. What could stop the renewal or the goals? Write it down with what you will do about it.",
        name: Arc::new(|r: &Risk, _| format!("risk {}", r.risk)),
        remove_question: Arc::new(|r: &Risk, _| format!("Remove the risk \"{}\"?", r.risk)),
        more: Some(Arc::new(move |r: &Risk, _| {
            let (rid, open_risk) = (r.id, r.status == RiskStatus::Open);
            view! {
                <button type="button" class="btn btn-small"
                    on:click=move |_| set_status(rid, if open_risk { RiskStatus::Closed } else { RiskStatus::Open })>
                    {if open_risk { "Close" } else { "Reopen" }}
                </button>
            }
            .into_any()
        })),
        form: Arc::new(move |editing, on_close| {
            view! { <RiskForm account=account plan=plan editing=editing on_close=on_close/> }.into_any()
        }),
        first_field: "risk-text",
        adding: Adding::Button {
            label: "Add a risk",
            blocked: None,
        },
        remove,
        move_by,
    };
    view! {
        <section class="card plan-section" aria-labelledby="plan-risks">
            <h2 id="plan-risks">"Risks and mitigations"</h2>
            {editor.view()}
        </section>
    }
}

/// The risk form's fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum RiskField {
    Risk,
    Mitigation,
}

#[component]
fn RiskForm(
    account: AccountHandle,
    plan: Memo<AccountPlan>,
    editing: Editing<RiskId>,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let app = use_app();
    let existing = match editing {
        Editing::Item(rid) => plan.with_untracked(|p| p.content().item::<Risk>(rid).cloned()),
        Editing::New => None,
    }
    .unwrap_or_default();
    let risk = RwSignal::new(existing.risk);
    let mitigation = RwSignal::new(existing.mitigation);
    let closed = RwSignal::new(existing.status == RiskStatus::Closed);
    let errors = FormErrors::<RiskField>::new();
    let save = move |()| {
        let item = Risk {
            id: existing.id,
            risk: risk.get_untracked().trim().to_string(),
            mitigation: mitigation.get_untracked().trim().to_string(),
            status: if closed.get_untracked() {
                RiskStatus::Closed
            } else {
                RiskStatus::Open
            },
        };
        let keys = [
            ("risk", RiskField::Risk),
            ("mitigation", RiskField::Mitigation),
        ];
        if save_item(app, account, editing, item, errors, &keys) {
            on_close.run(());
        }
    };
    let title = match editing {
        Editing::New => "New risk",
        Editing::Item(_) => "Edit risk",
    };
    view! {
        <ItemForm id="risk-form" title=title submit="Save risk" errors=errors on_submit=save on_cancel=on_close>
            <Field id="risk-text" label="Risk" error=errors.at(RiskField::Risk)>
                <TextInput value=risk placeholder="e.g. New CFO is reviewing every software contract"/>
            </Field>
            <Field id="risk-mitigation" label="Mitigation" error=errors.at(RiskField::Mitigation)>
                <TextArea value=mitigation rows=2 placeholder="What we do about it, and who"/>
            </Field>
            <Checkbox checked=closed class="plan-check">" Closed: no longer a risk"</Checkbox>
        </ItemForm>
    }
}

//! Risks to the account and what we do about each; open or closed.

use leptos::prelude::*;

use super::{change_plan, edit_plan, show_plan_errors, Editing};
use crate::components::confirm::ConfirmButton;
use crate::components::form::{
    focus_soon, Checkbox, Field, FormErrors, FormMessage, TextArea, TextInput,
};
use crate::domain::plan::{AccountPlan, Risk, RiskStatus};
use crate::domain::AccountId;
use crate::state::use_app;

#[component]
pub fn RisksSection(id: AccountId, plan: Memo<AccountPlan>) -> impl IntoView {
    let app = use_app();
    let risks = Memo::new(move |_| plan.with(|p| p.content().risks.clone()));
    let editing = RwSignal::new(None::<Editing>);
    let open = move |e: Editing| {
        editing.set(Some(e));
        focus_soon("#risk-text");
    };
    let set_status = move |i: usize, status: RiskStatus| {
        let _ = edit_plan(app, id, |c| {
            if let Some(r) = c.risks.get_mut(i) {
                r.status = status;
            }
        });
    };
    view! {
        <section class="card plan-section" aria-labelledby="plan-risks">
            <h2 id="plan-risks">"Risks and mitigations"</h2>
            {move || if risks.with(Vec::is_empty) {
                view! { <p class="empty-note">"No risks listed. What could stop the renewal or the goals? Write it down with what you will do about it."</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="plan-table stack risks-table">
                            <thead><tr>
                                <th scope="col">"Risk"</th>
                                <th scope="col">"Mitigation"</th>
                                <th scope="col">"Status"</th>
                                <th scope="col" class="screen-only"><span class="visually-hidden">"Change"</span></th>
                            </tr></thead>
                            <tbody>
                                {risks.get().into_iter().enumerate().map(|(i, r)| {
                                    let open_risk = r.status == RiskStatus::Open;
                                    let risk_name = r.risk.clone();
                                    view! {
                                        <tr class:closed=!open_risk class:editing=move || editing.get() == Some(Editing::At(i))>
                                            <th scope="row">{r.risk.clone()}</th>
                                            <td class="pre" data-label="Mitigation">{if r.mitigation.trim().is_empty() {
                                                view! { <span class="status status-yellow">"No mitigation yet"</span> }.into_any()
                                            } else { r.mitigation.clone().into_any() }}</td>
                                            <td data-label="Status">{if open_risk {
                                                view! { <span class="status status-red">"Open"</span> }
                                            } else {
                                                view! { <span class="status status-grey">"Closed"</span> }
                                            }}</td>
                                            <td class="row-actions screen-only">
                                                <button type="button" class="btn btn-small" aria-label=format!("Edit risk {risk_name}")
                                                    on:click=move |_| open(Editing::At(i))>"Edit"</button>
                                                <button type="button" class="btn btn-small"
                                                    on:click=move |_| set_status(i, if open_risk { RiskStatus::Closed } else { RiskStatus::Open })>
                                                    {if open_risk { "Close" } else { "Reopen" }}
                                                </button>
                                                <ConfirmButton label="Remove" question=format!("Remove the risk \"{}\"?", r.risk)
                                                    confirm_label="Yes, remove it" danger=true
                                                    on_confirm=move |_| {
                                                        change_plan(app, id, |p, today| p.edit(today, |c| { if i < c.risks.len() { c.risks.remove(i); } }));
                                                        editing.set(None);
                                                    }/>
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            <div class="screen-only">
                {move || match editing.get() {
                    Some(e) => view! { <RiskForm id=id plan=plan editing=e on_close=move |_| editing.set(None)/> }.into_any(),
                    None => view! { <button type="button" class="btn" on:click=move |_| open(Editing::New)>"Add a risk"</button> }.into_any(),
                }}
            </div>
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
    id: AccountId,
    plan: Memo<AccountPlan>,
    editing: Editing,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let app = use_app();
    let existing = match editing {
        Editing::At(i) => plan.with_untracked(|p| p.content().risks.get(i).cloned()),
        Editing::New => None,
    }
    .unwrap_or_default();
    let risk = RwSignal::new(existing.risk);
    let mitigation = RwSignal::new(existing.mitigation);
    let closed = RwSignal::new(existing.status == RiskStatus::Closed);
    let errors = FormErrors::<RiskField>::new();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let item = Risk {
            risk: risk.get_untracked().trim().to_string(),
            mitigation: mitigation.get_untracked().trim().to_string(),
            status: if closed.get_untracked() {
                RiskStatus::Closed
            } else {
                RiskStatus::Open
            },
        };
        let mut index = 0;
        let result = edit_plan(app, id, |c| match editing {
            Editing::At(i) if i < c.risks.len() => {
                index = i;
                c.risks[i] = item;
            }
            _ => {
                index = c.risks.len();
                c.risks.push(item);
            }
        });
        match result {
            Ok(()) => on_close.run(()),
            Err(es) => show_plan_errors(
                errors,
                &es,
                &format!("risks[{index}]"),
                &[
                    ("risk", RiskField::Risk),
                    ("mitigation", RiskField::Mitigation),
                ],
            ),
        }
    };
    let title = match editing {
        Editing::New => "New risk",
        Editing::At(_) => "Edit risk",
    };
    view! {
        <form class="item-form" novalidate on:submit=save aria-label=title>
            <h3>{title}</h3>
            <Field id="risk-text" label="Risk" error=errors.at(RiskField::Risk)>
                <TextInput value=risk placeholder="e.g. New CFO is reviewing every software contract"/>
            </Field>
            <Field id="risk-mitigation" label="Mitigation" error=errors.at(RiskField::Mitigation)>
                <TextArea value=mitigation rows=2 placeholder="What we do about it, and who"/>
            </Field>
            <Checkbox checked=closed class="plan-check">" Closed: no longer a risk"</Checkbox>
            <FormMessage errors=errors/>
            <div class="actions">
                <button type="submit" class="btn btn-primary">"Save risk"</button>
                <button type="button" class="btn btn-quiet" on:click=move |_| on_close.run(())>"Cancel"</button>
            </div>
        </form>
    }
}

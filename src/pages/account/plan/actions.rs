//! The 90-day action plan: action, due date, owner, done, and the goal it serves. An
//! action serving no goal and an open action past its due date are marked.

use leptos::prelude::*;

use super::{change_plan, edit_plan, show_plan_errors, Editing};
use crate::components::confirm::ConfirmButton;
use crate::components::form::{
    focus_soon, options_with_none, DateInput, Field, FormErrors, FormMessage, Select, TextInput,
};
use crate::domain::plan::{AccountPlan, Action, ActionStatus, GoalId};
use crate::domain::{dates, AccountId};
use crate::state::use_app;

#[component]
pub fn ActionsSection(id: AccountId, plan: Memo<AccountPlan>) -> impl IntoView {
    let app = use_app();
    let editing = RwSignal::new(None::<Editing>);
    let open = move |e: Editing| {
        editing.set(Some(e));
        focus_soon("#action-text");
    };
    let rows = Memo::new(move |_| {
        let today = app.today.get();
        plan.with(|p| {
            let c = p.content();
            c.actions
                .iter()
                .map(|a| {
                    let serves = a.goal.and_then(|g| {
                        c.goal_number(g)
                            .map(|n| (n, c.goal(g).map(|x| x.text.clone()).unwrap_or_default()))
                    });
                    (a.clone(), serves, a.days_overdue(today))
                })
                .collect::<Vec<_>>()
        })
    });
    let counts = move || {
        rows.with(|r| {
            let open = r.iter().filter(|(a, _, _)| !a.is_done()).count();
            let overdue = r.iter().filter(|(_, _, d)| *d > 0).count();
            let untied = r.iter().filter(|(a, _, _)| a.goal.is_none()).count();
            (r.len(), open, overdue, untied)
        })
    };
    view! {
        <section class="card plan-section" aria-labelledby="plan-actions">
            <h2 id="plan-actions">"90-day action plan"</h2>
            {move || {
                let (n, open_n, overdue, untied) = counts();
                (n > 0).then(|| {
                    let mut parts = vec![format!("{open_n} of {n} open")];
                    if overdue > 0 { parts.push(format!("{overdue} overdue")); }
                    if untied > 0 { parts.push(format!("{untied} serving no goal")); }
                    view! { <p class="summary-line">{parts.join(" · ")}</p> }
                })
            }}
            {move || if rows.with(Vec::is_empty) {
                view! { <p class="empty-note">"No actions yet. Plan the next 90 days: each action with an owner, a due date and the goal it serves."</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="plan-table stack actions-table">
                            <thead><tr>
                                <th scope="col">"Done"</th>
                                <th scope="col">"Action"</th>
                                <th scope="col">"Serves"</th>
                                <th scope="col">"Owner"</th>
                                <th scope="col">"Due"</th>
                                <th scope="col" class="screen-only"><span class="visually-hidden">"Change"</span></th>
                            </tr></thead>
                            <tbody>
                                {rows.get().into_iter().enumerate().map(|(i, (a, serves, overdue))| {
                                    let aid = a.id;
                                    let done = a.is_done();
                                    let is_overdue = overdue > 0;
                                    let text = a.text.clone();
                                    let done_text = match a.status {
                                        ActionStatus::Done { on } => format!("Done {}", dates::long(on)),
                                        ActionStatus::Open => "Open".into(),
                                    };
                                    let today = app.today.get_untracked();
                                    view! {
                                        <tr class:done=done class:overdue=is_overdue class:editing=move || editing.get() == Some(Editing::At(i))>
                                            <td class="done-cell" data-label="Done">
                                                <input type="checkbox" class="screen-only" prop:checked=done
                                                    aria-label=format!("Done: {text}")
                                                    on:change=move |ev| {
                                                        let on = event_target_checked(&ev);
                                                        change_plan(app, id, |p, today| p.set_action_done(aid, on, today));
                                                    }/>
                                                <span class="print-only">{done_text}</span>
                                            </td>
                                            <th scope="row">
                                                <span class="action-text">{a.text.clone()}</span>
                                                {(overdue > 0).then(|| view! {
                                                    <span class="status status-red">{format!("Overdue by {overdue} day{}", if overdue == 1 { "" } else { "s" })}</span>
                                                })}
                                                {a.goal.is_none().then(|| view! {
                                                    <span class="status status-yellow untied-badge">"Untied: serves no goal"</span>
                                                })}
                                            </th>
                                            <td data-label="Serves">{match serves.clone() {
                                                Some((n, t)) => view! { <span title=t>{format!("Goal {n}")}</span> }.into_any(),
                                                None => view! { <span class="muted">"—"</span> }.into_any(),
                                            }}</td>
                                            <td data-label="Owner">{if a.owner.is_empty() { "—".to_string() } else { a.owner.clone() }}</td>
                                            <td class="nowrap" data-label="Due">
                                                {dates::long(a.due)}
                                                <span class="sub screen-only">{if done { String::new() } else { dates::relative(today, a.due) }}</span>
                                            </td>
                                            <td class="row-actions screen-only">
                                                <button type="button" class="btn btn-small" aria-label=format!("Edit action {}", a.text)
                                                    on:click=move |_| open(Editing::At(i))>"Edit"</button>
                                                <ConfirmButton label="Remove" question=format!("Remove the action \"{}\"?", a.text)
                                                    confirm_label="Yes, remove it" danger=true
                                                    on_confirm=move |_| {
                                                        change_plan(app, id, |p, today| p.remove_action(aid, today));
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
                    Some(e) => view! { <ActionForm id=id plan=plan editing=e on_close=move |_| editing.set(None)/> }.into_any(),
                    None => view! { <button type="button" class="btn" on:click=move |_| open(Editing::New)>"Add an action"</button> }.into_any(),
                }}
            </div>
        </section>
    }
}

/// The action form's fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum ActionField {
    Text,
    Due,
    Owner,
    Goal,
}

#[component]
fn ActionForm(
    id: AccountId,
    plan: Memo<AccountPlan>,
    editing: Editing,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let app = use_app();
    let existing: Option<Action> = match editing {
        Editing::At(i) => plan.with_untracked(|p| p.content().actions.get(i).cloned()),
        Editing::New => None,
    };
    let default_owner = app
        .ws
        .with_untracked(|w| w.account(id).map(|a| a.fields.owner.clone()))
        .unwrap_or_default();
    let text = RwSignal::new(
        existing
            .as_ref()
            .map(|a| a.text.clone())
            .unwrap_or_default(),
    );
    let due = RwSignal::new(
        existing
            .as_ref()
            .map(|a| a.due.to_string())
            .unwrap_or_default(),
    );
    let owner = RwSignal::new(
        existing
            .as_ref()
            .map(|a| a.owner.clone())
            .unwrap_or(default_owner),
    );
    let goal = RwSignal::new(
        existing
            .as_ref()
            .and_then(|a| a.goal)
            .map(|g| g.0.to_string())
            .unwrap_or_default(),
    );
    let goals = plan.with_untracked(|p| {
        p.content()
            .goals
            .iter()
            .enumerate()
            .map(|(i, g)| (g.id.0.to_string(), format!("Goal {}: {}", i + 1, g.text)))
            .collect::<Vec<_>>()
    });
    let no_goals = goals.is_empty();
    let errors = FormErrors::<ActionField>::new();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        errors.clear();
        let due_date = match dates::read_optional_date(&due.get_untracked()) {
            Ok(Some(d)) => d,
            Ok(None) => {
                errors.set(ActionField::Due, Some("Pick a due date.".into()));
                return;
            }
            Err(e) => {
                errors.set(ActionField::Due, Some(e));
                return;
            }
        };
        let goal_id = goal.get_untracked().parse::<u32>().ok().map(GoalId);
        let mut index = 0;
        let result = edit_plan(app, id, |c| {
            let status = existing.as_ref().map(|a| a.status).unwrap_or_default();
            let action = Action {
                id: existing
                    .as_ref()
                    .map(|a| a.id)
                    .unwrap_or_else(|| c.next_action_id()),
                text: text.get_untracked().trim().to_string(),
                due: due_date,
                owner: owner.get_untracked().trim().to_string(),
                status,
                goal: goal_id,
            };
            match editing {
                Editing::At(i) if i < c.actions.len() => {
                    index = i;
                    c.actions[i] = action;
                }
                _ => {
                    index = c.actions.len();
                    c.actions.push(action);
                }
            }
        });
        match result {
            Ok(()) => on_close.run(()),
            Err(es) => show_plan_errors(
                errors,
                &es,
                &format!("actions[{index}]"),
                &[
                    ("text", ActionField::Text),
                    ("owner", ActionField::Owner),
                    ("goal", ActionField::Goal),
                ],
            ),
        }
    };
    let title = match editing {
        Editing::New => "New action",
        Editing::At(_) => "Edit action",
    };
    view! {
        <form class="item-form" novalidate on:submit=save aria-label=title>
            <h3>{title}</h3>
            <Field id="action-text" label="Action" error=errors.at(ActionField::Text)>
                <TextInput value=text placeholder="e.g. Run the route-planning workshop with the Leeds hub"/>
            </Field>
            <div class="grid-2">
                <Field id="action-due" label="Due date" error=errors.at(ActionField::Due)>
                    <DateInput value=due/>
                </Field>
                <Field id="action-owner" label="Owner" error=errors.at(ActionField::Owner)>
                    <TextInput value=owner placeholder="Who does it" list=Some(crate::components::owner_field::OWNER_LIST_ID)/>
                    <crate::components::owner_field::OwnerNames/>
                </Field>
                <Field id="action-goal" label="Serves goal" error=errors.at(ActionField::Goal)
                    hint=no_goals.then_some("Add the customer's goals above to tie actions to them.")>
                    <Select value=goal options=options_with_none("No goal yet (flagged)", goals)/>
                </Field>
            </div>
            <FormMessage errors=errors/>
            <div class="actions">
                <button type="submit" class="btn btn-primary">"Save action"</button>
                <button type="button" class="btn btn-quiet" on:click=move |_| on_close.run(())>"Cancel"</button>
            </div>
        </form>
    }
}

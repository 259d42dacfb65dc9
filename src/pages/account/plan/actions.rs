//! The 90-day action plan: action, due date, owner, done, and the goal it serves. An
//! action serving no goal and an open action past its due date are marked.

use leptos::prelude::*;

use std::sync::Arc;

use super::{change_plan, item_actions, save_item, Editing};
use crate::account_handle::AccountHandle;
use crate::components::form::{
    options_with_none, DateInput, Field, FormErrors, Model, Select, TextInput, Tick,
};
use crate::components::item_editor::{Adding, Cell, ItemEditor, ItemForm, Layout};
use crate::domain::dates;
use crate::domain::plan::{AccountPlan, Action, ActionId, ActionStatus, GoalId};
use crate::state::use_app;

#[component]
pub fn ActionsSection(account: AccountHandle, plan: Memo<AccountPlan>) -> impl IntoView {
    let app = use_app();
    let actions = Memo::new(move |_| plan.with(|p| p.content().actions.clone()));
    let counts = move || {
        let today = app.today.get();
        actions.with(|r| {
            let open = r.iter().filter(|a| !a.is_done()).count();
            let overdue = r.iter().filter(|a| a.days_overdue(today) > 0).count();
            let untied = r.iter().filter(|a| a.goal.is_none()).count();
            (r.len(), open, overdue, untied)
        })
    };
    let (remove, move_by) = item_actions::<Action>(app, account);
    let cells = move |a: &Action, _| {
        let today = app.today.get_untracked();
        let serves = plan.with_untracked(|p| {
            let c = p.content();
            a.goal.and_then(|g| {
                c.goal_number(g)
                    .map(|n| (n, c.goal(g).map(|x| x.text.clone()).unwrap_or_default()))
            })
        });
        let overdue = a.days_overdue(today);
        let aid = a.id;
        let done = a.is_done();
        let done_text = match a.status {
            ActionStatus::Done { on } => format!("Done {}", dates::long(on)),
            ActionStatus::Open => "Open".into(),
        };
        let cells = vec![
            Cell::data(view! {
                <Tick class="screen-only" aria_label=format!("Done: {}", a.text)
                    checked=Model::new(move || done, move |on: bool| {
                        change_plan(app, account, |p, today| p.set_action_done(aid, on, today));
                    })/>
                <span class="print-only">{done_text}</span>
            })
            .class("done-cell"),
            Cell::row_head(view! {
                <span class="action-text">{a.text.clone()}</span>
                {(overdue > 0).then(|| view! {
                    <span class="status status-red">{format!("Overdue by {overdue} day{}", if overdue == 1 { "" } else { "s" })}</span>
                })}
                {a.goal.is_none().then(|| view! {
                    <span class="status status-yellow untied-badge">"Untied: serves no goal"</span>
                })}
            }),
            Cell::data(match serves {
                Some((n, t)) => view! { <span title=t>{format!("Goal {n}")}</span> }.into_any(),
                None => view! { <span class="muted">"—"</span> }.into_any(),
            }),
            Cell::data(if a.owner.is_empty() { "—".to_string() } else { a.owner.clone() }),
            Cell::data(view! {
                {dates::long(a.due)}
                <span class="sub screen-only">{if done { String::new() } else { dates::relative(today, a.due) }}</span>
            })
            .class("nowrap"),
        ];
        let class = match (done, overdue > 0) {
            (true, true) => "done overdue",
            (true, false) => "done",
            (false, true) => "overdue",
            (false, false) => "",
        };
        (class.to_string(), cells)
    };
    let editor = ItemEditor {
        key: "action",
        items: actions.into(),
        layout: Layout::Table {
            class: "actions-table",
            head: &[
                ("Done", ""),
                ("Action", ""),
                ("Serves", ""),
                ("Owner", ""),
                ("Due", ""),
            ],
            cells: Arc::new(cells),
        },
        empty: "No actions yet. Plan the next 90 days: each action with an owner, a due date and the goal it serves.",
        name: Arc::new(|a: &Action, _| format!("action {}", a.text)),
        remove_question: Arc::new(|a: &Action, _| format!("Remove the action \"{}\"?", a.text)),
        more: None,
        form: Arc::new(move |editing, on_close| {
            view! { <ActionForm account=account plan=plan editing=editing on_close=on_close/> }.into_any()
        }),
        first_field: "action-text",
        adding: Adding::Button {
            label: "Add an action",
            blocked: None,
        },
        remove,
        move_by,
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
            {editor.view()}
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
    account: AccountHandle,
    plan: Memo<AccountPlan>,
    editing: Editing<ActionId>,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let app = use_app();
    let existing: Option<Action> = match editing {
        Editing::Item(aid) => plan.with_untracked(|p| p.content().action(aid).cloned()),
        Editing::New => None,
    };
    let default_owner = account
        .with_untracked(|a| a.fields.owner.clone())
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
    let save = move |()| {
        errors.clear();
        let due_date = match dates::read_optional_date(&due.get_untracked()) {
            Ok(Some(d)) => d,
            Ok(None) => {
                errors.set(ActionField::Due, Some("Pick a due date.".into()));
                return;
            }
            Err(e) => {
                errors.set(ActionField::Due, Some(e.message));
                return;
            }
        };
        let goal_id = goal.get_untracked().parse::<u32>().ok().map(GoalId);
        let action = Action {
            id: existing.as_ref().map(|a| a.id).unwrap_or(ActionId(0)),
            text: text.get_untracked().trim().to_string(),
            due: due_date,
            owner: owner.get_untracked().trim().to_string(),
            status: existing.as_ref().map(|a| a.status).unwrap_or_default(),
            goal: goal_id,
        };
        let keys = [
            ("text", ActionField::Text),
            ("owner", ActionField::Owner),
            ("goal", ActionField::Goal),
        ];
        if save_item(app, account, editing, action, errors, &keys) {
            on_close.run(());
        }
    };
    let title = match editing {
        Editing::New => "New action",
        Editing::Item(_) => "Edit action",
    };
    view! {
        <ItemForm id="action-form" title=title submit="Save action" errors=errors on_submit=save on_cancel=on_close>
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
        </ItemForm>
    }
}

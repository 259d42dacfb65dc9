//! The customer's top 3 strategic goals: their words, where they said it, and how we map.

use std::sync::Arc;

use leptos::prelude::*;

use super::{item_actions, save_item, Editing};
use crate::account_handle::AccountHandle;
use crate::components::form::{Field, FormErrors, TextArea, TextInput};
use crate::components::item_editor::{Adding, ItemEditor, ItemForm, Layout};
use crate::domain::plan::{AccountPlan, Goal, MAX_GOALS};
use crate::state::use_app;

#[component]
pub fn GoalsSection(account: AccountHandle, plan: Memo<AccountPlan>) -> impl IntoView {
    let app = use_app();
    let goals = Memo::new(move |_| plan.with(|p| p.content().goals.clone()));
    let full = Signal::derive(move || goals.with(|g| g.len() >= MAX_GOALS));
    let (remove, move_by) = item_actions::<Goal>(app, account);
    let editor = ItemEditor {
        key: "goal",
        items: goals.into(),
        layout: Layout::Cards {
            list: "goal-list",
            item: "goal",
            card: Arc::new(|g: &Goal, i| {
                let view = view! {
                    <p class="goal-num">{format!("Goal {}", i + 1)}</p>
                    <p class="goal-text">{g.text.clone()}</p>
                    <dl class="goal-meta">
                        <div><dt>"Source"</dt><dd>{if g.source.is_empty() { "—".to_string() } else { g.source.clone() }}</dd></div>
                        <div><dt>"How we help"</dt><dd class="pre">{if g.mapping.is_empty() { "Not mapped yet".to_string() } else { g.mapping.clone() }}</dd></div>
                    </dl>
                };
                (String::new(), view.into_any())
            }),
        },
        empty: "No goals yet. Write down the customer's top three, in their words, and where you heard them.",
        name: Arc::new(|_, i| format!("goal {}", i + 1)),
        remove_question: Arc::new(move |g: &Goal, i| {
            let served = plan.with_untracked(|p| {
                p.content()
                    .actions
                    .iter()
                    .filter(|a| a.goal == Some(g.id))
                    .count()
            });
            format!(
                "Remove goal {}?{}",
                i + 1,
                match served {
                    0 => String::new(),
                    1 => " The action serving it will serve no goal until you tie it again."
                        .to_string(),
                    n => format!(
                        " The {n} actions serving it will serve no goal until you tie them again."
                    ),
                }
            )
        }),
        more: None,
        form: Arc::new(move |editing, on_close| {
            view! { <GoalForm account=account plan=plan editing=editing on_close=on_close/> }.into_any()
        }),
        first_field: "goal-text",
        adding: Adding::Button {
            label: "Add a goal",
            blocked: Some((full, "The top 3 are set: edit or remove one to change them.")),
        },
        remove,
        move_by,
    };
    view! {
        <section class="card plan-section" aria-labelledby="plan-goals">
            <h2 id="plan-goals">"The customer's strategic goals"</h2>
            {editor.view()}
        </section>
    }
}

/// The goal form's fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum GoalField {
    Text,
    Source,
    Mapping,
}

#[component]
fn GoalForm(
    account: AccountHandle,
    plan: Memo<AccountPlan>,
    editing: Editing<crate::domain::plan::GoalId>,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let app = use_app();
    let (g, number) = match editing {
        Editing::Item(gid) => plan.with_untracked(|p| {
            (
                p.content().goal(gid).cloned().unwrap_or_default(),
                p.content().goal_number(gid),
            )
        }),
        Editing::New => (Goal::default(), None),
    };
    let text = RwSignal::new(g.text);
    let source = RwSignal::new(g.source);
    let mapping = RwSignal::new(g.mapping);
    let errors = FormErrors::<GoalField>::new();
    let save = move |()| {
        let goal = Goal {
            id: g.id,
            text: text.get_untracked().trim().to_string(),
            source: source.get_untracked().trim().to_string(),
            mapping: mapping.get_untracked().trim().to_string(),
        };
        let keys = [
            ("text", GoalField::Text),
            ("source", GoalField::Source),
            ("mapping", GoalField::Mapping),
        ];
        if save_item(app, account, editing, goal, errors, &keys) {
            on_close.run(());
        }
    };
    let title = match number {
        None => "New goal".to_string(),
        Some(n) => format!("Edit goal {n}"),
    };
    view! {
        <ItemForm id="goal-form" title=title submit="Save goal" errors=errors on_submit=save on_cancel=on_close>
            <Field id="goal-text" label="Goal, in the customer's words" error=errors.at(GoalField::Text)>
                <TextInput value=text placeholder="e.g. Cut late deliveries by 20% this year"/>
            </Field>
            <Field id="goal-source" label="Source" error=errors.at(GoalField::Source)>
                <TextInput value=source placeholder="Who said it, where: e.g. COO at the kickoff, annual report"/>
            </Field>
            <Field id="goal-mapping" label="How we help" error=errors.at(GoalField::Mapping)>
                <TextArea value=mapping rows=2 placeholder="Which part of our product serves this goal, and how"/>
            </Field>
        </ItemForm>
    }
}

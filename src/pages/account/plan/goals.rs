//! The customer's top 3 strategic goals: their words, where they said it, and how we map.

use leptos::prelude::*;

use super::{change_plan, edit_plan, show_plan_errors, Editing};
use crate::components::confirm::ConfirmButton;
use crate::components::form::{focus_soon, Field, FormErrors, FormMessage, TextArea, TextInput};
use crate::domain::plan::{AccountPlan, Goal, MAX_GOALS};
use crate::domain::AccountId;
use crate::state::use_app;

#[component]
pub fn GoalsSection(id: AccountId, plan: Memo<AccountPlan>) -> impl IntoView {
    let app = use_app();
    let goals = Memo::new(move |_| plan.with(|p| p.content().goals.clone()));
    let editing = RwSignal::new(None::<Editing>);
    let full = move || goals.with(|g| g.len() >= MAX_GOALS);
    let open = move |e: Editing| {
        editing.set(Some(e));
        focus_soon("#goal-text");
    };
    view! {
        <section class="card plan-section" aria-labelledby="plan-goals">
            <h2 id="plan-goals">"The customer's strategic goals"</h2>
            {move || goals.with(|g| g.is_empty()).then(|| view! {
                <p class="empty-note">"No goals yet. Write down the customer's top three, in their words, and where you heard them."</p>
            })}
            <ol class="goal-list">
                {move || goals.get().into_iter().enumerate().map(|(i, g)| {
                    let gid = g.id;
                    let served = plan.with_untracked(|p| p.content().actions.iter().filter(|a| a.goal == Some(gid)).count());
                    let question = format!(
                        "Remove goal {}?{}",
                        i + 1,
                        match served {
                            0 => String::new(),
                            1 => " The action serving it will serve no goal until you tie it again.".to_string(),
                            n => format!(" The {n} actions serving it will serve no goal until you tie them again."),
                        }
                    );
                    view! {
                        <li class="goal" class:editing=move || editing.get() == Some(Editing::At(i))>
                            <p class="goal-num">{format!("Goal {}", i + 1)}</p>
                            <p class="goal-text">{g.text.clone()}</p>
                            <dl class="goal-meta">
                                <div><dt>"Source"</dt><dd>{if g.source.is_empty() { "—".to_string() } else { g.source.clone() }}</dd></div>
                                <div><dt>"How we help"</dt><dd class="pre">{if g.mapping.is_empty() { "Not mapped yet".to_string() } else { g.mapping.clone() }}</dd></div>
                            </dl>
                            <div class="actions screen-only">
                                <button type="button" class="btn btn-small" on:click=move |_| open(Editing::At(i))
                                    aria-label=format!("Edit goal {}", i + 1)>"Edit"</button>
                                <ConfirmButton label="Remove" question=question confirm_label="Yes, remove it"
                                    danger=true
                                    on_confirm=move |_| {
                                        change_plan(app, id, |p, today| p.remove_goal(gid, today));
                                        editing.set(None);
                                    }/>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <div class="screen-only">
                {move || match editing.get() {
                    Some(e) => view! { <GoalForm id=id plan=plan editing=e on_close=move |_| editing.set(None)/> }.into_any(),
                    None => view! {
                        <div class="actions">
                            <button type="button" class="btn" disabled=full on:click=move |_| open(Editing::New)>"Add a goal"</button>
                            {move || full().then(|| view! { <span class="hint">"The top 3 are set: edit or remove one to change them."</span> })}
                        </div>
                    }.into_any(),
                }}
            </div>
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
    id: AccountId,
    plan: Memo<AccountPlan>,
    editing: Editing,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let app = use_app();
    let existing = match editing {
        Editing::At(i) => plan.with_untracked(|p| p.content().goals.get(i).cloned()),
        Editing::New => None,
    };
    let g = existing.clone().unwrap_or_default();
    let text = RwSignal::new(g.text);
    let source = RwSignal::new(g.source);
    let mapping = RwSignal::new(g.mapping);
    let errors = FormErrors::<GoalField>::new();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut index = 0;
        let result = edit_plan(app, id, |c| {
            let goal = Goal {
                id: existing
                    .as_ref()
                    .map(|g| g.id)
                    .unwrap_or_else(|| c.next_goal_id()),
                text: text.get_untracked().trim().to_string(),
                source: source.get_untracked().trim().to_string(),
                mapping: mapping.get_untracked().trim().to_string(),
            };
            match editing {
                Editing::At(i) if i < c.goals.len() => {
                    index = i;
                    c.goals[i] = goal;
                }
                _ => {
                    index = c.goals.len();
                    c.goals.push(goal);
                }
            }
        });
        match result {
            Ok(()) => on_close.run(()),
            Err(es) => show_plan_errors(
                errors,
                &es,
                &format!("goals[{index}]"),
                &[
                    ("text", GoalField::Text),
                    ("source", GoalField::Source),
                    ("mapping", GoalField::Mapping),
                ],
            ),
        }
    };
    let title = match editing {
        Editing::New => "New goal".to_string(),
        Editing::At(i) => format!("Edit goal {}", i + 1),
    };
    view! {
        <form class="item-form" novalidate on:submit=save aria-label=title.clone()>
            <h3>{title.clone()}</h3>
            <Field id="goal-text" label="Goal, in the customer's words" error=errors.at(GoalField::Text)>
                <TextInput value=text placeholder="e.g. Cut late deliveries by 20% this year"/>
            </Field>
            <Field id="goal-source" label="Source" error=errors.at(GoalField::Source)>
                <TextInput value=source placeholder="Who said it, where: e.g. COO at the kickoff, annual report"/>
            </Field>
            <Field id="goal-mapping" label="How we help" error=errors.at(GoalField::Mapping)>
                <TextArea value=mapping rows=2 placeholder="Which part of our product serves this goal, and how"/>
            </Field>
            <FormMessage errors=errors/>
            <div class="actions">
                <button type="submit" class="btn btn-primary">"Save goal"</button>
                <button type="button" class="btn btn-quiet" on:click=move |_| on_close.run(())>"Cancel"</button>
            </div>
        </form>
    }
}

//! Success metrics: target against where the customer is now, met or not by each metric's
//! rule. Status is shown with a colour and a word.

use leptos::prelude::*;

use super::{change_plan, edit_plan, show_plan_errors, Editing};
use crate::components::confirm::ConfirmButton;
use crate::components::form::{
    focus_soon, Checkbox, Field, FormErrors, FormMessage, NumberInput, Select, TextInput,
};
use crate::domain::plan::{
    parse_metric_value, short_number, AccountPlan, MetRule, MetStatus, SuccessMetric,
};
use crate::domain::AccountId;
use crate::state::use_app;

/// The CSS class and the mark of a status (the word comes from the domain).
pub(crate) fn status_badge(s: MetStatus) -> impl IntoView {
    let (class, mark) = match s {
        MetStatus::Met => ("status status-green", "✓"),
        MetStatus::NotMet => ("status status-red", "✗"),
        MetStatus::Unknown => ("status status-grey", "?"),
    };
    view! { <span class=class><span aria-hidden="true">{mark}" "</span>{s.label()}</span> }
}

fn target_text(m: &SuccessMetric) -> String {
    match m.rule {
        MetRule::AtLeast => format!("at least {}", m.show(m.target)),
        MetRule::AtMost => format!("at most {}", m.show(m.target)),
        MetRule::Manual { .. } => "ticked by hand".into(),
    }
}

#[component]
pub fn MetricsSection(id: AccountId, plan: Memo<AccountPlan>) -> impl IntoView {
    let app = use_app();
    let metrics = Memo::new(move |_| plan.with(|p| p.content().metrics.clone()));
    let editing = RwSignal::new(None::<Editing>);
    let open = move |e: Editing| {
        editing.set(Some(e));
        focus_soon("#metric-name");
    };
    view! {
        <section class="card plan-section" aria-labelledby="plan-metrics">
            <h2 id="plan-metrics">"Success metrics"</h2>
            {move || if metrics.with(Vec::is_empty) {
                view! { <p class="empty-note">"No metrics agreed yet. Add the numbers the customer will judge us by, with a target."</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="plan-table stack metrics-table">
                            <thead><tr>
                                <th scope="col">"Metric"</th>
                                <th scope="col">"Target"</th>
                                <th scope="col" class="num">"Current"</th>
                                <th scope="col">"Status"</th>
                                <th scope="col" class="screen-only"><span class="visually-hidden">"Change"</span></th>
                            </tr></thead>
                            <tbody>
                                {metrics.get().into_iter().enumerate().map(|(i, m)| {
                                    let current = match (m.rule, m.current) {
                                        (MetRule::Manual { .. }, _) => "—".to_string(),
                                        (_, Some(c)) => m.show(c),
                                        (_, None) => "not measured".to_string(),
                                    };
                                    let name = m.name.clone();
                                    view! {
                                        <tr class:editing=move || editing.get() == Some(Editing::At(i))>
                                            <th scope="row">{m.name.clone()}</th>
                                            <td data-label="Target">{target_text(&m)}</td>
                                            <td class="num" data-label="Current">{current}</td>
                                            <td data-label="Status">{status_badge(m.status())}</td>
                                            <td class="row-actions screen-only">
                                                <button type="button" class="btn btn-small" aria-label=format!("Edit metric {name}")
                                                    on:click=move |_| open(Editing::At(i))>"Edit"</button>
                                                <ConfirmButton label="Remove" question=format!("Remove the metric \"{}\"?", m.name)
                                                    confirm_label="Yes, remove it" danger=true
                                                    on_confirm=move |_| {
                                                        change_plan(app, id, |p, today| p.edit(today, |c| { if i < c.metrics.len() { c.metrics.remove(i); } }));
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
                    Some(e) => view! { <MetricForm id=id plan=plan editing=e on_close=move |_| editing.set(None)/> }.into_any(),
                    None => view! { <button type="button" class="btn" on:click=move |_| open(Editing::New)>"Add a metric"</button> }.into_any(),
                }}
            </div>
        </section>
    }
}

/// The metric form's fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum MetricField {
    Name,
    Unit,
    Target,
    Current,
}

/// The choices of "Met when".
fn rule_options() -> Vec<(String, String)> {
    [
        (
            "at_least",
            "Current is at least the target (higher is better)",
        ),
        ("at_most", "Current is at most the target (lower is better)"),
        ("manual", "Ticked by hand (not a number)"),
    ]
    .map(|(v, t)| (v.to_string(), t.to_string()))
    .to_vec()
}

#[component]
fn MetricForm(
    id: AccountId,
    plan: Memo<AccountPlan>,
    editing: Editing,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let app = use_app();
    let existing = match editing {
        Editing::At(i) => plan.with_untracked(|p| p.content().metrics.get(i).cloned()),
        Editing::New => None,
    };
    let name = RwSignal::new(
        existing
            .as_ref()
            .map(|m| m.name.clone())
            .unwrap_or_default(),
    );
    let unit = RwSignal::new(
        existing
            .as_ref()
            .map(|m| m.unit.clone())
            .unwrap_or_default(),
    );
    let manual = existing
        .as_ref()
        .is_some_and(|m| matches!(m.rule, MetRule::Manual { .. }));
    let rule = RwSignal::new(
        match existing.as_ref().map(|m| m.rule) {
            Some(MetRule::AtMost) => "at_most",
            Some(MetRule::Manual { .. }) => "manual",
            _ => "at_least",
        }
        .to_string(),
    );
    let met = RwSignal::new(matches!(
        existing.as_ref().map(|m| m.rule),
        Some(MetRule::Manual { met: true })
    ));
    let target = RwSignal::new(
        existing
            .as_ref()
            .filter(|_| !manual)
            .map(|m| short_number(m.target))
            .unwrap_or_default(),
    );
    let current = RwSignal::new(
        existing
            .as_ref()
            .and_then(|m| m.current)
            .map(short_number)
            .unwrap_or_default(),
    );
    let errors = FormErrors::<MetricField>::new();
    let is_manual = move || rule.get() == "manual";

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        errors.clear();
        let r = match rule.get_untracked().as_str() {
            "at_most" => MetRule::AtMost,
            "manual" => MetRule::Manual {
                met: met.get_untracked(),
            },
            _ => MetRule::AtLeast,
        };
        let numeric = !matches!(r, MetRule::Manual { .. });
        let mut ok = true;
        let mut target_value = 0.0;
        let mut current_value = None;
        if numeric {
            match parse_metric_value("target", &target.get_untracked()) {
                Ok(Some(v)) => target_value = v,
                Ok(None) => {
                    errors.set(
                        MetricField::Target,
                        Some("Enter the target, e.g. 80.".into()),
                    );
                    ok = false;
                }
                Err(e) => {
                    errors.set(MetricField::Target, Some(e.message));
                    ok = false;
                }
            }
            match parse_metric_value("current", &current.get_untracked()) {
                Ok(v) => current_value = v,
                Err(e) => {
                    errors.set(MetricField::Current, Some(e.message));
                    ok = false;
                }
            }
        }
        if !ok {
            return;
        }
        let metric = SuccessMetric {
            name: name.get_untracked().trim().to_string(),
            unit: unit.get_untracked().trim().to_string(),
            target: target_value,
            current: current_value,
            rule: r,
        };
        let mut index = 0;
        let result = edit_plan(app, id, |c| match editing {
            Editing::At(i) if i < c.metrics.len() => {
                index = i;
                c.metrics[i] = metric;
            }
            _ => {
                index = c.metrics.len();
                c.metrics.push(metric);
            }
        });
        match result {
            Ok(()) => on_close.run(()),
            Err(es) => show_plan_errors(
                errors,
                &es,
                &format!("metrics[{index}]"),
                &[
                    ("name", MetricField::Name),
                    ("unit", MetricField::Unit),
                    ("target", MetricField::Target),
                    ("current", MetricField::Current),
                ],
            ),
        }
    };
    let title = match editing {
        Editing::New => "New metric".to_string(),
        Editing::At(_) => "Edit metric".to_string(),
    };
    view! {
        <form class="item-form" novalidate on:submit=save aria-label=title.clone()>
            <h3>{title.clone()}</h3>
            <div class="grid-2">
                <Field id="metric-name" label="Metric" error=errors.at(MetricField::Name)>
                    <TextInput value=name placeholder="e.g. Weekly active seats"/>
                </Field>
                <Field id="metric-unit" label="Unit" error=errors.at(MetricField::Unit)>
                    <TextInput value=unit placeholder="e.g. %, hours, tickets a month"/>
                </Field>
                <Field id="metric-rule" label="Met when">
                    <Select value=rule options=rule_options()/>
                </Field>
                {move || if is_manual() {
                    view! {
                        <div class="field check-field">
                            <Checkbox checked=met id="metric-met" class="plan-check">" Met"</Checkbox>
                            <p class="field-error"></p>
                        </div>
                    }.into_any()
                } else {
                    view! {
                        <Field id="metric-target" label="Target" error=errors.at(MetricField::Target)>
                            <NumberInput value=target placeholder="e.g. 80"/>
                        </Field>
                        <Field id="metric-current" label="Current" error=errors.at(MetricField::Current)>
                            <NumberInput value=current placeholder="Leave empty until measured"/>
                        </Field>
                    }.into_any()
                }}
            </div>
            <FormMessage errors=errors/>
            <div class="actions">
                <button type="submit" class="btn btn-primary">"Save metric"</button>
                <button type="button" class="btn btn-quiet" on:click=move |_| on_close.run(())>"Cancel"</button>
            </div>
        </form>
    }
}

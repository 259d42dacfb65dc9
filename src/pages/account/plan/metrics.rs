//! Success metrics: target against where the customer is now, met or not by each metric's
//! rule. Status is shown with a colour and a word.

use leptos::prelude::*;

use std::sync::Arc;

use super::{item_actions, save_item, Editing};
use crate::account_handle::AccountHandle;
use crate::components::form::{Checkbox, Field, FormErrors, NumberInput, Select, TextInput};
use crate::components::item_editor::{Adding, Cell, ItemEditor, ItemForm, Layout};
use crate::domain::plan::{
    parse_metric_value, short_number, AccountPlan, MetRule, MetStatus, MetricId, SuccessMetric,
};
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
pub fn MetricsSection(account: AccountHandle, plan: Memo<AccountPlan>) -> impl IntoView {
    let app = use_app();
    let metrics = Memo::new(move |_| plan.with(|p| p.content().metrics.clone()));
    let (remove, move_by) = item_actions::<SuccessMetric>(app, account);
    let editor = ItemEditor {
        key: "metric",
        items: metrics.into(),
        layout: Layout::Table {
            class: "metrics-table",
            head: &[
                ("Metric", ""),
                ("Target", ""),
                ("Current", "num"),
                ("Status", ""),
            ],
            cells: Arc::new(|m: &SuccessMetric, _| {
                let current = match (m.rule, m.current) {
                    (MetRule::Manual { .. }, _) => "—".to_string(),
                    (_, Some(c)) => m.show(c),
                    (_, None) => "not measured".to_string(),
                };
                (
                    String::new(),
                    vec![
                        Cell::row_head(m.name.clone()),
                        Cell::data(target_text(m)),
                        Cell::data(current),
                        Cell::data(status_badge(m.status())),
                    ],
                )
            }),
        },
        empty:
            "No metrics agreed yet. Add the numbers the customer will judge us by, with a target.",
        name: Arc::new(|m: &SuccessMetric, _| format!("metric {}", m.name)),
        remove_question: Arc::new(|m: &SuccessMetric, _| {
            format!("Remove the metric \"{}\"?", m.name)
        }),
        more: None,
        form: Arc::new(move |editing, on_close| {
            view! { <MetricForm account=account plan=plan editing=editing on_close=on_close/> }
                .into_any()
        }),
        first_field: "metric-name",
        adding: Adding::Button {
            label: "Add a metric",
            blocked: None,
        },
        remove,
        move_by,
    };
    view! {
        <section class="card plan-section" aria-labelledby="plan-metrics">
            <h2 id="plan-metrics">"Success metrics"</h2>
            {editor.view()}
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
    account: AccountHandle,
    plan: Memo<AccountPlan>,
    editing: Editing<MetricId>,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let app = use_app();
    let existing = match editing {
        Editing::Item(mid) => {
            plan.with_untracked(|p| p.content().item::<SuccessMetric>(mid).cloned())
        }
        Editing::New => None,
    };
    let metric_id = existing.as_ref().map(|m| m.id).unwrap_or_default();
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

    let save = move |()| {
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
            id: metric_id,
            name: name.get_untracked().trim().to_string(),
            unit: unit.get_untracked().trim().to_string(),
            target: target_value,
            current: current_value,
            rule: r,
        };
        let keys = [
            ("name", MetricField::Name),
            ("unit", MetricField::Unit),
            ("target", MetricField::Target),
            ("current", MetricField::Current),
        ];
        if save_item(app, account, editing, metric, errors, &keys) {
            on_close.run(());
        }
    };
    let title = match editing {
        Editing::New => "New metric".to_string(),
        Editing::Item(_) => "Edit metric".to_string(),
    };
    view! {
        <ItemForm id="metric-form" title=title submit="Save metric" errors=errors on_submit=save on_cancel=on_close>
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
                        <div class="check-field">
                            <Checkbox checked=met id="metric-met" class="plan-check">" Met"</Checkbox>
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
        </ItemForm>
    }
}

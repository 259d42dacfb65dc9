//! Settings: the five health-score weights, each checked where it is typed, shown
//! normalised to 100, applied at once (every score is derived from them) and logged by day.

use leptos::prelude::*;

use crate::browser::{self, Theme};
use crate::components::confirm::ConfirmButton;
use crate::components::data_table::DataTable;
use crate::components::form::{Choice, Field, FormErrors, Model, NumberInput, RadioGroup};
use crate::domain::dates;
use crate::domain::health::{fmt_points, Category, WeightChange, Weights};
use crate::state::use_app;

/// A weight as the user would type it: `30`, `12.5`.
fn weight_text(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e12 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

/// Column headings of the change log.
fn short_name(c: Category) -> &'static str {
    match c {
        Category::Usage => "Usage",
        Category::Adoption => "Adoption",
        Category::Relationship => "Relationship",
        Category::Support => "Support",
        Category::Roi => "ROI",
    }
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    let app = use_app();
    let stored = move || app.ws.with(|w| *w.settings.health.weights());
    let initial = stored();
    let drafts: [RwSignal<String>; 5] =
        std::array::from_fn(|i| RwSignal::new(weight_text(initial.values()[i])));
    let errors = FormErrors::<Category>::new();
    let texts = move || drafts.map(|d| d.get());

    // What the weights would be if the typed values were applied, else what is applied.
    let shown = move || Weights::parse(&texts()).unwrap_or_else(|_| stored());

    let on_change = move |at: Category| {
        let texts = drafts.map(|d| d.get_untracked());
        match Weights::parse(&texts) {
            Ok(new) => {
                errors.clear();
                let today = app.today.get_untracked();
                let mut changed = false;
                app.ws
                    .update(|w| changed = w.settings.health.set_weights(new, today));
                if changed {
                    app.show_toast(
                        "Weights saved. Every score is recalculated with them.",
                        None,
                    );
                }
            }
            Err(es) => {
                // A problem of the whole set (all zero) shows where it was caused.
                errors.show(
                    es.into_iter()
                        .map(|e| (Category::from_key(&e.path).unwrap_or(at), e.message)),
                );
            }
        }
    };

    let reset = move |_| {
        let today = app.today.get_untracked();
        app.ws.update(|w| {
            w.settings.health.reset_weights(today);
        });
        let d = Weights::default();
        for c in Category::ALL {
            drafts[c.index()].set(weight_text(d.get(c)));
        }
        errors.clear();
        app.show_toast(
            "Weights back to the defaults. Every score is recalculated.",
            None,
        );
    };

    let field = move |c: Category| {
        let i = c.index();
        let id = format!("weight-{}", c.key());
        let share_id = format!("{id}-share");
        view! {
            <Field id=id label=c.label() class="weight-row" error=errors.at(c) also_described_by=share_id.clone()>
                <NumberInput value=drafts[i] on_change=move |()| on_change(c)/>
                <span class="weight-share" id=share_id>
                    {move || format!("{} of 100", fmt_points(shown().normalised().get(c)))}
                </span>
            </Field>
        }
    };

    let log = move || {
        let mut changes = app.ws.with(|w| w.settings.health.weight_changes().to_vec());
        changes.reverse();
        let today = app.today.get();
        let table = DataTable::new("weight-log", changes)
            .empty("No changes yet: the weights are as they came.")
            .row_head("Date", move |ch| {
                view! { {dates::long(ch.date)}<span class="sub">{dates::relative(today, ch.date)}</span> }
            })
            .cell_class("log-date");
        Category::ALL
            .into_iter()
            .fold(table, |t, c| {
                let same = move |ch: &WeightChange| ch.old.get(c) == ch.new.get(c);
                t.col(short_name(c), move |ch| {
                    if same(ch) {
                        weight_text(ch.new.get(c))
                    } else {
                        format!(
                            "{} → {}",
                            weight_text(ch.old.get(c)),
                            weight_text(ch.new.get(c))
                        )
                    }
                })
                .num()
                .head_title(c.label())
                .cell_class_of(move |ch| if same(ch) { "muted" } else { "" })
            })
            .view()
    };

    view! {
        <section class="page narrow settings">
            <h1>"Settings"</h1>
            <section class="card" aria-labelledby="weights-h">
                <h2 id="weights-h">"Health score weights"</h2>
                <p class="hint">
                    "How much each signal counts toward the score. Only the proportions matter: "
                    "they are shown scaled to 100. Use 0 to leave a signal out. A change applies at once "
                    "to every account and its whole history, and is logged below so the charts can mark the day."
                </p>
                <div class="weights">{Category::ALL.into_iter().map(field).collect_view()}</div>
                <div class="actions reset-weights">
                    {move || if app.ws.with(|w| w.settings.health.weights().is_default()) {
                        view! { <span class="hint">"These are the default weights (30 / 20 / 20 / 15 / 15)."</span> }.into_any()
                    } else {
                        view! {
                            <ConfirmButton
                                label="Reset to defaults"
                                question="Reset the weights to 30 / 20 / 20 / 15 / 15? Every score is recalculated; the change is logged."
                                confirm_label="Reset weights"
                                on_confirm=Callback::new(reset)
                            />
                        }.into_any()
                    }}
                </div>
            </section>
            <section class="card" aria-labelledby="weight-log-h">
                <h2 id="weight-log-h">"Weight changes"</h2>
                <p class="hint">"Old → new, one line a day (several edits on one day are one change). The trend charts mark these days."</p>
                {log}
            </section>
            <crate::components::kpi_settings::KpiSettingsCard/>
            <ThemeChoice/>
        </section>
    }
}

/// The theme of this device: the system's, light or dark. Applied at once and kept in this
/// browser only (`browser::set_theme`), never in the workspace.
#[component]
fn ThemeChoice() -> impl IntoView {
    let current = RwSignal::new(browser::theme());
    let not_kept = RwSignal::new(false);
    let theme_key = Model::new(
        move || current.get().key().to_string(),
        move |k: String| {
            if let Some(t) = Theme::ALL.into_iter().find(|t| t.key() == k) {
                not_kept.set(!browser::set_theme(t));
                current.set(t);
            }
        },
    );
    let theme_options = Theme::ALL
        .map(|t| Choice::from((t.key().to_string(), t.label().to_string())))
        .to_vec();
    view! {
        <section class="card" aria-labelledby="theme-h">
            <h2 id="theme-h">"Appearance"</h2>
            <RadioGroup name="theme" legend="Theme on this device" class="theme-pick"
                value=theme_key options=theme_options/>
            <p class="hint">"Kept in this browser only: it is not part of the workspace and is not exported."</p>
            {move || not_kept.get().then(|| view! {
                <p class="field-error" role="alert">"This browser does not let the planner keep the choice: it applies until the page is reloaded."</p>
            })}
        </section>
    }
}

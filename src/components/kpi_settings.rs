//! Settings → KPIs: the chance each health band gives a renewal (the forecast) and the
//! yearly expansion target (pipeline coverage). Saved when a value is committed and valid;
//! a refused value shows its message at its field and changes nothing (docs/kpis.md#settings).

use leptos::prelude::*;

use super::form::{Field, FormErrors, FormMessage, NumberInput};
use crate::domain::kpi_settings::{check_target, RenewalOdds};
use crate::domain::money::{read_number, read_typed_amount};
use crate::state::use_app;

fn number_text(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

/// The card's fields: the odds of each band (green, yellow, red, no score) and the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum KpiField {
    Odds(usize),
    Target,
}

#[component]
pub fn KpiSettingsCard() -> impl IntoView {
    let app = use_app();
    let k = app.ws.with_untracked(|w| w.settings.kpi.clone());
    let o = k.renewal_odds;
    let names = ["green", "yellow", "red", "no_score"];
    let labels = [
        "Green health",
        "Yellow health",
        "Red health",
        "No score yet",
    ];
    let drafts: [RwSignal<String>; 4] =
        [o.green, o.yellow, o.red, o.no_score].map(|v| RwSignal::new(number_text(v)));
    let target = RwSignal::new(k.expansion_target.map(number_text).unwrap_or_default());
    // One error map: a band's number at its field, the odds as a set (the form's message),
    // the target at its field.
    let errors = FormErrors::<KpiField>::new();
    let save_odds = move |()| {
        let mut vals = [0.0; 4];
        for i in 0..4 {
            errors.set(KpiField::Odds(i), None);
        }
        errors.set_form(None);
        for (i, d) in drafts.iter().enumerate() {
            match read_number(d.get_untracked().trim()) {
                Some(v) => vals[i] = v,
                None => {
                    errors.set(
                        KpiField::Odds(i),
                        Some(format!("{}: write a percentage from 0 to 100.", labels[i])),
                    );
                    return;
                }
            }
        }
        match RenewalOdds::new(vals[0], vals[1], vals[2], vals[3]) {
            Ok(odds) => {
                app.ws.update(|w| w.settings.kpi.renewal_odds = odds);
                app.show_toast("Renewal odds saved.", None);
            }
            // At the band's own field, named as its label names it.
            Err(e) => match names.iter().position(|n| *n == e.path) {
                Some(i) => errors.set(
                    KpiField::Odds(i),
                    Some(format!("{}: {}", labels[i], e.message)),
                ),
                None => errors.set_form(Some(e.message)),
            },
        }
    };
    let save_target = move |()| {
        let t = target.get_untracked();
        let parsed = if t.trim().is_empty() {
            Ok(None)
        } else {
            read_typed_amount(t.trim())
                .ok_or_else(|| "Write the target as digits, such as 250000.".to_string())
                .and_then(|v| check_target(v).map_err(|e| e.message))
                .map(Some)
        };
        match parsed {
            Ok(v) => {
                errors.set(KpiField::Target, None);
                app.ws.update(|w| w.settings.kpi.expansion_target = v);
                app.show_toast("Expansion target saved.", None);
            }
            Err(e) => errors.set(KpiField::Target, Some(e)),
        }
    };
    view! {
        <section class="card kpi-settings" aria-labelledby="kpi-settings-h">
            <h2 id="kpi-settings-h">"KPIs"</h2>
            <p class="hint">"The chance, in percent, that a renewal due closes, by the account's health band: the KPI page's renewal forecast uses them."</p>
            <div class="arr-change">
                {names.iter().enumerate().map(|(i, n)| view! {
                    <Field id=format!("odds-{n}") label=labels[i] class="inline" error=errors.at(KpiField::Odds(i))>
                        <NumberInput value=drafts[i] on_change=save_odds/>
                    </Field>
                }).collect_view()}
            </div>
            <FormMessage errors=errors/>
            <Field id="expansion-target" label="Expansion target for a year" class="inline" error=errors.at(KpiField::Target)>
                <NumberInput value=target on_change=save_target/>
            </Field>
            <p class="hint">"Pipeline coverage is the open pipeline over the period's share of this target. Leave it empty for none."</p>
        </section>
    }
}

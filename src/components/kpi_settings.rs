//! Settings → KPIs: the chance each health band gives a renewal (the forecast) and the
//! yearly expansion target (pipeline coverage). Saved when a value is committed and valid;
//! a refused value shows its message at its field and changes nothing (docs/kpis.md#settings).

use leptos::prelude::*;

use crate::domain::kpi_settings::{check_target, RenewalOdds};
use crate::domain::money::read_number;
use crate::state::use_app;

fn number_text(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
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
    let odds_error = RwSignal::new(None::<String>);
    let target = RwSignal::new(k.expansion_target.map(number_text).unwrap_or_default());
    let target_error = RwSignal::new(None::<String>);
    let save_odds = move || {
        let mut vals = [0.0; 4];
        for (i, d) in drafts.iter().enumerate() {
            match read_number(d.get_untracked().trim()) {
                Some(v) => vals[i] = v,
                None => {
                    odds_error.set(Some(format!(
                        "{}: write a percentage from 0 to 100.",
                        labels[i]
                    )));
                    return;
                }
            }
        }
        match RenewalOdds::new(vals[0], vals[1], vals[2], vals[3]) {
            Ok(odds) => {
                odds_error.set(None);
                app.ws.update(|w| w.settings.kpi.renewal_odds = odds);
                app.show_toast("Renewal odds saved.", None);
            }
            Err(e) => odds_error.set(Some(e)),
        }
    };
    let save_target = move || {
        let t = target.get_untracked();
        let parsed = if t.trim().is_empty() {
            Ok(None)
        } else {
            read_number(t.trim())
                .ok_or_else(|| "Write the target as digits, such as 250000.".to_string())
                .and_then(check_target)
                .map(Some)
        };
        match parsed {
            Ok(v) => {
                target_error.set(None);
                app.ws.update(|w| w.settings.kpi.expansion_target = v);
                app.show_toast("Expansion target saved.", None);
            }
            Err(e) => target_error.set(Some(e)),
        }
    };
    view! {
        <section class="card kpi-settings" aria-labelledby="kpi-settings-h">
            <h2 id="kpi-settings-h">"KPIs"</h2>
            <p class="hint">"The chance, in percent, that a renewal due closes, by the account's health band: the KPI page's renewal forecast uses them."</p>
            <div class="arr-change">
                {names.iter().enumerate().map(|(i, n)| view! {
                    <div class="field inline">
                        <label for=format!("odds-{n}")>{labels[i]}</label>
                        <input id=format!("odds-{n}") type="text" inputmode="decimal" autocomplete="off"
                            aria-describedby="odds-err"
                            prop:value=move || drafts[i].get()
                            on:input=move |ev| drafts[i].set(event_target_value(&ev))
                            on:change=move |_| save_odds()/>
                    </div>
                }).collect_view()}
            </div>
            <p class="field-error" id="odds-err" role="alert">{move || odds_error.get()}</p>
            <div class="field inline" class:has-error=move || target_error.with(Option::is_some)>
                <label for="expansion-target">"Expansion target for a year"</label>
                <input id="expansion-target" type="text" inputmode="decimal" autocomplete="off"
                    aria-describedby="expansion-target-err"
                    aria-invalid=move || target_error.with(Option::is_some).to_string()
                    prop:value=move || target.get()
                    on:input=move |ev| target.set(event_target_value(&ev))
                    on:change=move |_| save_target()/>
                <p class="field-error" id="expansion-target-err" role="alert">{move || target_error.get()}</p>
            </div>
            <p class="hint">"Pipeline coverage is the open pipeline over the period's share of this target. Leave it empty for none."</p>
        </section>
    }
}

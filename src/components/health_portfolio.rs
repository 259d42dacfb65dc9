//! The Portfolio page's health pieces: the band / declining / stale filters, the health
//! cells of a row, and the two portfolio charts (health mix, score distribution).

use leptos::prelude::*;

use crate::charts::{portfolio_mix_svg, score_distribution_svg};
use crate::components::health::{band_badge, flag_badges, trend_view, ChartBox};
use crate::domain::health::{Band, HealthSummary};
use crate::domain::portfolio::{BandFilter, Filter, PortfolioQuery};
use crate::state::use_app;

/// The band select and the two "only" checkboxes, for the toolbar.
/// The filter part of the portfolio's query (the page's one signal, kept in its address):
/// the filter controls read and change it as if it were a signal of its own.
#[derive(Clone, Copy)]
pub struct PortfolioFilter(pub RwSignal<PortfolioQuery>);

impl PortfolioFilter {
    pub fn with<T>(self, f: impl FnOnce(&Filter) -> T) -> T {
        self.0.with(|q| f(&q.filter))
    }
    pub fn update(self, f: impl FnOnce(&mut Filter)) {
        self.0.update(|q| f(&mut q.filter))
    }
    pub fn set(self, filter: Filter) {
        self.update(|f| *f = filter)
    }
}

#[component]
pub fn HealthFilterBar(filter: PortfolioFilter) -> impl IntoView {
    let band = move || filter.with(|f| f.band.key());
    let options = [
        (BandFilter::All, "All bands".to_string()),
        (
            BandFilter::Band(Band::Green),
            format!("{} (green)", Band::Green.label()),
        ),
        (
            BandFilter::Band(Band::Yellow),
            format!("{} (yellow)", Band::Yellow.label()),
        ),
        (
            BandFilter::Band(Band::Red),
            format!("{} (red)", Band::Red.label()),
        ),
        (BandFilter::NoScore, "No score yet".to_string()),
    ];
    view! {
        <div class="health-filters">
            <div class="inline-field">
                <label for="health-band">"Health"</label>
                <select
                    id="health-band"
                    prop:value=band
                    on:change=move |ev| {
                        let b = BandFilter::from_key(&event_target_value(&ev)).unwrap_or_default();
                        filter.update(|f| f.band = b);
                    }
                >
                    {options.into_iter().map(|(b, text)| {
                        let key = b.key();
                        view! { <option value=key selected=move || band() == key>{text}</option> }
                    }).collect_view()}
                </select>
            </div>
            <label class="hp-check">
                <input type="checkbox"
                    prop:checked=move || filter.with(|f| f.declining)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        filter.update(|f| f.declining = on);
                    }/>
                "Declining only"
            </label>
            <label class="hp-check">
                <input type="checkbox"
                    prop:checked=move || filter.with(|f| f.stale)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        filter.update(|f| f.stale = on);
                    }/>
                "Stale only"
            </label>
        </div>
    }
}

/// The score cell: "67.5" and the band in words and colour; "incomplete" when it is.
pub fn score_cell(s: &HealthSummary) -> impl IntoView {
    let value = s.score.as_ref().map(|x| x.display());
    let incomplete = s.incomplete();
    let data = value.clone().unwrap_or_default();
    view! {
        <td class="health-cell" data-score=data>
            {value.map(|v| view! { <span class="score-cell">{v}</span> })}
            {band_badge(s.band())}
            {incomplete.then(|| view! {
                <span class="sub" title="Some signals are unknown; scored on the others">"incomplete"</span>
            })}
        </td>
    }
}

pub fn trend_cell(s: &HealthSummary) -> impl IntoView {
    view! { <td class="num trend-cell">{trend_view(s.trend)}</td> }
}

pub fn flags_cell(s: &HealthSummary) -> impl IntoView {
    view! { <td class="flags-cell">{flag_badges(s)}</td> }
}

/// The two portfolio charts in cards, side by side on wide screens.
#[component]
pub fn PortfolioHealthCharts() -> impl IntoView {
    let app = use_app();
    let mix = move |width: u32| {
        app.ws.with(|w| {
            let height = if width < 420 { 190 } else { 170 };
            portfolio_mix_svg(&w.health_mix(), &w.currency, width, height)
        })
    };
    let dist = move |width: u32| {
        app.ws
            .with(|w| score_distribution_svg(&w.health_scores(), width, 190))
    };
    view! {
        <div class="chart-pair">
            <section class="card chart-card" aria-labelledby="mix-h">
                <h2 id="mix-h">"Health mix"</h2>
                <p class="hint">"Accounts and ARR in each band."</p>
                <ChartBox render=mix/>
            </section>
            <section class="card chart-card" aria-labelledby="dist-h">
                <h2 id="dist-h">"Score distribution"</h2>
                <p class="hint">"How many accounts score in each 10-point range."</p>
                <ChartBox render=dist/>
            </section>
        </div>
    }
}

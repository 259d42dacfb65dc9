//! The Portfolio page's health pieces: the band / declining / stale filters, the health
//! cells of a row, and the two portfolio charts (health mix, score distribution).

use leptos::prelude::*;

use crate::charts::{portfolio_mix_svg, score_distribution_svg};
use crate::components::chart_box::{ChartBox, ChartPlace};
use crate::components::form::{Checkbox, Field, Model, Select};
use crate::components::health::{band_badge, flag_badges, trend_view};
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
    /// One filter as a form kit value: what `read` finds in the filter, changed by `write`.
    pub fn model<T: Clone + Send + Sync + 'static>(
        self,
        read: fn(&Filter) -> T,
        write: fn(&mut Filter, T),
    ) -> Model<T> {
        Model::new(
            move || self.with(read),
            move |v| self.update(|f| write(f, v)),
        )
    }
}

#[component]
pub fn HealthFilterBar(filter: PortfolioFilter) -> impl IntoView {
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
    ]
    .map(|(b, text)| (b.key().to_string(), text))
    .to_vec();
    let band = filter.model(
        |f| f.band.key().to_string(),
        |f, k| f.band = BandFilter::from_key(&k).unwrap_or_default(),
    );
    view! {
        <div class="health-filters">
            {filter_select("health-band", "Health", band, options)}
            {filter_check(filter, "Declining only", |f| f.declining, |f, on| f.declining = on)}
            {filter_check(filter, "Stale only", |f| f.stale, |f, on| f.stale = on)}
        </div>
    }
}

/// A drop-down of the filter bar: its label beside it.
pub fn filter_select(
    id: &'static str,
    label: &'static str,
    value: Model<String>,
    options: impl Into<Signal<Vec<(String, String)>>>,
) -> impl IntoView {
    let options = options.into();
    view! {
        <Field id=id label=label class="filter">
            <Select value=value options=options/>
        </Field>
    }
}

/// A tick box of the filter bar: its text and the flag of the filter it reads and sets.
pub fn filter_check(
    filter: PortfolioFilter,
    text: &'static str,
    read: fn(&Filter) -> bool,
    write: fn(&mut Filter, bool),
) -> impl IntoView {
    view! { <Checkbox checked=filter.model(read, write) class="check-filter">{text}</Checkbox> }
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
                <ChartBox render=mix place=ChartPlace::PortfolioPair/>
            </section>
            <section class="card chart-card" aria-labelledby="dist-h">
                <h2 id="dist-h">"Score distribution"</h2>
                <p class="hint">"How many accounts score in each 10-point range."</p>
                <ChartBox render=dist place=ChartPlace::PortfolioPair/>
            </section>
        </div>
    }
}

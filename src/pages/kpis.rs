//! The KPI page (`/kpis`): NRR, GRR, renewal rate, expansion share, new ARR, health mix by
//! ARR, the renewal forecast and pipeline coverage for a chosen period, each beside its
//! target and opening the accounts and ARR changes behind it; NRR and GRR by quarter.
//! Every rule is in `domain::kpi` (docs/kpis.md).

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::charts::retention::retention_svg;
use crate::components::chart_box::{ChartBox, ChartPlace};
use crate::components::disclosure::Disclosure;
use crate::components::form::{DateInput, Field, Model, Select};
use crate::components::url_state::use_url_state;
use crate::domain::dates::{long, read_date};
use crate::domain::kpi::{
    self, kpis, percent, AccountLine, KpiQuery, Kpis, Line, Period, PeriodChoice, COVERAGE_TARGET,
    GRR_TARGET, NRR_TARGET, RENEWAL_RATE_TARGET,
};
use crate::domain::{plural, Currency};
use crate::state::use_app;

#[component]
pub fn KpisPage() -> impl IntoView {
    let app = use_app();
    let today0 = app.today.get_untracked();
    let state = use_url_state(
        "/kpis",
        move |pairs| KpiQuery::from_pairs(pairs, today0),
        KpiQuery::to_pairs,
    );
    let choice = Memo::new(move |_| state.with(|q| q.choice));
    let custom = move || -> Result<Period, String> {
        let (from, to) = state.with(|q| (q.from.clone(), q.to.clone()));
        let start = read_date(&from).map_err(|e| format!("First day: {e}"))?;
        let end = read_date(&to).map_err(|e| format!("Last day: {e}"))?;
        Period::custom(start, end).map_err(|e| e.message)
    };
    let period = move || -> Result<Period, String> {
        let today = app.today.get();
        match choice.get().period(today) {
            Some(p) => Ok(p),
            None => custom(),
        }
    };
    let figures = Memo::new(move |_| {
        let today = app.today.get();
        period().map(|p| app.ws.with(|w| (kpis(w, p, today), w.currency.clone())))
    });
    let chart = move |width: u32| {
        let today = app.today.get();
        app.ws.with(|w| {
            let rows: Vec<_> = kpi::retention_by_quarter(w, today, 8)
                .into_iter()
                .map(|(p, n, g)| (p.label(), n, g))
                .collect();
            retention_svg(&rows, width, 240)
        })
    };
    let period_key = Model::new(
        move || choice.get().key().to_string(),
        move |k: String| {
            if let Some(c) = PeriodChoice::from_key(&k) {
                state.update(|q| q.choice = c)
            }
        },
    );
    let period_options = PeriodChoice::ALL
        .iter()
        .map(|c| (c.key().to_string(), c.label().to_string()))
        .collect::<Vec<_>>();
    let first_day = Model::new(
        move || state.with(|q| q.from.clone()),
        move |d| state.update(|q| q.from = d),
    );
    let last_day = Model::new(
        move || state.with(|q| q.to.clone()),
        move |d| state.update(|q| q.to = d),
    );
    view! {
        <section class="page kpi-page">
            <div class="page-head">
                <h1>"KPIs"</h1>
                <p class="hint">"How the portfolio's ARR was kept and grown over a period. Open a figure to see the accounts and ARR changes behind it."</p>
            </div>
            <div class="kpi-period card">
                <Field id="kpi-period" label="Period" class="inline">
                    <Select value=period_key options=period_options/>
                </Field>
                <Show when=move || choice.get() == PeriodChoice::Custom>
                    <Field id="kpi-from" label="First day" class="inline">
                        <DateInput value=first_day/>
                    </Field>
                    <Field id="kpi-to" label="Last day" class="inline">
                        <DateInput value=last_day/>
                    </Field>
                </Show>
                <p class="kpi-period-label" aria-live="polite">{move || match period() {
                    // Custom days are already named by the fields; the others by their label.
                    Ok(p) if choice.get() == PeriodChoice::Custom => format!("{} to {}", long(p.start), long(p.end)),
                    Ok(p) => format!("{}: {} to {}", p.label(), long(p.start), long(p.end)),
                    Err(_) => String::new(),
                }}</p>
                <p class="field-error" role="alert">{move || period().err()}</p>
            </div>
            {move || figures.get().ok().map(|(k, cur)| view! { <Figures k=k cur=cur/> })}
            <section class="card chart-card" aria-labelledby="kpi-chart-h">
                <h2 id="kpi-chart-h">"NRR and GRR by quarter"</h2>
                <p class="hint">"The last eight calendar quarters; this one counted to date."</p>
                <ChartBox render=chart place=ChartPlace::PageCard/>
            </section>
        </section>
    }
}

fn or_none(x: Option<f64>) -> String {
    x.map(percent).unwrap_or_else(|| "—".into())
}

/// A KPI tile: its name, figure, target, whether the target is met, and what is behind it.
fn tile(
    id: &'static str,
    name: &'static str,
    figure: String,
    target: String,
    met: Option<bool>,
    note: Option<String>,
    behind: impl Fn() -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let state = match met {
        Some(true) => "kpi-met",
        Some(false) => "kpi-missed",
        None => "kpi-unknown",
    };
    let mark = match met {
        Some(true) => "✓ target met",
        Some(false) => "✗ below target",
        None => "",
    };
    view! {
        <section class=format!("card kpi-tile {state}") data-kpi=id aria-labelledby=format!("kpi-{id}")>
            <h2 id=format!("kpi-{id}")>{name}</h2>
            <p class="kpi-figure">{figure}</p>
            <p class="kpi-target">{target}" "<span class="kpi-mark">{mark}</span></p>
            {note.map(|n| view! { <p class="hint">{n}</p> })}
            <Disclosure class="kpi-behind" summary="What is behind it">{behind()}</Disclosure>
        </section>
    }
}

fn lines_view(title: &'static str, lines: &[Line], cur: &Currency) -> AnyView {
    if lines.is_empty() {
        return view! { <p class="empty-note">{format!("{title}: none.")}</p> }.into_any();
    }
    let rows = lines
        .iter()
        .map(|l| {
            let note = if l.event.note.is_empty() {
                String::new()
            } else {
                format!(" · {}", l.event.note)
            };
            view! {
                <li>
                    <a href=format!("/accounts/{}", l.account.0)>{l.name.clone()}</a>
                    {format!(": {} {} on {}{note}", l.event.kind.label().to_lowercase(), cur.format(l.event.amount), long(l.event.date))}
                </li>
            }
        })
        .collect_view();
    view! { <h3>{title}</h3><ul class="kpi-lines">{rows}</ul> }.into_any()
}

fn accounts_view(title: &'static str, lines: &[AccountLine], cur: &Currency) -> AnyView {
    if lines.is_empty() {
        return view! { <p class="empty-note">{format!("{title}: none.")}</p> }.into_any();
    }
    let item = {
        let cur = cur.clone();
        move |l: AccountLine| {
            view! {
                <li><a href=format!("/accounts/{}", l.account.0)>{l.name}</a>{format!(": {}", cur.format(l.amount))}</li>
            }
        }
    };
    let (first, rest) = kpi::largest_first(lines, kpi::SHOWN_FIRST);
    let more = (!rest.is_empty()).then(|| {
        let n = rest.len();
        let item = item.clone();
        view! {
            <Disclosure class="kpi-more" summary=format!("Show {} more", crate::domain::grouped(n))>
                <ul class="kpi-lines">{rest.clone().into_iter().map(&item).collect_view()}</ul>
            </Disclosure>
        }
    });
    view! {
        <h3>{title}</h3>
        <ul class="kpi-lines">{first.into_iter().map(item).collect_view()}</ul>
        {more}
    }
    .into_any()
}

#[component]
fn Figures(k: Kpis, cur: Currency) -> impl IntoView {
    let no_start = (k.starting_arr <= 0.0).then(|| {
        "No account had ARR the day before this period: nothing to divide by.".to_string()
    });
    let flows = {
        let (k, cur) = (k.clone(), cur.clone());
        move || {
            view! {
                <p>{format!("Starting ARR {} · expansion {} · contraction {} · churn {}",
                    cur.format(k.starting_arr), cur.format(k.expansion), cur.format(k.contraction), cur.format(k.churn))}</p>
                {accounts_view("Starting accounts", &k.starting, &cur)}
                {lines_view("Expansion", &k.expansion_lines, &cur)}
                {lines_view("Contraction", &k.contraction_lines, &cur)}
                {lines_view("Churn", &k.churn_lines, &cur)}
                {lines_view("Corrections (not counted)", &k.corrections, &cur)}
            }
            .into_any()
        }
    };
    let renewals = {
        let (k, cur) = (k.clone(), cur.clone());
        move || {
            view! {
                {lines_view("Renewed", &k.renewed, &cur)}
                {lines_view("Lost (churned)", &k.lost, &cur)}
            }
            .into_any()
        }
    };
    let decided = k.renewed.len() + k.lost.len();
    let due_note = (!k.due_without_outcome.is_empty()).then(|| {
        format!(
            "{} due in the period with no outcome yet, not counted.",
            plural(k.due_without_outcome.len(), "renewal", "renewals")
        )
    });
    let share_target = k.expansion_share_target();
    let green = k.green_share();
    let health = {
        let (k, cur) = (k.clone(), cur.clone());
        let rows = [
            ("Green (above 75)", k.health_arr[0]),
            ("Yellow (50 to 75)", k.health_arr[1]),
            ("Red (below 50)", k.health_arr[2]),
            ("No score yet", k.unscored_arr),
        ];
        move || {
            view! {
                <ul class="kpi-lines">{rows.into_iter().map(|(b, v)| view! { <li>{format!("{b}: {}", cur.format(v))}</li> }).collect_view()}</ul>
            }
            .into_any()
        }
    };
    let forecast_behind = {
        let (k, cur) = (k.clone(), cur.clone());
        move || {
            if k.due_without_outcome.is_empty() {
                view! { <p class="empty-note">"No renewal due in this period is waiting for an outcome."</p> }.into_any()
            } else {
                view! {
                <ul class="kpi-lines">{k.due_without_outcome.iter().map(|d| view! {
                    <li><a href=format!("/accounts/{}/renewal", d.account.0)>{d.name.clone()}</a>
                        {format!(": {} due {}{} · {} × {:.0}%", cur.format(d.arr), long(d.due),
                            if d.passed { " (passed: record the outcome)" } else { "" },
                            d.band.map(|b| b.label()).unwrap_or("no score"), d.odds)}</li>
                }).collect_view()}</ul>
            }
            .into_any()
            }
        }
    };
    let coverage_behind = {
        let (k, cur) = (k.clone(), cur.clone());
        move || {
            view! {
                <p>{match k.target {
                    Some(t) => format!("Target for this period: {} (its share of the yearly target).", cur.format(t)),
                    None => "No expansion target yet: set one in Settings.".to_string(),
                }}</p>
                {accounts_view("Open opportunities by account", &k.pipeline_lines, &cur)}
            }
            .into_any()
        }
    };
    let new_behind = {
        let (k, cur) = (k.clone(), cur.clone());
        move || lines_view("New ARR", &k.new_lines, &cur)
    };
    let expansion_behind = {
        let (k, cur) = (k.clone(), cur.clone());
        move || lines_view("Expansion", &k.expansion_lines, &cur)
    };
    view! {
        <div class="kpi-grid">
            {tile("nrr", "Net revenue retention", or_none(k.nrr()), format!("Target above {}", percent(NRR_TARGET)),
                k.nrr().map(|v| v > NRR_TARGET), no_start.clone(), flows.clone())}
            {tile("grr", "Gross revenue retention", or_none(k.grr()), format!("Target above {}", percent(GRR_TARGET)),
                k.grr().map(|v| v > GRR_TARGET), no_start.clone(), flows)}
            {tile("renewal-rate", "Renewal rate", or_none(k.renewal_rate()), format!("Target above {}", percent(RENEWAL_RATE_TARGET)),
                k.renewal_rate().map(|v| v > RENEWAL_RATE_TARGET),
                Some(format!("{} with an outcome. {}", plural(decided, "renewal", "renewals"), due_note.clone().unwrap_or_default())), renewals)}
            {tile("expansion-share", "Expansion share", or_none(k.expansion_share()), format!("Target above {}% for this period (25% a year)", crate::domain::numbers::short_number(share_target * 100.0)),
                k.expansion_share().map(|v| v > share_target), no_start, expansion_behind)}
            {tile("new-arr", "New ARR", cur.format(k.new_arr), "Shown apart: in no ratio".into(), None, None, new_behind)}
            {tile("health-mix", "ARR in green health", or_none(green), "Target: all ARR above 75".into(),
                green.map(|g| g >= 1.0), Some("Today's ARR by health band, churned accounts left out.".into()), health)}
            {tile("forecast", "Renewal forecast", cur.format(k.forecast), format!("Of {} due with no outcome yet", cur.format(k.due_arr())),
                None, Some("ARR due × the chance its health band gives (Settings).".into()), forecast_behind)}
            {tile("coverage", "Pipeline coverage", k.coverage().map(|c| format!("{c:.1}×")).unwrap_or_else(|| "—".into()),
                format!("Target {COVERAGE_TARGET:.0} to 4×"), k.coverage().map(|c| c >= COVERAGE_TARGET),
                Some(match k.target {
                    Some(_) => format!("Open pipeline {}.", cur.format(k.pipeline)),
                    None => format!("Open pipeline {}. No expansion target yet: set one in Settings to see the coverage.", cur.format(k.pipeline)),
                }), coverage_behind)}
        </div>
        <DueList k=k cur=cur/>
    }
}

/// Renewals due in the period with no outcome yet, the passed ones first.
#[component]
fn DueList(k: Kpis, cur: Currency) -> impl IntoView {
    let today: NaiveDate = use_app().today.get_untracked();
    (!k.due_without_outcome.is_empty()).then(|| view! {
        <section class="card kpi-due" aria-labelledby="kpi-due-h">
            <h2 id="kpi-due-h">"Due in this period, no outcome yet"</h2>
            <p class="hint">"Counted apart: the renewal rate never guesses them."</p>
            <ul class="kpi-lines">{k.due_without_outcome.iter().map(|d| view! {
                <li>
                    <a href=format!("/accounts/{}/renewal", d.account.0)>{d.name.clone()}</a>
                    {format!(": {} · {}", cur.format(d.arr), crate::domain::dates::relative(today, d.due))}
                    {d.passed.then(|| view! { <span class="kpi-chip">"Outcome to record"</span> })}
                </li>
            }).collect_view()}</ul>
        </section>
    })
}

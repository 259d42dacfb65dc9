//! The portfolio: every account in one table, filtered and sorted by the query of
//! `domain::portfolio`, with the demo banner on sample data.
//!
//! Filters and sort live in the page address (`?q=...&band=red&sort=arr&dir=desc`), so Back
//! and bookmarks bring them back; a value the page cannot read is ignored. The table is a
//! keyed list of the accounts' facts: a sort moves rows, a filter adds or removes them,
//! and a row is drawn again only when its own facts change. A long table draws only the
//! rows in view (`components::row_window`); `aria-rowcount` and `aria-rowindex` tell
//! assistive technology where each drawn row stands.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::components::form::{options_with_none, Field, Model, TextInput};
use crate::components::health_portfolio::{
    filter_check, filter_select, flags_cell, score_cell, trend_cell, HealthFilterBar,
    PortfolioFilter, PortfolioHealthCharts,
};
use crate::components::renewal_bits::{next_milestone_cell, status_line};
use crate::components::row_window::{row_window, ROW_REM};
use crate::components::sort_header::sort_header;
use crate::components::url_state::use_url_state;
use crate::derived::use_derived;
use crate::domain::portfolio::{
    query, summary, Column, Facts, Filter, PortfolioQuery, RenewalWindow, Sort,
};
use crate::domain::window::DRAW_ALL_UP_TO;
use crate::domain::{dates, AccountId, Currency, Tier};
use crate::state::use_app;

/// The parts of the portfolio's first drawing in a page, in the order they come.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Part {
    Head,
    Figures,
    Charts,
    Filters,
    All,
}

impl Part {
    /// Whether `part` is drawn once the drawing has come to `self`.
    fn shows(self, part: Part) -> bool {
        self >= part
    }

    fn next(self) -> Option<Part> {
        match self {
            Part::Head => Some(Part::Figures),
            Part::Figures => Some(Part::Charts),
            Part::Charts => Some(Part::Filters),
            Part::Filters => Some(Part::All),
            Part::All => None,
        }
    }
}

/// Draws the next part in a task of its own, and so on until all are drawn.
fn draw_in_turn(part: RwSignal<Part>) {
    if let Some(next) = part.get_untracked().next() {
        crate::browser::next_task(move || {
            if part.try_set(next).is_none() {
                draw_in_turn(part);
            }
        });
    }
}

thread_local! {
    /// Whether the portfolio has been drawn in this page.
    static DRAWN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Columns of the table, for the "nothing matches" row.
const COLUMNS: &str = "10";

/// "Mid-market · Retail" under the account name.
fn sub_line(segment: Option<&str>, industry: &str) -> String {
    [segment.unwrap_or(""), industry.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

#[component]
pub fn PortfolioPage() -> impl IntoView {
    let app = use_app();
    let derived = use_derived();
    crate::app::WidePage::claim();

    // The address is the source of the filters and sort (`components::url_state`).
    let state = use_url_state(
        "/",
        |pairs| PortfolioQuery::from_pairs(pairs),
        PortfolioQuery::to_pairs,
    );
    let current = move || state.get();
    let sort = Memo::new(move |_| state.with(|q| (q.sort.column, q.sort.ascending)));
    let set_sort = Callback::new(move |(column, ascending)| {
        state.update(|q| q.sort = Sort { column, ascending })
    });

    let visible = Memo::new_with_compare(
        move |_| {
            let q = current();
            let today = app.today.get();
            derived.facts.with(|m| {
                let ids = query(m.values().map(|f| &**f), &q, today);
                ids.into_iter()
                    .filter_map(|id| m.get(&id).cloned())
                    .collect::<Vec<_>>()
            })
        },
        rows_changed,
    );
    // Where each account stands in the table (for `aria-rowindex`), and the window of
    // rows drawn: all of a short table, the rows in view of a long one, kept wide enough
    // to hold the row with the keyboard focus when it is near.
    let total = Memo::new(move |_| visible.with(Vec::len));
    let position = Memo::new(move |_| {
        visible.with(|v| {
            v.iter()
                .enumerate()
                .map(|(i, f)| (f.id, i))
                .collect::<HashMap<_, _>>()
        })
    });
    let focused: RwSignal<Option<AccountId>> = RwSignal::new(None);
    let focused_row = Signal::derive(move || {
        focused
            .get()
            .and_then(|id| position.with(|p| p.get(&id).copied()))
    });
    let body = NodeRef::<leptos::html::Tbody>::new();
    let window = row_window(body, total, focused_row);
    let drawn = Memo::new_with_compare(
        move |_| {
            let w = window.get();
            visible.with(|v| v[w.start.min(v.len())..w.end.min(v.len())].to_vec())
        },
        rows_changed,
    );
    let windowed = move || total.get() > DRAW_ALL_UP_TO;
    let gap = move |above: bool| {
        let (up, down) = window.get().hidden(total.get());
        let n = if above { up } else { down };
        (n > 0).then(|| {
            let height = format!("{}rem", n as f64 * ROW_REM);
            view! { <tr class="pf-gap" aria-hidden="true"><td colspan=COLUMNS style:height=height></td></tr> }
        })
    };
    let currency = Memo::new(move |_| app.ws.with(|w| w.currency.clone()));
    let has_accounts = Memo::new(move |_| app.ws.with(|w| !w.accounts().is_empty()));
    let demo = Memo::new(move |_| app.ws.with(|w| w.demo));
    let summary = Memo::new(move |_| {
        let today = app.today.get();
        derived
            .facts
            .with(|m| summary(m.values().map(|f| &**f), today))
    });
    let money = move |x: f64| currency.with(|c| c.format_short(x));

    // The first drawing of the portfolio in a page (the start) is made in five tasks: what
    // the frame of `index.html` shows (the demo note and the heading row), then the figures,
    // the charts, the filters, the table. That drawing is mostly the browser compiling the
    // code it runs for the first time, so in one task it kept the page from answering for
    // longest (docs/build.md, "A first visit's long tasks"). Each part goes below the ones
    // before, so nothing drawn moves. Later drawings run compiled code and are made at once,
    // and so is the first on a visit whose code the browser has compiled before
    // (`app::code_is_new`).
    let part = RwSignal::new(if DRAWN.replace(true) || !crate::app::code_is_new() {
        Part::All
    } else {
        Part::Head
    });
    draw_in_turn(part);

    // What is not the table (the week's count) waits for the page's first paint: the first
    // rows, or on the page's first drawing its head.
    let painted = RwSignal::new(false);
    crate::browser::after_paint(move || {
        let _ = painted.try_set(true);
    });

    let header = move |key: Column, label: &'static str, numeric: bool| {
        sort_header(sort.into(), set_sort, key, label, numeric)
    };

    view! {
        <section class="page" aria-busy=move || (!part.get().shows(Part::All)).then_some("true")>
            <Show when=move || demo.get()>
                <div class="banner banner-demo" role="note">
                    <strong>"Demo workspace. "</strong>
                    "These eight accounts are made up so you can try the planner. Clear them from the "
                    <a href="/data">"Data page"</a>" when you are ready to enter your own."
                </div>
            </Show>
            <div class="page-head">
                <h1>"Portfolio"</h1>
                // The week's count goes through every account's work: the link with its
                // count follows the first rows, one frame later, in the place kept for it.
                <Show when=move || painted.get() fallback=|| view! { <span class="week-link" aria-hidden="true">"This week"</span> }>
                    <crate::pages::week::WeekLink/>
                </Show>
                <a class="btn" href="/kpis">"KPIs"</a>
                <a class="btn btn-primary" href="/accounts/new">"New account"</a>
            </div>
            <Show when=move || part.get().shows(Part::Figures)>
                <crate::components::renewal_outcome::AwaitingOutcomes/>
                <dl class="stat-row">
                    <div class="stat"><dt>"Accounts"</dt><dd>{move || summary.get().accounts}</dd></div>
                    <div class="stat"><dt>"Total ARR"</dt><dd>{move || money(summary.get().total_arr)}</dd></div>
                    <div class="stat"><dt>"ARR renewing in 90 days"</dt><dd>{move || money(summary.get().arr_renewing_90)}</dd></div>
                    <div class="stat"><dt>"Tier 1 accounts"</dt><dd>{move || summary.get().tier1}</dd></div>
                </dl>
            </Show>
            <Show when=move || has_accounts.get() && part.get().shows(Part::Charts)>
                <PortfolioHealthCharts/>
            </Show>
            <Show when=move || part.get().shows(Part::Filters)>
                <Toolbar filter=PortfolioFilter(state)/>
            </Show>
            <Show when=move || part.get().shows(Part::All)>
                <Show
                    when=move || has_accounts.get()
                    fallback=|| view! {
                        <div class="empty">
                            <p>"No accounts yet."</p>
                            <p><a class="btn btn-primary" href="/accounts/new">"Add your first account"</a>
                            " or import a workspace file or a CSV from your CRM on the "<a href="/data">"Data page"</a>"."</p>
                        </div>
                    }
                >
                    <div class="table-wrap">
                        <table class="accounts" class:windowed=windowed
                            aria-rowcount=move || (total.get() > 0).then(|| total.get() + 1)>
                            // A long table's columns take fixed shares of its width
                            // (style/portfolio.css), so drawing other rows never moves them.
                            <colgroup>
                                <col class="pf-col-name"/><col class="pf-col-tier"/><col class="pf-col-arr"/>
                                <col class="pf-col-health"/><col class="pf-col-trend"/><col class="pf-col-flags"/>
                                <col class="pf-col-renewal"/><col class="pf-col-next"/><col class="pf-col-owner"/>
                                <col class="pf-col-risks"/>
                            </colgroup>
                            <thead><tr aria-rowindex="1">
                                {header(Column::Name, "Account", false)}
                                {header(Column::Tier, "Tier", false)}
                                {header(Column::Arr, "ARR", true)}
                                {header(Column::Health, "Health", false)}
                                {header(Column::Trend, "Trend", true)}
                                {header(Column::Flags, "Flags", false)}
                                {header(Column::Renewal, "Renewal", false)}
                                {header(Column::NextMilestone, "Next milestone", false)}
                                {header(Column::Owner, "Owner", false)}
                                {header(Column::Risks, "Risks", true)}
                            </tr></thead>
                            <tbody node_ref=body on:focusout=move |_| focused.set(None)>
                                {move || visible.with(Vec::is_empty).then(|| view! {
                                    <tr><td colspan=COLUMNS class="muted">"No account matches the filters."</td></tr>
                                })}
                                {move || gap(true)}
                                <For
                                    each=move || drawn.get()
                                    key=row_key
                                    children=move |f| account_row(&f, currency, position, focused)
                                />
                                {move || gap(false)}
                            </tbody>
                        </table>
                        <p class="footnote">"* tier set by hand; others follow the ARR rank (top 15% Tier 1, next 35% Tier 2)."</p>
                    </div>
                </Show>
            </Show>
        </section>
    }
}

/// Search, the health filters, tier, owner, renewal window and single-threaded.
#[component]
fn Toolbar(filter: PortfolioFilter) -> impl IntoView {
    // Every owner name of the workspace (docs/account-depth.md#owners).
    let app = use_app();
    let owner_names = Memo::new(move |_| app.ws.with(crate::domain::owners::names));
    let text = filter.model(|f| f.text.clone(), |f, t| f.text = t);
    let tier = filter.model(
        |f| f.tier.map(|t| t.number().to_string()).unwrap_or_default(),
        |f, k| f.tier = k.parse::<u8>().ok().and_then(Tier::from_number),
    );
    let tiers = options_with_none(
        "All tiers",
        Tier::ALL.map(|t| (t.number().to_string(), t.label().to_string())),
    );
    // An owner named in the address is chosen whatever its case (docs/account-depth.md#owners).
    let owner = Model::new(
        move || {
            let o = filter.with(|f| f.owner.clone()).unwrap_or_default();
            owner_names.with(|ns| crate::domain::owners::spelled(ns, &o))
        },
        move |o: String| filter.update(|f| f.owner = (!o.is_empty()).then_some(o)),
    );
    let owners = Signal::derive(move || {
        options_with_none(
            "All owners",
            owner_names.get().into_iter().map(|n| (n.clone(), n)),
        )
    });
    let renewal = filter.model(
        |f| f.renewal.key().to_string(),
        |f, k| f.renewal = RenewalWindow::from_key(&k).unwrap_or_default(),
    );
    let windows = RenewalWindow::ALL
        .map(|w| (w.key().to_string(), w.label().to_string()))
        .to_vec();
    view! {
        <div class="toolbar">
            <Field id="portfolio-search" label="Filter accounts" label_class="visually-hidden" class="search filter">
                <TextInput value=text kind="search" placeholder="Filter by name, industry or owner"/>
            </Field>
            <HealthFilterBar filter/>
            {filter_select("tier-filter", "Tier", tier, tiers)}
            {filter_select("owner-filter", "Owner", owner, owners)}
            {filter_select("renewal-filter", "Renewal", renewal, windows)}
            {filter_check(filter, "Single-threaded only", |f| f.single_threaded, |f, on| f.single_threaded = on)}
            {filter_check(filter, "Show churned", |f| f.show_churned, |f, on| f.show_churned = on)}
            <Show when=move || filter.with(Filter::is_active)>
                <button type="button" class="btn btn-small" on:click=move |_| filter.set(Filter::default())>
                    "Clear filters"
                </button>
            </Show>
        </div>
    }
}

/// Two lists of rows differ when any row's facts are another `Arc` (an account's facts
/// keep their `Arc` while unchanged, so this never compares the facts themselves).
fn rows_changed(old: Option<&Vec<Arc<Facts>>>, new: Option<&Vec<Arc<Facts>>>) -> bool {
    match (old, new) {
        (Some(a), Some(b)) => {
            a.len() != b.len() || a.iter().zip(b).any(|(x, y)| !Arc::ptr_eq(x, y))
        }
        _ => true,
    }
}

/// The key of a row: the account and the identity of its facts.
fn row_key(f: &Arc<Facts>) -> (AccountId, usize) {
    (f.id, Arc::as_ptr(f) as usize)
}

/// One row, drawn once from its account's facts. The list is keyed by the facts' `Arc`,
/// which changes only when the account's facts do (they hold `today`, so every row is
/// drawn again when the day moves on): a changed account gets a new row and every other
/// row stays as it is.
fn account_row(
    f: &Facts,
    currency: Memo<Currency>,
    position: Memo<HashMap<AccountId, usize>>,
    focused: RwSignal<Option<AccountId>>,
) -> impl IntoView {
    let arr = f.arr;
    let id = f.id;
    // Row 1 is the header.
    let index = move || position.with(|p| p.get(&id).map(|i| i + 2));
    view! {
        <tr aria-rowindex=index on:focusin=move |_| focused.set(Some(id))>
            {cells(f, move || currency.with(|c| c.format(arr)), f.today)}
        </tr>
    }
}

fn cells(
    r: &Facts,
    arr: impl Fn() -> String + Send + Sync + 'static,
    today: chrono::NaiveDate,
) -> impl IntoView {
    let href = format!("/accounts/{}", r.id.0);
    let renewal = r
        .renewal_date
        .map(|d| {
            let days = dates::days_until(today, d);
            let class = if days < 0 {
                "due past"
            } else if days <= 90 {
                "due soon"
            } else {
                "due"
            };
            view! {
                <span class=class>{dates::long(d)}</span>
                <span class="sub">{dates::relative(today, d)}</span>
            }
            .into_any()
        })
        .unwrap_or_else(|| view! { <span class="muted">"—"</span> }.into_any());
    let tier_title = if r.tier.overridden {
        "Set by hand"
    } else {
        "Computed from ARR rank"
    };
    view! {
        <th scope="row"><a href=href title=r.name.clone()>{r.name.clone()}</a>
            <span class="sub">{sub_line(r.segment.map(|s| s.label()), &r.industry)}</span></th>
        <td><span class=format!("tier tier-{}", r.tier.tier.number()) title=tier_title>
            {r.tier.tier.short()}{r.tier.overridden.then_some("*")}</span></td>
        <td class="num">{arr}</td>
        {score_cell(&r.health)}
        {trend_cell(&r.health)}
        {flags_cell(&r.health)}
        <td>{renewal}{r.next_up.as_ref().map(|u| status_line(u.status))}</td>
        <td class="next-ms-cell">{next_milestone_cell(r.next_up.as_ref(), today)}</td>
        <td class="owner-cell">{r.owner.clone()}</td>
        <td class="num">{risk_cell(r)}</td>
    }
}

/// The relationship-risk count of an account, with the kinds in a tooltip (and for screen
/// readers); "single-threaded" shows as a mark under the count.
fn risk_cell(r: &Facts) -> impl IntoView {
    let report = &r.risks;
    let kinds: Vec<&str> = report
        .risks
        .iter()
        .map(|r| r.title())
        .chain(r.promise_risks.iter().map(String::as_str))
        .collect();
    let n = r.risk_count();
    let title = if kinds.is_empty() {
        "No relationship risk".to_string()
    } else {
        kinds.join("\n")
    };
    let class = match (n, report.high_churn_risk) {
        (0, _) => "risk-count none",
        (_, true) => "risk-count churn",
        _ => "risk-count",
    };
    view! {
        <span class=class title=title>
            {n}
            <span class="visually-hidden">{if kinds.is_empty() { String::new() } else { format!(": {}", kinds.join(", ")) }}</span>
        </span>
        {report.is_single_threaded().then(|| view! { <span class="sub">"single-threaded"</span> })}
    }
}

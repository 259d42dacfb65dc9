//! The portfolio: every account in one sortable table, with the demo banner on sample data.

use leptos::prelude::*;

use crate::components::health_portfolio::{
    flags_cell, score_cell, trend_cell, HealthFilter, HealthFilterBar, PortfolioHealthCharts,
};
use crate::components::renewal_bits::{next_milestone_cell, next_milestone_key};
use crate::components::sort_header::sort_header;
use crate::domain::health::{account_health, HealthSummary};
use crate::domain::{dates, stakeholders, Account, Tier, TierOf};
use crate::state::use_app;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SortKey {
    Name,
    Tier,
    Arr,
    Renewal,
    NextMilestone,
    Owner,
    Score,
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

#[derive(Clone)]
struct Row {
    account: Account,
    tier: TierOf,
    health: HealthSummary,
}

#[component]
pub fn PortfolioPage() -> impl IntoView {
    let app = use_app();
    Effect::new(move |_| document().set_title("Portfolio · Account Planner"));
    let sort = RwSignal::new((SortKey::Renewal, true));
    let query = RwSignal::new(String::new());
    let single_threaded_only = RwSignal::new(false);
    let health_filter = RwSignal::new(HealthFilter::default());

    let rows = move || {
        let (key, asc) = sort.get();
        let q = query.get().trim().to_lowercase();
        let single_only = single_threaded_only.get();
        let hf = health_filter.get();
        let today = app.today.get();
        app.ws.with(|w| {
            let tiers = w.tiers();
            let weights = w.settings.health.weights();
            let mut rows: Vec<Row> = w
                .accounts()
                .iter()
                .filter(|a| {
                    q.is_empty()
                        || a.fields.name.to_lowercase().contains(&q)
                        || a.fields.industry.to_lowercase().contains(&q)
                        || a.fields.owner.to_lowercase().contains(&q)
                })
                .filter(|a| {
                    !single_only
                        || stakeholders::assess(&a.stakeholders, tiers[&a.id].tier, today)
                            .is_single_threaded()
                })
                .map(|a| Row {
                    account: a.clone(),
                    tier: tiers[&a.id],
                    health: account_health(&a.health, weights, today),
                })
                .filter(|r| hf.matches(&r.health))
                .collect();
            rows.sort_by(|a, b| {
                let (fa, fb) = (&a.account.fields, &b.account.fields);
                let ord = match key {
                    SortKey::Name => fa.name.to_lowercase().cmp(&fb.name.to_lowercase()),
                    SortKey::Tier => a
                        .tier
                        .tier
                        .cmp(&b.tier.tier)
                        .then(fb.arr.total_cmp(&fa.arr)),
                    SortKey::Arr => fa.arr.total_cmp(&fb.arr),
                    // Accounts without a renewal date sort last either way.
                    SortKey::Renewal => match (fa.renewal_date, fb.renewal_date) {
                        (Some(x), Some(y)) => x.cmp(&y),
                        (Some(_), None) => return std::cmp::Ordering::Less,
                        (None, Some(_)) => return std::cmp::Ordering::Greater,
                        (None, None) => std::cmp::Ordering::Equal,
                    },
                    SortKey::Owner => fa.owner.to_lowercase().cmp(&fb.owner.to_lowercase()),
                    // What comes due first; nothing due sorts last either way.
                    SortKey::NextMilestone => match (
                        next_milestone_key(&a.account, today),
                        next_milestone_key(&b.account, today),
                    ) {
                        (Some(x), Some(y)) => x.cmp(&y),
                        (Some(_), None) => return std::cmp::Ordering::Less,
                        (None, Some(_)) => return std::cmp::Ordering::Greater,
                        (None, None) => std::cmp::Ordering::Equal,
                    },
                    // Accounts without a score sort last either way.
                    SortKey::Score => match (a.health.value(), b.health.value()) {
                        (Some(x), Some(y)) => x.total_cmp(&y),
                        (Some(_), None) => return std::cmp::Ordering::Less,
                        (None, Some(_)) => return std::cmp::Ordering::Greater,
                        (None, None) => std::cmp::Ordering::Equal,
                    },
                };
                if asc {
                    ord
                } else {
                    ord.reverse()
                }
            });
            rows
        })
    };

    let header = move |key: SortKey, label: &'static str, numeric: bool| {
        sort_header(sort, key, label, numeric)
    };

    let summary = move || {
        app.ws.with(|w| {
            let today = app.today.get();
            let n = w.accounts().len();
            let due_90: f64 = w
                .accounts()
                .iter()
                .filter(|a| {
                    a.fields
                        .renewal_date
                        .is_some_and(|d| (0..=90).contains(&dates::days_until(today, d)))
                })
                .map(|a| a.fields.arr)
                .sum();
            let t1 = w
                .tiers()
                .values()
                .filter(|t| t.tier == Tier::Strategic)
                .count();
            (
                n,
                w.currency.format_short(w.total_arr()),
                w.currency.format_short(due_90),
                t1,
            )
        })
    };

    view! {
        <section class="page wide">
            <Show when=move || app.ws.with(|w| w.demo)>
                <div class="banner banner-demo" role="note">
                    <strong>"Demo workspace. "</strong>
                    "These eight accounts are made up so you can try the planner. Clear them from the "
                    <a href="/data">"Data page"</a>" when you are ready to enter your own."
                </div>
            </Show>
            <div class="page-head">
                <h1>"Portfolio"</h1>
                <a class="btn btn-primary" href="/accounts/new">"New account"</a>
            </div>
            <dl class="stat-row">
                <div class="stat"><dt>"Accounts"</dt><dd>{move || summary().0}</dd></div>
                <div class="stat"><dt>"Total ARR"</dt><dd>{move || summary().1}</dd></div>
                <div class="stat"><dt>"ARR renewing in 90 days"</dt><dd>{move || summary().2}</dd></div>
                <div class="stat"><dt>"Tier 1 accounts"</dt><dd>{move || summary().3}</dd></div>
            </dl>
            <Show when=move || app.ws.with(|w| !w.accounts().is_empty())>
                <PortfolioHealthCharts/>
            </Show>
            <div class="toolbar">
                <label class="search">
                    <span class="visually-hidden">"Filter accounts"</span>
                    <input type="search" placeholder="Filter by name, industry or owner"
                        prop:value=move || query.get()
                        on:input=move |ev| query.set(event_target_value(&ev))/>
                </label>
                <HealthFilterBar filter=health_filter/>
                <label class="check-filter">
                    <input type="checkbox" prop:checked=move || single_threaded_only.get()
                        on:change=move |ev| single_threaded_only.set(event_target_checked(&ev))/>
                    " Single-threaded only"
                </label>
            </div>
            {move || if app.ws.with(|w| w.accounts().is_empty()) {
                view! {
                    <div class="empty">
                        <p>"No accounts yet."</p>
                        <p><a class="btn btn-primary" href="/accounts/new">"Add your first account"</a>
                        " or import a workspace file on the "<a href="/data">"Data page"</a>"."</p>
                    </div>
                }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="accounts">
                            <thead><tr>
                                {header(SortKey::Name, "Account", false)}
                                {header(SortKey::Tier, "Tier", false)}
                                {header(SortKey::Arr, "ARR", true)}
                                {header(SortKey::Score, "Health", false)}
                                <th scope="col" class="num">"Trend"</th>
                                <th scope="col">"Flags"</th>
                                {header(SortKey::Renewal, "Renewal", false)}
                                {header(SortKey::NextMilestone, "Next milestone", false)}
                                {header(SortKey::Owner, "Owner", false)}
                                <th scope="col" class="num" title="Relationship risks from the stakeholder map">"Risks"</th>
                            </tr></thead>
                            <tbody>
                                {move || {
                                    let today = app.today.get();
                                    let currency = app.ws.with(|w| w.currency.clone());
                                    let rows = rows();
                                    if rows.is_empty() {
                                        return view! { <tr><td colspan=COLUMNS class="muted">"No account matches the filters."</td></tr> }.into_any();
                                    }
                                    rows.into_iter().map(|r| {
                                        let f = &r.account.fields;
                                        let href = format!("/accounts/{}", r.account.id.0);
                                        let renewal = f.renewal_date.map(|d| {
                                            let days = dates::days_until(today, d);
                                            let class = if days < 0 { "due past" } else if days <= 90 { "due soon" } else { "due" };
                                            view! {
                                                <span class=class>{dates::long(d)}</span>
                                                <span class="sub">{dates::relative(today, d)}</span>
                                            }.into_any()
                                        }).unwrap_or_else(|| view! { <span class="muted">"—"</span> }.into_any());
                                        let tier_title = if r.tier.overridden { "Set by hand" } else { "Computed from ARR rank" };
                                        view! {
                                            <tr>
                                                <th scope="row"><a href=href>{f.name.clone()}</a>
                                                    <span class="sub">{sub_line(f.segment.map(|s| s.label()), &f.industry)}</span></th>
                                                <td><span class=format!("tier tier-{}", r.tier.tier.number()) title=tier_title>
                                                    {r.tier.tier.short()}{r.tier.overridden.then_some("*")}</span></td>
                                                <td class="num">{currency.format(f.arr)}</td>
                                                {score_cell(&r.health)}
                                                {trend_cell(&r.health)}
                                                {flags_cell(&r.health)}
                                                <td>{renewal}</td>
                                                <td class="next-ms-cell">{next_milestone_cell(&r.account, today)}</td>
                                                <td>{f.owner.clone()}</td>
                                                <td class="num">{risk_cell(&r.account, r.tier.tier, today)}</td>
                                            </tr>
                                        }
                                    }).collect_view().into_any()
                                }}
                            </tbody>
                        </table>
                        <p class="footnote">"* tier set by hand; others follow the ARR rank (top 15% Tier 1, next 35% Tier 2)."</p>
                    </div>
                }.into_any()
            }}
        </section>
    }
}

/// The relationship-risk count of an account, with the kinds in a tooltip (and for screen
/// readers); "single-threaded" shows as a mark under the count.
fn risk_cell(a: &Account, tier: Tier, today: chrono::NaiveDate) -> impl IntoView {
    let report = stakeholders::assess(&a.stakeholders, tier, today);
    let kinds: Vec<&str> = report.risks.iter().map(|r| r.title()).collect();
    let n = report.count();
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

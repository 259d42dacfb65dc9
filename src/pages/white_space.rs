//! The portfolio's white space (`/white-space`, docs/account-depth.md#white-space): every
//! account with an assessed grid, its penetration and its open cells, most open ground
//! first, with the totals over them.

use leptos::prelude::*;

use crate::components::data_table::DataTable;
use crate::domain::depth::white_space_portfolio as portfolio;
use crate::state::use_app;

#[component]
pub fn WhiteSpacePage() -> impl IntoView {
    let app = use_app();
    let data = Memo::new(move |_| app.ws.with(portfolio));
    view! {
        <section class="page ws-portfolio">
            <h1>"White space"</h1>
            <p class="hint">"Where each customer could use more of what we sell: cells owned, in our pipeline, or open. Penetration = owned / (owned + in pipeline + open); cells marked not a fit or not assessed are left out. Accounts appear once a cell of their grid is set on their White space tab."</p>
            {move || {
                let (rows, total) = data.get();
                if rows.is_empty() {
                    return view! { <p class="muted">"No grid filled in yet. Open an account's White space tab to start."</p> }.into_any();
                }
                let currency = app.ws.with(|w| w.currency.clone());
                let summary = format!(
                    "{} · penetration {} · {} open, {} in pipeline",
                    crate::domain::plural(rows.len(), "account", "accounts"),
                    total.penetration_label(),
                    crate::domain::plural(total.open, "cell", "cells"),
                    total.pipeline
                );
                view! {
                    <p class="ws-summary">{summary}</p>
                    {DataTable::new("ws-portfolio-table", rows)
                        .row_head("Account", |r| view! {
                            <a href=format!("/accounts/{}/white-space", r.id.0)>{r.name.clone()}</a>
                        })
                        .col("Penetration", |r| r.counts.penetration_label()).num()
                        .col("Owned", |r| r.counts.owned).num()
                        .col("In pipeline", |r| r.counts.pipeline).num()
                        .col("Open", |r| r.counts.open).num()
                        .col("Not a fit", |r| r.counts.not_a_fit).num()
                        .col("Owned ARR known", move |r| currency.format(r.owned_arr)).num()
                        .foot("All", vec![
                            Some(total.penetration_label().into_any()),
                            Some(total.owned.into_any()),
                            Some(total.pipeline.into_any()),
                            Some(total.open.into_any()),
                            Some(total.not_a_fit.into_any()),
                            None,
                        ])
                        .view()}
                }.into_any()
            }}
        </section>
    }
}

//! The portfolio's white space (`/white-space`, docs/account-depth.md#white-space): every
//! account with an assessed grid, its penetration and its open cells, most open ground
//! first, with the totals over them.

use leptos::prelude::*;

use crate::domain::depth::white_space_portfolio as portfolio;
use crate::state::use_app;

#[component]
pub fn WhiteSpacePage() -> impl IntoView {
    let app = use_app();
    Effect::new(move |_| document().set_title("White space · Account Planner"));
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
                view! {
                    <p class="ws-summary">{format!(
                        "{} · penetration {} · {} open, {} in pipeline",
                        crate::domain::plural(rows.len(), "account", "accounts"),
                        total.penetration_label(),
                        crate::domain::plural(total.open, "cell", "cells"),
                        total.pipeline
                    )}</p>
                    <div class="table-wrap">
                        <table class="ws-portfolio-table">
                            <thead><tr>
                                <th scope="col">"Account"</th>
                                <th scope="col" class="num">"Penetration"</th>
                                <th scope="col" class="num">"Owned"</th>
                                <th scope="col" class="num">"In pipeline"</th>
                                <th scope="col" class="num">"Open"</th>
                                <th scope="col" class="num">"Not a fit"</th>
                                <th scope="col" class="num">"Owned ARR known"</th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|r| view! {
                                    <tr>
                                        <th scope="row"><a href=format!("/accounts/{}/white-space", r.id.0)>{r.name.clone()}</a></th>
                                        <td class="num">{r.counts.penetration_label()}</td>
                                        <td class="num">{r.counts.owned}</td>
                                        <td class="num">{r.counts.pipeline}</td>
                                        <td class="num">{r.counts.open}</td>
                                        <td class="num">{r.counts.not_a_fit}</td>
                                        <td class="num">{currency.format(r.owned_arr)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                            <tfoot><tr>
                                <th scope="row">"All"</th>
                                <td class="num">{total.penetration_label()}</td>
                                <td class="num">{total.owned}</td>
                                <td class="num">{total.pipeline}</td>
                                <td class="num">{total.open}</td>
                                <td class="num">{total.not_a_fit}</td>
                                <td></td>
                            </tr></tfoot>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}

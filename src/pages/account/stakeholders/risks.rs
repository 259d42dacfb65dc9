//! Relationship risks: the high churn risk banner, the list of risks with who is involved
//! and what to do, the map review, and the flag in the account header.

use leptos::prelude::*;
use leptos_router::components::A;

use super::{use_people, Editing, Undo};
use crate::domain::stakeholders::{assess, RiskKind, REVIEW_INTERVAL_DAYS};
use crate::domain::{dates, AccountId, Tier};
use crate::state::use_app;

fn severity(kind: RiskKind) -> (&'static str, &'static str) {
    match kind {
        RiskKind::ChampionGone | RiskKind::SingleThreaded | RiskKind::InfluentialBlocker => {
            ("high", "High")
        }
        _ => ("watch", "Watch"),
    }
}

/// Shown on the tab when the only champion has gone.
#[component]
pub fn ChurnBanner() -> impl IntoView {
    let people = use_people();
    move || {
        people.report.with(|r| {
            r.high_churn_risk.then(|| {
                let message = r
                    .get(RiskKind::ChampionGone)
                    .map(|x| x.message.clone())
                    .unwrap_or_default();
                view! {
                    <div class="churn-banner" role="alert">
                        <p class="churn-title"><span aria-hidden="true">"⚠ "</span>"High churn risk: our champion is gone"</p>
                        <p>{message}</p>
                        <p class="churn-todo">{RiskKind::ChampionGone.what_to_do()}</p>
                    </div>
                }
            })
        })
    }
}

#[component]
pub fn RiskPanel() -> impl IntoView {
    let people = use_people();
    let app = crate::state::use_app();
    let id = crate::pages::account::current_account();
    let count = move || {
        people.report.with(|r| r.count())
            + crate::pages::account::commitments::promise_risk_count(app, id)
    };
    view! {
        <section class="card risk-panel" aria-labelledby="risk-head">
            <h2 id="risk-head">"Relationship risks "<span class="count-pill">{count}</span></h2>
            <crate::pages::account::commitments::PromiseRisks/>
            {move || people.report.with(|r| {
                if r.risks.is_empty() && crate::pages::account::commitments::promise_risk_count(app, id) == 0 {
                    return view! {
                        <p class="risk-none">"No relationship risks right now: enough people on our side, the key roles mapped, contacts on time and the map reviewed."</p>
                    }.into_any();
                }
                people.map.with(|m| {
                    view! {
                        <ul class="risk-list" role="list">
                            {r.risks.iter().map(|risk| {
                                let (sev, sev_text) = severity(risk.kind);
                                let involved: Vec<_> = risk.people.iter().map(|id| (*id, m.name_of(*id).to_string())).collect();
                                view! {
                                    <li class=format!("risk risk-{sev}") data-risk=risk.kind.key()>
                                        <p class="risk-title">
                                            <span class=format!("badge sev-{sev}")>{sev_text}</span>
                                            " "{risk.title()}
                                        </p>
                                        <p class="risk-msg">{risk.message.clone()}</p>
                                        {(!involved.is_empty()).then(|| view! {
                                            <p class="risk-people">
                                                <span class="muted">"People: "</span>
                                                {involved.into_iter().map(|(pid, name)| view! {
                                                    <button type="button" class="person-pill" on:click=move |_| people.editing.set(Some(Editing::Person(pid)))>{name}</button>
                                                }).collect_view()}
                                            </p>
                                        })}
                                        <p class="risk-todo"><strong>"What to do: "</strong>{risk.what_to_do()}</p>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                })
            })}
        </section>
    }
}

#[component]
pub fn ReviewBox() -> impl IntoView {
    let people = use_people();
    let status = move || {
        let today = people.app.today.get();
        people.map.with(|m| match m.last_reviewed() {
            None => "Never marked reviewed.".to_string(),
            Some(d) => format!(
                "Last reviewed {} ({}).",
                dates::long(d),
                dates::relative(today, d)
            ),
        })
    };
    let mark = move |_| {
        let today = people.today();
        let before = people.map.with_untracked(|m| m.last_reviewed());
        people.update(|m| m.mark_reviewed(today));
        people.say(
            format!("Map marked reviewed today ({}).", dates::long(today)),
            Some(Undo::Reviewed(before)),
        );
    };
    view! {
        <section class="card review-box" aria-labelledby="review-head">
            <h2 id="review-head">"Map review"</h2>
            <p class="review-status">{status}</p>
            <p class="hint">{format!("Go through the map at least every {REVIEW_INTERVAL_DAYS} days: who moved, who left, who changed their mind.")}</p>
            <button type="button" class="btn" on:click=mark>"Mark map reviewed"</button>
        </section>
    }
}

/// A flag for the account header when the only champion has gone (links to the tab).
#[component]
pub fn ChurnFlag(id: AccountId) -> impl IntoView {
    let app = use_app();
    // The tiers memo, not the workspace: a check-in ranks nothing again.
    let tiers = crate::derived::use_derived().tiers;
    let high = Memo::new(move |_| {
        let today = app.today.get();
        let tier = tiers
            .with(|t| t.get(&id).map(|t| t.tier))
            .unwrap_or(Tier::LongTail);
        app.ws.with(|w| {
            w.account(id)
                .is_some_and(|a| assess(&a.stakeholders, tier, today).high_churn_risk)
        })
    });
    move || {
        high.get().then(|| {
            view! {
                <p class="churn-flag">
                    <A href=format!("/accounts/{}/stakeholders", id.0)>
                        <span aria-hidden="true">"⚠ "</span>"High churn risk: our only champion has left"
                    </A>
                </p>
            }
        })
    }
}

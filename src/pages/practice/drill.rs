//! Drills: a generated account situation and two questions, answered and explained by the
//! planner's own rules. `?kind=renewal&seed=42` replays a drill.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::browser;
use crate::components::form::{Choice, Model, RadioGroup};
use crate::domain::practice::drills::{generate, Drill, DrillKind};
use crate::state::use_app;

fn drill_url(kind: DrillKind, seed: u64) -> String {
    format!("/practice/drill?kind={}&seed={seed}", kind.key())
}

/// What the address asks for.
enum Asked {
    Choose,
    Bad(String),
    Fresh(DrillKind),
    Drill(DrillKind, u64),
}

fn read_query(kind: Option<String>, seed: Option<String>) -> Asked {
    let Some(k) = kind else {
        return Asked::Choose;
    };
    let Some(kind) = DrillKind::from_key(&k) else {
        return Asked::Bad(format!(
            "There is no drill kind \"{k}\". Pick one of the drills below."
        ));
    };
    match seed {
        None => Asked::Fresh(kind),
        Some(s) => match s.trim().parse::<u64>() {
            Ok(seed) => Asked::Drill(kind, seed),
            Err(_) => Asked::Bad(format!(
                "The drill number \"{s}\" is not a whole number. Start a new drill below."
            )),
        },
    }
}

#[component]
pub fn PracticeDrill() -> impl IntoView {
    let query = use_query_map();
    let navigate = use_navigate();
    let asked = move || query.with(|q| read_query(q.get("kind"), q.get("seed")));
    // A kind without a seed: pick one and put it in the address, so the link replays.
    Effect::new({
        let navigate = navigate.clone();
        move |_| {
            if let Asked::Fresh(kind) = asked() {
                navigate(
                    &drill_url(kind, browser::random_seed()),
                    leptos_router::NavigateOptions {
                        replace: true,
                        ..Default::default()
                    },
                );
            }
        }
    });
    view! {
        <div class="pr-drill">
            {move || match asked() {
                Asked::Drill(kind, seed) => view! { <DrillView kind=kind seed=seed/> }.into_any(),
                Asked::Bad(msg) => view! { <p class="banner banner-danger" role="alert">{msg}</p><DrillChooser/> }.into_any(),
                Asked::Choose | Asked::Fresh(_) => view! { <DrillChooser/> }.into_any(),
            }}
        </div>
    }
}

#[component]
fn DrillChooser() -> impl IntoView {
    let app = use_app();
    view! {
        <section class="card">
            <h2>"Pick a drill"</h2>
            <p class="hint">"Each drill sets up a realistic account and asks what the planner would conclude. The answer comes from the same rules the planner runs on your accounts."</p>
            <ul class="pr-drill-kinds">
                {DrillKind::ALL.into_iter().map(|k| view! {
                    <li>
                        <A href=format!("/practice/drill?kind={}", k.key()) attr:class="btn">{k.label()}</A>
                        <span class="muted">{move || app.ws.with(|w| w.practice.drill_score(k).text())}</span>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn DrillView(kind: DrillKind, seed: u64) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let drill: Drill = app
        .ws
        .with_untracked(|w| generate(kind, seed, app.today.get_untracked(), &w.currency));
    let n = drill.parts.len();
    let chosen = RwSignal::new(vec![None::<usize>; n]);
    let checked = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let check = {
        let drill = drill.clone();
        move |_| {
            let c = chosen.get_untracked();
            if c.iter().any(Option::is_none) {
                message.set(Some("Answer both questions first.".into()));
                return;
            }
            message.set(None);
            if !checked.get_untracked() {
                let right = drill.is_right(&c);
                app.ws.update(|w| w.practice.score_drill(kind, right));
                checked.set(true);
            }
        }
    };
    let next = move |_| navigate(&drill_url(kind, browser::random_seed()), Default::default());
    let results = {
        let drill = drill.clone();
        move || drill.check(&chosen.get())
    };
    let link = format!("{}{}", browser::origin(), drill_url(kind, seed));
    view! {
        <article class="card pr-drill-card" data-kind=kind.key() data-seed=seed.to_string()>
            <p class="crumbs"><A href="/practice/drill">"Drills"</A>" / "{kind.label()}</p>
            <h2>{format!("{}: {}", kind.label(), drill.account.name)}</h2>
            <dl class="pr-facts">
                {drill.facts.iter().map(|(k, v)| view! { <div><dt>{k.clone()}</dt><dd>{v.clone()}</dd></div> }).collect_view()}
            </dl>
            {drill.parts.iter().enumerate().map(|(i, p)| {
                let results = results.clone();
                let right_text = p.choices[p.answer].clone();
                let answer = Model::new(
                    move || chosen.with(|ch| ch[i].map(|j| j.to_string()).unwrap_or_default()),
                    move |j: String| {
                        if let Ok(j) = j.parse() {
                            chosen.update(|ch| ch[i] = Some(j))
                        }
                    },
                );
                let choices = p
                    .choices
                    .iter()
                    .enumerate()
                    .map(|(j, c)| Choice::from((j.to_string(), c.clone())))
                    .collect::<Vec<_>>();
                view! {
                    <RadioGroup name=format!("pr-part-{i}") legend=p.prompt.clone() class="pr-part"
                        option_class="pr-check pr-choice" disabled=checked
                        value=answer options=choices>
                        {move || checked.get().then(|| {
                            let ok = results()[i];
                            view! {
                                <p class=if ok { "pr-verdict pr-right" } else { "pr-verdict pr-wrong" } data-testid="pr-verdict">
                                    {if ok { "Right.".to_string() } else { format!("Not quite. The answer: {right_text}") }}
                                </p>
                            }
                        })}
                    </RadioGroup>
                }
            }).collect_view()}
            <p class="field-error" role="alert">{move || message.get()}</p>
            {move || if checked.get() {
                view! {
                    <section class="pr-explain" data-testid="pr-explain">
                        <h3>"Why"</h3>
                        <ul>{drill.explanation.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view()}</ul>
                        <p class="muted">{move || format!("{} so far: {}.", kind.label(), app.ws.with(|w| w.practice.drill_score(kind).text()))}</p>
                        <button class="btn btn-primary" on:click=next.clone()>"Next drill"</button>
                    </section>
                }.into_any()
            } else {
                view! { <button class="btn btn-primary" on:click=check.clone()>"Check"</button> }.into_any()
            }}
            <p class="hint pr-replay">"Replay this drill: " <a href=drill_url(kind, seed)>{link}</a></p>
        </article>
    }
}

//! The Practice home: each deck with what is due, the daily cap on new cards, progress
//! charts and the score per drill kind.

use leptos::prelude::*;
use leptos_router::components::A;

use super::{loaded, plural, use_now};
use crate::charts::practice::{
    cards_by_state_svg, mock_scores_svg, retention_svg, reviews_per_day_svg,
};
use crate::components::chart_box::{ChartBox, ChartPlace};
use crate::components::confirm::ConfirmButton;
use crate::components::form::{Field, FormErrors, TextInput};
use crate::domain::practice::session::{deck_counts, when_next_text};
use crate::domain::practice::{parse_new_per_day, stats, DrillKind};
use crate::state::use_app;

/// Days shown in the review charts.
const CHART_DAYS: usize = 30;

#[component]
pub fn PracticeHome() -> impl IntoView {
    let app = use_app();
    let now = use_now();
    let content = loaded();
    let decks = content.decks.clone();
    let total_cards: usize = decks.iter().map(|d| d.cards.len()).sum();
    let keys: Vec<String> = decks.iter().flat_map(|d| d.keys()).collect();
    let rows = {
        let decks = decks.clone();
        move || {
            let n = now.get();
            app.ws.with(|w| {
                decks
                    .iter()
                    .map(|d| {
                        (
                            d.id.clone(),
                            d.title.clone(),
                            d.description.clone(),
                            deck_counts(&w.practice, d, n),
                        )
                    })
                    .collect::<Vec<_>>()
            })
        }
    };
    let all_due = {
        let rows = rows.clone();
        move || {
            let r = rows();
            let due: usize = r.iter().map(|x| x.3.due).sum();
            let unseen: usize = r.iter().map(|x| x.3.unseen).sum();
            let new_left = app.ws.with(|w| w.practice.new_left_today(now.get().date()));
            (due, unseen.min(new_left))
        }
    };

    let cap = RwSignal::new(
        app.ws
            .with_untracked(|w| w.practice.new_per_day().to_string()),
    );
    let errors = FormErrors::<()>::new();
    let save_cap = move |_| match parse_new_per_day(&cap.get_untracked()) {
        Ok(n) => {
            errors.set((), None);
            if app.ws.with_untracked(|w| w.practice.new_per_day()) != n {
                app.ws.update(|w| {
                    let _ = w.practice.set_new_per_day(n);
                });
                app.show_toast(format!("New cards a day: {n}."), None);
            }
        }
        Err(e) => errors.set((), Some(e.message)),
    };

    // Each chart is drawn at its box's width (`ChartBox`), from the figures it shows.
    // The days are read once for the two charts that show them.
    let days = Memo::new(move |_| {
        let today = now.get().date();
        app.ws
            .with(|w| stats::daily(&w.practice, today, CHART_DAYS))
    });
    let reviews = move |width: u32| days.with(|d| reviews_per_day_svg(d, width, 180));
    let retention = move |width: u32| days.with(|d| retention_svg(d, width, 180));
    let states = {
        let decks = decks.clone();
        move |width: u32| {
            let states = app.ws.with(|w| stats::by_state(&w.practice, &decks));
            cards_by_state_svg(&states, width, 150)
        }
    };
    let mocks = move |width: u32| mock_scores_svg(&super::mock::scores(app), width, 180);

    view! {
        <div class="pr-home">
            <section class="card pr-today" aria-labelledby="pr-today-h">
                <h2 id="pr-today-h">"Today"</h2>
                <p class="pr-today-line" data-testid="pr-all-due">{move || {
                    let (due, new) = all_due();
                    if due + new == 0 {
                        let t = now.get();
                        let text = app.ws.with(|w| when_next_text(&w.practice, &keys, t));
                        ["Nothing to review right now.", &text, "Meanwhile, try a drill or a mock interview."]
                            .iter().filter(|p| !p.is_empty()).copied().collect::<Vec<_>>().join(" ")
                    } else {
                        format!("{} due and {} to learn, across {}.", plural(due, "card", "cards"), plural(new, "new card", "new cards"), plural(total_cards, "card", "cards"))
                    }
                }}</p>
                <div class="actions">
                    <A href="/practice/review" attr:class="btn btn-primary">"Study all decks"</A>
                </div>
            </section>

            <ul class="pr-decks" aria-label="Decks">
                {move || rows().into_iter().map(|(id, title, description, c)| {
                    let href = format!("/practice/review?deck={id}");
                    view! {
                        <li class="card pr-deck" data-deck=id.clone()>
                            <h2>{title}</h2>
                            <p class="muted">{description}</p>
                            <p class="pr-counts">
                                <span class="pr-due" class:pr-zero=c.due == 0 data-testid="pr-due">{plural(c.due, "due", "due")}</span>
                                <span class="pr-new" class:pr-zero=c.new_today == 0 data-testid="pr-new">{plural(c.new_today, "new", "new")}</span>
                                <span class="muted">{format!("of {}", plural(c.total, "card", "cards"))}</span>
                            </p>
                            <A href=href attr:class="btn">{if c.to_study() == 0 { "Nothing due" } else { "Study" }}</A>
                        </li>
                    }
                }).collect_view()}
            </ul>

            <section class="card pr-settings" aria-labelledby="pr-settings-h">
                <h2 id="pr-settings-h">"Settings"</h2>
                <p class="hint">"Cards seen for the first time are capped each day, so reviews do not pile up. Reviews of cards already seen are never capped."</p>
                <div class="pr-cap-row">
                    <Field id="pr-cap" label="New cards a day (0 to 200)" error=errors.at(())>
                        <TextInput value=cap inputmode="numeric" on_change=Callback::new(move |_| save_cap(()))/>
                    </Field>
                </div>
                <p class="hint">"Clearing or replacing the accounts on the Data page keeps your practice. To start practice over:"</p>
                <ConfirmButton
                    label="Reset practice progress"
                    question=Signal::derive(move || format!("Forget {} and every mock interview and drill score? Export the workspace first to keep a copy.", plural(app.ws.with(|w| w.practice.reviews().len()), "review", "reviews")))
                    confirm_label="Yes, reset my practice"
                    danger=true
                    on_confirm=move |_| { app.ws.update(|w| w.practice.reset_progress()); app.show_toast("Practice progress reset.", None); }
                />
            </section>

            <section class="card pr-drill-scores" aria-labelledby="pr-drills-h">
                <h2 id="pr-drills-h">"Drills"</h2>
                <p class="hint">"Account situations generated at random and answered by the planner's own rules."</p>
                <ul class="pr-score-list">
                    {DrillKind::ALL.into_iter().map(|k| view! {
                        <li>
                            <A href=format!("/practice/drill?kind={}", k.key())>{k.label()}</A>
                            <span class="muted" data-testid=format!("pr-score-{}", k.key())>{move || app.ws.with(|w| w.practice.drill_score(k).text())}</span>
                        </li>
                    }).collect_view()}
                </ul>
            </section>

            <section class="pr-charts" aria-label="Progress">
                <div class="card pr-chart"><h2>"Reviews per day"</h2><ChartBox render=reviews place=ChartPlace::PracticePair/></div>
                <div class="card pr-chart"><h2>"Retention"</h2><p class="hint">"Share of learned cards you recalled; the scheduler aims for 90%."</p><ChartBox render=retention place=ChartPlace::PracticePair/></div>
                <div class="card pr-chart"><h2>"Cards by state"</h2><ChartBox render=states place=ChartPlace::PracticePair/></div>
                <div class="card pr-chart"><h2>"Mock interviews"</h2><ChartBox render=mocks place=ChartPlace::PracticePair/></div>
            </section>
        </div>
    }
}

//! A mock interview: pick a length, kinds and time per question; answer one question at a
//! time against a countdown (pause, skip), with a box for notes or a written answer; then
//! tick the points your answer covered. Attempts are kept with the workspace.

use leptos::prelude::*;

use super::questions::AnswerGuide;
use super::{loaded, plural};
use crate::browser;
use crate::charts::practice::mock_scores_svg;
use crate::components::chart_box::{ChartBox, ChartPlace};
use crate::components::form::{Checkbox, Field, Model, Select, TextArea};
use crate::domain::dates;
use crate::domain::practice::mock::{
    clock, pick_questions, DEFAULT_SECONDS, LENGTHS, SECONDS_PER_QUESTION,
};
use crate::domain::practice::{stats, MockAttempt, QuestionKind};
use crate::domain::qbr::ClockTime;
use crate::state::{use_app, AppState};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Setup,
    Answer,
    Check,
    Done,
}

#[component]
pub fn PracticeMock() -> impl IntoView {
    let app = use_app();
    let bank = loaded().questions.clone();
    let length = RwSignal::new(LENGTHS[1]);
    let seconds_per = RwSignal::new(DEFAULT_SECONDS);
    let length_text = RwSignal::new(LENGTHS[1].to_string());
    let seconds_text = RwSignal::new(DEFAULT_SECONDS.to_string());
    let kinds = RwSignal::new(QuestionKind::ALL.to_vec());
    let setup_error = RwSignal::new(None::<String>);

    let phase = RwSignal::new(Phase::Setup);
    let picked = RwSignal::new(Vec::<usize>::new());
    let index = RwSignal::new(0usize);
    let remaining = RwSignal::new(0u32);
    let paused = RwSignal::new(false);
    let elapsed = RwSignal::new(0u32);
    let notes = RwSignal::new(String::new());
    let ticks = RwSignal::new(Vec::<bool>::new());
    let hit = RwSignal::new(0u32);
    let total = RwSignal::new(0u32);
    let skipped = RwSignal::new(0u32);
    let last = RwSignal::new(None::<MockAttempt>);

    let timer = set_interval_with_handle(
        move || {
            if phase.get_untracked() == Phase::Answer && !paused.get_untracked() {
                elapsed.update(|e| *e += 1);
                remaining.update(|r| *r = r.saturating_sub(1));
            }
        },
        std::time::Duration::from_secs(1),
    );
    on_cleanup(move || {
        if let Ok(t) = timer {
            t.clear();
        }
    });

    let question = {
        let bank = bank.clone();
        Memo::new(move |_| picked.with(|p| p.get(index.get()).map(|i| bank[*i].clone())))
    };
    let begin_question = {
        let bank = bank.clone();
        move |i: usize| {
            index.set(i);
            remaining.set(seconds_per.get_untracked());
            paused.set(false);
            notes.set(String::new());
            let n = picked.with_untracked(|p| p.get(i).map_or(0, |q| bank[*q].points.len()));
            ticks.set(vec![false; n]);
            phase.set(Phase::Answer);
        }
    };
    let start = {
        let bank = bank.clone();
        let begin_question = begin_question.clone();
        move |_| {
            let ks = kinds.get_untracked();
            if ks.is_empty() {
                setup_error.set(Some("Pick at least one kind of question.".into()));
                return;
            }
            let chosen = pick_questions(&bank, &ks, length.get_untracked(), browser::random_seed());
            if chosen.is_empty() {
                setup_error.set(Some("No question of those kinds in the bank.".into()));
                return;
            }
            setup_error.set(None);
            picked.set(chosen);
            elapsed.set(0);
            hit.set(0);
            total.set(0);
            skipped.set(0);
            begin_question(0);
        }
    };
    let finish = move || {
        let attempt = MockAttempt {
            at: browser::now_local(),
            questions: picked.with_untracked(|p| p.len()) as u32,
            skipped: skipped.get_untracked(),
            seconds: elapsed.get_untracked(),
            points_hit: hit.get_untracked(),
            points_total: total.get_untracked(),
        };
        let mut result = Ok(());
        app.ws
            .update(|w| result = w.practice.add_mock(attempt.clone()));
        match result {
            Ok(()) => last.set(Some(attempt)),
            Err(e) => app.show_toast(format!("The attempt could not be kept: {e}"), None),
        }
        phase.set(Phase::Done);
    };
    let next = {
        let begin_question = begin_question.clone();
        move || {
            let i = index.get_untracked() + 1;
            if i < picked.with_untracked(|p| p.len()) {
                begin_question(i);
            } else {
                finish();
            }
        }
    };
    let next_after_check = {
        let next = next.clone();
        move |_| {
            let n = ticks.with_untracked(|t| t.len()) as u32;
            let h = ticks.with_untracked(|t| t.iter().filter(|x| **x).count()) as u32;
            hit.update(|x| *x += h);
            total.update(|x| *x += n);
            next();
        }
    };
    let skip = {
        let next = next.clone();
        move |_| {
            skipped.update(|s| *s += 1);
            total.update(|x| *x += ticks.with_untracked(|t| t.len()) as u32);
            next();
        }
    };
    let recent = move || {
        app.ws.with(|w| {
            w.practice
                .mocks()
                .iter()
                .rev()
                .take(5)
                .cloned()
                .collect::<Vec<MockAttempt>>()
        })
    };
    let chart = move |width: u32| mock_scores_svg(&scores(app), width, 180);

    let length_options = StoredValue::new(
        LENGTHS
            .into_iter()
            .map(|n| (n.to_string(), n.to_string()))
            .collect::<Vec<_>>(),
    );
    let seconds_options = StoredValue::new(
        SECONDS_PER_QUESTION
            .into_iter()
            .map(|s| (s.to_string(), clock(s)))
            .collect::<Vec<_>>(),
    );
    let setup_view = move || {
        let start = start.clone();
        view! {
            <form class="card pr-mock-setup" on:submit=move |ev| { ev.prevent_default(); start(()); }>
                <h2>"Set up a mock interview"</h2>
                <div class="grid-2">
                    <Field id="pr-length" label="Questions">
                        <Select value=length_text options=length_options.get_value()
                            on_change=Callback::new(move |()| length.set(length_text.get_untracked().parse().unwrap_or(LENGTHS[1])))/>
                    </Field>
                    <Field id="pr-seconds" label="Time per question">
                        <Select value=seconds_text options=seconds_options.get_value()
                            on_change=Callback::new(move |()| seconds_per.set(seconds_text.get_untracked().parse().unwrap_or(DEFAULT_SECONDS)))/>
                    </Field>
                </div>
                <fieldset class="pr-kinds">
                    <legend>"Kinds of question"</legend>
                    {QuestionKind::ALL.into_iter().map(|k| view! {
                        <Checkbox class="pr-check" checked=Model::new(
                            move || kinds.with(|ks| ks.contains(&k)),
                            move |on| kinds.update(|ks| { ks.retain(|x| *x != k); if on { ks.push(k); } }),
                        )>
                            {k.label()}
                        </Checkbox>
                    }).collect_view()}
                    <p class="field-error" role="alert">{move || setup_error.get()}</p>
                </fieldset>
                <button type="submit" class="btn btn-primary">"Start the interview"</button>
            </form>
        }
    };

    let answer_view = move || {
        let q = question.get()?;
        let n = picked.with(|p| p.len());
        let skip = skip.clone();
        Some(view! {
            <article class="card pr-mock-q" data-testid="pr-mock-question">
                <p class="muted">{format!("Question {} of {} · {}", index.get() + 1, n, q.kind.label())}</p>
                <h2 class="pr-mock-text">{q.text.clone()}</h2>
                <p class="pr-countdown" class:pr-time-up=move || remaining.get() == 0 data-testid="pr-countdown">
                    {move || if remaining.get() == 0 { "Time is up: wrap up your answer.".to_string() } else { format!("{} left", clock(remaining.get())) }}
                    {move || paused.get().then_some(" (paused)")}
                </p>
                <Field id="pr-notes" label="Notes or a written answer (not saved)">
                    <TextArea value=notes rows=6/>
                </Field>
                <div class="actions">
                    <button class="btn btn-primary" on:click=move |_| phase.set(Phase::Check)>"Done: check my answer"</button>
                    <button class="btn" on:click=move |_| paused.update(|p| *p = !*p)>{move || if paused.get() { "Resume" } else { "Pause" }}</button>
                    <button class="btn btn-quiet" on:click=skip>"Skip"</button>
                </div>
            </article>
        })
    };

    let check_view = move || {
        let q = question.get()?;
        let next_after_check = next_after_check.clone();
        let last_one = index.get() + 1 == picked.with(|p| p.len());
        Some(view! {
            <article class="card pr-mock-check">
                <h2 class="pr-mock-text">{q.text.clone()}</h2>
                {move || (!notes.get().trim().is_empty()).then(|| view! { <blockquote class="pr-notes">{notes.get()}</blockquote> })}
                <fieldset>
                    <legend>"Tick each point your answer covered"</legend>
                    {q.points.iter().cloned().enumerate().map(|(i, p)| view! {
                        <Checkbox class="pr-check pr-point" checked=Model::new(
                            move || ticks.with(|t| t.get(i).copied().unwrap_or(false)),
                            move |on| ticks.update(|t| if let Some(x) = t.get_mut(i) { *x = on; }),
                        )>
                            {p}
                        </Checkbox>
                    }).collect_view()}
                </fieldset>
                <details class="pr-more">
                    <summary>"Red flags and a model structure"</summary>
                    <AnswerGuide question=q.clone()/>
                </details>
                <button class="btn btn-primary" on:click=next_after_check>{if last_one { "Finish" } else { "Next question" }}</button>
            </article>
        })
    };

    let done_view = move || {
        let a = last.get()?;
        Some(view! {
            <section class="card pr-mock-done" data-testid="pr-mock-done">
                <h2>"Interview done"</h2>
                <p class="pr-mock-score">{format!("Score: {}% ({} of {} points covered)", a.score(), a.points_hit, a.points_total)}</p>
                <p>{format!("{} in {}{}.", plural(a.questions as usize, "question", "questions"), clock(a.seconds), if a.skipped > 0 { format!(", {} skipped", a.skipped) } else { String::new() })}</p>
                <button class="btn btn-primary" on:click=move |_| phase.set(Phase::Setup)>"Another interview"</button>
            </section>
        })
    };

    view! {
        <div class="pr-mock">
            {move || match phase.get() {
                Phase::Setup => setup_view().into_any(),
                Phase::Answer => answer_view().into_any(),
                Phase::Check => check_view().into_any(),
                Phase::Done => done_view().into_any(),
            }}
            <section class="card pr-chart" aria-labelledby="pr-mock-hist">
                <h2 id="pr-mock-hist">"Your progress"</h2>
                <ChartBox render=chart place=ChartPlace::PageCard/>
                <ul class="pr-attempts">
                    {move || recent().into_iter().map(|a| view! {
                        <li>{format!("{} at {}: {}% · {} · {}", dates::long(a.at.date()), ClockTime::of(a.at.time()), a.score(), plural(a.questions as usize, "question", "questions"), clock(a.seconds))}</li>
                    }).collect_view()}
                </ul>
            </section>
        </div>
    }
}

/// The mock interviews' scores, oldest first: what the progress charts draw.
pub(super) fn scores(app: AppState) -> Vec<u32> {
    app.ws.with(|w| {
        stats::mock_scores(&w.practice)
            .iter()
            .map(|s| s.1)
            .collect()
    })
}

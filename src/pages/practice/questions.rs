//! The question bank: every likely interview question with what a strong answer covers,
//! the red flags and a model structure; filtered by kind (`?kind=scenario`).

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::{loaded, plural};
use crate::domain::practice::{Question, QuestionKind};

#[component]
pub fn AnswerGuide(question: Question) -> impl IntoView {
    view! {
        <div class="pr-answer">
            <h4>"A strong answer covers"</h4>
            <ul class="pr-points">{question.points.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
            <h4>"Red flags"</h4>
            <ul class="pr-flags">{question.red_flags.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
            <h4>"Model structure"</h4>
            <ol class="pr-structure">{question.structure.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ol>
        </div>
    }
}

#[component]
pub fn PracticeQuestions() -> impl IntoView {
    let content = loaded();
    let query = use_query_map();
    let navigate = use_navigate();
    let kind = move || query.with(|q| q.get("kind").and_then(|k| QuestionKind::from_key(&k)));
    let all = content.questions.clone();
    let shown = {
        let all = all.clone();
        move || {
            let k = kind();
            all.iter()
                .filter(|q| k.is_none_or(|k| q.kind == k))
                .cloned()
                .collect::<Vec<_>>()
        }
    };
    let count_of = {
        let all = all.clone();
        move |k: Option<QuestionKind>| all.iter().filter(|q| k.is_none_or(|k| q.kind == k)).count()
    };
    let choices: Vec<(Option<QuestionKind>, String)> = std::iter::once(None)
        .chain(QuestionKind::ALL.into_iter().map(Some))
        .map(|k| {
            let label = k.map_or("All", |k| k.label());
            (k, format!("{label} ({})", count_of(k)))
        })
        .collect();
    view! {
        <div class="pr-questions">
            <div class="pr-filter" role="group" aria-label="Kind of question">
                {choices.into_iter().map(|(k, label)| {
                    let navigate = navigate.clone();
                    let pressed = move || (kind() == k).to_string();
                    view! {
                        <button class="btn btn-small" aria-pressed=pressed on:click=move |_| {
                            let url = match k { Some(k) => format!("/practice/questions?kind={}", k.key()), None => "/practice/questions".into() };
                            navigate(&url, Default::default());
                        }>{label}</button>
                    }
                }).collect_view()}
            </div>
            <p class="muted" data-testid="pr-question-count">{
                let shown = shown.clone();
                move || format!("{} shown. Open one to see what a strong answer covers.", plural(shown().len(), "question", "questions"))
            }</p>
            <ol class="pr-bank">
                {move || shown().into_iter().map(|q| view! {
                    <li class="card pr-question" data-kind=q.kind.key()>
                        <details>
                            <summary><span class="pr-kind">{q.kind.label()}</span>" "{q.text.clone()}</summary>
                            <AnswerGuide question=q.clone()/>
                        </details>
                    </li>
                }).collect_view()}
            </ol>
        </div>
    }
}

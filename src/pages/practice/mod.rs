//! The Practice page for interview preparation: decks with spaced repetition, the question
//! bank, mock interviews, drills on generated account situations and a confidence reset.
//! Content (decks, questions) is fetched from `/practice/*.json` when the page opens; the
//! rules live in `domain::practice`; this module only shows them.

pub mod drill;
pub mod home;
pub mod mock;
pub mod questions;
pub mod reset;
pub mod review;

use std::cell::RefCell;
use std::sync::Arc;

use chrono::NaiveDateTime;
use leptos::prelude::*;
use leptos_router::components::{Outlet, A};

use crate::browser;
use crate::domain::practice::{Deck, Question};
use crate::format::practice::{read_decks, read_questions};

/// The decks and the question bank, as read from the content files.
#[derive(Debug, Clone, PartialEq)]
pub struct Content {
    pub decks: Vec<Deck>,
    pub questions: Vec<Question>,
}

/// Where loading the content files stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Loading {
    Pending,
    Ready(Arc<Content>),
    Failed(String),
}

/// The content as context for every practice view.
#[derive(Clone, Copy)]
pub struct PracticeContent(pub RwSignal<Loading>);

/// "Now" for scheduling, moved on every 30 seconds so due counts stay true.
#[derive(Clone, Copy)]
pub struct Now(pub RwSignal<NaiveDateTime>);

pub fn use_content() -> RwSignal<Loading> {
    expect_context::<PracticeContent>().0
}

pub fn use_now() -> RwSignal<NaiveDateTime> {
    expect_context::<Now>().0
}

thread_local! {
    /// Loaded once per page load: moving between practice views does not fetch again.
    static CACHE: RefCell<Option<Arc<Content>>> = const { RefCell::new(None) };
}

async fn load() -> Result<Content, String> {
    let decks = browser::fetch_text("/practice/decks.json").await?;
    let decks = read_decks(&decks).map_err(|e| format!("decks.json: {e}"))?;
    let questions = browser::fetch_text("/practice/questions.json").await?;
    let questions = read_questions(&questions).map_err(|e| format!("questions.json: {e}"))?;
    Ok(Content { decks, questions })
}

fn start_loading(state: RwSignal<Loading>) {
    if let Some(c) = CACHE.with(|c| c.borrow().clone()) {
        state.set(Loading::Ready(c));
        return;
    }
    state.set(Loading::Pending);
    wasm_bindgen_futures::spawn_local(async move {
        match load().await {
            Ok(c) => {
                let c = Arc::new(c);
                CACHE.with(|cache| *cache.borrow_mut() = Some(c.clone()));
                state.set(Loading::Ready(c));
            }
            Err(e) => state.set(Loading::Failed(e)),
        }
    });
}

pub(crate) const TABS: &[(&str, &str)] = &[
    ("/practice", "Decks"),
    ("/practice/questions", "Questions"),
    ("/practice/mock", "Mock interview"),
    ("/practice/drill", "Drills"),
    ("/practice/reset", "Confidence reset"),
];

#[component]
pub fn PracticePage() -> impl IntoView {
    let content = RwSignal::new(Loading::Pending);
    provide_context(PracticeContent(content));
    let now = RwSignal::new(browser::now_local());
    provide_context(Now(now));
    start_loading(content);
    let tick = set_interval_with_handle(
        move || now.set(browser::now_local()),
        std::time::Duration::from_secs(30),
    );
    on_cleanup(move || {
        if let Ok(t) = tick {
            t.clear();
        }
    });
    view! {
        <section class="page pr-page">
            <h1>"Interview practice"</h1>
            <p class="lede">"Prepare for Account Manager interviews: learn the vocabulary and frameworks, rehearse answers, and drill on account situations worked out by the planner's own rules."</p>
            <nav class="tabs" aria-label="Practice sections">
                {TABS.iter().map(|(href, label)| view! { <A href=*href exact=true>{*label}</A> }).collect_view()}
            </nav>
            {move || match content.get() {
                Loading::Pending => view! { <p class="muted pr-loading">"Loading the cards and questions…"</p> }.into_any(),
                Loading::Failed(e) => view! {
                    <div class="banner banner-danger pr-load-error" role="alert">
                        <p><strong>"The practice content could not be loaded."</strong></p>
                        <p>{e}</p>
                        <p>"Your progress is safe: nothing was changed. Check the connection, then try again."</p>
                        <button class="btn" on:click=move |_| start_loading(content)>"Try again"</button>
                    </div>
                }.into_any(),
                Loading::Ready(_) => view! { <Outlet/> }.into_any(),
            }}
        </section>
    }
}

/// The content once loaded (views under the Outlet only render when it is).
pub fn loaded() -> Arc<Content> {
    match use_content().get_untracked() {
        Loading::Ready(c) => c,
        _ => Arc::new(Content {
            decks: Vec::new(),
            questions: Vec::new(),
        }),
    }
}

pub use crate::domain::text::plural;

//! A review session: the front of a card, Space (or the button) shows the back, then
//! Again / Hard / Good / Easy (keys 1 to 4), each button showing the wait it gives.

use std::collections::HashMap;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use super::{loaded, plural, use_now};
use crate::browser;
use crate::domain::practice::scheduler::{interval_label, preview};
use crate::domain::practice::session::{when_next_text, Session};
use crate::domain::practice::Grade;
use crate::state::use_app;

/// True when the key press is meant for a form control, not for the session.
fn typing_in_field(ev: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            matches!(
                el.tag_name().as_str(),
                "INPUT" | "TEXTAREA" | "SELECT" | "BUTTON" | "A"
            )
        })
}

#[component]
pub fn PracticeReview() -> impl IntoView {
    let app = use_app();
    let now = use_now();
    let query = use_query_map();
    let content = loaded();
    let deck_id = query.with_untracked(|q| q.get("deck"));
    let decks: Vec<_> = content
        .decks
        .iter()
        .filter(|d| deck_id.as_deref().is_none_or(|id| d.id == id))
        .collect();
    let unknown_deck = deck_id.is_some() && decks.is_empty();
    let keys = StoredValue::new(decks.iter().flat_map(|d| d.keys()).collect::<Vec<String>>());
    let title = match (&deck_id, decks.first()) {
        (Some(_), Some(d)) => d.title.clone(),
        _ => "All decks".to_string(),
    };
    // card key -> (deck title, front, back)
    let cards: HashMap<String, (String, String, String)> = content
        .decks
        .iter()
        .flat_map(|d| {
            d.cards.iter().map(move |c| {
                (
                    d.card_key(c),
                    (d.title.clone(), c.front.clone(), c.back.clone()),
                )
            })
        })
        .collect();
    let start_now = browser::now_local();
    now.set(start_now);
    let session = RwSignal::new(
        app.ws
            .with_untracked(|w| Session::start(&w.practice, &decks, start_now)),
    );
    let first_size = session.with_untracked(|s| s.remaining());
    let flipped = RwSignal::new(false);

    let grade = move |g: Grade| {
        if !flipped.get_untracked() || session.with_untracked(|s| s.current().is_none()) {
            return;
        }
        let t = browser::now_local();
        app.ws.update(|w| {
            session.update(|s| {
                s.grade(&mut w.practice, t, g);
            });
        });
        now.set(t);
        flipped.set(false);
    };
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || typing_in_field(&ev) {
            return;
        }
        let key = ev.key();
        if key == " " || key == "Spacebar" {
            ev.prevent_default();
            if session.with_untracked(|s| s.current().is_some()) {
                flipped.set(true);
            }
        } else if let Some(g) = key.parse::<u8>().ok().and_then(Grade::from_number) {
            ev.prevent_default();
            grade(g);
        }
    });
    on_cleanup(move || handle.remove());

    let current = {
        let cards = cards.clone();
        move || session.with(|s| s.current().map(|k| (k.to_string(), cards.get(k).cloned())))
    };
    let buttons = move || {
        let key = session.with(|s| s.current().map(str::to_string))?;
        let t = now.get();
        let memory = app.ws.with(|w| w.practice.memory(&key).cloned());
        Some(
            preview(memory.as_ref(), t)
                .into_iter()
                .map(|(g, m)| (g, interval_label(t, m.due)))
                .collect::<Vec<_>>(),
        )
    };

    view! {
        <div class="pr-review">
            <p class="crumbs"><A href="/practice">"Decks"</A>" / "{title}</p>
            {unknown_deck.then(|| view! { <p class="banner banner-danger" role="alert">{format!("There is no deck called \"{}\". Pick one on the Decks tab.", deck_id.clone().unwrap_or_default())}</p> })}
            <p class="pr-progress" aria-live="polite">{move || session.with(|s| {
                if first_size == 0 { String::new() } else {
                    format!("{} left · {} done", plural(s.remaining(), "card", "cards"), s.reviewed)
                }
            })}</p>
            {move || match current() {
                None => view! {
                    <div class="card pr-done" data-testid="pr-done">
                        <h2>{if first_size == 0 { "Nothing to review" } else { "Session done" }}</h2>
                        <p>{move || session.with(|s| if s.reviewed == 0 {
                            let t = now.get();
                            let text = keys.with_value(|keys| app.ws.with(|w| when_next_text(&w.practice, keys, t)));
                            if text.is_empty() { "No card is due.".to_string() } else { text }
                        } else {
                            format!("{} done, {} graded Again. Each card comes back when you are likely to be close to forgetting it.", plural(s.reviewed, "review", "reviews"), s.again)
                        })}</p>
                        <A href="/practice" attr:class="btn">"Back to the decks"</A>
                    </div>
                }.into_any(),
                Some((_, None)) => view! {
                    <div class="card"><p>"This card is no longer in the decks."</p>
                        <button class="btn" on:click=move |_| { flipped.set(true); grade(Grade::Good); }>"Skip it"</button></div>
                }.into_any(),
                Some((key, Some((deck, front, back)))) => view! {
                    <article class="card pr-flashcard" data-card=key aria-live="polite">
                        <p class="pr-deck-name muted">{deck}</p>
                        <p class="pr-front" data-testid="pr-front">{front}</p>
                        {move || if flipped.get() {
                            view! { <p class="pr-back" data-testid="pr-back">{back.clone()}</p> }.into_any()
                        } else {
                            view! {
                                <button class="btn btn-primary pr-show" on:click=move |_| flipped.set(true)>
                                    "Show answer" <kbd>"Space"</kbd>
                                </button>
                            }.into_any()
                        }}
                    </article>
                }.into_any(),
            }}
            {move || if flipped.get() { buttons() } else { None }.map(|bs| view! {
                <div class="pr-grades" role="group" aria-label="How well did you recall it?">
                    {bs.into_iter().map(|(g, wait)| view! {
                        <button class=format!("btn pr-grade pr-grade-{}", g.key()) data-grade=g.key() on:click=move |_| grade(g)>
                            <span class="pr-grade-label">{g.label()}</span>
                            <span class="pr-wait">{wait}</span>
                            <kbd>{g.number().to_string()}</kbd>
                        </button>
                    }).collect_view()}
                </div>
            })}
            <p class="hint pr-keys">"Keys: Space shows the answer; 1 Again, 2 Hard, 3 Good, 4 Easy."</p>
        </div>
    }
}

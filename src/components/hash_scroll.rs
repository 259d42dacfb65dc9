//! Links into a section of a page (`/accounts/3/renewal#task-t90-qbr`, as This week gives
//! them) land on that section: after each navigation with a `#fragment`, the element with
//! that id is scrolled into view (and focused, when it takes focus) once it is on the page.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

/// Frames to wait for the section to appear (a tab draws after its account loads).
const TRIES: u32 = 30;

#[component]
pub fn HashScroll() -> impl IntoView {
    let location = use_location();
    Effect::new(move |_| {
        let path = location.pathname.get();
        let hash = location.hash.get();
        let id = hash.trim_start_matches('#').to_string();
        if id.is_empty() {
            return;
        }
        let _ = path;
        seek(id, TRIES);
    });
}

fn seek(id: String, tries: u32) {
    request_animation_frame(move || {
        let Some(el) = document().get_element_by_id(&id) else {
            if tries > 0 {
                seek(id, tries - 1);
            }
            return;
        };
        el.scroll_into_view();
        if let Ok(h) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = h.focus();
        }
        settle(id, SETTLE_FRAMES);
    });
}

/// Frames during which the section is kept in view while the page finishes drawing (a
/// chart or a list above it may still grow and push it down).
const SETTLE_FRAMES: u32 = 40;

fn settle(id: String, frames: u32) {
    if frames == 0 {
        return;
    }
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            let top = el.get_bounding_client_rect().top();
            let height = window()
                .inner_height()
                .ok()
                .and_then(|h| h.as_f64())
                .unwrap_or(0.0);
            if top < 0.0 || top > height {
                el.scroll_into_view();
            }
        }
        settle(id, frames - 1);
    });
}

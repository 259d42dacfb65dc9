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
    });
}

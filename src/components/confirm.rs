//! A two-step button: the first click asks, "Yes" acts, "Cancel" backs out. Used for every
//! action that replaces or removes work.
//!
//! Focus never falls to the page (docs/accessibility.md): when the question opens, the
//! cursor is on Cancel; after Cancel (or Escape) it is back on the button that asked; after
//! Yes it is back on that button when it is still on the page. When the action removed it
//! (the item is gone), the list it was in puts the focus on purpose (`item_editor`), or it
//! goes to `focus_after` when given; when neither did, to the place the item left
//! ([`Place`]): the item now in its place, or the section it was in.

use leptos::html;
use leptos::prelude::*;

use super::form::focus_soon;

#[component]
pub fn ConfirmButton(
    /// Text of the button that starts the action.
    #[prop(into)]
    label: String,
    /// The question shown before acting.
    #[prop(into)]
    question: Signal<String>,
    /// Text of the button that confirms.
    #[prop(into)]
    confirm_label: String,
    #[prop(optional)] danger: bool,
    #[prop(into)] on_confirm: Callback<()>,
    /// Where the focus goes after Yes when this button is gone (a CSS selector).
    #[prop(optional, into)]
    focus_after: Option<String>,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    let class = if danger { "btn btn-danger" } else { "btn" };
    let opener = NodeRef::<html::Button>::new();
    let cancel = NodeRef::<html::Button>::new();
    let yes = NodeRef::<html::Button>::new();
    // Back on the opener once it is drawn again; when it is gone, on `focus_after`, else
    // (when nothing else took the focus) near the place the item left.
    let refocus = move |fallback: Option<String>, place: Option<Place>| {
        request_animation_frame(move || match opener.try_get_untracked().flatten() {
            Some(el) if el.is_connected() => {
                let _ = el.focus();
            }
            _ => {
                if let Some(sel) = fallback {
                    focus_soon(sel);
                } else if let Some(place) = place {
                    place.focus_if_lost();
                }
            }
        });
    };
    move || {
        if asking.get() {
            request_animation_frame(move || {
                // Answered before this frame (a double click on a slow device): the
                // question, and its reference, may be gone already.
                if let Some(el) = cancel.try_get_untracked().flatten() {
                    let _ = el.focus();
                }
            });
            let focus_after = focus_after.clone();
            view! {
                <div class="confirm-ask" role="group" aria-label=label.clone()
                    on:keydown=move |ev| {
                        if ev.key() == "Escape" {
                            ev.prevent_default();
                            asking.set(false);
                            refocus(None, None);
                        }
                    }>
                    <p>{move || question.get()}</p>
                    <div class="actions">
                        <button class=class node_ref=yes on:click=move |_| {
                            let place = yes.get_untracked().map(|el| Place::of(&el));
                            asking.set(false);
                            on_confirm.run(());
                            refocus(focus_after.clone(), place);
                        }>{confirm_label.clone()}</button>
                        <button class="btn btn-quiet" node_ref=cancel on:click=move |_| {
                            asking.set(false);
                            refocus(None, None);
                        }>"Cancel"</button>
                    </div>
                </div>
            }
            .into_any()
        } else {
            view! { <button class=class node_ref=opener on:click=move |_| asking.set(true)>{label.clone()}</button> }
                .into_any()
        }
    }
}

/// An item of a list: a table's row, a list's entry, an article.
const ITEM: &str = "tr, li, article";
/// What takes the focus in an item or a section.
const CONTROL: &str = "button:not([disabled]), a[href], input:not([disabled]), \
                       select:not([disabled]), textarea:not([disabled])";

/// Where an item stood, recorded when Yes is pressed (before the action changes the page):
/// the list it was in and its place there, and the sections around it, innermost first.
struct Place {
    list: Option<web_sys::Element>,
    index: u32,
    sections: Vec<web_sys::Element>,
}

impl Place {
    fn of(el: &web_sys::Element) -> Place {
        let item = el.closest(ITEM).ok().flatten();
        let list = item.as_ref().and_then(|i| i.parent_element());
        let index = match (&item, &list) {
            (Some(item), Some(list)) => {
                let children = list.query_selector_all(":scope > *").ok();
                let n = children.as_ref().map_or(0, |c| c.length());
                (0..n)
                    .find(|i| {
                        children
                            .as_ref()
                            .and_then(|c| c.item(*i))
                            .is_some_and(|c| c.is_same_node(Some(item)))
                    })
                    .unwrap_or(0)
            }
            _ => 0,
        };
        let mut sections = Vec::new();
        let mut at = el.parent_element();
        while let Some(e) = at.and_then(|e| e.closest("section, .card").ok().flatten()) {
            at = e.parent_element();
            sections.push(e);
        }
        Place {
            list,
            index,
            sections,
        }
    }

    /// When nothing has the focus (the button that had it is gone and no list put it
    /// anywhere): the first control of the item now in the removed one's place (the one
    /// before it at the end of the list); with none, the heading of the innermost section
    /// still on the page (or its first control); at last the page's main heading.
    fn focus_if_lost(self) {
        use wasm_bindgen::JsCast;
        let doc = document();
        let lost = doc.active_element().is_none_or(|a| {
            !a.is_connected() || doc.body().is_some_and(|b| b.is_same_node(Some(&a)))
        });
        if !lost {
            return;
        }
        let focus = |el: web_sys::Element| {
            el.dyn_into::<web_sys::HtmlElement>()
                .map(|el| {
                    if el.tab_index() < 0 && !el.has_attribute("tabindex") {
                        let _ = el.set_attribute("tabindex", "-1");
                    }
                    let _ = el.focus();
                })
                .is_ok()
        };
        let control_in = |el: &web_sys::Element| el.query_selector(CONTROL).ok().flatten();
        if let Some(list) = self.list.filter(|l| l.is_connected()) {
            if let Ok(children) = list.query_selector_all(":scope > *") {
                let n = children.length();
                if n > 0 {
                    let at = self.index.min(n - 1);
                    let neighbour = children
                        .item(at)
                        .and_then(|c| c.dyn_into::<web_sys::Element>().ok())
                        .and_then(|c| control_in(&c));
                    if let Some(control) = neighbour {
                        if focus(control) {
                            return;
                        }
                    }
                }
            }
        }
        if let Some(section) = self.sections.into_iter().find(|s| s.is_connected()) {
            let target = section
                .query_selector("h2, h3")
                .ok()
                .flatten()
                .or_else(|| control_in(&section));
            if target.is_some_and(focus) {
                return;
            }
        }
        let main = doc
            .query_selector("main .routed h1")
            .ok()
            .flatten()
            .or_else(|| doc.get_element_by_id("main"));
        if let Some(main) = main {
            focus(main);
        }
    }
}

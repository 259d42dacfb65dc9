//! Drawing only the rows of a long table that are in view (docs/domain.md#drawing-a-long-table).
//! The table's CSS gives every row one height; the page's scroll position comes from a
//! passive scroll listener, read in the next animation frame (one read per frame, never
//! right after mounting: until the first scroll the table is taken to start at the top of
//! the screen, which draws its first rows). Which rows that makes is
//! `domain::window::rows_in_view`.

use std::cell::Cell;
use std::rc::Rc;

use leptos::html::Tbody;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::window::{rows_in_view, RowWindow, OVERSCAN};

/// The row height of a windowed table (`--row-h` in `style/portfolio.css`), in rem: the
/// guess before a row has been measured.
pub const ROW_REM: f64 = 5.5;

/// Where the viewport is over the table body, in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
struct ViewBox {
    /// The viewport's top below the first row's top.
    top: f64,
    row: f64,
    height: f64,
}

fn viewport_height() -> f64 {
    window()
        .inner_height()
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(800.0)
}

/// The rows of `body` to draw, out of `total`, keeping the row at `focused` (the row
/// holding the keyboard focus) when it is near. Listens to the window's scroll and
/// resize while the calling view lives.
pub fn row_window(
    body: NodeRef<Tbody>,
    total: Memo<usize>,
    focused: Signal<Option<usize>>,
) -> Memo<RowWindow> {
    let view_box = RwSignal::new(ViewBox {
        top: 0.0,
        row: ROW_REM * 16.0,
        height: viewport_height(),
    });
    let queued = Rc::new(Cell::new(false));
    let on_scroll = Closure::<dyn Fn()>::new(move || {
        if queued.replace(true) {
            return;
        }
        let queued = queued.clone();
        request_animation_frame(move || {
            queued.set(false);
            let (Some(body), Some(old)) = (
                body.try_get_untracked().flatten(),
                view_box.try_get_untracked(),
            ) else {
                return;
            };
            let top = -body.get_bounding_client_rect().top();
            let row = body
                .query_selector("tr[aria-rowindex]")
                .ok()
                .flatten()
                .map(|r| r.get_bounding_client_rect().height())
                .filter(|h| *h > 0.0)
                .unwrap_or(old.row);
            let next = ViewBox {
                top,
                row,
                height: viewport_height(),
            };
            if next != old {
                view_box.set(next);
            }
        });
    });
    let listener: js_sys::Function = on_scroll.into_js_value().unchecked_into();
    let options = web_sys::AddEventListenerOptions::new();
    options.set_passive(true);
    for event in ["scroll", "resize"] {
        let _ = window().add_event_listener_with_callback_and_add_event_listener_options(
            event, &listener, &options,
        );
    }
    let listener = StoredValue::new_local(listener);
    on_cleanup(move || {
        listener.try_with_value(|f| {
            for event in ["scroll", "resize"] {
                let _ = window().remove_event_listener_with_callback(event, f);
            }
        });
    });
    Memo::new(move |_| {
        let b = view_box.get();
        let total = total.get();
        rows_in_view(b.top, b.row, b.height, OVERSCAN, total).keeping(focused.get(), total)
    })
}

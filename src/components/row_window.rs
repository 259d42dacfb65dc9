//! Draws only the rows of a long table that are in view (docs/domain.md#drawing-a-long-table).
//! The table's CSS gives every row one height; where the table is on the screen is read in
//! an animation frame (one read per frame, never right after mounting): once after the
//! table's first paint, then after each scroll or resize (a passive listener). Until that
//! first reading the table is taken to start where the last one did on the page (at the top
//! of the screen the first time), so a table below the fold does not draw a screenful of
//! rows no one sees. Which rows that makes is `domain::window::rows_in_view`.

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

thread_local! {
    /// How far below the top of the page the last table measured began, in CSS pixels:
    /// the guess for the next one until it is measured (a page is opened scrolled to its
    /// top, and the portfolio's table starts at about the same place each time).
    static LAST_TOP: Cell<f64> = const { Cell::new(0.0) };
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
        top: -LAST_TOP.get(),
        row: ROW_REM * 16.0,
        height: viewport_height(),
    });
    let queued = Rc::new(Cell::new(false));
    // Reads where the table is in the next animation frame (at most one read a frame).
    let measure = Rc::new(move || {
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
            if let Ok(scrolled) = window().scroll_y() {
                LAST_TOP.set(scrolled - top);
            }
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
    // The first reading, once the table is in the page and has been painted where the
    // guess put it (the portfolio's first drawing adds the table a few tasks after the
    // page's start).
    body.on_load({
        let measure = measure.clone();
        move |_| crate::browser::after_paint(move || measure())
    });
    let on_scroll = Closure::<dyn Fn()>::new(move || measure());
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

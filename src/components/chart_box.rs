//! A box that draws an SVG chart at its own width (`ChartBox`), and where each chart sits
//! (`ChartPlace`), which gives the width of its first drawing. Every chart of the app is
//! drawn through it.

use leptos::prelude::*;

/// A box that draws an SVG chart at its own CSS width, so text stays about 12 px on any
/// screen; the SVG scales with its `viewBox`, so it is sharp on HiDPI screens.
///
/// The width is never read right after mounting (that forces the browser to lay out the
/// whole page before it has painted it): the first drawing uses the width a box in the same
/// place had last time, or the width the stylesheet gives that place for the window's width
/// (`ChartPlace`), and a `ResizeObserver` reports the real width after the browser's own
/// layout; the chart is drawn again only when that differs, and on every later resize.
#[component]
pub fn ChartBox<F>(
    /// Draws the chart for a width in CSS pixels.
    render: F,
    /// Where the box sits: the width of its first drawing.
    place: ChartPlace,
    #[prop(optional)] class: &'static str,
) -> impl IntoView
where
    F: Fn(u32) -> String + Send + Sync + 'static,
{
    let node = NodeRef::<leptos::html::Div>::new();
    let guess = chart_width::last(place).unwrap_or_else(|| {
        window()
            .inner_width()
            .ok()
            .and_then(|v| v.as_f64())
            .map_or(720, |w| {
                place.first_width(w, crate::browser::scrollbar_gutter())
            })
    });
    let width = RwSignal::new(guess);
    let observer = StoredValue::new_local(None::<chart_width::Observer>);
    node.on_load(move |el| {
        let o = chart_width::Observer::new(&el, move |w| {
            chart_width::remember(place, w);
            if width.get_untracked() != w {
                width.set(w);
            }
        });
        observer.set_value(Some(o));
    });
    on_cleanup(move || {
        observer.update_value(|o| {
            if let Some(o) = o.take() {
                o.disconnect();
            }
        })
    });
    view! {
        <div class=format!("chart-box {class}") node_ref=node inner_html=move || render(width.get())></div>
    }
}

/// Where a chart box sits on its page, which gives the width of its first drawing, before
/// the browser has laid the page out. A box drawn at another width than it is shown is
/// scaled, so its height changes when it is drawn again and the page below it moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChartPlace {
    /// A card as wide as a page: `main` (at most 1,200 px) less its padding and the card's.
    PageCard,
    /// One of the portfolio's two charts: side by side above 900 px in the portfolio's wider
    /// page (at most 1,480 px), one above the other below.
    PortfolioPair,
    /// An account's health trend: the wider (7 of 12) column of the Health tab's top row
    /// above 900 px (style/health.css), a whole card below.
    HealthTrend,
    /// One of Practice's progress charts: two a row above 640 px with an 11.25 px gap
    /// (style/practice.css), one a row below.
    PracticePair,
}

/// What style/main.css puts around a chart above 640 px (CSS px, both sides together):
/// `main`'s padding (22.5 a side) and a card's padding and border (18.75 and 1 a side).
const MAIN_SIDES: f64 = 45.0;
const CARD_SIDES: f64 = 39.5;

impl ChartPlace {
    /// The box's width for a window `window_width` CSS pixels wide, as the stylesheets lay
    /// it out: a whole card is the page less 62 px up to 640 px and 84 px above; a column
    /// is its share (in twelfths) of the page less `main`'s padding and the gap between
    /// columns (15 px on the portfolio and the Health tab, 11.25 px on Practice), less the
    /// card's own. The page is the window less `gutter`, the room kept for a scroll bar
    /// (where bars take room); the stylesheets' breakpoints go by the whole window.
    pub fn first_width(self, window_width: f64, gutter: f64) -> u32 {
        let w = window_width.max(0.0);
        let room = (w - gutter.max(0.0)).max(0.0);
        let card = |page: f64| if w <= 640.0 { page - 62.0 } else { page - 84.0 };
        let column = |page: f64, gap: f64, twelfths: f64| {
            (page - MAIN_SIDES - gap) * twelfths / 12.0 - CARD_SIDES
        };
        let width = match self {
            ChartPlace::PortfolioPair if w > 900.0 => column(room.min(1480.0), 15.0, 6.0),
            ChartPlace::HealthTrend if w > 900.0 => column(room.min(1200.0), 15.0, 7.0),
            ChartPlace::PracticePair if w > 640.0 => column(room.min(1200.0), 11.25, 6.0),
            ChartPlace::PortfolioPair | ChartPlace::HealthTrend | ChartPlace::PracticePair => {
                card(room)
            }
            ChartPlace::PageCard => card(room.min(1200.0)),
        };
        width.round().max(1.0) as u32
    }
}

/// The measured widths of chart boxes (by their place) and the `ResizeObserver` binding.
mod chart_width {
    use std::cell::RefCell;
    use std::collections::HashMap;

    use wasm_bindgen::prelude::*;

    use super::ChartPlace;

    thread_local! {
        static LAST: RefCell<HashMap<ChartPlace, u32>> = RefCell::new(HashMap::new());
    }

    pub fn last(place: ChartPlace) -> Option<u32> {
        LAST.with(|m| m.borrow().get(&place).copied())
    }

    pub fn remember(place: ChartPlace, width: u32) {
        LAST.with(|m| m.borrow_mut().insert(place, width));
    }

    #[wasm_bindgen]
    extern "C" {
        type ResizeObserver;
        #[wasm_bindgen(constructor)]
        fn new(callback: &js_sys::Function) -> ResizeObserver;
        #[wasm_bindgen(method)]
        fn observe(this: &ResizeObserver, target: &web_sys::Element);
        #[wasm_bindgen(method)]
        fn disconnect(this: &ResizeObserver);

        type ResizeObserverEntry;
        #[wasm_bindgen(method, getter, js_name = contentRect)]
        fn content_rect(this: &ResizeObserverEntry) -> ContentRect;

        type ContentRect;
        #[wasm_bindgen(method, getter)]
        fn width(this: &ContentRect) -> f64;
    }

    /// Calls `on_width` with the element's content width (whole CSS pixels, never 0) after
    /// each layout that changed it, until disconnected.
    pub struct Observer {
        observer: ResizeObserver,
        _callback: Closure<dyn FnMut(js_sys::Array)>,
    }

    impl Observer {
        pub fn new(el: &web_sys::Element, mut on_width: impl FnMut(u32) + 'static) -> Observer {
            let callback =
                Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                    let last = entries.get(entries.length().saturating_sub(1));
                    if last.is_undefined() {
                        return;
                    }
                    let w = last
                        .unchecked_into::<ResizeObserverEntry>()
                        .content_rect()
                        .width();
                    if w >= 1.0 {
                        on_width(w.round() as u32);
                    }
                });
            let observer = ResizeObserver::new(callback.as_ref().unchecked_ref());
            observer.observe(el);
            Observer {
                observer,
                _callback: callback,
            }
        }

        pub fn disconnect(self) {
            self.observer.disconnect();
        }
    }
}

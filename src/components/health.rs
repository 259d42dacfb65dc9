//! View pieces of the health score shared by the Health tab, the Portfolio and Settings:
//! band and rating badges (colour always with a word), the trend arrow, the flags, the
//! five signal inputs (on the form kit), and a box that draws an SVG chart at its own width.

use leptos::prelude::*;

use crate::components::form::{options_with_none, Field, FormErrors, NumberInput, Select};
use crate::domain::health::{
    fmt_points, Band, Category, HealthSummary, Rating, Signals, SignalsForm, TicketTrend, Trend,
};

/// A pill in the band's colour that says the band in words: "Needs attention".
/// `None` is an account without a score.
pub fn band_badge(band: Option<Band>) -> impl IntoView {
    match band {
        Some(b) => view! {
            <span class=format!("band band-{}", b.key()) title=format!("{} band", b.colour())>
                <span class="band-dot" aria-hidden="true"></span>
                {b.label()}
            </span>
        }
        .into_any(),
        None => view! { <span class="band band-none">"No score"</span> }.into_any(),
    }
}

/// A category's rating as a pill: "Good", "Fair", "Poor", or "Unknown".
pub fn rating_badge(rating: Option<Rating>) -> impl IntoView {
    match rating {
        Some(r) => view! {
            <span class=format!("band band-{}", r.key())>
                <span class="band-dot" aria-hidden="true"></span>
                {r.label()}
            </span>
        }
        .into_any(),
        None => view! { <span class="band band-none">"Unknown"</span> }.into_any(),
    }
}

/// "↓ −7.5" with the direction in words for screen readers and on hover.
pub fn trend_view(trend: Option<Trend>) -> impl IntoView {
    match trend {
        Some(t) => {
            let words = format!(
                "{}: {} points since {}",
                t.direction.label(),
                t.change_text(),
                crate::domain::dates::long(t.since)
            );
            let title = words.clone();
            view! {
                <span class=format!("trend trend-{}", t.direction.key()) title=title>
                    <span aria-hidden="true">{t.direction.arrow()}" "{t.change_text()}</span>
                    <span class="visually-hidden">{words}</span>
                </span>
            }
            .into_any()
        }
        None => {
            view! { <span class="muted" title="Fewer than two check-ins">"—"</span> }.into_any()
        }
    }
}

/// The "Declining" and "Stale" badges (nothing when neither holds). The reason is in the
/// badge's title; screens with room show it in full beside.
pub fn flag_badges(s: &HealthSummary) -> impl IntoView {
    let declining = s.decline.map(|d| {
        let why = d.message();
        view! { <span class="flag flag-declining" title=why>"Declining"</span> }
    });
    let stale = s.stale.then(|| {
        let why = stale_message(s);
        view! { <span class="flag flag-stale" title=why>"Stale"</span> }
    });
    view! { <span class="flags">{declining}{stale}</span> }
}

/// Why an account is stale: "No check-in for 38 days (last on 2 Mar 2026)."
pub fn stale_message(s: &HealthSummary) -> String {
    match (s.days_since_update, s.as_of) {
        (Some(days), Some(d)) => format!(
            "No check-in for {days} days (last on {}); refresh health weekly.",
            crate::domain::dates::long(d)
        ),
        _ => "No recent check-in.".into(),
    }
}

/// The score as shown in tables: "67.5" (one decimal only when needed).
pub fn score_text(s: &HealthSummary) -> Option<String> {
    s.score.as_ref().map(|x| x.display())
}

/// Signed points: "+7.5", "−12.5", "0".
pub fn signed_points(x: f64) -> String {
    let t = fmt_points(x);
    if t == "0" {
        t
    } else if x > 0.0 {
        format!("+{t}")
    } else {
        format!("−{}", t.trim_start_matches('-'))
    }
}

/// The problem of one field of a signals form, if any.
pub fn field_error(form: &SignalsForm, category: Category) -> Option<String> {
    form.parse()
        .err()?
        .into_iter()
        .find(|e| e.path == category.key())
        .map(|e| e.message)
}

/// How the five inputs behave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// Check a field when it is left (`change`), and again at each keystroke while it
    /// shows a message: forms that save.
    OnLeave,
    /// Check at every keystroke: the what-if preview.
    Live,
}

/// The fields of a signals form (check-in, check-in edit, what-if): its day and the five
/// signals. The key of its [`FormErrors`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SignalField {
    AsOf,
    Signal(Category),
}

/// What is typed in the five signal inputs, one signal each (`Copy`).
#[derive(Clone, Copy)]
pub struct SignalInputs([RwSignal<String>; 5]);

impl SignalInputs {
    pub fn new(form: SignalsForm) -> Self {
        SignalInputs(Category::ALL.map(|c| RwSignal::new(form.get(c).to_string())))
    }

    pub fn value(self, c: Category) -> RwSignal<String> {
        self.0[c.index()]
    }

    /// The form as typed (tracked).
    pub fn form(self) -> SignalsForm {
        let mut f = SignalsForm::default();
        for c in Category::ALL {
            self.value(c).with(|v| f.set(c, v.as_str()));
        }
        f
    }

    /// The form as typed, untracked (a submit).
    pub fn form_untracked(self) -> SignalsForm {
        untrack(|| self.form())
    }

    /// Puts `form` in the inputs.
    pub fn set(self, form: &SignalsForm) {
        for c in Category::ALL {
            self.value(c).set(form.get(c).to_string());
        }
    }

    /// Reads the five inputs: the signals, or every refused one's message shown at its
    /// field (the other signal messages cleared).
    pub fn read(self, errors: FormErrors<SignalField>) -> Option<Signals> {
        let parsed = self.form_untracked().parse();
        for c in Category::ALL {
            let msg = parsed.as_ref().err().and_then(|es| {
                es.iter()
                    .find(|e| e.path == c.key())
                    .map(|e| e.message.clone())
            });
            errors.set(SignalField::Signal(c), msg);
        }
        parsed.ok()
    }
}

/// The five signal inputs on the form kit: a visible label, the help text as the field's
/// hint (unless `compact`), "unknown" as an empty field (or "Unknown" in the ticket
/// select) and the message of a refused value at its field. `prefix` keeps ids unique when
/// several forms share a page (`checkin-usage`, its message `checkin-usage-err`).
#[component]
pub fn SignalFields(
    prefix: &'static str,
    inputs: SignalInputs,
    errors: FormErrors<SignalField>,
    check: Check,
    #[prop(optional)] compact: bool,
) -> impl IntoView {
    let validate = move |c: Category| {
        let e = untrack(|| field_error(&inputs.form(), c));
        errors.set(SignalField::Signal(c), e);
    };
    let field = move |c: Category| {
        let key = SignalField::Signal(c);
        let value = inputs.value(c);
        let on_change = Callback::new(move |()| validate(c));
        // Made inside the `Field` (as its child), so the input takes the field's wiring.
        let control = move || {
            if c == Category::Support {
                let options = options_with_none(
                    "Unknown",
                    TicketTrend::ALL
                        .iter()
                        .map(|t| (t.key().to_string(), t.label().to_string())),
                );
                view! { <Select value=value options=options on_change=on_change/> }.into_any()
            } else {
                let mode = match c {
                    Category::Usage | Category::Roi => "decimal",
                    _ => "numeric",
                };
                let on_input = Callback::new(move |()| {
                    if check == Check::Live || untrack(|| errors.has(key)) {
                        validate(c);
                    }
                });
                view! {
                    <NumberInput value=value inputmode=mode placeholder="Unknown"
                        on_input=on_input on_change=on_change/>
                }
                .into_any()
            }
        };
        view! {
            <Field id=format!("{prefix}-{}", c.key()) label=c.input_label() class="signal-field"
                hint=(!compact).then_some(c.help()) error=errors.at(key)>
                {control()}
            </Field>
        }
    };
    view! {
        <div class="signal-fields" class:compact=compact>
            {Category::ALL.into_iter().map(field).collect_view()}
        </div>
    }
}

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
            .map_or(720, |w| place.first_width(w))
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

impl ChartPlace {
    /// The box's width for a window `window_width` CSS pixels wide, as style/main.css and
    /// style/portfolio.css lay it out: `main`'s padding and a card's padding and border
    /// take 62 px up to 640 px and 84 px above (22.5 px a side of `main`, 18.75 px and a
    /// 1 px border a side of the card); the two charts of the portfolio share the page less
    /// a 15 px gap, and so do the Health tab's two columns. A window with a classic scroll bar is narrower by its width: the first
    /// drawing is then a few pixels off and drawn again.
    pub fn first_width(self, window_width: f64) -> u32 {
        let w = window_width.max(0.0);
        let card = |page: f64| if w <= 640.0 { page - 62.0 } else { page - 84.0 };
        let width = match self {
            ChartPlace::PortfolioPair if w > 900.0 => (w.min(1480.0) - 45.0 - 15.0) / 2.0 - 39.5,
            ChartPlace::HealthTrend if w > 900.0 => {
                (w.min(1200.0) - 45.0 - 15.0) * 7.0 / 12.0 - 39.5
            }
            ChartPlace::PracticePair if w > 640.0 => (w.min(1200.0) - 45.0 - 11.25) / 2.0 - 39.5,
            ChartPlace::PortfolioPair | ChartPlace::HealthTrend | ChartPlace::PracticePair => {
                card(w)
            }
            ChartPlace::PageCard => card(w.min(1200.0)),
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

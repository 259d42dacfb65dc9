//! View pieces of the health score shared by the Health tab, the Portfolio and Settings:
//! band and rating badges (colour always with a word), the trend arrow, the flags, the
//! five signal inputs, and a box that draws an SVG chart at its own width.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::domain::health::{
    fmt_points, Band, Category, HealthSummary, Rating, SignalsForm, TicketTrend, Trend,
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
    /// Check a field when it is left (`change`): forms that save.
    OnLeave,
    /// Check at every keystroke: the what-if preview.
    Live,
}

/// The five signal inputs: a visible label, the help text (unless `compact`), "unknown"
/// as an empty field (or "Unknown" in the ticket select) and the message of a refused
/// value right under its field. `prefix` keeps ids unique when several forms share a page.
#[component]
pub fn SignalFields(
    prefix: &'static str,
    form: RwSignal<SignalsForm>,
    errors: RwSignal<HashMap<Category, String>>,
    check: Check,
    #[prop(optional)] compact: bool,
) -> impl IntoView {
    let validate = move |c: Category| {
        let e = form.with_untracked(|f| field_error(f, c));
        errors.update(|m| match e {
            Some(msg) => {
                m.insert(c, msg);
            }
            None => {
                m.remove(&c);
            }
        });
    };
    let field = move |c: Category| {
        let id = format!("{prefix}-{}", c.key());
        let help_id = format!("{id}-help");
        let err_id = format!("{id}-err");
        let describedby = if compact {
            err_id.clone()
        } else {
            format!("{help_id} {err_id}")
        };
        let has_error = move || errors.with(|m| m.contains_key(&c));
        let value = move || form.with(|f| f.get(c).to_string());
        let control = if c == Category::Support {
            view! {
                <select
                    id=id.clone()
                    aria-describedby=describedby
                    aria-invalid=move || has_error().to_string()
                    prop:value=value
                    on:change=move |ev| {
                        form.update(|f| f.set(c, event_target_value(&ev)));
                        validate(c);
                    }
                >
                    <option value="" selected=move || value().is_empty()>"Unknown"</option>
                    {TicketTrend::ALL.iter().map(|t| {
                        let key = t.key();
                        view! { <option value=key selected=move || value() == key>{t.label()}</option> }
                    }).collect_view()}
                </select>
            }
            .into_any()
        } else {
            let mode = match c {
                Category::Usage | Category::Roi => "decimal",
                _ => "numeric",
            };
            view! {
                <input
                    id=id.clone()
                    type="text"
                    inputmode=mode
                    autocomplete="off"
                    placeholder="Unknown"
                    aria-describedby=describedby
                    aria-invalid=move || has_error().to_string()
                    prop:value=value
                    on:input=move |ev| {
                        form.update(|f| f.set(c, event_target_value(&ev)));
                        if check == Check::Live || has_error() {
                            validate(c);
                        }
                    }
                    on:change=move |_| validate(c)
                />
            }
            .into_any()
        };
        view! {
            <div class="field signal-field" class:has-error=has_error>
                <label for=id>{c.input_label()}</label>
                {control}
                <p class="field-error" id=err_id role="alert">
                    {move || errors.with(|m| m.get(&c).cloned())}
                </p>
                {(!compact).then(|| view! { <p class="signal-help" id=help_id>{c.help()}</p> })}
            </div>
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
/// whole page before it has painted it): the first drawing uses the width this kind of box
/// had last time (or a phone / desktop guess from the window), and a `ResizeObserver`
/// reports the real width after the browser's own layout; the chart is drawn again only
/// when that differs, and on every later resize.
#[component]
pub fn ChartBox<F>(
    /// Draws the chart for a width in CSS pixels.
    render: F,
    #[prop(optional)] class: &'static str,
) -> impl IntoView
where
    F: Fn(u32) -> String + Send + Sync + 'static,
{
    let node = NodeRef::<leptos::html::Div>::new();
    let guess = chart_width::last(class).unwrap_or_else(|| {
        window()
            .inner_width()
            .ok()
            .and_then(|v| v.as_f64())
            .map(|w| if w < 640.0 { 340 } else { 720 })
            .unwrap_or(720)
    });
    let width = RwSignal::new(guess);
    let observer = StoredValue::new_local(None::<chart_width::Observer>);
    node.on_load(move |el| {
        let o = chart_width::Observer::new(&el, move |w| {
            chart_width::remember(class, w);
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

/// The measured widths of chart boxes (by their class) and the `ResizeObserver` binding.
mod chart_width {
    use std::cell::RefCell;
    use std::collections::HashMap;

    use wasm_bindgen::prelude::*;

    thread_local! {
        static LAST: RefCell<HashMap<&'static str, u32>> = RefCell::new(HashMap::new());
    }

    pub fn last(class: &'static str) -> Option<u32> {
        LAST.with(|m| m.borrow().get(class).copied())
    }

    pub fn remember(class: &'static str, width: u32) {
        LAST.with(|m| m.borrow_mut().insert(class, width));
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

//! A folded section with a long body: a `<details>` whose body is drawn the first time
//! its summary is pressed (by pointer or keyboard, both a click), then kept while the page
//! lives. A page that folds long lists away draws none of them until asked: the KPI page
//! of 1,000 accounts held about 3,000 elements behind summaries nobody had opened. A short
//! body (a few lines) stays a plain `<details>`.

use leptos::prelude::*;

#[component]
pub fn Disclosure(
    /// The `details` element's class.
    class: &'static str,
    /// The words of the summary.
    #[prop(into)]
    summary: String,
    /// The body, drawn on the first opening.
    children: ChildrenFn,
) -> impl IntoView {
    let opened = RwSignal::new(false);
    view! {
        <details class=class>
            <summary on:click=move |_| opened.set(true)>{summary}</summary>
            {move || opened.get().then(|| children())}
        </details>
    }
}

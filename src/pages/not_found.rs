use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="page narrow">
            <h1>"Page not found"</h1>
            <p>"There is nothing at this address. It may be an account that was deleted, or a link with a typo."</p>
            <p><a class="btn btn-primary" href="/">"Back to the portfolio"</a></p>
        </section>
    }
}

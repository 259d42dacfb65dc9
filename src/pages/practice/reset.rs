//! A short confidence reset to read in the minutes before an interview.

use leptos::prelude::*;

#[component]
pub fn PracticeReset() -> impl IntoView {
    view! {
        <article class="card pr-reset">
            <h2>"Two minutes before you go in"</h2>
            <ol class="pr-reset-steps">
                <li><strong>"Breathe."</strong>" Four slow breaths, out longer than in. Your voice settles with your breathing."</li>
                <li><strong>"Your job in one line."</strong>" An Account Manager keeps customers because they keep getting value, and grows them where that value can spread."</li>
                <li><strong>"Three stories ready."</strong>" A customer you saved, an account you grew, a mistake you owned. Each with a number."</li>
                <li><strong>"Your structure."</strong>" Situation, what you did, the measurable result, what you learned. Short answers, then stop."</li>
                <li><strong>"Your numbers."</strong>" NRR above 110%, GRR above 95%, renewals started 90 days out, health reviewed weekly."</li>
                <li><strong>"Ask back."</strong>" How is the book split? How is retention measured here? What makes the best AM on the team stand out?"</li>
            </ol>
            <p class="pr-anchor">"You are not there to be perfect. You are there to show how you think about customers: listen first, prove value, keep promises, grow where it fits."</p>
        </article>
    }
}

//! Two lines of the account header: the tier's cadence with the next touches due, and the
//! question asked of an account brought in mid-cycle ("were the earlier renewal steps done
//! before?"). Rules in docs/this-week.md#cadence and #mid-cycle.

use leptos::prelude::*;

use crate::account_handle::use_account;
use crate::derived::use_derived;
use crate::domain::cadence::{describe, next_touches};
use crate::domain::dates::{long, relative};
use crate::domain::mid_cycle::{earlier_steps, mark_done_before};
use crate::domain::plural;
use crate::state::use_app;

/// "Cadence: call every month, QBR every 6 months. Next: call due 12 Dec 2026 (last contact
/// 12 Nov 2026); QBR due today (none on record)."
#[component]
pub fn TouchLine() -> impl IntoView {
    let app = use_app();
    let account = use_account();
    let derived = use_derived();
    let line = Memo::new(move |_| {
        let today = app.today.get();
        let tier = derived
            .tiers
            .with(|t| t.get(&account.id()).map(|t| t.tier))?;
        let touches = account.with(|a| next_touches(a, tier, today))?;
        let next: Vec<(bool, String)> = touches
            .iter()
            .map(|t| {
                let last = match t.last {
                    Some(d) => format!("last {}", long(d)),
                    None => "none on record".into(),
                };
                (
                    t.due <= today,
                    format!(
                        "{} due {} ({last})",
                        t.kind.label(),
                        if t.due <= today {
                            if t.due == today {
                                "today".to_string()
                            } else {
                                format!("since {}", long(t.due))
                            }
                        } else {
                            format!("{} ({})", long(t.due), relative(today, t.due))
                        }
                    ),
                )
            })
            .collect();
        Some((describe(tier), next))
    });
    move || {
        line.get().map(|(cadence, next)| {
            view! {
                <p class="touch-line" id="touch-line">
                    "Cadence: "{cadence}"."
                    {(!next.is_empty()).then_some(" Next: ")}
                    {next.into_iter().enumerate().map(|(i, (due, text))| view! {
                        {(i > 0).then_some("; ")}
                        <span class:touch-due=due>{text}</span>
                    }).collect_view()}
                </p>
            }
        })
    }
}

/// Asks, while it applies, whether the renewal steps that fall before today were done
/// before the account came into the planner; "Mark them done" ticks each on its due day.
#[component]
pub fn MidCycleNotice() -> impl IntoView {
    let app = use_app();
    let account = use_account();
    let dismissed = RwSignal::new(false);
    let steps = account.read(move |a| earlier_steps(a, app.today.get()).len());
    let mark = move |_| {
        let today = app.today.get_untracked();
        let mut n = 0;
        account.change(|a| n = mark_done_before(a, today));
        app.show_toast(
            format!(
                "Marked {} done before today.",
                plural(n, "renewal step", "renewal steps")
            ),
            None,
        );
    };
    view! {
        <Show when=move || (steps.get() != 0) && !dismissed.get()>
            <div class="mid-cycle" role="region" aria-label="Renewal steps before today" id="mid-cycle">
                <p><strong>"Was this renewal already under way?"</strong></p>
                <p>{move || {
                    let n = steps.get();
                    let (what, verb) = if n == 1 { ("1 step".to_string(), "falls") } else { (format!("{n} steps"), "fall") };
                    format!(
                        "{what} of this renewal {verb} before today, so the renewal reads as late. If the work was done before the account came into the planner, mark it done: each step is dated on its own due day. You can untick any of them on the Renewal tab."
                    )
                }}</p>
                <div class="actions">
                    <button class="btn btn-primary" id="mid-cycle-mark" on:click=mark>
                        {move || format!("Mark {} done", plural(steps.get(), "earlier step", "earlier steps"))}
                    </button>
                    <button class="btn btn-quiet" on:click=move |_| dismissed.set(true)>"No, they are still to do"</button>
                </div>
            </div>
        </Show>
    }
}

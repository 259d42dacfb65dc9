//! Small pieces shared by the renewal screens (account tabs, Renewals page, portfolio
//! column): the status pill, the "next milestone" cell and lateness words.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::health::{self, Band};
use crate::domain::portfolio::NextUp;
use crate::domain::renewal::RenewalStatus;
use crate::domain::{dates, Account};

/// The health band of the account's latest check-in, scored with the workspace weights.
pub fn band_of(weights: &health::Weights, a: &Account, today: NaiveDate) -> Option<Band> {
    health::account_health(&a.health, weights, today).band()
}

/// A symbol per status, so the word and its mark carry the meaning, not only the colour.
fn status_mark(s: RenewalStatus) -> &'static str {
    match s {
        RenewalStatus::OnTrack => "✓",
        RenewalStatus::Late => "!",
        RenewalStatus::Critical => "‼",
        RenewalStatus::Overdue => "✕",
    }
}

/// The renewal status as a coloured pill with a mark and its word.
pub fn status_pill(s: RenewalStatus) -> impl IntoView {
    view! {
        <span class=format!("rstatus rstatus-{}", s.key())>
            <span class="rstatus-mark" aria-hidden="true">{status_mark(s)}</span>
            {s.label()}
        </span>
    }
}

/// "3 days late", "due today", "due in 4 days" for an open item; for a done one, how it
/// compared with its due date.
pub fn lateness(
    due: NaiveDate,
    done_on: Option<NaiveDate>,
    today: NaiveDate,
) -> (String, &'static str) {
    match done_on {
        Some(d) => {
            let late = (d - due).num_days();
            match late {
                n if n > 1 => (format!("done {n} days late"), "late-done"),
                1 => ("done 1 day late".into(), "late-done"),
                _ => ("done in time".into(), "in-time"),
            }
        }
        None => {
            let left = dates::days_until(today, due);
            match left {
                n if n < -1 => (format!("{} days late", -n), "late"),
                -1 => ("1 day late".into(), "late"),
                0 => ("due today".into(), "soon"),
                1 => ("due tomorrow".into(), "soon"),
                n if n <= 7 => (format!("due in {n} days"), "soon"),
                n => (format!("due in {n} days"), "later"),
            }
        }
    }
}

/// The renewal status under the renewal date in a portfolio row (its own line).
pub fn status_line(s: RenewalStatus) -> impl IntoView {
    view! { <span class="status-line" title="Renewal status">{status_pill(s)}</span> }
}

/// The portfolio cell, from the row's precomputed [`NextUp`]: next milestone and when it
/// is due (the renewal status is under the renewal date, [`status_line`]). Plain text: the
/// row's one link is the account name.
pub fn next_milestone_cell(up: Option<&NextUp>, today: NaiveDate) -> AnyView {
    let Some(up) = up else {
        return view! { <span class="muted">"No renewal date"</span> }.into_any();
    };
    let status = up.status;
    // (what comes next, when, whether that milestone is itself behind)
    let (what, when, behind) = if status == RenewalStatus::Overdue {
        (
            "Renewal date passed".to_string(),
            dates::relative(today, up.renewal_date),
            true,
        )
    } else {
        match up.next {
            Some(m) if m.days_left < 0 => (
                format!("{} {}", m.kind.label(), m.kind.title()),
                format!(
                    "{} late",
                    crate::domain::plural((-m.days_left) as usize, "day", "days")
                ),
                true,
            ),
            Some(m) => (
                format!("{} {}", m.kind.label(), m.kind.title()),
                format!("due {}", dates::relative(today, m.due)),
                false,
            ),
            None => ("All tasks done".to_string(), String::new(), false),
        }
    };
    let title = what.clone();
    view! {
        <span class="next-ms" title=title>{what}</span>
        <span class="sub-inline" class:behind=behind>{when}</span>
    }
    .into_any()
}

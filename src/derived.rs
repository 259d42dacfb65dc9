//! Figures derived from the workspace once per change and shared through context: tiers,
//! health summaries and the portfolio table's per-account facts. Memos are lazy: nothing
//! is computed until a page reads it, and a change that leaves a figure equal notifies
//! no one.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::health::{HealthSummary, Weights};
use crate::domain::portfolio::{facts_of, health_by_account, Facts};
use crate::domain::workspace::tiers_of;
use crate::domain::{AccountId, Currency, TierOf, Workspace};
use crate::state::AppState;

#[derive(Clone, Copy)]
pub struct Derived {
    /// Every account's tier (computed from ARR rank, or set by hand).
    pub tiers: Memo<Arc<HashMap<AccountId, TierOf>>>,
    /// Every account's health summary today, with the workspace weights.
    pub health: Memo<Arc<HashMap<AccountId, HealthSummary>>>,
    /// What the portfolio table shows of each account. An account whose facts did not
    /// change keeps the same `Arc`, so a view keyed by it knows what to keep.
    pub facts: Memo<Arc<HashMap<AccountId, Arc<Facts>>>>,
}

pub fn use_derived() -> Derived {
    expect_context::<Derived>()
}

impl Derived {
    /// Builds the memos over the app state and provides them as context.
    pub fn provide(app: AppState) -> Derived {
        // Tiers follow ARR and the tiers set by hand only: an edit that changes neither
        // (a check-in, a note) ranks nothing again.
        let tier_inputs = Memo::new(move |_| app.ws.with(Workspace::tier_inputs));
        let tiers = Memo::new(move |_| Arc::new(tier_inputs.with(|i| tiers_of(i))));
        let health = Memo::new(move |_| {
            let today = app.today.get();
            Arc::new(app.ws.with(|w| health_by_account(w, today)))
        });
        let facts = Memo::new(move |prev: Option<&Arc<HashMap<AccountId, Arc<Facts>>>>| {
            let today = app.today.get();
            let tiers = tiers.get();
            let health = health.get();
            let fresh = app.ws.with(|w| facts_of(w, &tiers, &health, today));
            Arc::new(
                fresh
                    .into_iter()
                    .map(|(id, f)| match prev.and_then(|p| p.get(&id)) {
                        Some(old) if **old == f => (id, old.clone()),
                        _ => (id, Arc::new(f)),
                    })
                    .collect(),
            )
        });
        let derived = Derived {
            tiers,
            health,
            facts,
        };
        provide_context(derived);
        WorkspaceWide::provide(app);
        derived
    }
}

// ---------------------------------------------------------------------------------------
// The workspace-wide values the account pages show beside their account (they read the
// account itself through `pages::account::AccountHandle`). Each is a memo, so a page that
// shows the currency is not drawn again when an account changes.

#[derive(Clone, Copy)]
pub struct WorkspaceWide {
    /// The workspace currency (amounts are formatted with it).
    pub currency: Memo<Currency>,
    /// The health weights every score is computed with.
    pub weights: Memo<Weights>,
    /// The days the health weights changed (marked on the trend chart).
    pub weight_changes: Memo<Vec<NaiveDate>>,
}

pub fn use_workspace_wide() -> WorkspaceWide {
    expect_context::<WorkspaceWide>()
}

impl WorkspaceWide {
    fn provide(app: AppState) -> WorkspaceWide {
        let wide = WorkspaceWide {
            currency: Memo::new(move |_| app.ws.with(|w| w.currency.clone())),
            weights: Memo::new(move |_| app.ws.with(|w| *w.settings.health.weights())),
            weight_changes: Memo::new(move |_| app.ws.with(|w| w.settings.health.change_dates())),
        };
        provide_context(wide);
        wide
    }
}

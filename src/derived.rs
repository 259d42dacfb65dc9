//! Figures derived from the workspace once per change and shared through context: tiers,
//! health summaries and the portfolio table's per-account facts. Memos are lazy: nothing
//! is computed until a page reads it, and a change that leaves a figure equal notifies
//! no one.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::health::HealthSummary;
use crate::domain::portfolio::{facts_of, health_by_account, Facts};
use crate::domain::workspace::tiers_of;
use crate::domain::{AccountId, TierOf, Workspace};
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
        derived
    }
}

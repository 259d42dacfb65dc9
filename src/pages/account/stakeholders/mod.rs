//! The Stakeholders tab: the people of one account as a power grid, a table and an org
//! chart, the relationship risks the planner raises, and the person editor.
//!
//! The rules (quadrants, dot layout, risks, sorting, the org tree) all come from
//! `domain::stakeholders`; this module only shows them and routes edits back.

mod form;
mod grid;
mod org;
mod risks;
mod table;

use std::sync::Arc;

use chrono::NaiveDate;
use leptos::prelude::*;

use super::{use_account, AccountHandle};
use crate::derived::use_derived;
use crate::domain::stakeholders::{
    assess, Influence, Quadrant, RemovedStakeholder, RiskReport, Role, Sentiment, Stakeholder,
    StakeholderId, StakeholderMap,
};
use crate::domain::{AccountGone, Tier};
use crate::state::{use_app, AppState, UndoFn};

pub use risks::ChurnFlag;

/// Which person the editor is open for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Editing {
    New,
    Person(StakeholderId),
}

/// What the "Undo" of the last notice puts back.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Undo {
    Removed(Box<RemovedStakeholder>),
    Moved {
        id: StakeholderId,
        influence: Influence,
        sentiment: Sentiment,
    },
    Reviewed(Option<NaiveDate>),
}

/// Everything the parts of the tab share. Copy: signals and ids only.
#[derive(Clone, Copy)]
pub(crate) struct People {
    pub account: AccountHandle,
    pub app: AppState,
    /// The account's map as it is now.
    pub map: Memo<StakeholderMap>,
    /// Risks of the map for the account's tier, today.
    pub report: Memo<RiskReport>,
    pub editing: RwSignal<Option<Editing>>,
    /// Read by screen readers (aria-live): what is only announced, not shown.
    live: RwSignal<String>,
}

impl People {
    fn new(account: AccountHandle) -> Self {
        let app = use_app();
        let map = account.read(|a| a.stakeholders.clone());
        let tier = tier_of(account);
        let report = Memo::new(move |_| {
            let tier = tier.get();
            let today = app.today.get();
            map.with(|m| assess(m, tier, today))
        });
        People {
            account,
            app,
            map,
            report,
            editing: RwSignal::new(None),
            live: RwSignal::new(String::new()),
        }
    }

    pub fn today(self) -> NaiveDate {
        self.app.today.get_untracked()
    }

    /// Changes the account's map (autosave does the rest). None if the account is gone.
    pub fn update<R>(self, f: impl FnOnce(&mut StakeholderMap) -> R) -> Option<R> {
        self.account
            .update(|a| Ok::<R, AccountGone>(f(&mut a.stakeholders)))
            .ok()
    }

    pub fn name_of(self, id: StakeholderId) -> String {
        self.map.with_untracked(|m| m.name_of(id).to_string())
    }

    /// Tells the user what just happened in the app's toast (read by screen readers
    /// too), with an Undo if given.
    pub fn say(self, text: impl Into<String>, undo: Option<Undo>) {
        let undo = undo.map(|u| -> UndoFn {
            // Runs after this tab may be gone: the handle holds the app's state and the
            // account's id only (`undo`).
            let (app, account) = (self.app, self.account);
            Arc::new(move || undo_in(app, account, u.clone()))
        });
        self.app.show_toast(text, undo);
    }

    /// Only for screen readers (no visible notice).
    pub fn announce(self, text: impl Into<String>) {
        self.live.set(text.into());
    }

    /// Moves a person into a quadrant (drag or arrow key), with an undo.
    pub fn move_to(self, id: StakeholderId, target: Quadrant) {
        let Some((influence, sentiment, from)) = self.map.with_untracked(|m| {
            m.get(id)
                .map(|p| (p.fields.influence, p.fields.sentiment, p.quadrant()))
        }) else {
            return;
        };
        if from == target {
            return;
        }
        self.update(|m| m.move_to(id, target));
        let (name, now) = self.map.with_untracked(|m| {
            (
                crate::domain::text::isolate(m.name_of(id)),
                m.get(id)
                    .map(|p| {
                        format!(
                            "influence {}, {}",
                            p.fields.influence.get(),
                            p.fields.sentiment.label().to_lowercase()
                        )
                    })
                    .unwrap_or_default(),
            )
        });
        self.say(
            format!("Moved {name} to {} ({now}).", target.label()),
            Some(Undo::Moved {
                id,
                influence,
                sentiment,
            }),
        );
    }

    pub fn remove(self, id: StakeholderId) {
        if let Some(removed) = self.update(|m| m.remove(id)).flatten() {
            let name = crate::domain::text::isolate(removed.person.fields.name.trim());
            self.editing.set(None);
            self.say(
                format!("Removed {name} from the map."),
                Some(Undo::Removed(Box::new(removed))),
            );
        }
    }
}

/// Puts back what a notice's Undo names, through the app's state only (the tab that made
/// the notice may be gone).
fn undo_in(app: AppState, account: AccountHandle, undo: Undo) {
    let update = |f: &dyn Fn(&mut StakeholderMap)| account.change(|a| f(&mut a.stakeholders));
    match undo {
        Undo::Removed(removed) => {
            let name = crate::domain::text::isolate(removed.person.fields.name.trim());
            update(&|m| m.undo_remove((*removed).clone()));
            app.show_toast(format!("{name} is back on the map."), None);
        }
        Undo::Moved {
            id,
            influence,
            sentiment,
        } => {
            update(&|m| {
                m.set_placement(id, influence, sentiment);
            });
            let name = account
                .with_untracked(|a| a.stakeholders.name_of(id).to_string())
                .unwrap_or_default();
            let q = Quadrant::of(influence, sentiment);
            app.show_toast(format!("{name} is back in {}.", q.label()), None);
        }
        Undo::Reviewed(date) => {
            update(&|m| m.set_last_reviewed(date));
            app.show_toast("Review date put back.", None);
        }
    }
}

/// The account's tier (from the shared tiers memo), Tier 3 when it has none.
pub(crate) fn tier_of(account: AccountHandle) -> Memo<Tier> {
    let tiers = use_derived().tiers;
    Memo::new(move |_| {
        tiers
            .with(|t| t.get(&account.id()).map(|t| t.tier))
            .unwrap_or(Tier::LongTail)
    })
}

pub(crate) fn use_people() -> People {
    expect_context::<People>()
}

/// The look of a person's dot: the first role in [`Role::ALL`] order decides shape and
/// colour; people with no role get a hollow ring.
pub(crate) fn primary_role(p: &Stakeholder) -> Option<Role> {
    p.fields.roles.iter().next().copied()
}

pub(crate) fn role_class(role: Option<Role>) -> &'static str {
    match role {
        Some(r) => r.key(),
        None => "no_role",
    }
}

/// The small shape drawn for a role (also used in the legend and the table).
pub(crate) fn role_shape(role: Option<Role>, several: bool) -> impl IntoView {
    let stroke = if several { "#1c2430" } else { "#ffffff" };
    let sw = if several { "2" } else { "1" };
    let class = format!("shape shape-{}", role_class(role));
    let body = match role {
        Some(Role::ExecutiveSponsor) => view! { <polygon points="10,1 12.6,7 19,7.4 14,11.6 15.6,18.5 10,14.8 4.4,18.5 6,11.6 1,7.4 7.4,7" stroke=stroke stroke-width=sw/> }.into_any(),
        Some(Role::EconomicBuyer) => view! { <rect x="2.5" y="2.5" width="15" height="15" rx="1.5" stroke=stroke stroke-width=sw/> }.into_any(),
        Some(Role::Champion) => view! { <circle cx="10" cy="10" r="8.5" stroke=stroke stroke-width=sw/> }.into_any(),
        Some(Role::Blocker) => view! { <polygon points="6.5,1.5 13.5,1.5 18.5,6.5 18.5,13.5 13.5,18.5 6.5,18.5 1.5,13.5 1.5,6.5" stroke=stroke stroke-width=sw/> }.into_any(),
        Some(Role::EndUser) => view! { <polygon points="10,1.5 19,18 1,18" stroke=stroke stroke-width=sw/> }.into_any(),
        Some(Role::Influencer) => view! { <polygon points="10,0.8 19.2,10 10,19.2 0.8,10" stroke=stroke stroke-width=sw/> }.into_any(),
        Some(Role::TechnicalEvaluator) => view! { <polygon points="10,1 18,5.5 18,14.5 10,19 2,14.5 2,5.5" stroke=stroke stroke-width=sw/> }.into_any(),
        None => view! { <circle cx="10" cy="10" r="7.5" fill="#ffffff" stroke-width="3"/> }.into_any(),
    };
    view! {
        <svg class=class viewBox="0 0 20 20" aria-hidden="true" focusable="false">{body}</svg>
    }
}

/// A sentiment as a small coloured label with its words (colour is never the only sign).
pub(crate) fn sentiment_chip(s: Sentiment) -> impl IntoView {
    view! { <span class=format!("chip sent-{}", s.key())>{s.label()}</span> }
}

/// "12 days ago", "today", "never".
pub(crate) fn contact_text(days: Option<i64>) -> String {
    match days {
        None => "never".into(),
        Some(0) => "today".into(),
        Some(1) => "yesterday".into(),
        Some(-1) => "tomorrow".into(),
        Some(n) if n < 0 => format!("in {} days", -n),
        Some(n) => format!("{n} days ago"),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum View {
    Grid,
    Table,
    Org,
}

#[component]
pub fn StakeholdersTab() -> impl IntoView {
    let account = use_account();
    let people = People::new(account);
    provide_context(people);
    let view_mode = RwSignal::new(View::Grid);
    let account_name = account.read(|a| a.fields.name.clone());

    let count = move || {
        people.map.with(|m| {
            let current = m.current().count();
            let left = m.len() - current;
            let mut s = match current {
                1 => "1 person".to_string(),
                n => format!("{n} people"),
            };
            if left > 0 {
                s.push_str(&format!(", {left} who left"));
            }
            s
        })
    };
    let switch = move |v: View, label: &'static str| {
        view! {
            <button type="button" class="seg" aria-pressed=move || (view_mode.get() == v).to_string()
                on:click=move |_| view_mode.set(v)>{label}</button>
        }
    };

    view! {
        <div class="people-tab">
            <risks::ChurnBanner/>
            <div class="people-head">
                <div>
                    <h2>"Stakeholders"</h2>
                    <p class="muted people-count">{count}</p>
                </div>
                <button type="button" class="btn btn-primary" on:click=move |_| people.editing.set(Some(Editing::New))>
                    "Add person"
                </button>
            </div>
            <div class="people-layout">
                <section class="card people-main" aria-label="People">
                    <div class="seg-group" role="group" aria-label="Show the people as">
                        {switch(View::Grid, "Power grid")}
                        {switch(View::Table, "Table")}
                        {switch(View::Org, "Org chart")}
                    </div>
                    <Show when=move || people.map.with(|m| m.is_empty())>
                        <div class="empty people-empty">
                            <p><strong>"Nobody mapped yet."</strong></p>
                            <p>"Add the people you deal with at "{account_name}": who signs, who sponsors, who uses the product and who could block the renewal. The planner places them on the grid and checks the map for risks."</p>
                            <button type="button" class="btn btn-primary" on:click=move |_| people.editing.set(Some(Editing::New))>"Add the first person"</button>
                        </div>
                    </Show>
                    {move || match view_mode.get() {
                        View::Grid => view! { <grid::PowerGrid/> }.into_any(),
                        View::Table => view! { <table::PeopleTable/> }.into_any(),
                        View::Org => view! { <org::OrgTree/> }.into_any(),
                    }}
                </section>
                <aside class="people-side">
                    <risks::RiskPanel/>
                    <risks::ReviewBox/>
                </aside>
            </div>
            <p class="visually-hidden" role="status" aria-live="polite">{move || people.live.get()}</p>
            {move || people.editing.get().map(|e| view! { <form::PersonDialog editing=e/> })}
        </div>
    }
}

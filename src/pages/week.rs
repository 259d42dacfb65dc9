//! This week (`/week`): what is due or overdue across the portfolio, one list, each item
//! linking to the tab and section where it is done, each one snoozable. The list is
//! `domain::week::this_week`; rules in docs/this-week.md.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::components::owner_field::{owner_in_address, OwnerSelect};
use crate::components::show_more::{shown_counts, ShowMore};
use crate::components::url_state::use_url_state;
use crate::domain::dates::{self, days_until};
use crate::domain::owners;
use crate::domain::renewal::{days_after, WEEK_DAYS};
use crate::domain::week::{portfolio_views, this_week, week_counts, WeekItem, WeekList};
use crate::domain::{grouped, plural};
use crate::state::{use_app, AppState};

/// The week's list, computed once per change of the workspace or the day.
fn week_memo(app: AppState) -> Memo<WeekList> {
    Memo::new(move |_| {
        let today = app.today.get();
        app.ws.with(|w| this_week(w, today))
    })
}

#[component]
pub fn WeekPage() -> impl IntoView {
    let app = use_app();
    // An owner filter kept in the address, like the Renewals page's: one person's part of
    // the week.
    let owner = use_url_state(
        "/week",
        |pairs| owner_in_address(pairs),
        owners::owner_to_pairs,
    );
    let all = week_memo(app);
    let list = Memo::new(move |_| owner.with(|o| all.with(|l| l.of_owner(o.as_deref()))));
    let overdue = Memo::new(move |_| {
        let today = app.today.get();
        list.with(|l| {
            l.items
                .iter()
                .filter(|i| i.is_overdue(today))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let upcoming = Memo::new(move |_| {
        let today = app.today.get();
        list.with(|l| {
            l.items
                .iter()
                .filter(|i| !i.is_overdue(today))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    // Each list draws its first items, then more on demand (`ShowMore`); another owner
    // starts both lists at their first items again.
    let [overdue_shown, upcoming_shown] = shown_counts(move || owner.track());
    let first_of = move |items: Memo<Vec<WeekItem>>, shown: RwSignal<usize>| {
        move || items.with(|v| v.iter().take(shown.get()).cloned().collect::<Vec<_>>())
    };
    let span = move || {
        let today = app.today.get();
        format!(
            "{} to {}",
            dates::written_with_day(today),
            dates::written_with_day(days_after(today, WEEK_DAYS - 1))
        )
    };
    view! {
        <section class="page week-page">
            <div class="page-head">
                <h1>"This week"</h1>
            </div>
            <p class="lede">{span}": "{move || {
                let (o, u) = (overdue.with(Vec::len), upcoming.with(Vec::len));
                if o + u == 0 {
                    "nothing due.".to_string()
                } else {
                    format!("{} overdue, {} due this week.", plural(o, "item", "items"), grouped(u))
                }
            }}</p>
            <div class="owner-filter">
                <OwnerSelect id="week-owner"
                    hint="One person's part of the week: the tasks, promises and escalations they own, and the rest of the work on the accounts they own."
                    chosen=owner
                    on_choose=Callback::new(move |o| owner.set(o))/>
                <p class="owner-filter-shown" role="status">{move || owner.get().map(|o| {
                    let n = list.with(|l| l.items.len());
                    format!("{} for {o}.", plural(n, "item", "items"))
                })}</p>
            </div>
            <nav class="week-views" aria-label="Portfolio views">
                "Portfolio views: "
                {portfolio_views().into_iter().map(|(label, href)| view! {
                    <a href=href>{label}</a>
                }).collect_view()}
            </nav>
            <Show when=move || list.with(|l| l.items.is_empty())>
                <div class="empty week-empty">
                    <p>{move || match owner.get() {
                        Some(o) => format!("Nothing {o} owns is due or overdue this week."),
                        None => "Nothing is due or overdue this week.".to_string(),
                    }}</p>
                </div>
            </Show>
            <Show when=move || overdue.with(|v| !v.is_empty())>
                <h2 class="week-head week-head-overdue">{move || format!("Overdue ({})", grouped(overdue.with(Vec::len)))}</h2>
                <ul class="week-list" id="week-overdue">
                    <For each=first_of(overdue, overdue_shown) key=|i| i.key.clone() children=move |i| view! { <Item item=i/> }/>
                </ul>
                <ShowMore list_id="week-overdue" total=Signal::derive(move || overdue.with(Vec::len)) shown=overdue_shown noun="overdue items"/>
            </Show>
            <Show when=move || upcoming.with(|v| !v.is_empty())>
                <h2 class="week-head">{move || format!("Due this week ({})", grouped(upcoming.with(Vec::len)))}</h2>
                <ul class="week-list" id="week-due">
                    <For each=first_of(upcoming, upcoming_shown) key=|i| i.key.clone() children=move |i| view! { <Item item=i/> }/>
                </ul>
                <ShowMore list_id="week-due" total=Signal::derive(move || upcoming.with(Vec::len)) shown=upcoming_shown noun="items due this week"/>
            </Show>
            <Snoozed list=list/>
        </section>
    }
}

/// When an item is due, in words: "due today", "due Friday 4 Dec", "3 days overdue".
fn when(due: NaiveDate, today: NaiveDate) -> String {
    match days_until(today, due) {
        0 => "Due today".into(),
        1 => "Due tomorrow".into(),
        n if n > 1 => format!("Due {}", dates::day_month_with_day(due)),
        n => format!(
            "{} overdue (due {})",
            plural((-n) as usize, "day", "days"),
            dates::long(due)
        ),
    }
}

#[component]
fn Item(item: WeekItem) -> impl IntoView {
    let app = use_app();
    let asking = RwSignal::new(false);
    let key = StoredValue::new(item.key.clone());
    let snooze = move |days: u32| {
        let today = app.today.get_untracked();
        let until = days_after(today, days);
        let mut r = Ok(());
        app.ws
            .update(|w| r = w.snoozes.snooze(&key.get_value(), until, today));
        if r.is_ok() {
            app.show_toast(
                format!("Snoozed until {}.", dates::written_with_day(until)),
                None,
            );
        }
    };
    let due = item.due;
    let overdue = move || due < app.today.get();
    view! {
        <li class="week-item" class:overdue=overdue data-kind=item.kind.key() data-key=item.key.clone()>
            <span class=format!("week-tag week-tag-{}", item.kind.key())>{item.kind.label()}</span>
            <div class="week-body">
                <p class="week-what">
                    <a class="week-account" href=format!("/accounts/{}", item.account.0)>{item.account_name.clone()}</a>
                    " · "{item.text.clone()}
                </p>
                <p class="week-when">{move || when(due, app.today.get())}
                    {(!item.owner.is_empty()).then(|| view! {
                        " · "<span class="week-owner">{format!("Owner: {}", item.owner)}</span>
                    })}
                </p>
            </div>
            <div class="week-actions">
                <a class="btn btn-small week-go" href=item.link.clone()>{item.link_label}</a>
                {move || if asking.get() {
                    view! {
                        <div class="week-snooze" role="group" aria-label="Snooze until">
                            <button class="btn btn-small" on:click=move |_| snooze(1)>"Until tomorrow"</button>
                            <button class="btn btn-small" on:click=move |_| snooze(7)>"For a week"</button>
                            <button class="btn btn-small btn-quiet" on:click=move |_| asking.set(false)>"Cancel"</button>
                        </div>
                    }.into_any()
                } else {
                    view! { <button class="btn btn-small btn-quiet week-snooze-btn" on:click=move |_| asking.set(true)>"Snooze…"</button> }.into_any()
                }}
            </div>
        </li>
    }
}

/// The snoozed items, to bring one back before its day.
#[component]
fn Snoozed(list: Memo<WeekList>) -> impl IntoView {
    let app = use_app();
    let snoozed = Memo::new(move |_| list.with(|l| l.snoozed.clone()));
    view! {
        <Show when=move || snoozed.with(|s| !s.is_empty())>
            <details class="week-snoozed">
                <summary>{move || format!("{} snoozed", plural(snoozed.with(Vec::len), "item", "items"))}</summary>
                <ul class="week-list">
                    {move || snoozed.get().into_iter().map(|i| {
                        let key = i.key.clone();
                        let until = app.ws.with_untracked(|w| w.snoozes.iter().find(|(k, _)| *k == key).map(|(_, u)| u));
                        view! {
                            <li class="week-item snoozed" data-key=i.key.clone()>
                                <span class=format!("week-tag week-tag-{}", i.kind.key())>{i.kind.label()}</span>
                                <div class="week-body">
                                    <p class="week-what">{i.account_name.clone()}" · "{i.text.clone()}</p>
                                    <p class="week-when">{until.map(|u| format!("Snoozed until {}", dates::written_with_day(u)))}</p>
                                </div>
                                <div class="week-actions">
                                    <button class="btn btn-small" on:click=move |_| app.ws.update(|w| w.snoozes.wake(&key))>"Show again"</button>
                                </div>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </details>
        </Show>
    }
}

/// A link to This week with the count of what is due, for the portfolio's head.
#[component]
pub fn WeekLink() -> impl IntoView {
    let app = use_app();
    let counts = Memo::new(move |_| {
        let today = app.today.get();
        app.ws.with(|w| week_counts(w, today))
    });
    view! {
        <a class="week-link" href="/week">{move || {
            let (n, o) = counts.get();
            match (n, o) {
                (0, _) => "This week: nothing due".to_string(),
                (n, 0) => format!("This week: {} to do", plural(n, "item", "items")),
                (n, o) => format!("This week: {} to do, {} overdue", plural(n, "item", "items"), grouped(o)),
            }
        }}</a>
    }
}

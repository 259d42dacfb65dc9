//! Renewals across the portfolio: what is overdue or due this week (tasks, notice
//! deadlines, renewal dates), the next twelve months by month with the ARR renewing, the
//! renewals whose date has passed, and the export of every milestone as an `.ics` file.
//! An owner filter, kept in the page address, narrows every part to one person's renewals
//! (docs/account-depth.md#owners).

use chrono::Datelike;
use leptos::prelude::*;

use crate::browser;
use crate::components::data_table::DataTable;
use crate::components::owner_field::{owner_in_address, OwnerSelect};
use crate::components::renewal_bits::status_pill;
use crate::components::show_more::{shown_counts, ShowMore, STEP};
use crate::components::url_state::use_url_state;
use crate::domain::account::timeline_of;
use crate::domain::dates::{day_month, long, relative};

use crate::domain::renewal::{AgendaItem, AgendaWhat, Task};
use crate::domain::renewals_query::RenewalsQuery;
use crate::domain::{grouped, plural, AccountId};
use crate::format::ics;
use crate::state::use_app;

#[component]
pub fn RenewalsPage() -> impl IntoView {
    let app = use_app();

    // The filter lives in the address (Back and bookmarks bring it back); an owner typed
    // in it is shown as the workspace spells it.
    let query = use_url_state(
        "/renewals",
        |pairs| RenewalsQuery {
            owner: owner_in_address(pairs),
        },
        RenewalsQuery::to_pairs,
    );

    let calendar = Memo::new(move |_| {
        let today = app.today.get();
        query.with(|q| app.ws.with(|w| q.calendar(w.accounts(), today)))
    });
    let agenda = Memo::new(move |_| {
        let today = app.today.get();
        query.with(|q| app.ws.with(|w| q.agenda(w.accounts(), today)))
    });
    // The agenda's two lists, each grouped by account and each item with its task's owner:
    // computed once per change of the agenda, so "Show more" only adds the next groups.
    let agenda_lists = Memo::new(move |_| {
        let items = agenda.get();
        let items: Vec<OwnedItem> = app.ws.with(|w| {
            items
                .into_iter()
                .map(|i| {
                    let who = match (&i.what, w.account(i.account)) {
                        (AgendaWhat::Task { key, .. }, Some(a)) => {
                            a.renewal.owner(*key).to_string()
                        }
                        _ => String::new(),
                    };
                    (i, who)
                })
                .collect()
        });
        let (late, week): (Vec<_>, Vec<_>) = items.into_iter().partition(|i| i.0.overdue);
        AgendaLists {
            late: by_account(late),
            week: by_account(week),
        }
    });
    // With an owner chosen: that person's open renewal tasks, per account shown.
    let tasks_of = move |account: AccountId| -> Vec<Task> {
        query.with(|q| {
            app.ws.with(|w| {
                w.account(account)
                    .map(|a| q.tasks_of(a))
                    .unwrap_or_default()
            })
        })
    };
    let shown = move || {
        query.with(|q| {
            app.ws.with(|w| {
                q.accounts(w.accounts())
                    .filter(|a| a.fields.renewal_date.is_some())
                    .count()
            })
        })
    };
    let with_date = move || {
        app.ws.with(|w| {
            w.accounts()
                .iter()
                .filter(|a| a.fields.renewal_date.is_some())
                .count()
        })
    };
    // Long lists draw their first accounts, then more on demand (`ShowMore`); another
    // owner starts them at their first accounts again.
    let [late_shown, week_shown, passed_shown] = shown_counts(move || query.track());
    let fmt_short = move |x: f64| app.ws.with(|w| w.currency.format_short(x));
    let fmt = move |x: f64| app.ws.with(|w| w.currency.format(x));

    let export_error = RwSignal::new(None::<String>);
    let export = move |_| {
        let today = app.today.get_untracked();
        let workspace = app.workspace_id();
        let text = app.ws.with_untracked(|w| {
            ics::accounts_calendar(&workspace, w.accounts(), browser::now_utc())
        });
        let r = browser::download(&ics::ics_file_name(today), "text/calendar", &text);
        export_error.set(r.err());
    };

    let stats = move || {
        let (total, overdue_n, overdue_arr) = calendar.with(|c| {
            (
                c.total_arr(),
                c.overdue.len(),
                c.overdue.iter().map(|r| r.arr).sum::<f64>(),
            )
        });
        let (late, week) = agenda.with(|a| {
            let late = a.iter().filter(|i| i.overdue).count();
            (late, a.len() - late)
        });
        (total, overdue_n, overdue_arr, late, week)
    };

    view! {
        <section class="page renewals-page">
            <div class="page-head">
                <h1>"Renewals"</h1>
                <button class="btn btn-primary" on:click=export>"Download calendar (.ics)"</button>
            </div>
            <p class="print-only print-audience">"Internal: not for the customer."</p>
            <p class="lede">"Every milestone, notice deadline and renewal date, as all-day events for Google Calendar, Outlook or Apple Calendar. Importing a newer file updates the same events."</p>
            <p class="field-error" role="alert">{move || export_error.get()}</p>
            <div class="owner-filter">
                <OwnerSelect id="renewals-owner"
                    hint="An owner's renewals: the accounts they own and those where they own an open renewal task."
                    chosen=Signal::derive(move || query.with(|q| q.owner.clone()))
                    on_choose=Callback::new(move |owner| query.set(RenewalsQuery { owner }))/>
                <p class="owner-filter-shown" role="status">{move || query.with(|q| q.owner.clone()).map(|o| {
                    format!("{} for {o}.", plural(shown(), "renewal", "renewals"))
                })}</p>
            </div>
            <dl class="stat-row">
                <div class="stat"><dt>"ARR renewing in 12 months"</dt><dd>{move || fmt(stats().0)}</dd></div>
                <div class="stat"><dt>"Renewals overdue"</dt><dd>{move || grouped(stats().1)}
                    <span class="sub">{move || fmt_short(stats().2)}</span></dd></div>
                <div class="stat"><dt>"Overdue items"</dt><dd>{move || grouped(stats().3)}</dd></div>
                <div class="stat"><dt>"Due this week"</dt><dd>{move || grouped(stats().4)}</dd></div>
            </dl>
            {move || if with_date() == 0 {
                view! {
                    <div class="empty">
                        <p>"No account has a renewal date yet."</p>
                        <p>"Set one on an account's Overview tab and its renewal plan appears here. "
                            <a href="/">"Go to the portfolio"</a></p>
                    </div>
                }.into_any()
            } else {
                view! {
                    <div class="renewals-grid">
                        <section class="card agenda-card" aria-labelledby="agenda-h">
                            <h2 id="agenda-h">"Overdue and this week"</h2>
                            {move || {
                                let (late_n, week_n) = agenda_lists.with(|l| (items_in(&l.late), items_in(&l.week)));
                                if late_n + week_n == 0 {
                                    return view! { <p class="muted">"Nothing overdue and nothing due in the next seven days."</p> }.into_any();
                                }
                                let today = app.today.get();
                                // The first groups of one list; a press adds groups, keyed by account.
                                let first = move |late: bool, shown: RwSignal<usize>| {
                                    move || agenda_lists.with(|l| {
                                        let groups = if late { &l.late } else { &l.week };
                                        groups.iter().take(shown.get()).cloned().collect::<Vec<_>>()
                                    })
                                };
                                let accounts = move |late: bool| {
                                    Signal::derive(move || agenda_lists.with(|l| if late { l.late.len() } else { l.week.len() }))
                                };
                                view! {
                                    {(late_n > 0).then(|| view! {
                                        <h3 class="agenda-sub late">{format!("Overdue ({})", grouped(late_n))}</h3>
                                        <ul class="agenda" id="agenda-late">
                                            <For each=first(true, late_shown) key=|g| g.0 children=move |g| agenda_group(g, today)/>
                                        </ul>
                                        <ShowMore list_id="agenda-late" total=accounts(true) shown=late_shown noun="accounts"/>
                                    })}
                                    {(week_n > 0).then(|| view! {
                                        <h3 class="agenda-sub">{format!("This week ({})", grouped(week_n))}</h3>
                                        <ul class="agenda" id="agenda-week">
                                            <For each=first(false, week_shown) key=|g| g.0 children=move |g| agenda_group(g, today)/>
                                        </ul>
                                        <ShowMore list_id="agenda-week" total=accounts(false) shown=week_shown noun="accounts"/>
                                    })}
                                }.into_any()
                            }}
                        </section>
                        <section class="card overdue-card" aria-labelledby="overdue-h">
                            <h2 id="overdue-h">"Renewal date passed"</h2>
                            {move || {
                                let today = app.today.get();
                                if calendar.with(|c| c.overdue.is_empty()) {
                                    return view! { <p class="muted">"None: every renewal date is still ahead."</p> }.into_any();
                                }
                                // The first accounts; a press adds the next, keyed by account.
                                let first = move || calendar.with(|c| {
                                    c.overdue.iter().take(passed_shown.get()).cloned().collect::<Vec<_>>()
                                });
                                view! {
                                    <p class="hint">"Record how it went (and the next renewal date) on the account's Renewal tab."</p>
                                    <ul class="overdue-list" id="renewals-passed">
                                        <For each=first key=|r| r.account children=move |r| view! {
                                            <li>
                                                <a href=format!("/accounts/{}/renewal", r.account.0)>{r.name.clone()}</a>
                                                <span class="sub">{format!("{} · {} · {}", long(r.date), relative(today, r.date), fmt(r.arr))}</span>
                                                {owner_tasks(tasks_of(r.account), today)}
                                            </li>
                                        }/>
                                    </ul>
                                    <ShowMore list_id="renewals-passed" total=Signal::derive(move || calendar.with(|c| c.overdue.len())) shown=passed_shown noun="accounts"/>
                                }.into_any()
                            }}
                        </section>
                    </div>
                    <section class="card months-card" aria-labelledby="months-h">
                        <h2 id="months-h">"Next 12 months"</h2>
                        {move || {
                            let today = app.today.get();
                            let months = calendar.with(|c| c.months.clone());
                            let max = months.iter().map(|m| m.total_arr).fold(0.0_f64, f64::max);
                            let statuses = app.ws.with(|w| w.accounts().iter()
                                .filter_map(|a| timeline_of(a).map(|t| (a.id, t.status(today))))
                                .collect::<std::collections::HashMap<_, _>>());
                            DataTable::new("months", months)
                                .bare()
                                .caption("ARR renewing each month, with the accounts")
                                .row_class(|m| if m.renewals.is_empty() { "empty-month".into() } else { String::new() })
                                .row_head("Month", |m| m.label())
                                .col("ARR due", move |m| if m.renewals.is_empty() { "—".to_string() } else { fmt(m.total_arr) })
                                .num()
                                .col("Share", move |m| {
                                    let pct = if max > 0.0 { m.total_arr / max * 100.0 } else { 0.0 };
                                    view! { <span class="bar" style:width=format!("{pct:.1}%") aria-hidden="true"></span> }
                                })
                                .class("bar-col")
                                .head_hidden()
                                .col("Accounts", move |m| {
                                    // Each month draws its first accounts, then more on demand.
                                    let shown = RwSignal::new(STEP);
                                    let list_id = format!("month-{}-{:02}", m.month.year(), m.month.month());
                                    let total = m.renewals.len();
                                    let rows: Vec<_> = m.renewals.iter()
                                        .map(|r| (r.clone(), statuses.get(&r.account).copied()))
                                        .collect();
                                    // A press adds the next accounts, keyed by account, as the
                                    // agenda does; the ones shown stay as they are.
                                    let first = move || rows.iter().take(shown.get()).cloned().collect::<Vec<_>>();
                                    view! {
                                    {m.renewals.is_empty().then(|| view! { <span class="muted">"No renewals"</span> })}
                                    <ul class="month-accounts" id=list_id.clone()>
                                        <For
                                            each=first
                                            key=|(r, _)| r.account
                                            children=move |(r, st)| view! {
                                                <li>
                                                    <a href=format!("/accounts/{}/renewal", r.account.0)>{r.name.clone()}</a>
                                                    <span class="sub-inline">{format!(" {} · {}", day_month(r.date), fmt(r.arr))}</span>
                                                    {st.map(status_pill)}
                                                    {owner_tasks(tasks_of(r.account), today)}
                                                </li>
                                            }
                                        />
                                    </ul>
                                    <ShowMore list_id=list_id total=Signal::derive(move || total) shown=shown noun="accounts"/>
                                    }
                                })
                                .view()
                        }}
                    </section>
                }.into_any()
            }}
        </section>
    }
}

/// An agenda item and its task's owner (empty when none or not a task).
type OwnedItem = (AgendaItem, String);

/// A person's open renewal tasks in one account (the owner filter is on), as a short
/// list under the account's line; nothing when there are none.
fn owner_tasks(tasks: Vec<Task>, today: chrono::NaiveDate) -> Option<impl IntoView> {
    if tasks.is_empty() {
        return None;
    }
    Some(view! {
        <ul class="owner-tasks">
            {tasks.into_iter().map(|t| {
                let milestone = match t.key {
                    crate::domain::renewal::TaskKey::Default(m, _) => Some(m.label()),
                    crate::domain::renewal::TaskKey::Custom(_) => None,
                };
                let what = match milestone {
                    Some(m) => format!("{m}: {}", t.text),
                    None => t.text.clone(),
                };
                let late = t.is_late(today);
                view! {
                    <li class:late=late>
                        {what}" "
                        <span class="sub-inline nowrap">{format!("(due {})", relative(today, t.due))}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
    })
}

/// One account's items of an agenda list: the account, its name, the items.
type Group = (AccountId, String, Vec<OwnedItem>);

/// The items of one list grouped by account, accounts in the order of their first item
/// (the list is sorted by due date, so the most pressing account comes first). Each item
/// comes with its task's owner (empty when none or not a task).
fn by_account(items: Vec<OwnedItem>) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut place: std::collections::HashMap<AccountId, usize> = Default::default();
    for i in items {
        match place.get(&i.0.account) {
            Some(&g) => groups[g].2.push(i),
            None => {
                place.insert(i.0.account, groups.len());
                groups.push((i.0.account, i.0.account_name.clone(), vec![i]));
            }
        }
    }
    groups
}

/// The agenda's two lists: overdue and this week, grouped by account.
#[derive(Debug, Clone, PartialEq)]
struct AgendaLists {
    late: Vec<Group>,
    week: Vec<Group>,
}

/// How many items the groups of a list hold.
fn items_in(groups: &[Group]) -> usize {
    groups.iter().map(|g| g.2.len()).sum()
}

/// One account's group of an agenda list, one `li`.
fn agenda_group((account, name, items): Group, today: chrono::NaiveDate) -> impl IntoView {
    let count = plural(items.len(), "item", "items");
    view! {
        <li class="agenda-group">
            <div class="agenda-head">
                <a href=format!("/accounts/{}/renewal", account.0) class="agenda-account">{name}</a>
                <span class="sub-inline">{count}</span>
            </div>
            <ul class="agenda-items">
                {items.into_iter().map(|(i, who)| agenda_row(i, who, today)).collect_view()}
            </ul>
        </li>
    }
}

fn agenda_row(i: AgendaItem, owner: String, today: chrono::NaiveDate) -> impl IntoView {
    let what = match &i.what {
        AgendaWhat::Task {
            milestone, text, ..
        } => format!("{}: {}", milestone.label(), text),
        AgendaWhat::NoticeDeadline { auto_renew: true } => {
            "Notice deadline: after it the contract renews by itself".to_string()
        }
        AgendaWhat::NoticeDeadline { auto_renew: false } => {
            "Notice deadline: last day to give notice".to_string()
        }
        AgendaWhat::Renewal => {
            if i.overdue {
                "Renewal date passed: set the next one once signed".to_string()
            } else {
                "Renewal date".to_string()
            }
        }
    };
    let days = (today - i.due).num_days();
    let when = if i.overdue {
        match days {
            1 => "1 day late".to_string(),
            n => format!("{n} days late"),
        }
    } else {
        relative(today, i.due)
    };
    view! {
        <li class:late=i.overdue>
            <span class="agenda-what">{what}
                {(!owner.is_empty()).then(|| view! { <span class="agenda-owner">{format!(" · {owner}")}</span> })}
            </span>
            <span class="agenda-when" title=long(i.due)>{when}<span class="visually-hidden">{format!(", due {}", long(i.due))}</span></span>
        </li>
    }
}

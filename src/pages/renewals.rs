//! Renewals across the portfolio: what is overdue or due this week (tasks, notice
//! deadlines, renewal dates), the next twelve months by month with the ARR renewing, the
//! renewals whose date has passed, and the export of every milestone as an `.ics` file.

use leptos::prelude::*;

use crate::browser;
use crate::components::renewal_bits::status_pill;
use crate::domain::account::timeline_of;
use crate::domain::dates::{long, relative};
use crate::domain::portfolio::{portfolio_agenda, portfolio_calendar};
use crate::domain::renewal::{AgendaItem, AgendaWhat};
use crate::domain::AccountId;
use crate::format::ics;
use crate::state::use_app;

#[component]
pub fn RenewalsPage() -> impl IntoView {
    let app = use_app();
    let calendar = Memo::new(move |_| {
        let today = app.today.get();
        app.ws.with(|w| portfolio_calendar(w.accounts(), today))
    });
    let agenda = Memo::new(move |_| {
        let today = app.today.get();
        app.ws.with(|w| portfolio_agenda(w.accounts(), today))
    });
    let with_date = move || {
        app.ws.with(|w| {
            w.accounts()
                .iter()
                .filter(|a| a.fields.renewal_date.is_some())
                .count()
        })
    };
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
            <dl class="stat-row">
                <div class="stat"><dt>"ARR renewing in 12 months"</dt><dd>{move || fmt(stats().0)}</dd></div>
                <div class="stat"><dt>"Renewals overdue"</dt><dd>{move || stats().1}
                    <span class="sub">{move || fmt_short(stats().2)}</span></dd></div>
                <div class="stat"><dt>"Overdue items"</dt><dd>{move || stats().3}</dd></div>
                <div class="stat"><dt>"Due this week"</dt><dd>{move || stats().4}</dd></div>
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
                                let items = agenda.get();
                                if items.is_empty() {
                                    return view! { <p class="muted">"Nothing overdue and nothing due in the next seven days."</p> }.into_any();
                                }
                                let today = app.today.get();
                                let (late, week): (Vec<AgendaItem>, Vec<AgendaItem>) = items.into_iter().partition(|i| i.overdue);
                                view! {
                                    {(!late.is_empty()).then(|| view! {
                                        <h3 class="agenda-sub late">{format!("Overdue ({})", late.len())}</h3>
                                        <ul class="agenda">{agenda_groups(late, today)}</ul>
                                    })}
                                    {(!week.is_empty()).then(|| view! {
                                        <h3 class="agenda-sub">{format!("This week ({})", week.len())}</h3>
                                        <ul class="agenda">{agenda_groups(week, today)}</ul>
                                    })}
                                }.into_any()
                            }}
                        </section>
                        <section class="card overdue-card" aria-labelledby="overdue-h">
                            <h2 id="overdue-h">"Renewal date passed"</h2>
                            {move || {
                                let today = app.today.get();
                                let rows = calendar.with(|c| c.overdue.clone());
                                if rows.is_empty() {
                                    return view! { <p class="muted">"None: every renewal date is still ahead."</p> }.into_any();
                                }
                                view! {
                                    <p class="hint">"Record how it went (and the next renewal date) on the account's Renewal tab."</p>
                                    <ul class="overdue-list">
                                        {rows.into_iter().map(|r| view! {
                                            <li>
                                                <a href=format!("/accounts/{}/renewal", r.account.0)>{r.name.clone()}</a>
                                                <span class="sub">{format!("{} · {} · {}", long(r.date), relative(today, r.date), fmt(r.arr))}</span>
                                            </li>
                                        }).collect_view()}
                                    </ul>
                                }.into_any()
                            }}
                        </section>
                    </div>
                    <section class="card months-card" aria-labelledby="months-h">
                        <h2 id="months-h">"Next 12 months"</h2>
                        <table class="months">
                            <caption class="visually-hidden">"ARR renewing each month, with the accounts"</caption>
                            <thead><tr>
                                <th scope="col">"Month"</th>
                                <th scope="col" class="num">"ARR due"</th>
                                <th scope="col" class="bar-col"><span class="visually-hidden">"Share"</span></th>
                                <th scope="col">"Accounts"</th>
                            </tr></thead>
                            <tbody>
                                {move || {
                                    let today = app.today.get();
                                    let months = calendar.with(|c| c.months.clone());
                                    let max = months.iter().map(|m| m.total_arr).fold(0.0_f64, f64::max);
                                    let statuses = app.ws.with(|w| w.accounts().iter()
                                        .filter_map(|a| timeline_of(a).map(|t| (a.id, t.status(today))))
                                        .collect::<std::collections::HashMap<_, _>>());
                                    months.into_iter().map(|m| {
                                        let pct = if max > 0.0 { m.total_arr / max * 100.0 } else { 0.0 };
                                        let empty = m.renewals.is_empty();
                                        view! {
                                            <tr class:empty-month=empty>
                                                <th scope="row">{m.label()}</th>
                                                <td class="num">{if empty { "—".to_string() } else { fmt(m.total_arr) }}</td>
                                                <td class="bar-col"><span class="bar" style:width=format!("{pct:.1}%") aria-hidden="true"></span></td>
                                                <td>
                                                    {if empty { Some(view! { <span class="muted">"No renewals"</span> }) } else { None }}
                                                    <ul class="month-accounts">
                                                        {m.renewals.iter().map(|r| {
                                                            let st = statuses.get(&r.account).copied();
                                                            view! {
                                                                <li>
                                                                    <a href=format!("/accounts/{}/renewal", r.account.0)>{r.name.clone()}</a>
                                                                    <span class="sub-inline">{format!(" {} · {}", r.date.format("%-d %b"), fmt(r.arr))}</span>
                                                                    {st.map(status_pill)}
                                                                </li>
                                                            }
                                                        }).collect_view()}
                                                    </ul>
                                                </td>
                                            </tr>
                                        }
                                    }).collect_view()
                                }}
                            </tbody>
                        </table>
                    </section>
                }.into_any()
            }}
        </section>
    }
}

/// The items of one list grouped by account, accounts in the order of their first item
/// (the list is sorted by due date, so the most pressing account comes first).
fn agenda_groups(items: Vec<AgendaItem>, today: chrono::NaiveDate) -> impl IntoView {
    let mut groups: Vec<(AccountId, String, Vec<AgendaItem>)> = Vec::new();
    for i in items {
        match groups.iter_mut().find(|g| g.0 == i.account) {
            Some(g) => g.2.push(i),
            None => groups.push((i.account, i.account_name.clone(), vec![i])),
        }
    }
    groups
        .into_iter()
        .map(|(account, name, items)| {
            let count = match items.len() {
                1 => "1 item".to_string(),
                n => format!("{n} items"),
            };
            view! {
                <li class="agenda-group">
                    <div class="agenda-head">
                        <a href=format!("/accounts/{}/renewal", account.0) class="agenda-account">{name}</a>
                        <span class="sub-inline">{count}</span>
                    </div>
                    <ul class="agenda-items">
                        {items.into_iter().map(|i| agenda_row(i, today)).collect_view()}
                    </ul>
                </li>
            }
        })
        .collect_view()
}

fn agenda_row(i: AgendaItem, today: chrono::NaiveDate) -> impl IntoView {
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
            <span class="agenda-what">{what}</span>
            <span class="agenda-when" title=long(i.due)>{when}<span class="visually-hidden">{format!(", due {}", long(i.due))}</span></span>
        </li>
    }
}

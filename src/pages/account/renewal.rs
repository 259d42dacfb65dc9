//! The Renewal tab: the status of the renewal motion, the contract terms that shape it,
//! the timeline chart, and every milestone with its tasks, worked back from the renewal
//! date. Due dates are never stored: they follow the renewal date (docs/domain.md#renewal).
//!
//! Rows are keyed (`<For>`), so ticking one task does not redraw the others and what is
//! being typed elsewhere stays where it is.

use crate::domain::order;
use chrono::NaiveDate;
use leptos::prelude::*;

use super::use_account;
use crate::charts::renewal::renewal_timeline_svg;
use crate::components::chart_box::{ChartBox, ChartPlace};
use crate::components::confirm::ConfirmButton;
use crate::components::form::{
    on_submit, DoneOn, Field, FormErrors, Model, RowMessage, TextInput, Tick,
};
use crate::components::owner_field::{OwnerNames, OWNER_LIST_ID};
use crate::components::renewal_bits::{lateness, status_pill};
use crate::domain::account::timeline_of;
use crate::domain::dates::{long, relative};
use crate::domain::renewal::{
    check_task_text, is_enterprise, lead_days, parse_done_on, parse_notice_days, MilestoneKind,
    RenewalStatus, TaskKey, Timeline,
};
use crate::state::use_app;

type TimelineMemo = Memo<Option<Timeline>>;

#[component]
pub fn AccountRenewal() -> impl IntoView {
    let account = use_account();
    let id = account.id();
    let timeline: TimelineMemo = account.read(timeline_of);
    let has_date = Memo::new(move |_| timeline.with(Option::is_some));
    let overview = format!("/accounts/{}", id.0);
    view! {
        <div class="renewal-tab">
            {move || if has_date.get() {
                view! {
                    <div class="renewal-top">
                        <StatusCard timeline=timeline/>
                        <TermsCard/>
                    </div>
                    <TimelineChart timeline=timeline/>
                    <Milestones timeline=timeline/>
                }.into_any()
            } else {
                let overview = overview.clone();
                view! {
                    <div class="renewal-top">
                        <div class="card empty-card">
                            <h2>"No renewal date yet"</h2>
                            <p>"The renewal plan is worked back from the renewal date: T-90, T-60, T-30 and T-7 (and T-120 above 100,000 ARR), each with its tasks and due date."</p>
                            <p><a class="btn btn-primary" href=overview>"Set the renewal date on the Overview tab"</a></p>
                        </div>
                        <TermsCard/>
                    </div>
                }.into_any()
            }}
        </div>
    }
}

// ---------------------------------------------------------------------------------------
// Status

#[component]
fn StatusCard(timeline: TimelineMemo) -> impl IntoView {
    let app = use_app();
    let read = move |f: fn(&Timeline, NaiveDate) -> String| {
        let today = app.today.get();
        timeline.with(|t| t.as_ref().map(|t| f(t, today)).unwrap_or_default())
    };
    let status = move || {
        let today = app.today.get();
        timeline.with(|t| t.as_ref().map(|t| t.status(today)))
    };
    let renewal_date = move || timeline.with(|t| t.as_ref().map(|t| t.renewal_date));
    view! {
        <section class=move || format!("card rstatus-card is-{}", status().map_or("none", |s| s.key()))
            aria-labelledby="renewal-status-h">
            <h2 id="renewal-status-h">"Renewal status"</h2>
            <p class="rstatus-line">
                {move || status().map(status_pill)}
                <span class="rstatus-note">{move || read(|t, today| t.status_note(today))}</span>
            </p>
            <dl class="rdates">
                <div>
                    <dt>"Renewal date"</dt>
                    <dd>{move || read(|t, _| long(t.renewal_date))}
                        <span class="sub">{move || read(|t, today| relative(today, t.renewal_date))}</span></dd>
                </div>
                <div>
                    <dt>"Start by"</dt>
                    <dd>{move || read(|t, _| long(t.start_by))}
                        <span class="sub">{move || read(|t, today| format!("{} · {}-day lead time", relative(today, t.start_by), t.lead_days))}</span></dd>
                </div>
                <div>
                    <dt>"Notice deadline"</dt>
                    <dd>{move || read(|t, _| t.notice_deadline.map(long).unwrap_or_else(|| "No notice period set".into()))}
                        <span class="sub">{move || read(notice_sub)}</span></dd>
                </div>
                <div>
                    <dt>"Tasks"</dt>
                    <dd>{move || read(|t, _| format!("{} of {} done", t.tasks().filter(|x| x.is_done()).count(), t.tasks().count()))}
                        <span class="sub">{move || read(|t, today| match t.late_tasks(today).len() {
                            0 => "none late".to_string(),
                            1 => "1 late".to_string(),
                            n => format!("{n} late"),
                        })}</span></dd>
                </div>
            </dl>
            {move || (status() == Some(RenewalStatus::Overdue))
                .then(|| renewal_date().map(|d| view! { <crate::components::renewal_outcome::OutcomeForm due=d/> }))}
        </section>
    }
}

fn notice_sub(t: &Timeline, today: NaiveDate) -> String {
    match t.notice_deadline {
        None => {
            if t.auto_renew {
                "Renews by itself".into()
            } else {
                String::new()
            }
        }
        Some(d) if t.notice_passed(today) => {
            if t.auto_renew {
                format!("passed {}: it renews by itself", relative(today, d))
            } else {
                format!("passed {}", relative(today, d))
            }
        }
        Some(d) => {
            if t.auto_renew {
                format!(
                    "{}: renews by itself unless notice is given",
                    relative(today, d)
                )
            } else {
                format!("{}: last day to give notice", relative(today, d))
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Contract terms

#[component]
fn TermsCard() -> impl IntoView {
    let account = use_account();
    let terms_memo = account.read(|a| (a.renewal.auto_renew, a.renewal.early_start, a.fields.arr));
    let terms = move || terms_memo.get();
    let notice_text = RwSignal::new(
        account
            .with_untracked(|a| a.renewal.notice_days())
            .flatten()
            .map(|d| d.to_string())
            .unwrap_or_default(),
    );
    let notice_err = FormErrors::<()>::new();
    let save_notice = Callback::new(move |()| {
        let r = parse_notice_days(&notice_text.get_untracked())
            .and_then(|d| account.update(|a| a.renewal.set_notice_days(d)));
        notice_err.set((), r.err().map(|e| e.message));
    });
    let set_flag = move |auto: bool, on: bool| {
        account.change(|a| {
            if auto {
                a.renewal.auto_renew = on;
            } else {
                a.renewal.early_start = on;
            }
        });
    };
    view! {
        <section class="card terms-card" aria-labelledby="terms-h">
            <h2 id="terms-h">"Contract terms"</h2>
            <Field id="notice-days" label="Notice period (days)" error=notice_err.at(())
                hint="Days before the renewal date by which notice of changes or non-renewal must be given. Leave empty if none.">
                <TextInput value=notice_text inputmode="numeric" placeholder="e.g. 60" on_change=save_notice/>
            </Field>
            <div class="rn-check">
                <Tick id="auto-renew" checked=Model::new(move || terms().0, move |on| set_flag(true, on))>
                    "Renews automatically"
                </Tick>
            </div>
            <p class="hint check-hint">"Without notice by the deadline, the contract renews by itself."</p>
            <div class="rn-check">
                <Tick id="early-start" checked=Model::new(move || terms().1, move |on| set_flag(false, on))>
                    "Early start (T-180)"
                </Tick>
            </div>
            <p class="hint check-hint">"Adds a kickoff six months out: worth it for strategic renewals."</p>
            <p class="hint lead-note">{move || {
                let arr = terms().2;
                if is_enterprise(arr) {
                    format!("ARR above 100,000: a T-120 milestone and a {}-day lead time.", lead_days(arr))
                } else {
                    format!("Lead time {} days (120 above 100,000 ARR).", lead_days(arr))
                }
            }}</p>
        </section>
    }
}

// ---------------------------------------------------------------------------------------
// Chart

/// The narrowest the timeline is drawn (px): narrower boxes show it scaled down.
const TIMELINE_MIN_WIDTH: u32 = 300;

#[component]
fn TimelineChart(timeline: TimelineMemo) -> impl IntoView {
    let app = use_app();
    let svg = move |width: u32| {
        let today = app.today.get();
        let w = f64::from(width.max(TIMELINE_MIN_WIDTH));
        timeline
            .with(|t| t.as_ref().map(|t| renewal_timeline_svg(t, today, w)))
            .unwrap_or_default()
    };
    view! {
        <section class="card chart-card" aria-labelledby="tl-chart-h">
            <h2 id="tl-chart-h">"Timeline"</h2>
            <ChartBox render=svg place=ChartPlace::PageCard class="renewal-chart"/>
            <ul class="chart-legend" aria-label="Legend">
                <li><span class="lg lg-done" aria-hidden="true"></span>"Milestone done"</li>
                <li><span class="lg lg-open" aria-hidden="true"></span>"Open"</li>
                <li><span class="lg lg-late" aria-hidden="true"></span>"Late"</li>
                <li><span class="lg lg-notice" aria-hidden="true"></span>"Notice deadline"</li>
                <li><span class="lg lg-renewal" aria-hidden="true"></span>"Renewal"</li>
                <li><span class="lg lg-today" aria-hidden="true"></span>"Today"</li>
            </ul>
        </section>
    }
}

// ---------------------------------------------------------------------------------------
// Milestones and tasks

/// One entry of the list, in date order: a milestone, the notice deadline, the renewal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Item {
    Milestone(MilestoneKind),
    Notice,
    Renewal,
}

fn items(t: &Timeline) -> Vec<Item> {
    let mut v: Vec<(NaiveDate, u8, Item)> = t
        .milestones
        .iter()
        .map(|m| (m.due, 0, Item::Milestone(m.kind)))
        .collect();
    if let Some(n) = t.notice_deadline {
        v.push((n, 1, Item::Notice));
    }
    v.push((t.renewal_date, 2, Item::Renewal));
    order::sort_by_key(&mut v, |(d, o, _)| (*d, *o));
    v.into_iter().map(|(_, _, i)| i).collect()
}

#[component]
fn Milestones(timeline: TimelineMemo) -> impl IntoView {
    let each = move || timeline.with(|t| t.as_ref().map(items).unwrap_or_default());
    view! {
        <section class="milestones-section" aria-labelledby="ms-h">
            <h2 id="ms-h" class="section-h">"Milestones and tasks"</h2>
            <OwnerNames/>
            <ol class="milestones">
                <For each=each key=|i| *i children=move |i| match i {
                    Item::Milestone(kind) => view! { <MilestoneCard timeline=timeline kind=kind/> }.into_any(),
                    Item::Notice => view! { <NoticeEntry timeline=timeline/> }.into_any(),
                    Item::Renewal => view! { <RenewalEntry timeline=timeline/> }.into_any(),
                }/>
            </ol>
        </section>
    }
}

#[component]
fn NoticeEntry(timeline: TimelineMemo) -> impl IntoView {
    let app = use_app();
    let text = move || {
        let today = app.today.get();
        timeline.with(|t| {
            t.as_ref().and_then(|t| {
                t.notice_deadline
                    .map(|d| (long(d), notice_sub(t, today), t.notice_passed(today)))
            })
        })
    };
    view! {
        <li class="ms-entry ms-notice" class:passed=move || text().is_some_and(|t| t.2)>
            <h3><span class="ms-mark" aria-hidden="true">"▲"</span>"Notice deadline"</h3>
            <p class="ms-due">{move || text().map(|t| t.0)}<span class="sub">{move || text().map(|t| t.1)}</span></p>
        </li>
    }
}

#[component]
fn RenewalEntry(timeline: TimelineMemo) -> impl IntoView {
    let app = use_app();
    let text = move || {
        let today = app.today.get();
        timeline.with(|t| {
            t.as_ref()
                .map(|t| (long(t.renewal_date), relative(today, t.renewal_date)))
        })
    };
    view! {
        <li class="ms-entry ms-renewal">
            <h3><span class="ms-mark" aria-hidden="true">"◆"</span>"Renewal date"</h3>
            <p class="ms-due">{move || text().map(|t| t.0)}<span class="sub">{move || text().map(|t| t.1)}</span></p>
        </li>
    }
}

#[component]
fn MilestoneCard(timeline: TimelineMemo, kind: MilestoneKind) -> impl IntoView {
    let app = use_app();
    let account = use_account();
    let summary = Memo::new(move |_| {
        let today = app.today.get();
        timeline.with(|t| {
            t.as_ref()
                .and_then(|t| t.milestones.iter().find(|m| m.kind == kind))
                .map(|m| {
                    (
                        m.due,
                        m.state(today),
                        m.done_count(),
                        m.tasks.len(),
                        m.tasks.iter().map(|x| x.key).collect::<Vec<_>>(),
                    )
                })
        })
    });
    let new_text = RwSignal::new(String::new());
    let new_err = FormErrors::<()>::new();
    let form_id = format!("add-task-form-{}", kind.key());
    let add = on_submit(format!("#{form_id}"), new_err, move || {
        match account.update(|a| a.renewal.add_custom_task(kind, &new_text.get_untracked())) {
            Ok(_) => {
                new_text.set(String::new());
                new_err.clear();
            }
            Err(e) => new_err.set((), Some(e.message)),
        }
    });
    let add_id = format!("add-task-{}", kind.key());
    view! {
        <li class=move || format!("ms-entry milestone ms-{}", summary.with(|s| s.as_ref().map_or("open", |s| s.1.key())))
            id=format!("ms-{}", kind.key())>
            <header class="ms-head">
                <h3><span class="ms-label">{kind.label()}</span>" "{kind.title()}</h3>
                <p class="ms-due">{move || summary.with(|s| s.as_ref().map(|s| format!("Due {}", long(s.0))))}
                    <span class="sub">{move || summary.with(|s| s.as_ref().map(|s| relative(app.today.get(), s.0)))}</span></p>
                <span class=move || format!("ms-state ms-state-{}", summary.with(|s| s.as_ref().map_or("open", |s| s.1.key())))>
                    {move || summary.with(|s| s.as_ref().map(|s| format!("{} · {} of {} done", s.1.label(), s.2, s.3)))}
                </span>
            </header>
            <ul class="tasks">
                <For each=move || summary.with(|s| s.as_ref().map(|s| s.4.clone()).unwrap_or_default())
                    key=|k| *k
                    children=move |key| view! { <TaskRow timeline=timeline kind=kind key=key/> }/>
            </ul>
            <form class="add-task" id=form_id on:submit=add novalidate>
                <Field id=add_id label=format!("Add a task to {}", kind.label()) label_class="visually-hidden" error=new_err.at(())>
                    <div class="inline-row">
                        <TextInput value=new_text placeholder="Add a task of your own…"/>
                        <button type="submit" class="btn btn-small">"Add"</button>
                    </div>
                </Field>
            </form>
        </li>
    }
}

#[component]
fn TaskRow(timeline: TimelineMemo, kind: MilestoneKind, key: TaskKey) -> impl IntoView {
    let app = use_app();
    let account = use_account();
    let task = Memo::new(move |_| {
        timeline.with(|t| {
            t.as_ref()
                .and_then(|t| t.milestones.iter().find(|m| m.kind == kind))
                .and_then(|m| m.tasks.iter().find(|x| x.key == key))
                .map(|x| (x.text.clone(), x.due, x.done_on, x.owner.clone()))
        })
    });
    let done_on = Memo::new(move |_| task.with(|t| t.as_ref().and_then(|t| t.2)));
    // The owner as stored; the box follows it (an import, another tab) and keeps what was
    // typed while a refused value shows its message.
    let stored_owner =
        Memo::new(move |_| task.with(|t| t.as_ref().map(|t| t.3.clone()).unwrap_or_default()));
    let owner_text = RwSignal::new(stored_owner.get_untracked());
    Effect::new(move |_| owner_text.set(stored_owner.get()));
    let owner_err = FormErrors::<()>::new();
    let save_owner = Callback::new(move |()| {
        let r = account.update(|a| {
            a.renewal
                .set_owner(key, &owner_text.get_untracked())
                .map_err(|e| e.message)
        });
        owner_err.set((), r.err());
    });
    let dom = key.id_string().replace('.', "-");
    let cb_id = format!("task-{dom}");
    let date_id = format!("done-{dom}");
    let date_err = RwSignal::new(None::<String>);
    let toggle = move |on: bool| {
        let today = app.today.get_untracked();
        let r = if on {
            account.update(|a| a.renewal.tick(key, today, today))
        } else {
            account.update(|a| {
                a.renewal.untick(key);
                Ok(())
            })
        };
        date_err.set(r.err().map(|e: crate::domain::FieldError| e.message));
    };
    let set_date = Callback::new(move |text: String| {
        let today = app.today.get_untracked();
        let r = parse_done_on(&text, today)
            .and_then(|d| account.update(|a| a.renewal.tick(key, d, today)));
        date_err.set(r.err().map(|e| e.message));
    });
    let max = Signal::derive(move || app.today.get().to_string());
    let custom_id = match key {
        TaskKey::Custom(n) => Some(n),
        TaskKey::Default(..) => None,
    };
    let editing = RwSignal::new(false);
    let edit_text = RwSignal::new(String::new());
    let edit_err = FormErrors::<()>::new();
    let edit_id = format!("edit-{dom}");
    let edit_form_id = format!("{edit_id}-form");
    // Drawn again each time the task is edited: the handler is shared.
    let save_edit =
        std::sync::Arc::new(on_submit(format!("#{edit_form_id}"), edit_err, move || {
            let Some(n) = custom_id else { return };
            let r = check_task_text(&edit_text.get_untracked())
                .and_then(|t| account.update(|a| a.renewal.edit_custom_task(n, &t)));
            match r {
                Ok(()) => {
                    edit_err.clear();
                    editing.set(false);
                }
                Err(e) => edit_err.set((), Some(e.message)),
            }
        }));
    let text = move || task.with(|t| t.as_ref().map(|t| t.0.clone()).unwrap_or_default());
    let late = move || {
        let today = app.today.get();
        task.with(|t| t.as_ref().map(|t| lateness(t.1, t.2, today)))
    };
    view! {
        <li class="task" class:done=move || done_on.get().is_some()>
            {move || if editing.get() {
                view! {
                    <form class="task-edit" id=edit_form_id.clone() on:submit={ let save = save_edit.clone(); move |ev| save(ev) } novalidate>
                        <Field id=edit_id.clone() label="Task" error=edit_err.at(())>
                            <div class="inline-row">
                                <TextInput value=edit_text/>
                                <button type="submit" class="btn btn-small btn-primary">"Save"</button>
                                <button type="button" class="btn btn-small btn-quiet" on:click=move |_| {
                                    edit_err.clear();
                                    editing.set(false);
                                }>"Cancel"</button>
                            </div>
                        </Field>
                    </form>
                }.into_any()
            } else {
                let cb_id = cb_id.clone();
                view! {
                    <div class="task-main">
                        <Tick id=cb_id checked=Model::new(move || done_on.get().is_some(), toggle) label_class="task-text">
                            {text}
                        </Tick>
                        {custom_id.map(|_| view! { <span class="own-tag">"your task"</span> })}
                        <span class=move || format!("lateness {}", late().map_or("", |l| l.1))>
                            {move || late().map(|l| l.0)}
                        </span>
                    </div>
                }.into_any()
            }}
            <div class="task-extra">
                <Field id=format!("owner-{dom}") label="Owner" class="task-owner" error=owner_err.at(())>
                    <TextInput value=owner_text placeholder="Who does it" list=Some(OWNER_LIST_ID) on_change=save_owner/>
                </Field>
                {let date_id = date_id.clone(); move || done_on.get().map(|d| view! {
                    <DoneOn id=date_id.clone() day=d error=date_err max=max on_change=set_date/>
                })}
                <RowMessage id=date_id error=date_err/>
                {custom_id.map(|n| view! {
                    <div class="task-actions">
                        <button type="button" class="btn btn-small btn-quiet" on:click=move |_| {
                            edit_text.set(text());
                            edit_err.clear();
                            editing.set(true);
                        }>"Edit"</button>
                        <ConfirmButton
                            label="Remove"
                            question=Signal::derive(move || format!("Remove the task \"{}\"?", text()))
                            confirm_label="Yes, remove"
                            danger=true
                            on_confirm=move |_| {
                                account.change(|a| {
                                    a.renewal.remove_custom_task(n);
                                });
                            }
                        />
                    </div>
                })}
            </div>
        </li>
    }
}

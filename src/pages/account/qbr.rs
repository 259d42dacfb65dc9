//! The QBR tab: plan a quarterly business review (date and start time), invite people
//! from the stakeholder map, follow the 60-minute agenda and the preparation checklist,
//! write each part (value delivered and challenges come pre-filled from customer-visible
//! facts only: success metrics and shared actions, docs/audience.md), agree a mutual action
//! plan and push it into the 90-day actions, and hand the QBR out (customer copy or
//! internal version, as Markdown, in print and as a preview).

use crate::domain::order;
use std::sync::Arc;

use chrono::NaiveDate;
use leptos::prelude::*;

use super::plan::show_plan_errors;
use super::{use_account, AccountHandle};
use crate::components::confirm::ConfirmButton;
use crate::components::data_table::DataTable;
use crate::components::form::{
    focus_soon, on_submit, DateInput, Field, FormErrors, FormMessage, Model, Select, TextArea,
    TextInput, Tick,
};
use crate::components::item_editor::{Adding, Cell, Editing, ItemEditor, ItemForm, Layout};
use crate::components::markdown_out::DocumentOut;
use crate::domain::audience::{plan_qbr, refill_challenges, refill_value_delivered, Audience};
use crate::domain::items;
use crate::domain::plan::{FieldError, GoalId};
use crate::domain::qbr::{
    sponsor_ids, ClockTime, MutualAction, MutualId, PersonRef, PrepItem, Qbr, QbrId, Side,
};
use crate::domain::stakeholders::Role;
use crate::domain::{dates, plural};
use crate::format::markdown::{doc_file_name, qbr_doc};
use crate::state::use_app;

/// The people the QBR can invite, with who is an executive sponsor.
fn people_of(account: AccountHandle) -> Memo<Vec<(PersonRef, String, bool)>> {
    account.read(|a| {
        a.stakeholders
            .people()
            .iter()
            .map(|p| {
                let detail = [p.fields.title.trim().to_string(), p.fields.roles_text()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" · ");
                (
                    PersonRef {
                        id: p.id.0,
                        name: p.fields.name.trim().to_string(),
                        is_executive_sponsor: p.fields.has_role(Role::ExecutiveSponsor),
                    },
                    detail,
                    p.is_current(),
                )
            })
            .collect()
    })
}

/// Applies `change` to a copy of a QBR and stores it if valid.
fn edit_qbr(
    account: AccountHandle,
    qbr: QbrId,
    change: impl FnOnce(&mut Qbr),
) -> Result<(), Vec<FieldError>> {
    change_qbr(account, qbr, |q| {
        change(q);
        Ok(())
    })
}

/// Runs `change` (a `Qbr` method that refuses what is not valid) on a copy of a QBR and
/// stores the copy if it is valid and changed.
fn change_qbr<R>(
    account: AccountHandle,
    qbr: QbrId,
    change: impl FnOnce(&mut Qbr) -> Result<R, Vec<FieldError>>,
) -> Result<R, Vec<FieldError>> {
    account.update(|a| {
        let Some(mut q) = a.planning.qbr(qbr).cloned() else {
            return Err(vec![FieldError::new(
                "id",
                "This QBR was removed in the meantime.",
            )]);
        };
        let out = change(&mut q)?;
        q.validate()?;
        a.planning.update_qbr(q)?;
        Ok(out)
    })
}

/// The QBR to show first: the next one to come, else the latest.
fn default_qbr(qbrs: &[Qbr], today: NaiveDate) -> Option<QbrId> {
    qbrs.iter()
        .filter(|q| q.date >= today)
        .min_by_key(|q| q.date)
        .or_else(|| qbrs.iter().max_by_key(|q| q.date))
        .map(|q| q.id)
}

#[component]
pub fn AccountQbrTab() -> impl IntoView {
    let app = use_app();
    let account = use_account();
    let qbrs = account.read(|a| a.planning.qbrs().to_vec());
    let selected =
        RwSignal::new(qbrs.with_untracked(|q| default_qbr(q, app.today.get_untracked())));
    // The selected QBR, or none when it was deleted.
    let shown = Memo::new(move |_| {
        selected
            .get()
            .filter(|s| qbrs.with(|q| q.iter().any(|x| x.id == *s)))
    });
    let creating = RwSignal::new(false);
    let on_created = Callback::new(move |created: Option<QbrId>| {
        creating.set(false);
        if created.is_some() {
            selected.set(created);
        }
    });
    view! {
        <div class="qbr-tab">
            <section class="card" aria-labelledby="qbr-list-title">
                <div class="plan-section-head">
                    <h2 id="qbr-list-title">"Quarterly business reviews"</h2>
                    <button type="button" class="btn btn-primary screen-only" on:click=move |_| {
                        creating.set(true);
                        focus_soon("#qbr-new-date");
                    }>"Plan a QBR"</button>
                </div>
                <p class="hint">"An hour with the customer: they talk first, value before roadmap, never a product update to open. Send the agenda 5 business days ahead."</p>
                {move || creating.get().then(|| view! {
                    <NewQbrForm account=account on_done=on_created/>
                })}
                {move || {
                    let today = app.today.get();
                    let mut list = qbrs.get();
                    order::sort_by_key(&mut list, |q| std::cmp::Reverse((q.date, q.start)));
                    if list.is_empty() {
                        view! { <p class="empty-note">"No QBR planned yet. Plan the next one: the builder sets the agenda, the checklist and the date the agenda must go out."</p> }.into_any()
                    } else {
                        view! {
                            <ul class="qbr-list">
                                {list.into_iter().map(|q| {
                                    let qid = q.id;
                                    let when = format!("{} · {}", dates::long(q.date), q.time_range());
                                    let rel = dates::relative(today, q.date);
                                    let prep = format!("prep {}/{}", q.prep.done_count(), PrepItem::ALL.len());
                                    view! {
                                        <li>
                                            <button type="button" class="qbr-pick"
                                                aria-pressed=move || (shown.get() == Some(qid)).to_string()
                                                on:click=move |_| selected.set(Some(qid))>
                                                <strong>{when}</strong>
                                                <span class="sub">{format!("{rel} · {} invited · {prep}", q.attendees.len())}</span>
                                            </button>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }
                }}
            </section>
            {move || shown.get().map(|q| view! { <QbrEditor account=account qbr_id=q/><QbrOutput account=account qbr_id=q/> })}
        </div>
    }
}

/// The QBR as a document: the customer copy or the internal version (docs/audience.md).
#[component]
fn QbrOutput(account: AccountHandle, qbr_id: QbrId) -> impl IntoView {
    let app = use_app();
    let make = Callback::new(move |audience: Audience| {
        account.with(|a| qbr_doc(a, qbr_id, audience)).flatten()
    });
    let file_name = Callback::new(move |audience: Audience| {
        let (name, date) = account
            .with_untracked(|a| {
                (
                    a.fields.name.clone(),
                    a.planning.qbr(qbr_id).map(|q| q.date),
                )
            })
            .unwrap_or_default();
        let date = date.unwrap_or_else(|| app.today.get_untracked());
        doc_file_name("qbr", audience, &name, date)
    });
    view! { <DocumentOut make=make file_name=file_name what="QBR" id="qbr-doc"/> }
}

/// The fields of the meeting's date and time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum When {
    Date,
    Start,
}

/// Reads the meeting's date and start time, or shows why each cannot be read.
fn read_when(
    errors: FormErrors<When>,
    date: RwSignal<String>,
    start: RwSignal<String>,
) -> Option<(NaiveDate, ClockTime)> {
    let d = match dates::read_optional_date(&date.get_untracked()) {
        Ok(Some(d)) => Some(d),
        Ok(None) => {
            errors.set(When::Date, Some("Pick the meeting date.".into()));
            None
        }
        Err(e) => {
            errors.set(When::Date, Some(e.message));
            None
        }
    };
    let s = match ClockTime::parse(&start.get_untracked()) {
        Ok(s) => Some(s),
        Err(e) => {
            errors.set(When::Start, Some(e.message));
            None
        }
    };
    Some((d?, s?))
}

#[component]
fn NewQbrForm(
    account: AccountHandle,
    #[prop(into)] on_done: Callback<Option<QbrId>>,
) -> impl IntoView {
    let app = use_app();
    let date = RwSignal::new(String::new());
    let start = RwSignal::new("10:00".to_string());
    let errors = FormErrors::<When>::new();
    let create = on_submit("form.qbr-new", errors, move || {
        errors.clear();
        let Some((d, s)) = read_when(errors, date, start) else {
            return;
        };
        // The domain's own check of the start time (the hour must end by midnight).
        if let Err(es) = Qbr::new(QbrId(0), d, s).validate() {
            show_plan_errors(errors, &es, "", &[("start", When::Start)]);
            return;
        }
        let today = app.today.get_untracked();
        let mut created = None;
        account.change(|a| created = Some(plan_qbr(a, d, s, today)));
        app.show_toast(
            "QBR planned. Value delivered and challenges are drafted from the success metrics and shared actions.",
            None,
        );
        on_done.run(created);
    });
    view! {
        <form class="item-form qbr-new" novalidate on:submit=create aria-label="Plan a QBR">
            <h3>"New QBR"</h3>
            <div class="grid-2">
                <Field id="qbr-new-date" label="Meeting date" error=errors.at(When::Date)>
                    <DateInput value=date/>
                </Field>
                <Field id="qbr-new-start" label="Start time" error=errors.at(When::Start)
                    hint="Your local time, 24-hour clock. The meeting lasts 60 minutes.">
                    <TextInput kind="time" value=start/>
                </Field>
            </div>
            <FormMessage errors=errors/>
            <div class="actions">
                <button type="submit" class="btn btn-primary">"Create QBR"</button>
                <button type="button" class="btn btn-quiet" on:click=move |_| on_done.run(None)>"Cancel"</button>
            </div>
        </form>
    }
}

#[component]
fn QbrEditor(account: AccountHandle, qbr_id: QbrId) -> impl IntoView {
    let app = use_app();
    let qbr = account.read(move |a| a.planning.qbr(qbr_id).cloned());
    let Some(initial) = qbr.get_untracked() else {
        return ().into_any();
    };
    let people = people_of(account);
    let sponsors =
        move || people.with(|p| sponsor_ids(&p.iter().map(|x| x.0.clone()).collect::<Vec<_>>()));

    // When
    let date = RwSignal::new(initial.date.to_string());
    let start = RwSignal::new(initial.start.to_string());
    let when_errors = FormErrors::<When>::new();
    let save_when = Callback::new(move |()| {
        when_errors.clear();
        let Some((d, s)) = read_when(when_errors, date, start) else {
            return;
        };
        if let Err(es) = edit_qbr(account, qbr_id, |q| {
            q.date = d;
            q.start = s;
        }) {
            show_plan_errors(
                when_errors,
                &es,
                "",
                &[("date", When::Date), ("start", When::Start)],
            );
        }
    });

    let facts = move || {
        let today = app.today.get();
        qbr.with(|q| {
            q.as_ref().map(|q| {
                let due = q.agenda_due();
                let sent = q.prep.is_ticked(PrepItem::AgendaSent);
                (
                    format!("{}, {}", dates::written_with_day(q.date), q.time_range()),
                    dates::relative(today, q.date),
                    format!(
                        "{} ({})",
                        dates::written_with_day(due),
                        dates::relative(today, due)
                    ),
                    sent,
                    due < today && !sent && q.date >= today,
                )
            })
        })
    };
    let warnings = move || {
        let today = app.today.get();
        let s = sponsors();
        qbr.with(|q| {
            q.as_ref()
                .map(|q| {
                    q.warnings(&s, today)
                        .iter()
                        .map(|w| w.message())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };

    view! {
        <section class="card qbr-editor" aria-labelledby="qbr-title">
            <div class="plan-section-head">
                <h2 id="qbr-title">{move || facts().map(|f| format!("QBR · {}", f.0))}</h2>
            </div>
            {move || facts().map(|(_, rel, due, sent, late)| view! {
                <p class="qbr-when">{format!("The meeting is {rel}.")}</p>
                <p class="agenda-due" class:late=late>
                    <strong>"Agenda must be sent by: "</strong>{due}
                    {if sent { " · sent ✓" } else { "" }}
                </p>
            })}
            {move || {
                let ws = warnings();
                (!ws.is_empty()).then(|| view! {
                    <ul class="plan-flags" aria-label="Before the meeting">
                        {ws.into_iter().map(|m| view! { <li class="note note-yellow"><span class="note-mark" aria-hidden="true">"!"</span>{m}</li> }).collect_view()}
                    </ul>
                })
            }}
            <div class="grid-2 screen-only">
                <Field id="qbr-date" label="Meeting date" error=when_errors.at(When::Date)>
                    <DateInput value=date on_change=save_when/>
                </Field>
                <Field id="qbr-start" label="Start time" error=when_errors.at(When::Start)>
                    <TextInput kind="time" value=start on_change=save_when/>
                </Field>
            </div>

            <div class="qbr-columns">
                <Attendees account=account qbr_id=qbr_id qbr=qbr people=people/>
                <PrepChecklist account=account qbr_id=qbr_id qbr=qbr/>
            </div>

            <h3>"Agenda (60 minutes)"</h3>
            {move || DataTable::new("plan-table agenda-table", qbr.get().map(|q| q.agenda()).unwrap_or_default())
                .col("Time", |(clock, _)| clock.clone())
                .cell_class("nowrap")
                .row_head("Topic", |(_, slot)| view! { {slot.topic.title()}<span class="sub">{slot.topic.hint()}</span> })
                .col("Min", |(_, slot)| slot.minutes())
                .num()
                .view()}

            <QbrTexts account=account qbr_id=qbr_id initial=initial.clone()/>
            <MutualPlan account=account qbr_id=qbr_id qbr=qbr/>

            <div class="danger-zone screen-only">
                <ConfirmButton label="Delete this QBR" question="Delete this QBR and everything written in it?"
                    confirm_label="Yes, delete it" danger=true
                    on_confirm=move |_| {
                        account.change(|a| { a.planning.remove_qbr(qbr_id); });
                        app.show_toast("QBR deleted.", None);
                    }/>
            </div>
        </section>
    }
    .into_any()
}

#[component]
fn Attendees(
    account: AccountHandle,
    qbr_id: QbrId,
    qbr: Memo<Option<Qbr>>,
    people: Memo<Vec<(PersonRef, String, bool)>>,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let toggle = move |pid: u32, on: bool| {
        let r = edit_qbr(account, qbr_id, |q| {
            q.attendees.retain(|a| *a != pid);
            if on {
                q.attendees.push(pid);
            }
        });
        error.set(r.err().map(|es| es[0].message.clone()));
    };
    view! {
        <fieldset class="attendees">
            <legend>"Attendees"</legend>
            {move || {
                let invited = qbr.with(|q| q.as_ref().map(|q| q.attendees.clone()).unwrap_or_default());
                let list: Vec<_> = people.get().into_iter().filter(|(p, _, current)| *current || invited.contains(&p.id)).collect();
                if list.is_empty() {
                    view! {
                        <p class="empty-note">"No people mapped on this account yet."</p>
                        <p class="hint">"Add them to the account's stakeholder map, with their roles; then invite them here. Mark the executive sponsor: a QBR without them rarely moves anything."</p>
                    }.into_any()
                } else {
                    view! {
                        <ul class="check-list">
                            {list.into_iter().map(|(p, detail, current)| {
                                let pid = p.id;
                                let on = invited.contains(&pid);
                                let box_id = format!("att-{pid}");
                                view! {
                                    <li class:invited=on>
                                        <Tick id=box_id checked=Model::new(move || on, move |t| toggle(pid, t))>
                                            {p.name.clone()}
                                            {p.is_executive_sponsor.then(|| view! { <span class="status status-brand">"Executive sponsor"</span> })}
                                            {(!current).then(|| view! { <span class="status status-grey">"Left the company"</span> })}
                                            <span class="sub">{detail}</span>
                                        </Tick>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
            <p class="field-error" role="alert">{move || error.get()}</p>
        </fieldset>
    }
}

#[component]
fn PrepChecklist(account: AccountHandle, qbr_id: QbrId, qbr: Memo<Option<Qbr>>) -> impl IntoView {
    let done = move || qbr.with(|q| q.as_ref().map(|q| q.prep.done_count()).unwrap_or(0));
    view! {
        <fieldset class="prep">
            <legend>{move || format!("Preparation · {} of {} done", done(), PrepItem::ALL.len())}</legend>
            <ul class="check-list">
                {PrepItem::ALL.into_iter().map(|item| {
                    let box_id = format!("prep-{}", item.key());
                    let on = move || qbr.with(|q| q.as_ref().is_some_and(|q| q.prep.is_ticked(item)));
                    view! {
                        <li>
                            <Tick id=box_id checked=Model::new(on, move |t| {
                                let _ = edit_qbr(account, qbr_id, |q| q.prep.set(item, t));
                            })>
                                {item.label()}
                            </Tick>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </fieldset>
    }
}

/// Value delivered, challenges, roadmap and notes: saved when the box is left.
#[component]
fn QbrTexts(account: AccountHandle, qbr_id: QbrId, initial: Qbr) -> impl IntoView {
    let app = use_app();
    let value = RwSignal::new(initial.value_delivered);
    let challenges = RwSignal::new(initial.challenges);
    let roadmap = RwSignal::new(initial.roadmap);
    let notes = RwSignal::new(initial.notes);
    let errors = FormErrors::<&'static str>::new();
    let save = move |key: &'static str, sig: RwSignal<String>| {
        Callback::new(move |()| {
            let t = sig.get_untracked();
            let r = edit_qbr(account, qbr_id, |q| {
                let slot = match key {
                    "value_delivered" => &mut q.value_delivered,
                    "challenges" => &mut q.challenges,
                    "roadmap" => &mut q.roadmap,
                    _ => &mut q.notes,
                };
                *slot = t.trim_end().to_string();
            });
            match r {
                Ok(()) => errors.set(key, None),
                Err(es) => show_plan_errors(errors, &es, "", &[(key, key)]),
            }
        })
    };
    // Refills write customer-visible facts only (docs/audience.md).
    let refill_value = move |_| {
        let text = account
            .with_untracked(refill_value_delivered)
            .unwrap_or_default();
        value.set(text);
        save("value_delivered", value).run(());
    };
    let refill_open = move |_| {
        let today = app.today.get_untracked();
        let text = account
            .with_untracked(|a| refill_challenges(a, today))
            .unwrap_or_default();
        challenges.set(text);
        save("challenges", challenges).run(());
    };
    let pull_kept = move |_| {
        let (text, added) = account
            .with_untracked(|a| {
                crate::domain::audience::pull_kept_commitments(a, &value.get_untracked())
            })
            .unwrap_or_default();
        if added == 0 {
            app.show_toast("No kept commitment with evidence to add: record the evidence on the Commitments tab.", None);
            return;
        }
        value.set(text);
        save("value_delivered", value).run(());
        app.show_toast(
            format!(
                "Added {}.",
                crate::domain::plural(added, "kept commitment", "kept commitments")
            ),
            None,
        );
    };
    view! {
        <div class="qbr-texts">
            <div>
                <Field id="qbr-value" label="Value delivered against the targets" error=errors.at("value_delivered")>
                    <TextArea value=value rows=7 on_change=save("value_delivered", value)/>
                </Field>
                <ConfirmButton label="Refill from success metrics" question="Replace this text with the plan's success metrics as they are today?"
                    confirm_label="Yes, refill" on_confirm=refill_value/>
                <button type="button" class="btn" on:click=pull_kept>"Add kept commitments"</button>
            </div>
            <div>
                <Field id="qbr-challenges" label="Challenges and open issues" error=errors.at("challenges")>
                    <TextArea value=challenges rows=7 on_change=save("challenges", challenges)/>
                </Field>
                <ConfirmButton label="Refill from open items" question="Replace this text with the success metrics not met yet, the shared actions past their due date and the open escalations?"
                    confirm_label="Yes, refill" on_confirm=refill_open/>
            </div>
            <Field id="qbr-roadmap" label="Roadmap and opportunities" error=errors.at("roadmap")>
                <TextArea value=roadmap rows=4 on_change=save("roadmap", roadmap)
                    placeholder="What is coming that serves their goals; where we could do more."/>
            </Field>
            <Field id="qbr-notes" label="Your notes (not in the customer's copy)" error=errors.at("notes")>
                <TextArea value=notes rows=4 on_change=save("notes", notes)/>
            </Field>
        </div>
    }
}

#[component]
fn MutualPlan(account: AccountHandle, qbr_id: QbrId, qbr: Memo<Option<Qbr>>) -> impl IntoView {
    let app = use_app();
    let items = move || {
        qbr.with(|q| {
            q.as_ref()
                .map(|q| q.mutual_actions.clone())
                .unwrap_or_default()
        })
    };
    let pending = move || {
        qbr.with(|q| {
            q.as_ref()
                .map(|q| {
                    q.mutual_actions
                        .iter()
                        .filter(|m| m.pushed_as.is_none())
                        .count()
                })
                .unwrap_or(0)
        })
    };
    // The plan's goals, to tie the pushed items to one of them: (id, "Goal 1: text").
    let goals = account.read(|a| {
        a.planning
            .plan
            .content()
            .goals
            .iter()
            .enumerate()
            .map(|(i, g)| (g.id, format!("Goal {}: {}", i + 1, g.text)))
            .collect::<Vec<_>>()
    });
    // The goal picked for the next push; "" is "no goal yet". The first goal until the
    // user picks another, so the choice is always in view.
    let picked = RwSignal::new(false);
    let first_goal =
        move || goals.with(|g| g.first().map(|x| x.0 .0.to_string()).unwrap_or_default());
    let choice = RwSignal::new(first_goal());
    Effect::new(move |_| {
        let first = first_goal();
        if !picked.get() {
            choice.set(first);
        }
    });
    let goal_options = Signal::derive(move || {
        let mut options: Vec<(String, String)> = goals
            .get()
            .into_iter()
            .map(|(gid, label)| (gid.0.to_string(), label))
            .collect();
        options.push((String::new(), "No goal yet (tie later)".to_string()));
        options
    });
    let goal_choice = move || choice.get();
    let push = move |_| {
        let today = app.today.get_untracked();
        let goal = goal_choice().parse::<u32>().ok().map(GoalId);
        match account.update(|a| a.planning.push_mutual_actions(qbr_id, goal, today)) {
            Ok(ids) if !ids.is_empty() => app.show_toast(
                match goal.and_then(|g| goals.with_untracked(|gs| gs.iter().find(|x| x.0 == g).map(|x| x.1.clone()))) {
                    Some(goal_name) => format!(
                        "{} added to the 90-day plan, serving {goal_name}.",
                        plural(ids.len(), "action", "actions")
                    ),
                    None => format!(
                        "{} added to the 90-day plan, serving no goal yet: tie {} to a goal with Edit in the 90-day actions.",
                        plural(ids.len(), "action", "actions"),
                        if ids.len() == 1 { "it" } else { "each" }
                    ),
                },
                None,
            ),
            Ok(_) => app.show_toast("Every item is already in the 90-day plan.", None),
            Err(es) => app.show_toast(es[0].message.clone(), None),
        }
    };
    let plan_href = format!("/accounts/{}/plan", account.id().0);
    let say = move |r: Result<(), Vec<FieldError>>| {
        if let Err(es) = r {
            app.show_toast(es[0].message.clone(), None);
        }
    };
    let editor = ItemEditor {
        key: "mutual",
        items: Signal::derive(items),
        layout: Layout::Table {
            class: "",
            head: &[
                ("Action", ""),
                ("Owner", ""),
                ("Side", ""),
                ("Due", ""),
                ("90-day plan", ""),
            ],
            cells: Arc::new(|m: &MutualAction, _| {
                let owner = if m.owner.is_empty() {
                    "—".to_string()
                } else {
                    m.owner.clone()
                };
                let in_plan = if m.pushed_as.is_some() {
                    view! { <span class="status status-green">"✓ In the plan"</span> }.into_any()
                } else {
                    view! { <span class="status status-grey">"Not yet"</span> }.into_any()
                };
                (
                    String::new(),
                    vec![
                        Cell::row_head(m.text.clone()),
                        Cell::data(owner),
                        Cell::data(m.side.label()),
                        Cell::data(dates::long(m.due)).class("nowrap"),
                        Cell::data(in_plan),
                    ],
                )
            }),
        },
        empty: "Nothing agreed yet.",
        name: Arc::new(|m: &MutualAction, _| m.text.clone()),
        remove_question: Arc::new(|m: &MutualAction, _| {
            format!(
                "Remove \"{}\" from the mutual plan?{}",
                m.text,
                if m.pushed_as.is_some() {
                    " The 90-day plan keeps its copy."
                } else {
                    ""
                }
            )
        }),
        more: None,
        form: Arc::new(move |editing, on_close| {
            view! { <MutualForm account=account qbr_id=qbr_id qbr=qbr editing=editing on_close=on_close/> }
                .into_any()
        }),
        first_field: "mutual-text",
        adding: Adding::AlwaysOpen,
        remove: Callback::new(move |m| {
            say(change_qbr(account, qbr_id, |q| {
                q.remove_mutual(m).map(|_| ())
            }))
        }),
        move_by: Callback::new(move |(m, step)| {
            say(change_qbr(account, qbr_id, |q| q.move_mutual(m, step)))
        }),
    };
    view! {
        <h3>"Mutual action plan"</h3>
        <p class="hint">"Who does what by when, on both sides. Push the items to the 90-day plan when agreed."</p>
        {editor.view()}
        <div class="actions push-row">
            <Field id="push-goal" label="Pushed items serve" class="inline push-goal">
                <Select value=choice options=goal_options on_change=move |()| picked.set(true)/>
            </Field>
            <button type="button" class="btn btn-primary" disabled=move || pending() == 0 on:click=push>
                {move || match pending() {
                    0 => "Push to 90-day actions".to_string(),
                    n => format!("Push {n} to 90-day actions"),
                }}
            </button>
            <a href=plan_href>"See the 90-day plan"</a>
        </div>
    }
}

/// The mutual action form's fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum MutualField {
    Text,
    Owner,
    Due,
}

#[component]
fn MutualForm(
    account: AccountHandle,
    qbr_id: QbrId,
    qbr: Memo<Option<Qbr>>,
    editing: Editing<MutualId>,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let (at, existing) = qbr.with_untracked(|q| {
        let list = q
            .as_ref()
            .map(|q| q.mutual_actions.as_slice())
            .unwrap_or_default();
        match editing {
            Editing::Item(m) => match items::position(list, m) {
                Some(i) => (i, Some(list[i].clone())),
                None => (list.len(), None),
            },
            Editing::New => (list.len(), None),
        }
    });
    // What the form starts with: the edited item's values, or nothing (side: us).
    let start = |f: fn(&MutualAction) -> String| {
        RwSignal::new(existing.as_ref().map(f).unwrap_or_default())
    };
    let text = start(|m| m.text.clone());
    let owner = start(|m| m.owner.clone());
    let due = start(|m| m.due.to_string());
    let side = RwSignal::new(
        match existing.as_ref().map(|m| m.side) {
            Some(Side::Customer) => "customer",
            _ => "us",
        }
        .to_string(),
    );
    let errors = FormErrors::<MutualField>::new();
    let save = move |()| {
        errors.clear();
        let due_date = match dates::read_optional_date(&due.get_untracked()) {
            Ok(Some(d)) => d,
            Ok(None) => return errors.set(MutualField::Due, Some("Pick a due date.".into())),
            Err(e) => return errors.set(MutualField::Due, Some(e.message)),
        };
        let item = MutualAction {
            id: MutualId(0),
            text: text.get_untracked().trim().to_string(),
            owner: owner.get_untracked().trim().to_string(),
            side: if side.get_untracked() == "customer" {
                Side::Customer
            } else {
                Side::Us
            },
            due: due_date,
            pushed_as: None,
        };
        let r = change_qbr(account, qbr_id, |q| match editing {
            Editing::New => q.add_mutual(item).map(|_| ()),
            Editing::Item(m) => q.replace_mutual(m, item),
        });
        match r {
            // A fresh form for the next item: nothing carried over from this one.
            Ok(()) => on_close.run(()),
            Err(es) => show_plan_errors(
                errors,
                &es,
                &format!("mutual_actions[{at}]"),
                &[("text", MutualField::Text), ("owner", MutualField::Owner)],
            ),
        }
    };
    let fields = view! {
        <div class="grid-4">
            <Field id="mutual-text" label="Action" error=errors.at(MutualField::Text)>
                <TextInput value=text placeholder="e.g. Share Q1 usage by hub"/>
            </Field>
            <Field id="mutual-owner" label="Owner" error=errors.at(MutualField::Owner)>
                <TextInput value=owner placeholder="Name" list=Some(crate::components::owner_field::OWNER_LIST_ID)/>
                <crate::components::owner_field::OwnerNames/>
            </Field>
            <Field id="mutual-side" label="Side">
                <Select value=side options=vec![
                    ("us".to_string(), Side::Us.label().to_string()),
                    ("customer".to_string(), Side::Customer.label().to_string()),
                ]/>
            </Field>
            <Field id="mutual-due" label="Due" error=errors.at(MutualField::Due)>
                <DateInput value=due/>
            </Field>
        </div>
    };
    match editing {
        Editing::New => view! {
            <ItemForm id="mutual-form" title="Add to the mutual action plan" no_heading=true
                submit="Add to the mutual plan" submit_class="btn" class="mutual-form screen-only"
                errors=errors on_submit=save>
                {fields}
            </ItemForm>
        }
        .into_any(),
        Editing::Item(_) => view! {
            <ItemForm id="mutual-form" title="Edit the mutual action" submit="Save item"
                class="mutual-form screen-only" errors=errors on_submit=save on_cancel=on_close>
                {fields}
            </ItemForm>
        }
        .into_any(),
    }
}

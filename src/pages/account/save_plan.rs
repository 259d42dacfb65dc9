//! The Save plan tab (docs/domain.md#save-plan) and the notice above the account's
//! tabs. When the account's health is red and no plan is open, the planner proposes one;
//! an open plan lists its steps with deadlines counted from the day it was opened (24 h,
//! 48 h, 1 week, then a weekly check-in), and is closed with an outcome. Closed plans are
//! kept as history. When the account is green again, closing is suggested.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::use_account;
use crate::components::confirm::ConfirmButton;
use crate::components::data_table::DataTable;
use crate::components::form::{
    on_submit, options_with_none, DateInput, DoneOn, Field, FormErrors, Model, RowMessage, Select,
    TextArea, TextInput, Tick,
};
use crate::components::owner_field::{OwnerNames, OWNER_LIST_ID};
use crate::components::renewal_bits::{band_of, lateness};
use crate::derived::use_workspace_wide;
use crate::domain::dates::{long, relative};
use crate::domain::health::Band;
use crate::domain::renewal::parse_done_on;
use crate::domain::save_plan::{
    root_cause_label, Outcome, RootCause, SavePlan, StepKind, LEADERSHIP_ARR, MAX_NOTE_LEN,
    MAX_OWNER_LEN,
};
use crate::state::use_app;

/// The account's health band today, `None` without a scored check-in.
fn use_band() -> Memo<Option<Band>> {
    let app = use_app();
    let account = use_account();
    let weights = use_workspace_wide().weights;
    account.read(move |a| band_of(&weights.get(), a, app.today.get()))
}

fn band_text(b: Option<Band>) -> String {
    match b {
        Some(b) => format!("{} ({})", b.colour(), b.label().to_lowercase()),
        None => "not scored yet".into(),
    }
}

/// Above the tabs: a red account without a plan gets the proposal; an open plan shows its
/// next step; a plan on a green account suggests closing. Hidden on the Save plan tab.
#[component]
pub fn SavePlanNotice() -> impl IntoView {
    let app = use_app();
    let account = use_account();
    let id = account.id();
    let location = use_location();
    let band = use_band();
    let href = format!("/accounts/{}/save-plan", id.0);
    let plan = account.read(move |a| {
        let today = app.today.get();
        a.save_plans.current().map(|p| {
            (
                p.opened_on(),
                p.next_step(today),
                p.overdue_steps(today).len(),
            )
        })
    });
    move || {
        if location.pathname.with(|p| p.ends_with("/save-plan")) {
            return ().into_any();
        }
        let today = app.today.get();
        let href = href.clone();
        match (plan.get(), band.get()) {
            (None, Some(Band::Red)) => view! {
                <div class="banner save-notice propose" role="status">
                    <strong>"Health is red. "</strong>
                    "Open a save plan and triage within 24 hours. "
                    <a class="btn btn-small btn-danger-solid" href=href>"Open a save plan"</a>
                </div>
            }
            .into_any(),
            (Some((opened, next, overdue)), band) => {
                let green = band == Some(Band::Green);
                let next = next.map(|s| {
                    format!(
                        "Next: {} ({})",
                        short_step(s.kind),
                        if s.is_overdue(today) {
                            format!("was due {}", relative(today, s.due))
                        } else {
                            format!("due {}", relative(today, s.due))
                        }
                    )
                });
                view! {
                    <div class="banner save-notice open" class:green=green role="status">
                        <strong>{format!("Save plan open since {}. ", long(opened))}</strong>
                        {next}
                        {(overdue > 0).then(|| view! {
                            <span class="overdue-count">{if overdue == 1 { " · 1 step overdue".to_string() } else { format!(" · {overdue} steps overdue") }}</span>
                        })}
                        {green.then_some(" Health is green again: consider closing it. ")}
                        " "<a href=href>"View the plan"</a>
                    </div>
                }
                .into_any()
            }
            _ => ().into_any(),
        }
    }
}

fn short_step(k: StepKind) -> String {
    match k {
        StepKind::Triage => "triage".into(),
        StepKind::TellLeadership => "tell leadership".into(),
        StepKind::ExecutiveOutreach => "executive outreach".into(),
        StepKind::RootCauseMeeting => "root-cause meeting".into(),
        StepKind::CheckIn(n) => format!("check-in {n}"),
    }
}

#[component]
pub fn AccountSavePlan() -> impl IntoView {
    let account = use_account();
    let has_open = account.read(|a| a.save_plans.current().is_some());
    view! {
        <div class="save-tab">
            <OwnerNames/>
            {move || if has_open.get() {
                view! { <OpenPlan/> }.into_any()
            } else {
                view! { <ProposePlan/> }.into_any()
            }}
            <History/>
        </div>
    }
}

fn root_cause_options() -> Vec<(String, String)> {
    options_with_none(
        "Not known yet",
        RootCause::ALL
            .into_iter()
            .map(|c| (c.key().to_string(), c.label().to_string())),
    )
}

/// The fields of the close form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum CloseField {
    Outcome,
    On,
    Note,
}

#[component]
fn ProposePlan() -> impl IntoView {
    let app = use_app();
    let account = use_account();
    let band = use_band();
    let arr_value = account.read(|a| a.fields.arr);
    let arr = move || arr_value.get();
    let cause = RwSignal::new(String::new());
    let owner = RwSignal::new(
        account
            .with_untracked(|a| a.fields.owner.clone())
            .unwrap_or_default(),
    );
    let owner_err = FormErrors::<()>::new();
    let open = on_submit("form.open-plan", owner_err, move || {
        let today = app.today.get_untracked();
        let r = account.update(|a| {
            let arr = a.fields.arr;
            a.save_plans
                .open(today, arr, &owner.get_untracked(), today)?;
            if let Some(p) = a.save_plans.current_mut() {
                p.root_cause = RootCause::from_key(&cause.get_untracked());
            }
            Ok::<_, crate::domain::FieldError>(())
        });
        match r {
            Ok(()) => {
                owner_err.clear();
                app.show_toast("Save plan opened. Triage is due within 24 hours.", None);
            }
            Err(e) => owner_err.set((), Some(e.message)),
        }
    });
    let red = move || band.get() == Some(Band::Red);
    view! {
        <section class=move || if red() { "card propose-card is-red" } else { "card propose-card" }
            aria-labelledby="propose-h">
            {move || if red() {
                view! {
                    <h2 id="propose-h"><span aria-hidden="true">"⚠ "</span>"Health is red: open a save plan"</h2>
                    <p>"Act within a day. The playbook:"</p>
                }.into_any()
            } else {
                view! {
                    <h2 id="propose-h">"No save plan open"</h2>
                    <p>{move || format!("Health is {}. The planner proposes a save plan when it turns red; open one now if you see trouble coming.", band_text(band.get()))}</p>
                }.into_any()
            }}
            <ol class="playbook">
                <li><strong>"Within 24 hours: "</strong>"triage. Name the root cause and a save owner"
                    {move || (arr() > LEADERSHIP_ARR).then_some("; tell leadership (ARR above 50,000)")}"."</li>
                <li><strong>"Within 48 hours: "</strong>"executive outreach, our executive to theirs."</li>
                <li><strong>"Within 1 week: "</strong>"root-cause meeting and a recovery plan with measurable milestones."</li>
                <li><strong>"Every week after: "</strong>"a check-in until the account is green again."</li>
            </ol>
            <form class="open-plan" on:submit=open novalidate>
                <div class="grid-2">
                    <Field id="open-cause" label="Root cause">
                        <Select value=cause options=root_cause_options()/>
                    </Field>
                    <Field id="open-owner" label="Save owner" error=owner_err.at(())>
                        <TextInput value=owner list=Some(OWNER_LIST_ID) maxlength=Some((MAX_OWNER_LEN + 20) as u32)/>
                    </Field>
                </div>
                <button type="submit" class=move || if red() { "btn btn-danger-solid" } else { "btn" }>"Open save plan"</button>
            </form>
        </section>
    }
}

#[component]
fn OpenPlan() -> impl IntoView {
    let app = use_app();
    let account = use_account();
    let band = use_band();
    let plan = account.read(|a| a.save_plans.current().cloned());
    let read =
        move |f: fn(&SavePlan) -> String| plan.with(|p| p.as_ref().map(f).unwrap_or_default());
    let step_kinds = move || {
        let today = app.today.get();
        plan.with(|p| {
            p.as_ref()
                .map(|p| {
                    p.steps(today)
                        .into_iter()
                        .map(|s| s.kind)
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let overdue = move || {
        let today = app.today.get();
        plan.with(|p| p.as_ref().map_or(0, |p| p.overdue_steps(today).len()))
    };
    let owner = RwSignal::new(read(|p| p.owner().to_string()));
    let owner_err = FormErrors::<()>::new();
    let save_owner = Callback::new(move |()| {
        let r = account.update(|a| match a.save_plans.current_mut() {
            Some(p) => p.set_owner(&owner.get_untracked()),
            None => Err(crate::domain::FieldError::bare("This plan is closed.")),
        });
        owner_err.set((), r.err().map(|e| e.message));
    });
    let initial_cause = plan.with_untracked(|p| p.as_ref().and_then(|p| p.root_cause));
    let cause = RwSignal::new(
        initial_cause
            .map(|c| c.key().to_string())
            .unwrap_or_default(),
    );
    let set_cause = Callback::new(move |()| {
        let c = RootCause::from_key(&cause.get_untracked());
        let _ = account.update(|a| match a.save_plans.current_mut() {
            Some(p) => {
                p.root_cause = c;
                Ok::<_, String>(())
            }
            None => Err(String::from("This plan is closed.")),
        });
    });
    let green = move || band.get() == Some(Band::Green);
    view! {
        <section class="card plan-card" aria-labelledby="plan-h">
            <div class="section-head">
                <h2 id="plan-h">"Save plan"</h2>
                <p class="plan-opened">{move || {
                    let today = app.today.get();
                    plan.with(|p| p.as_ref().map(|p| format!("Opened {} ({})", long(p.opened_on()), relative(today, p.opened_on()))))
                }}</p>
            </div>
            {move || green().then(|| view! {
                <div class="banner banner-ok" role="status">
                    <strong>"Health is green again. "</strong>
                    "If the account is safe, close the plan below with the outcome \"Saved\"."
                </div>
            })}
            <p class="plan-health">{move || format!("Health now: {}.", band_text(band.get()))}
                {move || match overdue() {
                    0 => None,
                    1 => Some(" 1 step overdue.".to_string()),
                    n => Some(format!(" {n} steps overdue.")),
                }.map(|t| view! { <span class="overdue-count">{t}</span> })}</p>
            <div class="grid-2">
                <Field id="plan-cause" label="Root cause">
                    <Select value=cause options=root_cause_options() on_change=set_cause/>
                </Field>
                <Field id="plan-owner" label="Save owner" error=owner_err.at(())>
                    <TextInput value=owner placeholder="Who leads the save" list=Some(OWNER_LIST_ID) on_change=save_owner/>
                </Field>
            </div>
            {move || plan.with(|p| p.as_ref().is_some_and(|p| p.notify_leadership())).then(|| view! {
                <p class="hint">"ARR was above 50,000 when the plan was opened: leadership hears about it with triage."</p>
            })}
            <h3 class="steps-h">"Steps"</h3>
            <ol class="steps">
                <For each=step_kinds key=|k| *k children=move |k| view! { <StepRow plan=plan kind=k/> }/>
            </ol>
            <p class="hint">"Check-ins continue weekly until the account is green and the plan is closed."</p>
        </section>
        <super::recovery::RecoveryCard/>
        <ClosePlan green=Signal::derive(green)/>
    }
}

#[component]
fn StepRow(plan: Memo<Option<SavePlan>>, kind: StepKind) -> impl IntoView {
    let app = use_app();
    let account = use_account();
    let step = Memo::new(move |_| {
        let today = app.today.get();
        plan.with(|p| {
            p.as_ref()
                .and_then(|p| p.steps(today).into_iter().find(|s| s.kind == kind))
        })
    });
    let done_on = Memo::new(move |_| step.with(|s| s.and_then(|s| s.done_on)));
    let dom = kind.key().replace('_', "-");
    let cb_id = format!("step-{dom}");
    let date_id = format!("step-done-{dom}");
    let err = RwSignal::new(None::<String>);
    let tick = move |on: Option<chrono::NaiveDate>| {
        let today = app.today.get_untracked();
        let r = account.update(|a| match a.save_plans.current_mut() {
            None => Err("This plan is closed.".to_string()),
            Some(p) => match on {
                Some(d) => p.tick(kind, d, today).map_err(|e| e.message),
                None => {
                    p.untick(kind);
                    Ok(())
                }
            },
        });
        err.set(r.err());
    };
    let pick_day = Callback::new(move |text: String| {
        let today = app.today.get_untracked();
        match parse_done_on(&text, today) {
            Ok(d) => tick(Some(d)),
            Err(e) => err.set(Some(e.message)),
        }
    });
    let max = Signal::derive(move || app.today.get().to_string());
    let late = move || {
        let today = app.today.get();
        step.with(|s| s.map(|s| lateness(s.due, s.done_on, today)))
    };
    // The owner named on the step; without one the save owner owns it, shown as the
    // placeholder (docs/account-depth.md#owners).
    let stored_owner = Memo::new(move |_| {
        plan.with(|p| {
            p.as_ref()
                .map(|p| p.step_owner(kind).to_string())
                .unwrap_or_default()
        })
    });
    let save_owner_name = Memo::new(move |_| {
        plan.with(|p| {
            p.as_ref()
                .map(|p| p.owner().to_string())
                .unwrap_or_default()
        })
    });
    let owner_text = RwSignal::new(stored_owner.get_untracked());
    Effect::new(move |_| owner_text.set(stored_owner.get()));
    let owner_err = FormErrors::<()>::new();
    let set_owner = Callback::new(move |()| {
        let r = account.update(|a| match a.save_plans.current_mut() {
            None => Err("This plan is closed.".to_string()),
            Some(p) => p
                .set_step_owner(kind, &owner_text.get_untracked())
                .map_err(|e| e.message),
        });
        owner_err.set((), r.err());
    });
    let owner_placeholder = Signal::derive(move || {
        save_owner_name.with(|o| {
            if o.is_empty() {
                "Who does it".to_string()
            } else {
                format!("{o} (save owner)")
            }
        })
    });
    view! {
        <li class="step" class:done=move || done_on.get().is_some()>
            <div class="task-main">
                <Tick id=cb_id label_class="task-text" checked=Model::new(move || done_on.get().is_some(), move |on: bool| {
                    let today = app.today.get_untracked();
                    tick(on.then_some(today));
                })>
                    {kind.label()}
                </Tick>
                <span class="deadline">{kind.deadline_label()}</span>
            </div>
            <div class="task-extra">
                <span class="step-due">{move || step.with(|s| s.map(|s| format!("Due {}", long(s.due))))}</span>
                <span class=move || format!("lateness {}", late().map_or("", |l| l.1))>{move || late().map(|l| l.0)}</span>
                <Field id=format!("step-owner-{dom}") label="Owner" class="task-owner" error=owner_err.at(())>
                    <TextInput value=owner_text placeholder=owner_placeholder list=Some(OWNER_LIST_ID) on_change=set_owner/>
                </Field>
                {let date_id = date_id.clone(); move || done_on.get().map(|d| view! {
                    <DoneOn id=date_id.clone() day=d error=err max=max on_change=pick_day/>
                })}
            </div>
            <RowMessage id=date_id error=err/>
        </li>
    }
}

#[component]
fn ClosePlan(#[prop(into)] green: Signal<bool>) -> impl IntoView {
    let app = use_app();
    let account = use_account();
    let outcome_key = RwSignal::new(if green.get_untracked() {
        Outcome::Saved.key().to_string()
    } else {
        String::new()
    });
    let on = RwSignal::new(app.today.get_untracked().to_string());
    let note = RwSignal::new(String::new());
    let errors = FormErrors::<CloseField>::new();
    let close = on_submit("form.close-plan", errors, move || {
        let today = app.today.get_untracked();
        let Some(o) = Outcome::from_key(&outcome_key.get_untracked()) else {
            errors.show([(CloseField::Outcome, "Pick how it ended.".to_string())]);
            return;
        };
        let date = match parse_done_on(&on.get_untracked(), today) {
            Ok(d) => d,
            Err(e) => {
                let e = e.message.replace(
                    "Pick the day it was done, or untick it.",
                    "Pick the day the plan closed.",
                );
                errors.show([(CloseField::On, e)]);
                return;
            }
        };
        let n = note.get_untracked();
        if n.trim().chars().count() > MAX_NOTE_LEN {
            errors.show([(
                CloseField::Note,
                format!("Keep the note under {MAX_NOTE_LEN} characters."),
            )]);
            return;
        }
        // Saved only while green; another outcome needs its note (docs/account-depth.md).
        let is_green = green.get_untracked();
        let r = account.update(|a| match a.save_plans.current_mut() {
            Some(p) => crate::domain::depth::close_save_plan(p, o, date, &n, is_green, today)
                .map_err(|e| format!("{}\u{1f}{}", e.path, e.message)),
            None => Err("_form\u{1f}This plan is already closed.".into()),
        });
        match r {
            Ok(()) => {
                errors.clear();
                app.show_toast(
                    format!("Save plan closed: {}.", o.label().to_lowercase()),
                    None,
                );
            }
            Err(e) => {
                let (k, m) = e.split_once('\u{1f}').unwrap_or(("_form", &e));
                let at = match k {
                    "outcome" => CloseField::Outcome,
                    "note" => CloseField::Note,
                    _ => CloseField::On,
                };
                errors.show([(at, m.to_string())]);
            }
        }
    });
    view! {
        <section class="card close-card" aria-labelledby="close-h">
            <h2 id="close-h">"Close the plan"</h2>
            <p class="hint">"Close it as saved once the account is green again; otherwise record how it ended in the note."
                {move || {
                    let n = account.with(|a| a.save_plans.current().map(|p| p.recovery.unmet())).flatten().unwrap_or(0);
                    (n > 0).then(|| format!(" {} not met yet.", crate::domain::plural(n, "milestone", "milestones")))
                }}</p>
            <form class="close-plan" on:submit=close novalidate>
                <div class="grid-3">
                    <Field id="close-outcome" label="Outcome" error=errors.at(CloseField::Outcome)>
                        <Select value=outcome_key options=options_with_none(
                            "Choose…",
                            Outcome::ALL.into_iter().map(|o| (o.key().to_string(), o.label().to_string())),
                        )/>
                    </Field>
                    <Field id="close-on" label="Closed on" error=errors.at(CloseField::On)>
                        <DateInput value=on max=Signal::derive(move || app.today.get().to_string())/>
                    </Field>
                </div>
                <Field id="close-note" label="Note" error=errors.at(CloseField::Note)>
                    <TextArea value=note rows=2 placeholder="What turned it around, or why it was lost"/>
                </Field>
                <div class="actions">
                    <button type="submit" class="btn btn-primary">"Close the plan"</button>
                    <ConfirmButton
                        label="Discard plan"
                        question=Signal::stored("Discard this plan without keeping it in the history? Only for a plan opened by mistake.".to_string())
                        confirm_label="Yes, discard"
                        danger=true
                        on_confirm=move |_| {
                            let _ = account.update(|a| {
                                a.save_plans.discard_current().map(|_| ()).ok_or_else(|| "No open plan.".to_string())
                            });
                            app.show_toast("Save plan discarded.", None);
                        }
                    />
                </div>
            </form>
        </section>
    }
}

#[component]
fn History() -> impl IntoView {
    let account = use_account();
    let rows = move || {
        account
            .with(|a| {
                a.save_plans
                    .history()
                    .into_iter()
                    .map(|p| {
                        let closure = p.closure().cloned();
                        let steps = p.steps(closure.as_ref().map_or(p.opened_on(), |c| c.on));
                        let done = steps.iter().filter(|s| s.is_done()).count();
                        (
                            p.opened_on(),
                            closure,
                            root_cause_label(p.root_cause),
                            p.owner().to_string(),
                            format!("{done} of {}", steps.len()),
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    view! {
        <section class="card history-card" aria-labelledby="history-h">
            <h2 id="history-h">"Past save plans"</h2>
            {move || DataTable::new("history", rows())
                .wrap("table-wrap flat")
                .empty_muted("None closed yet. Closed plans stay here with their outcome.")
                .col("Opened", |r| long(r.0))
                .col("Closed", |r| r.1.as_ref().map(|c| long(c.on)).unwrap_or_default())
                .col("Outcome", |r| {
                    r.1.as_ref().map(|c| {
                        view! { <span class=format!("outcome outcome-{}", c.outcome.key())>{c.outcome.label()}</span> }
                    })
                })
                .col("Root cause", |r| r.2)
                .col("Owner", |r| r.3.clone())
                .col("Steps done", |r| r.4.clone())
                .col("Note", |r| r.1.as_ref().map(|c| c.note.clone()).unwrap_or_default())
                .view()}
        </section>
    }
}

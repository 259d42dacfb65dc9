//! The recovery plan inside an open save plan (docs/account-depth.md#recovery-plan):
//! measurable milestones (what, target, by when, met) and the log of weekly check-ins,
//! each with a note and the health score of that day.

use leptos::prelude::*;

use super::{use_account, AccountHandle};
use crate::components::confirm::ConfirmButton;
use crate::components::data_table::DataTable;
use crate::components::form::{
    on_submit, DateInput, Field, FormErrors, FormMessage, Model, TextArea, TextInput, Tick,
};
use crate::derived::use_workspace_wide;
use crate::domain::dates::{long, read_optional_date};
use crate::domain::depth;
use crate::domain::recovery::{self, Milestone};
use crate::domain::renewal::parse_done_on;
use crate::domain::FieldError;
use crate::state::use_app;

/// The milestone form's fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum MilestoneField {
    What,
    Target,
    By,
}
const MILESTONE_KEYS: [(&str, MilestoneField); 3] = [
    ("what", MilestoneField::What),
    ("target", MilestoneField::Target),
    ("by", MilestoneField::By),
];

/// The check-in form's fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum CheckInField {
    On,
    Note,
}
const CHECK_IN_KEYS: [(&str, CheckInField); 2] =
    [("on", CheckInField::On), ("note", CheckInField::Note)];

/// Runs `f` on the open save plan; a refusal names the value at fault by its path.
fn on_open_plan(
    account: AccountHandle,
    f: impl FnOnce(&mut crate::domain::save_plan::SavePlan) -> Result<(), FieldError>,
) -> Result<(), FieldError> {
    account.update(|a| match a.save_plans.current_mut() {
        Some(p) => f(p),
        None => Err(FieldError::bare("This plan is closed.")),
    })
}

#[component]
pub fn RecoveryCard() -> impl IntoView {
    let app = use_app();
    let account = use_account();
    let weights = use_workspace_wide().weights;
    let recovery = account.read(|a| a.save_plans.current().map(|p| p.recovery.clone()));
    let milestones = move || {
        recovery.with(|r| {
            r.as_ref()
                .map(|r| r.milestones().to_vec())
                .unwrap_or_default()
        })
    };
    let check_ins = move || {
        recovery.with(|r| {
            r.as_ref()
                .map(|r| r.check_ins().to_vec())
                .unwrap_or_default()
        })
    };

    // New milestone
    let what = RwSignal::new(String::new());
    let target = RwSignal::new(String::new());
    let by = RwSignal::new(String::new());
    let m_errors = FormErrors::<MilestoneField>::new();
    let save_milestone = move || {
        m_errors.clear();
        let today = app.today.get_untracked();
        let by_date = match read_optional_date(&by.get_untracked()) {
            Ok(Some(d)) => Some(d),
            Ok(None) => {
                m_errors.set(
                    MilestoneField::By,
                    Some("Give the date it should be reached by.".into()),
                );
                None
            }
            Err(e) => {
                m_errors.set(MilestoneField::By, Some(e.message));
                None
            }
        };
        let m = Milestone {
            what: what.get_untracked(),
            target: target.get_untracked(),
            by: by_date.unwrap_or(today),
            met_on: None,
        };
        let Some(_) = by_date else {
            // The other fields' messages too, from the same rules.
            if let Err(e) = recovery::check_milestone(&m, today, None) {
                if let Some((_, f)) = MILESTONE_KEYS.iter().find(|(key, _)| *key == e.path) {
                    m_errors.set(*f, Some(e.message));
                }
            }
            return;
        };
        match on_open_plan(account, |p| depth::add_milestone(p, m, today)) {
            Ok(()) => {
                what.set(String::new());
                target.set(String::new());
                by.set(String::new());
            }
            Err(e) => {
                m_errors.show_paths([(e.path.as_str(), e.message.as_str())], "", &MILESTONE_KEYS)
            }
        }
    };
    let add_milestone = on_submit("#rc-add", m_errors, save_milestone);

    // New check-in
    let on = RwSignal::new(app.today.get_untracked().to_string());
    let note = RwSignal::new(String::new());
    let c_errors = FormErrors::<CheckInField>::new();
    let save_check_in = move || {
        c_errors.clear();
        let today = app.today.get_untracked();
        let day = match parse_done_on(&on.get_untracked(), today) {
            Ok(d) => d,
            Err(e) => {
                c_errors.set(
                    CheckInField::On,
                    Some(e.message.replace(
                        "Pick the day it was done, or untick it.",
                        "Pick the day of the check-in.",
                    )),
                );
                return;
            }
        };
        let text = note.get_untracked();
        let health = weights.with_untracked(|w| {
            account
                .with_untracked(|a| recovery::score_on(&a.health.scores(w), day))
                .flatten()
        });
        match on_open_plan(account, |p| {
            depth::log_check_in(p, day, &text, health, today)
        }) {
            Ok(()) => {
                note.set(String::new());
                app.show_toast("Check-in logged.", None);
            }
            Err(e) => {
                c_errors.show_paths([(e.path.as_str(), e.message.as_str())], "", &CHECK_IN_KEYS)
            }
        }
    };
    let log = on_submit("#rc-checkin", c_errors, save_check_in);

    view! {
        <section class="card rc-card" aria-labelledby="rc-h">
            <div class="section-head">
                <h2 id="rc-h">"Recovery plan"</h2>
                <p class="rc-summary">{move || recovery.with(|r| r.as_ref().map(|r| r.summary()))}</p>
            </div>
            <p class="hint">"Milestones the customer can measure: if this is fixed by that date, their confidence should be back to this level. Promise only what we can deliver."</p>
            {move || {
                let list = milestones();
                if list.is_empty() {
                    return view! { <p class="muted">"No milestones yet."</p> }.into_any();
                }
                let today = app.today.get();
                view! {
                    <ul class="rc-milestones">
                        {list.into_iter().enumerate().map(|(i, m)| {
                            let cb = format!("rc-met-{i}");
                            let late = m.is_late(today);
                            let met_now = m.is_met();
                            let what = m.what.clone();
                            let target = format!(" · target: {} · by {}", m.target, long(m.by));
                            view! {
                                <li class="rc-milestone" class:done=m.is_met() class:late=late>
                                    <Tick id=cb label_class="task-text" checked=Model::new(move || met_now, move |on: bool| {
                                        let today = app.today.get_untracked();
                                        let met = on.then_some(today);
                                        let _ = account.update(|a| match a.save_plans.current_mut() {
                                            Some(p) => depth::set_milestone_met(p, i, met, today),
                                            None => Err(FieldError::bare("This plan is closed.")),
                                        });
                                    })>
                                        <strong>{what}</strong>
                                        {target}
                                    </Tick>
                                    <span class="rc-state">{match (m.met_on, late) {
                                        (Some(d), _) => format!("met {}", long(d)),
                                        (None, true) => "late".to_string(),
                                        (None, false) => "not met yet".to_string(),
                                    }}</span>
                                    <ConfirmButton label="Remove" question=Signal::stored("Remove this milestone?".to_string())
                                        confirm_label="Yes, remove" danger=true
                                        on_confirm=move |_| {
                                            let _ = account.update(|a| a.save_plans.current_mut().and_then(|p| depth::remove_milestone(p, i)).map(|_| ()).ok_or_else(|| "Gone.".to_string()));
                                        }/>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <form class="rc-add" id="rc-add" on:submit=add_milestone novalidate>
                <h3>"Add a milestone"</h3>
                <div class="grid-3">
                    <Field id="rc-what" label="Milestone" error=m_errors.at(MilestoneField::What)>
                        <TextInput value=what placeholder="Export bug fixed"/>
                    </Field>
                    <Field id="rc-target" label="Measured by" error=m_errors.at(MilestoneField::Target)>
                        <TextInput value=target placeholder="No failed export for 2 weeks"/>
                    </Field>
                    <Field id="rc-by" label="By" error=m_errors.at(MilestoneField::By)>
                        <DateInput value=by/>
                    </Field>
                </div>
                <FormMessage errors=m_errors/>
                <button type="submit" class="btn btn-small">"Add milestone"</button>
            </form>
            <h3 class="rc-log-h">"Weekly check-ins"</h3>
            {move || DataTable::new("rc-log", check_ins().into_iter().rev().collect())
                .bare()
                .empty_muted("No check-in logged yet.")
                .col("Day", |c| long(c.on))
                .col("Health", |c| c.health.map_or("no score".to_string(), |h| format!("{h:.0}")))
                .col("Note", |c| c.note.clone())
                .view()}
            <form class="rc-checkin" id="rc-checkin" on:submit=log novalidate>
                <div class="grid-3">
                    <Field id="rc-on" label="Check-in on" error=c_errors.at(CheckInField::On)>
                        <DateInput value=on/>
                    </Field>
                </div>
                <Field id="rc-note" label="What came out of it" error=c_errors.at(CheckInField::Note)>
                    <TextArea value=note rows=2/>
                </Field>
                <FormMessage errors=c_errors/>
                <button type="submit" class="btn btn-small">"Log check-in"</button>
                <p class="hint">"The health score of that day is kept with the note. Logging ticks the next weekly check-in step."</p>
            </form>
        </section>
    }
}

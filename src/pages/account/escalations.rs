//! The Escalations tab (docs/account-depth.md#escalations): each escalation with its
//! severity, owner and the four steps of the loop (clarify, set an owner, tell the
//! customer the timeline, close the loop), each ticked with its date; the next customer
//! update; and the flags (update late, resolved but not confirmed for 7 days).

use leptos::prelude::*;

use super::use_account;
use crate::components::confirm::ConfirmButton;
use crate::components::form::{
    on_submit, DateInput, DoneOn, Field, FormErrors, FormMessage, Model, RowMessage, Select,
    TextInput, Tick,
};
use crate::components::owner_field::{OwnerNames, OWNER_LIST_ID};
use crate::domain::dates::{long, read_optional_date, relative};
use crate::domain::escalations::{Escalation, EscalationId, Severity, Step};
use crate::domain::renewal::parse_done_on;
use crate::state::use_app;

fn severity_options() -> Vec<(String, String)> {
    Severity::ALL
        .into_iter()
        .map(|s| (s.key().to_string(), s.label().to_string()))
        .collect()
}

/// The fields of the escalation forms (the new one and each card).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum EsField {
    Issue,
    OpenedOn,
    Owner,
    NextUpdate,
    Step(Step),
}

/// Shows the domain's messages, given by field key, at the form's fields.
fn show_errors(errors: FormErrors<EsField>, found: &[crate::domain::FieldError]) {
    let mut keys = vec![
        ("issue", EsField::Issue),
        ("opened_on", EsField::OpenedOn),
        ("owner", EsField::Owner),
        ("next_update", EsField::NextUpdate),
    ];
    keys.extend(Step::ALL.map(|s| (s.key(), EsField::Step(s))));
    errors.show_paths(
        found.iter().map(|e| (e.path.as_str(), e.message.as_str())),
        "",
        &keys,
    );
}

#[component]
pub fn AccountEscalations() -> impl IntoView {
    let app = use_app();
    let account = use_account();
    let ids = account.read(move |a| {
        a.escalations
            .sorted(app.today.get())
            .into_iter()
            .map(|(i, _)| i)
            .collect::<Vec<_>>()
    });
    let open = account.read(|a| a.escalations.open_count());
    let open_count = move || open.get();
    view! {
        <div class="es-tab">
            <NewEscalation/>
            <section class="card" aria-labelledby="es-list-h">
                <div class="section-head">
                    <h2 id="es-list-h">"Escalations"</h2>
                    <p>{move || match open_count() { 0 => "None open".to_string(), n => crate::domain::plural(n, "open", "open") }}</p>
                </div>
                <p class="hint">"The loop: clarify the issue with the customer, set an owner, tell the customer when they will hear from us next, then close the loop: resolved, and confirmed with them. Open escalations appear in the QBR's challenges and next to the support signal on the Health tab; they never change the score."</p>
                {move || ids.with(Vec::is_empty).then(|| view! { <p class="muted">"No escalations recorded."</p> })}
                <For each=move || ids.get() key=|i| *i let:eid>
                    <EscalationCard eid=eid/>
                </For>
            </section>
            <OwnerNames/>
        </div>
    }
}

#[component]
fn NewEscalation() -> impl IntoView {
    let app = use_app();
    let account = use_account();
    let issue = RwSignal::new(String::new());
    let severity = RwSignal::new(Severity::High.key().to_string());
    let opened = RwSignal::new(app.today.get_untracked().to_string());
    let owner = RwSignal::new(String::new());
    let errors = FormErrors::<EsField>::new();
    let save = move || {
        errors.clear();
        let today = app.today.get_untracked();
        let opened_on = match read_optional_date(&opened.get_untracked()) {
            Ok(Some(d)) => d,
            Ok(None) => {
                errors.set(
                    EsField::OpenedOn,
                    Some("Give the day it was escalated.".into()),
                );
                return;
            }
            Err(e) => {
                errors.set(EsField::OpenedOn, Some(e.message));
                return;
            }
        };
        let sev = Severity::from_key(&severity.get_untracked()).unwrap_or(Severity::High);
        let mut e = Escalation::new(&issue.get_untracked(), sev, opened_on);
        e.owner = owner.get_untracked();
        if let Err(found) = e.validate(Some(today)) {
            show_errors(errors, &found);
            return;
        }
        let r = account.update(|a| {
            a.escalations
                .add(e, today)
                .map_err(|v| v[0].message.clone())
        });
        match r {
            Ok(_) => {
                issue.set(String::new());
                owner.set(String::new());
                app.show_toast(
                    "Escalation recorded. Next: clarify the issue with the customer.",
                    None,
                );
            }
            Err(m) => errors.set_form(Some(m)),
        }
    };
    let submit = on_submit("#es-new", errors, save);
    view! {
        <section class="card" aria-labelledby="es-new-h">
            <h2 id="es-new-h">"Record an escalation"</h2>
            <form class="es-form" id="es-new" on:submit=submit novalidate>
                <Field id="es-issue" label="Issue (as the customer would read it: it goes into the QBR's challenges)" error=errors.at(EsField::Issue)>
                    <TextInput value=issue/>
                </Field>
                <div class="grid-3">
                    <Field id="es-severity" label="Severity">
                        <Select value=severity options=severity_options()/>
                    </Field>
                    <Field id="es-opened" label="Escalated on" error=errors.at(EsField::OpenedOn)>
                        <DateInput value=opened/>
                    </Field>
                    <Field id="es-owner" label="Owner (optional now)" error=errors.at(EsField::Owner)>
                        <TextInput value=owner list=Some(OWNER_LIST_ID)/>
                    </Field>
                </div>
                <FormMessage errors=errors/>
                <button type="submit" class="btn btn-primary">"Record escalation"</button>
            </form>
        </section>
    }
}

#[component]
fn EscalationCard(eid: EscalationId) -> impl IntoView {
    let app = use_app();
    let account = use_account();
    let esc = account.read(move |a| a.escalations.get(eid).cloned());
    let errors = FormErrors::<EsField>::new();
    let dom = format!("es-{}", eid.0);
    // Saves a changed copy; the messages land at their fields.
    let save = move |change: &dyn Fn(&mut Escalation)| {
        let Some(mut e) = esc.get_untracked() else {
            return;
        };
        change(&mut e);
        let today = app.today.get_untracked();
        errors.clear();
        let mut found = Vec::new();
        let r = account.update(|a| {
            a.escalations.update(eid, e, today).map_err(|v| {
                found = v;
                String::new()
            })
        });
        if r.is_err() {
            show_errors(errors, &found);
        }
    };
    let owner = RwSignal::new(
        esc.with_untracked(|e| e.as_ref().map(|e| e.owner.clone()).unwrap_or_default()),
    );
    let next_update = RwSignal::new(esc.with_untracked(|e| {
        e.as_ref()
            .and_then(|e| e.next_update)
            .map(|d| d.to_string())
            .unwrap_or_default()
    }));
    let flags = move || {
        let today = app.today.get();
        esc.with(|e| e.as_ref().map(|e| e.flags(today)).unwrap_or_default())
    };
    let step_dom = dom.clone();
    let step_row = move |step: Step| {
        let cb = format!("{step_dom}-{}", step.key());
        let date_id = format!("{cb}-date");
        let done = move || esc.with(|e| e.as_ref().and_then(|e| e.done_on(step)));
        let tick = move |on: Option<chrono::NaiveDate>| match on {
            Some(d) => save(&move |e: &mut Escalation| {
                e.done[step as usize] = Some(d);
                if step == Step::SetOwner {
                    e.owner = owner.get_untracked();
                }
                if step == Step::TellTimeline {
                    e.next_update = read_optional_date(&next_update.get_untracked())
                        .ok()
                        .flatten();
                }
            }),
            None => {
                errors.clear();
                account.change(|a| a.escalations.undo_step(eid, step));
            }
        };
        let pick_day = Callback::new(move |text: String| {
            let today = app.today.get_untracked();
            match parse_done_on(&text, today) {
                Ok(d) => tick(Some(d)),
                Err(m) => errors.set(EsField::Step(step), Some(m.message)),
            }
        });
        let max = Signal::derive(move || app.today.get().to_string());
        let date_id2 = date_id.clone();
        view! {
            <li class="es-step" class:done=move || done().is_some()>
                <div class="task-main">
                    // A refused step stays unticked on screen too (`Tick` shows what was kept).
                    <Tick id=cb.clone() label_class="task-text" checked=Model::new(move || done().is_some(), move |on: bool| {
                        let today = app.today.get_untracked();
                        tick(on.then_some(today));
                    })>
                        {step.label()}
                    </Tick>
                    {move || done().map(|d| view! {
                        <DoneOn id=date_id2.clone() label="on" day=d error=errors.at(EsField::Step(step))
                            max=max on_change=pick_day/>
                    })}
                </div>
                <RowMessage id=date_id error=errors.at(EsField::Step(step))/>
            </li>
        }
    };
    let owner_id = format!("{dom}-owner");
    let update_id = format!("{dom}-next");
    move || {
        let Some(e) = esc.get() else {
            return ().into_any();
        };
        let open = e.is_open();
        let sev = e.severity;
        let sev_key = RwSignal::new(sev.key().to_string());
        view! {
            <article class="es-card" class:es-closed=!open class:es-flagged=move || !flags().is_empty()
                aria-label=format!("Escalation: {}", e.issue)>
                <header class="es-head">
                    <h3>{e.issue.clone()}</h3>
                    <span class=format!("es-sev es-sev-{}", sev.key())>{sev.label()}</span>
                    <span class="es-state">{if open { "Open" } else { "Closed" }}</span>
                </header>
                <p class="es-meta">{format!("Escalated {} ({})", long(e.opened_on), relative(app.today.get_untracked(), e.opened_on))}</p>
                {move || flags().into_iter().map(|f| view! { <p class="es-flag" role="status"><span aria-hidden="true">"⚑ "</span>{f.text()}</p> }).collect_view()}
                <div class="grid-3">
                    <Field id=format!("{dom}-sev") label="Severity">
                        <Select value=sev_key options=severity_options()
                            on_change=move |()| {
                                if let Some(s) = Severity::from_key(&sev_key.get_untracked()) {
                                    save(&move |e: &mut Escalation| e.severity = s);
                                }
                            }/>
                    </Field>
                    <Field id=owner_id.clone() label="Owner" error=errors.at(EsField::Owner)>
                        <TextInput value=owner list=Some(OWNER_LIST_ID)
                            on_change=move |()| save(&move |e: &mut Escalation| e.owner = owner.get_untracked())/>
                    </Field>
                    <Field id=update_id.clone() label="Next customer update due" error=errors.at(EsField::NextUpdate)>
                        <DateInput value=next_update
                            on_change=move |()| match read_optional_date(&next_update.get_untracked()) {
                                Ok(d) => save(&move |e: &mut Escalation| e.next_update = d),
                                Err(m) => errors.set(EsField::NextUpdate, Some(m.message)),
                            }/>
                    </Field>
                </div>
                <ol class="es-steps">
                    {Step::ALL.into_iter().map(&step_row).collect_view()}
                </ol>
                <FormMessage errors=errors/>
                <div class="actions">
                    <ConfirmButton label="Remove" question=Signal::stored("Remove this escalation and its history?".to_string())
                        confirm_label="Yes, remove" danger=true
                        on_confirm=move |_| {
                            let _ = account.update(|a| a.escalations.remove(eid).map(|_| ()).ok_or_else(|| "Already removed.".to_string()));
                        }/>
                </div>
            </article>
        }
        .into_any()
    }
}

//! The Expansion tab: signals that the account may be ready to grow, the readiness
//! checklist (four ticks and the renewal window, computed), the warning when an
//! opportunity is pursued before ROI is documented, and the opportunities themselves
//! (docs/domain.md#expansion).

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::use_account;
use crate::components::confirm::ConfirmButton;
use crate::components::form::{
    focus_first_error, DateInput, Field, FormErrors, Model, NumberInput, Select, TextInput, Tick,
};
use crate::derived::use_workspace_wide;
use crate::domain::dates::{long, relative};
use crate::domain::expansion::{
    expansion_signals, parse_estimated_arr, ExpansionSignal, Opportunity, OpportunityDraft,
    OpportunityField, OpportunityId, OpportunityType, ReadinessItem, Stage, MAX_DESCRIPTION_LEN,
    MAX_TRIGGER_LEN,
};
use crate::domain::text::MAX_OWNER_LEN;
use crate::state::use_app;

#[component]
pub fn AccountExpansion() -> impl IntoView {
    view! {
        <crate::components::arr_history::WonOffer/>
        <div class="expansion-tab">
            <div class="expansion-top">
                <Signals/>
                <Readiness/>
            </div>
            <Opportunities/>
        </div>
    }
}

// ---------------------------------------------------------------------------------------
// Signals

#[component]
fn Signals() -> impl IntoView {
    let app = use_app();
    let account = use_account();
    let data = move || {
        account.with(|a| {
            let latest = a.health.latest();
            let usage = latest.and_then(|s| s.signals.usage.map(|p| p.value()));
            let nps = latest.and_then(|s| s.signals.nps.map(|n| n.value()));
            (
                latest.map(|s| s.date),
                expansion_signals(usage, nps, a.expansion.ticks),
            )
        })
    };
    view! {
        <section class="card signals-card" aria-labelledby="signals-h">
            <h2 id="signals-h">"Expansion signals"</h2>
            {move || {
                let today = app.today.get();
                let Some((as_of, signals)) = data() else { return ().into_any() };
                let source = match as_of {
                    Some(d) => format!("Usage and NPS from the health check-in of {} ({}).", long(d), relative(today, d)),
                    None => "No health check-in yet: usage near the plan limit and NPS 9-10 show here once one is recorded.".to_string(),
                };
                if signals.is_empty() {
                    view! {
                        <p class="muted">"No signal yet. Seats running out, a promoter's NPS, documented ROI or a new team asking are the cues to look for."</p>
                        <p class="hint">{source}</p>
                    }.into_any()
                } else {
                    view! {
                        <ul class="signal-list">
                            {signals.into_iter().map(|s| {
                                let class = match s {
                                    ExpansionSignal::NearPlanLimits { .. } => "sig-usage",
                                    ExpansionSignal::Promoter { .. } => "sig-nps",
                                    ExpansionSignal::RoiDocumented => "sig-roi",
                                    ExpansionSignal::NewUseCaseOrTeam => "sig-team",
                                };
                                view! { <li class=class><span class="sig-mark" aria-hidden="true">"↗"</span>{s.text()}</li> }
                            }).collect_view()}
                        </ul>
                        <p class="hint">{source}</p>
                    }.into_any()
                }
            }}
        </section>
    }
}

// ---------------------------------------------------------------------------------------
// Readiness checklist

#[component]
fn Readiness() -> impl IntoView {
    let app = use_app();
    let account = use_account();
    let readiness = account.read(move |a| {
        Some(
            a.expansion
                .readiness(a.fields.renewal_date, app.today.get()),
        )
    });
    let ticks = account.read(|a| a.expansion.ticks);
    let manual = ReadinessItem::ALL
        .into_iter()
        .filter(|i| i.is_manual())
        .map(|item| {
            let cb = format!("ready-{}", item.key());
            view! {
                <li class="rn-check">
                    <Tick id=cb checked=Model::new(move || ticks.get().get(item), move |on: bool| {
                        account.change(|a| {
                            a.expansion.ticks.set(item, on);
                        });
                    })>
                        {item.label()}
                    </Tick>
                </li>
            }
        })
        .collect_view();
    let window_met = move || readiness.with(|r| r.is_some_and(|r| r.renewal.is_clear()));
    view! {
        <section class="card readiness-card" aria-labelledby="ready-h">
            <h2 id="ready-h">"Ready to expand?"</h2>
            <p class=move || if readiness.with(|r| r.is_some_and(|r| r.is_ready())) { "ready-sum is-ready" } else { "ready-sum" }>
                {move || readiness.with(|r| r.map(|r| if r.is_ready() {
                    "All five met: the value is proven, bring up expansion.".to_string()
                } else {
                    format!("{} of 5 met: not ready yet.", r.met_count())
                }))}
            </p>
            <ul class="checklist">
                {manual}
                <li class="computed" class:met=window_met>
                    <span class="computed-mark" aria-hidden="true">{move || if window_met() { "✓" } else { "✕" }}</span>
                    <span>
                        {ReadinessItem::RenewalNotWithin60Days.label()}
                        <span class="visually-hidden">{move || if window_met() { ": met" } else { ": not met" }}</span>
                        <span class="sub">{move || readiness.with(|r| r.map(|r| r.renewal.note()))}" Worked out from the renewal date."</span>
                    </span>
                </li>
            </ul>
        </section>
    }
}

// ---------------------------------------------------------------------------------------
// Opportunities

#[component]
fn Opportunities() -> impl IntoView {
    let account = use_account();
    let adding = RwSignal::new(false);
    let editing = RwSignal::new(None::<OpportunityId>);
    let currency = use_workspace_wide().currency;
    let ids_memo = account.read(|a| {
        a.expansion
            .opportunities()
            .iter()
            .map(|o| o.id())
            .collect::<Vec<_>>()
    });
    let ids = move || ids_memo.get();
    let warning_memo = account.read(|a| a.expansion.roi_warning());
    let warning = move || warning_memo.get();
    let sums = account.read(|a| (a.expansion.open_pipeline_arr(), a.expansion.won_arr()));
    let totals = move || {
        let (open, won) = sums.get();
        currency.with(|c| (c.format(open), c.format(won)))
    };
    let empty = move || ids_memo.with(Vec::is_empty);
    view! {
        <section class="opps-section" aria-labelledby="opps-h">
            <div class="section-head">
                <h2 id="opps-h" class="section-h">"Opportunities"</h2>
                <p class="opp-totals">{move || { let (open, won) = totals(); format!("Open pipeline {open} · won {won}") }}</p>
            </div>
            {move || warning().map(|w| view! {
                <div class="banner banner-warn" role="status">
                    <strong>"Value first. "</strong>{w}
                </div>
            })}
            <ul class="opps">
                <For each=ids key=|i| *i children=move |oid| view! {
                    <OpportunityItem oid=oid editing=editing/>
                }/>
            </ul>
            {move || (empty() && !adding.get()).then(|| view! {
                <p class="empty">"No opportunities yet. Add one when you see a trigger: seats running out, a workflow gap, a neighbouring use case, another team asking."</p>
            })}
            {move || if adding.get() {
                view! {
                    <OpportunityForm
                        existing=None
                        initial=OpportunityDraft::new(OpportunityType::SeatExpansion)
                        on_done=Callback::new(move |_| adding.set(false))/>
                }.into_any()
            } else {
                view! {
                    <button class="btn btn-primary" on:click=move |_| {
                        editing.set(None);
                        adding.set(true);
                    }>"Add opportunity"</button>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn OpportunityItem(oid: OpportunityId, editing: RwSignal<Option<OpportunityId>>) -> impl IntoView {
    let account = use_account();
    let opp = account.read(move |a| a.expansion.opportunity(oid).cloned());
    let without_roi = account.read(move |a| a.expansion.pursued_without_roi().contains(&oid));
    move || {
        let Some(o) = opp.get() else {
            return ().into_any();
        };
        if editing.get() == Some(oid) {
            return view! {
                <li class="opp editing">
                    <OpportunityForm existing=Some(oid) initial=o.to_draft()
                        on_done=Callback::new(move |_| editing.set(None))/>
                </li>
            }
            .into_any();
        }
        opportunity_card(o, oid, without_roi, editing).into_any()
    }
}

fn opportunity_card(
    o: Opportunity,
    oid: OpportunityId,
    without_roi: Memo<bool>,
    editing: RwSignal<Option<OpportunityId>>,
) -> impl IntoView {
    let app = use_app();
    let account = use_account();
    let today = app.today.get_untracked();
    let arr = use_workspace_wide()
        .currency
        .with_untracked(|c| c.format(o.estimated_arr()));
    let stage_id = format!("opp-{}-stage", oid.0);
    let desc = o.description().to_string();
    let past = o.is_past_target(today);
    let target = o
        .target_date()
        .map(|d| format!("{} ({})", long(d), relative(today, d)))
        .unwrap_or_else(|| "Not set".into());
    let desc_q = desc.clone();
    let stage = RwSignal::new(o.stage().key().to_string());
    let stage_options: Vec<(String, String)> = Stage::ALL
        .into_iter()
        .map(|s| (s.key().to_string(), s.label().to_string()))
        .collect();
    view! {
        <li class=format!("opp stage-{}", o.stage().key())>
            <div class="opp-head">
                <span class="opp-type">{o.kind().label()}</span>
                <h3 class="opp-desc">{desc.clone()}</h3>
                <Field id=stage_id.clone() label="Stage" class="stage-field">
                    <Select value=stage options=stage_options on_change=move |()| {
                        if let Some(s) = Stage::from_key(&stage.get_untracked()) {
                            account.change(|a| {
                                a.expansion.set_stage(oid, s);
                            });
                        }
                    }/>
                </Field>
            </div>
            {move || without_roi.get().then(|| view! {
                <p class="opp-warn"><span aria-hidden="true">"⚠ "</span>"Pursued before ROI is documented."</p>
            })}
            <dl class="opp-facts">
                <div><dt>"Trigger"</dt><dd>{if o.trigger().is_empty() { "—".to_string() } else { o.trigger().to_string() }}</dd></div>
                <div><dt>"Owner"</dt><dd>{if o.owner().is_empty() { "—".to_string() } else { o.owner().to_string() }}</dd></div>
                <div><dt>"Target date"</dt><dd class:past=past>{target}{past.then_some(" · past target")}</dd></div>
                <div><dt>"Estimated ARR"</dt><dd>{arr}</dd></div>
            </dl>
            <div class="actions">
                <button class="btn btn-small" on:click=move |_| editing.set(Some(oid))>"Edit"</button>
                <ConfirmButton
                    label="Remove"
                    question=Signal::derive(move || format!("Remove the opportunity \"{desc_q}\"?"))
                    confirm_label="Yes, remove"
                    danger=true
                    on_confirm=move |_| {
                        let removed = account.update(|a| {
                            a.expansion.remove(oid).ok_or_else(|| "already removed".to_string())
                        });
                        if removed.is_ok() {
                            app.show_toast("Opportunity removed.", None);
                        }
                    }
                />
            </div>
        </li>
    }
}

/// Which input a message belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum OppInput {
    Field(OpportunityField),
    TargetDate,
}

#[component]
fn OpportunityForm(
    existing: Option<OpportunityId>,
    initial: OpportunityDraft,
    #[prop(into)] on_done: Callback<()>,
) -> impl IntoView {
    let app = use_app();
    let account = use_account();
    let prefix = existing.map_or("opp-new".to_string(), |o| format!("opp-{}", o.0));
    let kind = RwSignal::new(initial.kind);
    let stage = RwSignal::new(initial.stage);
    let description = RwSignal::new(initial.description.clone());
    let trigger = RwSignal::new(initial.trigger.clone());
    let owner = RwSignal::new(if existing.is_none() && initial.owner.is_empty() {
        account
            .with_untracked(|a| a.fields.owner.clone())
            .unwrap_or_default()
    } else {
        initial.owner.clone()
    });
    let target = RwSignal::new(
        initial
            .target_date
            .map(|d| d.to_string())
            .unwrap_or_default(),
    );
    let arr = RwSignal::new(if initial.estimated_arr == 0.0 {
        String::new()
    } else {
        format!("{}", initial.estimated_arr)
    });
    let errors = FormErrors::<OppInput>::new();
    let type_id = format!("{prefix}-type");
    let kind_key = RwSignal::new(kind.get_untracked().key().to_string());
    let stage_key = RwSignal::new(stage.get_untracked().key().to_string());
    let stage_id = format!("{prefix}-stage-select");

    // The draft as typed, with parse problems of the date and amount.
    let build = move || -> (OpportunityDraft, Vec<(OppInput, String)>) {
        let mut problems = Vec::new();
        let target_date = {
            match crate::domain::dates::read_optional_date(&target.get_untracked()) {
                Ok(d) => d,
                Err(m) => {
                    problems.push((OppInput::TargetDate, m.message));
                    None
                }
            }
        };
        let estimated_arr = match parse_estimated_arr(&arr.get_untracked()) {
            Ok(v) => v,
            Err(e) => {
                problems.push((OppInput::Field(OpportunityField::EstimatedArr), e.message));
                0.0
            }
        };
        let draft = OpportunityDraft {
            kind: kind.get_untracked(),
            description: description.get_untracked(),
            trigger: trigger.get_untracked(),
            owner: owner.get_untracked(),
            target_date,
            estimated_arr,
            stage: stage.get_untracked(),
        };
        if let Err(es) = draft.clone().validate(OpportunityId(0)) {
            for e in es {
                let Some(f) = OpportunityField::from_key(&e.path) else {
                    continue;
                };
                let at = OppInput::Field(f);
                if !problems.iter().any(|(i, _)| *i == at) {
                    problems.push((at, e.message));
                }
            }
        }
        (draft, problems)
    };
    // On leaving a field: show or clear that field's message only.
    let check = move |at: OppInput| {
        let (_, problems) = build();
        errors.set(
            at,
            problems.into_iter().find(|(i, _)| *i == at).map(|(_, m)| m),
        );
    };
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let (draft, problems) = build();
        if !problems.is_empty() {
            errors.show(problems);
            focus_first_error("form.opp-form");
            return;
        }
        let result = account.update(|a| {
            let r = match existing {
                Some(oid) => a.expansion.update(oid, draft),
                None => a.expansion.add(draft).map(|_| ()),
            };
            r.map_err(|es| {
                es.first()
                    .map(|e| format!("{}|{}", e.path, e.message))
                    .unwrap_or_default()
            })
        });
        match result {
            Ok(()) => {
                errors.clear();
                app.show_toast(
                    if existing.is_some() {
                        "Opportunity saved."
                    } else {
                        "Opportunity added."
                    },
                    None,
                );
                on_done.run(());
            }
            Err(e) => {
                // Not expected after the checks above; show it at the description.
                let msg = e.split_once('|').map_or(e.clone(), |(_, m)| m.to_string());
                errors.set(OppInput::Field(OpportunityField::Description), Some(msg));
            }
        }
    };

    let currency = use_workspace_wide()
        .currency
        .with_untracked(|c| c.code().to_string());
    let text_field = move |at: OppInput,
                           sig: RwSignal<String>,
                           label: &'static str,
                           placeholder: Signal<String>,
                           max: usize| {
        let suffix = match at {
            OppInput::Field(f) => f.key(),
            OppInput::TargetDate => "target_date",
        };
        let leave = Callback::new(move |()| check(at));
        let maxlength = (max > 0).then(|| (max + 50) as u32);
        view! {
            <Field id=format!("{prefix}-{suffix}") label=label error=errors.at(at)
                unit=matches!(at, OppInput::Field(OpportunityField::EstimatedArr)).then(|| Signal::stored(currency.clone()))>
                {match at {
                    OppInput::TargetDate => view! {
                        <DateInput value=sig placeholder=placeholder on_change=leave/>
                    }.into_any(),
                    OppInput::Field(OpportunityField::EstimatedArr) => view! {
                        <NumberInput value=sig placeholder=placeholder on_change=leave/>
                    }.into_any(),
                    OppInput::Field(OpportunityField::Owner) => view! {
                        <TextInput value=sig placeholder=placeholder maxlength=maxlength on_change=leave
                            list=Some(crate::components::owner_field::OWNER_LIST_ID)/>
                        <crate::components::owner_field::OwnerNames/>
                    }.into_any(),
                    _ => view! {
                        <TextInput value=sig placeholder=placeholder maxlength=maxlength on_change=leave/>
                    }.into_any(),
                }}
            </Field>
        }
    };
    let type_options: Vec<(String, String)> = OpportunityType::ALL
        .into_iter()
        .map(|k| (k.key().to_string(), k.label().to_string()))
        .collect();
    let stage_options: Vec<(String, String)> = Stage::ALL
        .into_iter()
        .map(|s| (s.key().to_string(), s.label().to_string()))
        .collect();
    view! {
        <form class="card opp-form" on:submit=submit novalidate
            aria-label=if existing.is_some() { "Edit opportunity" } else { "New opportunity" }>
            <h3>{if existing.is_some() { "Edit opportunity" } else { "New opportunity" }}</h3>
            <div class="grid-2">
                <Field id=type_id label="Type">
                    <Select value=kind_key options=type_options
                        on_change=Callback::new(move |()| {
                            if let Some(k) = OpportunityType::from_key(&kind_key.get_untracked()) { kind.set(k) }
                        })/>
                </Field>
                <Field id=stage_id label="Stage">
                    <Select value=stage_key options=stage_options
                        on_change=Callback::new(move |()| {
                            if let Some(s) = Stage::from_key(&stage_key.get_untracked()) { stage.set(s) }
                        })/>
                </Field>
            </div>
            {text_field(OppInput::Field(OpportunityField::Description), description, "Description",
                Signal::stored("e.g. 200 more seats for the Basel lab".to_string()), MAX_DESCRIPTION_LEN)}
            <div class="grid-2">
                {text_field(OppInput::Field(OpportunityField::Trigger), trigger, "Trigger",
                    Signal::derive(move || format!("e.g. {}", kind.get().typical_trigger())), MAX_TRIGGER_LEN)}
                {text_field(OppInput::Field(OpportunityField::Owner), owner, "Owner",
                    Signal::stored("Who drives it".to_string()), MAX_OWNER_LEN)}
                {text_field(OppInput::TargetDate, target, "Target date",
                    Signal::stored("YYYY-MM-DD".to_string()), 0)}
                {text_field(OppInput::Field(OpportunityField::EstimatedArr), arr, "Estimated ARR",
                    Signal::stored("e.g. 40000".to_string()), 0)}
            </div>
            <div class="actions">
                <button type="submit" class="btn btn-primary">
                    {if existing.is_some() { "Save opportunity" } else { "Add opportunity" }}
                </button>
                <button type="button" class="btn btn-quiet" on:click=move |_| on_done.run(())>"Cancel"</button>
            </div>
        </form>
    }
}

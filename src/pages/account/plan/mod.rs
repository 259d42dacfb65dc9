//! The Plan tab: the account plan as a living document (docs/domain.md#plan). Each part is a
//! section; items are shown as text and edited in a small form that saves only a valid
//! value. The toolbar shares the account (with a colleague or with the customer, as a link
//! or a file: `components::share_link`); the
//! "Hand out the plan" card gives the plan as a document, the customer copy or the
//! internal version (docs/audience.md), as Markdown, in print and as a preview.
//!
//! Print: the browser's print of this tab prints the picked document only (see
//! `style/print.css`).

mod actions;
mod goals;
mod metrics;
mod risks;

use chrono::NaiveDate;
use leptos::prelude::*;

use super::overview::account_facts;
use super::{use_account, AccountHandle};
use crate::components::form::{Field, FormErrors, Model, TextArea, Tick};
pub(crate) use crate::components::item_editor::Editing;
use crate::components::item_editor::MoveFn;
use crate::components::markdown_out::DocumentOut;
use crate::components::share_link::{ShareBox, ShareToggle};
use crate::derived::{use_derived, use_workspace_wide};
use crate::domain::audience::Audience;
use crate::domain::items::Step;
use crate::domain::plan::{AccountPlan, FieldError, PlanContent, PlanFlag, PlanItem, Swot};
use crate::domain::{dates, AccountGone};
use crate::format::markdown::{doc_file_name, plan_doc, OpportunityRef, PlanInputs};
use crate::state::{use_app, AppState};

/// Runs `f` on the account's plan (stored only if it changed); `None` when the account
/// is gone.
pub(crate) fn change_plan<R>(
    app: AppState,
    account: AccountHandle,
    f: impl FnOnce(&mut AccountPlan, NaiveDate) -> R,
) -> Option<R> {
    let today = app.today.get_untracked();
    account
        .update(|a| Ok::<R, AccountGone>(f(&mut a.planning.plan, today)))
        .ok()
}

/// Applies `change` to the plan's content if the result is valid; otherwise nothing
/// changes and the domain's messages come back.
pub(crate) fn edit_plan(
    app: AppState,
    account: AccountHandle,
    change: impl FnOnce(&mut PlanContent),
) -> Result<(), Vec<FieldError>> {
    change_plan(app, account, |p, today| p.edit(today, change)).unwrap_or(Ok(()))
}

/// One line per linked opportunity for the Markdown: "Seat expansion: 200 more seats
/// (Qualifying, est. $120,000)".
pub(crate) fn opportunity_refs(
    account: AccountHandle,
    currency: &crate::domain::Currency,
) -> Vec<OpportunityRef> {
    account
        .with_untracked(|a| {
            a.expansion
                .opportunities()
                .iter()
                .map(|o| OpportunityRef {
                    id: o.id().0,
                    label: opportunity_label(o, currency),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// "Seat expansion: 200 more seats (Qualifying, est. $120,000)": an opportunity named in
/// a list or a picker.
pub(crate) fn opportunity_label(
    o: &crate::domain::expansion::Opportunity,
    currency: &crate::domain::Currency,
) -> String {
    format!(
        "{}: {} ({}, est. {})",
        o.kind().label(),
        o.description(),
        o.stage().label(),
        currency.format(o.estimated_arr())
    )
}

/// Shows the plan validator's messages at a form's fields: `prefix` is the path of the
/// edited item (`goals[1]`, or empty), `keys` names the form's fields by their last path
/// segment; any other message is the form's own.
pub(crate) fn show_plan_errors<K>(
    errors: FormErrors<K>,
    found: &[FieldError],
    prefix: &str,
    keys: &[(&str, K)],
) where
    K: Copy + Eq + std::hash::Hash + Send + Sync + 'static,
{
    errors.show_paths(
        found.iter().map(|e| (e.path.as_str(), e.message.as_str())),
        prefix,
        keys,
    );
}

/// Saves the item of a plan form by id: added when new, else put in the place of the
/// item it edits. When refused, the domain's messages are shown at the form's fields
/// (`keys`) and `false` comes back; nothing changed.
pub(crate) fn save_item<T: PlanItem, K>(
    app: AppState,
    account: AccountHandle,
    editing: Editing<T::Id>,
    item: T,
    errors: FormErrors<K>,
    keys: &[(&str, K)],
) -> bool
where
    K: Copy + Eq + std::hash::Hash + Send + Sync + 'static,
{
    let at = match editing {
        Editing::New => None,
        Editing::Item(i) => Some(i),
    };
    let result = change_plan(app, account, |p, today| {
        let prefix = p.content().item_path::<T>(at);
        let r = match at {
            None => p.add_item(item, today).map(|_| ()),
            Some(i) => p.replace_item(i, item, today),
        };
        r.map_err(|es| (prefix, es))
    })
    .unwrap_or(Ok(()));
    match result {
        Ok(()) => true,
        Err((prefix, es)) => {
            show_plan_errors(errors, &es, &prefix, keys);
            false
        }
    }
}

/// Removes and moves items of one kind by id; a refusal (the item was removed in the
/// meantime) is said in a toast.
pub(crate) fn item_actions<T: PlanItem>(
    app: AppState,
    account: AccountHandle,
) -> (Callback<T::Id>, MoveFn<T::Id>)
where
    T::Id: Send + Sync + 'static,
{
    let say = move |r: Option<Result<(), Vec<FieldError>>>| {
        if let Some(Err(es)) = r {
            app.show_toast(es[0].message.clone(), None);
        }
    };
    (
        Callback::new(move |item: T::Id| {
            say(change_plan(app, account, |p, today| {
                p.remove_item::<T>(item, today)
            }))
        }),
        Callback::new(move |(item, step): (T::Id, Step)| {
            say(change_plan(app, account, |p, today| {
                p.move_item::<T>(item, step, today)
            }))
        }),
    )
}

#[component]
pub fn AccountPlanTab() -> impl IntoView {
    let account = use_account();
    let plan = account.read(|a| a.planning.plan.clone());
    view! {
        <div class="plan-tab">
            <PlanHead account=account plan=plan/>
            <PlanOutput account=account/>
            <OverviewSection account=account plan=plan/>
            <goals::GoalsSection account=account plan=plan/>
            <metrics::MetricsSection account=account plan=plan/>
            <risks::RisksSection account=account plan=plan/>
            <SwotSection account=account plan=plan/>
            <OpportunitiesSection account=account plan=plan/>
            <actions::ActionsSection account=account plan=plan/>
        </div>
    }
}

/// Title, last updated, the output toolbar and the flags (the plan's own, and the
/// escalations whose promised update the customer copy shows as past).
#[component]
fn PlanHead(account: AccountHandle, plan: Memo<AccountPlan>) -> impl IntoView {
    let app = use_app();
    let last_updated = move || {
        let today = app.today.get();
        match plan.with(|p| p.last_updated()) {
            Some(d) => format!(
                "Last updated {} ({})",
                dates::long(d),
                dates::relative(today, d)
            ),
            None => "Not started yet".into(),
        }
    };
    let stale = move || plan.with(|p| p.is_stale(app.today.get()));
    let flags = move || {
        let today = app.today.get();
        plan.with(|p| {
            p.flags(today)
                .into_iter()
                .map(|f| {
                    let class = match f {
                        PlanFlag::Stale { .. } | PlanFlag::OverdueAction { .. } => "note note-red",
                        _ => "note note-yellow",
                    };
                    (class, f.message(p.content()))
                })
                .chain(
                    account
                        .with(|a| a.escalations.past_update_notes(today))
                        .unwrap_or_default()
                        .into_iter()
                        .map(|m| ("note note-yellow", m)),
                )
                .collect::<Vec<_>>()
        })
    };

    let share_open = RwSignal::new(false);

    view! {
        <section class="card plan-head" aria-labelledby="plan-title">
            <div class="plan-head-row">
                <div>
                    <h2 id="plan-title">"Account plan"</h2>
                    <p class="plan-updated" class:stale=stale>{last_updated}</p>
                </div>
                <div class="actions plan-tools screen-only" role="group" aria-label="Share this plan">
                    <ShareToggle open=share_open/>
                </div>
            </div>
            <div class="screen-only">
                <ShareBox open=share_open/>
            </div>
            {move || {
                let fs = flags();
                (!fs.is_empty()).then(|| view! {
                    <ul class="plan-flags screen-only" aria-label="Needs attention">
                        {fs.into_iter().map(|(class, msg)| view! {
                            <li class=class><span class="note-mark" aria-hidden="true">"!"</span>{msg}</li>
                        }).collect_view()}
                    </ul>
                })
            }}
        </section>
    }
}

/// The plan as a document: the customer copy or the internal version, as Markdown, in
/// print and as a preview (docs/audience.md).
#[component]
fn PlanOutput(account: AccountHandle) -> impl IntoView {
    let app = use_app();
    let tiers = use_derived().tiers;
    let currency = use_workspace_wide().currency;
    let make = Callback::new(move |audience: Audience| {
        let today = app.today.get();
        let currency = currency.get();
        let opps = opportunity_refs(account, &currency);
        let tier = tiers.with(|t| t.get(&account.id()).map(|t| t.tier))?;
        account.with(|a| {
            let inputs = PlanInputs {
                tier,
                currency: &currency,
                opportunities: &opps,
                today,
            };
            plan_doc(a, audience, &inputs)
        })
    });
    let file_name = Callback::new(move |audience: Audience| {
        let today = app.today.get_untracked();
        let name = account
            .with_untracked(|a| a.fields.name.clone())
            .unwrap_or_default();
        doc_file_name("account-plan", audience, &name, today)
    });
    view! { <DocumentOut make=make file_name=file_name what="plan" id="plan-doc"/> }
}

/// The account as it stands (read-only, from its fields) and the overview text.
#[component]
fn OverviewSection(account: AccountHandle, plan: Memo<AccountPlan>) -> impl IntoView {
    let app = use_app();
    let facts = account_facts(account);
    let text = RwSignal::new(plan.with_untracked(|p| p.content().overview.clone()));
    let errors = FormErrors::<()>::new();
    let save = Callback::new(move |()| {
        let t = text.get_untracked();
        match edit_plan(app, account, |c| c.overview = t.trim_end().to_string()) {
            Ok(()) => errors.clear(),
            Err(es) => show_plan_errors(errors, &es, "", &[("overview", ())]),
        }
    });
    let overview_href = format!("/accounts/{}", account.id().0);
    view! {
        <section class="card plan-section" aria-labelledby="plan-overview">
            <h2 id="plan-overview">"Overview"</h2>
            <dl class="facts">
                {move || facts().into_iter().map(|(k, v)| view! {
                    <div><dt>{k}</dt><dd>{v}</dd></div>
                }).collect_view()}
            </dl>
            <p class="hint screen-only">"These come from the account: change them on the "<a href=overview_href>"Overview tab"</a>"."</p>
            <div class="screen-only">
                <Field id="plan-overview-text" label="Where the account stands" error=errors.at(())>
                    <TextArea value=text rows=4 on_change=save
                        placeholder="What they bought and why, who drives it, what changed lately."/>
                </Field>
            </div>
            <div class="print-only print-text">{move || plan.with(|p| p.content().overview.clone())}</div>
        </section>
    }
}

/// Strengths, weaknesses, opportunities and threats: one entry per line.
#[component]
fn SwotSection(account: AccountHandle, plan: Memo<AccountPlan>) -> impl IntoView {
    let app = use_app();
    let quadrants = plan.with_untracked(|p| {
        p.content()
            .swot
            .quadrants()
            .map(|(q, entries)| (q, entries.join("\n")))
    });
    view! {
        <section class="card plan-section" aria-labelledby="plan-swot">
            <h2 id="plan-swot">"SWOT"</h2>
            <p class="hint screen-only">"One entry per line. Saved when you leave the box."</p>
            <div class="swot-grid">
                {quadrants.into_iter().map(|(q, initial)| {
                    let (title, key) = (q.title(), q.key());
                    let text = RwSignal::new(initial);
                    let errors = FormErrors::<()>::new();
                    let save = Callback::new(move |()| {
                        let typed = text.get_untracked();
                        let result = edit_plan(app, account, |c| c.swot.set_from_text(q, &typed));
                        match result {
                            Ok(()) => errors.clear(),
                            Err(es) => {
                                let mine: Vec<FieldError> = Swot::line_errors(&es, q)
                                    .into_iter()
                                    .map(|m| FieldError::new("entries", m))
                                    .collect();
                                show_plan_errors(errors, &mine, "", &[("entries", ())]);
                            }
                        }
                    });
                    let entries = move || plan.with(|p| p.content().swot.entries(q).to_vec());
                    view! {
                        <div class=format!("swot-box swot-{key}")>
                            <div class="screen-only">
                                <Field id=format!("swot-{key}") label=title error=errors.at(())>
                                    <TextArea value=text rows=5 on_change=save/>
                                </Field>
                            </div>
                            <div class="print-only">
                                <h3>{title}</h3>
                                {move || {
                                    let e = entries();
                                    if e.is_empty() {
                                        view! { <p class="muted">"None listed."</p> }.into_any()
                                    } else {
                                        view! { <ul>{e.into_iter().map(|x| view! { <li>{x}</li> }).collect_view()}</ul> }.into_any()
                                    }
                                }}
                            </div>
                        </div>
                    }
                }).collect_view()}
            </div>
        </section>
    }
}

/// Expansion opportunities linked from the account's pipeline (ticked, not copied).
#[component]
fn OpportunitiesSection(account: AccountHandle, plan: Memo<AccountPlan>) -> impl IntoView {
    let app = use_app();
    let currency = use_workspace_wide().currency;
    let error = RwSignal::new(None::<String>);
    let opps = account.read(|a| {
        a.expansion
            .opportunities()
            .iter()
            .map(|o| {
                (
                    o.id().0,
                    o.kind().label(),
                    o.description().to_string(),
                    o.stage().label(),
                    o.estimated_arr(),
                )
            })
            .collect::<Vec<_>>()
    });
    let rows = move || {
        let currency = currency.get();
        opps.get()
            .into_iter()
            .map(|(oid, kind, desc, stage, arr)| (oid, kind, desc, stage, currency.format(arr)))
            .collect::<Vec<_>>()
    };
    let linked = move || plan.with(|p| p.content().opportunity_ids.clone());
    let toggle = move |opp: u32, on: bool| {
        let result = edit_plan(app, account, |c| {
            c.opportunity_ids.retain(|x| *x != opp);
            if on {
                c.opportunity_ids.push(opp);
            }
        });
        error.set(result.err().map(|es| es[0].message.clone()));
    };
    let gone = move || {
        let known: Vec<u32> = rows().iter().map(|r| r.0).collect();
        linked()
            .into_iter()
            .filter(|x| !known.contains(x))
            .collect::<Vec<_>>()
    };
    view! {
        <section class="card plan-section" aria-labelledby="plan-opps">
            <h2 id="plan-opps">"Expansion opportunities"</h2>
            {move || {
                let rs = rows();
                if rs.is_empty() {
                    view! {
                        <p class="empty-note">"No opportunities yet."</p>
                        <p class="hint screen-only">"Add them to the account's expansion pipeline first; then tick here the ones this plan pursues."</p>
                    }.into_any()
                } else {
                    let linked_now = linked();
                    view! {
                        <p class="hint screen-only">"Tick the opportunities this plan pursues. They stay in the pipeline; the plan links to them."</p>
                        <ul class="opp-list">
                            {rs.into_iter().map(|(oid, kind, desc, stage, arr)| {
                                let on = linked_now.contains(&oid);
                                let box_id = format!("opp-{oid}");
                                view! {
                                    <li class:linked=on>
                                        <Tick id=box_id class="screen-only" checked=Model::new(move || on, move |t| toggle(oid, t))>
                                            <strong>{kind}</strong>": "{desc}
                                            <span class="sub">{format!("{stage} · est. {arr} ARR")}</span>
                                        </Tick>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                        <p class="print-only muted">{(linked_now.is_empty()).then_some("None linked yet.")}</p>
                    }.into_any()
                }
            }}
            {move || gone().into_iter().map(|oid| view! {
                <p class="note note-yellow">
                    {format!("Opportunity {oid} is linked but no longer in the pipeline. ")}
                    <button type="button" class="btn btn-small screen-only" on:click=move |_| toggle(oid, false)>"Unlink"</button>
                </p>
            }).collect_view()}
            <p class="field-error" role="alert">{move || error.get()}</p>
        </section>
    }
}

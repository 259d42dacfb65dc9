//! The read-only view of a shared account, shown first when a share link is opened (and
//! for a customer file): a header and a row of section tabs, as on an account's own page,
//! without any control that edits.
//!
//! A **customer** share shows only what its account holds, which is the customer copy
//! already: goals, success metrics, shared actions and QBRs (agenda, invited attendees,
//! value delivered, challenges, roadmap, mutual actions). It offers no import.
//! A **colleague** share shows the whole account, says that it includes internal notes,
//! and offers "Import…", which opens the same preview-and-import flow as a file.

use crate::domain::order;
use chrono::NaiveDate;
use leptos::prelude::*;

use crate::components::data_table::DataTable;
use crate::components::shared_account::SharedAccountPreview;
use crate::domain::account::timeline_of;
use crate::domain::dates::long;
use crate::domain::plan::{
    short_number, with_unit, ActionStatus, MetRule, MetStatus, RiskStatus, SuccessMetric,
};
use crate::domain::qualify::Framework;
use crate::domain::{plural, Account, Currency};
use crate::format::markdown::owner_for_customer;
use crate::format::share::{ShareKind, SharedAccount};

/// One tab of the view: its label and what it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Goals,
    Metrics,
    SharedActions,
    Qbrs,
    Overview,
    Plan,
    People,
    Health,
    Renewal,
    Expansion,
    Qualification,
    SavePlans,
}

impl Section {
    fn label(self) -> &'static str {
        match self {
            Section::Goals => "Goals",
            Section::Metrics => "Success metrics",
            Section::SharedActions => "Actions",
            Section::Qbrs => "QBRs",
            Section::Overview => "Overview",
            Section::Plan => "Plan",
            Section::People => "People",
            Section::Health => "Health",
            Section::Renewal => "Renewal",
            Section::Expansion => "Expansion",
            Section::Qualification => "Qualification",
            Section::SavePlans => "Save plans",
        }
    }

    fn key(self) -> &'static str {
        match self {
            Section::Goals => "goals",
            Section::Metrics => "metrics",
            Section::SharedActions => "actions",
            Section::Qbrs => "qbrs",
            Section::Overview => "overview",
            Section::Plan => "plan",
            Section::People => "people",
            Section::Health => "health",
            Section::Renewal => "renewal",
            Section::Expansion => "expansion",
            Section::Qualification => "qualification",
            Section::SavePlans => "save-plans",
        }
    }

    fn of(kind: ShareKind) -> &'static [Section] {
        match kind {
            ShareKind::Customer => &[
                Section::Goals,
                Section::Metrics,
                Section::SharedActions,
                Section::Qbrs,
            ],
            ShareKind::Colleague => &[
                Section::Overview,
                Section::Plan,
                Section::Qbrs,
                Section::People,
                Section::Health,
                Section::Renewal,
                Section::Expansion,
                Section::Qualification,
                Section::SavePlans,
            ],
        }
    }
}

fn or_dash(s: &str) -> String {
    if s.trim().is_empty() {
        "—".into()
    } else {
        s.to_string()
    }
}

fn date_or_dash(d: Option<NaiveDate>) -> String {
    d.map(long).unwrap_or_else(|| "—".into())
}

fn empty(text: &'static str) -> AnyView {
    view! { <p class="empty-note">{text}</p> }.into_any()
}

/// A block of text as the author wrote it (line breaks kept), or a dash.
fn prose(text: &str) -> AnyView {
    let t = text.trim().to_string();
    if t.is_empty() {
        view! { <p class="muted">"—"</p> }.into_any()
    } else {
        view! { <p class="pre">{t}</p> }.into_any()
    }
}

fn status_badge(s: MetStatus) -> AnyView {
    let (class, mark) = match s {
        MetStatus::Met => ("status status-green", "✓"),
        MetStatus::NotMet => ("status status-red", "✗"),
        MetStatus::Unknown => ("status status-grey", "?"),
    };
    view! { <span class=class><span aria-hidden="true">{mark}" "</span>{s.label()}</span> }
        .into_any()
}

fn target_text(m: &SuccessMetric) -> String {
    match m.rule {
        MetRule::AtLeast => format!("at least {}", m.show(m.target)),
        MetRule::AtMost => format!("at most {}", m.show(m.target)),
        MetRule::Manual { .. } => "agreed by hand".into(),
    }
}

fn goals(a: &Account) -> AnyView {
    let goals = a.planning.plan.content().goals.clone();
    if goals.is_empty() {
        return empty("No goals written yet.");
    }
    view! {
        <ol class="goal-list">
            {goals.into_iter().enumerate().map(|(i, g)| view! {
                <li class="goal">
                    <p class="goal-num">{format!("Goal {}", i + 1)}</p>
                    <p class="goal-text">{g.text}</p>
                    <dl class="goal-meta">
                        <dt>"Source"</dt><dd>{or_dash(&g.source)}</dd>
                        <dt>"How we help"</dt><dd class="pre">{or_dash(&g.mapping)}</dd>
                    </dl>
                </li>
            }).collect_view()}
        </ol>
    }
    .into_any()
}

fn metrics(a: &Account) -> AnyView {
    let metrics = a.planning.plan.content().metrics.clone();
    DataTable::new("plan-table", metrics)
        .stacked()
        .empty("No success metrics agreed yet.")
        .row_head("Metric", |m| m.name.clone())
        .col("Target", target_text)
        .col("Now", |m| {
            m.current
                .map(|c| with_unit(c, &m.unit))
                .unwrap_or_else(|| "not measured yet".into())
        })
        .col("Status", |m| status_badge(m.status()))
        .view()
}

/// The plan's actions with their goal and status (in a customer share, the plan holds
/// only the actions shared with the customer, and owners read as the customer documents
/// name them: "Dana Ruiz (Northwind Logistics)", "Priya Raman (account team)").
fn actions(a: &Account, kind: ShareKind) -> AnyView {
    let plan = a.planning.plan.content().clone();
    let owner_of = |x: &crate::domain::plan::Action| -> String {
        let side = a
            .planning
            .qbrs()
            .iter()
            .flat_map(|q| q.mutual_actions.iter())
            .find(|m| m.pushed_as == Some(x.id))
            .map(|m| m.side);
        match (kind, side) {
            (ShareKind::Customer, Some(side)) => owner_for_customer(&x.owner, side, &a.fields.name),
            _ => or_dash(&x.owner),
        }
    };
    DataTable::new("plan-table", plan.actions.clone())
        .stacked()
        .empty("No actions yet.")
        .row_head("Action", |x| x.text.clone())
        .col("Owner", owner_of)
        .col("Due", |x| long(x.due))
        .col("Goal", |x| {
            x.goal
                .and_then(|g| plan.goal_number(g))
                .map(|n| format!("Goal {n}"))
                .unwrap_or_else(|| "—".into())
        })
        .col("Status", |x| match x.status {
            ActionStatus::Done { on } => format!("Done {}", long(on)),
            ActionStatus::Open => "Open".into(),
        })
        .view()
}

fn qbrs(a: &Account, kind: ShareKind) -> AnyView {
    let mut list = a.planning.qbrs().to_vec();
    if list.is_empty() {
        return empty("No QBR planned yet.");
    }
    order::sort_by_key(&mut list, |q| std::cmp::Reverse(q.date));
    let account_name = a.fields.name.clone();
    let people: Vec<(u32, String, String)> = a
        .stakeholders
        .people()
        .iter()
        .map(|p| (p.id.0, p.fields.name.clone(), p.fields.title.clone()))
        .collect();
    list.into_iter()
        .map(|q| {
            let attendees: Vec<String> = q
                .attendees
                .iter()
                .filter_map(|id| people.iter().find(|p| p.0 == *id))
                .map(|(_, n, t)| if t.is_empty() { n.clone() } else { format!("{n}, {t}") })
                .collect();
            let notes = (kind == ShareKind::Colleague && !q.notes.trim().is_empty())
                .then(|| q.notes.clone());
            view! {
                <article class="card sv-qbr">
                    <h3>{format!("QBR on {}, {}", long(q.date), q.time_range())}</h3>
                    <div class="sv-cols">
                        <div>
                            <h4>"Agenda"</h4>
                            <ol class="sv-agenda">
                                {q.agenda().into_iter().map(|(time, slot)| view! {
                                    <li><span class="sv-time">{time}</span>" "{slot.topic.title()}</li>
                                }).collect_view()}
                            </ol>
                        </div>
                        <div>
                            <h4>"Invited"</h4>
                            {if attendees.is_empty() {
                                view! { <p class="muted">"Nobody invited yet."</p> }.into_any()
                            } else {
                                view! { <ul>{attendees.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul> }.into_any()
                            }}
                        </div>
                    </div>
                    <h4>"Value delivered"</h4>
                    {prose(&q.value_delivered)}
                    <h4>"Challenges"</h4>
                    {prose(&q.challenges)}
                    <h4>"Roadmap"</h4>
                    {prose(&q.roadmap)}
                    <h4>"Mutual action plan"</h4>
                    {DataTable::new("plan-table", q.mutual_actions.clone())
                        .stacked()
                        .empty_muted("No actions agreed yet.")
                        .row_head("Action", |m| m.text.clone())
                        .col("Owner", |m| match kind {
                            ShareKind::Customer => owner_for_customer(&m.owner, m.side, &account_name),
                            ShareKind::Colleague => or_dash(&m.owner_label()),
                        })
                        .col("Due", |m| long(m.due))
                        .view()}
                    {notes.map(|n| view! { <h4>"Notes (internal)"</h4><p class="pre">{n}</p> })}
                </article>
            }
        })
        .collect_view()
        .into_any()
}

fn overview(a: &Account, currency: &Currency) -> AnyView {
    let f = &a.fields;
    let facts: Vec<(&'static str, String)> = vec![
        ("Industry", or_dash(&f.industry)),
        (
            "Segment",
            f.segment
                .map(|s| s.label().to_string())
                .unwrap_or_else(|| "—".into()),
        ),
        (
            "Size",
            f.size
                .map(|s| s.label().to_string())
                .unwrap_or_else(|| "—".into()),
        ),
        ("Primary use case", or_dash(&f.primary_use_case)),
        ("Products", or_dash(&f.products.join(", "))),
        ("ARR", currency.format(f.arr)),
        ("Contract start", date_or_dash(f.contract_start)),
        ("Renewal", date_or_dash(f.renewal_date)),
        ("Account owner", or_dash(&f.owner)),
        (
            "Tier",
            f.tier_override
                .map(|t| format!("{} (set by hand)", t.label()))
                .unwrap_or_else(|| "from ARR".into()),
        ),
    ];
    view! {
        <div class="card">
            <dl class="facts">
                {facts.into_iter().map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
            </dl>
            <h4>"Notes"</h4>
            {prose(&f.notes)}
        </div>
    }
    .into_any()
}

fn plan(a: &Account) -> AnyView {
    let c = a.planning.plan.content().clone();
    let updated = a
        .planning
        .plan
        .last_updated()
        .map(|d| format!("Last updated {}.", long(d)))
        .unwrap_or_else(|| "Not updated yet.".into());
    view! {
        <div class="card">
            <p class="hint">{updated}</p>
            <h3>"Overview"</h3>
            {prose(&c.overview)}
            <h3>"Goals"</h3>
            {goals(a)}
            <h3>"Success metrics"</h3>
            {metrics(a)}
            <h3>"Risks"</h3>
            {if c.risks.is_empty() {
                empty("No risks written.")
            } else {
                view! {
                    <ul class="sv-list">
                        {c.risks.iter().map(|r| view! {
                            <li><strong>{r.risk.clone()}</strong>{if r.status == RiskStatus::Closed { " (closed)" } else { " (open)" }}
                                {(!r.mitigation.trim().is_empty()).then(|| view! { <span class="pre">{format!(" — {}", r.mitigation)}</span> })}
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <h3>"SWOT"</h3>
            <div class="sv-cols">
                {c.swot.quadrants().into_iter().map(|(q, lines)| view! {
                    <div>
                        <h4>{q.title()}</h4>
                        {if lines.is_empty() {
                            view! { <p class="muted">"—"</p> }.into_any()
                        } else {
                            view! { <ul>{lines.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view()}</ul> }.into_any()
                        }}
                    </div>
                }).collect_view()}
            </div>
            <h3>"90-day actions"</h3>
            {actions(a, ShareKind::Colleague)}
        </div>
    }
    .into_any()
}

fn people(a: &Account) -> AnyView {
    let list: Vec<_> = a
        .stakeholders
        .people()
        .iter()
        .map(|p| p.fields.clone())
        .collect();
    DataTable::new("plan-table", list)
        .stacked()
        .empty("Nobody mapped yet.")
        .row_head("Name", |f| {
            let name = if f.title.is_empty() {
                f.name.clone()
            } else {
                format!("{}, {}", f.name, f.title)
            };
            if f.left_company {
                format!("{name} (left the company)")
            } else {
                name
            }
        })
        .col("Roles", |f| or_dash(&f.roles_text()))
        .col("Influence", |f| format!("{} of 5", f.influence.get()))
        .col("Sentiment", |f| f.sentiment.label())
        .col("Last contact", |f| date_or_dash(f.last_contact))
        .col("Personal win", |f| or_dash(&f.personal_win))
        .col("Key risk", |f| or_dash(&f.key_risk))
        .col("Notes", |f| or_dash(&f.notes))
        .cell_class("pre")
        .view()
}

fn health(a: &Account) -> AnyView {
    let mut snaps = a.health.snapshots().to_vec();
    order::sort_by_key(&mut snaps, |s| std::cmp::Reverse(s.date));
    let pct = |p: Option<crate::domain::health::Percent>| {
        p.map(|p| format!("{}%", short_number(p.value())))
            .unwrap_or_else(|| "—".into())
    };
    let or_dash_of = |v: Option<String>| v.unwrap_or_else(|| "—".into());
    DataTable::new("plan-table", snaps)
        .stacked()
        .empty("No health check-ins yet.")
        .row_head("Check-in", |s| long(s.date))
        .col("Seat usage", move |s| pct(s.signals.usage))
        .col("Core features", move |s| {
            or_dash_of(s.signals.features.map(|n| n.to_string()))
        })
        .col("NPS", move |s| {
            or_dash_of(s.signals.nps.map(|n| n.value().to_string()))
        })
        .col("Tickets", move |s| {
            or_dash_of(s.signals.tickets.map(|t| t.label().to_string()))
        })
        .col("Targets met", move |s| pct(s.signals.roi))
        .view()
}

fn renewal(a: &Account) -> AnyView {
    let Some(tl) = timeline_of(a) else {
        return empty("No renewal date set.");
    };
    let terms = format!(
        "Renews on {}.{}{}",
        long(tl.renewal_date),
        tl.notice_deadline
            .map(|d| format!(" Notice by {}.", long(d)))
            .unwrap_or_default(),
        if tl.auto_renew {
            " Renews by itself unless notice is given."
        } else {
            ""
        }
    );
    view! {
        <div class="card">
            <p>{terms}</p>
            <ul class="sv-list">
                {tl.milestones.into_iter().map(|m| {
                    let done = m.done_count();
                    let total = m.tasks.len();
                    view! {
                        <li>
                            <strong>{format!("{} {} ({})", m.kind.label(), m.kind.title(), long(m.due))}</strong>
                            {format!(": {done} of {total} done")}
                            <ul>
                                {m.tasks.into_iter().map(|t| view! {
                                    <li>{match t.done_on { Some(d) => format!("Done {}: ", long(d)), None => "Open: ".into() }}{t.text}</li>
                                }).collect_view()}
                            </ul>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
    .into_any()
}

fn expansion(a: &Account, currency: &Currency) -> AnyView {
    DataTable::new("plan-table", a.expansion.opportunities().to_vec())
        .stacked()
        .empty("No expansion opportunities.")
        .row_head("Opportunity", |o| o.description().to_string())
        .col("Type", |o| o.kind().label())
        .col("Stage", |o| o.stage().label())
        .col("Estimated ARR", |o| currency.format(o.estimated_arr()))
        .col("Target date", |o| date_or_dash(o.target_date()))
        .col("Owner", |o| or_dash(o.owner()))
        .col("Trigger", |o| or_dash(o.trigger()))
        .view()
}

fn qualification(a: &Account) -> AnyView {
    let list = a.planning.qualifications().to_vec();
    if list.is_empty() {
        return empty("No opportunity scored yet.");
    }
    let name_of = |id: u32| {
        a.expansion
            .opportunities()
            .iter()
            .find(|o| o.id().0 == id)
            .map(|o| o.description().to_string())
            .unwrap_or_else(|| format!("Opportunity {id}"))
    };
    list.into_iter()
        .map(|q| {
            let title = name_of(q.opportunity());
            let cards: Vec<String> = Framework::ALL
                .iter()
                .map(|f| {
                    let c = q.card(*f);
                    format!("{}: {} of {}", f.label(), c.total(), c.max_total())
                })
                .collect();
            let case = q
                .business_case
                .as_ref()
                .map(|b| format!("Business case: ROI {}%.", short_number(b.roi_percent())));
            view! {
                <div class="card">
                    <h3>{title}</h3>
                    <p>{cards.join(" · ")}</p>
                    {case.map(|c| view! { <p>{c}</p> })}
                </div>
            }
        })
        .collect_view()
        .into_any()
}

fn save_plans(a: &Account) -> AnyView {
    let list = a.save_plans.all().to_vec();
    if list.is_empty() {
        return empty("No save plan.");
    }
    list.into_iter()
        .map(|p| {
            let state = match p.closure() {
                Some(c) => format!(
                    "Closed {}: {}.{}",
                    long(c.on),
                    c.outcome.label(),
                    if c.note.trim().is_empty() {
                        String::new()
                    } else {
                        format!(" {}", c.note)
                    }
                ),
                None => "Open.".into(),
            };
            let cause = p
                .root_cause
                .map(|r| r.label().to_string())
                .unwrap_or_else(|| "not named yet".into());
            let steps = plural(p.done_steps().count(), "step done", "steps done");
            view! {
                <div class="card">
                    <h3>{format!("Opened {}", long(p.opened_on()))}</h3>
                    <p>{format!("Root cause: {cause}. Owner: {}. {steps}. {state}", or_dash(p.owner()))}</p>
                </div>
            }
        })
        .collect_view()
        .into_any()
}

fn section_view(section: Section, kind: ShareKind, a: &Account, currency: &Currency) -> AnyView {
    match section {
        Section::Goals => goals(a),
        Section::Metrics => metrics(a),
        Section::SharedActions => actions(a, kind),
        Section::Qbrs => qbrs(a, kind),
        Section::Overview => overview(a, currency),
        Section::Plan => plan(a),
        Section::People => people(a),
        Section::Health => health(a),
        Section::Renewal => renewal(a),
        Section::Expansion => expansion(a, currency),
        Section::Qualification => qualification(a),
        Section::SavePlans => save_plans(a),
    }
}

/// The whole read-only page of a shared account. `on_close` leaves it (after an import
/// too).
#[component]
pub fn SharedAccountView(
    shared: SharedAccount,
    /// Where it came from: "a share link", "the file plan.json".
    #[prop(into)]
    source: String,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let kind = shared.kind;
    let sections = Section::of(kind);
    let selected = RwSignal::new(sections[0]);
    let importing = RwSignal::new(false);
    let account = StoredValue::new(shared.account.clone());
    let currency = StoredValue::new(shared.currency.clone());
    let name = shared.account.fields.name.clone();
    let page_title = document().title();
    Effect::new({
        let name = name.clone();
        move |_| document().set_title(&format!("{name} (shared) · Account Planner"))
    });
    on_cleanup(move || document().set_title(&page_title));
    let owner = shared.account.fields.owner.trim().to_string();
    let updated = shared.account.planning.plan.last_updated();
    let (badge, intro) = match kind {
        ShareKind::Customer => (
            "Customer copy",
            if owner.is_empty() {
                "Shared with you: the account plan and QBRs we keep together. Read-only.".to_string()
            } else {
                format!("Shared with you by {owner}: the account plan and QBRs we keep together. Read-only.")
            },
        ),
        ShareKind::Colleague => (
            "Internal: whole account",
            format!("Shared by a colleague, from {source}. Read-only: nothing is added to your workspace unless you import it."),
        ),
    };
    let figures: Vec<(&'static str, String)> = match kind {
        ShareKind::Customer => {
            let mut v = Vec::new();
            if !owner.is_empty() {
                v.push(("Your contact", owner.clone()));
            }
            if let Some(d) = updated {
                v.push(("Plan updated", long(d)));
            }
            v
        }
        ShareKind::Colleague => {
            let f = &shared.account.fields;
            vec![
                ("ARR", shared.currency.format(f.arr)),
                ("Renewal", date_or_dash(f.renewal_date)),
                ("Account owner", or_dash(&f.owner)),
                (
                    "People",
                    shared.account.stakeholders.current().count().to_string(),
                ),
            ]
        }
    };
    let preview = StoredValue::new(shared.clone());
    view! {
        <section class="page sv-page" aria-labelledby="sv-title">
            <div class="sv-banner" class:sv-internal=kind == ShareKind::Colleague>
                <div class="sv-banner-text">
                    <p>
                        <span class="sv-badge">{badge}</span>" "{intro}
                    </p>
                    {(kind == ShareKind::Colleague).then(|| view! {
                        <p class="sv-warn">
                            <span class="note-mark" aria-hidden="true">"!"</span>
                            "It includes internal notes (people's sentiment, key risks, health, renewal work, notes): keep it inside your company."
                        </p>
                    })}
                </div>
                <div class="actions">
                    {(kind == ShareKind::Colleague).then(|| view! {
                        <button type="button" class="btn btn-primary" aria-expanded=move || importing.get().to_string()
                            on:click=move |_| importing.update(|x| *x = !*x)>"Import…"</button>
                    })}
                    <button type="button" class="btn" on:click=move |_| on_close.run(())>"Close"</button>
                </div>
            </div>
            {move || importing.get().then(|| view! {
                <div class="card sv-import">
                    <h2>"Import this account"</h2>
                    <SharedAccountPreview shared=preview.get_value() source=source.clone()
                        on_done=move |_| on_close.run(()) on_cancel=move |_| importing.set(false)/>
                </div>
            })}
            <header class="account-head">
                <h1 id="sv-title">{name}</h1>
                {(!figures.is_empty()).then(|| view! {
                    <dl class="figures">
                        {figures.into_iter().map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
                    </dl>
                })}
            </header>
            <div class="tabs sv-tabs" role="tablist" aria-label="Sections">
                {sections.iter().map(|s| {
                    let s = *s;
                    view! {
                        <button type="button" role="tab" class="sv-tab" id=format!("sv-tab-{}", s.key())
                            aria-controls="sv-panel"
                            aria-selected=move || (selected.get() == s).to_string()
                            on:click=move |_| selected.set(s)>{s.label()}</button>
                    }
                }).collect_view()}
            </div>
            <div id="sv-panel" role="tabpanel" class="sv-panel"
                aria-labelledby=move || format!("sv-tab-{}", selected.get().key())>
                <h2 class="visually-hidden">{move || selected.get().label()}</h2>
                {move || {
                    let s = selected.get();
                    account.with_value(|a| currency.with_value(|c| section_view(s, kind, a, c)))
                }}
            </div>
        </section>
    }
}

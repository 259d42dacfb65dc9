//! The sources of the week's list: one function per kind of work, each turning one account
//! into the items due by the end of the week (or overdue). Rules and wording:
//! docs/this-week.md#sources.

use chrono::NaiveDate;

use super::{Context, ItemKind, WeekItem};
use crate::domain::account::timeline_of;
use crate::domain::account::Account;
use crate::domain::cadence::{self, TouchKind};
use crate::domain::dates::{long, written_with_day};
use crate::domain::health::{Band, HealthSummary, STALE_AFTER_DAYS as HEALTH_STALE_DAYS};
use crate::domain::plan::STALE_AFTER_DAYS as PLAN_STALE_DAYS;
use crate::domain::qbr::PrepItem;
use crate::domain::renewal::{renewal_agenda, AgendaWhat};
use crate::domain::text::isolate;

/// One item of account `a`. Its sentence is written only when the list needs its words
/// ([`Context::words`]); the key and the day always.
#[allow(clippy::too_many_arguments)]
fn item(
    cx: &Context,
    a: &Account,
    kind: ItemKind,
    what: &str,
    due: NaiveDate,
    text: &dyn Fn() -> String,
    tab_and_section: &str,
    link_label: &'static str,
) -> WeekItem {
    let (account_name, text, link, owner) = if cx.words {
        (
            a.fields.name.clone(),
            text(),
            format!("/accounts/{}/{tab_and_section}", a.id.0),
            a.fields.owner.trim().to_string(),
        )
    } else {
        Default::default()
    };
    WeekItem {
        key: format!("{}:{}:{what}:{due}", kind.key(), a.id.0),
        kind,
        account: a.id,
        account_name,
        due,
        text,
        link,
        link_label,
        owner,
    }
}

/// `date + n` days, saturating at the latest date chrono knows.
fn plus(date: NaiveDate, n: i64) -> NaiveDate {
    date.checked_add_signed(chrono::Duration::days(n))
        .unwrap_or(NaiveDate::MAX)
}

/// Whether the renewal of the account still waits for its outcome on `today`: the KPI
/// rule's own test (docs/kpis.md), so This week, the portfolio and the account agree.
pub fn awaits_outcome(account: &Account, today: NaiveDate) -> bool {
    crate::domain::kpi::outcome::awaiting_outcome(account, today)
}

/// The renewal: a passed renewal waiting for its outcome, a renewal date this week, the
/// notice deadline this week, and every open task due this week or overdue (the renewal
/// tab's own agenda, one account at a time). Once the renewal date has passed its tasks
/// are not listed one by one: the renewal is the one line.
pub fn renewal(cx: &Context, a: &Account, _health: &HealthSummary) -> Vec<WeekItem> {
    let Some(tl) = timeline_of(a) else {
        return Vec::new();
    };
    renewal_agenda(&[(a.id, a.fields.name.as_str(), &tl)], cx.today)
        .into_iter()
        .filter_map(|i| {
            Some(match i.what {
                AgendaWhat::Renewal if awaits_outcome(a, cx.today) => item(
                    cx,
                    a,
                    ItemKind::RenewalPassed,
                    "renewal",
                    i.due,
                    &|| format!(
                        "The renewal date ({}) has passed: record the outcome (renewed, with uplift or downsell, or churned) and the next renewal date.",
                        long(i.due)
                    ),
                    "renewal#outcome-h",
                    "Record the outcome",
                ),
                AgendaWhat::Renewal if i.due >= cx.today => item(
                    cx,
                    a,
                    ItemKind::RenewalThisWeek,
                    "renewal",
                    i.due,
                    &|| format!(
                        "Renews on {}: check the paperwork is signed and countersigned.",
                        written_with_day(i.due)
                    ),
                    "renewal#renewal-status-h",
                    "Open the Renewal tab",
                ),
                AgendaWhat::Renewal => return None,
                AgendaWhat::NoticeDeadline { auto_renew } => item(
                    cx,
                    a,
                    ItemKind::NoticeDeadline,
                    "notice",
                    i.due,
                    &|| format!(
                        "Last day to give notice under the contract ({}){}.",
                        long(i.due),
                        if auto_renew {
                            ": after it, the contract renews by itself"
                        } else {
                            ""
                        }
                    ),
                    "renewal#terms-h",
                    "Open the contract terms",
                ),
                AgendaWhat::Task {
                    milestone,
                    key,
                    text,
                } => {
                    let dom = key.id_string().replace('.', "-");
                    item(
                        cx,
                        a,
                        ItemKind::RenewalTask,
                        &key.id_string(),
                        i.due,
                        &|| format!("{}: {text}", milestone.label()),
                        &format!("renewal#task-{dom}"),
                        "Tick it on the Renewal tab",
                    )
                    .owned_by(a.renewal.owner(key))
                }
            })
        })
        .collect()
}

/// Health is red and no save plan is open: the playbook triages within 24 hours of the
/// check-in that turned it red, so the item is due the day after that check-in.
pub fn red_without_save_plan(cx: &Context, a: &Account, health: &HealthSummary) -> Vec<WeekItem> {
    let (Some(Band::Red), Some(as_of)) = (health.band(), health.as_of) else {
        return Vec::new();
    };
    if a.save_plans.current().is_some() {
        return Vec::new();
    }
    vec![item(
        cx,
        a,
        ItemKind::RedWithoutSavePlan,
        "save_plan",
        plus(as_of, 1),
        &|| {
            format!(
                "Health is red (score {:.0} on {}) and no save plan is open: triage it and open one.",
                health.value().unwrap_or(0.0),
                long(as_of)
            )
        },
        "save-plan#propose-h",
        "Open a save plan",
    )]
}

/// People whose contact cadence comes due this week or is past: due on the last contact
/// plus the days their frequency allows; never contacted means due today. People who
/// left the company and people with no cadence are not listed.
pub fn contacts(cx: &Context, a: &Account, _health: &HealthSummary) -> Vec<WeekItem> {
    a.stakeholders
        .current()
        .filter_map(|p| {
            let f = p.fields.frequency?;
            let due = match p.fields.last_contact {
                Some(last) => plus(last, f.days()),
                None => cx.today,
            };
            cx.due_this_week(due).then(|| {
                item(
                    cx,
                    a,
                    ItemKind::Contact,
                    &format!("person{}", p.id.0),
                    due,
                    &|| {
                        let since = match p.fields.last_contact {
                            Some(last) => format!("last contact {}", long(last)),
                            None => "no contact on record".into(),
                        };
                        format!(
                            "Get in touch with {} ({}, {since}).",
                            isolate(&p.fields.name),
                            f.label().to_lowercase()
                        )
                    },
                    "stakeholders#risk-head",
                    "Open the Stakeholders tab",
                )
            })
        })
        .collect()
}

/// The touches the account's tier asks for (see `cadence`), due this week or past.
pub fn cadence(cx: &Context, a: &Account, _health: &HealthSummary) -> Vec<WeekItem> {
    let Some(tier) = cx.tiers.get(&a.id).map(|t| t.tier) else {
        return Vec::new();
    };
    cadence::next_touches(a, tier, cx.today)
        .into_iter()
        .filter(|t| cx.due_this_week(t.due))
        .map(|t| {
            let (section, label) = match t.kind {
                TouchKind::Call => (
                    "stakeholders#risk-head",
                    "Log the call on the Stakeholders tab",
                ),
                _ => ("qbr#qbr-list-title", "Book it on the QBR tab"),
            };
            item(
                cx,
                a,
                ItemKind::Touch,
                t.kind.key(),
                t.due,
                &|| {
                    let every = match t.months {
                        1 => "every month".to_string(),
                        m => format!("every {m} months"),
                    };
                    let last = match t.last {
                        Some(d) => format!("the last was on {}", long(d)),
                        None => "none on record".into(),
                    };
                    match t.kind {
                        TouchKind::Call => {
                            format!("Call the account ({}: {every}; {last})", tier.label())
                        }
                        kind => format!(
                            "{} due ({}: {every}; {last}). Book it.",
                            kind.label(),
                            tier.label()
                        ),
                    }
                },
                section,
                label,
            )
        })
        .collect()
}

/// QBRs still ahead whose agenda is not ticked as sent and must go out this week (5
/// business days before the meeting) or should have gone already.
pub fn qbr_agendas(cx: &Context, a: &Account, _health: &HealthSummary) -> Vec<WeekItem> {
    a.planning
        .qbrs()
        .iter()
        .filter(|q| q.date >= cx.today && !q.prep.is_ticked(PrepItem::AgendaSent))
        .filter(|q| cx.due_this_week(q.agenda_due()))
        .map(|q| {
            item(
                cx,
                a,
                ItemKind::QbrAgenda,
                &format!("qbr{}", q.id.0),
                q.agenda_due(),
                &|| {
                    format!(
                        "Send the agenda of the QBR on {} (due {}, 5 business days before).",
                        long(q.date),
                        long(q.agenda_due())
                    )
                },
                "qbr#prep-agenda_sent",
                "Open the QBR tab",
            )
        })
        .collect()
}

/// Health is refreshed every two weeks: a check-in is due 14 days after the last one
/// (after that day the score is stale). Accounts never checked in are not listed.
pub fn stale_health(cx: &Context, a: &Account, health: &HealthSummary) -> Vec<WeekItem> {
    let Some(last) = health.as_of else {
        return Vec::new();
    };
    let due = plus(last, HEALTH_STALE_DAYS);
    if !cx.due_this_week(due) {
        return Vec::new();
    }
    vec![item(
        cx,
        a,
        ItemKind::StaleHealth,
        "checkin",
        due,
        &|| {
            format!(
                "Record a health check-in: the last one is from {} (health is refreshed every {HEALTH_STALE_DAYS} days).",
                long(last)
            )
        },
        "health#checkin-h",
        "Open the Health tab",
    )]
}

/// The account plan is reviewed every quarter: due 90 days after it was last updated.
/// Plans never written are not listed.
pub fn stale_plan(cx: &Context, a: &Account, _health: &HealthSummary) -> Vec<WeekItem> {
    let Some(last) = a.planning.plan.last_updated() else {
        return Vec::new();
    };
    let due = plus(last, PLAN_STALE_DAYS);
    if !cx.due_this_week(due) {
        return Vec::new();
    }
    vec![item(
        cx,
        a,
        ItemKind::StalePlan,
        "plan",
        due,
        &|| {
            format!(
                "Review the account plan: last updated {} (plans are reviewed every {PLAN_STALE_DAYS} days).",
                long(last)
            )
        },
        "plan#plan-title",
        "Open the Plan tab",
    )]
}

/// A promise still open and due this week, or overdue (docs/account-depth.md#commitments):
/// due on its renegotiated date when it has one.
pub fn commitments(cx: &Context, a: &Account, _health: &HealthSummary) -> Vec<WeekItem> {
    a.commitments
        .all()
        .iter()
        .filter(|(_, c)| c.is_open() && cx.due_this_week(c.due_now()))
        .map(|(id, c)| {
            item(
                cx,
                a,
                ItemKind::Commitment,
                &format!("commitment-{}", id.0),
                c.due_now(),
                &|| format!("Keep the promise: {}", isolate(c.what.trim())),
                "commitments",
                "Open the Commitments tab",
            )
            .owned_by(&c.owner)
        })
        .collect()
}

/// An escalation whose customer update is late, or resolved and not confirmed with the
/// customer for 7 days (docs/account-depth.md#escalations): due the day the update was
/// promised, or 7 days after it was resolved.
pub fn escalations(cx: &Context, a: &Account, _health: &HealthSummary) -> Vec<WeekItem> {
    use crate::domain::escalations::{Flag, Step, UNCONFIRMED_DAYS};
    a.escalations
        .all()
        .iter()
        .flat_map(|(id, e)| {
            e.flags(cx.today).into_iter().filter_map(move |f| {
                let (due, late) = match f {
                    Flag::UpdateLate { .. } => (e.next_update?, true),
                    Flag::NotConfirmed { .. } => {
                        (plus(e.done_on(Step::Resolve)?, UNCONFIRMED_DAYS), false)
                    }
                };
                Some(
                    item(
                        cx,
                        a,
                        ItemKind::Escalation,
                        &format!("escalation-{}", id.0),
                        due,
                        &|| {
                            let issue = isolate(e.issue.trim());
                            if late {
                                format!("Send the customer an update on: {issue}")
                            } else {
                                format!("Confirm with the customer that this is resolved: {issue}")
                            }
                        },
                        "escalations",
                        "Open the Escalations tab",
                    )
                    .owned_by(&e.owner),
                )
            })
        })
        .collect()
}

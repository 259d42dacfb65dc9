//! Who may read what: every field of an account, customer-visible or internal, in one
//! table ([`ACCOUNT_FIELDS`], plus [`FILE_FIELDS`] for the rest of the file), and the
//! customer's copy of an account built from it ([`customer_account`]). The rule is written
//! out in `docs/audience.md`.
//!
//! Fields are named by their path in the file format (`docs/file-format.md`), relative to
//! one account: `planning.plan.goals[].text`. A path not in the table is internal: a new
//! field stays out of every customer output until someone classifies it (and the tests
//! fail until they do).
//!
//! Every customer output (the customer copy of the plan and of a QBR, in Markdown and in
//! print, and the customer share payload) is made from [`customer_account`], so a view
//! never chooses fields itself; what it may still decide (a tier or health line worked out
//! from other data) it asks of [`shows`].

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::commitments::{Commitment, Commitments, Status as CommitmentStatus};
use super::escalations::{Escalation, Escalations, Severity, Step as EscalationStep};
use super::plan::{AccountPlan, ActionId, Goal, PlanContent, SuccessMetric};
use super::planning::Planning;
use super::qbr::{
    challenges_text, value_delivered_text, Checklist, ClockTime, MutualAction, Qbr, QbrId,
};
use super::stakeholders::{Stakeholder, StakeholderFields, StakeholderMap};
use super::{Account, AccountFields};

/// Who a document is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Audience {
    /// The customer: only customer-visible fields.
    Customer,
    /// Us: everything.
    Internal,
}

impl Audience {
    pub const ALL: [Audience; 2] = [Audience::Customer, Audience::Internal];

    /// How the audience is named on a document and on the controls.
    pub fn label(self) -> &'static str {
        match self {
            Audience::Customer => "Customer copy",
            Audience::Internal => "Internal",
        }
    }

    /// Stable machine name (form values, file names).
    pub fn key(self) -> &'static str {
        match self {
            Audience::Customer => "customer",
            Audience::Internal => "internal",
        }
    }

    pub fn from_key(s: &str) -> Option<Audience> {
        Audience::ALL.into_iter().find(|a| a.key() == s)
    }
}

/// Which rows of a list a customer-visible field is shown on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Condition {
    /// People invited to one of the account's QBRs (the customer sees who is invited,
    /// never the rest of our map).
    InvitedToQbr,
    /// Plan actions shared with the customer: those copied from a QBR's mutual action
    /// plan (the plan action a mutual action was pushed into).
    SharedAction,
    /// Commitments kept with evidence written: what we promised and the proof it was
    /// kept are value delivered; open, broken or renegotiated promises stay with us.
    KeptWithEvidence,
    /// Escalations still open (not confirmed resolved): the issue as written and the
    /// next update we told them are the QBR's challenges.
    OpenEscalation,
}

/// How far a field travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Visibility {
    /// In the customer's copy.
    Customer,
    /// In the customer's copy on the rows that meet the condition only.
    CustomerIf(Condition),
    /// Never in the customer's copy.
    Internal,
}

impl Visibility {
    pub fn is_internal(self) -> bool {
        self == Visibility::Internal
    }
}

/// One row of the classification: a field, how far it travels, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// The field's path in the file format, relative to one account.
    pub path: &'static str,
    pub visibility: Visibility,
    /// The reason, in a few words (shown in tests' failure messages and the docs).
    pub why: &'static str,
}

const fn c(path: &'static str, why: &'static str) -> Rule {
    Rule {
        path,
        visibility: Visibility::Customer,
        why,
    }
}

const fn i(path: &'static str, why: &'static str) -> Rule {
    Rule {
        path,
        visibility: Visibility::Internal,
        why,
    }
}

const fn invited(path: &'static str, why: &'static str) -> Rule {
    Rule {
        path,
        visibility: Visibility::CustomerIf(Condition::InvitedToQbr),
        why,
    }
}

const fn shared(path: &'static str, why: &'static str) -> Rule {
    Rule {
        path,
        visibility: Visibility::CustomerIf(Condition::SharedAction),
        why,
    }
}

const fn kept(path: &'static str, why: &'static str) -> Rule {
    Rule {
        path,
        visibility: Visibility::CustomerIf(Condition::KeptWithEvidence),
        why,
    }
}

const fn open_esc(path: &'static str, why: &'static str) -> Rule {
    Rule {
        path,
        visibility: Visibility::CustomerIf(Condition::OpenEscalation),
        why,
    }
}

const NOTES: &str = "a notes field";
const LINK: &str = "an id that links parts; carries nothing by itself";

/// Every field of an account in the file format, with its audience (docs/audience.md).
pub const ACCOUNT_FIELDS: &[Rule] = &[
    // The account itself
    c("id", LINK),
    c("name", "the account name"),
    i("industry", "our profile of the customer"),
    i("segment", "our segmentation"),
    i("size", "our segmentation"),
    i("primary_use_case", "our profile of the customer"),
    i("products", "commercial terms"),
    i("arr", "commercial terms"),
    i("contract_start", "commercial terms"),
    i("renewal_date", "commercial terms; renewal work is internal"),
    c(
        "owner",
        "the account manager: the customer's contact on our side",
    ),
    i("tier", "tier and cadence"),
    i("notes", NOTES),
    // Health
    i("health.snapshots[].date", "health scores, bands and trends"),
    i(
        "health.snapshots[].seat_usage_pct",
        "health scores, bands and trends",
    ),
    i(
        "health.snapshots[].core_features",
        "health scores, bands and trends",
    ),
    i("health.snapshots[].nps", "health scores, bands and trends"),
    i(
        "health.snapshots[].ticket_trend",
        "health scores, bands and trends",
    ),
    i(
        "health.snapshots[].targets_met_pct",
        "health scores, bands and trends",
    ),
    // Stakeholders
    i("stakeholders.last_reviewed", "our relationship map"),
    invited("stakeholders.people[].id", LINK),
    invited("stakeholders.people[].name", "invited attendees: names"),
    invited("stakeholders.people[].title", "invited attendees: titles"),
    i(
        "stakeholders.people[].business_unit",
        "our relationship map",
    ),
    i("stakeholders.people[].roles", "stakeholder roles"),
    i("stakeholders.people[].influence", "stakeholder influence"),
    i("stakeholders.people[].sentiment", "stakeholder sentiment"),
    i("stakeholders.people[].personal_win", "personal win"),
    i("stakeholders.people[].key_risk", "key risk"),
    i("stakeholders.people[].frequency", "our contact rhythm"),
    i("stakeholders.people[].last_contact", "our contact rhythm"),
    i(
        "stakeholders.people[].owner",
        "who on our side owns the relationship",
    ),
    i("stakeholders.people[].reports_to", "our org chart"),
    i("stakeholders.people[].left_company", "our relationship map"),
    i("stakeholders.people[].notes", NOTES),
    // Renewal
    i("renewal.notice_days", "commercial terms"),
    i("renewal.auto_renew", "commercial terms"),
    i("renewal.early_start", "renewal tasks"),
    i("renewal.done[].milestone", "renewal tasks"),
    i("renewal.done[].task", "renewal tasks"),
    i("renewal.done[].done_on", "renewal tasks"),
    i("renewal.custom_tasks[].id", "renewal tasks"),
    i("renewal.custom_tasks[].milestone", "renewal tasks"),
    i("renewal.custom_tasks[].text", "renewal tasks"),
    i("renewal.custom_tasks[].done_on", "renewal tasks"),
    i(
        "renewal.custom_tasks[].owner",
        "who on our side does the task",
    ),
    i("renewal.owners[].milestone", "renewal tasks"),
    i("renewal.owners[].task", "renewal tasks"),
    i("renewal.owners[].owner", "who on our side does the task"),
    // Expansion
    i("expansion.readiness.roi_documented", "expansion readiness"),
    i("expansion.readiness.champion_active", "expansion readiness"),
    i(
        "expansion.readiness.buyer_aware_of_value",
        "expansion readiness",
    ),
    i(
        "expansion.readiness.new_use_case_or_team",
        "expansion readiness",
    ),
    i("expansion.opportunities[].id", "our pipeline"),
    i("expansion.opportunities[].type", "our pipeline"),
    i("expansion.opportunities[].description", "our pipeline"),
    i(
        "expansion.opportunities[].trigger",
        "internal notes on opportunities",
    ),
    i("expansion.opportunities[].owner", "our pipeline"),
    i("expansion.opportunities[].target_date", "our pipeline"),
    i("expansion.opportunities[].estimated_arr", "our pipeline"),
    i("expansion.opportunities[].stage", "our pipeline"),
    // Save plans
    i("save_plans[].opened_on", "save plans"),
    i("save_plans[].root_cause", "save plans"),
    i("save_plans[].owner", "save plans"),
    i("save_plans[].notify_leadership", "save plans"),
    i("save_plans[].done[].step", "save plans"),
    i("save_plans[].done[].done_on", "save plans"),
    i("save_plans[].closed.outcome", "save plans"),
    i("save_plans[].closed.on", "save plans"),
    i("save_plans[].closed.note", "save plans"),
    // The ARR history (version 3)
    i("arr_log[].date", "commercial terms: the ARR history"),
    i("arr_log[].kind", "commercial terms: the ARR history"),
    i("arr_log[].amount", "commercial terms: the ARR history"),
    i("arr_log[].note", NOTES),
    // The CRM id (version 3): our own system's record of the account
    i("crm_id", "our CRM's record of the account"),
    // Save plans: the recovery plan (docs/account-depth.md)
    i("save_plans[].milestones[].what", "save plans"),
    i("save_plans[].milestones[].target", "save plans"),
    i("save_plans[].milestones[].by", "save plans"),
    i("save_plans[].milestones[].met_on", "save plans"),
    i("save_plans[].check_ins[].on", "save plans"),
    i("save_plans[].check_ins[].note", "save plans"),
    i(
        "save_plans[].check_ins[].health",
        "health scores, bands and trends",
    ),
    i("save_plans[].step_owners[].step", "save plans"),
    i(
        "save_plans[].step_owners[].owner",
        "save plans: who on our side does the step",
    ),
    // White space (docs/account-depth.md)
    i("white_space.rows", "our account analysis"),
    i("white_space.columns", "our account analysis"),
    i("white_space.cells[].row", "our account analysis"),
    i("white_space.cells[].column", "our account analysis"),
    i("white_space.cells[].state", "our account analysis"),
    i("white_space.cells[].arr", "commercial terms"),
    i("white_space.cells[].opportunity_id", "our pipeline"),
    // Commitments: kept ones with evidence are value delivered
    kept("commitments[].id", LINK),
    kept("commitments[].what", "promises kept: what we promised"),
    i("commitments[].to_whom", "our relationship map"),
    i("commitments[].owner", "who on our side keeps it"),
    kept("commitments[].due", "promises kept: the date promised"),
    kept("commitments[].status", "promises kept: kept"),
    kept("commitments[].status_date", "promises kept: when"),
    kept("commitments[].evidence", "promises kept: the evidence"),
    // Escalations: open ones are challenges
    open_esc("escalations[].id", LINK),
    open_esc("escalations[].issue", "open issues as written for them"),
    i("escalations[].severity", "our triage"),
    i("escalations[].owner", "who on our side owns it"),
    open_esc("escalations[].opened_on", "when they escalated it"),
    i("escalations[].clarified_on", "our follow-up"),
    i("escalations[].owner_set_on", "our follow-up"),
    i("escalations[].timeline_told_on", "our follow-up"),
    open_esc(
        "escalations[].resolved_on",
        "resolved, to be confirmed with them",
    ),
    i("escalations[].confirmed_on", "our follow-up"),
    open_esc("escalations[].next_update", "the timeline we told them"),
    i("escalations[].notes", NOTES),
    // The account plan
    c(
        "planning.plan.last_updated",
        "when the plan was last brought up to date",
    ),
    i(
        "planning.plan.overview",
        "our own summary of where the account stands",
    ),
    c("planning.plan.goals[].id", LINK),
    c("planning.plan.goals[].text", "the customer's goals"),
    c("planning.plan.goals[].source", "where each goal comes from"),
    c("planning.plan.goals[].mapping", "how we map to each goal"),
    c("planning.plan.metrics[].name", "success metrics"),
    c("planning.plan.metrics[].unit", "success metrics"),
    c("planning.plan.metrics[].target", "success metrics: target"),
    c(
        "planning.plan.metrics[].current",
        "success metrics: current",
    ),
    c(
        "planning.plan.metrics[].rule",
        "success metrics: when a target is met",
    ),
    c("planning.plan.metrics[].met", "success metrics: met"),
    i("planning.plan.risks[].risk", "risks"),
    i("planning.plan.risks[].mitigation", "mitigations"),
    i("planning.plan.risks[].status", "risks"),
    i("planning.plan.swot.strengths", "the SWOT analysis"),
    i("planning.plan.swot.weaknesses", "the SWOT analysis"),
    i("planning.plan.swot.opportunities", "the SWOT analysis"),
    i("planning.plan.swot.threats", "the SWOT analysis"),
    i("planning.plan.opportunity_ids", "our pipeline"),
    shared("planning.plan.actions[].id", LINK),
    shared("planning.plan.actions[].text", "shared actions"),
    shared("planning.plan.actions[].due", "shared actions"),
    shared(
        "planning.plan.actions[].owner",
        "shared actions: owner on either side",
    ),
    shared(
        "planning.plan.actions[].goal",
        "which of their goals it serves",
    ),
    shared("planning.plan.actions[].done_on", "shared actions: done"),
    // QBRs
    c("planning.qbrs[].id", LINK),
    c("planning.qbrs[].date", "QBR date"),
    c("planning.qbrs[].start", "QBR time"),
    c("planning.qbrs[].attendees", "invited attendees"),
    i("planning.qbrs[].prep_done", "our preparation checklist"),
    c("planning.qbrs[].value_delivered", "value delivered"),
    c(
        "planning.qbrs[].challenges",
        "challenges as written for them",
    ),
    c("planning.qbrs[].roadmap", "roadmap"),
    i("planning.qbrs[].notes", NOTES),
    c(
        "planning.qbrs[].mutual_actions[].text",
        "mutual action plan",
    ),
    c(
        "planning.qbrs[].mutual_actions[].owner",
        "mutual action plan: owner",
    ),
    c(
        "planning.qbrs[].mutual_actions[].side",
        "mutual action plan: whose side",
    ),
    c(
        "planning.qbrs[].mutual_actions[].due",
        "mutual action plan: due date",
    ),
    c("planning.qbrs[].mutual_actions[].pushed_as", LINK),
    // Qualification
    i(
        "planning.qualifications[].opportunity_id",
        "qualification scorecards",
    ),
    i(
        "planning.qualifications[].meddic",
        "qualification scorecards",
    ),
    i("planning.qualifications[].bant", "qualification scorecards"),
    i(
        "planning.qualifications[].business_case",
        "business-case working",
    ),
];

/// The fields of a file around its accounts (envelope, workspace, settings), with paths
/// from the top of the file. `workspace.accounts[]` and a share file's `account` are
/// [`ACCOUNT_FIELDS`].
pub const FILE_FIELDS: &[Rule] = &[
    c("format", "what kind of file it is"),
    c("version", "the format version"),
    c("exported_at", "when the file was written"),
    c("kind", "who a one-account file or link is for"),
    c(
        "currency",
        "the currency of the amounts in a one-account file",
    ),
    c("workspace.currency", "the currency of the amounts"),
    i("workspace.demo", "the sample-data flag"),
    i("workspace.settings.health", "health weights"),
    i("workspace_id", "the workspace's own id: calendar event ids"),
    i("practice", "interview practice belongs to the user"),
    i(
        "workspace.settings.kpi",
        "renewal odds by health band and the expansion target",
    ),
    i("workspace.snoozes", "the AM's own reminders (This week)"),
];

/// Looks a path up in a table. A path names its field or any part below it:
/// `planning.qualifications[].meddic` covers `planning.qualifications[].meddic.metrics.notes`,
/// and `products` covers `products[]`.
pub fn find(table: &'static [Rule], path: &str) -> Option<&'static Rule> {
    table.iter().find(|r| {
        path == r.path
            || path
                .strip_prefix(r.path)
                .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
    })
}

/// How far a field of an account travels; a path not in the table is internal.
pub fn visibility(path: &str) -> Visibility {
    find(ACCOUNT_FIELDS, path)
        .map(|r| r.visibility)
        .unwrap_or(Visibility::Internal)
}

/// Whether a document for `audience` may show the field at `path` (on some rows at
/// least, for a conditional field). Internal documents show everything.
pub fn shows(audience: Audience, path: &str) -> bool {
    audience == Audience::Internal || !visibility(path).is_internal()
}

/// Parts of an account that [`customer_account`] leaves out whole. Every field under them
/// must be internal in the table (a test checks it): classifying one of them as
/// customer-visible means teaching [`customer_account`] to copy it first.
pub const LEFT_OUT_WHOLE: &[&str] = &[
    "health",
    "renewal",
    "expansion",
    "save_plans",
    "planning.qualifications",
    "planning.plan.risks",
    "planning.plan.swot",
    "planning.plan.opportunity_ids",
    "stakeholders.last_reviewed",
    "white_space",
];

/// The ids of the plan actions shared with the customer: those a QBR's mutual action was
/// pushed into.
pub fn shared_action_ids(planning: &Planning) -> BTreeSet<ActionId> {
    planning
        .qbrs()
        .iter()
        .flat_map(|q| q.mutual_actions.iter().filter_map(|m| m.pushed_as))
        .collect()
}

/// The ids of the people invited to any of the account's QBRs.
pub fn invited_ids(planning: &Planning) -> BTreeSet<u32> {
    planning
        .qbrs()
        .iter()
        .flat_map(|q| q.attendees.iter().copied())
        .collect()
}

/// The customer's copy of an account: every internal field emptied or set to its default,
/// rows the customer does not see (people not invited to a QBR, plan actions not shared)
/// left out, as the table says. What it holds is exactly what a customer output may show.
pub fn customer_account(account: &Account) -> Account {
    let keep = |path: &str| !visibility(path).is_internal();
    let text = |path: &str, s: &String| if keep(path) { s.clone() } else { String::new() };
    fn opt<T: Clone>(keep: bool, v: &Option<T>) -> Option<T> {
        if keep {
            v.clone()
        } else {
            None
        }
    }

    let f = &account.fields;
    let fields = AccountFields {
        name: f.name.clone(),
        industry: text("industry", &f.industry),
        segment: opt(keep("segment"), &f.segment),
        size: opt(keep("size"), &f.size),
        primary_use_case: text("primary_use_case", &f.primary_use_case),
        products: if keep("products") {
            f.products.clone()
        } else {
            Vec::new()
        },
        arr: if keep("arr") { f.arr } else { 0.0 },
        contract_start: opt(keep("contract_start"), &f.contract_start),
        renewal_date: opt(keep("renewal_date"), &f.renewal_date),
        owner: text("owner", &f.owner),
        tier_override: opt(keep("tier"), &f.tier_override),
        notes: text("notes", &f.notes),
    };

    let planning = &account.planning;
    let invited = invited_ids(planning);
    let shared = shared_action_ids(planning);

    // People: invited ones only, with their customer-visible fields.
    let people: Vec<Stakeholder> = if keep("stakeholders.people[].name") {
        account
            .stakeholders
            .people()
            .iter()
            .filter(|p| row_shown("stakeholders.people[].name", &invited, &shared, p.id.0))
            .map(|p| {
                let s = &p.fields;
                let pf = |path: &str| format!("stakeholders.people[].{path}");
                Stakeholder {
                    id: p.id,
                    fields: StakeholderFields {
                        name: s.name.clone(),
                        title: text(&pf("title"), &s.title),
                        business_unit: text(&pf("business_unit"), &s.business_unit),
                        roles: if keep(&pf("roles")) {
                            s.roles.clone()
                        } else {
                            Default::default()
                        },
                        influence: if keep(&pf("influence")) {
                            s.influence
                        } else {
                            Default::default()
                        },
                        sentiment: if keep(&pf("sentiment")) {
                            s.sentiment
                        } else {
                            Default::default()
                        },
                        personal_win: text(&pf("personal_win"), &s.personal_win),
                        key_risk: text(&pf("key_risk"), &s.key_risk),
                        frequency: opt(keep(&pf("frequency")), &s.frequency),
                        last_contact: opt(keep(&pf("last_contact")), &s.last_contact),
                        owner: text(&pf("owner"), &s.owner),
                        // Only to someone who is also in the copy.
                        reports_to: s
                            .reports_to
                            .filter(|m| keep(&pf("reports_to")) && invited.contains(&m.0)),
                        left_company: keep(&pf("left_company")) && s.left_company,
                        notes: text(&pf("notes"), &s.notes),
                    },
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    let stakeholders = StakeholderMap::from_parts(people, None)
        .expect("a subset of a valid map with no reports-to outside it is valid");

    // The plan: goals, metrics, shared actions.
    let c = planning.plan.content();
    let goals = if keep("planning.plan.goals[].text") {
        c.goals
            .iter()
            .map(|g| Goal {
                id: g.id,
                text: g.text.clone(),
                source: text("planning.plan.goals[].source", &g.source),
                mapping: text("planning.plan.goals[].mapping", &g.mapping),
            })
            .collect()
    } else {
        Vec::new()
    };
    let metrics: Vec<SuccessMetric> = if keep("planning.plan.metrics[].name") {
        c.metrics
            .iter()
            .map(|m| SuccessMetric {
                id: m.id,
                name: m.name.clone(),
                unit: text("planning.plan.metrics[].unit", &m.unit),
                target: if keep("planning.plan.metrics[].target") {
                    m.target
                } else {
                    0.0
                },
                current: opt(keep("planning.plan.metrics[].current"), &m.current),
                rule: if keep("planning.plan.metrics[].rule") {
                    m.rule
                } else {
                    super::plan::MetRule::AtLeast
                },
            })
            .collect()
    } else {
        Vec::new()
    };
    let actions = if keep("planning.plan.actions[].text") {
        c.actions
            .iter()
            .filter(|a| row_shown("planning.plan.actions[].text", &invited, &shared, a.id.0))
            .map(|a| {
                let mut a = a.clone();
                a.owner = text("planning.plan.actions[].owner", &a.owner);
                if !keep("planning.plan.actions[].goal") {
                    a.goal = None;
                }
                if !keep("planning.plan.actions[].done_on") {
                    a.status = Default::default();
                }
                a
            })
            .collect()
    } else {
        Vec::new()
    };
    let content = PlanContent {
        overview: text("planning.plan.overview", &c.overview),
        goals,
        metrics,
        risks: Vec::new(),
        swot: Default::default(),
        opportunity_ids: Vec::new(),
        actions,
    };
    let plan = AccountPlan::from_parts(
        content,
        opt(
            keep("planning.plan.last_updated"),
            &planning.plan.last_updated(),
        ),
    )
    .expect("a part of a valid plan is valid");

    // QBRs: everything but the preparation and the notes.
    let qbrs: Vec<Qbr> = planning
        .qbrs()
        .iter()
        .map(|q| {
            let qp = |path: &str| format!("planning.qbrs[].{path}");
            Qbr {
                id: q.id,
                date: q.date,
                start: q.start,
                attendees: if keep(&qp("attendees")) {
                    q.attendees.clone()
                } else {
                    Vec::new()
                },
                prep: if keep(&qp("prep_done")) {
                    q.prep
                } else {
                    Checklist::default()
                },
                value_delivered: text(&qp("value_delivered"), &q.value_delivered),
                challenges: text(&qp("challenges"), &q.challenges),
                roadmap: text(&qp("roadmap"), &q.roadmap),
                notes: text(&qp("notes"), &q.notes),
                mutual_actions: if keep(&qp("mutual_actions[].text")) {
                    q.mutual_actions
                        .iter()
                        .map(|m| MutualAction {
                            owner: text(&qp("mutual_actions[].owner"), &m.owner),
                            ..m.clone()
                        })
                        .collect()
                } else {
                    Vec::new()
                },
            }
        })
        .collect();
    let planning = Planning::from_parts(plan, qbrs, Vec::new())
        .expect("the QBRs of a valid planning are valid");

    Account {
        id: account.id,
        fields,
        health: Default::default(),
        planning,
        stakeholders,
        renewal: Default::default(),
        expansion: Default::default(),
        save_plans: Default::default(),
        crm_id: None,
        // ARR and its history are commercial terms: internal (the table says so).
        arr_log: if keep("arr_log[].amount") {
            account.arr_log.clone()
        } else {
            Default::default()
        },
        white_space: Default::default(),
        commitments: customer_commitments(&account.commitments),
        escalations: customer_escalations(&account.escalations),
    }
}

/// The commitments the customer sees: kept with evidence, with only the fields the table
/// lets through (the date due becomes the day kept, so no internal date travels).
fn customer_commitments(list: &Commitments) -> Commitments {
    let keep = |path: &str| !visibility(path).is_internal();
    let text = |path: &str, s: &String| if keep(path) { s.clone() } else { String::new() };
    let shown = |c: &Commitment| match visibility("commitments[].what") {
        Visibility::Customer => true,
        Visibility::CustomerIf(Condition::KeptWithEvidence) => c.is_kept_with_evidence(),
        _ => false,
    };
    list.filtered(|c| {
        if !shown(c) {
            return None;
        }
        let status = if keep("commitments[].status") && keep("commitments[].status_date") {
            c.status
        } else {
            CommitmentStatus::Open
        };
        Some(Commitment {
            what: text("commitments[].what", &c.what),
            to_whom: if keep("commitments[].to_whom") {
                c.to_whom
            } else {
                None
            },
            owner: text("commitments[].owner", &c.owner),
            // Required: without its classification the day kept stands in for it.
            due: if keep("commitments[].due") {
                c.due
            } else {
                status.date().unwrap_or(c.due)
            },
            status,
            evidence: text("commitments[].evidence", &c.evidence),
        })
    })
}

/// The escalations the customer sees: open ones, with the issue, the day escalated, the
/// day resolved and the next update; the rest emptied.
fn customer_escalations(list: &Escalations) -> Escalations {
    let keep = |path: &str| !visibility(path).is_internal();
    let text = |path: &str, s: &String| if keep(path) { s.clone() } else { String::new() };
    let shown = |e: &Escalation| match visibility("escalations[].issue") {
        Visibility::Customer => true,
        Visibility::CustomerIf(Condition::OpenEscalation) => e.is_open(),
        _ => false,
    };
    list.filtered(|e| {
        if !shown(e) {
            return None;
        }
        let mut done = [None; 5];
        for step in EscalationStep::ALL {
            if keep(&format!("escalations[].{}", step.key())) {
                done[step as usize] = e.done_on(step);
            }
        }
        Some(Escalation {
            issue: text("escalations[].issue", &e.issue),
            severity: if keep("escalations[].severity") {
                e.severity
            } else {
                Severity::Medium
            },
            owner: text("escalations[].owner", &e.owner),
            opened_on: e.opened_on,
            done,
            next_update: if keep("escalations[].next_update") {
                e.next_update
            } else {
                None
            },
            notes: text("escalations[].notes", &e.notes),
        })
    })
}

/// Whether a row (person or action, by id) of a list is in the customer's copy, by the
/// visibility of one of its fields.
fn row_shown(path: &str, invited: &BTreeSet<u32>, shared: &BTreeSet<ActionId>, id: u32) -> bool {
    match visibility(path) {
        Visibility::Customer => true,
        Visibility::Internal => false,
        Visibility::CustomerIf(Condition::InvitedToQbr) => invited.contains(&id),
        Visibility::CustomerIf(Condition::SharedAction) => shared.contains(&ActionId(id)),
        Visibility::CustomerIf(Condition::KeptWithEvidence | Condition::OpenEscalation) => false,
    }
}

/// The planner's draft of "value delivered" for a QBR of this account, from customer-visible
/// facts only (the customer's copy of the account, docs/audience.md): the success metrics.
pub fn refill_value_delivered(account: &Account) -> String {
    let copy = customer_account(account);
    value_delivered_text(&copy.planning.plan.content().metrics)
}

/// The planner's draft of "challenges" for a QBR of this account, from customer-visible
/// facts only (docs/audience.md): metrics not met, shared actions overdue and open
/// escalations (docs/account-depth.md); never our risks or mitigations.
pub fn refill_challenges(account: &Account, today: NaiveDate) -> String {
    let copy = customer_account(account);
    let c = copy.planning.plan.content();
    let mut text = challenges_text(&c.metrics, &c.actions, today);
    for line in copy.escalations.challenge_lines() {
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&line);
    }
    text
}

/// "Value delivered" with the kept commitments that have evidence added, one line each
/// (`- What: evidence`), from the customer's copy only; a line already in `current` is
/// not added twice. Returns the new text and how many lines were added.
pub fn pull_kept_commitments(account: &Account, current: &str) -> (String, usize) {
    let copy = customer_account(account);
    let mut text = current.trim_end().to_string();
    let mut added = 0;
    for line in copy.commitments.value_delivered_lines(None) {
        if text.lines().any(|l| l.trim() == line) {
            continue;
        }
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&line);
        added += 1;
    }
    (text, added)
}

/// Plans a QBR on `date` at `start` with its first draft of "value delivered" and
/// "challenges" written ([`refill_value_delivered`], [`refill_challenges`]).
pub fn plan_qbr(
    account: &mut Account,
    date: NaiveDate,
    start: ClockTime,
    today: NaiveDate,
) -> QbrId {
    let value = refill_value_delivered(account);
    let challenges = refill_challenges(account, today);
    account.planning.add_qbr(date, start, value, challenges)
}

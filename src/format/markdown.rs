//! The documents the planner hands out, the account plan and a QBR, each in two versions:
//! the customer copy and the internal one (docs/audience.md). A document is built once as
//! a [`Doc`] (headings, facts, texts, tables) and then written as Markdown (copy and
//! download) or shown as the on-screen preview and the print, so all three say the same.
//!
//! The customer copy is built from [`customer_account`] only, and each part of a document
//! is gated by the classification ([`shows`]): a view never picks fields itself. Customer
//! copies leave out empty sections and anything meant for us (flags, warnings, the
//! preparation checklist, notes).
//!
//! User text is written as typed, except where it would break the layout: in table cells
//! `|` becomes `\\|` and line breaks become `<br>`; in one-line places (list items,
//! headings) line breaks become spaces.

use crate::domain::order;
use chrono::NaiveDate;

use crate::domain::audience::{customer_account, shows, Audience};
use crate::domain::dates::{written, written_with_day};
use crate::domain::escalations::Step as EscalationStep;
use crate::domain::plan::{ActionStatus, MetRule, MetStatus, RiskStatus};
use crate::domain::qbr::{MutualAction, QbrId, Side};
use crate::domain::stakeholders::Role;
use crate::domain::{Account, Currency, Tier};
/// What the plan needs to know about a linked expansion opportunity (from the pipeline).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpportunityRef {
    pub id: u32,
    /// One line, e.g. "Seat expansion: 200 more seats, est. $120k".
    pub label: String,
}

/// A table cell: no raw `|` and no line break.
pub fn cell(text: &str) -> String {
    let t = text.trim();
    let mut out = String::with_capacity(t.len());
    let mut lines = t.lines().map(str::trim).peekable();
    while let Some(line) = lines.next() {
        out.push_str(&line.replace('|', "\\|"));
        if lines.peek().is_some() {
            out.push_str("<br>");
        }
    }
    if out.is_empty() {
        "-".into()
    } else {
        out
    }
}

/// Text on one line (a list item or heading): line breaks become spaces.
pub fn inline(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A block of free text as typed, or a placeholder when empty.
fn block(text: &str, empty: &str) -> String {
    let t = text.trim();
    if t.is_empty() {
        format!("_{empty}_")
    } else {
        t.lines().map(str::trim_end).collect::<Vec<_>>().join("\n")
    }
}

/// One block of a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A section heading (`##`).
    Heading(String),
    /// A sub-heading (`###`).
    Subheading(String),
    /// Label and value pairs, one per line.
    Facts(Vec<(String, String)>),
    /// Free text as typed; its lines are kept.
    Text(String),
    /// A short remark, in italics.
    Note(String),
    /// A bulleted list of one-line items.
    List(Vec<String>),
    /// A table with a header row.
    Table {
        head: Vec<String>,
        rows: Vec<Vec<String>>,
    },
}

/// A document for one audience: a title, the line under it that names who it is for,
/// and its blocks.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    pub audience: Audience,
    pub title: String,
    pub lead: String,
    pub blocks: Vec<Block>,
}

impl Doc {
    /// The document as Markdown.
    pub fn markdown(&self) -> String {
        let mut md = format!("# {}\n\n_{}_\n", inline(&self.title), inline(&self.lead));
        for b in &self.blocks {
            md.push('\n');
            match b {
                Block::Heading(h) => md.push_str(&format!("## {}\n", inline(h))),
                Block::Subheading(h) => md.push_str(&format!("### {}\n", inline(h))),
                Block::Facts(facts) => {
                    for (label, value) in facts {
                        md.push_str(&format!("- **{label}:** {}\n", inline(value)));
                    }
                }
                Block::Text(t) => {
                    md.push_str(&block(t, ""));
                    md.push('\n');
                }
                Block::Note(n) => md.push_str(&format!("_{}_\n", inline(n))),
                Block::List(items) => {
                    for item in items {
                        md.push_str(&format!("- {}\n", inline(item)));
                    }
                }
                Block::Table { head, rows } => {
                    md.push_str(&format!("| {} |\n", head.join(" | ")));
                    md.push_str(&format!("|{}\n", "---|".repeat(head.len())));
                    for row in rows {
                        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
                        md.push_str(&format!("| {} |\n", cells.join(" | ")));
                    }
                }
            }
        }
        md
    }
}

/// Collects a document's sections. A customer copy leaves empty sections out; the
/// internal version keeps them with a note, so the AM sees what is missing.
struct Sections {
    audience: Audience,
    blocks: Vec<Block>,
}

impl Sections {
    fn new(audience: Audience) -> Self {
        Sections {
            audience,
            blocks: Vec::new(),
        }
    }

    /// A section shown only when the classification lets `path` reach this audience.
    fn add(&mut self, path: &str, heading: &str, content: Vec<Block>, empty: &str) {
        if !shows(self.audience, path) {
            return;
        }
        if content.is_empty() && self.audience == Audience::Customer {
            return;
        }
        self.blocks.push(Block::Heading(heading.into()));
        if content.is_empty() {
            self.blocks.push(Block::Note(empty.into()));
        }
        self.blocks.extend(content);
    }
}

/// A text block, or nothing when the text is blank.
fn text_block(text: &str) -> Vec<Block> {
    if text.trim().is_empty() {
        Vec::new()
    } else {
        vec![Block::Text(text.to_string())]
    }
}

/// A fact, when there is something to say or the document is internal (then `-`).
fn fact(out: &mut Vec<(String, String)>, audience: Audience, label: &str, value: &str) {
    if !value.trim().is_empty() {
        out.push((label.into(), value.trim().to_string()));
    } else if audience == Audience::Internal {
        out.push((label.into(), "-".into()));
    }
}

/// The account the document is made from: the customer's copy for the customer.
fn source(account: &Account, audience: Audience) -> std::borrow::Cow<'_, Account> {
    match audience {
        Audience::Customer => std::borrow::Cow::Owned(customer_account(account)),
        Audience::Internal => std::borrow::Cow::Borrowed(account),
    }
}

fn lead(audience: Audience, name: &str) -> String {
    match audience {
        Audience::Customer => format!("Prepared for {}.", inline(name)),
        Audience::Internal => {
            "Internal: not for the customer. Send them the customer copy instead.".into()
        }
    }
}

/// What the plan document needs beyond the account.
pub struct PlanInputs<'a> {
    /// The account's effective tier.
    pub tier: Tier,
    pub currency: &'a Currency,
    /// The linked opportunities (unknown ids are shown as gone).
    pub opportunities: &'a [OpportunityRef],
    /// Marks overdue actions.
    pub today: NaiveDate,
}

/// The account plan for `audience` (docs/audience.md).
pub fn plan_doc(account: &Account, audience: Audience, inputs: &PlanInputs) -> Doc {
    let a = source(account, audience);
    let f = &a.fields;
    let plan = &a.planning.plan;
    let c = plan.content();
    let internal = audience == Audience::Internal;
    let mut s = Sections::new(audience);

    let mut facts = Vec::new();
    if shows(audience, "owner") {
        fact(&mut facts, audience, "Account manager", &f.owner);
    }
    if shows(audience, "tier") {
        fact(&mut facts, audience, "Tier", inputs.tier.label());
    }
    if shows(audience, "arr") {
        fact(&mut facts, audience, "ARR", &inputs.currency.format(f.arr));
    }
    if shows(audience, "renewal_date") {
        if let Some(r) = f.renewal_date {
            fact(&mut facts, audience, "Renewal date", &written(r));
        }
    }
    if shows(audience, "planning.plan.last_updated") {
        let updated = plan.last_updated().map(written);
        fact(
            &mut facts,
            audience,
            "Last updated",
            &updated.unwrap_or_else(|| {
                if internal {
                    "not yet".into()
                } else {
                    String::new()
                }
            }),
        );
    }
    if !facts.is_empty() {
        s.blocks.push(Block::Facts(facts));
    }

    // Overview: our profile of the account and our summary.
    let mut profile = Vec::new();
    let mut add_profile = |path: &str, label: &str, value: String| {
        if shows(audience, path) && !value.trim().is_empty() {
            profile.push((label.to_string(), value));
        }
    };
    add_profile("industry", "Industry", f.industry.clone());
    add_profile(
        "segment",
        "Segment",
        f.segment.map(|x| x.label().to_string()).unwrap_or_default(),
    );
    add_profile(
        "size",
        "Size",
        f.size.map(|x| x.label().to_string()).unwrap_or_default(),
    );
    add_profile(
        "primary_use_case",
        "Main use case",
        f.primary_use_case.clone(),
    );
    add_profile("products", "Products", f.products_text());
    let mut overview = Vec::new();
    if !profile.is_empty() {
        overview.push(Block::Facts(profile));
    }
    if shows(audience, "planning.plan.overview") {
        overview.extend(text_block(&c.overview));
    }
    s.add(
        "planning.plan.overview",
        "Overview",
        overview,
        "No overview written yet.",
    );

    // Goals
    let mut goals = Vec::new();
    for (i, g) in c.goals.iter().enumerate() {
        goals.push(Block::Subheading(format!(
            "Goal {}: {}",
            i + 1,
            inline(&g.text)
        )));
        let mut gf = Vec::new();
        if shows(audience, "planning.plan.goals[].source") {
            fact(&mut gf, audience, "Source", &g.source);
        }
        if shows(audience, "planning.plan.goals[].mapping") {
            fact(&mut gf, audience, "How we help", &g.mapping);
        }
        if !gf.is_empty() {
            goals.push(Block::Facts(gf));
        }
    }
    let goals_heading = if internal {
        "The customer's strategic goals"
    } else {
        "Your strategic goals"
    };
    s.add(
        "planning.plan.goals[].text",
        goals_heading,
        goals,
        "No goals written yet.",
    );

    // Metrics
    let metrics = if c.metrics.is_empty() {
        Vec::new()
    } else {
        let rows = c
            .metrics
            .iter()
            .map(|m| {
                let (target, current) = match m.rule {
                    MetRule::Manual { .. } => ("-".to_string(), "-".to_string()),
                    MetRule::AtLeast => (
                        format!("at least {}", m.show(m.target)),
                        m.current.map(|v| m.show(v)).unwrap_or_else(|| "-".into()),
                    ),
                    MetRule::AtMost => (
                        format!("at most {}", m.show(m.target)),
                        m.current.map(|v| m.show(v)).unwrap_or_else(|| "-".into()),
                    ),
                };
                let status = match m.status() {
                    MetStatus::Met => "Met",
                    MetStatus::NotMet => "Not met yet",
                    MetStatus::Unknown => "Not measured yet",
                };
                vec![m.name.clone(), target, current, status.to_string()]
            })
            .collect();
        vec![Block::Table {
            head: vec![
                "Metric".into(),
                "Target".into(),
                "Current".into(),
                "Status".into(),
            ],
            rows,
        }]
    };
    s.add(
        "planning.plan.metrics[].name",
        "Success metrics",
        metrics,
        "No metrics agreed yet.",
    );

    // Commitments kept and open escalations (docs/account-depth.md): from the customer's
    // copy for the customer, so only the rows and fields the classification lets through.
    let kept: Vec<Vec<String>> = a
        .commitments
        .sorted()
        .into_iter()
        .filter(|(_, c)| c.is_kept_with_evidence())
        .map(|(_, c)| {
            vec![
                c.what.clone(),
                c.status.date().map(written).unwrap_or_default(),
                c.evidence.clone(),
            ]
        })
        .collect();
    if !kept.is_empty() {
        s.add(
            "commitments[].what",
            "Commitments kept",
            vec![Block::Table {
                head: vec!["Commitment".into(), "Kept on".into(), "Evidence".into()],
                rows: kept,
            }],
            "",
        );
    }
    let mut open: Vec<&crate::domain::escalations::Escalation> =
        a.escalations.open().map(|(_, e)| e).collect();
    order::sort_by_key(&mut open, |e| e.opened_on);
    if !open.is_empty() {
        let rows = open
            .iter()
            .map(|e| {
                let status = match (e.done_on(EscalationStep::Resolve), e.next_update) {
                    (Some(_), _) => "Resolved, to be confirmed together".to_string(),
                    (None, Some(u)) => format!("In progress, next update {}", written(u)),
                    (None, None) => "In progress".to_string(),
                };
                vec![e.issue.clone(), written(e.opened_on), status]
            })
            .collect();
        s.add(
            "escalations[].issue",
            "Open issues",
            vec![Block::Table {
                head: vec!["Issue".into(), "Raised on".into(), "Status".into()],
                rows,
            }],
            "",
        );
    }

    // Risks
    let risks = if c.risks.is_empty() {
        Vec::new()
    } else {
        vec![Block::Table {
            head: vec!["Risk".into(), "Mitigation".into(), "Status".into()],
            rows: c
                .risks
                .iter()
                .map(|r| {
                    let status = match r.status {
                        RiskStatus::Open => "Open",
                        RiskStatus::Closed => "Closed",
                    };
                    vec![r.risk.clone(), r.mitigation.clone(), status.to_string()]
                })
                .collect(),
        }]
    };
    s.add(
        "planning.plan.risks[].risk",
        "Risks and mitigations",
        risks,
        "No risks listed.",
    );

    // SWOT
    let mut swot = Vec::new();
    for (q, entries) in c.swot.quadrants() {
        let title = q.title();
        if entries.is_empty() && !internal {
            continue;
        }
        swot.push(Block::Subheading(title.into()));
        if entries.is_empty() {
            swot.push(Block::Note("None listed.".into()));
        } else {
            swot.push(Block::List(entries.to_vec()));
        }
    }
    s.add("planning.plan.swot.strengths", "SWOT", swot, "");

    // Opportunities
    let opps: Vec<String> = c
        .opportunity_ids
        .iter()
        .map(
            |id| match inputs.opportunities.iter().find(|o| o.id == *id) {
                Some(o) => o.label.clone(),
                None => format!("Opportunity {id} (no longer in the pipeline)"),
            },
        )
        .collect();
    let opps = if opps.is_empty() {
        Vec::new()
    } else {
        vec![Block::List(opps)]
    };
    s.add(
        "planning.plan.opportunity_ids",
        "Expansion opportunities",
        opps,
        "None linked yet.",
    );

    // Actions
    let any_goal = c.actions.iter().any(|a| a.goal.is_some());
    let pushed_from = |id| {
        a.planning
            .qbrs()
            .iter()
            .flat_map(|q| q.mutual_actions.iter())
            .find(|m| m.pushed_as == Some(id))
    };
    let serves_column = internal || any_goal;
    let actions = if c.actions.is_empty() {
        Vec::new()
    } else {
        let mut head = vec!["Action".to_string()];
        if serves_column {
            head.push("Serves".into());
        }
        head.extend(["Owner".into(), "Due".into(), "Status".into()]);
        let rows = c
            .actions
            .iter()
            .map(|a| {
                let mut row = vec![a.text.clone()];
                if serves_column {
                    row.push(match a.goal.and_then(|g| c.goal_number(g)) {
                        Some(n) => format!("Goal {n}"),
                        None if internal => "No goal yet".into(),
                        None => "-".into(),
                    });
                }
                let status = match a.status {
                    ActionStatus::Done { on } => format!("Done on {}", written(on)),
                    ActionStatus::Open if internal && a.is_overdue(inputs.today) => {
                        let d = a.days_overdue(inputs.today);
                        format!("Overdue by {d} day{}", if d == 1 { "" } else { "s" })
                    }
                    ActionStatus::Open => "Open".into(),
                };
                // A shared action names its owner as its mutual action does.
                let owner = match pushed_from(a.id) {
                    Some(m) if !internal => owner_for_customer(&a.owner, m.side, &f.name),
                    _ => a.owner.clone(),
                };
                row.extend([owner, written(a.due), status]);
                row
            })
            .collect();
        vec![Block::Table { head, rows }]
    };
    let actions_heading = if internal {
        "90-day action plan"
    } else {
        "Actions we share"
    };
    s.add(
        "planning.plan.actions[].text",
        actions_heading,
        actions,
        "No actions yet.",
    );

    if s.blocks.is_empty() {
        s.blocks
            .push(Block::Note("The plan is still being written.".into()));
    }
    Doc {
        audience,
        title: match audience {
            Audience::Customer => format!("Account plan: {}", inline(&f.name)),
            Audience::Internal => format!("Account plan (internal): {}", inline(&f.name)),
        },
        lead: lead(audience, &f.name),
        blocks: s.blocks,
    }
}

/// The account plan for `audience` as Markdown.
pub fn plan_markdown(account: &Account, audience: Audience, inputs: &PlanInputs) -> String {
    plan_doc(account, audience, inputs).markdown()
}

/// Who owns a mutual action, as the customer reads it: `Dana Ruiz (Northwind Logistics)`,
/// `Priya Raman (account team)`, or the side alone when no owner is named.
fn who(m: &MutualAction, account_name: &str) -> String {
    owner_for_customer(&m.owner, m.side, account_name)
}

/// An owner on `side` as the customer reads it (see [`who`]). A plan action copied from a
/// customer-side item carries "(customer)" after the name: the account's name replaces it.
pub fn owner_for_customer(owner: &str, side: Side, account_name: &str) -> String {
    let owner = inline(owner);
    let owner = match side {
        Side::Customer => owner
            .strip_suffix("(customer)")
            .map(|o| o.trim_end().to_string())
            .unwrap_or(owner),
        Side::Us => owner,
    };
    // "Customer" is what a customer-side item with no owner becomes in the plan.
    let owner = if side == Side::Customer && owner == "Customer" {
        String::new()
    } else {
        owner
    };
    match (side, owner.is_empty()) {
        (Side::Customer, true) => inline(account_name),
        (Side::Us, true) => "Account team".into(),
        (Side::Customer, false) => format!("{owner} ({})", inline(account_name)),
        (Side::Us, false) => format!("{owner} (account team)"),
    }
}

/// A QBR of the account for `audience` (docs/audience.md): when, who, the agenda with
/// clock times, each part's content and the mutual action plan; the internal version adds
/// the preparation checklist and the notes. `None` when the account has no such QBR.
pub fn qbr_doc(account: &Account, qbr: QbrId, audience: Audience) -> Option<Doc> {
    let a = source(account, audience);
    let q = a.planning.qbr(qbr)?;
    let name = inline(&a.fields.name);
    let internal = audience == Audience::Internal;
    let mut s = Sections::new(audience);

    let mut facts = Vec::new();
    if shows(audience, "planning.qbrs[].date") {
        facts.push((
            "Date".to_string(),
            format!("{}, {}", written_with_day(q.date), q.time_range()),
        ));
    }
    if shows(audience, "planning.qbrs[].attendees") {
        let names: Vec<String> = q
            .attendees
            .iter()
            .filter_map(|id| {
                let person = a.stakeholders.people().iter().find(|p| p.id.0 == *id);
                match person {
                    Some(p) => {
                        let mut extra = Vec::new();
                        if shows(audience, "stakeholders.people[].title")
                            && !p.fields.title.trim().is_empty()
                        {
                            extra.push(inline(&p.fields.title));
                        }
                        if shows(audience, "stakeholders.people[].roles")
                            && p.fields.has_role(Role::ExecutiveSponsor)
                        {
                            extra.push("executive sponsor".into());
                        }
                        let n = inline(&p.fields.name);
                        Some(if extra.is_empty() {
                            n
                        } else {
                            format!("{n} ({})", extra.join(", "))
                        })
                    }
                    None if internal => Some("a former contact".into()),
                    None => None,
                }
            })
            .collect();
        facts.push((
            "Invited".to_string(),
            if names.is_empty() {
                "to be confirmed".into()
            } else {
                names.join("; ")
            },
        ));
    }
    if shows(audience, "owner") && !a.fields.owner.trim().is_empty() {
        facts.push(("Account manager".into(), a.fields.owner.trim().to_string()));
    }
    s.blocks.push(Block::Facts(facts));

    s.blocks.push(Block::Heading("Agenda".into()));
    s.blocks.push(Block::Table {
        head: vec!["Time".into(), "Topic".into()],
        rows: q
            .agenda()
            .into_iter()
            .map(|(clock, slot)| vec![clock, slot.topic.title().to_string()])
            .collect(),
    });

    s.add(
        "planning.qbrs[].value_delivered",
        "Value delivered",
        text_block(&q.value_delivered),
        "Not written yet.",
    );
    s.add(
        "planning.qbrs[].challenges",
        "Challenges and open issues",
        text_block(&q.challenges),
        "Not written yet.",
    );
    s.add(
        "planning.qbrs[].roadmap",
        "Roadmap and opportunities",
        text_block(&q.roadmap),
        "Not written yet.",
    );

    let mutual = if q.mutual_actions.is_empty() {
        Vec::new()
    } else if internal {
        vec![Block::Table {
            head: vec![
                "Action".into(),
                "Owner".into(),
                "Side".into(),
                "Due".into(),
                "In the 90-day plan".into(),
            ],
            rows: q
                .mutual_actions
                .iter()
                .map(|m| {
                    vec![
                        m.text.clone(),
                        m.owner.clone(),
                        m.side.label().to_string(),
                        written(m.due),
                        if m.pushed_as.is_some() {
                            "Yes"
                        } else {
                            "Not yet"
                        }
                        .to_string(),
                    ]
                })
                .collect(),
        }]
    } else {
        vec![Block::Table {
            head: vec!["Action".into(), "Who".into(), "Due".into()],
            rows: q
                .mutual_actions
                .iter()
                .map(|m| vec![m.text.clone(), who(m, &name), written(m.due)])
                .collect(),
        }]
    };
    s.add(
        "planning.qbrs[].mutual_actions[].text",
        "Mutual action plan",
        mutual,
        "Agreed in the meeting.",
    );

    if shows(audience, "planning.qbrs[].prep_done") {
        let items = crate::domain::qbr::PrepItem::ALL
            .iter()
            .map(|p| {
                let mark = if q.prep.is_ticked(*p) {
                    "Done"
                } else {
                    "To do"
                };
                format!("{mark}: {}", p.label())
            })
            .collect();
        s.add(
            "planning.qbrs[].prep_done",
            "Preparation",
            vec![Block::List(items)],
            "",
        );
    }
    s.add(
        "planning.qbrs[].notes",
        "Notes",
        text_block(&q.notes),
        "No notes.",
    );

    Some(Doc {
        audience,
        title: match audience {
            Audience::Customer => format!("Quarterly business review: {name}"),
            Audience::Internal => format!("Quarterly business review (internal): {name}"),
        },
        lead: lead(audience, &a.fields.name),
        blocks: s.blocks,
    })
}

/// A QBR for `audience` as Markdown (empty when the account has no such QBR).
pub fn qbr_markdown(account: &Account, qbr: QbrId, audience: Audience) -> String {
    qbr_doc(account, qbr, audience)
        .map(|d| d.markdown())
        .unwrap_or_default()
}

/// The file name of a document for `audience`: `account-plan-acme-corp-2026-11-22.md` for
/// the customer, `account-plan-internal-acme-corp-2026-11-22.md` for us.
pub fn doc_file_name(
    kind: &str,
    audience: Audience,
    account_name: &str,
    date: NaiveDate,
) -> String {
    match audience {
        Audience::Customer => markdown_file_name(kind, account_name, date),
        Audience::Internal => markdown_file_name(&format!("{kind}-internal"), account_name, date),
    }
}

/// A file name for a downloaded document: `account-plan-acme-corp-2026-11-22.md`
/// (`kind` is e.g. `account-plan` or `qbr`).
pub fn markdown_file_name(kind: &str, account_name: &str, date: NaiveDate) -> String {
    format!("{kind}-{}-{date}.md", slug(account_name))
}

/// Lower-case ASCII letters and digits joined by single dashes: `Acme & Co.` -> `acme-co`;
/// `account` when nothing is left.
pub fn slug(name: &str) -> String {
    let mut slug = String::new();
    for ch in name.chars().flat_map(char::to_lowercase) {
        if ch.is_ascii_alphanumeric() {
            slug.push(ch);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "account".into()
    } else {
        slug.to_string()
    }
}

//! Customer-ready Markdown: the account plan and a QBR, for copying into an email or a
//! document, or saving as `.md`.
//!
//! User text is written as typed, except where it would break the layout: in table cells
//! `|` becomes `\|` and line breaks become `<br>`; in one-line places (list items,
//! headings) line breaks become spaces. Internal material stays out of the documents: the
//! QBR's notes, its preparation checklist and its warnings are for the AM only.

use chrono::NaiveDate;

use crate::domain::plan::{ActionStatus, MetRule, MetStatus, RiskStatus};
use crate::domain::qbr::{PersonRef, Qbr};
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

fn or_dash(s: &str) -> String {
    if s.trim().is_empty() {
        "-".into()
    } else {
        inline(s)
    }
}

/// The account plan as a Markdown document. `tier` is the account's effective tier;
/// `opportunities` describes the linked opportunity ids (unknown ids are shown as gone);
/// `today` marks overdue actions.
pub fn plan_markdown(
    account: &Account,
    tier: Tier,
    currency: &Currency,
    opportunities: &[OpportunityRef],
    today: NaiveDate,
) -> String {
    let f = &account.fields;
    let plan = &account.planning.plan;
    let c = plan.content();
    let mut md = String::new();
    let mut line = |s: &str| {
        md.push_str(s);
        md.push('\n');
    };

    line(&format!("# Account plan: {}", inline(&f.name)));
    line("");
    line(&format!("- **Account owner:** {}", or_dash(&f.owner)));
    line(&format!("- **Tier:** {}", tier.label()));
    line(&format!("- **ARR:** {}", currency.format(f.arr)));
    if let Some(r) = f.renewal_date {
        line(&format!("- **Renewal date:** {r}"));
    }
    line(&format!(
        "- **Last updated:** {}",
        plan.last_updated()
            .map(|d| d.to_string())
            .unwrap_or_else(|| "not yet".into())
    ));

    line("");
    line("## Overview");
    line("");
    let mut facts = Vec::new();
    if !f.industry.trim().is_empty() {
        facts.push(format!("**Industry:** {}", inline(&f.industry)));
    }
    if let Some(s) = f.segment {
        facts.push(format!("**Segment:** {}", s.label()));
    }
    if let Some(s) = f.size {
        facts.push(format!("**Size:** {}", s.label()));
    }
    if !f.primary_use_case.trim().is_empty() {
        facts.push(format!(
            "**Main use case:** {}",
            inline(&f.primary_use_case)
        ));
    }
    if !f.products.is_empty() {
        facts.push(format!("**Products:** {}", inline(&f.products_text())));
    }
    for fact in &facts {
        line(&format!("- {fact}"));
    }
    if !facts.is_empty() {
        line("");
    }
    line(&block(&c.overview, "No overview written yet."));

    line("");
    line("## The customer's strategic goals");
    line("");
    if c.goals.is_empty() {
        line("_No goals written yet._");
    }
    for (i, g) in c.goals.iter().enumerate() {
        if i > 0 {
            line("");
        }
        line(&format!("### Goal {}: {}", i + 1, inline(&g.text)));
        line("");
        line(&format!("- **Source:** {}", or_dash(&g.source)));
        line(&format!("- **How we help:** {}", or_dash(&g.mapping)));
    }

    line("");
    line("## Success metrics");
    line("");
    if c.metrics.is_empty() {
        line("_No metrics agreed yet._");
    } else {
        line("| Metric | Target | Current | Status |");
        line("|---|---|---|---|");
        for m in &c.metrics {
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
            line(&format!(
                "| {} | {} | {} | {status} |",
                cell(&m.name),
                cell(&target),
                cell(&current)
            ));
        }
    }

    line("");
    line("## Risks and mitigations");
    line("");
    if c.risks.is_empty() {
        line("_No risks listed._");
    } else {
        line("| Risk | Mitigation | Status |");
        line("|---|---|---|");
        for r in &c.risks {
            let status = match r.status {
                RiskStatus::Open => "Open",
                RiskStatus::Closed => "Closed",
            };
            line(&format!(
                "| {} | {} | {status} |",
                cell(&r.risk),
                cell(&r.mitigation)
            ));
        }
    }

    line("");
    line("## SWOT");
    for (title, _, entries) in c.swot.quadrants() {
        line("");
        line(&format!("### {title}"));
        line("");
        if entries.is_empty() {
            line("_None listed._");
        }
        for e in entries {
            line(&format!("- {}", inline(e)));
        }
    }

    line("");
    line("## Expansion opportunities");
    line("");
    if c.opportunity_ids.is_empty() {
        line("_None linked yet._");
    }
    for id in &c.opportunity_ids {
        match opportunities.iter().find(|o| o.id == *id) {
            Some(o) => line(&format!("- {}", inline(&o.label))),
            None => line(&format!("- Opportunity {id} (no longer in the pipeline)")),
        }
    }

    line("");
    line("## 90-day action plan");
    line("");
    if c.actions.is_empty() {
        line("_No actions yet._");
    } else {
        line("| Action | Serves | Owner | Due | Status |");
        line("|---|---|---|---|---|");
        for a in &c.actions {
            let serves = match a.goal.and_then(|g| c.goal_number(g)) {
                Some(n) => format!("Goal {n}"),
                None => "No goal yet".into(),
            };
            let status = match a.status {
                ActionStatus::Done { on } => format!("Done {on}"),
                ActionStatus::Open if a.is_overdue(today) => {
                    let d = a.days_overdue(today);
                    format!("Overdue by {d} day{}", if d == 1 { "" } else { "s" })
                }
                ActionStatus::Open => "Open".into(),
            };
            line(&format!(
                "| {} | {serves} | {} | {} | {status} |",
                cell(&a.text),
                cell(&a.owner),
                a.due
            ));
        }
    }
    md
}

/// A QBR as a Markdown document for the customer: when, who, the agenda with clock
/// times, then each part's content and the mutual action plan. `people` names the
/// attendees (ids not found are shown as "a former contact").
pub fn qbr_markdown(account: &Account, qbr: &Qbr, people: &[PersonRef]) -> String {
    let mut md = String::new();
    let mut line = |s: &str| {
        md.push_str(s);
        md.push('\n');
    };
    let time = qbr.time_range();

    line(&format!(
        "# Quarterly business review: {}",
        inline(&account.fields.name)
    ));
    line("");
    line(&format!(
        "- **Date:** {}, {time}",
        qbr.date.format("%A %-d %B %Y")
    ));
    let names: Vec<String> = qbr
        .attendees
        .iter()
        .map(|id| match people.iter().find(|p| p.id == *id) {
            Some(p) if p.is_executive_sponsor => {
                format!("{} (executive sponsor)", inline(&p.name))
            }
            Some(p) => inline(&p.name),
            None => "a former contact".into(),
        })
        .collect();
    line(&format!(
        "- **Attendees:** {}",
        if names.is_empty() {
            "to be confirmed".into()
        } else {
            names.join(", ")
        }
    ));
    if !account.fields.owner.trim().is_empty() {
        line(&format!(
            "- **Account manager:** {}",
            inline(&account.fields.owner)
        ));
    }

    line("");
    line("## Agenda");
    line("");
    line("| Time | Topic | Minutes |");
    line("|---|---|---|");
    for (clock, slot) in qbr.agenda() {
        line(&format!(
            "| {clock} | {} | {} |",
            slot.topic.title(),
            slot.minutes()
        ));
    }

    line("");
    line("## Value delivered");
    line("");
    line(&block(&qbr.value_delivered, "To be reviewed together."));
    line("");
    line("## Challenges and open issues");
    line("");
    line(&block(&qbr.challenges, "None raised."));
    line("");
    line("## Roadmap and opportunities");
    line("");
    line(&block(&qbr.roadmap, "To be discussed."));
    line("");
    line("## Mutual action plan");
    line("");
    if qbr.mutual_actions.is_empty() {
        line("_Agreed in the meeting._");
    } else {
        line("| Action | Owner | Side | Due |");
        line("|---|---|---|---|");
        for m in &qbr.mutual_actions {
            line(&format!(
                "| {} | {} | {} | {} |",
                cell(&m.text),
                cell(&m.owner),
                m.side.label(),
                m.due
            ));
        }
    }
    md
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

//! Relationship risks the planner raises on its own (docs/domain.md#stakeholders).
//!
//! People who left the company never count towards a rule (as a sponsor, a supporter, a
//! relationship...), but they are named in a risk where that explains it (the champion
//! who left, the sponsor who left). At most one risk of each kind; [`RiskKind::ALL`] is
//! the order they are listed in, most urgent first.
//!
//! Decisions:
//! - Single-threaded fires for any of three reasons ([`ThreadReason`]): fewer than 3
//!   people still there are neutral or better; exactly one person still there is positive
//!   (all the goodwill rests on one person at the customer); or two or more positive
//!   people all have the same relationship owner on our side (all goodwill rests on one
//!   person of ours). Owners compare trimmed and case-insensitively. With no positive
//!   person at all only the first reason can apply.
//! - Champion gone: the champions are the people with the champion role or champion
//!   sentiment. It fires when there was at least one and every one of them has left; it
//!   sets `high_churn_risk`.
//! - Influential blocker: blocker role, influence 4 or 5, still there, no owner.
//! - Overdue contact: see [`super::Stakeholder::is_overdue`].
//! - Not reviewed: more than 90 days since the last review; a map never reviewed counts
//!   as not reviewed once it has anyone on it.
//! - Tier 1: fewer than 5 people still at the company.

use chrono::NaiveDate;

use super::{Role, Stakeholder, StakeholderId, StakeholderMap};
use crate::domain::text::{isolate, plural};
use crate::domain::tier::Tier;

/// Fewer people than this who are neutral or better makes an account single-threaded.
pub const MIN_SUPPORTIVE: usize = 3;
/// A map older than this many days needs a review.
pub const REVIEW_INTERVAL_DAYS: i64 = 90;
/// A Tier 1 account with fewer relationships than this is too thin.
pub const TIER1_MIN_RELATIONSHIPS: usize = 5;

/// The kinds of relationship risk, in the order they are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RiskKind {
    ChampionGone,
    SingleThreaded,
    InfluentialBlocker,
    NoExecutiveSponsor,
    NoEconomicBuyer,
    TooFewRelationships,
    OverdueContact,
    NotReviewed,
}

impl RiskKind {
    pub const ALL: [RiskKind; 8] = [
        RiskKind::ChampionGone,
        RiskKind::SingleThreaded,
        RiskKind::InfluentialBlocker,
        RiskKind::NoExecutiveSponsor,
        RiskKind::NoEconomicBuyer,
        RiskKind::TooFewRelationships,
        RiskKind::OverdueContact,
        RiskKind::NotReviewed,
    ];
    pub fn title(self) -> &'static str {
        match self {
            RiskKind::ChampionGone => "Our champion is gone",
            RiskKind::SingleThreaded => "Single-threaded",
            RiskKind::InfluentialBlocker => "Influential blocker with no owner",
            RiskKind::NoExecutiveSponsor => "No executive sponsor",
            RiskKind::NoEconomicBuyer => "No economic buyer",
            RiskKind::TooFewRelationships => "Too few relationships for Tier 1",
            RiskKind::OverdueContact => "Overdue contacts",
            RiskKind::NotReviewed => "Map not reviewed this quarter",
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            RiskKind::ChampionGone => "champion_gone",
            RiskKind::SingleThreaded => "single_threaded",
            RiskKind::InfluentialBlocker => "influential_blocker",
            RiskKind::NoExecutiveSponsor => "no_executive_sponsor",
            RiskKind::NoEconomicBuyer => "no_economic_buyer",
            RiskKind::TooFewRelationships => "too_few_relationships",
            RiskKind::OverdueContact => "overdue_contact",
            RiskKind::NotReviewed => "not_reviewed",
        }
    }
    pub fn what_to_do(self) -> &'static str {
        match self {
            RiskKind::ChampionGone => "Treat the account as likely to churn, starting today. Find a new champion among the supporters, get in front of the sponsor, and stay in touch with the old champion at their new company.",
            RiskKind::SingleThreaded => "Widen the net: get to know at least three people who are neutral or better, at different levels, and spread them across your team so no single exit breaks the link.",
            RiskKind::InfluentialBlocker => "Give each of them an owner on our side this week. Learn what worries them and plan how to answer it before it reaches the renewal.",
            RiskKind::NoExecutiveSponsor => "Find the leader who owns the budget for this work and ask your champion to introduce you; pair them with an executive of ours.",
            RiskKind::NoEconomicBuyer => "Find out who signs the renewal and meet them well before it is due; ask your champion or procurement how the decision gets made.",
            RiskKind::TooFewRelationships => "A strategic account needs a wide net: add people across business units and levels until you know at least five.",
            RiskKind::OverdueContact => "Get in touch with them. If the cadence no longer fits, change it instead of letting it slip.",
            RiskKind::NotReviewed => "Go through the map: who moved, who left, who changed their mind. Then mark it reviewed; once a quarter is the rhythm.",
        }
    }
}

/// Why an account counts as single-threaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ThreadReason {
    /// Fewer than [`MIN_SUPPORTIVE`] people still there are neutral or better.
    FewSupportive { count: usize },
    /// Exactly one person still there is a supporter or champion.
    OnePositivePerson { person: StakeholderId },
    /// Two or more positive people, all with the same owner on our side.
    OneOwner { owner: String },
}

/// One risk raised on an account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Risk {
    pub kind: RiskKind,
    /// What exactly is wrong here, with names and numbers.
    pub message: String,
    /// The people concerned, in map order (may be empty, e.g. "no economic buyer").
    pub people: Vec<StakeholderId>,
}

impl Risk {
    pub fn title(&self) -> &'static str {
        self.kind.title()
    }
    pub fn what_to_do(&self) -> &'static str {
        self.kind.what_to_do()
    }
}

/// Every risk of an account, in [`RiskKind::ALL`] order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RiskReport {
    pub risks: Vec<Risk>,
    /// The only champion has gone: the account is at high risk of churn right now.
    pub high_churn_risk: bool,
}

impl RiskReport {
    pub fn has(&self, kind: RiskKind) -> bool {
        self.risks.iter().any(|r| r.kind == kind)
    }
    pub fn get(&self, kind: RiskKind) -> Option<&Risk> {
        self.risks.iter().find(|r| r.kind == kind)
    }
    pub fn kinds(&self) -> Vec<RiskKind> {
        self.risks.iter().map(|r| r.kind).collect()
    }
    pub fn count(&self) -> usize {
        self.risks.len()
    }
    pub fn is_single_threaded(&self) -> bool {
        self.has(RiskKind::SingleThreaded)
    }
}

fn owner_key(p: &Stakeholder) -> Option<String> {
    p.fields.owner_name().map(str::to_lowercase)
}

/// The reasons the map is single-threaded (empty: it is not).
pub fn single_thread_reasons(map: &StakeholderMap) -> Vec<ThreadReason> {
    let mut out = Vec::new();
    let supportive = map
        .current()
        .filter(|p| p.fields.sentiment.is_neutral_or_better())
        .count();
    if supportive < MIN_SUPPORTIVE {
        out.push(ThreadReason::FewSupportive { count: supportive });
    }
    let positive: Vec<&Stakeholder> = map
        .current()
        .filter(|p| p.fields.sentiment.is_positive())
        .collect();
    if positive.len() == 1 {
        out.push(ThreadReason::OnePositivePerson {
            person: positive[0].id,
        });
    } else if positive.len() >= 2 {
        let first = owner_key(positive[0]);
        if first.is_some() && positive.iter().all(|p| owner_key(p) == first) {
            out.push(ThreadReason::OneOwner {
                owner: isolate(positive[0].fields.owner_name().unwrap_or("")),
            });
        }
    }
    out
}

fn names(map: &StakeholderMap, ids: &[StakeholderId]) -> String {
    let names: Vec<String> = ids.iter().map(|id| isolate(map.name_of(*id))).collect();
    match names.len() {
        0 => String::new(),
        1 => names[0].clone(),
        n => format!("{} and {}", names[..n - 1].join(", "), names[n - 1]),
    }
}

/// Every relationship risk of an account's map, for a tier, on `today`.
pub fn assess(map: &StakeholderMap, tier: Tier, today: NaiveDate) -> RiskReport {
    let mut risks = Vec::new();

    // Champion gone.
    let champions: Vec<&Stakeholder> = map
        .people()
        .iter()
        .filter(|p| {
            p.fields.has_role(Role::Champion) || p.fields.sentiment == super::Sentiment::Champion
        })
        .collect();
    let champion_gone = !champions.is_empty() && champions.iter().all(|p| !p.is_current());
    if champion_gone {
        let ids: Vec<StakeholderId> = champions.iter().map(|p| p.id).collect();
        let message = if ids.len() == 1 {
            format!(
                "{} left the company and nobody else champions us there.",
                names(map, &ids)
            )
        } else {
            format!(
                "Every champion we had ({}) has left the company.",
                names(map, &ids)
            )
        };
        risks.push(Risk {
            kind: RiskKind::ChampionGone,
            message,
            people: ids,
        });
    }

    // Single-threaded.
    let reasons = single_thread_reasons(map);
    if !reasons.is_empty() {
        let mut involved: Vec<StakeholderId> = Vec::new();
        let mut parts: Vec<String> = Vec::new();
        for r in &reasons {
            match r {
                ThreadReason::FewSupportive { count } => {
                    involved.extend(
                        map.current()
                            .filter(|p| p.fields.sentiment.is_neutral_or_better())
                            .map(|p| p.id),
                    );
                    parts.push(match count {
                        0 => format!(
                            "Nobody at the company is neutral or better towards us; we need at least {MIN_SUPPORTIVE}."
                        ),
                        n => format!(
                            "Only {} at the company neutral or better; we need at least {MIN_SUPPORTIVE}.",
                            plural(*n, "person is", "people are")
                        ),
                    });
                }
                ThreadReason::OnePositivePerson { person } => {
                    involved.push(*person);
                    parts.push(format!(
                        "All the goodwill rests on {}: nobody else is a supporter or champion.",
                        isolate(map.name_of(*person))
                    ));
                }
                ThreadReason::OneOwner { owner } => {
                    involved.extend(
                        map.current()
                            .filter(|p| p.fields.sentiment.is_positive())
                            .map(|p| p.id),
                    );
                    parts.push(format!(
                        "Every supporter and champion is handled by {owner} on our side."
                    ));
                }
            }
        }
        risks.push(Risk {
            kind: RiskKind::SingleThreaded,
            message: parts.join(" "),
            people: in_map_order(map, involved),
        });
    }

    // Influential blocker with no owner.
    let blockers: Vec<StakeholderId> = map
        .current()
        .filter(|p| {
            p.fields.has_role(Role::Blocker)
                && p.fields.influence.is_high()
                && p.fields.owner_name().is_none()
        })
        .map(|p| p.id)
        .collect();
    if !blockers.is_empty() {
        let verb = if blockers.len() == 1 { "has" } else { "have" };
        risks.push(Risk {
            kind: RiskKind::InfluentialBlocker,
            message: format!(
                "{} can block us, {verb} influence 4 or 5, and nobody on our side owns the relationship.",
                names(map, &blockers)
            ),
            people: blockers,
        });
    }

    // No executive sponsor / economic buyer.
    for (role, kind, what) in [
        (
            Role::ExecutiveSponsor,
            RiskKind::NoExecutiveSponsor,
            "executive sponsor",
        ),
        (
            Role::EconomicBuyer,
            RiskKind::NoEconomicBuyer,
            "economic buyer",
        ),
    ] {
        if map.current().any(|p| p.fields.has_role(role)) {
            continue;
        }
        let gone: Vec<StakeholderId> = map
            .people()
            .iter()
            .filter(|p| p.fields.has_role(role))
            .map(|p| p.id)
            .collect();
        let message = if gone.is_empty() {
            format!("Nobody on the map is the {what}.")
        } else {
            let verb = if gone.len() == 1 { "has" } else { "have" };
            format!(
                "Nobody still at the company is the {what}: {} {verb} left.",
                names(map, &gone)
            )
        };
        risks.push(Risk {
            kind,
            message,
            people: gone,
        });
    }

    // Tier 1 with too few relationships.
    let current = map.current().count();
    if tier == Tier::Strategic && current < TIER1_MIN_RELATIONSHIPS {
        risks.push(Risk {
            kind: RiskKind::TooFewRelationships,
            message: format!(
                "A Tier 1 account with {} at the company; aim for at least {TIER1_MIN_RELATIONSHIPS}.",
                plural(current, "relationship", "relationships")
            ),
            people: Vec::new(),
        });
    }

    // Overdue contacts.
    let overdue: Vec<&Stakeholder> = map.current().filter(|p| p.is_overdue(today)).collect();
    if !overdue.is_empty() {
        let items: Vec<String> = overdue
            .iter()
            .map(|p| {
                let name = isolate(p.fields.name.trim());
                match p.days_overdue(today) {
                    Some(d) => format!("{name} ({} late)", plural(d as usize, "day", "days")),
                    None => format!("{name} (no contact yet)"),
                }
            })
            .collect();
        risks.push(Risk {
            kind: RiskKind::OverdueContact,
            message: format!("Past their contact cadence: {}.", items.join(", ")),
            people: overdue.iter().map(|p| p.id).collect(),
        });
    }

    // Not reviewed.
    match map.days_since_review(today) {
        Some(days) if days > REVIEW_INTERVAL_DAYS => risks.push(Risk {
            kind: RiskKind::NotReviewed,
            message: format!("Last reviewed {days} days ago."),
            people: Vec::new(),
        }),
        None if !map.is_empty() => risks.push(Risk {
            kind: RiskKind::NotReviewed,
            message: "This map has never been marked reviewed.".to_string(),
            people: Vec::new(),
        }),
        _ => {}
    }

    RiskReport {
        risks,
        high_churn_risk: champion_gone,
    }
}

fn in_map_order(map: &StakeholderMap, ids: Vec<StakeholderId>) -> Vec<StakeholderId> {
    map.people()
        .iter()
        .map(|p| p.id)
        .filter(|id| ids.contains(id))
        .collect()
}

//! Version 1 file shape of an account's planning: the account plan, its QBRs and the
//! qualification scorecards of its opportunities. Lives under `"planning"` in each account.
//!
//! Every bad value is refused on import with a path relative to the account
//! (`planning.plan.goals[3]`, `planning.qbrs[0].start`, ...).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::plan::{
    AccountPlan, Action, ActionId, ActionStatus, FieldError, Goal, GoalId, MetRule, MetricId,
    PlanContent, Risk, RiskId, RiskStatus, SuccessMetric, Swot,
};
use crate::domain::planning::Planning;
use crate::domain::qbr::{
    Checklist, ClockTime, MutualAction, MutualId, PrepItem, Qbr, QbrId, Side,
};
use crate::domain::qualify::{BusinessCase, Element, Framework, Qualification, Rating};

use super::AccountProblem;

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanningV1 {
    #[serde(default)]
    pub plan: PlanV1,
    #[serde(default, deserialize_with = "crate::format::read::list")]
    pub qbrs: Vec<QbrV1>,
    #[serde(default, deserialize_with = "crate::format::read::list")]
    pub qualifications: Vec<QualificationV1>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanV1 {
    #[serde(default, deserialize_with = "crate::format::read::optional_date")]
    pub last_updated: Option<NaiveDate>,
    #[serde(default)]
    pub overview: String,
    #[serde(default, deserialize_with = "crate::format::read::list")]
    pub goals: Vec<GoalV1>,
    #[serde(default, deserialize_with = "crate::format::read::list")]
    pub metrics: Vec<MetricV1>,
    #[serde(default, deserialize_with = "crate::format::read::list")]
    pub risks: Vec<RiskV1>,
    #[serde(default)]
    pub swot: SwotV1,
    /// Expansion opportunities linked to the plan, by id.
    #[serde(default, deserialize_with = "crate::format::read::list")]
    pub opportunity_ids: Vec<u32>,
    #[serde(default, deserialize_with = "crate::format::read::list")]
    pub actions: Vec<ActionV1>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoalV1 {
    pub id: u32,
    pub text: String,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub mapping: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MetRuleV1 {
    AtLeast,
    AtMost,
    Manual,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetricV1 {
    pub name: String,
    #[serde(default)]
    pub unit: String,
    pub target: f64,
    #[serde(default)]
    pub current: Option<f64>,
    /// How "met" is decided: `at_least`, `at_most` or `manual`.
    pub rule: MetRuleV1,
    /// Only for `manual`: ticked met or not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub met: Option<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskStatusV1 {
    #[default]
    Open,
    Closed,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskV1 {
    pub risk: String,
    #[serde(default)]
    pub mitigation: String,
    #[serde(default)]
    pub status: RiskStatusV1,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SwotV1 {
    #[serde(default, deserialize_with = "crate::format::read::list")]
    pub strengths: Vec<String>,
    #[serde(default, deserialize_with = "crate::format::read::list")]
    pub weaknesses: Vec<String>,
    #[serde(default, deserialize_with = "crate::format::read::list")]
    pub opportunities: Vec<String>,
    #[serde(default, deserialize_with = "crate::format::read::list")]
    pub threats: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionV1 {
    pub id: u32,
    pub text: String,
    #[serde(deserialize_with = "crate::format::read::date")]
    pub due: NaiveDate,
    #[serde(default)]
    pub owner: String,
    /// The goal id this action serves; absent when tied to none.
    #[serde(default)]
    pub goal: Option<u32>,
    /// When it was done; absent while open.
    #[serde(default, deserialize_with = "crate::format::read::optional_date")]
    pub done_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QbrV1 {
    pub id: u32,
    #[serde(deserialize_with = "crate::format::read::date")]
    pub date: NaiveDate,
    /// Start time `HH:MM`, 24-hour clock, at most 23:00.
    pub start: String,
    /// Stakeholder ids.
    #[serde(default, deserialize_with = "crate::format::read::list")]
    pub attendees: Vec<u32>,
    /// Keys of the ticked preparation items (`usage_and_roi`, `agenda_sent`, ...).
    #[serde(default, deserialize_with = "crate::format::read::list")]
    pub prep_done: Vec<String>,
    #[serde(default)]
    pub value_delivered: String,
    #[serde(default)]
    pub challenges: String,
    #[serde(default)]
    pub roadmap: String,
    #[serde(default)]
    pub notes: String,
    #[serde(default, deserialize_with = "crate::format::read::list")]
    pub mutual_actions: Vec<MutualActionV1>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SideV1 {
    Us,
    Customer,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MutualActionV1 {
    pub text: String,
    #[serde(default)]
    pub owner: String,
    pub side: SideV1,
    #[serde(deserialize_with = "crate::format::read::date")]
    pub due: NaiveDate,
    /// The plan action this item was copied into, once pushed.
    #[serde(default)]
    pub pushed_as: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ElementV1 {
    /// 0 (unknown) to 3 (strong).
    pub rating: u8,
    #[serde(default)]
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeddicV1 {
    pub metrics: ElementV1,
    pub economic_buyer: ElementV1,
    pub decision_criteria: ElementV1,
    pub decision_process: ElementV1,
    pub identified_pain: ElementV1,
    pub champion: ElementV1,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BantV1 {
    pub budget: ElementV1,
    pub authority: ElementV1,
    pub need: ElementV1,
    pub timeline: ElementV1,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BusinessCaseV1 {
    /// Above 0, in the workspace currency.
    pub investment: f64,
    /// May be zero or negative.
    pub annual_benefit: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QualificationV1 {
    pub opportunity_id: u32,
    pub meddic: MeddicV1,
    pub bant: BantV1,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_case: Option<BusinessCaseV1>,
}

// ---- domain -> file ----

impl From<&Planning> for PlanningV1 {
    fn from(p: &Planning) -> Self {
        PlanningV1 {
            plan: (&p.plan).into(),
            qbrs: p.qbrs().iter().map(QbrV1::from).collect(),
            qualifications: p
                .qualifications()
                .iter()
                .map(QualificationV1::from)
                .collect(),
        }
    }
}

impl From<&AccountPlan> for PlanV1 {
    fn from(p: &AccountPlan) -> Self {
        let c = p.content();
        PlanV1 {
            last_updated: p.last_updated(),
            overview: c.overview.clone(),
            goals: c
                .goals
                .iter()
                .map(|g| GoalV1 {
                    id: g.id.0,
                    text: g.text.clone(),
                    source: g.source.clone(),
                    mapping: g.mapping.clone(),
                })
                .collect(),
            metrics: c
                .metrics
                .iter()
                .map(|m| MetricV1 {
                    name: m.name.clone(),
                    unit: m.unit.clone(),
                    target: m.target,
                    current: m.current,
                    rule: match m.rule {
                        MetRule::AtLeast => MetRuleV1::AtLeast,
                        MetRule::AtMost => MetRuleV1::AtMost,
                        MetRule::Manual { .. } => MetRuleV1::Manual,
                    },
                    met: match m.rule {
                        MetRule::Manual { met } => Some(met),
                        _ => None,
                    },
                })
                .collect(),
            risks: c
                .risks
                .iter()
                .map(|r| RiskV1 {
                    risk: r.risk.clone(),
                    mitigation: r.mitigation.clone(),
                    status: match r.status {
                        RiskStatus::Open => RiskStatusV1::Open,
                        RiskStatus::Closed => RiskStatusV1::Closed,
                    },
                })
                .collect(),
            swot: SwotV1 {
                strengths: c.swot.strengths.clone(),
                weaknesses: c.swot.weaknesses.clone(),
                opportunities: c.swot.opportunities.clone(),
                threats: c.swot.threats.clone(),
            },
            opportunity_ids: c.opportunity_ids.clone(),
            actions: c
                .actions
                .iter()
                .map(|a| ActionV1 {
                    id: a.id.0,
                    text: a.text.clone(),
                    due: a.due,
                    owner: a.owner.clone(),
                    goal: a.goal.map(|g| g.0),
                    done_on: match a.status {
                        ActionStatus::Done { on } => Some(on),
                        ActionStatus::Open => None,
                    },
                })
                .collect(),
        }
    }
}

impl From<&Qbr> for QbrV1 {
    fn from(q: &Qbr) -> Self {
        QbrV1 {
            id: q.id.0,
            date: q.date,
            start: q.start.to_string(),
            attendees: q.attendees.clone(),
            prep_done: q
                .prep
                .ticked()
                .iter()
                .map(|p| p.key().to_string())
                .collect(),
            value_delivered: q.value_delivered.clone(),
            challenges: q.challenges.clone(),
            roadmap: q.roadmap.clone(),
            notes: q.notes.clone(),
            mutual_actions: q
                .mutual_actions
                .iter()
                .map(|m| MutualActionV1 {
                    text: m.text.clone(),
                    owner: m.owner.clone(),
                    side: match m.side {
                        Side::Us => SideV1::Us,
                        Side::Customer => SideV1::Customer,
                    },
                    due: m.due,
                    pushed_as: m.pushed_as.map(|a| a.0),
                })
                .collect(),
        }
    }
}

fn element_v1(card: &crate::domain::qualify::Scorecard, e: Element) -> ElementV1 {
    let s = card.score(e).cloned().unwrap_or_default();
    ElementV1 {
        rating: s.rating.value(),
        notes: s.notes,
    }
}

impl From<&Qualification> for QualificationV1 {
    fn from(q: &Qualification) -> Self {
        let m = q.card(Framework::Meddic);
        let b = q.card(Framework::Bant);
        QualificationV1 {
            opportunity_id: q.opportunity(),
            meddic: MeddicV1 {
                metrics: element_v1(m, Element::Metrics),
                economic_buyer: element_v1(m, Element::EconomicBuyer),
                decision_criteria: element_v1(m, Element::DecisionCriteria),
                decision_process: element_v1(m, Element::DecisionProcess),
                identified_pain: element_v1(m, Element::IdentifiedPain),
                champion: element_v1(m, Element::Champion),
            },
            bant: BantV1 {
                budget: element_v1(b, Element::Budget),
                authority: element_v1(b, Element::Authority),
                need: element_v1(b, Element::Need),
                timeline: element_v1(b, Element::Timeline),
            },
            business_case: q.business_case.map(|c| BusinessCaseV1 {
                investment: c.investment(),
                annual_benefit: c.annual_benefit(),
            }),
        }
    }
}

// ---- file -> domain ----

fn first(errors: Vec<FieldError>, prefix: &str) -> AccountProblem {
    let e = errors
        .into_iter()
        .next()
        .expect("an error list is never empty");
    let e = e.under(prefix);
    (e.path, e.message)
}

impl PlanningV1 {
    /// The domain planning, or the first problem with its path below the account
    /// (`planning.plan.actions[2].goal`).
    pub fn into_domain(self) -> Result<Planning, AccountProblem> {
        let plan = self
            .plan
            .into_domain()
            .map_err(|(p, m)| (format!("planning.plan.{p}"), m))?;
        let qbrs = self
            .qbrs
            .into_iter()
            .enumerate()
            .map(|(i, q)| {
                q.into_domain()
                    .map_err(|(p, m)| (format!("planning.qbrs[{i}].{p}"), m))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let quals = self
            .qualifications
            .into_iter()
            .enumerate()
            .map(|(i, q)| {
                q.into_domain()
                    .map_err(|(p, m)| (format!("planning.qualifications[{i}].{p}"), m))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Planning::from_parts(plan, qbrs, quals).map_err(|e| {
            let e = e.under("planning");
            (e.path, e.message)
        })
    }
}

impl PlanV1 {
    fn into_domain(self) -> Result<AccountPlan, AccountProblem> {
        let mut metrics = Vec::new();
        for (i, m) in self.metrics.into_iter().enumerate() {
            let rule = match (m.rule, m.met) {
                (MetRuleV1::AtLeast, None) => MetRule::AtLeast,
                (MetRuleV1::AtMost, None) => MetRule::AtMost,
                (MetRuleV1::Manual, Some(met)) => MetRule::Manual { met },
                (MetRuleV1::Manual, None) => {
                    return Err((
                        format!("metrics[{i}].met"),
                        "a manual metric needs \"met\": true or false".into(),
                    ))
                }
                (_, Some(_)) => {
                    return Err((
                        format!("metrics[{i}].met"),
                        "\"met\" is only for manual metrics; at_least and at_most metrics are met by comparing current with target".into(),
                    ))
                }
            };
            metrics.push(SuccessMetric {
                id: MetricId(i as u32 + 1),
                name: m.name,
                unit: m.unit,
                target: m.target,
                current: m.current,
                rule,
            });
        }
        let content = PlanContent {
            overview: self.overview,
            goals: self
                .goals
                .into_iter()
                .map(|g| Goal {
                    id: GoalId(g.id),
                    text: g.text,
                    source: g.source,
                    mapping: g.mapping,
                })
                .collect(),
            metrics,
            risks: self
                .risks
                .into_iter()
                .zip(1..)
                .map(|(r, n)| Risk {
                    id: RiskId(n),
                    risk: r.risk,
                    mitigation: r.mitigation,
                    status: match r.status {
                        RiskStatusV1::Open => RiskStatus::Open,
                        RiskStatusV1::Closed => RiskStatus::Closed,
                    },
                })
                .collect(),
            swot: Swot {
                strengths: self.swot.strengths,
                weaknesses: self.swot.weaknesses,
                opportunities: self.swot.opportunities,
                threats: self.swot.threats,
            },
            opportunity_ids: self.opportunity_ids,
            actions: self
                .actions
                .into_iter()
                .map(|a| Action {
                    id: ActionId(a.id),
                    text: a.text,
                    due: a.due,
                    owner: a.owner,
                    status: match a.done_on {
                        Some(on) => ActionStatus::Done { on },
                        None => ActionStatus::Open,
                    },
                    goal: a.goal.map(GoalId),
                })
                .collect(),
        };
        AccountPlan::from_parts(content, self.last_updated).map_err(|e| first(e, ""))
    }
}

impl QbrV1 {
    fn into_domain(self) -> Result<Qbr, AccountProblem> {
        let start = ClockTime::parse(&self.start).map_err(|m| ("start".to_string(), m.message))?;
        let mut prep = Checklist::default();
        for (i, key) in self.prep_done.iter().enumerate() {
            let item = PrepItem::from_key(key).ok_or_else(|| {
                (
                    format!("prep_done[{i}]"),
                    format!(
                        "unknown preparation item \"{key}\"; expected one of: {}",
                        PrepItem::ALL.map(|p| p.key()).join(", ")
                    ),
                )
            })?;
            if prep.is_ticked(item) {
                return Err((
                    format!("prep_done[{i}]"),
                    format!("\"{key}\" is listed twice"),
                ));
            }
            prep.set(item, true);
        }
        let qbr = Qbr {
            id: QbrId(self.id),
            date: self.date,
            start,
            attendees: self.attendees,
            prep,
            value_delivered: self.value_delivered,
            challenges: self.challenges,
            roadmap: self.roadmap,
            notes: self.notes,
            mutual_actions: self
                .mutual_actions
                .into_iter()
                .zip(1..)
                .map(|(m, n)| MutualAction {
                    id: MutualId(n),
                    text: m.text,
                    owner: m.owner,
                    side: match m.side {
                        SideV1::Us => Side::Us,
                        SideV1::Customer => Side::Customer,
                    },
                    due: m.due,
                    pushed_as: m.pushed_as.map(ActionId),
                })
                .collect(),
        };
        qbr.validate().map_err(|e| first(e, ""))?;
        Ok(qbr)
    }
}

impl QualificationV1 {
    fn into_domain(self) -> Result<Qualification, AccountProblem> {
        let mut q = Qualification::new(self.opportunity_id);
        let m = self.meddic;
        let b = self.bant;
        let elements = [
            ("meddic", Element::Metrics, m.metrics),
            ("meddic", Element::EconomicBuyer, m.economic_buyer),
            ("meddic", Element::DecisionCriteria, m.decision_criteria),
            ("meddic", Element::DecisionProcess, m.decision_process),
            ("meddic", Element::IdentifiedPain, m.identified_pain),
            ("meddic", Element::Champion, m.champion),
            ("bant", Element::Budget, b.budget),
            ("bant", Element::Authority, b.authority),
            ("bant", Element::Need, b.need),
            ("bant", Element::Timeline, b.timeline),
        ];
        for (card, element, v) in elements {
            let path = format!("{card}.{}", element.key());
            let rating =
                Rating::new(v.rating).map_err(|m| (format!("{path}.rating"), m.message))?;
            q.set(element, rating, &v.notes)
                .map_err(|e| (format!("{path}.notes"), e.message))?;
        }
        if let Some(c) = self.business_case {
            let case = BusinessCase::new(c.investment, c.annual_benefit)
                .map_err(|e| first(e, "business_case"))?;
            q.business_case = Some(case);
        }
        Ok(q)
    }
}

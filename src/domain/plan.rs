//! The account plan (docs/domain.md#plan): the customer's goals and how we serve them, success
//! metrics, risks, SWOT, linked expansion opportunities and the 90-day action plan; and
//! the metric rules the QBR and the qualification scorecards share. [`crate::domain::planning::Planning`]
//! keeps this plan with the QBRs and scorecards of one account.
//!
//! Rules kept here:
//! - At most [`MAX_GOALS`] goals; every action may serve one of them; an action serving
//!   none is flagged ([`PlanFlag::UntiedAction`]).
//! - An action is overdue when it is not done and its due date is before `today` (due
//!   today is not overdue).
//! - Every change goes through a method that takes `today` and records it as "last
//!   updated" (only when something actually changed). A plan whose last update is more
//!   than [`STALE_AFTER_DAYS`] days before `today` is stale (exactly 90 days is not).
//! - A success metric is met by a rule chosen per metric ([`MetRule`]): "at least" (higher
//!   is better: met when current >= target), "at most" (lower is better: met when current
//!   <= target), or a yes/no ticked by hand for outcomes that are not numbers. A numeric
//!   metric with no current value yet is [`MetStatus::Unknown`], never "not met".
//!
//! Stakeholders and expansion opportunities live in other modules: this one refers to
//! them by their plain `u32` ids only.

use chrono::NaiveDate;

pub use super::error::FieldError;
use super::error::{check_len, check_required};
use super::items::{self, Item, ItemId, Step};
pub use super::numbers::short_number;
pub use super::text::{MAX_LINE, MAX_TEXT};

/// A plan may hold at most this many customer goals (their top 3).
pub const MAX_GOALS: usize = 3;
/// A plan not updated for more than this many days is stale (a plan is reviewed quarterly).
pub const STALE_AFTER_DAYS: i64 = 90;
/// Largest absolute value of a metric's target or current value.
pub const MAX_METRIC_VALUE: f64 = 1e12;

/// Identity of a goal inside one plan; actions refer to goals by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct GoalId(pub u32);

/// Identity of a 90-day action inside one plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ActionId(pub u32);

/// Identity of a success metric inside one plan. Files keep metrics in order without ids:
/// they are numbered 1, 2, 3... when read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct MetricId(pub u32);

/// Identity of a risk inside one plan; numbered when read, like [`MetricId`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct RiskId(pub u32);

macro_rules! item_ids {
    ($($t:ty),*) => {$(
        impl ItemId for $t {
            fn raw(self) -> u32 {
                self.0
            }
            fn from_raw(raw: u32) -> Self {
                Self(raw)
            }
        }
    )*};
}
item_ids!(GoalId, ActionId, MetricId, RiskId);

/// One of the customer's strategic goals, in their words, and how we serve it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Goal {
    pub id: GoalId,
    /// The goal as the customer states it.
    pub text: String,
    /// Where it comes from: "CFO at the kickoff", "annual report 2025".
    pub source: String,
    /// How our product maps to it.
    pub mapping: String,
}

impl Default for GoalId {
    fn default() -> Self {
        GoalId(1)
    }
}

/// How a success metric is judged met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MetRule {
    /// Higher is better: met when current >= target.
    AtLeast,
    /// Lower is better: met when current <= target.
    AtMost,
    /// Not a number: met or not as ticked by hand.
    Manual { met: bool },
}

impl MetRule {
    pub fn label(self) -> &'static str {
        match self {
            MetRule::AtLeast => "At least the target",
            MetRule::AtMost => "At most the target",
            MetRule::Manual { .. } => "Ticked by hand",
        }
    }
}

/// Whether a metric is met today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MetStatus {
    Met,
    NotMet,
    /// A numeric metric with no current value yet.
    Unknown,
}

impl MetStatus {
    pub fn label(self) -> &'static str {
        match self {
            MetStatus::Met => "Met",
            MetStatus::NotMet => "Not met",
            MetStatus::Unknown => "Not measured yet",
        }
    }
}

/// A success metric agreed with the customer: target against where they are now.
#[derive(Debug, Clone, PartialEq)]
pub struct SuccessMetric {
    pub id: MetricId,
    pub name: String,
    /// Unit shown after the numbers: "%", "hours", "tickets a month". May be empty.
    pub unit: String,
    pub target: f64,
    pub current: Option<f64>,
    pub rule: MetRule,
}

impl SuccessMetric {
    pub fn status(&self) -> MetStatus {
        match (self.rule, self.current) {
            (MetRule::Manual { met: true }, _) => MetStatus::Met,
            (MetRule::Manual { met: false }, _) => MetStatus::NotMet,
            (_, None) => MetStatus::Unknown,
            (MetRule::AtLeast, Some(c)) if c >= self.target => MetStatus::Met,
            (MetRule::AtMost, Some(c)) if c <= self.target => MetStatus::Met,
            _ => MetStatus::NotMet,
        }
    }

    /// `86%`, `30 hours`, `12.5`: a value with this metric's unit.
    pub fn show(&self, value: f64) -> String {
        with_unit(value, &self.unit)
    }

    fn validate(&self) -> Vec<FieldError> {
        let mut e = Vec::new();
        check_required(&mut e, "name".into(), &self.name, "metric's name");
        check_len(&mut e, "unit".into(), &self.unit, 40);
        check_metric_value(&mut e, "target", self.target);
        if let Some(c) = self.current {
            check_metric_value(&mut e, "current", c);
        }
        e
    }
}

fn check_metric_value(errors: &mut Vec<FieldError>, field: &str, v: f64) {
    if !v.is_finite() {
        errors.push(FieldError::new(field, "Enter a number."));
    } else if v.abs() > MAX_METRIC_VALUE {
        errors.push(FieldError::new(
            field,
            "This number is above a trillion: check the zeros.",
        ));
    }
}

/// Reads a metric's target or current value as typed: digits with an optional leading
/// minus, one decimal point, thousands separators (`,` `_` space) and an optional `%` at
/// the end (the unit is shown separately). Empty is `None` ("not measured yet"); anything
/// else that is not a number, or beyond [`MAX_METRIC_VALUE`], is refused with a message
/// for the field.
pub fn parse_metric_value(field: &str, text: &str) -> Result<Option<f64>, FieldError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let value = super::money::read_number(t.trim_end_matches('%')).ok_or_else(|| {
        FieldError::new(
            field,
            format!("\"{t}\" is not a number: type digits only, e.g. 80 or 2.5."),
        )
    })?;
    let mut e = Vec::new();
    check_metric_value(&mut e, field, value);
    match e.pop() {
        Some(err) => Err(err),
        None => Ok(Some(value)),
    }
}

/// A number without useless decimals (at most two), followed by a unit; `%` sticks to the
/// number, any other unit follows a space.
pub fn with_unit(value: f64, unit: &str) -> String {
    let n = short_number(value);
    let unit = unit.trim();
    if unit.is_empty() {
        n
    } else if unit == "%" {
        format!("{n}%")
    } else {
        format!("{n} {unit}")
    }
}

/// Share of metrics met among those with a known status, in percent; `None` when no
/// metric has a known status. (The health score's "ROI / success metrics" input.)
pub fn percent_met(metrics: &[SuccessMetric]) -> Option<f64> {
    let known: Vec<MetStatus> = metrics
        .iter()
        .map(SuccessMetric::status)
        .filter(|s| *s != MetStatus::Unknown)
        .collect();
    if known.is_empty() {
        return None;
    }
    let met = known.iter().filter(|s| **s == MetStatus::Met).count();
    Some(met as f64 * 100.0 / known.len() as f64)
}

/// Whether a risk still needs attention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum RiskStatus {
    #[default]
    Open,
    Closed,
}

/// A risk to the account and what we do about it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Risk {
    pub id: RiskId,
    pub risk: String,
    pub mitigation: String,
    pub status: RiskStatus,
}

/// Strengths, weaknesses, opportunities and threats: one short line each entry.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Swot {
    pub strengths: Vec<String>,
    pub weaknesses: Vec<String>,
    pub opportunities: Vec<String>,
    pub threats: Vec<String>,
}

/// One quadrant of a SWOT, in reading order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SwotQuadrant {
    Strengths,
    Weaknesses,
    Opportunities,
    Threats,
}

impl SwotQuadrant {
    pub const ALL: [SwotQuadrant; 4] = [
        SwotQuadrant::Strengths,
        SwotQuadrant::Weaknesses,
        SwotQuadrant::Opportunities,
        SwotQuadrant::Threats,
    ];

    pub fn title(self) -> &'static str {
        match self {
            SwotQuadrant::Strengths => "Strengths",
            SwotQuadrant::Weaknesses => "Weaknesses",
            SwotQuadrant::Opportunities => "Opportunities",
            SwotQuadrant::Threats => "Threats",
        }
    }

    /// The file key, also the start of an error path (`swot.strengths[2]`).
    pub fn key(self) -> &'static str {
        match self {
            SwotQuadrant::Strengths => "strengths",
            SwotQuadrant::Weaknesses => "weaknesses",
            SwotQuadrant::Opportunities => "opportunities",
            SwotQuadrant::Threats => "threats",
        }
    }
}

impl Swot {
    /// The four quadrants with their entries, in reading order.
    pub fn quadrants(&self) -> [(SwotQuadrant, &[String]); 4] {
        SwotQuadrant::ALL.map(|q| (q, self.entries(q)))
    }

    pub fn entries(&self, q: SwotQuadrant) -> &[String] {
        match q {
            SwotQuadrant::Strengths => &self.strengths,
            SwotQuadrant::Weaknesses => &self.weaknesses,
            SwotQuadrant::Opportunities => &self.opportunities,
            SwotQuadrant::Threats => &self.threats,
        }
    }

    /// A quadrant's entries from the text typed in its box, one per line
    /// ([`parse_lines`]).
    pub fn set_from_text(&mut self, q: SwotQuadrant, text: &str) {
        let slot = match q {
            SwotQuadrant::Strengths => &mut self.strengths,
            SwotQuadrant::Weaknesses => &mut self.weaknesses,
            SwotQuadrant::Opportunities => &mut self.opportunities,
            SwotQuadrant::Threats => &mut self.threats,
        };
        *slot = parse_lines(text);
    }

    /// The problems of one quadrant among a plan's `errors`, worded for its text box:
    /// `swot.threats[1]` becomes "Line 2: ...".
    pub fn line_errors(errors: &[FieldError], q: SwotQuadrant) -> Vec<String> {
        let prefix = format!("swot.{}", q.key());
        errors
            .iter()
            .filter(|e| e.path.starts_with(&prefix))
            .map(|e| {
                let line = e.path[prefix.len()..]
                    .trim_matches(|c| c == '[' || c == ']')
                    .parse::<usize>()
                    .map(|i| i + 1)
                    .unwrap_or(0);
                format!("Line {line}: {}", e.message)
            })
            .collect()
    }
}

/// One line per entry from a text area: lines trimmed, blank lines dropped.
pub fn parse_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether a 90-day action is done, and when.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ActionStatus {
    #[default]
    Open,
    Done {
        on: NaiveDate,
    },
}

/// One step of the 90-day action plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Action {
    pub id: ActionId,
    pub text: String,
    pub due: NaiveDate,
    pub owner: String,
    pub status: ActionStatus,
    /// The goal this action serves; `None` is flagged.
    pub goal: Option<GoalId>,
}

impl Action {
    pub fn is_done(&self) -> bool {
        matches!(self.status, ActionStatus::Done { .. })
    }

    /// Not done and due before `today`.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        !self.is_done() && self.due < today
    }

    /// Days past due (0 when not overdue).
    pub fn days_overdue(&self, today: NaiveDate) -> i64 {
        if self.is_overdue(today) {
            (today - self.due).num_days()
        } else {
            0
        }
    }
}

/// What a user types to add an action; the plan gives it an id.
#[derive(Debug, Clone, PartialEq)]
pub struct NewAction {
    pub text: String,
    pub due: NaiveDate,
    pub owner: String,
    pub goal: Option<GoalId>,
}

/// The editable content of a plan. Edit a copy and hand it to [`AccountPlan::update`] (or
/// use [`AccountPlan::edit`]), which validates it and records the date.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PlanContent {
    /// The account in a few lines: where they are, what they bought, why.
    pub overview: String,
    /// At most [`MAX_GOALS`].
    pub goals: Vec<Goal>,
    pub metrics: Vec<SuccessMetric>,
    pub risks: Vec<Risk>,
    pub swot: Swot,
    /// Expansion opportunities linked to this plan, by their id (not copied).
    pub opportunity_ids: Vec<u32>,
    pub actions: Vec<Action>,
}

impl PlanContent {
    /// An id for a new goal: one above the largest in use.
    pub fn next_goal_id(&self) -> GoalId {
        GoalId(self.goals.iter().map(|g| g.id.0).max().unwrap_or(0) + 1)
    }

    /// An id for a new action: one above the largest in use.
    pub fn next_action_id(&self) -> ActionId {
        ActionId(self.actions.iter().map(|a| a.id.0).max().unwrap_or(0) + 1)
    }

    pub fn goal(&self, id: GoalId) -> Option<&Goal> {
        self.goals.iter().find(|g| g.id == id)
    }

    /// The 1-based position of a goal, as shown to people ("Goal 2").
    pub fn goal_number(&self, id: GoalId) -> Option<usize> {
        self.goals.iter().position(|g| g.id == id).map(|i| i + 1)
    }

    pub fn action(&self, id: ActionId) -> Option<&Action> {
        self.actions.iter().find(|a| a.id == id)
    }

    /// Risks still open, in order.
    pub fn open_risks(&self) -> impl Iterator<Item = &Risk> {
        self.risks.iter().filter(|r| r.status == RiskStatus::Open)
    }

    /// Every problem, each with its field path (`goals[0].text`, `actions[3].goal`).
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut e = Vec::new();
        check_len(&mut e, "overview".into(), &self.overview, MAX_TEXT);
        if self.goals.len() > MAX_GOALS {
            e.push(FieldError::new(
                "goals",
                format!(
                    "Keep to the customer's top {MAX_GOALS} goals; this plan has {}.",
                    self.goals.len()
                ),
            ));
        }
        items::check_unique(&mut e, "goals", &self.goals);
        for (i, g) in self.goals.iter().enumerate() {
            let p = format!("goals[{i}]");
            check_required(&mut e, format!("{p}.text"), &g.text, "goal");
            check_len(&mut e, format!("{p}.source"), &g.source, MAX_LINE);
            check_len(&mut e, format!("{p}.mapping"), &g.mapping, MAX_TEXT);
        }
        items::check_unique(&mut e, "metrics", &self.metrics);
        for (i, m) in self.metrics.iter().enumerate() {
            e.extend(
                m.validate()
                    .into_iter()
                    .map(|x| x.under(&format!("metrics[{i}]"))),
            );
        }
        items::check_unique(&mut e, "risks", &self.risks);
        for (i, r) in self.risks.iter().enumerate() {
            check_required(&mut e, format!("risks[{i}].risk"), &r.risk, "risk");
            check_len(
                &mut e,
                format!("risks[{i}].mitigation"),
                &r.mitigation,
                MAX_TEXT,
            );
        }
        for (q, entries) in self.swot.quadrants() {
            for (i, s) in entries.iter().enumerate() {
                let key = q.key();
                check_required(&mut e, format!("swot.{key}[{i}]"), s, "entry or remove it");
            }
        }
        for (i, id) in self.opportunity_ids.iter().enumerate() {
            if self.opportunity_ids[..i].contains(id) {
                e.push(FieldError::new(
                    format!("opportunity_ids[{i}]"),
                    format!("Opportunity {id} is linked twice."),
                ));
            }
        }
        items::check_unique(&mut e, "actions", &self.actions);
        for (i, a) in self.actions.iter().enumerate() {
            let p = format!("actions[{i}]");
            check_required(&mut e, format!("{p}.text"), &a.text, "action");
            check_len(&mut e, format!("{p}.owner"), &a.owner, MAX_LINE);
            if let Some(g) = a.goal {
                if self.goal(g).is_none() {
                    e.push(FieldError::new(
                        format!("{p}.goal"),
                        format!("This action serves goal {}, which is not in the plan.", g.0),
                    ));
                }
            }
        }
        if e.is_empty() {
            Ok(())
        } else {
            Err(e)
        }
    }
}

/// One kind of item a plan keeps in a list by id: goals, metrics, risks, actions. The
/// plan's by-id methods ([`AccountPlan::add_item`], [`AccountPlan::replace_item`],
/// [`AccountPlan::remove_item`], [`AccountPlan::move_item`]) work on any of them.
pub trait PlanItem: Item + PartialEq {
    /// The list's key in the file and in error paths: `goals`.
    const LIST: &'static str;
    fn list(c: &PlanContent) -> &Vec<Self>;
    fn list_mut(c: &mut PlanContent) -> &mut Vec<Self>;
    /// What else changes when an item goes (the actions serving a removed goal are untied).
    fn on_remove(_c: &mut PlanContent, _id: Self::Id) {}
}

macro_rules! plan_item {
    ($t:ty, $id:ty, $noun:literal, $list:ident $(, on_remove: $on_remove:expr)?) => {
        impl Item for $t {
            type Id = $id;
            const NOUN: &'static str = $noun;
            fn id(&self) -> $id {
                self.id
            }
            fn set_id(&mut self, id: $id) {
                self.id = id;
            }
        }
        impl PlanItem for $t {
            const LIST: &'static str = stringify!($list);
            fn list(c: &PlanContent) -> &Vec<Self> {
                &c.$list
            }
            fn list_mut(c: &mut PlanContent) -> &mut Vec<Self> {
                &mut c.$list
            }
            $(fn on_remove(c: &mut PlanContent, id: $id) {
                let f: fn(&mut PlanContent, $id) = $on_remove;
                f(c, id)
            })?
        }
    };
}
plan_item!(Goal, GoalId, "goal", goals, on_remove: |c, id| {
    for a in c.actions.iter_mut().filter(|a| a.goal == Some(id)) {
        a.goal = None;
    }
});
plan_item!(SuccessMetric, MetricId, "metric", metrics);
plan_item!(Risk, RiskId, "risk", risks);
plan_item!(Action, ActionId, "action", actions);

impl PlanContent {
    /// The path of an item in error messages (`risks[2]`), or of the next one added when
    /// `id` is `None` (the list's length).
    pub fn item_path<T: PlanItem>(&self, id: Option<T::Id>) -> String {
        let list = T::list(self);
        let i = id
            .and_then(|id| items::position(list, id))
            .unwrap_or(list.len());
        format!("{}[{i}]", T::LIST)
    }

    pub fn item<T: PlanItem>(&self, id: T::Id) -> Option<&T> {
        T::list(self).iter().find(|x| x.id() == id)
    }
}

/// Something on the plan that needs the AM's attention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanFlag {
    /// Nothing was ever written in the plan.
    NoPlanYet,
    /// Last updated more than [`STALE_AFTER_DAYS`] days ago.
    Stale { last_updated: NaiveDate, days: i64 },
    /// The plan names no customer goal.
    NoGoals,
    /// An action serves no goal.
    UntiedAction { action: ActionId },
    /// An open action past its due date.
    OverdueAction { action: ActionId, days: i64 },
    /// An open risk with no mitigation written.
    RiskWithoutMitigation { index: usize },
}

impl PlanFlag {
    /// What the AM reads, in the planner's voice. Actions are named by their text.
    pub fn message(&self, plan: &PlanContent) -> String {
        let action_text = |id: &ActionId| {
            plan.action(*id)
                .map(|a| a.text.clone())
                .unwrap_or_else(|| format!("action {}", id.0))
        };
        match self {
            PlanFlag::NoPlanYet => "No plan yet: start with the customer's top goals.".into(),
            PlanFlag::Stale { last_updated, days } => format!(
                "Last updated {}, {days} days ago: review the plan before the next QBR.",
                crate::domain::dates::long(*last_updated)
            ),
            PlanFlag::NoGoals => {
                "No customer goals yet: every action should serve one of them.".into()
            }
            PlanFlag::UntiedAction { action } => format!(
                "\"{}\" serves no customer goal: press Edit on it in the 90-day actions and pick the goal it serves, or remove it.",
                action_text(action)
            ),
            PlanFlag::OverdueAction { action, days } => format!(
                "\"{}\" is {days} day{} overdue.",
                action_text(action),
                if *days == 1 { "" } else { "s" }
            ),
            PlanFlag::RiskWithoutMitigation { index } => format!(
                "Risk \"{}\" has no mitigation yet.",
                plan.risks
                    .get(*index)
                    .map(|r| r.risk.as_str())
                    .unwrap_or("?")
            ),
        }
    }
}

/// The account plan: its content and the date it was last changed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AccountPlan {
    content: PlanContent,
    last_updated: Option<NaiveDate>,
}

impl AccountPlan {
    pub fn new() -> Self {
        Self::default()
    }

    /// A plan read from a file or storage: the content must validate.
    pub fn from_parts(
        content: PlanContent,
        last_updated: Option<NaiveDate>,
    ) -> Result<Self, Vec<FieldError>> {
        content.validate()?;
        Ok(AccountPlan {
            content,
            last_updated,
        })
    }

    pub fn content(&self) -> &PlanContent {
        &self.content
    }

    pub fn last_updated(&self) -> Option<NaiveDate> {
        self.last_updated
    }

    /// Replaces the content if it is valid and records `today` as the last update (only
    /// when something changed). On error nothing changes.
    pub fn update(
        &mut self,
        content: PlanContent,
        today: NaiveDate,
    ) -> Result<(), Vec<FieldError>> {
        content.validate()?;
        if content != self.content {
            self.content = content;
            self.last_updated = Some(today);
        }
        Ok(())
    }

    /// Applies `change` to a copy of the content, then [`update`](Self::update)s.
    pub fn edit(
        &mut self,
        today: NaiveDate,
        change: impl FnOnce(&mut PlanContent),
    ) -> Result<(), Vec<FieldError>> {
        let mut draft = self.content.clone();
        change(&mut draft);
        self.update(draft, today)
    }

    /// Adds `item` at the end of its list with a new id (the id it carries is ignored) if
    /// the plan stays valid; returns the new id. On error nothing changes.
    pub fn add_item<T: PlanItem>(
        &mut self,
        item: T,
        today: NaiveDate,
    ) -> Result<T::Id, Vec<FieldError>> {
        let mut id = None;
        self.edit(today, |c| id = Some(items::add(T::list_mut(c), item)))?;
        Ok(id.expect("add sets the id"))
    }

    /// Puts `item` in the place of the item with `id` (keeping that id) if the plan stays
    /// valid. An unknown id is refused; on error nothing changes.
    pub fn replace_item<T: PlanItem>(
        &mut self,
        id: T::Id,
        item: T,
        today: NaiveDate,
    ) -> Result<(), Vec<FieldError>> {
        let mut found = Ok(());
        self.edit(today, |c| found = items::replace(T::list_mut(c), id, item))?;
        found.map_err(|e| vec![e])
    }

    /// Changes the item with `id` in place (its id stays) if the plan stays valid.
    pub fn change_item<T: PlanItem>(
        &mut self,
        id: T::Id,
        today: NaiveDate,
        change: impl FnOnce(&mut T),
    ) -> Result<(), Vec<FieldError>> {
        let mut item = self
            .content
            .item::<T>(id)
            .cloned()
            .ok_or_else(|| vec![items::gone(T::NOUN)])?;
        change(&mut item);
        self.replace_item(id, item, today)
    }

    /// Removes the item with `id` (a goal's actions become untied). An unknown id is
    /// refused and nothing changes.
    pub fn remove_item<T: PlanItem>(
        &mut self,
        id: T::Id,
        today: NaiveDate,
    ) -> Result<(), Vec<FieldError>> {
        if self.content.item::<T>(id).is_none() {
            return Err(vec![items::gone(T::NOUN)]);
        }
        self.edit(today, |c| {
            if items::remove(T::list_mut(c), id).is_ok() {
                T::on_remove(c, id);
            }
        })
    }

    /// Moves the item with `id` one place up or down its list (at an end, nothing moves).
    /// An unknown id is refused and nothing changes.
    pub fn move_item<T: PlanItem>(
        &mut self,
        id: T::Id,
        step: Step,
        today: NaiveDate,
    ) -> Result<(), Vec<FieldError>> {
        let mut found = Ok(());
        self.edit(today, |c| {
            found = items::move_item(T::list_mut(c), id, step)
        })?;
        found.map_err(|e| vec![e])
    }

    /// Adds a goal (refused past [`MAX_GOALS`] or when the text is blank).
    pub fn add_goal(
        &mut self,
        text: &str,
        source: &str,
        mapping: &str,
        today: NaiveDate,
    ) -> Result<GoalId, Vec<FieldError>> {
        let id = self.content.next_goal_id();
        self.edit(today, |c| {
            c.goals.push(Goal {
                id,
                text: text.trim().to_string(),
                source: source.trim().to_string(),
                mapping: mapping.trim().to_string(),
            })
        })?;
        Ok(id)
    }

    /// Removes a goal; the actions that served it become untied (and are flagged).
    pub fn remove_goal(&mut self, id: GoalId, today: NaiveDate) {
        let _ = self.remove_item::<Goal>(id, today);
    }

    pub fn add_action(
        &mut self,
        new: NewAction,
        today: NaiveDate,
    ) -> Result<ActionId, Vec<FieldError>> {
        let id = self.content.next_action_id();
        self.edit(today, |c| {
            c.actions.push(Action {
                id,
                text: new.text.trim().to_string(),
                due: new.due,
                owner: new.owner.trim().to_string(),
                status: ActionStatus::Open,
                goal: new.goal,
            })
        })?;
        Ok(id)
    }

    /// Ticks an action done (dated `today`) or open again. Unknown ids change nothing.
    pub fn set_action_done(&mut self, id: ActionId, done: bool, today: NaiveDate) {
        let status = if done {
            ActionStatus::Done { on: today }
        } else {
            ActionStatus::Open
        };
        let result = self.edit(today, |c| {
            if let Some(a) = c.actions.iter_mut().find(|a| a.id == id) {
                // Ticking an already-done action keeps its original date.
                if !(done && a.is_done()) {
                    a.status = status;
                }
            }
        });
        debug_assert!(result.is_ok());
    }

    pub fn remove_action(&mut self, id: ActionId, today: NaiveDate) {
        let _ = self.remove_item::<Action>(id, today);
    }

    /// Not updated for more than [`STALE_AFTER_DAYS`] days. A plan never written is not
    /// "stale" (it is [`PlanFlag::NoPlanYet`]).
    pub fn is_stale(&self, today: NaiveDate) -> bool {
        self.last_updated
            .is_some_and(|d| (today - d).num_days() > STALE_AFTER_DAYS)
    }

    /// Every flag, in a stable order: plan-level first, then per action in plan order
    /// (overdue before untied for one action), then risks.
    pub fn flags(&self, today: NaiveDate) -> Vec<PlanFlag> {
        let c = &self.content;
        let mut out = Vec::new();
        match self.last_updated {
            None => out.push(PlanFlag::NoPlanYet),
            Some(d) if self.is_stale(today) => out.push(PlanFlag::Stale {
                last_updated: d,
                days: (today - d).num_days(),
            }),
            Some(_) => {}
        }
        if self.last_updated.is_some() && c.goals.is_empty() {
            out.push(PlanFlag::NoGoals);
        }
        for a in &c.actions {
            if a.is_overdue(today) {
                out.push(PlanFlag::OverdueAction {
                    action: a.id,
                    days: a.days_overdue(today),
                });
            }
            if a.goal.is_none() {
                out.push(PlanFlag::UntiedAction { action: a.id });
            }
        }
        for (index, r) in c.risks.iter().enumerate() {
            if r.status == RiskStatus::Open && r.mitigation.trim().is_empty() {
                out.push(PlanFlag::RiskWithoutMitigation { index });
            }
        }
        out
    }
}

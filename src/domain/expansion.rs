//! Expansion (docs/domain.md#expansion): opportunities per account, the readiness checklist, the
//! "pitching before value is proven" warning, and the signals worth surfacing.
//!
//! Decisions taken where the job leaves room (tested in `tests/expansion.rs`):
//! - "Renewal not within 60 days" is met only when the renewal date is MORE than 60 days
//!   after today. Exactly 60 days away is within. A renewal date that has passed, or no
//!   renewal date, does not meet it (the contract position is unknown).
//! - An opportunity is "pursued" in the Qualifying and Proposed stages. Pursuing one while
//!   ROI is not documented raises the warning; Identified, Won and Lost do not.
//! - Usage "near plan limits" means usage >= 90% of licensed seats active.
//! - Promoter signal: NPS 9 or 10. The "ROI documented" and "new use case or team"
//!   signals come from the same ticks as the checklist, so a fact is entered once.

use super::error::read_owner;
use crate::domain::error::FieldError;
use chrono::NaiveDate;

use super::money::MAX_ARR;

/// Usage at or above this percentage counts as "near plan limits".
pub const NEAR_LIMIT_USAGE_PCT: f64 = 90.0;
/// A renewal this many days away or fewer is "within 60 days".
pub const RENEWAL_QUIET_DAYS: i64 = 60;
pub const MAX_DESCRIPTION_LEN: usize = 500;
pub const MAX_TRIGGER_LEN: usize = 300;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OpportunityType {
    SeatExpansion,
    ModuleUpsell,
    CrossSell,
    NewBusinessUnit,
}

impl OpportunityType {
    pub const ALL: [OpportunityType; 4] = [
        OpportunityType::SeatExpansion,
        OpportunityType::ModuleUpsell,
        OpportunityType::CrossSell,
        OpportunityType::NewBusinessUnit,
    ];
    pub fn label(self) -> &'static str {
        match self {
            OpportunityType::SeatExpansion => "Seat expansion",
            OpportunityType::ModuleUpsell => "Module upsell",
            OpportunityType::CrossSell => "Cross-sell",
            OpportunityType::NewBusinessUnit => "New business unit",
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            OpportunityType::SeatExpansion => "seat_expansion",
            OpportunityType::ModuleUpsell => "module_upsell",
            OpportunityType::CrossSell => "cross_sell",
            OpportunityType::NewBusinessUnit => "new_business_unit",
        }
    }
    pub fn from_key(s: &str) -> Option<OpportunityType> {
        OpportunityType::ALL.into_iter().find(|t| t.key() == s)
    }
    /// What usually sets this kind of opportunity off, as a hint in the form.
    pub fn typical_trigger(self) -> &'static str {
        match self {
            OpportunityType::SeatExpansion => "They are running out of seats",
            OpportunityType::ModuleUpsell => {
                "A workflow they need is not covered by what they have"
            }
            OpportunityType::CrossSell => "A neighbouring use case our other products solve",
            OpportunityType::NewBusinessUnit => {
                "Someone in another part of the company wants what this team has"
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    Identified,
    Qualifying,
    Proposed,
    Won,
    Lost,
}

impl Stage {
    pub const ALL: [Stage; 5] = [
        Stage::Identified,
        Stage::Qualifying,
        Stage::Proposed,
        Stage::Won,
        Stage::Lost,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Stage::Identified => "Identified",
            Stage::Qualifying => "Qualifying",
            Stage::Proposed => "Proposed",
            Stage::Won => "Won",
            Stage::Lost => "Lost",
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            Stage::Identified => "identified",
            Stage::Qualifying => "qualifying",
            Stage::Proposed => "proposed",
            Stage::Won => "won",
            Stage::Lost => "lost",
        }
    }
    pub fn from_key(s: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|t| t.key() == s)
    }
    /// Not won or lost yet.
    pub fn is_open(self) -> bool {
        !matches!(self, Stage::Won | Stage::Lost)
    }
    /// Actively worked with the customer: beyond Identified and still open.
    pub fn is_pursued(self) -> bool {
        matches!(self, Stage::Qualifying | Stage::Proposed)
    }
}

/// Identity of an opportunity inside one account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OpportunityId(pub u32);

/// Reads the estimated ARR typed in the opportunity form: digits with optional thousands
/// separators (`40,000`), empty means 0. The range rules are those of
/// [`OpportunityDraft::validate`], with the same messages.
pub fn parse_estimated_arr(text: &str) -> Result<f64, FieldError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(0.0);
    }
    let v = super::money::read_typed_amount(t).ok_or_else(|| {
        FieldError::bare(format!(
            "\"{t}\" is not an amount: type digits only, e.g. 40000."
        ))
    })?;
    if v < 0.0 {
        Err(FieldError::bare("Estimated ARR cannot be negative."))
    } else if !v.is_finite() || v > MAX_ARR {
        Err(FieldError::bare(
            "Estimated ARR is above a trillion: check the number of zeros.",
        ))
    } else {
        Ok(v)
    }
}

/// The fields of the opportunity form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OpportunityField {
    Description,
    Trigger,
    Owner,
    EstimatedArr,
}

impl OpportunityField {
    /// The name of the field in the file format and in form ids.
    pub fn key(self) -> &'static str {
        match self {
            OpportunityField::Description => "description",
            OpportunityField::Trigger => "trigger",
            OpportunityField::Owner => "owner",
            OpportunityField::EstimatedArr => "estimated_arr",
        }
    }

    pub const ALL: [OpportunityField; 4] = [
        OpportunityField::Description,
        OpportunityField::Trigger,
        OpportunityField::Owner,
        OpportunityField::EstimatedArr,
    ];

    /// The field a refusal's path names ([`OpportunityField::key`]).
    pub fn from_key(key: &str) -> Option<OpportunityField> {
        OpportunityField::ALL.into_iter().find(|f| f.key() == key)
    }
}

/// What a user types for an opportunity; [`OpportunityDraft::validate`] makes it an
/// [`Opportunity`].
#[derive(Debug, Clone, PartialEq)]
pub struct OpportunityDraft {
    pub kind: OpportunityType,
    pub description: String,
    pub trigger: String,
    pub owner: String,
    pub target_date: Option<NaiveDate>,
    /// In the workspace currency.
    pub estimated_arr: f64,
    pub stage: Stage,
}

impl OpportunityDraft {
    pub fn new(kind: OpportunityType) -> Self {
        OpportunityDraft {
            kind,
            description: String::new(),
            trigger: String::new(),
            owner: String::new(),
            target_date: None,
            estimated_arr: 0.0,
            stage: Stage::Identified,
        }
    }

    /// Every problem, one per field at most, at the field's key. Texts are trimmed on
    /// success.
    pub fn validate(self, id: OpportunityId) -> Result<Opportunity, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut err = |field: OpportunityField, message: String| {
            errors.push(FieldError::new(field.key(), message))
        };
        let description = self.description.trim().to_string();
        if description.is_empty() {
            err(
                OpportunityField::Description,
                "Say in a few words what the opportunity is.".into(),
            );
        } else if description.chars().count() > MAX_DESCRIPTION_LEN {
            err(
                OpportunityField::Description,
                format!("Keep the description under {MAX_DESCRIPTION_LEN} characters."),
            );
        }
        let trigger = self.trigger.trim().to_string();
        if trigger.chars().count() > MAX_TRIGGER_LEN {
            err(
                OpportunityField::Trigger,
                format!("Keep the trigger under {MAX_TRIGGER_LEN} characters."),
            );
        }
        let owner = read_owner("owner", &self.owner).unwrap_or_else(|x| {
            err(OpportunityField::Owner, x.message);
            String::new()
        });
        let a = self.estimated_arr;
        if !a.is_finite() {
            err(
                OpportunityField::EstimatedArr,
                "Estimated ARR must be a number.".into(),
            );
        } else if a < 0.0 {
            err(
                OpportunityField::EstimatedArr,
                "Estimated ARR cannot be negative.".into(),
            );
        } else if a > MAX_ARR {
            err(
                OpportunityField::EstimatedArr,
                "Estimated ARR is above a trillion: check the number of zeros.".into(),
            );
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Opportunity {
            id,
            kind: self.kind,
            description,
            trigger,
            owner,
            target_date: self.target_date,
            estimated_arr: a,
            stage: self.stage,
        })
    }
}

/// A validated opportunity. Fields are read-only: change one through a draft
/// ([`Opportunity::to_draft`] then [`Expansion::update`]) so the rules hold.
#[derive(Debug, Clone, PartialEq)]
pub struct Opportunity {
    id: OpportunityId,
    kind: OpportunityType,
    description: String,
    trigger: String,
    owner: String,
    target_date: Option<NaiveDate>,
    estimated_arr: f64,
    stage: Stage,
}

impl Opportunity {
    pub fn id(&self) -> OpportunityId {
        self.id
    }
    pub fn kind(&self) -> OpportunityType {
        self.kind
    }
    pub fn description(&self) -> &str {
        &self.description
    }
    pub fn trigger(&self) -> &str {
        &self.trigger
    }
    pub fn owner(&self) -> &str {
        &self.owner
    }
    pub fn target_date(&self) -> Option<NaiveDate> {
        self.target_date
    }
    pub fn estimated_arr(&self) -> f64 {
        self.estimated_arr
    }
    pub fn stage(&self) -> Stage {
        self.stage
    }
    pub fn to_draft(&self) -> OpportunityDraft {
        OpportunityDraft {
            kind: self.kind,
            description: self.description.clone(),
            trigger: self.trigger.clone(),
            owner: self.owner.clone(),
            target_date: self.target_date,
            estimated_arr: self.estimated_arr,
            stage: self.stage,
        }
    }
    /// Still open and its target date has passed.
    pub fn is_past_target(&self, today: NaiveDate) -> bool {
        self.stage.is_open() && self.target_date.is_some_and(|d| today > d)
    }
}

/// The four readiness items a person ticks; the fifth (renewal not within 60 days) is
/// computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct ReadinessTicks {
    pub roi_documented: bool,
    /// Champion's NPS is 8 or more and they use the product actively.
    pub champion_active: bool,
    pub buyer_aware_of_value: bool,
    pub new_use_case_or_team: bool,
}

impl ReadinessTicks {
    /// Whether `item` is ticked. The computed item (renewal not within 60 days) is never
    /// ticked by hand: it reads `false` here.
    pub fn get(&self, item: ReadinessItem) -> bool {
        match item {
            ReadinessItem::RoiDocumented => self.roi_documented,
            ReadinessItem::ChampionActive => self.champion_active,
            ReadinessItem::BuyerAwareOfValue => self.buyer_aware_of_value,
            ReadinessItem::NewUseCaseOrTeam => self.new_use_case_or_team,
            ReadinessItem::RenewalNotWithin60Days => false,
        }
    }

    /// Ticks or unticks `item`; the computed item cannot be set and is left as it is.
    pub fn set(&mut self, item: ReadinessItem, on: bool) {
        match item {
            ReadinessItem::RoiDocumented => self.roi_documented = on,
            ReadinessItem::ChampionActive => self.champion_active = on,
            ReadinessItem::BuyerAwareOfValue => self.buyer_aware_of_value = on,
            ReadinessItem::NewUseCaseOrTeam => self.new_use_case_or_team = on,
            ReadinessItem::RenewalNotWithin60Days => {}
        }
    }
}

/// One line of the readiness checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReadinessItem {
    RoiDocumented,
    ChampionActive,
    BuyerAwareOfValue,
    NewUseCaseOrTeam,
    RenewalNotWithin60Days,
}

impl ReadinessItem {
    pub const ALL: [ReadinessItem; 5] = [
        ReadinessItem::RoiDocumented,
        ReadinessItem::ChampionActive,
        ReadinessItem::BuyerAwareOfValue,
        ReadinessItem::NewUseCaseOrTeam,
        ReadinessItem::RenewalNotWithin60Days,
    ];
    pub fn label(self) -> &'static str {
        match self {
            ReadinessItem::RoiDocumented => "ROI achieved and written down",
            ReadinessItem::ChampionActive => "Champion scores NPS 8+ and uses the product actively",
            ReadinessItem::BuyerAwareOfValue => "Economic buyer knows the value delivered",
            ReadinessItem::NewUseCaseOrTeam => "A new use case or team has come up",
            ReadinessItem::RenewalNotWithin60Days => "Renewal is more than 60 days away",
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            ReadinessItem::RoiDocumented => "roi_documented",
            ReadinessItem::ChampionActive => "champion_active",
            ReadinessItem::BuyerAwareOfValue => "buyer_aware_of_value",
            ReadinessItem::NewUseCaseOrTeam => "new_use_case_or_team",
            ReadinessItem::RenewalNotWithin60Days => "renewal_not_within_60_days",
        }
    }
    /// Ticked by a person (true) or computed (false).
    pub fn is_manual(self) -> bool {
        !matches!(self, ReadinessItem::RenewalNotWithin60Days)
    }
}

/// Where the renewal stands for the computed item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RenewalWindow {
    NoRenewalDate,
    /// The renewal date has passed (`days_ago` >= 1).
    Passed {
        days_ago: i64,
    },
    /// 0 to 60 days away.
    Within {
        days: i64,
    },
    /// More than 60 days away: the item is met.
    Clear {
        days: i64,
    },
}

impl RenewalWindow {
    pub fn of(renewal_date: Option<NaiveDate>, today: NaiveDate) -> RenewalWindow {
        let Some(r) = renewal_date else {
            return RenewalWindow::NoRenewalDate;
        };
        let days = (r - today).num_days();
        if days < 0 {
            RenewalWindow::Passed { days_ago: -days }
        } else if days <= RENEWAL_QUIET_DAYS {
            RenewalWindow::Within { days }
        } else {
            RenewalWindow::Clear { days }
        }
    }
    pub fn is_clear(self) -> bool {
        matches!(self, RenewalWindow::Clear { .. })
    }
    /// Why the computed item is (not) met, in a short sentence.
    pub fn note(self) -> String {
        match self {
            RenewalWindow::NoRenewalDate => "No renewal date set.".into(),
            RenewalWindow::Passed { days_ago: 1 } => {
                "The renewal date passed yesterday; set the next one.".into()
            }
            RenewalWindow::Passed { days_ago } => {
                format!("The renewal date passed {days_ago} days ago; set the next one.")
            }
            RenewalWindow::Within { days: 0 } => {
                "Renewal is today: close it before pitching more.".into()
            }
            RenewalWindow::Within { days: 1 } => {
                "Renewal is tomorrow: close it before pitching more.".into()
            }
            RenewalWindow::Within { days } => {
                format!("Renewal in {days} days: close it before pitching more.")
            }
            RenewalWindow::Clear { days } => format!("Renewal in {days} days."),
        }
    }
}

/// The checklist evaluated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Readiness {
    /// Each item and whether it is met, in [`ReadinessItem::ALL`] order.
    pub items: [(ReadinessItem, bool); 5],
    pub renewal: RenewalWindow,
}

impl Readiness {
    pub fn met_count(&self) -> usize {
        self.items.iter().filter(|(_, ok)| *ok).count()
    }
    /// All five met.
    pub fn is_ready(&self) -> bool {
        self.met_count() == 5
    }
}

/// A sign that the account may be ready to grow.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ExpansionSignal {
    /// Usage at or above 90% of licensed seats.
    NearPlanLimits {
        usage_pct: f64,
    },
    /// NPS 9 or 10.
    Promoter {
        nps: u8,
    },
    RoiDocumented,
    NewUseCaseOrTeam,
}

impl ExpansionSignal {
    pub fn text(&self) -> String {
        match self {
            ExpansionSignal::NearPlanLimits { usage_pct } => {
                format!("Usage at {usage_pct:.0}% of seats: they are close to the plan's limit.")
            }
            ExpansionSignal::Promoter { nps } => {
                format!("Main contact answered NPS {nps}: a promoter.")
            }
            ExpansionSignal::RoiDocumented => "ROI is documented: the value case is made.".into(),
            ExpansionSignal::NewUseCaseOrTeam => "A new use case or team has come up.".into(),
        }
    }
}

/// Signals from the account's data (usage % and NPS come from the health inputs; pass
/// `None` when unknown) and from the checklist ticks.
pub fn expansion_signals(
    usage_pct: Option<f64>,
    nps: Option<u8>,
    ticks: ReadinessTicks,
) -> Vec<ExpansionSignal> {
    let mut out = Vec::new();
    if let Some(u) = usage_pct.filter(|u| u.is_finite() && *u >= NEAR_LIMIT_USAGE_PCT) {
        out.push(ExpansionSignal::NearPlanLimits { usage_pct: u });
    }
    if let Some(n) = nps.filter(|n| (9..=10).contains(n)) {
        out.push(ExpansionSignal::Promoter { nps: n });
    }
    if ticks.roi_documented {
        out.push(ExpansionSignal::RoiDocumented);
    }
    if ticks.new_use_case_or_team {
        out.push(ExpansionSignal::NewUseCaseOrTeam);
    }
    out
}

/// Everything an account stores about expansion.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Expansion {
    pub ticks: ReadinessTicks,
    opportunities: Vec<Opportunity>,
}

impl Expansion {
    pub fn opportunities(&self) -> &[Opportunity] {
        &self.opportunities
    }

    pub fn opportunity(&self, id: OpportunityId) -> Option<&Opportunity> {
        self.opportunities.iter().find(|o| o.id == id)
    }

    fn next_id(&self) -> Option<OpportunityId> {
        match self.opportunities.iter().map(|o| o.id.0).max() {
            None => Some(OpportunityId(1)),
            Some(m) => m.checked_add(1).map(OpportunityId),
        }
    }

    /// Adds an opportunity if the draft is valid; returns its id.
    pub fn add(&mut self, draft: OpportunityDraft) -> Result<OpportunityId, Vec<FieldError>> {
        let id = self
            .next_id()
            .ok_or_else(|| vec![FieldError::bare("No room for more opportunities.")])?;
        let o = draft.validate(id)?;
        self.opportunities.push(o);
        Ok(id)
    }

    /// Restores an opportunity read from a file. A problem is at the field at fault (`id`
    /// or an [`OpportunityField::key`]).
    pub fn restore(
        &mut self,
        id: OpportunityId,
        draft: OpportunityDraft,
    ) -> Result<(), FieldError> {
        if self.opportunity(id).is_some() {
            return Err(FieldError::new(
                "id",
                format!(
                    "id {} is used by an earlier opportunity; ids must be unique",
                    id.0
                ),
            ));
        }
        let o = draft
            .validate(id)
            .map_err(|mut errors| errors.swap_remove(0))?;
        self.opportunities.push(o);
        Ok(())
    }

    /// Replaces an opportunity's fields if the draft is valid; otherwise nothing changes.
    /// An unknown id is ignored.
    pub fn update(
        &mut self,
        id: OpportunityId,
        draft: OpportunityDraft,
    ) -> Result<(), Vec<FieldError>> {
        let o = draft.validate(id)?;
        if let Some(slot) = self.opportunities.iter_mut().find(|x| x.id == id) {
            *slot = o;
        }
        Ok(())
    }

    pub fn set_stage(&mut self, id: OpportunityId, stage: Stage) {
        if let Some(o) = self.opportunities.iter_mut().find(|x| x.id == id) {
            o.stage = stage;
        }
    }

    pub fn remove(&mut self, id: OpportunityId) -> Option<Opportunity> {
        let i = self.opportunities.iter().position(|o| o.id == id)?;
        Some(self.opportunities.remove(i))
    }

    /// The checklist for a renewal on `renewal_date`, seen on `today`.
    pub fn readiness(&self, renewal_date: Option<NaiveDate>, today: NaiveDate) -> Readiness {
        let renewal = RenewalWindow::of(renewal_date, today);
        let t = self.ticks;
        Readiness {
            items: [
                (ReadinessItem::RoiDocumented, t.roi_documented),
                (ReadinessItem::ChampionActive, t.champion_active),
                (ReadinessItem::BuyerAwareOfValue, t.buyer_aware_of_value),
                (ReadinessItem::NewUseCaseOrTeam, t.new_use_case_or_team),
                (ReadinessItem::RenewalNotWithin60Days, renewal.is_clear()),
            ],
            renewal,
        }
    }

    /// Opportunities pursued (Qualifying or Proposed) while ROI is not documented: the
    /// "pitching before value is proven" warning. Empty when ROI is documented.
    pub fn pursued_without_roi(&self) -> Vec<OpportunityId> {
        if self.ticks.roi_documented {
            return Vec::new();
        }
        self.opportunities
            .iter()
            .filter(|o| o.stage.is_pursued())
            .map(|o| o.id)
            .collect()
    }

    /// The warning text when [`Expansion::pursued_without_roi`] is not empty.
    pub fn roi_warning(&self) -> Option<String> {
        let n = self.pursued_without_roi().len();
        match n {
            0 => None,
            1 => Some("One opportunity is being pursued before ROI is documented. Prove the value first, then pitch.".into()),
            n => Some(format!("{n} opportunities are being pursued before ROI is documented. Prove the value first, then pitch.")),
        }
    }

    /// Estimated ARR of open opportunities.
    pub fn open_pipeline_arr(&self) -> f64 {
        self.opportunities
            .iter()
            .filter(|o| o.stage.is_open())
            .map(|o| o.estimated_arr)
            .sum()
    }

    /// Estimated ARR of won opportunities.
    pub fn won_arr(&self) -> f64 {
        self.opportunities
            .iter()
            .filter(|o| o.stage == Stage::Won)
            .map(|o| o.estimated_arr)
            .sum()
    }
}

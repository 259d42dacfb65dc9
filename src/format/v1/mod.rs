//! Version 1 of the workspace file: the serialized shape, field for field. These types are
//! a promise to users and to tools that generate files; the domain types may change, these
//! only change with a new version (and a migration).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::{
    Account, AccountFields, AccountId, CompanySize, Currency, Segment, Tier, Workspace,
};

pub mod expansion;
pub mod health;
pub mod plan;
pub mod renewal;
pub mod save_plan;
pub mod settings;
pub mod stakeholders;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct File {
    pub format: String,
    pub version: u32,
    /// When the file was written, RFC 3339 (`2026-11-22T19:48:00Z`). Optional for generators.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported_at: Option<String>,
    pub workspace: WorkspaceV1,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkspaceV1 {
    /// ISO 4217 code; every amount in the file is in this currency.
    pub currency: String,
    #[serde(default)]
    pub demo: bool,
    #[serde(default, deserialize_with = "crate::format::read::list")]
    pub accounts: Vec<AccountV1>,
    /// Scoring weights and their change log; absent means the defaults.
    #[serde(default)]
    pub settings: settings::SettingsV1,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccountV1 {
    pub id: u32,
    pub name: String,
    #[serde(default)]
    pub industry: String,
    #[serde(default)]
    pub segment: Option<SegmentV1>,
    #[serde(default)]
    pub size: Option<SizeV1>,
    #[serde(default)]
    pub primary_use_case: String,
    #[serde(default, deserialize_with = "crate::format::read::list")]
    pub products: Vec<String>,
    #[serde(default)]
    pub arr: f64,
    #[serde(default, deserialize_with = "crate::format::read::optional_date")]
    pub contract_start: Option<NaiveDate>,
    #[serde(default, deserialize_with = "crate::format::read::optional_date")]
    pub renewal_date: Option<NaiveDate>,
    #[serde(default)]
    pub owner: String,
    /// A tier set by hand (1, 2 or 3); absent means "computed from ARR".
    #[serde(default)]
    pub tier: Option<TierV1>,
    #[serde(default)]
    pub notes: String,
    /// Account plan, QBRs and qualification scorecards; absent means none written yet.
    #[serde(default)]
    pub planning: plan::PlanningV1,
    /// Health check-ins (dated raw signals); absent means none yet.
    #[serde(default)]
    pub health: health::HealthV1,
    /// The stakeholder map (people, last review); absent means nobody mapped yet.
    #[serde(default)]
    pub stakeholders: stakeholders::StakeholdersV1,
    /// Renewal terms and timeline progress; absent means defaults, nothing done.
    #[serde(default)]
    pub renewal: renewal::RenewalV1,
    /// Expansion readiness ticks and opportunities; absent means none.
    #[serde(default)]
    pub expansion: expansion::ExpansionV1,
    /// Save plans, oldest first; at most one open.
    #[serde(default, deserialize_with = "crate::format::read::list")]
    pub save_plans: Vec<save_plan::SavePlanV1>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SegmentV1 {
    Enterprise,
    MidMarket,
    Smb,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SizeV1 {
    #[serde(rename = "1-50")]
    Micro,
    #[serde(rename = "51-200")]
    Small,
    #[serde(rename = "201-1000")]
    Medium,
    #[serde(rename = "1001-5000")]
    Large,
    #[serde(rename = "5000+")]
    Enterprise,
}

/// Tier as a number 1-3 in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct TierV1(pub u8);

impl TryFrom<u8> for TierV1 {
    type Error = String;
    fn try_from(n: u8) -> Result<Self, String> {
        if (1..=3).contains(&n) {
            Ok(TierV1(n))
        } else {
            Err(format!("tier must be 1, 2 or 3, found {n}"))
        }
    }
}
impl From<TierV1> for u8 {
    fn from(t: TierV1) -> u8 {
        t.0
    }
}

impl From<Segment> for SegmentV1 {
    fn from(s: Segment) -> Self {
        match s {
            Segment::Enterprise => SegmentV1::Enterprise,
            Segment::MidMarket => SegmentV1::MidMarket,
            Segment::Smb => SegmentV1::Smb,
        }
    }
}
impl From<SegmentV1> for Segment {
    fn from(s: SegmentV1) -> Self {
        match s {
            SegmentV1::Enterprise => Segment::Enterprise,
            SegmentV1::MidMarket => Segment::MidMarket,
            SegmentV1::Smb => Segment::Smb,
        }
    }
}
impl From<CompanySize> for SizeV1 {
    fn from(s: CompanySize) -> Self {
        match s {
            CompanySize::Micro => SizeV1::Micro,
            CompanySize::Small => SizeV1::Small,
            CompanySize::Medium => SizeV1::Medium,
            CompanySize::Large => SizeV1::Large,
            CompanySize::Enterprise => SizeV1::Enterprise,
        }
    }
}
impl From<SizeV1> for CompanySize {
    fn from(s: SizeV1) -> Self {
        match s {
            SizeV1::Micro => CompanySize::Micro,
            SizeV1::Small => CompanySize::Small,
            SizeV1::Medium => CompanySize::Medium,
            SizeV1::Large => CompanySize::Large,
            SizeV1::Enterprise => CompanySize::Enterprise,
        }
    }
}

impl From<&Account> for AccountV1 {
    fn from(a: &Account) -> Self {
        let f = &a.fields;
        AccountV1 {
            id: a.id.0,
            name: f.name.clone(),
            industry: f.industry.clone(),
            segment: f.segment.map(Into::into),
            size: f.size.map(Into::into),
            primary_use_case: f.primary_use_case.clone(),
            products: f.products.clone(),
            arr: f.arr,
            contract_start: f.contract_start,
            renewal_date: f.renewal_date,
            owner: f.owner.clone(),
            tier: f.tier_override.map(|t| TierV1(t.number())),
            notes: f.notes.clone(),
            planning: (&a.planning).into(),
            health: (&a.health).into(),
            stakeholders: (&a.stakeholders).into(),
            renewal: (&a.renewal).into(),
            expansion: (&a.expansion).into(),
            save_plans: save_plan::save_plans_to_v1(&a.save_plans),
        }
    }
}

/// A problem inside one account of a file: the path below the account
/// (`"renewal_date"`, `"people[2].reports_to"`) and what is wrong there.
pub type AccountProblem = (String, String);

impl AccountV1 {
    /// Converts to the domain account. Per-feature parts (health, people, ...) convert in
    /// their own modules and report problems with a path relative to the account.
    pub fn into_domain(self) -> Result<Account, AccountProblem> {
        let fields = AccountFields {
            name: self.name,
            industry: self.industry,
            segment: self.segment.map(Into::into),
            size: self.size.map(Into::into),
            primary_use_case: self.primary_use_case,
            products: self.products,
            arr: self.arr,
            contract_start: self.contract_start,
            renewal_date: self.renewal_date,
            owner: self.owner,
            tier_override: self.tier.and_then(|t| Tier::from_number(t.0)),
            notes: self.notes,
        };
        // The account's own fields first, so problems are reported in reading order.
        if let Err(errors) = fields.validate() {
            let first = &errors[0];
            return Err((first.path.clone(), first.message.clone()));
        }
        Ok(Account {
            stakeholders: self.stakeholders.into_domain()?,
            health: self.health.into_domain()?,
            planning: self.planning.into_domain()?,
            renewal: self.renewal.into_domain()?,
            expansion: self.expansion.into_domain()?,
            save_plans: save_plan::save_plans_into_domain(self.save_plans)?,
            ..Account::new(AccountId(self.id), fields)
        })
    }
}

impl From<&Workspace> for WorkspaceV1 {
    fn from(ws: &Workspace) -> Self {
        WorkspaceV1 {
            currency: ws.currency.code().to_string(),
            demo: ws.demo,
            settings: (&ws.settings).into(),
            accounts: ws.accounts().iter().map(AccountV1::from).collect(),
        }
    }
}

/// The currency parsed, or the message for `workspace.currency`.
pub fn currency_of(ws: &WorkspaceV1) -> Result<Currency, String> {
    Currency::new(&ws.currency).map_err(|e| e.message)
}

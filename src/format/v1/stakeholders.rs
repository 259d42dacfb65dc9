//! The stakeholder map of an account in version 1 of the file:
//!
//! ```json
//! "stakeholders": {
//!   "last_reviewed": "2026-09-30",
//!   "people": [
//!     { "id": 1, "name": "Dana Whitfield", "title": "CFO", "business_unit": "Finance",
//!       "roles": ["executive_sponsor", "economic_buyer"], "influence": 5,
//!       "sentiment": "supporter", "personal_win": "", "key_risk": "",
//!       "frequency": "monthly", "last_contact": "2026-10-02", "owner": "Priya Raman",
//!       "reports_to": null, "left_company": false, "notes": "" }
//!   ]
//! }
//! ```
//!
//! Roles, sentiment and frequency are snake_case names; `reports_to` is another person's
//! `id` in the same account. Refused on import, with the path of the value: duplicate
//! ids, an empty name, influence outside 1-5, a role listed twice, a `reports_to` that
//! names nobody on the account or the person themselves, and reports-to loops.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::stakeholders::{
    Frequency, Influence, Role, Sentiment, Stakeholder, StakeholderFields, StakeholderId,
    StakeholderMap,
};

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StakeholdersV1 {
    /// The day the map was last marked reviewed.
    #[serde(default, deserialize_with = "crate::format::read::optional_date")]
    pub last_reviewed: Option<NaiveDate>,
    #[serde(default, deserialize_with = "crate::format::read::list")]
    pub people: Vec<PersonV1>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonV1 {
    /// Unique within the account.
    pub id: u32,
    pub name: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub business_unit: String,
    #[serde(default, deserialize_with = "crate::format::read::list")]
    pub roles: Vec<RoleV1>,
    /// 1 to 5.
    pub influence: i64,
    pub sentiment: SentimentV1,
    #[serde(default)]
    pub personal_win: String,
    #[serde(default)]
    pub key_risk: String,
    /// Absent or null: no set cadence.
    #[serde(default)]
    pub frequency: Option<FrequencyV1>,
    #[serde(default, deserialize_with = "crate::format::read::optional_date")]
    pub last_contact: Option<NaiveDate>,
    /// Who on our side owns the relationship; empty for nobody.
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub reports_to: Option<u32>,
    #[serde(default)]
    pub left_company: bool,
    #[serde(default)]
    pub notes: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoleV1 {
    ExecutiveSponsor,
    EconomicBuyer,
    Champion,
    Blocker,
    EndUser,
    Influencer,
    TechnicalEvaluator,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SentimentV1 {
    StrongDetractor,
    Detractor,
    Neutral,
    Supporter,
    Champion,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FrequencyV1 {
    Weekly,
    Biweekly,
    Monthly,
    Quarterly,
}

impl From<Role> for RoleV1 {
    fn from(r: Role) -> Self {
        match r {
            Role::ExecutiveSponsor => RoleV1::ExecutiveSponsor,
            Role::EconomicBuyer => RoleV1::EconomicBuyer,
            Role::Champion => RoleV1::Champion,
            Role::Blocker => RoleV1::Blocker,
            Role::EndUser => RoleV1::EndUser,
            Role::Influencer => RoleV1::Influencer,
            Role::TechnicalEvaluator => RoleV1::TechnicalEvaluator,
        }
    }
}
impl From<RoleV1> for Role {
    fn from(r: RoleV1) -> Self {
        match r {
            RoleV1::ExecutiveSponsor => Role::ExecutiveSponsor,
            RoleV1::EconomicBuyer => Role::EconomicBuyer,
            RoleV1::Champion => Role::Champion,
            RoleV1::Blocker => Role::Blocker,
            RoleV1::EndUser => Role::EndUser,
            RoleV1::Influencer => Role::Influencer,
            RoleV1::TechnicalEvaluator => Role::TechnicalEvaluator,
        }
    }
}
impl From<Sentiment> for SentimentV1 {
    fn from(s: Sentiment) -> Self {
        match s {
            Sentiment::StrongDetractor => SentimentV1::StrongDetractor,
            Sentiment::Detractor => SentimentV1::Detractor,
            Sentiment::Neutral => SentimentV1::Neutral,
            Sentiment::Supporter => SentimentV1::Supporter,
            Sentiment::Champion => SentimentV1::Champion,
        }
    }
}
impl From<SentimentV1> for Sentiment {
    fn from(s: SentimentV1) -> Self {
        match s {
            SentimentV1::StrongDetractor => Sentiment::StrongDetractor,
            SentimentV1::Detractor => Sentiment::Detractor,
            SentimentV1::Neutral => Sentiment::Neutral,
            SentimentV1::Supporter => Sentiment::Supporter,
            SentimentV1::Champion => Sentiment::Champion,
        }
    }
}
impl From<Frequency> for FrequencyV1 {
    fn from(f: Frequency) -> Self {
        match f {
            Frequency::Weekly => FrequencyV1::Weekly,
            Frequency::Biweekly => FrequencyV1::Biweekly,
            Frequency::Monthly => FrequencyV1::Monthly,
            Frequency::Quarterly => FrequencyV1::Quarterly,
        }
    }
}
impl From<FrequencyV1> for Frequency {
    fn from(f: FrequencyV1) -> Self {
        match f {
            FrequencyV1::Weekly => Frequency::Weekly,
            FrequencyV1::Biweekly => Frequency::Biweekly,
            FrequencyV1::Monthly => Frequency::Monthly,
            FrequencyV1::Quarterly => Frequency::Quarterly,
        }
    }
}

impl From<&Stakeholder> for PersonV1 {
    fn from(p: &Stakeholder) -> Self {
        let f = &p.fields;
        PersonV1 {
            id: p.id.0,
            name: f.name.clone(),
            title: f.title.clone(),
            business_unit: f.business_unit.clone(),
            roles: f.roles.iter().map(|r| (*r).into()).collect(),
            influence: f.influence.get().into(),
            sentiment: f.sentiment.into(),
            personal_win: f.personal_win.clone(),
            key_risk: f.key_risk.clone(),
            frequency: f.frequency.map(Into::into),
            last_contact: f.last_contact,
            owner: f.owner.clone(),
            reports_to: f.reports_to.map(|m| m.0),
            left_company: f.left_company,
            notes: f.notes.clone(),
        }
    }
}

impl From<&StakeholderMap> for StakeholdersV1 {
    fn from(m: &StakeholderMap) -> Self {
        StakeholdersV1 {
            last_reviewed: m.last_reviewed(),
            people: m.people().iter().map(PersonV1::from).collect(),
        }
    }
}

/// Where, below the account, the field of person `index` sits.
fn path(index: usize, field: &str) -> String {
    format!("stakeholders.people[{index}].{field}")
}

impl PersonV1 {
    fn into_domain(self, index: usize) -> Result<Stakeholder, (String, String)> {
        let influence = u8::try_from(self.influence)
            .ok()
            .and_then(|n| Influence::new(n).ok())
            .ok_or_else(|| {
                (
                    path(index, "influence"),
                    format!("influence must be 1 to 5, found {}", self.influence),
                )
            })?;
        let mut roles = BTreeSet::new();
        for (j, r) in self.roles.into_iter().enumerate() {
            let role = Role::from(r);
            if !roles.insert(role) {
                return Err((
                    path(index, &format!("roles[{j}]")),
                    format!("the role \"{}\" is listed twice", role.key()),
                ));
            }
        }
        Ok(Stakeholder {
            id: StakeholderId(self.id),
            fields: StakeholderFields {
                name: self.name,
                title: self.title,
                business_unit: self.business_unit,
                roles,
                influence,
                sentiment: self.sentiment.into(),
                personal_win: self.personal_win,
                key_risk: self.key_risk,
                frequency: self.frequency.map(Into::into),
                last_contact: self.last_contact,
                owner: self.owner,
                reports_to: self.reports_to.map(StakeholderId),
                left_company: self.left_company,
                notes: self.notes,
            },
        })
    }
}

impl StakeholdersV1 {
    /// Converts to the domain map, or the first problem as (path below the account,
    /// message), e.g. `("stakeholders.people[2].reports_to", "...")`.
    pub fn into_domain(self) -> Result<StakeholderMap, (String, String)> {
        let people = self
            .people
            .into_iter()
            .enumerate()
            .map(|(i, p)| p.into_domain(i))
            .collect::<Result<Vec<_>, _>>()?;
        StakeholderMap::from_parts(people, self.last_reviewed)
            .map_err(|e| (format!("stakeholders.{}", e.path), e.message))
    }
}

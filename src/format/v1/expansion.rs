//! Expansion of an account in version 1 of the file:
//!
//! ```json
//! "expansion": {
//!   "readiness": { "roi_documented": true, "champion_active": true,
//!                  "buyer_aware_of_value": false, "new_use_case_or_team": false },
//!   "opportunities": [
//!     { "id": 1, "type": "seat_expansion", "description": "200 more seats for the Basel lab",
//!       "trigger": "Seat limit hit in October", "owner": "Priya Raman",
//!       "target_date": "2027-02-01", "estimated_arr": 40000, "stage": "qualifying" }
//!   ]
//! }
//! ```
//!
//! The fifth readiness item (renewal not within 60 days) is computed, never stored.
//! Refused on import, with the path of the value: duplicate ids, an empty or over-long
//! description, over-long trigger or owner, a negative or absurd estimated ARR.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::expansion::{
    Expansion, OpportunityDraft, OpportunityId, OpportunityType, ReadinessTicks, Stage,
};

use super::AccountProblem;

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpansionV1 {
    #[serde(default)]
    pub readiness: ReadinessV1,
    #[serde(default, deserialize_with = "crate::format::read::list")]
    pub opportunities: Vec<OpportunityV1>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadinessV1 {
    #[serde(default)]
    pub roi_documented: bool,
    #[serde(default)]
    pub champion_active: bool,
    #[serde(default)]
    pub buyer_aware_of_value: bool,
    #[serde(default)]
    pub new_use_case_or_team: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpportunityV1 {
    /// Unique within the account.
    pub id: u32,
    #[serde(rename = "type")]
    pub kind: OpportunityTypeV1,
    pub description: String,
    #[serde(default)]
    pub trigger: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default, deserialize_with = "crate::format::read::optional_date")]
    pub target_date: Option<NaiveDate>,
    /// In the workspace currency; >= 0.
    #[serde(default)]
    pub estimated_arr: f64,
    #[serde(default)]
    pub stage: StageV1,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OpportunityTypeV1 {
    SeatExpansion,
    ModuleUpsell,
    CrossSell,
    NewBusinessUnit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StageV1 {
    #[default]
    Identified,
    Qualifying,
    Proposed,
    Won,
    Lost,
}

impl From<OpportunityType> for OpportunityTypeV1 {
    fn from(t: OpportunityType) -> Self {
        match t {
            OpportunityType::SeatExpansion => OpportunityTypeV1::SeatExpansion,
            OpportunityType::ModuleUpsell => OpportunityTypeV1::ModuleUpsell,
            OpportunityType::CrossSell => OpportunityTypeV1::CrossSell,
            OpportunityType::NewBusinessUnit => OpportunityTypeV1::NewBusinessUnit,
        }
    }
}
impl From<OpportunityTypeV1> for OpportunityType {
    fn from(t: OpportunityTypeV1) -> Self {
        match t {
            OpportunityTypeV1::SeatExpansion => OpportunityType::SeatExpansion,
            OpportunityTypeV1::ModuleUpsell => OpportunityType::ModuleUpsell,
            OpportunityTypeV1::CrossSell => OpportunityType::CrossSell,
            OpportunityTypeV1::NewBusinessUnit => OpportunityType::NewBusinessUnit,
        }
    }
}
impl From<Stage> for StageV1 {
    fn from(s: Stage) -> Self {
        match s {
            Stage::Identified => StageV1::Identified,
            Stage::Qualifying => StageV1::Qualifying,
            Stage::Proposed => StageV1::Proposed,
            Stage::Won => StageV1::Won,
            Stage::Lost => StageV1::Lost,
        }
    }
}
impl From<StageV1> for Stage {
    fn from(s: StageV1) -> Self {
        match s {
            StageV1::Identified => Stage::Identified,
            StageV1::Qualifying => Stage::Qualifying,
            StageV1::Proposed => Stage::Proposed,
            StageV1::Won => Stage::Won,
            StageV1::Lost => Stage::Lost,
        }
    }
}

impl From<&Expansion> for ExpansionV1 {
    fn from(e: &Expansion) -> Self {
        let t = e.ticks;
        ExpansionV1 {
            readiness: ReadinessV1 {
                roi_documented: t.roi_documented,
                champion_active: t.champion_active,
                buyer_aware_of_value: t.buyer_aware_of_value,
                new_use_case_or_team: t.new_use_case_or_team,
            },
            opportunities: e
                .opportunities()
                .iter()
                .map(|o| OpportunityV1 {
                    id: o.id().0,
                    kind: o.kind().into(),
                    description: o.description().to_string(),
                    trigger: o.trigger().to_string(),
                    owner: o.owner().to_string(),
                    target_date: o.target_date(),
                    estimated_arr: o.estimated_arr(),
                    stage: o.stage().into(),
                })
                .collect(),
        }
    }
}

impl ExpansionV1 {
    /// Converts to the domain record; problems carry a path below the account.
    pub fn into_domain(self) -> Result<Expansion, AccountProblem> {
        let r = self.readiness;
        let mut e = Expansion::default();
        e.ticks = ReadinessTicks {
            roi_documented: r.roi_documented,
            champion_active: r.champion_active,
            buyer_aware_of_value: r.buyer_aware_of_value,
            new_use_case_or_team: r.new_use_case_or_team,
        };
        for (i, o) in self.opportunities.into_iter().enumerate() {
            let draft = OpportunityDraft {
                kind: o.kind.into(),
                description: o.description,
                trigger: o.trigger,
                owner: o.owner,
                target_date: o.target_date,
                estimated_arr: o.estimated_arr,
                stage: o.stage.into(),
            };
            e.restore(OpportunityId(o.id), draft).map_err(|e| {
                (
                    format!("expansion.opportunities[{i}].{}", e.path),
                    e.message,
                )
            })?;
        }
        Ok(e)
    }
}

//! Workspace settings in the version 3 file (`workspace.settings`): the version 1 health
//! part, and the KPI page's settings (`kpi`). Absent parts take their defaults.

use serde::{Deserialize, Serialize};

use crate::domain::kpi_settings::{check_target, KpiSettings, RenewalOdds};
use crate::domain::settings::Settings;
use crate::format::v1::health::{HealthSettingsV1, Problem};
use crate::format::v1::settings::SettingsV1;

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SettingsV3 {
    #[serde(default)]
    pub health: HealthSettingsV1,
    /// Renewal odds by health band and the yearly expansion target. Version 3.
    #[serde(default)]
    pub kpi: KpiSettingsV3,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KpiSettingsV3 {
    /// Absent: 95 / 75 / 40 / 75.
    #[serde(default)]
    pub renewal_odds: RenewalOddsV3,
    /// Expansion ARR aimed for in a year; absent or null: not set.
    #[serde(default)]
    pub expansion_target: Option<f64>,
}

impl Default for KpiSettingsV3 {
    fn default() -> Self {
        (&KpiSettings::default()).into()
    }
}

/// Percent chances (0-100) that a renewal closes, by the account's health band.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RenewalOddsV3 {
    pub green: f64,
    pub yellow: f64,
    pub red: f64,
    pub no_score: f64,
}

impl Default for RenewalOddsV3 {
    fn default() -> Self {
        let d = RenewalOdds::default();
        RenewalOddsV3 {
            green: d.green,
            yellow: d.yellow,
            red: d.red,
            no_score: d.no_score,
        }
    }
}

impl From<&KpiSettings> for KpiSettingsV3 {
    fn from(k: &KpiSettings) -> Self {
        let o = k.renewal_odds;
        KpiSettingsV3 {
            renewal_odds: RenewalOddsV3 {
                green: o.green,
                yellow: o.yellow,
                red: o.red,
                no_score: o.no_score,
            },
            expansion_target: k.expansion_target,
        }
    }
}

impl From<&Settings> for SettingsV3 {
    fn from(s: &Settings) -> Self {
        SettingsV3 {
            health: SettingsV1::from(s).health,
            kpi: (&s.kpi).into(),
        }
    }
}

impl SettingsV3 {
    /// Version 1 (and 2) settings: the health part as it was, the KPI defaults.
    pub fn from_v1(s: SettingsV1) -> SettingsV3 {
        SettingsV3 {
            health: s.health,
            kpi: KpiSettingsV3::default(),
        }
    }

    /// Paths are relative to `workspace.settings` (`kpi.renewal_odds`).
    pub fn into_domain(self) -> Result<Settings, Problem> {
        let mut settings = SettingsV1 {
            health: self.health,
        }
        .into_domain()?;
        let o = self.kpi.renewal_odds;
        let renewal_odds = RenewalOdds::new(o.green, o.yellow, o.red, o.no_score)
            .map_err(|m| ("kpi.renewal_odds".to_string(), m.message))?;
        let expansion_target = self
            .kpi
            .expansion_target
            .map(check_target)
            .transpose()
            .map_err(|m| ("kpi.expansion_target".to_string(), m.message))?;
        settings.kpi = KpiSettings {
            renewal_odds,
            expansion_target,
        };
        Ok(settings)
    }
}

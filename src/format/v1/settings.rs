//! Workspace settings in the version 1 file (`workspace.settings`). Absent parts take
//! their defaults, so files written before settings existed still read.

use serde::{Deserialize, Serialize};

use super::health::{HealthSettingsV1, Problem};
use crate::domain::settings::Settings;

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SettingsV1 {
    #[serde(default)]
    pub health: HealthSettingsV1,
}

impl From<&Settings> for SettingsV1 {
    fn from(s: &Settings) -> Self {
        SettingsV1 {
            health: (&s.health).into(),
        }
    }
}

impl SettingsV1 {
    /// Paths are relative to `workspace.settings` (`health.weights.roi`).
    pub fn into_domain(self) -> Result<Settings, Problem> {
        let health = self
            .health
            .into_domain()
            .map_err(|(p, m)| (format!("health.{p}"), m))?;
        Ok(Settings {
            health,
            ..Settings::default()
        })
    }
}

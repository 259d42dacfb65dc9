//! Workspace-wide choices the user can change in Settings. Each feature keeps its part in
//! one field, with the defaults of docs/domain.md.

use super::health::HealthSettings;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Settings {
    /// Scoring weights and the log of their changes.
    pub health: HealthSettings,
    /// Renewal odds by health band and the expansion target (the KPI page).
    pub kpi: super::kpi::settings::KpiSettings,
}

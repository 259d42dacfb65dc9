//! Health in the version 1 file: per account, the dated snapshots of raw signals
//! (`health.snapshots[]`); per workspace, the scoring weights and their change log
//! (`settings.health`). Scores are never stored: they follow from signals and weights.
//!
//! ```json
//! "health": { "snapshots": [
//!   { "date": "2026-03-02", "seat_usage_pct": 85, "core_features": 2, "nps": 9,
//!     "ticket_trend": "stable", "targets_met_pct": 65 } ] }
//! "settings": { "health": {
//!   "weights": { "usage": 30, "adoption": 20, "relationship": 20, "support": 15, "roi": 15 },
//!   "weight_changes": [ { "date": "2026-02-01", "old": { ... }, "new": { ... } } ] } }
//! ```
//! An absent signal is unknown.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::health::{
    Category, HealthHistory, HealthSettings, Nps, Percent, Signals, Snapshot, TicketTrend,
    WeightChange, Weights,
};

/// A problem with a path relative to the part being converted, and what is wrong there.
pub type Problem = (String, String);

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HealthV1 {
    /// Oldest first when written; any order is read. One per date.
    #[serde(default, deserialize_with = "crate::format::read::list")]
    pub snapshots: Vec<SnapshotV1>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SnapshotV1 {
    #[serde(deserialize_with = "crate::format::read::date")]
    pub date: NaiveDate,
    /// % of licensed seats active weekly, 0-100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seat_usage_pct: Option<f64>,
    /// Number of core features in use, a whole number >= 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub core_features: Option<i64>,
    /// NPS answer of the main contact, 0-10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nps: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticket_trend: Option<TicketTrendV1>,
    /// % of agreed success targets met, 0-100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub targets_met_pct: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TicketTrendV1 {
    Decreasing,
    ZeroOpen,
    Stable,
    Increasing,
    Escalated,
}

impl From<TicketTrend> for TicketTrendV1 {
    fn from(t: TicketTrend) -> Self {
        match t {
            TicketTrend::Decreasing => TicketTrendV1::Decreasing,
            TicketTrend::ZeroOpen => TicketTrendV1::ZeroOpen,
            TicketTrend::Stable => TicketTrendV1::Stable,
            TicketTrend::Increasing => TicketTrendV1::Increasing,
            TicketTrend::Escalated => TicketTrendV1::Escalated,
        }
    }
}

impl From<TicketTrendV1> for TicketTrend {
    fn from(t: TicketTrendV1) -> Self {
        match t {
            TicketTrendV1::Decreasing => TicketTrend::Decreasing,
            TicketTrendV1::ZeroOpen => TicketTrend::ZeroOpen,
            TicketTrendV1::Stable => TicketTrend::Stable,
            TicketTrendV1::Increasing => TicketTrend::Increasing,
            TicketTrendV1::Escalated => TicketTrend::Escalated,
        }
    }
}

/// Weights by category name; only their proportions matter.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeightsV1 {
    pub usage: f64,
    pub adoption: f64,
    pub relationship: f64,
    pub support: f64,
    pub roi: f64,
}

impl Default for WeightsV1 {
    fn default() -> Self {
        WeightsV1::from(&Weights::default())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeightChangeV1 {
    #[serde(deserialize_with = "crate::format::read::date")]
    pub date: NaiveDate,
    pub old: WeightsV1,
    pub new: WeightsV1,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HealthSettingsV1 {
    /// Absent: the defaults 30 / 20 / 20 / 15 / 15.
    #[serde(default)]
    pub weights: WeightsV1,
    #[serde(default, deserialize_with = "crate::format::read::list")]
    pub weight_changes: Vec<WeightChangeV1>,
}

// ----- domain -> file

impl From<&Snapshot> for SnapshotV1 {
    fn from(s: &Snapshot) -> Self {
        let g = &s.signals;
        SnapshotV1 {
            date: s.date,
            seat_usage_pct: g.usage.map(Percent::value),
            core_features: g.features.map(i64::from),
            nps: g.nps.map(|n| i64::from(n.value())),
            ticket_trend: g.tickets.map(Into::into),
            targets_met_pct: g.roi.map(Percent::value),
        }
    }
}

impl From<&HealthHistory> for HealthV1 {
    fn from(h: &HealthHistory) -> Self {
        HealthV1 {
            snapshots: h.snapshots().iter().map(SnapshotV1::from).collect(),
        }
    }
}

impl From<&Weights> for WeightsV1 {
    fn from(w: &Weights) -> Self {
        WeightsV1 {
            usage: w.get(Category::Usage),
            adoption: w.get(Category::Adoption),
            relationship: w.get(Category::Relationship),
            support: w.get(Category::Support),
            roi: w.get(Category::Roi),
        }
    }
}

impl From<&HealthSettings> for HealthSettingsV1 {
    fn from(s: &HealthSettings) -> Self {
        HealthSettingsV1 {
            weights: s.weights().into(),
            weight_changes: s
                .weight_changes()
                .iter()
                .map(|c| WeightChangeV1 {
                    date: c.date,
                    old: (&c.old).into(),
                    new: (&c.new).into(),
                })
                .collect(),
        }
    }
}

// ----- file -> domain

fn percent(value: f64, what: &str) -> Result<Percent, String> {
    Percent::new(value).map_err(|m| format!("{what} {m}"))
}

impl SnapshotV1 {
    /// Paths are relative to the snapshot (`seat_usage_pct`).
    pub fn into_domain(self) -> Result<Snapshot, Problem> {
        let usage = self
            .seat_usage_pct
            .map(|v| percent(v, "seat usage %"))
            .transpose()
            .map_err(|m| ("seat_usage_pct".to_string(), m))?;
        let features = self
            .core_features
            .map(|n| {
                u32::try_from(n).map_err(|_| {
                    if n < 0 {
                        format!("the number of core features can't be negative, found {n}")
                    } else {
                        format!("the number of core features is too large, found {n}")
                    }
                })
            })
            .transpose()
            .map_err(|m| ("core_features".to_string(), m))?;
        let nps = self
            .nps
            .map(|n| match u8::try_from(n) {
                Ok(b) => Nps::new(b).map_err(|m| format!("NPS {m}")),
                Err(_) => Err(format!("NPS must be from 0 to 10, found {n}")),
            })
            .transpose()
            .map_err(|m| ("nps".to_string(), m))?;
        let roi = self
            .targets_met_pct
            .map(|v| percent(v, "targets met %"))
            .transpose()
            .map_err(|m| ("targets_met_pct".to_string(), m))?;
        Ok(Snapshot {
            date: self.date,
            signals: Signals {
                usage,
                features,
                nps,
                tickets: self.ticket_trend.map(Into::into),
                roi,
            },
        })
    }
}

impl HealthV1 {
    /// Paths are relative to the account (`health.snapshots[2].nps`).
    pub fn into_domain(self) -> Result<HealthHistory, Problem> {
        let snapshots = self
            .snapshots
            .into_iter()
            .enumerate()
            .map(|(i, s)| {
                s.into_domain()
                    .map_err(|(p, m)| (format!("health.snapshots[{i}].{p}"), m))
            })
            .collect::<Result<Vec<_>, _>>()?;
        HealthHistory::from_snapshots(snapshots).map_err(|e| {
            let e = e.under("health.snapshots");
            (e.path, e.message)
        })
    }
}

impl WeightsV1 {
    /// Paths are relative to the weights object (`roi`, or empty for the whole set).
    pub fn into_domain(self) -> Result<Weights, Problem> {
        let values = [
            self.usage,
            self.adoption,
            self.relationship,
            self.support,
            self.roi,
        ];
        Weights::new(values).map_err(|e| match Category::from_key(&e.path) {
            Some(c) => (
                c.key().to_string(),
                format!("weight must be 0 or more, found {}", values[c.index()]),
            ),
            // All zero, or too large to add up: the domain says which.
            None => (String::new(), e.message),
        })
    }
}

fn join(prefix: &str, rest: &str) -> String {
    if rest.is_empty() {
        prefix.to_string()
    } else {
        format!("{prefix}.{rest}")
    }
}

impl HealthSettingsV1 {
    /// Paths are relative to the health settings (`weights.roi`,
    /// `weight_changes[0].old`).
    pub fn into_domain(self) -> Result<HealthSettings, Problem> {
        let weights = self
            .weights
            .into_domain()
            .map_err(|(p, m)| (join("weights", &p), m))?;
        let changes = self
            .weight_changes
            .into_iter()
            .enumerate()
            .map(|(i, c)| {
                let at = format!("weight_changes[{i}]");
                Ok(WeightChange {
                    date: c.date,
                    old: c
                        .old
                        .into_domain()
                        .map_err(|(p, m)| (join(&format!("{at}.old"), &p), m))?,
                    new: c
                        .new
                        .into_domain()
                        .map_err(|(p, m)| (join(&format!("{at}.new"), &p), m))?,
                })
            })
            .collect::<Result<Vec<_>, Problem>>()?;
        Ok(HealthSettings::new(weights, changes))
    }
}

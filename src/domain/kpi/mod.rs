//! Portfolio KPIs over a period: NRR, GRR, renewal rate, expansion share, new ARR,
//! health mix by ARR, the renewal forecast and pipeline coverage (docs/kpis.md).

pub mod settings;

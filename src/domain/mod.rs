//! The pure core: every rule the planner computes. Nothing here touches the browser,
//! storage, the UI framework or the clock; functions that depend on the date take `today`.

pub mod account;
pub mod arr;
pub mod audience;
pub mod dates;
pub mod error;
pub mod expansion;
pub mod health;
pub mod ids;
pub mod kpi;
pub mod money;
pub mod numbers;
pub mod plan;
pub mod planning;
pub mod portfolio;
pub mod practice;
pub mod qbr;
pub mod qualify;
pub mod renewal;
pub mod save_plan;
pub mod settings;
pub mod stakeholders;
pub mod text;
pub mod tier;
pub mod workspace;

pub use account::{
    Account, AccountFields, AccountId, CompanySize, Field, FieldError, Segment, Tier,
};
pub use money::Currency;
pub use text::plural;
pub use workspace::{Removed, TierOf, Workspace, WorkspaceError, WorkspaceId};

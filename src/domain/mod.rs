//! The pure core: every rule the planner computes. Nothing here touches the browser,
//! storage, the UI framework or the clock; functions that depend on the date take `today`.

pub mod account;
pub mod arr;
pub mod audience;
pub mod cadence;
pub mod commitments;
pub mod dates;
pub mod depth;
pub mod error;
pub mod escalations;
pub mod expansion;
pub mod health;
pub mod ids;
pub mod import;
pub mod items;
pub mod kpi;
pub mod kpi_settings;
pub mod mid_cycle;
pub mod money;
pub mod numbers;
pub mod order;
pub mod owners;
pub mod plan;
pub mod planning;
pub mod portfolio;
pub mod practice;
pub mod qbr;
pub mod qualify;
pub mod recovery;
pub mod renewal;
pub mod renewals_query;
pub mod save_plan;
pub mod settings;
pub mod snooze;
pub mod stakeholders;
pub mod text;
pub mod tier;
pub mod week;
pub mod white_space;
pub mod window;
pub mod workspace;

pub use account::{Account, AccountFields, AccountId, CompanySize, Field, Segment, Tier};
pub use error::FieldError;
pub use money::Currency;
pub use text::{grouped, plural};
pub use workspace::{AccountGone, Removed, TierOf, Workspace, WorkspaceId};

//! Account Planner: a browser planner for B2B Account Managers.
//!
//! Arrows run one way: `pages -> components -> state -> domain`, `format -> domain`,
//! `storage -> format`. See ARCHITECTURE.md.

pub mod charts;
pub mod domain;
pub mod format;

//! One module per route.

pub mod account;
pub mod csv_import;
pub mod data;
pub mod kpis;
pub mod new_account;
pub mod not_found;
pub mod portfolio;
pub mod practice;
pub mod renewals;
pub mod settings;
pub mod week;
pub mod white_space;

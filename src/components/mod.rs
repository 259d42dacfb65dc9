//! Reusable view pieces. They read state through `use_app()` and never touch storage.

pub mod account_form;
pub mod confirm;
pub mod drop_zone;
pub mod form;
pub mod health;
pub mod health_portfolio;
pub mod markdown_out;
pub mod new_version;
pub mod renewal_bits;
pub mod share_link;
pub mod shared_account;
pub mod shared_view;
pub mod sort_header;
pub mod status;

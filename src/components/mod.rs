//! Reusable view pieces. They read state through `use_app()` and never touch storage.

pub mod account_form;
pub mod confirm;
pub mod drop_zone;
pub mod fields;
pub mod markdown_out;
pub mod share_link;
pub mod shared_account;
pub mod status;

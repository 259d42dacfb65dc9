//! Reusable view pieces. They read state through `use_app()` and never touch storage.

pub mod account_form;
pub mod arr_history;
pub mod chart_box;
pub mod confirm;
pub mod data_table;
pub mod disclosure;
pub mod drop_zone;
pub mod form;
pub mod hash_scroll;
pub mod health;
pub mod health_portfolio;
pub mod item_editor;
pub mod kpi_settings;
pub mod markdown_out;
pub mod new_version;
pub mod owner_field;
pub mod renewal_bits;
pub mod renewal_outcome;
pub mod row_window;
pub mod share_link;
pub mod shared_account;
pub mod shared_view;
pub mod show_more;
pub mod sort_header;
pub mod status;
pub mod url_state;

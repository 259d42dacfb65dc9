//! Charts drawn into SVG strings. Pure and native: no leptos, no browser, no clock.

pub mod renewal;

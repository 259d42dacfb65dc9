//! Charts drawn with plotters into SVG strings: the account's health over time, the
//! portfolio's health mix and its score distribution.
//!
//! Pure and native: no leptos, no browser, no clock (`today` is a parameter), so the math
//! ([`scale`]) and the output are tested with `cargo test`. The UI puts the string into
//! the page (`inner_html`).
//!
//! Sizing: `width` and `height` are the drawing's own units (its `viewBox`). The SVG is
//! written with `width="100%"` and no fixed height, so it scales to its container and
//! stays sharp at any pixel density. Text is drawn 12 units high: pass a `width` close to
//! the container's CSS width (about 340 on a phone, 720 on a desktop) and the text shows
//! at about 12 px on both.

mod draw;
pub mod health_trend;
pub mod portfolio;
pub mod practice;
pub mod renewal;
pub mod retention;
pub mod scale;

pub use health_trend::{health_trend_svg, TrendLayout};
pub use portfolio::{portfolio_mix_svg, score_distribution_svg};

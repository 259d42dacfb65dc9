//! Health score (docs/domain.md#health): five signals rated green / yellow / red, a weighted
//! score over the signals that are known, dated snapshots, trend, and the "declining" and
//! "stale" flags.
//!
//! Snapshots keep the raw signals, never a computed score: every score is computed from
//! the signals and the current [`Weights`], so a change of weights rescores the whole
//! history at once.
//!
//! Rules decided here (see docs/domain.md#health):
//! - Scores are rounded to one decimal ([`Score::value`]) and the band is read from that
//!   rounded value, so the number and the colour a user sees never disagree.
//! - A category whose weight is 0 does not count: it is neither "known" for the score nor
//!   makes the score incomplete when missing.
//! - Trend "flat" means the score moved by less than [`FLAT_BELOW`] (1 point).
//! - "Declining" compares the latest score with the score *as it stood* at the start of
//!   the window: see [`declining`].
//! - "Stale" needs at least one snapshot: an account never scored has no score (shown as
//!   such) but is not called stale.

mod history;
mod mix;
mod score;
mod signals;
mod trend;
mod weights;

pub use super::numbers::fmt_points;
pub use history::*;
pub use mix::*;
pub use score::*;
pub use signals::*;
pub use trend::*;
pub use weights::*;

//! The strategic tier of an account, a plain value every feature may read.

/// Strategic tier (docs/domain.md#tiers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tier {
    Strategic,
    Growth,
    LongTail,
}

impl Tier {
    pub const ALL: [Tier; 3] = [Tier::Strategic, Tier::Growth, Tier::LongTail];
    pub fn number(self) -> u8 {
        match self {
            Tier::Strategic => 1,
            Tier::Growth => 2,
            Tier::LongTail => 3,
        }
    }
    pub fn from_number(n: u8) -> Option<Tier> {
        Tier::ALL.into_iter().find(|t| t.number() == n)
    }
    pub fn label(self) -> &'static str {
        match self {
            Tier::Strategic => "Tier 1 · Strategic",
            Tier::Growth => "Tier 2 · Growth",
            Tier::LongTail => "Tier 3 · Long tail",
        }
    }
    pub fn short(self) -> &'static str {
        match self {
            Tier::Strategic => "T1",
            Tier::Growth => "T2",
            Tier::LongTail => "T3",
        }
    }
    /// The engagement cadence this tier calls for.
    pub fn cadence(self) -> &'static str {
        match self {
            Tier::Strategic => "Quarterly executive business review, a dedicated CSM, an executive sponsor on each side",
            Tier::Growth => "A monthly call and a QBR twice a year",
            Tier::LongTail => "Automated touchpoints; support when they ask",
        }
    }
}

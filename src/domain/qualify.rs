//! Qualifying an opportunity (docs/domain.md#qualify): MEDDIC and BANT scorecards and the
//! ROI / business case.
//!
//! Scorecards: each element is rated 0 to 3, with notes.
//! - 0: unknown or absent ("we have no idea who signs"),
//! - 1: weak (a name or a guess, not confirmed),
//! - 2: partly there (confirmed but not committed),
//! - 3: strong (confirmed and working with us).
//!
//! A 0-3 scale keeps "unknown" at zero, so an unrated card scores 0%. Total = sum of the
//! ratings; percentage = total / (3 x number of elements) x 100. The weakest element is the
//! lowest-rated one; on a tie the first in the framework's order (M-E-D-D-I-C, B-A-N-T).
//!
//! Business case: first-year ROI % = (annual benefit - investment) / investment x 100;
//! payback in months = investment / (annual benefit / 12). Investment must be a number
//! above 0; the annual benefit may be zero or negative, and then the case never pays back.

use super::error::{check_len, FieldError};
use super::text::MAX_TEXT;

/// The two scorecards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Framework {
    Meddic,
    Bant,
}

impl Framework {
    pub const ALL: [Framework; 2] = [Framework::Meddic, Framework::Bant];

    pub fn label(self) -> &'static str {
        match self {
            Framework::Meddic => "MEDDIC",
            Framework::Bant => "BANT",
        }
    }

    /// The elements in the framework's order.
    pub fn elements(self) -> &'static [Element] {
        match self {
            Framework::Meddic => &[
                Element::Metrics,
                Element::EconomicBuyer,
                Element::DecisionCriteria,
                Element::DecisionProcess,
                Element::IdentifiedPain,
                Element::Champion,
            ],
            Framework::Bant => &[
                Element::Budget,
                Element::Authority,
                Element::Need,
                Element::Timeline,
            ],
        }
    }
}

/// One element of MEDDIC or BANT.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Element {
    Metrics,
    EconomicBuyer,
    DecisionCriteria,
    DecisionProcess,
    IdentifiedPain,
    Champion,
    Budget,
    Authority,
    Need,
    Timeline,
}

impl Element {
    pub fn framework(self) -> Framework {
        if Framework::Meddic.elements().contains(&self) {
            Framework::Meddic
        } else {
            Framework::Bant
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Element::Metrics => "Metrics",
            Element::EconomicBuyer => "Economic buyer",
            Element::DecisionCriteria => "Decision criteria",
            Element::DecisionProcess => "Decision process",
            Element::IdentifiedPain => "Identified pain",
            Element::Champion => "Champion",
            Element::Budget => "Budget",
            Element::Authority => "Authority",
            Element::Need => "Need",
            Element::Timeline => "Timeline",
        }
    }

    /// The question the rating answers.
    pub fn question(self) -> &'static str {
        match self {
            Element::Metrics => "Do we know the measurable gain they expect, in their numbers?",
            Element::EconomicBuyer => {
                "Have we met the person who signs, and do they see the value?"
            }
            Element::DecisionCriteria => "Do we know how they will choose, and do we fit?",
            Element::DecisionProcess => "Do we know every step, person and date up to signature?",
            Element::IdentifiedPain => "Is there a problem that hurts enough to act on now?",
            Element::Champion => "Is someone inside selling this for us when we are not there?",
            Element::Budget => "Is money set aside, or can it be found?",
            Element::Authority => "Are we talking to whoever can say yes?",
            Element::Need => "Is the need real and ours to solve?",
            Element::Timeline => "Is there a date they have to act by?",
        }
    }

    /// Stable machine name, used in the file format.
    pub fn key(self) -> &'static str {
        match self {
            Element::Metrics => "metrics",
            Element::EconomicBuyer => "economic_buyer",
            Element::DecisionCriteria => "decision_criteria",
            Element::DecisionProcess => "decision_process",
            Element::IdentifiedPain => "identified_pain",
            Element::Champion => "champion",
            Element::Budget => "budget",
            Element::Authority => "authority",
            Element::Need => "need",
            Element::Timeline => "timeline",
        }
    }

    fn position(self) -> usize {
        let els = self.framework().elements();
        els.iter().position(|e| *e == self).unwrap_or(0)
    }
}

/// A rating from 0 (unknown or absent) to 3 (strong).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Rating(u8);

impl Rating {
    pub const MAX: u8 = 3;

    pub fn new(n: u8) -> Result<Rating, FieldError> {
        if n <= Rating::MAX {
            Ok(Rating(n))
        } else {
            Err(FieldError::bare(format!(
                "Rate from 0 to {}; {n} is out of range.",
                Rating::MAX
            )))
        }
    }

    pub fn value(self) -> u8 {
        self.0
    }

    pub fn label(self) -> &'static str {
        match self.0 {
            0 => "Unknown",
            1 => "Weak",
            2 => "Partly there",
            _ => "Strong",
        }
    }
}

/// One element's rating and the evidence behind it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ElementScore {
    pub rating: Rating,
    pub notes: String,
}

/// A MEDDIC or BANT scorecard: one score per element of its framework, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scorecard {
    framework: Framework,
    scores: Vec<ElementScore>,
}

impl Scorecard {
    /// A card with every element at 0 and no notes.
    pub fn new(framework: Framework) -> Scorecard {
        Scorecard {
            framework,
            scores: vec![ElementScore::default(); framework.elements().len()],
        }
    }

    pub fn framework(&self) -> Framework {
        self.framework
    }

    pub fn score(&self, element: Element) -> Option<&ElementScore> {
        (element.framework() == self.framework).then(|| &self.scores[element.position()])
    }

    /// Elements with their scores, in framework order.
    pub fn entries(&self) -> impl Iterator<Item = (Element, &ElementScore)> {
        self.framework
            .elements()
            .iter()
            .copied()
            .zip(self.scores.iter())
    }

    /// Sets an element's rating and notes. Refused for an element of the other framework
    /// or notes that are too long.
    pub fn set(&mut self, element: Element, rating: Rating, notes: &str) -> Result<(), FieldError> {
        if element.framework() != self.framework {
            return Err(FieldError::new(
                element.key(),
                format!(
                    "{} is not part of {}.",
                    element.label(),
                    self.framework.label()
                ),
            ));
        }
        let mut e = Vec::new();
        check_len(&mut e, element.key().to_string(), notes, MAX_TEXT);
        if let Some(err) = e.pop() {
            return Err(err);
        }
        self.scores[element.position()] = ElementScore {
            rating,
            notes: notes.to_string(),
        };
        Ok(())
    }

    pub fn total(&self) -> u32 {
        self.scores.iter().map(|s| s.rating.0 as u32).sum()
    }

    pub fn max_total(&self) -> u32 {
        self.scores.len() as u32 * Rating::MAX as u32
    }

    /// Total as a share of the maximum, 0-100.
    pub fn percent(&self) -> f64 {
        self.total() as f64 * 100.0 / self.max_total() as f64
    }

    /// The lowest-rated element; the first in framework order on a tie.
    pub fn weakest(&self) -> Element {
        let mut best = 0;
        for (i, s) in self.scores.iter().enumerate() {
            if s.rating < self.scores[best].rating {
                best = i;
            }
        }
        self.framework.elements()[best]
    }
}

/// The scorecards and business case of one expansion opportunity (referred to by id).
#[derive(Debug, Clone, PartialEq)]
pub struct Qualification {
    opportunity: u32,
    meddic: Scorecard,
    bant: Scorecard,
    pub business_case: Option<BusinessCase>,
}

impl Qualification {
    /// Blank cards for an opportunity.
    pub fn new(opportunity: u32) -> Qualification {
        Qualification {
            opportunity,
            meddic: Scorecard::new(Framework::Meddic),
            bant: Scorecard::new(Framework::Bant),
            business_case: None,
        }
    }

    pub fn opportunity(&self) -> u32 {
        self.opportunity
    }

    pub fn card(&self, framework: Framework) -> &Scorecard {
        match framework {
            Framework::Meddic => &self.meddic,
            Framework::Bant => &self.bant,
        }
    }

    pub fn card_mut(&mut self, framework: Framework) -> &mut Scorecard {
        match framework {
            Framework::Meddic => &mut self.meddic,
            Framework::Bant => &mut self.bant,
        }
    }

    /// Rates an element on the card it belongs to.
    pub fn set(&mut self, element: Element, rating: Rating, notes: &str) -> Result<(), FieldError> {
        self.card_mut(element.framework())
            .set(element, rating, notes)
    }
}

/// Largest amount accepted in a business case (a trillion in any currency).
pub const MAX_AMOUNT: f64 = 1e12;

/// When an investment earns itself back.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Payback {
    /// After this many months (fractional).
    Months(f64),
    /// The annual benefit is zero or negative.
    Never,
}

impl Payback {
    pub fn months(self) -> Option<f64> {
        match self {
            Payback::Months(m) => Some(m),
            Payback::Never => None,
        }
    }

    /// `8 months`, `1 month`, `4.5 months`, `Never pays back`.
    pub fn label(self) -> String {
        match self {
            Payback::Months(m) => {
                let n = super::numbers::short_number((m * 10.0).round() / 10.0);
                format!("{n} month{}", if n == "1" { "" } else { "s" })
            }
            Payback::Never => "Never pays back: the annual benefit must be above zero.".into(),
        }
    }
}

/// Investment and annual benefit, both in the workspace currency. Fields are private:
/// investment is finite and above 0, benefit finite; both at most [`MAX_AMOUNT`] in size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BusinessCase {
    investment: f64,
    annual_benefit: f64,
}

impl BusinessCase {
    /// Field paths in errors: `investment`, `annual_benefit`.
    pub fn new(investment: f64, annual_benefit: f64) -> Result<BusinessCase, Vec<FieldError>> {
        let mut e = Vec::new();
        if !investment.is_finite() {
            e.push(FieldError::new(
                "investment",
                "The investment must be a number.",
            ));
        } else if investment <= 0.0 {
            e.push(FieldError::new(
                "investment",
                "The investment must be above zero: what does the customer pay or spend?",
            ));
        } else if investment > MAX_AMOUNT {
            e.push(FieldError::new(
                "investment",
                "The investment is above a trillion: check the zeros.",
            ));
        }
        if !annual_benefit.is_finite() {
            e.push(FieldError::new(
                "annual_benefit",
                "The annual benefit must be a number.",
            ));
        } else if annual_benefit.abs() > MAX_AMOUNT {
            e.push(FieldError::new(
                "annual_benefit",
                "The annual benefit is beyond a trillion: check the zeros.",
            ));
        }
        if e.is_empty() {
            Ok(BusinessCase {
                investment,
                annual_benefit,
            })
        } else {
            Err(e)
        }
    }

    /// Reads both amounts as typed (thousands separators `,` `_` and spaces allowed; a
    /// leading minus allowed for the benefit), then [`new`](Self::new).
    pub fn parse(investment: &str, annual_benefit: &str) -> Result<BusinessCase, Vec<FieldError>> {
        let i = parse_amount("investment", investment);
        let b = parse_amount("annual_benefit", annual_benefit);
        // Each field gets its own message: a parse error, or the range check of new().
        let mut errors = Vec::new();
        match &i {
            Err(e) => errors.push(e.clone()),
            Ok(v) => errors.extend(BusinessCase::new(*v, 0.0).err().unwrap_or_default()),
        }
        match &b {
            Err(e) => errors.push(e.clone()),
            Ok(v) => errors.extend(BusinessCase::new(1.0, *v).err().unwrap_or_default()),
        }
        match (i, b) {
            (Ok(i), Ok(b)) if errors.is_empty() => BusinessCase::new(i, b),
            _ => Err(errors),
        }
    }

    pub fn investment(&self) -> f64 {
        self.investment
    }

    pub fn annual_benefit(&self) -> f64 {
        self.annual_benefit
    }

    /// First-year ROI in percent: (benefit - investment) / investment x 100.
    pub fn roi_percent(&self) -> f64 {
        (self.annual_benefit - self.investment) / self.investment * 100.0
    }

    /// `50%`, `-100%`, `33.3%`: ROI to one decimal, trailing zero dropped.
    pub fn roi_label(&self) -> String {
        let r = (self.roi_percent() * 10.0).round() / 10.0;
        format!("{}%", super::numbers::short_number(r))
    }

    /// investment / (annual benefit / 12); never when the benefit is zero or negative.
    pub fn payback(&self) -> Payback {
        if self.annual_benefit <= 0.0 {
            Payback::Never
        } else {
            Payback::Months(self.investment / (self.annual_benefit / 12.0))
        }
    }
}

/// Reads an amount: digits, an optional leading minus, an optional decimal point, and
/// thousands separators (`,` `_` space). Empty and anything else are refused.
pub fn parse_amount(field: &str, text: &str) -> Result<f64, FieldError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(FieldError::new(field, "Enter an amount, e.g. 120000."));
    }
    super::money::read_typed_amount(t).ok_or_else(|| {
        FieldError::new(
            field,
            format!("\"{t}\" is not an amount: type digits only, e.g. 120000."),
        )
    })
}

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

use chrono::{Days, NaiveDate};

use super::account::AccountId;
use super::workspace::Workspace;

// ---------------------------------------------------------------------------------------
// Categories, ratings, bands

/// The five signal categories. The order of [`Category::ALL`] is the order of the form and
/// of the breakdown, and breaks ties when two categories cost the same points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    Usage,
    Adoption,
    Relationship,
    Support,
    Roi,
}

impl Category {
    pub const ALL: [Category; 5] = [
        Category::Usage,
        Category::Adoption,
        Category::Relationship,
        Category::Support,
        Category::Roi,
    ];

    pub fn index(self) -> usize {
        match self {
            Category::Usage => 0,
            Category::Adoption => 1,
            Category::Relationship => 2,
            Category::Support => 3,
            Category::Roi => 4,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Category::Usage => "Product usage",
            Category::Adoption => "Feature adoption",
            Category::Relationship => "Relationship",
            Category::Support => "Support tickets",
            Category::Roi => "ROI / success targets",
        }
    }

    /// Stable machine name: form ids, CSS classes, weight names in the file.
    pub fn key(self) -> &'static str {
        match self {
            Category::Usage => "usage",
            Category::Adoption => "adoption",
            Category::Relationship => "relationship",
            Category::Support => "support",
            Category::Roi => "roi",
        }
    }

    pub fn from_key(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.key() == s)
    }

    /// The label of the form input: what exactly to type.
    pub fn input_label(self) -> &'static str {
        match self {
            Category::Usage => "Seats active weekly (%)",
            Category::Adoption => "Core features in use",
            Category::Relationship => "Main contact's NPS (0-10)",
            Category::Support => "Ticket trend",
            Category::Roi => "Success targets met (%)",
        }
    }

    /// One or two sentences under the input: what to enter and how it is rated.
    pub fn help(self) -> &'static str {
        match self {
            Category::Usage => {
                "Of the seats they pay for, the share used at least once a week. \
                 Above 80 is green, 50 to 80 yellow, under 50 red."
            }
            Category::Adoption => {
                "How many of the core features they actually use. \
                 3 or more is green, 1 or 2 yellow, none red."
            }
            Category::Relationship => {
                "Your main contact's latest answer to \"would you recommend us?\" on 0-10. \
                 8-10 is green, 6-7 yellow, 0-5 red."
            }
            Category::Support => {
                "Where their support tickets are heading. Falling or none open is green, \
                 steady yellow, rising or escalated red."
            }
            Category::Roi => {
                "Of the success targets agreed with them, the share they hit. \
                 Above 90 is green, 70 to 90 yellow, under 70 red."
            }
        }
    }
}

/// How one category rates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rating {
    Green,
    Yellow,
    Red,
}

impl Rating {
    pub const ALL: [Rating; 3] = [Rating::Green, Rating::Yellow, Rating::Red];

    /// Points toward the score: 100, 50 or 0.
    pub fn points(self) -> f64 {
        match self {
            Rating::Green => 100.0,
            Rating::Yellow => 50.0,
            Rating::Red => 0.0,
        }
    }

    /// A word to show beside the colour.
    pub fn label(self) -> &'static str {
        match self {
            Rating::Green => "Good",
            Rating::Yellow => "Fair",
            Rating::Red => "Poor",
        }
    }

    /// For CSS classes: `green`, `yellow`, `red`.
    pub fn key(self) -> &'static str {
        match self {
            Rating::Green => "green",
            Rating::Yellow => "yellow",
            Rating::Red => "red",
        }
    }
}

/// The band of an overall score: above 75 green, 50 to 75 yellow, under 50 red.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Band {
    Green,
    Yellow,
    Red,
}

impl Band {
    /// Best first: the order of legends, filters and the portfolio mix.
    pub const ALL: [Band; 3] = [Band::Green, Band::Yellow, Band::Red];

    /// The band of a score (> 75 green, 50..=75 yellow, < 50 red).
    pub fn of(score: f64) -> Band {
        if score > 75.0 {
            Band::Green
        } else if score >= 50.0 {
            Band::Yellow
        } else {
            Band::Red
        }
    }

    /// The word shown with the colour, for people who cannot tell the colours apart.
    pub fn label(self) -> &'static str {
        match self {
            Band::Green => "Healthy",
            Band::Yellow => "Needs attention",
            Band::Red => "At risk",
        }
    }

    /// The colour's name: "Green", "Yellow", "Red".
    pub fn colour(self) -> &'static str {
        match self {
            Band::Green => "Green",
            Band::Yellow => "Yellow",
            Band::Red => "Red",
        }
    }

    /// For CSS classes and form values: `green`, `yellow`, `red`.
    pub fn key(self) -> &'static str {
        match self {
            Band::Green => "green",
            Band::Yellow => "yellow",
            Band::Red => "red",
        }
    }

    pub fn from_key(s: &str) -> Option<Band> {
        Band::ALL.into_iter().find(|b| b.key() == s)
    }

    /// 2 for green, 1 for yellow, 0 for red: a higher rank is a healthier band.
    pub fn rank(self) -> u8 {
        match self {
            Band::Green => 2,
            Band::Yellow => 1,
            Band::Red => 0,
        }
    }

    pub fn index(self) -> usize {
        match self {
            Band::Green => 0,
            Band::Yellow => 1,
            Band::Red => 2,
        }
    }
}

// ---------------------------------------------------------------------------------------
// Raw signals

/// Where support tickets are heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TicketTrend {
    Decreasing,
    ZeroOpen,
    Stable,
    Increasing,
    Escalated,
}

impl TicketTrend {
    pub const ALL: [TicketTrend; 5] = [
        TicketTrend::Decreasing,
        TicketTrend::ZeroOpen,
        TicketTrend::Stable,
        TicketTrend::Increasing,
        TicketTrend::Escalated,
    ];

    pub fn label(self) -> &'static str {
        match self {
            TicketTrend::Decreasing => "Falling",
            TicketTrend::ZeroOpen => "None open",
            TicketTrend::Stable => "Steady",
            TicketTrend::Increasing => "Rising",
            TicketTrend::Escalated => "Escalated",
        }
    }

    /// snake_case name, as in the file and in form values.
    pub fn key(self) -> &'static str {
        match self {
            TicketTrend::Decreasing => "decreasing",
            TicketTrend::ZeroOpen => "zero_open",
            TicketTrend::Stable => "stable",
            TicketTrend::Increasing => "increasing",
            TicketTrend::Escalated => "escalated",
        }
    }

    pub fn from_key(s: &str) -> Option<TicketTrend> {
        TicketTrend::ALL.into_iter().find(|t| t.key() == s)
    }
}

/// A percentage from 0 to 100 inclusive (seat usage, targets met). Cannot hold anything
/// else: build it with [`Percent::new`] or a parser.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Percent(f64);

impl Percent {
    pub fn new(value: f64) -> Result<Percent, String> {
        if !value.is_finite() {
            Err("must be a number from 0 to 100".into())
        } else if value < 0.0 {
            Err(format!("must be 0 or more, found {}", fmt_num(value)))
        } else if value > 100.0 {
            Err(format!("must be 100 or less, found {}", fmt_num(value)))
        } else {
            Ok(Percent(value))
        }
    }

    pub fn value(self) -> f64 {
        self.0
    }
}

/// An NPS answer: a whole number from 0 to 10.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Nps(u8);

impl Nps {
    pub fn new(value: u8) -> Result<Nps, String> {
        if value <= 10 {
            Ok(Nps(value))
        } else {
            Err(format!("must be from 0 to 10, found {value}"))
        }
    }

    pub fn value(self) -> u8 {
        self.0
    }
}

/// The raw signals of one account on one day. `None` is "unknown", which is never read
/// as red.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Signals {
    pub usage: Option<Percent>,
    pub features: Option<u32>,
    pub nps: Option<Nps>,
    pub tickets: Option<TicketTrend>,
    pub roi: Option<Percent>,
}

pub fn rate_usage(usage: Percent) -> Rating {
    let v = usage.value();
    if v > 80.0 {
        Rating::Green
    } else if v >= 50.0 {
        Rating::Yellow
    } else {
        Rating::Red
    }
}

pub fn rate_features(features: u32) -> Rating {
    match features {
        0 => Rating::Red,
        1 | 2 => Rating::Yellow,
        _ => Rating::Green,
    }
}

pub fn rate_nps(nps: Nps) -> Rating {
    match nps.value() {
        8..=10 => Rating::Green,
        6 | 7 => Rating::Yellow,
        _ => Rating::Red,
    }
}

pub fn rate_tickets(trend: TicketTrend) -> Rating {
    match trend {
        TicketTrend::Decreasing | TicketTrend::ZeroOpen => Rating::Green,
        TicketTrend::Stable => Rating::Yellow,
        TicketTrend::Increasing | TicketTrend::Escalated => Rating::Red,
    }
}

pub fn rate_roi(roi: Percent) -> Rating {
    let v = roi.value();
    if v > 90.0 {
        Rating::Green
    } else if v >= 70.0 {
        Rating::Yellow
    } else {
        Rating::Red
    }
}

impl Signals {
    /// The rating of one category, `None` when its signal is unknown.
    pub fn rating(&self, category: Category) -> Option<Rating> {
        match category {
            Category::Usage => self.usage.map(rate_usage),
            Category::Adoption => self.features.map(rate_features),
            Category::Relationship => self.nps.map(rate_nps),
            Category::Support => self.tickets.map(rate_tickets),
            Category::Roi => self.roi.map(rate_roi),
        }
    }

    pub fn is_known(&self, category: Category) -> bool {
        self.rating(category).is_some()
    }

    pub fn known_count(&self) -> usize {
        Category::ALL.iter().filter(|c| self.is_known(**c)).count()
    }

    /// True when no signal at all is known.
    pub fn is_empty(&self) -> bool {
        self.known_count() == 0
    }

    /// Sets one category to unknown.
    pub fn clear(&mut self, category: Category) {
        match category {
            Category::Usage => self.usage = None,
            Category::Adoption => self.features = None,
            Category::Relationship => self.nps = None,
            Category::Support => self.tickets = None,
            Category::Roi => self.roi = None,
        }
    }

    /// The value as a user would type it into the form (`""` when unknown): `85`,
    /// `2`, `9`, `stable`.
    pub fn text(&self, category: Category) -> String {
        match category {
            Category::Usage => self.usage.map(|p| fmt_num(p.value())),
            Category::Adoption => self.features.map(|f| f.to_string()),
            Category::Relationship => self.nps.map(|n| n.value().to_string()),
            Category::Support => self.tickets.map(|t| t.key().to_string()),
            Category::Roi => self.roi.map(|p| fmt_num(p.value())),
        }
        .unwrap_or_default()
    }

    /// The value for reading: `85%`, `2 features`, `NPS 9`, `Steady`, `Unknown`.
    pub fn describe(&self, category: Category) -> String {
        match category {
            Category::Usage => self.usage.map(|p| format!("{}%", fmt_num(p.value()))),
            Category::Adoption => self.features.map(|f| match f {
                1 => "1 feature".to_string(),
                n => format!("{n} features"),
            }),
            Category::Relationship => self.nps.map(|n| format!("NPS {}", n.value())),
            Category::Support => self.tickets.map(|t| t.label().to_string()),
            Category::Roi => self
                .roi
                .map(|p| format!("{}% of targets", fmt_num(p.value()))),
        }
        .unwrap_or_else(|| "Unknown".to_string())
    }
}

// ---------------------------------------------------------------------------------------
// Parsing what a user types

/// Why a typed signal is refused; the message is shown at the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignalError {
    pub category: Category,
    pub message: String,
}

impl SignalError {
    fn new(category: Category, message: impl Into<String>) -> Self {
        SignalError {
            category,
            message: message.into(),
        }
    }
}

/// Digits with at most one decimal point and an optional leading minus; nothing else
/// (no exponent, no `inf`, no thousands separators).
fn plain_number(t: &str) -> Option<f64> {
    let body = t.strip_prefix('-').unwrap_or(t);
    let ok = !body.is_empty()
        && body.chars().all(|c| c.is_ascii_digit() || c == '.')
        && body.matches('.').count() <= 1
        && body.chars().any(|c| c.is_ascii_digit());
    if ok {
        t.parse().ok()
    } else {
        None
    }
}

fn parse_percent(
    category: Category,
    what: &str,
    text: &str,
) -> Result<Option<Percent>, SignalError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let t = t.strip_suffix('%').unwrap_or(t).trim_end();
    if t.contains(',') && !t.contains('.') {
        return Err(SignalError::new(
            category,
            format!("Use a dot for decimals, e.g. {}.", t.replace(',', ".")),
        ));
    }
    let v = plain_number(t).ok_or_else(|| {
        SignalError::new(
            category,
            format!("\"{t}\" is not a number: type a percentage from 0 to 100."),
        )
    })?;
    if v < 0.0 {
        return Err(SignalError::new(
            category,
            format!("{what} can't be negative."),
        ));
    }
    if v > 100.0 {
        return Err(SignalError::new(
            category,
            format!("{what} can't be above 100% (you typed {}).", fmt_num(v)),
        ));
    }
    Percent::new(v)
        .map(Some)
        .map_err(|m| SignalError::new(category, format!("{what} {m}.")))
}

/// Seat usage as typed: `85`, `85.5`, `85%`; empty means unknown.
pub fn parse_usage(text: &str) -> Result<Option<Percent>, SignalError> {
    parse_percent(Category::Usage, "Seat usage", text)
}

/// Targets met as typed: `65`, `92.5%`; empty means unknown.
pub fn parse_roi(text: &str) -> Result<Option<Percent>, SignalError> {
    parse_percent(Category::Roi, "Targets met", text)
}

/// Core features in use: a whole number, 0 or more; empty means unknown.
pub fn parse_features(text: &str) -> Result<Option<u32>, SignalError> {
    let c = Category::Adoption;
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let v = plain_number(t).ok_or_else(|| {
        SignalError::new(
            c,
            format!("\"{t}\" is not a number: count the features, e.g. 3."),
        )
    })?;
    if v < 0.0 {
        return Err(SignalError::new(
            c,
            "The number of features can't be negative.",
        ));
    }
    if v.fract() != 0.0 {
        return Err(SignalError::new(c, "Count whole features, e.g. 2."));
    }
    if v > u32::MAX as f64 {
        return Err(SignalError::new(
            c,
            "That is far more features than any product has.",
        ));
    }
    Ok(Some(v as u32))
}

/// The NPS answer: a whole number from 0 to 10; empty means unknown.
pub fn parse_nps(text: &str) -> Result<Option<Nps>, SignalError> {
    let c = Category::Relationship;
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let v = plain_number(t).ok_or_else(|| {
        SignalError::new(
            c,
            format!("\"{t}\" is not a number: NPS answers run from 0 to 10."),
        )
    })?;
    if v.fract() != 0.0 {
        return Err(SignalError::new(
            c,
            "An NPS answer is a whole number from 0 to 10.",
        ));
    }
    if !(0.0..=10.0).contains(&v) {
        return Err(SignalError::new(
            c,
            format!("NPS answers run from 0 to 10 (you typed {}).", fmt_num(v)),
        ));
    }
    Ok(Some(Nps(v as u8)))
}

/// The ticket trend from a form value: a key (`zero_open`) or a label (`None open`), any
/// case; empty means unknown.
pub fn parse_tickets(text: &str) -> Result<Option<TicketTrend>, SignalError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    TicketTrend::ALL
        .into_iter()
        .find(|x| x.key().eq_ignore_ascii_case(t) || x.label().eq_ignore_ascii_case(t))
        .map(Some)
        .ok_or_else(|| {
            let choices: Vec<&str> = TicketTrend::ALL.iter().map(|x| x.label()).collect();
            SignalError::new(
                Category::Support,
                format!("Pick one of: {}.", choices.join(", ")),
            )
        })
}

/// The five inputs of the health form as typed. Empty text is "unknown".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SignalsForm {
    pub usage: String,
    pub features: String,
    pub nps: String,
    pub tickets: String,
    pub roi: String,
}

impl SignalsForm {
    /// The form filled with existing signals (to edit a snapshot).
    pub fn from_signals(s: &Signals) -> Self {
        SignalsForm {
            usage: s.text(Category::Usage),
            features: s.text(Category::Adoption),
            nps: s.text(Category::Relationship),
            tickets: s.text(Category::Support),
            roi: s.text(Category::Roi),
        }
    }

    pub fn get(&self, category: Category) -> &str {
        match category {
            Category::Usage => &self.usage,
            Category::Adoption => &self.features,
            Category::Relationship => &self.nps,
            Category::Support => &self.tickets,
            Category::Roi => &self.roi,
        }
    }

    pub fn set(&mut self, category: Category, text: impl Into<String>) {
        let text = text.into();
        match category {
            Category::Usage => self.usage = text,
            Category::Adoption => self.features = text,
            Category::Relationship => self.nps = text,
            Category::Support => self.tickets = text,
            Category::Roi => self.roi = text,
        }
    }

    /// The signals, or every field's problem (at most one per category, in form order).
    pub fn parse(&self) -> Result<Signals, Vec<SignalError>> {
        let mut errors = Vec::new();
        let mut keep = |r: Result<(), SignalError>| {
            if let Err(e) = r {
                errors.push(e);
            }
        };
        let mut s = Signals::default();
        keep(parse_usage(&self.usage).map(|v| s.usage = v));
        keep(parse_features(&self.features).map(|v| s.features = v));
        keep(parse_nps(&self.nps).map(|v| s.nps = v));
        keep(parse_tickets(&self.tickets).map(|v| s.tickets = v));
        keep(parse_roi(&self.roi).map(|v| s.roi = v));
        if errors.is_empty() {
            Ok(s)
        } else {
            Err(errors)
        }
    }
}

// ---------------------------------------------------------------------------------------
// Weights

/// Relative weights of the five categories: each finite and >= 0, not all zero. Only the
/// proportions matter; [`Weights::normalised`] scales them to a total of 100.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights([f64; 5]);

/// Why weights are refused. `category` is the field to show the message at; `None` is a
/// problem of the whole set (all zero).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeightsError {
    pub category: Option<Category>,
    pub message: String,
}

impl Default for Weights {
    fn default() -> Self {
        Weights(Weights::DEFAULT)
    }
}

impl Weights {
    /// The default weights, in [`Category::ALL`] order: 30 / 20 / 20 / 15 / 15.
    pub const DEFAULT: [f64; 5] = [30.0, 20.0, 20.0, 15.0, 15.0];

    /// Values in [`Category::ALL`] order. Reports the first problem.
    pub fn new(values: [f64; 5]) -> Result<Weights, WeightsError> {
        for c in Category::ALL {
            check_weight(c, values[c.index()])?;
        }
        let total: f64 = values.iter().sum();
        if total == 0.0 {
            return Err(WeightsError {
                category: None,
                message: "At least one weight must be above 0, or there is nothing to score."
                    .into(),
            });
        }
        if !total.is_finite() {
            return Err(WeightsError {
                category: None,
                message: "These weights are too large to add up; use numbers such as 30 or 15."
                    .into(),
            });
        }
        Ok(Weights(values))
    }

    /// Weights as typed in the five settings fields (any order of problems: one per
    /// field, then the all-zero problem).
    pub fn parse<S: AsRef<str>>(texts: &[S; 5]) -> Result<Weights, Vec<WeightsError>> {
        let mut values = [0.0; 5];
        let mut errors = Vec::new();
        for c in Category::ALL {
            match parse_weight(c, texts[c.index()].as_ref()) {
                Ok(v) => values[c.index()] = v,
                Err(e) => errors.push(e),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Weights::new(values).map_err(|e| vec![e])
    }

    pub fn get(&self, category: Category) -> f64 {
        self.0[category.index()]
    }

    /// The raw values in [`Category::ALL`] order.
    pub fn values(&self) -> [f64; 5] {
        self.0
    }

    pub fn total(&self) -> f64 {
        self.0.iter().sum()
    }

    /// One category's share of the total, out of 100.
    pub fn share(&self, category: Category) -> f64 {
        self.get(category) * 100.0 / self.total()
    }

    /// The same proportions scaled to add up to 100 (what Settings shows).
    pub fn normalised(&self) -> Weights {
        let mut v = self.0;
        let total = self.total();
        for x in v.iter_mut() {
            *x = *x * 100.0 / total;
        }
        Weights(v)
    }

    /// A copy with one weight changed, if the result is still valid.
    pub fn with(&self, category: Category, value: f64) -> Result<Weights, WeightsError> {
        let mut v = self.0;
        v[category.index()] = value;
        Weights::new(v)
    }

    /// True when these weights are in the same proportions as the defaults.
    pub fn is_default(&self) -> bool {
        let a = self.normalised();
        let b = Weights::default().normalised();
        Category::ALL
            .iter()
            .all(|c| (a.get(*c) - b.get(*c)).abs() < 1e-9)
    }
}

fn check_weight(c: Category, v: f64) -> Result<(), WeightsError> {
    let err = |m: String| WeightsError {
        category: Some(c),
        message: m,
    };
    if !v.is_finite() {
        return Err(err(format!(
            "The weight of {} must be a number.",
            c.label()
        )));
    }
    if v < 0.0 {
        return Err(err(format!(
            "The weight of {} can't be negative; use 0 to leave it out.",
            c.label()
        )));
    }
    Ok(())
}

/// One weight as typed; empty is refused (type 0 to leave a category out).
pub fn parse_weight(category: Category, text: &str) -> Result<f64, WeightsError> {
    let t = text.trim();
    let t = t.strip_suffix('%').unwrap_or(t).trim_end();
    let err = |m: String| WeightsError {
        category: Some(category),
        message: m,
    };
    if t.is_empty() {
        return Err(err("Enter a weight (0 leaves the category out).".into()));
    }
    let v = plain_number(t).ok_or_else(|| err(format!("\"{t}\" is not a number, e.g. 20.")))?;
    check_weight(category, v)?;
    Ok(v)
}

// ---------------------------------------------------------------------------------------
// Score and breakdown

/// A computed health score.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    /// 0-100, rounded to one decimal.
    pub value: f64,
    /// Band of `value`.
    pub band: Band,
    /// Some category with a weight above 0 is unknown: the score stands on the others.
    pub incomplete: bool,
    pub breakdown: Breakdown,
}

impl Score {
    /// `67.5`, `80`: one decimal only when needed.
    pub fn display(&self) -> String {
        fmt_points(self.value)
    }
}

/// Why the score is what it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Breakdown {
    /// One line per category, in [`Category::ALL`] order (unknown ones included).
    pub lines: Vec<BreakdownLine>,
    /// The category that costs the most points; ties go to the earlier category in
    /// [`Category::ALL`]. `None` when nothing costs points (a score of 100).
    pub dragging: Option<Category>,
}

impl Breakdown {
    pub fn line(&self, category: Category) -> &BreakdownLine {
        &self.lines[category.index()]
    }
}

/// One category's part in a score. `earned + lost` is the category's share of the score
/// (`effective_weight`); over all lines, `earned` adds up to the score and
/// `earned + lost` to 100.
#[derive(Debug, Clone, PartialEq)]
pub struct BreakdownLine {
    pub category: Category,
    /// `None`: the signal is unknown.
    pub rating: Option<Rating>,
    /// The category's weight normalised over all five (as Settings shows it), 0-100.
    pub weight: f64,
    /// The weight actually applied, re-normalised over the known categories; 0 when
    /// unknown.
    pub effective_weight: f64,
    /// Score points this category brings.
    pub earned: f64,
    /// Score points it would add if it were green.
    pub lost: f64,
}

/// The score of one set of signals, or `None` when no category with a weight above 0 is
/// known. Use it for the what-if preview too: nothing is saved.
pub fn score_of(signals: &Signals, weights: &Weights) -> Option<Score> {
    let known_weight: f64 = Category::ALL
        .iter()
        .filter(|c| signals.is_known(**c))
        .map(|c| weights.get(*c))
        .sum();
    if known_weight <= 0.0 {
        return None;
    }
    let mut lines = Vec::with_capacity(5);
    let mut raw = 0.0;
    let mut incomplete = false;
    for c in Category::ALL {
        let w = weights.get(c);
        let rating = signals.rating(c);
        if rating.is_none() && w > 0.0 {
            incomplete = true;
        }
        let (effective, earned, lost) = match rating {
            Some(r) => (
                w * 100.0 / known_weight,
                w * r.points() / known_weight,
                w * (100.0 - r.points()) / known_weight,
            ),
            None => (0.0, 0.0, 0.0),
        };
        raw += w * rating.map_or(0.0, Rating::points);
        lines.push(BreakdownLine {
            category: c,
            rating,
            weight: weights.share(c),
            effective_weight: effective,
            earned,
            lost,
        });
    }
    let value = round1(raw / known_weight);
    let mut dragging: Option<(Category, f64)> = None;
    for l in &lines {
        if l.lost > 1e-9 && dragging.is_none_or(|(_, most)| l.lost > most + 1e-9) {
            dragging = Some((l.category, l.lost));
        }
    }
    Some(Score {
        value,
        band: Band::of(value),
        incomplete,
        breakdown: Breakdown {
            lines,
            dragging: dragging.map(|(c, _)| c),
        },
    })
}

// ---------------------------------------------------------------------------------------
// History

/// The signals as they stood on one day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Snapshot {
    pub date: NaiveDate,
    pub signals: Signals,
}

/// Why a change to the history is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HistoryError {
    /// Every signal is unknown: there is nothing to keep.
    NoSignals,
    /// The "as of" date is after today.
    FutureDate { date: NaiveDate },
    /// Another snapshot already has this date (on edit or on import).
    DateTaken { date: NaiveDate },
    /// No snapshot on this date to edit or delete.
    NotFound { date: NaiveDate },
}

impl HistoryError {
    pub fn message(&self) -> String {
        match self {
            HistoryError::NoSignals => {
                "Fill in at least one signal; an all-unknown check-in says nothing.".into()
            }
            HistoryError::FutureDate { date } => {
                format!("{date} is in the future; record signals as of today or earlier.")
            }
            HistoryError::DateTaken { date } => {
                format!("There is already a check-in on {date}; edit that one instead.")
            }
            HistoryError::NotFound { date } => format!("There is no check-in on {date}."),
        }
    }
}

impl std::fmt::Display for HistoryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

/// What [`HealthHistory::record`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recorded {
    Added,
    /// That day already had a snapshot; it now holds the new signals.
    Replaced,
}

/// An account's health check-ins: at most one per day, sorted by date, oldest first,
/// none with every signal unknown.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HealthHistory {
    snapshots: Vec<Snapshot>,
}

impl HealthHistory {
    pub fn new() -> Self {
        HealthHistory::default()
    }

    /// From snapshots read elsewhere (a file), in any order. Refuses two on one day or one
    /// with no signal; the error names the index (in the given order) of the offender.
    pub fn from_snapshots(snapshots: Vec<Snapshot>) -> Result<Self, (usize, HistoryError)> {
        for (i, s) in snapshots.iter().enumerate() {
            if s.signals.is_empty() {
                return Err((i, HistoryError::NoSignals));
            }
            if snapshots[..i].iter().any(|p| p.date == s.date) {
                return Err((i, HistoryError::DateTaken { date: s.date }));
            }
        }
        let mut snapshots = snapshots;
        snapshots.sort_by_key(|s| s.date);
        Ok(HealthHistory { snapshots })
    }

    /// Oldest first.
    pub fn snapshots(&self) -> &[Snapshot] {
        &self.snapshots
    }

    pub fn len(&self) -> usize {
        self.snapshots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.snapshots.is_empty()
    }

    /// The most recent snapshot.
    pub fn latest(&self) -> Option<&Snapshot> {
        self.snapshots.last()
    }

    pub fn on(&self, date: NaiveDate) -> Option<&Snapshot> {
        self.snapshots.iter().find(|s| s.date == date)
    }

    /// Saves the signals as of `date` (the form's "as of", today by default). A second
    /// save for the same day replaces that day's snapshot.
    pub fn record(
        &mut self,
        date: NaiveDate,
        signals: Signals,
        today: NaiveDate,
    ) -> Result<Recorded, HistoryError> {
        if signals.is_empty() {
            return Err(HistoryError::NoSignals);
        }
        if date > today {
            return Err(HistoryError::FutureDate { date });
        }
        match self.snapshots.binary_search_by_key(&date, |s| s.date) {
            Ok(i) => {
                self.snapshots[i].signals = signals;
                Ok(Recorded::Replaced)
            }
            Err(i) => {
                self.snapshots.insert(i, Snapshot { date, signals });
                Ok(Recorded::Added)
            }
        }
    }

    /// Edits the snapshot of `original`, possibly moving it to another date. Moving onto
    /// a day that has its own snapshot is refused (delete one of them first).
    pub fn edit(
        &mut self,
        original: NaiveDate,
        date: NaiveDate,
        signals: Signals,
        today: NaiveDate,
    ) -> Result<(), HistoryError> {
        let i = self
            .snapshots
            .iter()
            .position(|s| s.date == original)
            .ok_or(HistoryError::NotFound { date: original })?;
        if signals.is_empty() {
            return Err(HistoryError::NoSignals);
        }
        if date > today && date != original {
            return Err(HistoryError::FutureDate { date });
        }
        if date != original && self.on(date).is_some() {
            return Err(HistoryError::DateTaken { date });
        }
        self.snapshots[i] = Snapshot { date, signals };
        self.snapshots.sort_by_key(|s| s.date);
        Ok(())
    }

    /// Deletes the snapshot of that day, returning it (for undo).
    pub fn remove(&mut self, date: NaiveDate) -> Result<Snapshot, HistoryError> {
        let i = self
            .snapshots
            .iter()
            .position(|s| s.date == date)
            .ok_or(HistoryError::NotFound { date })?;
        Ok(self.snapshots.remove(i))
    }

    /// Every snapshot that has a score under these weights, as (date, score value),
    /// oldest first: the points of the trend chart.
    pub fn scores(&self, weights: &Weights) -> Vec<(NaiveDate, f64)> {
        self.snapshots
            .iter()
            .filter_map(|s| score_of(&s.signals, weights).map(|sc| (s.date, sc.value)))
            .collect()
    }
}

// ---------------------------------------------------------------------------------------
// Trend and flags

/// Below this many points of change (in absolute value) the trend is flat.
pub const FLAT_BELOW: f64 = 1.0;
/// A fall of this many points or more inside [`DECLINE_WINDOW_DAYS`] flags "declining".
pub const DECLINE_POINTS: f64 = 15.0;
pub const DECLINE_WINDOW_DAYS: u64 = 90;
/// Dropping into a lower band inside this many days flags "declining".
pub const BAND_DROP_WINDOW_DAYS: u64 = 30;
/// More than this many days since the latest snapshot is "stale"; exactly 14 is not.
pub const STALE_AFTER_DAYS: i64 = 14;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    Up,
    Flat,
    Down,
}

impl Direction {
    pub fn arrow(self) -> &'static str {
        match self {
            Direction::Up => "↑",
            Direction::Flat => "→",
            Direction::Down => "↓",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Direction::Up => "Improving",
            Direction::Flat => "Steady",
            Direction::Down => "Slipping",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Flat => "flat",
            Direction::Down => "down",
        }
    }
}

/// Movement of the latest score against the snapshot before it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Trend {
    pub direction: Direction,
    /// Latest score minus the previous one, rounded to one decimal.
    pub change: f64,
    /// Date of the previous scored snapshot.
    pub since: NaiveDate,
}

impl Trend {
    /// `+5`, `-12.5`, `0`.
    pub fn change_text(&self) -> String {
        if self.change > 0.0 {
            format!("+{}", fmt_points(self.change))
        } else {
            fmt_points(self.change)
        }
    }
}

/// The trend between the two latest scored snapshots; `None` with fewer than two.
/// Flat when the change is under [`FLAT_BELOW`] points either way.
pub fn trend(history: &HealthHistory, weights: &Weights) -> Option<Trend> {
    let scores = history.scores(weights);
    let [.., (since, prev), (_, last)] = scores.as_slice() else {
        return None;
    };
    let change = round1(last - prev);
    let direction = if change.abs() < FLAT_BELOW {
        Direction::Flat
    } else if change > 0.0 {
        Direction::Up
    } else {
        Direction::Down
    };
    Some(Trend {
        direction,
        change,
        since: *since,
    })
}

/// Why an account is flagged "declining".
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Decline {
    /// The score fell by [`DECLINE_POINTS`] or more against where it stood 90 days ago.
    Fell {
        from: f64,
        to: f64,
        since: NaiveDate,
    },
    /// The band is lower than where it stood 30 days ago.
    DroppedBand {
        from: Band,
        to: Band,
        since: NaiveDate,
    },
}

impl Decline {
    pub fn message(&self) -> String {
        match self {
            Decline::Fell { from, to, since } => format!(
                "Down {} points since {} ({} to {}).",
                fmt_points(from - to),
                since.format("%-d %b %Y"),
                fmt_points(*from),
                fmt_points(*to)
            ),
            Decline::DroppedBand { from, to, since } => format!(
                "Dropped from {} to {} since {}.",
                from.label(),
                to.label(),
                since.format("%-d %b %Y")
            ),
        }
    }
}

fn days_before(today: NaiveDate, n: u64) -> NaiveDate {
    today
        .checked_sub_days(Days::new(n))
        .unwrap_or(NaiveDate::MIN)
}

/// The score as it stood on `start`: the last scored snapshot on or before `start`; if the
/// history begins after `start`, its first snapshot. `None` when that is the latest
/// snapshot itself (nothing to compare with).
fn baseline(scores: &[(NaiveDate, f64)], start: NaiveDate) -> Option<(NaiveDate, f64)> {
    let last = scores.len().checked_sub(1)?;
    let i = scores
        .iter()
        .rposition(|(d, _)| *d <= start)
        .unwrap_or_default();
    (i < last).then(|| scores[i])
}

/// The "declining" flag (the score fell by 15 points or more over the last 90
/// days, or crossed into a lower band in the last 30 days), decided precisely:
///
/// - "Over the last 90 days" compares the latest score with the score *as it stood*
///   90 days before `today`: the last snapshot dated on or before `today - 90`. If the
///   history starts inside the window, its first snapshot stands in. A fall of exactly
///   15 points counts.
/// - "Crossed into a lower band in the last 30 days" compares the band of the latest
///   score with the band as it stood on `today - 30`, chosen the same way. A dip that has
///   recovered by the latest snapshot does not count.
/// - With one scored snapshot, or when every snapshot is older than the window, there is
///   nothing to compare and the account is not declining (it will be stale instead).
///
/// A fall is reported before a band drop when both hold.
pub fn declining(history: &HealthHistory, weights: &Weights, today: NaiveDate) -> Option<Decline> {
    let scores = history.scores(weights);
    let &(_, latest) = scores.last()?;
    if let Some((since, from)) = baseline(&scores, days_before(today, DECLINE_WINDOW_DAYS)) {
        if from - latest >= DECLINE_POINTS - 1e-9 {
            return Some(Decline::Fell {
                from,
                to: latest,
                since,
            });
        }
    }
    if let Some((since, from)) = baseline(&scores, days_before(today, BAND_DROP_WINDOW_DAYS)) {
        let (from, to) = (Band::of(from), Band::of(latest));
        if to.rank() < from.rank() {
            return Some(Decline::DroppedBand { from, to, since });
        }
    }
    None
}

/// Whole days since the latest snapshot (negative if it is dated after `today`).
pub fn days_since_update(history: &HealthHistory, today: NaiveDate) -> Option<i64> {
    history
        .latest()
        .map(|s| today.signed_duration_since(s.date).num_days())
}

/// More than [`STALE_AFTER_DAYS`] days since the latest snapshot. No history is not
/// stale: it has no score at all, which the screens show on its own.
pub fn is_stale(history: &HealthHistory, today: NaiveDate) -> bool {
    days_since_update(history, today).is_some_and(|d| d > STALE_AFTER_DAYS)
}

/// Everything a screen shows about one account's health today.
#[derive(Debug, Clone, PartialEq)]
pub struct HealthSummary {
    /// Score of the latest snapshot; `None` without history (or when the latest snapshot
    /// knows only categories weighted 0).
    pub score: Option<Score>,
    /// Date of the latest snapshot.
    pub as_of: Option<NaiveDate>,
    pub trend: Option<Trend>,
    /// `Some` when the account is declining, with the reason.
    pub decline: Option<Decline>,
    pub stale: bool,
    pub days_since_update: Option<i64>,
}

impl HealthSummary {
    pub fn value(&self) -> Option<f64> {
        self.score.as_ref().map(|s| s.value)
    }

    pub fn band(&self) -> Option<Band> {
        self.score.as_ref().map(|s| s.band)
    }

    pub fn incomplete(&self) -> bool {
        self.score.as_ref().is_some_and(|s| s.incomplete)
    }

    pub fn declining(&self) -> bool {
        self.decline.is_some()
    }

    pub fn breakdown(&self) -> Option<&Breakdown> {
        self.score.as_ref().map(|s| &s.breakdown)
    }
}

pub fn account_health(
    history: &HealthHistory,
    weights: &Weights,
    today: NaiveDate,
) -> HealthSummary {
    HealthSummary {
        score: history.latest().and_then(|s| score_of(&s.signals, weights)),
        as_of: history.latest().map(|s| s.date),
        trend: trend(history, weights),
        decline: declining(history, weights, today),
        stale: is_stale(history, today),
        days_since_update: days_since_update(history, today),
    }
}

// ---------------------------------------------------------------------------------------
// Weight settings and their log

/// One change of the scoring weights, kept so charts can mark it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WeightChange {
    pub date: NaiveDate,
    pub old: Weights,
    pub new: Weights,
}

/// The workspace's scoring weights and the log of their changes (oldest first).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HealthSettings {
    weights: Weights,
    changes: Vec<WeightChange>,
}

impl HealthSettings {
    /// From parts read elsewhere; the log is sorted by date (stable for one day).
    pub fn new(weights: Weights, mut changes: Vec<WeightChange>) -> Self {
        changes.sort_by_key(|c| c.date);
        HealthSettings { weights, changes }
    }

    pub fn weights(&self) -> &Weights {
        &self.weights
    }

    pub fn weight_changes(&self) -> &[WeightChange] {
        &self.changes
    }

    /// Dates where the weights changed, oldest first, one per day: the chart markers.
    pub fn change_dates(&self) -> Vec<NaiveDate> {
        let mut d: Vec<NaiveDate> = self.changes.iter().map(|c| c.date).collect();
        d.dedup();
        d
    }

    /// Applies new weights and logs the change. Several changes on one day make one log
    /// entry (the day's first old weights, the latest new ones); a day that ends where it
    /// started leaves no entry. Returns false when `new` equals the current weights.
    pub fn set_weights(&mut self, new: Weights, today: NaiveDate) -> bool {
        if new == self.weights {
            return false;
        }
        let old = self.weights;
        self.weights = new;
        match self.changes.last_mut() {
            Some(last) if last.date == today => {
                last.new = new;
                if last.old == last.new {
                    self.changes.pop();
                }
            }
            _ => self.changes.push(WeightChange {
                date: today,
                old,
                new,
            }),
        }
        true
    }

    /// Back to 30 / 20 / 20 / 15 / 15, logged like any change.
    pub fn reset_weights(&mut self, today: NaiveDate) -> bool {
        self.set_weights(Weights::default(), today)
    }
}

// ---------------------------------------------------------------------------------------
// Portfolio

/// How many accounts, and how much ARR, sit in each band.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HealthMix {
    /// Indexed by [`Band::index`] (green, yellow, red).
    pub count: [usize; 3],
    pub arr: [f64; 3],
    pub unscored_count: usize,
    pub unscored_arr: f64,
}

impl HealthMix {
    /// From (band, ARR) pairs; `None` is an account without a score.
    pub fn of(items: impl IntoIterator<Item = (Option<Band>, f64)>) -> Self {
        let mut m = HealthMix::default();
        for (band, arr) in items {
            match band {
                Some(b) => {
                    m.count[b.index()] += 1;
                    m.arr[b.index()] += arr;
                }
                None => {
                    m.unscored_count += 1;
                    m.unscored_arr += arr;
                }
            }
        }
        m
    }

    pub fn count(&self, band: Band) -> usize {
        self.count[band.index()]
    }

    pub fn arr(&self, band: Band) -> f64 {
        self.arr[band.index()]
    }

    pub fn total_count(&self) -> usize {
        self.count.iter().sum::<usize>() + self.unscored_count
    }

    pub fn total_arr(&self) -> f64 {
        self.arr.iter().sum::<f64>() + self.unscored_arr
    }
}

impl Workspace {
    /// Every account's health under the workspace weights, in account order.
    pub fn health_summaries(&self, today: NaiveDate) -> Vec<(AccountId, HealthSummary)> {
        let w = self.settings.health.weights();
        self.accounts()
            .iter()
            .map(|a| (a.id, account_health(&a.health, w, today)))
            .collect()
    }

    /// Count and ARR per band across the portfolio.
    pub fn health_mix(&self) -> HealthMix {
        let w = self.settings.health.weights();
        HealthMix::of(self.accounts().iter().map(|a| {
            let band = a
                .health
                .latest()
                .and_then(|s| score_of(&s.signals, w))
                .map(|s| s.band);
            (band, a.fields.arr)
        }))
    }

    /// Every account's current score (accounts without one left out): the histogram.
    pub fn health_scores(&self) -> Vec<f64> {
        let w = self.settings.health.weights();
        self.accounts()
            .iter()
            .filter_map(|a| a.health.latest().and_then(|s| score_of(&s.signals, w)))
            .map(|s| s.value)
            .collect()
    }
}

// ---------------------------------------------------------------------------------------
// Number formatting

fn round1(x: f64) -> f64 {
    let r = (x * 10.0).round() / 10.0;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// Score points for display: one decimal only when needed (`67.5`, `80`, `-12.5`).
pub fn fmt_points(x: f64) -> String {
    let r = round1(x);
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

/// A typed number back as text, without trailing zeros (`85`, `85.5`).
fn fmt_num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{x:.0}")
    } else {
        format!("{x}")
    }
}

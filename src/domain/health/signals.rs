//! The five signal categories, their ratings and bands, the raw signals of one day, and
//! reading what a user types into the signals form.

use crate::domain::error::FieldError;
use crate::domain::numbers::{fmt_num, plain_number};

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
    pub fn new(value: f64) -> Result<Percent, FieldError> {
        if !value.is_finite() {
            Err(FieldError::bare("must be a number from 0 to 100"))
        } else if value < 0.0 {
            Err(FieldError::bare(format!(
                "must be 0 or more, found {}",
                fmt_num(value)
            )))
        } else if value > 100.0 {
            Err(FieldError::bare(format!(
                "must be 100 or less, found {}",
                fmt_num(value)
            )))
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
    pub fn new(value: u8) -> Result<Nps, FieldError> {
        if value <= 10 {
            Ok(Nps(value))
        } else {
            Err(FieldError::bare(format!(
                "must be from 0 to 10, found {value}"
            )))
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

fn parse_percent(what: &str, text: &str) -> Result<Option<Percent>, FieldError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let t = t.strip_suffix('%').unwrap_or(t).trim_end();
    if t.contains(',') && !t.contains('.') {
        return Err(FieldError::bare(format!(
            "Use a dot for decimals, e.g. {}.",
            t.replace(',', ".")
        )));
    }
    let v = plain_number(t).ok_or_else(|| {
        FieldError::bare(format!(
            "\"{t}\" is not a number: type a percentage from 0 to 100."
        ))
    })?;
    if v < 0.0 {
        return Err(FieldError::bare(format!("{what} can't be negative.")));
    }
    if v > 100.0 {
        return Err(FieldError::bare(format!(
            "{what} can't be above 100% (you typed {}).",
            fmt_num(v)
        )));
    }
    Percent::new(v)
        .map(Some)
        .map_err(|e| FieldError::bare(format!("{what} {}.", e.message)))
}

/// Seat usage as typed: `85`, `85.5`, `85%`; empty means unknown.
pub fn parse_usage(text: &str) -> Result<Option<Percent>, FieldError> {
    parse_percent("Seat usage", text)
}

/// Targets met as typed: `65`, `92.5%`; empty means unknown.
pub fn parse_roi(text: &str) -> Result<Option<Percent>, FieldError> {
    parse_percent("Targets met", text)
}

/// Core features in use: a whole number, 0 or more; empty means unknown.
pub fn parse_features(text: &str) -> Result<Option<u32>, FieldError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let v = plain_number(t).ok_or_else(|| {
        FieldError::bare(format!(
            "\"{t}\" is not a number: count the features, e.g. 3."
        ))
    })?;
    if v < 0.0 {
        return Err(FieldError::bare(
            "The number of features can't be negative.",
        ));
    }
    if v.fract() != 0.0 {
        return Err(FieldError::bare("Count whole features, e.g. 2."));
    }
    if v > u32::MAX as f64 {
        return Err(FieldError::bare(
            "That is far more features than any product has.",
        ));
    }
    Ok(Some(v as u32))
}

/// The NPS answer: a whole number from 0 to 10; empty means unknown.
pub fn parse_nps(text: &str) -> Result<Option<Nps>, FieldError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let v = plain_number(t).ok_or_else(|| {
        FieldError::bare(format!(
            "\"{t}\" is not a number: NPS answers run from 0 to 10."
        ))
    })?;
    if v.fract() != 0.0 {
        return Err(FieldError::bare(
            "An NPS answer is a whole number from 0 to 10.",
        ));
    }
    if !(0.0..=10.0).contains(&v) {
        return Err(FieldError::bare(format!(
            "NPS answers run from 0 to 10 (you typed {}).",
            fmt_num(v)
        )));
    }
    Ok(Some(Nps(v as u8)))
}

/// The ticket trend from a form value: a key (`zero_open`) or a label (`None open`), any
/// case; empty means unknown.
pub fn parse_tickets(text: &str) -> Result<Option<TicketTrend>, FieldError> {
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
            FieldError::bare(format!("Pick one of: {}.", choices.join(", ")))
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

    /// The signals, or every field's problem (at most one per category, in form order),
    /// each at its category's key (`usage`, `adoption`, ...: [`Category::key`]).
    pub fn parse(&self) -> Result<Signals, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut keep = |c: Category, r: Result<(), FieldError>| {
            if let Err(e) = r {
                errors.push(e.under(c.key()));
            }
        };
        let mut s = Signals::default();
        keep(
            Category::Usage,
            parse_usage(&self.usage).map(|v| s.usage = v),
        );
        keep(
            Category::Adoption,
            parse_features(&self.features).map(|v| s.features = v),
        );
        keep(
            Category::Relationship,
            parse_nps(&self.nps).map(|v| s.nps = v),
        );
        keep(
            Category::Support,
            parse_tickets(&self.tickets).map(|v| s.tickets = v),
        );
        keep(Category::Roi, parse_roi(&self.roi).map(|v| s.roi = v));
        if errors.is_empty() {
            Ok(s)
        } else {
            Err(errors)
        }
    }
}

//! The quarterly business review (docs/domain.md#qbr): a 60-minute meeting with a fixed
//! agenda where the customer talks first and value comes before roadmap, a preparation
//! checklist, the date the agenda must go out (5 business days before), and a mutual
//! action plan that feeds the account plan's 90-day actions.
//!
//! Stakeholders belong to another module: attendees are plain stakeholder ids, and what
//! this module needs to know about people (names, who is an executive sponsor) is passed in.

use std::fmt;

use chrono::{Datelike, NaiveDate, Weekday};

use super::error::{check_len, check_required, FieldError};
use super::items::{self, Item, ItemId, Step};
use super::plan::{Action, SuccessMetric};
use super::plan::{MetRule, MetStatus};
use super::text::MAX_TEXT;

/// Identity of a QBR inside one account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct QbrId(pub u32);

/// Length of a QBR in minutes.
pub const QBR_MINUTES: u16 = 60;
/// The agenda goes out this many business days before the meeting.
pub const AGENDA_LEAD_BUSINESS_DAYS: u32 = 5;

/// A time of day to the minute, `00:00` to `23:59`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClockTime(u16);

impl ClockTime {
    /// The latest start that still ends a 60-minute meeting by midnight.
    pub const LATEST_START: ClockTime = ClockTime(23 * 60);

    pub fn new(hour: u8, minute: u8) -> Option<ClockTime> {
        (hour < 24 && minute < 60).then(|| ClockTime(hour as u16 * 60 + minute as u16))
    }

    /// The hour and minute of a time of day (seconds dropped).
    pub fn of(time: chrono::NaiveTime) -> ClockTime {
        use chrono::Timelike;
        ClockTime((time.hour() * 60 + time.minute()) as u16)
    }

    /// Minutes since midnight.
    pub fn minutes(self) -> u16 {
        self.0
    }

    pub fn hour(self) -> u8 {
        (self.0 / 60) as u8
    }

    pub fn minute(self) -> u8 {
        (self.0 % 60) as u8
    }

    /// Reads `14:00` or `9:30` (24-hour clock); empty asks for a time.
    pub fn parse(text: &str) -> Result<ClockTime, FieldError> {
        let t = text.trim();
        if t.is_empty() {
            return Err(FieldError::bare("Pick the time it starts, e.g. 14:00."));
        }
        let bad = || {
            FieldError::bare(format!(
                "\"{t}\" is not a time of day; use HH:MM, e.g. 14:00."
            ))
        };
        let (h, m) = t.split_once(':').ok_or_else(bad)?;
        let digits = |s: &str, max_len: usize| {
            !s.is_empty() && s.len() <= max_len && s.chars().all(|c| c.is_ascii_digit())
        };
        if !digits(h, 2) || m.len() != 2 || !digits(m, 2) {
            return Err(bad());
        }
        let (h, m): (u8, u8) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
        ClockTime::new(h, m).ok_or_else(bad)
    }

    /// This time plus some minutes, as minutes since midnight (may pass 24:00, shown as
    /// `24:00` for a meeting ending at midnight).
    fn plus(self, minutes: u16) -> u16 {
        self.0 + minutes
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour(), self.minute())
    }
}

fn show_minutes(total: u16) -> String {
    format!("{:02}:{:02}", total / 60, total % 60)
}

/// The seven parts of a QBR, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AgendaTopic {
    Welcome,
    BusinessUpdate,
    ValueDelivered,
    Challenges,
    Roadmap,
    MutualActionPlan,
    Close,
}

impl AgendaTopic {
    pub fn title(self) -> &'static str {
        match self {
            AgendaTopic::Welcome => "Welcome and agenda",
            AgendaTopic::BusinessUpdate => "Your business: what changed since last time",
            AgendaTopic::ValueDelivered => "Value delivered against the targets",
            AgendaTopic::Challenges => "Challenges and open issues",
            AgendaTopic::Roadmap => "Roadmap and opportunities",
            AgendaTopic::MutualActionPlan => "Mutual action plan",
            AgendaTopic::Close => "Wrap-up and next meeting",
        }
    }

    /// A one-line reminder for the AM preparing the slot.
    pub fn hint(self) -> &'static str {
        match self {
            AgendaTopic::Welcome => "Introductions, the goal of the hour, confirm the agenda.",
            AgendaTopic::BusinessUpdate => {
                "They talk first: priorities, changes, pressure on their side."
            }
            AgendaTopic::ValueDelivered => {
                "The agreed metrics, target against actual, in their terms."
            }
            AgendaTopic::Challenges => "What is not working yet and what we are doing about it.",
            AgendaTopic::Roadmap => {
                "What is coming that serves their goals; where we could do more."
            }
            AgendaTopic::MutualActionPlan => "Who does what by when, on both sides.",
            AgendaTopic::Close => "Recap and put the next review in the calendar.",
        }
    }
}

/// One agenda slot, in minutes from the start of the meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgendaSlot {
    pub start: u16,
    pub end: u16,
    pub topic: AgendaTopic,
}

impl AgendaSlot {
    pub fn minutes(self) -> u16 {
        self.end - self.start
    }

    /// `14:05-14:15` for a meeting starting at 14:00.
    pub fn clock(self, meeting_start: ClockTime) -> String {
        format!(
            "{}-{}",
            show_minutes(meeting_start.plus(self.start)),
            show_minutes(meeting_start.plus(self.end))
        )
    }
}

/// The 60-minute agenda. Never opens with a product update.
pub const AGENDA: [AgendaSlot; 7] = [
    AgendaSlot {
        start: 0,
        end: 5,
        topic: AgendaTopic::Welcome,
    },
    AgendaSlot {
        start: 5,
        end: 15,
        topic: AgendaTopic::BusinessUpdate,
    },
    AgendaSlot {
        start: 15,
        end: 30,
        topic: AgendaTopic::ValueDelivered,
    },
    AgendaSlot {
        start: 30,
        end: 40,
        topic: AgendaTopic::Challenges,
    },
    AgendaSlot {
        start: 40,
        end: 50,
        topic: AgendaTopic::Roadmap,
    },
    AgendaSlot {
        start: 50,
        end: 58,
        topic: AgendaTopic::MutualActionPlan,
    },
    AgendaSlot {
        start: 58,
        end: 60,
        topic: AgendaTopic::Close,
    },
];

/// The agenda with clock times: `("14:00-14:05", slot)` ...
pub fn agenda_times(start: ClockTime) -> Vec<(String, AgendaSlot)> {
    AGENDA.iter().map(|s| (s.clock(start), *s)).collect()
}

/// Saturday and Sunday are not business days (public holidays are not known here).
pub fn is_business_day(d: NaiveDate) -> bool {
    !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The date `n` business days before `date`, weekends skipped: counting back from the day
/// before, each weekday counts one. Five before a Monday is the previous Monday; five
/// before a Saturday or Sunday is the Monday of that week. `n = 0` gives `date` itself.
/// Whole weeks are skipped at once, so the work is at most a week of single days
/// whatever `n`; at the first day chrono knows it stops there instead of failing.
pub fn business_days_before(date: NaiveDate, n: u32) -> NaiveDate {
    let mut d = date;
    let mut left = n;
    // Five business days back from any day are exactly seven calendar days back.
    while left > 5 {
        match d.checked_sub_days(chrono::Days::new(7)) {
            Some(p) => d = p,
            None => return NaiveDate::MIN,
        }
        left -= 5;
    }
    while left > 0 {
        match d.pred_opt() {
            Some(p) => d = p,
            None => return d,
        }
        if is_business_day(d) {
            left -= 1;
        }
    }
    d
}

/// The preparation checklist, in the order it is worked through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PrepItem {
    UsageAndRoi,
    TicketsReviewed,
    HealthTrend,
    SponsorConfirmed,
    StrategicQuestions,
    ExpansionIdea,
    AgendaSent,
}

impl PrepItem {
    pub const ALL: [PrepItem; 7] = [
        PrepItem::UsageAndRoi,
        PrepItem::TicketsReviewed,
        PrepItem::HealthTrend,
        PrepItem::SponsorConfirmed,
        PrepItem::StrategicQuestions,
        PrepItem::ExpansionIdea,
        PrepItem::AgendaSent,
    ];

    pub fn label(self) -> &'static str {
        match self {
            PrepItem::UsageAndRoi => "Usage numbers and ROI pulled",
            PrepItem::TicketsReviewed => "Open tickets and escalations gone through",
            PrepItem::HealthTrend => "Health trend for the quarter looked at",
            PrepItem::SponsorConfirmed => "Executive sponsor confirmed they will attend",
            PrepItem::StrategicQuestions => "Three strategic questions about their industry ready",
            PrepItem::ExpansionIdea => "An expansion idea drafted",
            PrepItem::AgendaSent => "Agenda sent 5 business days ahead",
        }
    }

    /// Stable machine name, used in the file format.
    pub fn key(self) -> &'static str {
        match self {
            PrepItem::UsageAndRoi => "usage_and_roi",
            PrepItem::TicketsReviewed => "tickets_reviewed",
            PrepItem::HealthTrend => "health_trend",
            PrepItem::SponsorConfirmed => "sponsor_confirmed",
            PrepItem::StrategicQuestions => "strategic_questions",
            PrepItem::ExpansionIdea => "expansion_idea",
            PrepItem::AgendaSent => "agenda_sent",
        }
    }

    pub fn from_key(s: &str) -> Option<PrepItem> {
        PrepItem::ALL.into_iter().find(|p| p.key() == s)
    }

    fn index(self) -> usize {
        PrepItem::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }
}

/// Which preparation items are ticked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Checklist([bool; 7]);

impl Checklist {
    pub fn is_ticked(&self, item: PrepItem) -> bool {
        self.0[item.index()]
    }

    pub fn set(&mut self, item: PrepItem, ticked: bool) {
        self.0[item.index()] = ticked;
    }

    /// Ticked items in checklist order.
    pub fn ticked(&self) -> Vec<PrepItem> {
        PrepItem::ALL
            .into_iter()
            .filter(|p| self.is_ticked(*p))
            .collect()
    }

    pub fn done_count(&self) -> usize {
        self.0.iter().filter(|t| **t).count()
    }

    pub fn is_complete(&self) -> bool {
        self.done_count() == PrepItem::ALL.len()
    }
}

/// Which side owns a mutual action item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Side {
    #[default]
    Us,
    Customer,
}

impl Side {
    pub fn label(self) -> &'static str {
        match self {
            Side::Us => "Us",
            Side::Customer => "Customer",
        }
    }
}

/// Identity of a mutual action item inside one QBR. Files keep the items in order
/// without ids: they are numbered 1, 2, 3... when read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct MutualId(pub u32);

impl ItemId for MutualId {
    fn raw(self) -> u32 {
        self.0
    }
    fn from_raw(raw: u32) -> Self {
        MutualId(raw)
    }
}

/// One line of the mutual action plan agreed in the meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct MutualAction {
    pub id: MutualId,
    pub text: String,
    pub owner: String,
    pub side: Side,
    pub due: NaiveDate,
    /// Set once the item was copied into the plan's 90-day actions.
    pub pushed_as: Option<super::plan::ActionId>,
}

impl Item for MutualAction {
    type Id = MutualId;
    const NOUN: &'static str = "item";
    fn id(&self) -> MutualId {
        self.id
    }
    fn set_id(&mut self, id: MutualId) {
        self.id = id;
    }
}

impl MutualAction {
    /// The owner as written in the 90-day plan: customer-side owners are marked.
    pub fn owner_label(&self) -> String {
        let o = self.owner.trim();
        match (self.side, o.is_empty()) {
            (Side::Us, _) => o.to_string(),
            (Side::Customer, true) => "Customer".into(),
            (Side::Customer, false) => format!("{o} (customer)"),
        }
    }
}

/// Something to fix before the meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QbrWarning {
    /// Nobody on the account is mapped as executive sponsor.
    NoSponsorMapped,
    /// A sponsor is mapped but none is among the attendees.
    SponsorNotAttending,
    /// Nobody from the customer is on the invite.
    NoAttendees,
    /// The agenda should have gone out by `due` and is not ticked as sent.
    AgendaLate { due: NaiveDate },
}

impl QbrWarning {
    pub fn message(&self) -> String {
        match self {
            QbrWarning::NoSponsorMapped => {
                "No executive sponsor is mapped on this account: find one before the review.".into()
            }
            QbrWarning::SponsorNotAttending => {
                "The executive sponsor is not attending: a QBR without them rarely moves anything."
                    .into()
            }
            QbrWarning::NoAttendees => "Nobody from the customer is invited yet.".into(),
            QbrWarning::AgendaLate { due } => {
                format!(
                    "The agenda should have been sent by {}: send it today.",
                    super::dates::long(*due)
                )
            }
        }
    }
}

/// A QBR: when, who, and the content of each part.
#[derive(Debug, Clone, PartialEq)]
pub struct Qbr {
    pub id: QbrId,
    pub date: NaiveDate,
    /// Start time; at most [`ClockTime::LATEST_START`] so the meeting ends by midnight.
    pub start: ClockTime,
    /// Stakeholder ids, in invite order, no repeats.
    pub attendees: Vec<u32>,
    pub prep: Checklist,
    pub value_delivered: String,
    pub challenges: String,
    pub roadmap: String,
    pub notes: String,
    pub mutual_actions: Vec<MutualAction>,
}

impl Qbr {
    /// An empty QBR (see [`plan_qbr`] for one with its first draft written).
    pub fn new(id: QbrId, date: NaiveDate, start: ClockTime) -> Qbr {
        Qbr {
            id,
            date,
            start,
            attendees: Vec::new(),
            prep: Checklist::default(),
            value_delivered: String::new(),
            challenges: String::new(),
            roadmap: String::new(),
            notes: String::new(),
            mutual_actions: Vec::new(),
        }
    }

    /// The last day the agenda can go out: 5 business days before the meeting.
    pub fn agenda_due(&self) -> NaiveDate {
        business_days_before(self.date, AGENDA_LEAD_BUSINESS_DAYS)
    }

    /// `14:00-15:00`.
    pub fn time_range(&self) -> String {
        format!(
            "{}-{}",
            self.start,
            show_minutes(self.start.plus(QBR_MINUTES))
        )
    }

    /// The agenda with this meeting's clock times.
    pub fn agenda(&self) -> Vec<(String, AgendaSlot)> {
        agenda_times(self.start)
    }

    /// Warnings, in a stable order. `sponsor_ids` are the stakeholders mapped as executive
    /// sponsor on the account. The agenda is late when `today` is after its due date, it is
    /// not ticked as sent, and the meeting has not happened yet.
    pub fn warnings(&self, sponsor_ids: &[u32], today: NaiveDate) -> Vec<QbrWarning> {
        let mut out = Vec::new();
        if self.attendees.is_empty() {
            out.push(QbrWarning::NoAttendees);
        }
        if sponsor_ids.is_empty() {
            out.push(QbrWarning::NoSponsorMapped);
        } else if !self.attendees.iter().any(|a| sponsor_ids.contains(a)) {
            out.push(QbrWarning::SponsorNotAttending);
        }
        let due = self.agenda_due();
        if today > due && today <= self.date && !self.prep.is_ticked(PrepItem::AgendaSent) {
            out.push(QbrWarning::AgendaLate { due });
        }
        out
    }

    /// Applies `change` to a copy of the mutual action plan and keeps it if the QBR stays
    /// valid; on error nothing changes.
    fn edit_mutual<R>(
        &mut self,
        change: impl FnOnce(&mut Vec<MutualAction>) -> Result<R, FieldError>,
    ) -> Result<R, Vec<FieldError>> {
        let mut draft = self.clone();
        let out = change(&mut draft.mutual_actions).map_err(|e| vec![e])?;
        draft.validate()?;
        *self = draft;
        Ok(out)
    }

    /// Adds an item at the end of the mutual action plan with a new id (not pushed yet).
    pub fn add_mutual(&mut self, mut item: MutualAction) -> Result<MutualId, Vec<FieldError>> {
        item.pushed_as = None;
        self.edit_mutual(|list| Ok(items::add(list, item)))
    }

    /// Puts `item` in the place of the item with `id`; the plan action it was pushed into,
    /// if any, stays linked (the plan keeps its own copy).
    pub fn replace_mutual(
        &mut self,
        id: MutualId,
        mut item: MutualAction,
    ) -> Result<(), Vec<FieldError>> {
        self.edit_mutual(|list| {
            let i = items::position(list, id).ok_or_else(|| items::gone(MutualAction::NOUN))?;
            item.pushed_as = list[i].pushed_as;
            items::replace(list, id, item)
        })
    }

    /// Removes the item with `id` (a pushed item's copy stays in the plan).
    pub fn remove_mutual(&mut self, id: MutualId) -> Result<MutualAction, Vec<FieldError>> {
        self.edit_mutual(|list| items::remove(list, id))
    }

    /// Moves the item with `id` one place up or down.
    pub fn move_mutual(&mut self, id: MutualId, step: Step) -> Result<(), Vec<FieldError>> {
        self.edit_mutual(|list| items::move_item(list, id, step))
    }

    /// Every problem, with field paths relative to the QBR.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut e = Vec::new();
        if self.start > ClockTime::LATEST_START {
            e.push(FieldError::new(
                "start",
                "Start by 23:00 so the hour ends by midnight.",
            ));
        }
        for (i, a) in self.attendees.iter().enumerate() {
            if self.attendees[..i].contains(a) {
                e.push(FieldError::new(
                    format!("attendees[{i}]"),
                    format!("Stakeholder {a} is invited twice."),
                ));
            }
        }
        check_len(
            &mut e,
            "value_delivered".into(),
            &self.value_delivered,
            MAX_TEXT,
        );
        check_len(&mut e, "challenges".into(), &self.challenges, MAX_TEXT);
        check_len(&mut e, "roadmap".into(), &self.roadmap, MAX_TEXT);
        check_len(&mut e, "notes".into(), &self.notes, MAX_TEXT);
        items::check_unique(&mut e, "mutual_actions", &self.mutual_actions);
        for (i, m) in self.mutual_actions.iter().enumerate() {
            check_required(
                &mut e,
                format!("mutual_actions[{i}].text"),
                &m.text,
                "action",
            );
            check_len(&mut e, format!("mutual_actions[{i}].owner"), &m.owner, 300);
        }
        if e.is_empty() {
            Ok(())
        } else {
            Err(e)
        }
    }
}

/// "Value delivered", one line per success metric: `- Name: 86% against a target of 80%
/// (met)`. Empty when there are no metrics.
pub fn value_delivered_text(metrics: &[SuccessMetric]) -> String {
    metrics
        .iter()
        .map(metric_line)
        .collect::<Vec<_>>()
        .join("\n")
}

fn metric_line(m: &SuccessMetric) -> String {
    let status = match m.status() {
        MetStatus::Met => "met",
        MetStatus::NotMet => "not met yet",
        MetStatus::Unknown => "not measured yet",
    };
    match (m.rule, m.current) {
        (MetRule::Manual { .. }, _) => format!("- {}: {status}", one_line(&m.name)),
        (_, None) => format!(
            "- {}: target {} ({status})",
            one_line(&m.name),
            m.show(m.target)
        ),
        (_, Some(c)) => format!(
            "- {}: {} against a target of {} ({status})",
            one_line(&m.name),
            m.show(c),
            m.show(m.target)
        ),
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "Challenges and open issues" from what is still open on the customer's side of the
/// table: success metrics not met yet or not measured yet, then actions past their due
/// date and not done. Empty when nothing is open.
pub fn challenges_text(metrics: &[SuccessMetric], actions: &[Action], today: NaiveDate) -> String {
    let mut lines: Vec<String> = metrics
        .iter()
        .filter(|m| m.status() != MetStatus::Met)
        .map(metric_line)
        .collect();
    lines.extend(actions.iter().filter(|a| a.is_overdue(today)).map(|a| {
        format!(
            "- {}: due {}, still open",
            one_line(&a.text).trim_end_matches('.'),
            super::dates::written(a.due)
        )
    }));
    lines.join("\n")
}

/// What the QBR needs to know about one stakeholder (from the stakeholder map).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonRef {
    pub id: u32,
    pub name: String,
    pub is_executive_sponsor: bool,
}

/// The ids of the executive sponsors among `people`.
pub fn sponsor_ids(people: &[PersonRef]) -> Vec<u32> {
    people
        .iter()
        .filter(|p| p.is_executive_sponsor)
        .map(|p| p.id)
        .collect()
}

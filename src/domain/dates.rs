//! Calendar-date helpers shared by the rules and the screens. Pure: `today` is a parameter.

use chrono::{Datelike, NaiveDate};

use super::error::FieldError;

/// Whole days from `today` to `date` (negative when `date` is past).
pub fn days_until(today: NaiveDate, date: NaiveDate) -> i64 {
    (date - today).num_days()
}

/// "today", "tomorrow", "in 12 days", "yesterday", "20 days ago".
pub fn relative(today: NaiveDate, date: NaiveDate) -> String {
    match days_until(today, date) {
        0 => "today".into(),
        1 => "tomorrow".into(),
        -1 => "yesterday".into(),
        n if n > 1 => format!("in {n} days"),
        n => format!("{} days ago", -n),
    }
}

// Every date the app shows is written by the functions below, in English, from these
// names: not by `chrono`'s `format` patterns, whose reader and writer would be one more
// piece of the first page's module for the same few shapes (docs/build.md, "Case and
// dates").
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The month's name: `December`.
fn month_name(date: NaiveDate) -> &'static str {
    MONTHS[date.month0() as usize]
}

/// The month's name in three letters: `Dec`.
pub fn month_abbr(date: NaiveDate) -> &'static str {
    &month_name(date)[..3]
}

/// The day of the week: `Thursday`.
fn weekday_name(date: NaiveDate) -> &'static str {
    WEEKDAYS[date.weekday().num_days_from_monday() as usize]
}

/// A day and its month, short: `3 Dec`.
pub fn day_month(date: NaiveDate) -> String {
    format!("{} {}", date.day(), month_abbr(date))
}

/// The time of day on a 24-hour clock: `09:10`.
pub fn time_of_day(t: chrono::NaiveDateTime) -> String {
    use chrono::Timelike;
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// A date as people read it in a table: `12 Mar 2027`.
pub fn long(date: NaiveDate) -> String {
    format!("{} {}", day_month(date), date.year())
}

/// A date as people write it in a letter: `3 December 2026`.
pub fn written(date: NaiveDate) -> String {
    format!("{} {}", date.day(), month_written(date))
}

/// With the day of the week: `Thursday 3 December 2026`.
pub fn written_with_day(date: NaiveDate) -> String {
    format!("{} {}", weekday_name(date), written(date))
}

/// With the day of the week, short: `Thursday 3 Dec 2026`.
pub fn long_with_day(date: NaiveDate) -> String {
    format!("{} {}", weekday_name(date), long(date))
}

/// A day of the coming weeks: `Thursday 3 Dec`.
pub fn day_month_with_day(date: NaiveDate) -> String {
    format!("{} {}", weekday_name(date), day_month(date))
}

/// A month as people write it: `December 2026`.
pub fn month_written(date: NaiveDate) -> String {
    format!("{} {}", month_name(date), date.year())
}

/// A month, short: `Dec 2026`.
pub fn month_short(date: NaiveDate) -> String {
    format!("{} {}", month_abbr(date), date.year())
}

/// The first day the planner accepts anywhere (files, links, forms).
pub const FIRST_DAY: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => panic!("1900-01-01 exists"),
};
/// The last day the planner accepts anywhere.
pub const LAST_DAY: NaiveDate = match NaiveDate::from_ymd_opt(2200, 12, 31) {
    Some(d) => d,
    None => panic!("2200-12-31 exists"),
};

/// Reads a calendar day written `YYYY-MM-DD`: a four-digit year from 1900 to 2200, a
/// two-digit month and day, nothing before or after (spaces around are ignored). The one
/// reader for every date the app takes in: a file, a share link or a form. The message
/// quotes what was given and says what is allowed; the path is empty, the caller puts it
/// under its field.
pub fn read_date(text: &str) -> Result<NaiveDate, FieldError> {
    if let Some(day) = exact_day(text) {
        return Ok(day);
    }
    let t = text.trim();
    if t.is_empty() {
        return Err(FieldError::bare("Pick a date."));
    }
    if !iso_shaped(t) {
        return Err(FieldError::bare(format!(
            "\"{}\" is not a date; write it as YYYY-MM-DD, e.g. 2027-03-01.",
            shown(t)
        )));
    }
    let num = |r: std::ops::Range<usize>| t[r].parse::<u32>().unwrap_or(0);
    checked_day(t, num(0..4), num(5..7), num(8..10))
}

/// A day written exactly `YYYY-MM-DD` within the planner's range, read without trimming
/// or messages: how the planner writes every date, so nearly every date of a file (tens of
/// thousands in a large one) is read here. None for anything else, which [`read_date`] then
/// reads the long way or refuses with its message; where this reads a day, it is the day
/// the long way reads (`tests/dates.rs`).
fn exact_day(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |from: usize, to: usize| {
        b[from..to].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let (year, month, day) = (number(0, 4)?, number(5, 7)?, number(8, 10)?);
    let date = NaiveDate::from_ymd_opt(year as i32, month, day)?;
    (FIRST_DAY..=LAST_DAY).contains(&date).then_some(date)
}

/// The text as the user wrote it, for a message: its first 40 characters, and "..." when
/// there were more. Built only when there is a message (a file holds thousands of dates).
fn shown(t: &str) -> String {
    let head: String = t.chars().take(40).collect();
    if head.len() < t.len() {
        format!("{head}...")
    } else {
        head
    }
}

/// The day named by `year`, `month`, `day`, or the message saying why there is none;
/// `text` is what the user wrote (quoted in the message).
fn checked_day(text: &str, year: u32, month: u32, day: u32) -> Result<NaiveDate, FieldError> {
    if !(1..=12).contains(&month) {
        let shown = shown(text);
        return Err(FieldError::bare(format!(
            "\"{shown}\" is not a date: there is no month {month} (months are 01 to 12)."
        )));
    }
    let Some(date) = NaiveDate::from_ymd_opt(year as i32, month, day) else {
        let shown = shown(text);
        let first = NaiveDate::from_ymd_opt(year as i32, month, 1).unwrap_or(FIRST_DAY);
        let next = first
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(first);
        return Err(FieldError::bare(format!(
            "\"{shown}\" is not a date: {} has {} days.",
            month_written(first),
            (next - first).num_days()
        )));
    };
    if !(FIRST_DAY..=LAST_DAY).contains(&date) {
        let shown = shown(text);
        return Err(FieldError::bare(format!(
            "\"{shown}\" is out of range; the planner takes dates from {FIRST_DAY} to {LAST_DAY}."
        )));
    }
    Ok(date)
}

/// Which number comes first in a date written `03/01/2027` or `01.03.2027`: files from
/// spreadsheets and CRMs write both, and one file uses one order throughout
/// (docs/csv-import.md#dates).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DayOrder {
    /// `03/01/2027` is 1 March 2027.
    MonthFirst,
    /// `03/01/2027` is 3 January 2027.
    DayFirst,
}

impl DayOrder {
    pub const ALL: [DayOrder; 2] = [DayOrder::MonthFirst, DayOrder::DayFirst];
    /// Stable machine name, for form values.
    pub fn key(self) -> &'static str {
        match self {
            DayOrder::MonthFirst => "month_first",
            DayOrder::DayFirst => "day_first",
        }
    }
    pub fn from_key(s: &str) -> Option<DayOrder> {
        DayOrder::ALL.into_iter().find(|o| o.key() == s)
    }
    pub fn label(self) -> &'static str {
        match self {
            DayOrder::MonthFirst => "Month first (03/01/2027 is 1 March 2027)",
            DayOrder::DayFirst => "Day first (03/01/2027 is 3 January 2027)",
        }
    }
}

/// Splits `03/01/2027`, `3.1.2027` or `03-01-2027` into its two leading numbers and the
/// year: one or two digits, one or two digits, four digits, with the same separator (`/`,
/// `.` or `-`) twice. `None` for any other shape.
fn split_numeric(t: &str) -> Option<(u32, u32, u32)> {
    let sep = t.chars().find(|c| matches!(c, '/' | '.' | '-'))?;
    let parts: Vec<&str> = t.split(sep).collect();
    let [a, b, y] = parts.as_slice() else {
        return None;
    };
    let digits = |s: &str, lens: std::ops::RangeInclusive<usize>| {
        (lens.contains(&s.len()) && s.bytes().all(|c| c.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    Some((digits(a, 1..=2)?, digits(b, 1..=2)?, digits(y, 4..=4)?))
}

/// Reads a date from an imported table: `YYYY-MM-DD` as [`read_date`] reads it, or day and
/// month in `order` then a four-digit year, separated by `/`, `.` or `-` (`03/01/2027`,
/// `1.3.2027`). The same range and messages as [`read_date`].
pub fn read_date_in(text: &str, order: DayOrder) -> Result<NaiveDate, FieldError> {
    let t = text.trim();
    if t.is_empty() || iso_shaped(t) {
        return read_date(t);
    }
    let Some((a, b, year)) = split_numeric(t) else {
        let shown = shown(t);
        return Err(FieldError::bare(format!(
            "\"{shown}\" is not a date; write it as YYYY-MM-DD (2027-03-01) or {}.",
            match order {
                DayOrder::MonthFirst => "month first, MM/DD/YYYY (03/01/2027)",
                DayOrder::DayFirst => "day first, DD.MM.YYYY or DD/MM/YYYY (01.03.2027)",
            }
        )));
    };
    let (month, day) = match order {
        DayOrder::MonthFirst => (a, b),
        DayOrder::DayFirst => (b, a),
    };
    if month > 12 && day <= 12 {
        let shown = shown(t);
        return Err(FieldError::bare(format!(
            "\"{shown}\" has no month {month}: the dates of this file are read {}. If it writes the {} first, change the date order.",
            match order {
                DayOrder::MonthFirst => "month first",
                DayOrder::DayFirst => "day first",
            },
            match order {
                DayOrder::MonthFirst => "day",
                DayOrder::DayFirst => "month",
            }
        )));
    }
    checked_day(t, year, month, day)
}

/// The order a date written `03/01/2027` forces, if any: day first when its first number
/// is above 12, month first when its second is. `None` for ISO dates, for dates that read
/// both ways (`03/01/2027`) and for text that is no date at all.
pub fn order_forced_by(text: &str) -> Option<DayOrder> {
    let (a, b, _) = split_numeric(text.trim())?;
    match (a > 12, b > 12) {
        (true, false) => Some(DayOrder::DayFirst),
        (false, true) => Some(DayOrder::MonthFirst),
        _ => None,
    }
}

/// The order a file most likely uses, from its date cells: the order some cell forces
/// (when no other cell forces the other one); else day first when the dates are written
/// with dots (`01.03.2027`, as in much of Europe), month first when written with slashes
/// (as US exports do). `None` when cells force both orders or there is no numeric date.
pub fn guess_day_order<'a>(cells: impl IntoIterator<Item = &'a str>) -> Option<DayOrder> {
    let (mut day_first, mut month_first, mut dots, mut slashes) = (false, false, 0, 0);
    for c in cells {
        let c = c.trim();
        if split_numeric(c).is_none() {
            continue;
        }
        if c.contains('.') {
            dots += 1;
        } else {
            slashes += 1;
        }
        match order_forced_by(c) {
            Some(DayOrder::DayFirst) => day_first = true,
            Some(DayOrder::MonthFirst) => month_first = true,
            None => {}
        }
    }
    match (day_first, month_first) {
        (true, true) => None,
        (true, false) => Some(DayOrder::DayFirst),
        (false, true) => Some(DayOrder::MonthFirst),
        (false, false) if dots + slashes == 0 => None,
        (false, false) if dots > slashes => Some(DayOrder::DayFirst),
        (false, false) => Some(DayOrder::MonthFirst),
    }
}

fn iso_shaped(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// [`read_date`] for a date that may be left empty: empty (or only spaces) is `None`.
pub fn read_optional_date(text: &str) -> Result<Option<NaiveDate>, FieldError> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        read_date(text).map(Some)
    }
}

/// Whether `date` is inside the range [`read_date`] accepts.
pub fn in_range(date: NaiveDate) -> bool {
    (FIRST_DAY..=LAST_DAY).contains(&date)
}

/// Reads the day something was done or measured: [`read_date`], and not after `today`.
/// `empty` is the message for an empty field; it says what to pick.
pub fn read_day_done(text: &str, today: NaiveDate, empty: &str) -> Result<NaiveDate, FieldError> {
    if text.trim().is_empty() {
        return Err(FieldError::bare(empty));
    }
    let d = read_date(text)?;
    if d > today {
        return Err(FieldError::bare(format!(
            "{} is in the future: pick today or an earlier day.",
            long(d)
        )));
    }
    Ok(d)
}

//! Calendar-date helpers shared by the rules and the screens. Pure: `today` is a parameter.

use chrono::NaiveDate;

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

/// A date as people read it in a table: `12 Mar 2027`.
pub fn long(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

/// A date as people write it in a letter: `3 December 2026`.
pub fn written(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// With the day of the week: `Thursday 3 December 2026`.
pub fn written_with_day(date: NaiveDate) -> String {
    date.format("%A %-d %B %Y").to_string()
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
/// quotes what was given and says what is allowed; the caller names the field.
pub fn read_date(text: &str) -> Result<NaiveDate, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("Pick a date.".into());
    }
    let shown: String = t.chars().take(40).collect();
    let shown = if shown.len() < t.len() {
        format!("{shown}...")
    } else {
        shown
    };
    let b = t.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shaped {
        return Err(format!(
            "\"{shown}\" is not a date; write it as YYYY-MM-DD, e.g. 2027-03-01."
        ));
    }
    let num = |r: std::ops::Range<usize>| t[r].parse::<u32>().unwrap_or(0);
    let (year, month, day) = (num(0..4), num(5..7), num(8..10));
    if !(1..=12).contains(&month) {
        return Err(format!(
            "\"{shown}\" is not a date: there is no month {month} (months are 01 to 12)."
        ));
    }
    let Some(date) = NaiveDate::from_ymd_opt(year as i32, month, day) else {
        let first = NaiveDate::from_ymd_opt(year as i32, month, 1).unwrap_or(FIRST_DAY);
        let next = first
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(first);
        return Err(format!(
            "\"{shown}\" is not a date: {} has {} days.",
            first.format("%B %Y"),
            (next - first).num_days()
        ));
    };
    if !(FIRST_DAY..=LAST_DAY).contains(&date) {
        return Err(format!(
            "\"{shown}\" is out of range; the planner takes dates from {FIRST_DAY} to {LAST_DAY}."
        ));
    }
    Ok(date)
}

/// [`read_date`] for a date that may be left empty: empty (or only spaces) is `None`.
pub fn read_optional_date(text: &str) -> Result<Option<NaiveDate>, String> {
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
pub fn read_day_done(text: &str, today: NaiveDate, empty: &str) -> Result<NaiveDate, String> {
    if text.trim().is_empty() {
        return Err(empty.to_string());
    }
    let d = read_date(text)?;
    if d > today {
        return Err(format!(
            "{} is in the future: pick today or an earlier day.",
            long(d)
        ));
    }
    Ok(d)
}

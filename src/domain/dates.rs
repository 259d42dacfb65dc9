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

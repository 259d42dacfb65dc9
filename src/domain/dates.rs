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

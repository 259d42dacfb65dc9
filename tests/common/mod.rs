//! Helpers shared by the test files: fixed days, so no test reads the real date.
// Each test file is its own crate and uses only some of these.
#![allow(dead_code)]

use chrono::NaiveDate;

/// A calendar day: `ymd(2026, 6, 1)`.
pub fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real calendar day in a test")
}

/// A day written `YYYY-MM-DD`, as the tables of cases write them: `date("2026-06-01")`.
pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .unwrap_or_else(|_| panic!("{s:?} is not a YYYY-MM-DD day"))
}

/// The fixed "today" of the tests built on the demo workspace and the file format.
pub fn today() -> NaiveDate {
    ymd(2026, 11, 22)
}

/// The day files are read on in these tests (an older file's ARR history starts then).
pub fn read_day() -> NaiveDate {
    today()
}

//! The one date reader: every date of a file, a link or a form goes through it.

mod common;
use am_planner::domain::dates::{
    in_range, read_date, read_day_done, read_optional_date, FIRST_DAY, LAST_DAY,
};
use chrono::NaiveDate;

use common::ymd as d;

#[test]
fn read_date_reads_real_days_in_range_and_names_every_other_case() {
    let not_a_date =
        |t: &str| format!("\"{t}\" is not a date; write it as YYYY-MM-DD, e.g. 2027-03-01.");
    let out_of_range = |t: &str| {
        format!("\"{t}\" is out of range; the planner takes dates from 1900-01-01 to 2200-12-31.")
    };
    let cases: Vec<(&str, Result<NaiveDate, String>)> = vec![
        ("2027-03-01", Ok(d(2027, 3, 1))),
        (" 2027-03-01 ", Ok(d(2027, 3, 1))),
        ("2028-02-29", Ok(d(2028, 2, 29))),
        ("1900-01-01", Ok(FIRST_DAY)),
        ("2200-12-31", Ok(LAST_DAY)),
        ("", Err("Pick a date.".into())),
        ("   ", Err("Pick a date.".into())),
        (
            "2027-02-29",
            Err("\"2027-02-29\" is not a date: February 2027 has 28 days.".into()),
        ),
        (
            "2027-04-31",
            Err("\"2027-04-31\" is not a date: April 2027 has 30 days.".into()),
        ),
        (
            "2027-01-00",
            Err("\"2027-01-00\" is not a date: January 2027 has 31 days.".into()),
        ),
        (
            "2027-13-01",
            Err("\"2027-13-01\" is not a date: there is no month 13 (months are 01 to 12).".into()),
        ),
        (
            "2027-00-10",
            Err("\"2027-00-10\" is not a date: there is no month 0 (months are 01 to 12).".into()),
        ),
        ("1899-12-31", Err(out_of_range("1899-12-31"))),
        ("2201-01-01", Err(out_of_range("2201-01-01"))),
        ("0000-01-01", Err(out_of_range("0000-01-01"))),
        ("9999-12-31", Err(out_of_range("9999-12-31"))),
        ("-262143-01-01", Err(not_a_date("-262143-01-01"))),
        ("+262142-12-31", Err(not_a_date("+262142-12-31"))),
        ("+2027-03-01", Err(not_a_date("+2027-03-01"))),
        ("20270-01-01", Err(not_a_date("20270-01-01"))),
        ("2027-3-1", Err(not_a_date("2027-3-1"))),
        ("03/01/2027", Err(not_a_date("03/01/2027"))),
        ("2027-03-01T10:00", Err(not_a_date("2027-03-01T10:00"))),
        ("２０２７-０３-０１", Err(not_a_date("２０２７-０３-０１"))),
        ("tomorrow", Err(not_a_date("tomorrow"))),
    ];
    for (text, want) in cases {
        // A reader of one value: the message alone, with an empty path.
        let got = read_date(text);
        assert!(
            got.as_ref().err().is_none_or(|e| e.path.is_empty()),
            "{text:?}"
        );
        assert_eq!(got.map_err(|e| e.message), want, "{text:?}");
    }
    // A long input is quoted cut short.
    let long = "x".repeat(1000);
    assert_eq!(
        read_date(&long).map_err(|e| e.message),
        Err(not_a_date(&format!("{}...", "x".repeat(40))))
    );
    assert_eq!(read_optional_date("  "), Ok(None));
    assert_eq!(read_optional_date("2027-03-01"), Ok(Some(d(2027, 3, 1))));
    assert!(in_range(FIRST_DAY) && in_range(LAST_DAY) && !in_range(d(2201, 1, 1)));
}

#[test]
fn a_day_done_is_read_like_any_date_and_may_not_be_after_today() {
    let today = d(2028, 2, 29);
    let empty = "Pick the day.";
    let cases: Vec<(&str, Result<NaiveDate, String>)> = vec![
        ("2028-02-29", Ok(today)),
        (" 2028-02-28 ", Ok(d(2028, 2, 28))),
        ("1900-01-01", Ok(FIRST_DAY)),
        ("", Err(empty.into())),
        ("  ", Err(empty.into())),
        (
            "2028-03-01",
            Err("1 Mar 2028 is in the future: pick today or an earlier day.".into()),
        ),
        (
            "2028-02-30",
            Err("\"2028-02-30\" is not a date: February 2028 has 29 days.".into()),
        ),
        (
            "1899-12-31",
            Err("\"1899-12-31\" is out of range; the planner takes dates from 1900-01-01 to 2200-12-31.".into()),
        ),
    ];
    for (text, want) in cases {
        assert_eq!(
            read_day_done(text, today, empty).map_err(|e| e.message),
            want,
            "{text:?}"
        );
        // Past the empty check, every message is read_date's own.
        if let (Err(m), Err(direct)) = (read_day_done(text, today, empty), read_date(text)) {
            if !text.trim().is_empty() {
                assert_eq!(m, direct, "{text:?}");
            }
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]

    /// A date written exactly YYYY-MM-DD is read on a short path; the same text with a
    /// space before it goes the long way (trimmed, shape checked, each number parsed, then
    /// the calendar and the range). Both give the same day, or the same message.
    #[test]
    fn the_short_path_reads_what_the_long_way_reads(
        year in 0u32..10_000, month in 0u32..100, day in 0u32..100,
    ) {
        let text = format!("{year:04}-{month:02}-{day:02}");
        proptest::prop_assert_eq!(read_date(&text), read_date(&format!(" {text}")));
    }

    /// Any ten characters of digits, dashes and a few others: the same answer both ways.
    #[test]
    fn any_ten_characters_read_alike_both_ways(text in "[0-9x+ -]{10}") {
        proptest::prop_assert_eq!(read_date(&text), read_date(&format!(" {text}")));
    }
}

/// The dates the app writes, each shape once: the English names, the day without a leading
/// zero, the year in full.
#[test]
fn dates_are_written_in_each_shape() {
    use am_planner::domain::dates::*;
    type Writer = fn(NaiveDate) -> String;
    let day = d(2026, 12, 3);
    let cases: [(Writer, &str); 9] = [
        (day_month, "3 Dec"),
        (long, "3 Dec 2026"),
        (written, "3 December 2026"),
        (written_with_day, "Thursday 3 December 2026"),
        (long_with_day, "Thursday 3 Dec 2026"),
        (day_month_with_day, "Thursday 3 Dec"),
        (month_written, "December 2026"),
        (month_short, "Dec 2026"),
        (|x| month_abbr(x).to_string(), "Dec"),
    ];
    for (write, want) in cases {
        assert_eq!(write(day), want);
    }
    assert_eq!(long(d(1900, 1, 1)), "1 Jan 1900");
    assert_eq!(
        written_with_day(d(2200, 12, 31)),
        "Wednesday 31 December 2200"
    );
    assert_eq!(long_with_day(d(2027, 5, 30)), "Sunday 30 May 2027");
    assert_eq!(day_month(d(2027, 9, 21)), "21 Sep");
    for (h, m, want) in [(9, 10, "09:10"), (0, 0, "00:00"), (23, 59, "23:59")] {
        assert_eq!(time_of_day(day.and_hms_opt(h, m, 42).unwrap()), want);
    }
}

proptest::proptest! {
    /// On every day the planner accepts, each shape reads as `chrono`'s own writing of the
    /// same pattern would (the app does not use `chrono`'s patterns: docs/build.md).
    #[test]
    fn every_day_is_written_as_chrono_writes_it(offset in 0i64..=(LAST_DAY - FIRST_DAY).num_days()) {
        use am_planner::domain::dates::*;
        let day = FIRST_DAY + chrono::Duration::days(offset);
        for (ours, pattern) in [
            (day_month(day), "%-d %b"),
            (long(day), "%-d %b %Y"),
            (written(day), "%-d %B %Y"),
            (written_with_day(day), "%A %-d %B %Y"),
            (long_with_day(day), "%A %-d %b %Y"),
            (day_month_with_day(day), "%A %-d %b"),
            (month_written(day), "%B %Y"),
            (month_short(day), "%b %Y"),
            (month_abbr(day).to_string(), "%b"),
        ] {
            proptest::prop_assert_eq!(ours, day.format(pattern).to_string());
        }
    }
}

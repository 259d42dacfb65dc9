//! Any bytes given to import: `Ok` or `Err`, never a panic. Whatever is accepted is
//! written back and read again unchanged, and the date rules that once panicked or froze
//! (renewal chart ticks, QBR send-by date) run over it.
#![no_main]

use am_planner::charts::renewal::renewal_timeline_svg;
use am_planner::domain::account::timeline_of;
use am_planner::format::{decode, decode_bytes, encode, share::decode_account};
use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(d) = decode_bytes(data, read_day()) {
        let again = decode(&encode(&d.workspace, None), read_day()).expect("what import accepts, it reads back");
        assert_eq!(again.workspace, d.workspace);
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        for a in d.workspace.accounts() {
            if let Some(t) = timeline_of(a) {
                let _ = renewal_timeline_svg(&t, today, 900.0);
            }
            for q in a.planning.qbrs() {
                let _ = q.agenda_due();
            }
        }
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = decode_account(text, read_day());
    }
});

/// The day files are read on in these tests (an older file's ARR history starts then).
#[allow(dead_code)]
fn read_day() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

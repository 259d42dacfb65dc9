//! Any text given to the share-link reader: `Ok` or `Err`, never a panic. The input is
//! tried as a whole link and as the payload after `#share=`, and as raw bytes deflated
//! into a payload, so the reader past base64 and zlib is reached too.
#![no_main]

use am_planner::format::share::{base64url_encode, decode_share_link};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = decode_share_link(text, read_day());
        let _ = decode_share_link(&format!("https://x.test/#share={text}"), read_day());
    }
    let packed = miniz_oxide_payload(data);
    let _ = decode_share_link(&format!("#share={}", base64url_encode(&packed)), read_day());
});

/// zlib of `data`, as a link payload carries it.
fn miniz_oxide_payload(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 1)
}

/// The day files are read on in these tests (an older file's ARR history starts then).
#[allow(dead_code)]
fn read_day() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

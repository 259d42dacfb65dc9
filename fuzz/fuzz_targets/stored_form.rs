//! Any stored values: the stored-form reader and a tab's load never panic, whatever the
//! manifest and its parts hold, and packing round-trips any bytes. The input is split at
//! NUL characters: the manifest first, then the values put under the part names it lists.
#![no_main]

use am_planner::format::stored::{self, pack, unpack, Manifest};
use am_planner::format::CURRENT_VERSION;
use am_planner::storage::{Backend, MemoryBackend, Session};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    assert_eq!(unpack(&pack(data)).expect("pack is read back"), data);
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = unpack(text);
    let mut pieces = text.split('\0');
    let manifest = pieces.next().unwrap_or("");
    let m = MemoryBackend::new();
    m.set(stored::MANIFEST_KEY, manifest).unwrap();
    if let Ok(mut man) = Manifest::parse(manifest, CURRENT_VERSION) {
        // Each following piece is stored as a part of that text and the manifest names it,
        // so the reader gets past the names into unpacking, reassembling and decoding.
        let values: Vec<&str> = pieces.by_ref().take(1 + man.accounts.len()).collect();
        let store = |text: &str| {
            let part = stored::make_part(text);
            m.set(&part.key(), &part.value).unwrap();
            part.hash
        };
        if let Some(rest) = values.first() {
            man.rest = store(rest);
        }
        for ((_, hash), text) in man.accounts.iter_mut().zip(values.iter().skip(1)) {
            *hash = store(text);
        }
        m.set(stored::MANIFEST_KEY, &man.to_json()).unwrap();
    }
    if let Some(legacy) = pieces.next() {
        m.set(stored::LEGACY_KEY, legacy).unwrap();
    }
    let mut s = Session::new(Box::new(m), "fuzz", "1.0.0");
    let _ = s.load("2026-11-22T10:00:00Z", read_day());
});

/// The day files are read on in these tests (an older file's ARR history starts then).
#[allow(dead_code)]
fn read_day() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

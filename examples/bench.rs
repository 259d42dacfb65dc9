//! `make bench`: timings of the core on a generated 500-account workspace, the share
//! link lengths of the demo accounts, and the stored form's figures (size per account,
//! capacity, save cost) beside the old single-key form. Figures only.
#[path = "../tests/support/big_workspace.rs"]
mod big;

use std::time::Instant;

use am_planner::storage::{MemoryBackend, Session};

use am_planner::demo::demo_workspace;
use am_planner::domain::{AccountFields, Workspace};
use am_planner::format::{decode, encode};
use chrono::NaiveDate;

fn time<T>(label: &str, runs: u32, mut f: impl FnMut() -> T) -> T {
    let start = Instant::now();
    let mut out = None;
    for _ in 0..runs {
        out = Some(f());
    }
    let per = start.elapsed() / runs;
    println!("{label:<48} {per:>12.2?} per run ({runs} runs)");
    out.unwrap()
}

fn main() {
    // `cargo run --release --example bench -- load`: the load figures alone.
    if std::env::args().nth(1).as_deref() == Some("load") {
        load_figures();
        return;
    }
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let mut ws: Workspace = demo_workspace(today);
    for i in 0..492 {
        let mut f: AccountFields = ws.accounts()[i % 8].fields.clone();
        f.name = format!("{} #{i}", f.name);
        f.arr = 10_000.0 + (i as f64) * 731.0;
        ws.add_account(f, read_day()).unwrap();
    }
    let text = time("encode 500 accounts", 20, || encode(&ws, None));
    println!("{:<48} {:>12} bytes", "file size", text.len());
    time("decode + validate 500 accounts", 20, || {
        decode(&text, read_day()).unwrap()
    });
    time("tiers by ARR for 500 accounts", 200, || ws.tiers());
    time("health summaries of 500 accounts", 50, || {
        ws.health_summaries(today)
    });
    println!();
    print!(
        "{}",
        am_planner::format::share::link_length_table(
            &demo_workspace(today),
            "https://planner.example/"
        )
    );
    storage_figures();
    load_figures();
    import_figures();
    first_save_figures();
}

/// The first save of a workspace into empty storage (native, in memory): every part
/// written, as the first visit stores the demo and an import stores what it read.
fn first_save_figures() {
    println!();
    let demo = demo_workspace(read_day());
    let big = big::big_workspace(1000);
    for (label, ws) in [("the demo workspace", demo), ("1000 accounts", big)] {
        let runs = if ws.accounts().len() > 100 { 3 } else { 50 };
        time(&format!("first save of {label}"), runs, || {
            let m = MemoryBackend::new();
            let mut s = Session::new(Box::new(m), "bench", "bench");
            s.load("", read_day());
            let w = ws.clone();
            s.save(&w, "").unwrap()
        });
    }
}

/// Reading an exported file of 1000 accounts (native): the typed reading of the import
/// beside serde_json's scan of the same text alone (checked as JSON, nothing built) and
/// beside a generic tree of values. The scan is what any reader built on serde_json pays
/// before it builds anything; in the browser it takes about as long as `JSON.parse`.
fn import_figures() {
    println!();
    let indented = encode(&big::big_workspace(1000), None);
    let value: serde_json::Value = serde_json::from_str(&indented).unwrap();
    let compact = serde_json::to_string(&value).unwrap();
    for (label, text) in [
        ("as exported (indented)", indented),
        ("without spaces", compact),
    ] {
        println!(
            "Reading the 1000-account file, {label}: {:.1} MB",
            text.len() as f64 / 1e6
        );
        time("  the import's typed reading (decode)", 5, || {
            decode(&text, read_day()).unwrap()
        });
        time("  serde_json's scan alone (IgnoredAny)", 5, || {
            serde_json::from_str::<serde::de::IgnoredAny>(&text).unwrap()
        });
        time("  serde_json's tree of values (Value)", 5, || {
            serde_json::from_str::<serde_json::Value>(&text).unwrap()
        });
    }
}

/// Opening the app on 1000 stored accounts (native, in memory): the whole load, then its
/// steps one by one, and the figures the first page derives (tiers, health summaries).
fn load_figures() {
    use am_planner::format::stored::{self, Manifest, MANIFEST_KEY};
    println!();
    println!("Opening 1000 stored accounts (native, in memory)");
    let ws = big::big_workspace(1000);
    let m = MemoryBackend::new();
    let mut s = Session::new(Box::new(m.clone()), "bench", "bench");
    s.load("", read_day());
    s.save(&ws, "").unwrap();
    time("load: the whole session load", 5, || {
        Session::new(Box::new(m.clone()), "bench", "bench").load("", read_day())
    });
    let get = |k: &str| Ok::<_, ()>(m.state().items.get(k).cloned());
    let manifest_text = get(MANIFEST_KEY).unwrap().unwrap();
    let manifest = time("  manifest", 5, || {
        Manifest::parse(&manifest_text, am_planner::format::CURRENT_VERSION).unwrap()
    });
    let doc = time("  parts read and put together", 5, || {
        stored::read_document(&manifest, get).unwrap().unwrap()
    });
    time("  decode the document", 5, || {
        decode(&doc, read_day()).unwrap()
    });
    time("tiers of 1000 accounts", 20, || ws.tiers());
    time("health summaries of 1000 accounts", 5, || {
        ws.health_summaries(read_day())
    });
    let tiers = ws.tiers();
    let health = am_planner::domain::portfolio::health_by_account(&ws, read_day());
    time("portfolio facts of 1000 accounts", 5, || {
        am_planner::domain::portfolio::facts_of(&ws, &tiers, &health, read_day())
    });
    time("this week's list over 1000 accounts", 5, || {
        am_planner::domain::week::this_week(&ws, read_day())
    });
    time("  its counts alone (the portfolio's link)", 5, || {
        am_planner::domain::week::week_counts(&ws, read_day())
    });
}

/// Chromium's localStorage quota per origin, in UTF-16 code units, keys included.
const QUOTA: usize = 5_242_880;
const LEGACY_KEY_LEN: usize = "am-planner.workspace".len();

/// Characters the new stored form takes for `n` generated accounts, or None if the save
/// does not fit in the quota.
fn stored_chars(n: u32) -> Option<usize> {
    // Past the reader's list limit a workspace cannot be read back, so it does not count.
    if n as usize > am_planner::format::MAX_LIST_ITEMS {
        return None;
    }
    let ws = big::big_workspace(n);
    let m = MemoryBackend::with_quota(QUOTA);
    let mut s = Session::new(Box::new(m.clone()), "bench", "bench");
    s.load("", read_day());
    s.save(&ws, "").ok().map(|saved| saved.total_chars)
}

fn old_chars(n: u32) -> usize {
    encode(&big::big_workspace(n), Some("2026-11-22T10:00:00Z".into()))
        .encode_utf16()
        .count()
        + LEGACY_KEY_LEN
}

/// The largest n for which `fits(n)`, growing by doubling then bisecting.
fn largest(mut fits: impl FnMut(u32) -> bool) -> u32 {
    let (mut lo, mut hi) = (0u32, 64u32);
    while fits(hi) {
        lo = hi;
        hi *= 2;
    }
    while hi - lo > 1 {
        let mid = (lo + hi) / 2;
        if fits(mid) {
            lo = mid
        } else {
            hi = mid
        }
    }
    lo
}

fn storage_figures() {
    println!();
    println!("Stored form (accounts of 8 people and 52 weekly check-ins; quota {QUOTA} UTF-16 units per origin, keys included)");
    let n = 1000;
    let new = stored_chars(n).expect("1000 accounts fit");
    let old = old_chars(n);
    println!("{:<48} {:>14} {:>14}", "", "new form", "old form");
    println!(
        "{:<48} {:>14} {:>14}",
        "chars per account (1000 accounts)",
        new / n as usize,
        old / n as usize
    );
    println!(
        "{:<48} {:>14} {:>14}",
        "bytes per account (UTF-16, as browsers count)",
        new * 2 / n as usize,
        old * 2 / n as usize
    );
    let big_new = largest(|n| stored_chars(n).is_some());
    let big_old = largest(|n| old_chars(n) <= QUOTA);
    println!(
        "{:<48} {:>14} {:>14}",
        "largest workspace that saves (accounts)", big_new, big_old
    );

    // One edit on 1000 accounts: the work of a save (in memory, native), old vs new.
    let mut ws = big::big_workspace(n);
    let m = MemoryBackend::new();
    let mut s = Session::new(Box::new(m), "bench", "bench");
    s.load("", read_day());
    s.save(&ws, "").unwrap();
    let mut times = Vec::new();
    let mut written = 0;
    for i in 0..25usize {
        let id = ws.accounts()[i * 37 % ws.accounts().len()].id;
        let mut f = ws.account(id).unwrap().fields.clone();
        f.notes = format!("edit {i}");
        ws.update_fields(id, f).unwrap();
        let t = Instant::now();
        written += s.save(&ws, "").unwrap().chars_written;
        times.push(t.elapsed());
    }
    times.sort();
    let mut old_times = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let text = encode(&ws, Some("2026-11-22T10:00:00Z".into()));
        std::hint::black_box(text);
        old_times.push(t.elapsed());
    }
    old_times.sort();
    println!(
        "{:<48} {:>14} {:>14}",
        "one edit at 1000 accounts: save work p50 (native)",
        format!("{:.2?}", times[times.len() / 2]),
        format!("{:.2?}", old_times[old_times.len() / 2])
    );
    println!(
        "{:<48} {:>14} {:>14}",
        "one edit at 1000 accounts: save work max (native)",
        format!("{:.2?}", times[times.len() - 1]),
        format!("{:.2?}", old_times[old_times.len() - 1])
    );
    println!(
        "{:<48} {:>14} {:>14}",
        "chars written per edit",
        written / times.len(),
        old
    );
    println!("(old form: the whole document, pretty-printed, rewritten on every save; it does not fit at 1000 accounts)");
}

/// The day files are read on in these tests (an older file's ARR history starts then).
#[allow(dead_code)]
fn read_day() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

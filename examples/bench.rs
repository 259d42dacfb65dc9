//! `make bench`: timings of the core on a generated 500-account workspace, and the share
//! link lengths of the demo accounts. Figures only.
use std::time::Instant;

use am_planner::domain::demo::demo_workspace;
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
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let mut ws: Workspace = demo_workspace(today);
    for i in 0..492 {
        let mut f: AccountFields = ws.accounts()[i % 8].fields.clone();
        f.name = format!("{} #{i}", f.name);
        f.arr = 10_000.0 + (i as f64) * 731.0;
        ws.add_account(f).unwrap();
    }
    let text = time("encode 500 accounts", 20, || encode(&ws, None));
    println!("{:<48} {:>12} bytes", "file size", text.len());
    time("decode + validate 500 accounts", 20, || {
        decode(&text).unwrap()
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
}

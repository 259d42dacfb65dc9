//! Prints a generated workspace file (format version 1) of N accounts, each with 8 people
//! and 52 weekly check-ins: `cargo run --release --example big_workspace -- 1000`.
//! Used by scripts/bench-storage.mjs.
#[path = "../tests/support/big_workspace.rs"]
mod big;

fn main() {
    let n: u32 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1000);
    print!("{}", big::big_document(n));
}

#!/usr/bin/env bash
# Prints figures, never pass/fail (each step also writes JSON to target/bench/, and the last
# one gathers them in target/bench/results.json):
#   - the release bundle's size (raw, gzip -9, brotli) per file, first page and total;
#   - timings of the core on a large generated workspace (native);
#   - the stored form in Chromium: size per account, capacity, the save task of one edit;
#   - the app at 1,000 accounts in Chromium beside a plain HTML+JS page (import, first
#     paint, sort, filter, edit to paint) and axe-core's accessibility violations;
#   - Lighthouse scores, phone and desktop.
# BENCH_RUNS (default 7) sets the runs per browser figure; BENCH_GROW=0 skips the capacity
# search of the storage step (the slowest).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/index.html ] || { echo "no dist/: run make build"; exit 1; }
mkdir -p target/bench
node scripts/bench-bundle.mjs dist
echo
cargo run --quiet --release --example bench
echo
cargo run --quiet --release --example big_workspace -- 1000 > target/bench/ws-1000.json
node scripts/bench-storage.mjs target/bench/ws-1000.json 15
echo; node scripts/bench-portfolio.mjs
echo; node scripts/bench-lighthouse.mjs dist
node scripts/bench-results.mjs

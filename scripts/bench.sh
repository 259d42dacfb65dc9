#!/usr/bin/env bash
# Prints figures, never pass/fail (each step also writes JSON to target/bench/, and the last
# one gathers them in target/bench/results.json):
#   - the release bundle's size (raw, gzip -9, brotli) per file, first page and total;
#   - timings of the core on a large generated workspace (native);
#   - the stored form in Chromium: size per account, capacity, the save task of one edit;
#   - the app at 1,000 accounts in Chromium beside a plain HTML+JS page (import, first
#     paint, sort, filter, edit to paint) and axe-core's accessibility violations;
#   - Lighthouse scores, phone and desktop (the median of LIGHTHOUSE_RUNS runs, default 3).
# BENCH_RUNS (default 7) sets the runs per browser figure; BENCH_GROW=0 skips the capacity
# search of the storage step (the slowest); BENCH_DIST (default dist) names the bundle.
# BENCH_BASE names a baseline bundle (a copy of main's dist/ made before a change) measured
# in the same run: its bundle sizes are printed first, the browser table shows it beside
# BENCH_DIST, and Lighthouse runs the two in turn (the summary and results.json are
# BENCH_DIST's).
set -euo pipefail
cd "$(dirname "$0")/.."
export BENCH_DIST=${BENCH_DIST:-dist}
[ -f "$BENCH_DIST/index.html" ] || { echo "no $BENCH_DIST/: run make build"; exit 1; }
mkdir -p target/bench
if [ -n "${BENCH_BASE:-}" ]; then
  [ -f "$BENCH_BASE/index.html" ] || { echo "no $BENCH_BASE/index.html"; exit 1; }
  echo "baseline: $BENCH_BASE"; node scripts/bench-bundle.mjs "$BENCH_BASE"; echo
fi
node scripts/bench-bundle.mjs "$BENCH_DIST"
echo
cargo run --quiet --release --example bench
echo
cargo run --quiet --release --example big_workspace -- 1000 > target/bench/ws-1000.json
node scripts/bench-storage.mjs target/bench/ws-1000.json 15
echo; node scripts/bench-portfolio.mjs "$BENCH_DIST" ${BENCH_BASE:+"$BENCH_BASE"}
# With a baseline, the two builds take turns (one run each), so noise falls on both.
echo; node scripts/bench-lighthouse.mjs "$BENCH_DIST" ${BENCH_BASE:+"$BENCH_BASE"}
node scripts/bench-results.mjs

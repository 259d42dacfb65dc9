#!/usr/bin/env bash
# Prints figures, never pass/fail: the release bundle's size (raw and gzip -9) per file and
# in total, timings of the core on a large generated workspace, and the stored form's figures
# (native, then in Chromium: size per account, capacity, the save task of one edit).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/index.html ] || { echo "no dist/: run make build"; exit 1; }
printf '%-48s %10s %10s\n' "file" "bytes" "gzip -9"
total=0; total_gz=0
for f in dist/*.wasm dist/*.js dist/*.css; do
  [ -f "$f" ] || continue
  b=$(stat -c %s "$f"); g=$(gzip -9 -c "$f" | wc -c)
  total=$((total + b)); total_gz=$((total_gz + g))
  printf '%-48s %10d %10d\n' "$(basename "$f")" "$b" "$g"
done
printf '%-48s %10d %10d  (%d KB gz)\n' "total (wasm + js + css)" "$total" "$total_gz" $((total_gz / 1024))
echo
cargo run --quiet --release --example bench
echo
mkdir -p target/bench
cargo run --quiet --release --example big_workspace -- 1000 > target/bench/ws-1000.json
node scripts/bench-storage.mjs target/bench/ws-1000.json 15
echo; node scripts/bench-portfolio.mjs

#!/usr/bin/env bash
# Prints figures, never pass/fail: the release bundle's size (raw and gzip -9) per file and
# in total, and timings of the core on a large generated workspace.
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
echo; node scripts/bench-portfolio.mjs

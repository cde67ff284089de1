#!/usr/bin/env bash
# Benchmark (not a test): lines per second, seconds per stage and peak memory of `ovop-report run`.
# Usage: scripts/bench.sh [small|large|monthly|huge|all]   (default: all but huge)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release/ovop-report}
WORK=${BENCH_DIR:-$(mktemp -d /tmp/ovop-bench.XXXXXX)}
mkdir -p "$WORK"
END=2026-10
which=${1:-all}
[ -x "$BIN" ] || swift build -c release --product ovop-report >/dev/null
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

# run_case NAME INBOX WAREHOUSE LINES: one timed `run`, then its figures.
run_case() {
  local name=$1 inbox=$2 wh=$3 lines=$4
  local tag=${name//[^a-zA-Z0-9]/_}
  local log=$WORK/$tag.log
  SOURCE_DATE_EPOCH=1795000000 /usr/bin/time -f '%e %M' -o "$WORK/$tag.time" \
    "$BIN" run --verbose --inbox "$inbox" --period $END --warehouse "$wh" --output "$WORK/out-$tag" 2>"$log" || true
  read -r wall rss < "$WORK/$tag.time"
  local ingest report
  ingest=$(grep -o 'stage ingest [0-9.]* s' "$log" | awk '{print $3}' | tail -1)
  report=$(grep -o 'stage report [0-9.]* s' "$log" | awk '{print $3}' | tail -1)
  printf '%-28s lines %9d  wall %6.2f s  %10.0f lines/s  ingest %6s s  report %6s s  peak %6.1f MiB\n' \
    "$name" "$lines" "$wall" "$(echo "$lines / $wall" | bc -l)" "${ingest:-?}" "${report:-?}" "$(echo "$rss / 1024" | bc -l)"
}

count_lines() { find "$1" -name '*.csv' -exec cat {} + | grep -vc '^periode' || true; }

if [ "$which" = small ] || [ "$which" = all ]; then
  "$BIN" sample --clean --output "$WORK/s24" --months 24 --end $END --lines 200000 >/dev/null
  rm -f "$WORK"/s24.sqlite*
  run_case "200k lines / 24 months" "$WORK/s24" "$WORK/s24.sqlite" "$(count_lines "$WORK/s24")"
fi
if [ "$which" = large ] || [ "$which" = all ]; then
  "$BIN" sample --clean --output "$WORK/s120" --months 120 --end $END --lines 2000000 >/dev/null
  rm -f "$WORK"/s120.sqlite*
  run_case "2M lines / 120 months" "$WORK/s120" "$WORK/s120.sqlite" "$(count_lines "$WORK/s120")"
fi
if [ "$which" = monthly ] || [ "$which" = all ]; then
  # History of 23 months already in the warehouse; one new month arrives.
  [ -d "$WORK/s24" ] || "$BIN" sample --clean --output "$WORK/s24" --months 24 --end $END --lines 200000 >/dev/null
  rm -rf "$WORK/m-inbox" "$WORK/m.sqlite"*; mkdir -p "$WORK/m-inbox"
  for d in "$WORK"/s24/*/; do m=$(basename "$d"); [ "$m" = $END ] || cp -r "$d" "$WORK/m-inbox/"; done
  SOURCE_DATE_EPOCH=1795000000 "$BIN" ingest "$WORK/m-inbox" --warehouse "$WORK/m.sqlite" --quiet >/dev/null || true
  cp -r "$WORK/s24/$END" "$WORK/m-inbox/"
  run_case "monthly (1 new month)" "$WORK/m-inbox" "$WORK/m.sqlite" "$(count_lines "$WORK/s24/$END")"
fi
if [ "$which" = huge ]; then
  # One month of a million lines: the report (workbook with a streamed Data sheet, PDF, district
  # files, JSON) must stay within bounded memory. Ingest is not timed here.
  "$BIN" sample --clean --output "$WORK/huge" --months 1 --end $END --lines 1025000 >/dev/null
  rm -f "$WORK"/huge.sqlite*
  "$BIN" ingest "$WORK/huge" --warehouse "$WORK/huge.sqlite" --quiet >/dev/null
  SOURCE_DATE_EPOCH=1795000000 /usr/bin/time -f '%e %M' -o "$WORK/huge.time" \
    "$BIN" report --verbose --period $END --warehouse "$WORK/huge.sqlite" --output "$WORK/out-huge" 2>"$WORK/huge.log"
  read -r wall rss < "$WORK/huge.time"
  workbook=$(grep -o 'workbook: rendered in [0-9]* ms' "$WORK/huge.log" | awk '{print $4 / 1000}')
  printf '%-28s lines %9d  report %6.1f s  workbook %6.1f s  peak %6.1f MiB\n' "1M-line month (report)" \
    "$(count_lines "$WORK/huge")" "$wall" "$workbook" "$(echo "$rss / 1024" | bc -l)"
  grep -E 'computed in|rendered in' "$WORK/huge.log" | sed 's/^[^ ]* debug /  /'
fi
echo "work folder: $WORK"

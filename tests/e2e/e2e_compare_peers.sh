#!/usr/bin/env bash
# bench/compare-peers --smoke: Gazette, Omega's scriptindex, SQLite FTS5 and
# plain Xapian all index one Reuters file and answer the same queries in one
# run, and the ratios are printed (the figures themselves are not checked:
# timings belong to benchmarks).
source "$(dirname "$0")/lib.sh"
require_shared_data reuters21578
require_shared_data queries
FIRST=$(ls "$SHARED_DATA"/reuters21578/*.sgm | head -1)
STORIES=$(grep -c '<REUTERS ' "$FIRST")

expect_status 0 "$SOURCE_DIR/bench/compare-peers" --smoke --build "$(dirname "$NEWSINDEX")" --json
for field in '"gazette": {"seconds"' '"scriptindex": {"seconds"' '"fts5": {"seconds"' '"gazette_ids": {"threads": 1' \
    '"gazette_full": {"threads": 1' '"python_xapian": {"p50_ms"'; do
    expect_in "$WORK/out" "$field"
done
expect_in "$WORK/out" "{\"articles\": $STORIES,"
expect_status 0 "$SOURCE_DIR/bench/compare-peers" --smoke --build "$(dirname "$NEWSINDEX")"
expect_in "$WORK/out" "index time / scriptindex"
expect_in "$WORK/out" "ids p50 / python3-xapian p50"
expect_in "$WORK/out" "full p50 "
echo "ok"

#!/usr/bin/env bash
# Query latency of newssearch on all of Reuters-21578: a date-range query, a
# facet query, a collapsed query and wire-copy pickup (--pickup, --sort
# pickup), each against a baseline (a plain
# one-word query, no filters, facets or collapsing) timed in the same run.
# Each query runs RUNS times, interleaved; prints the median wall time of one
# newssearch process (open, search, print) and the ratio to the baseline.
#   bench/search_latency.sh [BUILD_DIR] [RUNS] [DB]
# Latest figures are in bench/README.md.
# Builds the database in a temporary folder unless DB is given.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
RUNS=${2:-21}
DB=${3:-}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
if [ -z "$DB" ]; then
    DB=$WORK/db
    "$BUILD/newsindex" --db "$DB" ../shared/data/reuters21578/*.sgm >/dev/null 2>&1
fi

# The second of each pair is the broad case: a filter alone (5,000+ stories,
# newest first), facets over all 21,578 stories, collapsing a common word,
# sorting every match of a common word by its cluster's size.
names=(baseline date-range date-only facets facets-all collapsed collapsed-wide pickup sort-pickup sort-pickup-wide)
queries=(
    "--no-collapse oil"
    "--no-collapse oil date:1987-03-01..1987-03-31"
    "--no-collapse --sort newest date:1987-03-01..1987-03-31"
    "--no-collapse --facet source,year,month,topic,place oil"
    "--no-collapse --facet source,year,month,topic,place lang:en"
    "oil"
    "market"
    "--pickup oil"
    "--sort pickup oil"
    "--sort pickup market"
)
now_ms() { date +%s%N | awk '{printf "%.3f\n", $1 / 1e6}'; }
for ((run = 0; run < RUNS; run++)); do
    for i in "${!names[@]}"; do
        start=$(now_ms)
        # shellcheck disable=SC2086
        "$BUILD/newssearch" --db "$DB" --format json -n 10 ${queries[$i]} >/dev/null
        end=$(now_ms)
        awk -v s="$start" -v e="$end" 'BEGIN {printf "%.2f\n", e - s}' >>"$WORK/${names[$i]}"
    done
done
median() { sort -n "$1" | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
base=$(median "$WORK/baseline")
echo "newssearch on Reuters-21578 (21,578 stories), median of $RUNS runs, ms per process:"
for i in "${!names[@]}"; do
    m=$(median "$WORK/${names[$i]}")
    awk -v n="${names[$i]}" -v q="${queries[$i]}" -v m="$m" -v b="$base" 'BEGIN {printf "  %-10s %7.1f ms  x%.2f  (%s)\n", n, m, m / b, q}'
done

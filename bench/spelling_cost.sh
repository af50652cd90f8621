#!/usr/bin/env bash
# What recording spelling data ("did you mean") costs newsindex: indexes all of
# Reuters-21578 RUNS times with and without --no-spelling, alternating, and
# prints the median seconds of each and their ratio.
#   bench/spelling_cost.sh [BUILD_DIR] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
RUNS=${2:-3}
DATA=../shared/data/reuters21578
[ -d "$DATA" ] || { echo "needs $DATA" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

time_index() {  # prints seconds for one fresh index
    rm -rf "$WORK/db"
    local start end
    start=$(date +%s.%N)
    "$BUILD/newsindex" --db "$WORK/db" "$@" "$DATA"/*.sgm >/dev/null 2>&1
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" 'BEGIN {printf "%.2f\n", e - s}'
}
median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

for ((i = 0; i < RUNS; i++)); do
    time_index --no-spelling >>"$WORK/without"
    time_index >>"$WORK/with"
done
without=$(median <"$WORK/without")
with=$(median <"$WORK/with")
echo "newsindex on Reuters-21578, median of $RUNS runs each (alternating):"
echo "  without spelling data: ${without} s"
echo "  with spelling data:    ${with} s"
awk -v a="$with" -v b="$without" 'BEGIN {printf "  ratio: %.2f\n", a / b}'

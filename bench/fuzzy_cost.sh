#!/usr/bin/env bash
# What --fuzzy costs: the wall time of one newssearch run with and without it
# (the fuzzy run scans the unprefixed terms once per query, searcher/fuzzy.h),
# interleaved so that both see the same machine load.
#
# Usage: bench/fuzzy_cost.sh DB [RUNS] [QUERY...]   (e.g. all of Reuters-21578)
# Prints, for each query, the median of RUNS runs (default 7) of each, in ms,
# and the ratio fuzzy/exact measured in this run.
set -euo pipefail
cd "$(dirname "$0")/.."
db=$1
runs=${2:-7}
shift $(($# < 2 ? $# : 2))
queries=("$@")
[ ${#queries[@]} -gt 0 ] || queries=(government market "cocoa prices" oil)

median() {
    sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# run_ms ARGS...: the wall time of one newssearch run, in ms.
run_ms() {
    local start end
    start=$(date +%s%N)
    build/newssearch --db "$db" -n 10 --format json "$@" >/dev/null || true
    end=$(date +%s%N)
    echo $(((end - start) / 1000000))
}

printf '%-16s %10s %10s %7s\n' query exact_ms fuzzy_ms ratio
for query in "${queries[@]}"; do
    exact=() fuzzy=()
    for _ in $(seq "$runs"); do
        exact+=("$(run_ms "$query")")
        fuzzy+=("$(run_ms --fuzzy "$query")")
    done
    e=$(printf '%s\n' "${exact[@]}" | median)
    f=$(printf '%s\n' "${fuzzy[@]}" | median)
    printf '%-16s %10s %10s %7s\n' "$query" "$e" "$f" "$(awk -v f="$f" -v e="$e" 'BEGIN { printf "%.1fx", f / e }')"
done

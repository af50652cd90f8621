#!/usr/bin/env bash
# newssearch --all streams every match in constant memory: the peak resident
# set size of exporting a word that few articles use and one that nearly all
# use must be about the same, while one page as large as the export holds
# every hit (the contrast).
#
# Usage: bench/export_memory.sh DB [RUNS]   (e.g. a database of all Reuters-21578)
# Prints, for each export, the matches and the median peak RSS of RUNS runs
# (default 5), and the ratios against the rare word's export in this run.
# Needs build/newssearch and GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
db=$1
runs=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# peak_rss ARGS...: the peak RSS in MB of one newssearch run.
peak_rss() {
    /usr/bin/time -f '%M' -o "$work/rss" build/newssearch --db "$db" "$@" >"$work/out" || true
    awk '{ printf "%.1f\n", $1 / 1024 }' "$work/rss"
}

median() {
    sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# measure NAME ARGS...: "NAME MATCHES MEDIAN_MB"
measure() {
    local name=$1
    shift
    local rss
    rss=$(for _ in $(seq "$runs"); do peak_rss "$@"; done | median)
    echo "$name $(($(wc -l <"$work/out") - 1)) $rss"
}

{
    measure rare --all --format csv '"cocoa"'
    measure common --all --format csv '"the"'
    measure page -n 100000 --no-collapse --format csv '"the"'
} >"$work/results"
base=$(awk '$1 == "rare" { print $3 }' "$work/results")
printf '%-28s %8s   %s\n' export rows "peak RSS MB (median of $runs), ratio to the rare word's --all"
awk -v base="$base" '{
    what = $1 == "rare" ? "--all \"cocoa\"" : $1 == "common" ? "--all \"the\"" : "-n 100000 \"the\" (one page)"
    printf "%-28s %8d   %6.1f  %.2f\n", what, $2, $3, $3 / base
}' "$work/results"

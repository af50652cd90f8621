#!/usr/bin/env bash
# Constant memory: the peak resident set size of newsindex on a generated
# JSON Lines file of N articles (1x) and of 10 N articles (10x) must be about
# the same: bounded by the writer's batch and the parallel build's rounds
# (indexer/parallel_index.h), not by the input, but for the parallel build's
# compact memory of every article's fingerprint and id (about 100 bytes an
# article, 2 MB at 20,000).
#
# Usage: bench/memory.sh [ARTICLES_1X] [RUNS] [NEWSINDEX OPTION...]
#   defaults: 2000 articles (about 1.3 MB), 3 runs, newsindex's defaults (a
#   new database: the parallel build). The articles come from
#   bench/synthetic-corpus (Reuters-like, seed 1; about 660 bytes each).
#   For the multi-gigabyte case: bench/memory.sh 300000 1 (10x is about 2 GB).
#   The serial path (how articles are added to an existing database):
#   bench/memory.sh 20000 3 --threads 1 --commit-every 1000
# Prints the median peak RSS of the runs for each size and the ratio 10x / 1x,
# both measured in this run. Needs build/newsindex and GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-2000}
runs=${2:-3}
newsindex_options=("${@:3}")
work=$(mktemp -d "${TMPDIR:-/tmp}/memory.XXXXXX")
trap 'rm -rf "$work"' EXIT

# peak_rss FILE: the peak RSS in MB of one indexing run into a fresh database.
peak_rss() {
    rm -rf "$work/db"
    /usr/bin/time -f '%M' -o "$work/rss" build/newsindex --db "$work/db" --quiet "${newsindex_options[@]}" "$1" \
        >/dev/null
    awk '{ printf "%.1f\n", $1 / 1024 }' "$work/rss"
}

median() {
    sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

bench/synthetic-corpus --articles "$articles" --seed 1 >"$work/1x.jsonl" 2>/dev/null
bench/synthetic-corpus --articles "$((articles * 10))" --seed 1 >"$work/10x.jsonl" 2>/dev/null
for size in 1x 10x; do
    for _ in $(seq "$runs"); do peak_rss "$work/$size.jsonl"; done | median >"$work/$size.median"
done
mb() { awk -v bytes="$(stat -c %s "$1")" 'BEGIN { printf "%.1f", bytes / 1048576 }'; }
printf 'input           articles   file MB   peak RSS MB (median of %d)\n' "$runs"
printf '1x     %17d %9s   %s\n' "$articles" "$(mb "$work/1x.jsonl")" "$(cat "$work/1x.median")"
printf '10x    %17d %9s   %s\n' "$((articles * 10))" "$(mb "$work/10x.jsonl")" "$(cat "$work/10x.median")"
awk -v a="$(cat "$work/1x.median")" -v b="$(cat "$work/10x.median")" -v options="${newsindex_options[*]:-defaults}" \
    'BEGIN { printf "ratio 10x / 1x: %.2f (newsindex options: %s)\n", b / a, options }'

#!/usr/bin/env bash
# Constant memory: the peak resident set size of newsindex on a generated
# JSON Lines file of N articles (1x) and of 10 N articles (10x) must be about
# the same, bounded by the writer's batch (--commit-every), not by the input.
#
# Usage: bench/memory.sh [ARTICLES_1X] [RUNS] [COMMIT_EVERY]
#   defaults: 2000 articles (about 3 MB), 3 runs, a batch of 500 articles.
#   For the multi-gigabyte case: bench/memory.sh 700000 1 10000 (1x is about 1 GB).
# Prints the median peak RSS of the runs for each size and the ratio 10x / 1x,
# both measured in this run. Needs build/newsindex and GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-2000}
runs=${2:-3}
commit_every=${3:-500}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# generate COUNT FILE: synthetic articles of about 1.5 kB; the vocabulary
# grows with the input (word+number, up to 100,000 numbers), as real text's does.
generate() {
    awk -v count="$1" 'BEGIN {
        srand(42)
        n = split("market oil price bank rate trade growth minister election vote court police storm harbour " \
                  "glacier company shares profit loss football match team coach city council school hospital", w, " ")
        for (i = 1; i <= count; i++) {
            printf "{\"id\":\"a%d\",\"title\":\"%s %s\",\"date\":\"2022-03-%02d\",\"body\":\"", i,
                   w[int(rand() * n) + 1], w[int(rand() * n) + 1], i % 28 + 1
            for (j = 0; j < 150; j++) printf "%s%d ", w[int(rand() * n) + 1], int(rand() * 100000)
            printf "\"}\n"
        }
    }' >"$2"
}

# peak_rss FILE: the peak RSS in MB of one indexing run into a fresh database.
peak_rss() {
    rm -rf "$work/db"
    /usr/bin/time -f '%M' -o "$work/rss" build/newsindex --db "$work/db" --quiet --commit-every "$commit_every" "$1" \
        >/dev/null
    awk '{ printf "%.1f\n", $1 / 1024 }' "$work/rss"
}

median() {
    sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

generate "$articles" "$work/1x.jsonl"
generate "$((articles * 10))" "$work/10x.jsonl"
for size in 1x 10x; do
    for _ in $(seq "$runs"); do peak_rss "$work/$size.jsonl"; done | median >"$work/$size.median"
done
mb() { awk -v bytes="$(stat -c %s "$1")" 'BEGIN { printf "%.1f", bytes / 1048576 }'; }
printf 'input           articles   file MB   peak RSS MB (median of %d)\n' "$runs"
printf '1x     %17d %9s   %s\n' "$articles" "$(mb "$work/1x.jsonl")" "$(cat "$work/1x.median")"
printf '10x    %17d %9s   %s\n' "$((articles * 10))" "$(mb "$work/10x.jsonl")" "$(cat "$work/10x.median")"
awk -v a="$(cat "$work/1x.median")" -v b="$(cat "$work/10x.median")" \
    'BEGIN { printf "ratio 10x / 1x: %.2f (batch: %s articles)\n", b / a, "'"$commit_every"'" }'

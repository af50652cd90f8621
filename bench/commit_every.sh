#!/usr/bin/env bash
# What small commits cost: newsindex on the same input with --commit-every
# 10000 (the default, the baseline) and smaller batches, RUNS times each,
# interleaved so that a noisy machine hurts every setting alike. Prints the
# median wall time of each and its ratio to the baseline measured in this run.
#   bench/commit_every.sh [INPUT...]   (default: corpus/sample; RUNS=5)
set -euo pipefail
cd "$(dirname "$0")/.."
NEWSINDEX=${NEWSINDEX:-build/newsindex}
RUNS=${RUNS:-5}
inputs=("$@")
[ ${#inputs[@]} -gt 0 ] || inputs=(corpus/sample)
settings=(10000 1000 300 100)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for run in $(seq "$RUNS"); do
    for every in "${settings[@]}"; do
        rm -rf "$work/db"
        start=$(date +%s.%N)
        "$NEWSINDEX" --db "$work/db" --commit-every "$every" "${inputs[@]}" >/dev/null 2>&1
        awk -v e="$every" -v s="$start" -v t="$(date +%s.%N)" 'BEGIN { print e, t - s }' >>"$work/times"
    done
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
baseline=$(awk '$1 == 10000 { print $2 }' "$work/times" | median)
printf '%-14s %10s %8s   (median of %d runs)\n' "--commit-every" "seconds" "ratio" "$RUNS"
for every in "${settings[@]}"; do
    m=$(awk -v e="$every" '$1 == e { print $2 }' "$work/times" | median)
    printf '%-14s %10.2f %8.2f\n' "$every" "$m" "$(awk -v m="$m" -v b="$baseline" 'BEGIN { print m / b }')"
done

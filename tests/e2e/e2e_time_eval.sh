#!/usr/bin/env bash
# Ranking quality on the TIME collection (../shared/data/time): the default
# ranking must not fall below what issue 5 reached (MAP 0.7303) minus 0.01,
# so no later change can lose quality silently. newsbench compare must see
# the same gain over plain BM25 that the two runs show.
source "$(dirname "$0")/lib.sh"
require_shared_data time
T=$SHARED_DATA/time
DB=$WORK/db
MAP_FLOOR=0.7203

expect_status 0 "$NEWSINDEX" --db "$DB" "$T/time.trec"
expect_in "$WORK/out" "indexed 423 articles"

expect_status 0 "$NEWSBENCH" eval --db "$DB" --topics "$T/dev.topics.tsv" --qrels "$T/dev.qrels" --run "$WORK/default.run"
map=$(awk '$1 == "map" && $2 == "all" { print $3 }' "$WORK/out")
awk -v map="$map" -v floor="$MAP_FLOOR" 'BEGIN { exit !(map >= floor) }' || fail "MAP $map is below $MAP_FLOOR"
expect_in "$WORK/out" "num_q        all      42.0000"
# Every dev topic has 1,000 results or all it matched, ranks 1, 2, 3... in order.
[ "$(awk '{ print $1 }' "$WORK/default.run" | sort -u | wc -l)" -eq 42 ] || fail "the run does not cover the 42 topics"
awk 'prev_q == $1 && $4 != prev_rank + 1 { bad = 1 } { prev_q = $1; prev_rank = $4 } END { exit bad }' "$WORK/default.run" \
    || fail "ranks in the run are not consecutive"

# newssearch --topics reads topics as plain words, as newsbench eval does:
# the same run, byte for byte (issue 19).
expect_status 0 "$NEWSSEARCH" --db "$DB" --topics "$T/dev.topics.tsv" --format trec -n 1000
cmp -s "$WORK/out" "$WORK/default.run" || fail "newssearch --topics and newsbench eval give different runs"

expect_status 0 "$NEWSBENCH" eval --db "$DB" --topics "$T/dev.topics.tsv" --qrels "$T/dev.qrels" \
    --weighting bm25 --feedback-docs 0 --run "$WORK/bm25.run"
bm25_map=$(awk '$1 == "map" && $2 == "all" { print $3 }' "$WORK/out")
expect_status 0 "$NEWSBENCH" compare "$WORK/bm25.run" "$WORK/default.run" --qrels "$T/dev.qrels"
compared=$(awk '$1 == "map" { printf "%.4f %.4f", $2, $3 }' "$WORK/out")
[ "$compared" = "$bm25_map $map" ] || fail "compare reads MAP '$compared', eval gave '$bm25_map $map'"
echo "ok: MAP $map (BM25 $bm25_map)"

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

# Several collections in one run: each reported, then their mean (here the
# same collection twice, so the mean is its MAP).
C="time=$DB,$T/dev.topics.tsv,$T/dev.qrels"
expect_status 0 "$NEWSBENCH" eval --collection "$C" --collection "again=$DB,$T/dev.topics.tsv,$T/dev.qrels"
expect_in "$WORK/out" "# again"
[ "$(awk '$1 == "map" && $2 == "all" { print $3 }' "$WORK/out" | sort -u)" = "$map" ] || fail "collections or their mean differ"
# A grid with 5-fold cross-validation: every setting's row; a row per fold and
# collection; the cross-validated MAP of a one-setting grid is that setting's.
printf -- '# the baseline first\n--weighting bm25 --feedback-docs 0\n(default)\n' >"$WORK/grid"
expect_status 0 "$NEWSBENCH" eval --collection "$C" --grid "$WORK/grid" --folds 5
expect_in "$WORK/out" "| \`--weighting bm25 --feedback-docs 0\` | $bm25_map | "
expect_in "$WORK/out" "| \`(default)\` | $map | "
[ "$(grep -c '^| [1-5] | `' "$WORK/out")" -eq 5 ] || fail "expected one row per fold"
expect_in "$WORK/out" "| time | "
printf '(default)\n' >"$WORK/one"
expect_status 0 "$NEWSBENCH" eval --collection "$C" --grid "$WORK/one" --folds 5
expect_in "$WORK/out" "| time | $map | $map | 1.000 |"
expect_status 2 "$NEWSBENCH" eval --collection "$C" --folds 5
expect_in "$WORK/err" "--folds cross-validates a --grid"
expect_status 2 "$NEWSBENCH" eval --collection "$C" --db "$DB"
echo "ok: MAP $map (BM25 $bm25_map)"

#!/usr/bin/env bash
# Ranking quality: the default ranking (plain BM25 since issue 19) must not
# fall below what it scored when chosen minus 0.01 MAP, on the TIME dev
# topics and on NPL and LISA (../shared/data), so no later change can lose
# quality silently. newsbench compare must see the same difference from the
# former default (PL2 with feedback) that the two runs show. newssearch
# --topics gives newsbench eval's run; eval's several collections, grid and
# cross-validation work end to end. The whole test is skipped (77) when TIME
# is absent; without NPL or LISA it checks TIME and then reports a skip.
source "$(dirname "$0")/lib.sh"
require_shared_data time
T=$SHARED_DATA/time
DB=$WORK/db
MAP_FLOOR=0.6856
declare -A OTHER_FLOORS=([npl]=0.2787 [lisa]=0.3454)

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
    --weighting pl2 --feedback-docs 3 --tiers all-words-first --run "$WORK/former.run"
former_map=$(awk '$1 == "map" && $2 == "all" { print $3 }' "$WORK/out")
expect_status 0 "$NEWSBENCH" compare "$WORK/former.run" "$WORK/default.run" --qrels "$T/dev.qrels"
compared=$(awk '$1 == "map" { printf "%.4f %.4f", $2, $3 }' "$WORK/out")
[ "$compared" = "$former_map $map" ] || fail "compare reads MAP '$compared', eval gave '$former_map $map'"

# Several collections in one run: each reported, then their mean (here the
# same collection twice, so the mean is its MAP).
C="time=$DB,$T/dev.topics.tsv,$T/dev.qrels"
expect_status 0 "$NEWSBENCH" eval --collection "$C" --collection "again=$DB,$T/dev.topics.tsv,$T/dev.qrels"
expect_in "$WORK/out" "# again"
[ "$(awk '$1 == "map" && $2 == "all" { print $3 }' "$WORK/out" | sort -u)" = "$map" ] || fail "collections or their mean differ"
# A grid with 5-fold cross-validation: every setting's row; a row per fold and
# collection; the cross-validated MAP of a one-setting grid is that setting's.
printf -- '# the baseline first\n--weighting pl2 --feedback-docs 3 --tiers all-words-first\n(default)\n' >"$WORK/grid"
expect_status 0 "$NEWSBENCH" eval --collection "$C" --grid "$WORK/grid" --folds 5
expect_in "$WORK/out" "| \`--weighting pl2 --feedback-docs 3 --tiers all-words-first\` | $former_map | "
expect_in "$WORK/out" "| \`(default)\` | $map | "
[ "$(grep -c '^| [1-5] | `' "$WORK/out")" -eq 5 ] || fail "expected one row per fold"
expect_in "$WORK/out" "| time | "
printf '(default)\n' >"$WORK/one"
expect_status 0 "$NEWSBENCH" eval --collection "$C" --grid "$WORK/one" --folds 5
expect_in "$WORK/out" "| time | $map | $map | 1.000 |"
expect_status 2 "$NEWSBENCH" eval --collection "$C" --folds 5
expect_in "$WORK/err" "--folds cross-validates a --grid"
expect_status 2 "$NEWSBENCH" eval --collection "$C" --db "$DB"

# NPL and LISA: the same floor, each at its own level.
missing=()
for name in npl lisa; do
    if [ ! -d "$SHARED_DATA/$name" ]; then
        missing+=("$name")
        continue
    fi
    expect_status 0 "$NEWSINDEX" --db "$WORK/$name" "$SHARED_DATA/$name/docs.trec"
    expect_status 0 "$NEWSBENCH" eval --db "$WORK/$name" --topics "$SHARED_DATA/$name/topics.tsv" --qrels "$SHARED_DATA/$name/qrels"
    other=$(awk '$1 == "map" && $2 == "all" { print $3 }' "$WORK/out")
    awk -v map="$other" -v floor="${OTHER_FLOORS[$name]}" 'BEGIN { exit !(map >= floor) }' ||
        fail "$name: MAP $other is below ${OTHER_FLOORS[$name]}"
    echo "$name: MAP $other"
done
echo "ok: TIME MAP $map (former default $former_map)"
if [ ${#missing[@]} -gt 0 ]; then
    echo "SKIP: $SHARED_DATA/${missing[*]} absent"
    exit 77
fi

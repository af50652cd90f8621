#!/usr/bin/env bash
# newsbench index and query: what they count (articles, queries timed, one
# measurement a thread count and detail) is right, as JSON for programs;
# bench/same-ranking tells a build that ranks alike from one that does not;
# bench/growth-curve gives a row a size, synthetic or real text.
source "$(dirname "$0")/lib.sh"
SAMPLE=$SOURCE_DIR/corpus/sample
ARTICLES=$(($(grep -c '<REUTERS ' "$SAMPLE/reuters21578/reut2-000.sgm") + 1))
BYTES=$(cat "$SAMPLE"/000_5d398ca54bc80a14.txt "$SAMPLE"/reuters21578/reut2-000.sgm | wc -c)

expect_status 0 "$NEWSBENCH" index --db "$WORK/db" --runs 2 --json "$SAMPLE"
expect_in "$WORK/out" "{\"runs\":2,\"articles\":$ARTICLES,\"input_bytes\":$BYTES,"
grep -q '"compacted_bytes":[1-9]' "$WORK/out" || fail "no compacted size: $(cat "$WORK/out")"
[ "$(article_count "$WORK/db")" = "$ARTICLES" ] || fail "the last run's database is not whole"
# A folder that exists is never removed.
expect_status 2 "$NEWSBENCH" index --db "$WORK/db" "$SAMPLE"
expect_in "$WORK/err" "newsbench: error: '$WORK/db' exists"

printf 'oil\ncocoa bahia\n"trade deficit"\n' >"$WORK/queries"
expect_status 0 "$NEWSBENCH" query --db "$WORK/db" --queries "$WORK/queries" --rounds 2 --threads 1,2 \
    --detail ids,full --json
[ "$(wc -l <"$WORK/out")" = 4 ] || fail "expected 4 measurements: $(cat "$WORK/out")"
for detail in ids full; do
    expect_in "$WORK/out" "{\"detail\":\"$detail\",\"latency\":{\"threads\":1,\"queries\":6,"
    expect_in "$WORK/out" "{\"detail\":\"$detail\",\"latency\":{\"threads\":2,\"queries\":12,"
done
# --slowest N names N queries of the set, each once (which ones is timing: not checked).
expect_status 0 "$NEWSBENCH" query --db "$WORK/db" --queries "$WORK/queries" --rounds 1 --slowest 2
[ "$(grep -c '^  slow ' "$WORK/out")" = 2 ] || fail "expected 2 slow queries: $(cat "$WORK/out")"
expect_status 0 "$NEWSBENCH" query --db "$WORK/db" --queries "$WORK/queries" --rounds 2 --threads 2 --slowest 5 --json
for query in oil 'cocoa bahia'; do
    [ "$(grep -o "{\"query\":\"$query\",\"median_ms\":" "$WORK/out" | wc -l)" = 1 ] \
        || fail "'$query' is not named once among the slowest: $(cat "$WORK/out")"
done
[ "$(grep -o '"median_ms":' "$WORK/out" | wc -l)" = 3 ] || fail "expected all 3 queries named: $(cat "$WORK/out")"
expect_status 2 "$NEWSBENCH" query --db "$WORK/db" --queries "$WORK/queries" --threads 0
expect_in "$WORK/err" "newsbench: error: --threads: '0' is not a positive number"

# bench/same-ranking: a build ranks like itself; another weighting (PL2
# instead of BM25) reorders the hits of "oil", and is caught.
expect_status 0 "$SOURCE_DIR/bench/same-ranking" "$NEWSSEARCH" "$NEWSSEARCH" --db "$WORK/db" "$WORK/queries"
expect_in "$WORK/out" "3 queries, top 10: ids or order differ in 0, scores (beyond 0.0001) in 0, totals in 0"
printf '#!/bin/sh\nexec "%s" --weighting pl2 "$@"\n' "$NEWSSEARCH" >"$WORK/newssearch-pl2"
chmod +x "$WORK/newssearch-pl2"
expect_status 1 "$SOURCE_DIR/bench/same-ranking" "$NEWSSEARCH" "$WORK/newssearch-pl2" --db "$WORK/db" "$WORK/queries"
expect_in "$WORK/out" "$WORK/queries:1: 'oil': ["

# bench/growth-curve: one row a synthetic size, and "real" reads Reuters, BBC
# (text files) and 10kGNAD (CSV without a header, label;'text') together.
mkdir -p "$WORK/data/bbc/sport" "$WORK/data/10kgnad"
cp -r "$SAMPLE/reuters21578" "$WORK/data/reuters21578"
printf 'Cocoa cup\ncocoa wins the cup\n' >"$WORK/data/bbc/sport/001.txt"
printf 'Oil final\noil loses the final\n' >"$WORK/data/bbc/sport/002.txt"
printf '%s\n' "Sport;'Der Fußball rollt'" "Web;'Das Netz, ''offen'''" >"$WORK/data/10kgnad/test.csv"
DATA=$WORK/data QUERIES=$WORK/queries BUILD=$(dirname "$NEWSBENCH") \
    expect_status 0 "$SOURCE_DIR/bench/growth-curve" 300 real
# The first column, articles, without its thousands separators.
awk -F' *[|] *' 'NR > 2 { gsub(",", "", $2); print $2 }' "$WORK/out" >"$WORK/rows"
[ "$(cat "$WORK/rows")" = "300
$((ARTICLES - 1 + 2 + 2))" ] || fail "expected rows of 300 synthetic and $((ARTICLES - 1 + 2 + 2)) real articles: $(cat "$WORK/out")"
echo "ok"

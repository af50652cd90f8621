#!/usr/bin/env bash
# The README's demo: index the bundled sample, the seed article comes first.
source "$(dirname "$0")/lib.sh"
DB=$WORK/db
SEED_ID=000_5d398ca54bc80a14.txt

expect_status 0 "$NEWSINDEX" --db "$DB" "$SOURCE_DIR/corpus/sample"
expect_in "$WORK/out" "indexed 1001 articles (1001 new, 0 replaced), skipped 0"

expect_status 0 "$NEWSSEARCH" --db "$DB" "Colombia non-NATO"
head -n 1 "$WORK/out" | grep -qF "President Duque Meets President Biden" || fail "seed is not the first hit: $(head -n 3 "$WORK/out")"
expect_in "$WORK/out" "matches, showing 1-"
# Not a terminal: no colour codes.
if grep -q $'\033' "$WORK/out"; then fail "colour codes in output to a pipe"; fi

# On a terminal the matched words are highlighted, unless NO_COLOR is set.
# (script(1) gives the program a pseudo-terminal.)
script -qec "$NEWSSEARCH --db $DB -n 1 Colombia" /dev/null >"$WORK/tty" </dev/null
expect_in "$WORK/tty" $'\033[1;33mColombia\033[0m'
NO_COLOR=1 script -qec "$NEWSSEARCH --db $DB -n 1 Colombia" /dev/null >"$WORK/tty" </dev/null
if grep -q $'\033' "$WORK/tty"; then fail "colour codes despite NO_COLOR"; fi

expect_status 0 "$NEWSSEARCH" --db "$DB" --format json -n 3 Colombia non-NATO
[ "$(wc -l <"$WORK/out")" -eq 1 ] || fail "json output is not one line"
expect_in "$WORK/out" "{\"query\":\"Colombia non-NATO\",\"total\":"
expect_in "$WORK/out" "\"hits\":[{\"rank\":1,\"id\":\"$SEED_ID\",\"score\":"
expect_in "$WORK/out" "\"date\":null"

expect_status 0 "$NEWSSEARCH" --db "$DB" --format json -n 1 "bahia cocoa review"
expect_in "$WORK/out" "\"id\":\"1\""
expect_in "$WORK/out" "\"date\":\"1987-02-26\",\"source\":\"Reuters\""

# --offset continues where -n stopped.
expect_status 0 "$NEWSSEARCH" --db "$DB" --format json -n 2 --offset 1 oil
expect_in "$WORK/out" "\"rank\":2,"
expect_in "$WORK/out" "\"rank\":3,"

# Nothing matches: exit 1, like grep.
expect_status 1 "$NEWSSEARCH" --db "$DB" zzyzxqwv
expect_in "$WORK/out" "0 matches"

# --count: the exact total alone (issue 17): the stories, or every copy with
# --no-collapse, as many as --all lists; exit 1 when nothing matches.
expect_status 0 "$NEWSSEARCH" --db "$DB" --all --format csv oil
all=$(($(wc -l <"$WORK/out") - 1))
expect_status 0 "$NEWSSEARCH" --db "$DB" --count --no-collapse oil
[ "$(cat "$WORK/out")" = "$all" ] || fail "--count --no-collapse says $(cat "$WORK/out"), --all lists $all"
expect_status 0 "$NEWSSEARCH" --db "$DB" --count oil
stories=$(cat "$WORK/out")
expect_status 0 "$NEWSSEARCH" --db "$DB" --format json -n 1 oil
expect_in "$WORK/out" "\"total\":$stories,\"total_relation\":\"eq\",\"total_counts\":\"stories\""
expect_status 0 "$NEWSSEARCH" --db "$DB" --format json --count oil
expect_in "$WORK/out" "{\"query\":\"oil\",\"total\":$stories,"
expect_status 1 "$NEWSSEARCH" --db "$DB" --count zzyzxqwv
[ "$(cat "$WORK/out")" = 0 ] || fail "--count of nothing: $(cat "$WORK/out")"
# Beside facets, which count every copy, the text says the total counts stories.
expect_status 0 "$NEWSSEARCH" --db "$DB" --facet source oil
expect_in "$WORK/out" "(stories: near-duplicates counted once)"
expect_in "$WORK/out" "facets (articles: every copy counted)"
echo "ok"

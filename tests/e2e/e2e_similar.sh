#!/usr/bin/env bash
# Repeated stories on the bundled sample: they collapse to one hit that says
# how many copies it hides (unless --no-collapse), and --like finds a story's
# copy first. The pairs come from awk over the raw SGML (reuters_same_body.awk).
source "$(dirname "$0")/lib.sh"
DB=$WORK/db
E2E=$(dirname "$0")
awk -f "$E2E/reuters_same_body.awk" "$SOURCE_DIR/corpus/sample/reuters21578/reut2-000.sgm" >"$WORK/pairs"
[ "$(wc -l <"$WORK/pairs")" -ge 10 ] || fail "expected at least 10 repeated stories in the sample"
expect_status 0 "$NEWSINDEX" --db "$DB" "$SOURCE_DIR/corpus/sample"

first_id() { sed -n 's/.*"hits":\[{"rank":1,"id":"\([^"]*\)".*/\1/p' "$WORK/out"; }
while read -r one other; do
    expect_status 0 "$NEWSSEARCH" --db "$DB" --format json -n 5 --like "$one"
    [ "$(first_id)" = "$other" ] || fail "--like $one: first hit $(first_id), expected its copy $other"
    if grep -q "\"id\":\"$one\"" "$WORK/out"; then fail "--like $one lists the article itself"; fi
done <"$WORK/pairs"

total() { sed -n 's/.*"total":\([0-9]*\).*/\1/p' "$WORK/out"; }
while read -r one other; do
    expect_status 0 "$NEWSSEARCH" --db "$DB" --format json "id:$one OR id:$other"
    [ "$(total)" = 1 ] || fail "stories $one and $other (same body) did not collapse: $(head -c 300 "$WORK/out")"
    expect_in "$WORK/out" "\"copies_hidden\":1"
    expect_status 0 "$NEWSSEARCH" --db "$DB" --format json --no-collapse "id:$one OR id:$other"
    [ "$(total)" = 2 ] || fail "--no-collapse: expected both $one and $other"
done <"$WORK/pairs"
# Distinct stories on one subject stay apart: the crude-oil stories count
# once each, a repeated one once for both copies.
awk -f "$E2E/reuters_dates_titles.awk" "$SOURCE_DIR/corpus/sample/reuters21578/reut2-000.sgm" >"$WORK/stories"
awk -F'\t' '$3 ~ /(^| )crude / {print $4}' "$WORK/stories" >"$WORK/crude"
repeats=$(awk 'NR == FNR {crude[$1] = 1; next} ($1 in crude) && ($2 in crude)' "$WORK/crude" "$WORK/pairs" | wc -l)
[ "$repeats" -ge 1 ] || fail "expected a repeated crude-oil story in the sample"
for n in 0 100; do
    expect_status 0 "$NEWSSEARCH" --db "$DB" --format json -n "$n" "topic:crude"
    [ "$(total)" = "$(($(wc -l <"$WORK/crude") - repeats))" ] ||
        fail "-n $n: crude stories $(total), expected $(($(wc -l <"$WORK/crude") - repeats))"
done

expect_status 2 "$NEWSSEARCH" --db "$DB" --like no-such-id
expect_in "$WORK/err" "newssearch: error: no article with id 'no-such-id'"
expect_status 2 "$NEWSSEARCH" --db "$DB" --like 4 cocoa
echo "ok"

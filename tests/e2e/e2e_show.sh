#!/usr/bin/env bash
# newssearch --show ID...: an article in full, to read and cite (issue 17):
# its fields, the file and line it came from, its near-duplicate copies and
# the body, as text and as one JSON object an article; an unknown id is an
# error naming it.
source "$(dirname "$0")/lib.sh"
DB=$WORK/db
SGM=$SOURCE_DIR/corpus/sample/reuters21578/reut2-000.sgm
expect_status 0 "$NEWSINDEX" --db "$DB" "$SOURCE_DIR/corpus/sample"

# Reuters 873 and 952 are two copies of one story (see e2e_pickup.sh).
line=$(grep -n 'NEWID="873"' "$SGM" | cut -d: -f1)
expect_status 0 "$NEWSSEARCH" --db "$DB" --show 873
head -n 1 "$WORK/out" | grep -qx "OPEC WITHIN OUTPUT CEILING, SUBROTO SAYS" || fail "no title first: $(head -n 1 "$WORK/out")"
expect_in "$WORK/out" "  date    1987-03-02"
expect_in "$WORK/out" "  source  Reuters"
expect_in "$WORK/out" "  from    $(realpath "$SGM"):$line"
expect_in "$WORK/out" "  copy    952  1987-03-03  Reuters"
expect_in "$WORK/out" "ceiling of 15.8 mln barrels a day"

expect_status 0 "$NEWSSEARCH" --db "$DB" --format json --show 873 1
[ "$(wc -l <"$WORK/out")" -eq 2 ] || fail "--show of two ids in JSON is not two lines"
head -n 1 "$WORK/out" | grep -qF "\"line\":$line,\"copies\":[{\"id\":\"952\",\"date\":\"1987-03-03\",\"source\":\"Reuters\"}],\"body\":\"Opec remains" ||
    fail "873 in JSON: $(head -c 600 "$WORK/out")"
tail -n 1 "$WORK/out" | grep -qF '{"id":"1","title":"BAHIA COCOA REVIEW","date":"1987-02-26"' || fail "1 in JSON: $(tail -c 300 "$WORK/out")"

# An unknown id: one line naming it, exit 2, nothing on stdout.
expect_status 2 "$NEWSSEARCH" --db "$DB" --show 873 no-such-id
expect_in "$WORK/err" "no article with id 'no-such-id'"
[ "$(wc -l <"$WORK/err")" -eq 1 ] || fail "more than one line of error"
[ ! -s "$WORK/out" ] || fail "--show printed before failing"
echo "ok"

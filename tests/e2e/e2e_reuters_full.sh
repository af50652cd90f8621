#!/usr/bin/env bash
# All of Reuters-21578 (../shared/data): every one of the 21,578 stories is
# indexed, the one invalid byte is repaired, nothing is skipped; date and title
# counts match awk's, and repeated stories collapse.
source "$(dirname "$0")/lib.sh"
require_shared_data reuters21578
DB=$WORK/db

expect_status 0 "$NEWSINDEX" --db "$DB" "$SHARED_DATA"/reuters21578/*.sgm
expect_in "$WORK/out" "indexed 21578 articles (21578 new, 0 replaced), skipped 0"
expect_in "$WORK/err" "reut2-017.sgm:"
[ "$(doc_count "$DB")" = 21578 ] || fail "expected 21578 documents"

expect_status 0 "$NEWSSEARCH" --db "$DB" --format json -n 1 "id:17980"
expect_in "$WORK/out" "\"id\":\"17980\""

# Dates and title words, counted with awk over the SGML: stories of 2 March
# 1987 whose title has OIL or OILS (title: is stemmed).
E2E=$(dirname "$0")
awk -f "$E2E/reuters_dates_titles.awk" "$SHARED_DATA"/reuters21578/*.sgm >"$WORK/stories"
want=$(awk -F'\t' '$1 == "19870302" && toupper($2) ~ /(^|[^A-Z])OILS?([^A-Z]|$)/' "$WORK/stories" | wc -l)
expect_status 0 "$NEWSSEARCH" --db "$DB" --format json -n 100 --no-collapse "title:oil date:1987-03-02"
expect_in "$WORK/out" "\"total\":$want,"
want=$(awk -F'\t' '$1 >= "19870401" && $1 <= "19870415"' "$WORK/stories" | wc -l)
[ "$want" -gt 1000 ] || fail "expected over 1000 stories in the first half of April 1987"
expect_status 0 "$NEWSSEARCH" --db "$DB" --format json -n 6000 --no-collapse "date:1987-04-01..1987-04-15"
expect_in "$WORK/out" "\"total\":$want,"

# Every story whose body was sent again word for word collapses with its copy.
awk -f "$E2E/reuters_same_body.awk" "$SHARED_DATA"/reuters21578/*.sgm >"$WORK/pairs"
[ "$(wc -l <"$WORK/pairs")" -ge 100 ] || fail "expected over 100 repeated stories"
while read -r one other; do
    expect_status 0 "$NEWSSEARCH" --db "$DB" --format json "id:$one OR id:$other"
    expect_in "$WORK/out" "\"total\":1,"
done <"$WORK/pairs"
echo "ok"

#!/usr/bin/env bash
# 10kGNAD (../shared/data/10kgnad/test.csv): ';' and "'" detected, no header,
# one article per row; the section labels become topics. German is detected
# and stemmed.
source "$(dirname "$0")/lib.sh"
require_shared_data 10kgnad
CSV=$SHARED_DATA/10kgnad/test.csv
DB=$WORK/db

rows=$(wc -l <"$CSV")
expect_status 0 "$NEWSINDEX" --db "$DB" --no-header --columns topic=1,body=2 "$CSV"
expect_in "$WORK/out" "indexed $rows articles ($rows new, 0 replaced), skipped 0"
for section in Sport Kultur Etat; do
    count=$(grep -c "^$section;" "$CSV")
    expect_status 0 "$NEWSSEARCH" --db "$DB" --format json -n 0 "topic:$section"
    expect_in "$WORK/out" "\"total\":$count,"
done

# Every article is German (SOURCE.md): the language is detected as such (the
# facet counts every match, near-duplicates too).
expect_status 0 "$NEWSSEARCH" --db "$DB" --facet lang -n 0 lang:de
expect_in "$WORK/out" "lang  de $rows"
# German stemming: "Wahlen" finds the articles that have only the singular
# "Wahl" (rows found with awk: the id of a row is test.csv:ROW).
wahl_rows=$(awk '/(^|[^[:alpha:]])Wahl([^[:alpha:]]|$)/ && !/Wahlen/ { print NR }' "$CSV")
[ -n "$wahl_rows" ] || fail "no row with 'Wahl' alone in $CSV"
expect_status 0 "$NEWSSEARCH" --db "$DB" --format json --no-collapse -n "$rows" Wahlen
for row in $wahl_rows; do
    expect_in "$WORK/out" "\"id\":\"test.csv:$row\""
done
echo "ok"

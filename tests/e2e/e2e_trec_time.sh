#!/usr/bin/env bash
# The TIME collection in TREC SGML (../shared/data/time/time.trec): every
# document is indexed, and the dates match the collection's own docno map.
source "$(dirname "$0")/lib.sh"
require_shared_data time
TREC=$SHARED_DATA/time/time.trec
DB=$WORK/db

documents=$(grep -c '^<DOC>$' "$TREC")
expect_status 0 "$NEWSINDEX" --db "$DB" "$TREC"
expect_in "$WORK/out" "indexed $documents articles ($documents new, 0 replaced), skipped 0"
[ "$(article_count "$DB")" = "$documents" ] || fail "expected $documents documents"

# A sample of documents across the year: docno and ISO date from docno_map.tsv.
awk -F'\t' 'NR > 1 && NR % 60 == 2 { print $2, $3 }' "$SHARED_DATA/time/docno_map.tsv" >"$WORK/sample"
[ -s "$WORK/sample" ] || fail "no sample from docno_map.tsv"
while read -r docno date; do
    expect_status 0 "$NEWSSEARCH" --db "$DB" --format json -n 1 "id:$docno"
    expect_in "$WORK/out" "\"id\":\"$docno\""
    expect_in "$WORK/out" "\"date\":\"$date\""
done <"$WORK/sample"
echo "ok"

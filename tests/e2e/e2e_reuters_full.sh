#!/usr/bin/env bash
# All of Reuters-21578 (../shared/data): every one of the 21,578 stories is
# indexed, the one invalid byte is repaired, nothing is skipped, and a sample
# of stories has the date and title the SGML gives.
source "$(dirname "$0")/lib.sh"
require_shared_data reuters21578
DB=$WORK/db

expect_status 0 "$NEWSINDEX" --db "$DB" "$SHARED_DATA"/reuters21578/*.sgm
expect_in "$WORK/out" "indexed 21578 articles (21578 new, 0 replaced), skipped 0"
expect_in "$WORK/err" "reut2-017.sgm:"
[ "$(doc_count "$DB")" = 21578 ] || fail "expected 21578 documents"

expect_status 0 "$NEWSSEARCH" --db "$DB" --format json -n 1 "id:17980"
expect_in "$WORK/out" "\"id\":\"17980\""

# A sample of stories across the collection (every 2,500th NEWID whose title
# has no character reference): date and title as awk reads them from the SGML.
cat "$SHARED_DATA"/reuters21578/*.sgm | awk '
BEGIN { RS = "</REUTERS>"; split("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC", names, " ")
        for (i = 1; i <= 12; i++) month[names[i]] = sprintf("%02d", i) }
{
    if (!match($0, /NEWID="[0-9]+"/)) next
    id = substr($0, RSTART + 7, RLENGTH - 8)
    if (id % 2500 != 1 || !match($0, /<TITLE>[^<&"]*<\/TITLE>/)) next
    title = substr($0, RSTART + 7, RLENGTH - 15)
    gsub(/[ \t\n]+/, " ", title); sub(/^ /, "", title); sub(/ $/, "", title)
    if (!match($0, /<DATE>[ ]*[0-9]+-[A-Z][A-Z][A-Z]-[0-9][0-9][0-9][0-9]/)) next
    split(substr($0, RSTART + 6, RLENGTH - 6), parts, "-")
    printf "%s\t%s-%s-%02d\t%s\n", id, parts[3], month[parts[2]], parts[1] + 0, title
}' >"$WORK/sample"
[ "$(wc -l <"$WORK/sample")" -ge 5 ] || fail "sample too small: $(cat "$WORK/sample")"
while IFS=$'\t' read -r id date title; do
    expect_status 0 "$NEWSSEARCH" --db "$DB" --format json -n 1 "id:$id"
    expect_in "$WORK/out" "\"id\":\"$id\""
    expect_in "$WORK/out" "\"title\":\"$title\""
    expect_in "$WORK/out" "\"date\":\"$date\""
done <"$WORK/sample"
echo "ok"

#!/usr/bin/env bash
# All of Reuters-21578 (../shared/data), given as its folder: every one of
# the 21,578 stories is indexed and nothing else, the one invalid byte is
# repaired, nothing is skipped; a sample of stories has the date and title
# the SGML gives; date and title counts match awk's, and repeated stories
# collapse.
source "$(dirname "$0")/lib.sh"
require_shared_data reuters21578
DB=$WORK/db

# The folder: its category lists (.txt beside the .sgm files) are not
# stories (issue 18: they were indexed, 21,585 articles).
expect_status 0 "$NEWSINDEX" --db "$DB" "$SHARED_DATA"/reuters21578
expect_in "$WORK/out" "indexed 21578 articles (21578 new, 0 replaced), skipped 0"
expect_in "$WORK/err" "reut2-017.sgm:"
expect_in "$WORK/err" "all-places-strings.lc.txt: warning: not read: most files of its folder are reuters archives"
[ "$(article_count "$DB")" = 21578 ] || fail "expected 21578 documents"

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

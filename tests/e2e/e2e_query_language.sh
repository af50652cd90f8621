#!/usr/bin/env bash
# The query language, sort orders and facets on the bundled Reuters sample
# (reut2-000.sgm). Every expected count comes from awk over the raw SGML
# (reuters_dates_titles.awk), not from newssearch.
source "$(dirname "$0")/lib.sh"
DB=$WORK/db
SGML=$SOURCE_DIR/corpus/sample/reuters21578/reut2-000.sgm
awk -f "$(dirname "$0")/reuters_dates_titles.awk" "$SGML" >"$WORK/stories"
[ "$(wc -l <"$WORK/stories")" -eq 1000 ] || fail "the awk helper did not find 1000 stories"
expect_status 0 "$NEWSINDEX" --db "$DB" "$SOURCE_DIR/corpus/sample"

# count_stories AWK-CONDITION: stories ($1 date, $2 title, $3 topics) that pass.
count_stories() { awk -F'\t' "$1 {n++} END {print n+0}" "$WORK/stories"; }
# total QUERY [OPTIONS...]: the number of matching articles newssearch reports
# (every copy of a repeated story counted).
total() {
    "$NEWSSEARCH" --db "$DB" --format json -n 0 --no-collapse "$@" >"$WORK/json" || true
    sed -n 's/.*"total":\([0-9]*\).*/\1/p' "$WORK/json"
}
expect_total() {
    local want=$1
    shift
    [ "$(total "$@")" = "$want" ] || fail "$*: total $(total "$@"), expected $want"
}

# Dates: a day, a month, a range, after and before (whole periods).
expect_total "$(count_stories '$1 == "19870302"')" "date:1987-03-02"
expect_total "$(count_stories '$1 ~ /^198703/')" "date:1987-03"
expect_total "$(count_stories '$1 ~ /^1987/')" "date:1987"
expect_total "$(count_stories '$1 >= "19870226" && $1 <= "19870301"')" "date:1987-02-26..1987-03-01"
expect_total "$(count_stories '$1 > "19870302"')" "after:1987-03-02"
expect_total "$(count_stories '$1 < "19870302"')" "before:1987-03-02"
expect_total "$(count_stories '$1 < "19870301"')" "BEFORE:1987-03"
# A title word on one day (title: is stemmed: OIL and OILS).
expect_total "$(count_stories '$1 == "19870302" && toupper($2) ~ /(^|[^A-Z])OILS?([^A-Z]|$)/')" "title:oil date:1987-03-02"
# Dates inside brackets and boolean operators.
expect_total "$(count_stories '$1 == "19870302" || $1 == "19870226"')" "(date:1987-03-02 OR date:1987-02-26)"
expect_total "$(count_stories '$3 ~ /(^| )crude / && $1 != "19870302"')" "topic:crude NOT date:1987-03-02"

# Operators in lower case count only with parentheses: "not" is a word here...
[ "$(total "oil not gas")" -gt "$(total "oil -gas")" ] || fail "'oil not gas' was read as an operator"
# ...and an operator here.
[ "$(total "(oil) not gas")" = "$(total "oil -gas")" ] || fail "'(oil) not gas' differs from 'oil -gas'"

# A query that only excludes finds every other article. Regression (issue
# 17): "-peru" alone found the articles that contain "peru".
all=$(article_count "$DB")
for query in "-peru" "NOT peru"; do
    [ $(($(total -- "$query") + $(total peru))) = "$all" ] || fail "'$query': $(total -- "$query") of $all articles"
done
[ $(($(total -- "-peru -chile") + $(total "peru OR chile"))) = "$all" ] || fail "'-peru -chile' is not the rest"

# Sort by date: the newest and the oldest story come first.
newest=$(awk -F'\t' '$1 > max {max = $1} END {print max}' "$WORK/stories")
oldest=$(awk -F'\t' 'min == "" || $1 < min {min = $1} END {print min}' "$WORK/stories")
iso() { echo "${1:0:4}-${1:4:2}-${1:6:2}"; }
expect_status 0 "$NEWSSEARCH" --db "$DB" --format json -n 1 --sort newest oil
expect_in "$WORK/out" "\"date\":\"$(iso "$newest")\""
expect_status 0 "$NEWSSEARCH" --db "$DB" --format json -n 1 --sort oldest oil
expect_in "$WORK/out" "\"date\":\"$(iso "$oldest")\""

# Facets count every match, not only the page.
expect_status 0 "$NEWSSEARCH" --db "$DB" --format json -n 1 --facet month,topic "date:1987-03-02"
expect_in "$WORK/out" "\"facets\":{\"month\":[{\"value\":\"1987-03\",\"count\":$(count_stories '$1 == "19870302"')}]"
expect_in "$WORK/out" "{\"value\":\"crude\",\"count\":$(count_stories '$1 == "19870302" && $3 ~ /(^| )crude /')}"
expect_status 0 "$NEWSSEARCH" --db "$DB" -n 1 --facet year,source "topic:crude"
expect_in "$WORK/out" "  year    1987 $(count_stories '$3 ~ /(^| )crude /')"
expect_in "$WORK/out" "  source  Reuters $(count_stories '$3 ~ /(^| )crude /')"

# Spelling: suggested from the index's words, shown, never applied.
expect_status 0 "$NEWSSEARCH" --db "$DB" -n 1 "Colmbia nato"
[ "$(head -n 1 "$WORK/out")" = "Did you mean: Colombia nato" ] || fail "no suggestion: $(head -n 1 "$WORK/out")"
expect_status 0 "$NEWSSEARCH" --db "$DB" -n 0 --format json "Colmbia nato"
expect_in "$WORK/out" "\"did_you_mean\":\"Colombia nato\""
[ "$(total "Colmbia nato")" = "$(total "nato")" ] || fail "the suggestion was searched instead of the query"
expect_status 0 "$NEWSINDEX" --db "$WORK/nospell" --no-spelling "$SOURCE_DIR/corpus/sample"
expect_status 0 "$NEWSSEARCH" --db "$WORK/nospell" -n 0 --format json "Colmbia nato"
expect_in "$WORK/out" "\"did_you_mean\":null"

# Synonyms: a query naming one member of a group matches them all.
printf 'US, U.S., United States, USA\ncocoa, cacao\nlonely\n' >"$WORK/synonyms"
expect_status 0 "$NEWSINDEX" --db "$WORK/syn" --synonyms "$WORK/synonyms" "$SOURCE_DIR/corpus/sample"
expect_in "$WORK/err" "$WORK/synonyms:3: error: a synonym group needs two different members: 'lonely'"
cocoa=$(awk 'BEGIN {RS = "</REUTERS>"} /<REUTERS/ {
    t = match($0, /<TITLE>[^<]*<\/TITLE>/) ? substr($0, RSTART, RLENGTH) : ""
    b = match($0, /<BODY>.*<\/BODY>/) ? substr($0, RSTART, RLENGTH) : ""
    if (toupper(t " " b) ~ /(^|[^A-Z])COCOA([^A-Z]|$)/) n++
} END {print n + 0}' "$SGML")
[ "$cocoa" -ge 2 ] || fail "expected cocoa stories in the sample"
expect_total 0 cacao
DB=$WORK/syn expect_total "$cocoa" cacao
[ "$(DB=$WORK/syn total "United States")" = "$(total 'us OR "united states" OR usa')" ] ||
    fail "'United States' does not match every member of its group"

# Malformed queries: one line naming what and where, exit 2.
expect_status 2 "$NEWSSEARCH" --db "$DB" "oil colour:red"
expect_in "$WORK/err" "newssearch: error: malformed query: unknown field 'colour:'"
expect_in "$WORK/err" "at column 5"
expect_status 2 "$NEWSSEARCH" --db "$DB" "oil date:1987-02-30"
expect_in "$WORK/err" "date: bad date '1987-02-30': no such day at column 10"
# Streamed with --all, a malformed query prints no CSV header first: stdout stays empty.
expect_status 2 "$NEWSSEARCH" --db "$DB" --all --format csv "oil colour:red"
expect_in "$WORK/err" "newssearch: error: malformed query: unknown field 'colour:'"
[ ! -s "$WORK/out" ] || fail "--all printed before its malformed-query error: $(head -c 200 "$WORK/out")"
expect_status 2 "$NEWSSEARCH" --db "$DB" "(oil OR gas"
expect_in "$WORK/err" "'(' is never closed at column 1"
[ "$(wc -l <"$WORK/err")" -eq 1 ] || fail "the error is not one line"
# Regressions (issue 17): queries Xapian read as something else are refused,
# one line naming the column, nothing on stdout.
while IFS='|' read -r query message; do
    expect_status 2 "$NEWSSEARCH" --db "$DB" -- "$query"
    [ "$(cat "$WORK/err")" = "newssearch: error: malformed query: $message" ] || fail "'$query': $(cat "$WORK/err")"
    [ ! -s "$WORK/out" ] || fail "'$query' printed to stdout: $(head -c 200 "$WORK/out")"
done <<'TABLE'
*oil|'*' only ends a word (oil* finds oil, oils, oilseed...) at column 1
ab*c|'*' only ends a word (oil* finds oil, oils, oilseed...) at column 3
oil?|'?' is not a wildcard (use '*' at the end of a word, or leave it out) at column 4
cocoa AND|'AND' has nothing after it at column 7
date:|date: needs a value at column 1
TABLE
expect_status 0 "$NEWSSEARCH" --db "$DB" -n 1 "oil*"
expect_status 2 "$NEWSSEARCH" --db "$DB" --sort size oil
expect_in "$WORK/err" "(choose relevance, newest, oldest or pickup)"
echo "ok"

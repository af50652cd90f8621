#!/usr/bin/env bash
# Saying why nothing is shown (issue 17 part 9): a timeline, a date order and
# the recency boost over articles without dates say so; a period without any
# article has no share (not 0%) in CSV and SVG; "did you mean" leaves alone a
# word that a synonym group covers.
source "$(dirname "$0")/lib.sh"
DB=$WORK/undated
mkdir -p "$WORK/text"
for n in 1 2 3; do printf 'Harbour news %s\n\nThe harbour reopened, day %s.\n' "$n" "$n" >"$WORK/text/$n.txt"; done
expect_status 0 "$NEWSINDEX" --db "$DB" "$WORK/text"

NOTE="no matching article has a date: the timeline is empty"
expect_status 0 "$NEWSSEARCH" --db "$DB" --timeline --timeline-svg "$WORK/empty.svg" harbour
expect_in "$WORK/out" "note: $NOTE"
if grep -q "^timeline" "$WORK/out"; then fail "an empty timeline was drawn: $(cat "$WORK/out")"; fi
expect_in "$WORK/empty.svg" "no matching article has a date"
expect_status 0 "$NEWSSEARCH" --db "$DB" --format json --timeline harbour
expect_in "$WORK/out" "\"notes\":[\"$NOTE\"]"
expect_status 0 "$NEWSSEARCH" --db "$DB" --format csv --timeline harbour
expect_in "$WORK/err" "newssearch: note: $NOTE"
[ "$(wc -l <"$WORK/err")" -eq 1 ] || fail "expected one line on stderr: $(cat "$WORK/err")"

# Plain text has no source or topic: the facets say so rather than stay blank.
expect_status 0 "$NEWSSEARCH" --db "$DB" -n 0 --facet source,topic harbour
expect_in "$WORK/out" "  source  (no matching article has one)"
expect_in "$WORK/out" "  topic   (no matching article has one)"

for order in "--sort newest" "--sort oldest" "--recency 30d"; do
    # shellcheck disable=SC2086 # the order is two words
    expect_status 0 "$NEWSSEARCH" --db "$DB" $order harbour
    expect_in "$WORK/out" "note: no matching article has a date: ${order% 30d} cannot order them (they are in order of relevance)"
done
expect_status 1 "$NEWSSEARCH" --db "$DB" --sort newest nowhere  # no match: no note, exit 1 as before
if grep -q "note:" "$WORK/out"; then fail "a note without matches: $(cat "$WORK/out")"; fi

# Articles in January and June 2021: February to May have none at all, so no share.
DATED=$WORK/dated
printf '%s\n' '{"id": "jan", "body": "harbour in winter", "date": "2021-01-05"}' \
    '{"id": "jun", "body": "harbour in summer", "date": "2021-06-05"}' \
    '{"id": "jun2", "body": "a summer fair", "date": "2021-06-07"}' >"$WORK/dated.jsonl"
expect_status 0 "$NEWSINDEX" --db "$DATED" "$WORK/dated.jsonl"
expect_status 0 "$NEWSSEARCH" --db "$DATED" --format csv -n 0 --timeline --timeline-svg "$WORK/gaps.svg" harbour
expect_in "$WORK/out" $'2021-01,1,1,1.000000\r'
expect_in "$WORK/out" $'2021-03,0,0,\r'
expect_in "$WORK/out" $'2021-06,1,2,0.500000\r'
expect_in "$WORK/gaps.svg" 'data-period="2021-03" data-count="0" data-all="0" x='
expect_in "$WORK/gaps.svg" '<title>2021-03: 0</title>'
if grep -q 'data-share="0.000000"' "$WORK/gaps.svg"; then fail "a period without articles has a 0% share in the SVG"; fi

# "Vietnam" is rare and "Vienna" common, but the group "Vietnam, Viet Nam"
# already finds Viet Nam: no "Did you mean: Vienna".
SPELT=$WORK/spelt
{
    for n in $(seq 25); do echo "{\"id\": \"v$n\", \"body\": \"Vienna talks, round $n.\"}"; done
    echo '{"id": "n1", "body": "Troops landed in Viet Nam."}'
    echo '{"id": "n2", "body": "Viet Nam holds an election on Sunday."}'
    echo '{"id": "n3", "body": "The rice harvest of Viet Nam grew by a tenth."}'
    echo '{"id": "vn", "body": "Ships left Vietnam for Manila."}'
} >"$WORK/spelt.jsonl"
echo "Vietnam, Viet Nam" >"$WORK/synonyms.txt"
expect_status 0 "$NEWSINDEX" --db "$SPELT" "$WORK/spelt.jsonl"
expect_status 0 "$NEWSSEARCH" --db "$SPELT" Vietnam
expect_in "$WORK/out" "Did you mean: Vienna"  # without the group, the suggestion stands
expect_status 0 "$NEWSINDEX" --db "$SPELT" --synonyms "$WORK/synonyms.txt" "$WORK/spelt.jsonl"
expect_status 0 "$NEWSSEARCH" --db "$SPELT" Vietnam
expect_in "$WORK/out" "4 matches"
if grep -q "Did you mean" "$WORK/out"; then fail "a suggestion for a word its synonym group covers: $(head -n 2 "$WORK/out")"; fi
echo "ok"

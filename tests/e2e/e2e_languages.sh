#!/usr/bin/env bash
# Every language of a news archive: tests/testdata/languages/news.jsonl holds
# one article per language, written for the test, with no "lang" field. Each
# id starts with the article's language code, so the expected languages come
# from the fixture, not from the program.
source "$(dirname "$0")/lib.sh"
FIXTURE=$SOURCE_DIR/tests/testdata/languages/news.jsonl
DB=$WORK/db

# Part 1: the language of each article is detected, stored and shown.
expect_status 0 "$NEWSINDEX" --db "$DB" "$FIXTURE"
for code in $(grep -o '"id": "[a-z]*-' "$FIXTURE" | sed 's/.*"\([a-z]*\)-$/\1/'); do
    expect_status 0 "$NEWSSEARCH" --db "$DB" --format json "lang:$code"
    expect_in "$WORK/out" "\"total\":1,"
    expect_in "$WORK/out" "\"id\":\"$code-1\""
    expect_in "$WORK/out" "\"lang\":\"$code\""
done
expect_status 0 "$NEWSSEARCH" --db "$DB" --facet lang -n 0 'lang:de OR lang:ru'
expect_in "$WORK/out" "lang  de 1  ru 1"
expect_status 0 "$NEWSSEARCH" --db "$DB" lang:de
expect_in "$WORK/out" "id de-1  lang de  score"

# --lang names the language of articles whose input names none...
expect_status 0 "$NEWSINDEX" --db "$WORK/all-de" --lang de-AT "$FIXTURE"
rows=$(grep -c . "$FIXTURE")
expect_status 0 "$NEWSSEARCH" --db "$WORK/all-de" --format json -n 0 lang:de
expect_in "$WORK/out" "\"total\":$rows,"
# ... but an article's own language wins.
printf '{"id": "x", "lang": "fr", "body": "Die Regierung in Wien kündigte neue Gesetze an."}\n' >"$WORK/own.jsonl"
expect_status 0 "$NEWSINDEX" --db "$WORK/own" --lang de "$WORK/own.jsonl"
expect_status 0 "$NEWSSEARCH" --db "$WORK/own" --format json lang:fr
expect_in "$WORK/out" "\"total\":1,"
expect_status 2 "$NEWSINDEX" --db "$WORK/bad" --lang German "$FIXTURE"
expect_in "$WORK/err" "newsindex: error: --lang: 'German' is not an ISO 639-1 language code"
# Parts 2 to 5: each query of queries.tsv finds its article first (stemmed in
# the article's language, folded, segmented into words), or nothing ("-"),
# with no --lang: the query is read in the languages of the database.
while IFS=$'\t' read -r query id; do
    if [ "$id" = "-" ]; then
        expect_status 1 "$NEWSSEARCH" --db "$DB" --format json "$query"
    else
        expect_status 0 "$NEWSSEARCH" --db "$DB" --format json "$query"
        expect_in "$WORK/out" "\"rank\":1,\"id\":\"$id\""
    fi
done <"$SOURCE_DIR/tests/testdata/languages/queries.tsv"

# --lang reads the query in one language only: German finds "Wahlen" by
# "wahlen"'s stem, English stems "wahlen" to itself, which no article has.
expect_status 0 "$NEWSSEARCH" --db "$DB" --lang de wahlen
expect_in "$WORK/out" "id de-1"
expect_status 1 "$NEWSSEARCH" --db "$DB" --lang en wahlen
echo "ok"

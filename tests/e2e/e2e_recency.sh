#!/usr/bin/env bash
# --recency: among equally relevant articles the newest comes first, and the
# boost fades with age: a much better match that is a few months older still
# wins over a weak fresh one with a short half-life, not with a long one.
source "$(dirname "$0")/lib.sh"
DB=$WORK/db
cat >"$WORK/news.jsonl" <<'JSON'
{"id":"old","date":"2022-01-10","body":"Harbour strike talks resumed in the port city."}
{"id":"mid","date":"2022-03-01","body":"Harbour strike talks resumed in the port city."}
{"id":"new","date":"2022-03-30","body":"Harbour strike talks resumed in the port city."}
{"id":"strong","date":"2021-12-01","body":"Harbour strike: harbour workers strike again, the harbour strike spreads along the harbour."}
{"id":"weak","date":"2022-04-01","body":"A harbour mentioned once among many other words about weather, markets, sport and culture this week."}
JSON
expect_status 0 "$NEWSINDEX" --db "$DB" "$WORK/news.jsonl"

ids() { grep -o '"id":"[a-z]*"' "$WORK/out" | sed 's/"id":"\(.*\)"/\1/' | tr '\n' ' '; }

# The three identical stories: newest first with a boost, in any order without.
expect_status 0 "$NEWSSEARCH" --db "$DB" --format json --no-collapse --recency 30d 'talks resumed'
[ "$(ids)" = "new mid old " ] || fail "with --recency 30d: $(ids)"

# A short half-life lets a fresh weak match overtake an old strong one only
# when the old one is many half-lives back; a long half-life does not. (BM25:
# on five articles that all hold the word, PL2 does not rank by its count.)
expect_status 0 "$NEWSSEARCH" --db "$DB" --format json --no-collapse --weighting bm25 --recency 3650d harbour
[ "$(ids | cut -d' ' -f1)" = strong ] || fail "with --recency 3650d the best match should lead: $(ids)"
expect_status 0 "$NEWSSEARCH" --db "$DB" --format json --no-collapse --weighting bm25 --recency 7d harbour
[ "$(ids | cut -d' ' -f1)" = weak ] || fail "with --recency 7d the newest match should lead: $(ids)"

# Date order ignores the boost: --recency is for relevance order only.
expect_status 0 "$NEWSSEARCH" --db "$DB" --format json --no-collapse --weighting bm25 --sort oldest --recency 7d harbour
[ "$(ids | cut -d' ' -f1)" = strong ] || fail "--sort oldest: $(ids)"
echo ok

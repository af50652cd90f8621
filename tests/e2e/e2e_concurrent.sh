#!/usr/bin/env bash
# Concurrent searches: newssearch runs in a loop while newsindex replaces
# every article again and again. No search fails, every search sees every
# article exactly once, and no hit mixes two editions of an article.
source "$(dirname "$0")/lib.sh"
DB=$WORK/db
ARTICLES=400

# Two editions of the same articles; the edition's name is in the title, the
# source and the body of each.
for edition in alpha beta; do
    awk -v n=$ARTICLES -v e=$edition 'BEGIN {
        for (i = 1; i <= n; i++)
            printf "{\"id\":\"%d\",\"title\":\"Story %d %s\",\"source\":\"%s\",\"body\":\"The %s edition of story %d.\"}\n", i, i, e, e, e, i
    }' >"$WORK/$edition.jsonl"
done
expect_status 0 "$NEWSINDEX" --db "$DB" "$WORK/alpha.jsonl"

# Small commits, so that many revisions come and go under the searches.
(for round in 1 2 3 4 5 6; do
    for edition in beta alpha; do
        "$NEWSINDEX" --db "$DB" --commit-every 50 "$WORK/$edition.jsonl" >/dev/null || exit 1
    done
done) &
writer=$!
trap 'kill "$writer" 2>/dev/null; wait "$writer" 2>/dev/null; rm -rf "$WORK"' EXIT

searches=0
while kill -0 "$writer" 2>/dev/null; do
    # Every edition of a story is its own article here: no collapsing of copies.
    expect_status 0 "$NEWSSEARCH" --db "$DB" --format json -n 20 --no-collapse story
    expect_in "$WORK/out" "\"total\":$ARTICLES,"
    hits=$(sed 's/{"rank"/\n&/g' "$WORK/out" | grep -c '"rank"')
    [ "$hits" -eq 20 ] || fail "expected 20 hits, got $hits"
    mixed=$(sed 's/{"rank"/\n&/g' "$WORK/out" | grep '"rank"' | grep alpha | grep -c beta)
    [ "$mixed" -eq 0 ] || fail "$mixed hits mix two editions: $(head -c 800 "$WORK/out")"
    searches=$((searches + 1))
done
wait "$writer" || fail "the writer failed"
[ "$searches" -gt 0 ] || fail "no search ran while the index was written"
echo "$searches searches while writing; ok"

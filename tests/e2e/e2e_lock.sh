#!/usr/bin/env bash
# One writer: a second newsindex on the same database fails at once, naming
# the one that holds it, and the first finishes undisturbed.
source "$(dirname "$0")/lib.sh"
DB=$WORK/db
SGM=$SOURCE_DIR/corpus/sample/reuters21578/reut2-000.sgm
STORIES=$(grep -c '<REUTERS ' "$SGM")

# The same file three times keeps the first writer busy long enough to catch
# it; SIGSTOP holds it there while the second one tries.
"$NEWSINDEX" --db "$DB" --commit-every 100 "$SGM" "$SGM" "$SGM" >"$WORK/first.out" 2>&1 &
first=$!
for _ in $(seq 400); do
    [ -e "$DB/gazette-writer" ] && break
    sleep 0.01
done
kill -STOP "$first" || fail "the first newsindex ended before it could be caught"

# A hang guard, not a timing assertion: waiting for the lock would never end.
expect_status 2 timeout 60 "$NEWSINDEX" --db "$DB" "$SOURCE_DIR/corpus/sample/000_5d398ca54bc80a14.txt"
expect_in "$WORK/err" "newsindex: error: database '$DB' is locked by another writer: newsindex (pid $first,"
[ "$(wc -l <"$WORK/err")" -eq 1 ] || fail "more than one line on stderr: $(cat "$WORK/err")"
expect_status 2 timeout 60 "$NEWSINDEX" --db "$DB" --delete 1
expect_in "$WORK/err" "is locked by another writer"

kill -CONT "$first"
wait "$first" || fail "the first newsindex failed: $(cat "$WORK/first.out")"
[ "$(doc_count "$DB")" = "$STORIES" ] || fail "expected $STORIES documents, xapian-delve says $(doc_count "$DB")"
expect_status 0 "$NEWSINDEX" --db "$DB" --check
expect_in "$WORK/out" "checked $STORIES articles: no problems"
echo "ok"

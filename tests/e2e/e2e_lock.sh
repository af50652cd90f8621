#!/usr/bin/env bash
# One writer: a second newsindex on the same database fails at once, naming
# the one that holds it, and the first finishes undisturbed; gazette's own
# lock (common/writer_lock.h) alone is enough to turn it away.
source "$(dirname "$0")/lib.sh"
DB=$WORK/db
SGM=$SOURCE_DIR/corpus/sample/reuters21578/reut2-000.sgm
STORIES=$(grep -c '<REUTERS ' "$SGM")

# The first writer is held (SIGSTOP) while the second one tries.
hold_write_lock "$DB" "$SGM"
first=$WRITER

# A hang guard, not a timing assertion: waiting for the lock would never end.
expect_status 2 timeout 60 "$NEWSINDEX" --db "$DB" "$SOURCE_DIR/corpus/sample/000_5d398ca54bc80a14.txt"
expect_in "$WORK/err" "newsindex: error: database '$DB' is locked by another writer: newsindex (pid $first,"
[ "$(wc -l <"$WORK/err")" -eq 1 ] || fail "more than one line on stderr: $(cat "$WORK/err")"
expect_status 2 timeout 60 "$NEWSINDEX" --db "$DB" --delete 1
expect_in "$WORK/err" "is locked by another writer"

kill -CONT "$first"
wait "$first" || fail "the first newsindex failed: $(cat "$WORK/writer.out")"

# Gazette's own lock alone turns a writer away (a parallel build holds only
# that one while it opens the folder it exchanged in): here flock(1) holds it.
expect_status 2 timeout 60 flock -n "$DB/gazette-lock" "$NEWSINDEX" --db "$DB" "$SGM"
expect_in "$WORK/err" "newsindex: error: database '$DB' is locked by another writer: another process;"

[ "$(article_count "$DB")" = "$STORIES" ] || fail "expected $STORIES documents, xapian-delve says $(article_count "$DB")"
expect_status 0 "$NEWSINDEX" --db "$DB" --check
expect_in "$WORK/out" "checked $STORIES articles: no problems"
echo "ok"

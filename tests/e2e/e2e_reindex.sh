#!/usr/bin/env bash
# Indexing the same input twice replaces articles instead of duplicating them.
source "$(dirname "$0")/lib.sh"
DB=$WORK/db
SAMPLE=$SOURCE_DIR/corpus/sample

for run in 1 2; do
    expect_status 0 "$NEWSINDEX" --db "$DB" "$SAMPLE/000_5d398ca54bc80a14.txt" "$SAMPLE/reuters21578/reut2-000.sgm"
done
expect_in "$WORK/out" "indexed 1001 articles (0 new, 1001 replaced)"
[ "$(article_count "$DB")" = 1001 ] || fail "expected 1001 documents, xapian-delve says $(article_count "$DB")"
echo "ok"

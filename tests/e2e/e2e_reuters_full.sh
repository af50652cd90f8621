#!/usr/bin/env bash
# All of Reuters-21578 (../shared/data): every one of the 21,578 stories is
# indexed, the one invalid byte is repaired, nothing is skipped.
source "$(dirname "$0")/lib.sh"
require_shared_data reuters21578
DB=$WORK/db

expect_status 0 "$NEWSINDEX" --db "$DB" "$SHARED_DATA"/reuters21578/*.sgm
expect_in "$WORK/out" "indexed 21578 articles (21578 new, 0 replaced), skipped 0"
expect_in "$WORK/err" "reut2-017.sgm:"
[ "$(doc_count "$DB")" = 21578 ] || fail "expected 21578 documents"

expect_status 0 "$NEWSSEARCH" --db "$DB" --format json -n 1 "id:17980"
expect_in "$WORK/out" "\"id\":\"17980\""
echo "ok"

#!/usr/bin/env bash
# The BBC collection (../shared/data/bbc): every story file is one article,
# duplicates included (they are separate stories); the README and checksum
# list are not articles; the one Latin-1 pound sign is repaired.
source "$(dirname "$0")/lib.sh"
require_shared_data bbc
DB=$WORK/db

stories=$(find "$SHARED_DATA/bbc" -mindepth 2 -name '*.txt' | wc -l)
expect_status 0 "$NEWSINDEX" --db "$DB" "$SHARED_DATA/bbc"
expect_in "$WORK/out" "indexed $stories articles ($stories new, 0 replaced), skipped 0"
[ "$(article_count "$DB")" = "$stories" ] || fail "expected $stories documents"
expect_in "$WORK/err" "sport/199.txt: warning: repaired 1 invalid UTF-8 byte"
expect_in "$WORK/err" "README.TXT: warning: not read"

expect_status 0 "$NEWSSEARCH" --db "$DB" --format json -n 1 "id:sport/199.txt"
expect_in "$WORK/out" "$(head -n 1 "$SHARED_DATA/bbc/sport/199.txt")"
# The stored body has the pound sign as UTF-8.
docid=$(xapian-delve -1 -t "Qsport/199.txt" "$DB" | tail -n 1)
xapian-delve -d -r "$docid" "$DB" >"$WORK/data"
expect_in "$WORK/data" "a £15.8m signing"
echo "ok"

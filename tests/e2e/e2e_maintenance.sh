#!/usr/bin/env bash
# Updates and deletes: a changed article replaces the old one, --delete and
# --delete-from remove by id, --prune removes the articles of deleted files.
source "$(dirname "$0")/lib.sh"
DB=$WORK/db
ARCHIVE=$WORK/archive
mkdir -p "$ARCHIVE/1987"
cp "$SOURCE_DIR/corpus/sample/reuters21578/reut2-000.sgm" "$ARCHIVE/1987/"
STORIES=$(grep -c '<REUTERS ' "$ARCHIVE/1987/reut2-000.sgm")
printf 'Coffee harvest\n\nGrowers expect a record coffee crop.\n' >"$ARCHIVE/harvest.txt"

expect_status 0 "$NEWSINDEX" --db "$DB" "$ARCHIVE"
[ "$(article_count "$DB")" = $((STORIES + 1)) ] || fail "expected $((STORIES + 1)) documents"

# A changed article replaces the old one: its old words no longer find it.
printf 'Cocoa harvest\n\nGrowers expect a record cocoa crop.\n' >"$ARCHIVE/harvest.txt"
expect_status 0 "$NEWSINDEX" --db "$DB" "$ARCHIVE/harvest.txt"
expect_in "$WORK/out" "(0 new, 1 replaced)"
expect_status 1 "$NEWSSEARCH" --db "$DB" 'id:harvest.txt AND title:coffee'
expect_status 0 "$NEWSSEARCH" --db "$DB" --format json 'id:harvest.txt AND title:cocoa'
expect_in "$WORK/out" '"total":1,'

# --delete and --delete-from, with an id that is not there.
printf '3\n\n4\n' >"$WORK/ids"
expect_status 0 "$NEWSINDEX" --db "$DB" --delete 1 2 no-such-id
expect_in "$WORK/out" "removed 2 articles, 1 id not in the database: no-such-id"
expect_status 0 "$NEWSINDEX" --db "$DB" --delete-from "$WORK/ids" 5
expect_in "$WORK/out" "removed 3 articles"
for id in 1 2 3 4 5; do
    expect_status 1 "$NEWSSEARCH" --db "$DB" "id:$id"
done
expect_status 0 "$NEWSSEARCH" --db "$DB" "id:6"
[ "$(article_count "$DB")" = $((STORIES + 1 - 5)) ] || fail "expected $((STORIES + 1 - 5)) documents"

# --prune after a file is deleted, run from another folder with a relative root.
rm "$ARCHIVE/1987/reut2-000.sgm"
(cd "$WORK" && "$NEWSINDEX" --db "$DB" --prune archive) >"$WORK/out" 2>"$WORK/err" || fail "prune failed: $(cat "$WORK/err")"
expect_in "$WORK/out" "removed $((STORIES - 5)) articles from 1 missing files"
[ "$(article_count "$DB")" = 1 ] || fail "expected only harvest.txt to be left"
expect_status 2 "$NEWSINDEX" --db "$DB" --prune "$WORK/unmounted"
expect_in "$WORK/err" "nothing pruned"
expect_status 0 "$NEWSINDEX" --db "$DB" --check
expect_in "$WORK/out" "checked 1 articles: no problems"

# Issue 18: --delete and --prune on a --db that does not exist created an
# empty database there; they refuse, and create nothing.
expect_status 2 "$NEWSINDEX" --db "$WORK/no-such-db" --delete 1
expect_in "$WORK/err" "no database at '$WORK/no-such-db'"
expect_status 2 "$NEWSINDEX" --db "$WORK/no-such-db" --prune "$WORK"
expect_in "$WORK/err" "no database at '$WORK/no-such-db'"
[ "$(wc -l <"$WORK/err")" = 1 ] || fail "expected one line: $(cat "$WORK/err")"
[ ! -e "$WORK/no-such-db" ] || fail "--delete or --prune created $WORK/no-such-db"

# Options that do not go together.
expect_status 2 "$NEWSINDEX" --db "$DB" --delete --prune x
expect_in "$WORK/err" "cannot be combined"
expect_status 2 "$NEWSINDEX" --db "$DB" --delete
expect_in "$WORK/err" "no ID given"
echo "ok"

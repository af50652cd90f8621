#!/usr/bin/env bash
# A full disk: indexing onto a small tmpfs ends with one clear line, and the
# database still opens with everything committed before, whole. Mounting needs
# root: the test is skipped (exit 77) without it.
source "$(dirname "$0")/lib.sh"
DISK=$WORK/disk
mkdir "$DISK"
[ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=3m gazette-test "$DISK" 2>/dev/null ||
    { echo "SKIP: cannot mount a tmpfs (needs root)"; exit 77; }
trap 'umount "$DISK"; rm -rf "$WORK"' EXIT
DB=$DISK/db
SGM=$SOURCE_DIR/corpus/sample/reuters21578/reut2-000.sgm
STORIES=$(grep -c '<REUTERS ' "$SGM")

# A parallel build fills the disk with its chunk databases: one line, and the
# new database stays empty and whole.
expect_status 2 "$NEWSINDEX" --db "$DB" --threads 2 "$SGM"
expect_in "$WORK/err" "newsindex: error: cannot write to database '$DB': the disk is full"
[ "$(wc -l <"$WORK/err")" -eq 1 ] || fail "more than one line on stderr: $(cat "$WORK/err")"
[ "$(article_count "$DB")" = 0 ] || fail "the parallel build left documents behind"
[ ! -e "$DB/gazette-build" ] || fail "the chunk databases were left behind"
rm -rf "$DB"

# The sample's 1,000 stories take about 6 MB: the disk fills after a commit or
# two (commits come as batches fill in a serial build).
expect_status 2 "$NEWSINDEX" --db "$DB" --threads 1 --commit-every 200 "$SGM"
expect_in "$WORK/err" "newsindex: error: cannot write to database '$DB': the disk is full"
[ "$(wc -l <"$WORK/err")" -eq 1 ] || fail "more than one line on stderr: $(cat "$WORK/err")"
committed=$(article_count "$DB")
[ "$committed" -gt 0 ] && [ "$committed" -lt "$STORIES" ] && [ $((committed % 200)) -eq 0 ] ||
    fail "expected whole commits of 200 of the $STORIES stories, found $committed documents"
expect_in "$WORK/err" "it keeps what was committed before, $committed articles of this run"
expect_status 0 "$NEWSINDEX" --db "$DB" --check
expect_in "$WORK/out" "checked $committed articles: no problems"
expect_status 0 "$NEWSSEARCH" --db "$DB" --format json said
echo "ok"

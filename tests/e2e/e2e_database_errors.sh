#!/usr/bin/env bash
# Issue 18: newsindex refuses what it cannot do before it writes anything,
# and says what is wrong with a database in its own words (never Xapian's
# text); each in one line, exit 2.
source "$(dirname "$0")/lib.sh"
SAMPLE=$SOURCE_DIR/corpus/sample/reuters21578/reut2-000.sgm

# one_line: stderr is one line.
one_line() {
    [ "$(wc -l <"$WORK/err")" -eq 1 ] || fail "more than one line on stderr: $(cat "$WORK/err")"
}

# A missing input leaves no database behind (it left an empty one).
expect_status 2 "$NEWSINDEX" --db "$WORK/x.db" "$WORK/nonexistent"
expect_in "$WORK/err" "newsindex: error: $WORK/nonexistent: no such file or folder"
one_line
[ ! -e "$WORK/x.db" ] || fail "a missing input left $WORK/x.db behind"
expect_status 2 "$NEWSINDEX" --db "$WORK/x.db" --shards 2 "$WORK/nonexistent"
[ ! -e "$WORK/x.db" ] || fail "a missing input left a sharded $WORK/x.db behind"

# A folder of other files, and a file, are not databases: refused, untouched.
mkdir "$WORK/photos"
echo jpeg >"$WORK/photos/cat.jpg"
expect_status 2 "$NEWSINDEX" --db "$WORK/photos" "$SAMPLE"
expect_in "$WORK/err" "newsindex: error: '$WORK/photos' holds other files (cat.jpg) and no database: name a new or empty folder"
one_line
[ "$(ls "$WORK/photos")" = cat.jpg ] || fail "newsindex wrote into $WORK/photos: $(ls "$WORK/photos")"
expect_status 2 "$NEWSINDEX" --db "$WORK/photos" --shards 2 "$SAMPLE"
[ "$(ls "$WORK/photos")" = cat.jpg ] || fail "newsindex --shards wrote into $WORK/photos: $(ls "$WORK/photos")"
expect_status 2 "$NEWSINDEX" --db "$WORK/photos/cat.jpg" "$SAMPLE"
expect_in "$WORK/err" "newsindex: error: '$WORK/photos/cat.jpg' is a file, not a database folder"
# --check on a file, an empty folder, nothing: our words, not Xapian's ("Bad line").
expect_status 2 "$NEWSINDEX" --db "$WORK/photos/cat.jpg" --check
expect_in "$WORK/err" "newsindex: error: '$WORK/photos/cat.jpg' is a file, not a database"
one_line
expect_status 2 "$NEWSINDEX" --db "$WORK/photos" --check
expect_in "$WORK/err" "newsindex: error: '$WORK/photos' holds no Xapian database"
expect_status 2 "$NEWSINDEX" --db "$WORK/nowhere" --check
expect_in "$WORK/err" "newsindex: error: no database at '$WORK/nowhere'"
[ ! -e "$WORK/nowhere" ] || fail "--check created $WORK/nowhere"

# --check on a sharded archive checks every shard (it printed Xapian's
# "Directory does not contain a Xapian database").
expect_status 0 "$NEWSINDEX" --db "$WORK/archive" --shards 3 "$SAMPLE"
expect_status 0 "$NEWSINDEX" --db "$WORK/archive" --check
expect_in "$WORK/out" "checked $(grep -c '<REUTERS ' "$SAMPLE") articles: no problems"

# A read-only database: "not writable" and why (it said "locked by another
# writer: another process"); --check works. Needs root to mount a tmpfs.
DISK=$WORK/disk
mkdir "$DISK"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=20m gazette-ro "$DISK" 2>/dev/null; then
    trap 'umount "$DISK"; rm -rf "$WORK"' EXIT
    expect_status 0 "$NEWSINDEX" --db "$DISK/db" "$SAMPLE"
    mount -o remount,ro "$DISK" || fail "cannot remount $DISK read-only"
    expect_status 2 "$NEWSINDEX" --db "$DISK/db" "$SAMPLE"
    expect_in "$WORK/err" "newsindex: error: database '$DISK/db' is not writable: Read-only file system"
    one_line
    expect_status 0 "$NEWSINDEX" --db "$DISK/db" --check
    expect_in "$WORK/out" "articles: no problems; not done: Xapian's check of the tables, which needs write access (Read-only file system)"
else
    echo "not checked: a read-only database (mounting a tmpfs needs root)"
fi
echo "ok"

#!/usr/bin/env bash
# A parallel build keeps other writers out while it puts the merged database
# in place: stopped (under gdb) where it has closed the old database, which
# gives up Xapian's lock, and not yet opened the new one, it still holds
# gazette's own lock of the new folder (common/writer_lock.h), so a second
# newsindex is turned away, naming it; the build then finishes whole.
# Skipped where gdb is absent or may not trace.
source "$(dirname "$0")/lib.sh"
command -v gdb >/dev/null || { echo "SKIP: gdb is absent"; exit 77; }
# LeakSanitizer cannot run under ptrace (scripts/sanitize builds with it):
# the stopped build would end in its fatal error, not in its own exit.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
DB=$WORK/db
SAMPLE=$SOURCE_DIR/corpus/sample/reuters21578/reut2-000.sgm
STORIES=$(grep -c '<REUTERS ' "$SAMPLE")

# open_for_writing's first call opens the empty database; its second, in the
# merge, the folder exchanged in.
timeout 300 gdb -q -batch -ex 'break gazette::open_for_writing' -ex 'ignore 1 1' -ex run -ex 'backtrace 2' \
    -ex "shell \"$NEWSINDEX\" --db \"$DB\" \"$SAMPLE\" >\"$WORK/second.out\" 2>\"$WORK/second.err\"; echo \$? >\"$WORK/second.status\"" \
    -ex continue --args "$NEWSINDEX" --db "$DB" --threads 2 "$SAMPLE" >"$WORK/gdb.out" 2>&1
if [ ! -e "$WORK/second.status" ]; then
    grep -qiE 'ptrace|not permitted' "$WORK/gdb.out" && { echo "SKIP: gdb may not trace here"; exit 77; }
    fail "the build never reached its second open_for_writing: $(tail -5 "$WORK/gdb.out")"
fi
grep -q '^#1 .*gazette::IndexWriter::merge_into_empty' "$WORK/gdb.out" ||
    fail "stopped outside the merge: $(grep -A3 '^#0 ' "$WORK/gdb.out")"
[ "$(cat "$WORK/second.status")" = 2 ] ||
    fail "a second newsindex during the merge exited $(cat "$WORK/second.status"): $(cat "$WORK/second.err")"
expect_in "$WORK/second.err" "newsindex: error: database '$DB' is locked by another writer: newsindex (pid "
grep -q 'exited normally' "$WORK/gdb.out" || fail "the parallel build did not finish: $(tail -5 "$WORK/gdb.out")"
expect_status 0 "$NEWSINDEX" --db "$DB" --check
expect_in "$WORK/out" "checked $STORIES articles: no problems"
echo "ok"

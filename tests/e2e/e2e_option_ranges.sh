#!/usr/bin/env bash
# Issue 18: numbers out of range are refused with one line naming the option
# and the range, exit 2, before anything is written; threads the machine
# cannot give are one line too, and leave nothing behind.
source "$(dirname "$0")/lib.sh"
SAMPLE=$SOURCE_DIR/corpus/sample/reuters21578/reut2-000.sgm

# one_line: stderr is one line.
one_line() {
    [ "$(wc -l <"$WORK/err")" -eq 1 ] || fail "more than one line on stderr: $(cat "$WORK/err")"
}

# Numbers out of range: one line naming the option and the range, exit 2,
# nothing written (--shards=-1 created shard folders until stopped).
for option in --shards=-1 --shards=0 --shards=1000 --threads=-1 --threads=2000 --threads=two --commit-every=0; do
    expect_status 2 "$NEWSINDEX" --db "$WORK/range.db" "$option" "$SAMPLE"
    name=${option%%=*}
    expect_in "$WORK/err" "newsindex: error: $name: '${option#*=}' is not a whole number from "
    one_line
    [ ! -e "$WORK/range.db" ] || fail "$option left $WORK/range.db behind"
done
expect_status 2 "$NEWSINDEX" --db "$WORK/range.db" --threads=-1 "$SAMPLE"
expect_in "$WORK/err" "newsindex: error: --threads: '-1' is not a whole number from 0 to 256"
expect_status 2 "$NEWSINDEX" --db "$WORK/range.db" --shards=-1 "$SAMPLE"
expect_in "$WORK/err" "newsindex: error: --shards: '-1' is not a whole number from 1 to 100"

# Threads the machine cannot give (256 stacks do not fit in 600 MB): one
# line, and no gazette-build/ left behind (it aborted with "terminate called
# without an active exception").
if [ "${SANITIZED:-OFF}" != ON ]; then
    ( ulimit -v 600000; exec "$NEWSINDEX" --db "$WORK/threads.db" --threads 256 "$SAMPLE" >"$WORK/out" 2>"$WORK/err" )
    status=$?
    [ "$status" -eq 2 ] || fail "exit $status under a memory limit: $(cat "$WORK/err")"
    expect_in "$WORK/err" "newsindex: error: cannot start 256 worker threads ("
    expect_in "$WORK/err" "): give fewer with --threads"
    one_line
    [ ! -e "$WORK/threads.db/gazette-build" ] || fail "gazette-build/ left behind"
fi

echo "ok"

#!/usr/bin/env bash
# The progress line: on a terminal (script(1) gives one) it shows articles
# and megabytes and is cleared at the end; with --quiet, or when standard
# error is not a terminal, there is none.
source "$(dirname "$0")/lib.sh"
INPUT=$SOURCE_DIR/corpus/sample/reuters21578/reut2-000.sgm

script -qec "$NEWSINDEX --db $WORK/tty $INPUT" /dev/null >"$WORK/tty.out" </dev/null
grep -qE '[0-9] articles  [0-9.]+ / 1\.3 MB' "$WORK/tty.out" || fail "no progress line: $(head -c 300 "$WORK/tty.out")"
expect_in "$WORK/tty.out" $'\033[K'
expect_in "$WORK/tty.out" "indexed 1000 articles"

script -qec "$NEWSINDEX --db $WORK/quiet --quiet $INPUT" /dev/null >"$WORK/quiet.out" </dev/null
expect_in "$WORK/quiet.out" "indexed 1000 articles"
if grep -q " MB" "$WORK/quiet.out"; then fail "progress despite --quiet"; fi

expect_status 0 "$NEWSINDEX" --db "$WORK/pipe" "$INPUT"
if grep -q " MB" "$WORK/err"; then fail "progress on a pipe: $(head -c 300 "$WORK/err")"; fi
echo "ok"

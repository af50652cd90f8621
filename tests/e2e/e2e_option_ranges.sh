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

# newssearch: every count, offset and weight in its range, refused before
# the database is opened, and a spec refuses the same value in the same words
# (issue 17: -n -1 listed every match, --b 7 and --lang english were taken).
for option in --limit=-1 --offset=-5 --context=-1 --top-terms=-1 --b=7 --k1=-3 --feedback-weight=5 \
    --feedback-docs=-1 --title-boost=-1; do
    expect_status 2 "$NEWSSEARCH" --db "$WORK/none.db" "$option" oil
    expect_in "$WORK/err" "newssearch: error: ${option%%=*}: '${option#*=}' is not a "
    expect_in "$WORK/err" " number from 0 to "
    one_line
done
expect_status 2 "$NEWSSEARCH" --db "$WORK/none.db" -n -1 oil
expect_in "$WORK/err" "newssearch: error: --limit: '-1' is not a whole number from 0 to 100000"
expect_status 2 "$NEWSSEARCH" --db "$WORK/none.db" --b 7 oil
expect_in "$WORK/err" "newssearch: error: --b: '7' is not a number from 0 to 1"
echo '{"query": "oil", "options": {"ranking": {"b": 7}}}' >"$WORK/b.json"
expect_status 2 "$NEWSSEARCH" --db "$WORK/none.db" --spec "$WORK/b.json"
expect_in "$WORK/err" "newssearch: error: $WORK/b.json: options.ranking.b: '7' is not a number from 0 to 1"
one_line

# --lang takes what newsindex --lang takes, in both programs' same words.
# "xx" has a code's shape but names no language (it was taken, and changed
# the search).
for program in "$NEWSINDEX" "$NEWSSEARCH"; do
    for lang in english xx; do
        expect_status 2 "$program" --db "$WORK/none.db" --lang "$lang" "$SAMPLE"
        expect_in "$WORK/err" "error: --lang: '$lang' is not an ISO 639-1 language code (e.g. de)"
        one_line
    done
done

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

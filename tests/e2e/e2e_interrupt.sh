#!/usr/bin/env bash
# Ctrl-C (SIGINT) stops newsindex between two articles: it commits what it
# wrote, says how many articles that is in one line, removes its writer
# record, leaves its write lock free and exits 130; the database is whole, and running the same command
# again completes it. Serial (commits every 50 articles) and parallel (which
# commits nothing before its end) alike.
source "$(dirname "$0")/lib.sh"
SAMPLE=$SOURCE_DIR/corpus/sample/reuters21578/reut2-000.sgm
STORIES=$(grep -c '<REUTERS ' "$SAMPLE")

for threads in 1 4; do
    DB=$WORK/db-$threads
    # The sample six times over, so that the run is still reading when the
    # interrupt comes: it is heeded between two articles read. The serial run
    # gets time for a commit or two first; the parallel one reads ahead of
    # its workers, so it is interrupted at once.
    INDEX=("$NEWSINDEX" --db "$DB" --threads "$threads" --commit-every 50)
    for _ in $(seq 6); do INDEX+=("$SAMPLE"); done
    # Caught holding the lock (stopped), interrupted, let go.
    "${INDEX[@]}" >"$WORK/writer.out" 2>"$WORK/writer.err" &
    writer=$!
    for _ in $(seq 400); do
        [ -e "$DB/gazette-writer" ] && break
        sleep 0.01
    done
    [ "$threads" = 1 ] && sleep 0.2
    kill -INT "$writer"
    wait "$writer"
    status=$?
    [ "$status" = 130 ] || fail "--threads $threads: exit $status after SIGINT, expected 130: $(cat "$WORK/writer.err")"
    [ "$(wc -l <"$WORK/writer.err")" = 1 ] || fail "expected one line: $(cat "$WORK/writer.err")"
    committed=$(sed -n 's/^newsindex: interrupted: \([0-9,]*\) articles committed; run the same command again to continue$/\1/p' \
        "$WORK/writer.err" | tr -d ,)
    [ -n "$committed" ] || fail "unexpected message: $(cat "$WORK/writer.err")"
    [ ! -e "$DB/gazette-writer" ] || fail "--threads $threads: the writer record was left behind"
    flock -n "$DB/gazette-lock" true || fail "--threads $threads: the write lock is still held"
    # Interrupted in the first copy: the articles it committed are distinct.
    [ "$(article_count "$DB")" = "$committed" ] ||
        fail "--threads $threads: said $committed committed, the database holds $(article_count "$DB")"
    [ "$committed" -lt "$STORIES" ] || fail "--threads $threads: the interrupt came after the run had read everything"
    expect_status 0 "$NEWSINDEX" --db "$DB" --check
    expect_status 0 "${INDEX[@]}"
    [ "$(article_count "$DB")" = "$STORIES" ] || fail "--threads $threads: the re-run left $(article_count "$DB") articles"
    echo "--threads $threads: interrupted with $committed articles committed; the re-run completed"
done
echo "ok"

#!/usr/bin/env bash
# newsserve under a bounded load (issue 21 part 4): 8 clients with keep-alive
# connections search for 20 s (LOAD_SECONDS) while newsindex adds articles
# in small commits; not one request may fail, and the articles added are all
# found at the end, without a restart. Prints p50 and p99 (figures, not
# checked: timings belong in benchmarks), then SIGTERM must exit 0.
source "$(dirname "$0")/lib.sh"
DB=$WORK/db
SECONDS_OF_LOAD=${LOAD_SECONDS:-20}
expect_status 0 "$NEWSINDEX" --db "$DB" "$SOURCE_DIR/corpus/sample"
start_newsserve --db "$DB" --threads 4

# 10 files of 40 articles with the word "loadtest", written while the clients search.
for batch in $(seq 10); do
    awk -v b="$batch" 'BEGIN { for (i = 1; i <= 40; i++)
        printf "{\"id\":\"load-%d-%d\",\"title\":\"Load %d %d\",\"date\":\"1987-04-01\",\"body\":\"A loadtest article, batch %d.\"}\n", b, i, b, i, b }' \
        >"$WORK/load-$batch.jsonl"
done
(for batch in $(seq 10); do
    sleep "$(awk -v s="$SECONDS_OF_LOAD" 'BEGIN { print s / 12 }')"
    "$NEWSINDEX" --db "$DB" --commit-every 10 "$WORK/load-$batch.jsonl" >/dev/null 2>&1 || exit 1
done) &
writer=$!

python3 "$(dirname "$0")/load_clients.py" "$URL" 8 "$SECONDS_OF_LOAD" >"$WORK/load" 2>&1 || fail "$(cat "$WORK/load")"
cat "$WORK/load"
wait "$writer" || fail "newsindex failed while newsserve served"
status=$(http_get "/api/search?q=loadtest&collapse=0&n=0")
[ "$status" = 200 ] || fail "search after the load: $status"
expect_in "$WORK/body" '"total":400,'
stop_newsserve

#!/usr/bin/env bash
# bench/write-floor --smoke --check: the floor prototype writes, from memory,
# the very index newsindex wrote (every table file byte for byte: the same
# documents, chunks, spelling and merge), so the time it reports is the
# write path of our schema and nothing else; one row for scriptindex,
# newsindex and each variant (the timings themselves are not checked).
source "$(dirname "$0")/lib.sh"
require_shared_data reuters21578

expect_status 0 "$SOURCE_DIR/bench/write-floor" --smoke --check --build "$(dirname "$NEWSINDEX")"
STORIES=$(cat $(ls "$SHARED_DATA"/reuters21578/*.sgm | head -2) | grep -c '<REUTERS ')
expect_in "$WORK/out" "$STORIES articles"
for row in scriptindex newsindex 'floor full' 'floor no-Z' 'floor no-XH' 'floor no-title-positions' \
    'floor no-positions'; do
    expect_in "$WORK/out" "$row "
done
echo "ok"

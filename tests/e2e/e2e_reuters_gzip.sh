#!/usr/bin/env bash
# All of Reuters-21578 gzipped gives the same database as the plain files: the same
# documents, terms, frequencies, values and stored fields (the stored file
# name aside, which names the .gz file, and the database UUID).
source "$(dirname "$0")/lib.sh"
require_shared_data reuters21578
mkdir "$WORK/plain" "$WORK/gzipped"
cp "$SHARED_DATA"/reuters21578/*.sgm "$WORK/plain/"
for file in "$WORK"/plain/*.sgm; do gzip -c "$file" >"$WORK/gzipped/$(basename "$file").gz"; done

expect_status 0 "$NEWSINDEX" --db "$WORK/plain.db" "$WORK/plain"
cp "$WORK/out" "$WORK/plain.out"
expect_status 0 "$NEWSINDEX" --db "$WORK/gzipped.db" "$WORK/gzipped"
stories=$(cat "$WORK"/plain/*.sgm | grep -c '<REUTERS ')
expect_in "$WORK/plain.out" "indexed $stories articles"
expect_in "$WORK/out" "indexed $stories articles"

# dump DB: every term with its frequency, every value, every document's data.
dump() {
    xapian-delve -a -v -1 "$1"
    xapian-delve -V "$1"
    local count
    count=$(article_count "$1")
    xapian-delve -d -r "$(seq -s, 1 "$count")" "$1" | sed -e 's|"file":"[^"]*/\([^/"]*\)\.gz"|"file":"\1"|' -e 's|"file":"[^"]*/\([^/"]*\)"|"file":"\1"|'
}
dump "$WORK/plain.db" | grep -v '^UUID = ' >"$WORK/plain.dump"
dump "$WORK/gzipped.db" | grep -v '^UUID = ' >"$WORK/gzipped.dump"
[ "$(wc -l <"$WORK/plain.dump")" -gt "$stories" ] || fail "the dump is too short"
cmp -s "$WORK/plain.dump" "$WORK/gzipped.dump" || fail "databases differ: $(diff "$WORK/plain.dump" "$WORK/gzipped.dump" | head -5)"
echo "ok"

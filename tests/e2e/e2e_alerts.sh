#!/usr/bin/env bash
# Saved searches and alerts on the bundled Reuters sample, indexed in two
# halves: --alerts prints exactly the stories of the second half that use the
# saved words (found with awk over the SGML), then nothing; re-indexing does
# not make old stories new, deleting and indexing one again does. Then
# --saved, --unsave, the writer lock and a sharded archive.
source "$(dirname "$0")/lib.sh"
E2E=$(dirname "$0")
SGM=$SOURCE_DIR/corpus/sample/reuters21578/reut2-000.sgm
DB=$WORK/db

# Stories 1-500 and 501-1000 of the sample, each a file of its own.
awk -v first="$WORK/first.sgm" -v second="$WORK/second.sgm" '
    { print > (stories < 500 ? first : second) }
    /<\/REUTERS>/ { stories++ }' "$SGM"
[ "$(grep -c '</REUTERS>' "$WORK/second.sgm")" = 500 ] || fail "could not split the sample"

# "search id" lines, in the order added (the file's order), as --alerts prints them.
expected_alerts() {
    for word in coffee gold; do
        awk -v word="$word" -f "$E2E/reuters_word_stories.awk" "$1" | sed "s/^/$word /"
    done
}
alerts() { sed 's/^{"search":"\([^"]*\)","rank":[0-9]*,"id":"\([^"]*\)".*/\1 \2/' "$WORK/out"; }

expect_status 0 "$NEWSINDEX" --db "$DB" "$WORK/first.sgm"
expect_status 0 "$NEWSSEARCH" --db "$DB" --save coffee coffee
expect_in "$WORK/out" "saved search 'coffee': coffee ($(awk -v word=coffee -f "$E2E/reuters_word_stories.awk" "$WORK/first.sgm" | wc -l) matching now;"
expect_status 0 "$NEWSSEARCH" --db "$DB" --save gold --lang en gold
expect_status 0 "$NEWSSEARCH" --db "$DB" --saved
[ "$(cat "$WORK/out")" = "$(printf 'coffee\tcoffee\ngold\tgold\t--lang en')" ] || fail "--saved: $(cat "$WORK/out")"
# Nothing was added since the searches were saved.
expect_status 1 "$NEWSSEARCH" --db "$DB" --alerts
[ -s "$WORK/out" ] && fail "alerts before anything was added: $(cat "$WORK/out")"

expect_status 0 "$NEWSINDEX" --db "$DB" "$WORK/second.sgm"
expected_alerts "$WORK/second.sgm" >"$WORK/want"
[ "$(wc -l <"$WORK/want")" -ge 10 ] || fail "expected at least 10 alerts, awk finds $(wc -l <"$WORK/want")"
expect_status 0 "$NEWSSEARCH" --db "$DB" --alerts
alerts | diff "$WORK/want" - >"$WORK/diff" || fail "alerts differ from awk's: $(cat "$WORK/diff")"
expect_in "$WORK/out" '"title":'
expect_status 1 "$NEWSSEARCH" --db "$DB" --alerts
[ -s "$WORK/out" ] && fail "alerts printed twice: $(cat "$WORK/out")"

# An updated article keeps its place: not new. One deleted and indexed again is.
expect_status 0 "$NEWSINDEX" --db "$DB" "$WORK/first.sgm" "$WORK/second.sgm"
expect_status 1 "$NEWSSEARCH" --db "$DB" --alerts
again=$(awk -v word=gold -f "$E2E/reuters_word_stories.awk" "$WORK/second.sgm" | head -1)
expect_status 0 "$NEWSINDEX" --db "$DB" --delete "$again"
expect_status 0 "$NEWSINDEX" --db "$DB" "$WORK/second.sgm"
expect_status 0 "$NEWSSEARCH" --db "$DB" --alerts
[ "$(alerts)" = "gold $again" ] || fail "after deleting and re-adding $again: $(alerts)"

expect_status 0 "$NEWSSEARCH" --db "$DB" --unsave coffee
expect_status 0 "$NEWSSEARCH" --db "$DB" --saved
[ "$(cut -f1 "$WORK/out")" = gold ] || fail "--saved after --unsave: $(cat "$WORK/out")"
expect_status 2 "$NEWSSEARCH" --db "$DB" --unsave coffee
expect_in "$WORK/err" "newssearch: error: no saved search named 'coffee'"

# One-line errors: a bad name, a malformed query, a query where none is taken.
expect_status 2 "$NEWSSEARCH" --db "$DB" --save 'two words' gold
expect_in "$WORK/err" "newssearch: error: bad saved search name 'two words'"
expect_status 2 "$NEWSSEARCH" --db "$DB" --save broken '(gold'
expect_in "$WORK/err" "newssearch: error: malformed query"
expect_status 2 "$NEWSSEARCH" --db "$DB" --alerts gold
expect_in "$WORK/err" "--saved, --unsave and --alerts take none"
expect_status 0 "$NEWSSEARCH" --db "$DB" --saved
[ "$(wc -l <"$WORK/out")" = 1 ] || fail "a failed --save stored something: $(cat "$WORK/out")"

# Saved on an empty database: the first (parallel by default) build keeps the
# search, and every matching story is new. (Indexing nothing creates the
# database and exits 1, like grep: issue 18.)
: >"$WORK/empty.jsonl"
expect_status 1 "$NEWSINDEX" --db "$WORK/fresh" "$WORK/empty.jsonl"
expect_status 0 "$NEWSSEARCH" --db "$WORK/fresh" --save gold gold
expect_status 0 "$NEWSINDEX" --db "$WORK/fresh" --threads 2 "$WORK/first.sgm"
expect_status 0 "$NEWSSEARCH" --db "$WORK/fresh" --alerts
alerts | diff <(awk -v word=gold -f "$E2E/reuters_word_stories.awk" "$WORK/first.sgm" | sed 's/^/gold /') - >"$WORK/diff" ||
    fail "alerts after the first build of an empty database: $(cat "$WORK/diff")"

# A writer holds the lock: saving says who, in one line, at once.
hold_write_lock "$DB" "$SGM"
expect_status 2 timeout 60 "$NEWSSEARCH" --db "$DB" --save sugar sugar
kill -CONT "$WRITER"
wait "$WRITER" || fail "newsindex failed: $(cat "$WORK/writer.out")"
expect_in "$WORK/err" "newssearch: error: database '$DB' is locked by another writer: newsindex (pid $WRITER,"
[ "$(wc -l <"$WORK/err")" -eq 1 ] || fail "more than one line on stderr: $(cat "$WORK/err")"

# A sharded archive numbers each shard apart: refused in one line.
expect_status 0 "$NEWSINDEX" --db "$WORK/archive" --shards 2 "$WORK/first.sgm"
expect_status 2 "$NEWSSEARCH" --db "$WORK/archive" --save gold gold
expect_in "$WORK/err" "newssearch: error: '$WORK/archive' is a sharded archive of 2 shards: saved searches and alerts need one database"
[ "$(wc -l <"$WORK/err")" -eq 1 ] || fail "more than one line on stderr: $(cat "$WORK/err")"
expect_status 2 "$NEWSSEARCH" --db "$WORK/archive" --alerts
expect_in "$WORK/err" "is a sharded archive of 2 shards"
echo "ok ($(wc -l <"$WORK/want") alerts)"

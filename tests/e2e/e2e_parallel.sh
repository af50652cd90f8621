#!/usr/bin/env bash
# The parallel build (--threads 2) writes what the serial one (--threads 1)
# writes: the same articles, each with the same terms, and the same ranking.
# The input spans two chunks and repeats every Reuters story three times, so
# the chunk merge, the removal of earlier copies and the near-duplicate keys
# across chunks are all exercised.
source "$(dirname "$0")/lib.sh"
SGM=$SOURCE_DIR/corpus/sample/reuters21578/reut2-000.sgm
TEXT=$SOURCE_DIR/corpus/sample/000_5d398ca54bc80a14.txt
STORIES=$(grep -c '<REUTERS ' "$SGM")
READ=$((3 * STORIES + 1))
UNIQUE=$((STORIES + 1))

for threads in 1 2; do
    expect_status 0 "$NEWSINDEX" --db "$WORK/db$threads" --threads "$threads" "$SGM" "$TEXT" "$SGM" "$SGM"
    expect_in "$WORK/out" "indexed $READ articles ($UNIQUE new, $((READ - UNIQUE)) replaced), skipped 0"
    [ "$(article_count "$WORK/db$threads")" = "$UNIQUE" ] || fail "--threads $threads: expected $UNIQUE documents"
done
expect_status 0 "$NEWSINDEX" --db "$WORK/db2" --check
expect_in "$WORK/out" "checked $UNIQUE articles: no problems"
[ ! -e "$WORK/db2/gazette-build" ] || fail "the chunk databases were left behind"
[ ! -e "$WORK/.db2.gazette-incoming" ] || fail "the folder the merge replaced was left behind"

# The merged folder takes the database folder's place in one exchange: through
# a symbolic link it is the folder linked to that is replaced, not the link.
mkdir "$WORK/real"
ln -s "$WORK/real" "$WORK/linked"
expect_status 0 "$NEWSINDEX" --db "$WORK/linked" --threads 2 "$SGM"
[ -L "$WORK/linked" ] || fail "the build replaced the symbolic link --db named"
[ "$(article_count "$WORK/real")" = "$STORIES" ] || fail "the folder linked to does not hold the build"

# Every term of a sample of stories, found by id, and every value (the
# near-duplicate cluster key among them).
terms_of() {
    local docid
    docid=$(xapian-delve -t "Q$2" "$1" | sed -n 's/^Posting List for term .*: //p')
    [ -n "$docid" ] || fail "no document with id $2 in $1"
    xapian-delve -r "$docid" -1 "$1" | tail -n +2
    for slot in 0 1 2 3 4 5 6; do xapian-delve -r "$docid" -V"$slot" "$1" | sed -n "s/^Value $slot for record #[0-9]*//p"; done
}
for id in 1 2 250 777 1000; do
    [ "$(terms_of "$WORK/db1" "$id")" = "$(terms_of "$WORK/db2" "$id")" ] || fail "the terms of story $id differ"
done

# Rankings (ids, scores, titles, snippets), phrases and collapsed copies included.
for query in 'oil prices' '"trade deficit"' 'cocoa bahia' 'title:grain' 'volcker fed rates'; do
    "$NEWSSEARCH" --db "$WORK/db1" --format json -n 20 "$query" >"$WORK/serial"
    "$NEWSSEARCH" --db "$WORK/db2" --format json -n 20 "$query" >"$WORK/parallel"
    grep -q '"total":[1-9]' "$WORK/serial" || fail "'$query' found nothing"
    cmp -s "$WORK/serial" "$WORK/parallel" || fail "'$query' ranks differently: $(diff "$WORK/serial" "$WORK/parallel" | head -c 600)"
done

# A database that holds articles is added to serially, as before.
expect_status 0 "$NEWSINDEX" --db "$WORK/db2" --threads 2 "$TEXT"
expect_in "$WORK/out" "indexed 1 article (0 new, 1 replaced)"
echo "ok"

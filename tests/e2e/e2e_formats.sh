#!/usr/bin/env bash
# Every fixture format under tests/testdata, indexed by the real programs: the
# terms each must produce are found, the terms it must not produce are not.
source "$(dirname "$0")/lib.sh"
DATA=$SOURCE_DIR/tests/testdata

# finds DB ID QUERY...: each query finds the article ID.
finds() {
    local db=$1 id=$2
    shift 2
    for query in "$@"; do
        expect_status 0 "$NEWSSEARCH" --db "$db" --format json "$query"
        expect_in "$WORK/out" "\"id\":\"$id\""
    done
}

# misses DB QUERY...: nothing matches.
misses() {
    local db=$1
    shift
    for query in "$@"; do
        expect_status 1 "$NEWSSEARCH" --db "$db" "$query"
    done
}

# TREC SGML: fields from HEADLINE/HL/HEAD, text from TEXT (unknown tags inside
# kept), entities decoded; elements outside TEXT such as SECTION and DOCTYPE
# are not text.
expect_status 0 "$NEWSINDEX" --db "$WORK/trec" "$DATA/trec/news.trec"
expect_in "$WORK/out" "indexed 6 articles"
finds "$WORK/trec" LA010189-0001 'title:harbor' 'fireworks'
finds "$WORK/trec" APW19980601.0001 'moraine' 'title:glacier'
finds "$WORK/trec" WSJ870324-0001 'title:copper' 'smelters'
finds "$WORK/trec" NOTEXT-1 'bumper crop'
finds "$WORK/trec" 017 'spears arrows'
misses "$WORK/trec" 'metro' 'doctype' 'skipped' 'amp' 'lt'
echo "ok"

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
# CSV and TSV: header names or --columns; quoted fields with separators and
# line breaks; a short row is skipped with its line.
expect_status 0 "$NEWSINDEX" --db "$WORK/csv" "$DATA/csv/news.csv" "$DATA/csv/news.tsv"
expect_in "$WORK/out" "indexed 6 articles"
expect_in "$WORK/err" "news.csv:5: error: the row has 2 fields"
finds "$WORK/csv" c1 'title:harbour' '"after weeks of repairs"'
finds "$WORK/csv" c2 '"inside the same quoted field"'
finds "$WORK/csv" news.tsv:2 'bonds' 'topic:business'
misses "$WORK/csv" 'headline' 'published' 'title:text'
expect_status 0 "$NEWSINDEX" --db "$WORK/gnad" --no-header --columns topic=1,body=2 "$DATA/csv/10kgnad-style.csv"
expect_in "$WORK/out" "indexed 3 articles"
finds "$WORK/gnad" 10kgnad-style.csv:1 'topic:sport' 'kitzbuhel'
misses "$WORK/gnad" 'topic:tennis'
expect_status 2 "$NEWSINDEX" --db "$WORK/gnad" --columns headline=title "$DATA/csv/news.csv"
expect_in "$WORK/err" "newsindex: error: --columns: unknown field 'headline' (choose id, title, body,"

# HTML pages: the article text and fields, none of the page around it.
expect_status 0 "$NEWSINDEX" --db "$WORK/html" "$DATA/html"
expect_in "$WORK/out" "indexed 3 articles"
expect_in "$WORK/err" "empty-page.html: error: empty body"
finds "$WORK/html" og-article.html 'title:storm' 'dredging' 'source:the-daily-post'
finds "$WORK/html" time-element.html 'glacier'
finds "$WORK/html" jsonld-latin1.html 'schliesst' 'platz'
misses "$WORK/html" 'subscribe' 'weather' 'lighthouse' 'inlinescriptword' 'analyticsword' 'stylesheetword' \
    'footerword' 'navword' 'doctype'
expect_status 0 "$NEWSSEARCH" --db "$WORK/html" --format json 'dredging'
expect_in "$WORK/out" '"date":"2022-03-10"'

# Encodings: UTF-16 with either byte order mark, a UTF-8 byte order mark, and
# Windows-1252 bytes repaired with a warning on their line. Accents fold, so
# the plain spelling finds them; no mojibake and no BOM reaches the index.
expect_status 0 "$NEWSINDEX" --db "$WORK/enc" "$DATA/encodings"
expect_in "$WORK/out" "indexed 5 articles"
expect_in "$WORK/err" "cp1252.trec:3: warning: repaired 1 invalid UTF-8 byte"
expect_in "$WORK/err" "cp1252.trec:6: warning: repaired 3 invalid UTF-8 bytes"
finds "$WORK/enc" utf16le.txt 'title:utf16le' 'bogota' 'naive tourists'
finds "$WORK/enc" utf16be.txt 'title:utf16be' 'plaza'
finds "$WORK/enc" bom-1 'title:zurich' 'trams'
finds "$WORK/enc" CP-1 'title:cafe' 'president' '"rang the bell"'
misses "$WORK/enc" 'Ã' 'ï»¿' 'cafã'
expect_status 0 "$NEWSSEARCH" --db "$WORK/enc" --format json 'president'
expect_in "$WORK/out" "“président”"
expect_in "$WORK/out" '"date":"2022-03-10"'
expect_status 0 "$NEWSSEARCH" --db "$WORK/enc" --format json 'id:bom-2'
expect_in "$WORK/out" '"date":"2022-03-11"'

# Compressed inputs, found by their magic bytes: gzip named .gz, zstd with no
# suffix at all; and standard input. Each gives the same articles.
gzip -c "$DATA/trec/news.trec" >"$WORK/news.trec.gz"
zstd -q -c "$DATA/trec/news.trec" >"$WORK/newstrec"
expect_status 0 "$NEWSINDEX" --db "$WORK/gz" "$WORK/news.trec.gz"
expect_in "$WORK/out" "indexed 6 articles"
expect_in "$WORK/err" "news.trec.gz:56: error: the document has no <DOCNO>"
finds "$WORK/gz" APW19980601.0001 'moraine'
expect_status 0 "$NEWSINDEX" --db "$WORK/zst" "$WORK/newstrec"
expect_in "$WORK/out" "indexed 6 articles"
finds "$WORK/zst" NOTEXT-1 'bumper crop'
gzip -c "$DATA/trec/news.trec" | "$NEWSINDEX" --db "$WORK/stdin" - >"$WORK/out" 2>"$WORK/err" || fail "stdin: $(cat "$WORK/err")"
expect_in "$WORK/out" "indexed 6 articles"
expect_in "$WORK/err" "-:56: error: the document has no <DOCNO>"
finds "$WORK/stdin" WSJ870324-0001 'smelters'

# --format forces a reader: a TREC file read as text is one article.
expect_status 0 "$NEWSINDEX" --db "$WORK/forced" --format text "$WORK/news.trec.gz"
expect_in "$WORK/out" "indexed 1 article"
finds "$WORK/forced" news.trec 'moraine'

# A file that is not what its magic bytes say is reported; the others are indexed.
printf '\037\213 not gzip at all' >"$WORK/broken.gz"
expect_status 0 "$NEWSINDEX" --db "$WORK/broken" "$WORK/broken.gz" "$DATA/trec/news.trec"
expect_in "$WORK/err" "broken.gz: error: cannot read the file"
expect_in "$WORK/out" "indexed 6 articles"
echo "ok"

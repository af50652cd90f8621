#!/usr/bin/env bash
# Output formats and batches: --format trec, --topics FILE, --run-tag, on the
# bundled sample. Expected counts come from awk over the raw Reuters SGML.
source "$(dirname "$0")/lib.sh"
DB=$WORK/db
awk -f "$(dirname "$0")/reuters_dates_titles.awk" "$SOURCE_DIR/corpus/sample/reuters21578/reut2-000.sgm" >"$WORK/stories"
expect_status 0 "$NEWSINDEX" --db "$DB" "$SOURCE_DIR/corpus/sample"
feb26=$(awk -F'\t' '$1 == "19870226"' "$WORK/stories" | wc -l)

printf 'q1\tdate:1987-02-26\n\nnot a topic\nq2\tid:5\nq3\toil colour:red\nq4\tcocoa OR coffee\n' >"$WORK/topics"

# TREC: "qid Q0 docid rank score tag", every match of q1, ranks from 1, scores never rising.
# These topics use the query language (fields, OR): --topics-syntax query.
expect_status 2 "$NEWSSEARCH" --db "$DB" --topics "$WORK/topics" --topics-syntax query --format trec -n 1000 --no-collapse --run-tag myrun
[ "$(grep -c '^q1 Q0 ' "$WORK/out")" -eq "$feb26" ] || fail "q1 has $(grep -c '^q1 ' "$WORK/out") lines, expected $feb26"
expect_in "$WORK/out" "q2 Q0 5 1 "
awk '$2 != "Q0" || $6 != "myrun" || NF != 6 {exit 1}' "$WORK/out" || fail "a run line is not 'qid Q0 docid rank score myrun'"
awk '$1 != q {q = $1; r = 0; s = ""} {r++; if ($4 != r || (s != "" && $5 > s)) exit 1; s = $5}' "$WORK/out" ||
    fail "ranks do not count from 1 or scores rise within a query"
# Bad lines and queries are reported with their line and skipped; the rest ran.
expect_in "$WORK/err" "$WORK/topics:3: error: expected 'qid<TAB>query', got 'not a topic'"
expect_in "$WORK/err" "$WORK/topics:5: error: malformed query: unknown field 'colour:'"
[ "$(cut -d' ' -f1 "$WORK/out" | sort -u | tr '\n' ' ')" = "q1 q2 q4 " ] || fail "queries run: $(cut -d' ' -f1 "$WORK/out" | sort -u)"

# By default topics are plain words, as TREC topics are meant (issue 19): a
# topic in capitals keeps its NOT as a word (a stop word) rather than losing
# it to the operator, and a numbered list "1) ... 2) ..." is text, not a
# malformed query. With --topics-syntax query both are read as syntax.
printf 'n1\tCOCOA NOT COFFEE\nn2\tcocoa 1) prices 2) exports\n' >"$WORK/words"
expect_status 0 "$NEWSSEARCH" --db "$DB" --topics "$WORK/words" --format json -n 1
words_total=$(sed -n 's/^{"qid":"n1","query":"COCOA NOT COFFEE","total":\([0-9]*\),.*/\1/p' "$WORK/out")
expect_in "$WORK/out" '{"qid":"n2","query":"cocoa 1) prices 2) exports","total":'
expect_status 2 "$NEWSSEARCH" --db "$DB" --topics "$WORK/words" --format json -n 1 --topics-syntax query
operator_total=$(sed -n 's/^{"qid":"n1","query":"COCOA NOT COFFEE","total":\([0-9]*\),.*/\1/p' "$WORK/out")
[ -n "$words_total" ] && [ -n "$operator_total" ] && [ "$words_total" -gt "$operator_total" ] ||
    fail "COCOA NOT COFFEE: $words_total matches as words, $operator_total with NOT as an operator"
expect_in "$WORK/err" "$WORK/words:2: error: malformed query: ')' closes nothing"
expect_status 2 "$NEWSSEARCH" --db "$DB" --topics "$WORK/words" --topics-syntax sql
expect_in "$WORK/err" "--topics-syntax: unknown value 'sql' (choose words or query)"

# JSON: one object a line, with its qid.
printf 'a\tcocoa\nb\tdate:1987-02-26\n' >"$WORK/good"
expect_status 0 "$NEWSSEARCH" --db "$DB" --topics "$WORK/good" --format json -n 2 --no-collapse
[ "$(wc -l <"$WORK/out")" -eq 2 ] || fail "expected two JSON lines"
expect_in "$WORK/out" "{\"qid\":\"b\",\"query\":\"date:1987-02-26\",\"total\":$feb26,"

# A single query in TREC form is query "1", with the default tag.
expect_status 0 "$NEWSSEARCH" --db "$DB" --format trec -n 1 id:5
[ "$(cat "$WORK/out")" = "$(printf '1 Q0 5 1 %s gazette' "$(cut -d' ' -f5 "$WORK/out")")" ] || fail "single TREC line: $(cat "$WORK/out")"

# --explain: one line per hit naming what each query word added.
expect_status 0 "$NEWSSEARCH" --db "$DB" -n 3 --explain "cocoa OR oil"
[ "$(grep -c "^     explain: " "$WORK/out")" -eq 3 ] || fail "expected an explain line per hit"
expect_in "$WORK/out" "explain: cocoa "
expect_status 0 "$NEWSSEARCH" --db "$DB" -n 1 --explain --format json "id:1 cocoa"
expect_in "$WORK/out" "\"explain\":[{\"term\":\"cocoa\",\"weight\":"

# A query and --topics together, or none of QUERY, --topics and --like, is a usage error.
expect_status 2 "$NEWSSEARCH" --db "$DB" --topics "$WORK/good" cocoa
expect_status 2 "$NEWSSEARCH" --db "$DB" --topics "$WORK/missing"
expect_in "$WORK/err" "missing: cannot read the topics file"
echo "ok"

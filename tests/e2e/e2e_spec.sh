#!/usr/bin/env bash
# Reproducible searches on the bundled sample: a search written as a --spec
# file gives exactly what the same search typed on the command line gives
# (ids, scores, facets, timeline); --save-spec writes a spec that re-runs it,
# with the databases' UUIDs as xapian-delve reports them and the time it ran;
# options beside --spec override it; a bad spec is one line naming the key.
source "$(dirname "$0")/lib.sh"
DB=$WORK/db
expect_status 0 "$NEWSINDEX" --db "$DB" "$SOURCE_DIR/corpus/sample"

# The command line and the spec of the same search.
typed=(--format json -n 15 --sort newest --weighting bm25 --k1 0.9 --facet source,month --timeline --top-terms 5
    --no-collapse 'oil OR gas source:"reuters" lang:en date:1987-02-26..1987-03-01')
cat >"$WORK/spec.json" <<'JSON'
{"query": "oil OR gas",
 "filters": {"sources": ["reuters"], "languages": ["en"], "from": "1987-02-26", "to": "1987-03-01"},
 "options": {"format": "json", "limit": 15, "sort": "newest", "facets": ["source", "month"], "timeline": true,
             "top_terms": 5, "collapse": false, "ranking": {"weighting": "bm25", "k1": 0.9}}}
JSON
expect_status 0 "$NEWSSEARCH" --db "$DB" "${typed[@]}"
mv "$WORK/out" "$WORK/typed"
grep -q '"hits":\[{"rank":1' "$WORK/typed" || fail "the typed search found nothing: $(head -c 300 "$WORK/typed")"
# The filters apply to the whole query (its OR too): every hit is in the range.
grep -o '"date":"[^"]*"' "$WORK/typed" | cut -d'"' -f4 | awk '$0 < "1987-02-26" || $0 > "1987-03-01" { bad = 1 } END { exit bad }' ||
    fail "a hit outside the date range: $(grep -o '"date":"[^"]*"' "$WORK/typed" | sort -u | paste -sd' ')"
expect_status 0 "$NEWSSEARCH" --db "$DB" --spec "$WORK/spec.json"
cmp -s "$WORK/typed" "$WORK/out" || fail "--spec differs from the command line: $(diff "$WORK/typed" "$WORK/out" | head -c 600)"

# A table of queries, each through a spec with a source filter and typed with
# the filter after it: the same matches. Regression (issue 17): the spec took
# "NEARBY" for the operator NEAR and bracketed the query, which made its "and"
# an operator too.
hits() { python3 -c 'import json, sys; r = json.load(sys.stdin); print(r["total"], *[h["id"] for h in r["hits"]])' <"$1"; }
for query in "NEARBY oil and gas prices" "oil and gas OR coal" "oil OR gas" "(oil or gas) -coal" "crude NEAR/5 prices" \
    "oil NOT gas" "title:oil" "oil gas" "ADJUSTED prices" "-oil" "NOT oil"; do
    python3 -c 'import json, sys; print(json.dumps({"query": sys.argv[1], "filters": {"sources": ["reuters"]},
        "options": {"format": "json", "limit": 20}}))' "$query" >"$WORK/table.json"
    expect_status 0 "$NEWSSEARCH" --db "$DB" --spec "$WORK/table.json"
    mv "$WORK/out" "$WORK/from_spec"
    expect_status 0 "$NEWSSEARCH" --db "$DB" --format json -n 20 -- "$query source:reuters"
    [ "$(hits "$WORK/from_spec")" = "$(hits "$WORK/out")" ] ||
        fail "'$query': --spec gives $(hits "$WORK/from_spec" | cut -c 1-80), typed $(hits "$WORK/out" | cut -c 1-80)"
done

# --save-spec: the spec of a typed search re-runs it exactly.
expect_status 0 "$NEWSSEARCH" --db "$DB" "${typed[@]}" --save-spec "$WORK/saved.json"
cmp -s "$WORK/typed" "$WORK/out" || fail "--save-spec changed the output"
expect_status 0 "$NEWSSEARCH" --db "$DB" --spec "$WORK/saved.json"
cmp -s "$WORK/typed" "$WORK/out" || fail "the saved spec does not re-run the search: $(diff "$WORK/typed" "$WORK/out" | head -c 600)"
# ... and re-saved, it is the same spec (but for the time it ran).
expect_status 0 "$NEWSSEARCH" --db "$DB" --spec "$WORK/saved.json" --save-spec "$WORK/again.json"
strip_time() { sed 's/"ran_at":"[^"]*"//' "$1"; }
[ "$(strip_time "$WORK/saved.json")" = "$(strip_time "$WORK/again.json")" ] || fail "re-saved spec differs"

# Provenance: the UUID xapian-delve reports, and the time in UTC ISO 8601.
uuid=$(xapian-delve "$DB" | sed -n 's/^UUID = //p')
[ -n "$uuid" ] || fail "xapian-delve reports no UUID"
expect_in "$WORK/saved.json" "\"provenance\":{\"databases\":[\"$uuid\"],\"ran_at\":\""
grep -qE '"ran_at":"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z"' "$WORK/saved.json" || fail "no UTC time"
# Two databases searched as one: both UUIDs, in --db order.
expect_status 0 "$NEWSINDEX" --db "$WORK/db2" "$SOURCE_DIR/tests/testdata/ocr/ocr.jsonl"
uuid2=$(xapian-delve "$WORK/db2" | sed -n 's/^UUID = //p')
expect_status 0 "$NEWSSEARCH" --db "$DB" --db "$WORK/db2" --format csv oil --save-spec "$WORK/two.json"
expect_in "$WORK/two.json" "\"databases\":[\"$uuid\",\"$uuid2\"]"
expect_in "$WORK/two.json" '"format":"csv"'
head -n 1 "$WORK/out" | grep -q '^rank,id,' || fail "--save-spec changed the CSV"

# --provenance: the output carries the spec, which re-runs the search. JSON:
# a "spec" member; CSV: a first line "# spec: JSON" before the same table;
# --all: a first JSON line.
expect_status 0 "$NEWSSEARCH" --db "$DB" "${typed[@]}" --provenance
python3 - "$WORK/out" "$WORK/carried.json" <<'PY' || fail "no spec in the JSON output: $(head -c 300 "$WORK/out")"
import json, sys
output = json.load(open(sys.argv[1]))
json.dump(output.pop("spec"), open(sys.argv[2], "w"))
PY
expect_in "$WORK/carried.json" "\"databases\": [\"$uuid\"]"
expect_status 0 "$NEWSSEARCH" --db "$DB" --spec "$WORK/carried.json"
cmp -s "$WORK/typed" "$WORK/out" || fail "the carried spec does not re-run the search: $(diff "$WORK/typed" "$WORK/out" | head -c 600)"
expect_status 0 "$NEWSSEARCH" --db "$DB" --format csv -n 5 oil
mv "$WORK/out" "$WORK/plain.csv"
expect_status 0 "$NEWSSEARCH" --db "$DB" --format csv -n 5 --provenance oil
head -n 1 "$WORK/out" | grep -q "^# spec: {\"query\":\"oil\",.*\"databases\":\[\"$uuid\"\]" || fail "no spec line in the CSV: $(head -n 1 "$WORK/out")"
[ "$(tail -n +2 "$WORK/out")" = "$(cat "$WORK/plain.csv")" ] || fail "--provenance changed the CSV table"
expect_status 0 "$NEWSSEARCH" --db "$DB" --all --format json --provenance oil
head -n 1 "$WORK/out" | grep -q '^{"spec":{"query":"oil"' || fail "no spec line before --all: $(head -c 200 "$WORK/out")"
expect_status 2 "$NEWSSEARCH" --db "$DB" --provenance oil
expect_in "$WORK/err" "--provenance goes into JSON or CSV output"

# Options and a QUERY beside --spec override it.
expect_status 0 "$NEWSSEARCH" --db "$DB" --spec "$WORK/spec.json" -n 3
[ "$(grep -o '"rank":' "$WORK/out" | wc -l)" = 3 ] || fail "-n 3 beside --spec did not give 3 hits"
expect_status 0 "$NEWSSEARCH" --db "$DB" --spec "$WORK/spec.json" --format csv -n 0 --save-spec "$WORK/over.json" cocoa
expect_in "$WORK/over.json" '"query":"cocoa","filters":{"sources":["reuters"]'
expect_in "$WORK/over.json" '"limit":0'
expect_in "$WORK/over.json" '"format":"csv"'

# --count is saved, and the spec re-runs it: the total alone (issue 17: it
# was left out, so the spec printed a page instead).
expect_status 0 "$NEWSSEARCH" --db "$DB" --count oil
mv "$WORK/out" "$WORK/count.txt"
expect_status 0 "$NEWSSEARCH" --db "$DB" --count oil --save-spec "$WORK/count.json"
expect_in "$WORK/count.json" '"count":true'
expect_status 0 "$NEWSSEARCH" --db "$DB" --spec "$WORK/count.json"
cmp -s "$WORK/count.txt" "$WORK/out" || fail "the saved --count printed $(head -c 200 "$WORK/out")"
expect_status 2 "$NEWSSEARCH" --db "$DB" --spec "$WORK/count.json" --all
expect_in "$WORK/err" "newssearch: error: --all: give one of --all (every match) and --count (their number)"

# Errors: one line naming the file, the key and the value; exit 2.
echo '{"query": "oil", "options": {"sort": "sideways"}}' >"$WORK/bad.json"
expect_status 2 "$NEWSSEARCH" --db "$DB" --spec "$WORK/bad.json"
[ "$(cat "$WORK/err")" = "newssearch: error: $WORK/bad.json: options.sort: unknown value 'sideways' (choose relevance, newest, oldest or pickup)" ] ||
    fail "bad sort: $(cat "$WORK/err")"
echo '{"query": "oil", "colour": true}' >"$WORK/bad.json"
expect_status 2 "$NEWSSEARCH" --db "$DB" --spec "$WORK/bad.json"
expect_in "$WORK/err" "bad.json: colour: unknown key, with the value true"
expect_status 2 "$NEWSSEARCH" --db "$DB" --spec "$WORK/missing.json"
expect_in "$WORK/err" "missing.json: cannot read the spec file"
expect_status 2 "$NEWSSEARCH" --db "$DB" --spec "$WORK/spec.json" --like 1
expect_status 2 "$NEWSSEARCH" --db "$DB" --compare a=oil b=gas --save-spec "$WORK/x.json"
expect_in "$WORK/err" "--spec, --save-spec and --provenance describe a QUERY search"
echo "PASS"

#!/usr/bin/env bash
# OCR-tolerant matching (--fuzzy) on a fixture of OCR-damaged articles
# (tests/testdata/ocr/SOURCE.md): each damaged word is found by the word it
# should have been, below the article that spells it right; a word more
# edits away than the rule allows, and a short word, are not.
source "$(dirname "$0")/lib.sh"
DB=$WORK/db
expect_status 0 "$NEWSINDEX" --db "$DB" "$SOURCE_DIR/tests/testdata/ocr/ocr.jsonl"

# ids QUERY...: the ids newssearch ranks, in order, one a line.
ids() {
    "$NEWSSEARCH" --db "$DB" --format json "$@" | grep -o '"id":"[^"]*"' | cut -d'"' -f4 | paste -sd' '
}

# Exact matching finds only the right spellings (the long s is folded to s).
[ "$(ids market)" = "exact-market" ] || fail "market: $(ids market)"
[ "$(ids government)" = "exact-government" ] || fail "government: $(ids government)"
[ "$(ids ship)" = "long-s-ship" ] || fail "ship: $(ids ship)"

# --fuzzy adds the damaged spellings, after the exact matches; never the
# markup (two edits from the six letters of market) nor oll (three letters).
cases=(
    "market|exact-market ocr-rnarket"
    "government|exact-government ocr-governrnent"
    "ship|long-s-ship ocr-fhip"
    "oil|oil"
    "rnarket|ocr-rnarket exact-market"
)
for case in "${cases[@]}"; do
    query=${case%%|*}
    want=${case#*|}
    got=$(ids --fuzzy "$query")
    [ "$got" = "$want" ] || fail "--fuzzy $query: got '$got', want '$want'"
done

# A phrase and the operands of NEAR stay exact (the query tree says which
# words are plain); a plain word beside them is widened.
[ "$(ids --fuzzy '"grain market"')" = "exact-market" ] || fail "--fuzzy widened a phrase"
[ "$(ids --fuzzy 'market NEAR/3 opened')" = "exact-market" ] || fail "--fuzzy widened an operand of NEAR"
[ "$(ids --fuzzy '"harbour from" rnarket')" = "long-s-ship ocr-rnarket exact-market" ] ||
    fail "--fuzzy after a phrase: $(ids --fuzzy '"harbour from" rnarket')"

# Filters still apply to the variants: the damaged article of March 1 is the
# only one before March 2.
[ "$(ids --fuzzy 'market before:1850-03-02')" = "ocr-rnarket" ] || fail "--fuzzy with a date filter"
# The damaged article scores through its variant, at the reduced weight.
expect_status 0 "$NEWSSEARCH" --db "$DB" --fuzzy --explain market
expect_in "$WORK/out" "explain: rnarket "
# A word with no variant within the distance matches nothing.
expect_status 1 "$NEWSSEARCH" --db "$DB" --fuzzy zebra
echo "PASS"

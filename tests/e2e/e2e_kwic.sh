#!/usr/bin/env bash
# Concordance (--kwic) on the bundled sample: one line per place a word is
# used in a body, as many as awk counts in the raw SGML, each with at most
# --context words either side, aligned on the keyword in text.
source "$(dirname "$0")/lib.sh"
E2E=$(dirname "$0")
SGML=$SOURCE_DIR/corpus/sample/reuters21578/reut2-000.sgm
DB=$WORK/db
expect_status 0 "$NEWSINDEX" --db "$DB" "$SOURCE_DIR/corpus/sample"

for word in opec cocoa; do
    awk -v uses=1 -v word="$word" -f "$E2E/reuters_word_stories.awk" "$SGML" | sort >"$WORK/want"
    want=$(awk '{n += $2} END {print n}' "$WORK/want")
    [ "$want" -ge 10 ] || fail "expected over 10 uses of '$word'"
    # Every match, by --all: a CSV row per use, per story as awk counts them.
    expect_status 0 "$NEWSSEARCH" --db "$DB" --all --kwic --context 3 --format csv "\"$word\""
    head -n 1 "$WORK/out" | tr -d '\r' | grep -qx "id,date,source,left,match,right" || fail "no CSV header"
    # (the one article of the sample that is not from Reuters left out)
    tail -n +2 "$WORK/out" | tr -d '\r' | grep -v '^000_' >"$WORK/rows"
    [ "$(wc -l <"$WORK/rows")" = "$want" ] || fail "'$word': $(wc -l <"$WORK/rows") lines, awk counts $want"
    cut -d, -f1 "$WORK/rows" | sort | uniq -c | awk '{print $2 "\t" $1}' | sort | diff - "$WORK/want" >/dev/null ||
        fail "'$word': uses per story differ from awk's"
    # Context: at most 3 words either side (a word has a letter or digit:
    # "(" and "--" are not words). Rows whose contexts hold a comma are skipped.
    awk -F, -v word="$word" 'function words(text,   parts, i, n) {
            for (i = split(text, parts, " "); i > 0; i--) if (parts[i] ~ /[A-Za-z0-9]/) n++
            return n
        }
        NF == 6 {
            if (tolower($5) != word) {print "match " $5; bad = 1}
            if (words($4) > 3 || words($6) > 3) {print "context " $0; bad = 1}
        } END {exit bad}' "$WORK/rows" || fail "'$word': a bad keyword or context"
done

# Text: the keyword starts at the same column on every line.
expect_status 0 "$NEWSSEARCH" --db "$DB" -n 5 --kwic --context 4 '"opec"'
awk 'NF == 0 {exit} {print}' "$WORK/out" >"$WORK/lines"
[ "$(wc -l <"$WORK/lines")" -ge 5 ] || fail "expected several lines: $(cat "$WORK/out")"
column=$(head -n 1 "$WORK/lines" | awk '{print index(tolower($0), "  opec  ")}')
awk -v c="$column" 'tolower(substr($0, c, 8)) != "  opec  " {print; bad = 1} END {exit bad}' "$WORK/lines" ||
    fail "lines not aligned on the keyword at column $column"
expect_in "$WORK/out" "matches, showing 1-5"
echo "ok"

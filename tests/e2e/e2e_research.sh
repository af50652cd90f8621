#!/usr/bin/env bash
# Research outputs on the bundled sample, against counts awk takes from the
# raw SGML: --all exports every match (CSV and JSON Lines), the timeline's
# shares of all articles per day (CSV, JSON, text, SVG), and the
# characteristic terms with their counts in the matches and in the archive.
source "$(dirname "$0")/lib.sh"
E2E=$(dirname "$0")
SGML=$SOURCE_DIR/corpus/sample/reuters21578/reut2-000.sgm
DB=$WORK/db
expect_status 0 "$NEWSINDEX" --db "$DB" "$SOURCE_DIR/corpus/sample"
awk -f "$E2E/reuters_dates_titles.awk" "$SGML" >"$WORK/stories"  # date, title, topics, newid

# --all: every story with the word, as awk finds it (the one article of the
# sample that is not from Reuters is left out of both).
for word in oil said trade; do
    awk -v word="$word" -f "$E2E/reuters_word_stories.awk" "$SGML" | sort >"$WORK/want"
    [ "$(wc -l <"$WORK/want")" -ge 50 ] || fail "expected over 50 stories with '$word'"
    expect_status 0 "$NEWSSEARCH" --db "$DB" --all --format csv "\"$word\""
    head -n 1 "$WORK/out" | grep -q "^rank,id,score,date,source,title,copies_hidden,snippet" || fail "no CSV header"
    rows=$(($(wc -l <"$WORK/out") - 1))
    tail -n +2 "$WORK/out" | cut -d, -f2 | grep -v '^000_' | sort >"$WORK/got"
    diff "$WORK/want" "$WORK/got" >/dev/null || fail "--all --format csv '$word': ids differ from awk's: $(diff "$WORK/want" "$WORK/got" | head -5)"
    expect_status 0 "$NEWSSEARCH" --db "$DB" --all --format json "\"$word\""
    [ "$(grep -c '^{"rank":' "$WORK/out")" = "$rows" ] || fail "--all --format json '$word': not $rows lines"
done
expect_status 2 "$NEWSSEARCH" --db "$DB" --all oil
expect_in "$WORK/err" "--all prints csv or json only"

# Shares: crude-oil stories per day over all stories of the day, by awk.
awk -F'\t' '$1 != "" {all[$1]++; if ($3 ~ /(^| )crude /) n[$1]++}
    END {for (d in n) printf "%s-%s-%s,%d,%d,%.6f\n", substr(d, 1, 4), substr(d, 5, 2), substr(d, 7, 2), n[d], all[d], n[d] / all[d]}' \
    "$WORK/stories" | sort >"$WORK/want"
expect_status 0 "$NEWSSEARCH" --db "$DB" -n 0 --format csv --timeline topic:crude
head -n 1 "$WORK/out" | tr -d '\r' | grep -qx "day,count,all,share" || fail "no timeline CSV header: $(head -n 1 "$WORK/out")"
tail -n +2 "$WORK/out" | tr -d '\r' | grep -v ',0,0,' | sort >"$WORK/got"
diff "$WORK/want" "$WORK/got" >/dev/null || fail "timeline shares differ from awk's: $(diff "$WORK/want" "$WORK/got")"
# The same filters for the denominator: source:reuters keeps every story here.
expect_status 0 "$NEWSSEARCH" --db "$DB" -n 0 --format csv --timeline 'topic:crude source:reuters'
tail -n +2 "$WORK/out" | tr -d '\r' | grep -v ',0,0,' | sort | diff - "$WORK/want" >/dev/null || fail "source:reuters changed the shares"
expect_status 0 "$NEWSSEARCH" --db "$DB" -n 0 --format json --timeline topic:crude
first=$(head -n 1 "$WORK/want")
IFS=, read -r day count all share <<<"$first"
expect_in "$WORK/out" "{\"period\":\"$day\",\"count\":$count,\"all\":$all,\"share\":"
expect_status 0 "$NEWSSEARCH" --db "$DB" -n 0 --timeline --timeline-svg "$WORK/chart.svg" topic:crude
percent=$(awk -v c="$count" -v a="$all" 'BEGIN {printf "%.1f%%", 100 * c / a}')
grep -qE "^$day #+ $count of $all \\($percent\\)\$" "$WORK/out" || fail "no text bar '$day ... $count of $all ($percent)'"
expect_in "$WORK/chart.svg" "data-period=\"$day\" data-count=\"$count\" data-all=\"$all\""
expect_in "$WORK/chart.svg" "<polyline class=\"share\""
xmllint --noout "$WORK/chart.svg" || fail "the SVG is not well-formed XML"

# Characteristic terms of the crude-oil stories, 12 words then up to 12
# phrases: each one's count in the matches and in the whole sample, by awk;
# no stop words, no numbers.
expect_status 0 "$NEWSSEARCH" --db "$DB" -n 0 --format csv --top-terms 12 topic:crude
head -n 1 "$WORK/out" | tr -d '\r' | grep -qx "term,weight,matches,archive" || fail "no terms CSV header"
tail -n +2 "$WORK/out" | tr -d '\r' >"$WORK/terms"
[ "$(grep -vc ' ' "$WORK/terms")" = 12 ] || fail "expected 12 words: $(cat "$WORK/terms")"
phrases=$(grep -c ' ' "$WORK/terms")
[ "$phrases" -ge 1 ] && [ "$phrases" -le 12 ] || fail "expected 1 to 12 phrases: $(cat "$WORK/terms")"
grep -q '^crude oil,' "$WORK/terms" || fail "no 'crude oil' among the phrases: $(cat "$WORK/terms")"
grep -qE '^(opec|crude|barrels|petroleum),' "$WORK/terms" || fail "no oil word among the terms: $(cat "$WORK/terms")"
awk -F'\t' '$3 ~ /(^| )crude / {print $4}' "$WORK/stories" | sort >"$WORK/crude"
while IFS=, read -r term _ matches archive; do
    case "$term" in *[0-9]*) fail "a number among the terms: $term" ;; the | of | and | to | in | a) fail "a stop word among the terms: $term" ;; esac
    awk -v word="$term" -f "$E2E/reuters_word_stories.awk" "$SGML" | sort >"$WORK/with"
    other=$(tr -cs 'A-Za-z0-9' ' ' <"$SOURCE_DIR/corpus/sample/000_5d398ca54bc80a14.txt" | grep -ciw -- "$term" | awk '{print ($1 > 0)}')
    want_archive=$(($(wc -l <"$WORK/with") + other))
    want_matches=$(comm -12 "$WORK/with" "$WORK/crude" | wc -l)
    [ "$archive" = "$want_archive" ] || fail "'$term' is in $archive articles, awk counts $want_archive"
    [ "$matches" = "$want_matches" ] || fail "'$term' is in $matches crude stories, awk counts $want_matches"
done <"$WORK/terms"
echo "ok"

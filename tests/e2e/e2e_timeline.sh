#!/usr/bin/env bash
# Timelines on the bundled sample: the crude-oil stories per day, counted with
# awk over the raw SGML, as terminal bars, in JSON, and as an SVG whose bars
# headless Chromium renders at heights proportional to the counts.
source "$(dirname "$0")/lib.sh"
command -v chromium >/dev/null || fail "chromium is not installed (scripts/install-deps installs it)"
DB=$WORK/db
awk -f "$(dirname "$0")/reuters_dates_titles.awk" "$SOURCE_DIR/corpus/sample/reuters21578/reut2-000.sgm" >"$WORK/stories"
# "YYYY-MM-DD COUNT" for each day with a crude-oil story.
awk -F'\t' '$3 ~ /(^| )crude / {n[$1]++} END {for (d in n) printf "%s-%s-%s %d\n", substr(d, 1, 4), substr(d, 5, 2), substr(d, 7, 2), n[d]}' \
    "$WORK/stories" | sort >"$WORK/want"
[ "$(wc -l <"$WORK/want")" -ge 3 ] || fail "expected crude-oil stories on several days"
expect_status 0 "$NEWSINDEX" --db "$DB" "$SOURCE_DIR/corpus/sample"

expect_status 0 "$NEWSSEARCH" --db "$DB" -n 0 --timeline --timeline-svg "$WORK/chart.svg" topic:crude
expect_in "$WORK/out" "timeline (articles per day)"
while read -r day count; do
    grep -qE "^$day #+ $count( of|\$)" "$WORK/out" || fail "no bar '$day ... $count': $(grep "^$day" "$WORK/out")"
done <"$WORK/want"

expect_status 0 "$NEWSSEARCH" --db "$DB" -n 0 --format json --timeline topic:crude
expect_in "$WORK/out" "\"timeline\":{\"unit\":\"day\",\"bars\":[{\"period\":\"$(head -n 1 "$WORK/want" | cut -d' ' -f1)\""

# --timeline-by: the sample spans days; a month or a year is one bar, in the
# text, the JSON, the CSV and the SVG. Any other unit is refused, named.
total=$(awk '{n += $2} END {print n}' "$WORK/want")
expect_status 0 "$NEWSSEARCH" --db "$DB" -n 0 --timeline --timeline-by year --timeline-svg "$WORK/year.svg" topic:crude
expect_in "$WORK/out" "timeline (articles per year)"
grep -qE "^1987 +#+ $total( of|\$)" "$WORK/out" || fail "no bar '1987 ... $total': $(cat "$WORK/out")"
expect_in "$WORK/year.svg" "(articles per year)"
[ "$(grep -c 'class="bar"' "$WORK/year.svg")" = 1 ] || fail "expected one bar in the year chart"
expect_status 0 "$NEWSSEARCH" --db "$DB" -n 0 --format json --timeline --timeline-by month topic:crude
expect_in "$WORK/out" '"timeline":{"unit":"month","bars":[{"period":"1987-'
expect_status 0 "$NEWSSEARCH" --db "$DB" -n 0 --format csv --timeline --timeline-by year topic:crude
expect_in "$WORK/out" "1987,$total,"
expect_status 0 "$NEWSSEARCH" --db "$DB" -n 0 --timeline --timeline-by auto topic:crude
expect_in "$WORK/out" "timeline (articles per day)"
expect_status 2 "$NEWSSEARCH" --db "$DB" -n 0 --timeline --timeline-by week topic:crude
expect_in "$WORK/err" "--timeline-by: unknown value 'week' (choose auto, day, month or year)"

# The SVG on its own parses (Chromium shows an error page for broken XML).
chromium --headless --no-sandbox --disable-gpu --dump-dom "file://$WORK/chart.svg" >"$WORK/svg-dom" 2>/dev/null
expect_in "$WORK/svg-dom" "class=\"bar\""
if grep -q "This page contains the following errors" "$WORK/svg-dom"; then fail "the SVG does not parse"; fi
# Rendered: each bar's height in pixels, measured by the browser.
{
    echo '<!DOCTYPE html><html><body>'
    sed 1d "$WORK/chart.svg"
    echo '<pre id="out"></pre><script>'
    echo 'document.getElementById("out").textContent = "RENDERED\n" + [...document.querySelectorAll("rect.bar")]'
    echo '  .map(r => r.dataset.period + " " + r.getBoundingClientRect().height.toFixed(2)).join("\n") + "\nEND";'
    echo '</script></body></html>'
} >"$WORK/page.html"
chromium --headless --no-sandbox --disable-gpu --dump-dom "file://$WORK/page.html" 2>/dev/null |
    sed -n '/RENDERED/,/END/p' | grep -E '^[0-9]{4}-' >"$WORK/rendered"
[ -s "$WORK/rendered" ] || fail "Chromium rendered no bars"
# Heights are proportional to the awk counts: the tallest is the full plot
# (300 px), every other height / 300 * tallest count = its count.
most=$(sort -k2 -n "$WORK/want" | tail -n 1 | cut -d' ' -f2)
awk -v most="$most" 'NR == FNR {want[$1] = $2; next}
    {got = $2 / 300 * most; w = ($1 in want) ? want[$1] : 0
     if (got < w - 0.05 || got > w + 0.05) {print "bar " $1 ": " $2 " px, expected count " w; bad = 1}}
    END {exit bad}' "$WORK/want" "$WORK/rendered" || fail "rendered bar heights do not match the counts"
[ "$(wc -l <"$WORK/rendered")" -ge "$(wc -l <"$WORK/want")" ] || fail "fewer bars than days"
echo "ok"

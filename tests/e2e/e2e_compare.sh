#!/usr/bin/env bash
# --compare on the bundled sample: each query's matching articles, share of
# all articles, overlaps and timelines side by side, against counts awk takes
# from the stories' topics in the raw SGML.
source "$(dirname "$0")/lib.sh"
E2E=$(dirname "$0")
DB=$WORK/db
expect_status 0 "$NEWSINDEX" --db "$DB" "$SOURCE_DIR/corpus/sample"
awk -f "$E2E/reuters_dates_titles.awk" "$SOURCE_DIR/corpus/sample/reuters21578/reut2-000.sgm" >"$WORK/stories"
all=$(article_count "$DB")

# The expected JSON (and CSV, into $WORK/want.csv), from awk: topics are the
# third field, space-separated.
awk -F'\t' -v all="$all" -v csv="$WORK/want.csv" '
    { t = " " $3; c = t ~ / grain /; g = t ~ / wheat /; n["grain"] += c; n["wheat"] += g; both += c && g
      if (c) day["grain", $1]++; if (g) day["wheat", $1]++; if (c || g) days[$1] = 1 }
    END {
        first = "99999999"; last = ""
        for (d in days) { if (d < first) first = d; if (d > last) last = d }
        printf "{\"compare\":["
        split("grain wheat", labels, " ")
        for (i = 1; i <= 2; i++) {
            l = labels[i]; o = labels[3 - i]
            printf "%s{\"label\":\"%s\",\"query\":\"topic:%s\",\"count\":%d,\"all\":%d,\"share\":%.6g,", (i > 1 ? "," : ""), l, l, n[l], all, n[l] / all
            printf "\"overlaps\":{\"grain\":%d,\"wheat\":%d}}", l == "grain" ? n[l] : both, l == "wheat" ? n[l] : both
        }
        # Periods are days here (the sample spans a week): 1987-02-26 .. 1987-03-03.
        printf "],\"timeline\":{\"unit\":\"day\",\"periods\":["
        split("19870226 19870227 19870228 19870301 19870302 19870303", ds, " ")
        for (i = 1; i <= 6; i++) printf "%s\"%s-%s-%s\"", (i > 1 ? "," : ""), substr(ds[i], 1, 4), substr(ds[i], 5, 2), substr(ds[i], 7, 2)
        printf "],\"counts\":{"
        for (j = 1; j <= 2; j++) {
            printf "%s\"%s\":[", (j > 1 ? "," : ""), labels[j]
            for (i = 1; i <= 6; i++) printf "%s%d", (i > 1 ? "," : ""), day[labels[j], ds[i]]
            printf "]"
        }
        printf "}}}\n"
        printf "label,query,count,all,share,overlap:grain,overlap:wheat\r\n" > csv
        printf "grain,topic:grain,%d,%d,%.6f,%d,%d\r\n", n["grain"], all, n["grain"] / all, n["grain"], both > csv
        printf "wheat,topic:wheat,%d,%d,%.6f,%d,%d\r\n", n["wheat"], all, n["wheat"] / all, both, n["wheat"] > csv
        printf "\r\nday,grain,wheat\r\n" > csv
        for (i = 1; i <= 6; i++) {
            printf "%s-%s-%s,%d,%d\r\n", substr(ds[i], 1, 4), substr(ds[i], 5, 2), substr(ds[i], 7, 2),
                day["grain", ds[i]], day["wheat", ds[i]] > csv
        }
        if (first != "19870226" || last != "19870303") print "unexpected span " first " " last > "/dev/stderr"
    }' "$WORK/stories" >"$WORK/want"
expect_status 0 "$NEWSSEARCH" --db "$DB" --format json --compare grain=topic:grain wheat=topic:wheat
diff "$WORK/want" "$WORK/out" >/dev/null || fail "comparison differs from awk's: $(cat "$WORK/want") vs $(cat "$WORK/out")"

expect_status 0 "$NEWSSEARCH" --db "$DB" --format csv --compare grain=topic:grain wheat=topic:wheat
cmp -s "$WORK/want.csv" "$WORK/out" || fail "comparison CSV differs from awk's: $(diff "$WORK/want.csv" "$WORK/out")"

# Text: the table and the timelines side by side; and one SVG with a line a query.
expect_status 0 "$NEWSSEARCH" --db "$DB" --compare grain=topic:grain wheat=topic:wheat --timeline-svg "$WORK/compare.svg"
grain=$(grep -o '"label":"grain","query":"topic:grain","count":[0-9]*' "$WORK/want" | grep -o '[0-9]*$')
grep -qE "^grain +$grain +$all " "$WORK/out" || fail "no table row for grain: $(cat "$WORK/out")"
expect_in "$WORK/out" "timeline (articles per day)"

# --timeline-by sets the unit of the comparison's timelines too (it was
# silently left to the span): the sample's days become one year.
expect_status 0 "$NEWSSEARCH" --db "$DB" --format json --compare grain=topic:grain wheat=topic:wheat --timeline-by year
expect_in "$WORK/out" '"timeline":{"unit":"year","periods":["1987"]'
expect_in "$WORK/compare.svg" "<polyline class=\"series\" data-label=\"wheat\""
xmllint --noout "$WORK/compare.svg" || fail "the SVG is not well-formed XML"

expect_status 2 "$NEWSSEARCH" --db "$DB" --compare grain
expect_in "$WORK/err" "'grain' is not LABEL=QUERY"
expect_status 2 "$NEWSSEARCH" --db "$DB" --compare 'bad=colour:red'
expect_in "$WORK/err" "bad: unknown field 'colour:'"
echo "ok"

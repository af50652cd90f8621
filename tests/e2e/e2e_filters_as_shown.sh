#!/usr/bin/env bash
# Filters take a value as newssearch shows it (issue 17 part 3): over a small
# archive of HTML, JSON Lines and CSV, every source, topic, place and lang
# value a facet shows, typed back in quotes as a filter, finds the articles the
# facet counted, whatever spellings of it the articles hold (one facet value
# each, as one filter); every byline a hit shows finds that hit.
source "$(dirname "$0")/lib.sh"
DB=$WORK/db
mkdir -p "$WORK/in"
cat >"$WORK/in/page.html" <<'HTML'
<!DOCTYPE html>
<html lang="fr-FR"><head><meta charset="utf-8">
<meta property="og:title" content="Le port rouvre">
<meta property="og:site_name" content="The Daily Test">
<meta property="article:published_time" content="2022-03-10T14:03:00Z">
<meta name="author" content="José Núñez">
</head><body><article><p>The harbour reopened on Monday after the storm.</p></article></body></html>
HTML
cat >"$WORK/in/news.jsonl" <<'JSONL'
{"id": "j1", "title": "Oil prices", "body": "Oil prices rose in the harbour town.", "source": "Agence Côte-Presse", "topics": ["Crude Oil"], "places": ["El Salvador", "U.S."], "byline": "Jane O'Brien", "lang": "en"}
{"id": "j2", "title": "Ships wait", "body": "Ships waited outside the harbour for a week.", "source": "The Daily Test", "topics": ["Shipping & Ports"], "places": ["El Salvador"], "byline": "Ana Müller, Staff", "lang": "en"}
{"id": "j3", "title": "Harbour fees", "body": "The harbour raised its fees for tankers.", "source": "THE DAILY TEST", "topics": ["crude oil", "Crude Oil"], "places": ["el salvador"], "byline": "Li Wei", "lang": "en"}
JSONL
cat >"$WORK/in/news.csv" <<'CSV'
id,headline,content,published,source,topic,place,byline
c1,Cocoa,"Cocoa left the harbour of Abidjan.",2022-03-11,Wall St. Journal,Crude Oil,Côte d'Ivoire,Kofi Mensah
CSV
expect_status 0 "$NEWSINDEX" --db "$DB" "$WORK/in"

# Every facet value of the four tag fields, as "FIELD<TAB>VALUE<TAB>COUNT".
expect_status 0 "$NEWSSEARCH" --db "$DB" --format json -n 0 --facet source,topic,place,lang harbour
python3 -c 'import json, sys
for field, counts in json.load(sys.stdin)["facets"].items():
    for c in counts: print(field, c["value"], c["count"], sep="\t")' <"$WORK/out" >"$WORK/facets"
[ "$(wc -l <"$WORK/facets")" -eq 10 ] || fail "expected 10 facet values: $(cat "$WORK/facets")"
grep -qF "source	The Daily Test	3" "$WORK/facets" || fail "no 'The Daily Test' source facet: $(cat "$WORK/facets")"
while IFS=$'\t' read -r field value count; do
    filter="$field:\"$value\""
    expect_status 0 "$NEWSSEARCH" --db "$DB" --format json -n 10 --facet "$field" "$filter"
    got=$(python3 -c 'import json, sys
r = json.load(sys.stdin); f = sys.argv[1]
print(r["total"], *[c["count"] for c in r["facets"][f] if c["value"] == sys.argv[2]])' "$field" "$value" <"$WORK/out")
    [ "$got" = "$count $count" ] || fail "$filter: total and facet count '$got', the facet counted $count"
done <"$WORK/facets"

# Each hit's byline, as shown, finds that hit.
expect_status 0 "$NEWSSEARCH" --db "$DB" --format json harbour
python3 -c 'import json, sys
for h in json.load(sys.stdin)["hits"]: print(h["id"], h["byline"], sep="\t")' <"$WORK/out" >"$WORK/bylines"
[ "$(wc -l <"$WORK/bylines")" -eq 5 ] || fail "expected 5 hits with bylines: $(cat "$WORK/bylines")"
while IFS=$'\t' read -r id byline; do
    expect_status 0 "$NEWSSEARCH" --db "$DB" --format json "byline:\"$byline\""
    expect_in "$WORK/out" "\"id\":\"$id\""
done <"$WORK/bylines"

# Case, accents and spaces folded as at index time; the hyphenated form too.
while IFS=$'\t' read -r filter want; do
    expect_status 0 "$NEWSSEARCH" --db "$DB" --count "$filter"
    [ "$(cat "$WORK/out")" = "$want" ] || fail "$filter: $(cat "$WORK/out") matches, expected $want"
done <<'CASES'
source:"the daily TEST"	3
source:the-daily-test	3
place:"cote d'ivoire"	1
topic:"crude  oil"	3
topic:"Shipping & Ports"	1
CASES
echo "ok"

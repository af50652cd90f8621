#!/usr/bin/env bash
# Wire-copy pickup (--pickup, --sort pickup) on a fixture written here, whose
# copies, dates and outlets are known by construction, over one database and
# over a sharded archive; then on the bundled Reuters sample, against groups
# of byte-identical bodies found with awk.
source "$(dirname "$0")/lib.sh"
E2E=$(dirname "$0")

# Three stories that mention the harbour: a strike sent four times by three
# outlets (first on 2024-01-01), a storm sent twice, and a local report (one
# copy) that says "harbour" most often.
strike="Dock workers at the northern harbour walked out on Monday after talks on pay and shift patterns broke down, halting container traffic and leaving dozens of ships waiting at anchor outside the port."
storm="A winter storm closed the harbour road and cut power to several thousand homes along the coast, and the weather service warned that more heavy rain and strong winds were expected overnight in the region."
local_news="Harbour news: the harbour master said the harbour dredging will finish in spring, and the harbour cafe reopens next week for visitors, fishermen and anyone who wants to watch the boats in the harbour."
other="The central bank left interest rates unchanged on Thursday and said inflation was slowing faster than expected, while unemployment stayed close to its lowest level in decades, according to the statement."
cat >"$WORK/fixture.jsonl" <<JSONL
{"id": "strike-reuters", "title": "Harbour strike", "body": "$strike", "date": "2024-01-03", "source": "Reuters"}
{"id": "strike-ap", "title": "Dockers strike", "body": "$strike", "date": "2024-01-01", "source": "AP"}
{"id": "strike-afp", "title": "Port halted", "body": "$strike", "date": "2024-01-02", "source": "AFP"}
{"id": "strike-reuters-2", "title": "Harbour strike (repeat)", "body": "$strike", "date": "2024-01-05", "source": "Reuters"}
{"id": "storm-bbc", "title": "Storm", "body": "$storm", "date": "2024-02-10", "source": "BBC"}
{"id": "storm-reuters", "title": "Coast storm", "body": "$storm", "date": "2024-02-09", "source": "Reuters"}
{"id": "local", "title": "Harbour news", "body": "$local_news", "date": "2024-03-01", "source": "Local Herald"}
{"id": "rates", "title": "Rates", "body": "$other", "date": "2024-03-02", "source": "Reuters"}
JSONL
strike_pickup='"pickup":{"copies":4,"first_date":"2024-01-01","outlets":["AFP","AP","Reuters"]}'
storm_pickup='"pickup":{"copies":2,"first_date":"2024-02-09","outlets":["BBC","Reuters"]}'
local_pickup='"pickup":{"copies":1,"first_date":"2024-03-01","outlets":["Local Herald"]}'
ids_in_order() { grep -o '"id":"[^"]*"' "$WORK/out" | sed 's/"id":"\(.*\)"/\1/' | sed 's/-.*//' | tr '\n' ' '; }

check_database() {
    local db=$1
    expect_status 0 "$NEWSSEARCH" --db "$db" --format json --pickup harbour
    expect_in "$WORK/out" '"total":3,'
    expect_in "$WORK/out" "$strike_pickup"
    expect_in "$WORK/out" "$storm_pickup"
    expect_in "$WORK/out" "$local_pickup"
    # Relevance puts another story first, so the pickup order below is the sort's doing.
    [ "$(ids_in_order | cut -d' ' -f1)" != strike ] || fail "$db: relevance already puts the strike first"
    # The most widely carried first, over every match, not only the page.
    expect_status 0 "$NEWSSEARCH" --db "$db" --format json --sort pickup harbour
    [ "$(ids_in_order)" = "strike storm local " ] || fail "$db: --sort pickup order is $(ids_in_order)"
    expect_in "$WORK/out" "$strike_pickup"
    expect_status 0 "$NEWSSEARCH" --db "$db" --format json --sort pickup -n 1 harbour
    [ "$(ids_in_order)" = "strike " ] || fail "$db: --sort pickup -n 1 gives $(ids_in_order)"
    # Every copy counts, not only those that match.
    expect_status 0 "$NEWSSEARCH" --db "$db" --format json --pickup 'harbour source:ap'
    expect_in "$WORK/out" '"total":1,'
    expect_in "$WORK/out" "$strike_pickup"
    # Shown with every copy too.
    expect_status 0 "$NEWSSEARCH" --db "$db" --format json --pickup --no-collapse 'dock workers'
    expect_in "$WORK/out" '"total":4,'
    [ "$(grep -o '"copies":4' "$WORK/out" | wc -l)" = 4 ] || fail "$db: not every copy carries its pickup"
}

DB=$WORK/db
expect_status 0 "$NEWSINDEX" --db "$DB" "$WORK/fixture.jsonl"
check_database "$DB"
expect_status 0 "$NEWSINDEX" --db "$WORK/archive" --shards 3 "$WORK/fixture.jsonl"
check_database "$WORK/archive"
expect_status 0 "$NEWSINDEX" --db "$DB" --check

expect_status 0 "$NEWSSEARCH" --db "$DB" --sort pickup harbour
expect_in "$WORK/out" "carried: 4 copies, 3 outlets (AFP, AP, Reuters), first 2024-01-01"
expect_in "$WORK/out" "carried: 1 copy, 1 outlet (Local Herald), first 2024-03-01"
expect_status 0 "$NEWSSEARCH" --db "$DB" --format csv --pickup harbour
[ "$(head -1 "$WORK/out" | tr -d '\r')" = "rank,id,score,date,source,title,copies_hidden,snippet,copies,first_date,outlets" ] ||
    fail "csv header: $(head -1 "$WORK/out")"
grep -q ',4,2024-01-01,AFP; AP; Reuters'$'\r''$' "$WORK/out" || fail "csv row of the strike: $(cat "$WORK/out")"
expect_status 0 "$NEWSSEARCH" --db "$DB" harbour
if grep -q "carried:" "$WORK/out"; then fail "pickup shown without --pickup"; fi
expect_status 2 "$NEWSSEARCH" --db "$DB" --all --format csv --pickup harbour
expect_in "$WORK/err" "newssearch: error: --pickup and --sort pickup show one page, not --all"

# The bundled Reuters sample: each group of stories with the same body (of 20
# words or more) is one cluster, as large as the group, first seen on the
# group's earliest date, carried by Reuters.
awk -f "$E2E/reuters_body_groups.awk" "$SOURCE_DIR/corpus/sample/reuters21578/reut2-000.sgm" >"$WORK/groups"
[ "$(wc -l <"$WORK/groups")" -ge 10 ] || fail "expected at least 10 repeated stories in the sample"
expect_status 0 "$NEWSINDEX" --db "$WORK/sample" "$SOURCE_DIR/corpus/sample"
while read -r id copies first_date; do
    expect_status 0 "$NEWSSEARCH" --db "$WORK/sample" --format json --pickup "id:$id"
    expect_in "$WORK/out" "\"pickup\":{\"copies\":$copies,\"first_date\":\"$first_date\",\"outlets\":[\"Reuters\"]}"
done <"$WORK/groups"
echo "ok ($(wc -l <"$WORK/groups") Reuters groups)"

#!/usr/bin/env bash
# Sharded archives: newsindex --shards, and newssearch over local shards (a
# stub file) and remote shards (xapian-tcpsrv on loopback ports chosen at run
# time) ranks, scores, facets and snippets exactly as over one database built
# from the same articles. Then one server is stopped, and one frozen.
source "$(dirname "$0")/lib.sh"
SERVE="$SOURCE_DIR/scripts/serve-shard"
SAMPLE=$SOURCE_DIR/corpus/sample
ONE=$WORK/one
ARCHIVE=$WORK/archive

json_total() { sed -n 's/^{"query":"[^"]*","total":\([0-9]*\),.*/\1/p' "$WORK/out"; }

stop_servers() {
    for pidfile in "$WORK"/pid.*; do
        [ -e "$pidfile" ] || continue
        kill -CONT "$(cat "$pidfile")" 2>/dev/null
        "$SERVE" stop "$pidfile"
    done
}
trap 'stop_servers; rm -rf "$WORK"' EXIT

expect_status 0 "$NEWSINDEX" --db "$ONE" "$SAMPLE"
expect_status 0 "$NEWSINDEX" --db "$ARCHIVE" --shards 3 "$SAMPLE"
expect_in "$WORK/out" "indexed 1001 articles (1001 new, 0 replaced)"

# Every article is in exactly one shard, and every shard has some.
for shard in 0 1 2; do
    count=$(article_count "$ARCHIVE/shard-00$shard")
    [ "$count" -gt 200 ] || fail "shard $shard holds $count articles"
    xapian-delve -a -1 "$ARCHIVE/shard-00$shard" | grep '^Q' >>"$WORK/ids.sharded"
done
xapian-delve -a -1 "$ONE" | grep '^Q' | sort >"$WORK/ids.one"
sort "$WORK/ids.sharded" | diff - "$WORK/ids.one" >/dev/null || fail "the shards do not hold each article exactly once"

# Re-indexing finds each article's shard (the count comes from the stub file).
# Ten commits: the near-duplicate look-up over the shards once read the
# revision of the run's start, which the third commit discards
# (DatabaseModifiedError, issue 18).
expect_status 0 "$NEWSINDEX" --db "$ARCHIVE" --commit-every 100 "$SAMPLE"
expect_in "$WORK/out" "indexed 1001 articles (0 new, 1001 replaced)"
[ "$(sort "$WORK/ids.sharded" | wc -l)" -eq "$(article_count "$ARCHIVE")" ] ||
    fail "re-indexing changed the number of articles"
expect_status 2 "$NEWSINDEX" --db "$ARCHIVE" --shards 2 "$SAMPLE"
expect_in "$WORK/err" "has 3 shards, not 2"

# --delete finds an article in whichever shard holds it; an id in none is named.
expect_status 0 "$NEWSINDEX" --db "$WORK/deleted" --shards 3 "$SAMPLE"
expect_status 0 "$NEWSINDEX" --db "$WORK/deleted" --delete 1 no-such-id
expect_in "$WORK/out" "removed 1 articles, 1 id not in the database: no-such-id"
[ "$(article_count "$WORK/deleted")" -eq 1000 ] || fail "--delete on shards left $(article_count "$WORK/deleted") articles"
expect_status 1 "$NEWSSEARCH" --db "$WORK/deleted" id:1

# Every shard holds the synonym groups (Xapian reads them from the first).
printf 'oil, petroleum\n' >"$WORK/synonyms"
expect_status 0 "$NEWSINDEX" --db "$WORK/synonyms.db" --shards 3 --synonyms "$WORK/synonyms" "$SAMPLE"
for shard in 0 1 2; do
    expect_status 0 "$NEWSSEARCH" --db "$WORK/synonyms.db/shard-00$shard" -n 0 --format json oil
    oil=$(json_total)
    expect_status 0 "$NEWSSEARCH" --db "$WORK/synonyms.db/shard-00$shard" -n 0 --format json petroleum
    [ "$(json_total)" = "$oil" ] || fail "shard $shard: petroleum finds $(json_total), oil $oil"
    expect_status 0 "$NEWSSEARCH" --db "$ARCHIVE/shard-00$shard" -n 0 --format json petroleum
    [ "$(json_total)" -lt "$oil" ] || fail "shard $shard: petroleum without synonyms finds as many as oil"
done

# --strict: a skipped record fails the run and no shard gets any of its batch.
printf '%s\n' '{"id": "a", "body": "first story"}' '{"id": "b", "body": ' '{"id": "c", "body": "third story"}' \
    '{"id": "d", "body": "fourth story"}' >"$WORK/news.jsonl"
expect_status 2 "$NEWSINDEX" --db "$WORK/strict" --shards 3 --strict "$WORK/news.jsonl"
expect_in "$WORK/err" "newsindex: error: --strict: a record was skipped, so nothing of its batch was written: $WORK/news.jsonl:2: error:"
for shard in 0 1 2; do
    [ "$(article_count "$WORK/strict/shard-00$shard")" = 0 ] || fail "--strict wrote part of the batch in shard $shard"
done

# The progress line, on a terminal, as for one database.
script -qec "$NEWSINDEX --db $WORK/tty --shards 2 $SAMPLE" /dev/null >"$WORK/tty.out" </dev/null
grep -qE '[0-9] articles  [0-9.]+ / [0-9.]+ MB' "$WORK/tty.out" || fail "no progress line: $(head -c 300 "$WORK/tty.out")"

# One writer per shard: a shard held by another newsindex (waiting on its
# standard input) fails the run at once, naming that shard.
mkfifo "$WORK/fifo"
"$NEWSINDEX" --db "$ARCHIVE/shard-001" - <"$WORK/fifo" >/dev/null 2>&1 &
holder=$!
exec 3>"$WORK/fifo"
for _ in $(seq 400); do
    [ -e "$ARCHIVE/shard-001/gazette-writer" ] && break
    sleep 0.01
done
expect_status 2 timeout 60 "$NEWSINDEX" --db "$ARCHIVE" "$SAMPLE"
expect_in "$WORK/err" "newsindex: error: database '$ARCHIVE/shard-001' is locked by another writer: newsindex (pid $holder,"
exec 3>&-
wait "$holder"

for shard in 0 1 2; do
    port=$("$SERVE" start "$ARCHIVE/shard-00$shard" auto "$WORK/pid.$shard") || fail "cannot serve shard $shard"
    REMOTE[$shard]=tcp://127.0.0.1:$port
done

# The same top 100 (ids, scores, snippets, facets, copies hidden) for every
# query, with the default ranking (BM25) and near-duplicates collapsed, and
# with PL2, feedback (which needs global statistics) and every copy.
# Collapsed, the total is Xapian's estimate ("about N matches"), which depends
# on the order it meets the copies in: it is left out; every copy's is exact.
# Through tcp:// shards a hit's count of hidden copies is a lower bound (a
# server sends the merge only its own top hits): left out there too.
QUERIES=("oil prices opec" "coffee quota brazil talks" "grain wheat export" "Colombia non-NATO" "bank interest rates"
    "cocoa" "gold mining shares" "\"trade deficit\"" "dollar NEAR yen" "title:cocoa OR crude")
compare() {
    local name=$1
    shift
    for query in "${QUERIES[@]}"; do
        for ranking in "" "--weighting pl2 --feedback-docs 3 --no-collapse"; do
            # shellcheck disable=SC2086
            expect_status 0 "$NEWSSEARCH" --db "$ONE" $ranking --format json --limit 100 --facet source,year,month "$query"
            mv "$WORK/out" "$WORK/expected"
            # shellcheck disable=SC2086
            expect_status 0 "$NEWSSEARCH" "$@" $ranking --format json --limit 100 --facet source,year,month "$query"
            if [ -z "$ranking" ]; then
                sed -i 's/^{"query":"[^"]*","total":[0-9]*,/{/' "$WORK/out" "$WORK/expected"
                if [[ "$name" == *remote* || "$name" == *served* ]]; then
                    sed -i 's/"copies_hidden":[0-9]*//g' "$WORK/out" "$WORK/expected"
                fi
            fi
            cmp -s "$WORK/out" "$WORK/expected" || fail "$name: '$query' $ranking differs from one database"
            grep -q '"rank":2,' "$WORK/out" || fail "$name: fewer than 2 hits for '$query'"
        done
    done
}
compare "local shards" --db "$ARCHIVE"
compare "stub file" --db "$ARCHIVE/XAPIANDB"
compare "remote shards" --db "${REMOTE[0]}" --db "${REMOTE[1]}" --db "${REMOTE[2]}"
# One server for a machine's shards: xapian-tcpsrv serves the stub file's databases as one.
port=$("$SERVE" start "$ARCHIVE" auto "$WORK/pid.archive") || fail "cannot serve the archive"
compare "the archive served whole" --db "tcp://127.0.0.1:$port"

# --all streams every match from tcp:// shards too (page by page there: Xapian
# cannot send a match spy), past the first page of 1,000: every article of the
# sample, as from one database.
ALL_QUERY="reuter OR colombia OR said OR after:1900-01-01"
expect_status 0 "$NEWSSEARCH" --db "$ONE" --all --format csv "$ALL_QUERY"
tail -n +2 "$WORK/out" | cut -d, -f2 | sort >"$WORK/all.one"
expect_status 0 "$NEWSSEARCH" --db "${REMOTE[0]}" --db "${REMOTE[1]}" --db "${REMOTE[2]}" --all --format csv "$ALL_QUERY"
tail -n +2 "$WORK/out" | cut -d, -f2 | sort >"$WORK/all.remote"
[ "$(wc -l <"$WORK/all.remote")" -eq "$(article_count "$ONE")" ] || fail "--all over tcp:// shards: not every article"
cmp -s "$WORK/all.remote" "$WORK/all.one" || fail "--all over tcp:// shards differs from one database"

# Copies are collapsed over shards (the comparison above also checks how many).
expect_status 0 "$NEWSSEARCH" --db "$ARCHIVE" --format json --limit 300 "oil prices opec"
grep -q '"copies_hidden":[1-9]' "$WORK/out" || fail "no copies collapsed over shards"

# Spelling comes from every local shard; tcp:// shards give none, with a note.
expect_status 0 "$NEWSSEARCH" --db "$ARCHIVE" -n 0 --format json "Colmbia nato"
expect_in "$WORK/out" "\"did_you_mean\":\"Colombia nato\""
expect_status 0 "$NEWSSEARCH" --db "${REMOTE[0]}" --db "${REMOTE[1]}" --db "${REMOTE[2]}" -n 0 --format json "Colmbia nato"
expect_in "$WORK/out" "\"did_you_mean\":null"
expect_in "$WORK/err" "newssearch: note: no spelling suggestions from tcp:// shards"

# Pickup counts a story's copies in every shard, remote ones too (the hits'
# pickups equal one database's); sorting by it needs every shard local.
pickups() { grep -o '"id":"[^"]*"\|"pickup":{[^}]*}' "$WORK/out"; }
expect_status 0 "$NEWSSEARCH" --db "$ONE" --format json --pickup --limit 50 "oil prices opec"
pickups >"$WORK/pickup.one"
grep -q '"copies":[2-9]' "$WORK/pickup.one" || fail "no story of several copies among the pickups"
expect_status 0 "$NEWSSEARCH" --db "${REMOTE[0]}" --db "${REMOTE[1]}" --db "${REMOTE[2]}" --format json --pickup \
    --limit 50 "oil prices opec"
pickups >"$WORK/pickup.remote"
cmp -s "$WORK/pickup.one" "$WORK/pickup.remote" || fail "--pickup over tcp:// shards differs from one database"
expect_status 2 "$NEWSSEARCH" --db "${REMOTE[0]}" --sort pickup oil
expect_in "$WORK/err" "newssearch: error: this search cannot run on a remote (tcp://) shard"

# Topic facets cannot be sent to a remote shard: a clear error, not a crash.
expect_status 2 "$NEWSSEARCH" --db "${REMOTE[0]}" --facet topic oil
expect_in "$WORK/err" "newssearch: error: this search cannot run on a remote (tcp://) shard"

# A stopped shard is named; --allow-partial answers from the others, exactly
# as the two remaining shards searched locally would (--no-collapse: with
# collapsing, Xapian's estimate of the total differs between local and
# remote shards, the hits do not).
"$SERVE" stop "$WORK/pid.1"
expect_status 2 "$NEWSSEARCH" --db "${REMOTE[0]}" --db "${REMOTE[1]}" --db "${REMOTE[2]}" oil
expect_in "$WORK/err" "newssearch: error: cannot open database '${REMOTE[1]}'"
expect_status 0 "$NEWSSEARCH" --db "${REMOTE[0]}" --db "${REMOTE[1]}" --db "${REMOTE[2]}" --allow-partial \
    --no-collapse --format json --limit 100 oil prices
expect_in "$WORK/err" "newssearch: note: answered without 1 of 3 databases: '${REMOTE[1]}'"
mv "$WORK/out" "$WORK/partial"
expect_status 0 "$NEWSSEARCH" --db "$ARCHIVE/shard-000" --db "$ARCHIVE/shard-002" --no-collapse --format json \
    --limit 100 oil prices
cmp -s "$WORK/partial" "$WORK/out" || fail "--allow-partial differs from the two remaining shards"

# A shard that accepts connections but never answers (frozen with SIGSTOP)
# fails after --remote-timeout, named.
kill -STOP "$(cat "$WORK/pid.2")"
expect_status 2 "$NEWSSEARCH" --db "${REMOTE[0]}" --db "${REMOTE[2]}" --remote-timeout 1 oil
expect_in "$WORK/err" "newssearch: error: cannot open database '${REMOTE[2]}'"
expect_in "$WORK/err" "Timeout"
expect_status 0 "$NEWSSEARCH" --db "${REMOTE[0]}" --db "${REMOTE[2]}" --remote-timeout 1 --allow-partial oil
expect_in "$WORK/err" "answered without 1 of 2 databases: '${REMOTE[2]}'"
echo "ok"

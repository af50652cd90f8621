#!/usr/bin/env bash
# Crash safety: newsindex is killed with SIGKILL at random moments while it
# indexes Reuters-21578 (../shared/data). After each kill the database opens
# and every article in it is whole (newsindex --check re-analyses each stored
# article and compares terms, date and id); re-running the same command then
# finishes with exactly the stories of the collection, no duplicates.
# CRASH_SEED=N repeats a run's kill moments; CRASH_KILLS=N changes how many.
source "$(dirname "$0")/lib.sh"
require_shared_data reuters21578
DB=$WORK/db
FILES=("$SHARED_DATA"/reuters21578/*.sgm)
STORIES=$(cat "${FILES[@]}" | grep -c '<REUTERS ')
RANDOM=${CRASH_SEED:-$$}
echo "CRASH_SEED=$RANDOM"

# Commits every 300 articles, so kills land before, during and after commits.
INDEX=("$NEWSINDEX" --db "$DB" --commit-every 300 "${FILES[@]}")

for kill in $(seq "${CRASH_KILLS:-8}"); do
    # 0.2 to 8.2 s, in milliseconds: early kills hit the database creation,
    # later ones hit the first commits.
    delay=$(printf '%d.%03d' $((RANDOM % 8)) $((200 + RANDOM % 800)))
    "${INDEX[@]}" >"$WORK/index.out" 2>&1 &
    writer=$!
    sleep "$delay"
    kill -KILL "$writer" 2>/dev/null
    wait "$writer"
    [ -e "$DB/iamglass" ] || { echo "kill $kill after ${delay}s: before the database existed"; continue; }
    expect_status 0 "$NEWSINDEX" --db "$DB" --check
    expect_in "$WORK/out" "no problems"
    echo "kill $kill after ${delay}s: $(cat "$WORK/out")"
    # Searchable: 0 (found) or 1 (nothing committed yet), never an error.
    "$NEWSSEARCH" --db "$DB" --format json -n 1 said >"$WORK/out" 2>"$WORK/err"
    status=$?
    [ "$status" -le 1 ] || fail "search after kill $kill exited $status: $(cat "$WORK/err")"
done

"${INDEX[@]}" >"$WORK/index.out" 2>&1 || fail "the re-run failed: $(tail -3 "$WORK/index.out")"
[ "$(article_count "$DB")" = "$STORIES" ] || fail "expected $STORIES documents, xapian-delve says $(article_count "$DB")"
ids=$(xapian-delve -a "$DB" | tr ' ' '\n' | grep -c '^Q')
[ "$ids" = "$STORIES" ] || fail "expected $STORIES distinct ids, found $ids"
expect_status 0 "$NEWSINDEX" --db "$DB" --check
expect_in "$WORK/out" "checked $STORIES articles: no problems"
echo "ok"

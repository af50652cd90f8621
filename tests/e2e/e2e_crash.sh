#!/usr/bin/env bash
# Crash safety (ARCHITECTURE.md, error policy): newsindex is killed with
# SIGKILL at random moments, on every way of building (serial --threads 1,
# parallel --threads 4, sharded --shards 2), and while it deletes and
# replaces. After each kill: newsindex --check finds no problem, no id is
# there twice, a search succeeds, and a serial or parallel build holds a
# prefix of the input; at the end the same command, run again, completes the
# job: every id of the input once, nothing lost.
#
# Per path it prints the kills made, those that landed mid-build (the writer
# was still running, and its database existed), and the articles lost and
# duplicated; it fails when either is not 0 or when fewer than half the kills
# landed mid-build.
#
# CRASH_KILLS=N kills per path (6 by default, for ctest); CRASH_PATHS="serial
# parallel sharded" the builds to kill (deletes and replaces follow sharded);
# CRASH_INPUT=reuters all of Reuters-21578 (../shared/data) instead of the
# bundled sample's 1,000 stories; CRASH_SEED=N repeats a run's kill moments;
# CRASH_THREADS=N the parallel build's threads (4 by default); CRASH_CPUS=LIST
# runs the whole test on those CPUs only (taskset -c LIST: CRASH_CPUS=0 is one
# core; skipped where taskset is absent).
# The full loop: CRASH_KILLS=50 CRASH_INPUT=reuters bash tests/e2e/e2e_crash.sh
if [ -n "${CRASH_CPUS:-}" ] && [ -z "${CRASH_PINNED:-}" ]; then
    command -v taskset >/dev/null || { echo "SKIP: taskset is absent"; exit 77; }
    CRASH_PINNED=1 exec taskset -c "$CRASH_CPUS" bash "$0" "$@"
fi
source "$(dirname "$0")/lib.sh"
KILLS=${CRASH_KILLS:-6}
if [ "${CRASH_INPUT:-sample}" = reuters ]; then
    require_shared_data reuters21578
    FILES=("$SHARED_DATA"/reuters21578/*.sgm)
else
    FILES=("$SOURCE_DIR"/corpus/sample/reuters21578/*.sgm)
fi
SEED=${CRASH_SEED:-$$}
RANDOM=$SEED
echo "CRASH_SEED=$SEED${CRASH_CPUS:+ on CPUs $(taskset -pc $$ | sed 's/.*: //')}"
# The input's ids in input order (Reuters ids are NEWIDs).
cat "${FILES[@]}" | sed -n 's/.*<REUTERS [^>]*NEWID="\([0-9]*\)".*/\1/p' >"$WORK/input.ids"
STORIES=$(wc -l <"$WORK/input.ids")
COMMIT_EVERY=$((STORIES / 20))  # about twenty commits a build

# The distinct ids in database $1, sorted; and how many documents it holds
# beyond them (an id held twice).
db_ids() { xapian-delve -a "$1" | tr ' ' '\n' | sed -n 's/^Q//p' | sort; }
duplicated() { echo $(($(article_count "$1") - $(db_ids "$1" | wc -l))); }

# The archive at $1 after a kill: whole, each id once, searchable; $2
# "prefix" when it must hold the first N ids of the input.
check_after_kill() {
    local db=$1 shape=$2 held
    expect_status 0 "$NEWSINDEX" --db "$db" --check
    expect_in "$WORK/out" "no problems"
    [ "$(duplicated "$db")" = 0 ] || fail "after a kill, $db holds an id twice"
    # 0 (found) or 1 (nothing committed yet), never an error.
    "$NEWSSEARCH" --db "$db" --format json -n 1 said >"$WORK/search.out" 2>"$WORK/err"
    [ $? -le 1 ] || fail "search after a kill failed: $(cat "$WORK/err")"
    if [ "$shape" = prefix ]; then
        held=$(db_ids "$db" | wc -l)
        head -n "$held" "$WORK/input.ids" | sort | cmp -s - <(db_ids "$db") ||
            fail "after a kill, $db holds $held articles that are not the input's first $held"
    fi
}

database_exists() { [ -e "$1/iamglass" ] || [ -e "$1/XAPIANDB" ]; }

# kill_loop NAME SHAPE SECONDS COMMAND...: runs COMMAND (a newsindex run on
# $DB) $KILLS times, each killed after a random 2% to 70% of SECONDS (what
# one uninterrupted run takes), checking the archive after each kill; then
# runs it to its end. A run that ended before its kill is followed by the
# command RESET, when set, which gives the next run its work again (a build
# from scratch: a parallel build is one of an empty database only; the
# deleted articles back). Counts into MADE and MID_BUILD.
kill_loop() {
    local name=$1 shape=$2 seconds=$3 delay writer status
    shift 3
    MADE=0 MID_BUILD=0
    for _ in $(seq "$KILLS"); do
        delay=$(awk -v s="$seconds" -v r=$RANDOM 'BEGIN { printf "%.3f", s * (0.02 + 0.68 * r / 32768) }')
        "$@" >"$WORK/index.out" 2>&1 &
        writer=$!
        sleep "$delay"
        database_exists "$DB" && [ -d "/proc/$writer" ] && ! grep -q '^State:.*zombie' "/proc/$writer/status" &&
            MID_BUILD=$((MID_BUILD + 1))
        kill -KILL "$writer" 2>/dev/null
        wait "$writer" 2>/dev/null
        status=$?
        MADE=$((MADE + 1))
        database_exists "$DB" && check_after_kill "$DB" "$shape"
        if [ "$status" = 0 ] && [ -n "${RESET:-}" ]; then $RESET; fi
    done
    "$@" >"$WORK/index.out" 2>&1 || fail "$name: the re-run failed: $(tail -3 "$WORK/index.out")"
}

# How long COMMAND takes uninterrupted, in seconds, on a database removed after.
timed() {
    local started=$EPOCHREALTIME
    "$@" >"$WORK/index.out" 2>&1 || fail "the timing run failed: $(tail -3 "$WORK/index.out")"
    rm -rf "$DB"
    awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.3f", b - a }'
}

remove_database() { rm -rf "$DB"; }
restore_deleted() { "$NEWSINDEX" --db "$DB" "${FILES[0]}" >"$WORK/index.out" 2>&1 || fail "restoring failed"; }

FAILED=0
report() {
    local name=$1 lost=$2 duplicates=$3
    echo "$name: kills $MADE, mid-build $MID_BUILD, lost $lost, duplicated $duplicates"
    if [ "$lost" != 0 ] || [ "$duplicates" != 0 ] || [ $((2 * MID_BUILD)) -lt "$MADE" ]; then FAILED=1; fi
}

# The finished archive $DB holds every input id once.
report_build() {
    local name=$1 lost
    lost=$(sort "$WORK/input.ids" | comm -23 - <(db_ids "$DB") | wc -l)
    expect_status 0 "$NEWSINDEX" --db "$DB" --check
    expect_in "$WORK/out" "checked $STORIES articles: no problems"
    report "$name" "$lost" "$(duplicated "$DB")"
}

DB=$WORK/db
for path in ${CRASH_PATHS:-serial parallel sharded}; do
    name=$path
    case $path in
    serial) INDEX=("$NEWSINDEX" --db "$DB" --threads 1 --commit-every "$COMMIT_EVERY" "${FILES[@]}") shape=prefix ;;
    parallel)
        INDEX=("$NEWSINDEX" --db "$DB" --threads "${CRASH_THREADS:-4}" "${FILES[@]}") shape=prefix
        name="parallel --threads ${CRASH_THREADS:-4}"
        ;;
    sharded) INDEX=("$NEWSINDEX" --db "$DB" --shards 2 --commit-every "$COMMIT_EVERY" "${FILES[@]}") shape=any ;;
    esac
    seconds=$(timed "${INDEX[@]}")
    RESET=remove_database kill_loop "$name" "$shape" "$seconds" "${INDEX[@]}"
    report_build "$name"
    [ "$path" = sharded ] || rm -rf "$DB"
done

[ "$path" = sharded ] || { [ "$FAILED" = 0 ] && echo "ok"; exit "$FAILED"; }  # a run of some paths only

# Deletes and replaces, on the sharded archive (a kill may land between two
# shards' commits): a delete commits in one step a shard, so each shard holds
# all of its articles or none of the deleted ones.
# Half the first file's stories, which restore_deleted puts back.
FIRST_FILE_STORIES=$(grep -c '<REUTERS ' "${FILES[0]}")
head -n $((FIRST_FILE_STORIES / 2)) "$WORK/input.ids" >"$WORK/doomed.ids"
DELETE=("$NEWSINDEX" --db "$DB" --delete-from "$WORK/doomed.ids")
# A delete takes about a second, most of it waiting for the disk, and varies
# as much: the kills fall within the fastest of three.
seconds=$(for _ in 1 2 3; do
    cp -r "$DB" "$DB.copy" && DB=$DB.copy timed "$NEWSINDEX" --db "$DB.copy" --delete-from "$WORK/doomed.ids"
    echo
done | sort -n | head -1)
RESET=restore_deleted kill_loop "deletes" any "$seconds" "${DELETE[@]}"
lost=$(sort "$WORK/input.ids" | comm -23 - <(sort "$WORK/doomed.ids") | comm -23 - <(db_ids "$DB") | wc -l)
extra=$(db_ids "$DB" | comm -12 - <(sort "$WORK/doomed.ids") | wc -l)
report "deletes" "$lost" "$(($(duplicated "$DB") + extra))"

# Replaces: every story of the first file changed ("said" becomes
# "crashtestword"), re-indexed over the full archive.
restore_deleted
sed 's/\bsaid\b/crashtestword/g' "${FILES[0]}" >"$WORK/changed.sgm"
CHANGED=$(grep -c '<REUTERS ' "$WORK/changed.sgm")
REPLACE=("$NEWSINDEX" --db "$DB" --commit-every $((CHANGED / 10)) "$WORK/changed.sgm")
seconds=$(cp -r "$DB" "$DB.copy" && DB=$DB.copy timed "$NEWSINDEX" --db "$DB.copy" "$WORK/changed.sgm")
kill_loop "replaces" any "$seconds" "${REPLACE[@]}"
lost=$(sort "$WORK/input.ids" | comm -23 - <(db_ids "$DB") | wc -l)
expect_status 0 "$NEWSSEARCH" --db "$DB" --count crashtestword
[ "$(cat "$WORK/out")" -gt 0 ] || fail "the replaced articles are not searchable by their new text"
report "replaces" "$lost" "$(duplicated "$DB")"

[ "$FAILED" = 0 ] || fail "articles lost or duplicated, or too few kills landed mid-build (see above)"
echo "ok"

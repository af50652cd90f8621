# Helpers for the end-to-end tests. Each test sources this file, runs the real
# programs ($NEWSINDEX, $NEWSSEARCH, set by ctest) and calls fail on the first
# broken expectation.
set -u
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

# expect_status CODE COMMAND...: runs COMMAND, keeping stdout in $WORK/out and
# stderr in $WORK/err, and fails unless it exits with CODE.
expect_status() {
    local want=$1
    shift
    "$@" >"$WORK/out" 2>"$WORK/err"
    local got=$?
    [ "$got" -eq "$want" ] || fail "exit $got, expected $want: $* (stderr: $(head -c 500 "$WORK/err"))"
}

# expect_in FILE TEXT: FILE contains TEXT.
expect_in() {
    grep -qF -- "$2" "$1" || fail "$1 does not contain '$2': $(head -c 800 "$1")"
}

# article_count DB: the number of articles: the documents xapian-delve
# counts, less the filter guard a database with deletions holds (one a shard;
# common/archive_layout.h).
article_count() {
    local documents guards
    documents=$(xapian-delve "$1" | sed -n 's/^number of documents = //p')
    guards=$(xapian-delve -t XZfilter-guard "$1" 2>/dev/null | sed -n 's/.*(termfreq \([0-9]*\).*/\1/p')
    echo $((documents - ${guards:-0}))
}

# hold_write_lock DB FILE: starts newsindex writing FILE three times into DB,
# which keeps it busy long enough to catch it, and stops it (SIGSTOP) once it
# holds the write lock. Its pid is $WRITER and its output $WORK/writer.out;
# kill -CONT "$WRITER" and wait for it when done.
hold_write_lock() {
    "$NEWSINDEX" --db "$1" --commit-every 100 "$2" "$2" "$2" >"$WORK/writer.out" 2>&1 &
    WRITER=$!
    for _ in $(seq 400); do
        [ -e "$1/gazette-writer" ] && break
        sleep 0.01
    done
    kill -STOP "$WRITER" || fail "newsindex ended before it could be caught"
}

# Skips the test (ctest's skip code 77) when ../shared/data is absent.
require_shared_data() {
    [ -d "$SHARED_DATA/$1" ] || { echo "SKIP: $SHARED_DATA/$1 is absent"; exit 77; }
}

# start_newsserve [OPTION...]: starts $NEWSSERVE on a free loopback port
# (--listen 127.0.0.1:0) and waits until it listens. Sets SERVER (its pid)
# and URL (http://127.0.0.1:PORT); its output goes to $WORK/server.out and
# $WORK/server.err. The test's exit kills it if stop_newsserve did not.
start_newsserve() {
    "$NEWSSERVE" --listen 127.0.0.1:0 "$@" >"$WORK/server.out" 2>"$WORK/server.err" &
    SERVER=$!
    trap 'kill "$SERVER" 2>/dev/null; rm -rf "$WORK"' EXIT
    for _ in $(seq 500); do
        URL=$(sed -n 's|^newsserve: listening on \(http://[^ ]*\)/$|\1|p' "$WORK/server.out")
        [ -n "$URL" ] && return 0
        kill -0 "$SERVER" 2>/dev/null || fail "newsserve did not start: $(cat "$WORK/server.err")"
        sleep 0.02
    done
    fail "newsserve did not say where it listens within 10 s"
}

# stop_newsserve: SIGTERM; newsserve must exit 0.
stop_newsserve() {
    kill -TERM "$SERVER"
    local status=0
    wait "$SERVER" || status=$?
    [ "$status" -eq 0 ] || fail "newsserve exited $status after SIGTERM: $(cat "$WORK/server.err")"
}

# http_get PATH [CURL OPTION...]: GETs $URL$PATH into $WORK/body; prints the status.
http_get() {
    local path=$1
    shift
    curl -s -o "$WORK/body" -w '%{http_code}' "$@" "$URL$path"
}

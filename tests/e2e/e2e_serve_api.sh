#!/usr/bin/env bash
# newsserve's JSON API (issue 21): for a table of searches, the answer is
# byte for byte what newssearch --format json prints for the same search (no
# field is normalised: neither prints timings); errors are {"error":...} with
# newssearch's one-line message and a 4xx status; the size limits answer
# 400/413/414; nothing outside the API and the page is served; what newsindex
# commits while it serves is found without a restart; SIGTERM exits 0.
source "$(dirname "$0")/lib.sh"
DB=$WORK/db
expect_status 0 "$NEWSINDEX" --db "$DB" "$SOURCE_DIR/corpus/sample"

# Refused before serving: one line, exit 2.
expect_status 2 "$NEWSSERVE" --db "$WORK/no-such-db" --listen 127.0.0.1:0
expect_in "$WORK/err" "newsserve: error: "
expect_in "$WORK/err" "no-such-db"
expect_status 2 "$NEWSSERVE" --db "$DB" --listen nonsense
expect_in "$WORK/err" "--listen: 'nonsense' is not HOST:PORT"
expect_status 2 "$NEWSSERVE" --db "$DB" --listen 127.0.0.1:70000
expect_status 2 "$NEWSSERVE" --db "$DB" --threads 0

start_newsserve --db "$DB" --threads 2
# A port in use is refused (httplib's SO_REUSEPORT let a second server share it).
expect_status 2 timeout 10 "$NEWSSERVE" --db "$DB" --listen "${URL#http://}"
expect_in "$WORK/err" "cannot listen on ${URL#http://}"

# PATH|NEWSSEARCH ARGUMENTS (split on spaces; '+' in a query stands for a space)
while IFS='|' read -r path arguments; do
    [ -z "$path" ] && continue
    args=()
    for word in $arguments; do args+=("${word//+/ }"); done
    "$NEWSSEARCH" --db "$DB" --format json "${args[@]}" >"$WORK/expected" 2>"$WORK/err"
    [ $? -le 1 ] || fail "newssearch ${args[*]}: $(cat "$WORK/err")"
    status=$(http_get "$path")
    [ "$status" = 200 ] || fail "$path: status $status: $(head -c 300 "$WORK/body")"
    cmp -s "$WORK/expected" "$WORK/body" ||
        fail "$path differs from newssearch ${args[*]}: $(diff <(tr ',' '\n' <"$WORK/expected") <(tr ',' '\n' <"$WORK/body") | head -20)"
done <<'TABLE'
/api/search?q=oil|oil
/api/search?q=oil&n=3&offset=2|-n 3 --offset 2 oil
/api/search?q=cocoa&facet=source,month&facet=lang|--facet source,month,lang cocoa
/api/search?q=oil&sort=newest&n=20|--sort newest -n 20 oil
/api/search?q=%22crude%20oil%22%20OR%20gas&date=1987-03-01..1987-03-31|"crude+oil"+OR+gas+date:1987-03-01..1987-03-31
/api/search?q=grain&source=Reuters&lang=en|grain+source:"Reuters"+lang:en
/api/search?q=opec&date=..1987-03-02|opec+date:..1987-03-02
/api/search?q=oil&collapse=0&explain=1|--no-collapse --explain oil
/api/search?q=rnarket&fuzzy=true|--fuzzy rnarket
/api/search?q=nosuchwordatall|nosuchwordatall
/api/search?q=-oil&n=2|-n 2 -- -oil
/api/timeline?q=cocoa|--timeline -n 0 cocoa
/api/search?q=cocoa&timeline=1&n=2|--timeline -n 2 cocoa
/api/timeline?q=cocoa&by=year|--timeline --timeline-by year -n 0 cocoa
/api/search?q=cocoa&timeline=1&by=month&n=2|--timeline --timeline-by month -n 2 cocoa
/api/top-terms?q=cocoa|--top-terms 10 -n 0 cocoa
/api/top-terms?q=oil&top_terms=3&n=1|--top-terms 3 -n 1 oil
/api/like/873|--like 873
/api/like/873?n=2&collapse=0|--like 873 -n 2 --no-collapse
/api/article/873|--show 873
/api/compare?q=oil%3Doil&q=gas%3Dgas|--compare oil=oil gas=gas
/api/compare?q=oil%3Doil&q=gas%3Dgas&by=month|--compare oil=oil gas=gas --timeline-by month
TABLE
# The sample spans days, so by=year is not what the span would choose.
status=$(http_get "/api/timeline?q=cocoa&by=year")
expect_in "$WORK/body" '"timeline":{"unit":"year","bars":[{"period":"1987",'

# expect_error PATH STATUS TEXT [CURL OPTION...]: a JSON error with this status holding TEXT.
expect_error() {
    local path=$1 want=$2 text=$3
    shift 3
    status=$(http_get "$path" "$@")
    [ "$status" = "$want" ] || fail "$path: status $status, expected $want: $(head -c 300 "$WORK/body")"
    python3 -c 'import json,sys; json.load(open(sys.argv[1]))["error"]' "$WORK/body" 2>/dev/null ||
        fail "$path: the error is not JSON with an \"error\": $(head -c 300 "$WORK/body")"
    expect_in "$WORK/body" "$text"
}

# A malformed query: 400 and newssearch's own line, column included.
for query in 'oil%20(' 'foo:bar' 'date:1987-13' 'a%20AND'; do
    decoded=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.unquote(sys.argv[1]))' "$query")
    expect_status 2 "$NEWSSEARCH" --db "$DB" --format json "$decoded"
    message=$(sed -n 's/^newssearch: error: //p' "$WORK/err")
    [ -n "$message" ] || fail "newssearch gave no error line for $decoded"
    expect_error "/api/search?q=$query" 400 "$message"
    expected=$(python3 -c 'import json,sys; print(json.dumps({"error": sys.argv[1]}, ensure_ascii=False, separators=(",", ":")))' "$message")
    [ "$(cat "$WORK/body")" = "$expected" ] || fail "$query: $(cat "$WORK/body") is not $expected"
done
expect_in "$WORK/body" "column"

# Bad parameters, named.
expect_error "/api/search?q=oil&n=abc" 400 "parameter 'n': must be a number"
expect_error "/api/search?q=oil&n=-1" 400 "parameter 'n': '-1' is not a whole number from 0 to 100000"
expect_error "/api/search?q=oil&sort=sideways" 400 "parameter 'sort': unknown value 'sideways' (choose relevance"
expect_error "/api/search?q=oil&facet=colour" 400 "parameter 'facet'"
expect_error "/api/timeline?q=oil&by=week" 400 "parameter 'by': unknown value 'week' (choose auto, day, month or year)"
expect_error "/api/search?q=oil&nn=3" 400 "unknown parameter 'nn=3'"
expect_error "/api/search?q=oil&q=gas" 400 "parameter 'q' given 2 times"
expect_error "/api/compare?q=oil" 400 "is not LABEL=QUERY"
expect_error "/api/article/no-such-id" 404 "no article with id 'no-such-id'"
expect_error "/api/like/no-such-id" 404 "no-such-id"
expect_error "/api/nothing-here" 404 "no such endpoint: /api/nothing-here"

# Limits: a page, the query, the URL and the request body.
expect_error "/api/search?q=oil&n=101" 400 "at most 100 hits a page, not 101"
status=$(http_get "/api/search?q=oil&n=100")
[ "$status" = 200 ] || fail "a page of 100 is refused: $status"
long=$(printf 'word%%20%.0s' $(seq 1000))  # 5,000 bytes once decoded: over 4,096
expect_error "/api/search?q=$long" 400 "4096"
huge=$(printf 'a%.0s' $(seq 9000))
expect_error "/api/search?q=$huge" 414 "too long"
head -c 100000 /dev/zero | tr '\0' 'a' >"$WORK/big"
expect_error "/api/search?q=oil" 413 "too large" --data-binary "@$WORK/big"

# Nothing outside the page and the API, however the path is written.
for path in /../../../../etc/passwd /%2e%2e/%2e%2e/etc/passwd /index.html /assets/index.html /api/../../etc/passwd; do
    status=$(http_get "$path" --path-as-is)
    [ "$status" = 404 ] || [ "$status" = 400 ] || fail "$path: status $status"
    grep -q "root:" "$WORK/body" && fail "$path served /etc/passwd"
done
status=$(http_get /)
[ "$status" = 200 ] || fail "the page: status $status"
expect_in "$WORK/body" "<!doctype html>"

# Health.
[ "$(http_get /api/health)" = 200 ] || fail "health"
expect_in "$WORK/body" '{"status":"ok","databases":["'

# An article newsindex adds while newsserve runs is found, no restart.
status=$(http_get "/api/search?q=zanzibarite")
expect_in "$WORK/body" '"total":0,'
echo '{"id":"late-1","title":"Zanzibarite found","date":"1987-03-20","body":"A new mineral, zanzibarite."}' >"$WORK/late.jsonl"
expect_status 0 "$NEWSINDEX" --db "$DB" "$WORK/late.jsonl"
for _ in 1 2 3 4; do  # each of the two workers answers at least once
    status=$(http_get "/api/search?q=zanzibarite")
    [ "$status" = 200 ] || fail "search after the write: status $status"
    expect_in "$WORK/body" '"id":"late-1"'
done

# A database removed and built again while newsserve runs (the old files
# stay open, unlinked, and Xapian's reopen kept reading them) is found anew.
rm -rf "$DB"
expect_status 0 "$NEWSINDEX" --db "$DB" "$WORK/late.jsonl"
for _ in 1 2 3 4; do
    status=$(http_get "/api/search?q=cocoa&n=0")
    [ "$status" = 200 ] || fail "search after the rebuild: status $status"
    expect_in "$WORK/body" '"total":0,'
    status=$(http_get "/api/search?q=zanzibarite")
    expect_in "$WORK/body" '"total":1,'
done

# SIGTERM drains: a request whose first half was read before the signal is
# answered in full after it, then newsserve exits 0 and takes no new one.
python3 - "$URL" "$SERVER" <<'DRAIN' || fail "the request in flight at SIGTERM"
import os, signal, socket, sys, time, urllib.parse
url = urllib.parse.urlparse(sys.argv[1])
connection = socket.create_connection((url.hostname, url.port), timeout=10)
connection.sendall(b"GET /api/search?q=cocoa HTTP/1.1\r\nHost: test\r\n")  # not ended yet
time.sleep(0.3)
os.kill(int(sys.argv[2]), signal.SIGTERM)
time.sleep(0.3)
connection.sendall(b"Connection: close\r\n\r\n")
answer = b""
while chunk := connection.recv(65536):
    answer += chunk
if not answer.startswith(b"HTTP/1.1 200") or b'"query":"cocoa"' not in answer:
    sys.exit("answer: " + answer[:300].decode(errors="replace"))
DRAIN
status=0
wait "$SERVER" || status=$?
[ "$status" -eq 0 ] || fail "newsserve exited $status after SIGTERM: $(cat "$WORK/server.err")"
curl -s "$URL/api/health" >/dev/null && fail "newsserve still answers after SIGTERM"
echo "newsserve's API answers as newssearch does"

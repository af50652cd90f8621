#!/usr/bin/env bash
# newsserve's search page in headless Chromium (issue 21 part 3): a search
# from the URL, one typed and submitted with Enter, a facet clicked, an
# article opened; each step's hits read from the DOM and compared with the
# JSON API's (tests/e2e/page_in_chromium.py, over the DevTools protocol).
source "$(dirname "$0")/lib.sh"
command -v chromium >/dev/null || fail "chromium is not installed (scripts/install-deps installs it)"
DB=$WORK/db
expect_status 0 "$NEWSINDEX" --db "$DB" "$SOURCE_DIR/corpus/sample"
start_newsserve --db "$DB"
python3 "$(dirname "$0")/page_in_chromium.py" "$URL" "$WORK/chromium" || fail "the page in Chromium"
stop_newsserve

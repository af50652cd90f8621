#!/usr/bin/env bash
# Errors: one clear line naming what was wrong, exit 2; a broken record is
# reported with its file and line and the run goes on.
source "$(dirname "$0")/lib.sh"
DB=$WORK/db

# A missing database.
expect_status 2 "$NEWSSEARCH" --db "$WORK/nowhere" cocoa
expect_in "$WORK/err" "newssearch: error: cannot open database '$WORK/nowhere'"
[ "$(wc -l <"$WORK/err")" -eq 1 ] || fail "more than one line on stderr: $(cat "$WORK/err")"

# Bad options and values.
expect_status 2 "$NEWSSEARCH" --db "$DB" --no-such-option cocoa
expect_in "$WORK/err" "newssearch: error: unrecognised option '--no-such-option'"
expect_status 2 "$NEWSSEARCH" --db "$DB" --format yaml cocoa
expect_in "$WORK/err" "unknown value 'yaml' (choose text, json, trec or csv)"
expect_status 2 "$NEWSSEARCH" --db "$DB"
expect_in "$WORK/err" "no QUERY given"
expect_status 2 "$NEWSSEARCH" --db "$DB" "  "
expect_in "$WORK/err" "no QUERY given"
expect_status 2 "$NEWSINDEX" --db "$DB" --format word "$WORK"
expect_in "$WORK/err" "unknown value 'word' (choose auto, text, jsonl, reuters, trec, csv or html)"
expect_status 2 "$NEWSINDEX" --db "$DB" "$WORK/missing-input"
expect_in "$WORK/err" "$WORK/missing-input"

# A broken JSON line is skipped with file:line, the others are indexed.
printf '%s\n' '{"id": "a", "body": "first story"}' '{"id": "b", "body": ' '{"id": "c", "body": "third story"}' >"$WORK/news.jsonl"
expect_status 0 "$NEWSINDEX" --db "$DB" "$WORK/news.jsonl"
expect_in "$WORK/err" "news.jsonl:2: error:"
expect_in "$WORK/out" "indexed 2 articles (2 new, 0 replaced), skipped 1"
expect_status 0 "$NEWSSEARCH" --db "$DB" story
expect_in "$WORK/out" "2 matches"

# --strict: the same broken line fails the run (exit 2, one line naming it)
# and nothing of its batch is written.
expect_status 2 "$NEWSINDEX" --db "$WORK/strict" --strict "$WORK/news.jsonl"
expect_in "$WORK/err" "newsindex: error: --strict: a record was skipped, so nothing of its batch was written: $WORK/news.jsonl:2: error:"
[ "$(article_count "$WORK/strict")" = 0 ] || fail "--strict wrote part of the batch"

# The summary counts skips by reason; an unreadable file is one of them and
# the other inputs are still indexed.
printf '\037\213 not gzip' >"$WORK/broken.jsonl.gz"
printf '%s\n' 'a,b' '1,2' >"$WORK/nobody.csv"
expect_status 0 "$NEWSINDEX" --db "$DB" "$WORK/broken.jsonl.gz" "$WORK/news.jsonl" "$WORK/nobody.csv"
expect_in "$WORK/err" "broken.jsonl.gz: error: cannot read the file"
expect_in "$WORK/err" "nobody.csv: error: no body column"
expect_in "$WORK/out" "indexed 2 articles"
expect_in "$WORK/out" "  skipped 2: unreadable file"

# Issue 18: records are never dropped silently. JSON Lines without an id,
# or with other usual names, were all skipped and newsindex exited 0.
printf '{"title":"T","body":"cocoa"}\n' >"$WORK/n.jsonl"
printf '{"headline":"Coffee","content":"coffee beans","published":"2022-03-02","link":"https://x.example/c"}\n' >>"$WORK/n.jsonl"
expect_status 0 "$NEWSINDEX" --db "$WORK/n.db" "$WORK/n.jsonl"
expect_in "$WORK/out" "indexed 2 articles (2 new, 0 replaced), skipped 0"
expect_status 0 "$NEWSSEARCH" --db "$WORK/n.db" --format json cocoa
expect_in "$WORK/out" '"id":"n.jsonl:1"'
expect_status 0 "$NEWSSEARCH" --db "$WORK/n.db" --format json "title:coffee date:2022-03-02"
expect_in "$WORK/out" '"id":"n.jsonl:2"'
# --columns names JSON keys as it names CSV columns.
printf '{"story":"tea leaves","hed":"Tea"}\n' >"$WORK/keys.jsonl"
expect_status 0 "$NEWSINDEX" --db "$WORK/n.db" --columns body=story,title=hed "$WORK/keys.jsonl"
expect_status 0 "$NEWSSEARCH" --db "$WORK/n.db" --format json "title:tea"
expect_in "$WORK/out" '"id":"keys.jsonl:1"'

# Plain text piped in: each article gets an id of its own (it was "-", so the
# second replaced the first), and the same article piped again replaces itself.
for story in 'Cocoa\ncocoa fell\n' 'Coffee\ncoffee rose\n' 'Cocoa\ncocoa fell\n'; do
    printf "$story" | "$NEWSINDEX" --db "$WORK/stdin.db" - >"$WORK/out" 2>"$WORK/err" || fail "stdin: $(cat "$WORK/err")"
done
expect_in "$WORK/out" "indexed 1 article (0 new, 1 replaced)"
[ "$(article_count "$WORK/stdin.db")" = 2 ] || fail "expected 2 articles from standard input"
"$NEWSINDEX" --help >"$WORK/out"
expect_in "$WORK/out" 'from standard input, "-:" and a hash'
# One line piped in is an article (it was skipped as "empty body").
echo "Cocoa prices rise in Ghana" | expect_status 0 "$NEWSINDEX" --db "$WORK/stdin.db" -
expect_status 0 "$NEWSSEARCH" --db "$WORK/stdin.db" --format json ghana
expect_in "$WORK/out" '"snippet":"Cocoa prices rise in Ghana","highlights":[[21,26]]'

# Nothing indexed although inputs were given: exit 1, like grep; the summary
# counts each skip by its reason.
printf '%s\n' '{"id": "e1", "body": " "}' '{"id": "e2", "body": ""}' '[1]' >"$WORK/empty.jsonl"
expect_status 1 "$NEWSINDEX" --db "$WORK/n.db" "$WORK/empty.jsonl"
expect_in "$WORK/out" "indexed 0 articles (0 new, 0 replaced), skipped 3"
expect_in "$WORK/out" "  skipped 2: empty body"
expect_in "$WORK/out" "  skipped 1: not a JSON object"

# A stray quote in a CSV costs its row only, and says where it opened.
printf '%s\n' 'id,body,date' '1,cocoa rose,2022-03-01' '2,"Broken quote,cocoa fell,2022-03-02' \
    '3,cocoa held,2022-03-03' '4,"cocoa, again",2022-03-04' >"$WORK/stray.csv"
expect_status 0 "$NEWSINDEX" --db "$WORK/csv.db" "$WORK/stray.csv"
expect_in "$WORK/err" "stray.csv:3: error: unterminated quote opened at line 3"
expect_in "$WORK/out" "indexed 3 articles (3 new, 0 replaced), skipped 1"
expect_in "$WORK/out" "  skipped 1: unterminated quote"

# Invalid UTF-8 in a text file is repaired with a warning, and the article is kept.
mkdir "$WORK/texts"
printf 'Caf\xe9 opens\n\nThe caf\xe9 opened in Bogot\xe1 today.\n' >"$WORK/texts/cafe.txt"
expect_status 0 "$NEWSINDEX" --db "$DB" "$WORK/texts"
expect_in "$WORK/err" "cafe.txt"
expect_in "$WORK/err" "warning"
expect_status 0 "$NEWSSEARCH" --db "$DB" bogota
expect_in "$WORK/out" "Café opens"
echo "ok"

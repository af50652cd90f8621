#!/usr/bin/env bash
# Hostile input: a 50 MB article, a 100,000-character query, 10,000 nested
# parentheses and binary files each end with a clear message. `timeout` is a
# hang guard, not a timing assertion; outside the sanitizer build, `ulimit -v`
# bounds memory (AddressSanitizer reserves more address space than any limit).
source "$(dirname "$0")/lib.sh"
DB=$WORK/db
if [ "${SANITIZED:-OFF}" != ON ]; then ulimit -v 2000000; fi  # 2 GB
GUARD=(timeout 600)

# A 50 MB article in a text file, and a 5 MB one in JSON Lines, among good ones.
awk 'BEGIN { print "Huge article\n"; for (i = 0; i < 5000000; i++) printf "word%05d ", i % 100000; print "" }' \
    >"$WORK/huge.txt"
awk 'BEGIN { printf "{\"id\":\"big\",\"body\":\""; for (i = 0; i < 500000; i++) printf "word%04d ", i % 10000; print "\"}" }' \
    >"$WORK/big.jsonl"
printf '{"id":"small","body":"a small story"}\n' >>"$WORK/big.jsonl"
limit=$((4 << 20))
expect_status 0 "${GUARD[@]}" "$NEWSINDEX" --db "$DB" "$WORK/huge.txt" "$WORK/big.jsonl" \
    "$SOURCE_DIR/corpus/sample/000_5d398ca54bc80a14.txt"
expect_in "$WORK/err" "$WORK/huge.txt: error: too large for one article: "
expect_in "$WORK/err" "(the limit is $limit)"
expect_in "$WORK/err" "$WORK/big.jsonl:1: error: too large for one article:"
expect_in "$WORK/out" "indexed 2 articles (2 new, 0 replaced), skipped 2"

# Binary files: refused or repaired with a message naming them, never a crash.
head -c 300000 /dev/urandom >"$WORK/random.bin"
printf 'Looks like text\n\nthen\0binary\n' >"$WORK/nul.txt"
cp "$WORK/random.bin" "$WORK/random.jsonl"
cp "$WORK/random.bin" "$WORK/random.sgm"
# Nothing indexed: exit 1, like grep (issue 18: it was 0).
expect_status 1 "${GUARD[@]}" "$NEWSINDEX" --db "$DB" "$WORK/nul.txt" "$WORK/random.jsonl" "$WORK/random.sgm"
expect_in "$WORK/err" "$WORK/nul.txt: error: not a text file: line 3 holds a NUL byte"
expect_in "$WORK/err" "$WORK/random.jsonl:1: error:"
expect_in "$WORK/out" "indexed 0 articles"
expect_status 0 "$NEWSINDEX" --db "$DB" --check
expect_in "$WORK/out" "checked 2 articles: no problems"

# Queries: too long is refused with one line; deep nesting within the limit works.
long=$(printf 'colombia %.0s' $(seq 11112))  # 100,008 characters
expect_status 2 "${GUARD[@]}" "$NEWSSEARCH" --db "$DB" "$long"
expect_in "$WORK/err" "newssearch: error: malformed query: the query is ${#long} bytes long; the limit is 4096"
nested=$(printf '(%.0s' $(seq 10000))colombia$(printf ')%.0s' $(seq 10000))
expect_status 2 "${GUARD[@]}" "$NEWSSEARCH" --db "$DB" "$nested"
expect_in "$WORK/err" "the query is 20008 bytes long; the limit is 4096"
[ "$(wc -l <"$WORK/err")" -eq 1 ] || fail "more than one line on stderr: $(head -c 300 "$WORK/err")"
nested=$(printf '(%.0s' $(seq 2000))colombia$(printf ')%.0s' $(seq 2000))
expect_status 0 "${GUARD[@]}" "$NEWSSEARCH" --db "$DB" --format json "$nested"
expect_in "$WORK/out" '"total":1,'
echo "ok"

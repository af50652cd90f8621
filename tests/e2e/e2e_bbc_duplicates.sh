#!/usr/bin/env bash
# Near-duplicates on the BBC News dataset (../shared/data/bbc): every pair of
# byte-identical stories (found with sha256sum) collapses to one hit whose
# pickup counts every copy, and neighbouring stories of a topic folder that
# share under half their lines (found with comm) stay apart.
source "$(dirname "$0")/lib.sh"
require_shared_data bbc
BBC=$SHARED_DATA/bbc
DB=$WORK/db
expect_status 0 "$NEWSINDEX" --db "$DB" "$BBC"

(cd "$BBC" && find . -name '[0-9]*.txt' | sed 's|^\./||' | LC_ALL=C sort | xargs sha256sum) >"$WORK/sums"
awk '{if ($1 in first) print first[$1], $2; else first[$1] = $2}' "$WORK/sums" >"$WORK/identical"
[ "$(wc -l <"$WORK/identical")" -ge 90 ] || fail "expected about 98 byte-identical pairs, found $(wc -l <"$WORK/identical")"

total() { sed -n 's/.*"total":\([0-9]*\).*/\1/p' "$WORK/out"; }
while read -r one other; do
    expect_status 0 "$NEWSSEARCH" --db "$DB" --format json "id:$one OR id:$other"
    [ "$(total)" = 1 ] || fail "identical $one and $other did not collapse"
    expect_in "$WORK/out" "\"copies_hidden\":1"
done <"$WORK/identical"

# Wire-copy pickup: each story with byte-identical copies counts all of them.
awk '{ n[$1]++; if (!($1 in first)) first[$1] = $2 } END { for (h in n) if (n[h] > 1) print first[h], n[h] }' \
    "$WORK/sums" >"$WORK/groups"
while read -r id copies; do
    expect_status 0 "$NEWSSEARCH" --db "$DB" --format json --pickup "id:$id"
    expect_in "$WORK/out" "\"pickup\":{\"copies\":$copies,"
done <"$WORK/groups"

checked=0
for folder in business entertainment politics sport tech; do
    for n in $(seq 1 2 40); do
        one=$(printf '%s/%03d.txt' "$folder" "$n")
        other=$(printf '%s/%03d.txt' "$folder" $((n + 1)))
        shared=$(comm -12 <(sort "$BBC/$one") <(sort "$BBC/$other") | grep -c .)
        [ $((shared * 2)) -lt "$(grep -c . "$BBC/$one")" ] || continue
        expect_status 0 "$NEWSSEARCH" --db "$DB" --format json "id:$one OR id:$other"
        [ "$(total)" = 2 ] || fail "distinct stories $one and $other collapsed"
        checked=$((checked + 1))
    done
done
[ "$checked" -ge 90 ] || fail "only $checked distinct pairs checked"
echo "ok ($(wc -l <"$WORK/identical") identical pairs collapsed, $checked distinct pairs apart)"

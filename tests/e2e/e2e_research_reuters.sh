#!/usr/bin/env bash
# Research outputs on all of Reuters-21578 (../shared/data), against awk over
# the SGML: --all exports every story with a common word, in constant memory
# (its count is the total a search reports), and the share of coverage of
# that word per month of 1987.
source "$(dirname "$0")/lib.sh"
require_shared_data reuters21578
E2E=$(dirname "$0")
DB=$WORK/db
expect_status 0 "$NEWSINDEX" --db "$DB" -q "$SHARED_DATA"/reuters21578/*.sgm

awk -v word=oil -f "$E2E/reuters_word_stories.awk" "$SHARED_DATA"/reuters21578/*.sgm | sort >"$WORK/want"
[ "$(wc -l <"$WORK/want")" -gt 1000 ] || fail "expected over 1000 stories with 'oil'"
expect_status 0 "$NEWSSEARCH" --db "$DB" --all --format csv '"oil"'
tail -n +2 "$WORK/out" | cut -d, -f2 | sort >"$WORK/got"
diff "$WORK/want" "$WORK/got" >/dev/null || fail "--all: ids differ from awk's: $(diff "$WORK/want" "$WORK/got" | head -5)"
expect_status 0 "$NEWSSEARCH" --db "$DB" --format json -n 0 --no-collapse '"oil"'
expect_in "$WORK/out" "\"total\":$(wc -l <"$WORK/want"),"

# Share of coverage per month: stories with "oil" over all stories of the month.
awk -f "$E2E/reuters_dates_titles.awk" "$SHARED_DATA"/reuters21578/*.sgm |
    awk -F'\t' 'NR == FNR {oil[$1] = 1; next} $1 != "" {m = substr($1, 1, 4) "-" substr($1, 5, 2); all[m]++; if ($4 in oil) n[m]++}
        END {for (m in all) printf "%s,%d,%d,%.6f\n", m, n[m], all[m], n[m] / all[m]}' "$WORK/want" - | sort >"$WORK/want-months"
[ "$(wc -l <"$WORK/want-months")" -ge 5 ] || fail "expected several months: $(cat "$WORK/want-months")"
expect_status 0 "$NEWSSEARCH" --db "$DB" -n 0 --format csv --timeline '"oil"'
head -n 1 "$WORK/out" | tr -d '\r' | grep -qx "month,count,all,share" || fail "not per month: $(head -n 1 "$WORK/out")"
tail -n +2 "$WORK/out" | tr -d '\r' | grep -v ',0,0,' | sort >"$WORK/got-months"  # months without a story
diff "$WORK/want-months" "$WORK/got-months" >/dev/null ||
    fail "monthly shares differ from awk's: $(diff "$WORK/want-months" "$WORK/got-months")"
echo "ok"

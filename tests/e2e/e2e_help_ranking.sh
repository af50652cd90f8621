#!/usr/bin/env bash
# newssearch --help states the ranking a search uses when no option changes
# it: the weighting and its k1 and b named there are those of a saved spec's
# defaults, which are flat (no tiers) and without feedback. The help said
# "PL2, with pseudo-relevance feedback" long after plain BM25 became the
# default (issue 19).
source "$(dirname "$0")/lib.sh"
DB=$WORK/db
expect_status 0 "$NEWSINDEX" --db "$DB" "$SOURCE_DIR/corpus/sample/reuters21578/reut2-000.sgm"
expect_status 0 "$NEWSSEARCH" --db "$DB" --save-spec "$WORK/spec.json" cocoa
expect_status 0 "$NEWSSEARCH" --help
stated=$(tr '\n' ' ' <"$WORK/out" | sed -n 's/.*Ranking: \([A-Za-z0-9]*\) (k1 \([0-9.]*\), b \([0-9.]*\)).*/\1 \2 \3/p')
[ -n "$stated" ] || fail "--help names no default ranking as 'Ranking: NAME (k1 K, b B)': $(head -c 600 "$WORK/out")"
used=$(/usr/bin/python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["options"]["ranking"]
print(r["weighting"].upper(), r["k1"], r["b"], r["tiers"], r["feedback_docs"])' "$WORK/spec.json")
[ "$used" = "$stated flat 0" ] || fail "--help states '$stated' (flat, no feedback); a search uses '$used'"
echo "ok"

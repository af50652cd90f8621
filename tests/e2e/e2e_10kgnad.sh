#!/usr/bin/env bash
# 10kGNAD (../shared/data/10kgnad/test.csv): ';' and "'" detected, no header,
# one article per row; the section labels become topics.
source "$(dirname "$0")/lib.sh"
require_shared_data 10kgnad
CSV=$SHARED_DATA/10kgnad/test.csv
DB=$WORK/db

rows=$(wc -l <"$CSV")
expect_status 0 "$NEWSINDEX" --db "$DB" --no-header --columns topic=1,body=2 "$CSV"
expect_in "$WORK/out" "indexed $rows articles ($rows new, 0 replaced), skipped 0"
for section in Sport Kultur Etat; do
    count=$(grep -c "^$section;" "$CSV")
    expect_status 0 "$NEWSSEARCH" --db "$DB" --format json -n 0 "topic:$section"
    expect_in "$WORK/out" "\"total\":$count,"
done
echo "ok"

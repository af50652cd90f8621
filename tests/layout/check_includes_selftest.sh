#!/usr/bin/env bash
# check_includes.sh must fail on each kind of forbidden include and pass on
# a tree that keeps the directions: a checker that cannot fail proves nothing.
set -uo pipefail
checker="$(dirname "$0")/check_includes.sh"
tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
mkdir -p "$tree"/{common,corpus,indexer,searcher,server,bench}

write() { printf '%s\n' "$2" > "$tree/$1"; }
write common/text.h '#pragma once'
write corpus/reader.h '#include "common/text.h"'
write indexer/index_writer.h '#include "corpus/reader.h"'
write searcher/searcher.h '#include "common/text.h"'
write server/api.h '#include "searcher/searcher.h"'
write bench/latency.cpp '#include "searcher/searcher.h"
#include "indexer/index_writer.h"'

failures=0
expect() {  # expect pass|fail DESCRIPTION
    output=$(bash "$checker" "$tree" 2>&1)
    status=$?
    if { [ "$1" = pass ] && [ $status -ne 0 ]; } || { [ "$1" = fail ] && [ $status -ne 1 ]; }; then
        echo "FAIL: $2: expected $1, got exit $status: $output"
        failures=$((failures + 1))
    fi
}

expect pass "a tree that keeps the directions"
for bad in 'searcher/query.cpp:#include "indexer/index_writer.h"' \
           'searcher/input.cpp:#include "corpus/reader.h"' \
           'common/up.cpp:#include "searcher/searcher.h"' \
           'corpus/cycle.cpp:#include "indexer/index_writer.h"' \
           'searcher/relative.cpp:#include "../indexer/index_writer.h"' \
           'searcher/bare.cpp:#include "index_writer.h"' \
           'server/write.cpp:#include "indexer/index_writer.h"' \
           'server/read.cpp:#include "corpus/reader.h"' \
           'searcher/serve.cpp:#include "server/api.h"'; do
    file=${bad%%:*}
    write "$file" "${bad#*:}"
    expect fail "$bad"
    rm "$tree/$file"
done
expect pass "the tree again, each bad file removed"

[ $failures -eq 0 ] || exit 1
echo "check_includes.sh refuses every forbidden include tried and passes a clean tree"

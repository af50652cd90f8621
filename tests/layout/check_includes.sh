#!/usr/bin/env bash
# The include direction between the source folders (ARCHITECTURE.md): a file
# may include headers of its own folder and of the folders listed for it, and
# nothing else of ours. So searcher/ never reaches into indexer/ or corpus/,
# server/ (newsserve) reads through searcher/ alone, common/ reaches into
# nothing above it, and no two folders include each other.
# Every quoted include names its folder ("searcher/facets.h"), so none can
# slip past by a relative path. Usage: check_includes.sh SOURCE_DIR
# Prints one line per forbidden include ("FILE:LINE: FOLDER may not include
# HEADER") and exits 1 if there is any.
set -uo pipefail
root=${1:?usage: check_includes.sh SOURCE_DIR}

declare -A allowed=(
    [common]="common"
    [corpus]="common corpus"
    [indexer]="common corpus indexer"
    [searcher]="common searcher"
    [server]="common searcher server"
    [bench]="common corpus indexer searcher bench"
    [fuzz]="common corpus indexer searcher"
)

violations=0
for folder in "${!allowed[@]}"; do
    [ -d "$root/$folder" ] || continue
    while IFS= read -r hit; do
        file=${hit%%:*}
        rest=${hit#*:}
        line=${rest%%:*}
        header=$(sed -E 's/.*#[[:space:]]*include[[:space:]]*"([^"]+)".*/\1/' <<<"${rest#*:}")
        target=${header%%/*}
        ok=no
        if [[ $header == */* ]]; then
            for permitted in ${allowed[$folder]}; do
                [ "$target" = "$permitted" ] && ok=yes
            done
        fi
        if [ $ok = no ]; then
            echo "${file#"$root"/}:$line: $folder/ may not include \"$header\" (allowed: ${allowed[$folder]// /, })"
            violations=$((violations + 1))
        fi
    done < <(grep -rnE --include='*.h' --include='*.cpp' '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$root/$folder")
done

if [ $violations -gt 0 ]; then
    echo "$violations include(s) across a forbidden direction"
    exit 1
fi
echo "include directions: every file of ${!allowed[*]} includes only what its folder may"

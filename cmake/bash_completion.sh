#!/usr/bin/env bash
# Writes a bash completion for PROGRAM from its --help: its options (and, for
# newsbench, its commands), then file names. Run by the build (cmake/Install.cmake).
# Usage: bash_completion.sh PROGRAM BINARY OUTPUT
set -euo pipefail
program=$1 binary=$2 output=$3
help=$("$binary" --help)
# Options as Boost lists them: "  --listen HOST:PORT", "  -d [ --db ] arg".
words=$({ grep -oE -- '^  (-[[:alnum:]] \[ )?--[a-z][a-z0-9-]*' <<<"$help" || true; } | { grep -oE -- '--[a-z0-9-]+' || true; } | sort -u | tr '\n' ' ')
# newsbench lists its commands as "  NAME  summary" under "Commands:".
commands=$(sed -n '/^Commands:/,/^$/s/^  \([a-z-]*\)  .*/\1/p' <<<"$help" | tr '\n' ' ')
function=_${program//-/_}
cat >"$output" <<COMPLETION
# bash completion for $program, generated from $program --help.
$function() {
    local current=\${COMP_WORDS[COMP_CWORD]}
    if [[ \$current == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "${words% }" -- "\$current")
    elif [[ \$COMP_CWORD -eq 1 && -n "${commands% }" ]]; then
        mapfile -t COMPREPLY < <(compgen -W "${commands% }" -- "\$current")
    else
        mapfile -t COMPREPLY < <(compgen -f -- "\$current")
    fi
}
complete -o filenames -F $function $program
COMPLETION

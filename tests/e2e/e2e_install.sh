#!/usr/bin/env bash
# Installable like a tool of its ecosystem (issue 21 part 6): cmake --install
# puts the four programs, a man page each and a bash completion of each one's
# options under the prefix; every program answers --version; cpack -G DEB
# makes a package that depends on the runtime libraries, not on -dev ones.
source "$(dirname "$0")/lib.sh"
PREFIX=$WORK/prefix
cmake --install "$BUILD_DIR" --prefix "$PREFIX" >"$WORK/install.log" 2>&1 || fail "cmake --install: $(tail -5 "$WORK/install.log")"
for program in newsindex newssearch newsbench newsserve; do
    [ -x "$PREFIX/bin/$program" ] || fail "$program is not installed"
    "$PREFIX/bin/$program" --version | grep -qx "$program (Gazette) [0-9.]*" || fail "$program --version"
    gzip -dc "$PREFIX/share/man/man1/$program.1.gz" | grep -q "^\.TH ${program^^} " || fail "no man page of $program"
    [ -f "$PREFIX/share/bash-completion/completions/$program" ] || fail "no bash completion of $program"
done
gzip -dc "$PREFIX/share/man/man1/newsserve.1.gz" | grep -qF -- "--listen" || fail "the man page of newsserve lacks --listen"

# complete PROGRAM WORD: what the installed completion offers for WORD.
complete_word() {
    bash -c 'source "$1"; COMP_WORDS=("$2" "$3"); COMP_CWORD=1; "_$2"; printf "%s\n" "${COMPREPLY[@]}"' \
        _ "$PREFIX/share/bash-completion/completions/$1" "$1" "$2"
}
[ "$(complete_word newsserve --li)" = "--listen" ] || fail "newsserve --li completes to '$(complete_word newsserve --li)'"
[ "$(complete_word newssearch --time)" = "$(printf -- '--timeline\n--timeline-by\n--timeline-svg')" ] || fail "newssearch --time completes to '$(complete_word newssearch --time)'"
[ "$(complete_word newsbench ev)" = "eval" ] || fail "newsbench ev"

cpack -G DEB --config "$BUILD_DIR/CPackConfig.cmake" -B "$WORK/package" >"$WORK/cpack.log" 2>&1 || fail "cpack: $(tail -5 "$WORK/cpack.log")"
deb=$(ls "$WORK"/package/gazette_*.deb) || fail "no .deb"
depends=$(dpkg-deb -f "$deb" Depends)
for library in libxapian30 libcpp-httplib0.11 libicu72; do
    [[ $depends == *"$library "* ]] || fail "the package does not depend on $library: $depends"
done
[[ $depends == *-dev* ]] && fail "the package depends on a -dev package: $depends"
dpkg-deb -c "$deb" | grep -q "usr/bin/newsserve$" || fail "newsserve is not in the package"
echo "installed: programs, man pages, completions; package depends on: $depends"

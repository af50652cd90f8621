# Reuters-21578 SGML: prints "FIRST_NEWID SECOND_NEWID" for each story whose
# <BODY> is byte-identical to an earlier story's, for the tests of --like and
# of near-duplicate collapsing. Bodies of under 20 words are left out: many
# different title-only stories share the body "Blah blah blah."
BEGIN { RS = "</REUTERS>" }
match($0, /NEWID="[0-9]+"/) {
    id = substr($0, RSTART + 7, RLENGTH - 8)
    if (match($0, /<BODY>.*<\/BODY>/)) {
        body = substr($0, RSTART, RLENGTH)
        if (split(body, words, /[ \n]+/) < 20) next
        if (body in first) print first[body], id
        else first[body] = id
    }
}

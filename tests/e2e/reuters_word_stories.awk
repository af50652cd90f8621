# Reuters-21578 SGML: the stories that use the word WORD (awk -v word=oil),
# lower case, as a word of its own: not part of a longer word, nor of one
# joined by an apostrophe, a dot or a comma between letters or digits
# ("oil's", "u.s.oil"). WORD may be a phrase of words separated by one space
# ("crude oil"): in the text, anything between two words that is not a
# letter or a digit then counts as that space, as it does for Xapian's
# phrases, but the title never runs on into the body. For tests that count stories independently of
# newssearch. Prints each story's NEWID; with -v uses=1, "NEWID<TAB>N" for the
# N uses in the body alone (the concordance's lines). The body of an
# unprocessed story is its text.
BEGIN { RS = "</REUTERS>" }
/<REUTERS/ {
    text = ""
    if (!uses && match($0, /<TITLE>[^<]*<\/TITLE>/)) text = substr($0, RSTART + 7, RLENGTH - 15)
    if (match($0, /<BODY>.*<\/BODY>/)) text = text "\n#\n" substr($0, RSTART + 6, RLENGTH - 13)
    else if (match($0, /<TEXT TYPE="UNPROC">.*<\/TEXT>/)) text = substr($0, RSTART + 19, RLENGTH - 26)
    text = tolower(text)
    gsub(/&lt;/, "<", text); gsub(/&gt;/, ">", text); gsub(/&amp;/, "\\&", text); gsub(/&#[0-9]+;/, " ", text)
    # Words joined by ' . or , become one token that is not WORD.
    gsub(/[a-z0-9]+(['.,][a-z0-9]+)+/, "#", text)
    if (word ~ / /) gsub(/[^a-z0-9#]+/, " ", text)
    text = " " text " "
    n = gsub("[^a-z0-9]" word "[^a-z0-9]", "& ", text)
    if (n == 0 || !match($0, /NEWID="[0-9]+"/)) next
    id = substr($0, RSTART + 7, RLENGTH - 8)
    print uses ? id "\t" n : id
}

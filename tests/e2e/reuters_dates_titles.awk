# Reuters-21578 SGML: prints "YYYYMMDD<TAB>TITLE<TAB>TOPICS<TAB>NEWID" for each story
# (topics space-separated), for tests that count stories independently of newssearch.
BEGIN { RS = "</REUTERS>"; split("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC", m, " "); for (i = 1; i <= 12; i++) mon[m[i]] = sprintf("%02d", i) }
/<REUTERS/ {
    date = ""; title = ""
    if (match($0, /<DATE>[ ]*[0-9]+-[A-Z]+-[0-9]+/)) {
        d = substr($0, RSTART + 6, RLENGTH - 6); gsub(/ /, "", d); split(d, p, "-")
        date = sprintf("%s%s%02d", p[3], mon[p[2]], p[1])
    }
    if (match($0, /<TITLE>[^<]*<\/TITLE>/)) title = substr($0, RSTART + 7, RLENGTH - 15)
    gsub(/\n/, " ", title)
    topics = ""
    if (match($0, /<TOPICS>.*<\/TOPICS>/)) {
        topics = substr($0, RSTART + 8, RLENGTH - 17); gsub(/<D>/, "", topics); gsub(/<\/D>/, " ", topics)
    }
    newid = ""
    if (match($0, /NEWID="[0-9]+"/)) newid = substr($0, RSTART + 7, RLENGTH - 8)
    print date "\t" title "\t" topics "\t" newid
}

# Reuters-21578 SGML: for each body (of 20 words or more) sent more than once,
# prints "NEWID COPIES FIRST_DATE": the first story's NEWID, the number of
# stories with that byte-identical <BODY>, and the earliest of their <DATE>s as
# YYYY-MM-DD. For the tests of wire-copy pickup.
BEGIN {
    RS = "</REUTERS>"
    split("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC", names, " ")
    for (i = 1; i <= 12; i++) month[names[i]] = sprintf("%02d", i)
}
match($0, /NEWID="[0-9]+"/) {
    id = substr($0, RSTART + 7, RLENGTH - 8)
    if (!match($0, /<DATE>[^<]*<\/DATE>/)) next
    split(substr($0, RSTART + 6, RLENGTH - 13), parts, /[- ]+/)
    start = parts[1] == "" ? 2 : 1
    date = sprintf("%s-%s-%02d", parts[start + 2], month[toupper(parts[start + 1])], parts[start])
    if (!match($0, /<BODY>.*<\/BODY>/)) next
    body = substr($0, RSTART, RLENGTH)
    if (split(body, words, /[ \n]+/) < 20) next
    if (!(body in first)) {
        first[body] = id
        order[++bodies] = body
    }
    copies[body]++
    if (!(body in earliest) || date < earliest[body]) earliest[body] = date
}
END {
    for (i = 1; i <= bodies; i++) {
        body = order[i]
        if (copies[body] > 1) print first[body], copies[body], earliest[body]
    }
}

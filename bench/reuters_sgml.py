"""Reuters-21578 stories read from the SGML with regular expressions, for the
benchmark scripts (bench/compare-peers, bench/synthetic-corpus): independent
of Gazette's own reader, so peers get the same text by another route."""
import re
from pathlib import Path

ENTITIES = {"&lt;": "<", "&gt;": ">", "&amp;": "&", "&#3;": " "}


def unescape(text):
    return re.sub(r"&(lt|gt|amp|#3);", lambda m: ENTITIES[m.group(0)], text)


def element(name, story):
    found = re.search(rf"<{name}>(.*?)</{name}>", story, re.S)
    return unescape(found.group(1)) if found else ""


def reuters_stories(files):
    """(id, title, body, date) of each story; date as the SGML gives it, e.g. "26-FEB-1987 15:01:01.79"."""
    for file in files:
        text = Path(file).read_bytes().decode("latin-1")
        for story in re.finditer(r'<REUTERS[^>]*NEWID="(\d+)"[^>]*>(.*?)</REUTERS>', text, re.S):
            body = story.group(2)
            yield story.group(1), element("TITLE", body), element("BODY", body), element("DATE", body).strip()

#!/usr/bin/env python3
"""cover.py OLD NEW: carry the hand-written subject and blurb of the old
cover letter into the freshly generated one (format-patch writes a
template with *** SUBJECT HERE *** and *** BLURB HERE ***)."""
import re
import sys

old, new = (open(p, encoding="utf-8").read() for p in sys.argv[1:3])


def subject(text):
    m = re.search(r"^Subject: (\[[^]]*\] )?(.*(?:\n [^\n]*)*)", text, re.M)
    return m.group(2) if m else None


def blurb(text):
    head, _, rest = text.partition("\n\n")
    body, sep, tail = rest.partition("\n---\n") if "\n---\n" in rest else (rest, "", "")
    # The blurb ends where format-patch's shortlog starts.
    m = re.search(r"\n\n[^\n]+ \(\d+\):\n", "\n\n" + rest)
    return rest[: m.start()].rstrip("\n") if m else rest


s, b = subject(old), blurb(old)
if s and "*** SUBJECT HERE ***" not in s:
    new = new.replace("*** SUBJECT HERE ***", s, 1)
if b and "*** BLURB HERE ***" not in b:
    new = new.replace("*** BLURB HERE ***", b, 1)
open(sys.argv[2], "w", encoding="utf-8").write(new)

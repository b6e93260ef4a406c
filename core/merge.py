"""A three-way merge of two versions of one text, word by word, for the conflict dialog's start.

When two officers changed different places of the text they both started from, both changes are kept;
where they changed the same place, there is no merge (None) and the officer merges by hand."""

from __future__ import annotations

import re
from difflib import SequenceMatcher


def _words(text: str) -> list[str]:
    return re.findall(r"\s+|[^\s]+", text)


def _changes(base: list[str], other: list[str]) -> list[tuple[int, int, list[str]]]:
    """(start, end, replacement) in `base` for every place `other` differs."""
    matcher = SequenceMatcher(None, base, other, autojunk=False)
    return [(i1, i2, other[j1:j2]) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal"]


def merge3(base: str, stored: str, own: str) -> str | None:
    """`base` changed into `stored` by one and into `own` by another: both changes in one text, the
    stored change first where both insert at one place; None when they change the same words."""
    if stored == own or own == base:
        return stored
    if stored == base:
        return own
    b = _words(base)
    theirs, ours = _changes(b, _words(stored)), _changes(b, _words(own))
    for s1, s2, _ in theirs:
        for o1, o2, _ in ours:
            if max(s1, o1) < min(s2, o2):  # both replace some of the same words
                return None
            if s1 == s2 == o1 == o2:
                continue  # both insert at the same place: kept, stored first
            if (s1 == s2 and o1 < s1 < o2) or (o1 == o2 and s1 < o1 < s2):
                return None  # one inserts inside what the other replaces
    out: list[str] = []
    pos = 0
    for start, end, repl in sorted(theirs + ours, key=lambda c: (c[0], c[1])):
        out.extend(b[pos:start])
        out.extend(repl)
        pos = max(pos, end)
    out.extend(b[pos:])
    return "".join(out)

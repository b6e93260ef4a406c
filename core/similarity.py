"""How alike two texts are, cheaply: a question quoted again in the answer part, a known point.

A bag-of-words Dice coefficient is linear in the text and enough to tell "the same question,
re-wrapped or slightly edited" (0.8–1.0) from "another question" (below 0.5); difflib's
SequenceMatcher, which the parser used before, cost most of a long print's parse time.
"""

from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"\w+")


def _words(text: str) -> Counter[str]:
    return Counter(_WORD.findall(text.lower()))


def similar(a: str, b: str) -> float:
    """0.0 (nothing in common) … 1.0 (the same words as often)."""
    wa, wb = _words(a), _words(b)
    total = sum(wa.values()) + sum(wb.values())
    if not total:
        return 0.0
    return 2 * sum((wa & wb).values()) / total


def same_wording(a: str, b: str, threshold: float = 0.97) -> bool:
    """True when two texts differ at most in a few characters (whitespace and case ignored)."""
    a, b = " ".join(a.lower().split()), " ".join(b.lower().split())
    if a == b:
        return True
    if not a or not b or similar(a, b) < threshold - 0.1:
        return False
    from difflib import SequenceMatcher  # here: only a near-equal pair gets this far

    matcher = SequenceMatcher(None, a[:600], b[:600], autojunk=False)
    # quick_ratio() is an upper bound of ratio() in linear time (the characters in common, in any
    # order): a pair it already rules out is not aligned character by character
    return matcher.quick_ratio() >= threshold and matcher.ratio() >= threshold

"""How alike two texts are, cheaply: a question quoted again in the answer part, a known point.

A bag-of-words Dice coefficient is linear in the text and enough to tell "the same question,
re-wrapped or slightly edited" (0.8–1.0) from "another question" (below 0.5); difflib's
SequenceMatcher, which the parser used before, cost most of a long print's parse time.
"""

from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"\w+")


def word_counts(text: str) -> Counter[str]:
    """The words of a text and how often each stands in it."""
    return Counter(_WORD.findall(text.lower()))


def similar(a: str, b: str) -> float:
    """0.0 (nothing in common) … 1.0 (the same words as often)."""
    return similar_counts(word_counts(a), word_counts(b))


def similar_counts(wa: Counter[str], wb: Counter[str]) -> float:
    """similar() of two texts' word_counts()."""
    total = sum(wa.values()) + sum(wb.values())
    if not total:
        return 0.0
    # the words in common, each as often as in the text that has it less often: sum((wa & wb).values()),
    # with only the common words looked at in Python
    return 2 * sum(min(wa[w], wb[w]) for w in wa.keys() & wb.keys()) / total


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

"""Point labels as print-json writes them ("3", "8a", "II", "II.2", Bavaria's "1.2"): Roman numerals and order."""

from __future__ import annotations

import re

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}
_LABEL = re.compile(r"^(?:(?P<r>[IVX]+|\d+(?=\.\d))\.?)?(?P<n>\d+)?(?P<s>[a-z]?)$")


def roman_to_int(s: str) -> int:
    """Value of a Roman numeral made of I, V and X (sections of a motion rarely pass XX)."""
    total = 0
    for i, ch in enumerate(s):
        v = _ROMAN_VALUES.get(ch, 0)
        total += -v if i + 1 < len(s) and _ROMAN_VALUES.get(s[i + 1], 0) > v else v
    return total


def int_to_roman(n: int) -> str:
    """Roman numeral for 1..39, the inverse of roman_to_int."""
    out = []
    for value, sym in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def label_key(label: str) -> tuple[int, int, str]:
    """Sort key of a label: "I.2" < "I.10" < "II.1"; "9" < "10"; "2a" < "2b"; "1.3" < "2.1"."""
    m = _LABEL.match(label)
    if not m:
        return (999, 999, label)
    return (section_value(m["r"]) if m["r"] else 0, int(m["n"]) if m["n"] else 0, m["s"])


def section_value(section: str) -> int:
    """Order of a section: Roman ("II") or, in Bavaria's decimal numbering ("2.1"), a number."""
    return int(section) if section.isdigit() else roman_to_int(section)

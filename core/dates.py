"""German dates as parliaments write them: "8.8.2025", "28.05.2025", "1. September 2025"."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    "januar": 1,
    "jänner": 1,
    "jan": 1,
    "februar": 2,
    "feb": 2,
    "märz": 3,
    "maerz": 3,
    "mär": 3,
    "april": 4,
    "apr": 4,
    "mai": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "dezember": 12,
    "dez": 12,
}

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))

# One pattern for both spellings; the numeric one must not be part of a longer number or file number.
DATE_RE = re.compile(
    r"(?<![\d/.-])(?P<d>[0-3]?\d)\.\s?(?:(?P<m>[01]?\d)\.\s?|(?P<mn>" + _MONTH_NAMES + r")\.?\s+)"
    r"(?P<y>(?:19|20)\d\d)(?![\d/])"
    r"|(?<![\d/.-])(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)(?![\d/-])",  # Schleswig-Holstein: 2025-05-06
    re.IGNORECASE,
)


def _build(match: re.Match[str]) -> date | None:
    if match["iy"]:
        year, month, day = int(match["iy"]), int(match["im"]), int(match["id"])
    else:
        year, day = int(match["y"]), int(match["d"])
        month = int(match["m"]) if match["m"] else MONTHS[match["mn"].lower()]
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[date, int, int]]:
    """Every valid date in the text with its span, in order."""
    out = []
    for m in DATE_RE.finditer(text):
        d = _build(m)
        if d:
            out.append((d, m.start(), m.end()))
    return out


def first_date(text: str) -> date | None:
    """The first valid date in the text, or None."""
    found = find_dates(text)
    return found[0][0] if found else None


def parse_date(text: str) -> date | None:
    """A date that makes up the whole text (surrounding space and punctuation allowed)."""
    m = DATE_RE.search(text)
    if not m or text[: m.start()].strip(" ,(") or text[m.end() :].strip(" .,)"):
        return None
    return _build(m)

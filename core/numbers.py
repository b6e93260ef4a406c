"""Print numbers (Drucksachennummern): parse any spelling, normalise, find them in running text.

Prints are cited as "Drucksache 17 / 9075", "Drs. 17/9075", "BT-Drucksache 20/1234", Berlin's
"18/20 455" or a council's "Vorlage 024/2024"; the database and the interchange format keep one
spelling ("17/9075"), so every reader and writer goes through this module.

In running text a number only counts when a print word stands right before it (or before the
list it belongs to): a bare "17/9075" may be a date, a fraction, a URL part or a file number.
Only the stdlib `re` is used; all quantifiers are bounded so no input can make it backtrack badly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DRUCKSACHE = "drucksache"
VORLAGE = "vorlage"
STYLES = ("short", "long")

# A council Vorlage carries a year; anything outside this range is not one.
_MIN_YEAR = 1900
_MAX_YEAR = 2099

_HYPHEN = "[-\u2010\u2011]"
# Berlin's thousands separator: a horizontal space only, never a line break.
_HSPACE = "[ \u00a0\u202f\u2009]"

# The print word. Group "bt" marks a Bundestag print, group "vl" a municipal Vorlage.
# The lookbehind keeps "BR-Drs." (Bundesrat, numbered NR/YY) and URL parts ("…/Drucksache") out.
_PRINT_WORD = re.compile(
    rf"""
    (?=[BbLlDdVvSsIi])  # first letters: lets `re` skip ahead fast
    (?<![\w/.\-\u2010\u2011])
    (?:
        (?P<bt>BT{_HYPHEN}?\s?|Bundestags{_HYPHEN}?)(?:Drucksachen?|Drucks\.|Drs\.?)
      | (?:LT{_HYPHEN}?\s?|Landtags{_HYPHEN}?)?(?:Drucksachen?|Drucks\.|Drs\.?)
      | (?P<vl>(?:Beschluss|Sitzungs|Informations|Verwaltungs)?vorlagen?)
    )
    (?:{_HYPHEN}?\s?(?:Nr\.?|Nummer))?
    (?![a-zäöüß])
    :?\s{{0,4}}
    """,
    re.IGNORECASE | re.VERBOSE,
)

# Term 1–2 digits; number 1–6 digits, or Berlin's "20 455" (1–2 digits, a space, exactly 3 digits).
_DRS_NUMBER = re.compile(
    rf"(?P<t>[0-9]{{1,2}})\s{{0,3}}/\s{{0,3}}(?P<n>[0-9]{{1,2}}{_HSPACE}[0-9]{{3}}|[0-9]{{1,6}})"
    r"(?![0-9/]|\.[0-9])"
)
# Number 1–4 digits / 4-digit year.
_VL_NUMBER = re.compile(r"(?P<t>[0-9]{1,4})\s{0,3}/\s{0,3}(?P<n>[0-9]{4})(?![0-9/]|\.[0-9])")
# Without a print word the series follows from the digits (see parse_print_number).
_ANY_NUMBER = re.compile(rf"(?P<t>[0-9]{{1,4}})\s{{0,3}}/\s{{0,3}}(?P<n>[0-9]{{1,2}}{_HSPACE}[0-9]{{3}}|[0-9]{{1,6}})")

# Between two numbers of one list: "17/1 und 17/2", "17/3, 17/4 sowie 17/9", "17/1 bis 17/5".
_LIST_SEP = re.compile(
    r"\s{0,3}(?:[,;]\s{0,3}(?:(?:und|sowie|oder)\s{1,3})?|(?:und|sowie|oder|bzw\.|bis|u\.|&)\s{1,3})"
)


@dataclass(frozen=True)
class PrintNumber:
    """One print number; `str()` gives the normalised spelling stored and exchanged everywhere."""

    term: int  # Wahlperiode; for a municipal "Vorlage" the year
    number: int
    series: str = DRUCKSACHE  # or VORLAGE
    parliament: str | None = None  # "BT" for Bundestag prints, else None

    def __str__(self) -> str:
        if self.series == VORLAGE:
            return f"{self.number:03d}/{self.term}"
        return f"{self.term}/{self.number}"


@dataclass(frozen=True)
class NumberMatch:
    """A print number found in text; the span covers the print word too when it directly precedes."""

    number: PrintNumber
    start: int
    end: int


def _digits(s: str) -> int:
    return int(_NOT_DIGIT.sub("", s))


_NOT_DIGIT = re.compile(r"\D")


def _make(series: str, term_s: str, number_s: str, parliament: str | None) -> PrintNumber | None:
    """Build a PrintNumber from matched digit groups, or None when it is implausible."""
    term, number = _digits(term_s), _digits(number_s)
    if number < 1:
        return None
    if series == VORLAGE:
        if not _MIN_YEAR <= number <= _MAX_YEAR:
            return None
        # for a Vorlage the year is the "term" and the running number comes first
        return PrintNumber(term=number, number=term, series=VORLAGE) if term >= 1 else None
    if term < 1:
        return None
    return PrintNumber(term=term, number=number, series=DRUCKSACHE, parliament=parliament)


def _number_after_word(text: str, word: re.Match[str], pos: int) -> tuple[PrintNumber, re.Match[str]] | None:
    """The number right at `pos`, in the series the print word `word` announces."""
    if word.group("vl"):
        m = _VL_NUMBER.match(text, pos)
        series, parliament = VORLAGE, None
    else:
        m = _DRS_NUMBER.match(text, pos)
        series, parliament = DRUCKSACHE, ("BT" if word.group("bt") else None)
    if m is None:
        return None
    pn = _make(series, m.group("t"), m.group("n"), parliament)
    return (pn, m) if pn is not None else None


def parse_print_number(text: str) -> PrintNumber | None:
    """Parse ONE number given in any spelling; None if it is not one.

    The print word is optional here (a user types "17/9075" into a search box). Without it,
    "024/2024" and "1234/2024" (3+ digits or a leading zero before a year) are Vorlagen,
    everything else with a 1–2 digit term is a Drucksache.
    """
    if not isinstance(text, str):
        return None
    s = text.strip().rstrip(".,;:").strip()
    word = _PRINT_WORD.match(s)
    if word is not None:
        found = _number_after_word(s, word, word.end())
        if found is None or found[1].end() != len(s):
            return None
        return found[0]
    m = _ANY_NUMBER.fullmatch(s)
    if m is None:
        return None
    t, n = m.group("t"), m.group("n")
    is_year = len(n) == 4 and _MIN_YEAR <= int(n) <= _MAX_YEAR
    if is_year and (len(t) >= 3 or (len(t) == 2 and t.startswith("0"))):
        return _make(VORLAGE, t, n, None)
    if len(t) <= 2:
        return _make(DRUCKSACHE, t, n, None)
    return None


def normalise_print_number(text: str) -> str | None:
    """The normalised spelling ("17/9075", "18/20455", "024/2024") of one number, or None."""
    pn = parse_print_number(text)
    return str(pn) if pn is not None else None


def format_print_number(pn: PrintNumber, style: str = "short") -> str:
    """Write a number for people: "short" is "17/9075", "long" adds the print word."""
    if style == "short":
        return str(pn)
    if style == "long":
        if pn.series == VORLAGE:
            return f"Vorlage {pn}"
        if pn.parliament == "BT":
            return f"BT-Drucksache {pn}"
        return f"Drucksache {pn}"
    raise ValueError(f"unknown style {style!r}; expected one of {STYLES}")


def find_print_numbers(text: str) -> list[NumberMatch]:
    """Every print number in running text that stands next to a print word.

    A list after one print word counts in full ("Drucksachen 17/1, 17/2 und 17/3").
    """
    if not isinstance(text, str):
        return []
    return _find_print_numbers(text, text.lower())


def anchored_starts(text: str, low: str, anchors: tuple[tuple[str, tuple[int, ...]], ...]) -> list[int] | None:
    """Where a pattern whose first letters are among the commonest can match, found at C speed: each
    of its matches holds one of `anchors` (lower-case strings whose letters have no other
    case-insensitive match in `re`), so many characters after its start; in order. `low` is the text
    lower-cased. None where that changed the text's length (its positions are not the text's), or
    where the anchors are so dense (one in a hundred characters) that a plain search is as fast."""
    if len(low) != len(text):
        return None
    found: list[tuple[int, tuple[int, ...]]] = []
    for anchor, offsets in anchors:
        at = low.find(anchor)
        while at >= 0:
            found.append((at, offsets))
            at = low.find(anchor, at + 1)
    if len(found) > len(text) // 100:
        return None
    return sorted({at - k for at, offsets in found for k in offsets if k <= at})


# Every print word holds "dr" (Drucksache, Drucks., Drs.) after a prefix of 0, 2-4 ("BT", "LT", with a
# hyphen, a blank or both), 8-9 ("Landtags", "Landtags-") or 10-11 characters ("Bundestags",
# "Bundestags-"), or "vorlage" after 0, 8 ("Sitzungs"), 9 ("Beschluss"), 11 ("Verwaltungs") or 12
# ("Informations") characters
_WORD_ANCHORS = (("dr", (0, 2, 3, 4, 8, 9, 10, 11)), ("vorlage", (0, 8, 9, 11, 12)))


def _print_words(text: str, low: str) -> list[re.Match[str]]:
    """_PRINT_WORD.finditer(text), tried only where a print word can start (_WORD_ANCHORS): the
    pattern's first letters are among the commonest, so a search tries it at a quarter of all
    characters (tests/test_numbers.py compares the two)."""
    starts = anchored_starts(text, low, _WORD_ANCHORS)
    if starts is None:
        return list(_PRINT_WORD.finditer(text))
    words = []
    end = 0  # as finditer: the next match starts where the last one ended
    for start in starts:
        if start >= end:
            m = _PRINT_WORD.match(text, start)
            if m is not None:
                words.append(m)
                end = m.end()
    return words


def _find_print_numbers(text: str, low: str) -> list[NumberMatch]:
    """find_print_numbers() of a text and its lower-cased form."""
    if "/" not in text or ("dr" not in low and "vorlage" not in low):
        # every number holds a slash, every print word "dr" or "vorlage" (none of their letters has
        # another case-insensitive match in `re`, as "ı" has for "i"): most paragraphs are not searched
        return []
    found: list[NumberMatch] = []
    for word in _print_words(text, low):
        first = _number_after_word(text, word, word.end())
        if first is None:
            continue
        pn, m = first
        found.append(NumberMatch(pn, word.start(), m.end()))
        end = m.end()
        while True:
            sep = _LIST_SEP.match(text, end)
            if sep is None:
                break
            nxt = _number_after_word(text, word, sep.end())
            if nxt is None:
                break
            pn, m = nxt
            found.append(NumberMatch(pn, m.start(), m.end()))
            end = m.end()
    return found

"""Citations in a print's text: other prints and points, for the `references` key of print-json.

Officers write "wie zu Ziffer 3 der Drucksache 17/6120 ausgeführt" or "vgl. Ziffer 2"; Ziffer links
every cited print and shows what was said before, so we recognise:

* every print number next to a print word (see core.numbers), with the point labels named right
  before it ("zu den Ziffern 3 und 4 in Drucksache 17/9075") or right after it
  ("Drucksache 17/9075, Ziffer 3");
* points of the same print ("vgl. zu Ziffern 1 und 2", "Siehe Antwort zu Frage 3"), but only with a
  referring word in the same sentence, so answer headings ("Zu Frage 2:"), parts of laws
  ("§ 5 Absatz 1 Ziffer 3 LHO") and file numbers ("Nr. WM36-43-99/161") stay out.

Stdlib `re` only, bounded quantifiers and one pass per pattern, so any text is handled quickly.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from core.labels import int_to_roman, roman_to_int
from core.model import Reference
from core.numbers import NumberMatch, _find_print_numbers, anchored_starts


@dataclass(frozen=True)
class Citation:
    """One citation: of another print (number set) or of points in the same print (number None)."""

    number: str | None  # normalised print number, None = a citation inside the same print
    points: tuple[str, ...]  # cited point labels in the print-json label form: "3", "II.2", "8a"
    parliament: str | None  # "BT" for Bundestag prints, else None
    start: int  # span in the text, for highlighting
    end: int


# --- point phrases ("Ziffern 3 und 4", "Frage II. 2.", "zu 1.") ---------------------------------------

_POINT_WORDS = r"Ziffern?|Ziff\.|Nummern?|Nrn?\.|Fragen?|Punkte?n?"
# a part of each point word, lower-cased, and where it stands in the word: "ff" after "Zi", the
# others at its start
_POINT_ANCHORS = (("ff", (2,)), ("numm", (0,)), ("nr", (0,)), ("frage", (0,)), ("pun", (0,)))
_POINT_HINTS = tuple(hint for hint, _ in _POINT_ANCHORS)
# The search patterns open with their first letter, matched case-sensitively among every character
# that `re` takes for it ignoring case ("ſ" is an "s"): a pattern that starts with a set of
# characters lets `re` skip ahead to the next of them at C speed, while a lookahead or a case-blind
# letter has it try the whole pattern at every position. The letter is matched once and each
# alternative goes on after it, behind (?<=…) for its own first letter, in the order of the plain
# pattern, which tests/test_references.py keeps and compares: "Ziffer 3" is
# (?=[ZzNnFfPp])(?<![\w\-])(?P<w>Ziffern?|Ziff\.|Nummern?|Nrn?\.|Fragen?|Punkte?n?)….
_POINT_WORD = re.compile(
    r"(?P<w>(?-i:[ZzNnFfPp])(?<![\w\-].)(?:(?<=[Zz])(?:iffern?|iff\.)|(?<=[Nn])(?:ummern?|rn?\.)|(?<=[Ff])ragen?"
    r"|(?<=[Pp])unkte?n?))(?:\s?Nr\.)?(?![a-zäöüß])\s{0,3}",
    re.IGNORECASE,
)
# "zu 1." without a point word only right after a referring word: "vgl. zu 1.", "Antwort zu 3."
_BARE_LEAD = re.compile(
    r"(?-i:[VvSsſAaDd])(?<![\w].)(?:(?:(?<=[Vv])(?:gl\.|ergleiche)|(?<=[Ssſ])(?:iehe|\.\s?[ou]\.|\.))\s{1,3}"
    r"(?:(?:auch|hierzu|dazu|oben|unten|bereits)\s{1,3}){0,2}(?:(?:die|den|der)\s{1,3})?"
    r"(?:(?:Antworten|Antwort|Ausführungen|Stellungnahme|Darstellung)\s{1,3})?"
    r"|(?:(?<=[Aa])(?:ntworten|ntwort|usführungen)|(?<=[Ssſ])tellungnahme|(?<=[Dd])arstellung)\s{1,3})"
    r"(?:zu|unter)\s{1,3}(?=[0-9IVX])",
    re.IGNORECASE,
)
# how every bare lead ends: (?:zu|unter)\s{1,3}(?=[0-9IVX]), the first letter first (as _POINT_WORD)
_LEAD_END = re.compile(r"(?-i:[ZzUu])(?:(?<=[Zz])u|(?<=[Uu])nter)\s{1,3}(?=[0-9IVX])", re.IGNORECASE)
_ROMAN = r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})"
_LABEL_CHAR = re.compile("[0-9IVX]")  # a label's first character: a digit or a Roman numeral (_LABEL, _parts)
# What follows a number that is an amount or a date, not a point label.
_UNITS = (
    r"%|Prozent|Mio|Mrd|Tsd|Euro|EUR|€|Jahre|Monate|Wochen|Tage|Stunden|"
    r"Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
)
# One label: "II.2", "II. 2.", "II", "3", "3.", "8a", "8 a)", or a bare "b)" continuing "8 a)".
# Not followed by more digits or letters, so dates, money and decimals ("5,3") are no labels.
_LABEL = re.compile(
    rf"""
    (?:
        (?P<r>{_ROMAN})(?:\.\s?(?P<rn>[0-9]{{1,3}})(?:(?P<rs>[a-z])|\s?(?P<rsp>[a-z])\))?)?
      | (?P<n>[0-9]{{1,3}})(?:(?P<s>[a-z])|\s?(?P<sp>[a-z])\))?
      | (?P<l>[a-z])\)
    )
    (?P<dot>\.)?
    (?![0-9A-Za-zÄÖÜäöüß/]|[.,][0-9])
    (?!\s?(?:{_UNITS})(?![a-zäöüß]))
    """,
    re.VERBOSE,
)
# Between two labels; "bis" and a dash make a range. A repeated point word is allowed.
_LABEL_SEP = re.compile(
    rf"""
    \s{{0,3}}
    (?:
        ,\s{{0,3}}(?:(?:und|sowie|oder)\s{{1,3}})?
      | (?:und|sowie|oder|bzw\.|u\.|&)\s{{1,3}}
      | (?P<range>bis(?:\s{{1,3}}einschließlich)?\s{{1,3}}|[\u2013\-]\s{{0,3}})
    )
    (?:(?:die|den|der|zu|zur|zum)\s{{1,3}})?
    (?:(?:{_POINT_WORDS})\s{{0,3}})?
    """,
    re.VERBOSE | re.IGNORECASE,
)
# A label list running on into "-43-99/161" is a file number, not points.
_FILE_NUMBER_TAIL = re.compile(r"[\-\u2010\u2011/][0-9A-Za-z]")
_MAX_RANGE = 50
_MAX_LABELS = 200


@dataclass
class _Phrase:
    """Point words and their labels ("Ziffern 3 und 4"), before deciding what they cite."""

    start: int
    end: int  # after the last label, trailing dot included
    span_end: int  # without the trailing dot, for highlighting
    labels: tuple[str, ...]
    nr: bool  # "Nr."/"Nummer": too common elsewhere to count without a print


# A label as (roman section, number, sub-letter); any part may be None.
_Parts = tuple[str | None, int | None, str | None]


def _label_str(p: _Parts) -> str:
    """The print-json label form: "3", "8a", "II", "II.2"."""
    roman, num, sub = p
    if num is None:
        return roman or ""
    core = f"{roman}.{num}" if roman else str(num)
    return core + (sub or "")


def _parts(m: re.Match[str], prev: _Parts | None) -> _Parts | None:
    """The parts of one label match; bare numbers and letters inherit from the label before."""
    if m.group("r"):
        if m.group("rn") is None:
            return (m.group("r"), None, None)
        return (m.group("r"), int(m.group("rn")), m.group("rs") or m.group("rsp"))
    if m.group("n") is not None:
        # "Ziffern II. 1 und 2" means II.1 and II.2
        roman = prev[0] if prev is not None and prev[1] is not None else None
        return (roman, int(m.group("n")), m.group("s") or m.group("sp"))
    if m.group("l") and prev is not None and prev[1] is not None:
        return (prev[0], prev[1], m.group("l"))
    return None


def _expand(a: _Parts, b: _Parts) -> list[_Parts]:
    """The labels a range "a bis b" stands for, after a; just b when the range is unclear."""
    (ra, na, sa), (rb, nb, sb) = a, b
    if na is not None and nb is not None and ra == rb:
        if sa is None and sb is None and 0 < nb - na <= _MAX_RANGE:
            return [(ra, n, None) for n in range(na + 1, nb + 1)]
        if na == nb and sa and sb and sa < sb:
            return [(ra, na, chr(c)) for c in range(ord(sa) + 1, ord(sb) + 1)]
    if na is None and nb is None and ra and rb:
        ia, ib = roman_to_int(ra), roman_to_int(rb)
        if 0 < ib - ia <= _MAX_RANGE:
            return [(int_to_roman(i), None, None) for i in range(ia + 1, ib + 1)]
    return [b]


def _parse_labels(text: str, pos: int) -> tuple[list[str], int, int]:
    """Labels of the list starting at pos; returns (labels, end, end without trailing dot)."""
    m = _LABEL.match(text, pos)
    if m is None:
        return [], pos, pos
    prev = _parts(m, None)
    if prev is None:
        return [], pos, pos
    parts = [prev]
    end, span_end = m.end(), (m.start("dot") if m.group("dot") else m.end())
    while len(parts) < _MAX_LABELS:
        sep = _LABEL_SEP.match(text, end)
        if sep is None:
            break
        m = _LABEL.match(text, sep.end())
        if m is None:
            break
        cur = _parts(m, prev)
        if cur is None:
            break
        parts.extend(_expand(prev, cur) if sep.group("range") else [cur])
        prev = cur
        end, span_end = m.end(), (m.start("dot") if m.group("dot") else m.end())
    labels = list(dict.fromkeys(_label_str(p) for p in parts))
    return [lb for lb in labels if lb], end, span_end


def _find_phrases(text: str, taken: list[tuple[int, int]], low: str | None = None) -> list[_Phrase]:
    """Point phrases in text order, skipping any inside a print number's span (`low`: the text
    lower-cased)."""
    phrases: list[_Phrase] = []
    # Each search only where it can find a phrase: a phrase's first label has a digit or a Roman
    # numeral; a point word holds one of _POINT_HINTS (lower-cased; their letters have no other
    # case-insensitive match in `re`, unlike "i" with "ı" or "k" with "K", which they leave out); a
    # bare lead ends as _LEAD_END matches, with "zu" or "unter". (Asked before the helpers below are
    # made: most paragraphs have no phrase.)
    if not _LABEL_CHAR.search(text):
        return phrases
    if low is None:
        low = text.lower()
    words = "ff" in low or "numm" in low or "nr" in low or "frage" in low or "pun" in low  # _POINT_HINTS, unrolled
    leads = ("zu" in low or "unter" in low) and _LEAD_END.search(text) is not None  # `in` first: it is faster
    if not words and not leads:
        return phrases
    starts = [s for s, _ in taken]

    def inside_number(pos: int) -> bool:
        i = bisect_right(starts, pos) - 1
        return i >= 0 and taken[i][0] <= pos < taken[i][1]

    def collect(lead: re.Pattern[str], is_word: bool, candidates: list[int] | None = None) -> None:
        """The phrases `lead` opens; tried only at `candidates` (in order) where they are known."""
        pos = 0
        i = 0
        while True:
            if candidates is None:
                m = lead.search(text, pos)
            else:  # the match a search from `pos` finds (tests/test_references.py compares them)
                m = None
                while m is None and i < len(candidates):
                    if candidates[i] >= pos:
                        m = lead.match(text, candidates[i])
                    i += 1
            if m is None:
                return
            labels, end, span_end = _parse_labels(text, m.end())
            if not labels or _FILE_NUMBER_TAIL.match(text, end) or inside_number(m.start()):
                pos = max(m.end(), end)
                continue
            nr = is_word and m.group("w").lower().startswith("n")
            start = m.start() if is_word else m.end()
            phrases.append(_Phrase(start, end, span_end, tuple(labels), nr))
            pos = end

    if words:
        collect(_POINT_WORD, True, anchored_starts(text, low, _POINT_ANCHORS))
    if leads:
        collect(_BARE_LEAD, False)
    phrases.sort(key=lambda p: p.start)
    return phrases


# --- attaching points to prints -----------------------------------------------------------------------

_FILLER_WORDS = (
    r"in|im|der|des|dem|den|die|aus|auf|von|vom|zur|zum|zu|bei|laut|gemäß|nach|unter|ihrer|seiner|"
    r"o\.\s?g\.|oben|genannten|vorgenannten|zitierten|bereits|"
    r"kleinen|großen|schriftlichen|mündlichen|anfrage|anfragen|antrags|antrages|antrag|antwort|"
    r"stellungnahme|beschlussempfehlung|berichts|berichtes|bericht|unterrichtung|mitteilung|"
    r"landesregierung|bundesregierung|regierung|gesetzentwurfs|gesetzentwurfes|gesetzentwurf"
)
# Who moved or asked: "der Fraktion GRÜNE", "der Abg. Miriam Hohloch u. a. GRÜNE".
_OWNER = (
    r"(?:fraktionen|fraktion|abgeordneten|abg\.)"
    r"(?:\s{1,3}(?-i:[A-ZÄÖÜ][\w/\-]{0,30}|u\.\s?a\.|und|der|die)){1,6}+"
)
# Between the point words and a print word after them: "der", "in der Kleinen Anfrage", "(", "GRÜNE, ".
# Each word is matched atomically (and the owner's names possessively): no exponential backtracking.
_FORWARD_GAP = re.compile(
    rf"\s{{0,3}},?\s{{0,3}}\(?\s{{0,2}}(?>(?:{_OWNER}|(?:{_FILLER_WORDS})(?![\w]))"
    r"(?:\s{0,2}[,\u2013\u2014])?\s{1,3}\(?){0,8}",
    re.IGNORECASE,
)
# Between a print number and point words after it: ", Ziffer 3", " zu Ziffer 3", " (Frage 2)".
# Case-sensitive and single-line, so a following heading "Zu Frage 2:" is not taken for one.
_BACK_GAP = re.compile(
    r"[ \t\u00a0\u202f]{0,3}\)?[ \t\u00a0\u202f]{0,3}[,(]?[ \t\u00a0\u202f]{0,3}"
    r"(?:(?:dort|hier|darin|insbesondere|unter|zu|zur|zum|in|bei|den|der|die|dem|auf|vgl\.|siehe)"
    r"[ \t\u00a0\u202f]{1,3}){0,4}"
)
_MAX_GAP = 160

# --- telling citations from other uses of "Ziffer 3" ---------------------------------------------------

# A referring word must stand in the same sentence for a citation inside the same print.
# (first letter first, as _POINT_WORD)
_REFERRER = re.compile(
    r"(?-i:[VvSsſBbAaDdEe])(?<![\w].)(?:(?<=[Vv])(?:gl\.|ergleiche)|(?<=[Ssſ])(?:iehe|\.\s?[ou]\.|\.(?=\s))|"
    r"(?<=[Vv])(?:erwiesen|erweisen|erweist|erweise|erweis|erweise|erweises)|(?<=[Bb])(?:ezug|ezugnehmend|ezugnahme)"
    r"|(?<=[Aa])(?:usführungen|usgeführt)|(?<=[Dd])(?:argestellt|argelegt)|(?<=[Ee])rläutert"
    r"|(?:(?<=[Aa])(?:ntworten|ntwort)|(?<=[Ssſ])tellungnahme)\s{1,3}zu)(?![\w])",
    re.IGNORECASE,
)
_REFERRER_LONGEST = 20  # characters, and the one after it: "Stellungnahme   zu" is the longest
# A sentence starting "Zu Frage 2 …" is about that point, it does not cite it.
_TOPIC_LEAD = re.compile(
    r"\s*(?:zu|zur|zum|hinsichtlich|bezüglich|betreffend|bzgl\.|bei)\s{1,3}(?:(?:den|der|die|dem)\s{1,3})?",
    re.IGNORECASE,
)
# Parts of laws and other documents: "§ 5 Absatz 1 Ziffer 3", "Ziffer 3 LHO", "Nr. 3 der VwV".
_LAW_BEFORE = re.compile(
    r"(?:§{1,2}|Art\.|Artikel|Abs\.|Absatz|Satz|Buchst\.|Buchstabe)\s{0,3}[0-9IVX]{1,4}[a-z]?"
    r"\s{0,3}(?:\([0-9]{1,3}\)\s{0,3})?,?\s{0,3}$"
)
_LAW_AFTER = re.compile(
    r"\s{0,3},?\s{0,3}(?:(?:des|der|dem|den|im|in|nach|gemäß|i\.\s?V\.\s?m\.)\s{1,3})?"
    r"(?:§|Art\.|Artikel|Abs\.|Absatz|Satz\s|Buchst|[A-ZÄÖÜ][A-Za-zÄÖÜäöü]{0,6}[A-ZÄÖÜ](?![a-zäöüß])"
    r"|(?i:[a-zäöüß]{0,30}(?:gesetz|ordnung|vorschrift|richtlinie|satzung|vertrag|vereinbarung|abkommen"
    r"|erlass|verfassung|anlage|anhang|tabelle|abbildung|kapitel)))"
)
# Sentence ends; a "." only before a capital and not after an abbreviation or ordinal (see _is_boundary).
_BOUNDARY = re.compile(r"\n[ \t]*\n|[!?;]|:(?=\s)|\.(?=\s{1,5}[A-ZÄÖÜ„\"(])")
_ABBREVIATION_WORDS = (
    "vgl s o u nr nrn drs drucks ziff abs bzw z b ggf art dr prof st ca mio mrd tsd d h i v m abg anm kap "
    "buchst gem hrsg f ff a evtl inkl usw etc bspw lt max min rd sog vs zzgl allg insb e g ggü bt nrw"
)
_ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())
_WORD_BEFORE = re.compile(r"(\w+)$")


def _is_boundary(text: str, m: re.Match[str]) -> bool:
    """A "." ends a sentence unless it closes an abbreviation ("vgl.") or an ordinal ("II.", "1.")."""
    if m.group() != ".":
        return True
    w = _WORD_BEFORE.search(text, max(0, m.start() - 15), m.start())
    if w is None:
        return True
    word = w.group(1)
    if word.lower() in _ABBREVIATIONS:
        return False
    if word.isdigit() and len(word) <= 3:  # "1. September", "Ziffer 3. …" stays one sentence
        return False
    return not re.fullmatch(_ROMAN, word)


class _Sentences:
    """Sentence spans by bisection over the boundaries found once."""

    def __init__(self, text: str) -> None:
        self.text = text
        marks = [m for m in _BOUNDARY.finditer(text) if _is_boundary(text, m)]
        self.starts = [m.start() for m in marks]
        self.ends = [m.end() for m in marks]

    def around(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.starts, pos)
        start = self.ends[i - 1] if i > 0 else 0
        end = self.starts[i] if i < len(self.starts) else len(self.text)
        return start, max(start, end)


# --- the public function ---------------------------------------------------------------------------------


def find_citations(text: str) -> list[Citation]:
    """All citations in text order."""
    if not isinstance(text, str) or not text:
        return []
    # lower-cased only where a number can stand (every one holds a slash); else by _find_phrases, if
    # it has a label to look for
    low = text.lower() if "/" in text else None
    numbers: list[NumberMatch] = _find_print_numbers(text, low) if low is not None else []
    # "§ 5 Absatz 1 Ziffer 3" is a part of a law wherever it stands
    phrases = [
        ph
        for ph in _find_phrases(text, [(n.start, n.end) for n in numbers], low)
        if not _LAW_BEFORE.search(text, max(0, ph.start - 40), ph.start)
    ]
    if not numbers and not phrases:
        return []
    num_starts = [n.start for n in numbers]
    ph_starts = [p.start for p in phrases]
    attached: dict[int, int] = {}  # number index -> phrase index
    used: set[int] = set()

    # point words before the print: "Ziffer 3 der Drucksache 17/6120"
    for pi, ph in enumerate(phrases):
        ni = bisect_left(num_starts, ph.end)
        if ni >= len(numbers) or ni in attached or num_starts[ni] - ph.end > _MAX_GAP:
            continue
        gap = _FORWARD_GAP.fullmatch(text, ph.end, num_starts[ni])
        if gap is None or (ph.nr and not gap.group().strip(" \t\n(,")):
            continue
        attached[ni] = pi
        used.add(pi)

    # point words after the print: "Drucksache 17/9075, Ziffer 3"
    for ni, nm in enumerate(numbers):
        if ni in attached:
            continue
        pi = bisect_left(ph_starts, nm.end)
        if pi >= len(phrases) or pi in used or ph_starts[pi] - nm.end > _MAX_GAP:
            continue
        ph = phrases[pi]
        if _BACK_GAP.fullmatch(text, nm.end, ph.start) is None or _LAW_AFTER.match(text, ph.end):
            continue
        if text.startswith(":", ph.end):  # "Drucksache 17/1 Frage 2:" is a heading after a title
            continue
        attached[ni] = pi
        used.add(pi)

    found: list[Citation] = []
    for ni, nm in enumerate(numbers):
        pi = attached.get(ni)
        if pi is None:
            found.append(Citation(str(nm.number), (), nm.number.parliament, nm.start, nm.end))
        else:
            ph = phrases[pi]
            found.append(
                Citation(
                    str(nm.number),
                    ph.labels,
                    nm.number.parliament,
                    min(nm.start, ph.start),
                    max(nm.end, ph.span_end),
                )
            )

    # points of the same print: "vgl. Ziffer 3", "Siehe Antwort zu Frage 3"
    loose = [ph for pi, ph in enumerate(phrases) if pi not in used and not ph.nr]
    if not loose:
        found.sort(key=lambda c: (c.start, c.end))
        return found  # no loose point words: the sentence boundaries are not needed
    sentences = _Sentences(text)
    for ph in loose:
        s_start, s_end = sentences.around(ph.start)
        # a referring word that starts in the sentence: the first from its start is the one a search
        # from the text's start meets there (one never starts inside another), and the search may
        # stop where none that starts in the sentence can end
        m = _REFERRER.search(text, s_start, s_end + _REFERRER_LONGEST)
        if m is None or m.start() >= s_end:
            continue
        if _TOPIC_LEAD.fullmatch(text, s_start, ph.start) or _LAW_AFTER.match(text, ph.end):
            continue
        found.append(Citation(None, ph.labels, None, ph.start, ph.span_end))

    found.sort(key=lambda c: (c.start, c.end))
    return found


def references_in(text: str, where: str, own_number: str | None, own_parliament: str | None) -> list[Reference]:
    """The citations of one part of a print ("answer:2") as stored: the print's own number left out, a
    Bundestag print's citations of prints as Bundestag ones. Shared by the parser and the register,
    which finds the citations of answers typed by an officer."""
    out = []
    for c in find_citations(text):
        if c.number is not None and c.number == own_number:
            continue
        parliament = c.parliament or ("BT" if own_parliament == "BT" and c.number else None)
        out.append(Reference(c.number, list(c.points), where, parliament))
    return out

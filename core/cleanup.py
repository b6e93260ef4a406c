"""Clean text that comes from a page layout: page furniture, hyphenation, letter spacing.

Works on any text (a PDF's text layer, a .txt someone extracted from a PDF, a DOCX body) and
returns paragraphs: each a single line of running text. What was removed as page furniture
(running headers, page numbers, print footers) is returned too, because the print's own
number and its "Eingegangen"/"Ausgegeben" dates live there.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Iterable
from dataclasses import dataclass, field

from core.vocabulary import ANSWER_OPENER, REQUEST_END

PARLIAMENTS = (
    r"Landtag von Baden-Württemberg|Bayerischer Landtag|Abgeordnetenhaus(?: von)? Berlin|Landtag Brandenburg"
    r"|Bremische Bürgerschaft(?: \((?:Landtag|Stadtbürgerschaft)\))?|Bürgerschaft der Freien und Hansestadt Hamburg"
    r"|Hessischer Landtag"
    r"|Landtag Mecklenburg-Vorpommern|Niedersächsischer Landtag|Landtag Nordrhein-Westfalen"
    r"|Landtag Rheinland-Pfalz|Landtag des Saarlandes|Sächsischer Landtag|Landtag von Sachsen-Anhalt"
    r"|Schleswig-Holsteinischer Landtag|Thüringer Landtag|Deutscher Bundestag"
)
_DRS = r"Drucksache\s*\d{1,2}\s*/\s*\d{1,3}(?:\s\d{3})?\d*"
_DATE = r"\d{1,2}\.\s?\d{1,2}\.\s?\d{4}"

# Lines that are page furniture wherever they stand (patterns, compiled as one: _STRONG).
STRONG_FURNITURE = [
    p
    for p in (
        rf"^(?:\d{{1,3}}\s+)?(?:{PARLIAMENTS})\s*[–—·•-]?\s*(?:\d+\.\s*Wahlperiode)?\s*[–—·•-]?\s*(?:[–—-]\s*\d+\s*[–—-]\s*)?"
        rf"{_DRS}(?:\s*\(\d+/\d+\))?(?:\s+\d{{1,3}})?$",  # "2 Hessischer Landtag · 21. Wahlperiode · Drucksache …"
        rf"^{_DRS}\s*[–—-]\s*\d+\s*[–—-]\s*(?:{PARLIAMENTS})\s*[–—-]\s*\d+\.\s*Wahlperiode$",
        rf"^[–—-]\s*\d+\s*[–—-]\s*{_DRS}$",
        rf"^{_DRS}\s+(?:{PARLIAMENTS})\s*[–—·•-]\s*\d+\.\s*Wahlperiode$",  # MV, ST: "Drucksache 8/5127 Landtag von …"
        rf"^(?:{PARLIAMENTS})\s*[–—-]\s*\d+\.\s*Wahlperiode\s*[–—-]\s*\d+\s*[–—-]\s*{_DRS}$",
        rf"^Eingegangen:?\s*{_DATE}(?:\s*/\s*Ausgegeben:?\s*{_DATE})?$",
        rf"^Ausgegeben:?\s*{_DATE}$",
        r"^Eingegangen am:? .{6,20}\d{4}\s*·?\s*Ausgegeben am:? .{6,20}\d{4}$",  # Hessen, Sachsen
        r"^Drucksachen und Plenarprotokolle sind im Internet",
        r"^abrufbar unter:?\s*www\.",
        r"^Der Landtag druckt auf Recyclingpapier",
        r"^(?:net )?mit dem Umweltzeichen „?Der Blaue Engel“?\.?$",
        r"^Gesamtherstellung:|^Vertrieb:\s*Bundesanzeiger|^ISSN \d{4}-\d{3}[\dX]$",
        rf"^\((?:Verteilt|Ausgegeben) am {_DATE}\)$",
        r"^\*?\s*Die Antwort (?:der Landesregierung )?wurde namens der (?:Bundes|Landes)regierung"
        r" mit Schreiben des .{5,160} übermittelt\.",
        r"^Druck:\s.{0,60}(?:Landtag|Bürgerschaft).{0,40}\d{4}(?:\s+b\.\s?w\.)?$",  # RP, TH
        rf"^Datum des (?:Originals|Eingangs):?\s*{_DATE}\s*/?\s*(?:Ausgegeben:?\s*{_DATE})?$",  # NW, BB
        r"^Druck und Auslieferung:|^Hinweis des Landtagsamts:",
        r"^Die Drucksache enthält zusätzlich\s*[–-]\s*in kleinerer Schrifttype\s*[–-]\s*den Fragetext\.?$",
    )
]

# Lines that are furniture only in the block at the top or bottom of a page.
_WEAK_FURNITURE = (
    r"^[–—-]?\s*\d{1,4}\s*[–—-]?$",
    r"^Seite\s+\d+(?:\s+von\s+\d+)?$",
    rf"^(?:{PARLIAMENTS})$",
    rf"^{_DRS}(?:\s*\(\d+/\d+\))?$",
    rf"^\d{{1,2}}\.\s*Wahlperiode(?:\s*[–—-]?\s*(?:{_DATE}|\d{{1,2}}\.\d{{1,2}}\.\d{{2}}))?$",  # HH: 09.10.18
    rf"^(?:{PARLIAMENTS})\s*[–—-]?\s*\d{{1,2}}\.\s*Wahlperiode$",
    rf"^{_DATE}$",
    r"^(?:ENTWURF|Entwurf)$",  # the watermark of a draft exported by Ziffer
    r"^(?:Landtag|Stadtbürgerschaft)\s+\d{1,2}\.\d{1,2}\.\d{2}(?:\d{2})?$",  # Bremen: "Landtag 12.03.24"
)

# all of them as one pattern (each is anchored with ^): one test of a line instead of nine
_WEAK = re.compile("|".join(f"(?:{p})" for p in _WEAK_FURNITURE), re.IGNORECASE)


def __getattr__(name: str) -> object:
    """WEAK_FURNITURE: the patterns of _WEAK one by one, compiled when asked for."""
    if name == "WEAK_FURNITURE":
        return [re.compile(p, re.IGNORECASE) for p in _WEAK_FURNITURE]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


HEADING_LINES = re.compile(
    r"^(?:Antrag|Begründung|Stellungnahme|Antwort|A\s?n\s?t\s?w\s?o\s?r\s?t|Kleine Anfrage|Große Anfrage|"
    r"Schriftliche Anfrage|Anfrage|Unterrichtung|und|Vorbemerkung(?: de[rs] [\wäöüÄÖÜ]+)*:?|"
    r"Beschlussempfehlung|Bericht)$",
    re.IGNORECASE,
)
# "Zu 1.:", "Zu den Fragen 6, 7 und 10:", "Antwort zu a) und b):"; not "zu dem Antrag wie folgt Stellung:"
ANSWER_HEADING_LINE = re.compile(
    r"^(?:Antwort\s+)?(?:zu|auf)\s+(?:den\s+|der\s+)?(?:(?:Fragen?|Ziffern?|Nummern?|Nr\.|Punkten?|Teilfragen?)\s+)?"
    r"(?:[IVX]{1,5}\.?\s*)?(?:\d{1,3}|[a-z]\))[^:]{0,50}:\s*$",
    re.IGNORECASE,
)
LABEL_START = re.compile(r"^[*_\-–•]*\s*(?:(?:[IVX]{1,5}|\d{1,3})\.|[a-z]\)|\d{1,2}\.\d{1,2}(?=\s+[A-ZÄÖÜ]))\s")
_TERMINAL = (".", ":", ";", "?", "!", ",")
_CONJUNCTIONS = {"und", "oder", "bzw.", "sowie", "bis", "als", "wie", "noch", "beziehungsweise", "respektive"}
_WORD = re.compile(r"[A-Za-zÄÖÜäöüß][\wÄÖÜäöüß-]*")

# Words that letter-spacing artefacts split most often ("W ie"), kept short and safe.
_COMMON_WORDS = {
    "wie",
    "welche",
    "welcher",
    "welches",
    "welchen",
    "wann",
    "warum",
    "wer",
    "was",
    "wo",
    "wodurch",
    "wofür",
    "weshalb",
    "wieso",
    "wird",
    "werden",
    "wurde",
    "wurden",
    "vor",
    "von",
    "vom",
    "trifft",
    "teilt",
    "plant",
    "inwiefern",
    "inwieweit",
    "ist",
    "sind",
    "gibt",
    "hat",
    "haben",
    "kann",
    "können",
    "aus",
    "auf",
    "für",
    "über",
    "unter",
    "zur",
    "zum",
    "die",
    "der",
    "das",
    "den",
    "dem",
    "des",
    "ein",
    "eine",
}


@dataclass
class Footnote:
    """A footnote taken off a page bottom, and the words that stood before its marker."""

    text: str
    anchor: str = ""


@dataclass
class Cleaned:
    """Paragraphs of running text and the page furniture that was taken out."""

    paragraphs: list[str]
    furniture: list[str] = field(default_factory=list)  # in order; page 1's header comes first
    footnotes: list[Footnote] = field(default_factory=list)  # footnotes at page bottoms, in order

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def clean(text: str) -> Cleaned:
    """Remove page furniture, rejoin hyphenated and wrapped lines, split into paragraphs."""
    furniture: list[str] = []
    footnotes: list[Footnote] = []
    pages = _pages(text)
    repeated = _repeated_edge_lines(pages)
    known: dict[str, bool] = {}  # _is_furniture of the lines tested so far: running heads recur on every page
    bodies: list[list[str]] = []
    for page in pages:
        lines = [ln.strip() for ln in page.split("\n")]
        lines = _strip_edges(lines, furniture, repeated, known)
        lines = _take_footnotes(lines, footnotes)
        taken = [k for k in _lines_with_hint(lines) if is_strong_furniture(lines[k])]
        if taken:
            furniture.extend(lines[k] for k in taken)
            drop = set(taken)
            lines = [ln for k, ln in enumerate(lines) if k not in drop]
        bodies.append(lines)

    lines = _join_pages(bodies)
    vocabulary = _Vocabulary(lines)
    paragraphs = []
    for block in _blocks(lines):
        for para_lines in _split_block(block):
            para = _join_lines(para_lines, vocabulary)
            para = fix_letter_spacing(para, vocabulary)
            if "  " in para or "\t" in para:
                para = _BLANKS.sub(" ", para)
            para = para.strip()
            if para:
                paragraphs.append(para)
    return Cleaned(paragraphs=_rejoin_after_comma(paragraphs), furniture=furniture, footnotes=footnotes)


_BLANKS = re.compile(r"[ \t]+")
_RUNNING_HEAD = re.compile(rf"{_DRS}", re.IGNORECASE)
_LETTER_PAGE = re.compile(r"Seite \d{1,3} von \d{1,3}")


def _pages(text: str) -> list[str]:
    """The pages of a text: at form feeds, or — in text extracted without them — before every
    running header that repeats the print's number ("Niedersächsischer Landtag – 19. Wahlperiode
    Drucksache 19/11135"), so that page numbers and footnotes are seen at the page edges."""
    if "\f" in text:
        return text.split("\f")
    lines = text.split("\n")
    pages: list[list[str]] = [[]]
    for line in lines:
        if "rucksache" in line or "RUCKSACHE" in line or "Seite " in line:  # the cheap test first
            stripped = line.strip()
            if (
                (is_strong_furniture(stripped) and _RUNNING_HEAD.search(stripped))
                or _LETTER_PAGE.fullmatch(stripped)  # "Seite 2 von 3" atop a letter's page (Sachsen)
            ) and any(ln.strip() for ln in pages[-1]):
                pages.append([])
        pages[-1].append(line)
    return ["\n".join(page) for page in pages]


_FOOTNOTE_START = re.compile(r"^(?P<n>\d{1,2})\s+(?=\S)(?!\d)")
_FOOTNOTE_MAX_LINES = 14
_NOTE_NUMBER = re.compile(r"\d{1,2}")


def _take_footnotes(lines: list[str], footnotes: list[Footnote]) -> list[str]:
    """Take the footnotes off the bottom of a page: after a blank line, lines "1 Vgl. Drs. …",
    "2 https://…" to the page end, each number set as a marker in the page's text ("…abläufe1.")."""
    end = len(lines)
    while end and not lines[end - 1]:
        end -= 1
    lo = max(1, end - _FOOTNOTE_MAX_LINES)
    for k in range(lo, end - 1):
        # the note's number on a line of its own (Rheinland-Pfalz): "1" / "Vgl. Drucksache 18/10317."
        # (the length first: the number has one or two digits)
        if len(lines[k]) <= 2 and _NOTE_NUMBER.fullmatch(lines[k]) and lines[k + 1] and not lines[k + 1][0].isdigit():
            lines = [*lines[:k], f"{lines[k]} {lines[k + 1]}", "", *lines[k + 2 :]]
    for k in range(lo, end):
        # the first character first: a note starts with its number (what \d matches, isdigit() takes)
        m = _FOOTNOTE_START.match(lines[k]) if lines[k][:1].isdigit() else None
        if not m:
            continue
        body = "\n".join(lines[:k])
        note = lines[k][m.end() :]
        if _RULE.fullmatch(lines[k - 1]):
            lines = [*lines[: k - 1], "", *lines[k:]]  # the rule above the footnotes (Bremen): a blank
        if lines[k - 1]:
            # set without a blank line above (Thüringen): only a note that reads like one ("1 Vgl.
            # Drucksache …"), and only when its marker stands glued in the text above
            if not (_NOTE_TEXT.match(note) and any(mm["n"] == m["n"] for mm in _MARKER.finditer(body))):
                continue
        elif not _has_marker(body, m["n"], note):
            continue
        notes: list[list[str]] = []
        numbers: list[int] = []
        for line in lines[k:end]:
            fm = _FOOTNOTE_START.match(line)
            if fm and (not numbers or int(fm["n"]) == numbers[-1] + 1):
                notes.append([line[fm.end() :].strip()])
                numbers.append(int(fm["n"]))
            elif line:
                notes[-1].append(line)
        anchors: dict[str, str] = {}
        kept = [_unmark(ln, {str(n) for n in numbers}, anchors) for ln in lines[:k]]
        footnotes.extend(
            Footnote(_join_lines(note, set()), anchors.get(str(n), "")) for n, note in zip(numbers, notes, strict=True)
        )
        return kept
    return lines[:end]


_RULE = re.compile(r"[_–—-]{5,}")


def _unmark(line: str, taken: set[str], anchors: dict[str, str]) -> str:
    """Remove the markers of the footnotes taken; note for each the words in front of it, so that
    a citation in the note can be placed where its marker stood ("answer:4")."""

    def drop(mm: re.Match[str]) -> str:
        if mm["n"] not in taken:
            return mm.group(0)
        words = line[: mm.start()].split()
        anchors.setdefault(mm["n"], " ".join(words[-4:] if len(words) > 4 else words[1:] or words))
        return ""

    return _MARKER.sub(drop, line)


_MARKER = re.compile(r"(?<=[a-zäöüß.,;:)“\"])(?<!\d[.,])(?P<n>\d{1,2})(?=[\s.,;:)]|$)")


_SPACED_MARKER = re.compile(r"[.;,]\s(?P<n>\d{1,2})\s+(?=[A-ZÄÖÜ])")
_NOTE_TEXT = re.compile(r"^(?:https?://|www\.|Vgl\.|vgl\.|Siehe|siehe|Ebenda|Drs\.|Drucksache|BT-|LT-|Quelle)")


def _has_marker(body: str, n: str, note: str) -> bool:
    """Does the text carry footnote marker `n` glued to a word or a full stop ("Arbeitsabläufe1.",
    "… erfolgt. 1 Zudem …"), or does the note read like one ("1 https://…", "1 Vgl. Drs. …")?"""
    if _NOTE_TEXT.match(note):
        return True
    return any(m["n"] == n for m in _MARKER.finditer(body)) or any(m["n"] == n for m in _SPACED_MARKER.finditer(body))


def _rejoin_after_comma(paragraphs: list[str]) -> list[str]:
    """A paragraph of running text never ends in a comma: one that does was cut by a page break
    ("… mit Wirtschaft," / "Wissenschaft, Politik …") and goes on in the next one — unless that
    one starts a point or a heading, or the first is a short line of a list or an address."""
    out: list[str] = []
    for para in paragraphs:
        prev = out[-1] if out else ""
        if (
            prev.endswith(",")
            and len(prev) >= 40
            and not _is_heading(prev)
            and not _is_heading(para)
            and not LABEL_START.match(para)
        ):
            out[-1] = f"{prev} {para}"
        else:
            out.append(para)
    return out


def _normalise_edge(line: str) -> str:
    return _NUMBER.sub("#", line.strip().lower())


_NUMBER = re.compile(r"\d+")


def _repeated_edge_lines(pages: list[str]) -> set[str]:
    """Lines (digits ignored) that open or close at least half of several pages: running heads."""
    if len(pages) < 3:
        return set()
    counts: Counter[str] = Counter()
    for page in pages:
        lines = page.split("\n")
        edge = {_normalise_edge(ln) for ln in _first_filled(lines, 3) + _first_filled(reversed(lines), 2)}
        counts.update(edge)
    need = max(3, (len(pages) + 1) // 2)
    return {
        line
        for line, n in counts.items()
        if n >= need and len(line) < 120 and line != "#" and not _is_heading(line) and not LABEL_START.match(line)
    }


def _first_filled(lines: Iterable[str], n: int) -> list[str]:
    """The first n lines that are not blank: a page's edge without looking at all of its lines."""
    found = []
    for line in lines:
        if line.strip():
            found.append(line)
            if len(found) == n:
                break
    return found


_FURNITURE_TOKEN = re.compile(
    rf"(?:{PARLIAMENTS}|\d{{1,2}}\.\s*Wahlperiode|{_DRS}(?:\s*\(\d+/\d+\))?|{_DATE}|Seite\s+\d+(?:\s+von\s+\d+)?"
    r"|\b\d{1,4}\b|[–—|/-])",
    re.IGNORECASE,
)

# Whether nothing but blanks is left of a line once every _FURNITURE_TOKEN is taken out, decided
# without taking them out: `sub` tries the tokens at every character of the line, this stops at the
# first that is neither a token's start nor a blank. Each token is matched atomically where `sub`
# would find it (its first match at a position, which is never a blank), the blanks between them as
# `strip` and `sub` see them (tests/test_cleanup.py compares the two).
_ONLY_TOKENS = re.compile(rf"(?:(?>{_FURNITURE_TOKEN.pattern})|\s)*+", re.IGNORECASE)


_FURNITURE_HINTS = (
    "drucksache",
    "eingegangen",
    "ausgegeben",
    "verteilt",
    "plenarprotokoll",
    "abrufbar",
    "recyclingpapier",
    "umweltzeichen",
    "mit schreiben",
    "schrifttype",
    "gesamtherstellung",
    "vertrieb",
    "issn",
    "druck",
    "datum des",
    "hinweis des landtagsamts",
)


# "druck" stands for "drucksache" too; a loop of `in` tests is three times faster than a regex
_HINTS = tuple(hint for hint in _FURNITURE_HINTS if hint != "drucksache")
_STRONG = re.compile("|".join(f"(?:{p})" for p in STRONG_FURNITURE), re.IGNORECASE)  # all anchored: ^
# a character no furniture token can contain (a comma, "ß", "x" …): a line with one is more than tokens
_NOT_IN_TOKENS = re.compile(
    r"[^\d\s().\-/–—|"
    + "".join(sorted({c for c in f"{PARLIAMENTS} Wahlperiode Drucksache Seite von" if c.isalpha()}))
    + "]",
    re.IGNORECASE,
)


def _has_hint(low: str) -> bool:
    for hint in _HINTS:  # noqa: SIM110 - a plain loop is several times faster than any() on a generator
        if hint in low:
            return True
    return False


def _lines_with_hint(lines: list[str]) -> list[int]:
    """The indices of the lines that hold a furniture word (_has_hint), in order: looked for in the
    page as a whole, since few lines hold one (a line's lower case is its part of the page's)."""
    low = "\n".join(lines).lower()
    found: set[int] = set()
    for hint in _HINTS:
        at = low.find(hint)
        while at >= 0:
            line = low.count("\n", 0, at)
            found.add(line)
            end = low.find("\n", at)  # the next line
            at = low.find(hint, end) if end >= 0 else -1
    return sorted(found)


def _only_furniture_tokens(line: str) -> bool:
    """A header line made of nothing but parliament, term, print number, date and page number,
    in any order ("17. Wahlperiode Drucksache 17 / 8906 3")."""
    if len(line) >= 160 or _NOT_IN_TOKENS.search(line):
        return False  # the cheap test first
    return _ONLY_TOKENS.fullmatch(line) is not None


def is_strong_furniture(line: str) -> bool:
    """Furniture wherever it stands: print footers, and header lines naming the print number."""
    if len(line) > 200:
        return False
    if not _has_hint(line.lower()):
        return False  # the cheap test first: almost every line is text
    if _STRONG.match(line):
        return True
    return _only_furniture_tokens(line) and _DRS_IN.search(line) is not None and _TERM_IN.search(line) is not None


_DRS_IN = re.compile(_DRS, re.IGNORECASE)
_TERM_IN = re.compile(rf"{PARLIAMENTS}|Wahlperiode", re.IGNORECASE)


def _is_furniture(line: str, repeated: set[str]) -> bool:
    if is_strong_furniture(line) or _WEAK.match(line) or _only_furniture_tokens(line):
        return True
    return _normalise_edge(line) in repeated


def _strip_edges(lines: list[str], furniture: list[str], repeated: set[str], known: dict[str, bool]) -> list[str]:
    """Take furniture off the top and the bottom of one page (blank lines in between allowed); `known`
    keeps what _is_furniture said of a line for the pages after."""

    def is_furniture(line: str) -> bool:
        found = known.get(line)
        if found is None:
            found = known[line] = _is_furniture(line, repeated)
        return found

    start = 0
    pending: list[str] = []
    taken_top: list[str] = []
    while start < len(lines):
        line = lines[start]
        if not line:
            start += 1
            continue
        joined = line
        if line.endswith("-") and start + 1 < len(lines):  # "ausgezeich-" / "net mit dem Umweltzeichen"
            joined = line[:-1] + lines[start + 1]
        if is_furniture(line):
            taken_top.append(line)
            start += 1
        elif joined != line and is_furniture(joined):
            taken_top.extend([line, lines[start + 1]])
            start += 2
        else:
            break
    end = len(lines)
    taken_bottom: list[str] = []
    # a footer block of several lines at the page bottom (Bavaria's "Hinweis des Landtagsamts: …",
    # Nordrhein-Westfalen's "Die Veröffentlichungen des Landtags … sind einzeln … zu beziehen")
    for k in range(max(start, end - _FOOTER_BLOCK_LINES), end):
        if _FOOTER_BLOCK.match(lines[k]):
            taken_bottom.append(" ".join(ln for ln in lines[k:end] if ln))
            end = k
            break
    while end > start:
        line = lines[end - 1]
        if not line:
            end -= 1
            continue
        before = next((lines[k] for k in range(end - 2, start - 1, -1) if lines[k]), "")
        if before.endswith(("-", "–")) and re.fullmatch(r"\d+", line):
            break  # "2025-" / "2027": a number that completes the line above, not a page number
        if is_furniture(line):
            taken_bottom.append(line)
            end -= 1
        elif before and is_strong_furniture(f"{before} {line}"):
            # a footer line wrapped in two (Mecklenburg-Vorpommern: "Die Antwort der Landesregierung
            # wurde … mit Schreiben des Ministeriums für …," / "… vom 12. Mai 2025 übermittelt.")
            taken_bottom.append(f"{before} {line}")
            end = max(i for i in range(start, end - 1) if lines[i] == before)
        else:
            break
    pending.extend(taken_top)
    pending.extend(reversed(taken_bottom))
    furniture.extend(pending)
    return lines[start:end]


_FOOTER_BLOCK = re.compile(
    r"^(?:Hinweis des Landtagsamts:|Die Veröffentlichungen des Landtags|Drucksachen, Plenarprotokolle sowie die"
    r"|Hausanschrift:)"  # Sachsen: the ministry's letter paper
)
_FOOTER_BLOCK_LINES = 8


def _join_pages(bodies: list[list[str]]) -> list[str]:
    """Concatenate pages; a sentence running over a page break stays one paragraph."""
    out: list[str] = []
    for body in bodies:
        while body and not body[0]:
            body = body[1:]
        while body and not body[-1]:
            body = body[:-1]
        if not body:
            continue
        if out:
            last = out[-1]
            # a sentence runs on when the page ends mid-sentence on a full line, or the next page
            # goes on in lower case
            continues = (
                bool(last)
                and not last.endswith((".", ":", "?", "!", ";"))
                and (body[0][:1].islower() or len(last) >= 50 or last.endswith(","))
                and not (_LABEL_THEN_WORD.match(body[0]) and not last.endswith((",", "-")))
            )
            if not continues:
                out.append("")
        out.extend(body)
    return out


_LABEL_THEN_WORD = re.compile(r"^(?:(?:[IVX]{1,5}\.\s*)?\d{1,3}\.|\d{1,2}\.\d{1,2})\s+[A-ZÄÖÜ](?!\w*\s+\d{4})")


def _blocks(lines: list[str]) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for line in lines:
        line = line.strip()
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


_INLINE_HEADING = re.compile(r"^(?:Antwort )?zu (?:den )?Fragen?\s+\d{1,3}[^:]{0,40}:\s", re.IGNORECASE)


_SUB_HEADING_LINE = re.compile(r"^Zu\s+[a-z]\s*\)?\s*\.?\s*:\s*$")  # "Zu a:", "Zu b):"


def _is_heading(line: str) -> bool:
    line = line.strip(" *_")
    # ("V" and "v" are the only characters that lower-case to a "v")
    if (
        len(line) > 25
        and ":" not in line
        and (line[:1] not in "Vv" or not line[:12].lower().startswith("vorbemerkung"))
    ):
        return False  # the cheap test first: no heading word is this long, and "Zu 1.:" needs its colon
    if line[:1] not in _HEADING_FIRST:
        return False  # every heading starts with one of these letters (IGNORECASE: "ſ", the Kelvin sign)
    return bool(HEADING_LINES.match(line) or ANSWER_HEADING_LINE.match(line) or _SUB_HEADING_LINE.match(line))


# what a heading (HEADING_LINES, ANSWER_HEADING_LINE, _SUB_HEADING_LINE) can start with, in any case
# (tests/test_cleanup.py checks every character)
_HEADING_FIRST = "AaBbGgKkSsUuVvZz\u017f\u212a"
_HEADING_START = _HEADING_FIRST + " *_"  # or a sign _is_heading strips first


def _headings(block: list[str]) -> list[bool]:
    """_is_heading of each line of a block (stripped lines, none empty), asked only of a line that
    starts with a heading's first letter or a sign _is_heading strips, and is 25 characters or
    shorter, holds a colon or has at an end such a sign or the "V" of a "Vorbemerkung": the others
    it says no to at once (tests/test_cleanup.py compares them)."""
    return [
        line[0] in _HEADING_START
        and (len(line) <= 25 or ":" in line or line[0] in "Vv *_" or line[-1] in " *_")
        and _is_heading(line)
        for line in block
    ]


def _labels(block: list[str]) -> list[re.Match[str] | bool | None]:
    """LABEL_START.match of each line of a block (stripped lines, none empty), false alike, tried only
    where a label can start: with a sign, a Roman numeral or a digit, or a letter and ")" (every digit
    `re` matches with \\d is one str.isdigit() takes; tests/test_cleanup.py compares them)."""
    return [
        (line[0] in _LABEL_FIRST or line[1:2] == ")" or (line[0] > "\x7f" and line[0].isdigit()))
        and LABEL_START.match(line)
        for line in block
    ]


_LABEL_FIRST = "*_-–•IVX0123456789"  # what a label starts with but a digit that is not ASCII


def _split_block(block: list[str]) -> list[list[str]]:
    """Split a block of lines into paragraphs at headings, numbered points and short last lines."""
    if len(block) == 1:
        return [block]
    longest = max(map(len, block))
    wrapped = longest > 60
    # what each line is, tested once (the tests below look at a line as `line` and as `prev`); a
    # match or None, read as true or false
    heading = _headings(block)
    label = _labels(block)
    # (the first character first: a date starts with a digit, a head line with "A", a head part
    # with "d", "A" or "a")
    bare_date = [line[:1].isdigit() and _BARE_DATE.fullmatch(line) for line in block]
    head_line = [line[:1] == "A" and _HEAD_LINE.match(line) for line in block]
    head_part = [line[:1] in "dAa" and _HEAD_PART.match(line) for line in block]
    # an opener's words stand in the block as a whole wherever they stand in three of its lines
    may_open = _has_opener_word(" ".join(block))
    # what the tests below ask of a paragraph's first line, asked once a paragraph
    head_first = head_line[0] or head_part[0]  # "… (DIE LINKE)" / title
    ministry = _MINISTRY_LINE.match(block[0])
    short, shorter = 0.7 * longest, 0.75 * longest
    paras: list[list[str]] = [[block[0]]]
    prev = block[0]
    for i in range(1, len(block)):
        line = block[i]
        # a block's lines are stripped and not empty: their first and last characters, once
        c, end = line[0], prev[-1]
        if (
            heading[i]
            or heading[i - 1]
            or bare_date[i]
            or bare_date[i - 1]
            or head_line[i]
            or (label[i] and prev.rstrip("*_ ").endswith(_TERMINAL))
            or (label[i] and _SECTION_TITLE.match(prev))
            # the first letter first (one test for the four below): "Frage 2:", "Antwort:"; "zu Frage 1:
            # Nach den Daten …" (Brandenburg); a title's line; a head's line
            or (
                c in "FAaZzbu"
                and (
                    (c in "FA" and _QUESTION_OR_ANSWER.match(line))
                    or (c in "AaZz" and _INLINE_HEADING.match(line))
                    or (c == "b" and line.startswith("betreffend ") and not _GOES_ON.search(prev))  # Hessen
                    or (c == "u" and line.startswith("und Antwort des "))  # Hamburg: "… vom 01.10.18" / this
                )
            )
            or (end == "?" and _STARTS_SENTENCE.match(line))  # a question ends, its answer begins
            or (end in ".)" and _STARTS_SENTENCE.match(line) and REQUEST_END.search(prev[-160:]))
            or (head_first and _HEAD_LINE_END.search(prev))
            or (head_part[i] and len(prev) < short and not _GOES_ON.search(prev))
            or (ministry and c.isupper() and not _GOES_ON.search(prev))
            or (may_open and c.isupper() and _opener_starts(block, i))
            or (wrapped and end in ".:?!" and len(prev) < shorter)
        ):
            new = True
        elif wrapped:
            # a short line in set text ends its paragraph (a header line, a title)
            new = len(prev) < short and end not in "-," and not c.islower()
        else:
            # short lines of an address, a signature or a letterhead each stand alone
            new = end not in ",-–" and c.isupper() and not prev[0].islower()
        if new:
            paras.append([line])
            head_first = head_line[i] or head_part[i]
            ministry = _MINISTRY_LINE.match(line)
        else:
            paras[-1].append(line)
        prev = line
    return paras


_BARE_DATE = re.compile(r"\d{1,2}\.\s?\d{1,2}\.\s?\d{4}")
_SECTION_TITLE = re.compile(r"^[IVX]{1,5}\.\s+[A-ZÄÖÜ]")
_QUESTION_OR_ANSWER = re.compile(r"^(?:Frage\s+\d{1,3}\s*[a-z]?\)?|Antwort)\s*:")


# Lines of a print's head that always start a paragraph of their own (Niedersachsen sets them
# without blank lines): "Anfrage der Abgeordneten …", "Antwort des Niedersächsischen Ministeriums …".
_HEAD_LINE_END = re.compile(r"(?:\([^()]{2,40}\)|Landesregierung|\d{4})$")
_STARTS_SENTENCE = re.compile(r"^(?:[A-ZÄÖÜ0-9„“\"(]|– )")
_HEAD_LINE = re.compile(
    r"^(?:Anfrage|Antwort|Antrag) (?:der|des) (?:Abgeordneten|Fraktion|Landesregierung|(?:\w+\s)?\w*[Mm]inist|Senat)"
)


# "des Thüringer Ministeriums für Umwelt, …" in the head: the title follows on the next line
_MINISTRY_LINE = re.compile(
    r"^(?:des|der) (?:\w+ )?(?:Ministeriums|Staatsministeriums|Senats|Senatsverwaltung|Staatskanzlei) für \w"
)
# short head lines that start a part of the head ("der Landesregierung" / "auf die Kleine Anfrage
# 5432 vom 8. April 2025" / "der Abgeordneten Sabine Probe und Tim Muster FDP", Nordrhein-Westfalen)
_HEAD_PART = re.compile(
    r"^(?:(?:der|des|die) (?:Abgeordneten|Abg\.|Fraktion|Landesregierung$)|Abgeordnete[rn]? [A-ZÄÖÜ]"
    r"|auf die (?:Kleine |Große |Schriftliche )?Anfrage)"
)
_GOES_ON = re.compile(r"(?:[,\-–]|\b(?:und|für|sowie|der|des))$")


def _opener_starts(block: list[str], i: int) -> bool:
    """Does an answer's opener, set over up to three lines, start at line i?"""
    text = " ".join(block[i : i + 3])
    return _has_opener_word(text) and ANSWER_OPENER.match(text) is not None


def _has_opener_word(text: str) -> bool:
    for word in _OPENER_WORDS:  # noqa: SIM110 - a plain loop: any() on a generator costs more than the tests
        if word in text:
            return True
    return False


_OPENER_WORDS = ("eantwort", "Stellung", "wie folgt", "Antwort des")  # one of them is in every opener


class _Vocabulary:
    """The lower-cased words of a text, with and without hyphens, to decide rejoins: a word is in it
    when some word of the text (_VOCAB_WORD) is that word in lower case. The tail of a
    letter-spacing artefact ("W ie") is no evidence of a word and is left out.

    Built to be asked a few dozen words, not to list them all (which costs as much as the rest of
    the cleaning together): a word with a hyphen is looked up among the words of the few lines that
    hold one; any other word (a conjunction's join, "verund"; a letter-spacing piece, "elche") is
    searched for in the text, and from the _SEARCHES-th such word on, the whole set is built once."""

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines
        # words cannot span lines, so the words with a hyphen are those of the lines with one
        self._hyphenated = {
            word.lower() for word in _VOCAB_WORD.findall("\n".join(ln for ln in lines if "-" in ln)) if "-" in word
        }
        self._text = ""
        self._low = ""
        self._found: dict[str, bool] = {}
        self._all: set[str] | None = None

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        if "-" in word:  # lower() neither makes nor drops a hyphen
            return word in self._hyphenated
        if self._all is not None:
            return word in self._all
        found = self._found.get(word)
        if found is None:
            if len(self._found) >= _SEARCHES or not self._searchable():
                self._all = _vocabulary(self._lines)
                return word in self._all
            found = self._found[word] = self._search(word)
        return found

    def _searchable(self) -> bool:
        """Is a word's place in the lower-cased text its place in the text? Not where a letter's lower
        case is longer ("İ") or depends on what follows (a capital sigma)."""
        if not self._text:
            self._text = "\n".join(self._lines)
            self._low = self._text.lower()
        return len(self._low) == len(self._text) and "Σ" not in self._text

    def _search(self, word: str) -> bool:
        """Does a word of the text start where `word` stands in the lower-cased text, and end with it?"""
        text, low, size = self._text, self._low, len(word)
        if not word:
            return False  # a word has a letter
        at = low.find(word)
        tried = 0
        while at >= 0:
            m = _VOCAB_WORD.match(text, at)  # its looks behind see the text before `at`
            if m is not None and m.end() == at + size:
                return True
            tried += 1
            if tried == _FINDS:
                break
            at = low.find(word, at + 1)
        else:
            return False
        # A piece that stands inside many words ("ie" of "W ie"): only the places where it stands
        # alone in the lower-cased text are looked at, found by `re` at C speed. A word of the text
        # stands alone there too, since no character outside _VOCAB_WORD's lower-cases to one inside
        # (tests/test_cleanup.py checks every character).
        alone = re.compile(f"{re.escape(word)}(?<!{_WORD_CHAR}{re.escape(word)})(?!{_WORD_CHAR})")
        found = alone.search(low, at + 1)
        while found is not None:
            at = found.start()
            m = _VOCAB_WORD.match(text, at)
            if m is not None and m.end() == at + size:
                return True
            found = alone.search(low, at + 1)
        return False


# other words looked up one by one before the whole set is built (a search costs a sixtieth of it)
_SEARCHES = 16
# places of a word in the text looked at one by one before a search for it standing alone
_FINDS = 40  # about what compiling the search costs


def _vocabulary(lines: list[str]) -> set[str]:
    """Every lower-cased word of the lines: what _Vocabulary answers for each, and its whole set."""
    return set(map(str.lower, set(_VOCAB_WORD.findall("\n".join(lines)))))


# the letter first, then the two looks behind it: `re` skips ahead to a letter at C speed
_WORD_CHAR = r"[\wÄÖÜäöüß-]"  # what _VOCAB_WORD takes into a word
_VOCAB_WORD = re.compile(r"[A-Za-zÄÖÜäöüß](?<![A-ZÄÖÜ] [A-Za-zÄÖÜäöüß])(?<![\wÄÖÜäöüß-][A-Za-zÄÖÜäöüß])[\wÄÖÜäöüß-]*")


def _join_lines(lines: list[str], vocabulary: Container[str]) -> str:
    """Join the lines of one paragraph, undoing hyphenation at line ends."""
    joined = " ".join(lines)
    if "- " not in joined and "-\n" not in joined:
        # no line but the last ends with a hyphen: what _join_wrapped joins with a blank (the
        # cheap test first; tests/test_cleanup.py compares the two)
        return joined
    return _join_wrapped(lines, vocabulary)


def _join_wrapped(lines: list[str], vocabulary: Container[str]) -> str:
    """_join_lines, line by line."""
    parts = [lines[0]]
    for line in lines[1:]:
        prev = parts[-1]
        # only the end of the previous line matters; looking at a bounded tail keeps this linear
        m = _HYPHENATED_END_REVERSED.match(prev[:-81:-1]) if prev.endswith(("-", "-\n")) else None
        last_word = prev[-200:].rsplit(" ", 1)[-1] if m else ""
        if m and ("://" in last_word or last_word.startswith("www.")):
            parts.append(line)  # an address broken at its own hyphen: "…/ortsdurchfahrt-jembke-" "b248-…"
        elif m and not prev.endswith(" -"):
            head = m.group(1)[::-1]
            first = line.split(" ", 1)[0]
            tail = _WORD_CHARS.match(first)
            joined = f"{head}{tail.group(0)}".lower() if tail else ""
            if tail is not None and first.lower() in _CONJUNCTIONS and joined in vocabulary:
                parts[-1] = prev[:-1]
                parts.append(line)  # "so-" + "wie": the document spells "sowie" elsewhere
            elif tail is None or first.lower() in _CONJUNCTIONS or first.rstrip(",;").lower() in _CONJUNCTIONS:
                parts.append(" " + line)  # "Ver- und Überschuldung"
            elif first[0].isupper() or first[0].isdigit() or head[-1].isdigit():
                parts.append(line)  # "Baden-Württemberg", "KI-Netzwerke", "2025-2027"
            elif f"{head}-{tail.group(0)}".lower() in vocabulary:
                parts.append(line)  # the document spells it with a hyphen elsewhere ("Start-ups")
            else:
                parts[-1] = prev[:-1]
                parts.append(line)  # "Land-" + "kreis"
        else:
            parts.append(" " + line)
    return "".join(parts)


# The word before a hyphen that ends a line, read from the end of the reversed line: forwards it
# would be r"([\wÄÖÜäöüß+]+)-$" ("+" for "ESF+-" / "Förderperiode"), which `re` tries at every
# position of the line; "$" also matches before a final line break, and the leftmost match forwards
# is the longest backwards (tests/test_cleanup.py compares them).
_HYPHENATED_END_REVERSED = re.compile(r"\n?-([\wÄÖÜäöüß+]+)")
_WORD_CHARS = re.compile(r"[\wÄÖÜäöüß]+")


# a letter standing alone, after a blank (or the start) or after a sign: both artefacts have one.
# Searched from the blank after it (`re` skips ahead to a blank at C speed), the letter and what
# stands before it looked behind: not a word's letter, not ".", no blank but a space.
_SINGLE_LETTER = re.compile(r" (?<=[A-Za-zÄÖÜäöüß] )(?<![\w.][A-Za-zÄÖÜäöüß] )(?<![^\S ][A-Za-zÄÖÜäöüß] )")
_SPACED_CAPS = re.compile(r"(?<![\w.])((?:[A-Za-zÄÖÜäöüß] ){2,}[A-Za-zÄÖÜäöüß])(?![\w.])")
_SPLIT_INITIAL = re.compile(r"(?<![\w.§])([A-ZÄÖÜ]) ([a-zäöüß]{2,})\b")


def fix_letter_spacing(text: str, vocabulary: Container[str] | None = None) -> str:
    """Undo letter-spacing artefacts: "A n t w o r t" → "Antwort", "W ie" → "Wie"."""
    if not _SINGLE_LETTER.search(text):
        return text  # no letter standing alone: nothing to undo (the cheap test first)
    vocabulary = vocabulary or set()
    text = _SPACED_CAPS.sub(lambda m: m.group(1).replace(" ", ""), text)

    def rejoin(m: re.Match[str]) -> str:
        word = (m.group(1) + m.group(2)).lower()
        rest = m.group(2).lower()
        if (word in _COMMON_WORDS or word in vocabulary) and rest not in _COMMON_WORDS and rest not in vocabulary:
            return m.group(1) + m.group(2)
        return m.group(0)

    return _SPLIT_INITIAL.sub(rejoin, text)

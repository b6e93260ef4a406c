"""The structure parser: from cleaned paragraphs to a PrintDoc (see ../shared/print-json.md).

A print has up to three parts, and each parliament lays them out differently:

- the head: parliament, number, kind, originators, answering ministry, title;
- the inquiry: an opener ("Der Landtag wolle beschließen", "Ich frage die Landesregierung:")
  with numbered points, then the date, the signers and the "Begründung";
- the answer: an opener ("Mit Schreiben vom … Nr. … nimmt das Ministerium … Stellung:"), then
  per point the question quoted again and an answer block under a heading ("Zu 1.:",
  "Antwort zu 1:", "Zu Frage 2:", "Zu den Fragen 6, 7 und 8:"), or — in the Bundestag's and
  Niedersachsen's layout — no heading at all, the answer following its repeated question,
  with "Die Fragen 2 bis 4 werden gemeinsam beantwortet." for a combined answer.

The parser classifies paragraphs and walks them once; whatever it cannot settle goes into
`warnings`. It never raises on text input.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from core.alignment import align, complete_question, goes_on
from core.cleanup import Cleaned, clean
from core.dates import find_dates, first_date, parse_date
from core.documents import read_document
from core.labels import label_key
from core.model import Answer, AnswerItem, Point, PrintDoc, Reference
from core.numbers import find_print_numbers
from core.references import find_citations
from core.similarity import same_wording, similar
from core.vocabulary import (
    _FACTION_RE,
    ANSWER_HEADING_WORD,
    ANSWER_OPENER,
    ANSWER_PREFIX,
    COMBINED,
    FRAGE,
    HEADING,
    IN_VERTRETUNG,
    KIND_WORDS,
    NAME_AND_OFFICE,
    OFFICE,
    OPENER_CONSENT,
    OPENER_MINISTRY,
    PARLIAMENT_CODES,
    POINT_DECIMAL,
    POINT_NUM,
    POINT_ROMAN,
    POINT_ROMAN_NUM,
    PREFACE_START,
    PRINT_URL,
    QUESTION_OPENER,
    QUOTED_QUESTION,
    REASONING_START,
    expand_labels,
)


@dataclass
class _Item:
    labels: list[str]
    texts: list[str] = field(default_factory=list)


@dataclass
class _Question:
    label: str
    texts: list[str] = field(default_factory=list)


# --- entry points ---------------------------------------------------------------------------------


def parse_file(path: str | Path) -> PrintDoc:
    """Read and parse one document; raises DocumentError for unreadable files only."""
    return parse_text(read_document(path).text)


def parse_text(text: str) -> PrintDoc:
    """Parse the text of one print (raw or already clean) into its structure."""
    return _Parser(clean(text)).run()


def parse_cleaned(cleaned: Cleaned) -> PrintDoc:
    """Parse text that core.cleanup.clean has already cleaned (the importer keeps it as material)."""
    return _Parser(cleaned).run()


def _may_open(p: str) -> bool:
    """Cheap test before QUESTION_OPENER: every opener asks ("frage", "fragen") or moves ("beschließen")."""
    low = p.lower()
    return "frag" in low or "beschließen" in low


# --- small helpers --------------------------------------------------------------------------------


_BULLET_BEFORE_LABEL = re.compile(r"^[-–•]\s+(?=(?:[IVX]{1,5}\.\s*)?\d{1,3}[.)]\s)")
_MARKUP_START = re.compile(r"^(?:#{1,6}\s+|[*_]{1,3}\s*)")
_MARKUP_END = re.compile(r"\s*[*_]{1,3}$")


def _strip_markup(para: str) -> str:
    """Drop markdown emphasis and a bullet in front of a numbered point ("- 1. …;*"), and the
    quotation marks that open or close a quoted question print („… / …“, Bremen)."""
    para = para.strip()
    if para.startswith("„") and "“" not in para:
        para = para[1:].lstrip()
    elif para.endswith("“") and "„" not in para:
        para = para[:-1].rstrip()
    if not para or (para[0] not in "-–•#*_" and para[-1] not in "*_"):
        return para
    para = _BULLET_BEFORE_LABEL.sub("", para)
    para = _MARKUP_START.sub("", para)
    para = _MARKUP_END.sub("", para)
    para = _BULLET_BEFORE_LABEL.sub("", para)
    return para.strip()


_SENTENCES = re.compile(r"[.!?]\s+[A-ZÄÖÜ]|[.:]$")


_ANSWERING_HOUSE = re.compile(r"^(?:des|der) (?:\w+ )?Staatsministeriums\b.{0,300}\bvom\s+[\d.]+\d{4}$", re.DOTALL)


def _join_answer_heading(paras: list[str]) -> list[str]:
    """Bavaria heads its answer "Antwort" / "des Staatsministeriums für … vom 04.03.2025":
    one paragraph, so that it reads as the answer's opener."""
    out: list[str] = []
    for p in paras:
        if out and out[-1] == "Antwort" and _ANSWERING_HOUSE.match(p):
            out[-1] = f"Antwort {p}"
        else:
            out.append(p)
    return out


def _header_date(line: str) -> date | None:
    """A date on a header line of its own: "15.05.2025", "20. Wahlperiode 2025-05-06", Bremen's
    "Landtag 12.03.24" and Hamburg's "21. Wahlperiode 09.10.18" (two-digit years)."""
    return _print_date(re.sub(r"^(?:\d{1,2}\.\s*Wahlperiode|Landtag|Stadtbürgerschaft)\s+", "", line))


def _print_date(line: str) -> date | None:
    """A bare date, also with the two-digit year of Bremen's and Hamburg's prints ("01.10.18")."""
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{2})", line.strip())
    if m:
        try:
            return date(2000 + int(m[3]), int(m[2]), int(m[1]))
        except ValueError:
            return None
    return parse_date(line)


_CAPS_MINISTRY = re.compile(r"^(?:[A-ZÄÖÜ]+ )?STAATSMINISTERIUM (?:FÜR|DER|DES)(?: [A-ZÄÖÜ,-]+)+(?= |$)")
_LOWER_WORDS = {"für", "und", "der", "des", "die", "das", "von", "zu"}


def _uncaps(name: str) -> str:
    """ "SÄCHSISCHES STAATSMINISTERIUM FÜR INFRASTRUKTUR UND LANDESENTWICKLUNG" in ordinary case."""
    words = name.split()
    return " ".join(w.lower() if w.lower() in _LOWER_WORDS else w.capitalize() for w in words)


_PLACE_DATE = re.compile(
    r"^[A-ZÄÖÜ][\wäöüß.\- ]{1,40},\s+(?:den\s+)?(?P<d>\d{1,2}\.\s*(?:\d{1,2}\.|[A-ZÄÖÜ]\w+)\s*\d{4})$"
)


def _is_answer_preface(p: str) -> bool:
    """ "Vorbemerkung:" or "Vorbemerkung der Landesregierung: …" — the answering side's, not the askers'."""
    return p.lower().startswith("vorbemerkung") and bool(PREFACE_START.match(p)) and not REASONING_START.match(p)


def _squash(text: str) -> str:
    return " ".join(text.split())


def _nominative(name: str) -> str:
    """Genitive or dative to nominative: "des Ministeriums für X" → "Ministerium für X",
    "dem Niedersächsischen Ministerium für X" → "Niedersächsisches Ministerium für X"."""
    name = _squash(name).strip(" ,.;:")
    name = re.sub(r"^(?:des|dem|der|den|das|die|vom)\s+", "", name)
    name = re.sub(r"\b(\w+)ministeriums\b", r"\1ministerium", name)
    name = re.sub(r"\bMinisteriums\b", "Ministerium", name)
    name = re.sub(r"^Senats$", "Senat", name)
    # the office for its house: "Ministerin für X" → "Ministerium für X"
    name = re.sub(
        r"^(Staats)?[Mm]inister(?:in|s)?\s+(?=für\b|der\b|des\b)",
        lambda m: "Staatsministerium " if m[1] else "Ministerium ",
        name,
    )
    name = re.sub(r"\b(\w+)(?:ischen|ische)\s+(Ministerium|Staatsministerium)\b", r"\1isches \2", name)
    name = re.sub(r"\b(\w+)(?:ischen)\s+(Staatskanzlei|Landesregierung)\b", r"\1ische \2", name)
    return name


def _split_consent(text: str) -> list[str]:
    parts = re.split(r"(?:,\s*|\s+sowie\s+|\s+und\s+)(?=(?:dem|der|den)\s)", _squash(text))
    return [_nominative(p) for p in parts if p.strip()]


# --- the parser -----------------------------------------------------------------------------------


class _Parser:
    def __init__(self, cleaned: Cleaned) -> None:
        self.furniture = cleaned.furniture
        self.footnotes = cleaned.footnotes
        self.paras = [_strip_markup(p) for p in cleaned.paragraphs]
        self.paras = _join_answer_heading([p for p in self.paras if p])
        self.doc = PrintDoc()
        self.other_texts: list[str] = []
        self.inquiry_paras: set[str] = set()
        self.sent_by: tuple[str, object] | None = None
        self.head_answer_date: date | None = None
        self.combined = False  # the head announces question and answer in one print
        self.header_date: date | None = None  # the date in page one's header block
        self.original_date: date | None = None  # "Datum des Originals" / "Datum des Eingangs" in a footer
        self.letter: dict[str, object] = {}  # a ministry's letter before the answer: ministry, file number, date

    def run(self) -> PrintDoc:
        doc = self.doc
        paras = self.paras
        q_open = next(
            (i for i, p in enumerate(paras) if len(p) < 400 and _may_open(p) and QUESTION_OPENER.search(p)), None
        )
        a_open = self._find_answer_opener(q_open)
        head_end = min(x for x in (q_open, a_open, self._first_structural(q_open), len(paras)) if x is not None)
        quoted = next((i for i, p in enumerate(paras[:head_end]) if QUOTED_QUESTION.search(p)), None)
        if quoted is not None and q_open is not None and quoted < q_open:
            # "Die Kleine Anfrage … hat folgenden Wortlaut:": the askers' preamble, then the questions
            self._read_head(paras[:quoted])
            asked = re.search(r"\bvom\s+(?P<d>.{6,25}?\d{4})", paras[quoted])
            if asked:  # "Die Kleine Anfrage – Drucksache 18/12201 – vom 14. April 2025 hat folgenden Wortlaut:"
                doc.submitted = doc.submitted or first_date(asked["d"])
            preamble = paras[quoted + 1 : q_open]
            if preamble and not any(REASONING_START.match(p) for p in preamble):
                doc.reasoning = "\n\n".join(preamble)
        else:
            self._read_head(paras[:head_end])
            if q_open is not None and head_end < q_open and PREFACE_START.match(paras[head_end]):
                # "Vorbemerkung:" before the questions is the askers' (Sachsen)
                rest = PREFACE_START.match(paras[head_end])["rest"]  # type: ignore[index]
                doc.reasoning = "\n\n".join([*([rest] if rest else []), *paras[head_end + 1 : q_open]]) or None
        self._read_furniture()

        body_end = a_open if a_open is not None else len(paras)
        before: list[str] = []
        if q_open is None:
            # what stands between the head and the answer's opener (the askers' and the ministry's
            # "Vorbemerkung", Hessen) is read with the answer part
            before = paras[head_end:a_open] if a_open is not None else []
        elif a_open is not None:
            # the ministry's "Vorbemerkung:" right after the question opener, before its own opener
            # ("Vor diesem Hintergrund fragen wir den Senat:" / "Vorbemerkung: …" / "Dies
            # vorausgeschickt, beantwortet der Senat …", Hamburg)
            preface = next((i for i in range(q_open + 1, a_open) if _is_answer_preface(paras[i])), None)
            if preface is not None:
                body_end, before = preface, paras[preface:a_open]
        if q_open is not None:
            self._read_inquiry(paras[q_open:body_end], paras[q_open])
        elif a_open is None:
            # no opener at all: a print of questions only, or an unknown layout
            self._read_answer(paras[head_end:], opener=None)
        if a_open is not None:
            self._read_answer(before + paras[a_open + 1 :], opener=paras[a_open])
        elif q_open is None and self.doc.answer is None and not doc.points:
            doc.warnings.append("no numbered points or questions found")
        self._infer_parliament()
        self._finish()
        return doc

    # -- where things are ---------------------------------------------------------------------

    def _find_answer_opener(self, q_open: int | None) -> int | None:
        start = q_open or 0
        for i in range(start, len(self.paras)):
            if ANSWER_OPENER.match(self.paras[i]):
                return i
        # an answer heading ("Stellungnahme", "Antwort") after the inquiry, followed by headings
        if q_open is not None:
            for i in range(q_open + 1, len(self.paras)):
                if ANSWER_HEADING_WORD.match(self.paras[i]) and any(
                    HEADING.match(p) for p in self.paras[i + 1 : i + 40]
                ):
                    return i
        return None

    def _first_structural(self, q_open: int | None) -> int | None:
        """For prints without an opener: where the first question, heading or Vorbemerkung stands.
        Before a question opener, a numbered question is one the askers quote from an earlier
        inquiry ("Wir stellten damals folgende Fragen: 1. …?"), part of their preamble."""
        for i, p in enumerate(self.paras):
            if (
                REASONING_START.match(p)
                or (PREFACE_START.match(p) and p.lower().startswith("vorbemerkung"))
                or FRAGE.match(p)
                or (HEADING.match(p) and ":" in p)
                or (i > 2 and (q_open is None or i > q_open) and POINT_NUM.match(p) and p.rstrip().endswith("?"))
            ):
                return i
        return None

    # -- the head ------------------------------------------------------------------------------

    def _read_head(self, head: list[str]) -> None:
        doc = self.doc
        title_parts: list[str] = []
        reasoning: list[str] = []
        expect_title = False
        title_done = False
        for p in head:
            low = p.lower()
            kind = self._kind_of(p)
            if kind and doc.kind == "other":
                doc.kind = kind
            asked = re.match(r"^auf die (?:\w+ )?Anfrage\b.*?\bvom\s+(?P<d>.{6,25}?\d{4})", p)
            if asked:  # "auf die Kleine Anfrage 5432 vom 8. April 2025"
                doc.submitted = doc.submitted or first_date(asked["d"])
            if re.match(r"^(?:und )?antwort\b", low):  # "Antwort", "und Antwort", "Antwort des Senats"
                self.combined = True
            if self._read_originators(p) or kind or low in ("und", "stellungnahme", "antwort", "zu der"):
                if title_parts:
                    title_done = True
                    expect_title = False
                continue
            m = re.match(
                r"^(?:zum Thema\s*:|Thema\s*:|Betreff\s*:|betreffend\s*:?|betr\.\s*:?)\s*(?P<t>.*)$", p, re.IGNORECASE
            )
            if m:
                title_parts = [m["t"]] if m["t"] else []
                title_done = False
                expect_title = True
                continue
            ministry = self._ministry_line(p)
            if ministry:
                doc.ministry = doc.ministry or ministry
                continue
            if any(low.startswith(name.lower()) for name, _ in PARLIAMENT_CODES) and len(p) < 120:
                continue
            if (
                re.match(r"^[–—-]?\s*(?:Drucksache|Drs\.)\s*\d", p)
                or parse_date(p)
                or p.startswith("(")
                or re.match(
                    r"^(?:vom|und Antwort vom|Berlin|über|Herrn|Frau|an die|den Präsident|A ?N ?T ?W ?O ?R ?T)\b",
                    p,
                )
            ):
                if find_print_numbers(p):
                    self.other_texts.append(p)
                self._dates_in_head(p)
                continue
            if expect_title and title_parts and (len(p) > 150 or p.endswith((".", ":", "?"))):
                title_done, expect_title = True, False  # running text after "Betr.: …" (Hamburg)
            if title_done and not expect_title:
                if reasoning or (len(p) > 120 and p.endswith((".", ":"))):
                    # running text after the title, before the first question (Mecklenburg-Vorpommern
                    # prints the askers' remark there, with no opener): their reasoning
                    reasoning.append(p)
                else:
                    self.other_texts.append(p)
                continue
            title_parts.append(p)
        # a title is a line or two; running text in the head is no title
        # a title runs to three or four lines (up to about 400 characters) but is no running text
        title_parts = [t for t in title_parts[:3] if len(t) <= 250 or (len(t) <= 450 and not _SENTENCES.search(t))]
        if reasoning and doc.reasoning is None:
            doc.reasoning = "\n\n".join(reasoning)
        if title_parts:
            doc.title = _squash(" ".join(title_parts)).strip(" *#")
            if doc.title.startswith("„") and doc.title.endswith("“"):
                doc.title = doc.title[1:-1]  # „Schwimmunterricht an Grundschulen im Land Bremen“

    @staticmethod
    def _kind_of(p: str) -> str | None:
        if len(p) > 200:
            return None
        for rx, kind in KIND_WORDS:
            if rx.search(p):
                if kind == "kleine_anfrage" and not re.search(r"Anfrage", p[:60], re.IGNORECASE):
                    continue
                return kind
        return None

    def _read_originators(self, p: str) -> bool:
        """ "der Abg. A und B u. a. GRÜNE", "des Abgeordneten X (CDU)", "der Fraktion der FDP/DVP"."""
        m = re.search(
            r"(?:^|\b(?:Anfrage|Antrag)\s+)(?:(?:der|des|die)\s+(?:Abg\.|Abgeordneten|Abgeordnete|Abgeordnetenin)"
            r"|^Abgeordneter?)\s+(?P<names>.+)$",  # "Abgeordnete Maria Beispiel (DIE LINKE)" (Sachsen-Anhalt)
            p,
        )
        doc = self.doc
        if m:
            if find_print_numbers(p):  # "… der Fraktion der CDU/CSU – Drucksache 20/12001 –"
                self.other_texts.append(p)
            names = re.split(r"\s[–—-]\s*(?:Drucksache|Drs\.)", m["names"])[0]
            received = re.search(r"\beingegangen am\s+(?P<d>[\d.]+\s?\d{4})", names)
            if received:  # Niedersachsen: "…, eingegangen am 12.05.2025 - Drs. 19/11001"
                doc.received = doc.received or first_date(received["d"])
            names = re.split(r",?\s+eingegangen am\b", names)[0]
            asked = re.search(r"\s+vom\s+(?P<d>[\d.]+\s?\d{2}(?:\d{2})?|\d{1,2}\.\s*\w+\s+\d{4})\s*$", names)
            if asked:  # Bavaria: "der Abgeordneten Maria Beispiel SPD vom 27.01.2025"; Hamburg: "vom 01.10.18"
                doc.submitted = doc.submitted or _print_date(asked["d"]) or first_date(asked["d"])
                names = names[: asked.start()]
            for fm in re.finditer(rf"\((?P<f>[^)]*)\)|\b(?:Fraktion (?:der|des|von)\s+)(?P<g>{_FACTION_RE})", names):
                for f in re.findall(_FACTION_RE, fm["f"] or fm["g"] or ""):
                    if f not in doc.factions:
                        doc.factions.append(f)
            names = re.sub(r"\([^)]*\)", " ", names)
            names = re.sub(
                rf",?\s*(?:weiterer Abgeordneter|und weiterer Abgeordneter)?\s*(?:und\s+)?"
                rf"(?:der\s+)?Fraktion (?:der|des)\s+(?:{_FACTION_RE})\b.*$",
                "",
                names,
            )
            names = re.sub(r"\bu\.\s?a\.", " ", names)
            tail = re.search(rf"\s(?P<f>(?:{_FACTION_RE})(?:\s+und\s+(?:{_FACTION_RE}))?)\s*$", names)
            if tail:
                for f in re.findall(_FACTION_RE, tail["f"]):
                    if f not in doc.factions:
                        doc.factions.append(f)
                names = names[: tail.start()]
            for name in re.split(r"\s*,\s*|\s+und\s+", names):
                name = _squash(name).strip(" ,.")
                name = re.sub(r"^(?:weiterer Abgeordneter|weiterer Abgeordneten)$", "", name)
                if name and len(name.split()) <= 5 and name[0].isupper() and name not in doc.originators:
                    doc.originators.append(name)
            return True
        m = re.match(r"^(?:der|die)\s+Fraktion(?:en)?\s+(?:der\s+|des\s+)?(?P<f>.+)$", p)
        if m and len(p) < 120:
            for f in re.findall(_FACTION_RE, m["f"]):
                if f not in doc.factions:
                    doc.factions.append(f)
            return True
        return False

    def _ministry_line(self, p: str) -> str | None:
        if len(p) > 200:
            return None
        m = re.match(r"^(?:des|der) Landesregierung\s*[–-]\s*(?P<m>(?:\w+\s+)?Ministerium\b.+)$", p)
        if m:  # Schleswig-Holstein: "der Landesregierung – Ministerium für …"
            return _squash(m["m"])
        m = re.match(r"^(?:und )?Antwort (?:des|der) (?P<m>.+?)(?: namens der Landesregierung)?(?: vom (?P<d>.+))?$", p)
        if m and re.search(r"[Mm]inisterium|Senat|Staatskanzlei|[Rr]egierung", m["m"]):  # Niedersachsen
            if m["d"]:
                self.head_answer_date = first_date(m["d"])
            return _nominative(m["m"])
        m = re.match(
            r"^(?:des|der)\s+(?P<m>(?:\w+\s+)?(?:Ministeriums|Staatsministeriums|Ministers|Ministerin|Landesregierung"
            r"|Bundesregierung"
            r"|Staatskanzlei|Senatsverwaltung|Senats|Senatskanzlei)\b.*)$",
            p,
        )
        if m:
            return _nominative(m["m"])
        m = re.search(r"\b(?:beantwortet|erstellt) vom\s+(?P<m>.+?)\s*$", p)  # ST: "erstellt vom Ministerium für …"
        if m:
            return _nominative(m["m"])
        m = re.match(r"^(?P<m>Senatsverwaltung für .+|(?:\w+\s+)?Ministerium für .+|Staatsministerium.*)$", p)
        if m and not p.endswith((".", ":")):
            return _squash(m["m"])
        return None

    def _dates_in_head(self, p: str) -> None:
        doc = self.doc
        m = re.match(r"^vom (?P<d>.+?)(?:\s*\(Eingang.*?am (?P<e>.+?)\))?$", p)
        if m:
            doc.submitted = doc.submitted or first_date(m["d"])
            if m["e"]:
                doc.received = doc.received or first_date(m["e"])
            return
        d = parse_date(p)
        if d and doc.submitted is None and not doc.points:
            doc.submitted = d

    def _read_furniture(self) -> None:
        doc = self.doc
        for line in self.furniture:
            if doc.number is None:
                for match in find_print_numbers(line):
                    doc.number = str(match.number)
                    break
            for name, code in PARLIAMENT_CODES:
                if name.lower() in line.lower() and doc.parliament is None:
                    doc.parliament = code
            m = re.search(r"mit Schreiben des (?P<m>.+?) vom (?P<d>.+?\d{4}) übermittelt", line)
            if m:  # the Bundestag's footnote names the answering ministry and the date
                self.sent_by = (_nominative(m["m"]), first_date(m["d"]))
            m = re.search(r"Drucksache\s*[\d/ ]+\((?P<q>\d{1,2}/\d{1,6})\)", line)
            if m:  # Saarland: the answer's number, then the question's in brackets
                self.doc.references.append(Reference(m["q"], [], "other"))
            m = re.search(r"Datum des (?:Originals|Eingangs):?\s*(?P<d>[\d.]+)", line)
            if m:  # Brandenburg, Nordrhein-Westfalen: the date of the answer (or of its arrival)
                self.original_date = self.original_date or first_date(m["d"])
            m = re.search(r"Eingegangen:?\s*(\S+)", line)
            if m and doc.received is None:
                doc.received = first_date(line[m.start() :])
            m = re.search(r"Ausgegeben:?\s*(.+)$|\((?:Verteilt|Ausgegeben) am (.+)\)", line)
            if m and doc.published is None:
                doc.published = first_date(m.group(0))
        # the first bare date in page one's header block is the print's date: of the question, or
        # in a print of question and answer together ("Kleine Anfrage … und Antwort …"), of the answer
        self.header_date = next(
            (d for line in self.furniture[:6] if (d := _header_date(line))),
            None,
        )
        if doc.submitted is None and not self.combined:
            doc.submitted = self.header_date
        if doc.number is None:
            for p in self.paras[:12]:
                if re.match(r"^Drucksache\s", p):
                    found = find_print_numbers(p)
                    if found:
                        doc.number = str(found[0].number)
                        break

    # -- the inquiry ---------------------------------------------------------------------------

    def _read_inquiry(self, part: list[str], opener: str) -> None:
        doc = self.doc
        self.inquiry_paras = {_squash(p) for p in part}
        # a point may stand in the opener paragraph itself ("Ich frage die Landesregierung: 1. Wie …")
        first = re.split(r"(?<=:)\s+(?=(?:[IVX]{1,5}\.\s*)?\d{1,3}\.\s)", opener, maxsplit=1)
        rest = part[1:]
        if len(first) == 2:
            rest = [first[1], *rest]
        points, end = self._read_points(rest)
        doc.points = points
        after = rest[end:]
        reasoning: list[str] | None = None
        for p in after:
            if reasoning is None:
                m = REASONING_START.match(p)
                if m:
                    reasoning = [m["rest"]] if m["rest"] else []
                    continue
                d = parse_date(p)
                if d and doc.submitted is None:
                    doc.submitted = d
                    continue
                if d:
                    continue
                if self._read_letterhead(p):
                    continue
                self._read_signers(p)
            else:
                if ANSWER_HEADING_WORD.match(p):
                    break
                reasoning.append(p)
        if reasoning:
            doc.reasoning = "\n\n".join(reasoning)

    def _read_points(self, paras: list[str]) -> tuple[list[Point], int]:
        """Numbered points until the first paragraph that ends the list; returns (points, index)."""
        points: list[Point] = []
        roman: str | None = None
        roman_point: Point | None = None
        i = 0
        for i, p in enumerate(paras):
            if parse_date(p) or REASONING_START.match(p) or ANSWER_HEADING_WORD.match(p) or self._is_signers(p):
                return points, i
            if re.match(r"^\d{1,2}\.\s?\d{1,2}\.\s?\d{4}\b", p) or _PLACE_DATE.match(p):
                return points, i  # "Dresden, den 17. Februar 2025": the askers sign
            m = POINT_DECIMAL.match(p)
            if m:  # "1.2 Wie viele …?" (Bavaria)
                points.append(Point(f"{m['sec']}.{m['num']}", m["text"].strip()))
                continue
            m = POINT_ROMAN_NUM.match(p)
            if m:
                roman = m["roman"]
                if roman_point is not None and roman_point in points and roman_point.label == roman:
                    points.remove(roman_point)
                roman_point = None
                points.append(Point(f"{roman}.{m['num']}", m["text"].strip()))
                continue
            m = POINT_NUM.match(p)
            if m and not re.match(r"^\d{1,2}\.\s?\d{1,2}\.", p):
                if roman_point is not None and roman_point in points:
                    points.remove(roman_point)  # a section intro ("I. zu berichten,"), not a point
                    roman_point = None
                label = f"{roman}.{m['num']}" if roman else m["num"]
                points.append(Point(label, m["text"].strip()))
                continue
            m = POINT_ROMAN.match(p)
            if m:
                roman = m["roman"]
                roman_point = Point(roman, m["text"].strip())
                points.append(roman_point)
                continue
            if points:
                points[-1].text = f"{points[-1].text}\n\n{p}"
        return points, len(paras) if paras else 0

    def _read_letterhead(self, p: str) -> bool:
        """Sachsen prints the ministry's letter between the questions and the answer: the askers'
        place and date, then the letterhead ("SÄCHSISCHES STAATSMINISTERIUM FÜR …"), "Aktenzeichen"
        with the file number, the letter's place and date. True if `p` was one of these."""
        letter = self.letter
        m = _PLACE_DATE.match(p)
        if m:
            if letter:
                letter["date"] = first_date(m["d"])
            else:
                self.doc.submitted = self.doc.submitted or first_date(m["d"])
            return True
        m = _CAPS_MINISTRY.match(p)
        if m:
            name = _uncaps(m[0])
            if len(name) > len(letter.get("ministry") or ""):
                letter["ministry"] = name
            return True
        if p.startswith("Aktenzeichen"):
            letter["file_number"] = ""  # on the next line
            return True
        if letter.get("file_number") == "" and re.fullmatch(r"[\w.\-/()]*\d[\w.\-/()]*", p):
            letter["file_number"] = p
            return True
        return False

    def _is_signers(self, p: str) -> bool:
        """ "Salomon, Seimer, Häusler … GRÜNE", "Dr. Rülke und Fraktion", "Beispiel AfD"."""
        if len(p) > 300 or p.endswith((";", "?")):
            return False
        if re.search(rf"\bund Fraktion(?: (?:der|des) (?:{_FACTION_RE}))?$", p):
            return True  # "Dr. Rülke und Fraktion", "Maria Beispiel, Jens Muster und Fraktion der CDU" (Bremen)
        return bool(
            re.search(rf"^[A-ZÄÖÜ][\w.\- ]+(?:,\s*[A-ZÄÖÜ][\w.\- ]+)*\s+(?:u\.\s?a\.\s+)?(?:{_FACTION_RE})$", p)
        )

    def _read_signers(self, p: str) -> None:
        if not self._is_signers(p):
            return
        doc = self.doc
        m = re.search(rf"\s(?P<f>{_FACTION_RE})$", p)
        if m and m["f"] not in doc.factions:
            doc.factions.append(m["f"])
        if not doc.originators:
            names = re.sub(
                rf"\s+(?:u\.\s?a\.\s+)?(?:{_FACTION_RE})$|\s+und Fraktion(?: (?:der|des) (?:{_FACTION_RE}))?$", "", p
            )
            doc.originators = [n.strip() for n in re.split(r",\s*|\s+und\s+", names) if n.strip()]

    # -- the answer ----------------------------------------------------------------------------

    def _read_answer(self, part: list[str], opener: str | None) -> None:
        doc = self.doc
        answer = Answer()
        if opener:
            self._read_answer_opener(opener, answer)
        answer.date = answer.date or self.head_answer_date
        if self.sent_by:
            answer.ministry = answer.ministry or self.sent_by[0]
            answer.date = answer.date or self.sent_by[1]  # type: ignore[assignment]
        cut = next((i for i, p in enumerate(part) if re.match(r"^Beschlussempfehlung\s*:?$", p)), None)
        if cut is not None:  # Bremen: what the Bürgerschaft is asked to resolve follows the answer
            self.other_texts.extend(part[cut:])
            part = part[:cut]
        part, signatory, office = self._split_signature(part)
        while part and re.match(r"^Mit freundlichen Grüßen,?$", part[-1]):
            part = part[:-1]
        if self.letter:
            answer.date = answer.date or self.letter.get("date")  # type: ignore[assignment]
            answer.file_number = answer.file_number or self.letter.get("file_number") or None  # type: ignore[assignment]
            answer.ministry = answer.ministry or self.letter.get("ministry")  # type: ignore[assignment]
        answer.signatory = signatory
        answer.office = office
        if office and not answer.ministry:
            # "Ministerin für X" signs for the "Ministerium für X"; Berlin signs with the Senatsverwaltung
            m = re.match(r"^(?:Staats)?[Mm]inister(?:in)? (?P<rest>für .+)$", office)
            if m:
                answer.ministry = f"Ministerium {m['rest']}"
            elif re.match(r"^(?:Senatsverwaltung|Ministerium|Staatsministerium|Staatskanzlei)\b", office):
                answer.ministry = office
        headings = sum(1 for p in part if HEADING.match(p) and ":" in p)
        # a heading for some questions only ("Zu 2. und 3.:" after two questions reprinted back to
        # back, Hamburg) among many questions reprinted without one: the layout has no headings
        reprinted = sum(1 for p in part if POINT_NUM.match(p) and p.endswith("?"))
        has_headings = headings > 0 and reprinted <= 2 * headings
        # "Frage 1. …" / "Frage 1: …" mark the questions (Hessen, Brandenburg, Sachsen): a numbered
        # paragraph is then a list entry, never a question
        frage_layout = sum(1 for p in part[:400] if FRAGE.match(p)) >= 2
        known = {pt.label: pt for pt in doc.points}
        derive_points = not doc.points
        items: list[_Item] = []
        questions: list[_Question] = []
        quotes: list[_Question] = []  # questions of the inquiry repeated in the answer
        preface: list[str] = []
        reasoning: list[str] | None = None
        mode = "start"
        question: _Question | None = None
        item: _Item | None = None
        last_num = 0

        def new_item(labels: list[str]) -> _Item:
            nonlocal item
            item = _Item(labels)
            items.append(item)
            return item

        aligned = None
        if not has_headings and not frage_layout:
            # questions reprinted without headings: core.alignment decides which numbered
            # paragraphs are questions; the loop below reads only what stands before the first
            part = [p for p in part if not (self._metadata_line(p, answer) or re.match(r"^Anlagen?\s*:?$", p))]
            # Schleswig-Holstein: "Antwort:" between each question and its answer
            part = [m["rest"] if (m := ANSWER_PREFIX.match(p)) else p for p in part]
            part = [p for p in part if p]
            # what quotes the inquiry comes first; a question reprinted word for word is no quote here
            start = next(
                (
                    i
                    for i, p in enumerate(part)
                    if not self._inquiry_quoted(p) or POINT_NUM.match(p) or POINT_DECIMAL.match(p)
                ),
                len(part),
            )
            aligned = align(part[start:], {lb: pt.text for lb, pt in known.items()})
            if aligned.first_question is not None:
                part = part[: start + aligned.first_question]
            else:
                aligned = None

        for idx, p in enumerate(part):
            if mode == "start" and self._inquiry_quoted(p):
                continue  # the motion's opener ("… zu ersuchen", "I. zu berichten,") quoted again
            if self._metadata_line(p, answer) or re.match(r"^Anlagen?\s*:?$", p):
                continue
            m = REASONING_START.match(p)
            if m and not items and derive_points:
                reasoning = [m["rest"]] if m["rest"] else []
                mode = "reasoning"
                continue
            m = PREFACE_START.match(p)
            if m and p.lower().startswith("vorbemerkung") and not items:
                mode = "preface"
                if m["rest"]:
                    preface.append(m["rest"])
                continue
            m = HEADING.match(p)
            if m and (":" in p or len(p) < 40):
                context = question.label if question else None
                labels = expand_labels(m["labels"], context)
                if labels:
                    rest = (m["rest"] or "").strip()
                    new_item(labels)
                    # Saarland: "Zu Frage 1:", the question, then "Antwort: …"
                    if self._question_follows(part, idx, rest):
                        question = _Question(labels[0], [rest] if rest else [])
                        if derive_points:
                            questions.append(question)
                        mode = "question-after-heading"
                    else:
                        mode = "answer"
                        if rest:
                            am = ANSWER_PREFIX.match(rest)
                            item.texts.append(am["rest"] if am else rest)
                    continue
            m = COMBINED.match(p)
            if m:
                labels = expand_labels(m["labels"])
                if labels:
                    while items and not items[-1].texts and set(items[-1].labels) <= set(labels):
                        items.pop()
                    if not (item is not None and items and items[-1] is item and item.labels == labels):
                        new_item(labels)
                    mode = "answer"
                    if m["rest"]:
                        item.texts.append(m["rest"])
                    continue
            m = FRAGE.match(p)
            if m:
                labels = expand_labels(m["labels"], question.label if question else None)
                if labels:
                    question = _Question(labels[0], [m["rest"]] if m["rest"] else [])
                    if derive_points:
                        questions.append(question)
                    if mode != "question-after-heading":  # "Zu den Fragen 6, 7 und 8:" lists them next
                        mode = "question"
                    continue
            m = ANSWER_PREFIX.match(p)
            if m and mode in ("question", "question-after-heading", "answer"):
                if mode == "question" and question is not None:
                    new_item([question.label])
                mode = "answer"
                if m["rest"] and item is not None:
                    item.texts.append(m["rest"])
                continue
            if self._is_section_title(p):
                continue
            if mode == "question" and question is not None and not has_headings:
                # "Frage 5. …?" with its answer below and no heading (Hessen): the question may go on
                if not complete_question(" ".join(question.texts)) or goes_on(p):
                    question.texts.append(p)
                else:
                    new_item([question.label]).texts.append(p)
                    mode = "answer"
                continue
            quote = None if frage_layout else self._as_question(p, part, idx, has_headings, known, last_num, mode)
            if quote is not None:
                question = _Question(quote[0], [quote[1]])
                if quote[0].split(".")[-1].isdigit():
                    last_num = int(quote[0].split(".")[-1])
                if derive_points:
                    questions.append(question)
                else:
                    quotes.append(question)
                if has_headings:
                    mode = "question"
                else:
                    new_item([quote[0]])
                    mode = "answer"
                continue
            ministry = self._ministry_line(p) if mode in ("reasoning", "head") and len(p) < 200 else None
            if ministry:  # "Antwort der Landesregierung" / "erstellt vom Ministerium für Bildung" (Sachsen-Anhalt)
                self.combined = True
                if ministry not in ("Landesregierung", "Staatsregierung", "Senat") or not answer.ministry:
                    answer.ministry = ministry
                mode = "head"
                continue
            if mode == "head":
                mode = "start"
            if (mode == "question" and question is not None and has_headings) or (
                mode == "question-after-heading" and question is not None
            ):
                question.texts.append(p)
            elif mode == "answer" and item is not None:
                item.texts.append(p)
            elif mode == "reasoning" and reasoning is not None:
                reasoning.append(p)
            elif mode in ("preface", "start"):
                preface.append(p)

        if aligned is not None:
            for q in aligned.questions:
                (questions if derive_points else quotes).append(_Question(q.label, [q.text]))
            items.extend(_Item(list(b.labels), list(b.texts)) for b in aligned.items)
        if derive_points and questions:
            by_label = {q.label: q for q in questions if q.texts or q.label}
            order = sorted(by_label, key=label_key)
            doc.points = [Point(lb, "\n\n".join(t for t in by_label[lb].texts if t)) for lb in order]
        if reasoning and not doc.reasoning:
            doc.reasoning = "\n\n".join(reasoning)
        for q in quotes:
            if q.label in known and not same_wording(" ".join(q.texts), known[q.label].text):
                doc.warnings.append(f"point {q.label} is quoted differently in the answer than in the inquiry")
        if preface and (items or opener):
            # the "Vorbemerkung" of the answer: an item that answers no point in particular
            items.insert(0, _Item([], preface))
        self._collapse_sub_labels(items, questions)
        answer.items = [AnswerItem(list(it.labels), "\n\n".join(it.texts)) for it in items]
        if self.combined:  # no date in the answer itself: the print's own date is the answer's
            answer.date = answer.date or self.original_date or self.header_date
        if items or opener:
            doc.answer = answer
        if (not doc.ministry and answer.ministry) or (
            answer.ministry and (opener or doc.ministry in ("Landesregierung", "Bundesregierung", "Senat"))
        ):
            doc.ministry = answer.ministry

    def _inquiry_quoted(self, p: str) -> bool:
        """The motion's opener ("… zu ersuchen", "I. zu berichten,") or a paragraph of the inquiry,
        quoted again at the start of the answer part."""
        return (len(p) < 300 and _may_open(p) and QUESTION_OPENER.search(p) is not None) or (
            _squash(p) in self.inquiry_paras
        )

    def _collapse_sub_labels(self, items: list[_Item], questions: list[_Question]) -> None:
        """ "Antwort zu 3 a) und b):" answers question 3 as a whole when 3 has just those sub-points."""
        texts = {p.label: p.text for p in self.doc.points} | {q.label: " ".join(q.texts) for q in questions}
        for it in items:
            bases = {re.sub(r"[a-z]$", "", lb) for lb in it.labels}
            if len(it.labels) < 2 or len(bases) != 1 or not all(re.search(r"\d[a-z]$", lb) for lb in it.labels):
                continue
            base = bases.pop()
            subs = set(re.findall(r"(?:^|\s)([a-z])\)\s", texts.get(base, "")))
            if subs and subs == {lb[-1] for lb in it.labels}:
                it.labels = [base]

    def _question_follows(self, part: list[str], idx: int, rest: str) -> bool:
        """After a heading: is the question text next, and "Antwort:" after it (Saarland)?"""
        if rest and ANSWER_PREFIX.match(rest):
            return False
        for p in part[idx + 1 : idx + 8]:
            if ANSWER_PREFIX.match(p):
                return True
            if HEADING.match(p) or COMBINED.match(p):
                return False
        return False

    def _as_question(
        self,
        p: str,
        part: list[str],
        idx: int,
        has_headings: bool,
        known: dict[str, Point],
        last_num: int,
        mode: str,
    ) -> tuple[str, str] | None:
        """A numbered paragraph that repeats a question: (label, text), else None."""
        m = POINT_ROMAN_NUM.match(p)
        label, text = (f"{m['roman']}.{m['num']}", m["text"]) if m else (None, None)
        if m is None:
            m = POINT_NUM.match(p)
            if m is None or re.match(r"^\d{1,2}\.\s?\d{1,2}\.", p):
                return None
            label, text = m["num"], m["text"]
            if label not in known:
                for k in known:
                    if k.endswith(f".{label}") and similar(text, known[k].text) > 0.6:
                        label = k
                        break
        assert label is not None and text is not None
        if label in known:
            if similar(text, known[label].text) >= 0.5:
                return label, text.strip()
            if has_headings and self._heading_ahead(part, idx, label):
                return label, text.strip()
            return None
        if known:
            return None
        if has_headings:
            return (label, text.strip()) if self._heading_ahead(part, idx, label) else None
        # no headings, no motion: a question repeated before its answer (Bundestag, Niedersachsen)
        num = int(label.split(".")[-1])
        if text.rstrip().endswith("?") and ((last_num == 0 and num <= 2) or last_num < num <= last_num + 3):
            return label, text.strip()
        return None

    @staticmethod
    def _heading_ahead(part: list[str], idx: int, label: str) -> bool:
        for p in part[idx + 1 : idx + 10]:
            if FRAGE.match(p):
                return False  # "Frage 2: …" reprints the question itself (Brandenburg, Sachsen)
            m = HEADING.match(p)
            if m and ":" in p:
                labels = expand_labels(m["labels"])
                return label in labels or any(lb.startswith(label) for lb in labels)
            if POINT_NUM.match(p) or POINT_ROMAN_NUM.match(p):
                continue
        return False

    @staticmethod
    def _is_section_title(p: str) -> bool:
        """ "II. Personal und Finanzen" between answers of a Große Anfrage: a title, not text."""
        m = POINT_ROMAN.match(p)
        return bool(m) and len(p) < 150 and not p.endswith((".", ";", ",", "?", ":"))

    def _read_answer_opener(self, opener: str, answer: Answer) -> None:
        text = _squash(opener)
        m = re.search(r"\bmit Schreiben vom\s+(?P<d>.{6,25}?\d{4})", text) or re.search(
            r"\bvom\s+(?P<d>.{6,25}?\d{4})", text
        )
        if m:
            answer.date = first_date(m["d"])
        m = re.search(r"\b(?:Nr\.|Az\.|Aktenzeichen:?|AZ:?)\s*(?P<f>[^\s,;]+)", text)
        if m:
            answer.file_number = m["f"].rstrip(".:")
        m = next((m for rx in OPENER_MINISTRY if (m := rx.search(text))), None)
        if m:
            answer.ministry = _nominative(m["m"])
        m = OPENER_CONSENT.search(text)
        if m:
            answer.consent = _split_consent(m["c"])

    def _metadata_line(self, p: str, answer: Answer) -> bool:
        """Dates and ministries on lines of their own in an answer (Berlin, Bundestag); True if
        the paragraph is nothing but that."""
        m = re.match(r"^(?:[A-ZÄÖÜ][\wäöü.\- ]+),\s+(?:den\s+)?(?P<d>\d.+)$", p)
        if m and len(p) < 60 and first_date(m["d"]):
            answer.date = answer.date or first_date(m["d"])
            # "Wiesbaden, 8. Mai 2025   Timo Beispielmann": place and date left, the signature right (Hessen)
            found = find_dates(m["d"])
            name = m["d"][found[0][2] :].strip() if found else ""
            if name and self._looks_like_name(name):
                answer.signatory = answer.signatory or name
            return True
        m = re.search(r"mit Schreiben des (?P<m>.+?) vom (?P<d>.+?\d{4}) übermittelt", p)
        if m:
            answer.ministry = answer.ministry or _nominative(m["m"])
            answer.date = answer.date or first_date(m["d"])
            return len(p) < 300
        return False

    def _split_signature(self, part: list[str]) -> tuple[list[str], str | None, str | None]:
        """Take the signature off the end of the answer: ["In Vertretung",] the name and the office
        ("Ministerin für …", wrapped or not), or name and office on one line, or — after "In
        Vertretung" or with a title — a bare name."""
        for j in range(len(part) - 1, max(-1, len(part) - 4), -1):
            if any(len(x) >= 120 or (x.endswith(".") and not x.endswith(" Dr.")) for x in part[j:]):
                break  # running text: the signature, if any, is not here
            p = part[j]
            if OFFICE.match(p) and j >= 1 and self._looks_like_name(part[j - 1]):
                return self._cut_signature(part, j - 1, part[j - 1], " ".join(part[j:]))
            m = NAME_AND_OFFICE.match(p)
            if m:
                return self._cut_signature(part, j, m["name"], " ".join([m["office"], *part[j + 1 :]]))
        if part and self._looks_like_name(part[-1]):
            preceded = len(part) >= 2 and IN_VERTRETUNG.match(part[-2])
            if preceded or re.match(r"^(?:Dr\.|Prof\.)\s", part[-1]):
                return self._cut_signature(part, len(part) - 1, part[-1], None)
        return part, None, None

    @staticmethod
    def _cut_signature(part: list[str], start: int, name: str, office: str | None) -> tuple[list[str], str, str | None]:
        if start >= 1 and IN_VERTRETUNG.match(part[start - 1]):
            start -= 1
        return part[:start], re.sub(r"^(?:In Vertretung|i\.\s?V\.)\s+", "", name), office

    @staticmethod
    def _looks_like_name(p: str) -> bool:
        """ "Hoffmeister-Kraut", "Dr. Erika Beispiel": a few capitalised words, no digits, no sentence."""
        if len(p) > 60 or re.search(r"\d", p) or (p.endswith((".", ":", ";", "?", ",")) and not p.endswith("Dr.")):
            return False
        words = p.split()
        particles = ("von", "van", "de", "zu", "der")
        return 1 <= len(words) <= 5 and all(w[0].isupper() or w in particles for w in words)

    # -- finishing -----------------------------------------------------------------------------

    def _infer_parliament(self) -> None:
        doc = self.doc
        if doc.parliament:
            return
        head = " ".join(self.paras[:15]).lower()
        for name, code in PARLIAMENT_CODES:
            if name.lower() in head:
                doc.parliament = code
                return
        text = " ".join(self.paras)
        if re.search(r"Der Landtag wolle beschließen,? die Landesregierung zu ersuchen", text) or re.search(
            r"Mit Schreiben vom .{5,30} Nr\. .{3,40} (?:nimmt|beantwortet) das", text
        ):
            doc.parliament = "BW"
        elif re.search(r"Senat(?:s)? von Berlin|Senatsverwaltung|Abgeordnetenhaus", text):
            doc.parliament = "BE"
        elif re.search(r"\bBundesregierung\b", head) and re.search(r"\bBundestag", text):
            doc.parliament = "BT"

    def _finish(self) -> None:
        doc = self.doc
        labels = [p.label for p in doc.points]
        seen_labels = set(labels)
        # numbering gaps
        # "9a", "9b" count as 9; a number may repeat for its sub-points but never skip
        nums = [int(m[1]) for lb in labels if (m := re.fullmatch(r"(\d+)[a-z]?", lb))]
        for a, b in itertools.pairwise(nums):
            if b not in (a, a + 1):
                doc.warnings.append(f"points jump from {a} to {b}")
        if len(set(labels)) != len(labels):
            doc.warnings.append("a point number occurs twice in the inquiry")
            # a label names one point (the register relies on it): a repeated one adds its text to the first
            first: dict[str, Point] = {}
            for point in doc.points:
                if point.label in first:
                    first[point.label].text = f"{first[point.label].text}\n\n{point.label}. {point.text}"
                else:
                    first[point.label] = point
            doc.points = list(first.values())
        if doc.answer is not None:
            self._split_sub_points()
            labels = [p.label for p in doc.points]
            seen_labels = set(labels)
            covered: dict[str, int] = {}
            for k, item in enumerate(doc.answer.items, 1):
                for lb in item.points:
                    if lb not in seen_labels and not any(
                        lb.startswith(f"{x}") and x + lb[len(x) :] == lb and lb[len(x) :].isalpha() for x in seen_labels
                    ):
                        doc.warnings.append(f"answer {k} names point {lb}, which the print does not have")
                    if lb in covered:
                        doc.warnings.append(f"point {lb} is answered twice (answers {covered[lb]} and {k})")
                    covered.setdefault(lb, k)
                if not item.text.strip():
                    doc.warnings.append(f"answer {k} (to {', '.join(item.points)}) is empty")
            for lb in labels:
                if lb not in covered and not any(c.startswith(lb) and c[len(lb) :].isalpha() for c in covered):
                    doc.warnings.append(f"no answer for point {lb}")
            if not doc.answer.items:
                doc.warnings.append("the answer has no point-by-point items")
        self._collect_references()

    def _split_sub_points(self) -> None:
        """Give "2a", "2b" their own points when the answer addresses them separately."""
        doc = self.doc
        assert doc.answer is not None
        wanted = {lb for it in doc.answer.items for lb in it.points}
        out: list[Point] = []
        for point in doc.points:
            subs = sorted(lb for lb in wanted if re.fullmatch(re.escape(point.label) + r"[a-z]", lb))
            if not subs:
                out.append(point)
                continue
            pieces = re.split(r"(?:(?<=\s)|^)([a-z])\)\s+", point.text)
            intro = pieces[0].strip()
            found = {pieces[i]: pieces[i + 1].strip() for i in range(1, len(pieces) - 1, 2)}
            if not found:
                out.append(point)
                continue
            for sub, text in found.items():
                out.append(Point(f"{point.label}{sub}", f"{intro} {text}".strip()))
        doc.points = out

    def _collect_references(self) -> None:
        """Cited prints in the order of the document: the head, the points, the reasoning, the
        answers; a footnote's citations where its marker stood, after that part's own."""
        doc = self.doc
        own = doc.number
        parts = [("other", text) for text in self.other_texts]
        parts += [(f"point:{p.label}", p.text) for p in doc.points]
        parts.append(("reasoning", doc.reasoning or ""))
        if doc.answer:
            parts += [(f"answer:{k}", item.text) for k, item in enumerate(doc.answer.items, 1)]
        found: dict[str, list[Reference]] = {where: [] for where, _ in [("other", ""), *parts]}  # in order

        def add(text: str, where: str) -> None:
            for c in find_citations(text):
                if c.number is not None and c.number == own:
                    continue
                parliament = c.parliament or ("BT" if doc.parliament == "BT" and c.number else None)
                found[where].append(Reference(c.number, list(c.points), where, parliament))

        for where, text in parts:
            if text:
                add(text, where)
        for note in self.footnotes:  # "1 Vgl. Drs. 19/…", "BT-Drucksache 21/…" at a page bottom
            anchor = _squash(note.anchor)
            where = next((w for w, t in parts if w != "other" and anchor and anchor in _squash(t)), "other")
            add(note.text, where)
            for m in PRINT_URL.finditer(note.text):  # ".../drucksachen/…/19-02752.pdf"
                number = f"{int(m['wp'])}/{int(m['nr'])}"
                if number != own:
                    found[where].append(Reference(number, [], where, doc.parliament))
        doc.references.extend(ref for refs in found.values() for ref in refs)

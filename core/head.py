"""What frames a print's questions and answers: the head, the page furniture, a ministry's letter,
the answer's opener and its signature.

The head says who asks (originators, factions), who answers (the ministry), the kind of print,
its title and dates; the furniture holds the number, the parliament and dates of issue; Sachsen
prints the ministry's letter between questions and answer; the answer's opener and signature
name the ministry, its consenting ministries, the date, the file number and who signed. Each
parliament words these differently; the phrases are in `core.vocabulary` where they are lists
of forms, the reading of them is here. `core.parser` finds where the parts stand and calls these
functions; they set what they find on the `PrintDoc` and on a `HeadFacts`, which keeps what the
answer reading needs later (the print's own date, a letter's file number, …).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from core.dates import find_dates, first_date, parse_date
from core.model import Answer, PrintDoc, Reference
from core.numbers import find_print_numbers
from core.vocabulary import (
    _FACTION_RE,
    ANSWERING_HOUSE,
    CAPS_MINISTRY,
    CLOSING,
    HEAD_MINISTRY,
    IN_VERTRETUNG,
    KIND_WORDS,
    NAME_AND_OFFICE,
    OFFICE,
    OPENER_CONSENT,
    OPENER_MINISTRY,
    PARLIAMENT_CODES,
    PLACE_DATE,
    TITLE_PREFIX,
)


@dataclass
class Letter:
    """A ministry's letter printed before its answer (Sachsen): letterhead, file number, date."""

    ministry: str | None = None
    file_number: str | None = None
    date: date | None = None
    awaiting_file_number: bool = False  # "Aktenzeichen" seen, the number is on a line of its own

    @property
    def started(self) -> bool:
        return bool(self.ministry or self.file_number or self.awaiting_file_number)


@dataclass
class HeadFacts:
    """What the head, the furniture and a letter say about the answer, kept for reading it."""

    combined: bool = False  # the head announces question and answer in one print ("… und Antwort")
    header_date: date | None = None  # the date in page one's header block
    original_date: date | None = None  # "Datum des Originals" / "Datum des Eingangs" in a footer
    answer_date: date | None = None  # "Antwort des … vom …" in the head (Niedersachsen)
    sent_by: tuple[str, date | None] | None = None  # the Bundestag's footnote: ministry and date
    letter: Letter = field(default_factory=Letter)
    other_texts: list[str] = field(default_factory=list)  # head lines whose cited prints are references


# --- small helpers --------------------------------------------------------------------------------


def squash(text: str) -> str:
    return " ".join(text.split())


def nominative(name: str) -> str:
    """Genitive or dative to nominative: "des Ministeriums für X" → "Ministerium für X",
    "dem Niedersächsischen Ministerium für X" → "Niedersächsisches Ministerium für X"."""
    name = squash(name).strip(" ,.;:")
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


def split_consent(text: str) -> list[str]:
    parts = re.split(r"(?:,\s*|\s+sowie\s+|\s+und\s+)(?=(?:dem|der|den)\s)", squash(text))
    return [nominative(p) for p in parts if p.strip()]


_LOWER_WORDS = {"für", "und", "der", "des", "die", "das", "von", "zu"}


def uncaps(name: str) -> str:
    """ "SÄCHSISCHES STAATSMINISTERIUM FÜR INFRASTRUKTUR UND LANDESENTWICKLUNG" in ordinary case."""
    return " ".join(w.lower() if w.lower() in _LOWER_WORDS else w.capitalize() for w in name.split())


def print_date(text: str) -> date | None:
    """A bare date, also with the two-digit year of Bremen's and Hamburg's prints ("01.10.18")."""
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{2})", text.strip())
    if m:
        try:
            return date(2000 + int(m[3]), int(m[2]), int(m[1]))
        except ValueError:
            return None
    return parse_date(text)


def header_date(line: str) -> date | None:
    """A date on a header line of its own: "15.05.2025", "20. Wahlperiode 2025-05-06", Bremen's
    "Landtag 12.03.24" and Hamburg's "21. Wahlperiode 09.10.18"."""
    return print_date(re.sub(r"^(?:\d{1,2}\.\s*Wahlperiode|Landtag|Stadtbürgerschaft)\s+", "", line))


def looks_like_name(p: str) -> bool:
    """ "Hoffmeister-Kraut", "Dr. Erika Beispiel": a few capitalised words, no digits, no sentence."""
    if len(p) > 60 or re.search(r"\d", p) or (p.endswith((".", ":", ";", "?", ",")) and not p.endswith("Dr.")):
        return False
    words = p.split()
    particles = ("von", "van", "de", "zu", "der")
    return 1 <= len(words) <= 5 and all(w[0].isupper() or w in particles for w in words)


_ANSWERING_HOUSE = re.compile(rf"^(?:des|der) {ANSWERING_HOUSE}", re.DOTALL)


def join_answer_heading(paras: list[str]) -> list[str]:
    """Bavaria heads its answer "Antwort" / "des Staatsministeriums für … vom 04.03.2025":
    one paragraph, so that it reads as the answer's opener."""
    out: list[str] = []
    for p in paras:
        if out and out[-1] == "Antwort" and _ANSWERING_HOUSE.match(p):
            out[-1] = f"Antwort {p}"
        else:
            out.append(p)
    return out


# --- the head -------------------------------------------------------------------------------------

# a title runs to three or four lines (up to about 400 characters) but is no running text
_SENTENCES = re.compile(r"[.!?]\s+[A-ZÄÖÜ]|[.:]$")
_HEAD_DATE_LINE = re.compile(
    r"^(?:vom|und Antwort vom|Berlin|über|Herrn|Frau|an die|den Präsident|A ?N ?T ?W ?O ?R ?T)\b"
)


def read_head(head: list[str], doc: PrintDoc, facts: HeadFacts) -> None:
    """Kind, originators, factions, ministry, title and dates from the paragraphs of the head; running
    text after the title (the askers' remark, Mecklenburg-Vorpommern, Hamburg) is their reasoning."""
    title_parts: list[str] = []
    reasoning: list[str] = []
    expect_title = False
    title_done = False
    for p in head:
        low = p.lower()
        kind = kind_of(p)
        if kind and doc.kind == "other":
            doc.kind = kind
        asked = re.match(r"^auf die (?:\w+ )?Anfrage\b.*?\bvom\s+(?P<d>.{6,25}?\d{4})", p)
        if asked:  # "auf die Kleine Anfrage 5432 vom 8. April 2025"
            doc.submitted = doc.submitted or first_date(asked["d"])
        if re.match(r"^(?:und )?antwort\b", low):  # "Antwort", "und Antwort", "Antwort des Senats"
            facts.combined = True
        if read_originators(p, doc, facts) or kind or low in ("und", "stellungnahme", "antwort", "zu der"):
            if title_parts:
                title_done = True
                expect_title = False
            continue
        m = TITLE_PREFIX.match(p)
        if m:
            title_parts = [m["t"]] if m["t"] else []
            title_done = False
            expect_title = True
            continue
        ministry = ministry_line(p, facts)
        if ministry:
            doc.ministry = doc.ministry or ministry
            continue
        if any(low.startswith(name.lower()) for name, _ in PARLIAMENT_CODES) and len(p) < 120:
            continue
        if (
            re.match(r"^[–—-]?\s*(?:Drucksache|Drs\.)\s*\d", p)
            or parse_date(p)
            or p.startswith("(")
            or _HEAD_DATE_LINE.match(p)
        ):
            if find_print_numbers(p):
                facts.other_texts.append(p)
            _dates_in_head(p, doc)
            continue
        if expect_title and title_parts and (len(p) > 150 or p.endswith((".", ":", "?"))):
            title_done, expect_title = True, False  # running text after "Betr.: …" (Hamburg)
        if title_done and not expect_title:
            if reasoning or (len(p) > 120 and p.endswith((".", ":"))):
                reasoning.append(p)
            else:
                facts.other_texts.append(p)
            continue
        title_parts.append(p)
    title_parts = [t for t in title_parts[:3] if len(t) <= 250 or (len(t) <= 450 and not _SENTENCES.search(t))]
    if reasoning and doc.reasoning is None:
        doc.reasoning = "\n\n".join(reasoning)
    if title_parts:
        doc.title = squash(" ".join(title_parts)).strip(" *#")
        if doc.title.startswith("„") and doc.title.endswith("“"):
            doc.title = doc.title[1:-1]  # „Schwimmunterricht an Grundschulen im Land Bremen“


def kind_of(p: str) -> str | None:
    if len(p) > 200:
        return None
    for rx, kind in KIND_WORDS:
        if rx.search(p):
            if kind == "kleine_anfrage" and not re.search(r"Anfrage", p[:60], re.IGNORECASE):
                continue
            return kind
    return None


_ORIGINATORS = re.compile(
    r"(?:^|\b(?:Anfrage|Antrag)\s+)(?:(?:der|des|die)\s+(?:Abg\.|Abgeordneten|Abgeordnete|Abgeordnetenin)"
    r"|^Abgeordneter?)\s+(?P<names>.+)$"  # "Abgeordnete Maria Beispiel (DIE LINKE)" (Sachsen-Anhalt)
)


def _add_factions(doc: PrintDoc, text: str) -> None:
    for f in re.findall(_FACTION_RE, text):
        if f not in doc.factions:
            doc.factions.append(f)


def read_originators(p: str, doc: PrintDoc, facts: HeadFacts) -> bool:
    """ "der Abg. A und B u. a. GRÜNE", "des Abgeordneten X (CDU)", "der Fraktion der FDP/DVP"."""
    m = _ORIGINATORS.search(p)
    if m:
        if find_print_numbers(p):  # "… der Fraktion der CDU/CSU – Drucksache 20/12001 –"
            facts.other_texts.append(p)
        names = re.split(r"\s[–—-]\s*(?:Drucksache|Drs\.)", m["names"])[0]
        received = re.search(r"\beingegangen am\s+(?P<d>[\d.]+\s?\d{4})", names)
        if received:  # Niedersachsen: "…, eingegangen am 12.05.2025 - Drs. 19/11001"
            doc.received = doc.received or first_date(received["d"])
        names = re.split(r",?\s+eingegangen am\b", names)[0]
        asked = re.search(r"\s+vom\s+(?P<d>[\d.]+\s?\d{2}(?:\d{2})?|\d{1,2}\.\s*\w+\s+\d{4})\s*$", names)
        if asked:  # Bavaria: "der Abgeordneten Maria Beispiel SPD vom 27.01.2025"; Hamburg: "vom 01.10.18"
            doc.submitted = doc.submitted or print_date(asked["d"]) or first_date(asked["d"])
            names = names[: asked.start()]
        for fm in re.finditer(rf"\((?P<f>[^)]*)\)|\b(?:Fraktion (?:der|des|von)\s+)(?P<g>{_FACTION_RE})", names):
            _add_factions(doc, fm["f"] or fm["g"] or "")
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
            _add_factions(doc, tail["f"])
            names = names[: tail.start()]
        for name in re.split(r"\s*,\s*|\s+und\s+", names):
            name = squash(name).strip(" ,.")
            name = re.sub(r"^(?:weiterer Abgeordneter|weiterer Abgeordneten)$", "", name)
            if name and len(name.split()) <= 5 and name[0].isupper() and name not in doc.originators:
                doc.originators.append(name)
        return True
    m = re.match(r"^(?:der|die)\s+Fraktion(?:en)?\s+(?:der\s+|des\s+)?(?P<f>.+)$", p)
    if m and len(p) < 120:
        _add_factions(doc, m["f"])
        return True
    return False


def ministry_line(p: str, facts: HeadFacts) -> str | None:
    """The answering house on a head line of its own ("des Ministeriums für …", "Antwort des
    Senats", "erstellt vom Ministerium für …"), in the nominative; None for any other line."""
    if len(p) > 200:
        return None
    for rx, how in HEAD_MINISTRY:
        m = rx.search(p)
        if not m:
            continue
        if how == "answer":  # "Antwort des Niedersächsischen Ministeriums … (vom …)"
            if not re.search(r"[Mm]inisterium|Senat|Staatskanzlei|[Rr]egierung", m["m"]):
                continue
            if m["d"]:
                facts.answer_date = first_date(m["d"])
        if how == "name" and p.endswith((".", ":")):
            continue
        return squash(m["m"]) if how in ("as is", "name") else nominative(m["m"])
    return None


def _dates_in_head(p: str, doc: PrintDoc) -> None:
    m = re.match(r"^vom (?P<d>.+?)(?:\s*\(Eingang.*?am (?P<e>.+?)\))?$", p)
    if m:
        doc.submitted = doc.submitted or first_date(m["d"])
        if m["e"]:
            doc.received = doc.received or first_date(m["e"])
        return
    d = parse_date(p)
    if d and doc.submitted is None and not doc.points:
        doc.submitted = d


# --- the furniture --------------------------------------------------------------------------------


_PARLIAMENTS_LOW = [(name.lower(), code) for name, code in PARLIAMENT_CODES]
_SENT_BY = re.compile(r"mit Schreiben des (?P<m>.+?) vom (?P<d>.+?\d{4}) übermittelt")
_QUESTION_NUMBER = re.compile(r"Drucksache\s*[\d/ ]+\((?P<q>\d{1,2}/\d{1,6})\)")
_ORIGINAL_DATE = re.compile(r"Datum des (?:Originals|Eingangs):?\s*(?P<d>[\d.]+)")
_RECEIVED = re.compile(r"Eingegangen:?\s*(\S+)")
_PUBLISHED = re.compile(r"Ausgegeben:?\s*(.+)$|\((?:Verteilt|Ausgegeben) am (.+)\)")


def read_furniture(furniture: list[str], paras: list[str], doc: PrintDoc, facts: HeadFacts) -> None:
    """Number, parliament and dates from the page furniture (headers and footers taken off the pages)."""
    # each search only where its words stand (the cheap test first: a page has several such lines)
    for line in furniture:
        if doc.number is None:
            for match in find_print_numbers(line):
                doc.number = str(match.number)
                break
        if doc.parliament is None:
            low = line.lower()
            doc.parliament = next((code for name, code in _PARLIAMENTS_LOW if name in low), None)
        m = _SENT_BY.search(line) if "mit Schreiben des " in line else None
        if m:  # the Bundestag's footnote names the answering ministry and the date
            facts.sent_by = (nominative(m["m"]), first_date(m["d"]))
        m = _QUESTION_NUMBER.search(line) if "Drucksache" in line else None
        if m:  # Saarland: the answer's number, then the question's in brackets
            doc.references.append(Reference(m["q"], [], "other"))
        m = _ORIGINAL_DATE.search(line) if "Datum des " in line else None
        if m:  # Brandenburg, Nordrhein-Westfalen: the date of the answer (or of its arrival)
            facts.original_date = facts.original_date or first_date(m["d"])
        m = _RECEIVED.search(line) if "Eingegangen" in line else None
        if m and doc.received is None:
            doc.received = first_date(line[m.start() :])
        m = _PUBLISHED.search(line) if "Ausgegeben" in line or "Verteilt" in line else None
        if m and doc.published is None:
            doc.published = first_date(m.group(0))
    # the first bare date in page one's header block is the print's date: of the question, or
    # in a print of question and answer together ("Kleine Anfrage … und Antwort …"), of the answer
    facts.header_date = next((d for line in furniture[:6] if (d := header_date(line))), None)
    if doc.submitted is None and not facts.combined:
        doc.submitted = facts.header_date
    if doc.number is None:
        for p in paras[:12]:
            if re.match(r"^Drucksache\s", p):
                found = find_print_numbers(p)
                if found:
                    doc.number = str(found[0].number)
                    break


def infer_parliament(paras: list[str], doc: PrintDoc) -> None:
    """The parliament from the text when the furniture does not name it (a pasted text)."""
    if doc.parliament:
        return
    head = " ".join(paras[:15]).lower()
    for name, code in PARLIAMENT_CODES:
        if name.lower() in head:
            doc.parliament = code
            return
    text = " ".join(paras)
    if re.search(r"Der Landtag wolle beschließen,? die Landesregierung zu ersuchen", text) or re.search(
        r"Mit Schreiben vom .{5,30} Nr\. .{3,40} (?:nimmt|beantwortet) das", text
    ):
        doc.parliament = "BW"
    elif re.search(r"Senat(?:s)? von Berlin|Senatsverwaltung|Abgeordnetenhaus", text):
        doc.parliament = "BE"
    elif re.search(r"\bBundesregierung\b", head) and re.search(r"\bBundestag", text):
        doc.parliament = "BT"


# --- between the questions and the answer ---------------------------------------------------------


def read_letterhead(p: str, doc: PrintDoc, facts: HeadFacts) -> bool:
    """Sachsen prints the ministry's letter between the questions and the answer: the askers'
    place and date, then the letterhead ("SÄCHSISCHES STAATSMINISTERIUM FÜR …"), "Aktenzeichen"
    with the file number, the letter's place and date. True if `p` was one of these."""
    letter = facts.letter
    m = PLACE_DATE.match(p)
    if m:
        if letter.started:
            letter.date = first_date(m["d"])
        else:
            doc.submitted = doc.submitted or first_date(m["d"])
        return True
    m = CAPS_MINISTRY.match(p)
    if m:
        name = uncaps(m[0])
        if len(name) > len(letter.ministry or ""):
            letter.ministry = name
        return True
    if p.startswith("Aktenzeichen"):
        letter.awaiting_file_number = True
        return True
    if letter.awaiting_file_number and re.fullmatch(r"[\w.\-/()]*\d[\w.\-/()]*", p):
        letter.file_number, letter.awaiting_file_number = p, False
        return True
    return False


def is_signers(p: str) -> bool:
    """ "Salomon, Seimer, Häusler … GRÜNE", "Dr. Rülke und Fraktion", "Beispiel AfD"."""
    if len(p) > 300 or p.endswith((";", "?")):
        return False
    if re.search(rf"\bund Fraktion(?: (?:der|des) (?:{_FACTION_RE}))?$", p):
        return True  # "Dr. Rülke und Fraktion", "Maria Beispiel, Jens Muster und Fraktion der CDU" (Bremen)
    return bool(re.search(rf"^[A-ZÄÖÜ][\w.\- ]+(?:,\s*[A-ZÄÖÜ][\w.\- ]+)*\s+(?:u\.\s?a\.\s+)?(?:{_FACTION_RE})$", p))


def read_signers(p: str, doc: PrintDoc) -> None:
    """The askers who sign the inquiry: originators and faction, unless the head named them."""
    if not is_signers(p):
        return
    m = re.search(rf"\s(?P<f>{_FACTION_RE})$", p)
    if m and m["f"] not in doc.factions:
        doc.factions.append(m["f"])
    names = re.sub(
        rf"\s+(?:u\.\s?a\.\s+)?(?:{_FACTION_RE})$|\s+und Fraktion(?: (?:der|des) (?:{_FACTION_RE}))?$", "", p
    )
    listed = [n.strip() for n in re.split(r",\s*|\s+und\s+", names) if n.strip()]
    if not doc.signers:
        doc.signers = listed  # all of them, as the print lists them under the motion
    if not doc.originators:
        doc.originators = list(listed)


# --- the answer's frame ---------------------------------------------------------------------------


def read_answer_opener(opener: str, answer: Answer) -> None:
    """Date, file number, ministry and consenting ministries from the answer's opening sentence."""
    text = squash(opener)
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
        answer.ministry = nominative(m["m"])
    m = OPENER_CONSENT.search(text)
    if m:
        answer.consent = split_consent(m["c"])


def frame_answer(answer: Answer, facts: HeadFacts) -> None:
    """What the head, the furniture and a letter said about the answer, where the opener did not."""
    answer.date = answer.date or facts.answer_date
    if facts.sent_by:
        answer.ministry = answer.ministry or facts.sent_by[0]
        answer.date = answer.date or facts.sent_by[1]
    letter = facts.letter
    answer.date = answer.date or letter.date
    answer.file_number = answer.file_number or letter.file_number
    answer.ministry = answer.ministry or letter.ministry


_PLACE_DATE = re.compile(r"^(?:[A-ZÄÖÜ][\wäöü.\- ]+),\s+(?:den\s+)?(?P<d>\d.+)$")


def metadata_line(p: str, answer: Answer) -> bool:
    """Dates and ministries on lines of their own in an answer (Berlin, Bundestag, Hessen); True if
    the paragraph is nothing but that."""
    m = _PLACE_DATE.match(p) if "," in p else None  # the cheap test first: most paragraphs are text
    if m and len(p) < 60 and first_date(m["d"]):
        answer.date = answer.date or first_date(m["d"])
        # "Wiesbaden, 8. Mai 2025   Timo Beispielmann": place and date left, the signature right (Hessen)
        found = find_dates(m["d"])
        name = m["d"][found[0][2] :].strip() if found else ""
        if name and looks_like_name(name):
            answer.signatory = answer.signatory or name
        return True
    m = _SENT_BY.search(p) if "mit Schreiben des " in p else None
    if m:
        answer.ministry = answer.ministry or nominative(m["m"])
        answer.date = answer.date or first_date(m["d"])
        return len(p) < 300
    return False


def split_signature(part: list[str]) -> tuple[list[str], str | None, str | None]:
    """Take the signature off the end of the answer: ["In Vertretung",] the name and the office
    ("Ministerin für …", wrapped or not), or name and office on one line, or — after "In
    Vertretung" or with a title — a bare name; and a closing "Mit freundlichen Grüßen" before it."""
    part, name, office = _split_signature(part)
    while part and CLOSING.match(part[-1]):
        part = part[:-1]
    return part, name, office


def _split_signature(part: list[str]) -> tuple[list[str], str | None, str | None]:
    for j in range(len(part) - 1, max(-1, len(part) - 4), -1):
        if any(len(x) >= 120 or (x.endswith(".") and not x.endswith(" Dr.")) for x in part[j:]):
            break  # running text: the signature, if any, is not here
        p = part[j]
        if OFFICE.match(p) and j >= 1 and looks_like_name(part[j - 1]):
            return _cut_signature(part, j - 1, part[j - 1], " ".join(part[j:]))
        m = NAME_AND_OFFICE.match(p)
        if m:
            return _cut_signature(part, j, m["name"], " ".join([m["office"], *part[j + 1 :]]))
    if part and looks_like_name(part[-1]):
        preceded = len(part) >= 2 and IN_VERTRETUNG.match(part[-2])
        if preceded or re.match(r"^(?:Dr\.|Prof\.)\s", part[-1]):
            return _cut_signature(part, len(part) - 1, part[-1], None)
    return part, None, None


def _cut_signature(part: list[str], start: int, name: str, office: str | None) -> tuple[list[str], str, str | None]:
    if start >= 1 and IN_VERTRETUNG.match(part[start - 1]):
        start -= 1
    return part[:start], re.sub(r"^(?:In Vertretung|i\.\s?V\.)\s+", "", name), office


def ministry_of_office(office: str) -> str | None:
    """ "Ministerin für X" signs for the "Ministerium für X"; Berlin signs with the Senatsverwaltung."""
    m = re.match(r"^(?:Staats)?[Mm]inister(?:in)? (?P<rest>für .+)$", office)
    if m:
        return f"Ministerium {m['rest']}"
    if re.match(r"^(?:Senatsverwaltung|Ministerium|Staatsministerium|Staatskanzlei)\b", office):
        return office
    return None

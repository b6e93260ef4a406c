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
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from core.alignment import align, complete_question, goes_on
from core.cleanup import Cleaned, clean
from core.dates import first_date, parse_date
from core.documents import line_key, read_document
from core.head import (
    HeadFacts,
    frame_answer,
    infer_parliament,
    is_signers,
    join_answer_heading,
    metadata_line,
    ministry_line,
    ministry_of_office,
    read_answer_opener,
    read_furniture,
    read_head,
    read_letterhead,
    read_signers,
    split_signature,
    squash,
)
from core.labels import label_key
from core.model import Answer, AnswerItem, Point, PrintDoc, Reference
from core.references import references_in
from core.similarity import same_wording, similar_counts, word_counts
from core.vocabulary import (
    ANSWER_HEADING_WORD,
    ANSWER_OPENER,
    ANSWER_PREFIX,
    ANSWER_PREFIX_FIRST,
    COMBINED,
    COMBINED_FIRST,
    FRAGE,
    FRAGE_FIRST,
    HEADING,
    HEADING_FIRST,
    PLACE_DATE,
    POINT_DECIMAL,
    POINT_NUM,
    POINT_ROMAN,
    POINT_ROMAN_NUM,
    PREFACE_START,
    PREFACE_START_FIRST,
    PRINT_URL,
    QUESTION_OPENER,
    QUOTED_QUESTION,
    REASONING_START,
    REASONING_START_FIRST,
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
    document = read_document(path)
    return _Parser(clean(document.text), document.styled).run()


def parse_text(text: str) -> PrintDoc:
    """Parse the text of one print (raw or already clean) into its structure."""
    return _Parser(clean(text)).run()


def parse_cleaned(cleaned: Cleaned, styled: frozenset[str] = frozenset()) -> PrintDoc:
    """Parse text that core.cleanup.clean has already cleaned (the importer keeps it as material);
    `styled` are the lines a PDF sets apart by type (core.documents.Document.styled)."""
    return _Parser(cleaned, styled).run()


def _may_open(p: str) -> bool:
    """Cheap test before QUESTION_OPENER: every opener asks ("frage", "fragen") or moves ("beschließen")."""
    low = p.lower()
    return any(word in low for word in _OPENER_WORDS)


def _opens_questions(p: str) -> bool:
    """_may_open(p) and QUESTION_OPENER.search(p): searched only around each "frag" and "beschließen"
    of the lower-cased paragraph, since every opener holds one and is at most _OPENER_WIDTH characters
    long (an opener's other case-insensitive letters, "ſ" and "ı", and a lower case of another length
    send it to the plain search; tests/test_parser.py compares the two)."""
    low = p.lower()
    if len(low) != len(p) or "ſ" in p or "ı" in p:
        return _may_open(p) and QUESTION_OPENER.search(p) is not None
    for word in _OPENER_WORDS:
        at = low.find(word)
        while at >= 0:
            # a match that holds this word starts after at - _OPENER_WIDTH and ends before at + _OPENER_WIDTH
            if QUESTION_OPENER.search(p, max(0, at - _OPENER_WIDTH), at + _OPENER_WIDTH) is not None:
                return True
            at = low.find(word, at + 1)
    return False


_OPENER_WORDS = ("frag", "beschließen")
_OPENER_WIDTH = 60  # longer than any QUESTION_OPENER match (tests/test_parser.py checks it)


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


_RESOLUTION = re.compile(r"^Beschlussempfehlung\s*:?$")
_DATE_START = re.compile(r"^\d{1,2}\.\s?\d{1,2}\.")  # "17.05." (a date, not a point "17.")


def _is_enclosure(p: str) -> bool:
    """ "Anlage:", "Anlagen" on a line of its own."""
    return p.startswith("Anlage") and re.match(r"^Anlagen?\s*:?$", p) is not None


def _is_answer_preface(p: str) -> bool:
    """ "Vorbemerkung:" or "Vorbemerkung der Landesregierung: …" — the answering side's, not the askers'."""
    return p.lower().startswith("vorbemerkung") and bool(PREFACE_START.match(p)) and not REASONING_START.match(p)


# --- the parser -----------------------------------------------------------------------------------


class _Parser:
    def __init__(self, cleaned: Cleaned, styled: frozenset[str] = frozenset()) -> None:
        self.styled = styled
        self.furniture = cleaned.furniture
        self.footnotes = cleaned.footnotes
        self.paras = [_strip_markup(p) for p in cleaned.paragraphs]
        self.paras = join_answer_heading([p for p in self.paras if p])
        self.doc = PrintDoc()
        self.facts = HeadFacts()
        self.inquiry_paras: set[str] = set()
        self.word_counts: dict[str, Counter[str]] = {}  # core.similarity.word_counts of the texts compared

    def run(self) -> PrintDoc:
        doc = self.doc
        paras = self.paras
        q_open = next((i for i, p in enumerate(paras) if len(p) < 400 and _opens_questions(p)), None)
        a_open = self._find_answer_opener(q_open)
        head_end = min(x for x in (q_open, a_open, self._first_structural(q_open), len(paras)) if x is not None)
        quoted = next((i for i, p in enumerate(paras[:head_end]) if QUOTED_QUESTION.search(p)), None)
        if quoted is not None and q_open is not None and quoted < q_open:
            # "Die Kleine Anfrage … hat folgenden Wortlaut:": the askers' preamble, then the questions
            read_head(paras[:quoted], doc, self.facts)
            asked = re.search(r"\bvom\s+(?P<d>.{6,25}?\d{4})", paras[quoted])
            if asked:  # "Die Kleine Anfrage – Drucksache 18/12201 – vom 14. April 2025 hat folgenden Wortlaut:"
                doc.submitted = doc.submitted or first_date(asked["d"])
            preamble = paras[quoted + 1 : q_open]
            if preamble and not any(REASONING_START.match(p) for p in preamble):
                doc.reasoning = "\n\n".join(preamble)
        else:
            read_head(paras[:head_end], doc, self.facts)
            if q_open is not None and head_end < q_open and PREFACE_START.match(paras[head_end]):
                # "Vorbemerkung:" before the questions is the askers' (Sachsen)
                rest = PREFACE_START.match(paras[head_end])["rest"]  # type: ignore[index]
                doc.reasoning = "\n\n".join([*([rest] if rest else []), *paras[head_end + 1 : q_open]]) or None
        read_furniture(self.furniture, paras, doc, self.facts)

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
        infer_parliament(paras, doc)
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
            c = p[:1]  # the first character first (core.vocabulary's *_FIRST)
            if (
                (c in REASONING_START_FIRST and REASONING_START.match(p))
                or (c in PREFACE_START_FIRST and PREFACE_START.match(p) and p.lower().startswith("vorbemerkung"))
                or (c in FRAGE_FIRST and FRAGE.match(p))
                or (":" in p and HEADING.match(p))
                or (i > 2 and (q_open is None or i > q_open) and POINT_NUM.match(p) and p.rstrip().endswith("?"))
            ):
                return i
        return None

    # -- the inquiry ---------------------------------------------------------------------------

    def _read_inquiry(self, part: list[str], opener: str) -> None:
        doc = self.doc
        self.inquiry_paras = {squash(p) for p in part}
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
                if read_letterhead(p, doc, self.facts):
                    continue
                read_signers(p, doc)
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
            if parse_date(p) or REASONING_START.match(p) or ANSWER_HEADING_WORD.match(p) or is_signers(p):
                return points, i
            if re.match(r"^\d{1,2}\.\s?\d{1,2}\.\s?\d{4}\b", p) or PLACE_DATE.match(p):
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
            if m and not _DATE_START.match(p):
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

    # -- the answer ----------------------------------------------------------------------------

    def _read_answer(self, part: list[str], opener: str | None) -> None:
        doc = self.doc
        answer = Answer()
        if opener:
            read_answer_opener(opener, answer)
        frame_answer(answer, self.facts)
        cut = next(
            (i for i, p in enumerate(part) if p.startswith("Beschlussempfehlung") and _RESOLUTION.match(p)), None
        )
        if cut is not None:  # Bremen: what the Bürgerschaft is asked to resolve follows the answer
            self.facts.other_texts.extend(part[cut:])
            part = part[:cut]
        part, answer.signatory, answer.office = split_signature(part)
        if answer.office and not answer.ministry:
            answer.ministry = ministry_of_office(answer.office)
        headings = sum(1 for p in part if ":" in p and HEADING.match(p))
        # a heading for some questions only ("Zu 2. und 3.:" after two questions reprinted back to
        # back, Hamburg) among many questions reprinted without one: the layout has no headings
        reprinted = sum(1 for p in part if p.endswith("?") and POINT_NUM.match(p))
        has_headings = headings > 0 and reprinted <= 2 * headings
        # "Frage 1. …" / "Frage 1: …" mark the questions (Hessen, Brandenburg, Sachsen): a numbered
        # paragraph is then a list entry, never a question
        frage_layout = sum(1 for p in part[:400] if p[:1] in FRAGE_FIRST and FRAGE.match(p)) >= 2
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
            part = [p for p in part if not (metadata_line(p, answer) or _is_enclosure(p))]
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
            aligned = align(
                part[start:], {lb: pt.text for lb, pt in known.items()}, self._is_styled if self.styled else None
            )
            if aligned.first_question is not None:
                part = part[: start + aligned.first_question]
            else:
                aligned = None

        for idx, p in enumerate(part):
            if mode == "start" and self._inquiry_quoted(p):
                continue  # the motion's opener ("… zu ersuchen", "I. zu berichten,") quoted again
            if metadata_line(p, answer) or _is_enclosure(p):
                continue
            c = p[:1]  # the first character first (core.vocabulary's *_FIRST)
            m = REASONING_START.match(p) if c in REASONING_START_FIRST else None
            if m and not items and derive_points:
                reasoning = [m["rest"]] if m["rest"] else []
                mode = "reasoning"
                continue
            m = PREFACE_START.match(p) if c in PREFACE_START_FIRST else None
            if m and p.lower().startswith("vorbemerkung") and not items:
                mode = "preface"
                if m["rest"]:
                    preface.append(m["rest"])
                continue
            m = HEADING.match(p) if c in HEADING_FIRST else None
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
            m = COMBINED.match(p) if c in COMBINED_FIRST else None
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
            m = FRAGE.match(p) if c in FRAGE_FIRST else None
            if m:
                labels = expand_labels(m["labels"], question.label if question else None)
                if labels:
                    question = _Question(labels[0], [m["rest"]] if m["rest"] else [])
                    if derive_points:
                        questions.append(question)
                    if mode != "question-after-heading":  # "Zu den Fragen 6, 7 und 8:" lists them next
                        mode = "question"
                    continue
            m = ANSWER_PREFIX.match(p) if c in ANSWER_PREFIX_FIRST else None
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
            ministry = ministry_line(p, self.facts) if mode in ("reasoning", "head") else None
            if ministry:  # "Antwort der Landesregierung" / "erstellt vom Ministerium für Bildung" (Sachsen-Anhalt)
                self.facts.combined = True
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
        if self.facts.combined:  # no date in the answer itself: the print's own date is the answer's
            answer.date = answer.date or self.facts.original_date or self.facts.header_date
        if items or opener:
            doc.answer = answer
        if (not doc.ministry and answer.ministry) or (
            answer.ministry and (opener or doc.ministry in ("Landesregierung", "Bundesregierung", "Senat"))
        ):
            doc.ministry = answer.ministry

    def _similar(self, a: str, b: str) -> float:
        """core.similarity.similar, each text's words counted once a parse: every numbered paragraph of
        the answer part is compared with the same few known points."""
        counts = []
        for text in (a, b):
            found = self.word_counts.get(text)
            if found is None:
                found = self.word_counts[text] = word_counts(text)
            counts.append(found)
        return similar_counts(*counts)

    def _is_styled(self, p: str) -> bool:
        """Does the PDF set this paragraph apart by type (smaller, bold or italic)?"""
        return line_key(p) in self.styled

    def _inquiry_quoted(self, p: str) -> bool:
        """The motion's opener ("… zu ersuchen", "I. zu berichten,") or a paragraph of the inquiry,
        quoted again at the start of the answer part."""
        return (len(p) < 300 and _opens_questions(p)) or (squash(p) in self.inquiry_paras)

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
            c = p[:1]  # the first character first (core.vocabulary's *_FIRST)
            if c in ANSWER_PREFIX_FIRST and ANSWER_PREFIX.match(p):
                return True
            if (c in HEADING_FIRST and HEADING.match(p)) or (c in COMBINED_FIRST and COMBINED.match(p)):
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
            if m is None or _DATE_START.match(p):
                return None
            label, text = m["num"], m["text"]
            if label not in known:
                for k in known:
                    if k.endswith(f".{label}") and self._similar(text, known[k].text) > 0.6:
                        label = k
                        break
        assert label is not None and text is not None
        if label in known:
            if self._similar(text, known[label].text) >= 0.5:
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
            if p[:1] in FRAGE_FIRST and FRAGE.match(p):
                return False  # "Frage 2: …" reprints the question itself (Brandenburg, Sachsen)
            m = HEADING.match(p) if ":" in p else None
            if m:
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

    # -- finishing -----------------------------------------------------------------------------

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
            label = point.label  # the point's label and one letter: "2a", "2b"
            subs = sorted(
                lb for lb in wanted if len(lb) == len(label) + 1 and lb.startswith(label) and "a" <= lb[-1] <= "z"
            )
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
        parts = [("other", text) for text in self.facts.other_texts]
        parts += [(f"point:{p.label}", p.text) for p in doc.points]
        parts.append(("reasoning", doc.reasoning or ""))
        if doc.answer:
            parts += [(f"answer:{k}", item.text) for k, item in enumerate(doc.answer.items, 1)]
        found: dict[str, list[Reference]] = {where: [] for where, _ in [("other", ""), *parts]}  # in order

        def add(text: str, where: str) -> None:
            found[where].extend(references_in(text, where, own, doc.parliament))

        for where, text in parts:
            if text:
                add(text, where)
        squashed: list[tuple[str, str]] = []  # the parts but "other", squashed when a note first needs them
        for note in self.footnotes:  # "1 Vgl. Drs. 19/…", "BT-Drucksache 21/…" at a page bottom
            anchor = squash(note.anchor)
            if anchor and not squashed:
                squashed = [(w, squash(t)) for w, t in parts if w != "other"]
            where = next((w for w, t in squashed if anchor and anchor in t), "other")
            add(note.text, where)
            for m in PRINT_URL.finditer(note.text):  # ".../drucksachen/…/19-02752.pdf"
                number = f"{int(m['wp'])}/{int(m['nr'])}"
                if number != own:
                    found[where].append(Reference(number, [], where, doc.parliament))
        doc.references.extend(ref for refs in found.values() for ref in refs)

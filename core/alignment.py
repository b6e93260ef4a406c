"""Match the questions reprinted in an answer part to the answer blocks that follow them.

Many parliaments (Niedersachsen, the Bundestag, Bayern, Thüringen, Schleswig-Holstein …) print
each question again with its answer right below, with no heading and often no blank line:

    4. Aus welchen Gründen wurde … nicht berücksichtigt?
    Die Aufnahme in das Programm setzt voraus, …

The answer texts themselves hold numbered lists ("1. …", "2. …"), table rows that start with a
number and dates ("1. Januar"), so "a paragraph starting with a number" is not yet a question.
This module decides in one explicit step which numbered paragraphs are the questions: every
candidate gets a score for how much it reads like a question, and the questions are the chain
of candidates that follows the numbering of the print (1, 2, 3 …, restarting per Roman
section, or the labels of the question part when the print has one) with the highest score.
A numbered list inside an answer cannot join that chain without breaking the numbering, and
loses against the real questions wherever it could.

Then each question's extent is settled (a question may run over several paragraphs and
sentences: "… vor? Falls ja, welche?"), and the text up to the next question is its answer —
or, for questions reprinted back to back ("3. …? 4. …? Die Fragen 3 und 4 werden gemeinsam
beantwortet."), one answer for all of them.

Pure functions over paragraphs; `core.parser` calls `align` for layouts without headings.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from core.labels import section_value
from core.similarity import similar
from core.vocabulary import (
    COMBINED,
    HEADING,
    MONTHS,
    POINT_ROMAN,
    QUESTION_CONTINUATION,
    QUESTION_WORDS,
    REQUEST_END,
    SUB_HEADING,
    expand_labels,
)

_CANDIDATE = re.compile(
    r"^(?:(?P<roman>[IVX]{1,5})\.\s*)?(?P<num>\d{1,3})(?:\.|\))(?!\d)\s*(?P<sub>[a-z]\)\s+)?(?P<text>\S.*)$", re.DOTALL
)
# Bavaria: "2.1 Wie hoch …?" — the section is the first number, and the numbering restarts in each
_DECIMAL_CANDIDATE = re.compile(r"^(?P<roman>\d{1,2})\.(?P<num>\d{1,2})\s+(?P<sub>)(?P<text>[A-ZÄÖÜ„\"].*)$", re.DOTALL)
Styled = Callable[[str], bool]  # is a paragraph set apart by type in the PDF?
_SUB_QUESTION = re.compile(r"^(?P<sub>[a-z])\)\s+(?P<text>\S.*)$", re.DOTALL)
_SECTION_TITLE_MAX = 150


@dataclass
class Candidate:
    index: int  # paragraph index
    label: str
    section: str  # Roman section ("" when none)
    num: int
    text: str  # the paragraph without its number
    score: float = 0.0


@dataclass
class Question:
    label: str
    text: str
    first: int  # first paragraph index
    last: int  # last paragraph index (inclusive)


@dataclass
class Block:
    """An answer block: the labels it answers and its paragraphs."""

    labels: list[str]
    texts: list[str] = field(default_factory=list)


@dataclass
class Alignment:
    questions: list[Question]
    items: list[Block]
    first_question: int | None  # paragraph index of the first question; what stands before is the preface


def candidates(paras: list[str], known: dict[str, str]) -> list[Candidate]:
    """Every paragraph that starts with a number as a question would, with its section."""
    out: list[Candidate] = []
    section = ""
    for i, p in enumerate(paras):
        m = POINT_ROMAN.match(p)
        if m and len(p) < _SECTION_TITLE_MAX and not p.rstrip().endswith((".", ";", ",", "?")):
            section = m["roman"]  # "II. Personal und Finanzen": numbering restarts
            continue
        m = _DECIMAL_CANDIDATE.match(p) or _CANDIDATE.match(p)
        if not m:
            continue
        text = m["text"]
        first_word = text.split(" ", 1)[0].rstrip(".,")
        if first_word in MONTHS or re.match(r"^\d{1,2}\.\s?\d{1,2}\.", p):
            continue  # "1. Januar 2025", "12.05.2025"
        sec = m["roman"] or section
        if m["roman"] and m.re is _CANDIDATE:  # a Roman section runs on; a decimal one names itself
            section = m["roman"]
        label = f"{sec}.{m['num']}" if sec else m["num"]
        if known and label not in known:
            label = _known_label(m["num"], text, known) or label
        out.append(Candidate(i, label, sec, int(m["num"]), text))
    return out


def _known_label(num: str, text: str, known: dict[str, str]) -> str | None:
    """ "1." under an unnumbered section title matches "II.1" of the question part by its text."""
    best, best_score = None, 0.6
    for label, known_text in known.items():
        if label.split(".")[-1] == num:
            score = similar(text, known_text)
            if score > best_score:
                best, best_score = label, score
    return best


def question_extent(paras: list[str], start: int, stop: int, styled: Styled | None = None) -> int:
    """Index of the last paragraph of the question starting at `start` (before `stop`). Where the
    PDF sets questions in their own type, the question is what is set in it."""
    text = paras[start]
    last = start
    j = start + 1
    while j < stop:
        p = paras[j]
        if styled is not None:
            if not styled(p):
                break
        elif not complete_question(text):
            pass  # "… welche" / "Beobachtungsobjekte … nicht?": the question goes on
        elif goes_on(p):
            pass  # "Falls ja, welche?", "(Bitte nach Jahren aufschlüsseln.)"
        else:
            break
        text = f"{text} {p}"
        last = j
        j += 1
    return last


def goes_on(p: str) -> bool:
    """Is `p` more of a complete question before it: another question sentence, a sub-question,
    a request ("Bitte … aufschlüsseln.")?"""
    if COMBINED.match(p) or SUB_HEADING.match(p):
        return False
    if p.endswith("?"):
        return len(p) < (900 if _SUB_QUESTION.match(p) else 400)
    return len(p) < 300 and QUESTION_CONTINUATION.match(p) is not None


def complete_question(text: str) -> bool:
    """Does the question text end as a finished sentence or request (not "… und welche")?"""
    text = text.rstrip(" *_")
    return text.endswith(("?", ".", "!", ":", ")", "“", '"', "»")) or bool(REQUEST_END.search(text[-160:]))


def _question_score(
    paras: list[str], cand: Candidate, known: dict[str, str], stop: int, styled: Styled | None
) -> float:
    last = question_extent(paras, cand.index, stop, styled)
    text = " ".join([cand.text, *paras[cand.index + 1 : last + 1]]).rstrip(" *_")
    score = 1.0
    if text.endswith("?") or "?" in text[-40:]:
        score += 3
    elif REQUEST_END.search(text):
        score += 2
    first_word = cand.text.split(" ", 1)[0]
    if first_word in QUESTION_WORDS:
        score += 1
    if known:
        ref = known.get(cand.label)
        if ref is not None:
            score += 4 * similar(cand.text, ref)
        else:
            score -= 3
    before = paras[cand.index - 1] if cand.index else ""
    if before.rstrip().endswith(":") and "?" not in text:
        score -= 2  # "… folgende Aspekte:" then "1. …": a list
    if not text.endswith(("?", ".")) and len(text) < 60:
        score -= 1  # a table row or a list entry
    if styled is not None:
        score += 4 if styled(paras[cand.index]) else -4  # the PDF's type settles it
    return score


# How many candidates back a question's predecessor may stand: far more than the numbered list
# entries of any one answer, and it keeps the chain linear in a pathological document.
_LOOKBACK = 300


def best_chain(cands: list[Candidate], order: list[str] | None) -> list[Candidate]:
    """The sequence of candidates that follows the numbering with the highest total score.

    Without `order` (no question part), a step goes from n to n+1 in one section, or to 1 in a
    later section; with `order` (the labels of the question part), to the next label. A missing
    number may be skipped at a cost, so one lost question does not lose the rest."""
    n = len(cands)
    if not n:
        return []
    position = {label: k for k, label in enumerate(order)} if order else None
    best: list[float] = [0.0] * n
    back: list[int | None] = [None] * n
    for i, c in enumerate(cands):
        gap = _start_gap(c, position)
        best[i] = c.score - 3.0 * gap if gap is not None else float("-inf")
        for j in range(max(0, i - _LOOKBACK), i):
            if best[j] == float("-inf"):
                continue
            step = _step_gap(cands[j], c, position)
            if step is None:
                continue
            value = best[j] + c.score - 3.0 * step
            if value > best[i]:
                best[i], back[i] = value, j
    end = max(range(n), key=lambda k: best[k])
    if best[end] == float("-inf"):
        return []
    chain = []
    k: int | None = end
    while k is not None:
        chain.append(cands[k])
        k = back[k]
    return chain[::-1]


def _start_gap(c: Candidate, position: dict[str, int] | None) -> int | None:
    if position is not None:
        return position.get(c.label)
    return c.num - 1 if c.num <= 3 else None


def _step_gap(a: Candidate, b: Candidate, position: dict[str, int] | None) -> int | None:
    """How many labels lie between a and b (0: b follows a directly); None: b cannot follow a."""
    if position is not None:
        pa, pb = position.get(a.label), position.get(b.label)
        if pa is None or pb is None or pb <= pa or pb - pa > 3:
            return None
        return pb - pa - 1
    if a.section == b.section:
        return b.num - a.num - 1 if 0 < b.num - a.num <= 3 else None
    if b.section and (not a.section or section_value(b.section) > section_value(a.section)):
        if b.num == a.num + 1:
            return 0  # numbering runs on through the sections (I. 1–13, II. 14–21)
        if b.num <= 2:
            return b.num - 1  # numbering restarts (I. 1–5, II. 1–14)
    return None


def _relabel(chain: list[Candidate]) -> None:
    """Section prefixes ("II.3") only where the numbering restarts per section; plain numbers
    where it runs on through the sections."""
    restarts = any(b.section != a.section and b.num <= a.num for a, b in itertools.pairwise(chain)) or any(
        c.section.isdigit()
        for c in chain  # decimal labels ("1.2") keep their section
    )
    for c in chain:
        c.label = f"{c.section}.{c.num}" if restarts and c.section else str(c.num)


def align(paras: list[str], known: dict[str, str] | None = None, styled: Styled | None = None) -> Alignment:
    """Find the questions in `paras` and the answer block of each (see the module docstring).

    `known` maps the labels of the print's question part (if it has one) to their texts;
    `styled` tells the paragraphs a PDF sets apart by type (smaller, bold, italic)."""
    known = known or {}
    cands = candidates(paras, known)
    stops = [c.index for c in cands[1:]] + [len(paras)] if cands else []
    if styled is not None and sum(1 for c in cands if styled(paras[c.index])) < 2:
        styled = None  # the type tells the questions apart only if it sets some of them apart
    for c, stop in zip(cands, stops, strict=True):
        c.score = _question_score(paras, c, known, stop, styled)
    chain = best_chain(cands, list(known) if known else None)
    if not known:
        _relabel(chain)
    questions: list[Question] = []
    items: list[Block] = []
    if not chain:
        return Alignment([], [], None)
    starts = [c.index for c in chain] + [len(paras)]
    pending: list[str] = []  # questions reprinted back to back, waiting for their answer
    announced: list[str] = []  # "Die Fragen 3 und 4 werden gemeinsam beantwortet." before question 3
    for k, c in enumerate(chain):
        last = question_extent(paras, c.index, starts[k + 1], styled)
        qtext = " ".join([c.text, *paras[c.index + 1 : last + 1]])
        questions.append(Question(c.label, qtext.strip(), c.index, last))
        region = paras[last + 1 : starts[k + 1]]
        pending.append(c.label)
        if region and k + 1 < len(chain):
            m = COMBINED.match(region[-1])
            if m and not m["rest"]:
                labels = expand_labels(m["labels"])
                if labels and chain[k + 1].label in labels:
                    announced = labels
                    region = region[:-1]
        if not region:
            if announced and announced[-1] == c.label:
                items.append(Block(list(announced)))
                pending, announced = [], []
            continue  # reprinted back to back: the answer comes after the next question
        if pending == [c.label]:
            split = _sub_answers(questions[-1], region, paras)
            if split:
                questions[-1:] = [q for q, _ in split]
                items.extend(b for _, b in split)
                pending, announced = [], []
                continue
        labels = list(pending)
        m = COMBINED.match(region[0]) or (HEADING.match(region[0]) if ":" in region[0] else None)
        if m:  # "Die Fragen 2 und 3 werden gemeinsam beantwortet.", "Zu 2. und 3.:"
            named = expand_labels(m["labels"])
            if named and c.label in named:
                labels = named
                rest = (m["rest"] or "").strip()
                region = ([rest] if rest else []) + region[1:]
        elif announced and c.label in announced:
            labels = list(dict.fromkeys([*announced, *pending]))
        items.append(Block(labels, list(region)))
        pending, announced = [], []
    return Alignment(questions, items, chain[0].index)


def _sub_answers(question: Question, region: list[str], paras: list[str]) -> list[tuple[Question, Block]]:
    """Sub-questions answered one by one: "9. … a) … b) …?" then "Zu a: …", "Zu b: …"; or
    "35. …? Wenn ja:" then "a) Welche?" with its answer, "b) …?" with its answer. Empty when the
    answer does not take the sub-questions apart."""
    label = question.label
    m = _DECIMAL_CANDIDATE.match(paras[question.first]) or _CANDIDATE.match(paras[question.first])
    first = (m["sub"] or "") + m["text"] if m else paras[question.first]  # "3. a) Wie viele …?" keeps its "a)"
    block = [first, *paras[question.first + 1 : question.last + 1], *region]
    n_question = question.last - question.first + 1  # paragraphs of `block` that the question holds
    starts: list[int] = []
    for i, p in enumerate(block):
        sm = _SUB_QUESTION.match(p)
        if sm and sm["sub"] == chr(ord("a") + len(starts)):
            starts.append(i)
    if len(starts) < 2:
        return []
    intro = " ".join(block[: starts[0]]).strip()
    headed = [(i, hm) for i, p in enumerate(block) if i >= n_question and (hm := SUB_HEADING.match(p))]
    subs = [chr(ord("a") + k) for k in range(len(starts))]
    out: list[tuple[Question, Block]] = []
    if all(i < n_question for i in starts):
        # all sub-questions in the question: the answer takes them apart under "Zu a:", "Zu b:"
        if len(headed) < 2 or not {hm["sub"] for _, hm in headed} <= set(subs):
            return []
        for n, (i, hm) in enumerate(headed):
            end = headed[n + 1][0] if n + 1 < len(headed) else len(block)
            texts = ([hm["rest"].strip()] if hm["rest"].strip() else []) + block[i + 1 : end]
            if n == 0:
                texts = block[n_question:i] + texts
            k = subs.index(hm["sub"])
            stop = starts[k + 1] if k + 1 < len(starts) else n_question
            sub_text = " ".join(block[starts[k] : stop])[3:].strip()
            out.append(
                (
                    Question(f"{label}{hm['sub']}", f"{intro} {sub_text}".strip(), question.first, question.last),
                    Block([f"{label}{hm['sub']}"], texts),
                )
            )
        return out
    # each sub-question reprinted with its answer right below
    for n, i in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(block)
        last = question_extent(block, i, end)
        if last + 1 >= end and n + 1 < len(starts):
            return []  # a sub-question without its own answer: not this layout
        sub_text = " ".join(block[i : last + 1])[3:].strip()
        out.append(
            (
                Question(f"{label}{subs[n]}", f"{intro} {sub_text}".strip(), question.first, question.last),
                Block([f"{label}{subs[n]}"], block[last + 1 : end]),
            )
        )
    return out

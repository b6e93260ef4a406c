"""Shaping the ministry's answer while it is drafted: one item per point to start with,
items combined ("Zu 3. und 4.:") or split again, an earlier answer quoted as a starting point.

Plain functions over lists of AnswerItem, so the desktop app, its undo commands and the
tests share them; the register stores whatever list comes out."""

from __future__ import annotations

import re
from datetime import date

from core.drafts import long_date
from core.model import AnswerItem, Point


def draft_items(points: list[Point]) -> list[AnswerItem]:
    """An empty answer item for every point: where drafting an answer begins."""
    return [AnswerItem([p.label], "") for p in points]


def item_for_point(items: list[AnswerItem], label: str) -> int | None:
    """The position of the item answering point `label`, if any."""
    return next((k for k, item in enumerate(items) if label in item.points), None)


def missing_points(points: list[Point], items: list[AnswerItem]) -> list[AnswerItem]:
    """Items for points no item answers yet (a point added after the draft began)."""
    covered = {label for item in items for label in item.points}
    return [AnswerItem([p.label], "") for p in points if p.label not in covered]


def combine(items: list[AnswerItem], k: int) -> list[AnswerItem]:
    """Item k and the one after it answered together; their texts are kept, one after the other."""
    if not 0 <= k < len(items) - 1:
        raise IndexError(k)
    first, second = items[k], items[k + 1]
    text = "\n\n".join(t for t in (first.text.strip(), second.text.strip()) if t)
    return [*items[:k], AnswerItem(first.points + second.points, text), *items[k + 2 :]]


def split(items: list[AnswerItem], k: int, texts: list[str] | None = None) -> list[AnswerItem]:
    """An item answering several points becomes one item per point. `texts` gives each point its
    text (see by_paragraph); without it the whole text stays with the first point, where nothing is lost."""
    item = items[k]
    if len(item.points) < 2:
        return list(items)
    if texts is None:
        texts = [item.text] + [""] * (len(item.points) - 1)
    if len(texts) != len(item.points):
        raise ValueError(f"{len(texts)} texts for {len(item.points)} points")
    parts = [AnswerItem([label], text) for label, text in zip(item.points, texts, strict=True)]
    return [*items[:k], *parts, *items[k + 1 :]]


def paragraphs(text: str) -> list[str]:
    """The paragraphs of an answer text (separated by blank lines, as combine joins them)."""
    return [p.strip() for p in re.split(r"\n[ \t]*\n", text) if p.strip()]


def suggested_owners(n_paragraphs: int, n_points: int) -> list[int]:
    """Which point each paragraph most likely answers: one each when the counts match (two texts
    combined); surplus paragraphs stay with the first point, the others take one each from the end."""
    extra = max(0, n_paragraphs - n_points)
    return [max(0, k - extra) for k in range(n_paragraphs)]


def by_paragraph(text: str, owners: list[int], n_points: int) -> list[str]:
    """The text of each point when paragraph k of `text` goes to point owners[k]."""
    paras = paragraphs(text)
    if len(owners) != len(paras) or any(not 0 <= o < n_points for o in owners):
        raise ValueError("one point per paragraph, each one of the item's points")
    return ["\n\n".join(p for p, o in zip(paras, owners, strict=True) if o == n) for n in range(n_points)]


def quoted(answer: str, number: str | None, label: str, answer_date: date | str | None = None) -> str:
    """An earlier answer as the starting point of a new one, with where it comes from."""
    if isinstance(answer_date, str):
        answer_date = date.fromisoformat(answer_date) if answer_date else None
    when = f" vom {long_date(answer_date)}" if answer_date else ""
    source = f"Drucksache {number}" if number else "einer früheren Antwort"
    return f"[Übernommen aus {source}, Antwort zu Ziffer {label}{when}:]\n{answer.strip()}"


def with_all_points(points: list[Point], items: list[AnswerItem]) -> list[AnswerItem]:
    """The items plus an empty one for every point not yet answered, in the order of the points."""
    order = {p.label: k for k, p in enumerate(points)}
    everything = list(items) + missing_points(points, items)
    return sorted(everything, key=lambda item: min((order.get(label, len(order)) for label in item.points), default=0))

"""Shaping the ministry's answer while it is drafted: one item per point to start with,
items combined ("Zu 3. und 4.:") or split again, an earlier answer quoted as a starting point.

Plain functions over lists of AnswerItem, so the desktop app, its undo commands and the
tests share them; the register stores whatever list comes out."""

from __future__ import annotations

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


def split(items: list[AnswerItem], k: int) -> list[AnswerItem]:
    """An item answering several points becomes one item per point; the text stays with the first."""
    item = items[k]
    if len(item.points) < 2:
        return list(items)
    parts = [AnswerItem([item.points[0]], item.text)] + [AnswerItem([label], "") for label in item.points[1:]]
    return [*items[:k], *parts, *items[k + 1 :]]


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

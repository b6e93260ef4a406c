"""The parsed print: plain dataclasses that serialise to the interchange format.

The JSON shape is fixed by ../shared/print-json.md ("ziffer.print/1"); other tools depend on
it, so keys are only ever added, never renamed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from core.kinds import KIND_NAMES as KIND_NAMES  # defined apart, for the command line's start
from core.kinds import KINDS as KINDS

TYPE_CHECKING = False
if TYPE_CHECKING:  # annotations only: typing costs a parse's start 2-4 ms
    from typing import Any

SCHEMA = "ziffer.print/1"


@dataclass
class Point:
    """One numbered point of a motion or one question of an inquiry."""

    label: str
    text: str


@dataclass
class AnswerItem:
    """One answer block ("Zu 3. und 4.:") and the labels of the points it answers."""

    points: list[str]
    text: str


@dataclass
class Answer:
    """The ministry's Stellungnahme or Antwort."""

    date: date | None = None
    file_number: str | None = None
    consent: list[str] = field(default_factory=list)
    signatory: str | None = None
    items: list[AnswerItem] = field(default_factory=list)
    ministry: str | None = None
    office: str | None = None  # the signatory's office line ("Ministerin für …", "Staatssekretär")
    draft: bool = False  # the ministry's answer in the making, not yet a published print (not in print-json)


@dataclass
class Reference:
    """A citation: of another print (number set) or of points of the same print (number None)."""

    number: str | None
    points: list[str]
    where: str  # "point:LABEL", "reasoning", "answer:K" or "other"
    parliament: str | None = None  # "BT" for a Bundestag print, else None (same parliament)


@dataclass
class PrintDoc:
    """Everything the parser recognised in one document."""

    parliament: str | None = None
    number: str | None = None
    kind: str = "other"
    title: str | None = None
    submitted: date | None = None
    received: date | None = None
    originators: list[str] = field(default_factory=list)
    factions: list[str] = field(default_factory=list)
    signers: list[str] = field(default_factory=list)  # the names under the motion, as listed ("Salomon", …)
    ministry: str | None = None
    points: list[Point] = field(default_factory=list)
    reasoning: str | None = None
    answer: Answer | None = None
    references: list[Reference] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    published: date | None = None  # "Ausgegeben:" date of the published print

    def to_dict(self) -> dict[str, Any]:
        """The print in the interchange format of print-json.md."""
        answer = None
        if self.answer is not None:
            answer = {
                "date": _iso(self.answer.date),
                "file_number": self.answer.file_number,
                "consent": list(self.answer.consent),
                "signatory": self.answer.signatory,
                "office": self.answer.office,
                "items": [{"points": list(i.points), "text": i.text} for i in self.answer.items],
            }
        refs = []
        for r in self.references:
            ref: dict[str, Any] = {"number": r.number, "points": list(r.points), "in": r.where}
            if r.parliament:
                ref["parliament"] = r.parliament
            refs.append(ref)
        return {
            "schema": SCHEMA,
            "parliament": self.parliament,
            "number": self.number,
            "kind": self.kind,
            "title": self.title,
            "submitted": _iso(self.submitted),
            "received": _iso(self.received),
            "published": _iso(self.published),
            "originators": list(self.originators),
            "factions": list(self.factions),
            "signers": list(self.signers),
            "ministry": self.ministry,
            "points": [{"label": p.label, "text": p.text} for p in self.points],
            "reasoning": self.reasoning,
            "answer": answer,
            "references": refs,
            "warnings": list(self.warnings),
        }


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None

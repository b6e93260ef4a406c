"""PDF typography settles what the words alone cannot: which paragraphs reprint a question.

The Bundestag sets the questions reprinted in its answer prints in smaller type ("Die Drucksache
enthält zusätzlich – in kleinerer Schrifttype – den Fragetext."), several Landtage set them in
bold. A question of two sentences whose second one reads like an answer ("Die Angaben werden
für die Jahre … erbeten.") is one question when both are in the question's type.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pdfmaker import make_pdf

from core.documents import line_key, read_document
from core.parser import parse_file

HEAD = [
    "Antwort",
    "der Bundesregierung",
    "",
    "auf die Kleine Anfrage der Abgeordneten Erika Beispiel, Jonas Muster und der Fraktion DIE LINKE",
    "– Drucksache 20/11990 –",
    "",
    "Förderung von Radschnellwegen durch den Bund",
    "",
]


def _print(style: str) -> list[list[str | tuple[str, str]]]:
    q = lambda line: (line, style)  # noqa: E731 - a question line in the question's type
    return [
        [
            *HEAD,
            q("Vorbemerkung der Fragesteller"),
            q("Der Bund fördert seit dem Jahr 2017 den Bau von Radschnellwegen in den Ländern."),
            "",
            "Vorbemerkung der Bundesregierung",
            "Die Förderung erfolgt nach der Verwaltungsvereinbarung Radschnellwege.",
            "",
            q("1. Wie viele Kilometer Radschnellwege wurden seit dem Jahr 2017 mit Bundesmitteln gebaut?"),
            "Mit Bundesmitteln wurden bislang 112 Kilometer Radschnellwege gebaut.",
            "",
            q("2. Welche Kosten sind dem Bund dadurch entstanden?"),
            q("Die Angaben werden für die Jahre 2022 bis 2024 getrennt erbeten."),
            "Die Kosten beliefen sich im Jahr 2022 auf 21 Mio. Euro, im Jahr 2023 auf 25 Mio. Euro",
            "und im Jahr 2024 auf 31 Mio. Euro.",
            "",
            q("3. In welchen Ländern sind weitere Radschnellwege geplant?"),
            "Weitere Radschnellwege sind in Hessen, Niedersachsen und Bayern geplant. Genannt wurden",
            "1. der Radschnellweg Frankfurt – Darmstadt,",
            "2. der Radschnellweg Göttingen – Rosdorf.",
        ]
    ]


@pytest.mark.parametrize("style", ["small", "bold", "italic"])
def test_questions_in_their_own_type(tmp_path: Path, style: str) -> None:
    pdf = make_pdf(tmp_path / "antwort.pdf", _print(style), header=["Deutscher Bundestag Drucksache 20/12345"])
    styled = read_document(pdf).styled
    assert line_key("2. Welche Kosten sind dem Bund dadurch entstanden?") in styled
    assert line_key("Mit Bundesmitteln wurden bislang 112 Kilometer Radschnellwege gebaut.") not in styled
    doc = parse_file(pdf)
    assert [p.label for p in doc.points] == ["1", "2", "3"]
    assert " ".join(doc.points[1].text.split()) == (
        "Welche Kosten sind dem Bund dadurch entstanden? "
        "Die Angaben werden für die Jahre 2022 bis 2024 getrennt erbeten."
    )
    assert doc.answer is not None
    items = [(item.points, item.text.split()[:3]) for item in doc.answer.items]
    assert items == [
        ([], ["Die", "Förderung", "erfolgt"]),
        (["1"], ["Mit", "Bundesmitteln", "wurden"]),
        (["2"], ["Die", "Kosten", "beliefen"]),
        (["3"], ["Weitere", "Radschnellwege", "sind"]),
    ]
    assert "2. der Radschnellweg Göttingen" in doc.answer.items[3].text  # a list in the answer stays there
    assert doc.reasoning == "Der Bund fördert seit dem Jahr 2017 den Bau von Radschnellwegen in den Ländern."
    assert doc.warnings == []


def test_body_type_alone_sets_nothing_apart(tmp_path: Path) -> None:
    """A PDF in one type has no styled lines: the words decide, as for a text file."""
    pages = [[line if isinstance(line, str) else line[0] for line in page] for page in _print("small")]
    pdf = make_pdf(tmp_path / "plain.pdf", pages)
    assert read_document(pdf).styled == frozenset()

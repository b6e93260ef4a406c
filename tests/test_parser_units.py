"""Pieces of the structure parser: headings, labels, ministries, signatures, warnings."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from core.parser import HEADING, expand_labels, parse_text


@pytest.mark.parametrize(
    ("spec", "context", "labels"),
    [
        ("1.", None, ["1"]),
        ("3. und 4.", None, ["3", "4"]),
        ("1. bis 3.", None, ["1", "2", "3"]),
        ("I. 1.", None, ["I.1"]),
        ("I. 2. und 3.", None, ["I.2", "I.3"]),
        ("II. 1. bis 3.", None, ["II.1", "II.2", "II.3"]),
        ("6, 7, 8 und 10", None, ["6", "7", "8", "10"]),
        ("2 a) und b)", None, ["2a", "2b"]),
        ("a) und b)", "4", ["4a", "4b"]),
        ("2 bis 4", None, ["2", "3", "4"]),
        ("I. bis III.", None, ["I", "II", "III"]),
        ("3.1 und 3.2", None, ["3.1", "3.2"]),  # Bavaria's decimal labels
        ("1.1 bis 1.3", None, ["1.1", "1.2", "1.3"]),
    ],
)
def test_expand_labels(spec: str, context: str | None, labels: list[str]) -> None:
    """Heading label lists expand to the point labels of the contract."""
    assert expand_labels(spec, context) == labels


@pytest.mark.parametrize(
    "line",
    [
        "Zu 1.:",
        "Zu 3. und 4.:",
        "Zu 1. bis 3.:",
        "Zu I. 1.:",
        "Antwort zu 1.:",
        "Antwort zu a) und b):",
        "Zu Frage 2:",
        "Zu den Fragen 6, 7, 8 und 10:",
        "Zu Ziffer 5:",
    ],
)
def test_answer_headings(line: str) -> None:
    """Every heading style of the parliaments is a heading."""
    assert HEADING.match(line)


@pytest.mark.parametrize(
    "line",
    [
        "Zu derzeitigen Projekten im Zusammenhang mit der KI-Allianz wird verwiesen.",
        "Zu den Kosten:",
        "Zum Ende der Projekte",
        "Zur Finanzierung von Projekten wird verwiesen.",
    ],
)
def test_lines_starting_with_zu_are_not_headings(line: str) -> None:
    """A sentence that merely starts with "Zu" is answer text."""
    assert not HEADING.match(line)


MOTION = """Antrag

der Abg. Erika Muster und Max Beispiel u. a. SPD

und

Stellungnahme

des Ministeriums für Verkehr

Radwege an Landesstraßen

Antrag

Der Landtag wolle beschließen,
die Landesregierung zu ersuchen
zu berichten,

1. wie viele Kilometer Radwege an Landesstraßen bestehen;

2. wie viele Kilometer in Planung sind;

3. welche Mittel dafür vorgesehen sind.

3.4.2025

Muster, Beispiel SPD

Begründung

Radwege sind wichtig.
"""

ANSWER = """
Stellungnahme

Mit Schreiben vom 24. April 2025 Nr. VM2-3941-5/12 nimmt das Ministerium für Verkehr im Einvernehmen
mit dem Ministerium für Finanzen und dem Ministerium des Inneren, für Digitalisierung und Kommunen zu
dem Antrag wie folgt Stellung:

1. wie viele Kilometer Radwege an Landesstraßen bestehen;

Zu 1.:

An Landesstraßen bestehen rund 4 100 Kilometer Radwege.

Zu derzeitigen Planungen siehe die Antwort zu Frage 2.

2. wie viele Kilometer in Planung sind;

3. welche Mittel dafür vorgesehen sind.

Zu 2. und 3.:

In Planung sind 350 Kilometer; dafür sind 60 Millionen Euro vorgesehen.

In Vertretung

Dr. Zimmer

Staatssekretär
"""


def test_motion_with_answer() -> None:
    """A BW motion with its Stellungnahme: metadata, points, items, consent with a comma in a name."""
    d = parse_text(MOTION + ANSWER).to_dict()
    assert d["kind"] == "antrag" and d["parliament"] == "BW"
    assert d["originators"] == ["Erika Muster", "Max Beispiel"] and d["factions"] == ["SPD"]
    assert d["submitted"] == "2025-04-03"
    assert [p["label"] for p in d["points"]] == ["1", "2", "3"]
    a = d["answer"]
    assert a["date"] == "2025-04-24" and a["file_number"] == "VM2-3941-5/12"
    assert a["consent"] == [
        "Ministerium für Finanzen",
        "Ministerium des Inneren, für Digitalisierung und Kommunen",
    ]
    assert a["signatory"] == "Dr. Zimmer"
    assert [i["points"] for i in a["items"]] == [["1"], ["2", "3"]]
    assert "Zu derzeitigen Planungen" in a["items"][0]["text"]
    assert "Staatssekretär" not in a["items"][1]["text"] and "Dr. Zimmer" not in a["items"][1]["text"]
    assert d["references"] == [{"number": None, "points": ["2"], "in": "answer:1"}]
    assert d["warnings"] == []


def test_motion_without_answer() -> None:
    """A motion as received has answer null and no warnings about missing answers."""
    d = parse_text(MOTION).to_dict()
    assert d["answer"] is None
    assert d["reasoning"] == "Radwege sind wichtig."
    assert d["ministry"] == "Ministerium für Verkehr"
    assert d["warnings"] == []


def test_warnings_for_missing_and_unknown_answers() -> None:
    """An unanswered point and an answer to a point the print does not have are reported."""
    broken = ANSWER.replace("Zu 2. und 3.:", "Zu 2. und 5.:")
    d = parse_text(MOTION + broken).to_dict()
    text = " | ".join(d["warnings"])
    assert "no answer for point 3" in text
    assert "point 5, which the print does not have" in text


def test_point_answered_twice() -> None:
    """Two answers to the same point are reported."""
    twice = ANSWER.replace("Zu 2. und 3.:", "Zu 1. und 3.:")
    d = parse_text(MOTION + twice).to_dict()
    assert any("answered twice" in w for w in d["warnings"])


def test_empty_and_unstructured_text() -> None:
    """Text with no structure gives an empty print with a warning, not an error."""
    d = parse_text("Dies ist nur ein Satz ohne jede Struktur.").to_dict()
    assert d["points"] == [] and d["answer"] is None
    assert d["warnings"]


BERLIN = """Drucksache 19 / 21 001

Schriftliche Anfrage

der Abgeordneten Eva Beispiel (SPD)

zum Thema:
Schulwegsicherheit

Im Namen des Senats von Berlin beantworte ich Ihre Schriftliche Anfrage wie folgt:

Frage 1:
Wie viele Schulwege wurden geprüft?

Antwort zu 1.:
Es wurden 40 Schulwege geprüft.

Frage 2:
Welche Mängel wurden festgestellt,
a) an Ampeln,
b) an Zebrastreifen?

Antwort zu a) und b):
An Ampeln 12, an Zebrastreifen 5.

Berlin, den 3. März 2025

In Vertretung

Max Mustermann
Senatsverwaltung für Bildung, Jugend und Familie
"""


def test_berlin_relative_sub_labels() -> None:
    """ "Antwort zu a) und b):" after "Frage 2:" answers question 2 (all its sub-questions)."""
    d = parse_text(BERLIN).to_dict()
    assert d["parliament"] == "BE" and d["number"] == "19/21001"
    assert [p["label"] for p in d["points"]] == ["1", "2"]
    assert [i["points"] for i in d["answer"]["items"]] == [["1"], ["2"]]
    assert d["answer"]["signatory"] == "Max Mustermann"
    assert d["answer"]["date"] == "2025-03-03"
    assert d["ministry"] == "Senatsverwaltung für Bildung, Jugend und Familie"
    assert d["warnings"] == []


def test_long_answer_opener() -> None:
    """An opener naming long ministries in its consent clause is still the answer's opener."""
    long_answer = ANSWER.replace(
        "nimmt das Ministerium für Verkehr im Einvernehmen",
        "nimmt das Ministerium für Ernährung, Ländlichen Raum und Verbraucherschutz im Einvernehmen mit dem "
        "Ministerium für Soziales, Gesundheit und Integration sowie",
    )
    d = parse_text(MOTION + long_answer).to_dict()
    assert d["answer"]["file_number"] == "VM2-3941-5/12"
    assert [i["points"] for i in d["answer"]["items"]] == [["1"], ["2", "3"]]


def test_decimal_labels_sort_by_section() -> None:
    from core.labels import label_key

    assert sorted(["2.1", "1.10", "1.2", "10.1"], key=label_key) == ["1.2", "1.10", "2.1", "10.1"]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("20. Wahlperiode 2025-05-06", "2025-05-06"),  # Schleswig-Holstein: ISO dates
        ("Landtag 12.03.24", "2024-03-12"),  # Bremen: two-digit year in the header
        ("21. Wahlperiode 09.10.18", "2018-10-09"),  # Hamburg
        ("15.05.2025", "2025-05-15"),
        ("21. Wahlperiode", None),
        ("Landtag 31.02.24", None),
    ],
)
def test_header_dates(text: str, day: str | None) -> None:
    from core.head import header_date

    found = header_date(text)
    assert (found.isoformat() if found else None) == day


@pytest.mark.parametrize(
    ("name", "nominative"),
    [
        ("des Ministers für Wirtschaft, Energie und Verkehr", "Ministerium für Wirtschaft, Energie und Verkehr"),
        ("der Ministerin für Kinder und Jugend", "Ministerium für Kinder und Jugend"),
        ("des Ministers der Finanzen", "Ministerium der Finanzen"),
        ("Senats", "Senat"),
        ("dem Staatsminister für Kultus", "Staatsministerium für Kultus"),
        (
            "des Niedersächsischen Ministeriums für Inneres und Sport",
            "Niedersächsisches Ministerium für Inneres und Sport",
        ),
    ],
)
def test_nominative_names_the_house(name: str, nominative: str) -> None:
    """The office signs for its house: "des Ministers für X" is the "Ministerium für X"."""
    from core.head import nominative as to_nominative

    assert to_nominative(name) == nominative


def test_footnote_citation_stands_where_its_marker_stood() -> None:
    """A print cited in a footnote is a reference of the answer whose text carries the marker."""
    text = "\n".join(
        [
            "Ich frage die Landesregierung:",
            "1. Wie viele Anträge wurden gestellt?",
            "2. Wie viele wurden bewilligt?",
            "",
            "Mit Schreiben vom 3. März 2025 Nr. 1-0141.5/12 beantwortet das Ministerium für Verkehr die"
            " Kleine Anfrage wie folgt:",
            "",
            "Zu 1.:",
            "Es wurden 41 Anträge gestellt.",
            "",
            "Zu 2.:",
            "Bewilligt wurden 38 Anträge, wie im Vorjahr berichtet.1",
            "",
            "1 Vgl. Drucksache 17/4410.",
        ]
    )
    doc = parse_text(text)
    assert [(r.number, r.where) for r in doc.references] == [("17/4410", "answer:2")]
    assert (
        doc.answer is not None and doc.answer.items[1].text == "Bewilligt wurden 38 Anträge, wie im Vorjahr berichtet."
    )


def test_first_characters_before_the_patterns() -> None:
    """The parser asks a paragraph's first character (core.vocabulary's *_FIRST) before the pattern:
    each holds every character the pattern's first letters match ignoring case, and a paragraph that
    starts with another one is never matched (the paragraphs of the fixtures, random strings)."""
    import random
    import re
    import sys

    from conftest import FIXTURES

    from core import vocabulary as v
    from core.cleanup import clean

    pairs = {
        v.REASONING_START: (v.REASONING_START_FIRST, "bv"),
        v.PREFACE_START: (v.PREFACE_START_FIRST, "v"),
        v.HEADING: (v.HEADING_FIRST, "az"),
        v.COMBINED: (v.COMBINED_FIRST, "d"),
        v.FRAGE: (v.FRAGE_FIRST, "f"),
        v.ANSWER_PREFIX: (v.ANSWER_PREFIX_FIRST, "a"),
    }
    for first, letters in pairs.values():
        letter = re.compile(f"[{letters}]", re.IGNORECASE)
        assert {c for c in map(chr, range(sys.maxunicode + 1)) if letter.match(c)} == set(first)
    paras = [p for f in sorted(FIXTURES.glob("*.txt")) for p in clean(f.read_text(encoding="utf-8")).paragraphs]
    rnd = random.Random(17)
    starts = ["Antwort zu ", "Antwort: ", "auf ", "Zu ", "zu ", "Die Fragen 1 und 2 werden gemeinsam beantwortet. "]
    starts += ["Frage 1: ", "Begründung: ", "Vorbemerkung der Landesregierung: ", "Vorbemerkung der Fragesteller"]
    starts += ["ANTWORT ZU ", "ſ", "İ", "K", "x", " ", "", "1. ", "die Fragen 3 bis 4 werden zusammen beantwortet."]
    texts = paras + [
        rnd.choice(starts) + rnd.choice(starts) + rnd.choice(["1:", "2.", "3 a):", "x", ""]) for _ in range(3000)
    ]
    texts += [s[1:] for s in texts[-3000:]]
    for pattern, (first, _) in pairs.items():
        for p in texts:
            if p[:1] not in first:
                assert pattern.match(p) is None, (pattern.pattern[:30], p)


@given(st.text(alphabet="ab cäß.Ä1", max_size=40), st.text(alphabet="ab cäß.Ä1", max_size=40))
def test_similar_as_the_counters_intersection(a: str, b: str) -> None:
    """core.similarity.similar counts the words in common over the common words only: the same number,
    to the bit, as the plain intersection of the two texts' word counts."""
    from core.similarity import similar, word_counts

    wa, wb = word_counts(a), word_counts(b)
    total = sum(wa.values()) + sum(wb.values())
    assert similar(a, b) == (2 * sum((wa & wb).values()) / total if total else 0.0)


@given(
    st.lists(
        st.sampled_from(
            [
                "Ich frage die Landesregierung",
                "Der Landtag wolle beschließen",
                "Vor diesem Hintergrund ",
                "fragen wir",
                " den Senat",
                "Anfrage",
                "FRAGE",
                "beſchließen",
                "ı",
                "İ",
                "ſ",
                " ",
                "x" * 70,
                "Wir ",
                "frag",
                ":",
            ]
        ),
        max_size=10,
    ).map("".join)
)
@example("Der Landtag wolle beſchließen" + "x" * 70 + "frag")  # found by the plain search only
@example("Der Landtag möge beschlıeßen" + "x" * 70 + "Anfrage")
def test_question_opener_searched_near_its_words(p: str) -> None:
    """_opens_questions, which searches only around "frag" and "beschließen", says what a search of
    the whole paragraph says."""
    from core.parser import _may_open, _opens_questions
    from core.vocabulary import QUESTION_OPENER

    assert _opens_questions(p) == (_may_open(p) and QUESTION_OPENER.search(p) is not None), p


def test_question_opener_narrower_than_its_window() -> None:
    """Every QUESTION_OPENER match is shorter than _OPENER_WIDTH and holds "frag" or "beschließen", whose
    letters `re` matches in any case only with characters that lower-case to them or that send the
    paragraph to the plain search."""
    import re
    import sys

    from core.parser import _OPENER_WIDTH, _OPENER_WORDS
    from core.vocabulary import QUESTION_OPENER, VOCABULARY

    assert re._parser.parse(QUESTION_OPENER.pattern, QUESTION_OPENER.flags).getwidth()[1] < _OPENER_WIDTH
    for words in VOCABULARY.values():
        for opener in words.get("question_openers", []):
            required = re.sub(r"\(\?:[^()]*\)\?", "", opener).lower()  # without its optional parts
            assert any(word in required for word in _OPENER_WORDS), opener
    letters = {c for word in _OPENER_WORDS for c in word}
    for c in map(chr, range(sys.maxunicode + 1)):
        for letter in letters:
            if re.fullmatch(letter, c, re.IGNORECASE):
                assert c.lower() == letter or c in "ſı" or len(c.lower()) != 1, hex(ord(c))

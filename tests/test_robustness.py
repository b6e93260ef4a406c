"""Property tests: no text, however random, truncated or mangled, makes the parser raise."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FIXTURES, sample
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.cleanup import clean
from core.parser import parse_text

TEXTS = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]

# Characters and fragments that the parser's patterns care about, to steer random text into them.
FRAGMENTS = st.sampled_from(
    [
        "Zu 1.:",
        "Zu 3. und 4.:",
        "Zu I. 1.:",
        "Antwort zu a) und b):",
        "Zu den Fragen 6, 7 und 10:",
        "Frage 2:",
        "Antwort:",
        "1. ",
        "II. ",
        "a) ",
        "Drucksache 17/9075",
        "Drs. 17 / 1",
        "Ziffer 3",
        "vgl. zu Ziffer 2",
        "Der Landtag wolle beschließen,",
        "Ich frage die Landesregierung:",
        "Begründung",
        "Stellungnahme",
        "Mit Schreiben vom 1. September 2025 Nr. X-1/2 nimmt das Ministerium für Y im Einvernehmen mit dem Z "
        "zu dem Antrag wie folgt Stellung:",
        "Die Fragen 2 bis 4 werden gemeinsam beantwortet.",
        "\n",
        "\n\n",
        "\f",
        "-\n",
        "In Vertretung",
        "Ministerin für Kultus",
        "8.8.2025",
        "Eingegangen: 1.1.2025",
        "(",
        ")",
        "*",
        "–",
    ]
)


def _check(text: str) -> None:
    d = parse_text(text).to_dict()
    json.dumps(d)  # the result is always serialisable
    assert d["schema"] == "ziffer.print/1"
    assert isinstance(d["points"], list) and isinstance(d["warnings"], list)
    labels = [p["label"] for p in d["points"]]
    assert len(labels) == len(set(labels)), labels  # the register stores one point per label


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_random_text_never_raises(text: str) -> None:
    """Arbitrary Unicode text parses to a valid (if empty) print."""
    _check(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(FRAGMENTS, st.text(max_size=30)), max_size=60).map("".join))
def test_structured_noise_never_raises(text: str) -> None:
    """Random sequences of headings, labels, openers and noise never make the parser raise."""
    _check(text)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(TEXTS), st.data())
def test_truncated_documents_never_raise(text: str, data: st.DataObject) -> None:
    """Every fixture cut at any two places (a file broken off, a page missing) still parses."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    _check(text[:start])
    _check(text[start:end])
    _check(text[:start] + text[end:])


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(TEXTS), st.integers(0, 10_000), st.sampled_from(["\f", "\n", "-\n", "", "Zu 9.:\n"]))
def test_mangled_documents_never_raise(text: str, at: int, insert: str) -> None:
    """Page breaks, line breaks and stray headings inserted anywhere never make the parser raise."""
    at = at % (len(text) + 1)
    _check(text[:at] + insert + text[at:])


@pytest.mark.real_documents
@settings(max_examples=100, deadline=None)
@given(st.data(), st.sampled_from(["\f", "\n", "-\n", "", "Zu 9.:\n"]))
def test_real_motion_truncated_or_mangled_never_raises(data: st.DataObject, insert: str) -> None:
    """The real KI-Allianz text, cut anywhere or with a break or heading inserted, still parses."""
    text = sample("antrag-stellungnahme-ki-allianz-bw.txt").read_text(encoding="utf-8")
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    _check(text[:start] + text[end:])
    _check(text[:start] + insert + text[start:])


def test_huge_and_pathological_inputs() -> None:
    """Very long lines, thousands of points and deep nesting finish and do not raise."""
    _check("Ich frage die Landesregierung:\n\n" + "\n\n".join(f"{i}. Frage {i}?" for i in range(1, 3000)))
    _check("Zu 1.:" * 20_000)
    _check("a" * 500_000)
    _check("1. " * 50_000)
    _check("-\n" * 50_000)
    _check("\n\n".join(f"{i % 7 + 1}. Wie viele {i}?" for i in range(5_000)))  # alignment stays near-linear
    clean("\f" * 10_000)


def test_fixture_files_are_utf8() -> None:
    """The fixtures are UTF-8 text (the suite reads them that way)."""
    for p in Path(FIXTURES).glob("*.txt"):
        p.read_text(encoding="utf-8")

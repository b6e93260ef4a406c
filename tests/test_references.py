"""Citations: other prints with the points named, points of the same print, and what is not one."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.references import Citation, find_citations

Cites = list[tuple[str | None, tuple[str, ...]]]


def _cites(text: str) -> Cites:
    return [(c.number, c.points) for c in find_citations(text)]


# --- other prints ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Entwicklung ist in der Stellungnahme zu Drucksache 17/3318 dargestellt.", [("17/3318", ())]),
        ("Drucksachen 17/1 und 17/2", [("17/1", ()), ("17/2", ())]),
        ("Drs. 17/3, 17/4 und 17/5", [("17/3", ()), ("17/4", ()), ("17/5", ())]),
        ("(Drucksache 17/100)", [("17/100", ())]),
        ("Vorlagen 130/2022 und 045/2023", [("130/2022", ()), ("045/2023", ())]),
        ("Drucksache 18/20 455", [("18/20455", ())]),
    ],
)
def test_every_print_number_is_a_citation(text: str, expected: Cites) -> None:
    """Each print number next to a print word is cited, a list gives one citation per number."""
    assert _cites(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("zu den Ziffern 3 und 4 in Drucksache 17/9075", [("17/9075", ("3", "4"))]),
        ("Ziffer II.2 der Drucksache 17/9075", [("17/9075", ("II.2",))]),
        ("Ziffer II. 2. der Drucksache 17/9075", [("17/9075", ("II.2",))]),
        ("die Antwort auf Frage 5 der Kleinen Anfrage Drucksache 17/1234", [("17/1234", ("5",))]),
        ("zu den Fragen 1 bis 3 in Drucksache 19/5", [("19/5", ("1", "2", "3"))]),
        ("die Ziffern 1, 2 und 5 der Drucksache 17/1", [("17/1", ("1", "2", "5"))]),
        ("Nummer 4 der Drucksache 17/1", [("17/1", ("4",))]),
        ("Nr. 4 in Drucksache 17/1", [("17/1", ("4",))]),
        ("Ziffer 8 a) der Drucksache 17/1", [("17/1", ("8a",))]),
        ("Ziffer 8a der Drucksache 17/1", [("17/1", ("8a",))]),
        ("Ziffer II der Drucksache 17/1", [("17/1", ("II",))]),
        ("Ziffer I.1 der Drucksache 17/1", [("17/1", ("I.1",))]),
        ("Frage 2 (Drucksache 17/1)", [("17/1", ("2",))]),
        ("vgl. Ziffer 3 des Antrags der Fraktion GRÜNE (Drucksache 17/1)", [("17/1", ("3",))]),
        (
            "Frage 2 der Kleinen Anfrage des Abg. Peter Seimer GRÜNE, Drucksache 17/1234",
            [("17/1234", ("2",))],
        ),
        ("Frage 3 der Fraktion der FDP/DVP (Drucksache 17/55)", [("17/55", ("3",))]),
        ("siehe Frage 3 in Drs. 17/1 und Frage 4 in Drs. 17/2", [("17/1", ("3",)), ("17/2", ("4",))]),
        (
            "Wie bereits zu Ziffer 3 der Drucksache 17/6120 ausgeführt, werden die Mittel bereitgestellt.",
            [("17/6120", ("3",))],
        ),
        (
            "Bereits in ihrer Stellungnahme zu Ziffer 2 der Drucksache 17/4410 hat die Landesregierung eingeräumt",
            [("17/4410", ("2",))],
        ),
    ],
)
def test_points_before_the_print(text: str, expected: Cites) -> None:
    """Point words right before the print in the same phrase give its point labels."""
    assert _cites(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Drucksache 17/9075, Ziffer 3", [("17/9075", ("3",))]),
        ("Drucksache 17/9075 zu Ziffer 3", [("17/9075", ("3",))]),
        ("vgl. Drucksache 17/9075 (Fragen 2 und 3)", [("17/9075", ("2", "3"))]),
        ("BT-Drucksache 20/1234, Frage 7", [("20/1234", ("7",))]),
    ],
)
def test_points_after_the_print(text: str, expected: Cites) -> None:
    """Point words right after the print ('Drucksache 17/9075, Ziffer 3') attach to it too."""
    assert _cites(text) == expected


def test_bundestag_citation_and_span() -> None:
    """A BT print is marked and the span covers the point words and the number."""
    text = "Auch Frage 3 der BT-Drucksache 20/8850 zeigt das."
    assert find_citations(text) == [Citation("20/8850", ("3",), "BT", 5, 38)]
    assert text[5:38] == "Frage 3 der BT-Drucksache 20/8850"


def test_points_attach_to_the_first_of_a_list_only() -> None:
    """'Ziffer 3 der Drucksachen 17/1 und 17/2' names points of the first print only."""
    assert _cites("Ziffer 3 der Drucksachen 17/1 und 17/2") == [("17/1", ("3",)), ("17/2", ())]


def test_points_not_attached_across_a_sentence() -> None:
    """A heading after the print ('Zu Frage 1:') is not a point of that print."""
    assert _cites("Drucksache 17/1234\n\nZu Frage 1:") == [("17/1234", ())]
    assert _cites("Die Drucksache 17/1234 liegt vor. Zu Frage 1: Ja.") == [("17/1234", ())]
    assert _cites("Zu Frage 2 hat die Landesregierung in Drucksache 17/1 berichtet.") == [("17/1", ())]
    assert _cites("Nr. 4 Drucksache 17/1") == [("17/1", ())]


# --- the same print ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("vgl. zu Ziffern 1 und 2", [(None, ("1", "2"))]),
        ("vgl. Ziffer 3", [(None, ("3",))]),
        ("Vgl. Ziffer 3.", [(None, ("3",))]),
        ("Siehe Antwort zu Frage 3", [(None, ("3",))]),
        ("siehe die Antwort zu den Fragen 2 und 3", [(None, ("2", "3"))]),
        ("Im Übrigen wird auf die Antwort zu Frage 4 verwiesen.", [(None, ("4",))]),
        ("es wird auf die Antwort zu Frage 4 verwiesen", [(None, ("4",))]),
        ("Insoweit wird auf die Ausführungen zu Ziffer 1 verwiesen.", [(None, ("1",))]),
        ("s. o. zu Ziffer 2", [(None, ("2",))]),
        ("Auf die Stellungnahme zu Ziffer 5 wird verwiesen.", [(None, ("5",))]),
        ("Auf die Ausführungen zu Ziffer I. 1. wird verwiesen.", [(None, ("I.1",))]),
        ("Zum Zustand der Radwege wird auf die Antwort zu Frage 2 verwiesen.", [(None, ("2",))]),
        ("Es wird auf die Ziffern 1, 2 und 5 Bezug genommen.", [(None, ("1", "2", "5"))]),
        ("vgl. Ziffern II. 1 und 2", [(None, ("II.1", "II.2"))]),
        ("vgl. Fragen I bis III", [(None, ("I", "II", "III"))]),
        ("vgl. Ziffer 8 a) und b)", [(None, ("8a", "8b"))]),
        ("vgl. Fragen 8a bis 8c", [(None, ("8a", "8b", "8c"))]),
        ("vgl. Fragen 2–4", [(None, ("2", "3", "4"))]),
        ("vgl. zu 1.", [(None, ("1",))]),
        ("Siehe Antwort zu 3.", [(None, ("3",))]),
    ],
)
def test_same_print_citations(text: str, expected: Cites) -> None:
    """Point words with a referring word in the sentence cite the same print (number None)."""
    assert _cites(text) == expected


def test_answer_heading_cites_only_the_other_point() -> None:
    """In 'Zu Frage 2: … zu Frage 1 verwiesen' only Frage 1 is cited."""
    assert _cites("Zu Frage 2: Es wird auf die Antwort zu Frage 1 verwiesen.") == [(None, ("1",))]
    assert _cites("Zu Ziffer 4 wird auf die Stellungnahme zu Ziffer 1 verwiesen.") == [(None, ("1",))]


def test_same_print_span() -> None:
    """The span of a same-print citation covers the point words and labels."""
    text = "Siehe die Antwort zu den Fragen 2 und 3."
    assert find_citations(text) == [Citation(None, ("2", "3"), None, 25, 39)]
    assert text[25:39] == "Fragen 2 und 3"


def test_mixed_paragraph_in_text_order() -> None:
    """Citations of other prints and of the same print come back in text order."""
    text = (
        "Wie bereits zu Ziffer 3 der Drucksache 17/6120 ausgeführt, werden die Mittel bereitgestellt. "
        "Im Übrigen wird auf die Stellungnahme zu Ziffer 1 verwiesen; "
        "siehe auch BT-Drucksache 20/8850."
    )
    assert _cites(text) == [("17/6120", ("3",)), (None, ("1",)), ("20/8850", ())]
    assert [c.parliament for c in find_citations(text)] == [None, None, "BT"]


# --- not citations ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Zu 1.:",
        "Zu 3. und 4.:",
        "Zu Frage 2:",
        "Zu den Fragen 2 und 3:",
        "Zu I. 1.:",
        "Die Fragen 2 bis 4 werden wegen des Sachzusammenhangs gemeinsam beantwortet.",
        "Ziffer 3 des § 5",
        "vgl. Ziffer 3 des § 5",
        "§ 5 Absatz 1 Ziffer 3 LHO",
        "vgl. § 5 Absatz 1 Ziffer 3 LHO",
        "siehe § 54 (3) GOLT",
        "Nr. 3 der Verwaltungsvorschrift",
        "vgl. Nr. 3 der Verwaltungsvorschrift",
        "vgl. Ziffer 4 des Koalitionsvertrags",
        "Mit Schreiben vom 1. September 2025 Nr. WM36-43-99/161 nimmt das Ministerium Stellung, vgl.",
        "vgl. Nr. 36-43-99/161",
        "Die Frist endet am 8.8.2025, vgl. das Schreiben vom 28.05.2025.",
        "vgl. Frage 8.8.2025",
        "Die Kosten betragen 5,3 Mio. EUR, siehe die Übersicht.",
        "siehe Ziffer 5,3 Mio. EUR",
        "vgl. 17/9075 und https://x.de/17/9075",
        "Die Landesregierung wird ersucht, zu Ziffer 3 zu berichten.",
        "3. zu berichten, wie sich die Zahl entwickelt hat;",
        "Wir fragen die Landesregierung:",
        "Tagesordnungspunkt 3, vgl. oben",
    ],
)
def test_not_citations(text: str) -> None:
    """Headings, law parts, file numbers, dates, money and bare numbers are no citation."""
    assert find_citations(text) == []


# --- robustness -------------------------------------------------------------------------------------------


@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    """Arbitrary text never makes finding citations raise, and spans stay inside the text."""
    for c in find_citations(text):
        assert 0 <= c.start < c.end <= len(text)
        assert c.number is not None or c.points


@given(
    st.lists(
        st.sampled_from(
            [
                "vgl.",
                "Ziffer",
                "Ziffern",
                "Frage",
                "Nr.",
                "zu",
                "der",
                "Drucksache",
                "Drs.",
                "BT-Drs.",
                "17/9075",
                "3",
                "II.",
                "2.",
                "8 a)",
                "b)",
                "und",
                "bis",
                ",",
                ":",
                ".",
                "§",
                "5",
                "siehe",
                "verwiesen",
                "\n\n",
                "Zu",
                "–",
                "-",
                "/",
                "I",
                "1234",
                "(",
                ")",
                "Antwort",
                "LHO",
            ]
        ),
        max_size=40,
    )
)
@settings(max_examples=500)
def test_never_raises_on_citation_like_text(tokens: list[str]) -> None:
    """Text assembled from citation vocabulary never makes finding raise; points are clean labels."""
    text = " ".join(tokens)
    for c in find_citations(text):
        assert 0 <= c.start < c.end <= len(text)
        assert all(p and not p.endswith(".") for p in c.points)


@pytest.mark.parametrize(
    "text",
    [
        "1/1 " * 250_000,
        "1234567890/" * 95_000,
        "/" * 1_000_000,
        "7" * 1_000_000,
        " " * 1_000_000,
        "Drucksache " * 95_000,
        "Zu Frage 2: " * 20_000,
        "vgl. Ziffer 1, " * 20_000,
        "Ziffer " + "1, " * 330_000,
        ("vgl. Ziffer 3" + " Fraktion A der" * 10 + " x Drucksache 17/1 ") * 2_000,
    ],
    ids=[
        "fractions",
        "digits-slashes",
        "slashes",
        "digits",
        "spaces",
        "print-words",
        "headings",
        "vgl",
        "list",
        "backtracking-gap",
    ],
)
def test_one_megabyte_is_fast(text: str) -> None:
    """Large inputs are handled in linear time (measured: well under 0.5 s each)."""
    t0 = time.perf_counter()
    find_citations(text)
    assert time.perf_counter() - t0 < 5.0


# --- the words each search needs ----------------------------------------------------------------------


def test_searches_skipped_only_where_they_cannot_match() -> None:
    """Print words, point words and bare leads are searched only in a text whose lower-cased form holds
    a part of them (core.numbers, core.references): that part's letters must have no other case-
    insensitive match in `re` than their own upper and lower case, as "i" has "ı" and "İ", "k" the
    Kelvin sign and "s" the long s. Every character is tried."""
    import re
    import sys

    from core.references import _POINT_HINTS

    letters = set("".join(_POINT_HINTS) + "dr" + "vorlage" + "zu" + "unter")
    allowed = {c: {c, c.upper()} for c in letters}
    pattern = re.compile("[" + "".join(sorted(letters)) + "]", re.IGNORECASE)
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        if pattern.fullmatch(ch):
            assert any(ch in same for same in allowed.values()), f"{ch!r} matches a hint's letter in re"
            assert len(ch.lower()) == 1 and ch.lower() in letters, f"{ch!r} lower-cases to {ch.lower()!r}"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Drucksache",
                "Drs.",
                "DRS",
                "vorlage",
                "Ziffer",
                "ZİFF.",
                "Zıffern",
                "Nr.",
                "NRN.",
                "Nummer",
                "Frage",
                "PUNKTEN",
                "Punkte",
                "vgl.",
                "siehe",
                "Antwort",
                "zu",
                "ZU",
                "unter",
                "ſiehe",
                "17/9",
                "3",
                "II.",
                " ",
                ", ",
                "und",
                "a)",
                "\n",
                "K",
                "ı",
                "İ",
                "/",
                "024/2024",
                "x",
                "v",
                "b)",
                "ii",
            ]
        ),
        max_size=20,
    ).map("".join)
)
def test_skipping_a_search_loses_no_citation(text: str) -> None:
    """Where a search is skipped, it would have found nothing: every print number the print words'
    search finds needs "/" and a hint, every phrase with labels the point words' or bare leads'
    search finds needs a digit or Roman numeral and a hint or _LEAD_END."""
    from core.numbers import _PRINT_WORD, _number_after_word
    from core.references import _BARE_LEAD, _LABEL_CHAR, _LEAD_END, _POINT_HINTS, _POINT_WORD, _parse_labels

    low = text.lower()
    if any(_number_after_word(text, m, m.end()) for m in _PRINT_WORD.finditer(text)):
        assert "/" in text and ("dr" in low or "vorlage" in low)
    for pattern in (_POINT_WORD, _BARE_LEAD):
        for m in pattern.finditer(text):
            if _parse_labels(text, m.end())[0]:
                assert _LABEL_CHAR.search(text)
                if pattern is _POINT_WORD:
                    assert any(hint in low for hint in _POINT_HINTS)
                else:
                    assert ("zu" in low or "unter" in low) and _LEAD_END.search(text)


# The search patterns of core.references as they read plainly; core.references matches their first
# letter case-sensitively among all characters `re` takes for it, so that `re` can skip ahead.
_PLAIN = {
    "_POINT_WORD": (
        r"(?=[ZzNnFfPp])(?<![\w\-])(?P<w>Ziffern?|Ziff\.|Nummern?|Nrn?\.|Fragen?|Punkte?n?)(?:\s?Nr\.)?(?![a-zäöüß])"
        r"\s{0,3}"
    ),
    "_BARE_LEAD": (
        r"(?=[VvSsAaDd])(?<![\w])(?:(?:vgl\.|vergleiche|siehe|s\.\s?[ou]\.|s\.)\s{1,3}"
        r"(?:(?:auch|hierzu|dazu|oben|unten|bereits)\s{1,3}){0,2}(?:(?:die|den|der)\s{1,3})?"
        r"(?:(?:Antworten|Antwort|Ausführungen|Stellungnahme|Darstellung)\s{1,3})?"
        r"|(?:Antworten|Antwort|Ausführungen|Stellungnahme|Darstellung)\s{1,3})"
        r"(?:zu|unter)\s{1,3}(?=[0-9IVX])"
    ),
    "_LEAD_END": r"(?:zu|unter)\s{1,3}(?=[0-9IVX])",
    "_REFERRER": (
        r"(?=[VvSsBbAaDdEe])(?<![\w])(?:vgl\.|vergleiche|siehe|s\.\s?[ou]\.|s\.(?=\s)|verwiesen|verweisen|verweist"
        r"|verweise|Verweis|Verweise|Verweises|Bezug|bezugnehmend|Bezugnahme|Ausführungen|ausgeführt|dargestellt"
        r"|dargelegt|erläutert|(?:Antworten|Antwort|Stellungnahme)\s{1,3}zu)(?![\w])"
    ),
}
_WORDS = [
    *"vgl. VGL. vergleiche siehe ſiehe s. S. s.u. ſ. auch hierzu die Antwort Antworten ANTWORT Ausführungen".split(),
    *"Stellungnahme Darstellung zu ZU unter 3 II i x verwiesen Verweis verweise Verweises Bezug bezugnehmend".split(),
    *"Bezugnahme ausgeführt dargestellt dargelegt erläutert Ziffer Ziff. zıff. Nummer Nr. nrn. Frage Punkten".split(),
    *"- _ . a ä İ K Nr".split(),
    *[" ", "  ", "\n", "s. o."],
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=10).map("".join))
def test_search_patterns_match_as_the_plain_ones(text: str) -> None:
    """Every match of the patterns written for speed is the plain pattern's: span and groups."""
    import re

    import core.references as refs

    for name, plain in _PLAIN.items():
        fast = getattr(refs, name)
        expected = [(m.span(), m.groupdict()) for m in re.finditer(plain, text, re.IGNORECASE)]
        assert [(m.span(), m.groupdict()) for m in fast.finditer(text)] == expected, name


def test_search_patterns_on_the_fixtures() -> None:
    """… and on the text of every fixture print."""
    import re

    from conftest import FIXTURES

    import core.references as refs

    for path in sorted(FIXTURES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for name, plain in _PLAIN.items():
            expected = [(m.span(), m.groupdict()) for m in re.finditer(plain, text, re.IGNORECASE)]
            assert [(m.span(), m.groupdict()) for m in getattr(refs, name).finditer(text)] == expected, (name, path)


def _phrases_both_ways(text: str) -> None:
    """_find_phrases tries the point words only where one can start (core.numbers.anchored_starts):
    the same phrases as searching for them everywhere."""
    from unittest import mock

    import core.references as refs

    text += " Text" * 400  # a paragraph's length: in a text this short the anchors are searched as a whole
    fast = refs._find_phrases(text, [])
    with mock.patch.object(refs, "anchored_starts", lambda *_: None):
        assert refs._find_phrases(text, []) == fast


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*_WORDS, "3", "4.", "II.", "ff", "Ziff", "zi", "f", "n"]), max_size=12).map("".join))
def test_point_words_tried_where_they_can_start(text: str) -> None:
    _phrases_both_ways(text)


def test_point_words_tried_where_they_can_start_every_spelling() -> None:
    import itertools

    words = "Ziffer Ziffern Ziff. ZIFFER zıffer ZİFF. Nummer Nummern Nr. Nrn. nr. Frage Fragen FRAGE Punkt Punkte"
    for before, word, after in itertools.product(
        ["", " ", "(", "x", "-", "\n", "vgl. "],
        [*words.split(), "Punkten", "PUNKT"],
        [" 3", "3.", " II. 2", "n 3", " Nr. 5", " a)", " 3 und Ziffer 4", " 3, Nr. 4 bis Punkt 6", " 3-43-99/161"],
    ):
        _phrases_both_ways(f"{before}{word}{after} und {word}{after}")


def test_point_words_tried_where_they_can_start_on_the_fixtures() -> None:
    from conftest import FIXTURES

    for path in sorted(FIXTURES.glob("*.txt")):
        for para in path.read_text(encoding="utf-8").split("\n\n"):
            _phrases_both_ways(para)

"""Print numbers: every spelling in use normalises to one, and nothing else is taken for one."""

from __future__ import annotations

import itertools
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.numbers import (
    DRUCKSACHE,
    VORLAGE,
    NumberMatch,
    PrintNumber,
    find_print_numbers,
    format_print_number,
    normalise_print_number,
    parse_print_number,
)

SPELLINGS = [
    ("Drucksache 17 / 9075", "17/9075"),
    ("Drucksache 17/9075", "17/9075"),
    ("Drs. 17/9075", "17/9075"),
    ("Drs 17/9075", "17/9075"),
    ("Drs.17/9075", "17/9075"),
    ("LT-Drs. 17/9075", "17/9075"),
    ("LT Drs. 17/9075", "17/9075"),
    ("LT-Drucksache 17/9075", "17/9075"),
    ("Landtagsdrucksache 17/9075", "17/9075"),
    ("Landtags-Drucksache 17/9075", "17/9075"),
    ("Drucksache Nr. 17/9075", "17/9075"),
    ("Drucksachennummer 17/9075", "17/9075"),
    ("drucksache 17/9075", "17/9075"),
    ("DRUCKSACHE 17/9075", "17/9075"),
    ("BT-Drucksache 20/1234", "20/1234"),
    ("BT-Drs. 20/1234", "20/1234"),
    ("Bundestagsdrucksache 20/1234", "20/1234"),
    ("Bundestags-Drucksache 20/1234", "20/1234"),
    ("18/20 455", "18/20455"),
    ("Drucksache 18/20 455", "18/20455"),
    ("Drucksache 18/20\u00a0455", "18/20455"),
    ("Drucksache 18/20\u202f455", "18/20455"),
    ("Drucksache\u00a017\u202f/\u202f9075", "17/9075"),
    ("17/9075", "17/9075"),
    ("17 / 9075", "17/9075"),
    ("  17/9075  ", "17/9075"),
    ("Drucksache 17/9075.", "17/9075"),
    ("Drucksache 5/12", "5/12"),
    ("Vorlage 024/2024", "024/2024"),
    ("Vorlage Nr. 24/2024", "024/2024"),
    ("Beschlussvorlage 130/2022", "130/2022"),
    ("024/2024", "024/2024"),
    ("1234/2024", "1234/2024"),
]


@pytest.mark.parametrize(("text", "expected"), SPELLINGS)
def test_every_spelling_normalises(text: str, expected: str) -> None:
    """Each spelling in use gives the one normalised number."""
    assert normalise_print_number(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Drucksache 17/9075", PrintNumber(17, 9075)),
        ("BT-Drucksache 20/1234", PrintNumber(20, 1234, DRUCKSACHE, "BT")),
        ("BT-Drs. 20/1234", PrintNumber(20, 1234, DRUCKSACHE, "BT")),
        ("Bundestagsdrucksache 20/1234", PrintNumber(20, 1234, DRUCKSACHE, "BT")),
        ("LT-Drs. 17/9075", PrintNumber(17, 9075)),
        ("Vorlage 024/2024", PrintNumber(2024, 24, VORLAGE)),
        ("1234/2024", PrintNumber(2024, 1234, VORLAGE)),
        ("1/2025", PrintNumber(1, 2025)),
    ],
)
def test_parse_gives_fields(text: str, expected: PrintNumber) -> None:
    """Term, number, series and parliament come out of the spelling."""
    assert parse_print_number(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "Drucksache",
        "Drucksache 17",
        "8.8.2025",
        "28.05.2025",
        "5,3 Mio. EUR",
        "§ 61/2",
        "§ 54 (3) GOLT",
        "https://x.de/17/9075",
        "0/12",
        "17/0",
        "123/45",
        "17/1234567",
        "Drucksache 024/2024",
        "Vorlage 17/9075",
        "BR-Drs. 12/24",
        "Drucksache 17/9075 und 17/9076",
        "17/9075 Seite 2",
        "WM36-43-99/161",
    ],
)
def test_parse_rejects_non_numbers(text: str) -> None:
    """Dates, money, paragraphs, URLs, file numbers and implausible values are no print number."""
    assert parse_print_number(text) is None
    assert normalise_print_number(text) is None


def test_str_is_the_normalised_spelling() -> None:
    """str() writes WP/NR; a Vorlage gets its number zero-padded to three digits."""
    assert str(PrintNumber(17, 9075)) == "17/9075"
    assert str(PrintNumber(18, 20455)) == "18/20455"
    assert str(PrintNumber(2024, 24, VORLAGE)) == "024/2024"
    assert str(PrintNumber(2024, 1234, VORLAGE)) == "1234/2024"


def test_format_styles() -> None:
    """Short is the bare number, long adds the print word (BT-Drucksache, Vorlage)."""
    assert format_print_number(PrintNumber(17, 9075)) == "17/9075"
    assert format_print_number(PrintNumber(17, 9075), "long") == "Drucksache 17/9075"
    assert format_print_number(PrintNumber(20, 1234, parliament="BT"), "long") == "BT-Drucksache 20/1234"
    assert format_print_number(PrintNumber(2024, 24, VORLAGE), "long") == "Vorlage 024/2024"
    assert format_print_number(PrintNumber(2024, 24, VORLAGE), "short") == "024/2024"


def test_format_unknown_style_is_an_error() -> None:
    """An unknown style is a programming error, not silently the short form."""
    with pytest.raises(ValueError):
        format_print_number(PrintNumber(17, 9075), "fancy")


def _found(text: str) -> list[str]:
    return [str(m.number) for m in find_print_numbers(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Stellungnahme zu Drucksache 17/3318 ist ausführlich.", ["17/3318"]),
        ("wie in Drs. 17/9075 dargelegt", ["17/9075"]),
        ("Die Antwort auf die Kleine Anfrage LT-Drs. 17/5903 enthielt", ["17/5903"]),
        ("die Antwort der Bundesregierung in BT-Drucksache 20/8850 zeigt", ["20/8850"]),
        ("(Drucksache 17/100)", ["17/100"]),
        ("Landtag von Baden-Württemberg\tDrucksache 17 / 8517\n17. Wahlperiode", ["17/8517"]),
        ("vgl. Landtagsdrucksache 16/12 und Bundestagsdrucksache 19/3", ["16/12", "19/3"]),
        ("Vorlage 024/2024 des Gemeinderats", ["024/2024"]),
    ],
)
def test_find_in_running_text(text: str, expected: list[str]) -> None:
    """Numbers next to a print word are found wherever they stand in a sentence."""
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Drucksachen 17/1 und 17/2", ["17/1", "17/2"]),
        ("Drs. 17/3, 17/4 und 17/5", ["17/3", "17/4", "17/5"]),
        ("Drucksachen 17/3, 17/4 sowie 17/9", ["17/3", "17/4", "17/9"]),
        ("Drucksachen 17/3; 17/4 bzw. 17/9", ["17/3", "17/4", "17/9"]),
        ("Drucksachen 17/1 und Drucksache 17/2", ["17/1", "17/2"]),
        ("Vorlagen 130/2022 und 045/2023", ["130/2022", "045/2023"]),
        ("Drucksachen 18/20 455 und 18/20 456", ["18/20455", "18/20456"]),
    ],
)
def test_find_lists_after_one_print_word(text: str, expected: list[str]) -> None:
    """Every number of a list after one print word counts."""
    assert _found(text) == expected


def test_find_berlin_thousands_space() -> None:
    """'18/20 455' is one number; a following count ('2 Seiten') is not swallowed."""
    assert _found("Drucksache 18/20 455 liegt vor") == ["18/20455"]
    assert _found("Drucksache 17/9075 2 Seiten") == ["17/9075"]
    assert _found("Drucksache 17/9075 100 Seiten") == ["17/9075"]
    assert _found("Drucksache 18/20 4556") == ["18/20"]


def test_find_spans_cover_print_word_then_list_numbers() -> None:
    """The first span includes the print word, later list members only their digits."""
    text = "Siehe Drucksachen 17/1 und 17 / 2."
    found = find_print_numbers(text)
    assert found == [
        NumberMatch(PrintNumber(17, 1), 6, 22),
        NumberMatch(PrintNumber(17, 2), 27, 33),
    ]
    assert [text[m.start : m.end] for m in found] == ["Drucksachen 17/1", "17 / 2"]


def test_find_marks_bundestag() -> None:
    """BT prints carry parliament 'BT', Landtag prints None."""
    found = find_print_numbers("BT-Drs. 20/1234 und LT-Drs. 17/1")
    assert [(str(m.number), m.number.parliament) for m in found] == [("20/1234", "BT"), ("17/1", None)]
    found = find_print_numbers("Bundestagsdrucksachen 20/1 und 20/2")
    assert [m.number.parliament for m in found] == ["BT", "BT"]


@pytest.mark.parametrize(
    "text",
    [
        "17/9075",
        "Die Frist endet am 8.8.2025, der Antrag kam am 28.05.2025.",
        "Haushaltsjahr 1/2025",
        "Mehrkosten von 5,3 Mio. EUR, also 2/3 der Mittel",
        "nach § 54 (3) GOLT und § 61/2",
        "Service 24/7 erreichbar",
        "https://x.de/17/9075",
        "https://www.landtag-bw.de/Drucksachen/17/9075",
        "Mit Schreiben vom 1. September 2025 Nr. WM36-43-99/161",
        "Az. 35-0141.5-017/8906",
        "BR-Drs. 12/24",
        "Studienjahr 2019/2020 und 2024/25",
        "Drucksache 123/45",
        "Drucksache 17/1234567",
        "Drucksache 17/9075/1",
        "Gesetzesvorlage 17/123",
    ],
)
def test_find_ignores_bare_and_foreign_numbers(text: str) -> None:
    """Without a print word right before it nothing counts: dates, money, §, URLs, file numbers."""
    assert find_print_numbers(text) == []


terms = st.integers(min_value=1, max_value=30)
numbers = st.integers(min_value=1, max_value=999_999)


@given(terms, numbers, st.sampled_from(["short", "long"]))
def test_round_trip_drucksache(term: int, number: int, style: str) -> None:
    """Formatting then parsing gives the same number, in both styles."""
    pn = PrintNumber(term, number)
    assert parse_print_number(format_print_number(pn, style)) == pn


@given(terms, numbers)
def test_round_trip_spaced(term: int, number: int) -> None:
    """The PDF spelling '17 / 9075' parses, with and without the print word."""
    pn = PrintNumber(term, number)
    assert parse_print_number(f"{term} / {number}") == pn
    assert parse_print_number(f"Drucksache {term} / {number}") == pn


@given(terms, numbers)
def test_round_trip_bundestag(term: int, number: int) -> None:
    """A BT print keeps its parliament through the long style."""
    pn = PrintNumber(term, number, parliament="BT")
    assert parse_print_number(format_print_number(pn, "long")) == pn


@given(
    st.integers(min_value=1900, max_value=2099),
    st.integers(min_value=1, max_value=9999),
    st.sampled_from(["short", "long"]),
)
def test_round_trip_vorlage(year: int, number: int, style: str) -> None:
    """A council Vorlage survives formatting and parsing, in both styles."""
    pn = PrintNumber(year, number, VORLAGE)
    assert parse_print_number(format_print_number(pn, style)) == pn


@given(terms, numbers)
def test_found_in_sentence(term: int, number: int) -> None:
    """A formatted long number inside a sentence is found with its exact span."""
    pn = PrintNumber(term, number)
    long = format_print_number(pn, "long")
    text = f"Wie in {long} dargelegt."
    assert find_print_numbers(text) == [NumberMatch(pn, 7, 7 + len(long))]


@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    """Arbitrary text never makes parsing or finding raise."""
    parse_print_number(text)
    normalise_print_number(text)
    for m in find_print_numbers(text):
        assert 0 <= m.start < m.end <= len(text)


@given(st.text(alphabet="Drucksache Drs.LT-BT/0123456789 \u00a0,und", max_size=200))
@settings(max_examples=300)
def test_never_raises_on_number_like_text(text: str) -> None:
    """Text made of print words, digits and slashes never makes finding raise."""
    for m in find_print_numbers(text):
        assert normalise_print_number(text[m.start : m.end]) == str(m.number)


@pytest.mark.parametrize(
    "text",
    [
        "1/1 " * 250_000,
        "Drucksache " * 95_000,
        "1234567890/" * 95_000,
        "/" * 1_000_000,
        "Drucksache" + " " * 1_000_000 + "17/1",
        "Drucksache 17/1 und " * 50_000,
    ],
    ids=["fractions", "print-words", "digits-slashes", "slashes", "spaces", "long-list"],
)
def test_one_megabyte_is_fast(text: str) -> None:
    """A megabyte of number-like text is handled in linear time (measured: well under 0.5 s)."""
    t0 = time.perf_counter()
    find_print_numbers(text)
    parse_print_number(text)
    assert time.perf_counter() - t0 < 5.0


_BEFORE = ["", " ", "\n", "x", "/", ".", "-", "ı", "İ", "ſ"]
_PREFIXES = ["", "BT", "LT", "bt", "Bundestags", "Landtags", "Beschluss", "Sitzungs", "Informations", "Verwaltungs"]
_JOINS = ["", "-", "\u2010", " ", "- ", "\n"]
_WORDS = ["Drucksache", "Drucksachen", "DRUCKS.", "Drs.", "drs", "Vorlage", "vorlagen", "dr", "Dr.", "x"]
_AFTER = ["", " 17/1", "-Nr. 3/2024", ":", "n", " Nummer 024/2024", ", 17/2"]


def _same_print_words(text: str) -> None:
    from core.numbers import _PRINT_WORD, _print_words

    text += " Text" * 400  # a paragraph's length: _print_words searches the whole of a text this short
    expected = [(m.span(), m.groupdict()) for m in _PRINT_WORD.finditer(text)]
    assert [(m.span(), m.groupdict()) for m in _print_words(text, text.lower())] == expected


def test_print_words_where_they_can_start_are_all_print_words() -> None:
    """_print_words, which tries the print word only before a "dr" or "vorlage", finds what a search
    of the whole text finds: every prefix, joined in every way, to every print word."""
    for before, prefix, join, word in itertools.product(_BEFORE, _PREFIXES, _JOINS, _WORDS):
        _same_print_words(f"{before}{prefix}{join}{word} 17/1")


@given(st.lists(st.tuples(*map(st.sampled_from, (_BEFORE, _PREFIXES, _JOINS, _WORDS, _AFTER))), max_size=6))
@settings(max_examples=300)
def test_print_words_in_any_sequence(pieces: list[tuple[str, ...]]) -> None:
    """The same for print words one after another, overlapping or in a list."""
    _same_print_words("".join("".join(piece) for piece in pieces))

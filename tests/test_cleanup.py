"""Cleaning text from a page layout: furniture, hyphenation, letter spacing, paragraphs."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from core.cleanup import clean, fix_letter_spacing


def paras(text: str) -> list[str]:
    return clean(text).paragraphs


def test_running_header_and_page_numbers_removed() -> None:
    """Running headers and page numbers at page tops and bottoms go; the text runs on across the break."""
    text = (
        "Landtag von Baden-Württemberg Drucksache 17 / 8906\n\nDer erste Absatz endet nicht\n\n1\f"
        "Landtag von Baden-Württemberg Drucksache 17 / 8906\n2\nhier, sondern auf Seite zwei.\n\n2"
    )
    cleaned = clean(text)
    assert cleaned.paragraphs == ["Der erste Absatz endet nicht hier, sondern auf Seite zwei."]
    assert "Landtag von Baden-Württemberg Drucksache 17 / 8906" in cleaned.furniture


def test_niedersachsen_header() -> None:
    """Niedersachsen's header line is furniture wherever it stands."""
    text = "Niedersächsischer Landtag – 19. Wahlperiode Drucksache 19/11223\n\nText."
    assert paras(text) == ["Text."]


def test_bw_footer_block_removed() -> None:
    """The first-page footer of a BW print (dates, web notice, Blauer Engel) is furniture."""
    text = (
        "Eingegangen: 8.8.2025 / Ausgegeben: 10.9.2025\nDrucksachen und Plenarprotokolle sind im Internet\n"
        "abrufbar unter: www.landtag-bw.de/Dokumente\nDer Landtag druckt auf Recyclingpapier, ausgezeich-\n"
        "net mit dem Umweltzeichen „Der Blaue Engel“.\n1\n\nAntrag"
    )
    cleaned = clean(text)
    assert cleaned.paragraphs == ["Antrag"]
    assert cleaned.furniture[0].startswith("Eingegangen")


def test_hyphenation_joined() -> None:
    """A word split at a line end is joined: "Land-\\nkreis" → "Landkreis"."""
    assert paras("Der Land-\nkreis und die Ge-\nmeinden") == ["Der Landkreis und die Gemeinden"]


def test_hyphen_kept_before_conjunction() -> None:
    """ "Ver- und Überschuldung" keeps its hyphen and space across a line break."""
    assert paras("Fragen der Ver-\nund Überschuldung") == ["Fragen der Ver- und Überschuldung"]


def test_hyphen_kept_in_compounds() -> None:
    """Compounds with a capital after the hyphen keep it ("Baden-Württemberg", "KI-Netzwerke")."""
    assert paras("in Baden-\nWürttemberg und KI-\nNetzwerke, 2025-\n2027") == [
        "in Baden-Württemberg und KI-Netzwerke, 2025-2027"
    ]


def test_hyphen_kept_when_document_spells_it() -> None:
    """A word the document writes with a hyphen elsewhere ("Start-ups") keeps it at a line break."""
    text = "Viele Start-ups sind neu. Gefördert werden Start-\nups aus dem Land."
    assert paras(text) == ["Viele Start-ups sind neu. Gefördert werden Start-ups aus dem Land."]


def test_dash_at_line_end_is_not_hyphenation() -> None:
    """A spaced dash at a line end is punctuation, not a split word."""
    assert paras("die Ziele –\nbitte getrennt") == ["die Ziele – bitte getrennt"]


def test_letter_spacing() -> None:
    """Letter-spacing artefacts are closed up; real one-letter tokens stay."""
    assert fix_letter_spacing("W ie viele und W elche") == "Wie viele und Welche"
    assert fix_letter_spacing("A n t w o r t") == "Antwort"
    assert fix_letter_spacing("Anlage A enthält die Vitamin D ist") == "Anlage A enthält die Vitamin D ist"


def test_paragraph_split_in_wrapped_text() -> None:
    """Hard-wrapped text without blank lines splits at headings, numbered points and short last lines."""
    text = (
        "Ich frage die Landesregierung:\n"
        "1. Wie viele Radwege wurden im Land in den vergangenen fünf Jahren neu gebaut oder saniert?\n"
        "2. Welche Mittel standen dafür zur Verfügung und wie viele davon sind tatsächlich abgeflossen?\n"
        "Zu 1.:\n"
        "Im Land wurden in den vergangenen fünf Jahren insgesamt 420 Kilometer Radwege neu gebaut und\n"
        "weitere 300 Kilometer saniert.\n"
        "Die Zahlen stammen aus der Straßenbauverwaltung, die die Maßnahmen jährlich erfasst und meldet."
    )
    assert paras(text) == [
        "Ich frage die Landesregierung:",
        "1. Wie viele Radwege wurden im Land in den vergangenen fünf Jahren neu gebaut oder saniert?",
        "2. Welche Mittel standen dafür zur Verfügung und wie viele davon sind tatsächlich abgeflossen?",
        "Zu 1.:",
        "Im Land wurden in den vergangenen fünf Jahren insgesamt 420 Kilometer Radwege neu gebaut und "
        "weitere 300 Kilometer saniert.",
        "Die Zahlen stammen aus der Straßenbauverwaltung, die die Maßnahmen jährlich erfasst und meldet.",
    ]


def test_short_lines_of_a_signature_stand_alone() -> None:
    """A name and an office on short lines are separate paragraphs; a wrapped office line is joined."""
    assert paras("Hoffmeister-Kraut\nMinisterin für Wirtschaft,\nArbeit und Tourismus") == [
        "Hoffmeister-Kraut",
        "Ministerin für Wirtschaft, Arbeit und Tourismus",
    ]


def test_wrapped_opener_is_not_taken_for_a_heading() -> None:
    """ "zu dem Antrag wie folgt Stellung:" at a line start continues the sentence; "Zu 1.:" is a heading."""
    text = (
        "Mit Schreiben vom 20. Juli 2025 Nr. WM36-1/1 nimmt das Ministerium für Wirtschaft, Arbeit und Tourismus\n"
        "zu dem Antrag wie folgt Stellung:\nZu 1.:\nDie Antwort."
    )
    assert paras(text) == [
        "Mit Schreiben vom 20. Juli 2025 Nr. WM36-1/1 nimmt das Ministerium für Wirtschaft, Arbeit und Tourismus "
        "zu dem Antrag wie folgt Stellung:",
        "Zu 1.:",
        "Die Antwort.",
    ]


def test_paragraph_cut_at_a_comma_is_joined() -> None:
    """A page break after a comma ("mit Wirtschaft," / "Wissenschaft, …") does not split the paragraph."""
    text = (
        "Die KI-Allianz setzt Schwerpunkte auf der Grundlage eines Dialogs mit Wirtschaft,\n\n"
        "Wissenschaft, Politik und Zivilgesellschaft.\n\nZu 6.:"
    )
    assert paras(text) == [
        "Die KI-Allianz setzt Schwerpunkte auf der Grundlage eines Dialogs mit Wirtschaft, "
        "Wissenschaft, Politik und Zivilgesellschaft.",
        "Zu 6.:",
    ]


def test_hyphenated_word_read_backwards_as_forwards() -> None:
    """The word before a line-ending hyphen, read from the end of the reversed last 80 characters
    (core.cleanup._join_lines), is what the plain pattern finds searching them forwards."""
    import random
    import re

    from core.cleanup import _HYPHENATED_END_REVERSED

    forwards = re.compile(r"([\wÄÖÜäöüß+]+)-$")
    rnd = random.Random(13)
    pieces = ["a", "Ä", "ß", "+", "-", " ", "\n", "1", "_", ".", "é", "Förder", "-\n", "ESF+", "x" * 90, "ſ", "İ"]
    for _ in range(20_000):
        line = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12))) + rnd.choice(["-", "-\n"])
        m, r = forwards.search(line[-80:]), _HYPHENATED_END_REVERSED.match(line[:-81:-1])
        assert (m and m.group(1)) == (r and r.group(1)[::-1]), repr(line)


def test_vocabulary_looked_up_as_the_whole_set() -> None:
    """_Vocabulary, which looks words up one at a time, answers as the set of every lower-cased word
    of the text: for the words of the fixtures and random texts, with hyphens and without, before and
    after it builds the whole set, and where lower-casing changes a text's length or reads context."""
    import random

    from conftest import FIXTURES

    from core.cleanup import _SEARCHES, _Vocabulary, _vocabulary

    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    rnd = random.Random(14)
    pieces = ["W ie", " ", "\n", "-", "Ver", "und", "so", "wie", "ß", "Ä", "é", "1", "_", ".", "İ", "ΣΑ", "K", "ſ", "A"]
    texts += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 40))) for _ in range(3000)]
    for text in texts:
        lines = text.split("\n")
        words = _vocabulary(lines)
        asked = [*sorted(words)[:40], "wie", "ie", "verund", "sowie", "so-wie", "ver-und", "a", "k", "i̇", "σα", "x-y"]
        asked += [w.upper() for w in sorted(words)[:3]] + [w[1:] for w in sorted(words)[: 2 * _SEARCHES]]
        rnd.shuffle(asked)
        vocabulary = _Vocabulary(lines)
        for word in asked:
            assert (word in vocabulary) == (word in words), (text[:80], word)


def test_only_furniture_tokens_as_taking_them_out() -> None:
    """_ONLY_TOKENS, which walks a line token by token, says a line is nothing but furniture tokens
    exactly when taking every _FURNITURE_TOKEN out leaves only blanks: for the lines of the fixtures
    and of random lines made of tokens, their pieces, blanks and other characters."""
    import random

    from conftest import FIXTURES

    from core.cleanup import _FURNITURE_TOKEN, _ONLY_TOKENS

    lines = [ln for p in sorted(FIXTURES.glob("*.txt")) for ln in p.read_text(encoding="utf-8").split("\n")]
    rnd = random.Random(15)
    pieces = [
        "Landtag von Baden-Württemberg", "Landtag von ", "Bayerischer Landtag", "Deutscher Bundestag", "Landtag",
        "17. Wahlperiode", "17.Wahlperiode", "Wahlperiode", "Drucksache 17 / 8906", "Drucksache 19/20 455",
        "Drucksache", "(1/2)", "21.03.2025", "1. 3. 2025", "Seite 2 von 3", "Seite 2", "Seite", "von", "3", "12345",
        "2025", " ", "  ", "\t", "\u00a0", "\n", "–", "—", "-", "/", "|", "(", ")", ".", "a", "x", "ß", "İ", "ſ", "K",
        "LANDTAG", "drucksache", "_", "3a", "\u2003",
    ]  # fmt: skip
    lines += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 9))) for _ in range(30_000)]
    for line in lines:
        assert (_ONLY_TOKENS.fullmatch(line) is not None) == (not _FURNITURE_TOKEN.sub("", line).strip()), repr(line)


def test_vocabulary_search_of_a_piece_in_many_words() -> None:
    """A word whose letters stand in the text more than _FINDS times is searched for standing alone
    (_Vocabulary._search): it answers as the whole set does, for pieces of words ("ie" of "W ie")
    and for words, in long random texts; and no character outside a word lower-cases to a character
    inside one, which that search relies on."""
    import random
    import re
    import sys

    from conftest import FIXTURES

    from core.cleanup import _FINDS, _WORD_CHAR, _Vocabulary, _vocabulary

    inside = re.compile(_WORD_CHAR)
    for c in map(chr, range(sys.maxunicode + 1)):
        if len(c.lower()) == 1 and not inside.match(c):
            assert not inside.match(c.lower()), hex(ord(c))

    rnd = random.Random(16)
    fixtures = "\n".join(p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt")))
    pieces = ["W ie", "wie", "ie", "Die", " ", "\n", "-", "ie-", "-ie", "(ie)", "ß", "Ä", "é", "1", "_", ".", "İ"]
    pieces += ["K", "ſ", "A", "IE", "Ie", "iE", "ſie", "ieß", "ie1", "ie_", "„ie“", "/ie/", "+ie"]
    texts = [fixtures, "W ie " * 100 + "ie", "W ie " * 100, "Wie " * 100 + "(ie)"]
    texts += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(100, 600))) for _ in range(300)]
    for text in texts:
        lines = text.split("\n")
        words = _vocabulary(lines)
        asked = ["ie", "wie", "die", "ieß", "elche", "ch", "en", "er", "und", "ie1", "ie_", "iess"]
        for word in asked:
            assert (word in _Vocabulary(lines)) == (word in words), (text[:80], word)
    assert ("W ie " * 100).count("ie") > _FINDS


def test_first_character_tests_before_patterns() -> None:
    """The cheap tests before a pattern hold for every character: only "V" and "v" lower-case to a
    string that starts with "v" (_is_heading), and every digit `re` matches with \\d is one
    str.isdigit() takes (_take_footnotes)."""
    import re
    import sys

    digit = re.compile(r"\d")
    for c in map(chr, range(sys.maxunicode + 1)):
        assert not c.lower().startswith("v") or c in "Vv", hex(ord(c))
        assert not digit.match(c) or c.isdigit(), hex(ord(c))


_LINE_PIECES = [
    *"Vorbemerkung vorbemerkung VORBEMERKUNG der Landesregierung Antwort Zu zu 1. II. 3) a) b) ٣. ² 12.3".split(),
    *["*", "_", " ", ":", "  ", "Zu a:", "V", "v", "-", "–", "•", "x" * 30, "Frage 2", ".", "ı"],
]


def _same_line_tests(line: str) -> None:
    from core.cleanup import LABEL_START, _headings, _is_heading, _labels

    line = line.strip()
    if line:
        assert [bool(x) for x in _headings([line])] == [_is_heading(line)], line
        assert [bool(x) for x in _labels([line])] == [bool(LABEL_START.match(line))], line


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_LINE_PIECES), min_size=1, max_size=8).map("".join))
def test_headings_and_labels_asked_in_part_as_of_every_line(line: str) -> None:
    """_split_block asks _is_heading and LABEL_START only of the lines they can take: what it finds is
    what asking every line finds."""
    _same_line_tests(line)


def test_headings_and_labels_asked_in_part_on_the_fixtures_and_at_the_edges() -> None:
    from conftest import FIXTURES

    lines = ["٣. Frage", "١٢) Antwort", "Antwort" + "*" * 20, "Zu Frage 2" + "_" * 20, "* 1. Frage", "b) und"]
    for path in sorted(FIXTURES.glob("*.txt")):
        lines += path.read_text(encoding="utf-8").split("\n")
    for line in lines:
        _same_line_tests(line)


def test_lines_joined_at_once_as_one_by_one() -> None:
    """_join_lines joins lines none of which but the last ends with a hyphen at once: as
    _join_wrapped, which looks at each line's end, joins them."""
    import random

    from core.cleanup import _join_lines, _join_wrapped

    rnd = random.Random(17)
    pieces = [
        "Land",
        "kreis",
        "-",
        "- ",
        " -",
        "-\n",
        "\n",
        " ",
        "und",
        "so",
        "wie",
        "Baden",
        "Würt",
        "2025",
        "www.",
        "ſ",
    ]
    vocabulary = {"sowie", "start-ups", "landkreis"}
    for _ in range(20_000):
        lines = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 5))) for _ in range(rnd.randint(1, 4))]
        assert _join_lines(lines, vocabulary) == _join_wrapped(lines, vocabulary), lines


def _is_heading_plain(line: str) -> bool:
    from core.cleanup import _SUB_HEADING_LINE, ANSWER_HEADING_LINE, HEADING_LINES

    line = line.strip(" *_")
    return bool(HEADING_LINES.match(line) or ANSWER_HEADING_LINE.match(line) or _SUB_HEADING_LINE.match(line))


@settings(max_examples=500)
@given(
    st.lists(st.sampled_from([*_LINE_PIECES, "ſ", "K", "tellungnahme", "ericht", "Zu 1.:"]), max_size=8).map("".join)
)
def test_heading_first_letters_as_the_patterns(line: str) -> None:
    """_is_heading, which says no at once to a line whose first letter no heading starts with, says
    what the three patterns say."""
    from core.cleanup import _is_heading

    assert _is_heading(line) == _is_heading_plain(line), line


def test_heading_first_letters_of_every_character() -> None:
    """Every character `re` takes for a heading's first letter in any case is in _HEADING_FIRST, and
    the headings of the fixtures are found."""
    import re
    import sys

    from conftest import FIXTURES

    from core.cleanup import _HEADING_FIRST, _is_heading

    first = re.compile("[abgksuvz]", re.IGNORECASE)
    for c in map(chr, range(sys.maxunicode + 1)):
        assert not first.match(c) or c in _HEADING_FIRST, hex(ord(c))
    for path in sorted(FIXTURES.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").split("\n"):
            assert _is_heading(line) == _is_heading_plain(line), line

"""Turning what a user types into an FTS5 query: spellings, prefixes, print numbers, safety."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from core.search_query import content_words, highlight, number_token, parse_query, spellings


def test_spellings() -> None:
    """Umlauts and their transcriptions find each other; each "ss" may be an ß; "ue" after a vowel stays."""
    assert spellings("förderung") == ["förderung", "foerderung"]
    assert spellings("foerderung") == ["foerderung", "förderung"]
    assert "landesstraßen" in spellings("landesstrassen") and "landeßtraßen" in spellings("landesstrassen")
    assert spellings("dauerhaft") == ["dauerhaft"]
    assert spellings("straße") == ["straße", "strasse"]


def test_query_parts() -> None:
    """Words, prefixes and print numbers in any spelling are recognised; FTS syntax is not passed through."""
    q = parse_query('Förder* "Drs. 17 / 9075" 18/20 455 NEAR( OR')
    assert ("förder" in q.words[0][0]) and q.words[0][1] is True
    assert q.numbers == ["17/9075", "18/20455"]
    assert '"near"' in q.match() and '"or"' in q.match()
    assert number_token("17/9075") in q.match()


def test_content_words_drop_question_vocabulary() -> None:
    """ "similar" searches the distinctive words, not the vocabulary of asking."""
    q = content_words("inwiefern die Landesregierung plant, die Finanzierung der Plattform künftig zu sichern")
    words = [v[0] for v, _ in q.words]
    assert "finanzierung" in words and "plattform" in words
    assert not {"inwiefern", "landesregierung", "plant", "künftig"} & set(words)


def test_highlight() -> None:
    """Snippets mark every hit in any spelling or prefix, around the first one."""
    text = "Der Landkreis beantragt Mittel. Die Förderung der Radwege und die Foerderung von Förderprogrammen laufen."
    snippet = highlight(text, parse_query("Förderung"), words=8, open_mark="[", close_mark="]")
    assert "[Förderung]" in snippet and "[Foerderung]" in snippet and snippet.startswith("… ")
    assert "[Förderprogrammen]" in highlight(text, parse_query("Förder*"), open_mark="[", close_mark="]")
    assert highlight("kein Treffer hier", parse_query("Wolf")) == "kein Treffer hier"
    assert highlight("", parse_query("Wolf")) == ""


def _highlight_by_every_token(text: str, query, *, words: int = 14, open_mark: str = "[", close_mark: str = "]") -> str:  # type: ignore[no-untyped-def]
    """The snippet as highlight() made it before it looked at a window only: every token of the text
    checked in turn. Kept here as the measure of the faster one."""
    import re

    terms = sorted({t for t, _ in query.highlight_terms() if t}, key=len, reverse=True)
    prefixes = {t for t, prefix in query.highlight_terms() if prefix}
    tokens = list(re.finditer(r"\S+", text))
    if not tokens:
        return ""

    def hit(token: str) -> bool:
        word = re.sub(r"^[^\wÄÖÜäöüß]+|[^\wÄÖÜäöüß]+$", "", token).lower()
        parts = [word, *word.split("-")]
        return any(p == t or (t in prefixes and p.startswith(t)) for p in parts for t in terms)

    first = next((i for i, m in enumerate(tokens) if hit(m.group(0))), None)
    start = max(0, (first or 0) - words // 3)
    window = tokens[start : start + words]
    out = [f"{open_mark}{m.group(0)}{close_mark}" if hit(m.group(0)) else m.group(0) for m in window]
    return ("… " if start > 0 else "") + " ".join(out) + (" …" if start + words < len(tokens) else "")


_WORDS = [
    "Förderung",
    "förderprogramm",
    "Forderung",
    "KI-Allianz",
    "Straße",
    "STRASSE",
    "(Förder-",
    "17/9075",
    "İstanbul",
]


@given(
    st.lists(st.one_of(st.sampled_from(_WORDS), st.text(alphabet="abcöüßÄ -,.\n\t\xa0", max_size=12)), max_size=60).map(
        " ".join
    ),
    st.sampled_from(["Förderung", "Förder*", "Foerderung", "Allianz", "KI", "strasse", "Wolf", "17/9075", "i*"]),
    st.integers(min_value=1, max_value=20),
)
@settings(max_examples=400, deadline=None)
def test_highlight_looks_at_a_window_and_gives_the_same_snippet(text: str, words_typed: str, words: int) -> None:
    query = parse_query(words_typed)
    expected = _highlight_by_every_token(text, query, words=words)
    assert highlight(text, query, words=words, open_mark="[", close_mark="]") == expected

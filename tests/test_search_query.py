"""Turning what a user types into an FTS5 query: spellings, prefixes, print numbers, safety."""

from __future__ import annotations

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

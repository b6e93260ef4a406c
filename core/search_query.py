"""From what a user types into the search field to an SQLite FTS5 MATCH expression.

German-friendly matching without a custom tokenizer: the index keeps umlauts as they are
(tokenizer `unicode61 remove_diacritics 0`, so "Förderung" and "Forderung" stay different
words), and each query word is widened to its spellings: "Foerderung" also looks for
"Förderung", "Förderung" also for "Foerderung", "Strasse" also for "Straße". A trailing `*`
asks for a prefix ("Förder*" finds "Förderprogramm"). Print numbers in any spelling
("17 / 9075", "Drs. 17/9075") become the token the index stores for them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from core.numbers import find_print_numbers, parse_print_number

_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_WORD = re.compile(r"[0-9A-Za-zÄÖÜäöüß]+\*?")
_BARE_NUMBER = re.compile(r"(?<![\w/])(\d{1,2})\s*/\s*(\d{1,3}(?:\s\d{3})?\d*)(?![\w/])")
STOPWORDS = frozenset(
    """aber alle allem allen aller alles als also am an ander andere anderen auch auf aus bei beim bereits bis
    bitte bzw da damit dann das dass daß dem den denen der deren des dessen die dies diese diesem diesen dieser
    dieses doch dort durch ein eine einem einen einer eines er es etwa für gegen hat hatte hier ihr ihre ihrem
    ihren ihrer im in inwiefern inwieweit ist jede jedem jeden jeder jedes kann kein keine können man mehr mit
    nach nicht noch nur ob oder ohne sich sie sind so soll sollen sowie um und uns unter vom von vor war waren
    was weitere welche welchem welchen welcher welches wenn werden wie wieviel wird wo worden wurde wurden zu zum
    zur über landesregierung""".split()
)
# The vocabulary of asking, common to every inquiry: no evidence that two texts share a topic.
QUESTION_WORDS = frozenset(
    """aktuell aktuellen aufgeschlüsselt beabsichtigt berichten bisher bisherige bisherigen derzeit derzeitige
    einschätzung ersuchen gegebenenfalls geplant geplante geplanten gestaltet getrennt hinblick insbesondere
    jeweils kenntnis künftig künftige künftigen landtag langfristig langfristige mögliche möglichen ministerium
    plant planen sowie stand vorgesehen vorgesehenen wolle beschließen""".split()
)


def number_token(number: str) -> str:
    """The index token of a normalised print number: "17/9075" → "drs17n9075" (one token, no slash)."""
    return "drs" + number.replace("/", "n")


def spellings(word: str) -> list[str]:
    """The spellings of one lower-case word that should match each other."""
    out = [word, word.translate(_TRANSLIT)]
    # "oe" is an ö in "Foerderung" but not in "Poet"-like spellings after a vowel ("dauerhaft", "Feuer")
    umlauted = re.sub(r"(?<![aeiouäöüq])([aou])e", lambda m: {"a": "ä", "o": "ö", "u": "ü"}[m.group(1)], word)
    out.append(umlauted)
    # "Landesstrassen" is "Landesstraßen", not "Landeßtraßen": each "ss" may or may not be an ß
    positions = [m.start() for m in re.finditer("ss", word)][:3]
    for mask in range(1, 2 ** len(positions)):
        variant = word
        for bit, pos in reversed(list(enumerate(positions))):
            if mask >> bit & 1:
                variant = variant[:pos] + "ß" + variant[pos + 2 :]
        out.append(variant)
    return list(dict.fromkeys(out))


@dataclass
class Query:
    """A parsed search: words (each a list of spellings, prefix or not) and print numbers."""

    words: list[tuple[list[str], bool]] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.words and not self.numbers

    def match(self, *, any_word: bool = False) -> str:
        """The FTS5 MATCH expression: every word (or, with any_word, some word) must occur."""
        parts = []
        for variants, prefix in self.words:
            alts = [f'"{v}"' + ("*" if prefix else "") for v in variants]
            parts.append("(" + " OR ".join(alts) + ")" if len(alts) > 1 else alts[0])
        parts.extend(f'"{number_token(n)}"' for n in self.numbers)
        return (" OR " if any_word else " AND ").join(parts)

    def tsquery(self, *, any_word: bool = False) -> str:
        """The same search as a PostgreSQL tsquery (the team register): lexemes quoted as they are,
        `:*` for a prefix, `|` between spellings, `&` (or, with any_word, `|`) between words."""

        def lexeme(v: str, prefix: bool = False) -> str:
            return "'" + v.replace("\\", "\\\\").replace("'", "''") + "'" + (":*" if prefix else "")

        parts = []
        for variants, prefix in self.words:
            alts = [lexeme(v, prefix) for v in variants]
            parts.append("(" + " | ".join(alts) + ")" if len(alts) > 1 else alts[0])
        parts.extend(lexeme(number_token(n)) for n in self.numbers)
        return (" | " if any_word else " & ").join(parts)

    def highlight_terms(self) -> list[tuple[str, bool]]:
        """The spellings to highlight in a snippet, with their prefix flag."""
        return [(v, prefix) for variants, prefix in self.words for v in variants]


def parse_query(text: str, *, drop_stopwords: bool = False, max_words: int = 32) -> Query:
    """Split user input into words and print numbers; quotes and FTS syntax are not passed through."""
    query = Query()
    rest = text
    found: list[tuple[int, str]] = []
    for m in reversed(find_print_numbers(text)):
        found.append((m.start, str(m.number)))
        rest = rest[: m.start] + " " * (m.end - m.start) + rest[m.end :]  # blank it out, keep positions
    for m in reversed(list(_BARE_NUMBER.finditer(rest))):
        pn = parse_print_number(m.group(0))
        if pn is not None:
            found.append((m.start(), str(pn)))
            rest = rest[: m.start()] + " " * (m.end() - m.start()) + rest[m.end() :]
    query.numbers = [n for _, n in sorted(found)]
    seen: set[str] = set()
    for m in _WORD.finditer(rest):
        token = m.group(0)
        prefix = token.endswith("*")
        word = token.rstrip("*").lower()
        if not word or word in seen or (drop_stopwords and (word in STOPWORDS or len(word) < 3)):
            continue
        seen.add(word)
        query.words.append((spellings(word), prefix))
        if len(query.words) >= max_words:
            break
    return query


def content_words(text: str, limit: int = 24) -> Query:
    """The distinctive words of a point or passage, as a query for "similar" (stopwords dropped,
    longest words first: in German the long compounds carry the topic)."""
    words = sorted({w.lower() for w in _WORD.findall(text) if not w.endswith("*")}, key=lambda w: (-len(w), w))
    chosen = [w for w in words if w not in STOPWORDS and w not in QUESTION_WORDS and len(w) >= 4 and not w.isdigit()]
    chosen = chosen[:limit]
    return parse_query(" ".join(chosen), drop_stopwords=True, max_words=limit)


_TOKEN = re.compile(r"\S+")
_NON_SPACE = re.compile(r"\S")
_EDGE = re.compile(r"^[^\wÄÖÜäöüß]+|[^\wÄÖÜäöüß]+$")


def highlight(text: str, query: Query, *, words: int = 14, open_mark: str = "\x02", close_mark: str = "\x03") -> str:
    """A snippet of `text` around the first hit of the query's words (any spelling, prefix aware),
    hits wrapped in markers; the text's start when nothing matches (a hit by print number).

    A token is a hit when the word in it (or a part of it between hyphens) is a query word, or begins
    with one searched as a prefix. Only a window of the text is cut into tokens: the first hit is
    found by one search for the query's words in the lowered text, and only the tokens around that
    place are looked at (a stored body runs to 30,000 words, a snippet has 14)."""
    terms = sorted({t for t, _ in query.highlight_terms() if t}, key=len, reverse=True)
    prefixes = {t for t, prefix in query.highlight_terms() if prefix}

    def hit(token: str) -> bool:
        word = _EDGE.sub("", token).lower()
        parts = [word, *word.split("-")]
        return any(p == t or (t in prefixes and p.startswith(t)) for p in parts for t in terms)

    first = _first_hit(text, terms, hit) if terms else None
    if first is None:
        first = _NON_SPACE.search(text)
        if first is None:
            return ""
        begin = first.start()
    else:
        begin = _tokens_before(text, first, words // 3)
    window = []
    tokens = _TOKEN.finditer(text, begin)
    for m in tokens:
        window.append(m.group(0))
        if len(window) == words:
            break
    out = [f"{open_mark}{tok}{close_mark}" if hit(tok) else tok for tok in window]
    prefix = "… " if _NON_SPACE.search(text, 0, begin) else ""
    suffix = " …" if len(window) == words and next(tokens, None) is not None else ""
    return prefix + " ".join(out) + suffix


def _first_hit(text: str, terms: list[str], hit: Callable[[str], bool]) -> int | None:
    """Where the first token that is a hit begins: the places the lowered text contains a query word
    are the only candidates, each checked as the whole token it lies in."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer ("İ"): token by token
        return next((m.start() for m in _TOKEN.finditer(text) if hit(m.group(0))), None)
    pattern = re.compile("|".join(map(re.escape, terms)))
    pos = 0
    while (m := pattern.search(lowered, pos)) is not None:
        start = _token_start(text, m.start())
        end_match = _TOKEN.match(text, start)
        end = end_match.end() if end_match else m.end()
        if hit(text[start:end]):
            return start
        pos = max(end, m.start() + 1)
    return None


def _token_start(text: str, pos: int) -> int:
    """The start of the token (run of non-space) that holds position `pos`."""
    start = pos
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return start


def _tokens_before(text: str, at: int, count: int) -> int:
    """Where the window begins: `count` tokens before the one at `at`, or the first token of the text."""
    begin = at
    for _ in range(count):
        back = begin
        while back > 0 and text[back - 1].isspace():
            back -= 1
        if back == 0:
            break
        begin = _token_start(text, back - 1)
    return begin

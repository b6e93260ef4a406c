"""The hyphenation cache (core/hyphenation.py): pyphen's own break points, from a file parsed once
and read per word; a damaged, foreign or unwritable cache is ignored, never an error."""

from __future__ import annotations

import array
import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pyphen
import pytest
from conftest import FIXTURES

from core import hyphenation

WORDS = [
    "Silbentrennung",
    "Landesregierung",
    "Digitalisierungsstrategie",
    "Forschungseinrichtungen",
    "Künstliche",
    "Intelligenz",
    "Baden-Württemberg",
    "KI-Allianz",
    "Wirtschaftsministerium",
    "Rechtsverordnung",
    "Datenschutzgrundverordnung",
    "Straße",
    "Maßnahmenpaket",
    "außerordentlich",
    "Fußgängerübergänge",
    "Schifffahrt",
    "Bettuch",
    "Zucker",
    "Stellungnahme",
    "Drucksache",
    "Haushaltsmittel",
    "Zuwendungsempfänger",
    "Förderprogramme",
    "überörtlichen",
    "Öffentlichkeitsarbeit",
    "ÄNDERUNGSANTRAG",
    "Start-ups",
    "E-Mail-Adresse",
    "Mitte",
    "a",
    "",
    "2025",
]


def fixture_words() -> list[str]:
    """Every distinct word of our own fixture prints: a few thousand real ones."""
    words: set[str] = set()
    for path in sorted(FIXTURES.glob("*.txt")):
        words.update(re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", path.read_text(encoding="utf-8")))
    return sorted(words)


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder and pyphen without any parsed dictionary; the folder is returned."""
    folder = tmp_path / "cache" / "hyphenation"
    monkeypatch.setattr(hyphenation, "cache_folder", lambda: folder)
    monkeypatch.setattr(pyphen, "hdcache", {})
    return folder


def reference(lang: str) -> Any:
    """pyphen itself: a Pyphen on patterns parsed from the dictionary file (not kept in pyphen's cache)."""
    kept = pyphen.hdcache
    pyphen.hdcache = {}
    try:
        return pyphen.Pyphen(lang=lang)
    finally:
        pyphen.hdcache = kept


def no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on pyphen may not parse a dictionary file: what is used comes from the cache."""

    def refuse(self: Any, path: Any) -> None:
        raise AssertionError("parsed the dictionary instead of reading the cache")

    monkeypatch.setattr(pyphen, "hdcache", {})
    monkeypatch.setattr(pyphen.HyphDict, "__init__", refuse)


def assert_same(dic: Any, ref: Any, words: list[str]) -> None:
    """The same break points for every word, and in the end the same patterns (all of them read)."""
    for word in words:
        assert dic.positions(word) == ref.positions(word), word
        assert list(dic.iterate(word)) == list(ref.iterate(word)), word
        assert dic.inserted(word) == ref.inserted(word), word
    patterns = hyphenation._all(dic.hd._groups) if hasattr(dic.hd, "_groups") else dic.hd.patterns
    assert hyphenation._same(ref.hd.patterns, patterns) and dic.hd.maxlen == ref.hd.maxlen


def test_cached_patterns_hyphenate_as_pyphen(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first use parses and writes the cache, the next process reads it: the same break points as
    pyphen's for every word of our fixtures and a list of hard cases, and the same patterns."""
    ref = reference("de_DE")
    words = WORDS + fixture_words()
    assert len(words) > 1000
    first = hyphenation.dictionary("de_DE")
    assert [p.name for p in fresh.iterdir()] == ["de_DE.bin"]  # no temporary file left behind
    assert_same(first, ref, words)
    no_parsing(monkeypatch)
    cached = hyphenation.dictionary("de_DE")
    assert cached.hd is not first.hd
    assert cached.inserted("Silbentrennung") == "Sil-ben-tren-nung"
    assert len(cached.hd.patterns) < len(ref.hd.patterns) / 10  # read as needed: the short ones and a few groups
    assert_same(cached, ref, words)


def test_each_word_reads_the_patterns_it_needs(fresh: Path) -> None:
    """Every word alone, first thing after the file is opened, finds all the patterns pyphen would
    use for it (not only with groups earlier words happened to read)."""
    ref = reference("de_DE")
    hyphenation.dictionary("de_DE")
    cached = hyphenation._read(fresh / "de_DE.bin", json.loads((fresh / "de_DE.bin").read_bytes().split(b"\n")[0]))
    groups = cached._groups
    for word in WORDS + fixture_words():
        groups.done.clear()
        hd = hyphenation._CachedHyphDict(groups, cached.maxlen)
        assert hd.positions(word) == ref.hd.positions(word), word


def test_nonstandard_hyphenation_kept(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Hungarian patterns change letters at a break ("ssz" → "sz-sz"): pyphen's DataInt values and their
    data survive the cache."""
    ref = reference("hu_HU")
    hyphenation.dictionary("hu_HU")
    no_parsing(monkeypatch)
    cached = hyphenation.dictionary("hu_HU")
    with_data = [k for k, (_, values) in ref.hd.patterns.items() if any(getattr(v, "data", None) for v in values)]
    assert len(with_data) > 1000
    every = hyphenation._all(cached.hd._groups)
    for key in with_data:
        assert [getattr(v, "data", None) for v in every[key][1]] == [
            getattr(v, "data", None) for v in ref.hd.patterns[key][1]
        ]
    words = ["asszonnyal", "Kossuth", "ebben", "hosszú", "Magyarország", "könyvtár", "összefüggés", "vissza"]
    changed = [w for w in words if "-" not in w and ref.inserted(w).replace("-", "") != w]
    assert changed  # the list holds words whose hyphenation changes letters
    assert_same(cached, ref, words)


def test_language_without_dictionary() -> None:
    with pytest.raises(ValueError):
        hyphenation.dictionary("xx_XX")


def rewrite(file: Path, change: Any) -> None:
    """Apply `change` to the cache's header and body (given as its parts) and store it with a correct
    hash: a file that is whole but not what _encode wrote."""
    head, _, body = file.read_bytes().partition(b"\n")
    header = json.loads(head)
    sizes = [header["table_bytes"], header["names_bytes"], header["keys_bytes"], 4 * header["groups"]]
    sizes.append(sizes[-1])
    parts, at = {}, 0
    for name, size in zip(("table", "names", "keys", "ends", "counts"), sizes, strict=True):
        parts[name], at = body[at : at + size], at + size
    parts["index"] = body[at:]
    change(header, parts)
    body = b"".join(parts.values())
    header.update(table_bytes=len(parts["table"]), names_bytes=len(parts["names"]), keys_bytes=len(parts["keys"]))
    header["sha256"] = hashlib.sha256(body).hexdigest()
    file.write_bytes(json.dumps(header).encode() + b"\n" + body)


def text_in_table(header: dict[str, Any], parts: dict[str, bytes]) -> None:
    table = json.loads(parts["table"])
    table[0][1][0] = "1"  # a text where a number belongs
    parts["table"] = json.dumps(table, separators=(",", ":")).encode()


def deeper_list(header: dict[str, Any], parts: dict[str, bytes]) -> None:
    table = json.loads(parts["table"])
    table[0][1][0] = [1]  # only digits and brackets, one list too deep
    parts["table"] = json.dumps(table, separators=(",", ":")).encode()


def one_more_counted(header: dict[str, Any], parts: dict[str, bytes]) -> None:
    counts = array.array("I", parts["counts"])
    counts[1] += 1
    parts["counts"] = counts.tobytes()


def setting(**fields: Any) -> Any:
    return lambda header, parts: header.update(fields)


def replacing(part: str, old: bytes, new: bytes) -> Any:
    return lambda header, parts: parts.update({part: parts[part].replace(old, new, 1)})


DAMAGES = {
    "empty": lambda f: f.write_bytes(b""),
    "cut short": lambda f: f.write_bytes(f.read_bytes()[: len(f.read_bytes()) // 2]),
    "a byte changed": lambda f: f.write_bytes(f.read_bytes()[:-100] + b"X" + f.read_bytes()[-99:]),
    "not JSON": lambda f: f.write_bytes(b"\x00\xff garbage\n" + b"\x00" * 1000),
    "a header of no object": lambda f: f.write_bytes(b"[1, 2]\n" + f.read_bytes().partition(b"\n")[2]),
    "another pyphen": lambda f: rewrite(f, setting(pyphen="0.0.1")),
    "another dictionary": lambda f: rewrite(f, setting(dictionary="0" * 64)),
    "another format": lambda f: rewrite(f, setting(format="ziffer-hyphenation/0")),
    "sizes that do not fit": lambda f: rewrite(f, setting(groups=3)),
    "a negative maxlen": lambda f: rewrite(f, setting(maxlen=-1)),
    "a text in the table": lambda f: rewrite(f, text_in_table),
    "a list too deep in the table": lambda f: rewrite(f, deeper_list),
    "counts that do not add up": lambda f: rewrite(f, one_more_counted),
    "no group of short patterns first": lambda f: rewrite(f, lambda h, p: p.update(names=b"x" + p["names"])),
    "not UTF-8 in the names": lambda f: rewrite(f, replacing("names", b"\n", b"\xff")),
    "a folder": lambda f: (f.unlink(), f.mkdir()),
}


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_damaged_cache_is_ignored_and_rebuilt(damage: str, fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache file that is damaged, of another pyphen, dictionary or format, or of a shape _encode does
    not write is not used: the dictionary is parsed again (no error) and, where the file can be
    replaced, the cache written anew."""
    ref = reference("de_DE")
    hyphenation.dictionary("de_DE")
    file = fresh / "de_DE.bin"
    whole = file.read_bytes()
    DAMAGES[damage](file)
    monkeypatch.setattr(pyphen, "hdcache", {})
    dic = hyphenation.dictionary("de_DE")
    assert type(dic.hd) is pyphen.HyphDict  # parsed by pyphen
    assert_same(dic, ref, WORDS)
    if damage != "a folder":  # a folder in its place cannot be replaced; the parsed patterns serve
        assert file.read_bytes() == whole  # written anew
        no_parsing(monkeypatch)
        assert_same(hyphenation.dictionary("de_DE"), ref, WORDS)


def index_past_table(header: dict[str, Any], parts: dict[str, bytes]) -> None:
    parts["index"] = parts["index"][:-2] + b"\xff\xff"


def swapped_ends(header: dict[str, Any], parts: dict[str, bytes]) -> None:
    ends = array.array("I", parts["ends"])
    ends[5], ends[6] = ends[6], ends[5]
    parts["ends"] = ends.tobytes()


def broken_texts(header: dict[str, Any], parts: dict[str, bytes]) -> None:
    parts["keys"] = parts["keys"].replace(b"\n", b"\xff", 50)


@pytest.mark.parametrize("change", [index_past_table, swapped_ends, broken_texts])
def test_made_by_hand_never_fails(change: Any, fresh: Path) -> None:
    """A file made by hand, with a correct hash and the shape checked at opening, but groups that do not
    fit: it is read, and at worst hyphenates differently, never with an error."""
    hyphenation.dictionary("de_DE")
    rewrite(fresh / "de_DE.bin", change)
    pyphen.hdcache.clear()
    dic = hyphenation.dictionary("de_DE")
    assert type(dic.hd) is hyphenation._CachedHyphDict
    for word in WORDS + fixture_words():
        dic.inserted(word)
    hyphenation._all(dic.hd._groups)


def test_unwritable_cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the cache folder cannot be made (a file in its way), pyphen parses as before, without error."""
    (tmp_path / "file").write_text("not a folder")
    monkeypatch.setattr(hyphenation, "cache_folder", lambda: tmp_path / "file" / "hyphenation")
    monkeypatch.setattr(pyphen, "hdcache", {})
    assert_same(hyphenation.dictionary("de_DE"), reference("de_DE"), WORDS)
    assert (tmp_path / "file").read_text() == "not a folder"


def test_cache_in_user_cache_folder() -> None:
    """The cache lives in the user's cache folder (platformdirs), in a folder of its own."""
    import platformdirs

    assert hyphenation.cache_folder() == Path(platformdirs.user_cache_dir("Ziffer", appauthor=False)) / "hyphenation"


def test_pdf_hyphenator_loads_dictionary_on_first_word(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """pdf_render checks the language at once but reads the dictionary only when a word is hyphenated;
    its break points are pyphen's, less the ones it leaves out on purpose."""
    from core import pdf_render

    pdf_render._hyphenator.cache_clear()
    monkeypatch.setattr(pyphen, "hdcache", {})
    try:
        with pytest.raises(ValueError):
            pdf_render._hyphenator("xx_XX")
        pairs = pdf_render._hyphenator("de_DE")
        assert pyphen.hdcache == {} and not fresh.exists()
        assert pairs("Silbentrennung") == (("Silbentren", "nung"), ("Silben", "trennung"), ("Sil", "bentrennung"))
        assert fresh.joinpath("de_DE.bin").is_file()
    finally:
        pdf_render._hyphenator.cache_clear()

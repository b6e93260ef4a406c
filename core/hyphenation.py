"""pyphen's hyphenation patterns, parsed once, kept in the user's cache folder and read as needed.

pyphen parses its dictionary file in every process: for German 77,847 lines into 66,441
patterns, about half a second, which was most of a cold `main.py export --format pdf`.
`dictionary(lang)` gives pyphen the very patterns its own parser made, from a cache file that the
first parse writes to `<user cache folder>/hyphenation/<lang>.bin`. Reading all of them back
would take 20 ms; a document needs few (the KI-Allianz Stellungnahme hyphenates 69 words, which
can meet 10 % of the patterns), so they are read per word: a pattern can only match where a word
holds its first four letters, and before pyphen looks a word up, the patterns starting with each
four letters of it are added to pyphen's pattern table (those shorter than four letters are all
there from the start). Opening takes about 9 ms (hashing the dictionary file included), a new
word a fraction of a millisecond, and the hyphenation itself stays pyphen's
(`HyphDict.positions`), so every break point is the one pyphen gives (tests/test_hyphenation.py
compares them word by word).

The cache file is plain data that is decoded, never code that is loaded (no pickle, no marshal):
a header line (JSON: the format, pyphen's version, the SHA-256 and size of the dictionary file,
the part sizes and the SHA-256 of the body), then the body: the distinct pattern values as a
JSON list, the names of the groups (the four first letters, "" for the short patterns), the
patterns of each group as UTF-8 joined by line breaks, then per group the end of its text and
its number of patterns, and per pattern the index of its value (unsigned, little-endian).
Everything is checked when the file is opened but the groups, which are checked as they are
read (a split cuts the texts up, every value must be in the table): a file that is missing,
unreadable, damaged (its hash), of another format, pyphen or dictionary, or not of the expected
shape is ignored, the dictionary parsed as before and the file written anew (atomically: a
temporary file renamed over it, and only once it reads back as the same patterns). A cache folder
that cannot be written only means the next process parses again. Nothing here raises for a cache
problem, and a file made by hand with a valid hash can at worst change break points (every value
read is one of the checked table, every text a string).
"""

from __future__ import annotations

import array
import contextlib
import hashlib
import itertools
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyphen

FORMAT = "ziffer-hyphenation/2"  # 1: all patterns in one part (never released)
PREFIX = 4  # letters that name a group of patterns
_SWAP = sys.byteorder != "little"  # the arrays are stored little-endian


def cache_folder() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("Ziffer", appauthor=False)) / "hyphenation"


def dictionary(lang: str) -> pyphen.Pyphen:
    """pyphen's Pyphen for `lang` (ValueError if pyphen has no dictionary for it), its patterns
    read from the cache as needed when the cache is there and still pyphen's."""
    name = pyphen.language_fallback(lang)
    if not name:
        raise ValueError(f"no hyphenation dictionary for {lang}")
    path = pyphen.LANGUAGES[name]
    cache = getattr(pyphen, "hdcache", None)
    if isinstance(cache, dict) and path not in cache:
        hd = _cached_or_parsed(name, path)
        if hd is not None:
            cache[path] = hd  # Pyphen() below takes it instead of parsing the file again
    return pyphen.Pyphen(lang=lang)


def _cached_or_parsed(name: str, path: Any) -> Any:
    """A HyphDict for the dictionary file `path`: from the cache file, else parsed by pyphen
    (and cached); None if the file cannot be read (Pyphen() then parses as it always did)."""
    try:
        raw = path.read_bytes()
        expected = {
            "format": FORMAT,
            "pyphen": str(pyphen.__version__),
            "dictionary": hashlib.sha256(raw).hexdigest(),
            "size": len(raw),
        }
        file = cache_folder() / f"{name}.bin"
    except Exception:
        return None
    hd = _read(file, expected)
    if hd is not None:
        return hd
    hd = pyphen.HyphDict(path)
    _write(hd, file, expected)
    return hd


class _CachedHyphDict(pyphen.HyphDict):
    """pyphen's HyphDict on the cache file: before pyphen's own positions() looks a word up, the
    groups of patterns it can meet are added to `patterns`."""

    def __init__(self, groups: _Groups, maxlen: int) -> None:  # not pyphen's: that parses the file
        self.patterns: dict[str, Any] = {}
        self.cache: dict[str, Any] = {}
        self.maxlen = maxlen
        self._groups = groups
        groups.add("", self.patterns)  # the patterns shorter than PREFIX letters

    def positions(self, word: str) -> Any:
        lowered = word.lower()  # as pyphen's positions(), which keeps its results per lowered word
        if lowered not in self.cache:
            pointed = f".{lowered}."
            for i in range(len(pointed) - PREFIX + 1):
                self._groups.add(pointed[i : i + PREFIX], self.patterns)
        return super().positions(word)


class _Groups:
    """The checked parts of a cache body; add() puts a group's patterns into a pattern table."""

    def __init__(self, table: list[Any], names: list[str], keys: bytes, ends: Any, counts: Any, index: Any) -> None:
        self.table, self.keys, self.ends, self.counts, self.index = table, keys, ends, counts, index
        self.numbers = dict(zip(names, range(len(names)), strict=True))
        self.starts = list(itertools.accumulate(counts, initial=0))
        self.done: set[str] = set()

    def add(self, name: str, patterns: dict[str, Any]) -> None:
        """Put the group `name` (its first letters) into `patterns`, once."""
        if name in self.done:
            return
        group = self.numbers.get(name)
        if group is not None:
            patterns.update(self.read(group))
        self.done.add(name)  # only now: another thread that finds it done finds its patterns there

    def read(self, group: int) -> Iterable[tuple[str, Any]]:
        """The patterns of one group, with their values. As _encode wrote them there are as many
        texts as values and every value is in the table; in a file made by hand a group may lose
        patterns (zip stops at the shorter, a value outside the table drops the group), but reading
        never raises."""
        if not self.counts[group]:
            return ()
        begin = self.ends[group - 1] + 1 if group else 0
        words = self.keys[begin : self.ends[group]].decode("utf-8", "replace").split("\n")
        start = self.starts[group]
        values = self.index[start : start + self.counts[group]]
        if max(values) >= len(self.table):
            return ()
        return zip(words, map(self.table.__getitem__, values), strict=False)


# --- reading -------------------------------------------------------------------------------------


def _read(file: Path, expected: dict[str, Any]) -> Any:
    try:
        data = file.read_bytes()
        head, _, body = data.partition(b"\n")
        header = json.loads(head)
        if not isinstance(header, dict) or {k: header.get(k) for k in expected} != expected:
            return None
        if header.get("sha256") != hashlib.sha256(body).hexdigest():
            return None  # damaged or cut short
        groups = _decode(header, body)
    except Exception:  # unreadable, not JSON, not of the expected shape: parse as before
        return None
    return _CachedHyphDict(groups, header["maxlen"])


def _sizes(header: dict[str, Any]) -> list[int]:
    sizes = [header.get(k) for k in ("maxlen", "table_bytes", "names_bytes", "keys_bytes", "groups", "patterns")]
    if not all(type(n) is int and n >= 0 for n in sizes) or not sizes[0] or not sizes[4]:
        raise ValueError("no sizes")
    return sizes


def _decode(header: dict[str, Any], body: bytes) -> _Groups:
    """The groups of a cache body; ValueError for anything not of the shape _encode writes.
    Checked here: the table's values (so every value a lookup finds is of pyphen's kind), the
    sizes of all parts, the names, that the counts add up to the number of patterns and the texts
    end where the last group does; per group, when it is read, that its values are in the table."""
    _, table_size, names_size, keys_size, groups, patterns = _sizes(header)
    ends, counts, index = _array("I"), _array("I"), _array("H")
    arrays = groups * (ends.itemsize + counts.itemsize) + patterns * index.itemsize
    if len(body) != table_size + names_size + keys_size + arrays:
        raise ValueError("sizes do not add up")
    table = _table(body[:table_size])
    at = table_size
    names = body[at : at + names_size].decode("utf-8").split("\n")
    keys = body[at + names_size : at + names_size + keys_size]
    at += names_size + keys_size
    for part, count in ((ends, groups), (counts, groups), (index, patterns)):
        size = count * part.itemsize
        part.frombytes(body[at : at + size])
        at += size
        if _SWAP:
            part.byteswap()
    if len(names) != groups or names[0] != "":
        raise ValueError("not the names of the groups")
    if sum(counts) != patterns or ends[-1] != keys_size:
        raise ValueError("the groups do not fit the patterns")
    return _Groups(table, names, keys, ends, counts, index)


def _table(text: bytes) -> list[tuple[int, tuple[int, ...]]]:
    """The table of values, checked: in the usual shape ([[2,[1,0,1]],…], whole numbers only, as the
    German one) with a few passes in C, else entry by entry (1 ms instead of 4)."""
    entries = json.loads(text)
    if not isinstance(entries, list) or not entries:
        raise ValueError("no table")
    plain = (
        not text.translate(None, b"[],0123456789")  # lists and whole numbers only, then
        and text.count(b"[") == 1 + 2 * len(entries)  # no list deeper than an entry's values
        and all(type(e) is list and len(e) == 2 and type(e[0]) is int and type(e[1]) is list and e[1] for e in entries)
    )
    if plain:
        return [(start, tuple(values)) for start, values in entries]
    return [_value(entry) for entry in entries]


def _int(v: Any) -> int:
    if type(v) is not int:
        raise ValueError(f"not a whole number: {v!r}")
    return v


def _value(entry: Any) -> tuple[int, tuple[int, ...]]:
    """One table entry: [start, [values…]] or [start, [values…], [null or [change, index, cut], …]]
    (pyphen's nonstandard hyphenation, "ff=f", kept on its DataInt values)."""
    if not isinstance(entry, list) or len(entry) not in (2, 3) or not isinstance(entry[1], list) or not entry[1]:
        raise ValueError("not a table entry")
    start = _int(entry[0])
    values = [_int(v) for v in entry[1]]
    if len(entry) == 3:
        data = entry[2]
        if not isinstance(data, list) or len(data) != len(values):
            raise ValueError("data and values differ")
        for i, d in enumerate(data):
            if d is None:
                continue
            if not (isinstance(d, list) and len(d) == 3 and isinstance(d[0], str)):
                raise ValueError("not a nonstandard hyphenation")
            values[i] = pyphen.DataInt(values[i], (d[0], _int(d[1]), _int(d[2])))
    return start, tuple(values)


def _array(code: str) -> array.array[int]:
    part = array.array(code)
    if part.itemsize != {"H": 2, "I": 4}[code]:
        raise ValueError("no array of that size on this machine")
    return part


# --- writing -------------------------------------------------------------------------------------


def _encode(hd: Any) -> tuple[dict[str, Any], bytes]:
    """The header fields and body of a parsed HyphDict; ValueError (or OverflowError past 65,535
    distinct values) where it holds what this format cannot."""
    if set(vars(hd)) != {"patterns", "cache", "maxlen"}:
        raise ValueError("pyphen's HyphDict has changed")
    entries: dict[Any, int] = {}
    table: list[list[Any]] = []
    groups: dict[str, list[str]] = {"": []}
    for key in hd.patterns:
        if not isinstance(key, str) or "\n" in key:
            raise ValueError("a pattern this format cannot hold")
        groups.setdefault(key[:PREFIX] if len(key) >= PREFIX else "", []).append(key)
    names = ["", *sorted(n for n in groups if n)]
    ends, counts, index = _array("I"), _array("I"), _array("H")
    texts = []
    end = -1
    for name in names:
        keys = groups[name]
        text = "\n".join(keys).encode("utf-8")
        texts.append(text)
        end += len(text) + 1
        ends.append(end)
        counts.append(len(keys))
        for key in keys:
            start, values = hd.patterns[key]
            ints = [int(v) for v in values]
            data = [[*v.data] if isinstance(v, pyphen.DataInt) and v.data is not None else None for v in values]
            identity = (start, tuple(ints), repr(data))  # DataInt compares as its int: the data must count too
            i = entries.get(identity)
            if i is None:
                i = entries[identity] = len(table)
                table.append([start, ints, data] if any(d is not None for d in data) else [start, ints])
            index.append(i)
    for part in (ends, counts, index):
        if _SWAP:
            part.byteswap()
    table_bytes = json.dumps(table, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    names_bytes = "\n".join(names).encode("utf-8")
    keys_bytes = b"\n".join(texts)
    fields = {
        "maxlen": hd.maxlen,
        "table_bytes": len(table_bytes),
        "names_bytes": len(names_bytes),
        "keys_bytes": len(keys_bytes),
        "groups": len(names),
        "patterns": len(index),
    }
    return fields, table_bytes + names_bytes + keys_bytes + ends.tobytes() + counts.tobytes() + index.tobytes()


def _write(hd: Any, file: Path, expected: dict[str, Any]) -> None:
    """Write the cache file atomically, only if it reads back as the very patterns of `hd`."""
    import tempfile

    tmp = None
    try:
        fields, body = _encode(hd)
        if fields["maxlen"] != hd.maxlen or not _same(hd.patterns, _all(_decode(fields, body))):
            return
        header = {**expected, **fields, "sha256": hashlib.sha256(body).hexdigest()}
        file.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{file.name}.", suffix=".tmp", dir=file.parent)
        with os.fdopen(fd, "wb") as f:
            f.write(json.dumps(header).encode("ascii") + b"\n" + body)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, file)
        tmp = None
    except Exception:  # a read-only or full cache folder: the next process parses again
        pass
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _all(groups: _Groups) -> dict[str, Any]:
    """Every pattern of a cache body (to check it when it is written)."""
    patterns: dict[str, Any] = {}
    for group in range(len(groups.counts)):
        patterns.update(groups.read(group))
    return patterns


def _same(patterns: dict[str, Any], decoded: dict[str, Any]) -> bool:
    """Whether decoded patterns are `patterns`, down to the nonstandard hyphenation that DataInt
    values carry (they compare equal as plain ints)."""

    def data(values: tuple[Any, ...]) -> list[Any]:
        return [getattr(v, "data", None) for v in values]

    return patterns == decoded and all(data(v) == data(decoded[k][1]) for k, (_, v) in patterns.items())

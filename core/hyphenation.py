"""pyphen's hyphenation patterns, parsed once and kept in the user's cache folder.

pyphen parses its dictionary file in every process: for German 77,847 lines into 66,441
patterns, about half a second, which was most of a cold `main.py export --format pdf`.
`dictionary(lang)` hands pyphen the very patterns its own parser made, read back from a cache
file in about 20 ms: the first parse writes them to `<user cache folder>/hyphenation/<lang>.bin`,
later processes read them. The hyphenation itself stays pyphen's (`Pyphen.iterate` on pyphen's
own `HyphDict`), so every break point is the one pyphen gives (tests/test_hyphenation.py compares
them word by word).

The cache file is plain data that is decoded, never code that is loaded (no pickle, no
marshal): a header line (JSON: the format, pyphen's version, the SHA-256 and size of the
dictionary file, the SHA-256 and part sizes of the body), then the body: the distinct pattern
values as a JSON list, the pattern strings as UTF-8 joined by line breaks, and for each string
the index of its value (16 bits, little-endian). A file that is missing, unreadable, damaged
(its hash), of another format, pyphen or dictionary, or not of the expected shape is ignored:
the dictionary is parsed as before and the file written anew (atomically: a temporary file
renamed over it). A cache folder that cannot be written only means the next process parses
again. Nothing here raises for a cache problem; ValueError only for a language pyphen lacks.
"""

from __future__ import annotations

import array
import contextlib
import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

FORMAT = "ziffer-hyphenation/1"


def cache_folder() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("Ziffer", appauthor=False)) / "hyphenation"


def dictionary(lang: str) -> Any:
    """pyphen's Pyphen for `lang` (ValueError if pyphen has no dictionary for it), its patterns
    from the cache when they are there and still pyphen's."""
    import pyphen

    name = pyphen.language_fallback(lang)
    if not name:
        raise ValueError(f"no hyphenation dictionary for {lang}")
    path = pyphen.LANGUAGES[name]
    cache = getattr(pyphen, "hdcache", None)
    if isinstance(cache, dict) and path not in cache:
        hd = _cached_or_parsed(pyphen, name, path)
        if hd is not None:
            cache[path] = hd  # Pyphen() below takes it instead of parsing the file again
    return pyphen.Pyphen(lang=lang)


def _cached_or_parsed(pyphen: Any, name: str, path: Any) -> Any:
    """A HyphDict for the dictionary file `path`: from the cache file, else parsed by pyphen
    (and cached); None if pyphen's internals are not the ones this module knows (Pyphen() then
    parses as it always did)."""
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
    hd = _read(pyphen, file, expected)
    if hd is not None:
        return hd
    hd = pyphen.HyphDict(path)
    _write(pyphen, hd, file, expected)
    return hd


# --- reading -------------------------------------------------------------------------------------


def _read(pyphen: Any, file: Path, expected: dict[str, Any]) -> Any:
    try:
        data = file.read_bytes()
        head, _, body = data.partition(b"\n")
        header = json.loads(head)
        if not isinstance(header, dict) or {k: header.get(k) for k in expected} != expected:
            return None
        if header.get("sha256") != hashlib.sha256(body).hexdigest():
            return None  # damaged or cut short
        patterns = _decode(pyphen, header, body)
    except Exception:  # unreadable, not JSON, not of the expected shape: parse as before
        return None
    hd = pyphen.HyphDict.__new__(pyphen.HyphDict)
    hd.patterns, hd.cache, hd.maxlen = patterns, {}, header["maxlen"]
    return hd


def _decode(pyphen: Any, header: dict[str, Any], body: bytes) -> dict[str, tuple[int, tuple[int, ...]]]:
    """The patterns of a cache body; ValueError for anything not exactly of the shape _encode
    writes. Every value is checked here (the distinct ones, which all others are), so a strange
    file cannot fail later, mid-export: the pattern strings come from splitting text, the values
    from the checked table, and every index points into it."""
    table_size, keys_size, maxlen = (header.get(k) for k in ("table_bytes", "keys_bytes", "maxlen"))
    if not all(type(n) is int and n > 0 for n in (table_size, keys_size, maxlen)):
        raise ValueError("no sizes")
    if len(body) <= table_size + keys_size:
        raise ValueError("cut short")
    table_in = json.loads(body[:table_size])
    if not isinstance(table_in, list) or not table_in:
        raise ValueError("no table")
    table = [_value(pyphen, entry) for entry in table_in]
    words = body[table_size : table_size + keys_size].decode("utf-8").split("\n")
    index = _index()
    index.frombytes(body[table_size + keys_size :])
    if _SWAP:
        index.byteswap()
    if len(index) != len(words) or max(index) >= len(table):
        raise ValueError("keys and index differ")
    return dict(zip(words, map(table.__getitem__, index), strict=True))


def _int(v: Any) -> int:
    if type(v) is not int:
        raise ValueError(f"not a whole number: {v!r}")
    return v


def _value(pyphen: Any, entry: Any) -> tuple[int, tuple[int, ...]]:
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


def _index() -> array.array[int]:
    index = array.array("H")
    if index.itemsize != 2:
        raise ValueError("no 16-bit array on this machine")
    return index


_SWAP = sys.byteorder != "little"  # the index is stored little-endian


# --- writing -------------------------------------------------------------------------------------


def _encode(pyphen: Any, hd: Any) -> tuple[dict[str, Any], bytes]:
    """The header fields and body of a parsed HyphDict; ValueError where it holds what this
    format cannot."""
    if set(vars(hd)) != {"patterns", "cache", "maxlen"}:
        raise ValueError("pyphen's HyphDict has changed")
    entries: dict[Any, int] = {}
    table: list[list[Any]] = []
    index = _index()
    for key, (start, values) in hd.patterns.items():
        if not isinstance(key, str) or "\n" in key:
            raise ValueError("a pattern this format cannot hold")
        ints = [int(v) for v in values]
        data = [[*v.data] if isinstance(v, pyphen.DataInt) and v.data is not None else None for v in values]
        identity = (start, tuple(ints), repr(data))  # DataInt compares as its int: the data must count too
        i = entries.get(identity)
        if i is None:
            i = entries[identity] = len(table)
            table.append([start, ints, data] if any(d is not None for d in data) else [start, ints])
        index.append(i)  # OverflowError past 65,535 distinct values: not cached
    if _SWAP:
        index.byteswap()
    table_bytes = json.dumps(table, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    keys_bytes = "\n".join(hd.patterns).encode("utf-8")
    header = {"maxlen": hd.maxlen, "table_bytes": len(table_bytes), "keys_bytes": len(keys_bytes)}
    return header, table_bytes + keys_bytes + index.tobytes()


def _write(pyphen: Any, hd: Any, file: Path, expected: dict[str, Any]) -> None:
    """Write the cache file atomically, only if it reads back as the very patterns of `hd`."""
    import tempfile

    tmp = None
    try:
        fields, body = _encode(pyphen, hd)
        if fields["maxlen"] != hd.maxlen or not _same(hd.patterns, _decode(pyphen, fields, body)):
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


def _same(patterns: dict[str, Any], decoded: dict[str, Any]) -> bool:
    """Whether decoded patterns are `patterns`, down to the nonstandard hyphenation that DataInt
    values carry (they compare equal as plain ints)."""

    def data(values: tuple[Any, ...]) -> list[Any]:
        return [getattr(v, "data", None) for v in values]

    return patterns == decoded and all(data(v) == data(decoded[k][1]) for k, (_, v) in patterns.items())

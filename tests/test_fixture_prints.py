"""The parser against invented prints in the real layouts of German parliaments.

Every ``tests/fixtures/prints/NAME.expected.json`` sits next to ``NAME.txt`` and holds the
expected values (in the format of ../shared/print-json.md) of the keys that fixture tests.
``core.parser.parse_file(path).to_dict()`` is compared with it key by key; keys the expected
file leaves out are not checked.

Comparison rules:

- strings are compared after collapsing every whitespace run (blanks, tabs, line and
  paragraph breaks) to one space and stripping, so for ``text`` and ``reasoning`` the
  paragraph breaks do not matter either;
- lists must have the same length and are compared element-wise, in order;
- dicts are compared recursively, only on the keys present in the expected dict;
- ``"warnings_contain": ["substring", ...]``: each substring appears (case-insensitive) in
  some warning; ``"warnings": []`` means the parser found nothing to warn about.

A mismatch names its path (``answer.items[2].points``) and shows both values.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

PRINTS = Path(__file__).parent / "fixtures" / "prints"
EXPECTED_FILES = sorted(PRINTS.glob("*.expected.json"))

TOP_KEYS = {
    "schema",
    "parliament",
    "number",
    "kind",
    "title",
    "submitted",
    "received",
    "published",
    "originators",
    "factions",
    "ministry",
    "points",
    "reasoning",
    "answer",
    "references",
    "warnings",
    "warnings_contain",
    "references_numbers",
}
KINDS = {"antrag", "kleine_anfrage", "grosse_anfrage", "schriftliche_anfrage", "unterrichtung", "other"}
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
WHERE = re.compile(r"point:\S+|reasoning|answer:[1-9]\d*|other")
HEADING = re.compile(r"\s*(Zu|Antwort zu)\s+(den\s+Fragen|Frage|[IVX]+\.|\d)")
_WS = re.compile(r"\s+")


def _print_path(expected_file: Path) -> Path:
    return expected_file.with_name(expected_file.name.removesuffix(".expected.json") + ".txt")


def _load(expected_file: Path) -> dict[str, Any]:
    with expected_file.open(encoding="utf-8") as f:
        return json.load(f)


def _norm(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _show(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _string_diff(expected: str, actual: str) -> str:
    """Where two normalised strings part, with some context on both sides."""
    i = 0
    while i < min(len(expected), len(actual)) and expected[i] == actual[i]:
        i += 1
    start = max(0, i - 40)
    return (
        f"\n    first difference at character {i}:"
        f"\n    expected …{expected[start : i + 40]!r}"
        f"\n    actual   …{actual[start : i + 40]!r}"
    )


def compare(expected: Any, actual: Any, path: str, errors: list[str]) -> None:
    """Append a message to ``errors`` for every place where ``actual`` does not match ``expected``."""
    where = path or "(top)"
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            errors.append(f"{where}: expected an object {_show(expected)}, got {_show(actual)}")
            return
        for key, exp in expected.items():
            sub = f"{path}.{key}" if path else key
            if key not in actual:
                errors.append(f"{sub}: missing from the parse result (expected {_show(exp)})")
            else:
                compare(exp, actual[key], sub, errors)
    elif isinstance(expected, list):
        if not isinstance(actual, list):
            errors.append(f"{where}: expected a list {_show(expected)}, got {_show(actual)}")
        elif len(expected) != len(actual):
            errors.append(
                f"{where}: expected {len(expected)} elements, got {len(actual)}"
                f"\n    expected {_show(expected)}\n    actual   {_show(actual)}"
            )
        else:
            for i, (exp, act) in enumerate(zip(expected, actual, strict=True)):
                compare(exp, act, f"{path}[{i}]", errors)
    elif isinstance(expected, str):
        if not isinstance(actual, str):
            errors.append(f"{where}: expected {_show(expected)}, got {_show(actual)}")
        elif _norm(expected) != _norm(actual):
            errors.append(
                f"{where}: expected {_show(expected)}\n    actual   {_show(actual)}"
                + _string_diff(_norm(expected), _norm(actual))
            )
    elif expected != actual or type(expected) is not type(actual):
        errors.append(f"{where}: expected {_show(expected)}, got {_show(actual)}")


def check(expected: dict[str, Any], actual: dict[str, Any]) -> list[str]:
    """All mismatches between an expected file's content and a parse result."""
    errors: list[str] = []
    plain = {k: v for k, v in expected.items() if k not in ("warnings_contain", "references_numbers")}
    compare(plain, actual, "", errors)
    if "references_numbers" in expected:
        cited = sorted({r["number"] for r in actual.get("references") or [] if r.get("number")})
        if cited != sorted(expected["references_numbers"]):
            errors.append(f"references_numbers: expected {sorted(expected['references_numbers'])}, got {cited}")
    warnings = actual.get("warnings") or []
    for needle in expected.get("warnings_contain", []):
        if not any(needle.lower() in str(w).lower() for w in warnings):
            errors.append(f"warnings: none contains {needle!r}; the warnings were {_show(warnings)}")
    return errors


@pytest.mark.parametrize("expected_file", EXPECTED_FILES, ids=lambda f: f.name.removesuffix(".expected.json"))
def test_parse_matches_expected(expected_file: Path) -> None:
    from core.parser import parse_file  # imported here so that the fixture checks below run on their own

    expected = _load(expected_file)
    actual = parse_file(_print_path(expected_file)).to_dict()
    errors = check(expected, actual)
    if errors:
        pytest.fail(f"{_print_path(expected_file).name}:\n  " + "\n  ".join(errors), pytrace=False)


# --- the fixtures themselves (need no parser) ---------------------------------------------


def test_fixtures_exist() -> None:
    assert len(EXPECTED_FILES) >= 11


@pytest.mark.parametrize("print_file", sorted(PRINTS.glob("*.txt")), ids=lambda p: p.stem)
def test_every_print_has_expected_values(print_file: Path) -> None:
    assert print_file.with_name(print_file.stem + ".expected.json").is_file()
    print_file.read_text(encoding="utf-8")  # valid UTF-8


@pytest.mark.parametrize("expected_file", EXPECTED_FILES, ids=lambda p: p.name.removesuffix(".expected.json"))
def test_expected_file_is_well_formed(expected_file: Path) -> None:
    expected = _load(expected_file)
    assert _print_path(expected_file).is_file()
    assert set(expected) <= TOP_KEYS, set(expected) - TOP_KEYS
    if "kind" in expected:
        assert expected["kind"] in KINDS
    for key in ("submitted", "received", "published"):
        if expected.get(key) is not None:
            assert ISO_DATE.fullmatch(expected[key]), key
    labels = [p["label"] for p in expected.get("points", [])]
    for point in expected.get("points", []):
        assert set(point) == {"label", "text"}
        assert not point["label"].endswith("."), point["label"]
        assert not re.match(r"\s*\*|\s*-\s|\s*[IVX]*\.?\s*\d+\.\s", point["text"]), point["text"]
    answer = expected.get("answer")
    if answer:
        if answer.get("date") is not None:
            assert ISO_DATE.fullmatch(answer["date"])
        items = answer.get("items", [])
        for item in items:
            assert set(item) == {"points", "text"}
            assert all(label in labels for label in item["points"]) or not labels, item["points"]
            assert not HEADING.match(item["text"]), item["text"][:40]
    for ref in expected.get("references", []):
        assert {"number", "points", "in"} <= set(ref) <= {"number", "points", "in", "parliament"}
        assert WHERE.fullmatch(ref["in"]), ref["in"]
        if ref["number"] is not None:
            assert re.fullmatch(r"\d{1,2}/\d+", ref["number"]), ref["number"]
        if answer and ref["in"].startswith("answer:"):
            assert int(ref["in"].split(":")[1]) <= len(answer["items"])


def test_comparison_reports_paths() -> None:
    expected = {"answer": {"items": [{"points": ["1"]}, {"points": ["2", "3"], "text": "a  b\n\nc"}]}}
    actual = {"answer": {"items": [{"points": ["1"], "text": "x"}, {"points": ["2"], "text": "a b c"}]}}
    errors = check(expected, actual)
    assert len(errors) == 1 and errors[0].startswith("answer.items[1].points:")
    assert check({"warnings_contain": ["No Answer"]}, {"warnings": ["no answer for point 4"]}) == []
    assert check({"warnings": []}, {"warnings": ["x"]})
    assert check({"number": None}, {"number": "17/1"})

"""The parser against real prints: hand-checked expectations for the corpus in ../shared/corpus/.

Each ``tests/fixtures/corpus/NAME.json`` was written by reading ``../shared/corpus/NAME`` (an
official Niedersachsen answer print, text as extracted from its PDF): the print's number, the
answer date, the signatory, every question label in order, the last words of each question, the
answer items with the labels each answers and their first words, and every cited print. The
parse must match exactly; the question ends and answer starts pin where a question stops and
its answer begins, which is where real prints went wrong. Group real_documents: skipped when the
corpus is absent (tests/fixtures/prints/ni_kleine_anfrage.txt is our own print in this layout).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import CORPUS

EXPECTED = sorted((Path(__file__).parent / "fixtures" / "corpus").glob("*.json"))
_WS = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _WS.sub(" ", text or "").strip()


def mismatches(expected: dict, doc: dict) -> list[str]:
    """Every difference between a hand-checked expectation and a parse result (print-json)."""
    out: list[str] = []
    answer = doc.get("answer") or {}
    for key, got in (
        ("number", doc.get("number")),
        ("answer_date", answer.get("date")),
        ("signatory", answer.get("signatory")),
    ):
        if expected[key] != got:
            out.append(f"{key}: expected {expected[key]!r}, got {got!r}")
    labels = [p["label"] for p in doc.get("points") or []]
    if labels != expected["labels"]:
        out.append(f"labels: expected {expected['labels']}, got {labels}")
    texts = {p["label"]: _norm(p["text"]) for p in doc.get("points") or []}
    for label, end in expected["question_ends"].items():
        if label in texts and not texts[label].endswith(_norm(end)):
            out.append(f"question {label} should end {end!r}: …{texts[label][-80:]!r}")
    items = answer.get("items") or []
    grouping = [it["points"] for it in items]
    if grouping != expected["items"]:
        out.append(f"items: expected {expected['items']}, got {grouping}")
    else:
        for k, (item, start) in enumerate(zip(items, expected["answer_starts"], strict=True), 1):
            if not _norm(item["text"]).startswith(_norm(start)):
                out.append(f"answer {k} should start {start!r}: {_norm(item['text'])[:80]!r}…")
    cited = sorted({r["number"] for r in doc.get("references") or [] if r.get("number")})
    if cited != sorted(expected["references"]):
        out.append(f"references: expected {sorted(expected['references'])}, got {cited}")
    return out


@pytest.mark.real_documents
@pytest.mark.parametrize("expected_file", EXPECTED, ids=lambda p: p.stem)
def test_corpus_print_exactly_right(expected_file: Path) -> None:
    from core.parser import parse_file

    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    source = CORPUS / expected["file"]
    if not source.exists():
        pytest.skip(f"{source.name} is not in the corpus")
    found = mismatches(expected, parse_file(source).to_dict())
    assert not found, f"{source.name}:\n  " + "\n  ".join(found)


def test_at_least_thirty_prints_are_hand_checked() -> None:
    assert len(EXPECTED) >= 30


def _report(folder: Path, *extra: str) -> str:
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    out = subprocess.run(
        [sys.executable, str(root / "main.py"), "parse", str(folder), "--report", *extra],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return out.stdout


def test_report_lists_every_document_and_counts_the_whole_ones(tmp_path: Path) -> None:
    prints = Path(__file__).parent / "fixtures" / "prints"
    (tmp_path / "ni.txt").write_text((prints / "ni_kleine_anfrage.txt").read_text(encoding="utf-8"), "utf-8")
    (tmp_path / "gaps.txt").write_text((prints / "bw_antrag_no_number_weird.txt").read_text(encoding="utf-8"), "utf-8")
    out = _report(tmp_path)
    assert "ok   ni.txt  19/11223" in out
    assert "answers: [] [1] [2] [3,4] [5]" in out
    assert "FAIL gaps.txt" in out and "problem: 4 follows 2" in out
    assert out.strip().endswith("1 of 2 documents without structural warnings")


@pytest.mark.real_documents
def test_report_on_the_niedersachsen_corpus_agrees_with_the_check() -> None:
    from core.parser import parse_file
    from core.report import structural_problems

    out = _report(CORPUS, "--glob", "NI-*.txt")
    files = sorted(CORPUS.glob("NI-*.txt"))
    whole = sum(not structural_problems(parse_file(f).to_dict()) for f in files)
    assert out.strip().endswith(f"{whole} of {len(files)} documents without structural warnings")
    assert whole >= 49

"""Export service: checks before export, safe file names, template lookup and override."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, sample

from core import export as ex
from core.model import AnswerItem
from core.parser import parse_file


def ki():  # type: ignore[no-untyped-def]
    return parse_file(sample("drucksache-ki-allianz-antrag-und-stellungnahme.pdf"))


def test_checks_of_a_complete_answer() -> None:
    """The published KI-Allianz answer has nothing to warn about but the cited print missing from the register."""
    assert ex.checks(ki(), in_register=set()) == ["Die zitierte Drucksache 17/9075 ist nicht im Register."]
    assert ex.checks(ki(), in_register={"17/9075"}) == []


def test_checks_find_gaps() -> None:
    """Unanswered and twice answered points, empty answers, missing file number, signatory and date are listed."""
    doc = ki()
    doc.answer.items[1] = AnswerItem(["1"], "")
    doc.answer.file_number = None
    doc.answer.signatory = None
    doc.answer.date = None
    warnings = ex.checks(doc)
    assert "Ziffer 1 wird zweimal beantwortet." in warnings
    assert "Ziffer 2 hat keine Antwort." in warnings
    assert "Zu Ziffer 1 fehlt die Antwort." in warnings
    assert {
        "Das Aktenzeichen (Nr.) fehlt.",
        "Die Unterzeichnerin oder der Unterzeichner fehlt.",
        "Das Datum des Schreibens fehlt.",
    } <= set(warnings)
    unanswered = parse_file(FIXTURES / "bw_antrag_unanswered.txt")
    assert ex.checks(unanswered) == ["Es gibt noch keine Antwort."]


@pytest.mark.parametrize(
    ("number", "label", "expected"),
    [
        ("17/9321", "Stellungnahme", "17-9321_Stellungnahme.pdf"),
        (None, "Antwort", "ohne-Nummer_Antwort.pdf"),
        ("../../etc/passwd", "Antwort", "etc-passwd_Antwort.pdf"),
        ("17\\9321", "Stellungnahme", "17-9321_Stellungnahme.pdf"),
    ],
)
def test_safe_filename(number: str | None, label: str, expected: str) -> None:
    """File names never carry a path separator or a leading dot."""
    assert ex.safe_filename(number, label, "pdf") == expected


def test_free_path_never_overwrites(tmp_path: Path) -> None:
    """An existing file gets a numbered sibling; a name cannot leave the folder."""
    (tmp_path / "17-9321_Stellungnahme.pdf").write_bytes(b"x")
    (tmp_path / "17-9321_Stellungnahme (2).pdf").write_bytes(b"x")
    assert ex.free_path(tmp_path, "17-9321_Stellungnahme.pdf").name == "17-9321_Stellungnahme (3).pdf"
    with pytest.raises(ex.ExportError):
        ex.free_path(tmp_path, "../x.pdf")


def test_template_lookup_and_override(tmp_path: Path) -> None:
    """A user's template of the same name wins; unknown names and formats are refused."""
    own = tmp_path / "stellungnahme.pdf.json"
    own.write_text("{}", encoding="utf-8")
    assert ex.template_file("stellungnahme", "pdf", user_dir=tmp_path) == own
    assert ex.template_file("antwort", "pdf", user_dir=tmp_path).parent == ex.BUILTIN_TEMPLATES
    with pytest.raises(ex.ExportError, match="keine PDF-Vorlage"):
        ex.template_file("gibtsnicht", "pdf", user_dir=tmp_path)
    with pytest.raises(ex.ExportError, match="kein Vorlagenname"):
        ex.template_file("../secret", "pdf", user_dir=tmp_path)
    with pytest.raises(ex.ExportError, match="Das Format"):
        ex.template_file("antwort", "odt", user_dir=tmp_path)


def test_requests() -> None:
    """The Zulieferung names the unit's points and deadline; the Fristverlängerung needs a request first."""
    doc = ki()
    req = ex.request_for_unit(doc, [{"point": "8", "unit": "FM2", "due": "2025-08-20", "received_on": None}], "FM2")
    assert [p["label"] for p in req["points"]] == ["8"] and req["due_long"] == "20. August 2025"
    with pytest.raises(ex.ExportError, match="nichts zuliefern"):
        ex.request_for_unit(doc, [], "FM2")
    with pytest.raises(ex.ExportError, match="keine Fristverlängerung"):
        ex.request_for_extension({"extension_requested": None})
    ext = ex.request_for_extension(
        {"extension_requested": "2025-09-12", "original_due": "2025-08-29", "extension_reason": "Zulieferung steht aus"}
    )
    assert ext == {
        "original_due_long": "29. August 2025",
        "requested_due_long": "12. September 2025",
        "reason": "Zulieferung steht aus",
    }


def test_export_from_the_register_round_trip(tmp_path: Path) -> None:
    """Import the published KI-Allianz print, export both formats through the CLI, read the PDF back:
    the same points and answers; a second export gets a new name; warnings are listed."""
    import json
    import subprocess
    import sys

    from conftest import ROOT

    db = str(tmp_path / "e.db")
    out = tmp_path / "out"
    out.mkdir()

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, str(ROOT / "main.py"), *args, "--db", db], capture_output=True, text=True, timeout=300
        )

    assert run("import", str(sample("drucksache-ki-allianz-antrag-und-stellungnahme.pdf"))).returncode == 0
    r = run("export", "17/9321", "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert "Hinweis: Die zitierte Drucksache 17/9075 ist nicht im Register." in r.stderr
    files = sorted(p.name for p in out.iterdir())
    assert files == ["17-9321_Stellungnahme.docx", "17-9321_Stellungnahme.pdf"]
    original = json.loads(run("show", "17/9321", "--json").stdout)
    for name in files:
        back = parse_file(out / name).to_dict()
        assert [p["label"] for p in back["points"]] == [p["label"] for p in original["points"]]
        assert [" ".join(i["text"].split()) for i in back["answer"]["items"]] == [
            " ".join(i["text"].split()) for i in original["answer"]["items"]
        ]
        assert back["answer"]["file_number"] == "WM36-43-99/161" and back["answer"]["date"] == "2025-09-01"
        assert back["answer"]["signatory"] == "Hoffmeister-Kraut"
    again = run("export", "17/9321", "--format", "pdf", "--draft", "--out", str(out))
    assert again.stdout.strip().endswith("17-9321_Stellungnahme_Entwurf.pdf")
    assert run("export", "17/9321", "--template", "zulieferung", "--out", str(out)).returncode == 2

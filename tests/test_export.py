"""Export service: checks before export, safe file names, template lookup and override."""

from __future__ import annotations

from pathlib import Path

import ownprints as own
import pytest
from conftest import FIXTURES, sample

from core import export as ex
from core.model import AnswerItem
from core.parser import parse_file

KI = "drucksache-ki-allianz-antrag-und-stellungnahme.pdf"
SOURCES = ["own", pytest.param("real", marks=pytest.mark.real_documents)]


def ki():  # type: ignore[no-untyped-def]
    return parse_file(sample(KI))


@pytest.fixture(params=SOURCES)
def published(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """The published print with its Stellungnahme: ours (17/8517, a PDF made from a fixture) or the real
    KI-Allianz one."""
    return own.published_pdf(tmp_path) if request.param == "own" else sample(KI)


def test_checks_of_our_complete_answer(tmp_path: Path) -> None:
    """Our published answer has nothing to warn about but the two cited prints missing from the register."""
    doc = parse_file(own.published_pdf(tmp_path))
    assert ex.checks(doc, in_register=set()) == [
        "Die zitierte Drucksache 17/3318 ist nicht im Register.",
        "Die zitierte Drucksache 17/6120 ist nicht im Register.",
    ]
    assert ex.checks(doc, in_register={"17/6120"}) == ["Die zitierte Drucksache 17/3318 ist nicht im Register."]
    assert ex.checks(doc, in_register={"17/3318", "17/6120"}) == []


@pytest.mark.real_documents
def test_checks_of_a_complete_answer() -> None:
    """The published KI-Allianz answer has nothing to warn about but the cited print missing from the register."""
    assert ex.checks(ki(), in_register=set()) == ["Die zitierte Drucksache 17/9075 ist nicht im Register."]
    assert ex.checks(ki(), in_register={"17/9075"}) == []


def test_checks_find_gaps(published: Path) -> None:
    """Unanswered and twice answered points, empty answers, missing file number, signatory and date are listed."""
    doc = parse_file(published)
    lost = doc.answer.items[1].points  # answered by answer 2, which now answers point 1 again
    doc.answer.items[1] = AnswerItem(["1"], "")
    doc.answer.file_number = None
    doc.answer.signatory = None
    doc.answer.date = None
    warnings = ex.checks(doc)
    assert "Ziffer 1 wird zweimal beantwortet." in warnings
    assert lost and all(f"Ziffer {label} hat keine Antwort." in warnings for label in lost)
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


def test_requests(published: Path) -> None:
    """The Zulieferung names the unit's points and deadline; the Fristverlängerung needs a request first."""
    doc = parse_file(published)
    last = doc.points[-1].label
    req = ex.request_for_unit(
        doc,
        [
            {"point": last, "unit": "FM2", "due": "2025-08-20", "received_on": None},
            {"point": "1", "unit": "FM3", "due": "2025-08-21", "received_on": None},
        ],
        "FM2",
    )
    assert [p["label"] for p in req["points"]] == [last] and req["due_long"] == "20. August 2025"
    assert req["points"][0]["text"] == doc.points[-1].text
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


# number, cited print not in the register, file number, answer date, signatory
ROUND_TRIP = {
    own.NUMBER: ("17/3318", own.FILE_NUMBER, own.ANSWER_DATE.isoformat(), own.SIGNATORY),
    "17/9321": ("17/9075", "WM36-43-99/161", "2025-09-01", "Hoffmeister-Kraut"),
}


def test_export_from_the_register_round_trip(tmp_path: Path, published: Path) -> None:
    """Import the published print (ours or the KI-Allianz one), export both formats through the CLI, read
    them back: the same points and answers; a second export gets a new name; warnings are listed."""
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

    number = parse_file(published).number
    cited, file_number, answer_date, signatory = ROUND_TRIP[number]
    stem = number.replace("/", "-")
    assert run("import", str(published)).returncode == 0
    r = run("export", number, "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert f"Hinweis: Die zitierte Drucksache {cited} ist nicht im Register." in r.stderr
    files = sorted(p.name for p in out.iterdir())
    assert files == [f"{stem}_Stellungnahme.docx", f"{stem}_Stellungnahme.pdf"]
    original = json.loads(run("show", number, "--json").stdout)
    for name in files:
        back = parse_file(out / name).to_dict()
        assert [p["label"] for p in back["points"]] == [p["label"] for p in original["points"]]
        assert [" ".join(i["text"].split()) for i in back["answer"]["items"]] == [
            " ".join(i["text"].split()) for i in original["answer"]["items"]
        ]
        assert [i["points"] for i in back["answer"]["items"]] == [i["points"] for i in original["answer"]["items"]]
        assert back["answer"]["file_number"] == file_number and back["answer"]["date"] == answer_date
        assert back["answer"]["signatory"] == signatory
    again = run("export", number, "--format", "pdf", "--draft", "--out", str(out))
    assert again.stdout.strip().endswith(f"{stem}_Stellungnahme_Entwurf.pdf")
    assert run("export", number, "--template", "zulieferung", "--out", str(out)).returncode == 2

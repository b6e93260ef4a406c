"""The command line: `main.py parse FILE [--json]`, with clear errors and exit status 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, sample
from pypdf import PdfWriter


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, timeout=120)


def test_parse_json_contract() -> None:
    """--json prints the ziffer.print/1 object with every key of the contract."""
    r = run("parse", str(FIXTURES / "bw_kleine_anfrage.txt"), "--json")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["schema"] == "ziffer.print/1"
    for key in (
        "parliament",
        "number",
        "kind",
        "title",
        "submitted",
        "received",
        "originators",
        "factions",
        "ministry",
        "points",
        "reasoning",
        "answer",
        "references",
        "warnings",
    ):
        assert key in d
    assert d["kind"] == "kleine_anfrage"


def test_parse_summary_of_our_motion() -> None:
    """Without --json a readable summary shows kind, title, points and the first words of the answers."""
    r = run("parse", str(FIXTURES / "bw_antrag_combined_answers.txt"))
    assert r.returncode == 0, r.stderr
    assert "BW 17/8517 · Antrag · Studienplätze für das Lehramt Grundschule" in r.stdout
    assert "5 Ziffern:" in r.stdout
    assert "5. wie sie darauf hinwirkt" in r.stdout
    assert "Zu 4 und 5: Das Land hat die Zahl der Studienplätze" in r.stdout
    assert "Antwort vom 2025-03-11, Nr. MWK41-7431.3/29/1, gez. Schöttle" in r.stdout
    assert "17/6120 Ziffer 3 in Antwort 2" in r.stdout


@pytest.mark.real_documents
def test_parse_summary() -> None:
    """Without --json a readable summary shows kind, title, points and the first words of the answers."""
    r = run("parse", str(sample("antrag-stellungnahme-ki-allianz-bw.txt")))
    assert r.returncode == 0, r.stderr
    assert "Antrag · Strategische Weiterentwicklung der KI-Allianz" in r.stdout
    assert "Zu 8: Zur Finanzierung von Projekten" in r.stdout
    assert "17/9075 Ziffer 3, 4 in Antwort 2" in r.stdout


def _locked_pdf(tmp_path: Path) -> Path:
    from pdfmaker import make_pdf

    writer = PdfWriter(clone_from=make_pdf(tmp_path / "plain.pdf", [["Geheim"]]))
    writer.encrypt(user_password="x", owner_password="y", algorithm="AES-128")
    p = tmp_path / "locked.pdf"
    with p.open("wb") as fh:
        writer.write(fh)
    return p


@pytest.mark.parametrize("case", ["missing", "empty", "binary", "corrupt_pdf", "locked_pdf", "folder"])
def test_bad_files_give_one_line_and_status_2(tmp_path: Path, case: str) -> None:
    """Missing, empty, binary, corrupt and password-protected files: one line on stderr, exit 2, no traceback."""
    path = tmp_path / "file.pdf"
    if case == "empty":
        path.write_bytes(b"")
    elif case == "binary":
        path = tmp_path / "file.bin"
        path.write_bytes(bytes(range(256)) * 4)
    elif case == "corrupt_pdf":
        path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\n%%EOF")
    elif case == "locked_pdf":
        path = _locked_pdf(tmp_path)
    elif case == "folder":
        path = tmp_path
    r = run("parse", str(path), "--json")
    assert r.returncode == 2
    assert r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("ziffer: ")
    assert "Traceback" not in r.stderr


def test_parser_defines_the_command_run() -> None:
    """A start defines only the command it runs (or none, for the window); that command's options and
    help are those of the whole command line, and anything unclear defines every command."""
    import argparse

    import ziffer_cli

    def commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
        return next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices

    def described(action: argparse.Action) -> dict[str, object]:
        return {k: v for k, v in vars(action).items() if k != "container"}

    every = commands(ziffer_cli.build_parser())
    assert tuple(every) == ziffer_cli.COMMANDS
    for name in ziffer_cli.COMMANDS:
        one = commands(ziffer_cli.build_parser(name))
        assert list(one) == [name]
        assert one[name].format_help() == every[name].format_help()
        assert [described(a) for a in one[name]._actions] == [described(a) for a in every[name]._actions]
    assert commands(ziffer_cli.build_parser("")) == {}
    assert list(commands(ziffer_cli.build_parser("exprot"))) == list(every)  # argparse names them all
    cases = {
        ("export", "17/1"): "export",
        ("--db", "x.db", "list", "--json"): "list",
        ("--db=x.db", "show", "1"): "show",
        ("list", "--db", "x.db"): "list",
        (): "",
        ("--db", "x.db"): "",
        ("--db",): None,
        ("-h", "export"): None,
        ("--version",): None,
        ("--d", "x.db", "list"): None,
        ("",): None,
    }
    for args, expected in cases.items():
        assert ziffer_cli.command_of(args) == expected, args


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """--version answers (without arguments Ziffer opens its window: tests/test_gui.py). main.py answers
    it before it imports the command line, with what argparse's version action prints, also when
    --version comes with other arguments (then argparse answers it)."""
    import ziffer_cli
    from core import VERSION

    with pytest.raises(SystemExit) as stop:
        ziffer_cli.build_parser().parse_args(["--version"])
    assert stop.value.code == 0
    by_argparse = capsys.readouterr().out
    assert by_argparse == f"Ziffer {VERSION}\n"
    for args in (["--version"], ["--db", "x.db", "--version"]):
        r = run(*args)
        assert r.returncode == 0 and r.stdout == by_argparse and r.stderr == ""

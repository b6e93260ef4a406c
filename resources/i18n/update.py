"""Refresh the translation sources and compile them: `.venv/bin/python resources/i18n/update.py`.

pyside6-lupdate collects every tr()/translate() string of gui/ into ziffer_en.ts (translations made
so far are kept; new strings arrive marked unfinished, to be translated in Qt Linguist or by hand),
then pyside6-lrelease compiles ziffer_en.qm, which the app loads when English is chosen.
German is the source language and needs no file."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    return found


def update(ts: Path = HERE / "ziffer_en.ts") -> None:
    sources = sorted(str(p) for p in (ROOT / "gui").glob("*.py"))
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *sources,
            "-source-language",
            "de_DE",
            "-target-language",
            "en_GB",
            "-no-obsolete",
            "-ts",
            str(ts),
        ],
        check=True,
        capture_output=True,
    )


def release(ts: Path = HERE / "ziffer_en.ts") -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True, capture_output=True
    )


if __name__ == "__main__":
    update()
    release()

"""Project-wide checks that run with the tests: ruff is clean, the layering of DESIGN.md holds."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = {
    "core": {"PySide6", "sqlite3", "sqlite_utils", "storage", "gui"},
    "storage": {"PySide6", "gui"},
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_layering_by_source(package: str) -> None:
    """core imports neither Qt nor SQL nor storage/gui; storage imports no Qt (every import, also lazy ones)."""
    bad = []
    for path in sorted((ROOT / package).rglob("*.py")):
        hits = _imports(path) & FORBIDDEN[package]
        if hits:
            bad.append(f"{path.relative_to(ROOT)}: {sorted(hits)}")
    assert not bad, "layering broken:\n" + "\n".join(bad)


def test_import_linter_contracts() -> None:
    """The import-linter contracts in pyproject.toml are kept (the same rule, checked on the import graph)."""
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("import-linter is not installed")
    run = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr


def test_ruff_is_clean() -> None:
    """ruff finds nothing in the project."""
    exe = shutil.which("ruff", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("ruff is not installed")
    run = subprocess.run([exe, "check", "."], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr


def test_readme_commands_and_ci_agree() -> None:
    """The README's first code block holds exactly the two commands, and .ci/run runs the second one."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```", 2)[1].strip("\n").splitlines()
    commands = [line for line in block if line.strip()]
    assert len(commands) == 2
    assert commands[0].endswith("main.py") and "pytest" in commands[1]
    assert commands[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")

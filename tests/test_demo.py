"""`main.py demo` fills a register a new user can explore at once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

from storage.register import Register


def test_demo_register(tmp_path: Path) -> None:
    """The demo gives answered and open prints of several terms and kinds, citations, material; twice is harmless."""
    db = tmp_path / "demo.db"
    for _ in range(2):
        r = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "demo", "--db", str(db)],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert r.returncode == 0, r.stderr
    assert "0 importiert" in r.stdout and "0 fehlgeschlagen" in r.stdout  # the second run changes nothing
    with Register.open(db) as reg:
        rows = reg.list_prints(limit=1000)
        assert len(rows) >= 15
        assert {r["kind"] for r in rows} >= {"antrag", "kleine_anfrage", "grosse_anfrage"}
        assert len({r["number"].split("/")[0] for r in rows}) >= 2
        assert any(not r["answered"] for r in rows) and any(r["answered"] for r in rows)
        assert reg.counts()["material"] >= 3
        cited = [c for r in rows for c in reg.citations_from(r["id"]) if c["number"]]
        assert sum(c["resolved"] for c in cited) >= 8 and any(not c["resolved"] for c in cited)

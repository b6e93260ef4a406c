"""Backups of the register while it is open, their rotation, and restore with a safety copy."""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from conftest import ROOT

from core.services import import_files
from storage.backup import SAFETY, backup, list_backups, restore
from storage.db import StorageError
from storage.register import Register

DEMO = ROOT / "resources" / "demo" / "prints"
T0 = datetime(2025, 11, 20, 8, 0, 0)


@pytest.fixture
def reg(tmp_path: Path):  # type: ignore[no-untyped-def]
    r = Register.open(tmp_path / "r.db")
    import_files(r, [DEMO], who="t")
    yield r
    r.close()


def test_backup_of_an_open_register_is_complete(reg: Register) -> None:
    """A copy taken while the register is open (WAL) opens as a register with the same contents."""
    copy = backup(reg.path, now=T0)
    assert copy is not None and copy.name == "r-20251120-080000.db" and copy.parent.name == "backups"
    with Register.open(copy) as again:
        assert again.counts() == reg.counts()


def test_rotation_keeps_the_newest(reg: Register) -> None:
    """Only `keep` copies stay, the newest; other registers' copies in the folder are left alone."""
    folder = reg.path.parent / "backups"
    folder.mkdir()
    foreign = folder / "anderes-20200101-000000.db"
    foreign.write_bytes(b"x")
    for k in range(5):
        backup(reg.path, keep=3, now=T0 + timedelta(hours=k))
    kept = list_backups(reg.path)
    assert [b.created for b in kept] == [T0 + timedelta(hours=k) for k in (4, 3, 2)]
    assert foreign.exists()


def test_restore_brings_back_the_copy_and_keeps_a_safety_copy(reg: Register) -> None:
    """After a restore the register is as it was at the copy; the state before is one more copy."""
    copy = backup(reg.path, now=T0)
    assert copy is not None
    before = reg.counts()
    with reg.transaction():
        reg.db.execute("DELETE FROM prints WHERE id IN (SELECT id FROM prints LIMIT 5)")
    path = reg.path
    reg.close()
    safety = restore(copy, path, now=T0 + timedelta(hours=1))
    assert SAFETY in safety.name and safety.exists()
    with Register.open(path) as again:
        assert again.counts() == before
    with Register.open(safety) as old:
        assert old.counts()["prints"] == before["prints"] - 5
    reg.db = Register.open(path).db  # the fixture closes it again


@pytest.mark.parametrize("damage", ["not a database", "page 3 zeroed"])
def test_restore_repairs_a_damaged_register(tmp_path: Path, damage: str) -> None:
    """A damaged register (the usual reason to restore) is replaced; its bytes are kept as the safety copy."""
    path = tmp_path / "r.db"
    with Register.open(path) as r:
        import_files(r, [DEMO], who="t")
        before = r.counts()
    copy = backup(path, now=T0)
    assert copy is not None
    good = path.read_bytes()
    broken = os.urandom(len(good)) if damage == "not a database" else good[:8192] + bytes(4096) + good[12288:]
    path.write_bytes(broken)
    safety = restore(copy, path, now=T0 + timedelta(hours=1))
    with Register.open(path) as again:
        assert again.counts() == before
    assert safety.read_bytes() == broken


def test_restore_refuses_a_damaged_copy(reg: Register, tmp_path: Path) -> None:
    """Random bytes are not restored, and the register stays as it is."""
    bad = tmp_path / "r-20251120-080000.db"
    bad.write_bytes(os.urandom(8192))
    before = reg.counts()
    with pytest.raises(StorageError):
        restore(bad, reg.path)
    assert reg.counts() == before


def test_nothing_to_back_up(tmp_path: Path) -> None:
    """A register that does not exist yet has no copy."""
    assert backup(tmp_path / "neu.db") is None and list_backups(tmp_path / "neu.db") == []


def test_start_backup_only_when_due_and_changed(reg: Register) -> None:
    """At start a copy is made when none exists, not again within 12 hours, and not when nothing changed."""
    from storage.backup import backup_on_start

    first = backup_on_start(reg.path, now=datetime.now())
    assert first is not None
    assert backup_on_start(reg.path, now=datetime.now() + timedelta(hours=1)) is None
    later = datetime.now() + timedelta(hours=13)
    assert backup_on_start(reg.path, now=later) is None  # nothing changed since the copy
    with reg.transaction():
        reg.db.execute("UPDATE prints SET title = title || '!' WHERE id = 1")
    os.utime(reg.path, None)
    assert backup_on_start(reg.path, now=later) is not None

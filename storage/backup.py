"""Copies of the register, taken while it is in use (SQLite's online backup API), kept in rotation,
and restored on request — with the state before a restore kept as one more copy."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from storage.db import StorageError

STAMP = "%Y%m%d-%H%M%S"
SAFETY = "vor-Wiederherstellung"


@dataclass
class BackupInfo:
    path: Path
    created: datetime
    size: int


def backup_folder(db_path: Path, folder: Path | None = None) -> Path:
    return Path(folder) if folder else Path(db_path).parent / "backups"


def _copy(source: Path, target: Path) -> None:
    """A consistent copy of `source` at `target` (written beside it first, then put in place)."""
    tmp = target.with_name(target.name + ".tmp")
    tmp.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            ok = dst.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            dst.close()
    finally:
        src.close()
    if ok != "ok":
        tmp.unlink(missing_ok=True)
        raise StorageError(f"the copy of {source.name} is damaged ({ok}).")
    os.replace(tmp, target)


def backup(db_path: Path, folder: Path | None = None, keep: int = 7, now: datetime | None = None) -> Path | None:
    """Copy the register into the backup folder and drop its oldest copies beyond `keep`.
    None when there is nothing to copy yet."""
    db_path = Path(db_path)
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    target_dir = backup_folder(db_path, folder)
    stamp = (now or datetime.now()).strftime(STAMP)
    target = target_dir / f"{db_path.stem}-{stamp}.db"
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
        _copy(db_path, target)
    except (sqlite3.Error, OSError) as exc:
        raise StorageError(f"the register could not be backed up: {exc}") from exc
    regular = [b for b in list_backups(db_path, folder) if SAFETY not in b.path.name]
    for old in regular[max(1, keep) :]:
        with contextlib.suppress(OSError):
            old.path.unlink()
    return target


START_INTERVAL = timedelta(hours=12)


def backup_on_start(
    db_path: Path, folder: Path | None = None, keep: int = 7, now: datetime | None = None
) -> Path | None:
    """The copy taken when the app starts — skipped while the newest copy is younger than
    START_INTERVAL or the register has not changed since it: at 50,000 prints a copy is 0.8 GB
    and several seconds of disk work, too much for every start of the day."""
    db_path = Path(db_path)
    now = now or datetime.now()
    newest = next((b for b in list_backups(db_path, folder) if SAFETY not in b.path.name), None)
    if newest is not None:
        changed = max((p.stat().st_mtime for p in (db_path, Path(f"{db_path}-wal")) if p.exists()), default=0.0)
        # the copy file's own time: it was written after everything it contains
        if now - newest.created < START_INTERVAL or changed <= newest.path.stat().st_mtime:
            return None
    return backup(db_path, folder, keep=keep, now=now)


def list_backups(db_path: Path, folder: Path | None = None) -> list[BackupInfo]:
    """This register's copies, newest first (copies of other registers in the folder are not listed)."""
    db_path = Path(db_path)
    pattern = re.compile(rf"^{re.escape(db_path.stem)}-(?:{SAFETY}-)?(\d{{8}}-\d{{6}})\.db$")
    out = []
    target_dir = backup_folder(db_path, folder)
    if not target_dir.is_dir():
        return []
    for path in target_dir.iterdir():
        m = pattern.match(path.name)
        if m:
            out.append(BackupInfo(path, datetime.strptime(m.group(1), STAMP), path.stat().st_size))
    return sorted(out, key=lambda b: (b.created, b.path.name), reverse=True)


def _keep_current(db_path: Path, safety: Path) -> None:
    """The register's current state as `safety`: a checked copy when it is intact, else its files byte for
    byte — a damaged register is the usual reason to restore, and it must not block the restore."""
    try:
        _copy(db_path, safety)
    except (sqlite3.Error, StorageError):
        tmp = safety.with_name(safety.name + ".tmp")
        shutil.copyfile(db_path, tmp)
        os.replace(tmp, safety)
        wal = Path(f"{db_path}-wal")
        if wal.exists():
            shutil.copyfile(wal, f"{safety}-wal")


def restore(backup_path: Path, db_path: Path, now: datetime | None = None, folder: Path | None = None) -> Path:
    """Put a copy back in place of the register (which the caller has closed). The current state is
    kept first as a copy "…-vor-Wiederherstellung-…"; that copy's path is returned."""
    backup_path, db_path = Path(backup_path), Path(db_path)
    try:
        intact = _intact(backup_path)
    except sqlite3.Error as exc:
        raise StorageError(f"{backup_path.name} is not a register copy ({exc}).") from exc
    if not intact:
        raise StorageError(f"{backup_path.name} is not an intact register copy.")
    target_dir = backup_folder(db_path, folder)
    safety = target_dir / f"{db_path.stem}-{SAFETY}-{(now or datetime.now()).strftime(STAMP)}.db"
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
        if db_path.exists():
            _keep_current(db_path, safety)
        for suffix in ("-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        _copy(backup_path, db_path)
    except (sqlite3.Error, OSError) as exc:
        raise StorageError(f"the copy could not be restored: {exc}") from exc
    return safety


DAMAGED = "beschädigt"


def is_intact(copy: Path) -> bool:
    """Whether `copy` opens as an intact register (PRAGMA quick_check, a prints table)."""
    try:
        return _intact(copy)
    except sqlite3.Error:
        return False


def _intact(copy: Path) -> bool:
    """PRAGMA quick_check passes and there is a prints table; raises sqlite3.Error for no database."""
    con = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    try:
        ok = con.execute("PRAGMA quick_check").fetchone()[0]
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        con.close()
    return ok == "ok" and "prints" in tables


def newest_intact(db_path: Path, folder: Path | None = None) -> BackupInfo | None:
    """The newest copy that is intact: the regular copies first, then the states kept before a restore
    (one of those may itself be the damaged register)."""
    copies = list_backups(db_path, folder)
    ordered = [b for b in copies if SAFETY not in b.path.name] + [b for b in copies if SAFETY in b.path.name]
    return next((b for b in ordered if is_intact(b.path)), None)


def replace_damaged(backup_path: Path, db_path: Path, now: datetime | None = None) -> Path:
    """Put an intact copy in place of a damaged register (which nobody has open). The damaged file is
    renamed beside it, "NAME-beschädigt-STAMP.db" with its write-ahead log, not copied: renaming keeps
    its bytes as they are for whoever looks into the damage and costs nothing at 0.8 GB. Returns the
    damaged file's new path."""
    backup_path, db_path = Path(backup_path), Path(db_path)
    aside = db_path.with_name(f"{db_path.stem}-{DAMAGED}-{(now or datetime.now()).strftime(STAMP)}{db_path.suffix}")
    moved: list[tuple[Path, Path]] = []
    try:
        for suffix in ("", "-wal"):
            source = Path(f"{db_path}{suffix}")
            if source.exists():
                os.replace(source, f"{aside}{suffix}")
                moved.append((source, Path(f"{aside}{suffix}")))
        Path(f"{db_path}-shm").unlink(missing_ok=True)
        _copy(backup_path, db_path)
    except (sqlite3.Error, OSError, StorageError) as exc:
        for source, target in moved:  # put the damaged file back rather than leave no register at all
            with contextlib.suppress(OSError):
                os.replace(target, source)
        raise StorageError(f"the copy could not be restored: {exc}") from exc
    return aside

"""`backup PATH`: a consistent copy while another program has the database open (and is
writing), that passes `PRAGMA integrity_check`; never over a file, never into a missing
folder."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from legrun.planner.models import Run
from legrun.storage import Repository, StorageError, exchange
from legrun.storage.schema import MIGRATIONS
from tests.conftest import assert_refused, file_state
from tests.interop_files.conftest import fill_everything


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def test_a_backup_while_the_app_has_the_database_open_and_mid_write(
    full_db: Path, tmp_path: Path, cli
) -> None:
    """The app's connection keeps a committed write in the WAL (not yet checkpointed) and has
    another one open, uncommitted: the copy holds the first and not the second."""
    with Repository.open(full_db) as app, Repository.open(full_db) as writer:
        app.add_session(Run(date=date(2026, 11, 23), minutes=33, km=6.0, notes="committed"))
        assert Path(f"{full_db}-wal").stat().st_size > 0
        writer._db.raw.execute("BEGIN IMMEDIATE")
        writer._db.raw.execute(
            "INSERT INTO sessions (date, type, minutes, km) VALUES ('2026-11-24', 'run', 5, 1)"
        )
        copy = tmp_path / "copy.db"
        done = cli("backup", str(copy), db=full_db)
        writer._db.raw.execute("ROLLBACK")
        expected = app.records()
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"backed up to {copy} (")
    assert done.stdout.endswith(", integrity checked)\n")
    assert _integrity(copy) == "ok"
    with Repository.open(copy) as restored:
        assert restored.records() == expected
        assert "committed" in [s.notes for s in restored.sessions()]
        assert all(s.minutes != 5 for s in restored.sessions())
    assert [p.name for p in tmp_path.iterdir() if ".partial" in p.name] == []


def test_a_backup_never_overwrites_a_file(full_db: Path, tmp_path: Path, cli) -> None:
    existing = tmp_path / "keep.db"
    existing.write_bytes(b"someone's file")
    before = file_state(existing)
    assert_refused(cli("backup", str(existing), db=full_db), 2, str(existing), "exists already")
    assert file_state(existing) == before
    # Nor the database itself.
    assert_refused(cli("backup", str(full_db), db=full_db), 2, "exists already")


def test_a_backup_into_a_missing_folder_is_refused(full_db: Path, tmp_path: Path, cli) -> None:
    target = tmp_path / "no such folder" / "copy.db"
    assert_refused(cli("backup", str(target), db=full_db), 2, "does not exist")
    assert not target.parent.exists()


def test_the_repository_backup_refuses_the_same_and_leaves_nothing_half_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Repository.open(tmp_path / "a.db") as repo:
        fill_everything(repo)
        taken = tmp_path / "taken.db"
        taken.write_text("x")
        with pytest.raises(StorageError, match="exists already"):
            repo.backup(taken)
        with pytest.raises(StorageError, match="does not exist"):
            repo.backup(tmp_path / "gone" / "x.db")
        # A copy that fails its check never appears under its name, nor beside it.
        monkeypatch.setattr(exchange, "_integrity", lambda path: "*** page 3 is never used")
        with pytest.raises(StorageError, match="did not pass its integrity check"):
            repo.backup(tmp_path / "bad.db")
        monkeypatch.undo()
        repo.backup(tmp_path / "fine.db")
    assert _integrity(tmp_path / "fine.db") == "ok"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.db", "fine.db", "taken.db"]


def test_a_backup_opens_as_a_legrun_database_with_every_record(
    full_db: Path, tmp_path: Path, cli
) -> None:
    copy = tmp_path / "copy.db"
    assert cli("backup", str(copy), db=full_db).returncode == 0
    history = cli("history", "--json", db=copy)
    assert history.returncode == 0, history.stderr
    assert history.stdout == cli("history", "--json", db=full_db).stdout
    with sqlite3.connect(copy) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert conn.execute("PRAGMA application_id").fetchone()[0] == 0x4C475255

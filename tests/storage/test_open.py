"""Opening the database file: creating it, and refusing anything that is not ours untouched."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from legrun.storage import Repository, StorageError, default_path
from legrun.storage.schema import MIGRATIONS
from tests.conftest import file_state

LEGRUN_APPLICATION_ID = 0x4C475255  # "LGRU", written out by hand


def _pragma(path: Path, name: str) -> object:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        conn.close()


def test_a_new_database_is_created_with_our_id_and_the_latest_schema(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "legrun.db"
    Repository.open(path).close()
    assert path.is_file()
    assert _pragma(path, "application_id") == LEGRUN_APPLICATION_ID
    assert _pragma(path, "user_version") == len(MIGRATIONS)
    assert _pragma(path, "journal_mode") == "wal"


def test_an_open_repository_has_foreign_keys_and_a_busy_timeout(repo: Repository) -> None:
    assert repo._db.raw.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert repo._db.raw.execute("PRAGMA busy_timeout").fetchone()[0] >= 2000


def test_an_empty_file_becomes_a_legrun_database(db_path: Path) -> None:
    db_path.touch()
    Repository.open(db_path).close()
    assert _pragma(db_path, "application_id") == LEGRUN_APPLICATION_ID


def test_reopening_keeps_what_was_written_and_takes_no_backup(seeded_db: Path) -> None:
    with Repository.open(seeded_db) as repo:
        assert [s.id for s in repo.sessions()] == [1, 2, 3]
        assert repo.profile().age == 40
    assert file_state(seeded_db)[1] == ["legrun.db"]


def _other_apps_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('not training data')")
    conn.commit()
    conn.close()


def _other_apps_wal_sqlite(path: Path) -> None:
    _other_apps_sqlite(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()


def _text_file(path: Path) -> None:
    path.write_text("date,km\n2026-11-20,5\n")


def _short_binary(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 20)


def _truncate(keep: int):
    def make(path: Path) -> None:
        full = path.with_name("full.db")
        with Repository.open(full) as repo:
            repo._db.raw.execute("VACUUM")  # a compact file, every page in use
        data = full.read_bytes()
        assert len(data) > keep
        path.write_bytes(data[:keep])
        full.unlink()

    return make


def _damaged_page(path: Path) -> None:
    """A real legrun database with its third page (a table's root) overwritten."""
    full = path.with_name("full.db")
    Repository.open(full).close()
    data = bytearray(full.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    data[2 * page_size : 3 * page_size] = b"\xff" * page_size
    path.write_bytes(bytes(data))
    full.unlink()


NOT_OURS = {
    "another app's SQLite": (_other_apps_sqlite, "another program"),
    "another app's SQLite in WAL mode": (_other_apps_wal_sqlite, "another program"),
    "a text file": (_text_file, "not an SQLite file"),
    "a file shorter than a header": (_short_binary, "not an SQLite file"),
    "a legrun db cut after 100 bytes": (_truncate(100), "truncated"),
    "a legrun db cut mid-page": (_truncate(10_000), "truncated"),
    "a legrun db cut on a page boundary": (_truncate(8192), "truncated"),
    "a legrun db missing its last 10 bytes": (_truncate(-10), "truncated"),
    "a legrun db with a page overwritten": (_damaged_page, "damaged"),
}


@pytest.mark.parametrize("make, says", NOT_OURS.values(), ids=NOT_OURS.keys())
def test_a_file_that_is_not_a_legrun_database_is_refused_untouched(
    tmp_path: Path, make, says: str
) -> None:
    path = tmp_path / "suspect.db"
    make(path)
    before = file_state(path)
    with pytest.raises(StorageError) as refused:
        Repository.open(path)
    assert says in str(refused.value)
    assert str(path) in str(refused.value)
    assert file_state(path) == before  # same bytes, no -wal/-shm/-journal beside it


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="folder"):
        Repository.open(tmp_path)


def test_a_device_or_pipe_is_refused_without_creating_a_journal(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.db"
    os.mkfifo(pipe)
    with pytest.raises(StorageError, match="not a regular file"):
        Repository.open(pipe)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe.db"]


def test_a_database_from_a_newer_schema_is_refused_and_left_unchanged(seeded_db: Path) -> None:
    conn = sqlite3.connect(seeded_db)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    conn.close()
    before = file_state(seeded_db)
    with pytest.raises(StorageError, match="newer legrun-tui"):
        Repository.open(seeded_db)
    assert file_state(seeded_db) == before
    assert _pragma(seeded_db, "user_version") == len(MIGRATIONS) + 5


def test_a_refused_file_keeps_a_wal_that_was_already_there(seeded_db: Path) -> None:
    """Another legrun process has the newer database open: its -wal/-shm are not ours to
    remove."""
    conn = sqlite3.connect(seeded_db)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    conn.commit()
    holder = sqlite3.connect(seeded_db)
    holder.execute("SELECT count(*) FROM sessions").fetchone()
    try:
        assert Path(f"{seeded_db}-wal").exists()
        with pytest.raises(StorageError, match="newer"):
            Repository.open(seeded_db)
        assert Path(f"{seeded_db}-wal").exists()
        assert Path(f"{seeded_db}-shm").exists()
    finally:
        holder.close()
        conn.close()


def test_default_path_is_legrun_db_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEGRUN_DB", str(tmp_path / "from-env.db"))
    assert default_path() == tmp_path / "from-env.db"


@pytest.mark.skipif(os.name != "posix" or os.uname().sysname != "Linux", reason="XDG on Linux")
def test_default_path_without_the_environment_is_the_user_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LEGRUN_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_path() == tmp_path / "data" / "legrun" / "legrun.db"

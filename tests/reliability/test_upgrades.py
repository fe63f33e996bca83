"""Every database an earlier release saved (tests/storage/data: schemas 1, 3, 4, 5 and 6),
opened by this one as a user opens it (the installed command): every row of every table kept
in the columns it had, and a whole backup `<name>.schema<N>.bak` of the old file taken first.

(tests/storage/test_migrations.py reads each fixture back through the `Repository`; this
compares raw rows table by table for all of them, and checks the backup itself.)
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from legrun.storage.schema import MIGRATIONS
from tests.conftest import file_state
from tests.reliability.conftest import (
    columns,
    connected,
    every_row,
    integrity,
    report,
    rows_in,
    tables,
    user_version,
)

DATA = Path(__file__).parents[1] / "storage" / "data"
FIXTURES = sorted(DATA.glob("legrun-schema*.sql"), key=lambda p: int(re.findall(r"\d+", p.name)[0]))


def _load(path: Path, fixture: Path) -> int:
    with connected(path) as conn:
        conn.executescript(fixture.read_text())
    return user_version(path)


def test_every_released_schema_has_a_fixture() -> None:
    versions = [int(re.findall(r"\d+", p.name)[0]) for p in FIXTURES]
    assert {1, 3, 4, 5, 6} <= set(versions)  # the files the releases so far wrote
    assert max(versions) < len(MIGRATIONS)  # each of them has something to upgrade


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_an_old_database_keeps_every_row_and_is_backed_up_first(
    tmp_path: Path, fixture: Path, cli
) -> None:
    db = tmp_path / "legrun.db"
    old_version = _load(db, fixture)
    assert old_version < len(MIGRATIONS)
    old = every_row(db)
    assert sum(len(rows) for _, rows in old.values()) >= 10  # the fixture holds real data
    old_file = db.read_bytes()

    opened = cli("history", "--json", db=db)  # any command opens (and upgrades) the file
    assert opened.returncode == 0, opened.stderr
    assert '"date"' in opened.stdout

    assert user_version(db) == len(MIGRATIONS)
    assert integrity(db) == "ok"
    with connected(db) as conn:
        now = set(tables(conn))
        for table, (names, rows) in old.items():
            assert table in now, f"{table} is gone"
            assert set(names) <= set(columns(conn, table)), f"{table} lost a column"
            assert rows_in(db, table, names) == rows, f"{table}: a row changed or went"

    backup = db.with_name(f"legrun.db.schema{old_version}.bak")
    assert file_state(db)[1] == ["legrun.db", backup.name]  # the backup, and no -wal left
    assert integrity(backup) == "ok"
    assert user_version(backup) == old_version
    assert every_row(backup) == old  # the old file's tables, row for row
    with connected(backup) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == 0x4C475255
    report(
        "upgraded",
        fixture=fixture.stem,
        schema=f"{old_version} -> {len(MIGRATIONS)}",
        rows=sum(len(r) for _, r in old.values()),
        lost=0,
    )

    # A second opening has nothing to upgrade: the backup stays as it was, and no other is made.
    kept = file_state(backup)
    again = cli("plan", db=db)
    assert again.returncode == 0, again.stderr
    assert file_state(backup) == kept
    assert file_state(db)[1] == ["legrun.db", backup.name]
    assert old_file != db.read_bytes()


def test_a_broken_backup_left_from_an_earlier_attempt_is_not_trusted(tmp_path: Path, cli) -> None:
    db = tmp_path / "legrun.db"
    old_version = _load(db, FIXTURES[0])
    old = every_row(db)
    backup = db.with_name(f"legrun.db.schema{old_version}.bak")
    # What a VACUUM INTO killed part-way leaves: the file, begun and never finished.
    backup.write_bytes(db.read_bytes()[:1024])

    opened = cli("plan", db=db)
    assert opened.returncode == 0, opened.stderr
    assert user_version(db) == len(MIGRATIONS)
    try:
        assert integrity(backup) == "ok"
        assert every_row(backup) == old
    except sqlite3.DatabaseError as exc:
        raise AssertionError(f"the backup is not a database: {exc}") from None

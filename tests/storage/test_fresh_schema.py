"""A new database gets the latest schema in one step (storage/fresh_schema.py), and that
schema is exactly what the migrations make of an empty database step by step."""

from __future__ import annotations

import contextlib
import sqlite3
import subprocess
import sys
from pathlib import Path

from legrun.storage import Repository
from legrun.storage.database import open_database
from legrun.storage.schema import MIGRATIONS

REGENERATE = "storage/fresh_schema.py is stale: run `uv run python scripts/fresh_schema.py`"


def schema_of(path: Path) -> dict[str, object]:
    with contextlib.closing(sqlite3.connect(path)) as db:
        tables = [
            name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        return {
            "master": sorted(db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")),
            "columns": {t: db.execute(f'PRAGMA table_info("{t}")').fetchall() for t in tables},
            "foreign keys": {
                t: db.execute(f'PRAGMA foreign_key_list("{t}")').fetchall() for t in tables
            },
            "indexes": {t: db.execute(f'PRAGMA index_list("{t}")').fetchall() for t in tables},
            "user_version": db.execute("PRAGMA user_version").fetchone(),
            "application_id": db.execute("PRAGMA application_id").fetchone(),
        }


def test_a_new_database_is_what_every_migration_in_turn_makes(tmp_path: Path) -> None:
    Repository.open(tmp_path / "fresh.db").close()
    open_database(tmp_path / "migrated.db", MIGRATIONS, fresh=None).close()
    fresh, migrated = schema_of(tmp_path / "fresh.db"), schema_of(tmp_path / "migrated.db")
    assert fresh["user_version"] == (len(MIGRATIONS),), REGENERATE
    assert fresh == migrated, REGENERATE


def test_a_new_database_works_as_a_migrated_one(tmp_path: Path) -> None:
    from datetime import date

    from legrun.planner.models import LegDay, Run, parse_exercise

    with Repository.open(tmp_path / "fresh.db") as repo:
        squat = parse_exercise("back squat 5@100, 3@110kg")
        repo.add_session(LegDay(date=date(2026, 11, 23), minutes=50, rpe=8, exercises=(squat,)))
        repo.add_session(Run(date=date(2026, 11, 24), minutes=30, km=5.0))
        [leg, run] = repo.sessions()
        assert isinstance(leg, LegDay) and leg.exercises == (squat,)
        repo.delete_session(run.id or 0)
        repo.add_session(Run(date=date(2026, 11, 24), minutes=31, km=5.0))
        assert max(s.id or 0 for s in repo.sessions()) == 3  # ids are never reused


def test_making_a_new_database_does_not_import_sqlite_utils(tmp_path: Path) -> None:
    # The migrations need sqlite-utils; its import alone cost ~35 ms of every first start
    # and of every `--demo`, which builds a new database each time.
    code = (
        "import sys; from legrun.storage import Repository; "
        f"Repository.open({str(tmp_path / 'new.db')!r}).close(); "
        "Repository.in_memory().close(); "
        "print('sqlite_utils' in sys.modules)"
    )
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.strip() == "False"

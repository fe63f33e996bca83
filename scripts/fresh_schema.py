"""Write storage/fresh_schema.py: the schema the migrations make of an empty database, as SQL.

    uv run python scripts/fresh_schema.py

A new database (the first start, every `--demo`, a read-only command with no file yet) gets
these statements in one transaction instead of running every migration through sqlite-utils
(whose import alone costs ~35 ms of start-up). Run this after appending a migration;
tests/storage/test_fresh_schema.py fails until it has been run.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from legrun.storage.database import open_memory
from legrun.storage.schema import MIGRATIONS

TARGET = Path(__file__).resolve().parent.parent / "storage" / "fresh_schema.py"


def migrated_statements() -> list[str]:
    """The CREATE statements of an empty database migrated step by step, in creation order."""
    db = open_memory(MIGRATIONS, fresh=None)
    try:
        rows = db.execute("SELECT name, sql FROM sqlite_master ORDER BY rowid").fetchall()
    finally:
        db.close()
    # SQLite makes its own: the indexes behind a PRIMARY KEY or UNIQUE, and sqlite_sequence.
    return [sql for name, sql in rows if sql is not None and not name.startswith("sqlite_")]


def module_text() -> str:
    statements = "".join(f"    {sql!r},\n" for sql in migrated_statements())
    return (
        "# ruff: noqa: E501 (the statements as SQLite keeps them)\n"
        '"""The schema a new database gets at once (generated: do not edit).\n\n'
        "What storage/schema.py's migrations make of an empty database, statement by statement,\n"
        "written by `uv run python scripts/fresh_schema.py`. A new database gets these in one\n"
        "transaction instead of every migration in turn through sqlite-utils.\n"
        '"""\n\n'
        f"VERSION = {len(MIGRATIONS)}\n\n"
        f"STATEMENTS = (\n{statements})\n"
    )


def main() -> int:
    TARGET.write_text(module_text(), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "ruff", "format", "-q", str(TARGET)], check=False)
    print(f"wrote {TARGET} (schema {len(MIGRATIONS)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Two processes logging at the same time: every write lands, none fails with `database is
locked`; a lock held past the timeout is a clear StorageError that writes nothing."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest

from legrun.planner.models import Run
from legrun.storage import Repository, StorageError
from legrun.storage import database as database_module

WRITES_PER_PROCESS = 100

# Opens the repository for every write, as each `legrun-tui log` does, so that opening,
# checking and migrating (the database does not exist yet when both start) are raced too.
WRITER = textwrap.dedent(
    """
    import sys, time
    from datetime import date, timedelta
    from pathlib import Path
    from legrun.planner.models import Run
    from legrun.storage import Repository

    path, writer, count, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
    deadline = time.monotonic() + 30
    while not go.exists() and time.monotonic() < deadline:
        time.sleep(0.001)
    for i in range(count):
        with Repository.open(path) as repo:
            repo.add_session(Run(date=date(2026, 1, 1) + timedelta(days=i % 300), minutes=30,
                                 km=5.0, notes=f"{writer}-{i}"))
    """
)


def test_two_processes_writing_at_once_both_land_every_write(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    go = tmp_path / "go"
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), name, str(WRITES_PER_PROCESS), str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("a", "b")
    ]
    time.sleep(0.3)  # both interpreters up and waiting, so the writes really overlap
    go.touch()
    results = [(w.wait(timeout=60), *w.communicate()) for w in writers]
    for code, _, err in results:
        assert "locked" not in err
        assert code == 0, err
    with Repository.open(path) as repo:
        notes = sorted(s.notes for s in repo.sessions())
    expected = sorted(f"{w}-{i}" for w in "ab" for i in range(WRITES_PER_PROCESS))
    assert notes == expected  # 200 rows, each write exactly once


def test_two_cli_processes_logging_at_once_both_land(cli, db_path: Path) -> None:
    per_writer = 12

    def log_runs(writer: int) -> list[subprocess.CompletedProcess[str]]:
        return [
            cli("log", "run", "--date", "today", "--km", f"{writer}.{i:02d}", "--minutes", "30")
            for i in range(per_writer)
        ]

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = [r for batch in pool.map(log_runs, (1, 2)) for r in batch]
    for result in results:
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
    assert sorted(int(r.stdout) for r in results) == list(range(1, 2 * per_writer + 1))
    with Repository.open(db_path) as repo:
        kms = sorted(s.km for s in repo.sessions())  # type: ignore[union-attr]
    assert kms == sorted(float(f"{w}.{i:02d}") for w in (1, 2) for i in range(per_writer))


def test_a_lock_held_past_the_timeout_fails_cleanly_and_writes_nothing(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_MS", 200)
    Repository.open(db_path).close()
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with Repository.open(db_path) as repo:
            started = time.monotonic()
            with pytest.raises(StorageError, match="busy"):
                repo.add_session(Run(date=date(2026, 11, 24), minutes=30, km=5.0))
            assert time.monotonic() - started >= 0.15  # it waited before giving up
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Repository.open(db_path) as repo:
        assert repo.session_count() == 0
        assert repo.add_session(Run(date=date(2026, 11, 24), minutes=30, km=5.0)) == 1

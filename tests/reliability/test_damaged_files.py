"""A file that is not a legrun database it can use, given to each way in (`plan`, `log run`
and the app itself, in a terminal): one line `legrun-tui: error: ...` within 2 s, exit 1, the
file's bytes as they were and no -wal/-shm beside it; a file from a newer legrun-tui says
which schema it needs.

(tests/tui/test_cli_errors.py refuses these files for `history` and `log run`, and
tests/storage/test_open.py at the `Repository`; this adds the time, `plan`, the app, random
bytes and the newer schema's words.)
"""

from __future__ import annotations

import contextlib
import os
import pty
import random
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from legrun.planner.models import Run
from legrun.storage import Repository
from legrun.storage.schema import MIGRATIONS
from tests.conftest import assert_refused, file_state, legrun_command
from tests.reliability.conftest import report

WITHIN = 2.0  # seconds
NEWER = len(MIGRATIONS) + 3


def _legrun_db(path: Path) -> None:
    with Repository.open(path) as repo:
        repo.add_sessions(
            Run(date=date(2026, 1, 1) + timedelta(days=n), km=5.0, minutes=30, notes="x" * 200)
            for n in range(300)
        )
        repo._db.raw.execute("VACUUM")  # compact: every page in use


def _other_apps_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE songs (id INTEGER PRIMARY KEY, title TEXT)")
    conn.executemany("INSERT INTO songs (title) VALUES (?)", [(f"song {n}",) for n in range(50)])
    conn.commit()
    conn.close()


def _text_file(path: Path) -> None:
    path.write_text("2026-11-20 easy run 5 km\n" * 400)


def _truncated_copy(path: Path) -> None:
    full = path.with_name("full.db")
    _legrun_db(full)
    data = full.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 100])  # cut in the middle of a page
    full.unlink()


def _random_page(path: Path) -> None:
    """A page of random bytes, and nothing else."""
    path.write_bytes(random.Random(4096).randbytes(4096))


def _a_page_of_random_bytes_inside(path: Path) -> None:
    """A legrun database with one of its pages (a page of sessions) overwritten at random."""
    _legrun_db(path)
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    pages = len(data) // page
    chosen = pages // 2
    data[chosen * page : (chosen + 1) * page] = random.Random(chosen).randbytes(page)
    path.write_bytes(bytes(data))


def _newer_schema(path: Path) -> None:
    _legrun_db(path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {NEWER}")
    conn.close()


FILES: dict[str, tuple[Callable[[Path], None], tuple[str, ...]]] = {
    "another app's SQLite": (_other_apps_sqlite, ("another program",)),
    "a text file": (_text_file, ("not an SQLite file",)),
    "a truncated copy": (_truncated_copy, ("truncated",)),
    "a page of random bytes": (_random_page, ("not an SQLite file",)),
    "a legrun db with a page of random bytes": (_a_page_of_random_bytes_inside, ("damaged",)),
    "a newer schema": (
        _newer_schema,
        ("newer legrun-tui", f"schema {NEWER}", f"up to {len(MIGRATIONS)}", "upgrade"),
    ),
}

COMMANDS = {
    "plan": ["plan"],
    "log run": ["log", "run", "--date", "today", "--km", "5", "--minutes", "30"],
}


def _timed(
    command: list[str], env: dict[str, str]
) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.monotonic()
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=30)
    return result, time.monotonic() - started


@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
@pytest.mark.parametrize("make, says", FILES.values(), ids=FILES.keys())
def test_a_command_refuses_the_file_in_one_line_within_two_seconds(
    tmp_path: Path,
    isolated_env: dict[str, str],
    make: Callable[[Path], None],
    says: tuple[str, ...],
    command: list[str],
) -> None:
    path = tmp_path / "suspect.db"
    make(path)
    before = file_state(path)
    result, took = _timed([*legrun_command(), "--db", str(path), *command], isolated_env)
    line = assert_refused(result, 1, *says)
    assert str(path) in line
    assert took < WITHIN, f"{took:.2f} s"
    assert file_state(path) == before  # the same bytes, and no -wal, -shm or -journal
    report("refused", file=path.name, command=command[0], seconds=f"{took:.2f}")


def _run_in_a_terminal(
    command: list[str], env: dict[str, str], timeout: float
) -> tuple[int | None, str, bytes, float]:
    """Run `command` with a pseudo-terminal for its input and output (as the app is run) and
    stderr apart; its exit code (None if it was still running at `timeout`), stderr, what it
    wrote to the terminal, and the time it took."""
    leader, follower = pty.openpty()
    started = time.monotonic()
    process = subprocess.Popen(
        command,
        stdin=follower,
        stdout=follower,
        stderr=subprocess.PIPE,
        env={**env, "TERM": "xterm-256color"},
        start_new_session=True,
    )
    os.close(follower)
    try:
        code: int | None = process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        code = None
        process.kill()
        process.wait()
    took = time.monotonic() - started
    shown = b""
    with contextlib.suppress(OSError):  # EIO once the terminal's other end is closed
        while chunk := os.read(leader, 65536):
            shown += chunk
    os.close(leader)
    assert process.stderr is not None
    err = process.stderr.read().decode()
    process.stderr.close()
    return code, err, shown, took


@pytest.mark.parametrize("make, says", FILES.values(), ids=FILES.keys())
def test_the_app_refuses_the_file_in_one_line_and_leaves_the_terminal_alone(
    tmp_path: Path,
    isolated_env: dict[str, str],
    make: Callable[[Path], None],
    says: tuple[str, ...],
) -> None:
    path = tmp_path / "suspect.db"
    make(path)
    before = file_state(path)
    code, err, shown, took = _run_in_a_terminal(
        [*legrun_command(), "--db", str(path)], isolated_env, timeout=WITHIN + 3
    )
    assert code is not None, f"the app was still running after {took:.1f} s: {shown[-300:]!r}"
    result = subprocess.CompletedProcess([], code, "", err)
    assert_refused(result, 1, *says)
    assert took < WITHIN, f"{took:.2f} s"
    assert shown == b"", shown[:300]  # no screen drawn, no terminal mode left switched on
    assert file_state(path) == before
    report("the app refused", file=path.name, seconds=f"{took:.2f}")


def test_the_app_refuses_the_file_before_it_imports_textual(
    tmp_path: Path, isolated_env: dict[str, str]
) -> None:
    """Refusing takes what a command's refusal takes: the database is opened (and checked)
    before Textual and the app are imported, which is most of the app's start."""
    path = tmp_path / "suspect.db"
    _other_apps_sqlite(path)
    seen = tmp_path / "seen.txt"
    program = (
        "import sys\n"
        "from legrun.tui.cli import main\n"
        f"code = main(['--db', {str(path)!r}])\n"
        f"open({str(seen)!r}, 'w').write(f\"{{code}} {{'textual' in sys.modules}}\")\n"
        "sys.exit(code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, env=isolated_env
    )
    assert_refused(result, 1, "another program")
    assert seen.read_text() == "1 False"  # refused, and Textual never imported

"""What the reliability tests share: how many times to inject each fault, the random moments,
the checks of a database file after a fault, and a terminal (tmux) to run the app in.

Counts: the default (what CI runs) keeps each test under ~20 s; `LEGRUN_RELIABILITY=full`
runs the issue's full counts ("Reliability over SSH"). The random moments come from
`LEGRUN_RELIABILITY_SEED` (default: a fixed seed), shown in every failure, so a failure can be
run again with the same moments.
"""

from __future__ import annotations

import contextlib
import os
import random
import shlex
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import legrun_command
from tests.e2e.test_tmux import RECORD_STATUS, Terminal, _tmux

FULL = os.environ.get("LEGRUN_RELIABILITY", "").strip().lower() == "full"
SEED = int(os.environ.get("LEGRUN_RELIABILITY_SEED", "20261124"))


def count(default: int, full: int) -> int:
    """How many times to do something: `full` in a long run, else `default`."""
    return full if FULL else default


@pytest.fixture
def rng(request: pytest.FixtureRequest) -> random.Random:
    """Random moments, the same in every run with the same seed (one stream per test)."""
    return random.Random(f"{SEED}:{request.node.nodeid}")


def report(what: str, **figures: object) -> None:
    """What a fault test did, for the log of a long run (`pytest -s` or `-rA` shows it)."""
    shown = ", ".join(f"{k}={v}" for k, v in figures.items())
    print(f"[reliability] {what}: {shown}", file=sys.stderr)


# -- a database file, read from outside the app -------------------------------------------------


@contextlib.contextmanager
def connected(path: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(path, timeout=10)
    try:
        yield conn
    finally:
        conn.close()


def integrity(path: Path) -> str:
    with connected(path) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


def user_version(path: Path) -> int:
    with connected(path) as conn:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])


def columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def tables(conn: sqlite3.Connection) -> list[str]:
    found = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"
    )
    return [row[0] for row in found]


def every_row(path: Path) -> dict[str, tuple[list[str], list[tuple[object, ...]]]]:
    """Every table's columns and rows, sorted: what a fault must not lose."""
    with connected(path) as conn:
        found = {}
        for table in tables(conn):
            names = columns(conn, table)
            found[table] = (names, _sorted_rows(conn, table, names))
        return found


def rows_in(path: Path, table: str, names: list[str]) -> list[tuple[object, ...]]:
    """A table's rows in the columns `names` (those it had before an upgrade), sorted."""
    with connected(path) as conn:
        return _sorted_rows(conn, table, names)


def _sorted_rows(
    conn: sqlite3.Connection, table: str, names: list[str]
) -> list[tuple[object, ...]]:
    # Sorted by SQLite on every column, so that two tables holding the same rows give equal
    # lists whatever their rowids; sorting in Python by repr took 2.3 s of a 15 s test.
    shown = ", ".join(f'"{name}"' for name in names)
    return conn.execute(f'SELECT {shown} FROM "{table}" ORDER BY {shown}').fetchall()


def siblings(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.glob(f"{path.name}*"))


# -- processes ----------------------------------------------------------------------------------


def wait_until(predicate: Callable[[], bool], what: str, timeout: float = 10) -> float:
    """Poll `predicate` until it holds; the seconds it took."""
    started = time.monotonic()
    while not predicate():
        if time.monotonic() - started > timeout:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.005)
    return time.monotonic() - started


def python_command(code: str, *args: str) -> list[str]:
    """This environment's interpreter running `code`, unbuffered (a line it prints is out
    before the next statement runs, so what a killed process reported is what we read)."""
    return [sys.executable, "-u", "-c", code, *args]


def kill_hard(process: subprocess.Popen[str]) -> None:
    with contextlib.suppress(ProcessLookupError):
        process.kill()
    process.wait(timeout=10)


# -- a terminal: one tmux server, reused for several runs of the app ----------------------------


class Pane(Terminal):
    """A tmux server of its own (the end-to-end tests' `Terminal`) that outlives the
    sessions started in it, so that several runs of the app share one server."""

    def open(self) -> None:
        self.run("start-server", ";", "set-option", "-g", "exit-empty", "off")

    def restart(self, command: str) -> None:
        """End the session running (if any) and start `command` in a new one."""
        self.remember_processes()
        self.run("kill-session", "-t", "legrun", check=False)
        self.start(command)

    def flags(self) -> dict[str, str]:
        """The pane's terminal modes as tmux keeps them (what the app left switched on)."""
        names = (
            "alternate_on",
            "cursor_flag",
            "mouse_any_flag",
            "mouse_all_flag",
            "mouse_button_flag",
            "mouse_sgr_flag",
            "mouse_standard_flag",
            "keypad_flag",
            "keypad_cursor_flag",
            "insert_flag",
            "wrap_flag",
        )
        shown = self.run(
            "display-message", "-p", "-t", "legrun", " ".join(f"#{{{n}}}" for n in names)
        )
        return dict(zip(names, shown.stdout.split(), strict=True))


# What the pane shows when no program has switched a mode on (a shell at its prompt).
NORMAL_FLAGS = {
    "alternate_on": "0",
    "cursor_flag": "1",
    "mouse_any_flag": "0",
    "mouse_all_flag": "0",
    "mouse_button_flag": "0",
    "mouse_sgr_flag": "0",
    "mouse_standard_flag": "0",
    "keypad_flag": "0",
    "keypad_cursor_flag": "0",
    "insert_flag": "0",
    "wrap_flag": "1",
}


@pytest.fixture
def pane(isolated_env: dict[str, str]) -> Iterator[Pane]:
    env = dict(isolated_env)
    env.pop("NO_COLOR", None)
    env.pop("TMUX", None)  # a tmux inside the user's tmux must still be our own server
    env.pop("TEXTUAL_COLOR_SYSTEM", None)
    env["TERM"] = "xterm-256color"
    socket = Path(f"/tmp/legrun-rel-{os.getpid()}-{time.monotonic_ns()}.sock")
    terminal = Pane(_tmux(), socket, env)
    terminal.open()
    try:
        yield terminal
    finally:
        terminal.close()
        socket.unlink(missing_ok=True)


def shell_script(
    db: Path,
    status: Path,
    env: dict[str, str | None] | None = None,
    stty_before: Path | None = None,
    stty_after: Path | None = None,
    prompt: str | None = None,
) -> str:
    """The pane's command: a shell (the session leader, as a login shell is over SSH) that
    sets `env` (None unsets), runs the installed app through the status recorder, and then,
    like a shell getting its terminal back, records `stty -a`, prints `prompt` and waits."""
    lines = []
    for name, value in {"TERM": "xterm-256color", **(env or {})}.items():
        lines.append(f"unset {name}" if value is None else f"export {name}={shlex.quote(value)}")
    if stty_before is not None:
        lines.append(f"stty -a > {shlex.quote(str(stty_before))}")
    app = [sys.executable, str(RECORD_STATUS), str(status), *legrun_command(), "--db", str(db)]
    lines.append(shlex.join(app))
    if stty_after is not None:
        lines.append(f"stty -a > {shlex.quote(str(stty_after))}")
    if prompt is not None:
        lines.append(f"printf %s {shlex.quote(prompt)}")
        lines.append("read reply")
    return shlex.join(["sh", "-c", "; ".join(lines)])

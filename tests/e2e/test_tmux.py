"""End to end: the installed `legrun-tui` in a real terminal (tmux at 80x24), driven by keys
the way a user types them, checked on the screen, in the database and by its exit status."""

from __future__ import annotations

import contextlib
import json
import os
import shlex
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from legrun.planner.models import LegDay, Run
from legrun.storage import Repository
from tests.conftest import legrun_command

pytestmark = pytest.mark.e2e

WIDTH, HEIGHT = 80, 24


def _tmux() -> str:
    found = shutil.which("tmux")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("tmux is not installed; CI must install it (.ci/run does, with apt-get)")
        pytest.skip("tmux is not installed: the end-to-end tests drive the app inside tmux")
    return found


class Terminal:
    """One tmux session on a private server, running one shell command."""

    def __init__(self, tmux: str, socket: Path, env: dict[str, str]) -> None:
        self.tmux = tmux
        self.socket = socket
        self.env = env
        self.pids: set[int] = set()  # what the pane started, to be sure none outlives the test

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        # -f /dev/null: the user's ~/.tmux.conf must not change the terminal under test.
        return subprocess.run(
            [self.tmux, "-S", str(self.socket), "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            env=self.env,
            check=check,
            timeout=30,
        )

    def start(self, command: str) -> None:
        self.run("new-session", "-d", "-s", "legrun", "-x", str(WIDTH), "-y", str(HEIGHT), command)
        # Keep the pane (and what the app last printed) after the command ends.
        self.run("set-option", "-t", "legrun", "remain-on-exit", "on")

    def screen(self, colours: bool = False) -> str:
        options = ["-e"] if colours else []
        result = self.run("capture-pane", "-p", *options, "-t", "legrun", "-S", "-200", check=False)
        return result.stdout

    def settled_screen(self, rows: int = HEIGHT, timeout: float = 10) -> str:
        """The screen (with colours) once `rows` rows show and nothing changes for 150 ms."""
        deadline = time.monotonic() + timeout
        last = None
        while time.monotonic() < deadline:
            time.sleep(0.15)
            now = self.screen(colours=True)
            if now == last and len(now.splitlines()) == rows:
                return now
            last = now
        raise AssertionError(f"the screen did not settle:\n{last}")

    def send(self, *keys: str, literal: bool = False) -> None:
        self.run("send-keys", "-t", "legrun", *(["-l"] if literal else []), *keys)

    def type(self, text: str) -> None:
        self.send(text, literal=True)

    def wait_for(self, predicate: Callable[[str], bool], what: str, timeout: float = 20) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if predicate(screen):
                return screen
            time.sleep(0.05)
        raise AssertionError(f"timed out waiting for {what}; the screen shows:\n{screen}")

    def wait_for_text(self, text: str, timeout: float = 20) -> str:
        return self.wait_for(lambda screen: text in screen, repr(text), timeout)

    def pane_pid(self) -> int:
        return int(self.run("display-message", "-p", "-t", "legrun", "#{pane_pid}").stdout)

    def remember_processes(self) -> None:
        shown = self.run("display-message", "-p", "-t", "legrun", "#{pane_pid}", check=False)
        if shown.returncode == 0 and shown.stdout.strip():
            self.pids |= descendants(int(shown.stdout))

    def close(self) -> None:
        """Kill the tmux server, then anything it started that is still running."""
        self.remember_processes()
        self.run("kill-server", check=False)
        deadline = time.monotonic() + 5
        while any(alive(p) for p in self.pids) and time.monotonic() < deadline:
            time.sleep(0.05)
        for pid in self.pids:
            if alive(pid):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)


@pytest.fixture
def terminal(tmp_path: Path, isolated_env: dict[str, str]) -> Iterator[Terminal]:
    env = dict(isolated_env)
    env.pop("NO_COLOR", None)
    env.pop("TMUX", None)  # a tmux inside the user's tmux must still be our own server
    env["TERM"] = "xterm-256color"
    # A short socket path: sockets are limited to ~100 bytes and tmp_path can be long.
    socket = Path(f"/tmp/legrun-e2e-{os.getpid()}-{time.monotonic_ns()}.sock")
    term = Terminal(_tmux(), socket, env)
    try:
        yield term
    finally:
        term.close()
        socket.unlink(missing_ok=True)


RECORD_STATUS = Path(__file__).with_name("record_status.py")


def app_command(db: Path, status: Path) -> str:
    """The pane's command: a shell (the session leader, as a login shell is over SSH) running
    the installed app through a recorder that writes the app's exit status to `status`."""
    app = [sys.executable, str(RECORD_STATUS), str(status), *legrun_command(), "--db", str(db)]
    # `; exit $?` keeps the shell from exec-ing the command: it stays the session leader, and
    # when a hang-up ends it the kernel sends SIGHUP on to the app's process group.
    return shlex.join(["sh", "-c", f"export TERM=xterm-256color; {shlex.join(app)}; exit $?"])


def app_pid(terminal: Terminal) -> int:
    """The app's pid: the pane runs sh, sh runs the recorder, the recorder runs the app."""
    (recorder,) = child_pids(terminal.pane_pid())
    (app,) = child_pids(recorder)
    terminal.pids |= {recorder, app}
    return app


def wait_for_file(path: Path, timeout: float = 10) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and path.read_text().strip():
            return path.read_text().strip()
        time.sleep(0.05)
    raise AssertionError(f"{path.name} was not written within {timeout} s")


def child_pids(pid: int) -> list[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        return [int(p) for p in children.read_text().split()]
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True)
    return [int(p) for p in found.stdout.split()]


def descendants(pid: int) -> set[int]:
    found = set(child_pids(pid))
    for child in list(found):
        found |= descendants(child)
    return found


def alive(pid: int) -> bool:
    return Path(f"/proc/{pid}").exists()


def integrity(db: Path) -> str:
    with contextlib.closing(sqlite3.connect(db)) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def closed_cleanly(db: Path) -> bool:
    """The last connection closed properly: SQLite checkpoints and removes the -wal file
    then (look before opening the database again, which makes a new one)."""
    return not db.with_name(db.name + "-wal").exists()


def past_the_welcome(terminal: Terminal) -> None:
    """A new database opens with the welcome form; escape keeps the defaults."""
    terminal.wait_for_text("Welcome to legrun")
    terminal.send("Escape")
    terminal.wait_for(lambda screen: "Welcome to legrun" not in screen, "the welcome closed")


def test_next_week_add_a_run_and_quit(terminal: Terminal, tmp_path: Path) -> None:
    db, status = tmp_path / "legrun.db", tmp_path / "status"
    terminal.start(app_command(db, status))
    past_the_welcome(terminal)  # the welcome covers the week (opaque)
    terminal.wait_for_text("Week 23 Nov - 29 Nov 2026")

    terminal.type("]")
    screen = terminal.wait_for_text("Week 30 Nov - 06 Dec 2026")
    assert "in 1 week" in screen

    # Tuesday stays selected: the run goes on Tuesday 1 December.
    terminal.type("a")
    terminal.wait_for_text("Add to Tue 01 Dec")
    terminal.type("r")
    terminal.wait_for_text("Log a run")
    terminal.type("7.5")
    terminal.send("Tab")
    terminal.type("45")
    terminal.send("Enter")
    terminal.wait_for_text("Logged 7.5 km run on Tue 01 Dec")

    terminal.type("q")
    assert wait_for_file(status) == "0"

    with Repository.open(db) as repo:
        stored = repo.sessions()
    assert [(type(s), s.date, s.km, s.minutes) for s in stored] == [
        (Run, date(2026, 12, 1), 7.5, 45)
    ]
    assert "Traceback" not in terminal.screen()
    assert closed_cleanly(db), "the app left its database open"


def test_each_week_on_the_terminal_matches_a_full_redraw(
    terminal: Terminal, tmp_path: Path
) -> None:
    """About 5 s: each of five keys is followed by two resizes and a settled screen."""
    # The day columns repaint only the lines that change. What the terminal shows after each
    # key must be what a full redraw shows (forced here by resizing the window): no line left
    # over from the week before, cell for cell and colour for colour.
    db, status = tmp_path / "legrun.db", tmp_path / "status"
    with Repository.open(db) as repo:  # a week with more lines than the next one
        repo.add_session(LegDay(date=date(2026, 11, 26), minutes=60, rpe=8))
        repo.add_session(Run(date=date(2026, 11, 26), km=5.0, minutes=30, kind="easy"))
    terminal.start(app_command(db, status))
    terminal.wait_for_text("Week 23 Nov - 29 Nov 2026")  # sessions logged: no welcome
    steps = (
        ("]", "Week 30 Nov - 06 Dec"),
        ("l", "Wed 02 Dec"),
        ("[", "Week 23 Nov - 29 Nov"),
        ("h", "Tue 24 Nov"),
        ("[", "Week 16 Nov - 22 Nov"),
    )
    for key, expected in steps:
        terminal.type(key)
        terminal.wait_for_text(expected)
        shown = terminal.settled_screen()
        terminal.run("resize-window", "-t", "legrun", "-x", str(WIDTH), "-y", str(HEIGHT + 1))
        terminal.settled_screen(rows=HEIGHT + 1)
        terminal.run("resize-window", "-t", "legrun", "-x", str(WIDTH), "-y", str(HEIGHT))
        assert terminal.settled_screen() == shown, f"after {key}"
    terminal.type("q")
    assert wait_for_file(status) == "0"


def test_sighup_to_the_app_ends_it_cleanly(terminal: Terminal, tmp_path: Path) -> None:
    db, status = tmp_path / "legrun.db", tmp_path / "status"
    terminal.start(app_command(db, status))
    past_the_welcome(terminal)  # the welcome covers the week (opaque)
    terminal.wait_for_text("Week 23 Nov - 29 Nov 2026")
    # Something saved before the hang-up, and a form left open when it comes.
    terminal.type("c")
    terminal.wait_for_text("Morning check-in")
    terminal.type("3")
    terminal.send("Enter")
    terminal.wait_for_text("Check-in saved")
    terminal.type("ar")
    terminal.wait_for_text("Log a run")
    terminal.type("6")
    time.sleep(0.8)  # the draft is kept a moment after the last key

    os.kill(app_pid(terminal), signal.SIGHUP)

    assert wait_for_file(status) == str(128 + signal.SIGHUP)
    screen = terminal.screen()
    assert "Traceback" not in screen and "Exception" not in screen, screen
    assert closed_cleanly(db), "the app left its database open"
    assert integrity(db) == "ok"
    with Repository.open(db) as repo:
        assert [c.soreness for c in repo.checkins()] == [3]
        assert repo.session_count() == 0  # the open form was not half saved...
        draft = json.loads(repo.setting("form-draft") or "{}")
        assert draft["kind"] == "run" and draft["fields"]["km"] == "6"  # ...but kept


def test_closing_the_terminal_ends_the_app_cleanly(terminal: Terminal, tmp_path: Path) -> None:
    # What a dropped SSH connection does: the terminal goes away, the shell that owned it
    # ends, and the app gets SIGHUP with no terminal left to restore.
    db, status = tmp_path / "legrun.db", tmp_path / "status"
    terminal.start(app_command(db, status))
    past_the_welcome(terminal)  # the welcome covers the week (opaque)
    terminal.wait_for_text("Week 23 Nov - 29 Nov 2026")
    terminal.type("c")
    terminal.wait_for_text("Morning check-in")
    terminal.type("5")
    terminal.send("Enter")
    terminal.wait_for_text("Check-in saved")
    pid = app_pid(terminal)

    terminal.run("kill-session", "-t", "legrun")

    assert wait_for_file(status) == str(128 + signal.SIGHUP)
    assert not alive(pid), "the app outlived its terminal"
    assert closed_cleanly(db), "the app left its database open"
    assert integrity(db) == "ok"
    with Repository.open(db) as repo:
        assert [c.soreness for c in repo.checkins()] == [5]


def test_fast_typing_tab_ctrl_u_and_digits_lands_in_the_right_field(
    terminal: Terminal, tmp_path: Path
) -> None:
    """Over SSH keys arrive in bursts: Tab, ctrl+u (clear the field) and digits in one read
    must still go where each belongs."""
    db, status = tmp_path / "legrun.db", tmp_path / "status"
    with Repository.open(db) as repo:
        repo.add_session(Run(date=date(2026, 11, 20), km=5.0, minutes=30))  # no welcome
    terminal.start(app_command(db, status))
    terminal.wait_for_text("Week 23 Nov - 29 Nov 2026")
    terminal.type("ar")
    terminal.wait_for_text("Log a run")
    # One burst: km 7.5, Tab, ctrl+u clears the prefilled minutes, 45, Enter saves.
    terminal.send("7.5", "Tab", "C-u", "45", "Enter")
    terminal.wait_for_text("Logged 7.5 km run")
    terminal.type("q")
    assert wait_for_file(status) == "0"
    with Repository.open(db) as repo:
        logged = [s for s in repo.sessions() if s.date == date(2026, 11, 24)]
    assert [(s.km, s.minutes) for s in logged] == [(7.5, 45)]  # type: ignore[union-attr]

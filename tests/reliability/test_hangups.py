"""The installed app in a real terminal (tmux), a form half typed, when the connection goes:
SIGHUP, SIGTERM, or the terminal itself closing. The app is gone within a second (timed from
the signal to the status its recorder writes), what was saved stays, what was typed is kept
as a draft, the file is whole and closed, and the terminal is as it was before the app.

(tests/e2e/test_tmux.py sends SIGHUP to a run form and closes the terminal under the week;
here each way of going is timed, with other forms open, and the terminal modes are checked.)
"""

from __future__ import annotations

import json
import os
import shlex
import signal
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from legrun.planner.models import Run
from legrun.storage import Repository
from legrun.tui.flows import DRAFT
from tests.conftest import legrun_command
from tests.e2e.test_tmux import RECORD_STATUS, alive, app_pid, child_pids, closed_cleanly
from tests.reliability.conftest import (
    NORMAL_FLAGS,
    Pane,
    connected,
    integrity,
    report,
    shell_script,
    wait_until,
)

pytestmark = pytest.mark.e2e

PROMPT = "legrun-done$ "
EXIT_WITHIN = 1.0  # seconds from the signal to the app's exit status
NOTICED_WITHIN = 2.5  # seconds from the terminal going, with no signal, to the exit status


def _seeded(tmp_path: Path) -> Path:
    db = tmp_path / "legrun.db"
    with Repository.open(db) as repo:  # a session logged already: no welcome form
        repo.add_session(Run(date=date(2026, 11, 20), km=5.0, minutes=30))
    return db


def _draft(db: Path) -> dict[str, object]:
    with connected(db) as conn:
        found = conn.execute("SELECT value FROM settings WHERE key = ?", [DRAFT]).fetchone()
    return json.loads(found[0]) if found and found[0] else {}


# A form as a user leaves it: the keys that open it, its title, the keys typed, and what its
# draft then holds.
FORMS = {
    "a run": ("ar", "Log a run", ["7.5", "Tab", "4"], ("run", "km", "7.5")),
    "a leg day": ("al", "Log a leg day", ["8", "Tab", "back squat 5x5@100kg"], ("leg", "rpe", "8")),
}


def _open_a_form_and_type(pane: Pane, db: Path, form: str) -> None:
    opens, title, keys, (kind, field, value) = FORMS[form]
    pane.type(opens)
    pane.wait_for_text(title)
    for key in keys:
        if key in ("Tab", "Enter"):
            pane.send(key)
        else:
            pane.type(key)

    def kept() -> bool:
        draft = _draft(db)
        if draft.get("kind") != kind:
            return False
        fields = draft.get("fields")
        return isinstance(fields, dict) and fields.get(field) == value

    wait_until(kept, f"the draft of {form}")  # kept a moment after the last key


def _start(pane: Pane, tmp_path: Path, db: Path) -> tuple[Path, Path, Path]:
    status = tmp_path / "status"
    before, after = tmp_path / "stty-before", tmp_path / "stty-after"
    pane.start(shell_script(db, status, stty_before=before, stty_after=after, prompt=PROMPT))
    pane.wait_for_text("Week 23 Nov - 29 Nov 2026")
    assert pane.flags()["alternate_on"] == "1"  # the app has the terminal in its own modes
    assert pane.flags() != NORMAL_FLAGS
    _check_in(pane)
    return status, before, after


def _check_in(pane: Pane) -> None:
    """Something saved before the connection goes: a check-in of soreness 4."""
    pane.type("c")
    pane.wait_for_text("Morning check-in")
    pane.type("4")
    pane.send("Enter")
    pane.wait_for_text("Check-in saved")


def _exit_time(status: Path, since: float) -> float:
    wait_until(lambda: status.exists() and status.read_text().strip() != "", "the exit status")
    return time.monotonic() - since


def _nothing_lost(db: Path, form: str) -> None:
    assert closed_cleanly(db), "the app left its database open"
    assert integrity(db) == "ok"
    with Repository.open(db) as repo:
        assert [c.soreness for c in repo.checkins()] == [4]  # saved stays
        assert repo.session_count() == 1  # the open form was not half saved
    kind, field, value = FORMS[form][3]
    draft = _draft(db)
    assert draft.get("kind") == kind and draft["fields"][field] == value  # typed, kept


@pytest.mark.parametrize(
    "sig, form",
    [(signal.SIGTERM, "a run"), (signal.SIGTERM, "a leg day"), (signal.SIGHUP, "a leg day")],
    ids=["SIGTERM, run form", "SIGTERM, leg-day form", "SIGHUP, leg-day form"],
)
def test_a_signal_ends_the_app_within_a_second_and_gives_the_terminal_back(
    pane: Pane, tmp_path: Path, sig: signal.Signals, form: str
) -> None:
    db = _seeded(tmp_path)
    status, before, after = _start(pane, tmp_path, db)
    _open_a_form_and_type(pane, db, form)
    pid = app_pid(pane)

    sent = time.monotonic()
    os.kill(pid, sig)
    took = _exit_time(status, sent)

    assert status.read_text().strip() == str(128 + sig)
    assert took < EXIT_WITHIN, f"the app took {took:.2f} s to exit after {sig.name}"
    assert not alive(pid)
    # The shell has its terminal back as it was: its prompt shows, the modes are a shell's.
    screen = pane.wait_for_text(PROMPT.strip())
    assert "Traceback" not in screen and "Error" not in screen, screen
    assert pane.flags() == NORMAL_FLAGS
    assert after.read_text() == before.read_text()  # stty -a: echo, icanon, isig ... back
    assert " echo " in f" {after.read_text()} " and "icanon" in after.read_text()
    _nothing_lost(db, form)
    report(f"{sig.name} with {form} open", exit_seconds=f"{took:.2f}", lost=0)


@pytest.mark.parametrize("how", ["kill-session", "kill-server"])
def test_the_terminal_closing_ends_the_app_within_a_second(
    pane: Pane, tmp_path: Path, how: str
) -> None:
    """What a dropped SSH connection does: the pseudo-terminal goes, its shell with it, and
    the app is hung up on with no terminal left to restore."""
    db = _seeded(tmp_path)
    status, _, _ = _start(pane, tmp_path, db)
    _open_a_form_and_type(pane, db, "a run")
    pid = app_pid(pane)

    closed = time.monotonic()
    pane.run(how, *(["-t", "legrun"] if how == "kill-session" else []))
    took = _exit_time(status, closed)

    assert status.read_text().strip() == str(128 + signal.SIGHUP)
    assert took < EXIT_WITHIN, f"the app took {took:.2f} s to exit after its terminal closed"
    assert not alive(pid), "the app outlived its terminal"
    _nothing_lost(db, "a run")
    report(f"terminal closed ({how}) with a run form open", exit_seconds=f"{took:.2f}", lost=0)


def test_a_terminal_gone_without_a_hang_up_reaching_the_app_still_ends_it(
    pane: Pane, tmp_path: Path
) -> None:
    """The terminal closes, but its hang-up stops above the app: the session leader takes
    SIGHUP and does not pass it on (here the status recorder is the leader, with no shell
    between). The kernel signals only the leader, so the app must notice for itself that
    every call on its terminal now fails, rather than spin on it with the database open."""
    db = _seeded(tmp_path)
    status = tmp_path / "status"
    recorder = [sys.executable, str(RECORD_STATUS), str(status), *legrun_command()]
    pane.start(shlex.join([*recorder, "--db", str(db)]))
    pane.wait_for_text("Week 23 Nov - 29 Nov 2026")
    _check_in(pane)
    _open_a_form_and_type(pane, db, "a run")
    (app,) = child_pids(pane.pane_pid())  # the pane runs the recorder, which runs the app
    pane.pids.add(app)

    closed = time.monotonic()
    pane.run("kill-server")
    took = _exit_time(status, closed)

    assert status.read_text().strip() == str(128 + signal.SIGHUP)
    assert took < NOTICED_WITHIN, f"the app took {took:.2f} s to notice its terminal had gone"
    assert not alive(app), "the app outlived its terminal"
    _nothing_lost(db, "a run")


@pytest.mark.parametrize("how", ["q", "kill-server"])
def test_the_demos_throwaway_database_goes_however_the_app_ends(
    pane: Pane, tmp_path: Path, how: str
) -> None:
    """`--demo` builds its database in a folder of its own, removed when the app ends: after
    `q`, and also when the terminal goes and the process ends at once (nothing to restore)."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    status = tmp_path / "status"
    app = shlex.join([sys.executable, str(RECORD_STATUS), str(status), *legrun_command(), "--demo"])
    script = f"export TMPDIR={shlex.quote(str(scratch))}; {app}; exit $?"
    pane.start(shlex.join(["sh", "-c", script]))
    pane.wait_for_text("Week 23 Nov - 29 Nov 2026")
    assert [p.name[: len("legrun-demo-")] for p in scratch.iterdir()] == ["legrun-demo-"]

    if how == "q":
        pane.type("q")
    else:
        pane.run("kill-server")
    _exit_time(status, time.monotonic())

    assert status.read_text().strip() == ("0" if how == "q" else str(128 + signal.SIGHUP))
    assert list(scratch.iterdir()) == []

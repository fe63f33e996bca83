"""A database that cannot be written. In the app each save is refused with one "Not saved:"
toast that says why, what was typed stays in the form, the app keeps running and showing the
plan, and nothing is half-written. The command line's `log run` exits 1 with one line.

How the file is made read-only: `chmod` does not stop root, so in the app the connection is
switched to `PRAGMA query_only` (SQLite then refuses every write as it does a read-only file,
"attempt to write a readonly database"); the command line runs in a mount namespace of its
own (`unshare -m`) where the database's folder is bind-mounted read-only, which stops root
too; without root it is `chmod a-w` on the file and its folder.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

from legrun.planner.models import CheckIn, Run
from legrun.storage import Repository
from legrun.tui.application import LegrunApp, make_app
from legrun.tui.screens.checkin_form import CheckInForm
from legrun.tui.screens.leg_day_form import LegDayForm
from legrun.tui.screens.run_form import RunForm
from legrun.tui.screens.week import WeekScreen
from tests.conftest import TODAY, assert_refused, file_state, legrun_command
from tests.reliability.conftest import every_row, integrity, report
from tests.tui.support import SIZE


def _recording_toasts(app: LegrunApp) -> list[str]:
    said: list[str] = []
    shown = app.notify

    def notify(message: str, **options: object) -> None:
        said.append(str(message))  # every toast, also those gone from the screen already
        shown(message, **options)  # type: ignore[arg-type]

    app.notify = notify  # type: ignore[method-assign]
    return said


def _value(app: LegrunApp, name: str) -> str:
    return app.screen.query_one(f"#f-{name}", Input).value


async def test_saves_in_the_app_are_refused_with_one_toast_and_the_app_goes_on(
    repo: Repository,
) -> None:
    """About 5 s: a run, a leg day typed key by key and a check-in are each saved on a file
    made read-only, with the refusal read after each, then the app goes on reading."""
    repo.add_session(Run(date=date(2026, 11, 20), km=8.0, minutes=48))
    repo.save_checkin(CheckIn(date=date(2026, 11, 23), soreness=2))
    app = make_app(repo, today=TODAY)
    said = _recording_toasts(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        repo._db.raw.execute("PRAGMA query_only = ON")  # from here on the file is read-only
        before = every_row(repo.path)  # type: ignore[arg-type]
        refused = 0

        def one_more_refusal() -> str:
            nonlocal refused
            refused += 1
            refusals = [s for s in said if s.startswith("Not saved")]
            assert len(refusals) == refused, said  # one toast per refused save, no more
            return refusals[-1]

        # A run: one row.
        await pilot.press("a", "r", "5", "tab", "3", "0", "enter")
        await pilot.pause()
        reason = one_more_refusal()
        assert "read-only" in reason and "nothing was saved" in reason, reason
        assert isinstance(app.screen, RunForm)  # what was typed is still there
        assert (_value(app, "km"), _value(app, "minutes")) == ("5", "30")
        await pilot.press("escape")

        # A leg day with two exercises: several rows in one transaction.
        await pilot.press("a", "l", "8", "tab", *"back squat 5x5@100kg", "enter")
        await pilot.press(*"rdl 3x8@60kg", "enter", "ctrl+s")
        await pilot.pause()
        assert "read-only" in one_more_refusal()
        assert isinstance(app.screen, LegDayForm)
        assert app.screen.query_one("#exercise-list", OptionList).option_count == 2
        await pilot.press("escape")

        # A morning check-in (a row replaced). (That its form stays open: the test below.)
        await pilot.press("c", "5", "enter")
        await pilot.pause()
        assert "read-only" in one_more_refusal()
        if isinstance(app.screen, CheckInForm):
            await pilot.press("escape")
            await pilot.pause()

        # The app is still running, on the week, with its plan.
        assert app.is_running and app.return_code is None
        week = app.screen
        assert isinstance(week, WeekScreen) and week.plan is not None
        assert len(week.plan.days) == 7
        assert week.plan.totals.run_km_done == 0  # this week: nothing was logged
        assert any(s.status == "planned" for d in week.plan.days for s in d.sessions)
        assert not [s for s in said if "Traceback" in s or "Error" in s]
        assert every_row(repo.path) == before  # type: ignore[arg-type]  # nothing half-written
    assert integrity(repo.path) == "ok"  # type: ignore[arg-type]
    report("read-only in the app", saves_refused=refused, toasts=refused, written=0)


async def test_a_refused_check_in_keeps_what_was_typed(repo: Repository) -> None:
    app = make_app(repo, today=TODAY)
    said = _recording_toasts(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        repo._db.raw.execute("PRAGMA query_only = ON")
        await pilot.press("c", "5", "tab", "7", "enter")
        await pilot.pause()
        assert [s for s in said if s.startswith("Not saved")], said
        assert isinstance(app.screen, CheckInForm), "the check-in form closed"
        assert (_value(app, "soreness"), _value(app, "quads")) == ("5", "7")


def _can_unshare() -> bool:
    try:
        return subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode == 0
    except OSError:
        return False


@pytest.fixture
def read_only_command(tmp_path: Path) -> Iterator[list[str]]:
    """A prefix that runs a command with tmp_path/ro (and the database in it) read-only."""
    folder = tmp_path / "ro"
    folder.mkdir()
    if os.geteuid() != 0:
        yield []
        folder.chmod(stat.S_IRWXU)  # writable again, for the clean-up
        for path in folder.iterdir():
            path.chmod(stat.S_IRUSR | stat.S_IWUSR)
        return
    if shutil.which("unshare") is None or not _can_unshare():
        pytest.skip("root, and no mount namespace to make a read-only folder in")
    script = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@"'
    yield ["unshare", "-m", "sh", "-c", script, "sh", str(folder)]


def _make_read_only(db: Path) -> None:
    if os.geteuid() != 0:
        db.chmod(stat.S_IRUSR)
        db.parent.chmod(stat.S_IRUSR | stat.S_IXUSR)


def _seeded_read_only(tmp_path: Path) -> Path:
    db = tmp_path / "ro" / "legrun.db"
    with Repository.open(db) as repo:
        repo.add_session(Run(date=date(2026, 11, 20), km=8.0, minutes=48))
    _make_read_only(db)
    return db


def _log_run(prefix: list[str], db: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    command = [*legrun_command(), "--db", str(db), "log", "run", "--date", "today"]
    return subprocess.run(
        [*prefix, *command, "--km", "5", "--minutes", "30"],
        capture_output=True,
        text=True,
        env=env,
        timeout=30,
    )


def test_log_run_on_a_read_only_database_exits_1_with_one_line(
    tmp_path: Path, isolated_env: dict[str, str], read_only_command: list[str]
) -> None:
    db = _seeded_read_only(tmp_path)
    before = file_state(db)
    result = _log_run(read_only_command, db, isolated_env)
    line = assert_refused(result, 1)
    assert str(db) in line
    assert file_state(db) == before  # the same bytes, nothing beside it
    shutil.copy(db, tmp_path / "copy.db")  # (opened as it is, to read it back)
    with Repository.open(tmp_path / "copy.db") as repo:
        assert repo.session_count() == 1
    report("read-only from the command line", line=line)


def test_log_run_on_a_read_only_database_says_it_is_read_only(
    tmp_path: Path, isolated_env: dict[str, str], read_only_command: list[str]
) -> None:
    db = _seeded_read_only(tmp_path)
    line = assert_refused(_log_run(read_only_command, db, isolated_env), 1)
    assert "read-only" in line, line
    assert "damaged" not in line, line

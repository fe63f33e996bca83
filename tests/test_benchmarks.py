"""The benchmark's own parts (benchmarks/, run as `python -m benchmarks`): the history it
measures on is what it says, and its terminal driver waits for a quiet window and no longer."""

from __future__ import annotations

import sqlite3
import sys
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace

from benchmarks.history import GOAL_WEEKS, PROFILE, build_history
from benchmarks.processes import Command, run_once
from benchmarks.pty_driver import PtyApp, screen_text
from legrun.planner.models import CrossTraining, LegDay, Run
from legrun.storage import Repository

TODAY = date(2026, 11, 24)


def test_history_is_about_five_sessions_a_week_with_a_goal_20_weeks_out(tmp_path: Path) -> None:
    path = tmp_path / "year.db"
    built = build_history(path, TODAY, years=1)
    assert path.read_bytes()[:16] == b"SQLite format 3\x00"
    with sqlite3.connect(path) as raw:  # what is in the file, not what a cache says
        stored = raw.execute("SELECT count(*) FROM sessions").fetchone()[0]
    assert stored == built.sessions
    with Repository.open(path) as repo:
        sessions = repo.sessions()
        checkins = repo.checkins()
        goal = repo.goal()
        profile = repo.profile()
    yesterday = TODAY - timedelta(days=1)
    assert TODAY - timedelta(days=7) <= sessions[-1].date <= yesterday
    mondays = Counter(s.date - timedelta(days=s.date.weekday()) for s in sessions)
    full = [n for monday, n in mondays.items() if built.first_day <= monday <= TODAY - timedelta(7)]
    assert len(full) >= 50
    assert 4.5 <= sum(full) / len(full) <= 5.5  # about five a week
    assert all(2 <= n <= 7 for n in full)
    legs = [s for s in sessions if isinstance(s, LegDay)]
    assert legs and all(len(s.exercises) >= 3 for s in legs)
    assert len({s.kind for s in sessions if isinstance(s, Run)}) >= 4
    assert any(isinstance(s, CrossTraining) for s in sessions)
    days = [c.date for c in checkins]  # one every day, up to yesterday
    assert days == [built.first_day + timedelta(days=i) for i in range(len(days))]
    assert days[-1] == yesterday and len(days) >= 365
    assert goal is not None and goal.date == TODAY + timedelta(weeks=GOAL_WEEKS)
    assert profile == PROFILE and not profile.is_default


def test_the_pty_settles_after_the_quiet_window_not_at_exit() -> None:
    child = (
        "import os, sys, time\n"
        "size = os.get_terminal_size(0)\n"
        "sys.stdout.write(f'{size.columns}x{size.lines} '); sys.stdout.flush()\n"
        "time.sleep(0.2); sys.stdout.write('done'); sys.stdout.flush()\n"
        "time.sleep(10)\n"
    )
    app = PtyApp([sys.executable, "-c", child], {"PATH": ""}, 100, 30, keep_output=True)
    try:
        burst = app.first_frame(quiet=0.4)
        waited = time.perf_counter() - app.started
        assert screen_text(bytes(app.output)) == "100x30 done"  # both writes, one burst
        assert burst.size == len("100x30 done")
        assert 0.15 <= burst.last - burst.first < 1.5  # the last byte, quiet window excluded
        assert waited < burst.last + 1.0  # back after the quiet window, not after 10 s
        assert app.settle(0.1).size == 0  # nothing more came
    finally:
        app.close()
    assert app.process.returncode is not None


def test_the_pty_answers_the_synchronized_output_query_and_marks_the_first_frame() -> None:
    # The child asks, as Textual does, reads the answer, then draws two frames, the end of
    # the first split across two writes.
    child = (
        "import os, sys, time, tty\n"
        "tty.setraw(0)\n"
        "os.write(1, b'\\x1b[?2026$p')\n"
        "answer = os.read(0, 32)\n"
        "time.sleep(0.1)\n"
        "os.write(1, b'\\x1b[?2026h' + answer[2:] + b'\\x1b[?20')\n"
        "time.sleep(0.1)\n"
        "os.write(1, b'26l')\n"
        "time.sleep(0.2)\n"
        "os.write(1, b'\\x1b[?2026hsecond\\x1b[?2026l')\n"
        "time.sleep(10)\n"
    )
    app = PtyApp([sys.executable, "-c", child], {"PATH": ""}, 80, 24, keep_output=True)
    try:
        burst = app.first_frame(quiet=0.4)
        assert b"?2026;2$y" in bytes(app.output)  # the reply, echoed back in the frame
        assert 0.15 <= burst.frame < burst.last  # the first frame's end, not the second's
        assert burst.last - burst.frame >= 0.15
    finally:
        app.close()


def test_the_pty_counts_the_cpu_time_of_every_thread_of_the_child_and_not_its_sleep() -> None:
    # Two threads each spin for 0.2 s of their own CPU time (however busy the machine), then
    # sleep; the child says so once both have: its CPU time is the spinning (0.4 s, and
    # Python's start-up), not the second of sleep after it.
    child = (
        "import sys, threading, time\n"
        "def spin(done):\n"
        "    while time.thread_time() < 0.2: pass\n"
        "    done.set(); time.sleep(10)\n"
        "events = [threading.Event() for _ in range(2)]\n"
        "for e in events: threading.Thread(target=spin, args=(e,), daemon=True).start()\n"
        "for e in events: e.wait()\n"
        "sys.stdout.write('spun'); sys.stdout.flush()\n"
        "time.sleep(10)\n"
    )
    app = PtyApp([sys.executable, "-c", child], {"PATH": ""}, 80, 24, keep_output=True)
    try:
        app.first_frame(quiet=1.0)
        assert screen_text(bytes(app.output)) == "spun"
        found = app.cpu_times()
        assert found is not None
        ran, waited = found
        assert 0.4 <= ran < 0.8  # both threads' spinning; not the second of sleep after it
        assert waited >= 0.0
    finally:
        app.close()


def test_a_whole_process_run_counts_the_childs_cpu_time_apart_from_its_wall_clock(
    tmp_path: Path,
) -> None:
    workspace = SimpleNamespace(env={"PATH": ""})
    sleeper = Command("sleep", (sys.executable, "-c", "import time; time.sleep(0.4)"), False)
    spinner = Command(
        "spin",
        (
            sys.executable,
            "-c",
            "import time\nend = time.process_time() + 0.3\nwhile time.process_time() < end: pass",
        ),
        False,
    )
    slept, slept_cpu = run_once(sleeper, workspace)  # type: ignore[arg-type]
    spun, spun_cpu = run_once(spinner, workspace)  # type: ignore[arg-type]
    assert slept >= 0.4 and slept_cpu < 0.2  # Python's start-up, not the sleep
    assert 0.3 <= spun_cpu <= spun

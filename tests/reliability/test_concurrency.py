"""Two processes on one database, at full speed: every save lands, none is refused with
`database is locked`, and an open app shows another process's save within about a second.

(tests/storage/test_concurrency.py races two `Repository` writers and two short CLI loops;
here the command line's own `main` runs in a loop against a writer that keeps one connection
open, as the app does, and at the issue's counts.)
"""

from __future__ import annotations

import asyncio
import subprocess
import textwrap
import time
from pathlib import Path

from legrun.storage import Repository
from legrun.tui.application import make_app
from legrun.tui.screens.week import WeekScreen
from tests.conftest import TODAY, legrun_command
from tests.reliability.conftest import count, integrity, python_command, report, wait_until
from tests.tui.support import SIZE

SAVES = count(150, 1000)  # per process
INSTALLED_SAVES = count(15, 150)  # per process, each a start of the installed command

# The command line in a loop: `legrun-tui log run ...` as `main` runs it (parse, open and
# check the file, write, close), without the interpreter's start-up between saves, as a
# script filling in an old training diary would (a run a day, going back). Each save is
# timed; a non-zero exit is said on stderr.
CLI_LOOP = textwrap.dedent(
    """
    import sys, time
    from datetime import date, timedelta
    from pathlib import Path
    from legrun.tui.cli import main

    db, saves, go = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    stop = Path(sys.argv[4]) if len(sys.argv) > 4 else None
    Path(f"{go}.cli-ready").touch()
    while not go.exists():
        time.sleep(0.001)
    slowest = 0.0
    for i in range(saves):
        if stop is not None and stop.exists():
            break
        started = time.monotonic()
        day = date(2026, 11, 24) - timedelta(days=i % 3650)  # ten years, a day at a time
        code = main(["--db", db, "log", "run", "--date", day.isoformat(), "--km", "5",
                     "--minutes", "30", "--notes", f"cli-{i}"])
        slowest = max(slowest, time.monotonic() - started)
        if code:
            print(f"exit {code} on save {i}", file=sys.stderr)
    print(f"slowest {slowest:.3f}", file=sys.stderr)
    """
)

# A second program with one connection open the whole time (as the app keeps one).
REPOSITORY_LOOP = textwrap.dedent(
    """
    import sys, time
    from datetime import date
    from pathlib import Path
    from legrun.planner.models import Run
    from legrun.storage import Repository

    db, saves, go = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    Path(f"{go}.repo-ready").touch()
    while not go.exists():
        time.sleep(0.001)
    slowest = 0.0
    with Repository.open(db) as repo:
        for i in range(saves):
            started = time.monotonic()
            print(repo.add_session(Run(date=date(2026, 11, 25), minutes=40, km=8.0,
                                       notes=f"repo-{i}")))
            slowest = max(slowest, time.monotonic() - started)
    print(f"slowest {slowest:.3f}", file=sys.stderr)
    """
)


def _slowest(stderr: str) -> float:
    return float(stderr.rsplit("slowest ", 1)[1])


def test_the_command_line_and_a_second_writer_lose_no_save(
    tmp_path: Path, isolated_env: dict[str, str]
) -> None:
    """2-4 s: two interpreters save in loops at once, each waiting its turn for the lock."""
    db, go = tmp_path / "shared.db", tmp_path / "go"
    Repository.open(db).close()  # the file exists: both race on writes, not on its creation
    writers = {
        name: subprocess.Popen(
            python_command(code, str(db), str(SAVES), str(go)),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=isolated_env,
        )
        for name, code in (("cli", CLI_LOOP), ("repo", REPOSITORY_LOOP))
    }
    # Both interpreters up and waiting, so that the saves really overlap.
    wait_until(lambda: all(Path(f"{go}.{n}-ready").exists() for n in writers), "the writers")
    started = time.monotonic()
    go.touch()
    done = {name: (w.wait(timeout=120), *w.communicate()) for name, w in writers.items()}
    took = time.monotonic() - started
    for name, (code, _, err) in done.items():
        assert "locked" not in err and "busy" not in err, (name, err)
        assert code == 0, (name, err)
        assert err.splitlines()[:-1] == [], (name, err)  # nothing but the timing line

    ids = {name: [int(line) for line in out.split()] for name, (_, out, _) in done.items()}
    assert len(ids["cli"]) == len(ids["repo"]) == SAVES
    assert len(set(ids["cli"]) | set(ids["repo"])) == 2 * SAVES  # no id given twice
    with Repository.open(db) as repo:
        stored = {s.id: s.notes for s in repo.sessions()}
    expected = {i: f"{name}-{n}" for name in ids for n, i in enumerate(ids[name])}
    assert stored == expected  # every save, once, under the id it printed
    assert integrity(db) == "ok"
    slowest = {name: _slowest(err) for name, (_, _, err) in done.items()}
    report("two writers", saves=f"2 x {SAVES}", lost=0, seconds=f"{took:.1f}", slowest=slowest)
    assert max(slowest.values()) < 5  # waited for the other, never near the 10-s timeout


def test_two_loops_of_the_installed_command_lose_no_save(
    tmp_path: Path, isolated_env: dict[str, str]
) -> None:
    """What a user's scripts do: the installed command, started once per save, in two shell
    loops at once. 3-5 s: thirty starts of the installed command."""
    db = tmp_path / "shared.db"
    loop = (
        'i=0; while [ "$i" -lt "$1" ]; do '
        '"$2" --db "$3" log run --date today --km "$4.$i" --minutes 30 '
        '|| echo "exit $? at $i" >&2; '
        "i=$((i + 1)); done"
    )
    command = legrun_command()[0]
    shells = [
        subprocess.Popen(
            ["sh", "-c", loop, "sh", str(INSTALLED_SAVES), command, str(db), str(writer)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=isolated_env,
        )
        for writer in (1, 2)
    ]
    done = [(s.wait(timeout=300), *s.communicate()) for s in shells]
    for code, _, err in done:
        assert code == 0 and err == "", err  # no "database is locked", no failed save
    printed = [int(i) for _, out, _ in done for i in out.split()]
    assert sorted(printed) == list(range(1, 2 * INSTALLED_SAVES + 1))
    with Repository.open(db) as repo:
        kms = sorted(s.km for s in repo.sessions())  # type: ignore[union-attr]
    assert kms == sorted(float(f"{w}.{i}") for w in (1, 2) for i in range(INSTALLED_SAVES))
    report("two installed-command loops", saves=f"2 x {INSTALLED_SAVES}", lost=0)


async def test_an_open_app_shows_a_save_of_the_command_line_within_a_second(
    repo: Repository, isolated_env: dict[str, str]
) -> None:
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        week = app.screen
        assert isinstance(week, WeekScreen) and week.plan is not None
        assert week.plan.totals.run_km_done == 0
        logging = await asyncio.create_subprocess_exec(
            *legrun_command(),
            *("--db", str(repo.path), "log", "run", "--date", "today", "--km", "6.5"),
            *("--minutes", "40"),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=isolated_env,
        )
        out, err = await logging.communicate()
        saved = time.monotonic()
        assert logging.returncode == 0 and err == b"", err
        # No key pressed: the app's once-a-second look at PRAGMA data_version finds the save.
        while week.plan.totals.run_km_done != 6.5 and time.monotonic() - saved < 3:
            await pilot.pause(0.05)
        noticed = time.monotonic() - saved
        await pilot.pause(1.5 - min(noticed, 1.5))
        assert week.plan.totals.run_km_done == 6.5
        assert noticed <= 1.5, f"the app showed the save after {noticed:.2f} s"
        tuesday = week.query_one("#day-1")
        shown = tuesday.render_lines(tuesday.region.reset_offset)
        assert "6.5" in "\n".join(line.text for line in shown)  # and the screen says so
    report("app notices a CLI save", seconds=f"{noticed:.2f}")


async def test_the_app_saves_while_the_command_line_writes(
    repo: Repository, isolated_env: dict[str, str], tmp_path: Path
) -> None:
    """Keys in the app while a script logs in a loop: the app's saves wait their turn; none
    is refused ("Not saved: ... busy") and none of either is lost. About 5 s: the loop must
    run long enough for the app's saves to meet its writes."""
    go, stop = tmp_path / "go", tmp_path / "stop"
    go.touch()
    app_saves = count(5, 40)
    writer = await asyncio.create_subprocess_exec(
        *python_command(CLI_LOOP, str(repo.path), "100000", str(go), str(stop)),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env=isolated_env,
    )
    app = make_app(repo, today=TODAY)
    said: list[str] = []
    shown = app.notify

    def notify(message: str, **options: object) -> None:
        said.append(str(message))  # every toast, also those gone from the screen already
        shown(message, **options)  # type: ignore[arg-type]

    app.notify = notify  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        wait_until(lambda: repo.session_count() >= 5, "the script's first saves")
        for _ in range(app_saves):
            await pilot.press("a", "r", "3", "tab", "2", "0", "enter")
            await pilot.pause()
        saved = repo.session_count()
        wait_until(lambda: repo.session_count() >= saved + 3, "the script's next saves")
        stop.touch()
        out, err = await writer.communicate()
    assert writer.returncode == 0 and err.decode().splitlines()[:-1] == [], err
    assert not [s for s in said if s.startswith("Not saved")], said
    assert said.count("Logged 3 km run on Tue 24 Nov") == app_saves, said
    sessions = repo.sessions()
    script = sorted(s.id for s in sessions if s.notes)
    ours = sorted(s.id for s in sessions if not s.notes)
    assert len(script) == len(out.split())  # every save the script printed is there
    assert sorted(s.notes for s in sessions if s.notes) == sorted(
        f"cli-{i}" for i in range(len(script))
    )
    assert len(ours) == app_saves
    assert script[0] < ours[0] and ours[-1] < script[-1]  # the two really took turns
    assert all(
        (s.km, s.minutes) == (3.0, 20)  # type: ignore[union-attr]
        for s in sessions
        if not s.notes
    )
    report("app saves during a CLI loop", app_saves=app_saves, cli_saves=len(script), refused=0)

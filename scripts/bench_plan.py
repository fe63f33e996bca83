"""How fast a week is planned with ten years of history behind it.

1. In memory: builds ten years of sessions (about five a week: two leg days with exercises,
   three runs, cross-training every other week), wraps them once in a `TrainingHistory`, and
   times `plan_week` for one week (median over N calls): the multi-week engine plans the week
   as of its first morning and settles each day gone by, so this is several placements.
   For scale (the goal that matters is the whole process below, and a key press <= 16 ms).
2. Whole process: writes the same ten years (plus a profile and daily check-ins) to a database
   in a temporary folder through the `Repository`, then runs the installed command
   `legrun-tui --db PATH plan --json` N times as a subprocess and prints the median.
   Goal: at most 150 ms. Timed twice: with Python's bytecode cache (in the temporary folder;
   what an installed program runs with after its first start) and with the environment as it
   is (this sandbox sets PYTHONDONTWRITEBYTECODE=1, so every run compiles every module). For
   scale it also times `legrun-tui --version` (start-up alone) and splits one run in phases.
3. Checks that `plan --json` never imports Textual (`python -X importtime`), and lists the
   largest imports of that process.

    uv run python scripts/bench_plan.py [--calls 200] [--runs 10] [--years 10]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from legrun.planner.goal import DISTANCES, Goal
from legrun.planner.load import TrainingHistory
from legrun.planner.models import (
    AnySession,
    CheckIn,
    CrossTraining,
    LegDay,
    Profile,
    Run,
    parse_exercise,
)
from legrun.planner.scheduler import plan_week, week_start_for
from legrun.storage import Repository

TODAY = date(2026, 11, 24)  # a Tuesday
PROFILE = Profile(
    age=38,
    runs_per_week=3,
    weekly_km=30.0,
    long_run_day=6,
    leg_days_rule="FREQ=WEEKLY;BYDAY=MO,TH",
)
LEG_A = ("back squat 5x5@100kg", "romanian deadlift 3x8@80kg", "standing calf raise 4x15@40kg")
LEG_B = ("front squat 4x6@75kg", "walking lunge 3x12", "hamstring curl 3x12@35kg")


def ten_years(end: date, years: int = 10) -> tuple[list[AnySession], list[CheckIn]]:
    """About five sessions a week up to the day before `end`, and a check-in after each leg
    day. Deterministic."""
    sessions: list[AnySession] = []
    checkins: list[CheckIn] = []
    start = end - timedelta(days=365 * years)
    start -= timedelta(days=start.weekday())
    week = 0
    while True:
        monday = start + timedelta(weeks=week)
        if monday >= end:
            break
        km = 6.0 + (week % 5)
        plan: list[AnySession] = [
            LegDay(
                date=monday,
                minutes=60,
                rpe=8 + week % 2,
                exercises=tuple(parse_exercise(e) for e in LEG_A),
            ),
            Run(date=monday + timedelta(days=1), minutes=35, rpe=3, km=5.0, kind="recovery"),
            Run(date=monday + timedelta(days=2), minutes=round(km * 6), rpe=4, km=km),
            LegDay(
                date=monday + timedelta(days=3),
                minutes=55,
                rpe=7,
                exercises=tuple(parse_exercise(e) for e in LEG_B),
            ),
            Run(
                date=monday + timedelta(days=6),
                minutes=round((km + 6) * 6.3),
                rpe=6,
                km=km + 6,
                kind="long",
            ),
        ]
        if week % 2:
            plan.append(
                CrossTraining(date=monday + timedelta(days=4), minutes=40, rpe=3, activity="bike")
            )
        for session in plan:
            if session.date < end:
                sessions.append(session)
        for offset in (1, 4):
            if monday + timedelta(days=offset) < end:
                checkins.append(
                    CheckIn(date=monday + timedelta(days=offset), soreness=3 + week % 4, quads=5)
                )
        week += 1
    return sessions, checkins


def bench_in_memory(calls: int, years: int) -> float:
    sessions, checkins = ten_years(TODAY, years)
    history = TrainingHistory(sessions)
    week = week_start_for(TODAY, PROFILE.week_start)
    recent = [c for c in checkins if c.date >= week - timedelta(days=7)]
    plan_week(PROFILE, history, recent, (), week, TODAY)  # warm caches as the app would
    times = []
    for _ in range(calls):
        started = time.perf_counter()
        plan_week(PROFILE, history, recent, (), week, TODAY)
        times.append(time.perf_counter() - started)
    median = statistics.median(times) * 1000
    print(
        f"plan_week, {len(sessions)} sessions over {years} years, prebuilt TrainingHistory: "
        f"median {median:.3f} ms, min {min(times) * 1000:.3f} ms over {calls} calls "
        f"(for scale)"
    )
    started = time.perf_counter()
    plan_week(PROFILE, sessions, recent, (), week, TODAY)
    print(
        f"plan_week from a plain list (builds the index): "
        f"{(time.perf_counter() - started) * 1000:.1f} ms"
    )
    return median


def build_database(path: Path, years: int) -> int:
    sessions, checkins = ten_years(TODAY, years)
    repo = Repository.open(path)
    try:
        repo.save_profile(PROFILE)
        repo.add_sessions(sessions)
        for checkin in checkins:
            repo.save_checkin(checkin)
    finally:
        repo.close()
    return len(sessions)


def command() -> list[str]:
    found = shutil.which("legrun-tui", path=str(Path(sys.executable).parent))
    if found is None:
        sys.exit("the legrun-tui console script is not installed in this environment")
    return [found]


def environment(pycache: Path | None = None) -> dict[str, str]:
    """The command's environment. With `pycache`, Python keeps compiled bytecode there (as an
    installed program does after its first run); without it, the environment is taken as it is
    (this sandbox sets PYTHONDONTWRITEBYTECODE=1, so every run compiles every module)."""
    env = dict(os.environ)
    env["LEGRUN_TODAY"] = TODAY.isoformat()
    env.pop("LEGRUN_DB", None)
    if pycache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def time_command(args: list[str], runs: int, env: dict[str, str]) -> tuple[float, float]:
    subprocess.run(args, capture_output=True, env=env, check=True)  # warm caches
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(args, capture_output=True, env=env, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000, min(times) * 1000


_PHASES = """
import sys, time
t0 = time.perf_counter()
import legrun.tui.cli
t1 = time.perf_counter()
from legrun.tui import contract
from legrun.storage.plans import load_week_plan
from legrun.storage import Repository
from datetime import date
t2 = time.perf_counter()
repo = Repository.open(sys.argv[1])
t3 = time.perf_counter()
today = date.fromisoformat(sys.argv[2])
plan = load_week_plan(repo, today, today)
t4 = time.perf_counter()
text = contract.plan_json(plan)
import json; json.dumps(text, indent=2)
t5 = time.perf_counter()
ms = lambda a, b: f"{(b - a) * 1000:.1f}"
print(f"import legrun.tui.cli {ms(t0, t1)} ms, output+planning {ms(t1, t2)} ms, "
      f"Repository.open {ms(t2, t3)} ms, queries+plan_week {ms(t3, t4)} ms, "
      f"JSON {ms(t4, t5)} ms")
"""


def phases(db: Path, env: dict[str, str]) -> str:
    """Where one `plan --json` spends its time inside Python (start-up of Python excluded)."""
    args = [sys.executable, "-c", _PHASES, str(db), TODAY.isoformat()]
    subprocess.run(args, capture_output=True, env=env, check=True)
    return subprocess.run(args, capture_output=True, text=True, env=env, check=True).stdout


def import_report(db: Path, env: dict[str, str]) -> None:
    """Runs `plan --json` under `-X importtime`: Textual must not appear; the top imports."""
    script = (
        "import sys; from legrun.tui.cli import main; "
        f"sys.argv = ['legrun-tui', '--db', {str(db)!r}, 'plan', '--json']; "
        "raise SystemExit(main())"
    )
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", script],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    rows = []
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        self_us, cumulative_us, name = line[len("import time:") :].split("|", 2)
        rows.append((int(cumulative_us), int(self_us), name[1:].rstrip()))  # nested: indented
    names = {name.strip() for _, _, name in rows}
    textual = sorted(n for n in names if n == "textual" or n.startswith("textual."))
    print(
        "  plan --json imports textual: "
        + ("no" if not textual else f"YES ({', '.join(textual[:5])} ...)")
    )
    heavy = sorted(rows, reverse=True)
    print("  largest imports (cumulative ms; nested ones indented):")
    for cumulative, _, name in heavy[:14]:
        print(f"    {cumulative / 1000:6.1f}  {name}")
    json.loads(result.stdout)  # and it printed a plan


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=200, help="plan_week calls to time")
    parser.add_argument("--runs", type=int, default=10, help="command runs to time")
    parser.add_argument("--years", type=int, default=10, help="years of history")
    args = parser.parse_args()

    bench_in_memory(args.calls, args.years)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "legrun.db"
        started = time.perf_counter()
        count = build_database(db, args.years)
        print(
            f"built {db.name}: {count} sessions, {db.stat().st_size / 1e6:.1f} MB "
            f"in {time.perf_counter() - started:.1f} s"
        )
        base = command()
        plan_args = [*base, "--db", str(db), "plan", "--json"]
        cached = environment(Path(folder) / "pycache")
        for label, env in (
            ("bytecode cached (an installed program after its first run)", cached),
            ("this environment as it is (no bytecode cache)", environment()),
        ):
            print(f"{label}:")
            median, fastest = time_command([*base, "--version"], args.runs, env)
            print(f"  legrun-tui --version: median {median:.0f} ms, min {fastest:.0f} ms")
            median, fastest = time_command(plan_args, args.runs, env)
            print(
                f"  legrun-tui --db PATH plan --json: median {median:.0f} ms, "
                f"min {fastest:.0f} ms over {args.runs} runs (goal <= 150 ms)"
            )
            print("  " + phases(db, env).strip())
        # The season: every week from this one to a marathon 20 weeks out, planned in order.
        with_goal = Path(folder) / "season.db"
        shutil.copy(db, with_goal)
        with Repository.open(with_goal) as repo:
            repo.save_goal(Goal(TODAY + timedelta(weeks=20), DISTANCES["marathon"]))
        median, fastest = time_command(
            [*base, "--db", str(with_goal), "season", "--json"], args.runs, cached
        )
        print(
            f"season --json, marathon 20 weeks out, bytecode cached: median {median:.0f} ms, "
            f"min {fastest:.0f} ms over {args.runs} runs (goal <= 200 ms)"
        )
        print("imports of plan --json, bytecode cached:")
        import_report(db, cached)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Whole-process time of `legrun-tui history --json` on a database of 5,000 sessions.

Builds the database in a temporary folder through the Repository (one `add_sessions`
transaction): leg days with three or four exercises, runs of every kind, cross-training, in a
seeded random mix over about six years. Then runs the installed command N times as a
subprocess (what a script or a user pays, start-up included) and prints the median and the
minimum. For scale it also times `--version` (start-up alone, no database) and `history
--json` on an empty database.

    uv run python scripts/bench_history.py [--sessions 5000] [--runs 10]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from legrun.planner.models import CrossTraining, LegDay, Run, parse_exercise
from legrun.storage import Repository

TODAY = date(2026, 11, 24)
LIFTS = (
    "back squat 5x5@{w}kg",
    "romanian deadlift 3x8@{w}kg",
    "walking lunge 3x12",
    "leg press 4x10@{w}kg",
    "nordic curl 3x5",
    "standing calf raise 3x15@{w}kg",
    "deadlift 3x5@{lb}lb",
    "hip thrust 3x10@{w}kg",
)


def sessions(count: int, seed: int = 20261124) -> list[LegDay | Run | CrossTraining]:
    rng = random.Random(seed)
    first = TODAY - timedelta(days=round(count / 1.25))  # 1.25 sessions a day on average
    made: list[LegDay | Run | CrossTraining] = []
    day = first
    while len(made) < count:
        for _ in range(rng.choice((1, 1, 1, 2))):
            if len(made) == count:
                break
            roll = rng.random()
            if roll < 0.3:
                names = rng.sample(LIFTS, rng.choice((3, 4)))
                exercises = tuple(
                    parse_exercise(n.format(w=rng.randint(20, 160), lb=rng.randint(135, 405)))
                    for n in names
                )
                made.append(
                    LegDay(
                        date=day,
                        minutes=rng.randint(40, 90),
                        rpe=rng.randint(5, 10),
                        exercises=exercises,
                        notes=rng.choice(("", "", "felt strong", "tired legs")),
                    )
                )
            elif roll < 0.8:
                km = round(rng.uniform(3, 25), 1)
                made.append(
                    Run(
                        date=day,
                        minutes=max(1, round(km * rng.uniform(4.5, 7.5))),
                        rpe=rng.choice((None, 3, 4, 5, 7, 8)),
                        km=km,
                        avg_hr=rng.choice((None, rng.randint(120, 175))),
                        kind=rng.choice(("recovery", "easy", "easy", "long", "tempo", "intervals")),
                    )
                )
            else:
                made.append(
                    CrossTraining(
                        date=day,
                        minutes=rng.randint(20, 75),
                        rpe=rng.choice((None, 2, 3, 4)),
                        activity=rng.choice(("bike", "swim", "yoga", "walk", "other")),
                    )
                )
        day += timedelta(days=1)
    return made


def installed_command() -> str:
    found = shutil.which("legrun-tui", path=str(Path(sys.executable).parent))
    if found is None:
        sys.exit("legrun-tui is not installed in this environment (run `uv sync`)")
    return found


def time_runs(command: list[str], runs: int, env: dict[str, str]) -> tuple[list[float], bytes]:
    subprocess.run(command, check=True, capture_output=True, env=env)  # warm the page cache
    times, output = [], b""
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(command, check=True, capture_output=True, env=env)
        times.append((time.perf_counter() - started) * 1000)
        output = done.stdout
    return times, output


def report(label: str, times: list[float]) -> None:
    print(
        f"  {label:<40} median {statistics.median(times):7.1f} ms   "
        f"min {min(times):7.1f} ms   (n={len(times)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()

    exe = installed_command()
    env = {**os.environ, "LEGRUN_TODAY": TODAY.isoformat()}
    env.pop("LEGRUN_DB", None)
    with tempfile.TemporaryDirectory(prefix="legrun-bench-") as folder:
        path = Path(folder) / "bench.db"
        empty = Path(folder) / "empty.db"
        batch = sessions(args.sessions)
        started = time.perf_counter()
        with Repository.open(path) as repo:
            repo.add_sessions(batch)
            exercises = repo._db.raw.execute("SELECT count(*) FROM exercises").fetchone()[0]
        build_ms = (time.perf_counter() - started) * 1000
        Repository.open(empty).close()

        kinds = {t: sum(type(s).__name__ == t for s in batch) for t in ("LegDay", "Run")}
        print(
            f"database: {len(batch)} sessions ({kinds['LegDay']} leg days with {exercises} "
            f"exercises, {kinds['Run']} runs, "
            f"{len(batch) - kinds['LegDay'] - kinds['Run']} cross-training), "
            f"{batch[0].date} to {batch[-1].date}, {path.stat().st_size / 1e6:.1f} MB, "
            f"built in {build_ms:.0f} ms"
        )
        print(f"command: {exe} --db <db> history --json; Python {sys.version.split()[0]}")

        # Python may start without bytecode caches (PYTHONDONTWRITEBYTECODE, or an install
        # that did not compile them), and then compiles every module on every start.
        cached = {**env, "PYTHONPYCACHEPREFIX": str(Path(folder) / "pycache")}
        cached.pop("PYTHONDONTWRITEBYTECODE", None)
        modes = [("with a bytecode cache", cached)]
        if os.environ.get("PYTHONDONTWRITEBYTECODE"):
            modes.append(("as this environment runs it (no bytecode cache)", env))
        for title, mode_env in modes:
            print(f"{title}:")
            version_times, _ = time_runs([exe, "--version"], args.runs, mode_env)
            empty_times, _ = time_runs(
                [exe, "--db", str(empty), "history", "--json"], args.runs, mode_env
            )
            full_times, output = time_runs(
                [exe, "--db", str(path), "history", "--json"], args.runs, mode_env
            )
            listed = json.loads(output)
            assert len(listed) == len(batch), (len(listed), len(batch))
            report("--version (start-up only)", version_times)
            report("history --json, empty database", empty_times)
            report(f"history --json, {len(batch)} sessions", full_times)
        print(f"output: {len(output) / 1e6:.2f} MB of JSON, {len(listed)} sessions")


if __name__ == "__main__":
    main()

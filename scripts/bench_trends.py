"""Benchmark: history and trends on ten years of history (20,000+ sessions).

    uv run python scripts/bench_trends.py [--sessions 20000]

Prints, for one database built in a temp dir:
- the trends screen's queries (weekly totals for 12/26/52 weeks, daily loads, soreness,
  personal bests), median of 50 runs each;
- the history screen: time from pressing 2 to the first page shown, and page-down times
  (median of 30), in a headless Textual app at 80x24;
- `legrun-tui stats --json` as a whole process (median of 10).
Figures only: the machines are shared, so nothing here is a pass/fail test.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from legrun.planner.models import CheckIn, CrossTraining, Exercise, LegDay, Run, muscles_for
from legrun.storage import Repository

TODAY = date(2026, 11, 24)


def build(path: Path, sessions: int) -> None:
    rng = random.Random(1)
    days = 3653
    start = TODAY - timedelta(days=days)
    batch = []
    checkins = []
    for n in range(sessions):
        day = start + timedelta(days=int(n * days / sessions))
        kind = n % 5
        if kind in (0, 3):
            batch.append(
                LegDay(
                    date=day,
                    minutes=60,
                    rpe=rng.randint(6, 9),
                    exercises=tuple(
                        Exercise(
                            name,
                            4,
                            rng.choice((5, 8, 10)),
                            float(rng.randint(40, 140)),
                            muscles_for(name),
                        )
                        for name in ("back squat", "romanian deadlift", "walking lunge")
                    ),
                    notes=rng.choice(("", "felt strong", "tired legs", "new gym")),
                )
            )
        elif kind == 4:
            batch.append(CrossTraining(date=day, minutes=40, rpe=3, activity="bike"))
        else:
            km = round(rng.uniform(4, 18), 1)
            batch.append(
                Run(
                    date=day,
                    minutes=round(km * rng.uniform(5.2, 7.0)),
                    rpe=4,
                    km=km,
                    kind=rng.choice(("easy", "recovery", "long")),
                )
            )
        if n % 7 == 0:
            checkins.append(CheckIn(date=day, soreness=rng.randint(0, 9)))
    with Repository.open(path) as repo:
        repo.add_sessions(batch)
        for checkin in checkins:
            repo.save_checkin(checkin)


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def bench_queries(path: Path) -> None:
    with Repository.open(path) as repo:
        db = repo
        for weeks in (12, 26, 52):
            first = TODAY - timedelta(weeks=weeks)
            ms = median_ms(lambda first=first: db.weekly_totals(first, TODAY, 0), 50)
            print(f"  weekly_totals {weeks:>2} weeks      {ms:7.2f} ms")
        first = TODAY - timedelta(weeks=52, days=200)
        loads_ms = median_ms(lambda: db.daily_loads(first, TODAY), 50)
        print(f"  daily_loads 52 weeks+200 d  {loads_ms:7.2f} ms")
        sore_ms = median_ms(lambda: db.soreness_by_day(first, TODAY), 50)
        print(f"  soreness 52 weeks           {sore_ms:7.2f} ms")
        for weeks in (12, 52):
            first = TODAY - timedelta(weeks=weeks)

            def screen_queries(first: date = first) -> None:
                db.weekly_totals(first, TODAY, 0)
                db.daily_loads(first - timedelta(days=200), TODAY)
                db.soreness_by_day(first, TODAY)

            print(
                f"  trends screen, all its queries, {weeks} weeks  "
                f"{median_ms(screen_queries, 50):7.2f} ms"
            )
        bests = median_ms(
            lambda: (
                db.longest_run(),
                db.fastest_run(),
                db.most_weekly_km(0),
                db.lift_sets(),
            ),
            20,
        )
        print(f"  personal bests (all time, only when their tab opens)  {bests:7.2f} ms")


async def bench_history_screen(path: Path) -> None:
    from textual.widgets import DataTable

    from legrun.tui.application import make_app
    from legrun.tui.screens.history import HistoryScreen

    repo = Repository.open(path)
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        t0 = time.perf_counter()
        await pilot.press("2")
        while not isinstance(app.screen, HistoryScreen) or not app.screen.loaded:
            await asyncio.sleep(0)
        await pilot.pause()
        open_ms = (time.perf_counter() - t0) * 1000
        table = app.screen.query_one(DataTable)
        times = []
        for _ in range(30):
            t0 = time.perf_counter()
            await pilot.press("pagedown")
            await pilot.pause()
            times.append((time.perf_counter() - t0) * 1000)
        rows = table.row_count
    repo.close()
    base_open, base_page = await bare_table_baseline()
    print(
        f"  history screen open (2 -> first page)   {open_ms:7.1f} ms "
        f"(bare DataTable screen, 100 rows: {base_open:.1f} ms)"
    )
    print(
        f"  page down, median of 30                  {statistics.median(times):7.1f} ms "
        f"(max {max(times):.1f}; bare DataTable: {base_page:.1f}); "
        f"{rows} rows loaded after 30 pages"
    )


async def bare_table_baseline() -> tuple[float, float]:
    """The same harness on a bare Textual app: a DataTable of 2,000 rows pushed as a screen.
    Pilot's pauses dominate key timings, so only the ratio to this says much."""
    from textual.app import App
    from textual.screen import Screen
    from textual.widgets import DataTable, Footer

    class TableScreen(Screen[None]):
        def compose(self):
            yield DataTable(cursor_type="row")
            yield Footer()

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            table.add_columns("Date", "Kind", "Min", "Km", "Pace", "RPE", "Load", "Details")
            table.add_rows(
                [("2026-11-23", "L Leg day", 60, "", "", 8, 480, "back squat 5x5@100kg")] * 100
            )

    class Bare(App[None]):
        BINDINGS = [("2", "open", "open")]

        def action_open(self) -> None:
            self.push_screen(TableScreen())

    app = Bare()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        t0 = time.perf_counter()
        await pilot.press("2")
        await pilot.pause()
        open_ms = (time.perf_counter() - t0) * 1000
        times = []
        for _ in range(30):
            t0 = time.perf_counter()
            await pilot.press("pagedown")
            await pilot.pause()
            times.append((time.perf_counter() - t0) * 1000)
    return open_ms, statistics.median(times)


def bench_stats(path: Path) -> None:
    exe = Path(sys.executable).parent / "legrun-tui"
    times = []
    for _ in range(10):
        t0 = time.perf_counter()
        subprocess.run(
            [str(exe), "--db", str(path), "stats", "--json"],
            check=True,
            capture_output=True,
            env={"LEGRUN_TODAY": TODAY.isoformat(), "PATH": ""},
        )
        times.append((time.perf_counter() - t0) * 1000)
    print(
        f"  legrun-tui stats --json (whole process)  {statistics.median(times):7.1f} ms median, "
        f"{min(times):.1f} min"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ten-years.db"
        t0 = time.perf_counter()
        build(path, args.sessions)
        print(f"built {args.sessions} sessions in {time.perf_counter() - t0:.1f} s")
        print("trends queries (median):")
        bench_queries(path)
        print("history screen:")
        asyncio.run(bench_history_screen(path))
        print("stats:")
        bench_stats(path)


if __name__ == "__main__":
    main()

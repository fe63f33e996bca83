"""The planner's own time, in this process, on the ten-year database (no start-up, no
terminal): what a key press that re-plans costs at the least.

The pure functions get exactly the inputs the app gives them: `load_week_plan` and
`load_season` (legrun.storage.plans, what the app and the command line call) are run once
with the module's `TrainingHistory` and `plan_weeks` wrapped to record their arguments (the
window of sessions read, the check-ins, pins, ticks and goal). Before each timed call a new
`TrainingHistory` is built from the recorded sessions (not timed), so its date index starts
cold, as it does in the app after each save.

- `plan_week`: the pure function for this week (its signature takes no goal);
- `plan_weeks`, this week: as `load_week_plans` asks for it, with the goal;
- `plan_weeks`, the season: from this week to the week after the goal race, every week
  planned in order (the season screen, `season --json`);
- `load_week_plan` and `load_season`: the same with the database reads and, for the season,
  its rows;
- for scale, what the history and trends screens read when they open: `history_count` and
  the first page of 100 (newest first), and `load_trends` for 12 weeks.

Each figure is the median of `calls` calls, after one call not counted.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any
from unittest.mock import patch

from benchmarks.history import TODAY
from benchmarks.workspace import Workspace
from legrun.planner.load import TrainingHistory
from legrun.planner.scheduler import plan_week, plan_weeks
from legrun.storage import Repository, plans
from legrun.storage.history import HistoryFilter
from legrun.storage.plans import load_season, load_trends, load_week_plan

Arguments = tuple[tuple[Any, ...], dict[str, Any]]


def _time(call: Callable[[], object], prepare: Callable[[], None], calls: int) -> list[float]:
    prepare()
    call()  # warm-up
    times = []
    for _ in range(calls):
        prepare()
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return times


def recorded_inputs(load: Callable[[], object]) -> tuple[Arguments, Arguments]:
    """The arguments `load` gives `TrainingHistory` and `plan_weeks` (its last calls)."""
    seen: dict[str, Arguments] = {}

    def history(*args: Any, **kwargs: Any) -> TrainingHistory:
        seen["history"] = (args, kwargs)
        return TrainingHistory(*args, **kwargs)

    def plan(*args: Any, **kwargs: Any) -> Any:
        seen["plan"] = (args, kwargs)
        return plan_weeks(*args, **kwargs)

    with patch.object(plans, "TrainingHistory", history), patch.object(plans, "plan_weeks", plan):
        load()
    return seen["history"], seen["plan"]


def measure(workspace: Workspace, calls: int) -> dict[str, list[float]]:
    db = workspace.fresh_copy(workspace.ten_year)
    with Repository.open(db) as repo:
        week_history, week_plan = recorded_inputs(lambda: load_week_plan(repo, TODAY, TODAY))
        season_history, season_plan = recorded_inputs(lambda: load_season(repo, TODAY))
        built: list[TrainingHistory] = []

        def fresh(recorded: Arguments) -> Callable[[], None]:
            def build() -> None:
                built[:] = [TrainingHistory(*recorded[0], **recorded[1])]

            return build

        def planned(recorded: Arguments) -> Callable[[], object]:
            (profile, _, *rest), kwargs = recorded
            return lambda: plan_weeks(profile, built[0], *rest, **kwargs)

        (profile, _, checkins, pins, first, _last, today), kwargs = week_plan
        ticks = kwargs.get("ticks", frozenset())

        def one_week() -> object:
            return plan_week(profile, built[0], checkins, pins, first, today, ticks)

        def nothing() -> None:
            pass

        everything = HistoryFilter()

        return {
            "plan_week, this week": _time(one_week, fresh(week_history), calls),
            "plan_weeks, this week with the goal": _time(
                planned(week_plan), fresh(week_history), calls
            ),
            "plan_weeks, the season to the goal race": _time(
                planned(season_plan), fresh(season_history), calls
            ),
            "load_week_plan (reads + plan)": _time(
                lambda: load_week_plan(repo, TODAY, TODAY), nothing, calls
            ),
            "load_season (reads + plan)": _time(lambda: load_season(repo, TODAY), nothing, calls),
            "load_trends, 12 weeks (trends screen reads)": _time(
                lambda: load_trends(repo, 12, TODAY), nothing, calls
            ),
            "history count + first page (history screen reads)": _time(
                lambda: (repo.history_count(everything), repo.history_page(everything)),
                nothing,
                calls,
            ),
        }

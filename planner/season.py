"""The season at a glance: one row a week, its figures those of the week's plan."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from legrun.planner.plan import WeekPlan
from legrun.planner.units import distance


@dataclass(frozen=True)
class SeasonWeek:
    """One week of the season, read off its plan."""

    week_start: date
    phase: str
    easier_week: bool
    run_km: float
    long_run_km: float | None
    quality: int  # quality runs (workouts) planned or done
    leg_days: int
    key_sessions: tuple[str, ...]  # the long run, the workouts, the race, in words


def season_rows(plans: Sequence[WeekPlan]) -> list[SeasonWeek]:
    """The season's rows from the plans of its weeks (as `plan --week` gives each)."""
    rows = []
    for plan in plans:
        items = [i for d in plan.days for i in d.sessions if i.status != "skipped"]
        long_runs = [i.km or 0.0 for i in items if i.kind == "long_run"]
        key = []
        for item in items:
            if item.kind == "race":
                key.append(f"{item.date:%a} race {distance(item.km or 0, plan.units)}")
            elif item.kind == "quality_run" and item.workout is not None:
                key.append(f"{item.date:%a} {item.workout.type}: {item.workout.main}")
            elif item.kind == "long_run":
                key.append(f"{item.date:%a} long run {distance(item.km or 0, plan.units)}")
        rows.append(
            SeasonWeek(
                week_start=plan.week_start,
                phase=plan.phase,
                easier_week=plan.easier_week,
                run_km=plan.totals.run_km,
                long_run_km=max(long_runs) if long_runs else None,
                quality=sum(1 for i in items if i.kind == "quality_run"),
                leg_days=sum(1 for i in items if i.kind == "leg_day"),
                key_sessions=tuple(key),
            )
        )
    return rows

"""Looking back: weekly totals, fitness and fatigue over time, personal bests.

Pure like the rest of the planner: storage hands in rows it summed with SQL, this module turns
them into the series and records the trends screen and `legrun-tui stats` show.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from msgspec import Struct

from legrun.planner.load import banister


class WeekTotals(Struct, frozen=True):
    """One week of logged training, summed."""

    week_start: date
    run_km: float = 0.0
    run_minutes: int = 0
    load: int = 0
    leg_days: int = 0
    cross_minutes: int = 0
    leg_load: int = 0
    run_load: int = 0
    cross_load: int = 0
    tonnage_kg: float = 0.0


class FitnessPoint(Struct, frozen=True):
    day: date
    fitness: float
    fatigue: float
    form: float


class LiftBest(Struct, frozen=True):
    name: str
    one_rm_kg: float  # Epley estimate
    load_kg: float
    reps: int
    day: date


class RunBest(Struct, frozen=True):
    day: date
    km: float
    minutes: int

    @property
    def pace_min_per_km(self) -> float:
        return self.minutes / self.km


class PersonalBests(Struct, frozen=True):
    longest_run: RunBest | None
    fastest_5k_plus: RunBest | None  # best pace over a run of 5 km or more
    most_weekly_km: tuple[date, float] | None
    lifts: tuple[LiftBest, ...]


def fill_weeks(totals: Iterable[WeekTotals], first: date, weeks: int) -> list[WeekTotals]:
    """Every week from `first` for `weeks` weeks, oldest first; weeks with nothing are zeros."""
    by_start = {t.week_start: t for t in totals}
    return [
        by_start.get(first + timedelta(weeks=i), WeekTotals(first + timedelta(weeks=i)))
        for i in range(weeks)
    ]


def fitness_series(daily_loads: Mapping[date, int], start: date, end: date) -> list[FitnessPoint]:
    """Fitness (42-day), fatigue (7-day) and form for each day from `start` to `end`, by the
    planner's own model (load.banister), so a day's figures are the week screen's."""
    return [
        FitnessPoint(day, round(fitness, 1), round(fatigue, 1), round(fitness - fatigue, 1))
        for day, fitness, fatigue in banister(daily_loads, start, end)
    ]


def epley_one_rm(load_kg: float, reps: int) -> float:
    """Estimated one-rep max (Epley): load x (1 + reps / 30); a single is the load itself."""
    if reps <= 1:
        return load_kg
    return load_kg * (1 + reps / 30)


def best_lifts(sets: Iterable[tuple[str, int, float, date]]) -> tuple[LiftBest, ...]:
    """The best estimated 1RM per lift from (name, reps, load_kg, date) rows, best first.

    Sets of more than 12 reps say little about a one-rep max and are left out.
    """
    best: dict[str, LiftBest] = {}
    for name, reps, load, day in sets:
        if not load or reps > 12:
            continue
        estimate = round(epley_one_rm(load, reps), 1)
        current = best.get(name)
        if current is None or estimate > current.one_rm_kg:
            best[name] = LiftBest(name, estimate, load, reps, day)
    return tuple(sorted(best.values(), key=lambda b: (-b.one_rm_kg, b.name)))

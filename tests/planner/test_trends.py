"""Trend series and records: fitness curves, Epley estimates, best lifts."""

from __future__ import annotations

import math
from datetime import date, timedelta

from legrun.planner.load import TrainingHistory, fitness_fatigue
from legrun.planner.models import LegDay
from legrun.planner.trends import best_lifts, epley_one_rm, fitness_series


def test_epley_estimates() -> None:
    assert epley_one_rm(100.0, 1) == 100.0
    assert math.isclose(epley_one_rm(100.0, 5), 100.0 * (1 + 5 / 30))
    assert math.isclose(epley_one_rm(60.0, 10), 80.0)


def test_best_lifts_keep_the_best_estimate_per_lift_and_skip_high_rep_sets() -> None:
    day = date(2026, 11, 2)
    best = best_lifts(
        [
            ("deadlift", 5, 140.0, day),  # 163.3
            ("deadlift", 1, 160.0, day),  # 160
            ("calf raise", 20, 200.0, day),  # too many reps to say anything about a 1RM
            ("front squat", 3, 90.0, day),  # 99
        ]
    )
    assert [(b.name, b.one_rm_kg) for b in best] == [("deadlift", 163.3), ("front squat", 99.0)]


def test_fitness_series_matches_the_planners_figure_for_the_same_day() -> None:
    start = date(2026, 9, 1)
    sessions = [LegDay(date=start + timedelta(days=d), minutes=60, rpe=8) for d in range(0, 80, 3)]
    loads: dict[date, int] = {}
    for s in sessions:
        loads[s.date] = loads.get(s.date, 0) + s.load
    last = start + timedelta(days=85)
    series = fitness_series(loads, last - timedelta(days=10), last)
    assert [p.day for p in series] == [last - timedelta(days=10 - i) for i in range(11)]
    fitness, fatigue, form = fitness_fatigue(TrainingHistory(sessions), last)
    assert series[-1].fitness == fitness
    assert series[-1].fatigue == fatigue
    assert series[-1].form == form


def test_one_session_decays_by_the_time_constants() -> None:
    day = date(2026, 1, 10)
    series = fitness_series({day: 420}, day, day + timedelta(days=7))
    k_fit, k_fat = 1 - math.exp(-1 / 42), 1 - math.exp(-1 / 7)
    assert series[0].fitness == round(420 * k_fit, 1)
    assert series[0].fatigue == round(420 * k_fat, 1)
    # A week later fatigue has fallen by e^-1, fitness by only e^(-1/6).
    assert series[-1].fatigue == round(420 * k_fat * (1 - k_fat) ** 7, 1)
    assert series[-1].fitness == round(420 * k_fit * (1 - k_fit) ** 7, 1)

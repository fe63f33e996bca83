"""Training load against hand computation: RPE x minutes, fitness and fatigue, the 7:28 ratio,
per-muscle recovery."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pytest

from legrun.planner.load import (
    TrainingHistory,
    acute_chronic_ratio,
    easy_pace,
    fitness_fatigue,
    longest_run_km,
    muscle_recovery,
    run_km,
)
from legrun.planner.models import CheckIn, CrossTraining, LegDay, Profile, Run
from tests.planner.builders import leg, make_plan, run

D = date(2026, 11, 23)


def test_session_load_is_rpe_times_minutes():
    assert LegDay(date=D, minutes=60, rpe=8).load == 480
    assert Run(date=D, minutes=30, rpe=3, km=5.0).load == 90
    assert CrossTraining(date=D, minutes=40).load == 200  # unknown RPE counts as 5


def _ewma(loads: list[float], days: int) -> float:
    """The EWMA of load.py written out: x += (load - x) * (1 - e^(-1/days)), once a day."""
    value = 0.0
    for load in loads:
        value = value + (load - value) * (1 - math.exp(-1 / days))
    return value


def test_single_session_fitness_and_fatigue_by_hand():
    history = TrainingHistory([LegDay(date=D, minutes=60, rpe=8)])
    k42 = 1 - math.exp(-1 / 42)
    k7 = 1 - math.exp(-1 / 7)
    # The evening of the session: one step of each average from zero.
    fitness, fatigue, form = fitness_fatigue(history, D)
    assert fitness == pytest.approx(round(480 * k42, 1)) == 11.3
    assert fatigue == pytest.approx(round(480 * k7, 1)) == 63.9
    assert form == pytest.approx(round(480 * k42 - 480 * k7, 1))
    # One day later, with no load: each decays by e^(-1/tau).
    fitness, fatigue, form = fitness_fatigue(history, D + timedelta(days=1))
    assert fitness == pytest.approx(round(480 * k42 * math.exp(-1 / 42), 1)) == 11.0
    assert fatigue == pytest.approx(round(480 * k7 * math.exp(-1 / 7), 1)) == 55.4
    assert form == pytest.approx(round(480 * k42 * (1 - k42) - 480 * k7 * (1 - k7), 1))
    assert fitness_fatigue(history, D - timedelta(days=1)) == (0.0, 0.0, 0.0)


def test_fitness_and_fatigue_over_months_match_the_written_out_average():
    sessions = [
        Run(date=D - timedelta(days=back), minutes=30 + back % 40, rpe=1 + back % 9, km=5.0)
        for back in range(0, 150, 2)
    ]
    loads = {s.date: s.load for s in sessions}
    daily = [loads.get(D - timedelta(days=back), 0) for back in range(199, -1, -1)]
    fitness, fatigue, form = fitness_fatigue(TrainingHistory(sessions), D)
    assert fitness == pytest.approx(_ewma(daily, 42), abs=0.051)
    assert fatigue == pytest.approx(_ewma(daily, 7), abs=0.051)
    assert form == pytest.approx(_ewma(daily, 42) - _ewma(daily, 7), abs=0.051)


def test_acute_chronic_ratio():
    steady = [Run(date=D - timedelta(days=b), minutes=40, rpe=5, km=6.0) for b in range(28)]
    assert acute_chronic_ratio(TrainingHistory(steady), D) == 1.0
    # Only the last week loaded: 7 days of load over a 28-day weekly average of a quarter of it.
    recent = steady[:7]
    assert acute_chronic_ratio(TrainingHistory(recent), D) == 4.0
    assert acute_chronic_ratio(TrainingHistory([]), D) is None


def test_history_look_ups():
    sessions = [
        run(D - timedelta(days=1), km=10.0),
        run(D - timedelta(days=3), km=6.0, pace=7.0),
        run(D - timedelta(days=40), km=20.0),
        leg(D),
    ]
    history = TrainingHistory(reversed(sessions))
    assert [s.date for s in history.sessions] == sorted(s.date for s in sessions)
    assert len(history.between(D - timedelta(days=3), D)) == 3
    assert longest_run_km(history, D - timedelta(days=30), D - timedelta(days=1)) == 10.0
    assert longest_run_km(history, D, D) == 0.0
    assert run_km(history, D - timedelta(days=7), D) == 16.0
    assert easy_pace(history, D, 6.5) == 6.0  # the median of 6.0, 6.0 and 7.0 min/km
    assert easy_pace(TrainingHistory([]), D, 6.5) == 6.5
    assert TrainingHistory.of(history) is history


def test_heavy_leg_day_takes_its_muscles_to_zero_and_back_in_72_hours():
    history = TrainingHistory([LegDay(date=D, minutes=60, rpe=9, exercises=())])
    assert muscle_recovery(history, None, D) == dict.fromkeys(
        ("quads", "hamstrings", "glutes", "calves"), 0
    )
    assert muscle_recovery(history, None, D + timedelta(days=1))["quads"] == 33
    assert muscle_recovery(history, None, D + timedelta(days=2))["quads"] == 67
    assert set(muscle_recovery(history, None, D + timedelta(days=3)).values()) == {100}


def test_recovery_follows_the_exercises_and_the_heaviness():
    squat_day = leg(D, rpe=9, exercises=("back squat",))
    recovery = muscle_recovery(TrainingHistory([squat_day]), None, D)
    assert recovery == {"quads": 0, "hamstrings": 100, "glutes": 0, "calves": 100}
    moderate = leg(D, rpe=6, exercises=("romanian deadlift",))
    after_a_day = muscle_recovery(TrainingHistory([moderate]), None, D + timedelta(days=1))
    assert after_a_day["hamstrings"] == 65  # 30 % + 70 % x 24/48
    assert after_a_day["quads"] == 100
    light = leg(D, rpe=4, exercises=("calf raise",))
    assert muscle_recovery(TrainingHistory([light]), None, D)["calves"] == 60


def test_a_run_loads_legs_lightly():
    recovery = muscle_recovery(TrainingHistory([run(D, km=8.0)]), None, D)
    assert recovery == {"quads": 80, "hamstrings": 80, "glutes": 100, "calves": 70}


def test_check_in_caps_recovery():
    checkin = CheckIn(date=D + timedelta(days=3), soreness=2, quads=6)
    history = TrainingHistory([LegDay(date=D, minutes=60, rpe=9)])
    recovery = muscle_recovery(history, checkin, D + timedelta(days=3))
    assert recovery == {"quads": 40, "hamstrings": 80, "glutes": 80, "calves": 80}
    # A check-in more than three days old no longer says anything about today.
    stale = CheckIn(date=D - timedelta(days=4), soreness=9)
    assert set(muscle_recovery(TrainingHistory([]), stale, D).values()) == {100}


def test_plan_state_and_totals_use_these_numbers():
    history = [LegDay(date=D - timedelta(days=1), minutes=60, rpe=8)]
    checkin = CheckIn(date=D, soreness=5)
    plan = make_plan(Profile(), history, checkins=[checkin], week_start=D)
    assert (plan.state.fitness, plan.state.fatigue, plan.state.form) == fitness_fatigue(
        TrainingHistory(history), D
    )
    assert plan.state.recovery == muscle_recovery(TrainingHistory(history), checkin, D)
    counted = [i for d in plan.days for i in d.sessions if i.status != "skipped"]
    assert plan.totals.load == sum((i.rpe or 5) * (i.minutes or 0) for i in counted if i.minutes)
    runs = [i for i in counted if i.is_run]
    assert plan.totals.run_km == round(sum(i.km or 0 for i in runs), 1)
    assert plan.totals.run_minutes == sum(i.minutes or 0 for i in runs)


def test_a_block_starts_after_more_than_fourteen_days_without_a_run() -> None:
    days = [D + timedelta(days=o) for o in (0, 2, 16, 31, 33, 100)]  # gaps 2, 14, 15, 2, 67
    history = TrainingHistory([run(d, km=5.0) for d in days])
    at = {o: history.block_start(D + timedelta(days=o)) for o in (0, 1, 20, 31, 32, 50, 120)}
    assert at[0] == (None, None)  # a day is planned before its own run
    assert at[1] == at[20] == at[31] == (D, None)  # 14 days without a run is no break yet
    assert at[32] == at[50] == (D + timedelta(days=31), D + timedelta(days=16))
    assert at[120] == (D + timedelta(days=100), D + timedelta(days=33))
    # The same from the run dates alone (as storage gives them, ten years of them).
    alone = TrainingHistory([], days)
    assert alone.block_start(D + timedelta(days=50)) == at[50]


def _blocks_of(history: TrainingHistory, days: list[date]) -> list[tuple[date | None, ...]]:
    return [history.block_start(d) for d in days]


def test_derived_histories_find_the_training_blocks_a_fresh_one_finds():
    """`with_sessions` and `without` reuse the blocks found before the change and look at the
    runs after it again: each must see the blocks a history built from scratch sees."""
    # Runs every other day with breaks of 15 and 30 days (new blocks) and one of 14 (not).
    offsets = [*range(0, 40, 2), *range(54, 80, 2), *range(94, 120, 3), *range(150, 170, 2)]
    logged = [run(D + timedelta(days=o), km=6.0) for o in offsets]
    asked = [D + timedelta(days=o) for o in range(-5, 260, 3)]
    base = TrainingHistory(logged[:40])
    base.block_start(D + timedelta(days=100))  # the blocks found once, then carried on
    # Planned weeks ahead: one after a break (a new block), then one straight after.
    ahead = [run(D + timedelta(days=o), km=5.0) for o in (200, 202, 204, 206)]
    grown = base.with_sessions(ahead)
    assert _blocks_of(grown, asked) == _blocks_of(TrainingHistory([*logged[:40], *ahead]), asked)
    assert grown.block_start(D + timedelta(days=203))[0] == D + timedelta(days=200)
    # Without a span, the runs after it start blocks of their own where the gap is a break.
    full = TrainingHistory(logged)
    full.block_start(D + timedelta(days=200))
    start, end = D + timedelta(days=60), D + timedelta(days=100)
    cut = full.without(start, end)
    kept = [s for s in logged if not start <= s.date <= end]
    assert _blocks_of(cut, asked) == _blocks_of(TrainingHistory(kept), asked)
    # And a derived history grown again still agrees.
    regrown = cut.with_sessions(ahead)
    assert _blocks_of(regrown, asked) == _blocks_of(TrainingHistory([*kept, *ahead]), asked)


def test_run_dates_read_from_storage_join_the_window_s_runs_each_date_once() -> None:
    """Storage gives every run date up to the window's end (in order, each once) and the
    window's sessions beside them: the history's run dates are the union, in order, each
    date once, whatever order they came in."""
    older = [D - timedelta(days=400 + 3 * i) for i in range(50)]
    window = [run(D - timedelta(days=d), km=5.0) for d in (1, 1, 4, 9)]
    ahead = D + timedelta(days=2)  # a run logged ahead, not among the dates given
    window.append(run(ahead, km=5.0))
    given = sorted({*older, *(s.date for s in window[:4])})
    expected = sorted({*older, *(s.date for s in window)})
    assert TrainingHistory(window, given).run_dates == expected
    assert TrainingHistory(window, list(reversed(given))).run_dates == expected
    assert TrainingHistory(window, given + given[:3]).run_dates == expected
    assert TrainingHistory(window).run_dates == sorted({s.date for s in window})

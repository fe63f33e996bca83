"""Bugs a review of the planner found (each test failed before its fix)."""

from __future__ import annotations

from datetime import date, timedelta

from legrun.planner.goal import Goal
from legrun.planner.models import Pin, Profile, Run
from legrun.planner.scheduler import plan_weeks

T = date(2026, 11, 23)  # a Monday


def test_a_pinned_long_run_of_230_km_is_kept_not_a_crash():
    plans = plan_weeks(
        Profile(),
        [],
        [],
        [Pin(T + timedelta(days=2), "long_run", "add", km=230)],
        T,
        T + timedelta(weeks=1),
        T,
    )
    (pinned,) = [i for i in plans[0].days[2].sessions if i.kind == "long_run"]
    assert pinned.km == 230 and pinned.minutes is not None and pinned.minutes <= 1440


def test_a_small_weekly_target_still_gets_runs_and_builds():
    plans = plan_weeks(Profile(weekly_km=10), [], [], [], T, T + timedelta(weeks=6), T)
    run_km = [p.totals.run_km for p in plans]
    assert all(km > 0 for km in run_km), run_km
    building = [p.totals.run_km for p in plans if not p.easier_week]
    assert building == sorted(building), run_km


def test_a_break_after_too_little_running_starts_as_a_new_runner():
    history = [Run(date=T - timedelta(days=d), minutes=30, km=5.0, id=d) for d in (60, 62, 64)]
    plans = plan_weeks(Profile(weekly_km=20), history, [], [], T, T + timedelta(weeks=2), T)
    assert [p.phase for p in plans] == ["start"] * 3
    assert all(p.totals.run_km >= 0.6 * 20 - 0.5 for p in plans[:1])
    assert plans[1].volume is not None and plans[1].volume.cap_km >= plans[0].volume.cap_km


def test_no_hard_run_the_day_before_a_race_early_in_its_week():
    history = [Run(date=T - timedelta(days=d), minutes=40, km=6.0, id=d) for d in range(2, 60, 2)]
    race = date(2027, 1, 18)  # a Monday
    goal = Goal(race, 10.0)
    plans = plan_weeks(
        Profile(runs_per_week=4, weekly_km=40),
        history,
        [],
        [],
        race - timedelta(7),
        race,
        T,
        goal=goal,
    )
    assert plans[0].phase == "taper"  # the week before a Monday race tapers too
    day_before = race - timedelta(days=1)
    hard = [i for p in plans for d in p.days for i in d.sessions if i.is_hard and i.kind != "race"]
    assert day_before not in {i.date for i in hard}


def test_a_race_on_a_day_marked_unavailable_is_planned_and_said():
    race = T + timedelta(weeks=4, days=5)  # a Saturday
    plans = plan_weeks(Profile(unavailable=(5,)), [], [], [], race, race, T, goal=Goal(race, 10.0))
    (week,) = plans
    assert [i.kind for i in week.day(race).sessions if i.is_run] == ["race"]  # type: ignore[union-attr]
    assert any(w.rule == "R-GOAL" and "unavailable" in w.text for w in week.warnings)

"""Edge cases: Sunday weeks, year ends, leap days, the week boundary, no profile, no history,
ten years of history."""

from __future__ import annotations

import time
from datetime import date, timedelta

import pytest

from legrun.planner.load import LOAD_WINDOW_DAYS, TrainingHistory, fitness_fatigue
from legrun.planner.models import CheckIn, Profile
from legrun.planner.scheduler import plan_week, week_start_for
from tests.planner.builders import (
    HARD_KINDS,
    cross,
    dates_of,
    describe,
    items,
    leg,
    make_plan,
    planned,
    rest_days,
    rules,
    run,
    steady_runs,
)

RUN_KINDS = ("recovery_run", "easy_run", "long_run", "quality_run")


def test_week_start_for_monday_and_sunday_weeks():
    tuesday = date(2026, 11, 24)
    assert week_start_for(tuesday, 0) == date(2026, 11, 23)
    assert week_start_for(tuesday, 6) == date(2026, 11, 22)
    sunday = date(2026, 11, 29)
    assert week_start_for(sunday, 0) == date(2026, 11, 23)
    assert week_start_for(sunday, 6) == sunday


def test_week_starting_on_sunday():
    profile = Profile(week_start=6, leg_days_rule="FREQ=WEEKLY;BYDAY=MO,TH")
    sunday = date(2026, 11, 29)
    plan = make_plan(profile, steady_runs(sunday), week_start=sunday)
    assert [d.date for d in plan.days] == [sunday + timedelta(days=i) for i in range(7)]
    assert plan.days[0].date.weekday() == 6 and plan.days[-1].date.weekday() == 5
    assert dates_of(plan, "leg_day") == {date(2026, 11, 30), date(2026, 12, 3)}
    assert [i.date for i in planned(plan, "long_run")] == [sunday], describe(plan)
    assert rest_days(plan)


def test_sunday_week_after_a_heavy_saturday_leg_day():
    sunday = date(2026, 11, 29)
    history = steady_runs(sunday) + [leg(sunday - timedelta(days=1), rpe=9)]
    plan = make_plan(Profile(week_start=6), history, week_start=sunday)
    hard = dates_of(plan, *HARD_KINDS, status="planned")
    assert not hard & {sunday, sunday + timedelta(days=1)}, describe(plan)
    first = [i for i in planned(plan, *RUN_KINDS) if i.date == sunday]
    assert all(i.kind == "recovery_run" for i in first)


def test_week_across_a_year_end():
    monday = date(2026, 12, 28)
    profile = Profile(leg_days_rule="FREQ=WEEKLY;BYDAY=MO,TH")
    plan = make_plan(profile, steady_runs(monday), week_start=monday)
    dates = [d.date for d in plan.days]
    assert dates[0] == monday and dates[-1] == date(2027, 1, 3)
    assert all((b - a).days == 1 for a, b in zip(dates, dates[1:], strict=False))
    assert dates_of(plan, "leg_day") == {date(2026, 12, 28), date(2026, 12, 31)}
    assert date(2027, 1, 1) not in dates_of(plan, *HARD_KINDS)
    assert date(2027, 1, 2) not in dates_of(plan, *HARD_KINDS)
    assert [i.date for i in planned(plan, "long_run")] == [date(2027, 1, 3)], describe(plan)


def test_sunday_week_across_a_year_end_with_a_heavy_leg_day_on_new_years_eve():
    sunday = date(2028, 12, 31)
    history = steady_runs(sunday) + [leg(date(2028, 12, 30), rpe=8)]
    plan = make_plan(Profile(week_start=6), history, week_start=sunday)
    assert plan.days[-1].date == date(2029, 1, 6)
    hard = dates_of(plan, *HARD_KINDS, status="planned")
    assert not hard & {date(2028, 12, 31), date(2029, 1, 1)}, describe(plan)


def test_week_across_a_leap_day():
    monday = date(2028, 2, 28)
    profile = Profile(leg_days_rule="FREQ=WEEKLY;BYDAY=TU")
    plan = make_plan(profile, steady_runs(monday), week_start=monday)
    assert [d.date for d in plan.days][1] == date(2028, 2, 29)
    assert dates_of(plan, "leg_day") == {date(2028, 2, 29)}
    hard = dates_of(plan, *HARD_KINDS, status="planned")
    assert not hard & {date(2028, 3, 1), date(2028, 3, 2)}, describe(plan)
    after = [i for i in planned(plan, *RUN_KINDS) if i.date == date(2028, 3, 1)]
    assert all(i.kind == "recovery_run" for i in after)


def test_leap_day_leg_day_from_a_monthly_rule_and_the_30_day_window():
    monday = date(2028, 2, 28)
    # A 12 km run on 30 January is inside the 30 days before 29 February (from 30 January)
    # but not inside those before 1 March (from 31 January).
    history = [run(date(2028, 1, 30), km=12.0)] + [
        run(date(2028, 2, d), km=6.0) for d in (2, 6, 9, 13, 16, 20, 23, 26)
    ]
    profile = Profile(weekly_km=60, runs_per_week=5, leg_days_rule="FREQ=MONTHLY;BYMONTHDAY=29")
    plan = make_plan(profile, history, week_start=monday)
    assert dates_of(plan, "leg_day") == {date(2028, 2, 29)}
    for item in planned(plan, *RUN_KINDS):
        limit = 13.2 if item.date <= date(2028, 2, 29) else 6.6
        assert (item.km or 0) <= limit + 1e-9, describe(plan)


def test_heavy_leg_day_on_the_last_day_of_the_previous_week():
    monday = date(2026, 11, 30)
    history = steady_runs(monday) + [leg(monday - timedelta(days=1), rpe=9)]
    plan = make_plan(Profile(runs_per_week=5, weekly_km=30), history, week_start=monday)
    hard = dates_of(plan, *HARD_KINDS, status="planned")
    assert not hard & {monday, monday + timedelta(days=1)}, describe(plan)
    monday_runs = [i for i in planned(plan, *RUN_KINDS) if i.date == monday]
    assert all(i.kind == "recovery_run" and "R-AFTER-LEG" in rules(i) for i in monday_runs)
    assert planned(plan, "long_run")


def test_recurring_leg_day_yesterday_not_logged_still_counts_as_heavy():
    monday = date(2026, 11, 30)
    profile = Profile(long_run_day=0, leg_days_rule="FREQ=WEEKLY;BYDAY=SU")
    for today in (monday - timedelta(days=3), monday):
        plan = make_plan(profile, steady_runs(monday - timedelta(days=3)), today=today)
        hard = dates_of(plan, *HARD_KINDS, status="planned")
        assert not hard & {monday, monday + timedelta(days=1)}, (today, describe(plan))


def test_no_profile_uses_the_defaults():
    plan = make_plan(Profile(is_default=True), [])
    assert plan.max_hr == 184
    assert len(plan.days) == 7 and plan.days[0].date.weekday() == 0
    runs = planned(plan, *RUN_KINDS)
    assert len(runs) == 3
    assert [i.date.weekday() for i in planned(plan, "long_run")] == [6]
    assert rest_days(plan)


def test_no_history_plans_a_gentle_first_week():
    plan = make_plan(Profile(weekly_km=30), [])
    assert 0 < plan.totals.run_km <= 30 * 0.6 + 1e-9
    assert all((i.km or 0) <= 5.5 for i in planned(plan, *RUN_KINDS))
    assert plan.state.fitness == 0 and plan.state.fatigue == 0
    assert plan.state.acute_chronic_ratio is None
    assert set(plan.state.recovery.values()) == {100}


def test_past_days_of_the_week_show_what_was_logged_and_what_was_missed():
    monday = date(2026, 11, 30)
    history = steady_runs(monday) + [run(monday, km=6.0)]
    thursday = monday + timedelta(days=3)
    plan = make_plan(Profile(), history, today=thursday)
    for d in plan.days[:3]:
        # Never "planned" on a day gone by: done, or planned and not logged (skipped).
        assert all(i.status in ("done", "skipped") for i in d.sessions), describe(plan)
        for item in d.sessions:
            if item.status == "skipped":
                assert item.why[0].rule == "R-STABLE", describe(plan)
    assert [(i.kind, i.status) for i in plan.days[0].sessions] == [("easy_run", "done")]
    assert planned(plan)


def test_two_leg_days_logged_on_one_date_count_as_the_harder():
    monday = date(2026, 11, 30)
    history = steady_runs(monday) + [leg(monday, rpe=9), leg(monday, rpe=3)]
    plan = make_plan(Profile(long_run_day=1), history)
    assert monday + timedelta(days=1) not in dates_of(plan, *HARD_KINDS), describe(plan)


def _ten_years(end: date) -> list:
    """About five sessions a week for ten years: two leg days, three runs, some cross."""
    found = []
    start = end - timedelta(days=3650)
    start -= timedelta(days=start.weekday())
    day = start
    while day < end:
        week = (day - start).days // 7
        found.append(leg(day, rpe=8, exercises=("back squat", "romanian deadlift")))
        found.append(run(day + timedelta(days=1), km=6.0, kind="recovery", rpe=3))
        found.append(run(day + timedelta(days=2), km=8.0 + week % 3))
        found.append(leg(day + timedelta(days=3), rpe=7, exercises=("lunge", "calf raise")))
        if week % 2:
            found.append(cross(day + timedelta(days=4)))
        found.append(run(day + timedelta(days=6), km=14.0 + week % 4, kind="long", rpe=6))
        day += timedelta(days=7)
    return [s for s in found if s.date < end]


def test_ten_years_of_history_plans_fast_and_like_the_recent_window():
    monday = date(2026, 11, 30)
    sessions = _ten_years(monday)
    assert len(sessions) > 2500
    history = TrainingHistory(sessions)
    profile = Profile(leg_days_rule="FREQ=WEEKLY;BYDAY=MO,TH", weekly_km=35)
    checkins = [CheckIn(date=monday, soreness=3)]
    started = time.perf_counter()
    plan = plan_week(profile, history, checkins, (), monday, monday)
    assert time.perf_counter() - started < 0.5  # generous; `python -m benchmarks` measures
    # What storage hands over (a window of the last LOAD_WINDOW_DAYS + 10 days) plans the same.
    recent = [s for s in sessions if s.date >= monday - timedelta(days=LOAD_WINDOW_DAYS + 10)]
    assert plan_week(profile, recent, checkins, (), monday, monday) == plan
    assert plan.state.fitness > 0 and plan.state.fatigue > 0
    assert (plan.state.fitness, plan.state.fatigue, plan.state.form) == fitness_fatigue(
        history, monday
    )
    assert rest_days(plan) and items(plan, "leg_day")


@pytest.mark.parametrize("week_start", [0, 6])
@pytest.mark.parametrize("long_run_day", range(7))
def test_consecutive_weeks_never_put_hard_runs_back_to_back(long_run_day, week_start):
    # Each week is planned on its own; where they meet, a hard run on one side must not face
    # the other week's long run.
    profile = Profile(
        runs_per_week=4, weekly_km=30, long_run_day=long_run_day, week_start=week_start
    )
    first = week_start_for(date(2026, 11, 30), week_start)
    history = steady_runs(first)
    this_week = make_plan(profile, history, week_start=first, today=first)
    next_week = make_plan(profile, history, week_start=first + timedelta(days=7), today=first)
    hard = dates_of(this_week, *HARD_KINDS) | dates_of(next_week, *HARD_KINDS)
    assert not {first + timedelta(days=6), first + timedelta(days=7)} <= hard, (
        describe(this_week) + "\n" + describe(next_week)
    )

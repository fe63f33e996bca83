"""The season towards a goal race (R-GOAL, R-TAPER): phases in order, the taper, the lifting
folded in, the race on its day, recovery after it, and the plan kept as a promise."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from legrun.planner.goal import DISTANCES, Goal, check_goal_date, parse_distance
from legrun.planner.models import LegDay, Profile, Run, ValidationError
from legrun.planner.scheduler import plan_weeks
from legrun.planner.season import season_rows
from tests.planner.builders import MONDAY
from tests.planner.test_coach import weeks_of

MO_TH = "FREQ=WEEKLY;BYDAY=MO,TH"
HISTORY = weeks_of([(1, 6.0, "easy"), (2, 5.0, "easy"), (3, 6.0, "easy"), (6, 10.0, "long")], 8)
PROFILE = Profile(runs_per_week=4, weekly_km=35, leg_days_rule=MO_TH)
ORDER = ["base", "build", "peak", "taper", "race", "recovery"]


def season(goal: Goal, profile: Profile = PROFILE, history=HISTORY, today: date = MONDAY):
    return plan_weeks(
        profile, history, [], [], today, goal.date + timedelta(weeks=2), today, goal=goal
    )


@settings(max_examples=25, deadline=None)
@given(st.integers(2, 30), st.sampled_from(sorted(DISTANCES.values())), st.integers(0, 6))
def test_phases_come_in_order_and_end_with_race_week_then_recovery(weeks, km, weekday):
    race = MONDAY + timedelta(weeks=weeks, days=weekday)
    plans = season(Goal(race, km))
    recovery_end = race + timedelta(weeks=2 if km > 30 else 1)
    phases = [p.phase for p in plans if p.week_start <= recovery_end]
    race_week = [p for p in plans if p.week_start <= race <= p.week_start + timedelta(days=6)]
    assert [p.phase for p in race_week] == ["race"]
    ranks = [ORDER.index(ph) for ph in phases if ph in ORDER]
    assert ranks == sorted(ranks), phases
    after = [p.phase for p in plans if p.week_start > race]
    assert after and after[0] == "recovery", phases
    races = [i for p in plans for d in p.days for i in d.sessions if i.kind == "race"]
    assert [(i.date, i.km) for i in races] == [(race, km)]


@settings(max_examples=25, deadline=None)
@given(st.integers(4, 30), st.sampled_from(sorted(DISTANCES.values())), st.integers(0, 6))
def test_no_heavy_leg_day_close_to_the_race_and_none_in_the_last_four_days(weeks, km, weekday):
    race = MONDAY + timedelta(weeks=weeks, days=weekday)
    heavy_gap = 10 if km > 30 else 7
    for plan in season(Goal(race, km)):
        for d in plan.days:
            for item in d.sessions:
                if item.kind != "leg_day" or item.status != "planned":
                    continue
                before = (race - item.date).days
                assert not 0 <= before < 4, (item.date, race)
                if 0 <= before < heavy_gap:
                    assert (item.rpe or 10) <= 6, (item.date, item.rpe, race)


def test_the_taper_cuts_volume_40_to_60_percent_and_keeps_a_short_workout():
    race = MONDAY + timedelta(weeks=14, days=6)  # a half on a Sunday
    plans = season(Goal(race, DISTANCES["half"]))
    by_phase = {p.phase: p for p in plans}
    peak = max(p.volume.cap_km for p in plans if p.phase in ("build", "peak") and p.volume)
    taper = by_phase["taper"]
    assert taper.volume is not None
    assert 0.4 * peak <= taper.volume.cap_km <= 0.6 * peak + 0.5
    race_week = by_phase["race"]
    others = sum(
        i.km or 0
        for d in race_week.days
        for i in d.sessions
        if i.is_run and i.kind != "race" and i.status == "planned"
    )
    assert others <= 0.5 * peak
    assert not [i for d in race_week.days for i in d.sessions if i.kind == "long_run"]


def test_peak_weeks_keep_one_maintenance_leg_day_at_rpe_7():
    race = MONDAY + timedelta(weeks=14, days=6)
    for plan in season(Goal(race, DISTANCES["half"])):
        if plan.phase != "peak":
            continue
        legs = [i for d in plan.days for i in d.sessions if i.kind == "leg_day"]
        assert len(legs) == 1 and (legs[0].rpe or 10) <= 7
        assert "R-GOAL" in {w.rule for w in legs[0].why}
        assert any(w.rule == "R-GOAL" for w in plan.warnings)  # the one left out is said


def test_base_weeks_run_easy_with_strides_and_the_peak_runs_race_specific_workouts():
    race = MONDAY + timedelta(weeks=20, days=5)
    plans = season(Goal(race, DISTANCES["10k"]), Profile(runs_per_week=4, weekly_km=35))
    base = [p for p in plans if p.phase == "base"]
    assert base
    for plan in base:
        runs = [i for d in plan.days for i in d.sessions if i.is_run]
        assert not [i for i in runs if i.kind == "quality_run"]
        assert [i for i in runs if i.workout and i.workout.type == "strides"]
    peak = [p for p in plans if p.phase == "peak"]
    types = {i.workout.type for p in peak for d in p.days for i in d.sessions if i.workout}
    assert "intervals" in types  # a 10K's race-specific work


def test_the_race_has_its_own_warm_up_fuel_and_pacing_checklist():
    race = MONDAY + timedelta(weeks=6, days=6)
    plans = season(Goal(race, DISTANCES["5k"], "Parkrun PB"))
    (day,) = [d for p in plans for d in p.days if d.date == race]
    (item,) = [i for i in day.sessions if i.kind == "race"]
    assert item.workout is not None and item.workout.type == "race"
    assert "Parkrun PB" in " ".join(w.text for w in item.why)
    assert {"race_fuel", "race_warmup", "race_pacing"} <= {c.id for c in day.checklist}
    assert not [i for i in day.sessions if i.kind == "leg_day"]


def test_a_race_result_paces_the_goal_race():
    result = Run(date=MONDAY - timedelta(days=5), minutes=50, km=10.0, kind="race", rpe=9, id=77)
    race = MONDAY + timedelta(weeks=8, days=6)
    plans = season(Goal(race, 5.0), history=[*HISTORY, result])
    (item,) = [i for p in plans for d in p.days for i in d.sessions if i.kind == "race"]
    # Riegel: 5 km from 50:00 for 10 km is 50 x 0.5^1.06 = 23:58, about 288 s a km.
    assert item.minutes == round(50 * 0.5**1.06)
    assert item.workout is not None and item.workout.pace_s_per_km is not None
    low, high = item.workout.pace_s_per_km
    assert low <= 288 <= high


def test_recovery_after_the_race_is_easy_running_only():
    race = MONDAY + timedelta(weeks=10, days=6)
    plans = season(Goal(race, DISTANCES["marathon"]))
    recovery = [p for p in plans if p.phase == "recovery"]
    assert len(recovery) == 2  # two weeks after a marathon
    for plan in recovery:
        kinds = {i.kind for d in plan.days for i in d.sessions if i.is_run}
        assert kinds <= {"easy_run", "recovery_run"}, kinds


def test_the_season_rows_are_the_week_plans():
    race = MONDAY + timedelta(weeks=9, days=6)
    plans = season(Goal(race, DISTANCES["half"]))
    rows = season_rows(plans)
    assert [(r.week_start, r.phase, r.run_km) for r in rows] == [
        (p.week_start, p.phase, p.totals.run_km) for p in plans
    ]


def test_a_short_season_says_what_the_long_run_can_reach():
    from legrun.planner.season import goal_reach

    race = MONDAY + timedelta(weeks=8, days=6)
    goal = Goal(race, DISTANCES["marathon"])
    text = goal_reach(goal, season(goal))
    assert text is not None and "the long run peaks at" in text and "28-32 km" in text


def test_following_the_plan_to_the_race_changes_no_promise():
    race = MONDAY + timedelta(weeks=5, days=6)
    goal = Goal(race, DISTANCES["10k"])
    history = list(HISTORY)
    preview = None
    for w in range(7):
        monday = MONDAY + timedelta(weeks=w)
        (plan, ahead) = plan_weeks(
            PROFILE, history, [], [], monday, monday + timedelta(weeks=1), monday, goal=goal
        )
        if preview is not None:
            assert _promised(preview) == _promised(plan), monday
        preview = ahead
        for d in plan.days:
            for item in d.sessions:
                if item.status != "planned":
                    continue
                if item.is_run:
                    kind = {"recovery_run": "recovery", "easy_run": "easy", "long_run": "long"}
                    history.append(
                        Run(
                            date=d.date,
                            minutes=item.minutes or 20,
                            km=item.km or 3,
                            kind=kind.get(item.kind, "race" if item.kind == "race" else "tempo"),
                            rpe=item.rpe,
                            id=5000 + len(history),
                        )
                    )
                elif item.kind == "leg_day":
                    history.append(
                        LegDay(date=d.date, minutes=60, rpe=item.rpe or 8, id=5000 + len(history))
                    )


def _promised(plan) -> list[tuple]:
    return [(i.date, i.kind, i.km) for d in plan.days for i in d.sessions if i.status == "planned"]


@pytest.mark.parametrize(
    ("text", "km"),
    [("5k", 5.0), ("10K", 10.0), ("half", 21.0975), ("marathon", 42.195), ("15", 15.0)],
)
def test_distances_by_name_or_km(text, km):
    assert parse_distance(text) == km


@pytest.mark.parametrize("text", ["0", "-5", "ultra", "", "401"])
def test_bad_distances_are_refused(text):
    with pytest.raises(ValidationError):
        parse_distance(text)


def test_a_race_in_the_past_or_under_two_weeks_away_is_refused():
    with pytest.raises(ValidationError, match="past"):
        check_goal_date(MONDAY - timedelta(days=1), MONDAY)
    with pytest.raises(ValidationError, match="2 weeks"):
        check_goal_date(MONDAY + timedelta(days=13), MONDAY)
    check_goal_date(MONDAY + timedelta(days=14), MONDAY)
    check_goal_date(MONDAY + timedelta(weeks=104), MONDAY)
    with pytest.raises(ValidationError, match="two years"):
        check_goal_date(MONDAY + timedelta(weeks=104, days=1), MONDAY)

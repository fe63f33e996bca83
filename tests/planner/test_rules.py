"""One test (at least) per rule of COACHING.md, each set up so that breaking the rule fails it.

Most tests plan the week of Monday 2026-11-30 with today on that Monday, after six weeks of
steady 8 km runs so that R-SPIKE caps nothing unless a test wants it to.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from legrun.planner.models import CheckIn, Pin, Profile
from legrun.planner.plan import RUN_PLAN_KINDS
from legrun.planner.scheduler import RECOVERY_SHARE
from tests.planner.builders import (
    HARD_KINDS,
    MONDAY,
    cross,
    dates_of,
    day,
    describe,
    is_rest_day,
    items,
    leg,
    make_plan,
    planned,
    rest_days,
    rules,
    run,
    steady_runs,
)

HISTORY = steady_runs(MONDAY)


# -- R-REST ------------------------------------------------------------------------------------


def test_week_keeps_a_full_rest_day_even_when_runs_would_fill_it():
    # Six runs a week and two leg days: without R-REST every day would carry something.
    profile = Profile(runs_per_week=6, weekly_km=40, leg_days_rule="FREQ=WEEKLY;BYDAY=MO,TH")
    plan = make_plan(profile, HISTORY)
    free = rest_days(plan)
    assert len(free) >= 1, describe(plan)
    rest_items = [i for i in items(plan, "rest") if i.date in free]
    assert any("R-REST" in rules(i) for i in rest_items), describe(plan)


def test_hard_runs_do_not_take_the_last_free_day_from_the_rest_day():
    # Light leg days leave Tue and Sun free; a long run on Sun and a quality run on Tue would
    # leave no rest day. R-REST wins over the quality run.
    history = HISTORY + [leg(day(d), rpe=4) for d in (0, 2, 3, 4, 5)]
    plan = make_plan(Profile(runs_per_week=3), history)
    assert rest_days(plan), describe(plan)


def test_daily_recurring_leg_days_give_up_one_for_a_rest_day():
    plan = make_plan(Profile(leg_days_rule="FREQ=DAILY"), HISTORY)
    assert len(rest_days(plan)) == 1, describe(plan)
    assert any(w.rule == "R-REST" for w in plan.warnings)
    assert len(planned(plan, "leg_day")) == 6


def test_a_week_logged_full_says_it_has_no_rest_day():
    history = HISTORY + [run(day(d), km=5) for d in range(7)]
    plan = make_plan(Profile(), history)
    assert not rest_days(plan)
    assert any(w.rule == "R-REST" for w in plan.warnings)


# -- R-SAME-DAY -------------------------------------------------------------------------------


def test_no_run_planned_on_a_leg_day():
    # Sunday is both the long-run day and a leg day: without R-SAME-DAY the long run lands there.
    profile = Profile(runs_per_week=5, weekly_km=30, leg_days_rule="FREQ=WEEKLY;BYDAY=WE,SU")
    plan = make_plan(profile, HISTORY + [leg(day(1), rpe=5)])
    leg_dates = dates_of(plan, "leg_day")
    assert leg_dates == {day(1), day(2), day(6)}
    run_dates = {i.date for i in planned(plan, "recovery_run", "easy_run", "long_run")} | {
        i.date for i in planned(plan, "quality_run")
    }
    assert not run_dates & leg_dates, describe(plan)
    leg_items = planned(plan, "leg_day")
    assert all("R-SAME-DAY" in rules(i) for i in leg_items)


def test_a_run_pinned_on_a_leg_day_is_kept_with_a_spacing_warning():
    profile = Profile(leg_days_rule="FREQ=WEEKLY;BYDAY=MO,TH")
    plan = make_plan(profile, HISTORY, pins=[Pin(date=day(3), kind="easy_run", action="add")])
    pinned_runs = [i for i in items(plan, "easy_run") if i.pinned]
    assert [i.date for i in pinned_runs] == [day(3)]
    assert any(w.rule == "R-SAME-DAY" and "6 h" in w.text for w in plan.warnings)


# -- R-AFTER-LEG ------------------------------------------------------------------------------


@pytest.mark.parametrize(("rpe", "heaviness"), [(9, "heavy"), (6, "moderate")])
def test_run_after_a_leg_day_is_a_short_recovery_run(rpe, heaviness):
    # Six runs and Wednesday away (the week's rest): every other day holds a run, Tuesday too.
    profile = Profile(runs_per_week=6, weekly_km=40, max_hr=190, unavailable=(2,))
    plan = make_plan(profile, HISTORY + [leg(day(0), rpe=rpe)])
    tuesday = [i for i in planned(plan) if i.date == day(1) and i.is_run]
    assert [i.kind for i in tuesday] == ["recovery_run"], describe(plan)
    recovery = tuesday[0]
    assert recovery.rpe is not None and recovery.rpe <= 4
    assert recovery.hr_low is not None and recovery.hr_high is not None
    assert 0.60 * 190 <= recovery.hr_low < recovery.hr_high <= 0.70 * 190
    easy = planned(plan, "easy_run")
    assert easy, describe(plan)
    share = RECOVERY_SHARE[heaviness]
    assert share == {"heavy": 0.60, "moderate": 0.75}[heaviness]
    assert recovery.km is not None
    # At most its share of an easy run, unless that is under 20 min (the shortest run).
    assert recovery.minutes is not None
    assert all(recovery.km <= share * (e.km or 0) + 1e-9 or recovery.minutes == 20 for e in easy), (
        describe(plan)
    )
    assert "R-AFTER-LEG" in rules(recovery)


def test_light_leg_day_leaves_the_next_day_free_for_any_run():
    plan = make_plan(Profile(long_run_day=1), HISTORY + [leg(day(0), rpe=4)])
    assert [i.kind for i in planned(plan, "long_run")] == ["long_run"]
    assert planned(plan, "long_run")[0].date == day(1), describe(plan)


# -- R-48H ------------------------------------------------------------------------------------


def test_no_long_run_within_48h_of_heavy_leg_day():
    # Heavy leg day on Friday: Saturday and Sunday (the long-run day) may not take a long run
    # or a quality run.
    plan = make_plan(Profile(runs_per_week=4, weekly_km=30), HISTORY + [leg(day(4), rpe=9)])
    hard = planned(plan, *HARD_KINDS)
    assert hard, describe(plan)
    assert all(i.date not in (day(5), day(6)) for i in hard), describe(plan)
    long_runs = planned(plan, "long_run")
    assert len(long_runs) == 1 and "R-48H" in rules(long_runs[0]), describe(plan)


def test_no_quality_run_within_48h_of_planned_leg_day():
    # A planned (recurring) leg day counts as heavy until it is logged.
    profile = Profile(runs_per_week=3, leg_days_rule="FREQ=WEEKLY;BYDAY=TU", long_run_day=3)
    plan = make_plan(profile, HISTORY)
    for item in planned(plan, *HARD_KINDS):
        assert item.date not in (day(2), day(3)), describe(plan)
    assert planned(plan, "quality_run"), describe(plan)


# -- R-SORENESS -------------------------------------------------------------------------------


def _long_run_day_plan(checkins=(), today=None):
    return make_plan(Profile(runs_per_week=3), HISTORY, checkins=checkins, today=today)


def test_high_soreness_turns_the_day_into_rest_and_mobility():
    base = _long_run_day_plan()
    run_day = next(i.date for i in planned(base, "easy_run"))
    plan = _long_run_day_plan([CheckIn(date=run_day, soreness=8)])
    that_day = plan.day(run_day)
    assert that_day is not None
    assert is_rest_day(plan, run_day), describe(plan)
    mobility = [i for i in that_day.sessions if i.kind == "mobility"]
    assert mobility and "R-SORENESS" in rules(mobility[0]), describe(plan)
    # The run was planned around the sore day, not lost.
    assert len(planned(plan, *RUN_PLAN_KINDS)) == len(planned(base, *RUN_PLAN_KINDS))


def test_moderate_soreness_turns_the_run_into_cross_training_on_a_bike():
    # Six runs a week: every day but the rest day has a run, so Wednesday's cannot move away.
    profile = Profile(runs_per_week=6, weekly_km=40)
    assert [i.kind for i in planned(make_plan(profile, HISTORY)) if i.date == day(2)] == [
        "easy_run"
    ]
    plan = make_plan(profile, HISTORY, checkins=[CheckIn(date=day(2), soreness=5)])
    that_day = plan.day(day(2))
    assert that_day is not None
    assert not [i for i in that_day.sessions if i.is_run], describe(plan)
    cross_items = [i for i in that_day.sessions if i.kind == "cross_training"]
    assert cross_items and cross_items[0].activity == "bike"
    assert "R-SORENESS" in rules(cross_items[0])
    assert any(w.rule == "R-SORENESS" for w in plan.warnings)


def test_moderate_soreness_keeps_hard_runs_off_the_day():
    plan = make_plan(Profile(long_run_day=2), HISTORY, checkins=[CheckIn(date=day(2), soreness=4)])
    assert day(2) not in dates_of(plan, *HARD_KINDS), describe(plan)
    assert planned(plan, "long_run"), describe(plan)


@pytest.mark.parametrize("soreness", [5, 8])
def test_soreness_moves_the_long_run_instead_of_losing_it(soreness):
    plan = _long_run_day_plan([CheckIn(date=day(6), soreness=soreness - 1, quads=soreness)])
    long_runs = planned(plan, "long_run")
    assert len(long_runs) == 1 and long_runs[0].date != day(6), describe(plan)
    assert not [i for i in planned(plan, *RUN_PLAN_KINDS) if i.date == day(6)]


def test_yesterdays_check_in_stands_until_a_new_one():
    base = _long_run_day_plan()
    run_day = next(i.date for i in planned(base, "easy_run"))
    yesterday = CheckIn(date=run_day - timedelta(days=1), soreness=9)
    plan = make_plan(Profile(runs_per_week=3), HISTORY, checkins=[yesterday], today=run_day)
    assert is_rest_day(plan, run_day), describe(plan)
    fresh = CheckIn(date=run_day, soreness=1)
    plan = make_plan(Profile(runs_per_week=3), HISTORY, checkins=[yesterday, fresh], today=run_day)
    assert not is_rest_day(plan, run_day), describe(plan)


# -- R-CROSS ----------------------------------------------------------------------------------


def test_runs_that_cannot_be_placed_become_cross_training():
    # Leg days Mon and Thu, four runs in 12 km: the days after the leg days could only take a
    # recovery run too short to be worth it, so the runs that fit nowhere become swims there.
    profile = Profile(
        runs_per_week=4, weekly_km=12, leg_days_rule="FREQ=WEEKLY;BYDAY=MO,TH", cross=("swim",)
    )
    plan = make_plan(profile, HISTORY)
    cross_items = [i for i in planned(plan, "cross_training") if "R-CROSS" in rules(i)]
    assert cross_items, describe(plan)
    assert all(i.activity == "swim" for i in cross_items)
    assert len(planned(plan, *RUN_PLAN_KINDS)) + len(cross_items) == 4, describe(plan)
    assert rest_days(plan)


def test_runs_with_no_day_at_all_are_reported():
    profile = Profile(runs_per_week=6, weekly_km=40, leg_days_rule="FREQ=WEEKLY;BYDAY=MO,WE,FR")
    plan = make_plan(profile, HISTORY)
    assert any(w.rule == "R-CROSS" for w in plan.warnings), describe(plan)
    assert rest_days(plan)


# -- R-SPIKE ----------------------------------------------------------------------------------


def test_no_run_longer_than_110_percent_of_the_longest_in_30_days():
    history = [run(MONDAY - timedelta(days=b), km=6.0) for b in range(2, 30, 2)]
    plan = make_plan(Profile(weekly_km=80, runs_per_week=4), history)
    runs = planned(plan, "recovery_run", "easy_run", "long_run", "quality_run")
    assert runs
    assert max(r.km or 0 for r in runs) <= 6.6 + 1e-9, describe(plan)
    assert any("R-SPIKE" in rules(r) for r in runs)


def test_weekly_volume_grows_at_most_10_percent():
    history = [run(MONDAY - timedelta(days=b), km=5.0) for b in (2, 4, 6)]  # 15 km last week
    plan = make_plan(Profile(weekly_km=50, runs_per_week=3), history)
    assert plan.totals.run_km <= 15 * 1.10 + 1e-9, describe(plan)
    # Each run says what the week's volume rests on.
    assert all("R-SPIKE" in rules(r) for r in planned(plan, *RUN_PLAN_KINDS)), describe(plan)


def test_new_runner_starts_below_the_target_with_5_km_runs_at_most():
    plan = make_plan(Profile(weekly_km=40), [])
    runs = planned(plan, "recovery_run", "easy_run", "long_run", "quality_run")
    assert runs and max(r.km or 0 for r in runs) <= 5.5
    assert plan.totals.run_km < 40


# -- R-LONG -----------------------------------------------------------------------------------


def test_long_run_goes_on_the_long_run_day():
    plan = make_plan(Profile(long_run_day=5), HISTORY)
    long_runs = planned(plan, "long_run")
    assert [i.date for i in long_runs] == [day(5)]
    assert "R-LONG" in rules(long_runs[0])


def test_long_run_moves_to_the_nearest_allowed_day_of_the_week():
    # Heavy leg day on Saturday forbids Sunday: the nearest allowed day is Friday (two days
    # from Sunday), not Monday (six days before it in this week).
    plan = make_plan(Profile(), HISTORY + [leg(day(5), rpe=9)])
    long_runs = planned(plan, "long_run")
    assert [i.date for i in long_runs] == [day(4)], describe(plan)
    assert {"R-LONG", "R-48H"} <= rules(long_runs[0])


def test_long_run_with_no_allowed_day_becomes_an_easy_run_with_a_warning():
    profile = Profile(leg_days_rule="FREQ=WEEKLY;BYDAY=MO,WE,FR")
    plan = make_plan(profile, HISTORY)
    assert not planned(plan, "long_run"), describe(plan)
    assert any(w.rule == "R-LONG" for w in plan.warnings)


# -- R-HARD-EASY ------------------------------------------------------------------------------


def test_never_two_hard_runs_on_consecutive_days():
    # Heavy leg days Mon and Wed leave only Sat and Sun for hard runs: the long run takes Sun
    # and the quality run may not take Sat.
    profile = Profile(runs_per_week=4, weekly_km=30, leg_days_rule="FREQ=WEEKLY;BYDAY=MO,WE")
    plan = make_plan(profile, HISTORY)
    hard = sorted(i.date for i in planned(plan, *HARD_KINDS))
    assert hard, describe(plan)
    assert all((b - a).days > 1 for a, b in zip(hard, hard[1:], strict=False)), describe(plan)
    # No day is left for the workout: R-SPLIT says so (and which rules ruled the days out).
    assert any(w.rule in ("R-HARD-EASY", "R-48H", "R-SPLIT") for w in plan.warnings)


def test_no_quality_run_the_day_after_last_weeks_long_run():
    history = HISTORY + [run(MONDAY - timedelta(days=1), km=8.0, kind="long")]
    plan = make_plan(Profile(runs_per_week=3), history)
    assert day(0) not in dates_of(plan, *HARD_KINDS, status="planned"), describe(plan)


# -- R-MOBILITY -------------------------------------------------------------------------------


def test_leg_day_gets_foam_rolling_and_stretching_and_no_ice_bath():
    plan = make_plan(Profile(leg_days_rule="FREQ=WEEKLY;BYDAY=TH"), HISTORY)
    thursday = plan.day(day(3))
    assert thursday is not None
    mobility = [i for i in thursday.sessions if i.kind == "mobility"]
    assert mobility and "R-MOBILITY" in rules(mobility[0])
    text = mobility[0].why[0].text.lower()
    assert "foam roll" in text and "20" in text
    checklist = {c.id for c in thursday.checklist}
    assert {"foam_roll", "stretch"} <= checklist
    assert "cold_water" not in checklist
    long_day = plan.day(planned(plan, "long_run")[0].date)
    assert long_day is not None and "cold_water" in {c.id for c in long_day.checklist}


def test_every_planned_item_says_why():
    profile = Profile(runs_per_week=5, weekly_km=35, leg_days_rule="FREQ=WEEKLY;BYDAY=MO,TH")
    history = HISTORY + [cross(MONDAY - timedelta(days=2))]
    plan = make_plan(profile, history, checkins=[CheckIn(date=day(2), soreness=5)])
    for item in planned(plan):
        assert item.why and all(w.rule.startswith("R-") and w.text for w in item.why), item


def test_a_sore_morning_without_a_run_says_why_the_day_is_quiet():
    # 3 runs a week fit on other days; Tuesday's soreness 5 must still be explained there.
    plan = make_plan(Profile(), HISTORY, checkins=[CheckIn(date=day(1), soreness=3, quads=5)])
    tuesday = plan.days[1]
    assert not [i for i in tuesday.sessions if i.is_run], describe(plan)
    whys = [w for i in tuesday.sessions for w in i.why if w.rule == "R-SORENESS"]
    assert whys and "Soreness 5/10" in whys[0].text, describe(plan)


def test_a_week_cut_far_below_its_volume_says_why():
    profile = Profile(
        runs_per_week=5, weekly_km=40.0, week_start=6, leg_days_rule="FREQ=WEEKLY;BYDAY=MO,WE,FR"
    )
    sunday = MONDAY - timedelta(days=1)
    plan = make_plan(profile, steady_runs(sunday, km=9.0), week_start=sunday)
    planned_km = sum(i.km or 0 for d in plan.days for i in d.sessions if i.is_run)
    shortfall = [w.text for w in plan.warnings if "add up to" in w.text]
    assert shortfall, describe(plan)
    assert f"{round(planned_km, 1):g} km of the" in shortfall[0]
    assert "recovery runs" in shortfall[0]

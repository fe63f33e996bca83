"""Pins: what the user added, removed, moved or skipped is honoured."""

from __future__ import annotations

import math

from legrun.planner.models import Pin, Profile
from tests.planner.builders import (
    MONDAY,
    dates_of,
    day,
    describe,
    items,
    make_plan,
    planned,
    rules,
    steady_runs,
)

HISTORY = steady_runs(MONDAY)
RUN_KINDS = ("recovery_run", "easy_run", "long_run", "quality_run")
LEG_MO_TH = Profile(leg_days_rule="FREQ=WEEKLY;BYDAY=MO,TH")


def test_added_run_is_kept_as_set_and_counts_towards_the_week():
    pin = Pin(date=day(1), kind="easy_run", action="add", km=7.5, minutes=45)
    plan = make_plan(Profile(), HISTORY, pins=[pin])
    added = [i for i in items(plan, "easy_run") if i.pinned]
    assert len(added) == 1
    assert (added[0].date, added[0].km, added[0].minutes) == (day(1), 7.5, 45)
    assert added[0].why and added[0].hr_low is not None
    assert len(planned(plan, *RUN_KINDS)) == 3, describe(plan)


def test_added_leg_day_shapes_the_days_after_it():
    plan = make_plan(Profile(), HISTORY, pins=[Pin(date=day(4), kind="leg_day", action="add")])
    assert dates_of(plan, "leg_day") == {day(4)}
    assert not dates_of(plan, "long_run", "quality_run") & {day(5), day(6)}, describe(plan)


def test_removed_recurring_leg_day_is_gone():
    plan = make_plan(LEG_MO_TH, HISTORY, pins=[Pin(date=day(3), kind="leg_day", action="remove")])
    assert dates_of(plan, "leg_day") == {day(0)}


def test_removed_run_leaves_its_day_without_a_run():
    base = make_plan(Profile(), HISTORY)
    easy = planned(base, "easy_run")[0]
    plan = make_plan(
        Profile(), HISTORY, pins=[Pin(date=easy.date, kind="easy_run", action="remove")]
    )
    assert easy.date not in dates_of(plan, *RUN_KINDS), describe(plan)
    assert len(planned(plan, *RUN_KINDS)) == len(planned(base, *RUN_KINDS)) - 1


def test_moved_long_run_goes_where_the_user_put_it():
    pin = Pin(date=day(6), kind="long_run", action="move", to_date=day(5))
    plan = make_plan(Profile(), HISTORY, pins=[pin])
    long_runs = items(plan, "long_run")
    assert [(i.date, i.pinned) for i in long_runs] == [(day(5), True)], describe(plan)
    assert day(6) not in dates_of(plan, *RUN_KINDS), describe(plan)
    assert "Sun" in long_runs[0].why[0].text


def test_moved_leg_day_moves_its_rules_with_it():
    pin = Pin(date=day(3), kind="leg_day", action="move", to_date=day(4))
    plan = make_plan(LEG_MO_TH, HISTORY, pins=[pin])
    assert dates_of(plan, "leg_day") == {day(0), day(4)}
    assert not dates_of(plan, "long_run", "quality_run") & {day(5), day(6)}, describe(plan)


def test_skipped_run_shows_as_skipped_and_no_other_run_takes_its_day():
    base = make_plan(Profile(), HISTORY)
    easy = planned(base, "easy_run")[0]
    plan = make_plan(Profile(), HISTORY, pins=[Pin(date=easy.date, kind="easy_run", action="skip")])
    that_day = plan.day(easy.date)
    assert that_day is not None
    assert [(i.kind, i.status) for i in that_day.sessions if i.is_run] == [("easy_run", "skipped")]
    assert that_day.checklist == () or all(c.id == "mobility" for c in that_day.checklist)
    assert plan.totals.run_km == round(sum(i.km or 0 for i in planned(plan, *RUN_KINDS)), 1)


def test_skipped_recurring_leg_day_no_longer_holds_back_the_days_after():
    profile = Profile(long_run_day=1, leg_days_rule="FREQ=WEEKLY;BYDAY=MO")
    plan = make_plan(profile, HISTORY, pins=[Pin(date=day(0), kind="leg_day", action="skip")])
    legs = items(plan, "leg_day")
    assert [(i.date, i.status) for i in legs] == [(day(0), "skipped")]
    assert legs[0].why
    assert [i.date for i in planned(plan, "long_run")] == [day(1)], describe(plan)


def test_pinned_long_run_within_48h_of_a_heavy_leg_day_is_kept_with_a_warning():
    pin = Pin(date=day(4), kind="long_run", action="add", km=12.0)
    plan = make_plan(LEG_MO_TH, HISTORY, pins=[pin])
    assert [i.date for i in items(plan, "long_run")] == [day(4)]
    assert any(w.rule == "R-48H" for w in plan.warnings)
    # The run itself says which rule it breaks (not R-SPIKE, which is about load spikes).
    said = rules(items(plan, "long_run")[0])
    assert "R-48H" in said and "R-LONG" in said and "R-SPIKE" not in said


def test_pinned_easy_run_the_day_after_a_heavy_leg_day_is_kept_with_a_recovery_warning():
    pin = Pin(date=day(1), kind="easy_run", action="add", km=5.5)
    plan = make_plan(LEG_MO_TH, HISTORY, pins=[pin])  # Monday's planned leg day counts as heavy
    kept = [i for i in items(plan, "easy_run") if i.pinned]
    assert [(i.date, i.km) for i in kept] == [(day(1), 5.5)]
    warnings = [w.text for w in plan.warnings if w.rule == "R-AFTER-LEG"]
    assert len(warnings) == 1
    low, high = math.ceil(plan.max_hr * 0.6), math.floor(plan.max_hr * 0.7)  # inside 60-70 %
    assert f"{low}-{high} bpm" in warnings[0] and "heavy leg day" in warnings[0]


def test_pinned_recovery_run_after_a_leg_day_needs_no_warning():
    pin = Pin(date=day(1), kind="recovery_run", action="add", km=4.0)
    plan = make_plan(LEG_MO_TH, HISTORY, pins=[pin])
    assert not [w for w in plan.warnings if w.rule == "R-AFTER-LEG"]


def test_logging_a_moved_run_uses_up_the_move_and_keeps_the_other_runs():
    from legrun.planner.models import Run

    moved = Pin(date=day(3), kind="easy_run", action="move", to_date=day(2), km=6.0)
    before = make_plan(Profile(runs_per_week=4, weekly_km=30.0), HISTORY, pins=[moved])
    runs_before = len(planned(before, *RUN_KINDS))
    logged = Run(id=900, date=day(2), minutes=36, km=6.0)
    after = make_plan(Profile(runs_per_week=4, weekly_km=30.0), [*HISTORY, logged], pins=[moved])
    on_wednesday = [i for i in after.days[2].sessions if i.is_run]
    assert [(i.status, i.id) for i in on_wednesday] == [("done", 900)], describe(after)
    # The logged run stands for the moved one: the rest of the week keeps its runs.
    assert len(planned(after, *RUN_KINDS)) == runs_before - 1, describe(after)


def test_a_skipped_run_keeps_its_numbers_and_brings_no_ride_in_its_place():
    """A run skipped with its own km and minutes stays that run (not the week's usual size),
    and the planner adds nothing on its day in its place: the user left the day empty."""
    base = make_plan(LEG_MO_TH, HISTORY)
    easy = planned(base, "easy_run")[0]
    pin = Pin(date=easy.date, kind="easy_run", action="skip", minutes=16, km=2.5)
    plan = make_plan(LEG_MO_TH, HISTORY, pins=[pin])
    on_the_day = [i for i in items(plan) if i.date == easy.date]
    assert [(i.kind, i.status, i.km, i.minutes) for i in on_the_day] == [
        ("easy_run", "skipped", 2.5, 16)
    ], describe(plan)

"""Heart-rate zones, recurring leg days, and the per-day checklists."""

from __future__ import annotations

import functools
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from legrun.planner.checklists import ITEMS, day_checklist, session_checklist
from legrun.planner.models import CheckIn, Profile, ValidationError, tanaka_max_hr
from legrun.planner.plan import PlanItem
from legrun.planner.recurrence import (
    describe_rule,
    leg_days_between,
    leg_days_rule,
    rule_weekdays,
)
from legrun.planner.zones import HR_BANDS, hr_range, karvonen, recovery_hr_range, run_hr_range
from tests.planner.builders import MONDAY, day, leg, make_plan, planned, steady_runs

# -- zones ------------------------------------------------------------------------------------


def test_recovery_zone_for_max_hr_184():
    assert recovery_hr_range(184) == (111, 128)


def test_max_hr_measured_else_tanaka():
    assert tanaka_max_hr(35) == 184  # 208 - 24.5 = 183.5, rounded half up
    assert tanaka_max_hr(40) == 180
    assert Profile().effective_max_hr == 184 and Profile().max_hr_source == "estimated"
    # Six runs with Wednesday away (the week's rest): Monday, after Sunday's legs, holds a run.
    measured = Profile(max_hr=196, runs_per_week=6, weekly_km=40, unavailable=(2,))
    assert measured.effective_max_hr == 196 and measured.max_hr_source == "measured"
    plan = make_plan(measured, [*steady_runs(MONDAY), leg(MONDAY - timedelta(days=1))])
    recovery = planned(plan, "recovery_run")
    assert recovery and (recovery[0].hr_low, recovery[0].hr_high) == recovery_hr_range(196)


@given(st.integers(100, 250), st.sampled_from(sorted(HR_BANDS)))
@settings(max_examples=150, deadline=None)
def test_every_band_is_rounded_inwards(max_hr, kind):
    low_pct, high_pct = (round(p * 100) for p in HR_BANDS[kind])
    low, high = run_hr_range(kind, max_hr)
    assert 100 * low >= low_pct * max_hr and 100 * high <= high_pct * max_hr
    assert 100 * (low - 1) < low_pct * max_hr and 100 * (high + 1) > high_pct * max_hr
    assert low <= high


def test_recovery_band_is_60_to_70_percent():
    assert HR_BANDS["recovery_run"] == (0.60, 0.70)
    assert hr_range(200, 0.6, 0.7) == (120, 140)


def test_karvonen():
    assert karvonen(190, 50, 0.6) == 134
    assert karvonen(184, 60, 0.7) == 147


# -- recurrence -------------------------------------------------------------------------------


def test_rule_from_weekdays_and_back():
    rule = leg_days_rule((3, 0, 3))
    assert rule == "FREQ=WEEKLY;BYDAY=MO,TH"
    assert rule_weekdays(rule) == (0, 3)
    assert describe_rule(rule) == "mon,thu"
    assert leg_days_rule(()) is None and describe_rule(None) == "none"


def test_weekly_rule_expands_inclusively():
    found = leg_days_between("FREQ=WEEKLY;BYDAY=MO,TH", date(2026, 11, 30), date(2026, 12, 10))
    assert found == [date(2026, 11, 30), date(2026, 12, 3), date(2026, 12, 7), date(2026, 12, 10)]
    assert leg_days_between(None, date(2026, 11, 30), date(2026, 12, 10)) == []
    assert leg_days_between("FREQ=WEEKLY;BYDAY=MO", date(2026, 12, 1), date(2026, 12, 6)) == []


def test_rules_over_a_year_end_and_a_leap_day():
    assert leg_days_between("FREQ=WEEKLY;BYDAY=TH", date(2026, 12, 28), date(2027, 1, 3)) == [
        date(2026, 12, 31)
    ]
    leap = "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29"
    assert leg_days_between(leap, date(2027, 1, 1), date(2028, 12, 31)) == [date(2028, 2, 29)]
    assert date(2028, 2, 29) in leg_days_between(
        "FREQ=WEEKLY;BYDAY=TU", date(2028, 2, 28), date(2028, 3, 5)
    )


@given(st.dates(date(2001, 1, 1), date(2039, 1, 1)), st.integers(1, 40), st.integers(0, 40))
@settings(max_examples=150, deadline=None)
def test_every_other_week_keeps_its_phase_whatever_the_window(start, split, length):
    rule = "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR"
    end = start + timedelta(days=split + length)
    middle = start + timedelta(days=split)
    whole = leg_days_between(rule, start, end)
    assert whole == leg_days_between(rule, start, middle - timedelta(days=1)) + leg_days_between(
        rule, middle, end
    )
    mondays = [d for d in whole if d.weekday() == 0]
    assert all((d - date(1900, 1, 1)).days % 14 == 0 for d in mondays)


def test_rule_with_its_own_start_and_count():
    rule = "DTSTART:20261104T000000\nRRULE:FREQ=WEEKLY;COUNT=3;BYDAY=MO,WE"
    assert leg_days_between(rule, date(2026, 11, 1), date(2026, 12, 31)) == [
        date(2026, 11, 4),
        date(2026, 11, 9),
        date(2026, 11, 11),
    ]


def test_invalid_rule_is_refused():
    with pytest.raises(ValidationError):
        leg_days_between("FREQ=SOMETIMES", date(2026, 11, 30), date(2026, 12, 6))


def test_recurring_leg_days_are_planned_and_a_logged_one_replaces_its_date():
    profile = Profile(leg_days_rule="FREQ=WEEKLY;BYDAY=MO,TH", long_run_day=1)
    plan = make_plan(profile, steady_runs(MONDAY))
    assert {(i.date, i.status) for i in plan.days[0].sessions if i.kind == "leg_day"} == {
        (day(0), "planned")
    }
    assert [(i.date, i.status) for i in planned(plan, "leg_day")] == [
        (day(0), "planned"),
        (day(3), "planned"),
    ]
    logged = leg(day(0), rpe=4)
    plan = make_plan(profile, [*steady_runs(MONDAY), logged])
    monday = [(i.status, i.id) for i in plan.days[0].sessions if i.kind == "leg_day"]
    assert monday == [("done", logged.id)]
    # The logged session was light, so Tuesday (the long-run day) may take the long run.
    assert [i.date for i in planned(plan, "long_run")] == [day(1)]


# -- checklists -------------------------------------------------------------------------------


def _item(kind: str, status: str = "planned") -> PlanItem:
    return PlanItem(date=MONDAY, kind=kind, status=status)


def test_checklist_ids_are_stable_unique_and_ordered():
    items = (_item("long_run"), _item("leg_day"), _item("mobility"))
    checklist = day_checklist(MONDAY, items, frozenset())
    ids = [c.id for c in checklist]
    assert len(ids) == len(set(ids)) and set(ids) <= set(ITEMS)
    order = {"before": 0, "during": 1, "after": 2}
    assert [order[c.when] for c in checklist] == sorted(order[c.when] for c in checklist)
    assert {"warmup", "leg_warmup", "cold_water", "checkin_tomorrow", "mobility"} <= set(ids)
    assert day_checklist(MONDAY, items, frozenset()) == checklist


def test_checklist_per_kind():
    assert {"warmup", "fluids", "carbs", "form", "protein", "stretch"} <= set(
        session_checklist(_item("recovery_run"))
    )
    assert "cold_water" not in session_checklist(_item("easy_run"))
    assert "cold_water" in session_checklist(_item("quality_run"))
    assert "cold_water" not in session_checklist(_item("leg_day"))
    assert "checkin_tomorrow" in session_checklist(_item("leg_day"))
    assert session_checklist(_item("rest")) == ()
    assert day_checklist(MONDAY, (_item("easy_run", "skipped"),), frozenset()) == ()


def test_ticks_mark_items_done_on_their_day_only():
    items = (_item("easy_run"),)
    ticks = {(MONDAY, "warmup"), (MONDAY + timedelta(days=1), "protein")}
    checklist = day_checklist(MONDAY, items, ticks)
    done = {c.id for c in checklist if c.done}
    assert done == {"warmup"}


def test_ticks_stay_with_their_ids_when_the_plan_changes():
    profile = Profile(runs_per_week=6, weekly_km=40)
    base = make_plan(profile, steady_runs(MONDAY))
    run_day = planned(base, "easy_run")[0].date
    ticks = frozenset({(run_day, "fluids"), (run_day, "warmup")})
    ticked = make_plan(profile, steady_runs(MONDAY), ticks=ticks)
    day_plan = ticked.day(run_day)
    assert day_plan is not None
    assert {c.id for c in day_plan.checklist if c.done} == {"fluids", "warmup"}
    # A sore morning turns the run into cross-training: the shared items keep their ticks.
    sore = make_plan(
        profile, steady_runs(MONDAY), checkins=[CheckIn(date=run_day, soreness=5)], ticks=ticks
    )
    day_plan = sore.day(run_day)
    assert day_plan is not None
    assert {c.id for c in day_plan.checklist if c.done} == {"fluids", "warmup"}


@given(
    st.sets(st.integers(0, 6), min_size=1),
    st.dates(date(2000, 1, 1), date(2040, 12, 1)),
    st.integers(0, 30),
)
@settings(max_examples=150, deadline=None)
def test_weekly_rules_read_directly_match_dateutil(weekdays, start, length):
    from dateutil.rrule import rrulestr

    rule = leg_days_rule(tuple(weekdays))
    assert rule is not None
    end = start + timedelta(days=length)
    expected = [
        moment.date()
        for moment in rrulestr(rule, dtstart=datetime(start.year, start.month, start.day)).between(
            datetime(start.year, start.month, start.day),
            datetime(end.year, end.month, end.day, 23),
            inc=True,
        )
    ]
    assert leg_days_between(rule, start, end) == expected
    assert rule_weekdays(rule) == tuple(sorted(weekdays))
    # The same rule spelt so that only dateutil reads it gives the same dates.
    assert leg_days_between(rule + ";INTERVAL=1", start, end) == expected
    assert rule_weekdays(rule + ";INTERVAL=1") == tuple(sorted(weekdays))


def test_dateutil_frequency_numbers():
    """recurrence.py names dateutil's constants without importing it at start-up."""
    from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY

    from legrun.planner import recurrence

    assert (recurrence._DAILY, recurrence._WEEKLY) == (DAILY, WEEKLY)
    assert (recurrence._MONTHLY, recurrence._YEARLY) == (MONTHLY, YEARLY)


@given(
    st.sampled_from(
        (
            "FREQ=MONTHLY;BYMONTHDAY=29",
            "FREQ=MONTHLY;INTERVAL=5;BYDAY=1MO",
            "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
            "FREQ=YEARLY;INTERVAL=3;BYMONTH=3;BYDAY=TU",
            "DTSTART:20280229T000000\nRRULE:FREQ=YEARLY",
            "FREQ=DAILY;INTERVAL=3",
        )
    ),
    st.dates(date(1990, 1, 1), date(2040, 12, 1)),
    st.integers(0, 60),
)
@settings(max_examples=150, deadline=None)
def test_other_rules_expand_as_dateutil_does_from_the_anchor(rule, start, length):
    end = start + timedelta(days=length)
    expected = [d for d in _full_expansion(rule) if start <= d <= end]
    assert leg_days_between(rule, start, end) == expected


@functools.cache
def _full_expansion(rule: str) -> tuple[date, ...]:
    """Every date of `rule` from the planner's anchor (1 January 1900) to 2041, by dateutil."""
    from dateutil.rrule import rrulestr

    full = rrulestr(rule, dtstart=datetime(1900, 1, 1))
    return tuple(
        m.date() for m in full.between(datetime(1990, 1, 1), datetime(2041, 3, 1), inc=True)
    )

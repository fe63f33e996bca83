"""Distances and paces read in the runner's units; the numbers stay kilometres underneath."""

from __future__ import annotations

from legrun.planner.models import Profile
from legrun.planner.units import distance, pace, short_distance
from tests.planner.builders import HARD_KINDS, MONDAY, make_plan, planned, steady_runs


def test_kilometres_and_miles() -> None:
    assert distance(8.0, "km") == "8 km"
    assert distance(16.09344, "mi") == "10 mi"
    assert distance(5.0, "mi") == "3.1 mi"
    assert distance(12.34, "km", ".1f") == "12.3 km"
    assert short_distance(5.0, "mi") == "3.1m" and short_distance(4.3, "km") == "4.3k"
    assert pace(6.25, "km") == "6:15/km"
    assert pace(6.25, "mi") == "10:04/mi"  # 6.25 x 1.609344 = 10.0584 min = 10 min 3.5 s


def test_a_plan_for_a_miles_runner_explains_itself_in_miles() -> None:
    plan = make_plan(Profile(units="mi"), steady_runs(MONDAY))
    assert plan.units == "mi"
    runs = planned(plan, "easy_run", "recovery_run", *HARD_KINDS)
    assert runs
    texts = [w.text for r in runs for w in r.why]
    assert any(" mi" in t for t in texts) and not any(" km " in t for t in texts), texts

"""Every week ahead is planned from the ones before it, so the plan has an end: two years."""

from __future__ import annotations

import json
from datetime import timedelta

from legrun.planner.goal import MAX_WEEKS_AHEAD
from legrun.planner.week_state import week_start_for
from tests.conftest import TODAY, assert_refused

LAST = week_start_for(TODAY, 0) + timedelta(weeks=MAX_WEEKS_AHEAD)


def test_the_last_week_of_the_plan_is_planned(cli) -> None:
    done = cli("plan", "--week", LAST.isoformat(), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["week_start"] == LAST.isoformat()


def test_a_week_beyond_the_plan_is_one_clear_refusal(cli) -> None:
    beyond = (LAST + timedelta(days=7)).isoformat()
    assert_refused(cli("plan", "--week", beyond), 2, "104 weeks ahead", LAST.isoformat())
    assert_refused(cli("plan", "--week", "9000-01-01", timeout=20), 2, "104 weeks ahead")

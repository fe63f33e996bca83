"""Reads what a week's plan needs from the repository and asks the planner for it."""

from __future__ import annotations

from datetime import date, timedelta

from legrun.planner.load import LOAD_WINDOW_DAYS
from legrun.planner.plan import WeekPlan
from legrun.planner.scheduler import plan_week, week_start_for
from legrun.storage import Repository

# The planner looks back at most this far (fitness window plus a margin).
_LOOKBACK = timedelta(days=LOAD_WINDOW_DAYS + 10)


def load_week_plan(repo: Repository, day: date, today: date) -> WeekPlan:
    """The plan of the week that contains `day`, as of `today`."""
    profile = repo.profile()
    start = week_start_for(day, profile.week_start)
    end = start + timedelta(days=6)
    history = repo.sessions(min(start, today) - _LOOKBACK, end)
    checkins = repo.checkins(min(start, today) - timedelta(days=7), end)
    pins = repo.pins(start - timedelta(days=2), end)
    ticks = repo.ticks(start, end)
    return plan_week(profile, history, checkins, pins, start, today, ticks=ticks)

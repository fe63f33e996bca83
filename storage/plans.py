"""The use cases the command line and the app share: a week's plan, the season, the stats and
the trends window. Each reads what it needs through a `Repository` and asks the planner."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from msgspec import Struct

from legrun.planner.goal import MAX_WEEKS_AHEAD, Goal
from legrun.planner.load import LOAD_WINDOW_DAYS, TrainingHistory
from legrun.planner.plan import WeekPlan
from legrun.planner.scheduler import plan_weeks, week_start_for
from legrun.planner.season import SeasonWeek, goal_reach, season_rows
from legrun.storage.repository import Repository

if TYPE_CHECKING:
    # (Imported where used: planning, what most commands do, never needs the trends' sums.)
    from legrun.planner.trends import FitnessPoint, WeekTotals

# The planner looks back at most this far (fitness window plus a margin).
_LOOKBACK = timedelta(days=LOAD_WINDOW_DAYS + 10)


def load_week_plan(repo: Repository, day: date, today: date) -> WeekPlan:
    """The plan of the week that contains `day`, as of `today`."""
    (plan,) = load_week_plans(repo, day, day, today)
    return plan


def load_week_plans(repo: Repository, first: date, last: date, today: date) -> list[WeekPlan]:
    """The plans of the weeks from the one containing `first` to the one containing `last`,
    as of `today`. The planner plans the weeks from this one to them too, so everything those
    weeks need is read here."""
    profile = repo.profile()
    start = week_start_for(min(first, today), profile.week_start)
    end = week_start_for(last, profile.week_start) + timedelta(days=6)
    history = TrainingHistory(repo.sessions(start - _LOOKBACK, end), repo.run_dates(end))
    checkins = repo.checkins(start - timedelta(days=7), end)
    pins = repo.pins(start - timedelta(days=2), end)
    ticks = repo.ticks(start, end)
    goal = repo.goal()
    return plan_weeks(profile, history, checkins, pins, first, last, today, ticks=ticks, goal=goal)


class Season(Struct, frozen=True):
    """The weeks from this one to the goal race (or `weeks` weeks without one)."""

    goal: Goal | None
    plans: list[WeekPlan]
    weeks: list[SeasonWeek]
    note: str | None = None  # what the season can reach, when short of the distance's needs


def load_season(repo: Repository, today: date, weeks: int = 12) -> Season:
    """The season as of `today`: this week to race week when a goal is set (and the recovery
    week after it), else `weeks` weeks from this one."""
    goal = repo.goal()
    first = week_start_for(today, repo.profile().week_start)
    if goal is not None and goal.date >= today:
        # (A goal stored further away than the planner sets goals is planned two years out.)
        last = min(goal.date + timedelta(weeks=1), first + timedelta(weeks=MAX_WEEKS_AHEAD))
    else:
        last = first + timedelta(weeks=max(1, weeks) - 1)
    plans = load_week_plans(repo, first, last, today)
    note = goal_reach(goal, plans) if goal is not None else None
    return Season(goal, plans, season_rows(plans), note)


def load_stats(repo: Repository, weeks: int, today: date) -> tuple[list[WeekTotals], FitnessPoint]:
    """The last `weeks` weeks (this one included), oldest first, and today's fitness."""
    window = load_trends(repo, weeks, today, daily=False)
    return window.weeks, window.fitness[-1]


class Trends(Struct, frozen=True):
    """What the trends screen draws for its window of weeks."""

    first: date  # the first day of the window
    end: date  # its last day
    weeks: list[WeekTotals]  # one per week, oldest first, zeros where nothing was logged
    fitness: list[FitnessPoint]  # one per day of the window (today's alone when not daily)
    soreness: dict[date, int]  # each check-in's worst soreness, by day


def load_trends(repo: Repository, weeks: int, today: date, daily: bool = True) -> Trends:
    """The `weeks` weeks up to this one: totals by week, fitness by day, soreness by day."""
    from legrun.planner.trends import fill_weeks, fitness_series

    week_start = repo.profile().week_start
    first = week_start_for(today, week_start) - timedelta(weeks=weeks - 1)
    end = first + timedelta(weeks=weeks) - timedelta(days=1)
    totals = fill_weeks(repo.weekly_totals(first, end, week_start), first, weeks)
    since = first if daily else today
    loads = repo.daily_loads(since - timedelta(days=LOAD_WINDOW_DAYS), today)
    soreness = repo.soreness_by_day(first, today) if daily else {}
    return Trends(first, end, totals, fitness_series(loads, since, today), soreness)

"""The goal race in words, for a title (`Half marathon in 15 weeks`) and for the line above the
season (`Goal: half marathon (21.1 km) on Sun 07 Mar 2027 · 14 weeks left (103 days)`)."""

from __future__ import annotations

from datetime import date

from legrun.planner.goal import Goal, countdown, distance_name, weeks_left

# What the season screen says when there is no goal race to build to.
SET_GOAL_HINT = "Set one with `legrun-tui goal set ...`"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def goal_headline(goal: Goal | None, today: date) -> str | None:
    """`Half marathon in 15 weeks`, `Berlin Marathon in 3 days`, `5K today`; None without a
    goal or once the race has passed."""
    if goal is None:
        return None
    days = (goal.date - today).days
    if days < 0:
        return None
    what = goal.name or distance_name(goal.distance_km)
    what = what[:1].upper() + what[1:]
    if days == 0:
        return f"{what} today"
    weeks = weeks_left(goal.date, today)
    if weeks == 0:
        return f"{what} in {_plural(days, 'day')}"
    return f"{what} in {_plural(weeks, 'week')}"


def goal_summary(goal: Goal, today: date, units: str = "km") -> str:
    """`Goal: Berlin, half marathon (21.1 km) on Sun 07 Mar 2027 · 14 weeks left (103 days)`."""
    what = goal.described(units, joiner=", ")
    return f"Goal: {what} on {goal.date:%a %d %b %Y} · {countdown(goal.date, today)}"


def no_goal_text(goal: Goal | None, weeks: int) -> str:
    """What the season says without a goal race ahead (none set, or the last one run)."""
    span = f"the next {_plural(weeks, 'week')}"
    if goal is None:
        return f"No goal race: {span}. {SET_GOAL_HINT}"
    return f"The race on {goal.date:%d %b %Y} has passed: {span}. {SET_GOAL_HINT}"

"""Small builders and look-ups shared by the planner tests (plain functions, no fixtures)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from itertools import count

from legrun.planner.load import TrainingHistory
from legrun.planner.models import (
    AnySession,
    CheckIn,
    CrossTraining,
    Exercise,
    LegDay,
    Pin,
    Profile,
    Run,
    muscles_for,
)
from legrun.planner.plan import RUN_PLAN_KINDS, PlanItem, WeekPlan
from legrun.planner.scheduler import plan_week

MONDAY = date(2026, 11, 30)  # a Monday; most rule tests plan this week with today = MONDAY
HARD_KINDS = ("long_run", "quality_run")
TRAINING_KINDS = (*RUN_PLAN_KINDS, "leg_day", "cross_training")

_ids = count(1)


def day(offset: int, start: date = MONDAY) -> date:
    return start + timedelta(days=offset)


def leg(when: date, rpe: int = 9, minutes: int = 60, exercises: Sequence[str] = ()) -> LegDay:
    return LegDay(
        date=when,
        minutes=minutes,
        rpe=rpe,
        exercises=tuple(Exercise(n, 3, 8, 60.0, muscles_for(n)) for n in exercises),
        id=next(_ids),
    )


def run(when: date, km: float = 8.0, kind: str = "easy", rpe: int = 4, pace: float = 6.0) -> Run:
    minutes = max(1, round(km * pace))
    return Run(date=when, minutes=minutes, rpe=rpe, km=km, kind=kind, id=next(_ids))


def cross(when: date, minutes: int = 40, activity: str = "bike", rpe: int = 3) -> CrossTraining:
    return CrossTraining(date=when, minutes=minutes, rpe=rpe, activity=activity, id=next(_ids))


def steady_runs(end: date, weeks: int = 6, km: float = 8.0) -> list[Run]:
    """Three runs a week of `km` for `weeks` weeks before `end`: a reference that caps nothing
    in a 20 km week (110 % of 8 km is 8.8 km, more than any run of a 20 km week needs)."""
    found = []
    for back in range(1, weeks * 7 + 1):
        if back % 7 in (1, 3, 5):
            found.append(run(end - timedelta(days=back), km=km))
    return found


def make_plan(
    profile: Profile | None = None,
    history: Iterable[AnySession] = (),
    checkins: Sequence[CheckIn] = (),
    pins: Sequence[Pin] = (),
    week_start: date = MONDAY,
    today: date | None = None,
    ticks: frozenset[tuple[date, str]] | set[tuple[date, str]] = frozenset(),
) -> WeekPlan:
    return plan_week(
        profile or Profile(),
        TrainingHistory(history),
        checkins,
        pins,
        week_start,
        week_start if today is None else today,
        ticks=ticks,
    )


def items(plan: WeekPlan, *kinds: str, status: str | None = None) -> list[PlanItem]:
    return [
        item
        for d in plan.days
        for item in d.sessions
        if (not kinds or item.kind in kinds) and (status is None or item.status == status)
    ]


def planned(plan: WeekPlan, *kinds: str) -> list[PlanItem]:
    return items(plan, *kinds, status="planned")


def dates_of(plan: WeekPlan, *kinds: str, status: str | None = None) -> set[date]:
    return {item.date for item in items(plan, *kinds, status=status)}


def rules(item_or_whys) -> set[str]:
    whys = item_or_whys.why if isinstance(item_or_whys, PlanItem) else item_or_whys
    return {w.rule for w in whys}


def is_rest_day(plan: WeekPlan, when: date) -> bool:
    found = plan.day(when)
    assert found is not None
    return not any(i.kind in TRAINING_KINDS and i.status != "skipped" for i in found.sessions)


def rest_days(plan: WeekPlan) -> list[date]:
    return [d.date for d in plan.days if is_rest_day(plan, d.date)]


def describe(plan: WeekPlan) -> str:
    """The plan in a few lines, for assertion messages."""
    lines = []
    for d in plan.days:
        parts = [f"{i.kind}/{i.status}" + (f" {i.km:g}km" if i.km else "") for i in d.sessions]
        lines.append(f"{d.date} {d.date.strftime('%a')}: {', '.join(parts)}")
    lines += [f"! {w.rule}: {w.text}" for w in plan.warnings]
    return "\n".join(lines)

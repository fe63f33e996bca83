"""The weeks planned in order, each from the one before it as planned, and each week kept as a
promise (R-STABLE).

A week is first planned as of its own first morning. Then each day that has passed is settled:
when what was logged matches what was planned, and the next morning's check-in does not change
the picture, the plan stands and only the day turns from planned into done. When the athlete
deviated (missed, added, did something else, checked in sore or tired), the rest of the week is
planned again from that morning, and the missed items stay visible on their days. So a week
after this one, planned from this one as planned, never changes because the athlete did what
was planned, and `plan --week`, the week screen and the season all agree.

A week's volume comes from the history before it (`volume.decide_volume`): what was done,
and for a week ahead, the weeks between planned as done.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from msgspec import Struct
from msgspec.structs import replace

from legrun.planner.checklists import day_checklist
from legrun.planner.fields import BOUNDS
from legrun.planner.goal import MAX_WEEKS_AHEAD, Goal
from legrun.planner.kinds import KINDS, RUN_PLAN_KINDS, run_kind_for
from legrun.planner.load import TrainingHistory, easy_pace
from legrun.planner.models import (
    AnySession,
    CheckIn,
    CrossTraining,
    LegDay,
    Pin,
    Profile,
    Run,
    ValidationError,
    heaviness,
)
from legrun.planner.placement import WeekPlanner, assemble
from legrun.planner.plan import DayPlan, PlanItem, WeekPlan, Why, item_from_session
from legrun.planner.rules import RuleId
from legrun.planner.season import goal_week
from legrun.planner.volume import VolumePlan, apply_goal, decide_volume
from legrun.planner.week_state import readiness_signature, week_start_for
from legrun.planner.workouts import latest_result

DEFAULT_EASY_PACE = 6.5  # min/km when history has no easy runs
KM_TOLERANCE = 0.10  # a run within 10 % (or 0.5 km) of the plan counts as done as planned
Ticks = frozenset[tuple[date, str]] | set[tuple[date, str]]


class PlanInputs(Struct, frozen=True):
    """Everything a plan is a function of, besides `today`."""

    profile: Profile
    history: TrainingHistory
    checkins: tuple[CheckIn, ...]
    pins: tuple[Pin, ...]
    ticks: frozenset[tuple[date, str]] = frozenset()
    goal: Goal | None = None


def target_km(profile: Profile, pace: float) -> float:
    """The weekly running target in km: the profile's km, or its minutes at the easy pace."""
    minutes = profile.weekly_minutes
    if minutes:
        return round(minutes / pace, 1)
    return profile.weekly_km


def plan_weeks(
    profile: Profile,
    history: TrainingHistory | Iterable[AnySession],
    checkins: Sequence[CheckIn],
    pins: Sequence[Pin],
    first: date,
    last: date,
    today: date,
    ticks: Ticks = frozenset(),
    goal: Goal | None = None,
) -> list[WeekPlan]:
    """The plans of the weeks from the one containing `first` to the one containing `last`,
    towards `goal` when one is set (`season.phase_of`).

    Each week's volume comes from the same number of weeks before it (ANCHOR_WEEKS, read from
    what was done, then planned in order), whichever week is asked for and whatever `today`
    is: so a week's plan depends only on what happened (or, ahead of today, was planned)
    before it, and a week planned ahead is the week that comes when the plan is followed."""
    # One check-in a day is what storage keeps; given more, the order never decides.
    ordered = tuple(sorted(checkins, key=lambda c: (c.date, repr(c))))
    inputs = PlanInputs(
        profile, TrainingHistory.of(history), ordered, tuple(pins), frozenset(ticks), goal
    )
    first = week_start_for(first, profile.week_start)
    last = week_start_for(last, profile.week_start)
    current = week_start_for(today, profile.week_start)
    horizon = current + timedelta(weeks=MAX_WEEKS_AHEAD)
    if last > horizon:
        # Every week ahead is planned from the ones before it: there has to be an end.
        raise ValidationError(
            f"the plan reaches {MAX_WEEKS_AHEAD} weeks ahead, to the week of "
            f"{horizon.isoformat()}: ask for a week up to then"
        )
    week = min(first, current)
    history_w = inputs.history
    plans: list[WeekPlan] = []
    while week <= last:
        plan = plan_one_week(inputs, history_w, week, today)
        if week >= first:
            plans.append(plan)
        if week + timedelta(days=6) >= today and week < last:
            history_w = history_w.with_sessions(projected_sessions(plan, today))
        week += timedelta(weeks=1)
    return plans


def plan_one_week(
    inputs: PlanInputs, history: TrainingHistory, week: date, today: date
) -> WeekPlan:
    """One week's plan as of `today`."""
    profile = inputs.profile
    before = history.without(week, today) if week <= today else history
    pace = easy_pace(before, week - timedelta(days=1), DEFAULT_EASY_PACE)
    volume = decide_volume(
        before, week, target_km(profile, pace), profile.runs_per_week, profile.units
    )
    toward = goal_week(inputs.goal, week) if inputs.goal is not None else None
    if toward is not None and inputs.goal is not None:
        volume = apply_goal(volume, toward, before, week, inputs.goal.distance_km, profile.units)
    result = latest_result(before, week)

    def core(as_of: date, past: dict[date, DayPlan], known_today: bool = False) -> WeekPlan:
        # What was known that morning: sessions logged before it, and any dated after today.
        known = history if as_of > today or known_today else history.without(as_of, today)
        # What was known that morning: check-ins up to it, and any dated after today (entered
        # ahead, so known all along).
        checkins = [c for c in inputs.checkins if c.date <= as_of or c.date > today]
        missed = [
            i
            for d in past.values()
            for i in d.sessions
            if i.is_run and i.status == "skipped" and i.why and i.why[0].rule == RuleId.STABLE
        ]
        planner = WeekPlanner(
            profile,
            known,
            checkins,
            inputs.pins,
            week,
            as_of,
            volume,
            pace,
            result,
            inputs.ticks,
            missed=missed,
            goal=inputs.goal if toward is not None else None,
            toward=toward,
        )
        return planner.build()

    past: dict[date, DayPlan] = {}
    # A plan exists from the athlete's first logged session on: before it there was nothing to
    # follow, so a first week is planned from today, not settled from its first morning.
    first_logged = history.sessions[0].date if history.sessions else None
    starts = week
    if week <= today and (first_logged is None or first_logged >= today):
        starts = today
    plan = core(starts, past)
    end = week + timedelta(days=6)
    day = starts
    as_of = starts
    while day <= end and day < today:
        logged = history.between(day, day)
        shown = plan.day(day)
        assert shown is not None
        deviated, missed = compare(shown, logged)
        past[day] = settled_day(day, shown, logged, missed, inputs)
        morning = day + timedelta(days=1)
        if (deviated or readiness_changed(inputs.checkins, morning)) and morning <= end:
            plan = core(morning, past)
        as_of = morning
        day = morning
    if week <= today <= end:
        logged = history.between(today, today)
        shown = plan.day(today)
        if logged and shown is not None and compare(shown, logged)[0]:
            plan = core(today, past, known_today=True)
        elif logged and shown is not None:
            past[today] = settled_day(today, shown, logged, [], inputs, keep_planned=True)
    return with_past_days(plan, past, inputs, history, volume, min(as_of, end))


def with_past_days(
    plan: WeekPlan,
    past: dict[date, DayPlan],
    inputs: PlanInputs,
    history: TrainingHistory,
    volume: VolumePlan,
    as_of: date,
) -> WeekPlan:
    """The plan with its settled days put in (what was logged, and what was missed), and its
    training state."""
    days = tuple(past.get(d.date, d) for d in plan.days)
    return assemble(
        inputs.profile,
        history,
        inputs.checkins,
        plan.week_start,
        as_of,
        days,
        plan.warnings,
        plan.suggestions,
        volume,
        plan.phase,
    )


def _category(kind: str) -> str:
    if KINDS[kind].is_hard:
        return "hard"
    if kind in ("easy_run", "recovery_run"):
        return "easy"
    return kind


def _group(kind: str) -> str:
    return "run" if kind in RUN_PLAN_KINDS else kind


def compare(shown: DayPlan, logged: Sequence[AnySession]) -> tuple[bool, list[PlanItem]]:
    """Whether a day went as planned, and the planned items nothing logged stands for.

    A logged run stands for the day's planned run whatever its kind (the athlete ran), a logged
    leg day for the planned leg day, cross-training for cross-training. The day went as planned
    when every planned item has its logged session, nothing else was logged, and each run kept
    its kind (easy or hard) and its km within 10 % (or 0.5 km)."""
    planned = [
        i for i in shown.sessions if i.status == "planned" and i.kind not in ("rest", "mobility")
    ]
    done = sorted((item_from_session(s) for s in logged), key=lambda i: -(i.km or 0))
    left = sorted(planned, key=lambda i: -(i.km or 0))
    deviated = False
    for item in done:
        match = next((c for c in left if _group(c.kind) == _group(item.kind)), None)
        if match is None:
            deviated = True
            continue
        left.remove(match)
        if match.kind == "leg_day" and heaviness(match.rpe) != heaviness(item.rpe):
            deviated = True  # lighter or harder than planned: the days after it change
        if match.is_run:
            tolerance = max(0.5, KM_TOLERANCE * (match.km or 0))
            if (
                _category(match.kind) != _category(item.kind)
                or abs((match.km or 0) - (item.km or 0)) > tolerance
            ):
                deviated = True
    return deviated or bool(left), left


def settled_day(
    day: date,
    shown: DayPlan,
    logged: Sequence[AnySession],
    missed: Sequence[PlanItem],
    inputs: PlanInputs,
    keep_planned: bool = False,
) -> DayPlan:
    """A past day as it stays: what was logged, the user's skips, and what was planned and
    not logged (shown as skipped, so the week tells what had been planned)."""
    items = [item_from_session(s) for s in logged]
    items += [i for i in shown.sessions if i.status == "skipped"]
    for item in missed:
        if item.kind == "rest" or item.status != "planned":
            continue
        items.append(
            replace(
                item,
                status="skipped",
                why=(Why(RuleId.STABLE, "Planned, not logged."), *item.why),
            )
        )
    if keep_planned:
        items += [i for i in shown.sessions if i.kind in ("mobility",)]
    return DayPlan(day, tuple(items), day_checklist(day, items, inputs.ticks))


def readiness_changed(checkins: Sequence[CheckIn], morning: date) -> bool:
    """Whether the check-in of `morning` changes what the plan assumed for it (yesterday's
    check-in standing, or none)."""
    by_date = {c.date: c for c in checkins}
    new = by_date.get(morning)
    if new is None:
        return False
    return readiness_signature(new) != readiness_signature(by_date.get(morning - timedelta(1)))


def projected_sessions(plan: WeekPlan, today: date) -> list[AnySession]:
    """The week's planned items from `today` on, as if done as planned."""
    found: list[AnySession] = []
    for day in plan.days:
        if day.date < today:
            continue
        for item in day.sessions:
            if item.status != "planned":
                continue
            minutes = item.minutes or 0
            if item.is_run and item.km and BOUNDS["km"].contains(item.km):
                kind = run_kind_for(item.kind, item.workout.type if item.workout else None)
                found.append(
                    Run(
                        date=day.date,
                        minutes=min(BOUNDS["minutes"].high, max(1, minutes)),
                        rpe=item.rpe,
                        km=item.km,
                        kind=kind,
                    )
                )
            elif item.kind == "leg_day":
                found.append(LegDay(date=day.date, minutes=minutes or 60, rpe=item.rpe or 8))
            elif item.kind == "cross_training" and minutes:
                found.append(
                    CrossTraining(
                        date=day.date,
                        minutes=minutes,
                        rpe=item.rpe,
                        activity=item.activity or "bike",
                    )
                )
    return found

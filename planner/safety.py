"""The safety rules, in one table: which runs each rule keeps off a day, in plain words, and
what it advises when the user put such a run there anyway.

Placement asks the table whether a day may take a run; the check of the user's own pins asks
the same table, so a rule is written once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING

from msgspec import Struct

from legrun.planner.kinds import HARD_RUN_KINDS
from legrun.planner.rules import RuleId
from legrun.planner.week_state import SORE_CROSS, SORE_REST, DayState, day_name

if TYPE_CHECKING:
    from legrun.planner.placement import WeekPlanner

LONG_RUN_HEAVY_MINUTES = 90  # no quality run within 48 h after a long run this long

Check = Callable[["WeekPlanner", DayState, str], "str | None"]


class SafetyRule(Struct, frozen=True):
    rule: RuleId
    kinds: tuple[str, ...] | None  # the plan kinds it keeps off a day; None: every run
    check: Check  # the reason the day may not take the run, or None
    advice: str  # what to do when the user put such a run there anyway


def _same_day(p: WeekPlanner, day: DayState, kind: str) -> str | None:
    if day.leg is None:
        return None
    if kind == "quality_run" and p.profile.same_day_hard and day.leg.planned:
        return None  # opted in: the workout in the morning, legs at least 6 h later
    return f"{day_name(day.date)} is a leg day"


def _sore_rest(p: WeekPlanner, day: DayState, kind: str) -> str | None:
    if day.soreness >= SORE_REST:
        return f"{day_name(day.date)} has {day.soreness_words()} {day.when()}"
    return None


def _sore_muscles(p: WeekPlanner, day: DayState, kind: str) -> str | None:
    sore = day.run_sparing_muscles
    if sore:
        named = " and ".join(f"{m} {v}/10" for m, v in sore)
        return f"{day_name(day.date)} has {named} {day.when()}"
    return None


def _within_48h(p: WeekPlanner, day: DayState, kind: str) -> str | None:
    for back in (1, 2):
        leg = p.leg_before(day.date, back)
        if leg is not None and leg.heaviness == "heavy":
            return f"{day_name(day.date)} is within 48 h of {day_name(leg.date)}'s heavy leg day"
    return None


def _after_leg(p: WeekPlanner, day: DayState, kind: str) -> str | None:
    before = p.leg_before(day.date, 1)
    if before is not None and before.heaviness == "moderate":
        return f"{day_name(day.date)} follows a moderate leg day"
    return None


def _sore_cross(p: WeekPlanner, day: DayState, kind: str) -> str | None:
    if day.soreness >= SORE_CROSS:
        return f"{day_name(day.date)} has {day.soreness_words()} {day.when()}"
    return None


def _low_readiness(p: WeekPlanner, day: DayState, kind: str) -> str | None:
    low = day.low_readiness
    return f"{day_name(day.date)} has {low} {day.when()}" if low else None


def _hard_easy(p: WeekPlanner, day: DayState, kind: str) -> str | None:
    for neighbour in (day.date - timedelta(days=1), day.date + timedelta(days=1)):
        if p.is_hard_run_day(neighbour, besides=day.date):
            return f"{day_name(day.date)} is next to another hard run ({day_name(neighbour)})"
    return None


def _after_long(p: WeekPlanner, day: DayState, kind: str) -> str | None:
    for back in (1, 2):
        when = day.date - timedelta(days=back)
        if p.long_run_minutes(when) >= LONG_RUN_HEAVY_MINUTES:
            return f"{day_name(day.date)} is within 48 h of {day_name(when)}'s long run of 90 min+"
    return None


HARD = HARD_RUN_KINDS
RULES: tuple[SafetyRule, ...] = (
    SafetyRule(RuleId.SAME_DAY, None, _same_day, "keep them at least 6 h apart, run first"),
    SafetyRule(RuleId.SORENESS, None, _sore_rest, "rest and mobility instead"),
    SafetyRule(RuleId.READINESS, None, _sore_muscles, "cross-train instead, sparing them"),
    SafetyRule(RuleId.H48, HARD, _within_48h, "keep it easy or move it"),
    SafetyRule(RuleId.AFTER_LEG, HARD, _after_leg, "run it as a short recovery run"),
    SafetyRule(RuleId.SORENESS, HARD, _sore_cross, "keep it easy"),
    SafetyRule(RuleId.READINESS, ("quality_run",), _low_readiness, "run it easy"),
    SafetyRule(RuleId.HARD_EASY, HARD, _hard_easy, "make one of them easy"),
    SafetyRule(RuleId.QUALITY, ("quality_run",), _after_long, "keep it easy"),
)


def refusal(planner: WeekPlanner, day: DayState, kind: str) -> tuple[RuleId, str] | None:
    """The first rule that keeps a run of `kind` off `day`, with its reason."""
    for rule in RULES:
        if rule.kinds is not None and kind not in rule.kinds:
            continue
        reason = rule.check(planner, day, kind)
        if reason is not None:
            return rule.rule, reason
    return None


def pinned_warnings(
    planner: WeekPlanner, day: DayState, kind: str, label: str
) -> list[tuple[RuleId, str]]:
    """Every rule a run the user put on `day` breaks: (rule, words with the advice)."""
    found = []
    for rule in RULES:
        if rule.kinds is not None and kind not in rule.kinds:
            continue
        reason = rule.check(planner, day, kind)
        if reason is not None:
            found.append(
                (
                    rule.rule,
                    f"The {label} you put on {day_name(day.date)}: {reason}; {rule.advice}.",
                )
            )
    return found

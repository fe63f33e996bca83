"""R-SPLIT: when the leg days leave no day for the week's workout, the smallest change to them
that would make room, as words for the user (never applied by the planner)."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from msgspec.structs import replace

from legrun.planner.models import Pin, Profile
from legrun.planner.week_state import day_name

if TYPE_CHECKING:
    from legrun.planner.placement import WeekPlanner


def suggest_split(planner: WeekPlanner) -> str | None:
    """Try moving each planned leg day of the week by one day, then two: the first move after
    which a workout fits (with the long run still in place) is the suggestion."""
    if planner.exploring:
        return None
    movable = [
        d for d in planner.days if d.leg is not None and d.leg.planned and d.date >= planner.as_of
    ]
    for shift in (-1, 1, -2, 2):
        for day in movable:
            target = day.date + timedelta(days=shift)
            i = planner.index(target)
            if i is None or target < planner.as_of:
                continue
            other = planner.days[i]
            if other.leg is not None or other.unavailable or not other.plannable:
                continue
            move = Pin(date=day.date, kind="leg_day", action="move", to_date=target)
            if _workout_fits(planner, move):
                together = [
                    d
                    for d in (target - timedelta(days=1), target + timedelta(days=1))
                    if d != day.date and planner.is_leg_day(d)
                ]
                note = f" (back to back with {day_name(together[0])}'s)" if together else ""
                return (
                    f"Move {day_name(day.date)}'s leg day to {day_name(target)}{note}: that "
                    "leaves a day more than 48 h from heavy legs for a workout. Your call: "
                    "pin the move in the day view (m) or keep the week as it is."
                )
    # No single move is enough (three leg days, say): one leg day fewer, or a light one.
    for day in movable:
        drop = Pin(date=day.date, kind="leg_day", action="remove")
        if _workout_fits(planner, drop):
            return (
                f"No single move frees a day for a workout. Make {day_name(day.date)}'s leg day "
                "light (RPE 5 or less: it then holds back no run) or leave it out: that leaves "
                "a day more than 48 h from heavy legs for a workout. Your call."
            )
    # Or run the workout in the morning of a leg day (opt-in), legs at least 6 h later.
    if not planner.profile.same_day_hard and _workout_fits(
        planner, None, replace(planner.profile, same_day_hard=True)
    ):
        return (
            "The leg days leave no day for a workout. You could opt in to same-day hard days "
            "(profile: same-day hard on): the workout in the morning of a leg day, the legs "
            "at least 6 h later. Your call."
        )
    return None


def _workout_fits(planner: WeekPlanner, change: Pin | None, profile: Profile | None = None) -> bool:
    """Whether the week, with `change` pinned (or with `profile`), has a day for a workout
    beside its long run."""
    from legrun.planner.placement import WeekPlanner

    trial = WeekPlanner(
        profile or planner.profile,
        planner.history,
        planner.checkins,
        [*planner.pins, *([change] if change else [])],
        planner.week_start,
        planner.as_of,
        planner.volume,
        planner.pace,
        planner.result,
    )
    trial.exploring = True
    trial.place_logged()
    trial.place_leg_days()
    # The recurring leg day that moved is no longer on its old day.
    trial.place_pins()
    trial.attach_checkins()
    trial.secure_rest_day()
    spot = trial.place_long()
    if spot is not None:
        trial._reserve(spot[0], "long_run")
    return any(trial.run_allowed(i, "quality_run")[0] for i in range(7))

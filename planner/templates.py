"""Named leg-day templates: a start for the leg-day form, to change as the day goes.

Examples of the three usual shapes of a runner's leg day (a squat day, a hinge day, a
single-leg day), with sets and reps and no loads: the loads are the lifter's own, typed in or
carried over from the last time ("like the last leg day" starts from that instead).
"""

from __future__ import annotations

from msgspec import Struct

from legrun.planner.models import Exercise, muscles_for


def _exercise(name: str, sets: int, reps: int) -> Exercise:
    return Exercise(name=name, sets=sets, reps=reps, muscles=muscles_for(name))


class LegTemplate(Struct, frozen=True):
    name: str
    exercises: tuple[Exercise, ...]
    minutes: int = 60

    def describe(self) -> str:
        return "; ".join(e.describe() for e in self.exercises)


LEG_TEMPLATES = (
    LegTemplate(
        "Squat day",
        (
            _exercise("back squat", 5, 5),
            _exercise("romanian deadlift", 3, 8),
            _exercise("walking lunge", 3, 10),
            _exercise("standing calf raise", 3, 15),
        ),
    ),
    LegTemplate(
        "Hinge day",
        (
            _exercise("deadlift", 3, 5),
            _exercise("hip thrust", 3, 8),
            _exercise("bulgarian split squat", 3, 8),
            _exercise("hamstring curl", 3, 12),
        ),
    ),
    LegTemplate(
        "Single-leg day",
        (
            _exercise("bulgarian split squat", 4, 8),
            _exercise("step up", 3, 10),
            _exercise("single-leg romanian deadlift", 3, 8),
            _exercise("standing calf raise", 3, 15),
        ),
        minutes=45,
    ),
)

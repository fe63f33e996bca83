"""The kinds of item a plan holds, in one table: what each is called, its letter, the effort it
is planned at, whether it is a run and a hard one, and its heart-rate band.

Everything that asks "is this a run?", "is this hard?" or "what letter shows it?" reads this
table, so that a new kind (the goal race) is added in one place.
"""

from __future__ import annotations

from msgspec import Struct


class PlanKind(Struct, frozen=True):
    """One kind of plan item."""

    name: str
    label: str
    letter: str  # shown beside the colour, so meaning never rests on colour alone
    rpe: int | None  # the effort (CR-10) the planner plans it at
    is_run: bool = False
    is_hard: bool = False  # a long run, a quality run or a race (R-48H, R-HARD-EASY)
    hr_band: tuple[float, float] | None = None  # fractions of max HR (%HRmax)

    @property
    def logged_as(self) -> str | None:
        """The kind of session it is logged as (`leg`, `run`, `cross`), or None for what is
        not logged as a session (mobility is ticked, rest is nothing)."""
        if self.is_run:
            return "run"
        return {"leg_day": "leg", "cross_training": "cross"}.get(self.name)


KINDS: dict[str, PlanKind] = {
    k.name: k
    for k in (
        PlanKind("leg_day", "Leg day", "L", 8),
        PlanKind("recovery_run", "Recovery run", "r", 3, is_run=True, hr_band=(0.60, 0.70)),
        PlanKind("easy_run", "Easy run", "E", 4, is_run=True, hr_band=(0.65, 0.75)),
        PlanKind("long_run", "Long run", "LR", 5, is_run=True, is_hard=True, hr_band=(0.65, 0.78)),
        PlanKind(
            "quality_run", "Quality run", "Q", 7, is_run=True, is_hard=True, hr_band=(0.80, 0.90)
        ),
        PlanKind("race", "Race", "RC", 9, is_run=True, is_hard=True),  # paced by effort
        PlanKind("cross_training", "Cross-training", "X", 3),
        PlanKind("mobility", "Mobility", "M", 1),
        PlanKind("rest", "Rest", "-", None),
    )
}

RUN_PLAN_KINDS = tuple(k.name for k in KINDS.values() if k.is_run)
HARD_RUN_KINDS = tuple(k.name for k in KINDS.values() if k.is_hard)
KIND_LABELS = {k.name: k.label for k in KINDS.values()}
KIND_LETTERS = {k.name: k.letter for k in KINDS.values()}
PLANNED_RPE = {k.name: k.rpe for k in KINDS.values() if k.rpe is not None}

# What a run logged with `--kind` counts as in the plan, and back.
RUN_KIND_TO_PLAN = {
    "recovery": "recovery_run",
    "easy": "easy_run",
    "long": "long_run",
    "tempo": "quality_run",
    "intervals": "quality_run",
    "race": "race",
}
HARD_LOGGED_RUN_KINDS = tuple(k for k, plan in RUN_KIND_TO_PLAN.items() if plan in HARD_RUN_KINDS)
_PLAN_TO_RUN_KIND = {
    "recovery_run": "recovery",
    "easy_run": "easy",
    "long_run": "long",
    "race": "race",
}


def run_kind_for(plan_kind: str, workout_type: str | None = None) -> str:
    """The kind a planned run is logged as: a workout of intervals, cruise intervals or hills
    counts as intervals, any other workout as a tempo run."""
    if plan_kind == "quality_run":
        return "intervals" if workout_type in ("intervals", "cruise", "hills") else "tempo"
    return _PLAN_TO_RUN_KIND.get(plan_kind, "easy")

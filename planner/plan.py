"""The shape of a plan: items on days, each with the reasons it is there."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from legrun.planner.models import AnySession, CrossTraining, LegDay, Run

RUN_PLAN_KINDS = ("recovery_run", "easy_run", "long_run", "quality_run")
STATUSES = ("planned", "done", "skipped")

# What a run logged with `--kind` counts as in the plan.
_RUN_KIND_TO_PLAN = {
    "recovery": "recovery_run",
    "easy": "easy_run",
    "long": "long_run",
    "tempo": "quality_run",
    "intervals": "quality_run",
}

KIND_LABELS = {
    "leg_day": "Leg day",
    "recovery_run": "Recovery run",
    "easy_run": "Easy run",
    "long_run": "Long run",
    "quality_run": "Quality run",
    "cross_training": "Cross-training",
    "mobility": "Mobility",
    "rest": "Rest",
}
# One letter per kind, so that meaning never rests on colour alone.
KIND_LETTERS = {
    "leg_day": "L",
    "recovery_run": "r",
    "easy_run": "E",
    "long_run": "LR",
    "quality_run": "Q",
    "cross_training": "X",
    "mobility": "M",
    "rest": "-",
}


@dataclass(frozen=True)
class Why:
    """One reason for an item or a warning: the rule id and plain words."""

    rule: str
    text: str


@dataclass(frozen=True)
class PlanItem:
    """One session of the week: planned by the planner, done (logged) or skipped."""

    date: date
    kind: str
    status: str = "planned"
    minutes: int | None = None
    km: float | None = None
    rpe: int | None = None
    hr_low: int | None = None
    hr_high: int | None = None
    activity: str | None = None
    why: tuple[Why, ...] = ()
    id: int | None = None  # the logged session's id when done
    session: AnySession | None = field(default=None, compare=False, repr=False)
    pinned: bool = False  # placed or changed by the user

    @property
    def is_run(self) -> bool:
        return self.kind in RUN_PLAN_KINDS

    @property
    def load(self) -> int:
        if self.minutes is None:
            return 0
        return (self.rpe if self.rpe is not None else 5) * self.minutes

    @property
    def key(self) -> str:
        """A stable name within its day, used for checklist ticks and the user's pins."""
        return f"s{self.id}" if self.id is not None else self.kind

    @property
    def label(self) -> str:
        if self.kind == "cross_training" and self.activity:
            return f"Cross: {self.activity}"
        return KIND_LABELS[self.kind]


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    when: str  # before | during | after
    text: str
    done: bool = False


@dataclass(frozen=True)
class DayPlan:
    date: date
    sessions: tuple[PlanItem, ...]
    checklist: tuple[ChecklistItem, ...] = ()

    @property
    def is_rest(self) -> bool:
        return all(s.kind in ("rest", "mobility") or s.status == "skipped" for s in self.sessions)


@dataclass(frozen=True)
class Totals:
    run_km: float  # planned and done runs together (skipped ones left out)
    run_minutes: int
    load: int
    run_km_done: float
    run_minutes_done: int
    load_done: int


@dataclass(frozen=True)
class TrainingState:
    """Where the runner stands on the week's first day (information, not a rule)."""

    fitness: float
    fatigue: float
    form: float
    acute_chronic_ratio: float | None
    recovery: dict[str, int]  # muscle group -> percent recovered, today


@dataclass(frozen=True)
class WeekPlan:
    week_start: date
    max_hr: int
    days: tuple[DayPlan, ...]
    totals: Totals
    warnings: tuple[Why, ...]
    state: TrainingState
    units: str = "km"  # how the runner reads distances (the plan itself is in km)

    def day(self, when: date) -> DayPlan | None:
        for day in self.days:
            if day.date == when:
                return day
        return None


def plan_kind_of(session: AnySession) -> str:
    """The plan kind a logged session counts as."""
    if isinstance(session, LegDay):
        return "leg_day"
    if isinstance(session, Run):
        return _RUN_KIND_TO_PLAN[session.kind]
    return "cross_training"


def item_from_session(session: AnySession, why: tuple[Why, ...] = ()) -> PlanItem:
    """A logged session as a done plan item."""
    return PlanItem(
        date=session.date,
        kind=plan_kind_of(session),
        status="done",
        minutes=session.minutes,
        km=session.km if isinstance(session, Run) else None,
        rpe=session.rpe,
        activity=session.activity if isinstance(session, CrossTraining) else None,
        why=why,
        id=session.id,
        session=session,
    )

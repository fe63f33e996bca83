"""The shape of a plan: items on days, each with the reasons it is there."""

from __future__ import annotations

from datetime import date

from msgspec import Struct

from legrun.planner.fields import compared_without
from legrun.planner.kinds import (
    KIND_LABELS,
    KIND_LETTERS,
    KINDS,
    RUN_KIND_TO_PLAN,
    RUN_PLAN_KINDS,
)
from legrun.planner.models import DEFAULT_RPE, AnySession, CrossTraining, LegDay, Run

__all__ = [
    "KIND_LABELS",
    "KIND_LETTERS",
    "RUN_PLAN_KINDS",
    "ChecklistItem",
    "DayPlan",
    "PlanItem",
    "Totals",
    "TrainingState",
    "Volume",
    "WeekPlan",
    "Why",
    "Workout",
    "item_from_session",
    "plan_kind_of",
]

STATUSES = ("planned", "done", "skipped")


class Why(Struct, frozen=True):
    """One reason for an item or a warning: the rule id and plain words."""

    rule: str  # a RuleId (a str), e.g. "R-48H"
    text: str


class Workout(Struct, frozen=True):
    """The structure of a quality run, strides in an easy run, or a race."""

    type: str  # strides | tempo | cruise | intervals | hills | race
    warmup_minutes: int
    main: str  # the main set in words, e.g. "3 x 8 min at threshold, 2 min jog"
    cooldown_minutes: int
    pace_s_per_km: tuple[int, int] | None = None  # the main set's pace range, when known


# An item is what the plan says (its id names the logged session); the session record it
# carries for the screens does not make two items different.
@compared_without("session")
class PlanItem(Struct, frozen=True):
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
    session: AnySession | None = None  # the logged session; not compared (see above the class)
    pinned: bool = False  # placed or changed by the user
    workout: Workout | None = None

    @property
    def is_run(self) -> bool:
        return KINDS[self.kind].is_run

    @property
    def is_hard(self) -> bool:
        return KINDS[self.kind].is_hard

    @property
    def load(self) -> int:
        if self.minutes is None:
            return 0
        return (self.rpe if self.rpe is not None else DEFAULT_RPE) * self.minutes

    @property
    def key(self) -> str:
        """A stable name within its day, used for checklist ticks and the user's pins."""
        return f"s{self.id}" if self.id is not None else self.kind

    @property
    def label(self) -> str:
        if self.kind == "cross_training" and self.activity:
            return f"Cross: {self.activity}"
        return KIND_LABELS[self.kind]


class ChecklistItem(Struct, frozen=True):
    id: str
    when: str  # before | during | after
    text: str
    done: bool = False


class DayPlan(Struct, frozen=True):
    date: date
    sessions: tuple[PlanItem, ...]
    checklist: tuple[ChecklistItem, ...] = ()

    @property
    def is_rest(self) -> bool:
        return all(s.kind in ("rest", "mobility") or s.status == "skipped" for s in self.sessions)


class Totals(Struct, frozen=True):
    run_km: float  # planned and done runs together (skipped ones left out)
    run_minutes: int
    load: int
    run_km_done: float
    run_minutes_done: int
    load_done: int


class TrainingState(Struct, frozen=True):
    """Where the runner stands on the week's first day (information, not a rule)."""

    fitness: float
    fatigue: float
    form: float
    acute_chronic_ratio: float | None
    recovery: dict[str, int]  # muscle group -> percent recovered, today


class Volume(Struct, frozen=True):
    """How much running the week holds, and what that rests on (all in km)."""

    target_km: float  # the profile's weekly target (from minutes when set in minutes)
    baseline_km: float | None  # mean done km of the last 4 completed weeks; None before 4 exist
    cap_km: float  # what this week may hold (R-SPIKE, R-EASY-WEEK, a new start or a return)
    planned_km: float  # what the plan holds: done and planned runs together


class WeekPlan(Struct, frozen=True):
    week_start: date
    max_hr: int
    days: tuple[DayPlan, ...]
    totals: Totals
    warnings: tuple[Why, ...]
    state: TrainingState
    units: str = "km"  # how the runner reads distances (the plan itself is in km)
    # start | return | build | maintain (no goal); base | build | peak | taper | race | recovery
    phase: str = "build"
    easier_week: bool = False
    volume: Volume | None = None
    suggestions: tuple[Why, ...] = ()  # changes the user could make (R-SPLIT); never applied

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
        return RUN_KIND_TO_PLAN[session.kind]
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

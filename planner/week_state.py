"""The state of a week while it is being planned: its seven days, the leg days around them,
the check-ins that apply, and the warnings and suggestions gathered on the way."""

from __future__ import annotations

from datetime import date, timedelta

from msgspec import Struct, field

from legrun.planner.models import MUSCLES, WEEKDAYS, CheckIn
from legrun.planner.plan import PlanItem

SORE_REST = 7  # R-SORENESS: 7-10 rest and mobility
SORE_CROSS = 4  # 4-6 cross-training or a shortened recovery run
SORE_MUSCLE_NO_RUN = 6  # R-READINESS: calves or hamstrings at 6 or more: no run that day
LOW_READINESS = 2  # sleep or energy (1-5) at 2 or less


def week_start_for(day: date, week_start: int) -> date:
    """The first day (Monday, or Sunday when `week_start` is 6) of the week containing `day`."""
    if week_start == 6:
        return day - timedelta(days=(day.weekday() + 1) % 7)
    return day - timedelta(days=day.weekday())


def day_name(day: date) -> str:
    return WEEKDAYS[day.weekday()].capitalize()


def plural(n: int, word: str, words: str | None = None) -> str:
    """`1 run`, `2 runs`."""
    return f"{n} {word if n == 1 else words or word + 's'}"


class LegDayInfo(Struct):
    date: date
    heaviness: str
    rpe: int | None
    planned: bool
    recurring: bool = False  # from the profile's rule (not logged, not pinned)


class DayState(Struct):
    date: date
    plannable: bool  # the planner may still put things on it (not past, nothing logged)
    items: list[PlanItem] = field(default_factory=list)
    blocked: set[str] = field(default_factory=set)  # kinds the user removed from this day
    leg: LegDayInfo | None = None
    checkin: CheckIn | None = None
    checkin_carried: bool = False  # yesterday's check-in, standing until a new one
    reserved_rest: bool = False
    unavailable: bool = False  # the profile says: no training this day

    @property
    def runs(self) -> list[PlanItem]:
        return [i for i in self.items if i.is_run and i.status != "skipped"]

    @property
    def has_training(self) -> bool:
        return (
            any(i.kind not in ("rest", "mobility") and i.status != "skipped" for i in self.items)
            or self.leg is not None
        )

    @property
    def has_hard_run(self) -> bool:
        return any(i.is_hard for i in self.runs)

    @property
    def soreness(self) -> int:
        return self.checkin.overall if self.checkin is not None else 0

    def sore_muscles(self, at_least: int) -> list[tuple[str, int]]:
        """The muscle groups at `at_least` or more this morning, worst first."""
        if self.checkin is None:
            return []
        found = [
            (m, v) for m in MUSCLES if (v := getattr(self.checkin, m)) is not None and v >= at_least
        ]
        return sorted(found, key=lambda mv: -mv[1])

    @property
    def run_sparing_muscles(self) -> list[tuple[str, int]]:
        """Calves or hamstrings sore enough that running would load them (R-READINESS)."""
        return [
            (m, v)
            for m, v in self.sore_muscles(SORE_MUSCLE_NO_RUN)
            if m in ("calves", "hamstrings")
        ]

    @property
    def low_readiness(self) -> str | None:
        """Sleep or energy at 2 or less, quoted: `sleep 2/5`."""
        c = self.checkin
        if c is None:
            return None
        parts = []
        if c.sleep is not None and c.sleep <= LOW_READINESS:
            parts.append(f"sleep {c.sleep}/5")
        if c.energy is not None and c.energy <= LOW_READINESS:
            parts.append(f"energy {c.energy}/5")
        return " and ".join(parts) or None

    def when(self) -> str:
        """How the check-in on this day is referred to: `this morning` or `yesterday`."""
        if self.checkin is None or not self.checkin_carried:
            return "this morning"
        return f"on {day_name(self.checkin.date)}"

    def soreness_words(self) -> str:
        """`soreness 7/10 (quads 7/10)`: the figure and the muscles behind it."""
        level = self.soreness
        muscles = self.sore_muscles(max(SORE_CROSS, level))
        named = ", ".join(f"{m} {v}/10" for m, v in muscles)
        return f"soreness {level}/10" + (f" ({named})" if named else "")


def readiness_signature(checkin: CheckIn | None) -> tuple[int, bool, bool]:
    """What of a check-in can change a plan: the soreness band, sore calves or hamstrings, low
    sleep or energy. Two check-ins with the same signature plan the same day."""
    if checkin is None:
        return (0, False, False)
    level = checkin.overall
    band = 2 if level >= SORE_REST else 1 if level >= SORE_CROSS else 0
    legs = any(
        (v := getattr(checkin, m)) is not None and v >= SORE_MUSCLE_NO_RUN
        for m in ("calves", "hamstrings")
    )
    low = any(v is not None and v <= LOW_READINESS for v in (checkin.sleep, checkin.energy))
    return (band, legs, low)

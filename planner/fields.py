"""What a number a user gives may be: one table of bounds for the records, the command line and
the forms, so that each range is written once.

A `Bound` names the field as the user sees it ("max HR", "quads soreness"), its ends and
whether they are included; whether it is a whole number follows from its ends (`10, 100` is a
whole number, `0.0, 400.0` any number). `check` refuses a value that is outside it, `parse`
reads text as the command line and the forms take it; both raise `ValidationError` with words
that say what is allowed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from operator import attrgetter
from types import MappingProxyType
from typing import Any, Generic, TypeVar

from msgspec import Struct

N = TypeVar("N", int, float)


class ValidationError(ValueError):
    """A value a user gave is out of range or malformed; the message says what is allowed.

    Defined here, with the bounds, and used as `legrun.planner.models.ValidationError`."""


R = TypeVar("R", bound=type[Struct])


def compared_without(*left_out: str) -> Callable[[R], R]:
    """A record's equality and hash on its fields but `left_out` (a stored row's id, say):
    msgspec compares every field, so such a record is decorated with this."""

    def decorate(record: R) -> R:
        values = attrgetter(*[n for n in record.__struct_fields__ if n not in left_out])

        def __eq__(self: Struct, other: object) -> bool:
            if type(other) is not type(self):
                return NotImplemented
            return bool(values(self) == values(other))

        def __hash__(self: Struct) -> int:
            return hash(values(self))

        record.__eq__ = __eq__  # type: ignore[assignment,method-assign]
        record.__hash__ = __hash__  # type: ignore[assignment,method-assign]
        return record

    return decorate


def number_text(value: object) -> str:
    """A number as the user wrote it: `5`, `7.5`, `400`; a float that `:g` would round
    (400.0001) keeps its digits, so that an error never shows an allowed value."""
    if isinstance(value, float):
        short = f"{value:g}"
        return short if value != value or float(short) == value else repr(value)
    return str(value)


class Bound(Struct, Generic[N], frozen=True):
    """The range of one numeric field: `low` to `high`, either end possibly excluded."""

    name: str  # as the user reads it in a message: "age", "max HR", "calves soreness"
    low: N
    high: N
    low_exclusive: bool = False  # km: more than 0
    high_exclusive: bool = False  # km: less than 400
    unit: str = ""  # said after the upper end: "at most 1000 kg"

    def __post_init__(self) -> None:
        if type(self.low) is not type(self.high) or type(self.low) not in (int, float):
            raise TypeError(f"{self.name}: both ends must be ints or both floats")

    @property
    def whole(self) -> bool:
        """A whole number (ends given as ints), else any number (ends given as floats)."""
        return type(self.low) is int

    @property
    def allowed(self) -> str:
        """What is allowed, in words: `from 10 to 100`, `more than 0 and at most 400`."""
        low, high = number_text(self.low), number_text(self.high)
        unit = f" {self.unit}" if self.unit else ""
        if not (self.low_exclusive or self.high_exclusive):
            return f"from {low} to {high}{unit}"
        above = "more than" if self.low_exclusive else "at least"
        below = "less than" if self.high_exclusive else "at most"
        return f"{above} {low} and {below} {high}{unit}"

    @property
    def span(self) -> str:
        """The range for a label or a placeholder: `1-10`, `0-10`."""
        return f"{number_text(self.low)}-{number_text(self.high)}"

    def contains(self, value: float) -> bool:
        above = self.low < value if self.low_exclusive else self.low <= value
        below = value < self.high if self.high_exclusive else value <= self.high
        return above and below  # False for NaN: it compares as neither

    def check(self, value: object) -> None:
        """Refuse a value of the wrong type (a bool is not a number) or out of range."""
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or (self.whole and not isinstance(value, int))
        ):
            raise ValidationError(self._not_a_number(repr(value)))
        if not self.contains(value):
            raise ValidationError(f"{self.name} must be {self.allowed}, not {number_text(value)}")

    def check_optional(self, value: object) -> None:
        """The same, where None (not given) is allowed."""
        if value is not None:
            self.check(value)

    def parse(self, text: str, *, alternative: str = "") -> N:
        """Read text (`" 42 "`, `7.5`) and check it. `alternative` names another word the
        caller takes (`none`), for the message."""
        cleaned = text.strip()
        try:
            value: Any = int(cleaned) if self.whole else float(cleaned)
        except ValueError:
            raise ValidationError(self._not_a_number(repr(text), alternative)) from None
        self.check(value)
        return value  # type: ignore[no-any-return]

    def parse_optional(self, text: str) -> N | None:
        """Empty text is None (not given); anything else as `parse`."""
        return self.parse(text) if text.strip() else None

    def _not_a_number(self, shown: str, alternative: str = "") -> str:
        other = f" (or {alternative})" if alternative else ""
        if self.whole:
            return f"{self.name} must be a whole number {self.allowed}{other}, not {shown}"
        return f"{self.name} must be a number{other}, not {shown}"


MUSCLES = ("quads", "hamstrings", "glutes", "calves")

_BOUNDS: dict[str, Bound[Any]] = {
    # the profile
    "age": Bound("age", 10, 100),
    "max_hr": Bound("max HR", 100, 250),
    "resting_hr": Bound("resting HR", 30, 120),
    "runs_per_week": Bound("runs per week", 2, 6),
    "weekly_km": Bound("weekly km", 0.0, 400.0, low_exclusive=True),
    "weekly_minutes": Bound("weekly minutes", 30, 2400),
    "export_weeks": Bound("weeks", 1, 104),
    "race_km": Bound("a race distance", 0.0, 400.0, low_exclusive=True, unit="km"),
    "long_run_day": Bound("long-run day", 0, 6),  # 0 = Monday .. 6 = Sunday
    # every session
    "minutes": Bound("minutes", 1, 1440),
    "rpe": Bound("RPE", 1, 10),
    # runs
    "km": Bound("km", 0.0, 400.0, low_exclusive=True, high_exclusive=True),
    "avg_hr": Bound("average HR", 30, 250),
    # a leg day's exercises
    "sets": Bound("sets", 1, 50),
    "reps": Bound("reps", 1, 500),
    "load_kg": Bound("load", 0.0, 1000.0, low_exclusive=True, unit="kg"),
    # the morning check-in
    "soreness": Bound("soreness", 0, 10),
    **{muscle: Bound(f"{muscle} soreness", 0, 10) for muscle in MUSCLES},
    "sleep": Bound("sleep", 1, 5),
    "energy": Bound("energy", 1, 5),
    # what the command line asks for besides the records
    "stats_weeks": Bound("weeks", 1, 1040),
    "season_weeks": Bound("weeks", 1, 52),
    "session_id": Bound("session id", 1, 2**62),
}

# Every bound by the field it limits (the record's attribute name where there is one).
BOUNDS: Mapping[str, Bound[Any]] = MappingProxyType(_BOUNDS)

"""The domain's records: the profile, logged sessions and morning check-ins.

Every record validates itself on construction, so nothing invalid can reach storage or the
planner. Error messages say what was wrong and what is allowed; the command line and the forms
show them to the user as they are.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from msgspec import Struct
from msgspec.structs import replace

# The ranges of every number a record holds, and the error they raise, live in fields;
# MUSCLES and ValidationError are known by their names here as well.
from legrun.planner.fields import BOUNDS, compared_without
from legrun.planner.fields import MUSCLES as MUSCLES
from legrun.planner.fields import ValidationError as ValidationError

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
RUN_KINDS = ("recovery", "easy", "long", "tempo", "intervals", "race")
QUALITY_RUN_KINDS = ("tempo", "intervals")
# What can be logged as cross-training; the planner itself plans the PREFERRED ones.
CROSS_ACTIVITIES = ("bike", "swim", "yoga", "walk", "row", "elliptical", "other")
PREFERRED_CROSS = ("bike", "swim", "yoga", "walk")
UNITS = ("km", "mi")
MIN_AVAILABLE_DAYS = 2  # days a week that must stay open for training
# A session logged without an RPE counts as moderate in its load (Foster's CR-10 scale).
DEFAULT_RPE = 5

LB_TO_KG = 0.45359237

_Date = date  # for annotations in classes that have a field named `date`


def _check_date(name: str, value: object) -> None:
    if not isinstance(value, date):
        raise ValidationError(f"{name} must be a date, not {value!r}")


# ---------------------------------------------------------------------------------------------
# Dates as the command line and forms accept them


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1}


def parse_date(text: str, today: date) -> date:
    """Read a date strictly: ISO `YYYY-MM-DD`, or `today`, `yesterday`, `tomorrow`.

    Anything ambiguous such as `01/02/2026` is refused rather than guessed.
    """
    cleaned = text.strip().lower()
    if cleaned in _RELATIVE_DAYS:
        return today + timedelta(days=_RELATIVE_DAYS[cleaned])
    if not _ISO_DATE.fullmatch(cleaned):
        raise ValidationError(
            f"invalid date {text!r}: use YYYY-MM-DD (e.g. 2026-11-23), today, yesterday or tomorrow"
        )
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        raise ValidationError(
            f"invalid date {text!r}: there is no such day in the calendar; "
            "give a real date as YYYY-MM-DD"
        ) from None


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def parse_weekday(text: str) -> int:
    """`mon`..`sun` (or the full name) to 0..6. Anything else (`monkey`, `m`) is refused."""
    cleaned = text.strip().lower()
    for number, (short, full) in enumerate(zip(WEEKDAYS, _WEEKDAY_NAMES, strict=True)):
        if cleaned in (short, full):
            return number
    raise ValidationError(f"invalid day {text!r}: use one of {', '.join(WEEKDAYS)}")


def parse_weekdays(text: str) -> tuple[int, ...]:
    """A comma-separated list of days (`mon,thu`; `none` or nothing for no day) to sorted,
    unique weekday numbers. Any unknown day is refused."""
    cleaned = text.strip().lower()
    if cleaned in ("", "none"):
        return ()
    return tuple(sorted({parse_weekday(part) for part in cleaned.split(",") if part.strip()}))


_SWITCH = {"on": True, "off": False}


def parse_switch(text: str, what: str) -> bool:
    """`on` or `off` (the way the command line and the profile take a yes/no setting)."""
    cleaned = text.strip().lower()
    if cleaned not in _SWITCH:
        raise ValidationError(f"{what} must be on or off, not {text!r}")
    return _SWITCH[cleaned]


def switch_text(value: bool) -> str:
    return "on" if value else "off"


def parse_weekly_minutes(text: str) -> int | None:
    """A weekly target in minutes (within `BOUNDS["weekly_minutes"]`), or `none` / nothing for a
    target in km."""
    if text.strip().lower() in ("", "none"):
        return None
    minutes: int = BOUNDS["weekly_minutes"].parse(text, alternative="none")
    return minutes


def check_unavailable(days: object) -> tuple[int, ...]:
    """Days with no training at all as sorted, unique weekday numbers (0 = Monday .. 6 =
    Sunday); refuses leaving fewer than MIN_AVAILABLE_DAYS days a week to train on."""
    if isinstance(days, (str, bytes)) or not isinstance(days, (tuple, list, set, frozenset)):
        raise ValidationError(f"unavailable days must be a list of weekdays, not {days!r}")
    for day in days:
        if isinstance(day, bool) or not isinstance(day, int) or not 0 <= day <= 6:
            raise ValidationError(
                f"unavailable days must be weekdays 0 (mon) to 6 (sun), not {day!r}"
            )
    unique = tuple(sorted(set(days)))
    most = len(WEEKDAYS) - MIN_AVAILABLE_DAYS
    if len(unique) == len(WEEKDAYS):
        raise ValidationError(
            f"not every day can be unavailable: keep at least {MIN_AVAILABLE_DAYS} days a week "
            f"free to train on, so at most {most} can be unavailable"
        )
    if len(unique) > most:
        left = len(WEEKDAYS) - len(unique)
        named = ", ".join(WEEKDAYS[d] for d in unique)
        raise ValidationError(
            f"unavailable days ({named}) leave {left} day{'s' if left != 1 else ''} a week to "
            f"train on: keep at least {MIN_AVAILABLE_DAYS} days free, so at most {most} "
            "can be unavailable"
        )
    return unique


# ---------------------------------------------------------------------------------------------
# Profile


# Whether a profile was ever saved is where it came from, not what it says: two profiles
# with the same settings are equal.
@compared_without("is_default")
class Profile(Struct, frozen=True):
    """Who is training and what they aim for. Defaults are used until the user sets their own."""

    age: int = 35
    max_hr: int | None = None
    resting_hr: int | None = None
    runs_per_week: int = 3
    weekly_km: float = 20.0
    long_run_day: int = 6  # 0 = Monday .. 6 = Sunday
    week_start: int = 0  # 0 = Monday or 6 = Sunday
    units: str = "km"
    cross: tuple[str, ...] = ("bike", "swim", "yoga")
    leg_days_rule: str | None = None  # an RFC 5545 RRULE, e.g. "FREQ=WEEKLY;BYDAY=MO,TH"
    # Opt-in: a quality run may go on the morning of a leg day, with the legs >= 6 h later.
    same_day_hard: bool = False
    # Weekdays (0 = Monday .. 6 = Sunday) with no training at all; kept sorted and unique.
    unavailable: tuple[int, ...] = ()
    # A weekly running target in minutes; when set, the planner uses it instead of weekly_km.
    weekly_minutes: int | None = None
    is_default: bool = False  # not compared (see above the class)

    def __post_init__(self) -> None:
        BOUNDS["age"].check(self.age)
        BOUNDS["max_hr"].check_optional(self.max_hr)
        BOUNDS["resting_hr"].check_optional(self.resting_hr)
        BOUNDS["runs_per_week"].check(self.runs_per_week)
        BOUNDS["weekly_km"].check(self.weekly_km)
        BOUNDS["long_run_day"].check(self.long_run_day)
        if self.week_start not in (0, 6):
            raise ValidationError("week start must be mon or sun")
        if self.units not in UNITS:
            raise ValidationError(f"units must be km or mi, not {self.units!r}")
        if not self.cross:
            raise ValidationError(
                f"name at least one cross-training activity: {', '.join(PREFERRED_CROSS)}"
            )
        for activity in self.cross:
            if activity not in PREFERRED_CROSS:
                raise ValidationError(
                    f"unknown cross-training {activity!r}: use {', '.join(PREFERRED_CROSS)}"
                )
        if (
            self.max_hr is not None
            and self.resting_hr is not None
            and self.resting_hr >= self.max_hr
        ):
            raise ValidationError("resting HR must be below max HR")
        if not isinstance(self.same_day_hard, bool):
            raise ValidationError(
                f"same-day hard days must be on or off, not {self.same_day_hard!r}"
            )
        # Kept sorted and unique: a frozen record's field is written once, here, through
        # its slot (the record refuses every later write).
        Profile.__dict__["unavailable"].__set__(self, check_unavailable(self.unavailable))
        BOUNDS["weekly_minutes"].check_optional(self.weekly_minutes)

    @property
    def max_hr_source(self) -> str:
        return "measured" if self.max_hr is not None else "estimated"

    @property
    def effective_max_hr(self) -> int:
        """Measured max HR if given, else Tanaka's estimate (208 - 0.7 x age)."""
        if self.max_hr is not None:
            return self.max_hr
        return tanaka_max_hr(self.age)

    def with_changes(self, **changes: object) -> Profile:
        return replace(self, is_default=False, **changes)


def tanaka_max_hr(age: int) -> int:
    """Tanaka 2001: 208 - 0.7 x age, rounded to the nearest beat."""
    return int(208 - 0.7 * age + 0.5)


# ---------------------------------------------------------------------------------------------
# Exercises


# Which muscle groups an exercise loads, by a word in its name (checked in this order).
_MUSCLE_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("calf", ("calves",)),
    ("calves", ("calves",)),
    ("rdl", ("hamstrings", "glutes")),
    ("romanian", ("hamstrings", "glutes")),
    ("deadlift", ("hamstrings", "glutes")),
    ("good morning", ("hamstrings", "glutes")),
    ("curl", ("hamstrings",)),
    ("nordic", ("hamstrings",)),
    ("hip thrust", ("glutes",)),
    ("glute", ("glutes",)),
    ("bridge", ("glutes",)),
    ("squat", ("quads", "glutes")),
    ("lunge", ("quads", "glutes")),
    ("split", ("quads", "glutes")),
    ("step", ("quads", "glutes")),
    ("leg press", ("quads", "glutes")),
    ("extension", ("quads",)),
    ("sled", ("quads", "glutes", "calves")),
    ("jump", ("quads", "calves")),
)


def muscles_for(name: str) -> tuple[str, ...]:
    """The muscle groups an exercise loads, judged from its name."""
    lowered = name.lower()
    for word, muscles in _MUSCLE_KEYWORDS:
        if word in lowered:
            return muscles
    return ()


class Exercise(Struct, frozen=True):
    """One exercise of a leg day. `load_kg` is None for bodyweight.

    Sets may differ (`back squat 5@100, 5@105, 3@110kg`): `per_set` then holds each set's
    (reps, load_kg), and `sets`, `reps` and `load_kg` are those of the whole and its heaviest
    set. `unit` is the unit the load was typed in: loads are kept in kg and shown in it."""

    name: str
    sets: int
    reps: int
    load_kg: float | None = None
    muscles: tuple[str, ...] = ()
    per_set: tuple[tuple[int, float | None], ...] = ()
    unit: str = "kg"

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValidationError("an exercise needs a name")
        BOUNDS["sets"].check(self.sets)
        BOUNDS["reps"].check(self.reps)
        BOUNDS["load_kg"].check_optional(self.load_kg)
        for muscle in self.muscles:
            if muscle not in MUSCLES:
                raise ValidationError(f"unknown muscle group {muscle!r}: use {', '.join(MUSCLES)}")
        if self.unit not in LOAD_UNITS:
            raise ValidationError(f"a load is in kg or lb, not {self.unit!r}")
        if self.per_set:
            for reps, load in self.per_set:
                BOUNDS["reps"].check(reps)
                BOUNDS["load_kg"].check_optional(load)
            if self.sets != len(self.per_set):
                raise ValidationError("an exercise's sets must be as many as its sets listed")

    @property
    def tonnage_kg(self) -> float:
        if self.per_set:
            return sum(reps * (load or 0.0) for reps, load in self.per_set)
        return self.sets * self.reps * (self.load_kg or 0.0)

    def load_text(self, load_kg: float | None) -> str:
        """`100` (kg) or `225` (lb, to the half pound): a load in the unit it was typed in."""
        if load_kg is None:
            return ""
        if self.unit == "lb":
            return f"{round(load_kg / LB_TO_KG, 1):g}"
        return f"{round(load_kg, 3):g}"

    def describe(self) -> str:
        """`back squat 5x5@100kg`, `deadlift 3x5@225lb`, `back squat 5@100, 5@105, 3@110kg`."""
        if self.per_set:
            loads = [load for _, load in self.per_set]
            sets = ", ".join(  # a bodyweight set among loaded ones reads `5@0`
                f"{reps}@{self.load_text(load) if load is not None else 0}"
                for reps, load in self.per_set
            )
            return f"{self.name} {sets}{self.unit if any(loads) else ''}"
        load = f"@{self.load_text(self.load_kg)}{self.unit}" if self.load_kg is not None else ""
        return f"{self.name} {self.sets}x{self.reps}{load}"


LOAD_UNITS = ("kg", "lb")

_EXERCISE = re.compile(
    r"""^\s*(?P<name>.*?[^\s\d].*?)\s+
        (?P<sets>\d+)\s*[x×*]\s*(?P<reps>\d+)
        (?:\s*@\s*(?P<load>\d+(?:\.\d+)?)\s*(?P<unit>kg|kgs|lb|lbs)?)?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# `back squat 5@100, 5@105, 3@110kg`: each set's reps and load, the unit once at the end.
# Read a comma-separated piece at a time (a single pattern over the whole line backtracks
# cubically on a long line that is not quite a list of sets).
_FIRST_SET = re.compile(
    r"^\s*(?P<name>.*?[^\s\d,])\s+(?P<set>\d+\s*@\s*\d+(?:\.\d+)?\s*(?:kg|kgs|lb|lbs)?)\s*$",
    re.IGNORECASE,
)
_ONE_SET = re.compile(
    r"^\s*(?P<reps>\d+)\s*@\s*(?P<load>\d+(?:\.\d+)?)\s*(?P<unit>kg|kgs|lb|lbs)?\s*$", re.I
)


def _kg(load: float, unit: str) -> float | None:
    """A typed load in kg, to the precision it is shown in (the gram, or 0.1 lb converted
    exactly, so that a load in pounds is shown in pounds again as typed, and what is shown
    reads back as the same load); 0 is bodyweight (None)."""
    kg = round(load, 1) * LB_TO_KG if unit == "lb" else round(load, 3)
    return kg or None


MAX_EXERCISE = 1000
"""The longest exercise line read (50 sets of their own fit in a third of it): a longer one
is refused before any pattern looks at it, since a line that is not quite an exercise costs
the patterns time in proportion to its length squared."""


def parse_exercise(text: str) -> Exercise:
    """Read `back squat 5x5@100kg`, `rdl 3x8@60` (kg), `walking lunge 3x12` (bodyweight),
    `deadlift 3x5@225lb` (kept in kg, shown in lb) or sets of their own,
    `back squat 5@100, 5@105, 3@110kg`."""
    if len(text) > MAX_EXERCISE:
        raise ValidationError(
            f"cannot read exercise {text[:40]!r}...: it is {len(text):,} characters long, "
            f"and an exercise is at most {MAX_EXERCISE:,}"
        )
    if ";" in text:
        raise ValidationError(
            f"cannot read exercise {text!r}: ';' separates exercises, so give one at a time"
        )
    if "," in text and "@" in text:
        found = _parse_per_set(text)
        if found is not None:
            return found
    match = _EXERCISE.match(text)
    if match is None:
        raise ValidationError(
            f"cannot read exercise {text!r}: write it as NAME SETSxREPS[@LOAD[kg|lb]], "
            "e.g. 'back squat 5x5@100kg' or 'walking lunge 3x12', or set by set: "
            "'back squat 5@100, 5@105, 3@110kg'"
        )
    name = " ".join(match["name"].split()).lower()
    unit = "lb" if (match["unit"] or "kg").lower().startswith("lb") else "kg"
    load = _kg(float(match["load"]), unit) if match["load"] is not None else None
    if load is None:
        unit = "kg"  # bodyweight: no load to show in any unit
    return Exercise(
        name=name,
        sets=int(match["sets"]),
        reps=int(match["reps"]),
        load_kg=load,
        muscles=muscles_for(name),
        unit=unit,
    )


def _parse_per_set(text: str) -> Exercise | None:
    """`NAME R@L, R@L, ...[kg|lb]`, or None when the line is not of that shape."""
    first, *rest = text.split(",")
    head = _FIRST_SET.match(first)
    pieces = [_ONE_SET.match(piece) for piece in rest]
    if head is None or not rest or any(m is None for m in pieces):
        return None
    name = " ".join(head["name"].split()).lower()
    found = [_ONE_SET.match(head["set"]), *pieces]
    units = {m["unit"].lower().rstrip("s") for m in found if m is not None and m["unit"]}
    if len(units) > 1:
        raise ValidationError(f"{name}: give every set's load in one unit, kg or lb")
    unit = units.pop() if units else "kg"
    sets = tuple((int(m["reps"]), _kg(float(m["load"]), unit)) for m in found if m is not None)
    heaviest = max(range(len(sets)), key=lambda i: (sets[i][1] or 0.0, sets[i][0]))
    return Exercise(
        name=name,
        sets=len(sets),
        reps=sets[heaviest][0],
        load_kg=sets[heaviest][1],
        muscles=muscles_for(name),
        per_set=sets,
        unit=unit if any(load for _, load in sets) else "kg",
    )


# ---------------------------------------------------------------------------------------------
# Sessions


class Session(Struct, frozen=True):
    """What every logged session has: when, how long, how hard."""

    date: date
    minutes: int
    rpe: int | None = None
    notes: str = ""
    id: int | None = None

    def __post_init__(self) -> None:
        _check_date("date", self.date)
        BOUNDS["minutes"].check(self.minutes)
        BOUNDS["rpe"].check_optional(self.rpe)

    @property
    def load(self) -> int:
        """Session load (Foster 2001): RPE x minutes. An unknown RPE counts as moderate (5)."""
        return (self.rpe if self.rpe is not None else DEFAULT_RPE) * self.minutes


class LegDay(Session, frozen=True):
    exercises: tuple[Exercise, ...] = ()

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.rpe is None:
            raise ValidationError(f"a leg day needs its RPE ({BOUNDS['rpe'].span})")

    @property
    def heaviness(self) -> str:
        return heaviness(self.rpe)

    @property
    def muscles(self) -> tuple[str, ...]:
        found = [m for m in MUSCLES if any(m in e.muscles for e in self.exercises)]
        # A leg day with no recognised exercise still loads the legs.
        return tuple(found) if found else MUSCLES

    @property
    def tonnage_kg(self) -> float:
        return sum(e.tonnage_kg for e in self.exercises)


class Run(Session, frozen=True):
    km: float = 0.0
    avg_hr: int | None = None
    kind: str = "easy"

    def __post_init__(self) -> None:
        super().__post_init__()
        BOUNDS["km"].check(self.km)
        BOUNDS["avg_hr"].check_optional(self.avg_hr)
        if self.kind not in RUN_KINDS:
            raise ValidationError(f"unknown run kind {self.kind!r}: use {', '.join(RUN_KINDS)}")

    @property
    def pace_min_per_km(self) -> float:
        return self.minutes / self.km


class CrossTraining(Session, frozen=True):
    activity: str = "bike"

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.activity not in CROSS_ACTIVITIES:
            raise ValidationError(
                f"unknown activity {self.activity!r}: use {', '.join(CROSS_ACTIVITIES)}"
            )


AnySession = LegDay | Run | CrossTraining


def heaviness(rpe: int | None) -> str:
    """CR-10 session RPE: >= 8 heavy, 6-7 moderate, <= 5 light. Unknown counts as heavy."""
    if rpe is None or rpe >= 8:
        return "heavy"
    if rpe >= 6:
        return "moderate"
    return "light"


# ---------------------------------------------------------------------------------------------
# Morning check-in


# The same morning is the same check-in, whichever row number it was stored under.
@compared_without("id")
class CheckIn(Struct, frozen=True):
    """A morning soreness check-in: 0-10 overall and per muscle group, sleep and energy 1-5."""

    date: date
    soreness: int
    quads: int | None = None
    hamstrings: int | None = None
    glutes: int | None = None
    calves: int | None = None
    sleep: int | None = None
    energy: int | None = None
    # The stored row's number (a check-in is found by its date; this is for scripts).
    id: int | None = None  # not compared (see above the class)

    def __post_init__(self) -> None:
        _check_date("date", self.date)
        BOUNDS["soreness"].check(self.soreness)
        for name in (*MUSCLES, "sleep", "energy"):
            BOUNDS[name].check_optional(getattr(self, name))

    @property
    def overall(self) -> int:
        """The worst of the overall figure and every muscle group."""
        values: list[int] = [self.soreness]
        values += [v for m in MUSCLES if (v := getattr(self, m)) is not None]
        return max(values)

    def muscle_soreness(self, muscle: str) -> int:
        value = getattr(self, muscle)
        return self.soreness if value is None else value


# ---------------------------------------------------------------------------------------------
# Pins: what the user decided about the plan


PLAN_KINDS = (
    "leg_day",
    "recovery_run",
    "easy_run",
    "long_run",
    "quality_run",
    "cross_training",
    "mobility",
    "rest",
)
PIN_ACTIONS = ("add", "remove", "move", "skip")


class Pin(Struct, frozen=True):
    """A user's decision about a planned item, which the planner then plans around.

    - `add`: put an item of `kind` on `date` by hand (optionally with minutes and km);
    - `remove`: drop the planned item of `kind` on `date`;
    - `move`: move the planned item of `kind` on `date` to `to_date`;
    - `skip`: keep the planned item of `kind` on `date` but mark it skipped.
    """

    date: date
    kind: str
    action: str
    to_date: _Date | None = None  # `date` is the field above inside this class body
    minutes: int | None = None
    km: float | None = None
    id: int | None = None

    def __post_init__(self) -> None:
        _check_date("date", self.date)
        if self.kind not in PLAN_KINDS:
            raise ValidationError(f"unknown plan kind {self.kind!r}: use {', '.join(PLAN_KINDS)}")
        if self.action not in PIN_ACTIONS:
            raise ValidationError(f"unknown action {self.action!r}: use {', '.join(PIN_ACTIONS)}")
        if self.action == "move":
            _check_date("to date", self.to_date)
        BOUNDS["minutes"].check_optional(self.minutes)
        BOUNDS["km"].check_optional(self.km)

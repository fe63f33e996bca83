"""The profile's fields as text: how the profile screen and `legrun-tui profile set` read each
one, so that both take the same words and refuse the same things in the same words.

`PROFILE_TEXT` maps each field, by the name the screen and the command line give it, to the
function that reads its text (numbers through the bounds of `planner.fields`); the Profile
itself then checks what spans fields (a resting HR below the max HR).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from legrun.planner.fields import BOUNDS
from legrun.planner.models import (
    PREFERRED_CROSS,
    UNITS,
    Profile,
    ValidationError,
    check_unavailable,
    parse_switch,
    parse_weekday,
    parse_weekdays,
    parse_weekly_minutes,
)
from legrun.planner.recurrence import leg_days_rule


def parse_week_start(text: str) -> int:
    """`mon` or `sun` (0 or 6): the days a week may start on."""
    day = parse_weekday(text)
    if day not in (0, 6):
        raise ValidationError(f"a week starts on mon or sun, not {text!r}")
    return day


def parse_units(text: str) -> str:
    cleaned = text.strip().lower()
    if cleaned not in UNITS:
        raise ValidationError(f"units must be km or mi, not {text!r}")
    return cleaned


def parse_cross(text: str) -> tuple[str, ...]:
    """The cross-training choices (`bike,swim`), each once, in the order given."""
    chosen = tuple(dict.fromkeys(p.strip().lower() for p in text.split(",") if p.strip()))
    for activity in chosen:
        if activity not in PREFERRED_CROSS:
            raise ValidationError(
                f"unknown cross-training {activity!r}: use {', '.join(PREFERRED_CROSS)}"
            )
    if not chosen:
        raise ValidationError(
            f"name at least one cross-training activity: {', '.join(PREFERRED_CROSS)}"
        )
    return chosen


def parse_leg_days(text: str) -> str | None:
    """Recurring leg days (`mon,thu`; `none` or nothing for none) as the RRULE the profile
    keeps (`FREQ=WEEKLY;BYDAY=MO,TH`), or None."""
    return leg_days_rule(parse_weekdays(text))


def parse_unavailable(text: str) -> tuple[int, ...]:
    """Days with no training (`sat,sun`, or `none`); the profile says how many may be."""
    return check_unavailable(parse_weekdays(text))


def parse_same_day_hard(text: str) -> bool:
    return parse_switch(text, "same-day hard days")


# Every field of the profile screen, in its order, by the name the screen and the command line
# give it. An empty max HR or resting HR is none given (the max HR is then estimated).
PROFILE_TEXT: Mapping[str, Callable[[str], Any]] = MappingProxyType(
    {
        "age": BOUNDS["age"].parse,
        "max_hr": BOUNDS["max_hr"].parse_optional,
        "resting_hr": BOUNDS["resting_hr"].parse_optional,
        "runs_per_week": BOUNDS["runs_per_week"].parse,
        "weekly_km": BOUNDS["weekly_km"].parse,
        "weekly_minutes": parse_weekly_minutes,
        "long_run_day": parse_weekday,
        "week_start": parse_week_start,
        "units": parse_units,
        "cross": parse_cross,
        "leg_days": parse_leg_days,
        "unavailable": parse_unavailable,
        "same_day_hard": parse_same_day_hard,
    }
)

# The Profile's own name for a field the screen and the command line call otherwise.
PROFILE_ATTRIBUTE = {"leg_days": "leg_days_rule"}


def profile_from_text(texts: Mapping[str, str]) -> Profile:
    """A whole profile from the text of every field; the first field that cannot be read (in
    the screen's order) or the Profile itself says what is wrong."""
    values = {
        PROFILE_ATTRIBUTE.get(name, name): read(texts[name]) for name, read in PROFILE_TEXT.items()
    }
    return Profile(**values)

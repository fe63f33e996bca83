"""The goal race: a date and a distance the season builds to (R-GOAL, R-TAPER)."""

from __future__ import annotations

from datetime import date, timedelta

from msgspec import Struct

from legrun.planner.fields import BOUNDS, ValidationError
from legrun.planner.units import distance

# The named distances, in km.
DISTANCES = {"5k": 5.0, "10k": 10.0, "half": 21.0975, "marathon": 42.195}
MIN_WEEKS_AHEAD = 2  # a race closer than this cannot be planned for
MAX_WEEKS_AHEAD = 104  # nor one further away than two years
MAX_NAME = 80

_Date = date  # for annotations in the class below, which has a field named `date`


def parse_distance(text: str) -> float:
    """`5k`, `10k`, `half`, `marathon` (any case), or a number of km (`15`, `21.1`)."""
    cleaned = text.strip().lower()
    if cleaned in DISTANCES:
        return DISTANCES[cleaned]
    try:
        km = float(cleaned.removesuffix("km").strip())
    except ValueError:
        raise ValidationError(
            f"invalid distance {text!r}: use 5k, 10k, half, marathon or a number of km"
        ) from None
    race = BOUNDS["race_km"]
    if not race.contains(km):
        raise ValidationError(f"{race.name} must be {race.allowed}, not {text}")
    return km


def distance_name(km: float) -> str:
    """`half` for 21.0975, `15 km` for 15."""
    for name, value in DISTANCES.items():
        if abs(value - km) < 1e-6:
            return {"5k": "5K", "10k": "10K", "half": "half marathon"}.get(name, name)
    return f"{km:g} km"


class Goal(Struct, frozen=True):
    """A race on `date` over `distance_km`, optionally named ("Berlin Marathon")."""

    date: _Date
    distance_km: float
    name: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.date, date):
            raise ValidationError(f"a race date must be a date, not {self.date!r}")
        BOUNDS["race_km"].check(self.distance_km)
        if len(self.name) > MAX_NAME:
            raise ValidationError(f"a race name is at most {MAX_NAME} characters")

    def described(self, units: str = "km", joiner: str = ": ") -> str:
        """`Berlin: half marathon (21.1 km)`, or `15 km` (a distance with no name of its own)."""
        named = distance_name(self.distance_km)
        measured = distance(self.distance_km, units)
        what = measured if named.endswith(" km") else f"{named} ({measured})"
        return f"{self.name}{joiner}{what}" if self.name else what

    @property
    def label(self) -> str:
        """`Berlin Marathon (marathon)` or `half marathon`."""
        what = distance_name(self.distance_km)
        return f"{self.name} ({what})" if self.name else what


def check_goal_date(race: date, today: date) -> None:
    """Refuse a race in the past, too close to plan for (under 2 weeks away) or too far (over
    two years)."""
    if race < today:
        raise ValidationError(f"the race date {race.isoformat()} is in the past")
    if race < today + timedelta(weeks=MIN_WEEKS_AHEAD):
        raise ValidationError(
            f"the race on {race.isoformat()} is less than {MIN_WEEKS_AHEAD} weeks away: "
            "too close to plan a season for"
        )
    if race > today + timedelta(weeks=MAX_WEEKS_AHEAD):
        raise ValidationError(
            f"the race on {race.isoformat()} is more than two years away: set a goal within "
            f"{MAX_WEEKS_AHEAD} weeks"
        )


def weeks_left(race: date, today: date) -> int:
    """Whole weeks from today to the race day (0 in race week)."""
    return max(0, (race - today).days // 7)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def countdown(race: date, today: date) -> str:
    """`14 weeks left (103 days)`, `race week: 3 days left`, `race day: today` or `passed`."""
    days = (race - today).days
    if days < 0:
        return "passed"
    if days == 0:
        return "race day: today"
    weeks = weeks_left(race, today)
    if weeks == 0:
        return f"race week: {_plural(days, 'day')} left"
    return f"{_plural(weeks, 'week')} left ({_plural(days, 'day')})"

"""legrun.planner: the domain. Pure: no Textual, no SQLite, no clock (callers pass `today`)."""

from legrun.planner.models import (
    CheckIn,
    CrossTraining,
    Exercise,
    LegDay,
    Profile,
    Run,
    Session,
    ValidationError,
    parse_date,
    parse_exercise,
)

__all__ = [
    "CheckIn",
    "CrossTraining",
    "Exercise",
    "LegDay",
    "Profile",
    "Run",
    "Session",
    "ValidationError",
    "parse_date",
    "parse_exercise",
]

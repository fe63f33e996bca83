"""legrun.planner: the domain. Pure: no Textual, no SQLite, no clock (callers pass `today`)."""

import sys

# The records are msgspec Structs. On import, msgspec's core loads `msgspec._utils`, which
# takes `get_type_hints`, `Required` and `NotRequired` from typing_extensions when it can and
# from `typing` when it cannot. On Python 3.11 `typing` has all three, and msgspec only ever
# reads type hints to encode or decode, which the planner never asks of it. typing_extensions
# (and `inspect`, which it loads) made up 36 M of the 333 M instructions of a whole
# `plan --json`. So it is hidden from msgspec's first import only: whatever imports it later
# (Textual does) gets the real module.
if "msgspec" not in sys.modules and "typing_extensions" not in sys.modules:
    sys.modules["typing_extensions"] = None  # type: ignore[assignment]  # import fails
    try:
        import msgspec  # noqa: F401
    finally:
        del sys.modules["typing_extensions"]

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

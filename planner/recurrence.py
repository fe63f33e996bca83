"""Recurring leg days, stored as an RFC 5545 RRULE and expanded with dateutil."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache

from dateutil.rrule import rrule, rrulestr
from legrun.planner.models import WEEKDAYS, ValidationError

_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def leg_days_rule(weekdays: tuple[int, ...]) -> str | None:
    """A weekly RRULE for the given weekdays (0 = Monday), or None for no recurring leg days."""
    if not weekdays:
        return None
    return "FREQ=WEEKLY;BYDAY=" + ",".join(_BYDAY[d] for d in sorted(set(weekdays)))


@lru_cache(maxsize=64)
def _parsed(rule: str) -> rrule:
    try:
        parsed = rrulestr(rule, dtstart=datetime(2000, 1, 3))
    except (ValueError, TypeError) as exc:
        raise ValidationError(f"invalid recurring leg-day rule {rule!r}: {exc}") from None
    if not isinstance(parsed, rrule):
        raise ValidationError(f"invalid recurring leg-day rule {rule!r}")
    return parsed


def rule_weekdays(rule: str | None) -> tuple[int, ...]:
    """The weekdays (0 = Monday) a weekly rule names, for showing it to the user."""
    if not rule:
        return ()
    parsed = _parsed(rule)
    return tuple(sorted(parsed._byweekday or ()))


def describe_rule(rule: str | None) -> str:
    days = rule_weekdays(rule)
    return ",".join(WEEKDAYS[d] for d in days) if days else "none"


def leg_days_between(rule: str | None, start: date, end: date) -> list[date]:
    """Dates from `start` to `end` inclusive on which the rule puts a leg day."""
    if not rule:
        return []
    parsed = _parsed(rule).replace(dtstart=datetime(start.year, start.month, start.day))
    last = datetime(end.year, end.month, end.day) + timedelta(hours=23)
    return [
        moment.date()
        for moment in parsed.between(datetime(start.year, start.month, start.day), last, inc=True)
    ]

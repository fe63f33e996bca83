"""Recurring leg days, stored as an RFC 5545 RRULE and expanded with dateutil.

The rule the app itself writes, `FREQ=WEEKLY;BYDAY=MO,TH`, is read directly (it is a set of
weekdays); any other rule goes to `dateutil.rrule`, imported only then, which keeps it off the
start-up path of every command.
"""

from __future__ import annotations

import contextlib
import math
import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from legrun.planner.models import WEEKDAYS, ValidationError

if TYPE_CHECKING:
    from dateutil.rrule import rrule

_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_DAY_CODE = "(?:MO|TU|WE|TH|FR|SA|SU)"
_SIMPLE_WEEKLY = re.compile(f"FREQ=WEEKLY;BYDAY=({_DAY_CODE}(?:,{_DAY_CODE})*)")

# Rules that give no DTSTART of their own count their weeks from this Monday, so that a rule
# like "every other Monday" falls on the same dates whichever window is asked about.
_ANCHOR = datetime(1900, 1, 1)  # a Monday
_YEARLY, _MONTHLY, _WEEKLY, _DAILY = 0, 1, 2, 3  # dateutil.rrule's frequency numbers
_PERIOD_DAYS = {_DAILY: 1, _WEEKLY: 7}
_PERIOD_MONTHS = {_MONTHLY: 1, _YEARLY: 12}


def leg_days_rule(weekdays: tuple[int, ...]) -> str | None:
    """A weekly RRULE for the given weekdays (0 = Monday), or None for no recurring leg days."""
    if not weekdays:
        return None
    return "FREQ=WEEKLY;BYDAY=" + ",".join(_BYDAY[d] for d in sorted(set(weekdays)))


def _simple_weekdays(rule: str) -> frozenset[int] | None:
    """The weekdays of a plain weekly rule (every week, no start, count or end), else None."""
    match = _SIMPLE_WEEKLY.fullmatch(rule.strip().upper())
    if match is None:
        return None
    return frozenset(_BYDAY.index(code) for code in match.group(1).split(","))


@lru_cache(maxsize=64)
def _parsed(rule: str) -> rrule:
    from dateutil.rrule import rrule, rrulestr

    try:
        parsed = rrulestr(rule, dtstart=_ANCHOR)
    except (ValueError, TypeError) as exc:
        raise ValidationError(f"invalid recurring leg-day rule {rule!r}: {exc}") from None
    if not isinstance(parsed, rrule):
        raise ValidationError(f"invalid recurring leg-day rule {rule!r}")
    return parsed


def rule_weekdays(rule: str | None) -> tuple[int, ...]:
    """The weekdays (0 = Monday) a weekly rule names, for showing it to the user."""
    if not rule:
        return ()
    simple = _simple_weekdays(rule)
    if simple is not None:
        return tuple(sorted(simple))
    parsed = _parsed(rule)
    return tuple(sorted(getattr(parsed, "_byweekday", None) or ()))


def describe_rule(rule: str | None) -> str:
    days = rule_weekdays(rule)
    return ",".join(WEEKDAYS[d] for d in days) if days else "none"


def leg_days_between(rule: str | None, start: date, end: date) -> list[date]:
    """Dates from `start` to `end` inclusive on which the rule puts a leg day."""
    if not rule:
        return []
    return list(_between(rule, start, end))


@lru_cache(maxsize=256)
def _between(rule: str, start: date, end: date) -> tuple[date, ...]:
    simple = _simple_weekdays(rule)
    if simple is not None:
        days = (end - start).days + 1
        return tuple(
            day
            for day in (start + timedelta(days=i) for i in range(max(0, days)))
            if day.weekday() in simple
        )
    parsed = _parsed(rule)
    first = datetime(start.year, start.month, start.day)
    last = datetime(end.year, end.month, end.day) + timedelta(hours=23)
    base: datetime = getattr(parsed, "_dtstart", _ANCHOR)
    freq = getattr(parsed, "_freq", None)
    interval = getattr(parsed, "_interval", 1) or 1
    if getattr(parsed, "_count", None) is None:
        # Start the expansion a whole number of periods later (one period or year before the
        # window, so a first, partial period cannot hide dates): the same dates, fewer steps.
        if freq in _PERIOD_DAYS:
            step = timedelta(days=_PERIOD_DAYS[freq] * interval)
            periods = (first - base) // step - 1
            if periods > 0:
                parsed = parsed.replace(dtstart=base + periods * step)
        elif freq in _PERIOD_MONTHS:
            years = math.lcm(_PERIOD_MONTHS[freq] * interval, 12) // 12
            periods = (first.year - base.year) // years - 1
            if periods > 0:
                with contextlib.suppress(ValueError):  # a DTSTART of 29 February stays put
                    parsed = parsed.replace(dtstart=base.replace(year=base.year + periods * years))
    return tuple(moment.date() for moment in parsed.between(first, last, inc=True))

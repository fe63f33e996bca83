"""The plan as calendar events (RFC 5545): what `export ics` writes and `sync caldav` puts.

One all-day VEVENT per planned or done session of the weeks asked for; rest days and skipped
items are not events. Each event's UID is stable, so that a second export (or sync) updates
the same events instead of adding copies:

- a planned item: `<date>-<kind>-<n>@legrun-tui` (n counts the day's planned items of that
  kind, from 1), so the same item of the plan gets the same UID whatever else changes;
- a done session: `session-<id>@legrun-tui`, the stored session's id, so editing it (even its
  date) updates its one event.

Every event also carries `X-LEGRUN-ITEM: planned|done`: with the UID's domain it marks the
events this program made, the only ones `sync caldav` ever changes or removes.

Leg days are single events, not one recurring VEVENT with the profile's RRULE: each week's leg
day has its own targets (lighter in an easier week or the taper, none before a race), its own
reasons and the day's checklist, and a done one is a stored session with its own UID, so one
RRULE would say less than the plan does (or need an override for nearly every date).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event
from msgspec import Struct

from legrun.planner.models import CrossTraining, LegDay, Run
from legrun.planner.plan import DayPlan, PlanItem, WeekPlan
from legrun.planner.scheduler import week_start_for
from legrun.planner.units import distance
from legrun.storage import Repository
from legrun.storage.plans import load_week_plans
from legrun.tui.text import workout_text

DOMAIN = "legrun-tui"
MARK = "X-LEGRUN-ITEM"  # planned | done: an event this program made
KM = "X-LEGRUN-KM"  # the item's distance in km (data: kilometres whatever the units)
PRODID = "-//legrun-tui//legrun-tui training plan//EN"
CALENDAR_NAME = "legrun-tui plan"

# SEQUENCE grows with the time of the export (seconds since this moment), so that a client
# that keeps the copy with the higher SEQUENCE takes a later export over an earlier one; a
# file carries no memory of the exports before it to count revisions by.
_SEQUENCE_EPOCH = datetime(2026, 1, 1, tzinfo=UTC)
_SEQUENCE_MAX = 2**31 - 1  # an INTEGER of RFC 5545 (32-bit in most clients)

_WORKOUT_WORDS = {
    "strides": "strides",
    "tempo": "tempo",
    "cruise": "cruise intervals",
    "intervals": "intervals",
    "hills": "hills",
}


class Window(Struct, frozen=True):
    """The days a calendar covers: this week and the next `weeks - 1`."""

    first: date
    last: date  # inclusive

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first <= day <= self.last


def window_for(week_start: int, today: date, weeks: int) -> Window:
    first = week_start_for(today, week_start)
    return Window(first, first + timedelta(weeks=weeks, days=-1))


def plans_ahead(repo: Repository, today: date, weeks: int) -> tuple[Window, list[WeekPlan]]:
    """The plans of this week and the next `weeks - 1`, as of `today`."""
    window = window_for(repo.profile().week_start, today, weeks)
    return window, load_week_plans(repo, window.first, window.last, today)


def sequence_for(now: datetime) -> int:
    """A revision number that grows with the time it is written at."""
    seconds = int((now - _SEQUENCE_EPOCH).total_seconds())
    return min(max(seconds, 0), _SEQUENCE_MAX)


def is_ours(event: Event) -> bool:
    """Whether this program made the event: its UID's domain and its mark."""
    uid = str(event.get("UID", ""))
    return uid.endswith(f"@{DOMAIN}") and str(event.get(MARK, "")) in ("planned", "done")


def event_uid(item: PlanItem, occurrence: int = 1) -> str:
    """The item's UID: its stored session's id when done, else its date, kind and count."""
    if item.status == "done" and item.id is not None:
        return f"session-{item.id}@{DOMAIN}"
    return f"{item.date:%Y%m%d}-{item.kind}-{occurrence}@{DOMAIN}"


def is_event(item: PlanItem) -> bool:
    """Planned and done sessions are events; rest and skipped items are not."""
    return item.kind != "rest" and item.status in ("planned", "done")


def plan_events(plans: Iterable[WeekPlan], now: datetime) -> dict[str, Event]:
    """Every event of the plans, by UID, in date order."""
    events: dict[str, Event] = {}
    for plan in plans:
        for day in plan.days:
            counts: Counter[str] = Counter()
            for item in day.sessions:
                if not is_event(item):
                    continue
                if item.status == "planned":
                    counts[item.kind] += 1
                uid = event_uid(item, counts[item.kind])
                events[uid] = item_event(item, day, plan, uid, now)
    return events


def plan_calendar(plans: Iterable[WeekPlan], now: datetime) -> Calendar:
    """The plans as one calendar of all-day events (what `export ics` writes)."""
    calendar = new_calendar(plan_events(plans, now).values())
    calendar.add("X-WR-CALNAME", CALENDAR_NAME)
    return calendar


def new_calendar(events: Iterable[Event]) -> Calendar:
    """A VCALENDAR holding `events` (one of them per resource for CalDAV)."""
    calendar = Calendar()
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    calendar.add("CALSCALE", "GREGORIAN")
    for event in events:
        calendar.add_component(event)
    return calendar


def item_event(item: PlanItem, day: DayPlan, plan: WeekPlan, uid: str, now: datetime) -> Event:
    event = Event()
    event.add("UID", uid)
    event.add("DTSTAMP", now.astimezone(UTC))
    event.add("SEQUENCE", sequence_for(now))
    event.add("DTSTART", item.date)  # a date: VALUE=DATE, all day
    event.add("DTEND", item.date + timedelta(days=1))
    event.add("SUMMARY", summary(item, plan.units))
    event.add("DESCRIPTION", description(item, day, plan))
    event.add("CATEGORIES", [item.kind])
    event.add("TRANSP", "TRANSPARENT")  # training does not make the day busy
    event.add(MARK, item.status)
    if item.km is not None:
        event.add(KM, f"{item.km:g}")
    return event


def summary(item: PlanItem, units: str) -> str:
    """`Easy run 6 km`, `Quality run 8 km, tempo`, `Leg day`, `Long run 14 km (done)`."""
    words = item.label
    if item.km is not None and item.is_run:
        words += f" {distance(item.km, units)}"
    elif item.minutes is not None and item.kind in ("cross_training", "mobility"):
        words += f" {item.minutes} min"
    if item.workout is not None and item.workout.type in _WORKOUT_WORDS:
        words += f", {_WORKOUT_WORDS[item.workout.type]}"
    if item.status == "done":
        words += " (done)"
    return words


def description(item: PlanItem, day: DayPlan, plan: WeekPlan) -> str:
    """The targets (or what was done), the workout, every reason and the day's checklist."""
    units = plan.units
    sections = [_targets(item, units)]
    if item.workout is not None:
        sections.append(f"Workout: {workout_text(item.workout, units)}")
    details = _done_details(item)
    if details:
        sections.append(details)
    if item.why:
        sections.append("\n".join(["Why:"] + [f"{w.rule}: {w.text}" for w in item.why]))
    if day.checklist:
        ticks = [f"[{'x' if c.done else ' '}] {c.when}: {c.text}" for c in day.checklist]
        sections.append("\n".join([f"Checklist for {item.date:%a %d %b}:"] + ticks))
    return "\n\n".join(sections)


def _targets(item: PlanItem, units: str) -> str:
    parts = []
    if item.km is not None:
        parts.append(distance(item.km, units))
    if item.minutes is not None:
        parts.append(f"{item.minutes} min")
    if item.hr_low is not None and item.hr_high is not None:
        parts.append(f"heart rate {item.hr_low}-{item.hr_high} bpm")
    if item.rpe is not None:
        parts.append(f"RPE {item.rpe}")
    session = item.session
    if isinstance(session, Run) and session.avg_hr is not None:
        parts.append(f"average heart rate {session.avg_hr} bpm")
    head = "Done" if item.status == "done" else "Planned"
    return f"{head}: {', '.join(parts)}" if parts else head


def _done_details(item: PlanItem) -> str:
    session = item.session
    if item.status != "done" or session is None:
        return ""
    lines = []
    if isinstance(session, LegDay) and session.exercises:
        lines.append("Exercises: " + "; ".join(e.describe() for e in session.exercises))
    elif isinstance(session, CrossTraining):
        lines.append(f"Activity: {session.activity}")
    if session.notes:
        lines.append(f"Notes: {session.notes}")
    return "\n".join(lines)


def content(event: Event) -> tuple[object, ...]:
    """What an event says, without the stamps of when it was written (DTSTAMP, SEQUENCE,
    LAST-MODIFIED): two events with the same content need no update."""
    return (
        str(event.get("UID", "")),
        _text(event.get("SUMMARY")),
        _text(event.get("DESCRIPTION")),
        _when(event, "DTSTART"),
        _when(event, "DTEND"),
        tuple(sorted(str(c) for c in _categories(event))),
        _text(event.get("TRANSP")),
        _text(event.get(MARK)),
        _text(event.get(KM)),
    )


def _text(value: object) -> str | None:
    return None if value is None else str(value).replace("\r\n", "\n")


def _when(event: Event, name: str) -> object:
    value = event.get(name)
    return getattr(value, "dt", None)


def _categories(event: Event) -> Sequence[str]:
    try:
        return [str(category) for category in event.categories]
    except (ValueError, TypeError):
        return ()

"""`sync caldav`: the events `export ics` would write, kept in a CalDAV calendar by UID.

One run reads what the calendar holds for the weeks synced, then adds the events that are
not there, updates those whose content changed (SEQUENCE up, LAST-MODIFIED now), leaves the
others alone and removes the events of plan items that are gone. It only ever writes or
deletes an event of its own (the UID's `@legrun-tui` domain and the `X-LEGRUN-ITEM` mark);
what anyone else put in the calendar is never touched, and nothing outside the weeks synced
is removed (past weeks keep what was done).

CalDAV has no transactions: a server that fails half-way leaves the changes made before it
in place, and the error says how many; the next sync finishes the job.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import ssl
from collections.abc import Iterator, Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from icalendar import Event
from msgspec import Struct

from legrun.tui.interop.calendar import Window, content, is_ours, new_calendar, sequence_for

# Seconds a request may take to connect, and again to answer: a server that cannot be
# reached is reported well within 20 s.
TIMEOUT = 8

# caldav's objects, typed as Any here: its methods are typed to return a result or the
# coroutine of one (the same classes serve its async client), which this sync code never gets.
_DAVCalendar = Any

_CALENDAR_TYPE = "{urn:ietf:params:xml:ns:caldav}calendar"
# Libraries that log to stderr on their own when nothing is configured (Python's last resort
# handler): the command line says what happened in one line of its own instead.
_QUIET = ("caldav", "niquests", "urllib3", "urllib3_future")


class SyncCounts(Struct, frozen=True):
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0

    def __str__(self) -> str:
        return (
            f"added {self.added}, updated {self.updated}, removed {self.removed}, "
            f"unchanged {self.unchanged}"
        )


class SyncError(Exception):
    """The server refused or could not be reached; the message is one line, and says what
    was done before it (`done`)."""

    def __init__(self, message: str, done: SyncCounts | None = None) -> None:
        super().__init__(message)
        self.done = done or SyncCounts()


class _Plan(Struct):
    """What one sync will do."""

    add: list[Event]
    update: list[tuple[Any, Event]]  # (the server's object, the new event)
    remove: list[Any]  # the server's objects
    unchanged: int

    @property
    def changes(self) -> int:
        return len(self.add) + len(self.update) + len(self.remove)


def server_name(url: str) -> str:
    """`cal.example.com` or `127.0.0.1:5232`: the server as an error names it."""
    parts = urlsplit(url)
    host = parts.hostname or url
    return f"{host}:{parts.port}" if parts.port else host


def sync_calendar(
    url: str,
    user: str | None,
    password: str | None,
    events: Mapping[str, Event],
    window: Window,
    now: datetime,
    timeout: int = TIMEOUT,
) -> SyncCounts:
    """Make the calendar at `url` hold `events` for the days of `window`."""
    from caldav.davclient import DAVClient

    with _quiet_libraries():
        try:
            client: Any = DAVClient(
                url=url,
                username=user,
                password=password,
                timeout=timeout,
                enable_rfc6764=False,  # the URL is the calendar's: no DNS discovery
            )
        except Exception as exc:
            raise SyncError(_failure(exc, url, user)) from exc
        with client:
            try:
                calendar = client.calendar(url=url)
                _check_calendar(calendar, url)
                plan = _compare(calendar, events, window, now)
            except Exception as exc:
                raise SyncError(_failure(exc, url, user)) from exc
            return _apply(calendar, plan, url, user)


def _check_calendar(calendar: _DAVCalendar, url: str) -> None:
    from caldav.elements import dav

    props = calendar.get_properties([dav.ResourceType()])
    kinds = props.get(dav.ResourceType.tag) or ()
    if _CALENDAR_TYPE not in kinds:
        raise SyncError(
            f"{url} is not a calendar (give the address of the calendar itself, such as "
            "https://cal.example.com/dav/calendars/me/training/)"
        )


def _compare(
    calendar: _DAVCalendar, events: Mapping[str, Event], window: Window, now: datetime
) -> _Plan:
    # All-day events have no time zone: ask for a day more on each side, filter here.
    found = calendar.search(
        start=window.first - timedelta(days=1), end=window.last + timedelta(days=2), event=True
    )
    ours: dict[str, tuple[Any, Event]] = {}
    for item in found:
        for component in item.icalendar_instance.walk("VEVENT"):
            if isinstance(component, Event) and is_ours(component):
                start = getattr(component.get("DTSTART"), "dt", None)
                day = start.date() if isinstance(start, datetime) else start
                if isinstance(day, date) and day in window:
                    ours[str(component["UID"])] = (item, component)
    plan = _Plan(add=[], update=[], remove=[], unchanged=0)
    for uid, event in events.items():
        if uid not in ours:
            plan.add.append(_stamped(event, now))
            continue
        item, old = ours[uid]
        if content(old) == content(event):
            plan.unchanged += 1
        else:
            plan.update.append((item, _stamped(event, now, _sequence(old) + 1)))
    plan.remove = [item for uid, (item, _) in ours.items() if uid not in events]
    return plan


def _sequence(event: Event) -> int:
    try:
        return int(event.get("SEQUENCE", 0))
    except (TypeError, ValueError):
        return 0


def _stamped(event: Event, now: datetime, at_least: int = 0) -> Event:
    """A copy of the event as written now: LAST-MODIFIED, and a SEQUENCE above the server's."""
    copy = Event.from_ical(event.to_ical())
    assert isinstance(copy, Event)
    copy.pop("SEQUENCE", None)
    copy.add("SEQUENCE", max(sequence_for(now), at_least))
    copy.pop("LAST-MODIFIED", None)
    copy.add("LAST-MODIFIED", now.astimezone(UTC))
    return copy


def _apply(calendar: _DAVCalendar, plan: _Plan, url: str, user: str | None) -> SyncCounts:
    added = updated = removed = 0
    try:
        for event in plan.add:
            calendar.add_event(_resource(event), increase_seqno=False)
            added += 1
        for item, event in plan.update:
            item.data = _resource(event)
            item.save(increase_seqno=False, only_this_recurrence=False)
            updated += 1
        for item in plan.remove:
            item.delete()
            removed += 1
    except Exception as exc:
        done = SyncCounts(added, updated, removed, plan.unchanged)
        left = plan.changes - added - updated - removed
        raise SyncError(
            f"{_failure(exc, url, user)}; {left} of {plan.changes} changes not made "
            f"({done} before that): sync again to finish",
            done,
        ) from exc
    return SyncCounts(added, updated, removed, plan.unchanged)


def _resource(event: Event) -> str:
    data: bytes = new_calendar([event]).to_ical()
    return data.decode("utf-8")


def _failure(exc: BaseException, url: str, user: str | None) -> str:
    """One line for what went wrong, naming the server."""
    from caldav.lib import error

    server = server_name(url)
    if isinstance(exc, SyncError):
        return str(exc)
    if isinstance(exc, error.AuthorizationError):
        status = getattr(exc, "status", None)
        if status == 403:
            return f"the calendar server at {server} refused access to {url} (403 Forbidden)"
        if user is None:
            return (
                f"the calendar server at {server} asks for a login (401 Unauthorized): give --user"
            )
        return (
            f"the calendar server at {server} refused the login of {user!r} "
            "(401 Unauthorized): check the user name and password"
        )
    if isinstance(exc, error.NotFoundError):
        return f"there is no calendar at {url} (404 Not Found)"
    if isinstance(exc, error.DAVError):
        status = getattr(exc, "status", None)
        reason = _first_line(getattr(exc, "reason", "") or type(exc).__name__)
        said = f"{status} {reason}" if status and str(status) not in reason else reason
        return f"the calendar server at {server} refused the request ({said})"
    if isinstance(exc, TimeoutError) or "timeout" in type(exc).__name__.lower():
        return f"the calendar server at {server} did not answer within {TIMEOUT} s"
    if isinstance(exc, OSError):
        return f"could not reach the calendar server at {server}: {_network_reason(exc)}"
    return f"the calendar server at {server} answered what is not CalDAV ({_first_line(exc)})"


def _network_reason(exc: BaseException) -> str:
    """The innermost cause of a network failure, in a few words."""
    seen: set[int] = set()
    stack: list[BaseException] = [exc]
    causes: list[BaseException] = []
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        causes.append(current)
        stack += [a for a in current.args if isinstance(a, BaseException)]
        for linked in (current.__cause__, current.__context__, getattr(current, "reason", None)):
            if isinstance(linked, BaseException):
                stack.append(linked)
    for cause in causes:
        if isinstance(cause, ConnectionRefusedError):
            return "connection refused"
        if isinstance(cause, socket.gaierror):
            return "no such host (the name did not resolve)"
        if isinstance(cause, ssl.SSLError):
            return f"TLS failed ({_first_line(cause)})"
    text = " ".join(str(c) for c in causes)
    for words, reason in (
        ("Connection refused", "connection refused"),
        ("Name or service not known", "no such host (the name did not resolve)"),
        ("nodename nor servname", "no such host (the name did not resolve)"),
        ("CERTIFICATE_VERIFY_FAILED", "its TLS certificate is not trusted"),
        ("timed out", f"no answer within {TIMEOUT} s"),
    ):
        if words in text:
            return reason
    return _first_line(exc)


def _first_line(value: object) -> str:
    text = str(value).strip()
    return text.splitlines()[0][:200] if text else type(value).__name__


@contextlib.contextmanager
def _quiet_libraries() -> Iterator[None]:
    loggers = [logging.getLogger(name) for name in _QUIET]
    saved = [(logger.propagate, logger.handlers[:]) for logger in loggers]
    for logger in loggers:
        logger.propagate = False
        logger.handlers = [logging.NullHandler()]
    try:
        yield
    finally:
        for logger, (propagate, handlers) in zip(loggers, saved, strict=True):
            logger.propagate = propagate
            logger.handlers = handlers

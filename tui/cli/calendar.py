"""`export ics PATH [--weeks N]` and `sync caldav URL [--user U] [--weeks N]`: the plan of
this week and the next N-1 as calendar events (built in `legrun.tui.interop.calendar`), into
a file or a CalDAV calendar. icalendar and caldav are imported only when these run."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from legrun.storage import Repository
from legrun.tui.cli.arguments import PROG, UsageError
from legrun.tui.interop.files import write_atomically

PASSWORD_VARIABLE = "LEGRUN_CALDAV_PASSWORD"


def export_ics(repo: Repository, args: argparse.Namespace, today: date) -> int:
    path = check_export_target(args)
    from legrun.tui.interop.calendar import plan_calendar, plans_ahead

    window, plans = plans_ahead(repo, today, args.weeks)
    calendar = plan_calendar(plans, datetime.now(UTC))
    try:
        write_atomically(path, calendar.to_ical())
    except OSError as exc:
        return _fail(f"export ics {args.path}: could not write it ({_reason(exc)})", 1)
    count = len(calendar.events)
    print(
        f"{count} event{'' if count == 1 else 's'} from {window.first.isoformat()} "
        f"to {window.last.isoformat()} written to {path}"
    )
    return 0


def sync_caldav(repo: Repository, args: argparse.Namespace, today: date) -> int:
    url: str = args.url
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(
            f"sync caldav {url}: give the calendar's full address, starting http:// or "
            "https://, such as https://cal.example.com/dav/calendars/me/training/"
        )
    if parts.password is not None:
        raise UsageError(
            f"sync caldav: leave the password out of the URL (it would show in your shell's "
            f"history); set ${PASSWORD_VARIABLE} or type it when asked"
        )
    user: str | None = args.user or (unquote(parts.username) if parts.username else None)
    from legrun.tui.interop.caldav_sync import SyncError, sync_calendar
    from legrun.tui.interop.calendar import plan_events, plans_ahead

    now = datetime.now(UTC)
    window, plans = plans_ahead(repo, today, args.weeks)
    events = plan_events(plans, now)
    password = _password(user)
    try:
        counts = sync_calendar(url, user, password, events, window, now)
    except SyncError as exc:
        return _fail(str(exc), 1)
    print(counts)
    return 0


def check_export_target(args: argparse.Namespace) -> Path:
    """The file `export ics` writes; a file in a folder that is not there, or a folder, is
    refused (UsageError) before anything is done. Light: `main` may call it before it opens
    the database, so that a refused export does not create one."""
    path = Path(args.path).expanduser()
    if path.is_dir():
        raise UsageError(
            f"export ics {args.path}: that is a folder; give a file name, such as "
            f"{path / 'plan.ics'}"
        )
    if not path.parent.is_dir():
        raise UsageError(
            f"export ics {args.path}: the folder {path.parent} does not exist "
            "(create it first, or give a file in a folder that does)"
        )
    return path


def _password(user: str | None) -> str | None:
    """From the environment, else asked for without echo; none without a user name."""
    if user is None:
        return None
    password = os.environ.get(PASSWORD_VARIABLE)
    if password is not None:
        return password
    if not _has_terminal():
        raise UsageError(
            f"sync caldav: no password for {user}: set ${PASSWORD_VARIABLE}, "
            "or run it in a terminal to be asked"
        )
    try:
        return getpass.getpass(f"CalDAV password for {user}: ")
    except EOFError:
        raise UsageError(f"sync caldav: no password for {user} was given") from None


def _has_terminal() -> bool:
    if os.name != "posix":
        return sys.stdin.isatty()
    try:
        with open("/dev/tty"):
            return True
    except OSError:
        return False


def _reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


def _fail(message: str, code: int) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return code

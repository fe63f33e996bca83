"""The command line: quick logging and plans for scripts. Never imports Textual unless the
planner app is opened (Textual costs ~150 ms of start-up).

The parser and its argument types are in `arguments`; each group of commands has its module
(`profile`; `logging`: log, checkin, delete; `plans`: plan, today, stats, season; `goal`;
`history`), and the text pages are in `pages`. This module runs one command: `main`.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from legrun.planner.models import ValidationError
from legrun.storage import Repository, StorageError, default_path
from legrun.tui.cli.arguments import PROG, UsageError, build_parser

Command = Callable[[Repository, argparse.Namespace, date], int]

# Each command's module, imported when that command runs: the app (no command) and a quick
# `log` need none of the others, and importing them all cost ~40 ms of every start.
_COMMANDS: dict[str, tuple[str, str]] = {
    "profile": ("profile", "cmd_profile"),
    "log": ("logging", "cmd_log"),
    "checkin": ("logging", "cmd_checkin"),
    "delete": ("logging", "cmd_delete"),
    "history": ("history", "cmd_history"),
    "checkins": ("history", "cmd_checkins"),
    "plan": ("plans", "cmd_plan"),
    "today": ("plans", "cmd_today"),
    "stats": ("plans", "cmd_stats"),
    "season": ("plans", "cmd_season"),
    "goal": ("goal", "cmd_goal"),
    "export": ("interop", "cmd_export"),
    "import": ("interop", "cmd_import"),
    "sync": ("interop", "cmd_sync"),
    "backup": ("interop", "cmd_backup"),
}


def _command(name: str) -> Command:
    module, function = _COMMANDS[name]
    found: Command = getattr(importlib.import_module(f"legrun.tui.cli.{module}"), function)
    return found


def today_from_environment() -> date:
    """The real date, or `$LEGRUN_TODAY` (an ISO date) to pin it for demos and tests."""
    pinned = os.environ.get("LEGRUN_TODAY")
    if pinned:
        return date.fromisoformat(pinned)
    return date.today()


def _check_before_opening(args: argparse.Namespace, today: date) -> None:
    """Refuse what is wrong whatever the database holds before opening it, so a refused
    command does not even create the database file."""
    if args.command == "profile" and args.profile_command == "set":
        from legrun.tui.cli import profile

        profile.profile_changes(args)
    elif args.command in ("history", "checkins"):
        from legrun.tui.cli import history

        history.check_range(args)
    elif args.command == "goal" and args.goal_command == "set":
        from legrun.tui.cli import goal

        goal.goal_from_args(args, today)
    elif args.command == "export" and args.export_format == "ics":
        from legrun.tui.cli import calendar

        calendar.check_export_target(args)


def _reads_only(args: argparse.Namespace) -> bool:
    """Whether the command only reads (so a database that is not there need not be made)."""
    if args.command in ("plan", "today", "stats", "season", "history", "checkins", "sync"):
        return True
    if args.command == "export":
        return True  # the plan or the records, into a file: the database is only read
    return (args.command, getattr(args, f"{args.command}_command", None)) in (
        ("profile", "show"),
        ("goal", "show"),
    )


def _demo_database(today: date) -> Path:
    import tempfile  # (only here: with random and shutil, ~2 ms of every other command)

    from legrun.storage.demo import fill_with_demo

    folder = Path(tempfile.mkdtemp(prefix="legrun-demo-"))
    path = folder / "demo.db"
    with Repository.open(path) as repo:
        fill_with_demo(repo, today)
    return path


def _fail(message: str, code: int) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return code


def main(argv: Sequence[str] | None = None) -> int:
    try:
        today = today_from_environment()
    except ValueError:
        return _fail("LEGRUN_TODAY must be an ISO date such as 2026-11-23", 2)
    args = build_parser(today).parse_args(argv)
    demo_path: Path | None = None
    try:
        if args.demo and args.db is not None:
            raise UsageError("--demo opens a throwaway database of its own: leave out --db")
        if args.db is not None and not args.db.expanduser().parent.is_dir():
            raise UsageError(
                f"--db {args.db}: the folder {args.db.expanduser().parent} does not exist "
                "(create it first, or give a file in a folder that does)"
            )
        if args.demo:
            demo_path = _demo_database(today)
        path = demo_path if demo_path is not None else args.db
        if args.command is None:
            # The database is opened (and checked) first: a file it cannot use is refused
            # in the time a command takes, not after Textual's import, most of the start.
            with Repository.open(path) as repo:
                # Importing Textual and starting the app make ~60,000 objects, which the
                # garbage collector would walk over and over before the first frame
                # (15-25 ms): it is off until the app has started, and then waits for the
                # keyboard to be still (`tui/collector.py`).
                gc.disable()
                try:
                    from legrun.tui.application import run_app

                    pinned = bool(os.environ.get("LEGRUN_TODAY"))
                    clock = None if pinned else date.today
                    throwaway = [] if demo_path is None else [lambda: _throw_away(demo_path)]
                    return run_app(
                        repo, today=today, demo=args.demo, clock=clock, at_hard_exit=throwaway
                    )
                finally:
                    gc.enable()  # if the app ended (or never started) before that pass
        _check_before_opening(args, today)
        missing = not (path or default_path()).expanduser().exists()
        if missing and args.command == "backup":
            raise UsageError(f"there is no database at {path or default_path()} to back up")
        if missing and _reads_only(args):
            # Nothing to read yet: answer from an empty database, and create no file.
            with Repository.in_memory() as repo:
                return _command(args.command)(repo, args, today)
        with Repository.open(path) as repo:
            return _command(args.command)(repo, args, today)
    except (UsageError, ValidationError) as exc:
        return _fail(str(exc), 2)
    except OverflowError:
        # A week or a look-back that runs past year 1 or 9999.
        return _fail("that date is too close to the limits of the calendar (years 1-9999)", 2)
    except StorageError as exc:
        # Storage turns every SQLite error (a full disk, a read-only file) into this one.
        return _fail(str(exc), 1)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # A pager or `head` closed the pipe: not an error worth a traceback.
        sys.stderr.close()
        return 0
    finally:
        if demo_path is not None:
            _throw_away(demo_path)


def _throw_away(demo_path: Path) -> None:
    """The demo's database goes with its folder."""
    import shutil

    shutil.rmtree(demo_path.parent, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

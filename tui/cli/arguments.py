"""The command line's arguments: the parser and the types that read each value.

Every type is the planner's own reading of that value: numbers through their bounds in
`planner.fields` (`bound_type(BOUNDS["age"])`), the profile's fields as the profile screen
reads them (`planner.profile_fields`), dates, weekdays and exercises by the parsers in
`planner.models`. So a bad value is refused in the words the app would use, as argparse's one
line and exit 2, before any database is opened.
"""

from __future__ import annotations

import argparse
import functools
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from legrun.planner.fields import BOUNDS, Bound
from legrun.planner.goal import MAX_NAME, parse_distance
from legrun.planner.models import (
    CROSS_ACTIVITIES,
    MUSCLES,
    RUN_KINDS,
    ValidationError,
    parse_date,
    parse_exercise,
)
from legrun.planner.profile_fields import PROFILE_TEXT

PROG = "legrun-tui"
DB_HELP = "database file (default: $LEGRUN_DB, else the user data dir)"
MAX_NOTES = 2000

T = TypeVar("T")

# argparse passes each of the ~100 words it is built with through gettext, and gettext looks on
# disk for a catalogue again for every one when none is installed (four stat calls a word
# under LANG=C.UTF-8): about 2 ms of every command. The answer cannot change while the process
# runs, so each word is looked up once.
if not hasattr(argparse._, "cache_info"):  # type: ignore[attr-defined]
    argparse._ = functools.cache(argparse._)  # type: ignore[attr-defined]


class UsageError(Exception):
    """Bad input from the user: exit 2, nothing changed."""


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (`legrun-tui: error: ...`), exit 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{PROG}: error: {message} (see '{self.prog} --help')\n")


class _Unset:
    """The default of an option whose value may be None (`--weekly-minutes none`)."""

    def __repr__(self) -> str:
        return "<not given>"


UNSET: Any = _Unset()


# -- argument types: each refuses bad input with a message that says what is allowed --------


def planner_type(read: Callable[[str], T]) -> Callable[[str], T]:
    """An argparse type from one of the planner's readers: its ValidationError becomes
    argparse's error line (`argument --age: age must be from 10 to 100, not 5`)."""

    def convert(text: str) -> T:
        try:
            return read(_utf8(text))
        except ValidationError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    return convert


def _utf8(text: str) -> str:
    """The text as given, if it is text: bytes that are not UTF-8 (a Latin-1 terminal over
    SSH) reach Python as surrogates, which nothing can store."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise argparse.ArgumentTypeError(
            "the text is not UTF-8 (set your terminal or SSH client to UTF-8)"
        ) from None
    return text


def bound_type(bound: Bound[Any]) -> Callable[[str], Any]:
    """A number within its bound in planner.fields."""
    return planner_type(bound.parse)


def _profile_type(name: str) -> Callable[[str], Any]:
    """A profile field, read as the profile screen reads it."""
    return planner_type(PROFILE_TEXT[name])


def _date_type(today: date) -> Callable[[str], date]:
    return planner_type(lambda text: parse_date(text, today))


def _race_name_type(text: str) -> str:
    name = " ".join(_utf8(text).split())
    if len(name) > MAX_NAME:
        raise argparse.ArgumentTypeError(f"a race name is at most {MAX_NAME} characters")
    return name


def _text_type(text: str) -> str:
    _utf8(text)
    if len(text) > MAX_NOTES:
        raise argparse.ArgumentTypeError(f"notes must be at most {MAX_NOTES} characters")
    return text


# -- the parser ------------------------------------------------------------------------------


def build_parser(today: date) -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="A keyboard-driven planner for people who lift and run. "
        "With no command, opens the planner.",
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="show the version")
    parser.add_argument("--db", type=Path, help=DB_HELP)
    parser.add_argument(
        "--demo", action="store_true", help="use a throwaway database filled with sample weeks"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    _add_profile(commands)
    _add_log(commands, today)
    _add_checkin(commands, today)
    _add_plans(commands, today)
    _add_history(commands, today)
    _add_goal(commands, today)
    _add_season(commands)
    delete = commands.add_parser("delete", help="delete a logged session by its id")
    delete.add_argument("id", type=bound_type(BOUNDS["session_id"]))
    _add_interop(commands)
    _db_after_the_command(parser)
    return parser


def _db_after_the_command(parser: argparse.ArgumentParser) -> None:
    """`--db PATH` is taken after the command too (`log run --db X ...`), as the README
    writes it: every command's own parser gets it, with no default of its own, so that it
    never hides one given before the command."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                if any(isinstance(a, argparse._SubParsersAction) for a in sub._actions):
                    _db_after_the_command(sub)
                else:
                    sub.add_argument("--db", type=Path, default=argparse.SUPPRESS, help=DB_HELP)


# What `add_subparsers` returns (argparse has no public name for its type).
_Commands = argparse._SubParsersAction


def _add_profile(commands: _Commands[_Parser]) -> None:
    profile = commands.add_parser("profile", help="show or set your profile")
    profile_commands = profile.add_subparsers(dest="profile_command", metavar="ACTION")
    profile_commands.required = True
    show = profile_commands.add_parser("show", help="show the profile and the HR it implies")
    show.add_argument("--json", action="store_true")
    pset = profile_commands.add_parser("set", help="change profile fields")
    pset.add_argument("--age", type=_profile_type("age"))
    # A number here: the profile screen's empty field (estimate the max HR) has no option.
    pset.add_argument("--max-hr", type=bound_type(BOUNDS["max_hr"]))
    pset.add_argument("--resting-hr", type=bound_type(BOUNDS["resting_hr"]))
    pset.add_argument("--runs-per-week", type=_profile_type("runs_per_week"))
    pset.add_argument(
        "--weekly-km",
        type=_profile_type("weekly_km"),
        help="weekly target in km (clears --weekly-minutes)",
    )
    pset.add_argument(
        "--weekly-minutes",
        type=_profile_type("weekly_minutes"),
        default=UNSET,
        metavar="N|none",
        help=f"weekly target in minutes of running ({BOUNDS['weekly_minutes'].span}), used "
        "instead of km; 'none' to plan by km again",
    )
    pset.add_argument("--long-run-day", type=_profile_type("long_run_day"), metavar="mon..sun")
    pset.add_argument("--week-start", type=_profile_type("week_start"), metavar="mon|sun")
    pset.add_argument("--units", type=_profile_type("units"), metavar="km|mi")
    pset.add_argument("--cross", type=_profile_type("cross"), metavar="bike,swim,yoga,walk")
    pset.add_argument(
        "--leg-days",
        type=_profile_type("leg_days"),
        default=UNSET,
        metavar="mon,thu",
        help="recurring leg days ('none' to clear)",
    )
    pset.add_argument(
        "--same-day-hard",
        type=_profile_type("same_day_hard"),
        metavar="on|off",
        help="allow a quality run on the morning of a leg day, legs >= 6 h later (default off)",
    )
    pset.add_argument(
        "--unavailable",
        type=_profile_type("unavailable"),
        metavar="DAYS|none",
        help="days with no training at all, e.g. sat or tue,fri ('none' to clear)",
    )


def _add_log(commands: _Commands[_Parser], today: date) -> None:
    day = _date_type(today)
    minutes, rpe = bound_type(BOUNDS["minutes"]), bound_type(BOUNDS["rpe"])
    log = commands.add_parser("log", help="log a session you did")
    log_commands = log.add_subparsers(dest="log_command", metavar="KIND")
    log_commands.required = True
    leg = log_commands.add_parser("leg", help="a leg day")
    leg.add_argument("--date", type=day, required=True)
    leg.add_argument("--rpe", type=rpe, required=True)
    leg.add_argument("--minutes", type=minutes, default=60)
    leg.add_argument(
        "--exercise",
        type=planner_type(parse_exercise),
        action="append",
        default=[],
        help="e.g. 'back squat 5x5@100kg', 'rdl 3x8@60', 'walking lunge 3x12'",
    )
    leg.add_argument("--notes", type=_text_type, default="")
    run = log_commands.add_parser("run", help="a run")
    run.add_argument("--date", type=day, required=True)
    run.add_argument("--km", type=bound_type(BOUNDS["km"]), required=True)
    run.add_argument("--minutes", type=minutes, required=True)
    run.add_argument("--rpe", type=rpe)
    run.add_argument("--avg-hr", type=bound_type(BOUNDS["avg_hr"]))
    run.add_argument("--kind", choices=RUN_KINDS, default="easy")
    run.add_argument("--notes", type=_text_type, default="")
    cross = log_commands.add_parser("cross", help="cross-training")
    cross.add_argument("--date", type=day, required=True)
    cross.add_argument("--activity", choices=CROSS_ACTIVITIES, required=True)
    cross.add_argument("--minutes", type=minutes, required=True)
    cross.add_argument("--rpe", type=rpe)
    cross.add_argument("--notes", type=_text_type, default="")


def _add_checkin(commands: _Commands[_Parser], today: date) -> None:
    checkin = commands.add_parser("checkin", help="the morning soreness check-in")
    checkin.add_argument("--date", type=_date_type(today), required=True)
    checkin.add_argument("--soreness", type=bound_type(BOUNDS["soreness"]), required=True)
    for name in (*MUSCLES, "sleep", "energy"):
        checkin.add_argument(f"--{name}", type=bound_type(BOUNDS[name]))


def _add_plans(commands: _Commands[_Parser], today: date) -> None:
    plan = commands.add_parser("plan", help="the week's plan with targets and reasons")
    plan.add_argument(
        "--week", type=_date_type(today), help="plan the week that contains this date"
    )
    plan.add_argument("--json", action="store_true")

    commands.add_parser("today", help="today's plan and checklist, compact")

    stats = commands.add_parser("stats", help="weekly totals and fitness, oldest week first")
    _weeks_and_json(stats, BOUNDS["stats_weeks"], "weeks back (default 12)")


def _add_season(commands: _Commands[_Parser]) -> None:
    season = commands.add_parser(
        "season", help="the weeks ahead, one row each: to the goal race, else --weeks"
    )
    _weeks_and_json(
        season, BOUNDS["season_weeks"], "weeks from this one when no goal race is set (default 12)"
    )


def _add_interop(commands: _Commands[_Parser]) -> None:
    """Moving data in and out: files, watches and calendars."""
    export = commands.add_parser("export", help="write the plan or your history to a file")
    formats = export.add_subparsers(dest="export_format", metavar="FORMAT")
    formats.required = True
    ics = formats.add_parser("ics", help="the plan as calendar events (this week and on)")
    ics.add_argument("path", type=Path, metavar="PATH")
    ics.add_argument(
        "--weeks", type=bound_type(BOUNDS["export_weeks"]), default=4, help="weeks (default 4)"
    )
    for name, what in (
        ("json", "every record, lossless (a backup that import json restores)"),
        ("csv", "sessions, one row each, with a header row"),
    ):
        formats.add_parser(name, help=what).add_argument("path", type=Path, metavar="PATH")

    import_ = commands.add_parser("import", help="read records, runs or a backup in")
    sources = import_.add_subparsers(dest="import_format", metavar="FORMAT")
    sources.required = True
    for name, what in (
        ("json", "a file of export json: every record, merged without duplicates"),
        ("csv", "sessions from a CSV file with export csv's header"),
    ):
        sources.add_parser(name, help=what).add_argument("path", type=Path, metavar="PATH")
    for name, what in (
        ("gpx", "runs from GPX tracks (watch exports)"),
        ("fit", "runs from FIT activity files (Garmin, Coros, Wahoo, Suunto)"),
    ):
        sources.add_parser(name, help=what).add_argument(
            "files", type=Path, nargs="+", metavar="FILE"
        )

    sync = commands.add_parser("sync", help="keep the plan in a calendar")
    targets = sync.add_subparsers(dest="sync_target", metavar="TARGET")
    targets.required = True
    caldav = targets.add_parser("caldav", help="the plan into a CalDAV calendar, by its URL")
    caldav.add_argument("url", metavar="URL")
    caldav.add_argument("--user", help="the calendar account's user name")
    caldav.add_argument(
        "--weeks", type=bound_type(BOUNDS["export_weeks"]), default=4, help="weeks (default 4)"
    )

    backup = commands.add_parser("backup", help="a consistent copy of the database")
    backup.add_argument("path", type=Path, metavar="PATH")


def _weeks_and_json(command: _Parser, weeks: Bound[int], weeks_help: str) -> None:
    command.add_argument("--weeks", type=bound_type(weeks), default=12, help=weeks_help)
    command.add_argument("--json", action="store_true")


def _add_history(commands: _Commands[_Parser], today: date) -> None:
    day = _date_type(today)
    history = commands.add_parser("history", help="logged sessions, oldest first")
    history.add_argument("--from", dest="start", type=day)
    history.add_argument("--to", dest="end", type=day)
    history.add_argument("--json", action="store_true")
    checkins = commands.add_parser("checkins", help="the morning check-ins, oldest first")
    checkins.add_argument("--from", dest="start", type=day)
    checkins.add_argument("--to", dest="end", type=day)
    checkins.add_argument("--json", action="store_true")


def _add_goal(commands: _Commands[_Parser], today: date) -> None:
    goal = commands.add_parser("goal", help="the goal race the season builds to")
    goal_commands = goal.add_subparsers(dest="goal_command", metavar="ACTION")
    goal_commands.required = True
    gset = goal_commands.add_parser("set", help="set the goal race (replacing any other)")
    gset.add_argument(
        "--date", type=_date_type(today), required=True, help="race day, 2 weeks away or more"
    )
    gset.add_argument(
        "--distance",
        type=planner_type(parse_distance),
        required=True,
        metavar="5k|10k|half|marathon|KM",
        help="a named distance or a number of km",
    )
    gset.add_argument("--name", type=_race_name_type, default="", help="e.g. 'Berlin Marathon'")
    gshow = goal_commands.add_parser("show", help="the goal race and the weeks left to it")
    gshow.add_argument("--json", action="store_true")
    goal_commands.add_parser("clear", help="remove the goal race")


class _VersionAction(argparse.Action):
    """--version, looked up only when asked for (importlib.metadata costs ~20 ms to import)."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        print(f"{PROG} {_version()}")
        parser.exit(0)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("legrun-tui")
    except PackageNotFoundError:
        return "unknown"

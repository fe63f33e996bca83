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
from typing import Any, NoReturn, TypeVar, cast

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

Arguments = Callable[[_Parser, date], None]
"""What adds one command's arguments (and its own actions) to its parser."""


class _Commands(argparse._SubParsersAction):  # type: ignore[type-arg]
    """Commands whose arguments are added only once the command is the one given.

    A command needs only its own: all ~30 parsers with their ~130 arguments took ~8 ms of every
    command and of the app's start. Each command's parser is made at once, empty (its name and
    help are in `--help`); its arguments, and `--db` after it, come when it is chosen.
    """

    today = date.min  # what relative dates are read from (set by `_commands`)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._arguments: dict[str, Arguments | None] = {}

    def add(self, name: str, help: str, arguments: Arguments | None) -> None:
        self.add_parser(name, help=help)
        self._arguments[name] = arguments

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        name = values[0] if values else None
        if name in self._arguments:
            command: _Parser = self.choices[name]
            arguments = self._arguments.pop(name)
            if arguments is not None:
                arguments(command, self.today)
            if not any(isinstance(a, _Commands) for a in command._actions):
                # `--db PATH` is taken after the command too (`log run --db X ...`), as the
                # README writes it, with no default of its own, so that it never hides one
                # given before the command.
                command.add_argument("--db", type=Path, default=argparse.SUPPRESS, help=DB_HELP)
        super().__call__(parser, namespace, values, option_string)


def _commands(parser: _Parser, today: date, dest: str, metavar: str) -> _Commands:
    commands = cast(
        _Commands,
        parser.add_subparsers(dest=dest, metavar=metavar, parser_class=_Parser, action=_Commands),
    )
    commands.today = today
    return commands


def _actions(parser: _Parser, today: date, dest: str, metavar: str) -> _Commands:
    """A command's own actions (`profile show`, `log run`), one of which must be given."""
    actions = _commands(parser, today, dest, metavar)
    actions.required = True
    return actions


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
    commands = _commands(parser, today, "command", "COMMAND")
    for name, help, arguments in _COMMANDS:
        commands.add(name, help, arguments)
    return parser


def _profile(profile: _Parser, today: date) -> None:
    actions = _actions(profile, today, "profile_command", "ACTION")
    actions.add("show", "show the profile and the HR it implies", _json_flag)
    actions.add("set", "change profile fields", _profile_set)


def _json_flag(parser: _Parser, today: date) -> None:
    parser.add_argument("--json", action="store_true")


def _profile_set(pset: _Parser, today: date) -> None:
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


def _log(log: _Parser, today: date) -> None:
    kinds = _actions(log, today, "log_command", "KIND")
    kinds.add("leg", "a leg day", _log_leg)
    kinds.add("run", "a run", _log_run)
    kinds.add("cross", "cross-training", _log_cross)


def _log_leg(leg: _Parser, today: date) -> None:
    day, rpe = _date_type(today), bound_type(BOUNDS["rpe"])
    leg.add_argument("--date", type=day, required=True)
    leg.add_argument("--rpe", type=rpe, required=True)
    leg.add_argument("--minutes", type=bound_type(BOUNDS["minutes"]), default=60)
    leg.add_argument(
        "--exercise",
        type=planner_type(parse_exercise),
        action="append",
        default=[],
        help="e.g. 'back squat 5x5@100kg', 'rdl 3x8@60', 'walking lunge 3x12'",
    )
    leg.add_argument("--notes", type=_text_type, default="")


def _log_run(run: _Parser, today: date) -> None:
    run.add_argument("--date", type=_date_type(today), required=True)
    run.add_argument("--km", type=bound_type(BOUNDS["km"]), required=True)
    run.add_argument("--minutes", type=bound_type(BOUNDS["minutes"]), required=True)
    run.add_argument("--rpe", type=bound_type(BOUNDS["rpe"]))
    run.add_argument("--avg-hr", type=bound_type(BOUNDS["avg_hr"]))
    run.add_argument("--kind", choices=RUN_KINDS, default="easy")
    run.add_argument("--notes", type=_text_type, default="")


def _log_cross(cross: _Parser, today: date) -> None:
    cross.add_argument("--date", type=_date_type(today), required=True)
    cross.add_argument("--activity", choices=CROSS_ACTIVITIES, required=True)
    cross.add_argument("--minutes", type=bound_type(BOUNDS["minutes"]), required=True)
    cross.add_argument("--rpe", type=bound_type(BOUNDS["rpe"]))
    cross.add_argument("--notes", type=_text_type, default="")


def _checkin(checkin: _Parser, today: date) -> None:
    checkin.add_argument("--date", type=_date_type(today), required=True)
    checkin.add_argument("--soreness", type=bound_type(BOUNDS["soreness"]), required=True)
    for name in (*MUSCLES, "sleep", "energy"):
        checkin.add_argument(f"--{name}", type=bound_type(BOUNDS[name]))


def _plan(plan: _Parser, today: date) -> None:
    plan.add_argument(
        "--week", type=_date_type(today), help="plan the week that contains this date"
    )
    plan.add_argument("--json", action="store_true")


def _stats(stats: _Parser, today: date) -> None:
    _weeks_and_json(stats, BOUNDS["stats_weeks"], "weeks back (default 12)")


def _season(season: _Parser, today: date) -> None:
    _weeks_and_json(
        season, BOUNDS["season_weeks"], "weeks from this one when no goal race is set (default 12)"
    )


def _export(export: _Parser, today: date) -> None:
    formats = _actions(export, today, "export_format", "FORMAT")
    formats.add("ics", "the plan as calendar events (this week and on)", _export_ics)
    formats.add("json", "every record, lossless (a backup that import json restores)", _path)
    formats.add("csv", "sessions, one row each, with a header row", _path)


def _export_ics(ics: _Parser, today: date) -> None:
    _path(ics, today)
    _export_weeks(ics)


def _export_weeks(parser: _Parser) -> None:
    parser.add_argument(
        "--weeks", type=bound_type(BOUNDS["export_weeks"]), default=4, help="weeks (default 4)"
    )


def _path(parser: _Parser, today: date) -> None:
    parser.add_argument("path", type=Path, metavar="PATH")


def _files(parser: _Parser, today: date) -> None:
    parser.add_argument("files", type=Path, nargs="+", metavar="FILE")


def _import(import_: _Parser, today: date) -> None:
    sources = _actions(import_, today, "import_format", "FORMAT")
    sources.add("json", "a file of export json: every record, merged without duplicates", _path)
    sources.add("csv", "sessions from a CSV file with export csv's header", _path)
    sources.add("gpx", "runs from GPX tracks (watch exports)", _files)
    sources.add("fit", "runs from FIT activity files (Garmin, Coros, Wahoo, Suunto)", _files)


def _sync(sync: _Parser, today: date) -> None:
    targets = _actions(sync, today, "sync_target", "TARGET")
    targets.add("caldav", "the plan into a CalDAV calendar, by its URL", _sync_caldav)


def _sync_caldav(caldav: _Parser, today: date) -> None:
    caldav.add_argument("url", metavar="URL")
    caldav.add_argument("--user", help="the calendar account's user name")
    _export_weeks(caldav)


def _weeks_and_json(command: _Parser, weeks: Bound[int], weeks_help: str) -> None:
    command.add_argument("--weeks", type=bound_type(weeks), default=12, help=weeks_help)
    command.add_argument("--json", action="store_true")


def _date_range(parser: _Parser, today: date) -> None:
    day = _date_type(today)
    parser.add_argument("--from", dest="start", type=day)
    parser.add_argument("--to", dest="end", type=day)
    parser.add_argument("--json", action="store_true")


def _goal(goal: _Parser, today: date) -> None:
    actions = _actions(goal, today, "goal_command", "ACTION")
    actions.add("set", "set the goal race (replacing any other)", _goal_set)
    actions.add("show", "the goal race and the weeks left to it", _json_flag)
    actions.add("clear", "remove the goal race", None)


def _goal_set(gset: _Parser, today: date) -> None:
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


def _delete(delete: _Parser, today: date) -> None:
    delete.add_argument("id", type=bound_type(BOUNDS["session_id"]))


# Every command, in the order `--help` lists them: its name, its help and its arguments.
_COMMANDS: tuple[tuple[str, str, Arguments | None], ...] = (
    ("profile", "show or set your profile", _profile),
    ("log", "log a session you did", _log),
    ("checkin", "the morning soreness check-in", _checkin),
    ("plan", "the week's plan with targets and reasons", _plan),
    ("today", "today's plan and checklist, compact", None),
    ("stats", "weekly totals and fitness, oldest week first", _stats),
    ("history", "logged sessions, oldest first", _date_range),
    ("checkins", "the morning check-ins, oldest first", _date_range),
    ("goal", "the goal race the season builds to", _goal),
    ("season", "the weeks ahead, one row each: to the goal race, else --weeks", _season),
    ("delete", "delete a logged session by its id", _delete),
    ("export", "write the plan or your history to a file", _export),
    ("import", "read records, runs or a backup in", _import),
    ("sync", "keep the plan in a calendar", _sync),
    ("backup", "a consistent copy of the database", _path),
)


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

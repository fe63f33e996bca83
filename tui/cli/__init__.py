"""The command line: quick logging and plans for scripts. Never imports Textual unless the
planner app is opened (Textual costs ~150 ms of start-up)."""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import NoReturn

from legrun.planner.goal import MAX_NAME, Goal, check_goal_date, parse_distance
from legrun.planner.models import (
    CROSS_ACTIVITIES,
    PREFERRED_CROSS,
    RUN_KINDS,
    CheckIn,
    CrossTraining,
    LegDay,
    Run,
    ValidationError,
    check_unavailable,
    parse_date,
    parse_exercise,
    parse_switch,
    parse_weekday,
    parse_weekdays,
    parse_weekly_minutes,
)
from legrun.planner.season import season_rows
from legrun.storage import Repository, StorageError
from legrun.tui import contract
from legrun.tui.cli import pages
from legrun.tui.text import goal_line, session_line

PROG = "legrun-tui"


class UsageError(Exception):
    """Bad input from the user: exit 2, nothing changed."""


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (`legrun-tui: error: ...`), exit 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{PROG}: error: {message} (see '{self.prog} --help')\n")


def today_from_environment() -> date:
    """The real date, or `$LEGRUN_TODAY` (an ISO date) to pin it for demos and tests."""
    pinned = os.environ.get("LEGRUN_TODAY")
    if pinned:
        return date.fromisoformat(pinned)
    return date.today()


# -- argument types: each refuses bad input with a message that says what is allowed --------


def _date_type(today: date) -> Callable[[str], date]:
    def convert(text: str) -> date:
        try:
            return parse_date(text, today)
        except ValidationError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    return convert


def _int_in(low: int, high: int, what: str) -> Callable[[str], int]:
    def convert(text: str) -> int:
        try:
            value = int(text.strip())
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"{what} must be a whole number from {low} to {high}, not {text!r}"
            ) from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{what} must be from {low} to {high}, not {value}")
        return value

    return convert


def _km_type(text: str) -> float:
    try:
        value = float(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"km must be a number, not {text!r}") from None
    if not 0 < value < 400 or value != value:
        raise argparse.ArgumentTypeError(f"km must be more than 0 and less than 400, not {text}")
    return value


def _weekly_km_type(text: str) -> float:
    try:
        value = float(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"weekly km must be a number, not {text!r}") from None
    if not 0 < value <= 400:
        raise argparse.ArgumentTypeError(
            f"weekly km must be more than 0 and at most 400, not {text}"
        )
    return value


def _weekday_type(text: str) -> int:
    try:
        return parse_weekday(text)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _week_start_type(text: str) -> int:
    day = _weekday_type(text)
    if day not in (0, 6):
        raise argparse.ArgumentTypeError(f"a week starts on mon or sun, not {text!r}")
    return day


def _weekday_list_type(text: str) -> tuple[int, ...]:
    if text.strip().lower() in ("", "none"):
        return ()
    days = sorted({_weekday_type(part) for part in text.split(",")})
    return tuple(days)


def _unavailable_type(text: str) -> tuple[int, ...]:
    """Days with no training (`sat,sun`, or `none`); the profile says how many may be."""
    try:
        return check_unavailable(parse_weekdays(text))
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _same_day_hard_type(text: str) -> bool:
    try:
        return parse_switch(text, "same-day hard days")
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _weekly_minutes_type(text: str) -> int | None:
    try:
        return parse_weekly_minutes(text)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


class _Unset:
    """The default of an option whose value may be None (`--weekly-minutes none`)."""

    def __repr__(self) -> str:
        return "<not given>"


_UNSET = _Unset()


def _cross_list_type(text: str) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(p.strip().lower() for p in text.split(",") if p.strip()))
    for activity in chosen:
        if activity not in PREFERRED_CROSS:
            raise argparse.ArgumentTypeError(
                f"unknown cross-training {activity!r}: use {', '.join(PREFERRED_CROSS)}"
            )
    if not chosen:
        raise argparse.ArgumentTypeError("name at least one of " + ", ".join(PREFERRED_CROSS))
    return chosen


def _exercise_type(text: str):  # noqa: ANN202 - argparse type
    try:
        return parse_exercise(text)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _distance_type(text: str) -> float:
    try:
        return parse_distance(text)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _race_name_type(text: str) -> str:
    name = " ".join(text.split())
    if len(name) > MAX_NAME:
        raise argparse.ArgumentTypeError(f"a race name is at most {MAX_NAME} characters")
    return name


def _text_type(text: str) -> str:
    if len(text) > 2000:
        raise argparse.ArgumentTypeError("notes must be at most 2000 characters")
    return text


# -- the parser ------------------------------------------------------------------------------


def build_parser(today: date) -> argparse.ArgumentParser:
    day = _date_type(today)
    parser = _Parser(
        prog=PROG,
        description="A keyboard-driven planner for people who lift and run. "
        "With no command, opens the planner.",
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="show the version")
    parser.add_argument(
        "--db", type=Path, help="database file (default: $LEGRUN_DB, else the user data dir)"
    )
    parser.add_argument(
        "--demo", action="store_true", help="use a throwaway database filled with sample weeks"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    profile = commands.add_parser("profile", help="show or set your profile")
    profile_commands = profile.add_subparsers(dest="profile_command", metavar="ACTION")
    profile_commands.required = True
    show = profile_commands.add_parser("show", help="show the profile and the HR it implies")
    show.add_argument("--json", action="store_true")
    pset = profile_commands.add_parser("set", help="change profile fields")
    pset.add_argument("--age", type=_int_in(10, 100, "age"))
    pset.add_argument("--max-hr", type=_int_in(100, 250, "max HR"))
    pset.add_argument("--resting-hr", type=_int_in(30, 120, "resting HR"))
    pset.add_argument("--runs-per-week", type=_int_in(2, 6, "runs per week"))
    pset.add_argument(
        "--weekly-km", type=_weekly_km_type, help="weekly target in km (clears --weekly-minutes)"
    )
    pset.add_argument(
        "--weekly-minutes",
        type=_weekly_minutes_type,
        default=_UNSET,
        metavar="N|none",
        help="weekly target in minutes of running (30-2400), used instead of km; "
        "'none' to plan by km again",
    )
    pset.add_argument("--long-run-day", type=_weekday_type, metavar="mon..sun")
    pset.add_argument("--week-start", type=_week_start_type, metavar="mon|sun")
    pset.add_argument("--units", choices=("km", "mi"))
    pset.add_argument("--cross", type=_cross_list_type, metavar="bike,swim,yoga,walk")
    pset.add_argument(
        "--leg-days",
        type=_weekday_list_type,
        metavar="mon,thu",
        help="recurring leg days ('none' to clear)",
    )
    pset.add_argument(
        "--same-day-hard",
        type=_same_day_hard_type,
        metavar="on|off",
        help="allow a quality run on the morning of a leg day, legs >= 6 h later (default off)",
    )
    pset.add_argument(
        "--unavailable",
        type=_unavailable_type,
        metavar="DAYS|none",
        help="days with no training at all, e.g. sat or tue,fri ('none' to clear)",
    )

    log = commands.add_parser("log", help="log a session you did")
    log_commands = log.add_subparsers(dest="log_command", metavar="KIND")
    log_commands.required = True
    leg = log_commands.add_parser("leg", help="a leg day")
    leg.add_argument("--date", type=day, required=True)
    leg.add_argument("--rpe", type=_int_in(1, 10, "RPE"), required=True)
    leg.add_argument("--minutes", type=_int_in(1, 1440, "minutes"), default=60)
    leg.add_argument(
        "--exercise",
        type=_exercise_type,
        action="append",
        default=[],
        help="e.g. 'back squat 5x5@100kg', 'rdl 3x8@60', 'walking lunge 3x12'",
    )
    leg.add_argument("--notes", type=_text_type, default="")
    run = log_commands.add_parser("run", help="a run")
    run.add_argument("--date", type=day, required=True)
    run.add_argument("--km", type=_km_type, required=True)
    run.add_argument("--minutes", type=_int_in(1, 1440, "minutes"), required=True)
    run.add_argument("--rpe", type=_int_in(1, 10, "RPE"))
    run.add_argument("--avg-hr", type=_int_in(30, 250, "average HR"))
    run.add_argument("--kind", choices=RUN_KINDS, default="easy")
    run.add_argument("--notes", type=_text_type, default="")
    cross = log_commands.add_parser("cross", help="cross-training")
    cross.add_argument("--date", type=day, required=True)
    cross.add_argument("--activity", choices=CROSS_ACTIVITIES, required=True)
    cross.add_argument("--minutes", type=_int_in(1, 1440, "minutes"), required=True)
    cross.add_argument("--rpe", type=_int_in(1, 10, "RPE"))
    cross.add_argument("--notes", type=_text_type, default="")

    checkin = commands.add_parser("checkin", help="the morning soreness check-in")
    checkin.add_argument("--date", type=day, required=True)
    checkin.add_argument("--soreness", type=_int_in(0, 10, "soreness"), required=True)
    for muscle in ("quads", "hamstrings", "glutes", "calves"):
        checkin.add_argument(f"--{muscle}", type=_int_in(0, 10, f"{muscle} soreness"))
    checkin.add_argument("--sleep", type=_int_in(1, 5, "sleep"))
    checkin.add_argument("--energy", type=_int_in(1, 5, "energy"))

    plan = commands.add_parser("plan", help="the week's plan with targets and reasons")
    plan.add_argument("--week", type=day, help="plan the week that contains this date")
    plan.add_argument("--json", action="store_true")

    commands.add_parser("today", help="today's plan and checklist, compact")

    stats = commands.add_parser("stats", help="weekly totals and fitness, oldest week first")
    stats.add_argument(
        "--weeks", type=_int_in(1, 1040, "weeks"), default=12, help="weeks back (default 12)"
    )
    stats.add_argument("--json", action="store_true")

    history = commands.add_parser("history", help="logged sessions, oldest first")
    history.add_argument("--from", dest="start", type=day)
    history.add_argument("--to", dest="end", type=day)
    history.add_argument("--json", action="store_true")

    goal = commands.add_parser("goal", help="the goal race the season builds to")
    goal_commands = goal.add_subparsers(dest="goal_command", metavar="ACTION")
    goal_commands.required = True
    gset = goal_commands.add_parser("set", help="set the goal race (replacing any other)")
    gset.add_argument("--date", type=day, required=True, help="race day, 2 weeks away or more")
    gset.add_argument(
        "--distance",
        type=_distance_type,
        required=True,
        metavar="5k|10k|half|marathon|KM",
        help="a named distance or a number of km",
    )
    gset.add_argument("--name", type=_race_name_type, default="", help="e.g. 'Berlin Marathon'")
    gshow = goal_commands.add_parser("show", help="the goal race and the weeks left to it")
    gshow.add_argument("--json", action="store_true")
    goal_commands.add_parser("clear", help="remove the goal race")

    season = commands.add_parser(
        "season", help="the weeks ahead, one row each: to the goal race, else --weeks"
    )
    season.add_argument(
        "--weeks",
        type=_int_in(1, 52, "weeks"),
        default=12,
        help="weeks from this one when no goal race is set (default 12)",
    )
    season.add_argument("--json", action="store_true")

    delete = commands.add_parser("delete", help="delete a logged session by its id")
    delete.add_argument("id", type=_int_in(1, 2**62, "session id"))
    return parser


class _VersionAction(argparse.Action):
    """--version, looked up only when asked for (importlib.metadata costs ~20 ms to import)."""

    def __call__(self, parser, namespace, values, option_string=None):  # type: ignore[no-untyped-def]
        print(f"{PROG} {_version()}")
        parser.exit(0)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("legrun-tui")
    except PackageNotFoundError:
        return "unknown"


# -- commands --------------------------------------------------------------------------------


def _cmd_profile(repo: Repository, args: argparse.Namespace, today: date) -> int:

    if args.profile_command == "show":
        profile = repo.profile()
        if args.json:
            contract.print_json(contract.profile_json(profile))
        else:
            print(pages.profile_text(profile))
        return 0
    changes = _profile_changes(args)
    profile = repo.profile().with_changes(**changes)
    repo.save_profile(profile)
    print(pages.profile_text(profile))
    return 0


def _profile_changes(args: argparse.Namespace) -> dict[str, object]:
    """The fields `profile set` changes; refuses an empty or self-contradicting set."""
    changes: dict[str, object] = {
        name: getattr(args, name)
        for name in (
            "age",
            "max_hr",
            "resting_hr",
            "runs_per_week",
            "weekly_km",
            "long_run_day",
            "week_start",
            "units",
            "cross",
            "same_day_hard",
            "unavailable",
        )
        if getattr(args, name) is not None
    }
    if args.weekly_minutes is not _UNSET:
        if args.weekly_km is not None:
            raise UsageError(
                "give --weekly-km or --weekly-minutes, not both: the weekly target is either "
                "a distance or a time"
            )
        changes["weekly_minutes"] = args.weekly_minutes
    elif args.weekly_km is not None:
        changes["weekly_minutes"] = None  # a target in km from now on
    if args.leg_days is not None:
        from legrun.planner.recurrence import leg_days_rule

        changes["leg_days_rule"] = leg_days_rule(args.leg_days)
    if not changes:
        raise UsageError("profile set: give at least one field to change (see --help)")
    if args.max_hr is not None and args.resting_hr is not None and args.resting_hr >= args.max_hr:
        raise UsageError(
            f"resting HR must be below max HR, not {args.resting_hr} with max HR {args.max_hr}"
        )
    return changes


def _check_before_opening(args: argparse.Namespace, today: date) -> None:
    """Refuse what is wrong whatever the database holds before opening it, so a refused
    command does not even create the database file."""
    if args.command == "profile" and args.profile_command == "set":
        _profile_changes(args)
    elif args.command == "history" and args.start and args.end and args.start > args.end:
        raise UsageError(
            f"--from ({args.start.isoformat()}) must not be after --to ({args.end.isoformat()})"
        )
    elif args.command == "goal" and args.goal_command == "set":
        _goal_from_args(args, today)


def _goal_from_args(args: argparse.Namespace, today: date) -> Goal:
    """The goal `goal set` asks for; refuses a race in the past or under 2 weeks away."""
    check_goal_date(args.date, today)
    return Goal(date=args.date, distance_km=args.distance, name=args.name)


def _cmd_log(repo: Repository, args: argparse.Namespace, today: date) -> int:
    notes = args.notes.strip()
    session: LegDay | Run | CrossTraining
    if args.log_command == "leg":
        session = LegDay(
            date=args.date,
            minutes=args.minutes,
            rpe=args.rpe,
            exercises=tuple(args.exercise),
            notes=notes,
        )
    elif args.log_command == "run":
        session = Run(
            date=args.date,
            minutes=args.minutes,
            rpe=args.rpe,
            km=args.km,
            avg_hr=args.avg_hr,
            kind=args.kind,
            notes=notes,
        )
    else:
        session = CrossTraining(
            date=args.date,
            minutes=args.minutes,
            rpe=args.rpe,
            activity=args.activity,
            notes=notes,
        )
    print(repo.add_session(session))
    return 0


def _cmd_checkin(repo: Repository, args: argparse.Namespace, today: date) -> int:
    checkin = CheckIn(
        date=args.date,
        soreness=args.soreness,
        quads=args.quads,
        hamstrings=args.hamstrings,
        glutes=args.glutes,
        calves=args.calves,
        sleep=args.sleep,
        energy=args.energy,
    )
    repo.save_checkin(checkin)
    print(f"check-in saved for {checkin.date.isoformat()} (soreness {checkin.overall}/10)")
    return 0


def _cmd_history(repo: Repository, args: argparse.Namespace, today: date) -> int:

    sessions = repo.sessions(args.start, args.end)
    if args.json:
        contract.print_json([contract.session_json(s) for s in sessions])
    else:
        print(pages.history_text(sessions, repo.profile().units))
    return 0


def _cmd_delete(repo: Repository, args: argparse.Namespace, today: date) -> int:

    deleted = repo.delete_session(args.id)
    if deleted is None:
        raise StorageError(f"no session with id {args.id}")
    print(f"deleted {session_line(deleted, repo.profile().units)}")
    return 0


def _cmd_plan(repo: Repository, args: argparse.Namespace, today: date) -> int:
    from legrun.storage.plans import load_week_plan

    plan = load_week_plan(repo, args.week or today, today)
    if args.json:
        contract.print_json(contract.plan_json(plan))
    else:
        print(pages.plan_text(plan, today))
    return 0


def _cmd_today(repo: Repository, args: argparse.Namespace, today: date) -> int:
    from legrun.storage.plans import load_week_plan

    plan = load_week_plan(repo, today, today)
    print(pages.today_text(plan, today))
    return 0


def _cmd_stats(repo: Repository, args: argparse.Namespace, today: date) -> int:
    from legrun.storage.plans import load_stats

    stats = load_stats(repo, args.weeks, today)
    if args.json:
        contract.print_json(contract.stats_json(stats))
    else:
        print(pages.stats_text(stats, repo.profile().units))
    return 0


def _cmd_goal(repo: Repository, args: argparse.Namespace, today: date) -> int:

    units = repo.profile().units
    if args.goal_command == "set":
        goal = _goal_from_args(args, today)
        repo.save_goal(goal)
        print(f"goal set: {pages.goal_text(goal, today, units)}")
    elif args.goal_command == "clear":
        removed = repo.clear_goal()
        if removed is None:
            print("no goal race to clear")
        else:
            print(f"goal cleared: {goal_line(removed, units)}")
    elif args.json:
        found = repo.goal()
        contract.print_json(None if found is None else contract.goal_json(found, today))
    else:
        found = repo.goal()
        print(pages.NO_GOAL if found is None else pages.goal_text(found, today, units))
    return 0


def _cmd_season(repo: Repository, args: argparse.Namespace, today: date) -> int:
    from legrun.storage.plans import load_season

    season = load_season(repo, today, args.weeks)
    if args.json:
        # JSON reads in kilometres whatever the profile's units, the key sessions' text too.
        contract.print_json(contract.season_json(season.goal, season_rows(season.plans, "km")))
    else:
        units = repo.profile().units
        print(pages.season_text(season.goal, season.weeks, today, units, note=season.note))
    return 0


_COMMANDS: dict[str, Callable[[Repository, argparse.Namespace, date], int]] = {
    "profile": _cmd_profile,
    "log": _cmd_log,
    "checkin": _cmd_checkin,
    "history": _cmd_history,
    "delete": _cmd_delete,
    "plan": _cmd_plan,
    "today": _cmd_today,
    "stats": _cmd_stats,
    "goal": _cmd_goal,
    "season": _cmd_season,
}


def _demo_database(today: date) -> Path:
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
        if args.demo:
            demo_path = _demo_database(today)
        path = demo_path if demo_path is not None else args.db
        if args.command is None:
            from legrun.tui.application import run_app

            return run_app(path, today=today, demo=args.demo)
        _check_before_opening(args, today)
        with Repository.open(path) as repo:
            return _COMMANDS[args.command](repo, args, today)
    except (UsageError, ValidationError) as exc:
        return _fail(str(exc), 2)
    except OverflowError:
        # A week or a look-back that runs past year 1 or 9999.
        return _fail("that date is too close to the limits of the calendar (years 1-9999)", 2)
    except StorageError as exc:
        return _fail(str(exc), 1)
    except sqlite3.Error as exc:
        # Whatever SQLite refuses at run time (a full disk, a read-only file): one line, exit 1.
        return _fail(f"the database could not be used: {exc}", 1)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # A pager or `head` closed the pipe: not an error worth a traceback.
        sys.stderr.close()
        return 0
    finally:
        if demo_path is not None:
            # The demo's database is thrown away with its folder.
            shutil.rmtree(demo_path.parent, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

"""`log leg|run|cross`, `checkin` and `delete`: what the user did, recorded or taken back.

(Inside the package, `import logging` still means the standard library's.)"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from legrun.planner.models import AnySession, CheckIn, CrossTraining, LegDay, Run
from legrun.storage import Repository
from legrun.tui.cli.arguments import UsageError
from legrun.tui.text import session_line, soreness_words


def cmd_log(repo: Repository, args: argparse.Namespace, today: date) -> int:
    print(repo.add_session(_session(args)))
    return 0


def _session(args: argparse.Namespace) -> AnySession:
    """The session `log leg|run|cross` records: what every session has, and what its kind adds."""
    every: dict[str, Any] = {
        "date": args.date,
        "minutes": args.minutes,
        "rpe": args.rpe,
        "notes": args.notes.strip(),
    }
    if args.log_command == "leg":
        return LegDay(**every, exercises=tuple(args.exercise))
    if args.log_command == "run":
        return Run(**every, km=args.km, avg_hr=args.avg_hr, kind=args.kind)
    return CrossTraining(**every, activity=args.activity)


def cmd_checkin(repo: Repository, args: argparse.Namespace, today: date) -> int:
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
    print(f"check-in saved for {checkin.date.isoformat()} ({soreness_words(checkin)})")
    return 0


def cmd_delete(repo: Repository, args: argparse.Namespace, today: date) -> int:
    deleted = repo.delete_session(args.id)
    if deleted is None:
        raise UsageError(f"no session with id {args.id} (legrun-tui history lists them)")
    print(f"deleted {session_line(deleted, repo.profile().units)}")
    return 0

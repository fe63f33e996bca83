"""`history` and `checkins` (`[--from D] [--to D] [--json]`): the logged sessions and the
morning check-ins, oldest first."""

from __future__ import annotations

import argparse
from datetime import date

from legrun.storage import Repository
from legrun.tui import contract
from legrun.tui.cli import pages
from legrun.tui.cli.arguments import UsageError


def check_range(args: argparse.Namespace) -> None:
    if args.start and args.end and args.start > args.end:
        raise UsageError(
            f"--from ({args.start.isoformat()}) must not be after --to ({args.end.isoformat()})"
        )


def cmd_history(repo: Repository, args: argparse.Namespace, today: date) -> int:
    sessions = repo.sessions(args.start, args.end)
    if args.json:
        contract.print_json([contract.session_json(s) for s in sessions])
    else:
        print(pages.history_text(sessions, repo.profile().units))
    return 0


def cmd_checkins(repo: Repository, args: argparse.Namespace, today: date) -> int:
    checkins = repo.checkins(args.start, args.end)
    if args.json:
        contract.print_json([contract.checkin_json(c) for c in checkins])
    else:
        print(pages.checkins_text(checkins))
    return 0

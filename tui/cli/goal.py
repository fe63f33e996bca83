"""`goal set|show|clear`: the goal race the season builds to."""

from __future__ import annotations

import argparse
from datetime import date

from legrun.planner.goal import Goal, check_goal_date
from legrun.storage import Repository
from legrun.tui import contract
from legrun.tui.cli import pages
from legrun.tui.text import goal_line


def goal_from_args(args: argparse.Namespace, today: date) -> Goal:
    """The goal `goal set` asks for; refuses a race in the past or under 2 weeks away."""
    check_goal_date(args.date, today)
    return Goal(date=args.date, distance_km=args.distance, name=args.name)


def cmd_goal(repo: Repository, args: argparse.Namespace, today: date) -> int:
    units = repo.profile().units
    if args.goal_command == "set":
        goal = goal_from_args(args, today)
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

"""`plan`, `today`, `stats` and `season`: what the planner makes of it all. Each goes through
the use case the app uses too (storage.plans), imported only when the command runs."""

from __future__ import annotations

import argparse
from datetime import date

from legrun.planner.season import season_rows
from legrun.storage import Repository
from legrun.tui import contract
from legrun.tui.cli import pages


def cmd_plan(repo: Repository, args: argparse.Namespace, today: date) -> int:
    from legrun.storage.plans import load_week_plan

    plan = load_week_plan(repo, args.week or today, today)
    if args.json:
        contract.print_json(contract.plan_json(plan))
    else:
        print(pages.plan_text(plan, today))
    return 0


def cmd_today(repo: Repository, args: argparse.Namespace, today: date) -> int:
    from legrun.storage.plans import load_week_plan

    plan = load_week_plan(repo, today, today)
    print(pages.today_text(plan, today))
    return 0


def cmd_stats(repo: Repository, args: argparse.Namespace, today: date) -> int:
    from legrun.storage.plans import load_stats

    stats = load_stats(repo, args.weeks, today)
    if args.json:
        contract.print_json(contract.stats_json(stats))
    else:
        print(pages.stats_text(stats, repo.profile().units))
    return 0


def cmd_season(repo: Repository, args: argparse.Namespace, today: date) -> int:
    from legrun.storage.plans import load_season

    season = load_season(repo, today, args.weeks)
    if args.json:
        # JSON reads in kilometres whatever the profile's units, the key sessions' text too.
        contract.print_json(contract.season_json(season.goal, season_rows(season.plans, "km")))
    else:
        units = repo.profile().units
        print(pages.season_text(season.goal, season.weeks, today, units, note=season.note))
    return 0

"""`profile show [--json]` and `profile set ...`."""

from __future__ import annotations

import argparse
from datetime import date

from legrun.storage import Repository
from legrun.tui import contract
from legrun.tui.cli import pages
from legrun.tui.cli.arguments import UNSET, UsageError

# The options of `profile set` that are the profile's field of the same name, None when not
# given (an option whose value may itself be None defaults to UNSET instead).
_SAME_NAME = (
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


def cmd_profile(repo: Repository, args: argparse.Namespace, today: date) -> int:
    if args.profile_command == "show":
        profile = repo.profile()
        if args.json:
            contract.print_json(contract.profile_json(profile))
        else:
            print(pages.profile_text(profile))
        return 0
    changes = profile_changes(args)
    profile = repo.profile().with_changes(**changes)
    repo.save_profile(profile)
    print(pages.profile_text(profile))
    return 0


def profile_changes(args: argparse.Namespace) -> dict[str, object]:
    """The fields `profile set` changes; refuses an empty or self-contradicting set."""
    changes: dict[str, object] = {
        name: getattr(args, name) for name in _SAME_NAME if getattr(args, name) is not None
    }
    if args.weekly_minutes is not UNSET:
        if args.weekly_km is not None:
            raise UsageError(
                "give --weekly-km or --weekly-minutes, not both: the weekly target is either "
                "a distance or a time"
            )
        changes["weekly_minutes"] = args.weekly_minutes
    elif args.weekly_km is not None:
        changes["weekly_minutes"] = None  # a target in km from now on
    if args.leg_days is not UNSET:
        changes["leg_days_rule"] = args.leg_days  # the RRULE, or None for no leg days
    if not changes:
        raise UsageError("profile set: give at least one field to change (see --help)")
    if args.max_hr is not None and args.resting_hr is not None and args.resting_hr >= args.max_hr:
        raise UsageError(
            f"resting HR must be below max HR, not {args.resting_hr} with max HR {args.max_hr}"
        )
    return changes

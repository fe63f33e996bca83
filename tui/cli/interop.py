"""`export`, `import`, `sync` and `backup`: moving data in and out. Each format has its module
(`legrun.tui.interop.calendar` the plan as calendar events, `caldav_sync` a CalDAV calendar,
`records` JSON and CSV, `watch` GPX and FIT files); these functions only dispatch to them, so
that nothing of a format is loaded by a command that does not use it."""

from __future__ import annotations

import argparse
from datetime import date

from legrun.storage import Repository


def cmd_export(repo: Repository, args: argparse.Namespace, today: date) -> int:
    if args.export_format == "ics":
        from legrun.tui.cli import calendar

        return calendar.export_ics(repo, args, today)
    from legrun.tui.cli import transfer

    return transfer.export_records(repo, args, today)


def cmd_import(repo: Repository, args: argparse.Namespace, today: date) -> int:
    from legrun.tui.cli import transfer

    if args.import_format in ("gpx", "fit"):
        return transfer.import_watch_files(repo, args, today)
    return transfer.import_records(repo, args, today)


def cmd_sync(repo: Repository, args: argparse.Namespace, today: date) -> int:
    from legrun.tui.cli import calendar

    return calendar.sync_caldav(repo, args, today)


def cmd_backup(repo: Repository, args: argparse.Namespace, today: date) -> int:
    from legrun.tui.cli import transfer

    return transfer.backup(repo, args, today)

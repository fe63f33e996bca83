"""`export ics PATH [--weeks N]` and `sync caldav URL [--user U] [--weeks N]`."""

from __future__ import annotations

import argparse
from datetime import date

from legrun.storage import Repository


def export_ics(repo: Repository, args: argparse.Namespace, today: date) -> int:
    raise NotImplementedError  # being built


def sync_caldav(repo: Repository, args: argparse.Namespace, today: date) -> int:
    raise NotImplementedError  # being built

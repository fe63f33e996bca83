"""`export json|csv PATH`, `import json|csv PATH`, `import gpx|fit FILE...` and `backup PATH`."""

from __future__ import annotations

import argparse
from datetime import date

from legrun.storage import Repository


def export_records(repo: Repository, args: argparse.Namespace, today: date) -> int:
    raise NotImplementedError  # being built


def import_records(repo: Repository, args: argparse.Namespace, today: date) -> int:
    raise NotImplementedError  # being built


def import_watch_files(repo: Repository, args: argparse.Namespace, today: date) -> int:
    raise NotImplementedError  # being built


def backup(repo: Repository, args: argparse.Namespace, today: date) -> int:
    raise NotImplementedError  # being built

"""`export json|csv PATH`, `import json|csv PATH`, `import gpx|fit FILE...` and `backup PATH`.

The formats are in `legrun.tui.interop.records` (JSON, CSV) and `legrun.tui.interop.watch`
(GPX, FIT); what an import counts as already there is `legrun.storage.exchange`'s. Every file
is read and checked whole before anything is written, and every import is one transaction, so
a refused file (exit 2, one line naming the file and the record) leaves the database as it
was.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from legrun.storage import Repository
from legrun.storage.records import ImportCounts, Records
from legrun.tui.cli.arguments import UsageError
from legrun.tui.interop.files import write_atomically

# How each kind of record is counted in a summary: (one, many).
_NAMES = {
    "sessions": ("session", "sessions"),
    "checkins": ("check-in", "check-ins"),
    "ticks": ("checklist tick", "checklist ticks"),
    "pins": ("plan edit", "plan edits"),
    "settings": ("setting", "settings"),
}
_SINGLE = {"profile": "the profile", "goal": "the goal race"}


def _count(number: int, kind: str) -> str:
    one, many = _NAMES[kind]
    return f"{number} {one if number == 1 else many}"


def _output(path: Path, repo: Repository) -> Path:
    """Where an export may be written: a file (new or to replace) in a folder that exists,
    and never the database itself."""
    target = path.expanduser()
    if target.is_dir():
        raise UsageError(f"{path} is a folder: give the name of the file to write")
    if not target.parent.is_dir():
        raise UsageError(
            f"the folder {target.parent} does not exist (create it first, or give a file in a "
            "folder that does)"
        )
    if repo.path is not None:
        database = repo.path.expanduser().resolve()
        written = target.resolve()
        sides = {database, *(database.with_name(f"{database.name}{s}") for s in _SIDES)}
        if written in sides:
            raise UsageError(f"{path} is the database itself: give another file to write")
    return target


_SIDES = ("-wal", "-shm", "-journal")


def export_records(repo: Repository, args: argparse.Namespace, today: date) -> int:
    from legrun.tui.interop import records as formats

    target = _output(args.path, repo)
    records = repo.records()
    if args.export_format == "json":
        text = formats.json_text(records, today)
        what = _exported(records)
    else:
        text = formats.csv_text(records.sessions)
        what = _count(len(records.sessions), "sessions")
    try:
        write_atomically(target, text.encode("utf-8"))
    except OSError as exc:
        raise UsageError(f"cannot write {args.path}: {exc.strerror or exc}") from None
    print(f"exported {what} to {args.path}")
    return 0


def _exported(records: Records) -> str:
    parts = [
        _count(len(records.sessions), "sessions"),
        _count(len(records.checkins), "checkins"),
    ]
    for kind, items in (
        ("ticks", records.ticks),
        ("pins", records.pins),
        ("settings", records.settings),
    ):
        if items:
            parts.append(_count(len(items), kind))
    if records.profile is not None:
        parts.append("the profile")
    if records.goal is not None:
        parts.append("the goal race")
    return ", ".join(parts)


def import_records(repo: Repository, args: argparse.Namespace, today: date) -> int:
    from legrun.tui.interop import records as formats

    try:
        if args.import_format == "json":
            records = formats.read_json(args.path)
        else:
            records = Records(sessions=formats.read_csv(args.path))
    except formats.RecordError as exc:
        raise UsageError(str(exc)) from None
    print(summary(repo.import_records(records)))
    return 0


def summary(counts: ImportCounts) -> str:
    """`imported 12 sessions, 3 check-ins (2 already there)`, and what was kept."""
    added = [
        _count(counts[kind].added, kind) if kind in _NAMES else _SINGLE[kind]
        for kind in (*_NAMES, *_SINGLE)
        if counts[kind].added
    ]
    already = sum(counts[kind].already for kind in (*_NAMES, *_SINGLE))
    kept = [
        _count(counts[kind].kept, kind) if kind in _NAMES else _SINGLE[kind]
        for kind in (*_NAMES, *_SINGLE)
        if counts[kind].kept
    ]
    notes = []
    if already:
        notes.append(f"{already} already there")
    if kept:
        notes.append(f"kept your own {_listed(kept)}, which the file has otherwise")
    line = f"imported {', '.join(added) if added else 'nothing'}"
    return f"{line} ({'; '.join(notes)})" if notes else line


def _listed(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def import_watch_files(repo: Repository, args: argparse.Namespace, today: date) -> int:
    from legrun.tui.interop import watch

    try:
        found = watch.read_watch_files(args.files, args.import_format, progress=sys.stderr)
    except watch.WatchFileError as exc:
        raise UsageError(f"{exc}; nothing was imported") from None
    for note in found.skipped:
        print(f"legrun-tui: {note}", file=sys.stderr)
    ids = repo.import_activities(found.activities)
    added = sum(1 for i in ids if i is not None)
    notes = []
    if len(ids) - added:
        notes.append(f"{len(ids) - added} already there")
    if found.skipped:
        skipped = len(found.skipped)
        notes.append(f"{skipped} skipped" if skipped != 1 else "1 skipped")
    line = f"imported {added} run{'' if added == 1 else 's'}" if added else "imported nothing"
    print(f"{line} ({', '.join(notes)})" if notes else line)
    return 0


def backup(repo: Repository, args: argparse.Namespace, today: date) -> int:
    target = args.path.expanduser()
    if target.exists() or target.is_symlink():
        raise UsageError(
            f"{args.path} exists already: a backup never overwrites a file; give a new name"
        )
    if not target.parent.is_dir():
        raise UsageError(
            f"the folder {target.parent} does not exist (create it first, or give a file in a "
            "folder that does)"
        )
    repo.backup(target)
    size = target.stat().st_size
    print(f"backed up to {args.path} ({_size(size)}, integrity checked)")
    return 0


def _size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"

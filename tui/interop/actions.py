"""The moves of data in and out that the app offers in its command palette, each as a
function the transfer screen runs off the UI thread: given its own connection to the
database, the path typed and a way to report progress, it does the work and says, in one
line, what it did. The command line has the same moves as commands."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from msgspec import Struct

from legrun.storage import Repository
from legrun.tui.interop.files import write_atomically

Progress = Callable[[int, int], None]  # done, of total


class ActionError(Exception):
    """The move could not be made; the message says why (nothing was changed)."""


class Action(Struct, frozen=True):
    key: str
    title: str  # the palette's name for it
    help: str
    default_path: str  # offered in the path field (~ is the home folder)
    writes: bool  # changes the database (the app re-plans afterwards)
    run: Callable[[Repository, list[Path], date, Progress], str]  # the paths typed
    files: bool = False  # takes several files, separated by spaces


def _export_ics(repo: Repository, paths: list[Path], today: date, progress: Progress) -> str:
    from legrun.tui.interop.calendar import plan_calendar, plans_ahead

    path = paths[0]
    if not path.parent.is_dir():
        raise ActionError(f"the folder {path.parent} does not exist")
    progress(0, 2)
    window, plans = plans_ahead(repo, today, 4)
    progress(1, 2)
    calendar = plan_calendar(plans, datetime.now(UTC))
    try:
        write_atomically(path, calendar.to_ical())
    except OSError as exc:
        raise ActionError(f"could not write {path}: {exc.strerror or exc}") from None
    progress(2, 2)
    count = len(calendar.events)
    return (
        f"{count} event{'' if count == 1 else 's'} from {window.first:%d %b} to "
        f"{window.last:%d %b %Y} written to {path}"
    )


def _folder_of(path: Path) -> None:
    if not path.parent.is_dir():
        raise ActionError(f"the folder {path.parent} does not exist")


def _export_records(kind: str) -> Callable[[Repository, list[Path], date, Progress], str]:
    def run(repo: Repository, paths: list[Path], today: date, progress: Progress) -> str:
        from legrun.tui.interop import records as formats

        path = paths[0]
        _folder_of(path)
        progress(0, 2)
        records = repo.records()
        progress(1, 2)
        if kind == "json":
            text = formats.json_text(records, today)
        else:
            text = formats.csv_text(records.sessions)
        try:
            write_atomically(path, text.encode("utf-8"))
        except OSError as exc:
            raise ActionError(f"could not write {path}: {exc.strerror or exc}") from None
        progress(2, 2)
        return f"Exported {len(records.sessions)} sessions to {path}"

    return run


def _import_records(kind: str) -> Callable[[Repository, list[Path], date, Progress], str]:
    def run(repo: Repository, paths: list[Path], today: date, progress: Progress) -> str:
        from legrun.storage.records import Records
        from legrun.tui.cli.transfer import summary
        from legrun.tui.interop import records as formats

        progress(0, 2)
        try:
            found = formats.read_json(paths[0]) if kind == "json" else None
            records = found or Records(sessions=formats.read_csv(paths[0]))
        except formats.RecordError as exc:
            raise ActionError(f"{exc}; nothing was imported") from None
        progress(1, 2)
        counts = repo.import_records(records)
        progress(2, 2)
        return summary(counts).capitalize()

    return run


def _import_watch(kind: str) -> Callable[[Repository, list[Path], date, Progress], str]:
    def run(repo: Repository, paths: list[Path], today: date, progress: Progress) -> str:
        from legrun.tui.interop import watch

        try:
            found = watch.read_watch_files(paths, kind, on_file=progress)
        except watch.WatchFileError as exc:
            raise ActionError(f"{exc}; nothing was imported") from None
        ids = repo.import_activities(found.activities)
        added = sum(1 for i in ids if i is not None)
        notes = [f"{len(ids) - added} already there"] if len(ids) > added else []
        notes += found.skipped
        line = f"Imported {added} run{'' if added == 1 else 's'}"
        return f"{line} ({'; '.join(notes)})" if notes else line

    return run


def _backup(repo: Repository, paths: list[Path], today: date, progress: Progress) -> str:
    path = paths[0]
    _folder_of(path)
    if path.exists():
        raise ActionError(f"{path} exists already: a backup never overwrites a file")
    progress(0, 1)
    repo.backup(path)
    progress(1, 1)
    return f"Backed up to {path} (integrity checked)"


ACTIONS: tuple[Action, ...] = (
    Action(
        "export-ics",
        "Export the plan to a calendar file (ICS)",
        "this week and the next three, for khal, calcurse or a phone's calendar",
        "~/legrun-plan.ics",
        writes=False,
        run=_export_ics,
    ),
    Action(
        "export-json",
        "Export everything (JSON)",
        "every record, lossless: what Import everything reads back",
        "~/legrun-export.json",
        writes=False,
        run=_export_records("json"),
    ),
    Action(
        "export-csv",
        "Export sessions (CSV)",
        "one row a session, with a header row, for a spreadsheet",
        "~/legrun-sessions.csv",
        writes=False,
        run=_export_records("csv"),
    ),
    Action(
        "import-json",
        "Import everything (JSON)",
        "a file of Export everything: merged, nothing added twice, all or nothing",
        "~/legrun-export.json",
        writes=True,
        run=_import_records("json"),
    ),
    Action(
        "import-csv",
        "Import sessions (CSV)",
        "rows with Export sessions' header; a bad row imports nothing and is named",
        "~/legrun-sessions.csv",
        writes=True,
        run=_import_records("csv"),
    ),
    Action(
        "import-gpx",
        "Import runs from GPX files",
        "watch exports: each track a run; the same activity is added once",
        "~/",
        writes=True,
        run=_import_watch("gpx"),
        files=True,
    ),
    Action(
        "import-fit",
        "Import runs from FIT files",
        "Garmin, Coros, Wahoo, Suunto activities; rides are skipped",
        "~/",
        writes=True,
        run=_import_watch("fit"),
        files=True,
    ),
    Action(
        "backup",
        "Back up the database",
        "a consistent copy, integrity checked, even while the app has it open",
        "~/legrun-backup.db",
        writes=False,
        run=_backup,
    ),
)

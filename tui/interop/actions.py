"""The moves of data in and out that the app offers in its command palette, each as a
function the transfer screen runs off the UI thread: given its own connection to the
database, the path typed and a way to report progress, it does the work and says, in one
line, what it did. The command line has the same moves as commands."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from legrun.storage import Repository

Progress = Callable[[int, int], None]  # done, of total


class ActionError(Exception):
    """The move could not be made; the message says why (nothing was changed)."""


@dataclass(frozen=True)
class Action:
    key: str
    title: str  # the palette's name for it
    help: str
    default_path: str  # offered in the path field (~ is the home folder)
    writes: bool  # changes the database (the app re-plans afterwards)
    run: Callable[[Repository, list[Path], date, Progress], str]  # the paths typed
    files: bool = False  # takes several files, separated by spaces


def _export_ics(repo: Repository, paths: list[Path], today: date, progress: Progress) -> str:
    from legrun.tui.cli.calendar import write_atomically
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


ACTIONS: tuple[Action, ...] = (
    Action(
        "export-ics",
        "Export the plan to a calendar file (ICS)",
        "this week and the next three, for khal, calcurse or a phone's calendar",
        "~/legrun-plan.ics",
        writes=False,
        run=_export_ics,
    ),
)

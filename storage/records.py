"""The records an export writes and an import reads, and what an import did with them
(`storage.exchange` moves them in and out). Apart from it, so that a command that neither
exports nor imports does not make these classes at every start."""

from __future__ import annotations

from datetime import date

from msgspec import Struct, field

from legrun.planner.goal import Goal
from legrun.planner.models import AnySession, CheckIn, Pin, Profile, Run


class ImportedActivity(Struct, frozen=True):
    """A watch activity taken in before: its digest, the id of the run it became (None when
    unknown) and where it came from (`gpx: morning.gpx, track 1`)."""

    digest: str
    session_id: int | None
    source: str = ""


class Activity(Struct, frozen=True):
    """A run read from a watch file, with the digest that identifies its activity."""

    digest: str
    source: str
    run: Run


class Records(Struct, frozen=True):
    """Every kind of record a database holds, as `export json` writes them and `import json`
    reads them. `profile` and `goal` are None when there is none (the profile's defaults)."""

    profile: Profile | None = None
    goal: Goal | None = None
    sessions: tuple[AnySession, ...] = ()
    checkins: tuple[CheckIn, ...] = ()
    ticks: tuple[tuple[date, str], ...] = ()
    pins: tuple[Pin, ...] = ()
    settings: tuple[tuple[str, str], ...] = ()
    imports: tuple[ImportedActivity, ...] = ()


class Tally(Struct):
    """What an import did with one kind of record."""

    added: int = 0
    already: int = 0  # the same record was there
    kept: int = 0  # a different record was there under the same identity, and stays

    def found(self, same: bool) -> None:
        """A record was there under the same identity: the same one, or a different one."""
        if same:
            self.already += 1
        else:
            self.kept += 1


KINDS = ("sessions", "checkins", "ticks", "pins", "profile", "goal", "settings", "imports")


class ImportCounts(Struct):
    """One `Tally` per kind of record (the names of `KINDS`)."""

    tallies: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in KINDS})

    def __getitem__(self, kind: str) -> Tally:
        return self.tallies[kind]

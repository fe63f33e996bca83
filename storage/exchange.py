"""Every record in and out at once: `export json|csv` and `import json|csv|gpx|fit`, and
`backup`. `Repository` offers these as its own methods.

An import is one write transaction (all of it or none of it) that only adds: it never changes
or removes what the database holds. What counts as "already there", kind by kind:

- a session: one stored with the same id and the same content (date, kind, minutes, RPE,
  notes, km, HR, run kind, activity, exercises), else one with the same content under another
  id (imported before, when the file's id was taken). A new session keeps the file's id when
  no session here ever had it (ids are never reused, schema 3); otherwise it gets a new one.
  Two equal sessions in the file match two stored ones, never one twice;
- a check-in: the one on its date; a checklist tick: its (date, item); a plan edit (pin): one
  with the same content (its id kept as a session's is); a setting: its key;
- the profile and the goal race: the file's is taken only when the database has none.

Where the database holds a different record under the same identity (another check-in on
that date, a profile of its own), the database's is kept and the import counts it as `kept`.

An activity from a watch file is known by a digest of its content (`imports`, schema 6), so
the same activity imported again, a renamed copy too, is added once; it stays known when its
run is edited or deleted (a deleted run stays deleted).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from msgspec.structs import replace

from legrun.planner.goal import Goal
from legrun.planner.models import MUSCLES, AnySession, CheckIn, Pin, Profile
from legrun.storage.database import StorageError, describe

if TYPE_CHECKING:
    from legrun.storage.database import Connection
    from legrun.storage.records import Activity, ImportCounts, ImportedActivity, Records, Tally

_FIRST_DAY, _LAST_DAY = date(1, 1, 1), date(9999, 12, 31)


Item = TypeVar("Item", AnySession, Pin)


class ExchangeQueries:
    """Reading and writing every record at once, and the copy `backup` makes."""

    _db: Connection

    if TYPE_CHECKING:  # Repository's own, which this mixin builds on

        def profile(self) -> Profile: ...
        def goal(self) -> Goal | None: ...
        def sessions(
            self, start: date | None = None, end: date | None = None
        ) -> list[AnySession]: ...
        def checkins(self, start: date | None = None, end: date | None = None) -> list[CheckIn]: ...
        def pins(self, start: date | None = None, end: date | None = None) -> list[Pin]: ...
        def ticks(self, start: date, end: date) -> set[tuple[date, str]]: ...
        def save_profile(self, profile: Profile) -> Profile: ...
        def save_goal(self, goal: Goal) -> Goal | None: ...
        def _insert_session(self, session: AnySession) -> int: ...
        def _insert_pin(self, pin: Pin) -> int: ...

    # -- out ----------------------------------------------------------------------------------

    def records(self) -> Records:
        """Every record, read from one snapshot (a write by another program while this reads
        is either all in it or not at all)."""
        from legrun.storage.records import ImportedActivity, Records

        with self._snapshot():
            profile = self.profile()
            return Records(
                profile=None if profile.is_default else profile,
                goal=self.goal(),
                sessions=tuple(self.sessions()),
                checkins=tuple(self.checkins()),
                ticks=tuple(sorted(self.ticks(_FIRST_DAY, _LAST_DAY))),
                pins=tuple(self.pins()),
                settings=tuple(
                    (str(k), str(v))
                    for k, v in self._db.rows("SELECT key, value FROM settings ORDER BY key")
                ),
                imports=tuple(
                    ImportedActivity(digest, session_id, source)
                    for digest, session_id, source in self._db.rows(
                        "SELECT digest, session_id, source FROM imports ORDER BY rowid"
                    )
                ),
            )

    @contextlib.contextmanager
    def _snapshot(self) -> Iterator[None]:
        """A read transaction (WAL gives it one snapshot), unless one is open already."""
        try:
            nested = self._db.raw.in_transaction
        except sqlite3.Error as exc:
            raise StorageError(describe(exc)) from None
        if nested:
            yield
            return
        self._db.execute("BEGIN")
        try:
            yield
        finally:
            with contextlib.suppress(StorageError):
                self._db.execute("ROLLBACK")

    # -- in -----------------------------------------------------------------------------------

    def import_records(self, records: Records) -> ImportCounts:
        """Merge `records` into the database in one transaction (see the module's docstring
        for what is already there); returns what was added, found and kept, kind by kind."""
        from legrun.storage.records import ImportCounts

        counts = ImportCounts()
        with self._db.write():
            self._merge_profile_and_goal(records, counts)
            session_ids = self._merge_by_content(
                records.sessions,
                self.sessions(),
                "sessions",
                self._insert_session,
                counts["sessions"],
            )
            self._merge_by_content(
                records.pins, self.pins(), "pins", self._insert_pin, counts["pins"]
            )
            self._merge_checkins(records.checkins, counts["checkins"])
            self._merge_ticks(records.ticks, counts["ticks"])
            self._merge_settings(records.settings, counts["settings"])
            self._merge_imports(records.imports, session_ids, counts["imports"])
        return counts

    def _merge_profile_and_goal(self, records: Records, counts: ImportCounts) -> None:
        if records.profile is not None:
            mine = self.profile()
            if mine.is_default:
                self.save_profile(records.profile)
                counts["profile"].added += 1
            else:
                counts["profile"].found(same=mine == records.profile)
        if records.goal is not None:
            goal = self.goal()
            if goal is None:
                self.save_goal(records.goal)
                counts["goal"].added += 1
            else:
                counts["goal"].found(same=goal == records.goal)

    def _merge_by_content(
        self,
        items: Sequence[Item],
        stored: Sequence[Item],
        table: str,
        insert: Callable[[Item], int],
        tally: Tally,
    ) -> dict[int, int]:
        """Add the items that are not there yet; returns each file id's id here."""
        by_id = {s.id: s for s in stored if s.id is not None}
        claimed: set[int] = set()
        here: dict[int, int] = {}
        pending: list[tuple[Item, Item]] = []
        for item in items:
            content = replace(item, id=None)
            twin = by_id.get(item.id) if item.id is not None else None
            if (
                item.id is not None
                and twin is not None
                and item.id not in claimed
                and replace(twin, id=None) == content
            ):
                claimed.add(item.id)
                here[item.id] = item.id
                tally.already += 1
            else:
                pending.append((item, content))
        unclaimed: dict[Item, list[int]] = {}
        for stored_id, twin in by_id.items():
            if stored_id not in claimed:
                unclaimed.setdefault(replace(twin, id=None), []).append(stored_id)
        handed_out = int(
            self._db.value("SELECT seq FROM sqlite_sequence WHERE name = ?", [table]) or 0
        )
        keeping: list[tuple[int, Item]] = []
        fresh: list[Item] = []
        for item, content in pending:
            found = unclaimed.get(content)
            if found:
                match = found.pop(0)
                if item.id is not None:
                    here[item.id] = match
                tally.already += 1
            elif (
                item.id is not None
                and item.id > handed_out
                and item.id not in by_id
                and item.id not in here
            ):
                here[item.id] = item.id
                keeping.append((item.id, item))
            else:
                fresh.append(item)
        # The ids kept first, so that a new id handed out after them cannot take one.
        for _, item in keeping:
            insert(item)
        for item in fresh:
            new_id = insert(replace(item, id=None))
            if item.id is not None and item.id not in here:
                here[item.id] = new_id
        tally.added += len(keeping) + len(fresh)
        return here

    def _merge_checkins(self, checkins: Sequence[CheckIn], tally: Tally) -> None:
        stored = {c.date: c for c in self.checkins()}
        new: dict[date, CheckIn] = {}
        for checkin in checkins:
            there = stored.get(checkin.date) or new.get(checkin.date)
            if there is None:
                new[checkin.date] = checkin
            else:
                tally.found(same=there == checkin)
        self._db.executemany(
            "INSERT INTO checkins (date, soreness, quads, hamstrings, glutes, calves, sleep,"
            " energy) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    c.date.isoformat(),
                    c.soreness,
                    *(getattr(c, m) for m in MUSCLES),
                    c.sleep,
                    c.energy,
                )
                for c in new.values()
            ],
        )
        tally.added += len(new)

    def _merge_ticks(self, ticks: Sequence[tuple[date, str]], tally: Tally) -> None:
        stored = self.ticks(_FIRST_DAY, _LAST_DAY)
        new = list(dict.fromkeys(t for t in ticks if t not in stored))
        tally.already += len(ticks) - len(new)
        self._db.executemany(
            "INSERT INTO checklist_ticks (date, item) VALUES (?, ?)",
            [(day.isoformat(), item) for day, item in new],
        )
        tally.added += len(new)

    def _merge_settings(self, settings: Sequence[tuple[str, str]], tally: Tally) -> None:
        stored = dict(self._db.rows("SELECT key, value FROM settings"))
        for key, value in settings:
            if key not in stored:
                self._db.execute("INSERT INTO settings (key, value) VALUES (?, ?)", [key, value])
                stored[key] = value
                tally.added += 1
            else:
                tally.found(same=stored[key] == value)

    def _merge_imports(
        self, imports: Sequence[ImportedActivity], session_ids: dict[int, int], tally: Tally
    ) -> None:
        for activity in imports:
            if self.has_import(activity.digest):
                tally.already += 1
                continue
            self._record_import(
                activity.digest,
                session_ids.get(activity.session_id) if activity.session_id is not None else None,
                activity.source,
            )
            tally.added += 1

    # -- activities from watch files ----------------------------------------------------------

    def has_import(self, digest: str) -> bool:
        """Whether the activity with this digest was imported before."""
        return self._db.row("SELECT 1 FROM imports WHERE digest = ?", [digest]) is not None

    def import_activities(self, activities: Sequence[Activity]) -> list[int | None]:
        """Add each activity's run unless its digest was imported before (in an earlier import
        or earlier in this one), in one transaction; the new run's id for each, None for one
        already there."""
        with self._db.write():
            found: list[int | None] = []
            for activity in activities:
                if self.has_import(activity.digest):
                    found.append(None)
                    continue
                session_id = self._insert_session(replace(activity.run, id=None))
                self._record_import(activity.digest, session_id, activity.source)
                found.append(session_id)
            return found

    def _record_import(self, digest: str, session_id: int | None, source: str) -> None:
        self._db.execute(
            "INSERT INTO imports (digest, session_id, source) VALUES (?, ?, ?)",
            [digest, session_id, source],
        )

    # -- a copy of the database ---------------------------------------------------------------

    def backup(self, path: Path | str) -> None:
        """Write a consistent copy of the database to `path` (a file that must not exist yet,
        in a folder that does), even while other programs have the database open and write to
        it: SQLite's `VACUUM INTO` reads one snapshot. The copy is checked with
        `PRAGMA integrity_check` and only then appears under its name, so a failure (a full
        disk, a killed process) leaves no half-written file there."""
        target = Path(path).expanduser()
        if target.exists() or target.is_symlink():
            raise StorageError(f"{target} exists already; a backup never overwrites a file")
        if not target.parent.is_dir():
            raise StorageError(f"the folder {target.parent} does not exist")
        partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
        try:
            with contextlib.suppress(FileNotFoundError):
                partial.unlink()
            self._db.execute("VACUUM INTO ?", [str(partial)])
            _sync(partial)
            result = _integrity(partial)
            if result != "ok":
                raise StorageError(f"the copy did not pass its integrity check ({result})")
            _place(partial, target)
        except OSError as exc:
            raise StorageError(f"cannot write {target}: {exc.strerror or exc}") from None
        finally:
            with contextlib.suppress(OSError):
                partial.unlink()


def _sync(path: Path) -> None:
    """Make sure the copy is on the disk before it is given its name."""
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _integrity(path: Path) -> str:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return ", ".join(str(r[0]) for r in conn.execute("PRAGMA integrity_check"))
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return describe(exc)


def _place(partial: Path, target: Path) -> None:
    """Give the finished copy its name, never replacing a file that appeared meanwhile."""
    try:
        os.link(partial, target)
    except FileExistsError:
        raise StorageError(f"{target} exists already; a backup never overwrites a file") from None
    except OSError:
        # A file system without hard links: a rename, after one more look.
        if target.exists():
            raise StorageError(
                f"{target} exists already; a backup never overwrites a file"
            ) from None
        os.replace(partial, target)

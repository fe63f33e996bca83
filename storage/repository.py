"""The repository: the only place that turns planner records into rows and back.

Everything above storage (the CLI, the app) reads and writes through a `Repository`, never a
connection. Each write is one IMMEDIATE transaction and returns what it replaced, so that a
`Change` (storage/changes.py) can be taken back; `apply` makes a change and returns its inverse.
Every SQLite error comes out as a `StorageError` (storage/database.py: `Connection`).
"""

from __future__ import annotations

import bisect
import contextlib
import sqlite3
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from legrun.planner.goal import Goal
from legrun.planner.models import (
    MUSCLES,
    WEEKDAYS,
    AnySession,
    CheckIn,
    CrossTraining,
    Exercise,
    LegDay,
    Pin,
    Profile,
    Run,
    parse_weekdays,
)
from legrun.storage.database import (
    Connection,
    StorageError,
    connect_reader,
    default_path,
    open_database,
    open_memory,
)
from legrun.storage.exchange import ExchangeQueries
from legrun.storage.fresh_schema import STATEMENTS, VERSION
from legrun.storage.history import HistoryQueries
from legrun.storage.schema import MIGRATIONS
from legrun.storage.trends import TrendQueries

if TYPE_CHECKING:
    from legrun.storage.changes import Change

SESSION_COLUMNS = (
    "s.id, s.date, s.type, s.minutes, s.rpe, s.km, s.avg_hr, s.run_kind, s.activity, s.notes"
)
# Each connection lists the days it writes sessions on (temporary, its own): the run dates it
# keeps (`Repository._every_run_day`) are looked at again on those days only.
_SESSION_DAYS = (
    "CREATE TEMP TABLE IF NOT EXISTS session_days (day TEXT NOT NULL)",
    "CREATE TEMP TRIGGER IF NOT EXISTS session_added AFTER INSERT ON main.sessions "
    "BEGIN INSERT INTO session_days VALUES (new.date); END",
    "CREATE TEMP TRIGGER IF NOT EXISTS session_removed AFTER DELETE ON main.sessions "
    "BEGIN INSERT INTO session_days VALUES (old.date); END",
    "CREATE TEMP TRIGGER IF NOT EXISTS session_changed AFTER UPDATE ON main.sessions "
    "BEGIN INSERT INTO session_days VALUES (old.date), (new.date); END",
    # An exercise belongs to its session's day (a session already gone was listed itself).
    "CREATE TEMP TRIGGER IF NOT EXISTS exercise_added AFTER INSERT ON main.exercises BEGIN "
    "INSERT INTO session_days SELECT date FROM main.sessions WHERE id = new.session_id; END",
    "CREATE TEMP TRIGGER IF NOT EXISTS exercise_removed AFTER DELETE ON main.exercises BEGIN "
    "INSERT INTO session_days SELECT date FROM main.sessions WHERE id = old.session_id; END",
    "CREATE TEMP TRIGGER IF NOT EXISTS exercise_changed AFTER UPDATE ON main.exercises BEGIN "
    "INSERT INTO session_days SELECT date FROM main.sessions "
    "WHERE id IN (old.session_id, new.session_id); END",
)


class _Kept:
    """A read kept (`Repository._every_run_day`, `Repository.sessions`): `value`, right at
    the file's `version` but for the days written on after row `seen` of `temp.session_days`;
    `key` says what was read (a window of dates)."""

    __slots__ = ("key", "seen", "value", "version")

    def __init__(self, key: object, value: Any, version: int, seen: int) -> None:
        self.key, self.value, self.version, self.seen = key, value, version, seen


# Sessions kept made from their rows (`Repository._decoded`): ten years of history and more.
_SESSIONS_KEPT = 8192


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


FRESH = (VERSION, STATEMENTS)  # a new database's schema at once


class Repository(TrendQueries, HistoryQueries, ExchangeQueries):
    """Takes and returns planner records; every write is one IMMEDIATE transaction."""

    def __init__(self, db: sqlite3.Connection, path: Path | None = None) -> None:
        self._db = Connection(db)
        self.path = path
        self._sessions_made: dict[tuple[object, ...], AnySession] = {}
        # What the planner reads after every save, kept between reads (see `_Kept`): every
        # date with a run, and the last window of sessions read.
        self._run_days: _Kept | None = None
        self._window: _Kept | None = None
        try:
            for statement in _SESSION_DAYS:
                self._db.execute(statement)
        except StorageError:
            self._db.close()  # (a connection it cannot use is not left open)
            raise

    @classmethod
    def open(cls, path: Path | str | None = None) -> Repository:
        resolved = Path(path).expanduser() if path is not None else default_path()
        return cls(open_database(resolved, MIGRATIONS, FRESH), resolved)

    @classmethod
    def in_memory(cls) -> Repository:
        """An empty repository in memory (nothing is written to disk, nothing is kept)."""
        return cls(open_memory(MIGRATIONS, FRESH))

    def reader(self) -> Repository:
        """A read-only second connection to the same file, for a worker thread (a connection
        belongs to the thread that opened it). The file was checked and migrated when this
        repository opened it, so this one opens at once."""
        if self.path is None:
            raise StorageError("this database has no file to open a second connection to")
        return Repository(connect_reader(self.path), self.path)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Repository:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def apply(self, change: Change) -> Change:
        """Make `change` in one write transaction (all of it or none of it); returns the change
        that takes it back, which `apply` takes in turn (undo, then redo)."""
        with self._db.write():
            return change.apply(self)

    def transaction(self) -> contextlib.AbstractContextManager[None]:
        """One write transaction around several writes (all of them or none): the demo's
        weeks are stored at one commit, not one a check-in."""
        return self._db.write()

    def data_version(self) -> int:
        """A number that changes when another connection commits to the database (SQLite's
        `PRAGMA data_version`): what this connection has read may be out of date then."""
        return int(self._db.value("PRAGMA data_version"))

    # -- profile ------------------------------------------------------------------------------

    def profile(self) -> Profile:
        row = self._db.row(
            "SELECT age, max_hr, resting_hr, runs_per_week, weekly_km, long_run_day, "
            "week_start, units, cross, leg_days_rule, same_day_hard, unavailable, "
            "weekly_minutes FROM profile WHERE id = 1"
        )
        if row is None:
            return Profile(is_default=True)
        age, max_hr, resting_hr, runs, km, long_day, week_start, units, cross, rule = row[:10]
        same_day_hard, unavailable, weekly_minutes = row[10:]
        return Profile(
            age=age,
            max_hr=max_hr,
            resting_hr=resting_hr,
            runs_per_week=runs,
            weekly_km=km,
            long_run_day=long_day,
            week_start=week_start,
            units=units,
            cross=tuple(cross.split(",")) if cross else Profile().cross,
            leg_days_rule=rule,
            same_day_hard=bool(same_day_hard),
            unavailable=parse_weekdays(unavailable or ""),
            weekly_minutes=weekly_minutes,
        )

    def save_profile(self, profile: Profile) -> Profile:
        """Store the profile; returns the one it replaced (the defaults if none was set)."""
        with self._db.write():
            before = self.profile()
            self._db.execute(
                "INSERT OR REPLACE INTO profile (id, age, max_hr, resting_hr, runs_per_week, "
                "weekly_km, long_run_day, week_start, units, cross, leg_days_rule, "
                "same_day_hard, unavailable, weekly_minutes) "
                "VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    profile.age,
                    profile.max_hr,
                    profile.resting_hr,
                    profile.runs_per_week,
                    profile.weekly_km,
                    profile.long_run_day,
                    profile.week_start,
                    profile.units,
                    ",".join(profile.cross),
                    profile.leg_days_rule,
                    int(profile.same_day_hard),
                    ",".join(WEEKDAYS[day] for day in profile.unavailable),
                    profile.weekly_minutes,
                ],
            )
            return before

    def reset_profile(self) -> Profile:
        """Back to the defaults every command uses until the user sets their own; returns the
        profile there was."""
        with self._db.write():
            before = self.profile()
            self._db.execute("DELETE FROM profile WHERE id = 1")
            return before

    # -- sessions -----------------------------------------------------------------------------

    def add_session(self, session: AnySession) -> int:
        """Store a logged session; returns its id. A session with an id keeps it (undo)."""
        with self._db.write():
            return self._insert_session(session)

    def add_sessions(self, sessions: Iterable[AnySession]) -> list[int]:
        """Store many sessions in one transaction (all or nothing)."""
        with self._db.write():
            return [self._insert_session(s) for s in sessions]

    def _insert_session(self, session: AnySession) -> int:
        row: dict[str, Any] = {
            "id": session.id,
            "date": session.date.isoformat(),
            "minutes": session.minutes,
            "rpe": session.rpe,
            "notes": session.notes or None,
            "km": None,
            "avg_hr": None,
            "run_kind": None,
            "activity": None,
        }
        if isinstance(session, LegDay):
            row["type"] = "leg"
        elif isinstance(session, Run):
            row.update(type="run", km=session.km, avg_hr=session.avg_hr, run_kind=session.kind)
        else:
            row.update(type="cross", activity=session.activity)
        if session.id is not None and self._db.row(
            "SELECT 1 FROM sessions WHERE id = ?", [session.id]
        ):
            raise StorageError(f"session {session.id} exists already")
        cursor = self._db.execute(
            "INSERT INTO sessions (id, date, type, minutes, rpe, km, avg_hr, run_kind, activity,"
            " notes) VALUES (:id, :date, :type, :minutes, :rpe, :km, :avg_hr, :run_kind,"
            " :activity, :notes)",
            row,
        )
        session_id = int(cursor.lastrowid or 0)
        if isinstance(session, LegDay) and session.exercises:
            self._db.executemany(
                "INSERT INTO exercises (session_id, position, name, sets, reps, load_kg, muscles,"
                " per_set, unit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        session_id,
                        i,
                        e.name,
                        e.sets,
                        e.reps,
                        e.load_kg,
                        ",".join(e.muscles),
                        _sets_text(e.per_set),
                        e.unit,
                    )
                    for i, e in enumerate(session.exercises)
                ],
            )
        return session_id

    def replace_session(self, session: AnySession) -> AnySession:
        """Overwrite a stored session (same id) with an edited one; returns the one replaced.
        A session that is no longer there (deleted in another window) is refused, not added
        back under its old id."""
        if session.id is None:
            raise ValueError("replace_session needs a session with an id")
        with self._db.write():
            before = self.session(session.id)
            if before is None:
                raise StorageError(
                    f"session {session.id} is no longer there (deleted elsewhere?); "
                    "nothing was saved"
                )
            self._delete(session.id)
            self._insert_session(session)
            return before

    def move_session(self, session_id: int, to: date) -> AnySession:
        """Move a logged session to another day; returns it as it was."""
        with self._db.write():
            before = self.session(session_id)
            if before is None:
                raise StorageError(f"session {session_id} is no longer there; nothing was moved")
            self._db.execute(
                "UPDATE sessions SET date = ? WHERE id = ?", [to.isoformat(), session_id]
            )
            return before

    def delete_session(self, session_id: int) -> AnySession | None:
        """Delete a session; returns what was deleted (for undo), or None if there was none."""
        with self._db.write():
            found = self.session(session_id)
            if found is not None:
                self._delete(session_id)
            return found

    def _delete(self, session_id: int) -> None:
        self._db.execute("DELETE FROM exercises WHERE session_id = ?", [session_id])
        self._db.execute("DELETE FROM sessions WHERE id = ?", [session_id])

    def session(self, session_id: int) -> AnySession | None:
        found = self._sessions_where("s.id = ?", [session_id])
        return found[0] if found else None

    def sessions(self, start: date | None = None, end: date | None = None) -> list[AnySession]:
        """Sessions from `start` to `end` inclusive (either open), oldest first. The last
        window read is kept (the planner reads months of sessions after every save): read
        again, only the days written on since are read from the file."""
        window = (_iso(start) or "0000-01-01", _iso(end) or "9999-12-31")
        kept = self._window if self._window is not None and self._window.key == window else None
        version, seen, written = self._written_since(kept)
        if kept is None or written is None:
            found = self._sessions_where("s.date >= ? AND s.date <= ?", list(window))
        else:
            days = sorted(d for d in written if window[0] <= d <= window[1])
            found = kept.value
            if days:
                fresh = self._sessions_where(f"s.date IN ({','.join('?' * len(days))})", days)
                again = {date.fromisoformat(d) for d in days}
                found = [s for s in found if s.date not in again] + fresh
                found.sort(key=lambda s: (s.date, s.id or 0))
        if not self._db.in_transaction:  # (a write that may yet be rolled back: not kept)
            self._window = _Kept(window, found, version, seen)
        return list(found)

    def _written_since(self, kept: _Kept | None) -> tuple[int, int, set[str] | None]:
        """The file's version, the last row of `temp.session_days`, and the days this
        connection wrote sessions on since `kept` was read: None when all of it must be read
        again (nothing kept, or another connection wrote)."""
        version = self.data_version()
        if kept is None or kept.version != version:
            last = self._db.value("SELECT coalesce(max(rowid), 0) FROM temp.session_days")
            return version, int(last), None
        rows = self._db.rows(
            "SELECT rowid, day FROM temp.session_days WHERE rowid > ? ORDER BY rowid", [kept.seen]
        )
        return version, rows[-1][0] if rows else kept.seen, {day for _, day in rows}

    def session_count(self) -> int:
        return int(self._db.value("SELECT count(*) FROM sessions"))

    def run_dates(self, end: date) -> list[date]:
        """The distinct dates with a run, up to `end`, oldest first: the planner reads the
        training block (the first run, breaks of two weeks) from them, whatever window of
        sessions it is given."""
        days = self._every_run_day()
        return days[: bisect.bisect_right(days, end)]

    def _every_run_day(self) -> list[date]:
        """Every date with a run. Read once (one pass over ten years of the covering (date,
        type, ...) index takes longer than planning a week), then kept: after this
        connection's own writes only the days they wrote sessions on are looked at again (the
        triggers of `_SESSION_DAYS` name them, a rolled-back write's with it rolled back);
        after another connection's, all of them are read again."""
        kept = self._run_days
        version, seen, written = self._written_since(kept)
        if kept is None or written is None:
            days = self._run_days_where("", [])
        else:
            days = kept.value
            if written:
                touched = sorted(written)
                marks = ",".join("?" * len(touched))
                present = set(self._run_days_where(f" AND date IN ({marks})", touched))
                days = list(days)
                for day in map(date.fromisoformat, touched):
                    i = bisect.bisect_left(days, day)
                    there = i < len(days) and days[i] == day
                    if day in present and not there:
                        days.insert(i, day)
                    elif there and day not in present:
                        del days[i]
        if not self._db.in_transaction:  # (a write that may yet be rolled back: not kept)
            self._run_days = _Kept(None, days, version, seen)
        return days

    def _run_days_where(self, condition: str, params: list[str]) -> list[date]:
        rows = self._db.rows(
            f"SELECT DISTINCT date FROM sessions WHERE type = 'run'{condition} ORDER BY date",
            params,
        )
        return [date.fromisoformat(r[0]) for r in rows]

    def exercise_names(self) -> list[str]:
        """Every exercise name used before, most used first (for completion)."""
        return [
            r[0]
            for r in self._db.rows(
                "SELECT name FROM exercises GROUP BY name ORDER BY count(*) DESC, name"
            )
        ]

    def _sessions_where(
        self,
        where: str,
        params: list[Any],
        order: str = "s.date, s.id",
        limit: int | None = None,
    ) -> list[AnySession]:
        """Sessions (with their exercises) matching an SQL condition on `sessions s`."""
        tail = f" LIMIT {int(limit)}" if limit is not None else ""
        rows = self._db.rows(
            f"SELECT {SESSION_COLUMNS} FROM sessions s WHERE {where} ORDER BY {order}{tail}",
            params,
        )
        leg_ids = [r[0] for r in rows if r[2] == "leg"]
        exercises = self._exercise_rows(leg_ids)
        return [self._decoded(r, exercises.get(r[0], ())) for r in rows]

    def _exercise_rows(self, session_ids: list[int]) -> dict[int, tuple[tuple[Any, ...], ...]]:
        """The exercises' rows of these sessions, in order, by session id."""
        if not session_ids:
            return {}
        columns = "session_id, name, sets, reps, load_kg, muscles, per_set, unit"
        if len(session_ids) <= 500:
            marks = ",".join("?" * len(session_ids))
            rows = self._db.rows(
                f"SELECT {columns} FROM exercises WHERE session_id IN ({marks}) "
                "ORDER BY session_id, position",
                session_ids,
            )
        else:
            # One pass over the table beats a long IN list (years of history at once).
            wanted = set(session_ids)
            every = self._db.rows(f"SELECT {columns} FROM exercises ORDER BY session_id, position")
            rows = [r for r in every if r[0] in wanted]
        found: dict[int, list[tuple[Any, ...]]] = {}
        for row in rows:
            found.setdefault(row[0], []).append(row)
        return {k: tuple(v) for k, v in found.items()}

    def _decoded(
        self, row: tuple[Any, ...], exercise_rows: tuple[tuple[Any, ...], ...]
    ) -> AnySession:
        """The session these rows hold. A session is read again and again (the planner's
        window of months after every save), and making one checks every field: a session is
        made once for the same rows. The rows are the key, so a session changed by anyone,
        this connection or another, is read afresh."""
        key = (row, exercise_rows)
        found = self._sessions_made.get(key)
        if found is None:
            exercises = tuple(_exercise_from_row(r) for r in exercise_rows)
            found = _session_from_row(row, exercises)
            if len(self._sessions_made) >= _SESSIONS_KEPT:
                self._sessions_made.clear()
            self._sessions_made[key] = found
        return found

    # -- the goal race ------------------------------------------------------------------------

    def goal(self) -> Goal | None:
        row = self._db.row("SELECT date, distance_km, name FROM goal WHERE id = 1")
        if row is None:
            return None
        return Goal(date=date.fromisoformat(row[0]), distance_km=row[1], name=row[2] or "")

    def save_goal(self, goal: Goal) -> Goal | None:
        """Set the goal race (replacing any other); returns the one replaced, if any."""
        with self._db.write():
            before = self.goal()
            self._db.execute(
                "INSERT INTO goal (id, date, distance_km, name) VALUES (1, ?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET date = excluded.date, "
                "distance_km = excluded.distance_km, name = excluded.name",
                [goal.date.isoformat(), goal.distance_km, goal.name],
            )
            return before

    def clear_goal(self) -> Goal | None:
        """Remove the goal race; the one removed, if any."""
        with self._db.write():
            found = self.goal()
            self._db.execute("DELETE FROM goal WHERE id = 1")
            return found

    # -- check-ins ----------------------------------------------------------------------------

    def save_checkin(self, checkin: CheckIn) -> CheckIn | None:
        """Store a check-in; a second one on the same date replaces the first, which is
        returned (None when there was none)."""
        with self._db.write():
            before = self.checkin(checkin.date)
            self._db.execute(
                "INSERT OR REPLACE INTO checkins (date, soreness, quads, hamstrings, glutes,"
                " calves, sleep, energy) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    checkin.date.isoformat(),
                    checkin.soreness,
                    *(getattr(checkin, m) for m in MUSCLES),
                    checkin.sleep,
                    checkin.energy,
                ],
            )
            return before

    def delete_checkin(self, day: date) -> CheckIn | None:
        with self._db.write():
            found = self.checkin(day)
            self._db.execute("DELETE FROM checkins WHERE date = ?", [day.isoformat()])
            return found

    def checkin(self, day: date) -> CheckIn | None:
        found = self.checkins(day, day)
        return found[0] if found else None

    def checkins(self, start: date | None = None, end: date | None = None) -> list[CheckIn]:
        return self._checkins_where(
            "date >= ? AND date <= ?", [_iso(start) or "0000-01-01", _iso(end) or "9999-12-31"]
        )

    def _checkins_where(
        self, where: str, params: list[Any], order: str = "date", limit: int | None = None
    ) -> list[CheckIn]:
        tail = f" LIMIT {int(limit)}" if limit is not None else ""
        rows = self._db.rows(
            "SELECT date, soreness, quads, hamstrings, glutes, calves, sleep, energy, rowid "
            f"FROM checkins WHERE {where} ORDER BY {order}{tail}",
            params,
        )
        return [
            CheckIn(
                date=date.fromisoformat(r[0]),
                soreness=r[1],
                quads=r[2],
                hamstrings=r[3],
                glutes=r[4],
                calves=r[5],
                sleep=r[6],
                energy=r[7],
                id=r[8],
            )
            for r in rows
        ]

    # -- pins ---------------------------------------------------------------------------------

    def add_pin(self, pin: Pin) -> int:
        with self._db.write():
            return self._insert_pin(pin)

    def _insert_pin(self, pin: Pin) -> int:
        cursor = self._db.execute(
            "INSERT INTO pins (id, date, kind, action, to_date, minutes, km)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                pin.id,
                pin.date.isoformat(),
                pin.kind,
                pin.action,
                _iso(pin.to_date),
                pin.minutes,
                pin.km,
            ],
        )
        return int(cursor.lastrowid or 0)

    def change_pins(
        self, remove: Iterable[int] = (), add: Iterable[Pin] = ()
    ) -> tuple[list[Pin], list[int]]:
        """Delete some pins and add others in one transaction; returns the pins deleted and
        the new pins' ids."""
        with self._db.write():
            removed = [p for pin_id in remove for p in self._pins("id = ?", [pin_id])]
            for pin in removed:
                self._db.execute("DELETE FROM pins WHERE id = ?", [pin.id])
            return removed, [self._insert_pin(pin) for pin in add]

    def delete_pin(self, pin_id: int) -> Pin | None:
        removed, _ = self.change_pins(remove=[pin_id])
        return removed[0] if removed else None

    def pins(self, start: date | None = None, end: date | None = None) -> list[Pin]:
        """Pins touching the dates from `start` to `end` (by their date or the day moved to)."""
        lo, hi = _iso(start) or "0000-01-01", _iso(end) or "9999-12-31"
        return self._pins("(date BETWEEN ? AND ?) OR (to_date BETWEEN ? AND ?)", [lo, hi, lo, hi])

    def _pins(self, where: str, params: list[Any]) -> list[Pin]:
        rows = self._db.rows(
            "SELECT id, date, kind, action, to_date, minutes, km FROM pins "
            f"WHERE {where} ORDER BY id",
            params,
        )
        return [
            Pin(
                id=r[0],
                date=date.fromisoformat(r[1]),
                kind=r[2],
                action=r[3],
                to_date=date.fromisoformat(r[4]) if r[4] else None,
                minutes=r[5],
                km=r[6],
            )
            for r in rows
        ]

    # -- checklist ticks ----------------------------------------------------------------------

    def set_tick(self, day: date, item: str, done: bool) -> bool:
        """Tick or untick a checklist item; returns whether it was ticked before."""
        with self._db.write():
            before = bool(
                self._db.row(
                    "SELECT 1 FROM checklist_ticks WHERE date = ? AND item = ?",
                    [day.isoformat(), item],
                )
            )
            if done:
                self._db.execute(
                    "INSERT OR IGNORE INTO checklist_ticks (date, item) VALUES (?, ?)",
                    [day.isoformat(), item],
                )
            else:
                self._db.execute(
                    "DELETE FROM checklist_ticks WHERE date = ? AND item = ?",
                    [day.isoformat(), item],
                )
            return before

    def ticks(self, start: date, end: date) -> set[tuple[date, str]]:
        return {
            (date.fromisoformat(d), item)
            for d, item in self._db.rows(
                "SELECT date, item FROM checklist_ticks WHERE date BETWEEN ? AND ?",
                [start.isoformat(), end.isoformat()],
            )
        }

    # -- settings (UI preferences such as the theme) ------------------------------------------

    def setting(self, key: str, default: str | None = None) -> str | None:
        found = self._db.value("SELECT value FROM settings WHERE key = ?", [key])
        return default if found is None else str(found)

    def set_setting(self, key: str, value: str) -> None:
        with self._db.write():
            self._db.execute(
                "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", [key, value]
            )


def _sets_text(per_set: tuple[tuple[int, float | None], ...]) -> str | None:
    """`5@100,5@105,3@110` (kg; `8@` for a set without load), or None for sets alike."""
    if not per_set:
        return None
    return ",".join(f"{reps}@{'' if load is None else repr(load)}" for reps, load in per_set)


def _sets_from_text(text: str | None) -> tuple[tuple[int, float | None], ...]:
    if not text:
        return ()
    sets = []
    for part in text.split(","):
        reps, _, load = part.partition("@")
        sets.append((int(reps), float(load) if load else None))
    return tuple(sets)


def _exercise_from_row(row: tuple[Any, ...]) -> Exercise:
    _, name, sets, reps, load_kg, muscles, per_set, unit = row
    return Exercise(
        name=name,
        sets=sets,
        reps=reps,
        load_kg=load_kg,
        muscles=tuple(m for m in (muscles or "").split(",") if m),
        per_set=_sets_from_text(per_set),
        unit=unit or "kg",
    )


def _session_from_row(row: tuple[Any, ...], exercises: tuple[Exercise, ...]) -> AnySession:
    sid, day, kind, minutes, rpe, km, avg_hr, run_kind, activity, notes = row
    common = {
        "id": sid,
        "date": date.fromisoformat(day),
        "minutes": minutes,
        "rpe": rpe,
        "notes": notes or "",
    }
    if kind == "leg":
        return LegDay(exercises=exercises, **common)
    if kind == "run":
        return Run(km=km, avg_hr=avg_hr, kind=run_kind or "easy", **common)
    return CrossTraining(activity=activity or "other", **common)

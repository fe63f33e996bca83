"""The repository: the only place that turns planner records into rows and back."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

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
from legrun.storage.database import StorageError, default_path, open_database, write_transaction
from legrun.storage.schema import MIGRATIONS

_SESSION_COLUMNS = "id, date, type, minutes, rpe, km, avg_hr, run_kind, activity, notes"


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


class Repository:
    """Takes and returns planner dataclasses; every write is one IMMEDIATE transaction."""

    def __init__(self, db: sqlite3.Connection, path: Path | None = None) -> None:
        self.db = db
        self.path = path

    @classmethod
    def open(cls, path: Path | str | None = None) -> Repository:
        resolved = Path(path).expanduser() if path is not None else default_path()
        return cls(open_database(resolved, MIGRATIONS), resolved)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Repository:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- profile ------------------------------------------------------------------------------

    def profile(self) -> Profile:
        row = self.db.execute(
            "SELECT age, max_hr, resting_hr, runs_per_week, weekly_km, long_run_day, "
            "week_start, units, cross, leg_days_rule, same_day_hard, unavailable, "
            "weekly_minutes FROM profile WHERE id = 1"
        ).fetchone()
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

    def save_profile(self, profile: Profile) -> None:
        with write_transaction(self.db):
            self.db.execute(
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

    def reset_profile(self) -> None:
        """Back to the defaults every command uses until the user sets their own."""
        with write_transaction(self.db):
            self.db.execute("DELETE FROM profile WHERE id = 1")

    # -- sessions -----------------------------------------------------------------------------

    def add_session(self, session: AnySession) -> int:
        """Store a logged session; returns its id. A session with an id keeps it (undo)."""
        with write_transaction(self.db):
            return self._insert_session(session)

    def add_sessions(self, sessions: Iterable[AnySession]) -> list[int]:
        """Store many sessions in one transaction (all or nothing)."""
        with write_transaction(self.db):
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
        if (
            session.id is not None
            and self.db.execute("SELECT 1 FROM sessions WHERE id = ?", [session.id]).fetchone()
        ):
            raise StorageError(f"session {session.id} exists already")
        cursor = self.db.execute(
            "INSERT INTO sessions (id, date, type, minutes, rpe, km, avg_hr, run_kind, activity,"
            " notes) VALUES (:id, :date, :type, :minutes, :rpe, :km, :avg_hr, :run_kind,"
            " :activity, :notes)",
            row,
        )
        session_id = int(cursor.lastrowid or 0)
        if isinstance(session, LegDay) and session.exercises:
            self.db.executemany(
                "INSERT INTO exercises (session_id, position, name, sets, reps, load_kg, muscles)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (session_id, i, e.name, e.sets, e.reps, e.load_kg, ",".join(e.muscles))
                    for i, e in enumerate(session.exercises)
                ],
            )
        return session_id

    def replace_session(self, session: AnySession) -> None:
        """Overwrite a stored session (same id) with an edited one."""
        if session.id is None:
            raise ValueError("replace_session needs a session with an id")
        with write_transaction(self.db):
            self._delete(session.id)
            self._insert_session(session)

    def delete_session(self, session_id: int) -> AnySession | None:
        """Delete a session; returns what was deleted (for undo), or None if there was none."""
        with write_transaction(self.db):
            found = self._sessions_where("s.id = ?", [session_id])
            if not found:
                return None
            self._delete(session_id)
            return found[0]

    def _delete(self, session_id: int) -> None:
        self.db.execute("DELETE FROM exercises WHERE session_id = ?", [session_id])
        self.db.execute("DELETE FROM sessions WHERE id = ?", [session_id])

    def session(self, session_id: int) -> AnySession | None:
        found = self._sessions_where("s.id = ?", [session_id])
        return found[0] if found else None

    def sessions(self, start: date | None = None, end: date | None = None) -> list[AnySession]:
        """Sessions from `start` to `end` inclusive (either open), oldest first."""
        clauses, params = [], []
        if start is not None:
            clauses.append("s.date >= ?")
            params.append(start.isoformat())
        if end is not None:
            clauses.append("s.date <= ?")
            params.append(end.isoformat())
        return self._sessions_where(" AND ".join(clauses) or "1", params)

    # -- the goal race ---------------------------------------------------------------------------

    def goal(self) -> Goal | None:
        row = self.db.execute("SELECT date, distance_km, name FROM goal WHERE id = 1").fetchone()
        if row is None:
            return None
        return Goal(date=date.fromisoformat(row[0]), distance_km=row[1], name=row[2] or "")

    def save_goal(self, goal: Goal) -> None:
        """Set the goal race (replacing any other)."""
        with write_transaction(self.db):
            self.db.execute(
                "INSERT INTO goal (id, date, distance_km, name) VALUES (1, ?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET date = excluded.date, "
                "distance_km = excluded.distance_km, name = excluded.name",
                [goal.date.isoformat(), goal.distance_km, goal.name],
            )

    def clear_goal(self) -> Goal | None:
        """Remove the goal race; the one removed, if any."""
        found = self.goal()
        if found is not None:
            with write_transaction(self.db):
                self.db.execute("DELETE FROM goal WHERE id = 1")
        return found

    def data_version(self) -> int:
        """A number that changes when another connection commits to the database (SQLite's
        `PRAGMA data_version`): what this connection has read may be out of date then."""
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    def run_dates(self, end: date) -> list[date]:
        """The distinct dates with a run, up to `end`, oldest first: the planner reads the
        training block (the first run, breaks of two weeks) from them, whatever window of
        sessions it is given. One pass over the covering (date, type, ...) index."""
        rows = self.db.execute(
            "SELECT DISTINCT date FROM sessions WHERE type = 'run' AND date <= ? ORDER BY date",
            [end.isoformat()],
        ).fetchall()
        return [date.fromisoformat(r[0]) for r in rows]

    def session_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM sessions").fetchone()[0])

    def _sessions_where(
        self,
        where: str,
        params: list[Any],
        order: str = "s.date, s.id",
        limit: int | None = None,
    ) -> list[AnySession]:
        """Sessions (with their exercises) matching an SQL condition on `sessions s`; for the
        storage modules (history paging), never above storage."""
        tail = f" LIMIT {int(limit)}" if limit is not None else ""
        rows = self.db.execute(
            f"SELECT {_SESSION_COLUMNS} FROM sessions s WHERE {where} ORDER BY {order}{tail}",
            params,
        ).fetchall()
        leg_ids = [r[0] for r in rows if r[2] == "leg"]
        exercises = self._exercises_for(leg_ids)
        return [self._session_from_row(r, exercises.get(r[0], ())) for r in rows]

    def _exercises_for(self, session_ids: list[int]) -> dict[int, tuple[Exercise, ...]]:
        found: dict[int, list[Exercise]] = {}
        if not session_ids:
            return {}
        # A temporary table keeps this one indexed join however many ids there are.
        rows: Iterator[tuple[Any, ...]]
        if len(session_ids) <= 500:
            marks = ",".join("?" * len(session_ids))
            rows = self.db.execute(
                "SELECT session_id, name, sets, reps, load_kg, muscles FROM exercises "
                f"WHERE session_id IN ({marks}) ORDER BY session_id, position",
                session_ids,
            )
        else:
            wanted = set(session_ids)
            rows = (
                r
                for r in self.db.execute(
                    "SELECT session_id, name, sets, reps, load_kg, muscles FROM exercises "
                    "ORDER BY session_id, position"
                )
                if r[0] in wanted
            )
        for session_id, name, sets, reps, load_kg, muscles in rows:
            found.setdefault(session_id, []).append(
                Exercise(
                    name=name,
                    sets=sets,
                    reps=reps,
                    load_kg=load_kg,
                    muscles=tuple(m for m in (muscles or "").split(",") if m),
                )
            )
        return {k: tuple(v) for k, v in found.items()}

    @staticmethod
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

    def exercise_names(self) -> list[str]:
        """Every exercise name used before, most used first (for completion)."""
        return [
            r[0]
            for r in self.db.execute(
                "SELECT name FROM exercises GROUP BY name ORDER BY count(*) DESC, name"
            )
        ]

    # -- check-ins ----------------------------------------------------------------------------

    def save_checkin(self, checkin: CheckIn) -> None:
        """Store a check-in; a second one on the same date replaces the first."""
        with write_transaction(self.db):
            self.db.execute(
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

    def delete_checkin(self, day: date) -> CheckIn | None:
        with write_transaction(self.db):
            found = self.checkins(day, day)
            self.db.execute("DELETE FROM checkins WHERE date = ?", [day.isoformat()])
            return found[0] if found else None

    def checkins(self, start: date | None = None, end: date | None = None) -> list[CheckIn]:
        rows = self.db.execute(
            "SELECT date, soreness, quads, hamstrings, glutes, calves, sleep, energy "
            "FROM checkins WHERE date >= ? AND date <= ? ORDER BY date",
            [_iso(start) or "0000-01-01", _iso(end) or "9999-12-31"],
        ).fetchall()
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
            )
            for r in rows
        ]

    # -- pins ---------------------------------------------------------------------------------

    def add_pin(self, pin: Pin) -> int:
        with write_transaction(self.db):
            return self._insert_pin(pin)

    def _insert_pin(self, pin: Pin) -> int:
        cursor = self.db.execute(
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

    def change_pins(self, remove: Iterable[int] = (), add: Iterable[Pin] = ()) -> list[int]:
        """Delete some pins and add others in one transaction; returns the new pins' ids."""
        with write_transaction(self.db):
            for pin_id in remove:
                self.db.execute("DELETE FROM pins WHERE id = ?", [pin_id])
            return [self._insert_pin(pin) for pin in add]

    def delete_pin(self, pin_id: int) -> Pin | None:
        with write_transaction(self.db):
            found = [p for p in self._pins("id = ?", [pin_id])]
            self.db.execute("DELETE FROM pins WHERE id = ?", [pin_id])
            return found[0] if found else None

    def pins(self, start: date | None = None, end: date | None = None) -> list[Pin]:
        """Pins touching the dates from `start` to `end` (by their date or the day moved to)."""
        lo, hi = _iso(start) or "0000-01-01", _iso(end) or "9999-12-31"
        return self._pins("(date BETWEEN ? AND ?) OR (to_date BETWEEN ? AND ?)", [lo, hi, lo, hi])

    def _pins(self, where: str, params: list[Any]) -> list[Pin]:
        rows = self.db.execute(
            "SELECT id, date, kind, action, to_date, minutes, km FROM pins "
            f"WHERE {where} ORDER BY id",
            params,
        ).fetchall()
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

    def set_tick(self, day: date, item: str, done: bool) -> None:
        with write_transaction(self.db):
            if done:
                self.db.execute(
                    "INSERT OR IGNORE INTO checklist_ticks (date, item) VALUES (?, ?)",
                    [day.isoformat(), item],
                )
            else:
                self.db.execute(
                    "DELETE FROM checklist_ticks WHERE date = ? AND item = ?",
                    [day.isoformat(), item],
                )

    def ticks(self, start: date, end: date) -> set[tuple[date, str]]:
        return {
            (date.fromisoformat(d), item)
            for d, item in self.db.execute(
                "SELECT date, item FROM checklist_ticks WHERE date BETWEEN ? AND ?",
                [start.isoformat(), end.isoformat()],
            )
        }

    # -- settings (UI preferences such as the theme) ------------------------------------------

    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        with write_transaction(self.db):
            self.db.execute(
                "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", [key, value]
            )

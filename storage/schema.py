"""The schema, as ordered migrations. Append new ones; never edit a released one."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils


def _m1_initial(db: sqlite_utils.Database) -> None:
    db.table("profile").create(
        {
            "id": int,
            "age": int,
            "max_hr": int,
            "resting_hr": int,
            "runs_per_week": int,
            "weekly_km": float,
            "long_run_day": int,
            "week_start": int,
            "units": str,
            "cross": str,
            "leg_days_rule": str,
        },
        pk="id",
        not_null={"age", "runs_per_week", "weekly_km", "long_run_day", "week_start", "units"},
    )
    db.table("sessions").create(
        {
            "id": int,
            "date": str,
            "type": str,  # leg | run | cross
            "minutes": int,
            "rpe": int,
            "km": float,
            "avg_hr": int,
            "run_kind": str,
            "activity": str,
            "notes": str,
        },
        pk="id",
        not_null={"date", "type", "minutes"},
    )
    db.table("sessions").create_index(["date"], index_name="sessions_by_date")
    db.table("exercises").create(
        {
            "id": int,
            "session_id": int,
            "position": int,
            "name": str,
            "sets": int,
            "reps": int,
            "load_kg": float,
            "muscles": str,
        },
        pk="id",
        not_null={"session_id", "position", "name", "sets", "reps"},
        foreign_keys=[("session_id", "sessions", "id")],
    )
    db.table("exercises").create_index(
        ["session_id", "position"], index_name="exercises_by_session"
    )
    db.table("checkins").create(
        {
            "date": str,
            "soreness": int,
            "quads": int,
            "hamstrings": int,
            "glutes": int,
            "calves": int,
            "sleep": int,
            "energy": int,
        },
        pk="date",
        not_null={"soreness"},
    )
    db.table("pins").create(
        {
            "id": int,
            "date": str,
            "kind": str,
            "action": str,
            "to_date": str,
            "minutes": int,
            "km": float,
        },
        pk="id",
        not_null={"date", "kind", "action"},
    )
    db.table("pins").create_index(["date"], index_name="pins_by_date")
    db.table("checklist_ticks").create(
        {"date": str, "item": str},
        pk=("date", "item"),
        not_null={"date", "item"},
    )
    db.table("settings").create({"key": str, "value": str}, pk="key", not_null={"value"})


def _m2_trends_indexes(db: sqlite_utils.Database) -> None:
    # Trends and `stats` sum sessions by week over a date range. With every column those sums
    # read in the index, SQLite answers them from the index alone, without table look-ups; the
    # plain date index it replaces is a prefix of it.
    db.execute("CREATE INDEX sessions_by_date_covering ON sessions (date, type, minutes, rpe, km)")
    db.execute("DROP INDEX sessions_by_date")
    # Personal bests: the heaviest load per lift and rep count, read from the index alone.
    db.execute("CREATE INDEX exercises_by_lift ON exercises (name, reps, load_kg)")


def _m3_ids_never_reused(db: sqlite_utils.Database) -> None:
    # Without AUTOINCREMENT SQLite hands a deleted session's id to the next one, so a script
    # (or an undo) holding an old id could reach the wrong session. Rebuild both tables whose
    # ids users see, keeping every row and id.
    db.execute(
        "CREATE TABLE sessions_v3 (id INTEGER PRIMARY KEY AUTOINCREMENT, date TEXT NOT NULL, "
        "type TEXT NOT NULL, minutes INTEGER NOT NULL, rpe INTEGER, km FLOAT, avg_hr INTEGER, "
        "run_kind TEXT, activity TEXT, notes TEXT)"
    )
    columns = "id, date, type, minutes, rpe, km, avg_hr, run_kind, activity, notes"
    db.execute(f"INSERT INTO sessions_v3 ({columns}) SELECT {columns} FROM sessions")
    db.execute("DROP TABLE sessions")
    db.execute("ALTER TABLE sessions_v3 RENAME TO sessions")
    db.execute("CREATE INDEX sessions_by_date_covering ON sessions (date, type, minutes, rpe, km)")
    db.execute(
        "CREATE TABLE pins_v3 (id INTEGER PRIMARY KEY AUTOINCREMENT, date TEXT NOT NULL, "
        "kind TEXT NOT NULL, action TEXT NOT NULL, to_date TEXT, minutes INTEGER, km FLOAT)"
    )
    columns = "id, date, kind, action, to_date, minutes, km"
    db.execute(f"INSERT INTO pins_v3 ({columns}) SELECT {columns} FROM pins")
    db.execute("DROP TABLE pins")
    db.execute("ALTER TABLE pins_v3 RENAME TO pins")
    db.execute("CREATE INDEX pins_by_date ON pins (date)")


_m3_ids_never_reused.rebuilds_tables = True  # type: ignore[attr-defined]


def _m4_profile_days_and_minutes(db: sqlite_utils.Database) -> None:
    # Three profile settings, each defaulting to what the planner did before they existed:
    # no quality run on a leg day, every day available, the weekly target in km. Unavailable
    # days are stored as day names ("tue,sat"), like `cross`. Run kinds are plain text (no
    # CHECK), so a race result ("race") needs no change to `sessions`; this schema number
    # keeps an older legrun-tui, which would refuse such a run, from opening the file.
    db.execute("ALTER TABLE profile ADD COLUMN same_day_hard INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE profile ADD COLUMN unavailable TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE profile ADD COLUMN weekly_minutes INTEGER")


def _m5_goal_race(db: sqlite_utils.Database) -> None:
    # The goal race the season builds to: at most one, like the profile (id 1).
    db.execute(
        "CREATE TABLE goal (id INTEGER PRIMARY KEY CHECK (id = 1), date TEXT NOT NULL, "
        "distance_km FLOAT NOT NULL, name TEXT NOT NULL DEFAULT '')"
    )


def _m6_imported_activities(db: sqlite_utils.Database) -> None:
    # What `import gpx|fit` has taken in: one row per activity, by a digest of its content, so
    # the same activity (a renamed copy, the file imported again) is added once. `session_id`
    # is the run it became, for reference only: no foreign key, because editing a run replaces
    # its row and deleting it must not make its activity importable again (a deleted run stays
    # deleted); NULL when unknown (a digest carried over by `import json` without its run).
    db.execute(
        "CREATE TABLE imports (digest TEXT PRIMARY KEY, session_id INTEGER, "
        "source TEXT NOT NULL DEFAULT '')"
    )


def _m7_sets_and_units(db: sqlite_utils.Database) -> None:
    # A leg day's sets may differ (`back squat 5@100, 5@105, 3@110kg`): `per_set` holds each
    # set's reps and load in kg (`5@100,5@105,3@110`; NULL for sets alike, which the columns
    # before say), and `unit` the unit the load was typed in, to show it in again.
    db.execute("ALTER TABLE exercises ADD COLUMN per_set TEXT")
    db.execute("ALTER TABLE exercises ADD COLUMN unit TEXT NOT NULL DEFAULT 'kg'")


MIGRATIONS = [
    _m1_initial,
    _m2_trends_indexes,
    _m3_ids_never_reused,
    _m4_profile_days_and_minutes,
    _m5_goal_race,
    _m6_imported_activities,
    _m7_sets_and_units,
]

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


MIGRATIONS = [_m1_initial, _m2_trends_indexes]

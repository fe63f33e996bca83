"""Sums over history for the trends screen and `stats`: SQL does the adding, by week.

Each query reads one date range through the covering index on sessions (date, type, minutes,
rpe, km), so its cost follows the weeks shown, not the years stored.
"""

from __future__ import annotations

from datetime import date

import sqlite_utils

from legrun.planner.models import MUSCLES
from legrun.planner.trends import RunBest, WeekTotals

# An unknown RPE counts as moderate (5), as Session.load does.
_LOAD = "coalesce(rpe, 5) * minutes"


def _week_start_sql(column: str, week_start: int) -> str:
    """SQL for the first day of the week holding `column` (0 = weeks start Monday, 6 = Sunday)."""
    shift = 6 if week_start == 0 else 0
    return f"date({column}, '-' || ((strftime('%w', {column}) + {shift}) % 7) || ' days')"


def weekly_totals(
    db: sqlite_utils.Database, start: date, end: date, week_start: int
) -> list[WeekTotals]:
    """Per-week totals of logged sessions from `start` to `end` inclusive, oldest first."""
    week = _week_start_sql("date", week_start)
    rows = db.execute(
        f"""
        SELECT {week} AS week,
               coalesce(sum(km) FILTER (WHERE type = 'run'), 0),
               coalesce(sum(minutes) FILTER (WHERE type = 'run'), 0),
               sum({_LOAD}),
               count(*) FILTER (WHERE type = 'leg'),
               coalesce(sum(minutes) FILTER (WHERE type = 'cross'), 0),
               coalesce(sum({_LOAD}) FILTER (WHERE type = 'leg'), 0),
               coalesce(sum({_LOAD}) FILTER (WHERE type = 'run'), 0),
               coalesce(sum({_LOAD}) FILTER (WHERE type = 'cross'), 0)
        FROM sessions
        WHERE date BETWEEN ? AND ?
        GROUP BY week
        ORDER BY week
        """,
        [start.isoformat(), end.isoformat()],
    ).fetchall()
    tonnage = weekly_tonnage(db, start, end, week_start)
    return [
        WeekTotals(
            week_start=date.fromisoformat(r[0]),
            run_km=round(float(r[1]), 1),
            run_minutes=r[2],
            load=r[3],
            leg_days=r[4],
            cross_minutes=r[5],
            leg_load=r[6],
            run_load=r[7],
            cross_load=r[8],
            tonnage_kg=tonnage.get(date.fromisoformat(r[0]), 0.0),
        )
        for r in rows
    ]


def weekly_tonnage(
    db: sqlite_utils.Database, start: date, end: date, week_start: int
) -> dict[date, float]:
    """Leg-day tonnage (sets x reps x kg) per week."""
    week = _week_start_sql("s.date", week_start)
    rows = db.execute(
        f"""
        SELECT {week} AS week, sum(e.sets * e.reps * coalesce(e.load_kg, 0))
        FROM sessions s JOIN exercises e ON e.session_id = s.id
        WHERE s.date BETWEEN ? AND ? AND s.type = 'leg'
        GROUP BY week
        """,
        [start.isoformat(), end.isoformat()],
    ).fetchall()
    return {date.fromisoformat(w): round(t or 0.0, 1) for w, t in rows}


def daily_loads(db: sqlite_utils.Database, start: date, end: date) -> dict[date, int]:
    rows = db.execute(
        f"SELECT date, sum({_LOAD}) FROM sessions WHERE date BETWEEN ? AND ? GROUP BY date",
        [start.isoformat(), end.isoformat()],
    ).fetchall()
    return {date.fromisoformat(d): load for d, load in rows}


def soreness_by_day(db: sqlite_utils.Database, start: date, end: date) -> dict[date, int]:
    """The overall soreness of each check-in (the worst of overall and every muscle group)."""
    worst = ", ".join(f"coalesce({m}, 0)" for m in MUSCLES)
    rows = db.execute(
        f"SELECT date, max(soreness, {worst}) FROM checkins WHERE date BETWEEN ? AND ?",
        [start.isoformat(), end.isoformat()],
    ).fetchall()
    return {date.fromisoformat(d): s for d, s in rows}


def longest_run(db: sqlite_utils.Database) -> RunBest | None:
    row = db.execute(
        "SELECT date, km, minutes FROM sessions WHERE type = 'run' ORDER BY km DESC, date LIMIT 1"
    ).fetchone()
    return RunBest(date.fromisoformat(row[0]), row[1], row[2]) if row else None


def fastest_run(db: sqlite_utils.Database, min_km: float = 5.0) -> RunBest | None:
    row = db.execute(
        "SELECT date, km, minutes FROM sessions WHERE type = 'run' AND km >= ? "
        "ORDER BY minutes / km, date LIMIT 1",
        [min_km],
    ).fetchone()
    return RunBest(date.fromisoformat(row[0]), row[1], row[2]) if row else None


def most_weekly_km(db: sqlite_utils.Database, week_start: int) -> tuple[date, float] | None:
    week = _week_start_sql("date", week_start)
    row = db.execute(
        f"SELECT {week} AS week, sum(km) AS total FROM sessions WHERE type = 'run' "
        "GROUP BY week ORDER BY total DESC, week LIMIT 1"
    ).fetchone()
    return (date.fromisoformat(row[0]), round(row[1], 1)) if row else None


def lift_sets(db: sqlite_utils.Database) -> list[tuple[str, int, float, date]]:
    """For each lift and rep count, the heaviest load and a day it was lifted."""
    # SQLite takes a bare column (s.date) from the row that holds the max().
    rows = db.execute(
        """
        SELECT e.name, e.reps, max(e.load_kg), s.date
        FROM exercises e JOIN sessions s ON s.id = e.session_id
        WHERE e.load_kg IS NOT NULL
        GROUP BY e.name, e.reps
        """
    ).fetchall()
    return [(name, reps, load, date.fromisoformat(day)) for name, reps, load, day in rows]

"""Sums over history for the trends screen and `stats`: SQL does the adding, by week.

Each query reads one date range through the covering index on sessions (date, type, minutes,
rpe, km), so its cost follows the weeks shown, not the years stored.
"""

from __future__ import annotations

import sqlite3
from datetime import date

from legrun.planner.models import MUSCLES
from legrun.planner.scheduler import week_start_for
from legrun.planner.trends import RunBest, WeekTotals

# An unknown RPE counts as moderate (5), as Session.load does.
_LOAD = "coalesce(rpe, 5) * minutes"


def _week_start_sql(column: str, week_start: int) -> str:
    """SQL for the first day of the week holding `column` (0 = weeks start Monday, 6 = Sunday)."""
    shift = 6 if week_start == 0 else 0
    return f"date({column}, '-' || ((strftime('%w', {column}) + {shift}) % 7) || ' days')"


def weekly_totals(
    db: sqlite3.Connection, start: date, end: date, week_start: int
) -> list[WeekTotals]:
    """Per-week totals of logged sessions from `start` to `end` inclusive, oldest first.

    SQLite sums by day and kind straight off the covering index (no date functions per row,
    which cost three times as much on 100,000 sessions); the days are then folded into weeks.
    """
    rows = db.execute(
        f"""
        SELECT date, type, count(*), sum(minutes), sum({_LOAD}), coalesce(sum(km), 0)
        FROM sessions
        WHERE date BETWEEN ? AND ?
        GROUP BY date, type
        """,
        [start.isoformat(), end.isoformat()],
    ).fetchall()
    weeks: dict[date, dict[str, float]] = {}
    for day, kind, count, minutes, load, km in rows:
        week = week_start_for(date.fromisoformat(day), week_start)
        sums = weeks.setdefault(week, dict.fromkeys(_FIELDS, 0))
        sums["load"] += load
        if kind == "run":
            sums["run_km"] += km
            sums["run_minutes"] += minutes
            sums["run_load"] += load
        elif kind == "leg":
            sums["leg_days"] += count
            sums["leg_load"] += load
        else:
            sums["cross_minutes"] += minutes
            sums["cross_load"] += load
    tonnage = weekly_tonnage(db, start, end, week_start)
    return [
        WeekTotals(
            week_start=week,
            run_km=round(float(sums["run_km"]), 1),
            run_minutes=int(sums["run_minutes"]),
            load=int(sums["load"]),
            leg_days=int(sums["leg_days"]),
            cross_minutes=int(sums["cross_minutes"]),
            leg_load=int(sums["leg_load"]),
            run_load=int(sums["run_load"]),
            cross_load=int(sums["cross_load"]),
            tonnage_kg=tonnage.get(week, 0.0),
        )
        for week, sums in sorted(weeks.items())
    ]


_FIELDS = (
    "run_km",
    "run_minutes",
    "load",
    "leg_days",
    "cross_minutes",
    "leg_load",
    "run_load",
    "cross_load",
)


def weekly_tonnage(
    db: sqlite3.Connection, start: date, end: date, week_start: int
) -> dict[date, float]:
    """Leg-day tonnage (sets x reps x kg) per week."""
    rows = db.execute(
        """
        SELECT s.date, sum(e.sets * e.reps * coalesce(e.load_kg, 0))
        FROM sessions s JOIN exercises e ON e.session_id = s.id
        WHERE s.date BETWEEN ? AND ? AND s.type = 'leg'
        GROUP BY s.date
        """,
        [start.isoformat(), end.isoformat()],
    ).fetchall()
    weeks: dict[date, float] = {}
    for day, tonnage in rows:
        week = week_start_for(date.fromisoformat(day), week_start)
        weeks[week] = weeks.get(week, 0.0) + (tonnage or 0.0)
    return {week: round(total, 1) for week, total in weeks.items()}


def daily_loads(db: sqlite3.Connection, start: date, end: date) -> dict[date, int]:
    rows = db.execute(
        f"SELECT date, sum({_LOAD}) FROM sessions WHERE date BETWEEN ? AND ? GROUP BY date",
        [start.isoformat(), end.isoformat()],
    ).fetchall()
    return {date.fromisoformat(d): load for d, load in rows}


def soreness_by_day(db: sqlite3.Connection, start: date, end: date) -> dict[date, int]:
    """The overall soreness of each check-in (the worst of overall and every muscle group)."""
    worst = ", ".join(f"coalesce({m}, 0)" for m in MUSCLES)
    rows = db.execute(
        f"SELECT date, max(soreness, {worst}) FROM checkins WHERE date BETWEEN ? AND ?",
        [start.isoformat(), end.isoformat()],
    ).fetchall()
    return {date.fromisoformat(d): s for d, s in rows}


def longest_run(db: sqlite3.Connection) -> RunBest | None:
    row = db.execute(
        "SELECT date, km, minutes FROM sessions WHERE type = 'run' ORDER BY km DESC, date LIMIT 1"
    ).fetchone()
    return RunBest(date.fromisoformat(row[0]), row[1], row[2]) if row else None


def fastest_run(db: sqlite3.Connection, min_km: float = 5.0) -> RunBest | None:
    row = db.execute(
        "SELECT date, km, minutes FROM sessions WHERE type = 'run' AND km >= ? "
        "ORDER BY minutes / km, date LIMIT 1",
        [min_km],
    ).fetchone()
    return RunBest(date.fromisoformat(row[0]), row[1], row[2]) if row else None


def most_weekly_km(db: sqlite3.Connection, week_start: int) -> tuple[date, float] | None:
    rows = db.execute(
        "SELECT date, sum(km) FROM sessions WHERE type = 'run' GROUP BY date"
    ).fetchall()
    weeks: dict[date, float] = {}
    for day, km in rows:
        week = week_start_for(date.fromisoformat(day), week_start)
        weeks[week] = weeks.get(week, 0.0) + km
    if not weeks:
        return None
    best = max(sorted(weeks), key=lambda w: weeks[w])
    return best, round(weeks[best], 1)


def lift_sets(db: sqlite3.Connection) -> list[tuple[str, int, float, date]]:
    """For each lift and rep count, the heaviest load and the first day it was lifted."""
    # The (name, reps, load_kg) index answers the max() per group; only the winners are
    # then looked up for their date.
    bests = db.execute(
        "SELECT name, reps, max(load_kg) FROM exercises WHERE load_kg IS NOT NULL "
        "GROUP BY name, reps"
    ).fetchall()
    found = []
    for name, reps, load in bests:
        (day,) = db.execute(
            "SELECT min(s.date) FROM exercises e JOIN sessions s ON s.id = e.session_id "
            "WHERE e.name = ? AND e.reps = ? AND e.load_kg = ?",
            [name, reps, load],
        ).fetchone()
        found.append((name, reps, load, date.fromisoformat(day)))
    return found

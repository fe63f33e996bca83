"""Sums over history for the trends screen and `stats`: SQL does the adding, by week.
`Repository` offers them as its own methods.

Each query reads one date range through the covering index on sessions (date, type, minutes,
rpe, km), so its cost follows the weeks shown, not the years stored.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from legrun.planner.models import DEFAULT_RPE, MUSCLES
from legrun.planner.scheduler import week_start_for

if TYPE_CHECKING:
    from legrun.planner.trends import PersonalBests, RunBest, WeekTotals
    from legrun.storage.database import Connection

# (planner.trends, its records and sums, is imported where it is used: planning a week, what
# most commands do, never needs it, and making its records costs a few ms at every start.)

# A session's load (RPE x minutes), an unknown RPE counting as Session.load counts it.
_LOAD = f"coalesce(rpe, {DEFAULT_RPE}) * minutes"


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


class TrendQueries:
    """The trends screen's and `stats`' sums, as methods of `Repository`."""

    _db: Connection

    def weekly_totals(self, start: date, end: date, week_start: int) -> list[WeekTotals]:
        """Per-week totals of logged sessions from `start` to `end` inclusive, oldest first.

        SQLite sums by day and kind straight off the covering index (no date functions per row,
        which cost three times as much on 100,000 sessions); the days are then folded into weeks.
        """
        from legrun.planner.trends import WeekTotals

        rows = self._db.rows(
            f"""
            SELECT date, type, count(*), sum(minutes), sum({_LOAD}), coalesce(sum(km), 0)
            FROM sessions
            WHERE date BETWEEN ? AND ?
            GROUP BY date, type
            """,
            [start.isoformat(), end.isoformat()],
        )
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
        tonnage = self.weekly_tonnage(start, end, week_start)
        return [
            WeekTotals(
                week_start=week,
                run_km=round(float(sums["run_km"]), 3),  # to the metre: rounded only when drawn
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

    def weekly_tonnage(self, start: date, end: date, week_start: int) -> dict[date, float]:
        """Leg-day tonnage (sets x reps x kg) per week."""
        rows = self._db.rows(
            """
            SELECT s.date, sum(e.sets * e.reps * coalesce(e.load_kg, 0))
            FROM sessions s JOIN exercises e ON e.session_id = s.id
            WHERE s.date BETWEEN ? AND ? AND s.type = 'leg'
            GROUP BY s.date
            """,
            [start.isoformat(), end.isoformat()],
        )
        weeks: dict[date, float] = {}
        for day, tonnage in rows:
            week = week_start_for(date.fromisoformat(day), week_start)
            weeks[week] = weeks.get(week, 0.0) + (tonnage or 0.0)
        return {week: round(total, 1) for week, total in weeks.items()}

    def daily_loads(self, start: date, end: date) -> dict[date, int]:
        rows = self._db.rows(
            f"SELECT date, sum({_LOAD}) FROM sessions WHERE date BETWEEN ? AND ? GROUP BY date",
            [start.isoformat(), end.isoformat()],
        )
        return {date.fromisoformat(d): load for d, load in rows}

    def soreness_by_day(self, start: date, end: date) -> dict[date, int]:
        """The overall soreness of each check-in (the worst of overall and every muscle group)."""
        worst = ", ".join(f"coalesce({m}, 0)" for m in MUSCLES)
        rows = self._db.rows(
            f"SELECT date, max(soreness, {worst}) FROM checkins WHERE date BETWEEN ? AND ?",
            [start.isoformat(), end.isoformat()],
        )
        return {date.fromisoformat(d): s for d, s in rows}

    def longest_run(self) -> RunBest | None:
        from legrun.planner.trends import RunBest

        row = self._db.row(
            "SELECT date, km, minutes FROM sessions WHERE type = 'run' "
            "ORDER BY km DESC, date LIMIT 1"
        )
        return RunBest(date.fromisoformat(row[0]), row[1], row[2]) if row else None

    def fastest_run(self, min_km: float = 5.0) -> RunBest | None:
        from legrun.planner.trends import RunBest

        row = self._db.row(
            "SELECT date, km, minutes FROM sessions WHERE type = 'run' AND km >= ? "
            "ORDER BY minutes / km, date LIMIT 1",
            [min_km],
        )
        return RunBest(date.fromisoformat(row[0]), row[1], row[2]) if row else None

    def most_weekly_km(self, week_start: int) -> tuple[date, float] | None:
        rows = self._db.rows("SELECT date, sum(km) FROM sessions WHERE type = 'run' GROUP BY date")
        weeks: dict[date, float] = {}
        for day, km in rows:
            week = week_start_for(date.fromisoformat(day), week_start)
            weeks[week] = weeks.get(week, 0.0) + km
        if not weeks:
            return None
        best = max(sorted(weeks), key=lambda w: weeks[w])
        return best, round(weeks[best], 1)

    def lift_sets(self) -> list[tuple[str, int, float, date]]:
        """For each lift and rep count, the heaviest load and the first day it was lifted."""
        # The (name, reps, load_kg) index answers the max() per group; only the winners are
        # then looked up for their date.
        bests = self._db.rows(
            "SELECT name, reps, max(load_kg) FROM exercises WHERE load_kg IS NOT NULL "
            "GROUP BY name, reps"
        )
        found = []
        for name, reps, load in bests:
            day = self._db.value(
                "SELECT min(s.date) FROM exercises e JOIN sessions s ON s.id = e.session_id "
                "WHERE e.name = ? AND e.reps = ? AND e.load_kg = ?",
                [name, reps, load],
            )
            found.append((name, reps, load, date.fromisoformat(day)))
        return found

    def personal_bests(self, week_start: int) -> PersonalBests:
        """The longest and fastest runs, the biggest week and the best lifts, over all of
        history."""
        from legrun.planner.trends import PersonalBests, best_lifts

        return PersonalBests(
            longest_run=self.longest_run(),
            fastest_5k_plus=self.fastest_run(),
            most_weekly_km=self.most_weekly_km(week_start),
            lifts=best_lifts(self.lift_sets()),
        )

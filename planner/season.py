"""The season at a glance: one row a week, its figures those of the week's plan."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from msgspec import Struct

from legrun.planner.goal import Goal, distance_name
from legrun.planner.plan import WeekPlan
from legrun.planner.units import distance


class SeasonWeek(Struct, frozen=True):
    """One week of the season, read off its plan."""

    week_start: date
    phase: str
    easier_week: bool
    run_km: float
    long_run_km: float | None
    quality: int  # quality runs (workouts) planned or done
    leg_days: int
    key_sessions: tuple[str, ...]  # the long run, the workouts, the race, in words


def season_rows(plans: Sequence[WeekPlan], units: str | None = None) -> list[SeasonWeek]:
    """The season's rows from the plans of its weeks (as `plan --week` gives each); the key
    sessions' distances in `units` (default: the runner's; JSON wants km)."""
    rows = []
    for plan in plans:
        shown = units or plan.units
        items = [i for d in plan.days for i in d.sessions if i.status != "skipped"]
        long_runs = [i.km or 0.0 for i in items if i.kind == "long_run"]
        key = []
        for item in items:
            if item.kind == "race":
                key.append(f"{item.date:%a} race {distance(item.km or 0, shown)}")
            elif item.kind == "quality_run" and item.workout is not None:
                key.append(f"{item.date:%a} {item.workout.type}: {item.workout.main}")
            elif item.kind == "long_run":
                key.append(f"{item.date:%a} long run {distance(item.km or 0, shown)}")
        rows.append(
            SeasonWeek(
                week_start=plan.week_start,
                phase=plan.phase,
                easier_week=plan.easier_week,
                run_km=plan.totals.run_km,
                long_run_km=max(long_runs) if long_runs else None,
                quality=sum(1 for i in items if i.kind == "quality_run"),
                leg_days=sum(1 for i in items if i.kind == "leg_day"),
                key_sessions=tuple(key),
            )
        )
    return rows


# -- phases towards a goal race (R-GOAL, R-TAPER) --------------------------------------------

# Long-run peaks by distance (COACHING: 5K 8-10, 10K 12-16, half 16-20, marathon 28-32 km).
LONG_PEAK = {5.0: (8.0, 10.0), 10.0: (12.0, 16.0), 21.0975: (16.0, 20.0), 42.195: (28.0, 32.0)}
PEAK_WEEKS = 2


class GoalWeek(Struct, frozen=True):
    """Where a week sits on the way to the goal race, and what that asks of it."""

    phase: str  # base | build | peak | taper | race | recovery
    weeks_to_race: int  # 0 in race week; negative after it
    race_day: date | None  # in race week
    volume_share: float | None  # taper, race and recovery weeks: share of the recent peak week
    last_heavy_legs_days: int  # no heavy leg day closer to the race than this
    no_legs_days: int  # no leg day at all this close to the race
    long_peak_km: tuple[float, float]
    recovery_weeks: int


def long_peak(distance_km: float) -> tuple[float, float]:
    """The long run's peak for a race distance (between the named ones, scaled)."""
    for km, peak in LONG_PEAK.items():
        if abs(km - distance_km) < 1e-6:
            return peak
    # Another distance: about 80-95 % of it, within 8 and 32 km.
    return (max(8.0, min(28.0, 0.8 * distance_km)), max(10.0, min(32.0, 0.95 * distance_km)))


def taper_weeks(distance_km: float) -> int:
    """Weeks of taper before race week: 7-10 days for 5K/10K (race week itself), 10-14 for a
    half (one more week), 2-3 weeks for a marathon (two more)."""
    if distance_km <= 10.5:
        return 0
    if distance_km <= 30:
        return 1
    return 2


def goal_week(goal: Goal, week_start: date) -> GoalWeek | None:
    """The phase of the week from `week_start` on the way to `goal` (None: no goal phase, e.g.
    well after the race, or a race already behind when the plan was made)."""
    race_week = goal.date - timedelta(days=(goal.date - week_start).days % 7)
    to_race = (race_week - week_start).days // 7
    marathon = goal.distance_km > 30
    recovery = 2 if marathon else 1

    def week(phase: str, race_day: date | None, share: float | None) -> GoalWeek:
        return GoalWeek(
            phase=phase,
            weeks_to_race=to_race,
            race_day=race_day,
            volume_share=share,
            last_heavy_legs_days=10 if marathon else 7,
            no_legs_days=4,
            long_peak_km=long_peak(goal.distance_km),
            recovery_weeks=recovery,
        )

    if to_race < -recovery:
        return None
    if to_race < 0:
        return week("recovery", None, 0.5 if -to_race == 1 else 0.75)
    if to_race == 0:
        return week("race", goal.date, 0.3)  # short easy runs besides the race
    taper = taper_weeks(goal.distance_km)
    if (goal.date - race_week).days < 3:
        taper += 1  # a race early in its week: the week before it tapers too
    if to_race <= taper:
        share = 0.6 if to_race == 1 else 0.75  # the taper deepens towards the race
        return week("taper", None, share)
    weeks_before_taper = to_race - taper  # this week is weeks_before_taper-th from the taper
    if weeks_before_taper <= PEAK_WEEKS:
        return week("peak", None, None)
    # Build for the weeks before the peak (longer for longer races), base before them. Counted
    # back from the race, so a week's phase never moves as the days go by.
    build = build_weeks(goal.distance_km)
    return week("build" if weeks_before_taper - PEAK_WEEKS <= build else "base", None, None)


def build_weeks(distance_km: float) -> int:
    """Weeks of build before the peak: 4 for a 5K or 10K, 6 for a half, 8 for a marathon."""
    if distance_km <= 10.5:
        return 4
    if distance_km <= 30:
        return 6
    return 8


def goal_reach(goal: Goal, plans: Sequence[WeekPlan]) -> str | None:
    """What the season can reach when the time is too short for the distance's long-run peak:
    `12 weeks from 20 km a week: the long run peaks at 14 km (a half wants 16-20 km)`."""
    low, high = long_peak(goal.distance_km)
    longest = max(
        (i.km or 0.0 for p in plans for d in p.days for i in d.sessions if i.kind == "long_run"),
        default=0.0,
    )
    if longest >= low or not plans:
        return None
    first = plans[0]
    weeks = max(0, (goal.date - first.week_start).days // 7)
    start_km = first.volume.cap_km if first.volume else first.totals.run_km
    target = first.volume.target_km if first.volume else start_km
    return (
        f"{weeks} weeks from {distance(start_km, first.units)} a week: the long run peaks at "
        f"{distance(longest, first.units)} ({distance_name(goal.distance_km)} training wants "
        f"{low:g}-{high:g} km). It grows at most 10 % a week and within its share of the week: "
        f"a weekly target above {distance(target, first.units)} or more time lets it grow."
    )

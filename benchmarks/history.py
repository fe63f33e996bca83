"""The databases the benchmark runs on, written through `legrun.storage.Repository`.

`build_history` writes what ten years of a runner who lifts look like (deterministic for a
given `today`, `years` and `seed`):

- about five sessions a week: two leg days (Monday and Thursday, three or four exercises from
  a rotating list, loads creeping up over the years), three runs (a recovery or easy run on
  Tuesday, a tempo or interval session on Wednesday, a long run at the weekend; a race now and
  then) and cross-training (bike, swim, yoga, row, walk) in about half the weeks; about one
  session in ten is skipped, as in real life;
- a morning check-in every day;
- a profile of the user's own (so the app opens on the week, not on the welcome form);
- a goal race (a half marathon) `GOAL_WEEKS` weeks after `today`.

Everything ends the day before `today`, the date the benchmark pins with `$LEGRUN_TODAY`.
`build_empty` writes a legrun database with nothing in it (migrations done, no profile); with
`welcome_skipped`, the welcome form is marked as answered by escape, as a new user who
skipped it has, so the app opens on the (empty) week.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from legrun.planner.goal import DISTANCES, Goal
from legrun.planner.models import (
    AnySession,
    CheckIn,
    CrossTraining,
    LegDay,
    Profile,
    Run,
    parse_exercise,
)
from legrun.storage import Repository

TODAY = date(2026, 11, 24)  # a Tuesday: what `$LEGRUN_TODAY` is pinned to
GOAL_WEEKS = 20
PROFILE = Profile(
    age=38,
    max_hr=186,
    resting_hr=52,
    runs_per_week=3,
    weekly_km=32.0,
    long_run_day=6,
    leg_days_rule="FREQ=WEEKLY;BYDAY=MO,TH",
)
# (name, starting load in kg or None for bodyweight, sets, reps)
LIFTS = (
    ("back squat", 70.0, 5, 5),
    ("romanian deadlift", 60.0, 3, 8),
    ("walking lunge", None, 3, 12),
    ("standing calf raise", 30.0, 4, 15),
    ("front squat", 50.0, 4, 6),
    ("bulgarian split squat", 16.0, 3, 8),
    ("hamstring curl", 25.0, 3, 12),
    ("hip thrust", 60.0, 3, 10),
    ("leg press", 100.0, 4, 10),
    ("nordic curl", None, 3, 5),
)
NOTES = ("", "", "", "", "felt strong", "tired legs", "windy", "new shoes", "gym was busy")


@dataclass(frozen=True)
class History:
    """What `build_history` wrote."""

    sessions: int
    checkins: int
    first_day: date
    last_day: date
    goal: Goal


def history_records(
    today: date = TODAY, years: float = 10, seed: int = 20261124
) -> tuple[list[AnySession], list[CheckIn]]:
    """The sessions and check-ins of `years` years up to the day before `today`."""
    rng = random.Random(seed)
    last = today - timedelta(days=1)
    first = today - timedelta(days=round(365.25 * years))
    monday = first - timedelta(days=first.weekday())
    sessions: list[AnySession] = []
    week = 0
    while monday <= last:
        progress = week / 52  # years of training so far: loads and distances creep up
        base_km = 5.0 + min(4.0, progress * 0.6) + rng.uniform(-1, 1)
        planned: list[AnySession] = []
        for offset, lifts in ((0, (0, 1, 2, 3)), (3, (4, 5, 6, 7, 8, 9))):
            chosen = rng.sample(lifts, rng.choice((3, 4)) if offset == 0 else 3)
            exercises = []
            for index in chosen:
                name, load, sets, reps = LIFTS[index]
                if load is None:
                    exercises.append(parse_exercise(f"{name} {sets}x{reps}"))
                else:
                    kg = round(load * (1 + min(0.6, progress * 0.08)) / 2.5) * 2.5
                    exercises.append(parse_exercise(f"{name} {sets}x{reps}@{kg:g}kg"))
            planned.append(
                LegDay(
                    date=monday + timedelta(days=offset),
                    minutes=rng.choice((45, 50, 60, 60, 70)),
                    rpe=rng.choice((6, 7, 7, 8, 8, 9)),
                    exercises=tuple(exercises),
                    notes=rng.choice(NOTES),
                )
            )
        easy_km = round(base_km, 1)
        planned.append(
            Run(
                date=monday + timedelta(days=1),
                km=easy_km,
                minutes=round(easy_km * rng.uniform(5.8, 6.6)),
                rpe=rng.choice((2, 3, 3, 4)),
                kind=rng.choice(("recovery", "recovery", "easy")),
                avg_hr=rng.choice((None, rng.randint(125, 140))),
            )
        )
        quality = "tempo" if week % 2 else "intervals"
        quality_km = round(base_km + 2, 1)
        planned.append(
            Run(
                date=monday + timedelta(days=2),
                km=quality_km,
                minutes=round(quality_km * rng.uniform(4.8, 5.4)),
                rpe=rng.choice((7, 8, 8, 9)),
                kind=quality,
                avg_hr=rng.choice((None, rng.randint(150, 170))),
                notes=rng.choice(NOTES),
            )
        )
        if week % 17 == 16:  # a race now and then, on a Saturday
            race_km = rng.choice((5.0, 10.0, 21.1))
            planned.append(
                Run(
                    date=monday + timedelta(days=5),
                    km=race_km,
                    minutes=round(race_km * rng.uniform(4.4, 5.0)),
                    rpe=9,
                    kind="race",
                )
            )
        else:
            long_km = round(base_km * 2 + rng.uniform(0, 4), 1)
            planned.append(
                Run(
                    date=monday + timedelta(days=6),
                    km=long_km,
                    minutes=round(long_km * rng.uniform(5.6, 6.4)),
                    rpe=rng.choice((5, 6, 6, 7)),
                    kind="long",
                )
            )
        if rng.random() < 0.55:
            planned.append(
                CrossTraining(
                    date=monday + timedelta(days=4),
                    minutes=rng.choice((30, 40, 45, 60)),
                    rpe=rng.choice((2, 3, 4)),
                    activity=rng.choice(("bike", "bike", "swim", "yoga", "row", "walk")),
                )
            )
        for session in planned:
            if first <= session.date <= last and rng.random() >= 0.1:
                sessions.append(session)
        monday += timedelta(weeks=1)
        week += 1
    sessions.sort(key=lambda s: s.date)
    checkins = []
    day = first
    while day <= last:
        sore = rng.choice((1, 2, 2, 3, 3, 4, 5, 6))
        checkins.append(
            CheckIn(
                date=day,
                soreness=sore,
                quads=min(10, sore + rng.choice((0, 0, 1, 2))),
                sleep=rng.randint(2, 5),
                energy=rng.randint(2, 5),
            )
        )
        day += timedelta(days=1)
    return sessions, checkins


def goal_race(today: date = TODAY) -> Goal:
    return Goal(today + timedelta(weeks=GOAL_WEEKS), DISTANCES["half"], "City half marathon")


def build_history(
    path: Path, today: date = TODAY, years: float = 10, seed: int = 20261124
) -> History:
    """Write `years` years of history, the profile and the goal race into a new database."""
    sessions, checkins = history_records(today, years, seed)
    goal = goal_race(today)
    with Repository.open(path) as repo:
        repo.save_profile(PROFILE)
        repo.add_sessions(sessions)  # one transaction
        for checkin in checkins:  # one transaction each: the repository has no batch for these
            repo.save_checkin(checkin)
        repo.save_goal(goal)
    return History(len(sessions), len(checkins), checkins[0].date, checkins[-1].date, goal)


def build_empty(path: Path, welcome_skipped: bool = False) -> None:
    """A legrun database with nothing in it: what a new user has after the first start."""
    with Repository.open(path) as repo:
        if welcome_skipped:
            from legrun.tui.screens.welcome import SETTING

            repo.set_setting(SETTING, "skipped")

"""Sample training for `--demo`: eight believable weeks so a newcomer's first screen is alive."""

from __future__ import annotations

import random
from datetime import date, timedelta

from legrun.planner.models import (
    AnySession,
    CheckIn,
    CrossTraining,
    Exercise,
    LegDay,
    Profile,
    Run,
    muscles_for,
)
from legrun.planner.recurrence import leg_days_rule

_LEG_SESSIONS = (
    (
        ("back squat", 5, 5, 100.0),
        ("romanian deadlift", 3, 8, 80.0),
        ("walking lunge", 3, 12, None),
        ("standing calf raise", 4, 15, 40.0),
    ),
    (
        ("front squat", 4, 6, 75.0),
        ("bulgarian split squat", 3, 10, 24.0),
        ("hamstring curl", 3, 12, 35.0),
        ("hip thrust", 3, 10, 90.0),
    ),
)


def _exercises(index: int, progress: float) -> tuple[Exercise, ...]:
    return tuple(
        Exercise(
            name=name,
            sets=sets,
            reps=reps,
            load_kg=round(load * progress / 2.5) * 2.5 if load else None,
            muscles=muscles_for(name),
        )
        for name, sets, reps, load in _LEG_SESSIONS[index % 2]
    )


def demo_history(
    today: date, weeks: int = 8, seed: int = 7
) -> tuple[Profile, list[AnySession], list[CheckIn]]:
    """A profile and `weeks` weeks of leg days (Mon, Thu), runs, cross-training and check-ins
    ending yesterday. Deterministic for a given `today` and `seed`."""
    rng = random.Random(seed)
    profile = Profile(
        age=34,
        resting_hr=52,
        runs_per_week=3,
        weekly_km=26.0,
        long_run_day=6,
        leg_days_rule=leg_days_rule((0, 3)),
        cross=("bike", "swim", "yoga"),
    )
    monday = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks)
    sessions: list[AnySession] = []
    checkins: list[CheckIn] = []
    for week in range(weeks + 1):
        start = monday + timedelta(weeks=week)
        progress = 0.9 + 0.1 * week / weeks
        km = 18.0 + 1.2 * week
        plan: list[tuple[int, str, int | str]] = [
            (0, "leg", 0),
            (1, "run", "recovery"),
            (2, "run", "easy"),
            (3, "leg", 1),
            (4, "cross", "bike"),
            (6, "run", "long"),
        ]
        for offset, kind, detail in plan:
            day = start + timedelta(days=offset)
            if day >= today:
                continue
            if kind == "leg":
                rpe = rng.choice((7, 8, 8, 9))
                sessions.append(
                    LegDay(
                        date=day,
                        minutes=rng.choice((55, 60, 70)),
                        rpe=rpe,
                        exercises=_exercises(int(detail), progress),
                    )
                )
                soreness = max(0, min(10, rpe - 4 + rng.randint(-1, 1)))
                next_day = day + timedelta(days=1)
                if next_day < today or next_day == today:
                    checkins.append(
                        CheckIn(
                            date=next_day,
                            soreness=soreness,
                            quads=soreness,
                            hamstrings=max(0, soreness - 1),
                            glutes=max(0, soreness - 2),
                            calves=max(0, soreness - 3),
                            sleep=rng.randint(3, 5),
                            energy=rng.randint(2, 5),
                        )
                    )
            elif kind == "run":
                share = {"recovery": 0.2, "easy": 0.35, "long": 0.45}[str(detail)]
                dist = round(km * share + rng.uniform(-0.5, 0.5), 1)
                pace = {"recovery": 6.9, "easy": 6.2, "long": 6.4}[str(detail)] + rng.uniform(
                    -0.2, 0.2
                )
                hr = {"recovery": 118, "easy": 135, "long": 142}[str(detail)] + rng.randint(-4, 4)
                rpe = {"recovery": 3, "easy": 4, "long": 6}[str(detail)]
                sessions.append(
                    Run(
                        date=day,
                        minutes=round(dist * pace),
                        rpe=rpe,
                        km=dist,
                        avg_hr=hr,
                        kind=str(detail),
                    )
                )
            else:
                sessions.append(
                    CrossTraining(
                        date=day, minutes=rng.choice((30, 40, 45)), rpe=3, activity=str(detail)
                    )
                )
    return profile, sessions, checkins

"""Quality runs as workouts (R-QUALITY): a warm-up with strides, a main set that progresses over
the weeks (tempo -> cruise intervals -> VO2 intervals, hills in easier weeks), a cool-down; and
strides inside an easy run for a new or returning runner. Paces come from the runner's latest
race, else a hard effort of 5 km or more, converted with Riegel's formula."""

from __future__ import annotations

from datetime import date, timedelta

from msgspec import Struct

from legrun.planner.load import TrainingHistory
from legrun.planner.models import Run
from legrun.planner.plan import Workout

WARMUP_MINUTES = 15  # 10-15 min easy with 4 strides
COOLDOWN_MINUTES = 10
RIEGEL = 1.06  # T2 = T1 x (D2 / D1) ^ 1.06 (Riegel 1981)
RACE_WEEKS = 26  # a race result counts this long
EFFORT_WEEKS = 8  # a hard effort of 5 km or more counts this long
EFFORT_MIN_KM = 5.0
EFFORT_MIN_RPE = 8  # hard enough to stand for a result (a time trial, a parkrun raced)
THRESHOLD_HR = (0.85, 0.90)  # threshold, % of max HR
VO2_HR = (0.90, 0.95)


class Result(Struct, frozen=True):
    """A race or hard effort the paces are read from."""

    date: date
    km: float
    minutes: float
    is_race: bool

    def minutes_for(self, km: float) -> float:
        return float(self.minutes * (km / self.km) ** RIEGEL)

    def pace_s(self, km: float) -> int:
        """Seconds per km over `km`, by Riegel."""
        return round(self.minutes_for(km) * 60 / km)


def latest_result(history: TrainingHistory, before: date) -> Result | None:
    """The latest race of the last 26 weeks, else the fastest hard run (RPE 8 or more) of 5 km
    or more in the last 8 weeks, before `before`. The planner's own workouts are planned at
    RPE 7, so a followed plan never feeds its own paces."""
    races = [
        s
        for s in history.between(before - timedelta(weeks=RACE_WEEKS), before - timedelta(days=1))
        if isinstance(s, Run) and s.kind == "race"
    ]
    if races:
        race = races[-1]
        return Result(race.date, race.km, race.minutes, True)
    efforts = [
        s
        for s in history.between(before - timedelta(weeks=EFFORT_WEEKS), before - timedelta(days=1))
        if isinstance(s, Run)
        and s.km >= EFFORT_MIN_KM
        and (s.rpe or 0) >= EFFORT_MIN_RPE
        and 2.5 <= s.pace_min_per_km <= 12
    ]
    if not efforts:
        return None
    best = min(efforts, key=lambda s: (s.pace_min_per_km, s.date))
    return Result(best.date, best.km, best.minutes, False)


def threshold_pace(result: Result) -> tuple[int, int]:
    """About the pace for 15 km to a half marathon."""
    return result.pace_s(15.0), result.pace_s(21.0975)


def interval_pace(result: Result) -> tuple[int, int]:
    """About 5K pace."""
    five = result.pace_s(5.0)
    return five - 3, five + 3


class Session(Struct, frozen=True):
    """A planned workout and what it takes: its minutes and km at the runner's paces."""

    workout: Workout
    minutes: int
    km: float
    hr: tuple[float, float]  # the main set's band, fractions of max HR


def strides(block_week: int) -> Workout:
    reps = min(8, 4 + 2 * block_week)
    return Workout(
        type="strides",
        warmup_minutes=0,
        main=f"{reps} x 20 s relaxed and quick near the end, walk back between",
        cooldown_minutes=0,
    )


def quality_session(
    block_week: int,
    first_quality_week: int,
    easier: bool,
    second: bool,
    easy_pace_min: float,
    result: Result | None,
    max_km: float | None = None,
    race_km: float | None = None,
    taper: bool = False,
) -> Session:
    """The week's workout: its type from where the week sits in its 4-week cycle, its size
    from how many weeks of workouts came before it (a little more each cycle, up to a ceiling),
    made smaller until it fits in `max_km` (the share of the week a run has)."""
    cycle = max(0, block_week - first_quality_week) // 4
    position = block_week % 4
    if race_km is not None and not second:
        # Race-specific in the peak and taper: 5K/10K intervals, a half's cruise intervals,
        # a marathon's tempo; shorter in the taper (intensity kept, volume cut).
        workout_type = "intervals" if race_km <= 10.5 else "cruise" if race_km <= 30 else "tempo"
    elif easier or second:
        workout_type = "hills"
    else:
        workout_type = ("tempo", "cruise", "intervals", "intervals")[position]
    size = -1 if taper else cycle
    while True:
        session = _session(workout_type, size, easy_pace_min, result)
        if max_km is None or session.km <= max_km:
            return session
        if size <= -2:
            # The smallest of its kind does not fit: short hills fit almost any run.
            if workout_type == "hills":
                return session
            workout_type, size = "hills", 0
            continue
        size -= 1


def _session(workout_type: str, size: int, easy_pace_min: float, result: Result | None) -> Session:
    """A workout of `workout_type` at step `size` of its progression (below 0: shorter still)."""
    threshold = threshold_pace(result) if result else None
    vo2 = interval_pace(result) if result else None
    warmup = WARMUP_MINUTES if size >= 0 else 10
    pace: tuple[int, int] | None
    if workout_type == "hills":
        reps = max(2, min(10, 6 + 2 * size))
        main = f"{reps} x 60 s uphill, hard but controlled; walk or jog back down"
        main_minutes, hr, pace, fast_share = reps * 2.5, VO2_HR, None, 0.4
    elif workout_type == "tempo":
        tempo = max(10, min(30, 15 + 5 * size))
        main = f"{tempo} min continuous at threshold (comfortably hard: a few words at a time)"
        main_minutes, hr, pace, fast_share = float(tempo), THRESHOLD_HR, threshold, 1.0
    elif workout_type == "cruise":
        reps = max(2, min(5, 3 + size))
        rep = 8 if size >= 2 else 6
        main = f"{reps} x {rep} min at threshold, 2 min easy jog between"
        main_minutes, hr, pace = reps * (rep + 2) - 2.0, THRESHOLD_HR, threshold
        fast_share = rep / (rep + 2)
    else:
        reps = max(3, min(6, 4 + size))
        rep = 4 if size >= 2 else 3
        main = f"{reps} x {rep} min hard (about 5K effort), {rep} min easy jog between"
        main_minutes, hr, pace, fast_share = reps * rep * 2.0, VO2_HR, vo2, 0.5
    workout = Workout(workout_type, warmup, main, COOLDOWN_MINUTES, pace)
    minutes = warmup + round(main_minutes) + COOLDOWN_MINUTES
    fast_pace = (pace[0] + pace[1]) / 120 if pace else easy_pace_min * 0.85
    main_pace = fast_share * fast_pace + (1 - fast_share) * easy_pace_min
    km = (warmup + COOLDOWN_MINUTES) / easy_pace_min + main_minutes / main_pace
    return Session(workout, minutes, round(km, 1), hr)

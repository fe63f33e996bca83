"""Week plans built by hand, shaped like the multi-week coach's (a phase, an easier week, the
volume, suggestions, workouts and a race), so the screens can be tested on them before the
planner makes them; and a way to show them in the real app."""

from __future__ import annotations

from datetime import date, timedelta

from msgspec.structs import replace

from legrun.planner.plan import (
    DayPlan,
    PlanItem,
    Totals,
    TrainingState,
    Volume,
    WeekPlan,
    Why,
    Workout,
)
from legrun.planner.scheduler import week_start_for
from legrun.tui.application import LegrunApp
from tests.tui.support import MONDAY

TEMPO = Workout(
    type="tempo",
    warmup_minutes=15,
    main="3 x 8 min at threshold, 2 min jog",
    cooldown_minutes=10,
    pace_s_per_km=(310, 320),
)
STRIDES = Workout(
    type="strides", warmup_minutes=0, main="6 x 20 s strides, walk back", cooldown_minutes=0
)
RACE = Workout(
    type="race",
    warmup_minutes=15,
    main="10 km race: even effort, faster in the last 2 km",
    cooldown_minutes=10,
    pace_s_per_km=(295, 305),
)
VOLUME = Volume(target_km=30.0, baseline_km=24.0, cap_km=26.4, planned_km=25.0)
SPLIT = Why("R-SPLIT", "Move Thursday's leg day to Tuesday to free Friday for a workout.")
SPIKE = Why(
    "R-SPIKE",
    "This week may hold at most 26.4 km: 10 % over last week's 24 km. The long run stays at "
    "12 km so that the week keeps to it; the rest of the volume waits for next week.",
)
WHY_TEMPO = Why("R-QUALITY", "Your one quality run this week, 48 h clear of Monday's leg day.")


def item(offset: int, kind: str, **fields: object) -> PlanItem:
    """A planned item on day `offset` of the week of MONDAY (0 is Monday 23 Nov 2026)."""
    return PlanItem(date=MONDAY + timedelta(days=offset), kind=kind, **fields)  # type: ignore[arg-type]


def coach_week(
    start: date = MONDAY,
    *,
    phase: str = "build",
    easier_week: bool = True,
    volume: Volume | None = VOLUME,
    warnings: tuple[Why, ...] = (SPIKE,),
    suggestions: tuple[Why, ...] = (SPLIT,),
    units: str = "km",
) -> WeekPlan:
    """A week: leg day Monday, recovery run Tuesday, a tempo run Wednesday, a rest Thursday,
    an easy run with strides Friday, mobility Saturday and a 10 km race on Sunday."""
    days = {
        0: (item(0, "leg_day", minutes=60, rpe=8, why=(Why("R-SAME-DAY", "Your leg day."),)),),
        1: (
            item(
                1,
                "recovery_run",
                km=4.0,
                minutes=28,
                rpe=3,
                hr_low=111,
                hr_high=128,
                why=(Why("R-AFTER-LEG", "The day after a heavy leg day: recovery only."),),
            ),
        ),
        2: (
            item(
                2,
                "quality_run",
                km=8.0,
                minutes=50,
                rpe=7,
                hr_low=147,
                hr_high=165,
                why=(WHY_TEMPO,),
                workout=TEMPO,
            ),
        ),
        3: (item(3, "rest", why=(Why("R-REST", "A full rest day."),)),),
        4: (
            item(
                4,
                "easy_run",
                km=3.0,
                minutes=20,
                rpe=4,
                hr_low=120,
                hr_high=138,
                why=(Why("R-EASY", "An easy run with strides to keep the legs quick."),),
                workout=STRIDES,
            ),
        ),
        5: (item(5, "mobility", minutes=10, why=(Why("R-MOBILITY", "Loosen up."),)),),
        6: (
            item(
                6,
                "race",
                km=10.0,
                minutes=50,
                rpe=9,
                why=(Why("R-RACE", "Your goal race: Town 10k."),),
                workout=RACE,
            ),
        ),
    }
    shift = start - MONDAY
    plan_days = tuple(
        DayPlan(
            date=start + timedelta(days=i),
            sessions=tuple(replace(s, date=s.date + shift) for s in days[i]),
        )
        for i in range(7)
    )
    return WeekPlan(
        week_start=start,
        max_hr=184,
        days=plan_days,
        totals=Totals(
            run_km=25.0,
            run_minutes=148,
            load=1500,
            run_km_done=0.0,
            run_minutes_done=0,
            load_done=0,
        ),
        warnings=warnings,
        state=TrainingState(
            fitness=30.0, fatigue=35.0, form=-5.0, acute_chronic_ratio=None, recovery={}
        ),
        units=units,
        phase=phase,
        easier_week=easier_week,
        volume=volume,
        suggestions=suggestions,
    )


def quiet_week(start: date) -> WeekPlan:
    """The same week with nothing to warn about or suggest, in a maintain phase."""
    return coach_week(start, phase="maintain", easier_week=False, warnings=(), suggestions=())


def show_coach_weeks(app: LegrunApp, units: str = "km") -> None:
    """Make `app` show the coach week for MONDAY's week and quiet weeks around it (the
    planner that makes such weeks is still being written)."""

    def plan_for(day: date) -> WeekPlan:
        start = week_start_for(day, 0)
        if start == MONDAY:
            return coach_week(units=units)
        return replace(quiet_week(start), units=units)

    app.plan_for = plan_for  # type: ignore[method-assign]

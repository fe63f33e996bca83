"""How a session's workout reads: its name, one line for the week's panel, and the rows of
the day screen (warm-up, main set, pace, cool-down). The words only; the planner decides."""

from __future__ import annotations

from legrun.planner.plan import PlanItem, Workout
from legrun.planner.units import pace, pace_clock
from legrun.tui.text import workout_text
from legrun.tui.widgets.hanging_text import Line

WORKOUT_NAMES = {
    "strides": "Strides",
    "tempo": "Tempo run",
    "cruise": "Cruise intervals",
    "intervals": "Intervals",
    "hills": "Hill repeats",
    "race": "Race",
}
# For the week's columns: a quality run reads as its workout ("·Q Hills", "·Q Intervals").
COLUMN_NAMES = {
    "tempo": ("Tempo", "Tempo run"),
    "cruise": ("Cruise", "Cruise reps"),
    "intervals": ("Intvl", "Intervals"),
    "hills": ("Hills", "Hill repeats"),
}


def workout_name(workout: Workout) -> str:
    return WORKOUT_NAMES.get(workout.type, workout.type.capitalize())


def workout_heading(workout: Workout) -> str:
    """`Race plan` for a race, else the workout's name (`Tempo run`, `Strides`)."""
    return "Race plan" if workout.type == "race" else workout_name(workout)


def pace_range(workout: Workout, units: str) -> str | None:
    """`5:10-5:20/km` (or per mile), or None when the planner knows no pace."""
    if workout.pace_s_per_km is None:
        return None
    low, high = workout.pace_s_per_km
    if low == high:
        return pace(low / 60, units)
    return f"{pace_clock(low / 60, units)}-{pace(high / 60, units)}"


def workout_line(item: PlanItem, units: str) -> str | None:
    """One line for the week's panel: `Tempo run: 15 min easy warm-up; 20 min at threshold
    (5:10-5:20/km); 10 min easy cool-down`, or None when the item has no workout."""
    if item.workout is None:
        return None
    return f"{workout_heading(item.workout)}: {workout_text(item.workout, units)}"


def workout_rows(workout: Workout, units: str) -> list[tuple[str, str]]:
    """The day screen's rows, label and value, in the order they are run."""
    rows = []
    if workout.warmup_minutes:
        rows.append(("Warm-up", f"{workout.warmup_minutes} min easy"))
    rows.append(("Main set", workout.main))
    known = pace_range(workout, units)
    if known is not None:
        rows.append(("Pace", known))
    if workout.cooldown_minutes:
        rows.append(("Cool-down", f"{workout.cooldown_minutes} min easy"))
    return rows


def workout_block(workout: Workout, units: str) -> list[Line]:
    """The day screen's workout: its name, then warm-up, main set, pace and cool-down, the
    values in one column (a long main set wraps under its own column)."""
    heading = workout_heading(workout)
    lines = [Line(heading if workout.type == "race" else f"Workout: {heading}", style="bold")]
    rows = workout_rows(workout, units)
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        lines.append(Line(f"  {label:<{width}}  {value}", hang=width + 4))
    return lines

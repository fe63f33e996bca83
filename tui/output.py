"""Text and JSON renderings of profiles, sessions and plans for the command line."""

from __future__ import annotations

import json
import sys
import textwrap
from collections.abc import Sequence
from datetime import date
from typing import Any

from legrun.planner.goal import Goal, countdown, weeks_left
from legrun.planner.models import WEEKDAYS, AnySession, LegDay, Profile, Run
from legrun.planner.plan import (
    KIND_LABELS,
    KIND_LETTERS,
    PlanItem,
    WeekPlan,
    Workout,
    item_from_session,
)
from legrun.planner.recurrence import describe_rule
from legrun.planner.season import SeasonWeek
from legrun.planner.trends import FitnessPoint, WeekTotals
from legrun.planner.units import distance, pace
from legrun.planner.zones import HR_BANDS, run_hr_range


def print_json(value: Any) -> None:
    # One write of the whole text: `json.dump` to the stream writes every token separately
    # (~450,000 writes for 5,000 sessions; `history --json` took 788 ms instead of 366 ms,
    # median of scripts/bench_history.py).
    sys.stdout.write(json.dumps(value, indent=2, ensure_ascii=False) + "\n")


# -- profile ---------------------------------------------------------------------------------


def profile_json(profile: Profile) -> dict[str, Any]:
    return {
        "age": profile.age,
        "max_hr": profile.effective_max_hr,
        "max_hr_source": profile.max_hr_source,
        "resting_hr": profile.resting_hr,
        "runs_per_week": profile.runs_per_week,
        "weekly_km": profile.weekly_km,
        "long_run_day": WEEKDAYS[profile.long_run_day],
        "week_start": WEEKDAYS[profile.week_start],
        "units": profile.units,
        "cross": list(profile.cross),
        "leg_days": describe_rule(profile.leg_days_rule).split(",")
        if profile.leg_days_rule
        else [],
        "leg_days_rule": profile.leg_days_rule,
        "same_day_hard": profile.same_day_hard,
        "unavailable": [WEEKDAYS[day] for day in profile.unavailable],
        "weekly_minutes": profile.weekly_minutes,
        "is_default": profile.is_default,
    }


def profile_text(profile: Profile) -> str:
    max_hr = profile.effective_max_hr
    source = "measured" if profile.max_hr is not None else f"estimated: 208 - 0.7 x {profile.age}"
    if profile.weekly_minutes is not None:
        target = f"{profile.weekly_minutes} min"
    else:
        target = distance(profile.weekly_km, profile.units)
    unavailable = ",".join(WEEKDAYS[day] for day in profile.unavailable) or "none"
    lines = [
        f"age             {profile.age}",
        f"max HR          {max_hr} bpm ({source})",
        f"resting HR      {profile.resting_hr if profile.resting_hr else 'not set'}",
        f"runs per week   {profile.runs_per_week}",
        f"weekly target   {target}",
        f"long-run day    {WEEKDAYS[profile.long_run_day]}",
        f"week starts     {WEEKDAYS[profile.week_start]}",
        f"units           {profile.units}",
        f"cross-training  {', '.join(profile.cross)}",
        f"leg days        {describe_rule(profile.leg_days_rule)}",
        f"unavailable     {unavailable}",
        f"same-day hard   {'on' if profile.same_day_hard else 'off'}",
        "heart-rate targets:",
    ]
    for kind in HR_BANDS:
        low, high = run_hr_range(kind, max_hr)
        lines.append(f"  {KIND_LABELS[kind].lower():<14}{low}-{high} bpm")
    if profile.is_default:
        lines.append("(defaults: set your own with 'legrun-tui profile set --age N ...')")
    return "\n".join(lines)


# -- sessions --------------------------------------------------------------------------------


def item_json(item: PlanItem) -> dict[str, Any]:
    return {
        "id": item.id,
        "kind": item.kind,
        "status": item.status,
        "minutes": item.minutes,
        "km": item.km,
        "rpe": item.rpe,
        "hr_low": item.hr_low,
        "hr_high": item.hr_high,
        "activity": item.activity,
        "why": [{"rule": w.rule, "text": w.text} for w in item.why],
        "workout": workout_json(item.workout),
    }


def workout_json(workout: Workout | None) -> dict[str, Any] | None:
    if workout is None:
        return None
    return {
        "type": workout.type,
        "warmup_minutes": workout.warmup_minutes,
        "main": workout.main,
        "cooldown_minutes": workout.cooldown_minutes,
        "pace_s_per_km": list(workout.pace_s_per_km) if workout.pace_s_per_km else None,
    }


def session_json(session: AnySession) -> dict[str, Any]:
    data = {"date": session.date.isoformat(), **item_json(item_from_session(session))}
    data["load"] = session.load
    data["notes"] = session.notes
    if isinstance(session, Run):
        data["avg_hr"] = session.avg_hr
        data["run_kind"] = session.kind
    if isinstance(session, LegDay):
        data["exercises"] = [
            {
                "name": e.name,
                "sets": e.sets,
                "reps": e.reps,
                "load_kg": e.load_kg,
                "muscles": list(e.muscles),
            }
            for e in session.exercises
        ]
    return data


def session_line(session: AnySession, units: str = "km") -> str:
    item = item_from_session(session)
    parts = [
        f"#{session.id}",
        session.date.isoformat(),
        item.label.lower(),
        f"{session.minutes} min",
    ]
    if isinstance(session, Run):
        parts.append(distance(session.km, units))
    if session.rpe is not None:
        parts.append(f"RPE {session.rpe}")
    return " ".join(parts)


def pace_text(minutes_per_km: float, units: str = "km") -> str:
    """6.25 min/km as `6:15` (per km, or per mile when `units` is "mi")."""
    return pace(minutes_per_km, units).split("/")[0]


def session_details(session: AnySession) -> str:
    """A leg day's exercises (then its notes), or a session's notes."""
    if isinstance(session, LegDay) and session.exercises:
        exercises = "; ".join(e.describe() for e in session.exercises)
        return f"{exercises} · {session.notes}" if session.notes else exercises
    return session.notes


def history_text(sessions: Sequence[AnySession], units: str = "km") -> str:
    if not sessions:
        return "no sessions logged yet (try: legrun-tui log run --date today --km 5 --minutes 30)"
    rows = [("id", "date", "kind", "min", units, "pace", "RPE", "load", "details")]
    for s in sessions:
        item = item_from_session(s)
        km = pace = ""
        details = session_details(s)
        if isinstance(s, Run):
            km = distance(s.km, units).split()[0]
            pace = pace_text(s.pace_min_per_km, units)
        label = item.label if item.kind != "cross_training" else f"{s.activity}"  # type: ignore[union-attr]
        rows.append(
            (
                str(s.id),
                s.date.isoformat(),
                label.lower(),
                str(s.minutes),
                km,
                pace,
                str(s.rpe or ""),
                str(s.load),
                details,
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(8)]
    return "\n".join(
        ("  ".join(col.ljust(widths[i]) for i, col in enumerate(r[:8])) + "  " + r[8]).rstrip()
        for r in rows
    )


# -- plans -----------------------------------------------------------------------------------


def plan_json(plan: WeekPlan) -> dict[str, Any]:
    volume = plan.volume
    return {
        "week_start": plan.week_start.isoformat(),
        "max_hr": plan.max_hr,
        "phase": plan.phase,
        "easier_week": plan.easier_week,
        "volume": {
            "target_km": volume.target_km if volume else None,
            "baseline_km": volume.baseline_km if volume else None,
            "cap_km": volume.cap_km if volume else None,
            "planned_km": volume.planned_km if volume else None,
        },
        "days": [
            {
                "date": day.date.isoformat(),
                "sessions": [item_json(s) for s in day.sessions],
                "checklist": [
                    {"id": c.id, "when": c.when, "text": c.text, "done": c.done}
                    for c in day.checklist
                ],
            }
            for day in plan.days
        ],
        "totals": {
            "run_km": plan.totals.run_km,
            "run_minutes": plan.totals.run_minutes,
            "load": plan.totals.load,
            "run_km_done": plan.totals.run_km_done,
            "run_minutes_done": plan.totals.run_minutes_done,
            "load_done": plan.totals.load_done,
        },
        "warnings": [{"rule": w.rule, "text": w.text} for w in plan.warnings],
        "suggestions": [{"rule": w.rule, "text": w.text} for w in plan.suggestions],
        "state": {
            "fitness": plan.state.fitness,
            "fatigue": plan.state.fatigue,
            "form": plan.state.form,
            "acute_chronic_ratio": plan.state.acute_chronic_ratio,
            "recovery": plan.state.recovery,
        },
    }


def item_summary(item: PlanItem, units: str = "km") -> str:
    """`E easy run 5.6 km 36 min 120-138 bpm` style, with the status when not planned."""
    parts = [KIND_LETTERS[item.kind], item.label.lower()]
    if item.km is not None:
        parts.append(distance(item.km, units))
    if item.minutes is not None and item.kind != "rest":
        parts.append(f"{item.minutes} min")
    if item.hr_low is not None:
        parts.append(f"{item.hr_low}-{item.hr_high} bpm")
    if item.rpe is not None and item.status == "done":
        parts.append(f"RPE {item.rpe}")
    if item.status != "planned":
        parts.append(f"[{item.status}]")
    return " ".join(parts)


def plan_text(plan: WeekPlan, today: date) -> str:
    t = plan.totals
    easier = ", easier week" if plan.easier_week else ""
    lines = [
        f"Week of {plan.week_start.isoformat()} (max HR {plan.max_hr} bpm); "
        f"phase: {plan.phase}{easier}",
        "",
    ]
    for day in plan.days:
        marker = "  <- today" if day.date == today else ""
        lines.append(f"{WEEKDAYS[day.date.weekday()].capitalize()} {day.date.isoformat()}{marker}")
        if not day.sessions:
            lines.append("    (nothing logged)")
        for item in day.sessions:
            lines.append(f"    {item_summary(item, plan.units)}")
            if item.workout is not None:
                lines.append(f"        workout: {workout_text(item.workout, plan.units)}")
            for why in item.why:
                lines.append(f"        {why.rule}: {why.text}")
    lines += [
        "",
        f"Runs {distance(t.run_km, plan.units)} / {t.run_minutes} min "
        f"(done {distance(t.run_km_done, plan.units)}); "
        f"load {t.load} (done {t.load_done}); form {plan.state.form:+.1f}",
    ]
    if plan.warnings:
        lines.append("Warnings:")
        lines += [f"  {w.rule}: {w.text}" for w in plan.warnings]
    if plan.suggestions:
        lines.append("Suggestions (yours to make):")
        lines += [f"  {w.rule}: {w.text}" for w in plan.suggestions]
    return "\n".join(lines)


def workout_text(workout: Workout, units: str = "km") -> str:
    """`15 min easy with 4 strides; 20 min at threshold (5:10-5:20 /km); 10 min easy`."""
    main = workout.main
    if workout.pace_s_per_km is not None:
        low, high = workout.pace_s_per_km
        main += f" ({pace(low / 60, units).split('/')[0]}-{pace(high / 60, units)})"
    parts = []
    if workout.warmup_minutes:
        parts.append(f"{workout.warmup_minutes} min easy warm-up")
    parts.append(main)
    if workout.cooldown_minutes:
        parts.append(f"{workout.cooldown_minutes} min easy cool-down")
    return "; ".join(parts)


def today_text(plan: WeekPlan, today: date) -> str:
    day = plan.day(today)
    if day is None:
        return "nothing planned"
    items = [i for i in day.sessions]
    head = "; ".join(item_summary(i, plan.units) for i in items) or "rest"
    lines = [f"{today.isoformat()}: {head}"]
    for item in items:
        if item.workout is not None and item.status == "planned":
            lines.append(f"  workout: {workout_text(item.workout, plan.units)}")
        if item.why and item.status == "planned":
            lines.append(f"  why: {item.why[0].text}")
    for check in day.checklist:
        lines.append(f"  [{'x' if check.done else ' '}] {check.when}: {check.text}")
    return "\n".join(lines)


# -- stats -----------------------------------------------------------------------------------


def stats_json(stats: tuple[list[WeekTotals], FitnessPoint]) -> dict[str, Any]:
    weeks, now = stats
    return {
        "weeks": [
            {
                "week_start": w.week_start.isoformat(),
                "run_km": w.run_km,
                "run_minutes": w.run_minutes,
                "load": w.load,
                "leg_days": w.leg_days,
                "cross_minutes": w.cross_minutes,
            }
            for w in weeks
        ],
        "fitness": now.fitness,
        "fatigue": now.fatigue,
        "form": now.form,
    }


def stats_text(stats: tuple[list[WeekTotals], FitnessPoint], units: str = "km") -> str:
    weeks, now = stats
    lines = [f"week of      run {units}  run min  load  leg days  cross min"]
    for w in weeks:
        run = float(distance(w.run_km, units).split()[0])
        lines.append(
            f"{w.week_start.isoformat()}  {run:6.1f}  {w.run_minutes:7d}  {w.load:4d}"
            f"  {w.leg_days:8d}  {w.cross_minutes:9d}"
        )
    lines.append(
        f"today: fitness {now.fitness:.1f}, fatigue {now.fatigue:.1f}, form {now.form:+.1f}"
    )
    return "\n".join(lines)


# -- the goal race and the season --------------------------------------------------------------

NO_GOAL = "no goal race (set one: legrun-tui goal set --date YYYY-MM-DD --distance half)"


def goal_json(goal: Goal, today: date) -> dict[str, Any]:
    return {
        "date": goal.date.isoformat(),
        "distance_km": goal.distance_km,
        "name": goal.name,
        "weeks_left": weeks_left(goal.date, today),
    }


def goal_line(goal: Goal, units: str = "km") -> str:
    """`Berlin Marathon: marathon (42.2 km) on Sun 2027-09-26`, or `15 km on ...`."""
    what = goal.described(units)
    return f"{what} on {WEEKDAYS[goal.date.weekday()].capitalize()} {goal.date.isoformat()}"


def goal_countdown(goal: Goal, today: date) -> str:
    """`15 weeks left (105 days)`, `race week: 3 days left`, `race day: today` or `passed`."""
    return countdown(goal.date, today)


def goal_text(goal: Goal, today: date, units: str = "km") -> str:
    return f"{goal_line(goal, units)}, {goal_countdown(goal, today)}"


def season_json(goal: Goal | None, weeks: Sequence[SeasonWeek]) -> dict[str, Any]:
    return {
        "goal": None
        if goal is None
        else {"date": goal.date.isoformat(), "distance_km": goal.distance_km, "name": goal.name},
        "weeks": [
            {
                "week_start": w.week_start.isoformat(),
                "phase": w.phase,
                "easier_week": w.easier_week,
                "run_km": w.run_km,
                "long_run_km": w.long_run_km,
                "quality": w.quality,
                "leg_days": w.leg_days,
                "key_sessions": list(w.key_sessions),
            }
            for w in weeks
        ],
    }


SEASON_WIDTH = 80  # the text fits an 80-column terminal
_MIN_KEY_WIDTH = 24  # below this the key sessions go on lines of their own


def season_text(
    goal: Goal | None,
    weeks: Sequence[SeasonWeek],
    today: date,
    units: str = "km",
    width: int = SEASON_WIDTH,
    note: str | None = None,
) -> str:
    """The season, one row a week (its key sessions one a line under their column), with the
    goal and the weeks left to it on top."""
    if goal is None:
        lines = [
            f"No goal race: the next {len(weeks)} week{'s' if len(weeks) != 1 else ''}.",
            "  (set one with: legrun-tui goal set --date YYYY-MM-DD --distance half)",
        ]
    elif goal.date < today:
        top = f"Goal: {goal_line(goal, units)} has passed; the next {len(weeks)} weeks."
        lines = textwrap.wrap(top, width, subsequent_indent="  ")
        lines.append("  (set the next one with: legrun-tui goal set --date YYYY-MM-DD ...)")
    else:
        top = f"Goal: {goal_line(goal, units)}, {goal_countdown(goal, today)}"
        lines = textwrap.wrap(top, width, subsequent_indent="  ")  # a long race name
    lines.append("")

    def number(km: float | None) -> str:
        return "-" if km is None else f"{float(distance(km, units).split()[0]):.1f}"

    header = ("week of", "phase", f"run {units}", "long", "Q", "legs")
    rows = [
        (
            w.week_start.isoformat(),
            f"{w.phase} easier" if w.easier_week else w.phase,
            number(w.run_km),
            number(w.long_run_km),
            str(w.quality),
            str(w.leg_days),
        )
        for w in weeks
    ]
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header))]
    right = {2, 3, 4, 5}  # numbers line up on the right

    def cells(row: Sequence[str]) -> str:
        return "  ".join(
            col.rjust(widths[i]) if i in right else col.ljust(widths[i])
            for i, col in enumerate(row)
        )

    indent = len(cells(header)) + 2
    beside = width - indent >= _MIN_KEY_WIDTH  # else the key sessions go on lines of their own
    if not beside:
        indent = 4
    key_width = width - indent
    lines.append((cells(header) + "  key sessions").rstrip())
    for week, row in zip(weeks, rows, strict=True):
        # One key session a line, a long one wrapped with a hanging indent: nothing is cut.
        keys = [
            line
            for text in week.key_sessions
            for line in textwrap.wrap(
                text, key_width, subsequent_indent="  ", break_on_hyphens=False
            )
        ]
        if not beside or not keys:
            lines.append(cells(row).rstrip())
        else:
            lines.append(f"{cells(row)}  {keys.pop(0)}")
        lines += [" " * indent + key for key in keys]
    lines.append("")
    if note:
        lines += textwrap.wrap(note, width)
    lines.append("Q quality runs, legs leg days. A week in full: legrun-tui plan --week DATE")
    return "\n".join(lines)

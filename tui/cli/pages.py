"""The command line's pages of text: the plan, today, history, stats, the profile, the goal
race and the season. The phrases they share with the app are in `legrun.tui.text`."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from legrun.planner.goal import Goal, countdown
from legrun.planner.models import WEEKDAYS, AnySession, CheckIn, CrossTraining, Profile, Run
from legrun.planner.plan import KIND_LABELS, WeekPlan, item_from_session
from legrun.planner.recurrence import describe_rule
from legrun.planner.season import SeasonWeek
from legrun.planner.units import distance, distance_figure, in_units
from legrun.planner.zones import HR_BANDS, run_hr_range
from legrun.tui.text import (
    checkin_details,
    goal_line,
    item_summary,
    pace_text,
    session_details,
    workout_text,
)

if TYPE_CHECKING:
    from legrun.planner.trends import FitnessPoint, WeekTotals


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


def history_text(sessions: Sequence[AnySession], units: str = "km") -> str:
    if not sessions:
        return "no sessions logged yet (try: legrun-tui log run --date today --km 5 --minutes 30)"
    rows = [("id", "date", "kind", "min", units, "pace", "RPE", "load", "details")]
    for s in sessions:
        item = item_from_session(s)
        km = pace = ""
        details = session_details(s)
        if isinstance(s, Run):
            km = distance_figure(s.km, units)
            pace = pace_text(s.pace_min_per_km, units)
        label = s.activity if isinstance(s, CrossTraining) else item.label
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


def stats_text(stats: tuple[list[WeekTotals], FitnessPoint], units: str = "km") -> str:
    weeks, now = stats
    lines = [f"week of      run {units}  run min  load  leg days  cross min"]
    for w in weeks:
        run = in_units(w.run_km, units)
        lines.append(
            f"{w.week_start.isoformat()}  {run:6.1f}  {w.run_minutes:7d}  {w.load:4d}"
            f"  {w.leg_days:8d}  {w.cross_minutes:9d}"
        )
    lines.append(
        f"today: fitness {now.fitness:.1f}, fatigue {now.fatigue:.1f}, form {now.form:+.1f}"
    )
    return "\n".join(lines)


NO_GOAL = "no goal race (set one: legrun-tui goal set --date YYYY-MM-DD --distance half)"


def goal_text(goal: Goal, today: date, units: str = "km") -> str:
    return f"{goal_line(goal, units)}, {countdown(goal.date, today)}"


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
        top = f"Goal: {goal_line(goal, units)}, {countdown(goal.date, today)}"
        lines = textwrap.wrap(top, width, subsequent_indent="  ")  # a long race name
    lines.append("")

    def number(km: float | None) -> str:
        return "-" if km is None else f"{in_units(km, units):.1f}"

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


def checkins_text(checkins: Sequence[CheckIn]) -> str:
    if not checkins:
        return "no check-ins yet (try: legrun-tui checkin --date today --soreness 3)"
    return "\n".join(f"{c.date.isoformat()}  {checkin_details(c)}" for c in checkins)

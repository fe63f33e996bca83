"""The JSON contract of the command line (`--json`), one function per document. Every number
is the stored value (kilometres to the metre, never rounded for display); the shapes are
pinned by tests/tui/test_json_contract.py."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from legrun.planner.goal import Goal, weeks_left
from legrun.planner.models import MUSCLES, WEEKDAYS, AnySession, CheckIn, LegDay, Profile, Run
from legrun.planner.plan import PlanItem, WeekPlan, Workout, item_from_session
from legrun.planner.recurrence import describe_rule
from legrun.planner.season import SeasonWeek

if TYPE_CHECKING:
    from legrun.planner.trends import FitnessPoint, WeekTotals


def print_json(value: Any) -> None:
    """`value` as JSON indented by two spaces, UTF-8 as it is, in one write.

    The text is what `json.dumps(value, indent=2, ensure_ascii=False)` gives for the contract's
    documents, made by msgspec's encoder and formatter, which are written in C: with an indent
    the standard library encodes in Python, 87 ms of `history --json`'s ~300 ms for ten years
    (msgspec: 7 ms). The one difference is how a float below 1e-4 or from 1e16 is written
    (`0.00001`, not `1e-05`: the same number), and the contract has none: its kilometres are
    to the metre, its other figures rounded to one or two places."""
    # Imported here, not at the top, where it would come before the planner's own import of
    # msgspec (`legrun.planner`), which keeps typing_extensions out of every command.
    import msgspec

    text = msgspec.json.format(msgspec.json.encode(value), indent=2)
    sys.stdout.write(text.decode() + "\n")


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
                "per_set": [[reps, load] for reps, load in e.per_set],  # [] for sets alike
                "unit": e.unit,  # as typed; load_kg is in kg whatever it says
            }
            for e in session.exercises
        ]
    return data


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


def goal_json(goal: Goal, today: date) -> dict[str, Any]:
    return {
        "date": goal.date.isoformat(),
        "distance_km": goal.distance_km,
        "name": goal.name,
        "weeks_left": weeks_left(goal.date, today),
    }


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


def checkin_json(checkin: CheckIn) -> dict[str, Any]:
    return {
        "id": checkin.id,
        "date": checkin.date.isoformat(),
        "soreness": checkin.soreness,
        **{muscle: getattr(checkin, muscle) for muscle in MUSCLES},
        "sleep": checkin.sleep,
        "energy": checkin.energy,
    }

"""The words and figures a person reads, shared by the command line and the widgets: a
session or a planned item on one line, a workout, a pace. Numbers stay numbers until these
functions draw them."""

from __future__ import annotations

from legrun.planner.goal import Goal
from legrun.planner.models import MUSCLES, WEEKDAYS, AnySession, CheckIn, LegDay, Run
from legrun.planner.plan import KIND_LETTERS, PlanItem, Workout, item_from_session
from legrun.planner.units import distance, pace, pace_clock


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
    return pace_clock(minutes_per_km, units)


def session_details(session: AnySession) -> str:
    """A leg day's exercises (then its notes), or a session's notes."""
    if isinstance(session, LegDay) and session.exercises:
        exercises = "; ".join(e.describe() for e in session.exercises)
        return f"{exercises} · {session.notes}" if session.notes else exercises
    return session.notes


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


def workout_text(workout: Workout, units: str = "km") -> str:
    """`15 min easy with 4 strides; 20 min at threshold (5:10-5:20 /km); 10 min easy`."""
    main = workout.main
    if workout.pace_s_per_km is not None:
        low, high = workout.pace_s_per_km
        main += f" ({pace_clock(low / 60, units)}-{pace(high / 60, units)})"
    parts = []
    if workout.warmup_minutes:
        parts.append(f"{workout.warmup_minutes} min easy warm-up")
    parts.append(main)
    if workout.cooldown_minutes:
        parts.append(f"{workout.cooldown_minutes} min easy cool-down")
    return "; ".join(parts)


def goal_line(goal: Goal, units: str = "km") -> str:
    """`Berlin Marathon: marathon (42.2 km) on Sun 2027-09-26`, or `15 km on ...`."""
    what = goal.described(units)
    return f"{what} on {WEEKDAYS[goal.date.weekday()].capitalize()} {goal.date.isoformat()}"


def session_words(session: AnySession, units: str = "km") -> str:
    """`5 km run on Tue 01 Dec` (or `3.1 mi run`), `leg day on ...`, `bike on ...`: a logged
    session in a toast."""
    if isinstance(session, LegDay):
        what = "leg day"
    elif isinstance(session, Run):
        what = f"{distance(session.km, units)} run"
    else:
        what = session.activity
    return f"{what} on {session.date:%a %d %b}"


def soreness_words(checkin: CheckIn) -> str:
    """`soreness 5/10`, or `soreness 5/10, quads 6/10` when a muscle group is sorer than the
    overall figure (the planner goes by the worst)."""
    words = f"soreness {checkin.soreness}/10"
    sorer = [
        (m, v) for m in MUSCLES if (v := getattr(checkin, m)) is not None and v > checkin.soreness
    ]
    if sorer:
        worst = max(v for _, v in sorer)
        words += ", " + ", ".join(f"{m} {v}/10" for m, v in sorer if v == worst)
    return words


def checkin_details(checkin: CheckIn) -> str:
    """`soreness 5/10, quads 6/10 · sleep 4/5 · energy 3/5`: a check-in on one line."""
    parts = [f"soreness {checkin.soreness}/10"]
    parts += [f"{m} {v}/10" for m in MUSCLES if (v := getattr(checkin, m)) is not None]
    words = [", ".join(parts)]
    if checkin.sleep is not None:
        words.append(f"sleep {checkin.sleep}/5")
    if checkin.energy is not None:
        words.append(f"energy {checkin.energy}/5")
    return " · ".join(words)

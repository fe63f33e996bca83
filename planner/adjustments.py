"""What changes a placed week: the morning check-ins (R-SORENESS, R-READINESS), lighter leg
days (R-LEG-LIGHT), and the finishing touches: an easy spin after a heavy leg day, mobility
after lifting, the user's own pins checked against the safety rules, and the rest days."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from msgspec.structs import replace

from legrun.planner import safety
from legrun.planner.kinds import PLANNED_RPE
from legrun.planner.plan import PlanItem, Why
from legrun.planner.rules import RuleId
from legrun.planner.safety import LONG_RUN_HEAVY_MINUTES
from legrun.planner.week_state import SORE_CROSS, SORE_REST, DayState, day_name

if TYPE_CHECKING:
    from legrun.planner.placement import WeekPlanner

MOBILITY_MINUTES = 10
ACTIVE_RECOVERY_MINUTES = 25
LEG_LIGHT_SORENESS = 7  # R-LEG-LIGHT: leg soreness this high lightens a leg day


def apply_checkins(p: WeekPlanner) -> None:
    """R-SORENESS and R-READINESS on the day of a check-in (or the day after, while it stands).

    The runs were already placed around what the safety table forbids (7-10 mornings, sore
    calves or hamstrings, and hard runs on 4-6 or low-readiness mornings), so what is left here
    is to say so on the day, and to turn an easy run on a 4-6 morning into cross-training."""
    for day in p.days:
        if day.checkin is None or not day.plannable and day.date != p.as_of:
            continue
        level = day.soreness
        planned_runs = [
            it for it in day.items if it.is_run and it.status == "planned" and not it.pinned
        ]
        spare = [m for m, _ in day.run_sparing_muscles]
        if level >= SORE_REST:
            dropped = [
                it
                for it in day.items
                if it.kind == "cross_training" and it.status == "planned" and not it.pinned
            ]
            for item in planned_runs + dropped:
                day.items.remove(item)
            if day.leg is None:
                add_mobility(
                    p,
                    day,
                    Why(
                        RuleId.SORENESS,
                        f"{day.soreness_words().capitalize()} {day.when()}: rest and mobility "
                        "today; the week's runs are planned around it.",
                    ),
                )
            continue
        if level >= SORE_CROSS or spare:
            cause = (
                day.soreness_words()
                if level >= SORE_CROSS
                else " and ".join(f"{m} {v}/10" for m, v in day.run_sparing_muscles)
            )
            for run in planned_runs:
                day.items.remove(run)
                activity = p.cross_activity(spare)
                day.items.append(
                    p.cross_item(
                        day.date,
                        run.minutes or 30,
                        [
                            Why(
                                RuleId.SORENESS if level >= SORE_CROSS else RuleId.READINESS,
                                f"{cause.capitalize()} {day.when()}: the {run.label.lower()} "
                                f"becomes {run.minutes or 30} min of easy {activity}.",
                            ),
                            Why(
                                RuleId.CROSS,
                                f"{activity.capitalize()}: it spares "
                                f"{' and '.join(spare) if spare else 'sore legs'} best.",
                            ),
                        ],
                        spare,
                    )
                )
                p.warn(
                    RuleId.SORENESS if level >= SORE_CROSS else RuleId.READINESS,
                    f"{day_name(day.date)}'s {run.label.lower()} ({p.dist(run.km or 0)}) became "
                    f"cross-training: {cause} {day.when()}.",
                )


def lighten_leg_days(p: WeekPlanner) -> None:
    """R-LEG-LIGHT: a planned leg day on a morning with leg soreness of 7 or more, or the day
    after a long run of 90 min or more, is planned lighter (RPE 6, or upper body, or a day
    later). An easier week's leg days were planned lighter when placed."""
    for day in p.days:
        if day.leg is None or not day.plannable:
            continue
        for idx, item in enumerate(day.items):
            if item.kind != "leg_day" or item.status != "planned":
                continue
            reasons: list[str] = []
            sore = day.sore_muscles(LEG_LIGHT_SORENESS)
            if sore or day.soreness >= LEG_LIGHT_SORENESS:
                named = ", ".join(f"{m} {v}/10" for m, v in sore) or day.soreness_words()
                reasons.append(f"{named} {day.when()}")
            if p.long_run_minutes(day.date - timedelta(days=1)) >= LONG_RUN_HEAVY_MINUTES:
                reasons.append("yesterday's long run was 90 min or more")
            if not reasons:
                continue
            why = Why(
                RuleId.LEG_LIGHT,
                f"Go lighter today ({'; '.join(reasons)}): RPE 6 or less, or upper body only, "
                "or move the leg day a day later.",
            )
            day.items[idx] = replace(
                item, rpe=min(item.rpe or PLANNED_RPE["leg_day"], 6), why=(*item.why, why)
            )


def add_mobility(p: WeekPlanner, day: DayState, why: Why) -> None:
    if "mobility" in day.blocked:
        return
    for idx, item in enumerate(day.items):
        if item.kind == "mobility" and item.status != "skipped":
            if why not in item.why:
                day.items[idx] = replace(item, why=item.why + (why,))
            return
    day.items.append(
        PlanItem(
            date=day.date,
            kind="mobility",
            minutes=MOBILITY_MINUTES,
            rpe=PLANNED_RPE["mobility"],
            why=(why,),
        )
    )


def add_mobility_after_leg_days(p: WeekPlanner) -> None:
    for day in p.days:
        if day.leg is not None and day.date >= p.as_of:
            add_mobility(
                p,
                day,
                Why(
                    RuleId.MOBILITY,
                    "After the leg session: foam roll 5-10 min and stretch, holding each "
                    "stretch 20-30 s. Skip the ice bath straight after lifting: it blunts "
                    "strength gains.",
                ),
            )


def add_active_recovery(p: WeekPlanner) -> None:
    """The day after a heavy leg day with no run and no rest gets an easy spin instead."""
    for day in p.days:
        leg = p.leg_before(day.date, 1)
        if (
            leg is None
            or leg.heaviness != "heavy"
            or not day.plannable
            or day.reserved_rest
            or day.has_training
            or "cross_training" in day.blocked
            or day.soreness >= SORE_REST
        ):
            continue
        activity = p.cross_activity()
        day.items.append(
            p.cross_item(
                day.date,
                ACTIVE_RECOVERY_MINUTES,
                [
                    Why(
                        RuleId.AFTER_LEG,
                        f"Day after a heavy leg day and no run here: an easy "
                        f"{ACTIVE_RECOVERY_MINUTES} min of {activity} at RPE 3 or less keeps "
                        "the blood flowing without loading sore legs.",
                    ),
                ],
            )
        )


def check_pinned(p: WeekPlanner) -> None:
    """Runs the user put where a rule would not: kept, with a warning from the same table the
    placement reads."""
    for day in p.days:
        runs = [r for r in day.runs if r.status == "planned"]
        # An opted-in same-day hard day (the planner's own workout on a leg day) is not a clash.
        same_day_hard = (
            p.profile.same_day_hard
            and bool(runs)
            and all(r.kind == "quality_run" and not r.pinned for r in runs)
        )
        if day.leg is not None and (runs or day.runs and day.leg.planned) and not same_day_hard:
            p.warn(
                RuleId.SAME_DAY,
                f"{day_name(day.date)} has a run and a leg day: keep them at least 6 h "
                "apart, and run first if you can.",
            )
        after = p.recovery_limit(day.date)
        for run in runs:
            if not run.pinned:
                continue
            broken: list[Why] = []  # the rules this run breaks, said on the run itself too
            if day.leg is not None and not same_day_hard:
                broken.append(
                    Why(
                        RuleId.SAME_DAY,
                        f"{day_name(day.date)} is a leg day: keep the run and the legs at least "
                        "6 h apart, and run first if you can.",
                    )
                )
            if after is not None and run.kind != "recovery_run":
                low, high = p.hr("recovery_run")
                text = (
                    f"The {run.label.lower()} you put on {day_name(day.date)} follows "
                    f"{day_name(after.date)}'s {after.heaviness} leg day: run it as a recovery "
                    f"run, shorter and at {low}-{high} bpm (RPE 4 or less)."
                )
                p.warn(RuleId.AFTER_LEG, text)
                broken.append(Why(RuleId.AFTER_LEG, text))
            if run.is_hard:
                others = [r for r in day.items if r is not run]
                probe = replace(day, items=others)
                for rule, text in safety.pinned_warnings(p, probe, run.kind, run.label.lower()):
                    if rule in (RuleId.SAME_DAY, RuleId.SORENESS, RuleId.READINESS):
                        continue  # said above, or by the check-in
                    p.warn(rule, text)
                    broken.append(Why(rule, text))
            if broken:
                where = day.items.index(run)
                day.items[where] = replace(run, why=(*run.why, *broken))


def add_rest_items(p: WeekPlanner) -> None:
    for day in p.days:
        if day.date < p.as_of or day.items and any(i.kind != "mobility" for i in day.items):
            continue
        if not day.plannable and not day.unavailable:
            continue
        reasons: list[Why] = []
        if day.unavailable:
            reasons.append(Why(RuleId.REST, "A day you marked unavailable: nothing planned."))
        if day.soreness >= SORE_CROSS:
            reasons.append(
                Why(
                    RuleId.SORENESS,
                    f"{day.soreness_words().capitalize()} {day.when()}: no run today. Easy "
                    "mobility, a walk or a gentle spin are fine if you want to move.",
                )
            )
        if day.reserved_rest:
            reasons.append(
                Why(
                    RuleId.REST,
                    "Your full rest day this week: no run, leg day or cross-training; easy "
                    "mobility is fine.",
                )
            )
        elif not reasons:
            reasons.append(Why(RuleId.REST, "Nothing planned: your sessions sit on other days."))
        day.items.insert(0, PlanItem(date=day.date, kind="rest", why=tuple(reasons)))
    if all(day.has_training for day in p.days):
        p.warn(RuleId.REST, "This week has no full rest day: take one, even if a run has to go.")

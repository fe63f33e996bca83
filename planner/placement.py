"""One week laid out: what is fixed first, then the runs placed around it and sized.

The order of the work is the order of priority: what the user did and decided (logged
sessions, pins, leg days, days unavailable) is fixed first, and one day of the week is kept
free for rest; then the safety rules (`safety.RULES`) decide which days may carry which runs;
then the long run, the workouts and the easy runs are placed, and the week's volume (decided
across weeks in `volume`) is shared out over the runs that found a day. A run that finds no day
gives its km to the others, or becomes cross-training of the same minutes; the morning
check-ins and the finishing touches (`adjustments`) come last. Whatever a rule cost the runner
is said in `warnings`, with the real cause.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta

from msgspec.structs import replace

from legrun.planner import adjustments, safety
from legrun.planner.checklists import day_checklist
from legrun.planner.fields import BOUNDS
from legrun.planner.goal import Goal
from legrun.planner.kinds import HARD_LOGGED_RUN_KINDS, PLANNED_RPE, RUN_PLAN_KINDS
from legrun.planner.load import (
    RECOVERY_PACE,
    TrainingHistory,
    acute_chronic_ratio,
    fitness_fatigue,
    longest_run_km,
    muscle_recovery,
)
from legrun.planner.models import WEEKDAYS, CheckIn, LegDay, Pin, Profile, Run, heaviness
from legrun.planner.plan import (
    DayPlan,
    PlanItem,
    Totals,
    TrainingState,
    Volume,
    WeekPlan,
    Why,
    Workout,
    item_from_session,
)
from legrun.planner.recurrence import leg_days_between
from legrun.planner.rules import RuleId
from legrun.planner.season import GoalWeek
from legrun.planner.units import distance
from legrun.planner.volume import NEW_RUNNER_LONGEST_KM, SINGLE_RUN_CAP, VolumePlan, floor_km
from legrun.planner.week_state import (
    SORE_CROSS,
    SORE_REST,
    DayState,
    LegDayInfo,
    day_name,
    plural,
)
from legrun.planner.workouts import Result, Session, quality_session, strides
from legrun.planner.zones import recovery_hr_range, run_hr_range

RECOVERY_SHARE = {"heavy": 0.60, "moderate": 0.75}  # R-AFTER-LEG: recovery vs easy run length
LEG_DAY_MINUTES = 60
LEG_RPE_LIGHT = 6  # R-LEG-LIGHT, R-EASY-WEEK: a lighter leg day
MIN_RUN_MINUTES = 20  # the shortest run (a beginner may run-walk it)
RECOVERY_MINUTES = (20, 40)  # a recovery run
EASY_MAX_MINUTES = 75  # an easy run stays an easy run, not a long run in disguise
CROSS_MAX_MINUTES = 90


# The rule a run the user placed by hand answers to, cited beside "you moved this".
_PINNED_RUN_RULE = {
    "long_run": RuleId.LONG,
    "quality_run": RuleId.QUALITY,
    "recovery_run": RuleId.AFTER_LEG,
    "easy_run": RuleId.HARD_EASY,
    "race": RuleId.GOAL,
}


class WeekPlanner:
    """Plans one week from `as_of`: the days before it are settled (what was logged stays)."""

    def __init__(
        self,
        profile: Profile,
        history: TrainingHistory,
        checkins: Sequence[CheckIn],
        pins: Sequence[Pin],
        week_start: date,
        as_of: date,
        volume: VolumePlan,
        pace: float,
        result: Result | None,
        ticks: frozenset[tuple[date, str]] | set[tuple[date, str]] = frozenset(),
        phase: str | None = None,
        missed: Sequence[PlanItem] = (),
        goal: Goal | None = None,
        toward: GoalWeek | None = None,
    ) -> None:
        self.profile = profile
        self.history = history
        self.checkins = sorted(checkins, key=lambda c: c.date)
        self.pins = sorted(pins, key=lambda p: (p.id or 0, p.date))
        self.week_start = week_start
        self.week_end = week_start + timedelta(days=6)
        self.as_of = as_of
        self.volume = volume
        self.pace = pace
        self.result = result
        self.ticks = ticks
        self.phase = phase or volume.phase
        self.max_hr = profile.effective_max_hr
        self.warnings: list[Why] = []
        self.suggestions: list[Why] = []
        unavailable = set(profile.unavailable)
        self.days = [
            DayState(
                date=d,
                plannable=d >= as_of and d.weekday() not in unavailable,
                unavailable=d.weekday() in unavailable,
            )
            for d in (week_start + timedelta(days=i) for i in range(7))
        ]
        # Leg days just before the week still shape its first days (R-AFTER-LEG, R-48H).
        self.leg_days: dict[date, LegDayInfo] = {}
        self._caps: dict[date, tuple[float, float]] = {}
        self.quality_wanted = 0
        self.too_short = 0  # runs the week's km could not make 20 min long
        self.strides_for_room = False  # a workout gave way to strides: the km were too few
        self._held: list[PlanItem] = []  # days held for runs not sized yet
        # Runs of the week that were planned and not done: they are not made up for (no
        # catch-up), so their km and their place among the week's runs stay spent.
        self.missed = list(missed)
        self.exploring = False  # a trial or a week planned only for what it hands on
        self.goal = goal  # the goal race, when this week is on the way to it
        self.toward = toward

    # -- helpers ------------------------------------------------------------------------------

    def index(self, day: date) -> int | None:
        offset = (day - self.week_start).days
        return offset if 0 <= offset < 7 else None

    def dist(self, km: float, spec: str = "g") -> str:
        """A distance as the runner reads it (km or mi)."""
        return distance(km, self.profile.units, spec)

    def warn(self, rule: str, text: str) -> None:
        why = Why(rule, text)
        if why not in self.warnings:
            self.warnings.append(why)

    def suggest(self, rule: str, text: str) -> None:
        why = Why(rule, text)
        if why not in self.suggestions:
            self.suggestions.append(why)

    def leg_before(self, day: date, days_back: int) -> LegDayInfo | None:
        return self.leg_days.get(day - timedelta(days=days_back))

    def rest_secured(self) -> bool:
        """R-REST: a day is already kept free (reserved, unavailable, or past and empty)."""
        return any(
            d.reserved_rest or (not d.plannable or d.unavailable) and not d.has_training
            for d in self.days
        )

    def free_days(self) -> list[int]:
        """Days the planner could still keep as the week's full rest day."""
        return [
            i
            for i, d in enumerate(self.days)
            if d.plannable and not d.has_training and not d.reserved_rest
        ]

    def run_allowed(self, i: int, kind: str) -> tuple[bool, Why | None]:
        """Whether the planner may put a run of `kind` on day i, and the rule that says no."""
        day = self.days[i]
        if not day.plannable or day.runs or day.reserved_rest:
            return False, None
        if kind in day.blocked or "any_run" in day.blocked:
            return False, None
        found = safety.refusal(self, day, kind)
        if found is not None:
            return False, Why(*found)
        if not self.rest_secured() and self.free_days() == [i]:
            return False, Why(RuleId.REST, f"{day_name(day.date)} is the last day left for rest")
        return True, None

    def is_hard_run_day(self, day: date, besides: date | None = None) -> bool:
        if self.goal is not None and day == self.goal.date:
            return True  # the race (in this week or the next)
        i = self.index(day)
        if i is not None:
            return self.days[i].has_hard_run
        if any(
            isinstance(s, Run) and s.kind in HARD_LOGGED_RUN_KINDS
            for s in self.history.between(day, day)
        ):
            return True
        # The next week is planned after this one: its long-run day ahead is taken to carry
        # the long run, so that two weeks side by side never put hard runs back to back.
        return (
            day > self.week_end
            and day.weekday() == self.profile.long_run_day
            and not self.is_leg_day(day)
        )

    def long_run_minutes(self, day: date) -> int:
        i = self.index(day)
        if i is not None:
            return max(
                (r.minutes or 0 for r in self.days[i].runs if r.kind == "long_run"), default=0
            )
        return max(
            (
                s.minutes
                for s in self.history.between(day, day)
                if isinstance(s, Run) and s.kind == "long"
            ),
            default=0,
        )

    def is_leg_day(self, day: date) -> bool:
        if day in self.leg_days:
            return True
        if any(isinstance(s, LegDay) for s in self.history.between(day, day)):
            return True
        return bool(leg_days_between(self.profile.leg_days_rule, day, day))

    def recovery_limit(self, day: date) -> LegDayInfo | None:
        before = self.leg_before(day, 1)
        if before is not None and before.heaviness in ("heavy", "moderate"):
            return before
        return None

    def run_cap_km(self, day: date) -> tuple[float, float]:
        """R-SPIKE: the longest a run on `day` may be, and the 30-day longest it rests on."""
        found = self._caps.get(day)
        if found is None:
            longest = longest_run_km(
                self.history, day - timedelta(days=30), day - timedelta(days=1)
            )
            reference = longest if longest > 0 else NEW_RUNNER_LONGEST_KM
            found = self._caps[day] = (floor_km(reference * SINGLE_RUN_CAP), longest)
        return found

    def hr(self, kind: str) -> tuple[int, int]:
        return run_hr_range(kind, self.max_hr)

    def km_for(self, minutes: float, kind: str = "easy_run") -> float:
        """How far `minutes` of a run of `kind` go at the runner's easy pace."""
        pace = self.pace * (RECOVERY_PACE if kind == "recovery_run" else 1)
        return minutes / pace

    def minutes_for(self, km: float, kind: str) -> int:
        pace = self.pace * (RECOVERY_PACE if kind == "recovery_run" else 1)
        return max(1, round(km * pace))

    def cross_activity(self, spare: Sequence[str] = ()) -> str:
        """Cycling first: it interferes least with leg strength (Wilson 2012); swimming when
        calves or hamstrings are the sore ones."""
        prefs = self.profile.cross
        if spare and "swim" in prefs:
            return "swim"
        return "bike" if "bike" in prefs else prefs[0]

    # -- 1. what is fixed: logged sessions, leg days, pins ------------------------------------

    def place_logged(self) -> None:
        for session in self.history.between(self.week_start - timedelta(days=2), self.week_end):
            if isinstance(session, LegDay):
                known = self.leg_days.get(session.date)
                # Two leg days logged on one date: the harder one decides (the safe side).
                if known is None or (session.rpe or 10) > (known.rpe or 10):
                    self.leg_days[session.date] = LegDayInfo(
                        session.date, heaviness(session.rpe), session.rpe, planned=False
                    )
            i = self.index(session.date)
            if i is None:
                continue
            day = self.days[i]
            day.items.append(item_from_session(session))
            day.plannable = False

    def leg_rpe(self, day: date) -> tuple[int, list[Why]]:
        """The effort a planned leg day is planned at, and why when lighter than usual."""
        if self.volume.easier_week:
            return LEG_RPE_LIGHT, [
                Why(
                    RuleId.LEG_LIGHT,
                    "Easier week: the same loads with one set fewer (about RPE 6), so the "
                    "legs come into next week fresh.",
                )
            ]
        if self.phase == "taper":
            return LEG_RPE_LIGHT, [Why(RuleId.LEG_LIGHT, "Taper: keep the leg day light.")]
        return PLANNED_RPE["leg_day"], []

    def goal_leg_policy(self, day: date, rule_days: Sequence[date]) -> tuple[int | None, list[Why]]:
        """R-GOAL, R-TAPER: the lifting folded into the season. 0: no leg day here; a number:
        the highest RPE it may be planned at; None: as usual."""
        toward, goal = self.toward, self.goal
        if toward is None or goal is None:
            return None, []
        to_race = (goal.date - day).days
        name = day_name(day)
        if 0 <= to_race < toward.no_legs_days:
            return 0, [
                Why(
                    RuleId.TAPER,
                    f"No leg day in the last {toward.no_legs_days} days before the race: "
                    f"{name}'s is left out.",
                )
            ]
        if 0 <= to_race < toward.last_heavy_legs_days:
            return 6, [
                Why(
                    RuleId.TAPER,
                    f"{to_race} days before the race: the last heavy leg day is behind you; "
                    "keep this one light (RPE 6 or less, fewer sets).",
                )
            ]
        if -7 <= to_race < 0 or toward.phase == "recovery":
            return 6, [Why(RuleId.GOAL, "Recovery after the race: a light leg day.")]
        if toward.phase == "peak":
            week = [d for d in rule_days if self.index(d) is not None]
            if week and day != week[0]:
                return 0, [
                    Why(
                        RuleId.GOAL,
                        f"Peak weeks keep one maintenance leg day: {name}'s is left out so "
                        "the running can peak.",
                    )
                ]
            return 7, [Why(RuleId.GOAL, "Peak week: one maintenance leg day, RPE 7 or less.")]
        return None, []

    def place_race(self) -> None:
        """R-GOAL: the race on its day, with its warm-up, fuel and pacing."""
        toward, goal = self.toward, self.goal
        if toward is None or goal is None or toward.race_day is None:
            return
        i = self.index(goal.date)
        if i is None:
            return
        day = self.days[i]
        if day.unavailable and day.date >= self.as_of:
            day.plannable = True  # the race date is the user's own: it wins over "unavailable"
            self.warn(
                RuleId.GOAL,
                f"Your race falls on {day_name(day.date)}, a day you marked unavailable: it "
                "is planned all the same.",
            )
        if not day.plannable or self.fulfilled(day, "race"):
            return  # logged (or gone by): what was logged stands
        km = goal.distance_km
        result = self.result
        if result is not None:
            minutes = round(result.minutes_for(km))
            pace = round(minutes * 60 / km)
            low, high = pace - 3, pace + 3
            paced: tuple[int, int] | None = (low, high)
            main = f"{distance(km, self.profile.units)} at an even effort, on {minutes} min"
        else:
            minutes = round(km * self.pace * 0.85)
            paced = None
            main = f"{distance(km, self.profile.units)} at an even, controlled effort"
        warmup = 5 if km > 30 else 10 if km > 15 else 15
        day.items.append(
            PlanItem(
                date=day.date,
                kind="race",
                minutes=minutes,
                km=km,
                rpe=PLANNED_RPE["race"],
                why=(
                    Why(RuleId.GOAL, f"Your goal race: {goal.label}."),
                    Why(
                        RuleId.TAPER,
                        "Rested by the taper: start no faster than planned, and race the "
                        "second half.",
                    ),
                ),
                workout=Workout("race", warmup, main, 10, paced),
            )
        )
        day.plannable = False

    def place_leg_days(self) -> None:
        removed = {(p.date, p.kind) for p in self.pins if p.action in ("remove", "move")}
        skipped = {p.date for p in self.pins if p.kind == "leg_day" and p.action == "skip"}
        window_start = self.week_start - timedelta(days=2)
        rule_days = leg_days_between(self.profile.leg_days_rule, window_start, self.week_end)
        pinned = [
            (p.date if p.to_date is None else p.to_date, p)
            for p in self.pins
            if p.kind == "leg_day" and p.action in ("add", "move")
        ]
        for day in rule_days:
            if day in self.leg_days or (day, "leg_day") in removed:
                continue
            i = self.index(day)
            if day in skipped:
                if i is not None:
                    self.days[i].items.append(
                        PlanItem(
                            date=day,
                            kind="leg_day",
                            status="skipped",
                            minutes=LEG_DAY_MINUTES,
                            rpe=PLANNED_RPE["leg_day"],
                            pinned=True,
                            why=(
                                Why(RuleId.SAME_DAY, "You marked this recurring leg day skipped."),
                            ),
                        )
                    )
                continue
            if day < self.as_of:
                if (self.as_of - day).days <= 2:
                    # Not logged: whether it happened is not known, so for the next two days
                    # it counts as the heavy session it was planned to be.
                    self.leg_days[day] = LegDayInfo(day, "heavy", None, planned=True)
                continue
            goal_rpe, goal_why = self.goal_leg_policy(day, rule_days)
            if goal_rpe == 0:
                if i is not None and goal_why:
                    self.warn(goal_why[0].rule, goal_why[0].text)
                continue
            self.leg_days[day] = LegDayInfo(day, "heavy", None, planned=True, recurring=True)
            if i is not None:
                rpe, light = self.leg_rpe(day)
                if goal_rpe is not None:
                    rpe, light = min(rpe, goal_rpe), [*light, *goal_why]
                self.days[i].items.append(
                    PlanItem(
                        date=day,
                        kind="leg_day",
                        minutes=LEG_DAY_MINUTES,
                        rpe=rpe,
                        why=(
                            Why(
                                RuleId.SAME_DAY,
                                "Your recurring leg day; no run goes on it. Until it is logged "
                                "it counts as heavy, the safe assumption."
                                if rpe >= PLANNED_RPE["leg_day"]
                                else "Your recurring leg day; no run goes on it. Planned light; "
                                "the runs around it are planned as if it were heavy, until it "
                                "is logged (the safe side).",
                            ),
                            *light,
                        ),
                    )
                )
                if self.days[i].unavailable:
                    self.warn(
                        RuleId.REST,
                        f"Your leg day falls on {day_name(day)}, a day you marked unavailable: "
                        "move one of them.",
                    )
        for day, pin in pinned:
            if day is None or day in self.leg_days:
                continue
            self.leg_days[day] = LegDayInfo(day, "heavy", None, planned=True)
            i = self.index(day)
            if i is not None:
                self.days[i].items.append(
                    PlanItem(
                        date=day,
                        kind="leg_day",
                        minutes=pin.minutes or LEG_DAY_MINUTES,
                        rpe=PLANNED_RPE["leg_day"],
                        pinned=True,
                        why=(
                            Why(
                                RuleId.SAME_DAY,
                                "You put a leg day here; no run goes on it. Until it is logged "
                                "it counts as heavy.",
                            ),
                        ),
                    )
                )
        for info in self.leg_days.values():
            i = self.index(info.date)
            if i is not None and (info.date >= self.as_of or not info.planned):
                self.days[i].leg = info

    def place_pins(self) -> None:
        for pin in self.pins:
            if pin.kind == "leg_day":
                continue
            source = self.index(pin.date)
            if source is not None and pin.action in ("remove", "move", "skip"):
                # The user took this off the day: the planner puts nothing of its kind back
                # there (for a run: no other run either).
                blocked = self.days[source].blocked
                blocked.add("any_run" if pin.kind in RUN_PLAN_KINDS else pin.kind)
                if pin.action == "skip":
                    # A skipped day stays as the user left it: no ride in the run's place.
                    blocked.add("cross_training")
            if pin.action == "remove":
                continue
            target = pin.to_date if pin.action == "move" else pin.date
            i = self.index(target) if target is not None else None
            if i is None:
                continue
            day = self.days[i]
            if pin.action != "skip" and day.date < self.as_of and not day.items:
                continue
            if self.fulfilled(day, pin.kind):
                # Logged on the day it was pinned to: the logged session is that item now.
                continue
            if day.date < self.as_of and pin.action != "skip":
                continue
            if pin.action == "skip":
                # A skip of what the user moved or added here marks that item skipped.
                placed = next(
                    (j for j, it in enumerate(day.items) if it.pinned and it.kind == pin.kind),
                    None,
                )
                if placed is not None:
                    day.items[placed] = replace(
                        day.items[placed],
                        status="skipped",
                        why=(*day.items[placed].why, Why(RuleId.REST, "You marked this skipped")),
                    )
                    continue
            day.items.append(self.pinned_item(pin, day.date))

    @staticmethod
    def fulfilled(day: DayState, kind: str) -> bool:
        """Whether something logged on the day stands for a pinned item of `kind`."""
        return any(
            item.status == "done"
            and (item.kind == kind or (item.is_run and kind in RUN_PLAN_KINDS))
            for item in day.items
        )

    def pinned_item(self, pin: Pin, day: date) -> PlanItem:
        kind = pin.kind
        verb = {
            "add": "You added this",
            "move": f"You moved this from {day_name(pin.date)}",
            "skip": "You marked this skipped",
        }[pin.action]
        why = [Why(RuleId.SAME_DAY if kind == "leg_day" else RuleId.REST, verb)]
        km = pin.km
        minutes = pin.minutes
        hr_low = hr_high = None
        if kind in RUN_PLAN_KINDS:
            if km is None and minutes is not None:
                km = floor_km(self.km_for(minutes, kind))
            if km is None:
                usual = self.volume.cap_km / self.profile.runs_per_week
                km = floor_km(min(usual, self.run_cap_km(day)[0]))
            km = max(km, 0.1)
            if minutes is None:
                minutes = max(MIN_RUN_MINUTES, self.minutes_for(km, kind))
            minutes = min(minutes, BOUNDS["minutes"].high)
            if kind != "race":
                hr_low, hr_high = self.hr(kind)
            why = [Why(_PINNED_RUN_RULE.get(kind, RuleId.HARD_EASY), f"{verb}; kept as you set it")]
        elif kind == "cross_training":
            minutes = minutes or 30
            why = [Why(RuleId.CROSS, verb)]
        elif kind == "mobility":
            minutes = minutes or adjustments.MOBILITY_MINUTES
            why = [Why(RuleId.MOBILITY, verb)]
        elif kind == "rest":
            why = [Why(RuleId.REST, verb)]
        return PlanItem(
            date=day,
            kind=kind,
            status="skipped" if pin.action == "skip" else "planned",
            minutes=minutes,
            km=km if kind in RUN_PLAN_KINDS else None,
            rpe=PLANNED_RPE.get(kind),
            hr_low=hr_low,
            hr_high=hr_high,
            activity=self.cross_activity() if kind == "cross_training" else None,
            why=tuple(why),
            pinned=True,
        )

    def attach_checkins(self) -> None:
        """Each day's own check-in; a day without one still has yesterday's, which stands until
        a new one replaces it (soreness peaks 24-72 h after a session)."""
        by_date = {c.date: c for c in self.checkins}
        for day in self.days:
            day.checkin = by_date.get(day.date)
            if day.checkin is None and day.date >= self.as_of:
                carried = by_date.get(day.date - timedelta(days=1))
                if carried is not None:
                    day.checkin, day.checkin_carried = carried, True

    def secure_rest_day(self) -> None:
        """R-REST before targets: when leg days leave no day free, one recurring leg day of the
        week (not a logged or pinned one) gives way to a full rest day."""
        if self.rest_secured() or self.free_days():
            return
        for day in reversed(self.days):
            info = day.leg
            if info is None or not info.recurring or not day.plannable:
                continue
            others = [i for i in day.items if i.kind != "leg_day" and i.status != "skipped"]
            if any(i.kind not in ("rest", "mobility") for i in others):
                continue
            day.items = [i for i in day.items if i.kind != "leg_day"]
            del self.leg_days[info.date]
            day.leg = None
            day.reserved_rest = True
            self.warn(
                RuleId.REST,
                f"Your leg days fill the week: {day_name(day.date)}'s recurring leg day is "
                "dropped this week so that one day stays a full rest day.",
            )
            return

    # -- 2. placing runs ----------------------------------------------------------------------

    def plan_runs(self) -> None:
        v = self.volume
        all_runs = [i for d in self.days for i in d.items if i.is_run]
        removed_runs = sum(
            1
            for p in self.pins
            if p.action == "remove" and p.kind in RUN_PLAN_KINDS and self.index(p.date) is not None
        )
        runs_left = self.profile.runs_per_week - len(all_runs) - removed_runs - len(self.missed)
        if runs_left <= 0 or not any(d.plannable for d in self.days):
            self.ensure_rest_day()
            return
        # Runs skipped or missed are not made up for: their km stay spent.
        used_km = sum(r.km or 0 for r in all_runs)
        used_km += sum(r.km or 0 for r in self.missed)
        km_left = max(0.0, v.cap_km - used_km)
        has_long = any(r.kind == "long_run" for r in all_runs)
        quality_done = sum(
            1 for r in [*all_runs, *self.missed] if r.kind in ("quality_run", "race")
        )
        # How many runs the km can hold at 20 min or more each.
        # (At least one run when the week holds anything: a beginner may run-walk it.)
        fits = max(1 if km_left > 0 else 0, int(km_left / self.km_for(MIN_RUN_MINUTES) + 1e-6))
        self.too_short = 0
        if fits < runs_left:
            self.too_short = runs_left - fits
            runs_left = fits
        if runs_left <= 0:
            self.ensure_rest_day()
            self.place_leftover(0.0, self.too_short)
            return
        wanted: list[str] = []
        if not has_long and v.long_run:
            wanted.append("long_run")
        self.quality_wanted = max(0, v.quality - quality_done)
        quality_slots = 0
        if self.profile.runs_per_week >= 3:
            # Always one easy run beside the long run and the workouts.
            easy_exists = any(r.kind in ("easy_run", "recovery_run") for r in all_runs)
            quality_slots = max(
                0, min(self.quality_wanted, runs_left - len(wanted) - (0 if easy_exists else 1))
            )
        wanted += ["quality_run"] * quality_slots
        wanted += ["easy_run"] * (runs_left - len(wanted))

        placed: list[tuple[int, str, list[Why]]] = []  # (day, kind, why) before sizing
        if "long_run" in wanted:
            wanted.remove("long_run")
            spot = self.place_long()
            if spot is None:
                wanted.append("easy_run")
            else:
                placed.append(spot)
                self._reserve(spot[0], "long_run")
        for n in range(wanted.count("quality_run")):
            wanted.remove("quality_run")
            spot = self.place_quality(second=n > 0)
            if spot is None:
                wanted.append("easy_run")
            else:
                placed.append(spot)
                self._reserve(spot[0], "quality_run")
        self.ensure_rest_day()
        unplaced = 0
        for _ in [k for k in wanted if k == "easy_run"]:
            spot = self.place_easy()
            if spot is None:
                unplaced += 1
            else:
                placed.append(spot)
                self._reserve(spot[0], "easy_run")
        for day in self.days:
            day.items = [x for x in day.items if all(x is not held for held in self._held)]
        self._held.clear()
        self.size_and_add(placed, km_left, unplaced)

    def _reserve(self, i: int, kind: str) -> None:
        """Hold day i for a run of `kind` while the others are placed (sized afterwards): a
        planned item like any other, so every rule sees the day as taken."""
        held = PlanItem(date=self.days[i].date, kind=kind, km=0.0, minutes=0)
        self._held.append(held)
        self.days[i].items.append(held)

    def pick_long_day(self) -> tuple[int | None, list[Why]]:
        # The long-run day of this week; "nearest" counts days within the week, so a long run
        # that cannot be on Sunday goes to Friday or Saturday, not to the Monday six days back.
        preferred = (self.profile.long_run_day - self.week_start.weekday()) % 7
        order = sorted(range(7), key=lambda i: (abs(i - preferred), i))
        refusals: list[Why] = []
        for i in order:
            ok, why = self.run_allowed(i, "long_run")
            if ok:
                return i, refusals
            if i == preferred:
                if why is not None:
                    refusals.append(why)
                elif self.days[i].unavailable:
                    refusals.append(
                        Why(RuleId.LONG, f"{day_name(self.days[i].date)} is a day you are away")
                    )
        return None, refusals

    def place_long(self) -> tuple[int, str, list[Why]] | None:
        i, refusals = self.pick_long_day()
        preferred = WEEKDAYS[self.profile.long_run_day].capitalize()
        if i is None:
            self.warn(
                RuleId.LONG,
                "No day this week can take a long run safely "
                f"({self.refusal_summary('long_run')}); its km go to the other runs.",
            )
            return None
        day = self.days[i]
        why: list[Why] = []
        if day.date.weekday() == self.profile.long_run_day:
            why.append(Why(RuleId.LONG, f"On your long-run day ({preferred})."))
        else:
            reason = refusals[0].text if refusals else f"{preferred} is not free"
            why.append(
                Why(RuleId.LONG, f"Moved from {preferred} to {day_name(day.date)}: {reason}.")
            )
            if refusals and refusals[0].rule != RuleId.LONG:
                why.append(refusals[0])
        return i, "long_run", why

    def refusal_summary(self, kind: str) -> str:
        """Why no day of the week can take a run of `kind`: the days each rule ruled out."""
        by_rule: dict[str, list[str]] = {}
        for i, day in enumerate(self.days):
            _, why = self.run_allowed(i, kind)
            if why is not None:
                by_rule.setdefault(why.rule, []).append(day_name(day.date))
            elif day.unavailable:
                by_rule.setdefault("away", []).append(day_name(day.date))
            elif not day.plannable:
                by_rule.setdefault("past", []).append(day_name(day.date))
            elif day.runs:
                by_rule.setdefault("run", []).append(day_name(day.date))
            elif day.reserved_rest:
                by_rule.setdefault(RuleId.REST, []).append(day_name(day.date))
            elif day.blocked:
                by_rule.setdefault("pinned", []).append(day_name(day.date))
        words = {
            RuleId.SAME_DAY: "leg day",
            RuleId.H48: "within 48 h of a heavy leg day",
            RuleId.AFTER_LEG: "the day after a leg day",
            RuleId.HARD_EASY: "next to another hard run",
            RuleId.SORENESS: "sore",
            RuleId.READINESS: "not ready (check-in)",
            RuleId.QUALITY: "within 48 h of a long run",
            RuleId.REST: "kept for rest",
            "away": "unavailable",
            "past": "past or logged",
            "run": "already has a run",
            "pinned": "cleared by you",
        }
        return "; ".join(f"{', '.join(days)}: {words[rule]}" for rule, days in by_rule.items())

    def place_quality(self, second: bool) -> tuple[int, str, list[Why]] | None:
        hard_days = [d.date for d in self.days if d.has_hard_run]
        candidates = []
        for i in range(7):
            ok, _ = self.run_allowed(i, "quality_run")
            if ok:
                day = self.days[i]
                gap = min((abs((day.date - d).days) for d in hard_days), default=7)
                on_leg_day = 1 if day.leg is not None else 0
                candidates.append((on_leg_day, -min(gap, 3), i))
        if not candidates:
            if not second:
                self.explain_no_quality()
            return None
        on_leg_day, _, i = min(candidates)
        why = [
            Why(
                RuleId.QUALITY,
                "The week's workout: hard in the main set, conversational around it; about "
                "80 % of the week's running stays easy.",
            ),
            Why(
                RuleId.H48,
                "More than 48 h after any heavy leg day, with easy days around it.",
            ),
        ]
        if on_leg_day:
            why.append(
                Why(
                    RuleId.SAME_DAY,
                    "Same-day hard day (you opted in): run in the morning and lift at least "
                    "6 h later; 24 h apart would be better still.",
                )
            )
        return i, "quality_run", why

    def explain_no_quality(self) -> None:
        """R-SPLIT: the leg days leave no day for the workout: say so, and suggest the smallest
        change that would make room (the user decides)."""
        self.warn(
            RuleId.SPLIT,
            "No day for a workout this week "
            f"({self.refusal_summary('quality_run')}); it becomes an easy run.",
        )
        from legrun.planner.split import suggest_split

        suggestion = suggest_split(self)
        if suggestion is not None:
            self.suggest(RuleId.SPLIT, suggestion)

    def place_easy(self) -> tuple[int, str, list[Why]] | None:
        candidates = []
        for i in range(7):
            ok, _ = self.run_allowed(i, "easy_run")
            if not ok:
                continue
            day = self.days[i]
            neighbours = sum(
                1 for j in (i - 1, i + 1) if 0 <= j < 7 and (self.days[j].runs or self.days[j].leg)
            )
            restricted = 1 if self.recovery_limit(day.date) else 0
            sore = 1 if day.soreness >= SORE_CROSS else 0
            candidates.append((sore, restricted, neighbours, i))
        if not candidates:
            return None
        *_, i = min(candidates)
        return i, "easy_run", []

    # -- 3. sizing ----------------------------------------------------------------------------

    def size_and_add(
        self, placed: list[tuple[int, str, list[Why]]], km_left: float, unplaced: int
    ) -> None:
        """Share the week's km over the runs that found a day: the long run on its own
        progression, each workout as long as its structure, recovery runs short, and the rest
        evenly over the easy runs, each within its caps. What no run can hold becomes
        cross-training of the same minutes, or is said."""
        v = self.volume
        left = km_left
        sized: dict[int, tuple[str, float, int | None, list[Why], Session | None]] = {}
        # Every other run keeps at least its 20 minutes.
        others_n = sum(1 for _, k, _ in placed if k != "long_run")
        reserve = others_n * self.km_for(MIN_RUN_MINUTES, "recovery_run")
        for i, kind, why in placed:
            day = self.days[i]
            cap, longest = self.run_cap_km(day.date)
            if kind == "long_run":
                km = min(v.long_km, cap, max(left - reserve, min(v.long_km, left) * 0.5))
                if self.too_short:
                    # A week too small for all its runs: the runs it holds share all its km,
                    # so the week is run in full (and the next one builds on it).
                    km = max(km, min(left / len(placed), cap))
                # Never under the shortest run when the week holds one.
                km = max(km, min(left, cap, self.km_for(MIN_RUN_MINUTES) + 0.1))
                reasons = list(why)
                if day.low_readiness:
                    km *= 0.8
                    reasons.append(
                        Why(
                            RuleId.READINESS,
                            f"{day.low_readiness.capitalize()} {day.when()}: the long run is "
                            "cut by about 20 %.",
                        )
                    )
                reasons.append(self.long_reason(km, cap, longest))
                km = floor_km(km)
                sized[i] = ("long_run", km, None, reasons, None)
                left -= km
            elif kind == "quality_run":
                # A workout takes about an even share of what the long run leaves.
                unsized = sum(1 for j, k, _ in placed if k != "long_run" and j not in sized)
                room = max(self.km_for(MIN_RUN_MINUTES), left / max(1, unsized))
                workout_session = quality_session(
                    v.block_week,
                    3 if v.new_runner else 0,
                    v.easier_week,
                    second=any(k == "quality_run" for k, *_ in sized.values()),
                    easy_pace_min=self.pace,
                    result=self.result,
                    max_km=room,
                    race_km=(
                        self.goal.distance_km
                        if self.goal is not None
                        and self.toward is not None
                        and self.toward.phase in ("peak", "taper")
                        else None
                    ),
                    taper=self.toward is not None and self.toward.phase == "taper",
                )
                if workout_session.km > 1.25 * room:
                    # Even the shortest workout would take the other runs' km: an easy run
                    # with strides keeps the week whole (and its speed); but not on a leg
                    # day (a same-day workout), where its km go to the others.
                    on_leg_day = self.days[i].leg is not None
                    placed[placed.index((i, kind, why))] = (
                        i,
                        "_dropped" if on_leg_day else "easy_run",
                        [],
                    )
                    self.strides_for_room = self.strides_for_room or not on_leg_day
                    unplaced += 1 if on_leg_day else 0
                    continue
                km = floor_km(min(workout_session.km, cap, left))
                sized[i] = ("quality_run", km, workout_session.minutes, list(why), workout_session)
                left -= km
        others = [(i, kind, why) for i, kind, why in placed if kind == "easy_run"]
        long_km = max((s[1] for s in sized.values() if s[0] == "long_run"), default=0.0)
        shares = self.easy_shares(others, max(0.0, left), long_km)
        for (i, _kind, why), (kind, km, reasons) in zip(others, shares, strict=True):
            sized[i] = (kind, km, None, list(why) + reasons, None)
            left -= km
        strides_given = False
        strides_wanted = v.strides or self.strides_for_room
        shortest = self.km_for(MIN_RUN_MINUTES) * 0.9
        for i in sorted(sized):
            kind, km, minutes, why, session = sized[i]
            least = self.km_for(MIN_RUN_MINUTES, "recovery_run") * 0.9
            if km < (least if kind == "recovery_run" else shortest):
                # Too little left for a run worth lacing up for: its km (if any) stay unspent
                # and the session becomes cross-training below.
                left += km
                self.too_short += 1
                continue
            workout = session.workout if session is not None else None
            if kind == "easy_run" and strides_wanted and not strides_given:
                workout = strides(v.block_week)
                strides_given = True
                if v.new_runner:
                    words = "No workouts in your first 3 weeks of running"
                elif v.phase == "base":
                    words = "Base weeks build easy running before the workouts come"
                elif v.phase == "race":
                    words = "Race week: the race is the week's hard run"
                elif v.returning:
                    words = "No workouts in the first 2 weeks back"
                else:
                    words = "Too little running this week for a workout beside the long run"
                why = [
                    *why,
                    Why(RuleId.QUALITY, f"{words}: strides keep you quick without the strain."),
                ]
            self.add_run(i, kind, km, why, minutes, workout)
        left = max(0.0, left)
        if left >= 1.0 or self.too_short:
            self.place_leftover(left, unplaced + self.too_short)
        elif unplaced:
            self.warn(
                RuleId.CROSS,
                f"{plural(unplaced, 'run')} of your {self.profile.runs_per_week} found no safe "
                f"day ({self.refusal_summary('easy_run')}): the other runs carry its km.",
            )

    def long_reason(self, km: float, cap: float, longest: float) -> Why:
        v = self.volume
        if km >= cap - 0.05:
            if longest:
                return Why(
                    RuleId.SPIKE,
                    f"{self.dist(floor_km(km))}: 110 % of your longest run in 30 days "
                    f"({self.dist(longest)}).",
                )
            return Why(
                RuleId.SPIKE,
                f"{self.dist(floor_km(km))}: no run logged in the last 30 days, so at most "
                f"110 % of a {self.dist(NEW_RUNNER_LONGEST_KM)} start.",
            )
        if v.easier_week:
            return Why(
                RuleId.EASY_WEEK,
                f"{self.dist(floor_km(km))}: held below its peak in an easier week.",
            )
        return Why(
            RuleId.LONG,
            f"{self.dist(floor_km(km))}: the long run grows on its own, at most 10 % on your "
            "longest of the last 4 weeks and within its share of the week.",
        )

    def easy_shares(
        self, runs: list[tuple[int, str, list[Why]]], km: float, long_km: float
    ) -> list[tuple[str, float, list[Why]]]:
        """The km of each easy run (a recovery run the day after a leg day), in order."""
        if not runs:
            return []
        infos = []
        for i, _kind, _why in runs:
            day = self.days[i]
            cap, _ = self.run_cap_km(day.date)
            leg = self.recovery_limit(day.date)
            top = min(cap, self.km_for(EASY_MAX_MINUTES))
            if long_km:
                top = min(top, long_km)
            infos.append((i, leg, top))
        usual = km / len(runs)
        for _ in range(6):
            fixed = 0.0
            free = 0
            for _i, leg, _top in infos:
                if leg is not None:
                    fixed += self._recovery_km(usual, leg)
                else:
                    free += 1
            new_usual = (km - fixed) / free if free else usual
            if abs(new_usual - usual) < 0.01:
                break
            usual = new_usual
        out: list[tuple[str, float, list[Why]]] = []
        easy_sizes = [floor_km(min(usual, top)) for _i, leg, top in infos if leg is None]
        for i, leg, top in infos:
            day = self.days[i]
            reasons: list[Why] = []
            if leg is not None:
                share = RECOVERY_SHARE[leg.heaviness]
                size = min(self._recovery_km(usual, leg), top)
                if easy_sizes:
                    # Shorter than the week's easy runs by its share, but never under 20 min,
                    # and never over R-SPIKE's cap (too short then: cross-training instead).
                    floor = self._recovery_km(0.0, leg)
                    size = min(max(min(size, share * min(easy_sizes)), floor), top)
                low, high = recovery_hr_range(self.max_hr)
                effort = f"RPE {leg.rpe}" if leg.rpe is not None else "planned, counted as heavy"
                reasons.append(
                    Why(
                        RuleId.AFTER_LEG,
                        f"Day after a {leg.heaviness} leg day ({effort}): a recovery run, at most "
                        f"{int(share * 100)} % of an easy run's length (20-40 min) at "
                        f"{low}-{high} bpm, RPE 4 or less.",
                    )
                )
                out.append(("recovery_run", floor_km(size), reasons))
                continue
            size = min(usual, top)
            if size < usual - 0.05:
                cap, longest = self.run_cap_km(day.date)
                if size >= cap - 0.05:
                    reasons.append(
                        Why(
                            RuleId.SPIKE,
                            f"Capped at {self.dist(cap)}: 110 % of your longest run in 30 days "
                            f"({self.dist(longest)})."
                            if longest
                            else f"Capped at {self.dist(cap)}: no run logged in the last 30 days.",
                        )
                    )
            out.append(("easy_run", floor_km(size), reasons))
        return out

    def _recovery_km(self, usual: float, leg: LegDayInfo) -> float:
        low, high = RECOVERY_MINUTES
        km = usual * RECOVERY_SHARE[leg.heaviness]
        shortest = math.ceil(self.km_for(low, "recovery_run") * 10) / 10  # 20 min, not 19
        return max(shortest, min(km, self.km_for(high, "recovery_run")))

    def add_run(
        self,
        i: int,
        kind: str,
        km: float,
        why: list[Why],
        minutes: int | None = None,
        workout: Workout | None = None,
    ) -> None:
        day = self.days[i]
        v = self.volume
        minutes = minutes if minutes is not None else self.minutes_for(km, kind)
        low, high = self.hr(kind)
        reasons = list(why)
        if kind == "easy_run":
            reasons.insert(0, Why(RuleId.HARD_EASY, f"Easy and conversational: {low}-{high} bpm."))
        reasons.append(
            Why(RuleId.SPIKE, f"{self.dist(km)} of this week's {self.dist(v.cap_km)} ({v.basis}).")
        )
        day.items.append(
            PlanItem(
                date=day.date,
                kind=kind,
                minutes=minutes,
                km=km,
                rpe=PLANNED_RPE[kind],
                hr_low=low,
                hr_high=high,
                why=tuple(reasons),
                workout=workout,
            )
        )

    def place_leftover(self, km: float, unplaced: int) -> None:
        """R-CROSS: runs that found no day, or that the week's km could not make 20 min long,
        become cross-training of the same minutes on a free day; km the runs could not hold
        go there too. What finds no day is said once, with the cause."""
        minutes = max(round(km * self.pace), 25 * unplaced)
        activity = self.cross_activity()
        runs_word = plural(unplaced, "run")
        of_yours = f"{runs_word} of your {self.profile.runs_per_week}"
        if unplaced and self.too_short >= unplaced:
            reason = (
                f"{of_yours}: the {self.dist(self.volume.cap_km, '.1f')} this week holds would "
                f"make {'it' if unplaced == 1 else 'them'} shorter than {MIN_RUN_MINUTES} min"
            )
        elif unplaced:
            reason = f"{of_yours}: no safe day ({self.refusal_summary('easy_run')})"
        else:
            reason = (
                f"{self.dist(km, '.1f')} of the week's running: the runs could not hold it "
                "within their caps"
            )
        days = [
            d
            for d in self.days
            if d.plannable
            and not d.reserved_rest
            and d.leg is None
            and not d.has_training
            and not d.blocked
            and d.soreness < SORE_REST
        ]
        count = min(len(days), max(1, unplaced))
        if minutes >= 20 and days:
            per = min(CROSS_MAX_MINUTES, max(20, round(minutes / count)))
            for day in days[:count]:
                day.items.append(
                    self.cross_item(
                        day.date,
                        per,
                        [
                            Why(
                                RuleId.CROSS,
                                f"In place of a run ({reason}). {per} min of {activity} keeps "
                                "the aerobic work without the pounding.",
                            )
                        ],
                    )
                )
            self.warn(RuleId.CROSS, f"Cross-training in place of {reason}.")
            return
        self.warn(
            RuleId.CROSS,
            f"Not planned this week ({reason}), and no free day is left for cross-training.",
        )

    def cross_item(
        self, day: date, minutes: int, why: list[Why], spare: Sequence[str] = ()
    ) -> PlanItem:
        return PlanItem(
            date=day,
            kind="cross_training",
            minutes=min(CROSS_MAX_MINUTES, max(20, minutes)),
            rpe=PLANNED_RPE["cross_training"],
            activity=self.cross_activity(spare),
            why=tuple(why),
        )

    def ensure_rest_day(self) -> None:
        """R-REST: keep one day of the week free of runs, leg days and cross-training."""
        if self.rest_secured():
            return
        best: tuple[tuple[int, int, int], int] | None = None
        for i in self.free_days():
            day = self.days[i]
            after_long = (
                1 if i > 0 and any(r.kind == "long_run" for r in self.days[i - 1].runs) else 0
            )
            sore = 1 if day.soreness >= SORE_REST else 0
            # A day after a leg day can only hold a short recovery run: it rests best.
            restricted = 1 if self.recovery_limit(day.date) is not None else 0
            score = (sore, after_long, restricted)
            if best is None or score > best[0]:
                best = (score, i)
        if best is not None:
            self.days[best[1]].reserved_rest = True

    # -- 4. the plan --------------------------------------------------------------------------

    def build(self) -> WeekPlan:
        for why in self.volume.reasons:
            self.warn(why.rule, why.text)
        self.place_logged()
        self.place_race()
        self.place_leg_days()
        self.place_pins()
        self.attach_checkins()
        self.secure_rest_day()
        self.plan_runs()
        adjustments.apply_checkins(self)
        adjustments.lighten_leg_days(self)
        adjustments.add_active_recovery(self)
        adjustments.add_mobility_after_leg_days(self)
        adjustments.check_pinned(self)
        adjustments.add_rest_items(self)
        self.explain_shortfall()
        return self.finish()

    def explain_shortfall(self) -> None:
        """Safety shortened the runs well below what the week allowed: say so, and why."""
        cap = self.volume.cap_km
        # Skipped and missed runs were the user's doing, not a shortfall of the plan's.
        run_km = sum(i.km or 0 for d in self.days for i in d.items if i.is_run)
        run_km += sum(i.km or 0 for i in self.missed)
        if cap <= 0 or run_km >= 0.8 * cap or self.exploring:
            return
        recovery = sum(
            1 for d in self.days for i in d.items if i.kind == "recovery_run" and not i.pinned
        )
        reasons = []
        if recovery:
            reasons.append(
                f"{plural(recovery, 'run')} {'is a' if recovery == 1 else 'are'} short recovery "
                f"run{'' if recovery == 1 else 's'} the day after a leg day"
            )
        if not any(i.kind == "long_run" for d in self.days for i in d.runs):
            reasons.append("no day can take a long run")
        if not reasons:
            reasons.append("not enough days can safely take a run")
        self.warn(
            RuleId.AFTER_LEG if recovery else RuleId.CROSS,
            f"This week's runs add up to {self.dist(run_km)} of the "
            f"{self.dist(cap)} it could hold: {'; '.join(reasons)}. Safety comes first"
            + ("; moving a leg day frees room." if self.leg_days else "."),
        )

    def finish(self) -> WeekPlan:
        day_plans = []
        for day in self.days:
            items = tuple(sorted(day.items, key=_item_order))
            checklist = () if self.exploring else day_checklist(day.date, items, self.ticks)
            day_plans.append(DayPlan(date=day.date, sessions=items, checklist=checklist))
        return assemble(
            self.profile,
            self.history,
            self.checkins,
            self.week_start,
            self.as_of,
            tuple(day_plans),
            self.warnings,
            self.suggestions,
            self.volume,
            self.phase,
            with_state=False,
        )


def assemble(
    profile: Profile,
    history: TrainingHistory,
    checkins: Sequence[CheckIn],
    week_start: date,
    as_of: date,
    days: tuple[DayPlan, ...],
    warnings: Sequence[Why],
    suggestions: Sequence[Why],
    volume: VolumePlan,
    phase: str,
    with_state: bool = True,
) -> WeekPlan:
    """A WeekPlan from its days: totals, volume and (`with_state`) the training state added:
    the planner's own drafts of a week go without it, the plan shown has it."""
    counted = [i for d in days for i in d.sessions if i.status != "skipped"]
    runs = [i for i in counted if i.is_run]
    done = [i for i in counted if i.status == "done"]
    totals = Totals(
        run_km=round(sum(r.km or 0 for r in runs), 1),
        run_minutes=sum(r.minutes or 0 for r in runs),
        load=sum(i.load for i in counted if i.kind != "rest"),
        run_km_done=round(sum(r.km or 0 for r in runs if r.status == "done"), 1),
        run_minutes_done=sum(r.minutes or 0 for r in runs if r.status == "done"),
        load_done=sum(i.load for i in done),
    )
    week_end = week_start + timedelta(days=6)
    state_day = min(max(as_of, week_start), week_end)
    state = _NO_STATE
    if with_state:
        fitness, fatigue, form = fitness_fatigue(history, state_day)
        latest = [c for c in checkins if c.date <= state_day]
        state = TrainingState(
            fitness=fitness,
            fatigue=fatigue,
            form=form,
            acute_chronic_ratio=acute_chronic_ratio(history, state_day),
            recovery=muscle_recovery(history, latest[-1] if latest else None, state_day),
        )
    return WeekPlan(
        week_start=week_start,
        max_hr=profile.effective_max_hr,
        days=days,
        totals=totals,
        warnings=tuple(warnings),
        state=state,
        units=profile.units,
        phase=phase,
        easier_week=volume.easier_week,
        volume=_volume(volume, totals),
        suggestions=tuple(suggestions),
    )


_NO_STATE = TrainingState(fitness=0.0, fatigue=0.0, form=0.0, acute_chronic_ratio=None, recovery={})


def _volume(volume: VolumePlan, totals: Totals) -> Volume:
    return Volume(
        target_km=volume.target_km,
        baseline_km=volume.baseline_km,
        cap_km=volume.cap_km,
        planned_km=totals.run_km,
    )


_ORDER = {
    "leg_day": 0,
    "race": 1,
    "quality_run": 1,
    "long_run": 1,
    "easy_run": 1,
    "recovery_run": 1,
    "cross_training": 2,
    "mobility": 3,
    "rest": 4,
}


def _item_order(item: PlanItem) -> tuple[int, int, int]:
    return (0 if item.status == "done" else 1, _ORDER[item.kind], item.id or 0)


__all__ = ["WeekPlanner", "assemble"]

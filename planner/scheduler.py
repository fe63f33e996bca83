"""`plan_week`: lays out a week of runs around leg days, soreness and the runner's targets.

The order of the work is the order of priority: what the user did and decided (logged sessions,
pins, leg days) is fixed first, and one day of the week is kept free for rest; then the safety
rules (leg days, soreness check-ins, spacing) decide which days may carry which runs; then the
long run, the quality run, the rest day and the easy runs are placed; then the morning
check-ins adjust what is left. Safety wins over targets, and whatever a rule cost the runner is
said in `warnings`. Every placed item carries the rules that put it there, in plain words.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from legrun.planner.checklists import day_checklist
from legrun.planner.load import (
    TrainingHistory,
    acute_chronic_ratio,
    easy_pace,
    fitness_fatigue,
    longest_run_km,
    muscle_recovery,
    run_km,
)
from legrun.planner.models import (
    WEEKDAYS,
    CheckIn,
    LegDay,
    Pin,
    Profile,
    Run,
    heaviness,
)
from legrun.planner.plan import (
    RUN_PLAN_KINDS,
    DayPlan,
    PlanItem,
    Totals,
    TrainingState,
    WeekPlan,
    Why,
    item_from_session,
)
from legrun.planner.recurrence import leg_days_between
from legrun.planner.units import distance
from legrun.planner.zones import recovery_hr_range, run_hr_range

# Numbers from COACHING.md.
SPIKE_FACTOR = 1.10  # R-SPIKE: a run or a week at most 10 % over the reference
NEW_RUNNER_START = 0.60  # a new runner's first week: 60 % of the target, then +10 % a week
NEW_RUNNER_LONGEST_KM = 5.0  # single-run reference when no run was logged in 30 days
RECOVERY_SHARE = {"heavy": 0.60, "moderate": 0.75}  # R-AFTER-LEG: recovery vs easy run length
DEFAULT_EASY_PACE = 6.5  # min/km when history has no easy runs
LEG_DAY_MINUTES = 60
MOBILITY_MINUTES = 10
CROSS_MAX_MINUTES = 45
MIN_RUN_KM = 2.0  # shorter than this is not worth lacing up for
ACTIVE_RECOVERY_MINUTES = 25
SORE_REST = 7  # R-SORENESS: 7-10 rest and mobility
SORE_CROSS = 4  # 4-6 cross-training or a shortened recovery run
PLANNED_RPE = {
    "recovery_run": 3,
    "easy_run": 4,
    "long_run": 5,
    "quality_run": 7,
    "cross_training": 3,
    "mobility": 1,
    "leg_day": 8,
}
_KM_WEIGHT = {"long_run": 1.6, "quality_run": 1.0, "easy_run": 1.0}


def _split_km(km: float, wanted: Sequence[str]) -> dict[str, float]:
    """Each kind's share of `km` over the runs `wanted` (long runs weigh more), none below
    MIN_RUN_KM while the runs fit; the shares of `wanted` add up to at most `km`."""
    fixed: set[str] = set()
    while True:
        free = [k for k in wanted if k not in fixed]
        rest = km - MIN_RUN_KM * (len(wanted) - len(free))
        total = sum(_KM_WEIGHT[k] for k in free) or 1.0
        share = {k: rest * w / total for k, w in _KM_WEIGHT.items() if k not in fixed}
        short = {k for k in free if share[k] < MIN_RUN_KM}
        if not short or rest < MIN_RUN_KM * len(free):
            share.update(dict.fromkeys(fixed, MIN_RUN_KM))
            return share
        fixed |= short


def week_start_for(day: date, week_start: int) -> date:
    """The first day (Monday, or Sunday when `week_start` is 6) of the week containing `day`."""
    if week_start == 6:
        return day - timedelta(days=(day.weekday() + 1) % 7)
    return day - timedelta(days=day.weekday())


def _name(day: date) -> str:
    return WEEKDAYS[day.weekday()].capitalize()


@dataclass
class _LegDayInfo:
    date: date
    heaviness: str
    rpe: int | None
    planned: bool
    recurring: bool = False  # from the profile's rule (not logged, not pinned)


@dataclass
class _Day:
    date: date
    plannable: bool  # the planner may still put things on it (today or later, nothing logged)
    items: list[PlanItem] = field(default_factory=list)
    blocked: set[str] = field(default_factory=set)  # kinds the user removed from this day
    leg: _LegDayInfo | None = None
    checkin: CheckIn | None = None
    reserved_rest: bool = False

    @property
    def runs(self) -> list[PlanItem]:
        return [i for i in self.items if i.is_run and i.status != "skipped"]

    @property
    def has_training(self) -> bool:
        return (
            any(i.kind not in ("rest", "mobility") and i.status != "skipped" for i in self.items)
            or self.leg is not None
        )

    @property
    def has_hard_run(self) -> bool:
        return any(i.kind in ("long_run", "quality_run") for i in self.runs)

    @property
    def soreness(self) -> int:
        return self.checkin.overall if self.checkin is not None else 0


def _floor_km(km: float) -> float:
    """Kilometres rounded down to 0.1, so that rounding never breaks a cap."""
    return math.floor(km * 10 + 1e-6) / 10


class _WeekPlanner:
    def __init__(
        self,
        profile: Profile,
        history: TrainingHistory,
        checkins: Sequence[CheckIn],
        pins: Sequence[Pin],
        week_start: date,
        today: date,
        ticks: frozenset[tuple[date, str]] | set[tuple[date, str]],
    ) -> None:
        self.profile = profile
        self.history = history
        self.checkins = sorted(checkins, key=lambda c: c.date)
        self.pins = sorted(pins, key=lambda p: (p.id or 0, p.date))
        self.week_start = week_start
        self.week_end = week_start + timedelta(days=6)
        self.today = today
        self.ticks = ticks
        self.max_hr = profile.effective_max_hr
        self.warnings: list[Why] = []
        self.days = [
            _Day(
                date=week_start + timedelta(days=i),
                plannable=week_start + timedelta(days=i) >= today,
            )
            for i in range(7)
        ]
        self.pace = easy_pace(
            history, min(today, week_start) - timedelta(days=1), DEFAULT_EASY_PACE
        )
        # Leg days just before the week still shape its first days (R-AFTER-LEG, R-48H).
        self.leg_days: dict[date, _LegDayInfo] = {}
        self.week_km = 0.0  # R-SPIKE: the week's allowed run volume, once known
        self._caps: dict[date, tuple[float, float]] = {}

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

    def leg_before(self, day: date, days_back: int) -> _LegDayInfo | None:
        return self.leg_days.get(day - timedelta(days=days_back))

    def rest_secured(self) -> bool:
        """R-REST: a day is already kept free (reserved, or a past day with nothing logged)."""
        return any(d.reserved_rest or not d.plannable and not d.has_training for d in self.days)

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
        if day.leg is not None:
            return False, Why("R-SAME-DAY", f"{_name(day.date)} is a leg day")
        if day.soreness >= SORE_REST:
            return False, Why(
                "R-SORENESS", f"{_name(day.date)} has a soreness check-in of {day.soreness}/10"
            )
        if kind in ("long_run", "quality_run"):
            for back in (1, 2):
                leg = self.leg_before(day.date, back)
                if leg is not None and leg.heaviness == "heavy":
                    return False, Why(
                        "R-48H",
                        f"{_name(day.date)} is within 48 h of {_name(leg.date)}'s heavy leg day",
                    )
            before = self.leg_before(day.date, 1)
            if before is not None and before.heaviness in ("heavy", "moderate"):
                return False, Why(
                    "R-AFTER-LEG", f"{_name(day.date)} follows a {before.heaviness} leg day"
                )
            if day.soreness >= SORE_CROSS:
                return False, Why(
                    "R-SORENESS",
                    f"{_name(day.date)} has a soreness check-in of {day.soreness}/10",
                )
            for neighbour in (day.date - timedelta(days=1), day.date + timedelta(days=1)):
                if self.is_hard_run_day(neighbour):
                    return False, Why(
                        "R-HARD-EASY", f"{_name(day.date)} is next to another hard run"
                    )
        if not self.rest_secured() and self.free_days() == [i]:
            return False, Why("R-REST", f"{_name(day.date)} is the last day left for full rest")
        return True, None

    def is_hard_run_day(self, day: date) -> bool:
        i = self.index(day)
        if i is not None:
            return self.days[i].has_hard_run
        if any(
            isinstance(s, Run) and s.kind in ("long", "tempo", "intervals")
            for s in self.history.between(day, day)
        ):
            return True
        # The neighbouring week is planned on its own: a day of it still ahead that is the
        # long-run day is taken to carry the long run, so that two weeks' plans side by side
        # never put hard runs back to back.
        return (
            day >= self.today
            and day.weekday() == self.profile.long_run_day
            and not self.is_leg_day(day)
        )

    def is_leg_day(self, day: date) -> bool:
        if day in self.leg_days:
            return True
        if any(isinstance(s, LegDay) for s in self.history.between(day, day)):
            return True
        return bool(leg_days_between(self.profile.leg_days_rule, day, day))

    def recovery_limit(self, day: date) -> _LegDayInfo | None:
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
            found = self._caps[day] = (_floor_km(reference * SPIKE_FACTOR), longest)
        return found

    def hr(self, kind: str) -> tuple[int, int]:
        return run_hr_range(kind, self.max_hr)

    # -- 1. what is fixed: logged sessions, leg days, pins ------------------------------------

    def place_logged(self) -> None:
        for session in self.history.between(self.week_start - timedelta(days=2), self.week_end):
            if isinstance(session, LegDay):
                known = self.leg_days.get(session.date)
                # Two leg days logged on one date: the harder one decides (the safe side).
                if known is None or (session.rpe or 10) > (known.rpe or 10):
                    self.leg_days[session.date] = _LegDayInfo(
                        session.date, heaviness(session.rpe), session.rpe, planned=False
                    )
            i = self.index(session.date)
            if i is None:
                continue
            day = self.days[i]
            day.items.append(item_from_session(session))
            day.plannable = False

    def place_leg_days(self) -> None:
        removed = {(p.date, p.kind) for p in self.pins if p.action in ("remove", "move")}
        skipped = {p.date for p in self.pins if p.kind == "leg_day" and p.action == "skip"}
        window_start = self.week_start - timedelta(days=2)
        rule_days = leg_days_between(self.profile.leg_days_rule, window_start, self.week_end)
        pinned = [
            (p.to_date if p.action == "move" else p.date, p)
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
                            why=(Why("R-SAME-DAY", "You marked this recurring leg day skipped."),),
                        )
                    )
                continue
            if day < self.today:
                if (self.today - day).days <= 2:
                    # Not logged (yet): whether it happened is not known, so for the next two
                    # days it counts as the heavy session it was planned to be.
                    self.leg_days[day] = _LegDayInfo(day, "heavy", None, planned=True)
                continue
            self.leg_days[day] = _LegDayInfo(day, "heavy", None, planned=True, recurring=True)
            if i is not None:
                self.days[i].items.append(
                    PlanItem(
                        date=day,
                        kind="leg_day",
                        minutes=LEG_DAY_MINUTES,
                        rpe=PLANNED_RPE["leg_day"],
                        why=(
                            Why(
                                "R-SAME-DAY",
                                "Your recurring leg day; no run goes on it. Until it is logged "
                                "it counts as heavy, the safe assumption.",
                            ),
                        ),
                    )
                )
        for day, pin in pinned:
            if day is None or day in self.leg_days:
                continue
            self.leg_days[day] = _LegDayInfo(day, "heavy", None, planned=True)
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
                                "R-SAME-DAY",
                                "You put a leg day here; no run goes on it. Until it is logged "
                                "it counts as heavy.",
                            ),
                        ),
                    )
                )
        for info in self.leg_days.values():
            i = self.index(info.date)
            if i is not None and (info.date >= self.today or not info.planned):
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
            if pin.action == "remove":
                continue
            target = pin.to_date if pin.action == "move" else pin.date
            i = self.index(target) if target is not None else None
            if i is None:
                continue
            day = self.days[i]
            if pin.action != "skip" and not day.plannable and day.date < self.today:
                continue
            if self.fulfilled(day, pin.kind):
                # Logged on the day it was pinned to: the logged session is that item now.
                continue
            day.items.append(self.pinned_item(pin, day.date))

    @staticmethod
    def fulfilled(day: _Day, kind: str) -> bool:
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
            "move": f"You moved this from {_name(pin.date)}",
            "skip": "You marked this skipped",
        }[pin.action]
        why = [Why("R-SAME-DAY" if kind == "leg_day" else "R-REST", verb)]
        km = pin.km
        minutes = pin.minutes
        hr_low = hr_high = None
        if kind in RUN_PLAN_KINDS:
            if km is None:
                usual = self.profile.weekly_km / self.profile.runs_per_week
                km = _floor_km(min(usual, self.run_cap_km(day)[0]))
            if minutes is None:
                minutes = max(10, round(km * self.pace))
            hr_low, hr_high = self.hr(kind)
            why = [Why("R-SPIKE", f"{verb}; kept as you set it")]
        elif kind == "cross_training":
            minutes = minutes or 30
            why = [Why("R-CROSS", verb)]
        elif kind == "mobility":
            minutes = minutes or MOBILITY_MINUTES
            why = [Why("R-MOBILITY", verb)]
        elif kind == "rest":
            why = [Why("R-REST", verb)]
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

    def cross_activity(self) -> str:
        # Cycling first: it interferes least with leg strength (Wilson 2012).
        return "bike" if "bike" in self.profile.cross else self.profile.cross[0]

    def attach_checkins(self) -> None:
        by_date = {c.date: c for c in self.checkins}
        for day in self.days:
            day.checkin = by_date.get(day.date)
        # The latest check-in wins: yesterday's soreness still stands this morning until a
        # new check-in replaces it.
        i = self.index(self.today)
        if i is not None and self.days[i].checkin is None:
            yesterday = by_date.get(self.today - timedelta(days=1))
            if yesterday is not None:
                self.days[i].checkin = yesterday

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
                "R-REST",
                f"Your leg days fill the week: {_name(day.date)}'s recurring leg day is dropped "
                "this week so that one day stays a full rest day.",
            )
            return

    # -- 2. volume ----------------------------------------------------------------------------

    def weekly_km_allowed(self) -> tuple[float, str]:
        """R-SPIKE: this week's run volume, and the words that explain it."""
        target = self.profile.weekly_km
        current = week_start_for(self.today, self.profile.week_start)
        reference_start = min(current, self.week_start) - timedelta(days=7)
        weeks_on = max(1, (self.week_start - reference_start).days // 7)
        last_km = run_km(self.history, reference_start, reference_start + timedelta(days=6))
        if last_km <= 0:
            # A week off (illness, travel): fall back on the four weeks before it.
            month_km = run_km(
                self.history,
                reference_start - timedelta(days=28),
                reference_start - timedelta(days=1),
            )
            if month_km > 0:
                last_km = month_km / 4
        if last_km > 0:
            cap = last_km * SPIKE_FACTOR**weeks_on
            basis = (
                f"at most 10 % more than last week's {self.dist(last_km, '.1f')}"
                if weeks_on == 1
                else f"10 % a week on from {self.dist(last_km, '.1f')} in the week of "
                f"{reference_start.isoformat()}"
            )
        else:
            cap = target * NEW_RUNNER_START * SPIKE_FACTOR ** (weeks_on - 1)
            basis = "building up from 60 % of your target after a week without runs"
        if cap >= target:
            return target, f"your weekly target of {self.dist(target)}"
        self.warn(
            "R-SPIKE",
            f"Running this week is capped at {self.dist(_floor_km(cap))} of your "
            f"{self.dist(target)} target: {basis}.",
        )
        return _floor_km(cap), basis

    # -- 3. placing runs ----------------------------------------------------------------------

    def plan_runs(self) -> None:
        all_runs = [i for d in self.days for i in d.items if i.is_run]
        runs_left = self.profile.runs_per_week - len(all_runs)
        removed_runs = sum(
            1
            for p in self.pins
            if p.action == "remove" and p.kind in RUN_PLAN_KINDS and self.index(p.date) is not None
        )
        runs_left -= removed_runs
        if runs_left <= 0 or not any(d.plannable for d in self.days):
            self.ensure_rest_day()
            return
        week_km, basis = self.weekly_km_allowed()
        self.week_km = week_km
        used_km = sum(r.km or 0 for r in all_runs if r.status != "skipped")
        km_left = max(0.0, week_km - used_km)
        has_long = any(r.kind == "long_run" for r in all_runs)
        has_quality = any(r.kind == "quality_run" for r in all_runs)
        wanted: list[str] = []
        if not has_long:
            wanted.append("long_run")
        if self.profile.runs_per_week >= 3 and not has_quality and len(wanted) < runs_left:
            wanted.append("quality_run")
        wanted += ["easy_run"] * (runs_left - len(wanted))
        wanted = wanted[:runs_left]
        fits = int(km_left // MIN_RUN_KM)
        if fits < len(wanted):
            dropped = len(wanted) - fits
            self.warn(
                "R-SPIKE",
                f"{dropped} fewer run{'s' if dropped > 1 else ''} this week: the "
                f"{self.dist(km_left, '.1f')} left would make runs shorter than "
                f"{self.dist(MIN_RUN_KM)}.",
            )
            for _ in range(dropped):
                for kind in ("easy_run", "quality_run", "long_run"):
                    if kind in wanted:
                        wanted.remove(kind)
                        break
        if not wanted:
            self.ensure_rest_day()
            return
        share = _split_km(km_left, wanted)

        if "long_run" in wanted and not self.place_long(share["long_run"], basis):
            wanted.remove("long_run")
            wanted.append("easy_run")
        if "quality_run" in wanted and not self.place_quality(share["quality_run"], basis):
            wanted.remove("quality_run")
            wanted.append("easy_run")
        self.ensure_rest_day()
        easy = [k for k in wanted if k == "easy_run"]
        unplaced = 0
        for _ in easy:
            if not self.place_easy(share["easy_run"], basis):
                unplaced += 1
        if unplaced:
            self.fill_with_cross(unplaced)

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
            if why is not None and i == preferred:
                refusals.append(why)
        return None, refusals

    def place_long(self, km: float, basis: str) -> bool:
        i, refusals = self.pick_long_day()
        preferred = WEEKDAYS[self.profile.long_run_day].capitalize()
        if i is None:
            self.warn(
                "R-LONG",
                "No day this week can take a long run safely "
                f"({self.refusal_summary('long_run')}); it becomes an easy run.",
            )
            return False
        day = self.days[i]
        why: list[Why] = []
        if day.date.weekday() == self.profile.long_run_day:
            why.append(Why("R-LONG", f"On your long-run day ({preferred})."))
        else:
            reason = refusals[0].text if refusals else f"{preferred} is not free"
            why.append(Why("R-LONG", f"Moved from {preferred} to {_name(day.date)}: {reason}."))
            if refusals:
                why.append(refusals[0])
        return self.add_run(i, "long_run", km, basis, why)

    def refusal_summary(self, kind: str) -> str:
        """Why no day of the week can take a run of `kind`: the days each rule ruled out."""
        by_rule: dict[str, list[str]] = {}
        for i, day in enumerate(self.days):
            _, why = self.run_allowed(i, kind)
            if why is not None:
                by_rule.setdefault(why.rule, []).append(_name(day.date))
            elif not day.plannable:
                by_rule.setdefault("past", []).append(_name(day.date))
            elif day.runs:
                by_rule.setdefault("run", []).append(_name(day.date))
            elif day.reserved_rest:
                by_rule.setdefault("R-REST", []).append(_name(day.date))
            elif day.blocked:
                by_rule.setdefault("pinned", []).append(_name(day.date))
        words = {
            "R-SAME-DAY": "leg day",
            "R-48H": "within 48 h of a heavy leg day",
            "R-AFTER-LEG": "the day after a leg day",
            "R-HARD-EASY": "next to another hard run",
            "R-SORENESS": "sore",
            "R-REST": "kept for rest",
            "past": "past or logged",
            "run": "already has a run",
            "pinned": "cleared by you",
        }
        return "; ".join(f"{', '.join(days)}: {words[rule]}" for rule, days in by_rule.items())

    def refusal_rule(self, kind: str) -> str:
        rules = [why.rule for i in range(7) if (why := self.run_allowed(i, kind)[1]) is not None]
        for rule in ("R-48H", "R-HARD-EASY", "R-AFTER-LEG", "R-SORENESS", "R-REST"):
            if rule in rules:
                return rule
        return rules[0] if rules else "R-48H"

    def place_quality(self, km: float, basis: str) -> bool:
        long_days = [d.date for d in self.days if d.has_hard_run]
        candidates = []
        for i in range(7):
            ok, _ = self.run_allowed(i, "quality_run")
            if ok:
                gap = min((abs((self.days[i].date - d).days) for d in long_days), default=7)
                candidates.append((-min(gap, 3), i))
        if not candidates:
            self.warn(
                self.refusal_rule("quality_run"),
                "No safe day for a quality run this week "
                f"({self.refusal_summary('quality_run')}); it becomes an easy run.",
            )
            return False
        _, i = min(candidates)
        why = [
            Why(
                "R-48H",
                "Hard effort more than 48 h after any heavy leg day and not next to the long run.",
            ),
            Why("R-HARD-EASY", "Easy days around it: never two hard runs back to back."),
        ]
        return self.add_run(i, "quality_run", km, basis, why)

    def place_easy(self, km: float, basis: str) -> bool:
        candidates = []
        for i in range(7):
            ok, _ = self.run_allowed(i, "easy_run")
            if not ok or self.sized_run(i, "easy_run", km) is None:
                continue
            day = self.days[i]
            neighbours = sum(
                1 for j in (i - 1, i + 1) if 0 <= j < 7 and (self.days[j].runs or self.days[j].leg)
            )
            restricted = 1 if self.recovery_limit(day.date) else 0
            sore = 1 if day.soreness >= SORE_CROSS else 0
            candidates.append((sore, restricted, neighbours, i))
        if not candidates:
            return False
        *_, i = min(candidates)
        return self.add_run(i, "easy_run", km, basis, [])

    def planned_km(self) -> float:
        return sum(r.km or 0 for d in self.days for r in d.runs)

    def sized_run(self, i: int, kind: str, km: float) -> tuple[str, float, list[Why]] | None:
        """The kind and length a run of `kind` and `km` becomes on day i, with the rules that
        changed it; None when what is left of it would be too short to be worth a run."""
        day = self.days[i]
        leg = self.recovery_limit(day.date)
        cap, longest = self.run_cap_km(day.date)
        reasons: list[Why] = []
        if leg is not None and kind == "easy_run":
            kind = "recovery_run"
            share = RECOVERY_SHARE[leg.heaviness]
            km = km * share
            low, high = recovery_hr_range(self.max_hr)
            effort = f"RPE {leg.rpe}" if leg.rpe is not None else "planned, effort not yet known"
            reasons.append(
                Why(
                    "R-AFTER-LEG",
                    f"Day after a {leg.heaviness} leg day ({effort}): recovery run, "
                    f"{int(share * 100)} % of an easy run's length at {low}-{high} bpm, "
                    f"RPE 4 or less.",
                )
            )
        elif self.week_km > 0:
            # Never below the shortest run worth lacing up for, within the week's volume.
            km = max(km, min(MIN_RUN_KM, self.week_km - self.planned_km()))
        if km > cap:
            reasons.append(
                Why(
                    "R-SPIKE",
                    f"Capped at {self.dist(cap)}: 110 % of your longest run in 30 days "
                    f"({self.dist(longest)})."
                    if longest
                    else f"Capped at {self.dist(cap)} until you have logged longer runs.",
                )
            )
            km = cap
        if self.week_km > 0:
            km = min(km, self.week_km - self.planned_km())
        km = _floor_km(km)
        if km < MIN_RUN_KM:
            return None
        return kind, km, reasons

    def add_run(self, i: int, kind: str, km: float, basis: str, why: list[Why]) -> bool:
        sized = self.sized_run(i, kind, km)
        if sized is None:
            return False
        kind, km, changes = sized
        day = self.days[i]
        reasons = [w for w in changes if w.rule == "R-AFTER-LEG"] + list(why)
        reasons += [w for w in changes if w.rule != "R-AFTER-LEG"]
        pace = self.pace * (
            0.85 if kind == "quality_run" else 1.08 if kind == "recovery_run" else 1
        )
        minutes = max(10, round(km * pace))
        low, high = self.hr(kind)
        if not any(w.rule == "R-SPIKE" for w in reasons):
            reasons.append(Why("R-SPIKE", f"{self.dist(km)} towards this week's volume ({basis})."))
        if kind == "easy_run":
            reasons.insert(0, Why("R-HARD-EASY", f"Easy and conversational: {low}-{high} bpm."))
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
            )
        )
        return True

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
            restricted = 1 if self.recovery_limit(day.date) is None else 0
            score = (sore, after_long, restricted)
            if best is None or score > best[0]:
                best = (score, i)
        if best is not None:
            self.days[best[1]].reserved_rest = True

    def fill_with_cross(self, missing: int) -> None:
        """R-CROSS: runs that no day can safely take become cross-training where possible."""
        activity = self.cross_activity()
        placed = 0
        for day in self.days:
            if placed == missing:
                break
            if (
                not day.plannable
                or day.reserved_rest
                or day.leg is not None
                or day.has_training
                or "cross_training" in day.blocked
                or day.soreness >= SORE_REST
            ):
                continue
            day.items.append(
                self.cross_item(
                    day.date,
                    40,
                    [
                        Why(
                            "R-CROSS",
                            f"Your run target does not fit safely this week; "
                            f"{activity} keeps the aerobic work without the pounding.",
                        )
                    ],
                )
            )
            placed += 1
        if placed < missing:
            self.warn(
                "R-CROSS",
                f"{missing - placed} of your {self.profile.runs_per_week} runs could not be "
                "placed around leg days and a rest day this week.",
            )

    def cross_item(self, day: date, minutes: int, why: list[Why]) -> PlanItem:
        return PlanItem(
            date=day,
            kind="cross_training",
            minutes=min(CROSS_MAX_MINUTES, max(20, minutes)),
            rpe=PLANNED_RPE["cross_training"],
            activity=self.cross_activity(),
            why=tuple(why),
        )

    # -- 4. soreness --------------------------------------------------------------------------

    def apply_soreness(self) -> None:
        """R-SORENESS: a sore morning turns that day's run into cross-training or rest.

        The runs were already placed around days of 7-10 (and hard runs around days of 4-6),
        so what is left here is to say so on the day and to turn an easy run on a 4-6 morning
        into cross-training."""
        for day in self.days:
            checkin = day.checkin
            if checkin is None or not day.plannable and day.date != self.today:
                continue
            level = checkin.overall
            if level < SORE_CROSS:
                continue
            when = "this morning" if checkin.date == day.date else f"on {_name(checkin.date)}"
            planned_runs = [
                it for it in day.items if it.is_run and it.status == "planned" and not it.pinned
            ]
            if level >= SORE_REST:
                dropped = [
                    it
                    for it in day.items
                    if it.kind == "cross_training" and it.status == "planned" and not it.pinned
                ]
                for item in planned_runs + dropped:
                    day.items.remove(item)
                if day.leg is None:
                    self.add_mobility(
                        day,
                        Why(
                            "R-SORENESS",
                            f"Soreness {level}/10 {when}: rest and mobility today; the week's "
                            "runs are planned around it.",
                        ),
                    )
                for item in planned_runs:
                    self.warn(
                        "R-SORENESS",
                        f"{_name(day.date)}'s {item.label.lower()} ({self.dist(item.km or 0)}) was "
                        f"dropped: soreness {level}/10.",
                    )
                continue
            for run in planned_runs:
                day.items.remove(run)
                day.items.append(
                    self.cross_item(
                        day.date,
                        run.minutes or 30,
                        [
                            Why(
                                "R-SORENESS",
                                f"Soreness {level}/10 {when}: the "
                                f"{run.label.lower()} becomes easy cross-training.",
                            ),
                            Why(
                                "R-CROSS",
                                f"{self.cross_activity().capitalize()} first: it "
                                "interferes least with sore legs.",
                            ),
                        ],
                    )
                )
                self.warn(
                    "R-SORENESS",
                    f"{_name(day.date)}'s {run.label.lower()} ({self.dist(run.km or 0)}) became "
                    f"cross-training: soreness {level}/10 {when}.",
                )

    def add_mobility(self, day: _Day, why: Why) -> None:
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

    # -- 5. finishing touches -----------------------------------------------------------------

    def add_mobility_after_leg_days(self) -> None:
        for day in self.days:
            if day.leg is not None and day.date >= self.today:
                self.add_mobility(
                    day,
                    Why(
                        "R-MOBILITY",
                        "After the leg session: foam roll 5-10 min and stretch, holding each "
                        "stretch 20-30 s. Skip the ice bath straight after lifting: it blunts "
                        "strength gains.",
                    ),
                )

    def add_active_recovery(self) -> None:
        """The day after a heavy leg day with no run and no rest gets an easy spin instead."""
        for day in self.days:
            leg = self.leg_before(day.date, 1)
            if (
                leg is None
                or leg.heaviness != "heavy"
                or not day.plannable
                or day.reserved_rest
                or day.has_training
                or "cross_training" in day.blocked
                or (day.checkin is not None and day.checkin.overall >= SORE_REST)
            ):
                continue
            activity = self.cross_activity()
            day.items.append(
                self.cross_item(
                    day.date,
                    ACTIVE_RECOVERY_MINUTES,
                    [
                        Why(
                            "R-AFTER-LEG",
                            f"Day after a heavy leg day and no run here: an easy "
                            f"{ACTIVE_RECOVERY_MINUTES} min of {activity} at RPE 3 or less keeps "
                            "the blood flowing without loading sore legs.",
                        ),
                    ],
                )
            )

    def check_pinned(self) -> None:
        """Runs the user put where a rule would not: kept, with a warning that says why."""
        for day in self.days:
            runs = [r for r in day.runs if r.status == "planned"]
            if day.leg is not None and (runs or day.runs and day.leg.planned):
                self.warn(
                    "R-SAME-DAY",
                    f"{_name(day.date)} has a run and a leg day: keep them at least 6 h apart, "
                    "and run first if you can.",
                )
            after = self.recovery_limit(day.date)
            for run in runs:
                if after is not None and run.pinned and run.kind != "recovery_run":
                    low, high = recovery_hr_range(self.max_hr)
                    self.warn(
                        "R-AFTER-LEG",
                        f"The {run.label.lower()} you put on {_name(day.date)} follows "
                        f"{_name(after.date)}'s {after.heaviness} leg day: run it as a recovery "
                        f"run, shorter and at {low}-{high} bpm (RPE 4 or less).",
                    )
                if run.kind not in ("long_run", "quality_run"):
                    continue
                label = run.label.lower()
                for back in (1, 2):
                    leg = self.leg_before(day.date, back)
                    if leg is not None and leg.heaviness == "heavy":
                        self.warn(
                            "R-48H",
                            f"The {label} on {_name(day.date)} comes within 48 h of "
                            f"{_name(leg.date)}'s heavy leg day: keep it easy or move it.",
                        )
                        break
                later = day.date + timedelta(days=1)
                if self.is_hard_run_day(later) and self.index(later) is not None:
                    self.warn(
                        "R-HARD-EASY",
                        f"Hard runs on {_name(day.date)} and {_name(later)} back to back: "
                        "make one of them easy.",
                    )

    def add_rest_items(self) -> None:
        for day in self.days:
            if not day.plannable or day.items and any(i.kind != "mobility" for i in day.items):
                continue
            reasons: list[Why] = []
            if day.checkin is not None and day.checkin.overall >= SORE_CROSS:
                when = "this morning" if day.checkin.date == day.date else "yesterday"
                reasons.append(
                    Why(
                        "R-SORENESS",
                        f"Soreness {day.checkin.overall}/10 {when}: no run today. Easy "
                        "mobility, a walk or a gentle spin are fine if you want to move.",
                    )
                )
            if day.reserved_rest:
                reasons.append(
                    Why(
                        "R-REST",
                        "Your full rest day this week: no run, leg day or "
                        "cross-training; easy mobility is fine.",
                    )
                )
            elif not reasons:
                reasons.append(Why("R-REST", "Nothing planned: your sessions sit on other days."))
            day.items.insert(0, PlanItem(date=day.date, kind="rest", why=tuple(reasons)))
        if all(day.has_training for day in self.days):
            self.warn(
                "R-REST", "This week has no full rest day: take one, even if a run has to go."
            )

    def explain_shortfall(self, run_km: float) -> None:
        """Safety shortened the runs well below what the week allowed: say so, and why."""
        if self.week_km <= 0 or run_km >= 0.8 * self.week_km:
            return
        recovery = sum(
            1 for d in self.days for i in d.items if i.kind == "recovery_run" and not i.pinned
        )
        reason = (
            f"{recovery} of them are short recovery runs the day after a leg day"
            if recovery
            else "not enough days can safely take a run"
        )
        self.warn(
            "R-AFTER-LEG" if recovery else "R-CROSS",
            f"This week's runs add up to {self.dist(run_km)} of the {self.dist(self.week_km)} "
            f"allowed: {reason}. Safety comes first; moving a leg day frees room.",
        )

    def build(self) -> WeekPlan:
        self.place_logged()
        self.place_leg_days()
        self.place_pins()
        self.attach_checkins()
        self.secure_rest_day()
        self.plan_runs()
        self.apply_soreness()
        self.add_active_recovery()
        self.add_mobility_after_leg_days()
        self.check_pinned()
        self.add_rest_items()

        day_plans = []
        for day in self.days:
            items = tuple(sorted(day.items, key=_item_order))
            checklist = day_checklist(day.date, items, self.ticks)
            day_plans.append(DayPlan(date=day.date, sessions=items, checklist=checklist))
        counted = [i for d in day_plans for i in d.sessions if i.status != "skipped"]
        runs = [i for i in counted if i.is_run]
        done = [i for i in counted if i.status == "done"]
        totals = Totals(
            run_km=round(sum(r.km or 0 for r in runs), 1),
            run_minutes=sum(r.minutes or 0 for r in runs),
            load=sum(i.load for i in counted if i.kind not in ("rest",)),
            run_km_done=round(sum(r.km or 0 for r in runs if r.status == "done"), 1),
            run_minutes_done=sum(r.minutes or 0 for r in runs if r.status == "done"),
            load_done=sum(i.load for i in done),
        )
        self.explain_shortfall(totals.run_km)
        as_of = min(self.today, self.week_end)
        fitness, fatigue, form = fitness_fatigue(self.history, as_of)
        latest = [c for c in self.checkins if c.date <= as_of]
        state = TrainingState(
            fitness=fitness,
            fatigue=fatigue,
            form=form,
            acute_chronic_ratio=acute_chronic_ratio(self.history, as_of),
            recovery=muscle_recovery(self.history, latest[-1] if latest else None, as_of),
        )
        return WeekPlan(
            week_start=self.week_start,
            max_hr=self.max_hr,
            days=tuple(day_plans),
            totals=totals,
            warnings=tuple(self.warnings),
            state=state,
            units=self.profile.units,
        )


_ORDER = {
    "leg_day": 0,
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


def plan_week(
    profile: Profile,
    history: TrainingHistory | Iterable,
    checkins: Sequence[CheckIn],
    pins: Sequence[Pin],
    week_start: date,
    today: date,
    ticks: frozenset[tuple[date, str]] | set[tuple[date, str]] = frozenset(),
) -> WeekPlan:
    """Plan the seven days from `week_start`, given everything logged and decided so far.

    Deterministic: the same input gives the same plan. Days before `today` show what was
    logged; from `today` on the planner places runs, cross-training, mobility and rest. Pass a
    `TrainingHistory` to reuse its date index across calls (cheap for years of history).
    """
    return _WeekPlanner(
        profile, TrainingHistory.of(history), checkins, pins, week_start, today, ticks
    ).build()

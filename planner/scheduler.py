"""`plan_week`: lays out a week of runs around leg days, soreness and the runner's targets.

The order of the work is the order of priority: what the user did and decided (logged sessions,
pins, leg days) is fixed first; then the safety rules decide which days may carry which runs;
then the long run, the quality run, a rest day and the easy runs are placed; then the morning
check-ins adjust what is left. Safety wins over targets, and whatever a rule cost the runner is
said in `warnings`. Every placed item carries the rules that put it there, in plain words.
"""

from __future__ import annotations

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

    # -- helpers ------------------------------------------------------------------------------

    def index(self, day: date) -> int | None:
        offset = (day - self.week_start).days
        return offset if 0 <= offset < 7 else None

    def warn(self, rule: str, text: str) -> None:
        why = Why(rule, text)
        if why not in self.warnings:
            self.warnings.append(why)

    def leg_before(self, day: date, days_back: int) -> _LegDayInfo | None:
        return self.leg_days.get(day - timedelta(days=days_back))

    def run_allowed(self, i: int, kind: str) -> tuple[bool, Why | None]:
        """Whether the planner may put a run of `kind` on day i, and the rule that says no."""
        day = self.days[i]
        if not day.plannable or day.runs or day.reserved_rest:
            return False, None
        if kind in day.blocked or "any_run" in day.blocked:
            return False, None
        if day.leg is not None:
            return False, Why("R-SAME-DAY", f"{_name(day.date)} is a leg day")
        before = self.leg_before(day.date, 1)
        if kind in ("long_run", "quality_run"):
            for back in (1, 2):
                leg = self.leg_before(day.date, back)
                if leg is not None and leg.heaviness == "heavy":
                    return False, Why(
                        "R-48H",
                        f"{_name(day.date)} is within 48 h of {_name(leg.date)}'s heavy leg day",
                    )
            if before is not None and before.heaviness in ("heavy", "moderate"):
                return False, Why(
                    "R-AFTER-LEG", f"{_name(day.date)} follows a {before.heaviness} leg day"
                )
            for neighbour in (day.date - timedelta(days=1), day.date + timedelta(days=1)):
                if self.is_hard_run_day(neighbour):
                    return False, Why(
                        "R-HARD-EASY", f"{_name(day.date)} is next to another hard run"
                    )
        return True, None

    def is_hard_run_day(self, day: date) -> bool:
        i = self.index(day)
        if i is not None:
            return self.days[i].has_hard_run
        return any(
            isinstance(s, Run) and s.kind in ("long", "tempo", "intervals")
            for s in self.history.between(day, day)
        )

    def recovery_limit(self, day: date) -> _LegDayInfo | None:
        before = self.leg_before(day, 1)
        if before is not None and before.heaviness in ("heavy", "moderate"):
            return before
        return None

    def run_cap_km(self, day: date) -> tuple[float, float]:
        """R-SPIKE: the longest a run on `day` may be, and the 30-day longest it rests on."""
        longest = longest_run_km(self.history, day - timedelta(days=30), day - timedelta(days=1))
        reference = longest if longest > 0 else NEW_RUNNER_LONGEST_KM
        return round(reference * SPIKE_FACTOR, 1), longest

    def hr(self, kind: str) -> tuple[int, int]:
        return run_hr_range(kind, self.max_hr)

    # -- 1. what is fixed: logged sessions, leg days, pins ------------------------------------

    def place_logged(self) -> None:
        for session in self.history.between(self.week_start - timedelta(days=2), self.week_end):
            if isinstance(session, LegDay):
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
        window_start = self.week_start - timedelta(days=2)
        rule_days = leg_days_between(self.profile.leg_days_rule, window_start, self.week_end)
        pinned = [
            (p.to_date if p.action == "move" else p.date, p)
            for p in self.pins
            if p.kind == "leg_day" and p.action in ("add", "move")
        ]
        for day in rule_days:
            if day < self.today or day in self.leg_days or (day, "leg_day") in removed:
                continue
            self.leg_days[day] = _LegDayInfo(day, "heavy", None, planned=True)
            i = self.index(day)
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
            if i is not None:
                self.days[i].leg = info

    def place_pins(self) -> None:
        for pin in self.pins:
            if pin.kind == "leg_day":
                continue
            if pin.action in ("remove", "move"):
                i = self.index(pin.date)
                if i is not None:
                    self.days[i].blocked.add(pin.kind)
            if pin.action == "remove":
                continue
            target = pin.to_date if pin.action == "move" else pin.date
            i = self.index(target) if target is not None else None
            if i is None:
                continue
            day = self.days[i]
            if pin.action != "skip" and not day.plannable and day.date < self.today:
                continue
            day.items.append(self.pinned_item(pin, day.date))

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
                km = round(
                    min(
                        self.profile.weekly_km / self.profile.runs_per_week, self.run_cap_km(day)[0]
                    ),
                    1,
                )
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
                f"at most 10 % more than last week's {last_km:.1f} km"
                if weeks_on == 1
                else f"10 % a week on from {last_km:.1f} km in the week of "
                f"{reference_start.isoformat()}"
            )
        else:
            cap = target * NEW_RUNNER_START * SPIKE_FACTOR ** (weeks_on - 1)
            basis = "building up from 60 % of your target after a week without runs"
        if cap >= target:
            return target, f"your weekly target of {target:g} km"
        self.warn(
            "R-SPIKE",
            f"Planned {cap:.1f} km of your {target:g} km target: {basis}.",
        )
        return round(cap, 1), basis

    # -- 3. placing runs ----------------------------------------------------------------------

    def plan_runs(self) -> None:
        all_runs = [i for d in self.days for i in d.items if i.is_run]
        done_or_pinned = [r for r in all_runs]
        runs_left = self.profile.runs_per_week - len(done_or_pinned)
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
                f"{dropped} fewer run{'s' if dropped > 1 else ''} this week: the {km_left:.1f} km "
                f"left would make runs shorter than {MIN_RUN_KM:g} km.",
            )
            for _ in range(dropped):
                for kind in ("easy_run", "quality_run", "long_run"):
                    if kind in wanted:
                        wanted.remove(kind)
                        break
        if not wanted:
            self.ensure_rest_day()
            return
        total_weight = sum(_KM_WEIGHT[k] for k in wanted) or 1.0
        share = {k: km_left * _KM_WEIGHT[k] / total_weight for k in _KM_WEIGHT}

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
        preferred = self.profile.long_run_day
        order = sorted(
            range(7),
            key=lambda i: (self._weekday_distance(self.days[i].date.weekday(), preferred), i),
        )
        refusals: list[Why] = []
        for i in order:
            ok, why = self.run_allowed(i, "long_run")
            if ok:
                return i, refusals
            if why is not None and self.days[i].date.weekday() == preferred:
                refusals.append(why)
        return None, refusals

    @staticmethod
    def _weekday_distance(a: int, b: int) -> int:
        gap = abs(a - b)
        return min(gap, 7 - gap)

    def place_long(self, km: float, basis: str) -> bool:
        i, refusals = self.pick_long_day()
        preferred = WEEKDAYS[self.profile.long_run_day].capitalize()
        if i is None:
            reason = f" ({refusals[0].text})" if refusals else ""
            self.warn(
                "R-LONG",
                f"No day this week can take a long run safely{reason}; it becomes an easy run.",
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
        self.add_run(i, "long_run", km, basis, why)
        return True

    def place_quality(self, km: float, basis: str) -> bool:
        long_days = [d.date for d in self.days if d.has_hard_run]
        candidates = []
        reason: Why | None = None
        for i in range(7):
            ok, why = self.run_allowed(i, "quality_run")
            if ok:
                gap = min((abs((self.days[i].date - d).days) for d in long_days), default=7)
                candidates.append((-min(gap, 3), i))
            elif why is not None and reason is None:
                reason = why
        if not candidates:
            text = f" ({reason.text})" if reason else ""
            self.warn(
                reason.rule if reason else "R-48H",
                f"No safe day for a quality run this week{text}; it becomes an easy run.",
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
        self.add_run(i, "quality_run", km, basis, why)
        return True

    def place_easy(self, km: float, basis: str) -> bool:
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
            sore = 1 if day.checkin and day.checkin.overall >= SORE_CROSS else 0
            candidates.append((sore, restricted, neighbours, i))
        if not candidates:
            return False
        *_, i = min(candidates)
        self.add_run(i, "easy_run", km, basis, [])
        return True

    def add_run(self, i: int, kind: str, km: float, basis: str, why: list[Why]) -> None:
        day = self.days[i]
        leg = self.recovery_limit(day.date)
        cap, longest = self.run_cap_km(day.date)
        reasons = list(why)
        if leg is not None and kind == "easy_run":
            kind = "recovery_run"
            share = RECOVERY_SHARE[leg.heaviness]
            km = km * share
            low, high = recovery_hr_range(self.max_hr)
            effort = f"RPE {leg.rpe}" if leg.rpe is not None else "planned, effort not yet known"
            reasons.insert(
                0,
                Why(
                    "R-AFTER-LEG",
                    f"Day after a {leg.heaviness} leg day ({effort}): recovery run, "
                    f"{int(share * 100)} % of an easy run's length at {low}-{high} bpm, "
                    f"RPE 4 or less.",
                ),
            )
        km = max(km, MIN_RUN_KM)
        if km > cap:
            reasons.append(
                Why(
                    "R-SPIKE",
                    f"Capped at {cap:g} km: 110 % of your longest run in 30 days ({longest:g} km)."
                    if longest
                    else f"Capped at {cap:g} km until you have logged longer runs.",
                )
            )
            km = cap
        km = round(km, 1)
        pace = self.pace * (
            0.85 if kind == "quality_run" else 1.08 if kind == "recovery_run" else 1
        )
        minutes = max(10, round(km * pace))
        low, high = self.hr(kind)
        if not any(w.rule == "R-SPIKE" for w in reasons):
            reasons.append(Why("R-SPIKE", f"{km:g} km towards this week's volume ({basis})."))
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

    def ensure_rest_day(self) -> None:
        """R-REST: keep one day of the week free of runs, leg days and cross-training."""
        if any(not d.has_training for d in self.days if not d.plannable) or any(
            d.reserved_rest for d in self.days
        ):
            return
        best: tuple[tuple[int, int, int], int] | None = None
        for i, day in enumerate(self.days):
            if not day.plannable or day.has_training:
                continue
            after_long = (
                1 if i > 0 and any(r.kind == "long_run" for r in self.days[i - 1].runs) else 0
            )
            sore = 1 if day.checkin and day.checkin.overall >= SORE_REST else 0
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
            if not day.plannable or day.reserved_rest or day.leg is not None or day.has_training:
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
        """R-SORENESS: a sore morning turns that day's run into cross-training or rest."""
        for i, day in enumerate(self.days):
            checkin = day.checkin
            if checkin is None or not day.plannable and day.date != self.today:
                continue
            level = checkin.overall
            if level < SORE_CROSS:
                continue
            planned_runs = [
                it for it in day.items if it.is_run and it.status == "planned" and not it.pinned
            ]
            when = "this morning" if checkin.date == day.date else f"on {_name(checkin.date)}"
            for run in planned_runs:
                day.items.remove(run)
                if level >= SORE_REST:
                    self.add_mobility(
                        day,
                        Why(
                            "R-SORENESS",
                            f"Soreness {level}/10 {when}: the {run.label.lower()} becomes rest "
                            "and mobility.",
                        ),
                    )
                    if not self.replace_later(i, run, level):
                        self.warn(
                            "R-SORENESS",
                            f"{_name(day.date)}'s {run.label.lower()} ({run.km:g} km) was dropped: "
                            f"soreness {level}/10 and no later day could take it.",
                        )
                else:
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

    def replace_later(self, i: int, run: PlanItem, level: int) -> bool:
        for j in range(i + 1, 7):
            day = self.days[j]
            if day.checkin is not None and day.checkin.overall >= SORE_CROSS:
                continue
            ok, _ = self.run_allowed(j, run.kind)
            if ok:
                self.add_run(
                    j,
                    "easy_run" if run.kind != "long_run" else "long_run",
                    run.km or 3.0,
                    "moved",
                    [
                        Why(
                            "R-SORENESS",
                            f"Moved from {_name(self.days[i].date)} "
                            f"(soreness {level}/10 that morning).",
                        )
                    ],
                )
                return True
        return False

    def add_mobility(self, day: _Day, why: Why) -> None:
        for idx, item in enumerate(day.items):
            if item.kind == "mobility":
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

    def check_same_day(self) -> None:
        for day in self.days:
            if day.leg is None:
                continue
            runs = day.runs
            if runs:
                self.warn(
                    "R-SAME-DAY",
                    f"{_name(day.date)} has a run and a leg day: keep them at least 6 h apart, "
                    "and run first if you can.",
                )

    def add_rest_items(self) -> None:
        for day in self.days:
            if not day.plannable or day.items and any(i.kind != "mobility" for i in day.items):
                continue
            if day.reserved_rest:
                why = Why(
                    "R-REST",
                    "Your full rest day this week: no run, leg day or "
                    "cross-training; easy mobility is fine.",
                )
            else:
                why = Why("R-REST", "Nothing planned: your sessions sit on other days.")
            day.items.insert(0, PlanItem(date=day.date, kind="rest", why=(why,)))
        if all(day.has_training for day in self.days):
            self.warn(
                "R-REST", "This week has no full rest day: take one, even if a run has to go."
            )

    def build(self) -> WeekPlan:
        self.place_logged()
        self.place_leg_days()
        self.place_pins()
        self.attach_checkins()
        self.plan_runs()
        self.apply_soreness()
        self.add_active_recovery()
        self.add_mobility_after_leg_days()
        self.check_same_day()
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

"""Simulated athletes who live through weeks of plans, doing exactly what each morning says.

The same thing `shared/tools/live_athlete.py` does through the command line, here through the
pure planner API (no database, no subprocess): each morning the week containing that day is
planned as of that morning (`plan_week(..., today=d)`), and the sessions the plan has on that
day are logged as done, exactly as planned. What a coach would look at is recorded per week:
the Monday-morning plan, next week's plan as seen from this Monday, and every promised item
that changed from one morning to the next although the athlete did what was planned
(R-STABLE).

`live(athlete)` is cached: every test that looks at the same athlete shares one simulation.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from itertools import count

from legrun.planner.load import TrainingHistory
from legrun.planner.models import AnySession, CheckIn, CrossTraining, LegDay, Profile, Run
from legrun.planner.plan import RUN_PLAN_KINDS, PlanItem, WeekPlan, Why
from legrun.planner.scheduler import plan_week, week_start_for

START = date(2027, 1, 4)  # a Monday
WEEKS = 16
DAY = timedelta(days=1)
WEEK = timedelta(days=7)
KM_TOLERANCE = 0.15  # a promised run's km counts as unchanged within this (rounding)
LOG_KIND = {"recovery_run": "recovery", "easy_run": "easy", "long_run": "long"}
HARD_WORKOUTS = ("intervals", "cruise", "hills")

_ids = count(10_000)


def next_id() -> int:
    return next(_ids)


# -- building histories ---------------------------------------------------------------------------


def weekly_runs(
    end: date,
    weeks: int,
    pattern: Sequence[tuple[int, float, str]],
    pace: float = 6.0,
    rpe: int = 4,
) -> tuple[Run, ...]:
    """`weeks` weeks of runs ending the day before `end` (a week start): each week holds
    `pattern`'s runs as (day offset from the week's first day, km, kind), at `pace` min/km."""
    found: list[Run] = []
    for back in range(weeks, 0, -1):
        first = end - back * WEEK
        for offset, km, kind in pattern:
            found.append(
                Run(
                    date=first + offset * DAY,
                    minutes=max(1, round(km * pace)),
                    rpe=rpe,
                    km=km,
                    kind=kind,
                    id=next_id(),
                )
            )
    return tuple(found)


# -- athletes -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Athlete:
    """A simulated athlete: who they are, what they did before, and how they deviate."""

    name: str
    profile: Profile
    history: tuple[AnySession, ...] = ()
    skip: frozenset[tuple[str, int]] = frozenset()  # (plan kind, week number from 1) not done
    checkins: tuple[CheckIn, ...] = ()
    weeks: int = WEEKS
    start: date = START
    # What the rules expect of them (written from COACHING.md, not read from the planner):
    new_runner: bool = False  # no run ever logged before the start
    returning: bool = False  # back from a break of 14 days or more
    target_exempt: str = ""  # why the target cannot be reached (empty: it must be)
    established_long_km: float = 0.0  # a long run done week after week before the start
    spike_week: int = 0  # the week that must follow a spike as an easier week (0: none)
    pre_spike_baseline_km: float = 0.0

    @property
    def compliant(self) -> bool:
        """Did everything that was planned, with no check-in that changes a plan."""
        return not self.skip and not self.checkins

    @property
    def first_day(self) -> date:
        return week_start_for(self.start, self.profile.week_start)

    def __repr__(self) -> str:  # short ids in pytest's output
        return self.name


# -- what a week looked like ----------------------------------------------------------------------


Promise = tuple[date, str, float]


@dataclass
class WeekRecord:
    """One lived week: its Monday-morning plan and what happened through it."""

    number: int  # 1 = the first simulated week
    start: date
    monday_plan: WeekPlan  # as planned on the week's first morning
    next_week_preview: WeekPlan | None  # the next week as seen on this week's first morning
    done_km: float = 0.0  # run km logged this week
    changed: list[str] = field(default_factory=list)  # R-STABLE: promises that changed
    plans: list[WeekPlan] = field(default_factory=list)  # every morning's plan of the week
    looking_back: WeekPlan | None = None  # the week as seen the morning after it

    @property
    def cap_km(self) -> float:
        assert self.monday_plan.volume is not None
        return self.monday_plan.volume.cap_km

    @property
    def planned_km(self) -> float:
        return self.monday_plan.totals.run_km

    @property
    def easier(self) -> bool:
        return self.monday_plan.easier_week

    @property
    def phase(self) -> str:
        return self.monday_plan.phase

    @property
    def runs(self) -> list[PlanItem]:
        return planned_items(self.monday_plan, *RUN_PLAN_KINDS)

    @property
    def long_km(self) -> float:
        return max((i.km or 0.0 for i in planned_items(self.monday_plan, "long_run")), default=0.0)

    @property
    def quality(self) -> list[PlanItem]:
        return planned_items(self.monday_plan, "quality_run")

    @property
    def leg_days(self) -> list[PlanItem]:
        return planned_items(self.monday_plan, "leg_day")

    @property
    def warnings(self) -> tuple[Why, ...]:
        return self.monday_plan.warnings

    @property
    def suggestions(self) -> tuple[Why, ...]:
        return self.monday_plan.suggestions

    def summary(self) -> str:
        long_share = self.long_km / self.planned_km if self.planned_km else 0.0
        rules = sorted({w.rule for w in self.warnings}) + [f"+{s.rule}" for s in self.suggestions]
        return (
            f"w{self.number:<2} {self.start} {self.phase:8} {'easier' if self.easier else '':6} "
            f"cap {self.cap_km:5.1f} plan {self.planned_km:5.1f} done {self.done_km:5.1f} "
            f"long {self.long_km:4.1f} ({100 * long_share:3.0f}%) Q {len(self.quality)} "
            f"{' '.join(rules) or '-'} changed {len(self.changed)}"
        )


@dataclass
class Life:
    athlete: Athlete
    weeks: list[WeekRecord]
    history: tuple[AnySession, ...]  # the history before the start and everything logged

    def week(self, number: int) -> WeekRecord:
        return self.weeks[number - 1]

    def table(self) -> str:
        return "\n".join([self.athlete.name, *(w.summary() for w in self.weeks)])

    def done_km_of_week(self, start: date) -> float:
        end = start + 6 * DAY
        return sum(s.km for s in self.history if isinstance(s, Run) and start <= s.date <= end)

    def longest_run_of_week(self, start: date) -> float:
        end = start + 6 * DAY
        return max(
            (s.km for s in self.history if isinstance(s, Run) and start <= s.date <= end),
            default=0.0,
        )

    def baseline_km(self, week_start: date) -> float | None:
        """COACHING.md: the mean done km of the last 4 completed weeks; weeks before the first
        logged run do not count (None until four such weeks exist)."""
        runs = [s.date for s in self.history if isinstance(s, Run)]
        if not runs or min(runs) > week_start - 4 * WEEK:
            return None
        return sum(self.done_km_of_week(week_start - n * WEEK) for n in range(1, 5)) / 4


# -- looking at plans -----------------------------------------------------------------------------


def planned_items(plan: WeekPlan, *kinds: str) -> list[PlanItem]:
    return [
        i
        for d in plan.days
        for i in d.sessions
        if i.status == "planned" and (not kinds or i.kind in kinds)
    ]


def promises(plan: WeekPlan, from_day: date) -> list[Promise]:
    """The items still planned from `from_day` on: what the plan promises."""
    return sorted(
        (i.date, i.kind, round(i.km or 0.0, 1)) for i in planned_items(plan) if i.date >= from_day
    )


def differences(before: Iterable[Promise], after: Iterable[Promise]) -> list[str]:
    """The promises that differ between two plans (missing, added, or km changed)."""
    a, b = list(before), list(after)
    changed: list[str] = []
    left = list(b)
    for item in a:
        match = next(
            (x for x in left if x[:2] == item[:2] and abs(x[2] - item[2]) <= KM_TOLERANCE), None
        )
        if match is None:
            changed.append(f"{item[0]} {item[1]} {item[2]:g} km no longer as promised")
        else:
            left.remove(match)
    changed += [f"{x[0]} {x[1]} {x[2]:g} km not promised before" for x in left]
    return changed


def whys_of(plan: WeekPlan) -> list[Why]:
    found = [w for i in planned_items(plan) for w in i.why]
    return found + list(plan.warnings) + list(plan.suggestions)


def week_texts(plan: WeekPlan) -> list[str]:
    """Every word the plan says about its week: warnings, suggestions and the items' whys."""
    return [w.text for w in whys_of(plan)]


# -- living ---------------------------------------------------------------------------------------


def sessions_done(item: PlanItem) -> AnySession | None:
    """The session an athlete logs for a planned item, exactly as planned."""
    minutes = item.minutes
    if item.is_run:
        assert item.km and minutes, item
        kind = LOG_KIND.get(item.kind)
        if kind is None:  # quality_run
            workout = item.workout.type if item.workout else "tempo"
            kind = "intervals" if workout in HARD_WORKOUTS else "tempo"
        return Run(
            date=item.date, minutes=minutes, rpe=item.rpe, km=item.km, kind=kind, id=next_id()
        )
    if item.kind == "leg_day":
        assert item.rpe is not None, item
        return LegDay(date=item.date, minutes=minutes or 60, rpe=item.rpe, id=next_id())
    if item.kind == "cross_training":
        assert minutes, item
        return CrossTraining(
            date=item.date,
            minutes=minutes,
            rpe=item.rpe,
            activity=item.activity or "bike",
            id=next_id(),
        )
    return None  # rest and mobility are not logged


@cache
def live(athlete: Athlete) -> Life:
    """Live `athlete` through their weeks, one morning at a time."""
    profile = athlete.profile
    history: list[AnySession] = list(athlete.history)
    checkins = sorted(athlete.checkins, key=lambda c: c.date)
    first = athlete.first_day
    records: list[WeekRecord] = []
    preview: WeekPlan | None = None
    for w in range(athlete.weeks):
        week = first + w * WEEK
        record: WeekRecord | None = None
        yesterday: WeekPlan | None = None
        for n in range(7):
            d = week + n * DAY
            known = TrainingHistory(history)
            seen = [c for c in checkins if c.date <= d]
            plan = plan_week(profile, known, seen, (), week_start_for(d, profile.week_start), d)
            if n == 0:
                ahead = plan_week(profile, known, seen, (), week + WEEK, d)
                record = WeekRecord(w + 1, week, plan, ahead)
                if preview is not None:
                    record.changed += [
                        f"next week as seen a week before: {x}"
                        for x in differences(promises(preview, week), promises(plan, week))
                    ]
                    assert preview.volume is not None and plan.volume is not None
                    before, now = preview.volume.cap_km, plan.volume.cap_km
                    if abs(before - now) > 0.05:
                        record.changed.append(
                            f"next week as seen a week before: cap_km {before}, on the day {now}"
                        )
                preview = ahead
            else:
                assert record is not None and yesterday is not None
                record.changed += [
                    f"{d}: {x}" for x in differences(promises(yesterday, d), promises(plan, d))
                ]
            record.plans.append(plan)
            yesterday = plan
            today = plan.day(d)
            assert today is not None
            for item in today.sessions:
                if item.status != "planned" or (item.kind, w + 1) in athlete.skip:
                    continue
                session = sessions_done(item)
                if session is not None:
                    history.append(session)
        assert record is not None
        after = week + WEEK
        seen = [c for c in checkins if c.date <= after]
        record.looking_back = plan_week(profile, TrainingHistory(history), seen, (), week, after)
        records.append(record)
    life = Life(athlete, records, tuple(history))
    for record in records:
        record.done_km = life.done_km_of_week(record.start)
    return life


# -- the athletes ---------------------------------------------------------------------------------

MO_TH = "FREQ=WEEKLY;BYDAY=MO,TH"


def _athletes() -> list[Athlete]:
    start = START
    base15 = weekly_runs(start, 5, [(1, 5.0, "easy"), (3, 5.0, "easy"), (6, 5.0, "long")])
    spike_run = Run(
        date=start - 2 * DAY, minutes=180, rpe=5, km=30.0, kind="long", id=next_id()
    )  # the Saturday before the start: 30 km on a 15 km base
    return [
        Athlete(
            "new-lifter-runner",
            Profile(age=30, runs_per_week=3, weekly_km=20, leg_days_rule=MO_TH),
            new_runner=True,
        ),
        Athlete(
            "six-runs-mon-wed-fri-legs",
            Profile(
                age=32, runs_per_week=6, weekly_km=55, leg_days_rule="FREQ=WEEKLY;BYDAY=MO,WE,FR"
            ),
            weekly_runs(
                start,
                6,
                [(1, 8.0, "easy"), (2, 8.0, "easy"), (3, 8.0, "easy"), (4, 8.0, "easy")]
                + [(5, 6.0, "easy"), (6, 12.0, "long")],
            ),
            target_exempt="legs on Mon, Wed and Fri leave 4 days, one of them rest, for 6 runs",
        ),
        Athlete(
            "missed-long-run",
            Profile(age=35, runs_per_week=4, weekly_km=40, leg_days_rule="FREQ=WEEKLY;BYDAY=MO"),
            weekly_runs(
                start, 6, [(1, 8.0, "easy"), (3, 8.0, "easy"), (5, 7.0, "easy"), (6, 13.0, "long")]
            ),
            skip=frozenset({("long_run", 3)}),
        ),
        Athlete("base-15-to-30", Profile(age=28, runs_per_week=3, weekly_km=30), base15),
        Athlete(
            "brand-new-runner", Profile(age=25, runs_per_week=3, weekly_km=20), new_runner=True
        ),
        Athlete(
            "back-after-six-weeks",
            Profile(age=40, runs_per_week=3, weekly_km=30, leg_days_rule="FREQ=WEEKLY;BYDAY=MO"),
            weekly_runs(
                start - 6 * WEEK, 8, [(1, 8.0, "easy"), (3, 10.0, "easy"), (6, 12.0, "long")]
            ),
            returning=True,
        ),
        Athlete(
            "marathoner",
            Profile(age=38, runs_per_week=5, weekly_km=55, leg_days_rule="FREQ=WEEKLY;BYDAY=TU"),
            weekly_runs(
                start,
                8,
                [(0, 7.0, "easy"), (2, 8.0, "easy"), (3, 8.0, "easy"), (4, 6.0, "easy")]
                + [(6, 21.0, "long")],
            ),
            established_long_km=21.0,
        ),
        Athlete(
            "sunday-week-same-day-hard",
            Profile(
                age=45,
                runs_per_week=4,
                weekly_km=30,
                weekly_minutes=240,
                week_start=6,
                unavailable=(2,),
                same_day_hard=True,
                leg_days_rule="FREQ=WEEKLY;BYDAY=TU,FR",
            ),
            weekly_runs(
                week_start_for(start, 6),
                6,
                [(1, 8.0, "easy"), (4, 8.0, "easy"), (6, 8.0, "easy"), (0, 12.0, "long")],
            ),
        ),
        Athlete(
            "spike-30-on-15",
            Profile(age=28, runs_per_week=3, weekly_km=30),
            (*base15, spike_run),
            spike_week=1,
            pre_spike_baseline_km=15.0,
        ),
        Athlete(
            "sore-thursday",  # base-15-to-30, sore (8/10) on the morning of a planned run
            Profile(age=28, runs_per_week=3, weekly_km=30),
            base15,
            checkins=(
                CheckIn(date=date(2027, 1, 14), soreness=8, quads=8),
                CheckIn(date=date(2027, 1, 15), soreness=1),
            ),
        ),
        Athlete(
            "two-runs-tue-thu-legs",
            Profile(age=50, runs_per_week=2, weekly_km=16, leg_days_rule="FREQ=WEEKLY;BYDAY=TU,TH"),
            weekly_runs(start, 5, [(2, 6.0, "easy"), (6, 8.0, "long")]),
        ),
    ]


ATHLETES = _athletes()
BY_NAME = {a.name: a for a in ATHLETES}

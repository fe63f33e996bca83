"""How much running a week holds, decided across weeks the way a coach builds volume.

Each week's volume comes from the week before it as planned (COACHING.md, "Across weeks"):
+10 % on last week's planned volume when at least 80 % of it was done, else a hold at the
4-week baseline + 10 %; never above 1.3 x the baseline once four weeks exist, never above the
target. Around that: a new runner starts at 60 % of the target, a runner back from a break of
14 days or more restarts at 55 % of the pre-break baseline and climbs back 12.5 % a week, a
spike is followed by an easier week, and every 4th week of a block is an easier week (3:1).

The decision is a pure function of the history before the week and the previous week's
outcome, so the same weeks always give the same volumes (R-STABLE).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from legrun.planner.load import BREAK_DAYS, TrainingHistory, longest_run_km, run_km
from legrun.planner.models import Run
from legrun.planner.plan import Why
from legrun.planner.rules import RuleId
from legrun.planner.units import distance

BUILD_STEP = 1.10  # a building week: +10 % on last week's plan
COMPLIANT = 0.80  # "mostly done": at least 80 % of the planned km
ACWR_MAX = 1.30  # never above 1.3 x the 4-week baseline
NEW_RUNNER_START = 0.60  # a new runner's first week: 60 % of the target
RETURN_START = 0.55  # back from a break: 55 % of the pre-break baseline (50-60 %)
RETURN_STEP = 1.125  # then +12.5 % a week (10-15 %) back to it
EASIER_EVERY = 4  # 3 building weeks : 1 easier week
EASIER_SHARE = 0.75  # an easier week: -25 % (20-30 %)
EASIER_LONG = 0.80  # its long run held below the peak
SPIKE_WEEK = 1.5  # a week of 1.5 x the baseline is a spike
SPIKE_RUN = 1.3  # so is one run of 130 % of the 30-day longest
LONG_STEP = 1.10  # the long run: the longest of 4 weeks + at most 10 %
SINGLE_RUN_CAP = 1.10  # no run over 110 % of the 30-day longest
NEW_RUNNER_LONGEST_KM = 5.0  # the single-run reference when nothing was run in 30 days
NEW_RUNNER_WEEKS = 3  # strides, no quality, in a new runner's first 3 weeks
RETURN_EASY_WEEKS = 2  # ... and in the first 2 weeks back
LONG_SHARE = {2: 0.55, 3: 0.40}  # the long run's share of the week; 0.35 with 4 or more runs


def long_share(runs_per_week: int) -> float:
    return LONG_SHARE.get(runs_per_week, 0.35)


@dataclass(frozen=True)
class WeekOutcome:
    """What one week hands the next: what its plan held and what was done of it."""

    week_start: date
    planned_km: float  # the runs the week's plan held (done, planned and missed)
    done_km: float
    easier: bool
    build_km: float  # the last building week's volume (the base after an easier week)
    cap_km: float = 0.0  # the volume the week's plan set out to hold


@dataclass(frozen=True)
class VolumePlan:
    """The week's running volume and the shape it takes."""

    target_km: float
    baseline_km: float | None
    cap_km: float
    phase: str  # start | return | build | maintain
    easier_week: bool
    basis: str  # in words: what the cap rests on
    long_km: float  # the long run's length before any day's own cap
    quality: int  # quality sessions allowed this week
    strides: bool  # strides in an easy run instead of a workout
    block_week: int  # weeks since the training block began (0 = its first week)
    new_runner: bool
    returning: bool
    reasons: tuple[Why, ...] = ()  # what shaped the week (warnings worth showing)


def floor_km(km: float) -> float:
    """Kilometres rounded down to 0.1, so that rounding never breaks a cap."""
    return int(km * 10 + 1e-6) / 10


def week_km(history: TrainingHistory, start: date) -> float:
    return run_km(history, start, start + timedelta(days=6))


def baseline_km(history: TrainingHistory, week_start: date) -> float | None:
    """Mean done km of the 4 completed weeks before `week_start`; None unless all four come
    after the first logged run."""
    first = history.run_dates[0] if history.run_dates else None
    if first is None or first > week_start - timedelta(days=28):
        return None
    return run_km(history, week_start - timedelta(days=28), week_start - timedelta(days=1)) / 4


def anchor_outcome(history: TrainingHistory, week_start: date, block: date | None) -> WeekOutcome:
    """The week before `week_start`, read from what was done, when its plan is not known: as
    if it had been planned as done (the same outcome a plan that was followed leaves)."""
    prev = week_start - timedelta(days=7)
    done = week_km(history, prev)
    easier = _cycle_easier(prev, block)
    build = week_km(history, prev - timedelta(days=7)) if easier else done
    return WeekOutcome(prev, done, done, easier, build, build if easier else done)


def previous_outcome(
    history: TrainingHistory, week_start: date, prev: WeekOutcome | None
) -> WeekOutcome:
    """The outcome of the week before `week_start`: `prev` when it is that week's, else read
    from what was done (`anchor_outcome`)."""
    if prev is not None and prev.week_start == week_start - timedelta(days=7):
        return prev
    return anchor_outcome(history, week_start, _block(history, week_start)[0])


def _block(history: TrainingHistory, week_start: date) -> tuple[date | None, date | None]:
    """The training block `week_start` falls in: its first run (this very week after a break)
    and the last run before it (None for a first block)."""
    last_run = history.last_run_before(week_start)
    if last_run is not None and (week_start - last_run).days > BREAK_DAYS:
        return week_start, last_run
    return history.block_start(week_start)


def _block_week(week_start: date, block: date | None) -> int:
    if block is None:
        return 0
    block_monday = block - timedelta(days=block.weekday())
    monday = week_start - timedelta(days=week_start.weekday())
    return max(0, (monday - block_monday).days // 7)


def _cycle_easier(week_start: date, block: date | None) -> bool:
    k = _block_week(week_start, block)
    return block is not None and k % EASIER_EVERY == EASIER_EVERY - 1


def decide_volume(
    history: TrainingHistory,
    week_start: date,
    target_km: float,
    runs_per_week: int,
    prev: WeekOutcome | None,
    units: str = "km",
) -> VolumePlan:
    """The running volume of the week from `week_start`, given the history before it (done
    sessions, and the weeks before as planned) and the previous week's outcome."""

    def dist(km: float) -> str:
        return distance(km, units, ".1f")

    reasons: list[Why] = []
    last_run = history.last_run_before(week_start)
    broke = last_run is not None and (week_start - last_run).days > BREAK_DAYS
    block, before_break = _block(history, week_start)
    new_runner_block = block is None or before_break is None
    k = _block_week(week_start, block)
    prev = previous_outcome(history, week_start, prev)
    baseline = baseline_km(history, week_start)
    # The base is what last week's plan set out to hold (its cap), not what safety let it
    # place: a week the leg days cut short never shrinks the next one.
    base = prev.build_km if prev.easier else prev.cap_km
    compliant = prev.planned_km <= 0 or prev.done_km >= COMPLIANT * prev.planned_km
    easier = False
    phase = "build"

    if block is None:
        # Nothing run yet: 60 % of the target, then building weeks.
        cap = target_km * NEW_RUNNER_START
        phase, basis = "start", f"a first week at 60 % of your {dist(target_km)} target"
    elif broke or (before_break is not None and k < 12 and _below_pre_break(history, block, prev)):
        pre = _pre_break_baseline(history, before_break)
        if broke:
            cap = pre * RETURN_START
            weeks_off = (week_start - last_run).days // 7 if last_run else 0
            basis = (
                f"back after {weeks_off} week{'s' if weeks_off != 1 else ''} without a run: "
                f"55 % of your {dist(pre)} a week before the break"
            )
        else:
            cap = min(pre, base * RETURN_STEP) if compliant else prev.done_km * RETURN_STEP
            basis = f"climbing back 12.5 % a week towards your {dist(pre)} before the break"
        phase = "return"
        reasons.append(Why(RuleId.SPIKE, f"Graded return: {basis}."))
    else:
        if compliant:
            cap = base * BUILD_STEP
            basis = f"10 % on last week's plan of {dist(base)}"
        else:
            hold = baseline if baseline is not None else prev.done_km
            cap = max(hold, prev.done_km) * BUILD_STEP
            basis = (
                f"last week {dist(prev.done_km)} of {dist(prev.planned_km)} planned was done, "
                f"so this week holds at {'the 4-week baseline' if baseline else 'that'} + 10 %"
            )
        if baseline is not None and cap > baseline * ACWR_MAX:
            cap = baseline * ACWR_MAX
            basis = f"at most 1.3 x your 4-week baseline of {dist(baseline)}"
        if k < NEW_RUNNER_WEEKS and new_runner_block:
            phase = "start"
        spike = _spike(history, prev.week_start, units) if not new_runner_block or k >= 4 else None
        if spike is not None:
            text, reference = spike
            cap = min(cap, reference)
            easier = True
            basis = f"an easier week after a spike: {text}"
            reasons.append(Why(RuleId.EASY_WEEK, f"An easier week, at most {dist(cap)}: {text}."))
    if cap >= target_km:
        cap = target_km
        if phase == "build":
            phase = "maintain"
            basis = f"your weekly target of {dist(target_km)}"
    if not easier and _cycle_easier(week_start, block) and phase not in ("return",):
        easier = True
        cap = min(cap, EASIER_SHARE * base) if base > 0 else cap * EASIER_SHARE
        basis = "every 4th week is easier: 25 % less running, lighter leg days"
        reasons.append(
            Why(
                RuleId.EASY_WEEK,
                f"An easier week: {dist(cap)}, 25 % below your building weeks, so that the "
                "last three weeks' work sinks in.",
            )
        )
    cap = floor_km(max(cap, 0.0))

    # The long run: its own progression from the longest run of the last 4 weeks.
    hold = longest_run_km(history, week_start - timedelta(days=28), week_start - timedelta(days=1))
    longest30 = longest_run_km(
        history, week_start - timedelta(days=30), week_start - timedelta(days=1)
    )
    single_cap = SINGLE_RUN_CAP * (longest30 if longest30 > 0 else NEW_RUNNER_LONGEST_KM)
    share = long_share(runs_per_week) * cap
    if phase in ("start", "return") or hold <= 0:
        long_km = min(share, single_cap, hold * LONG_STEP if hold > 0 else share)
    else:
        # Within its share of the week, but an established long run is never cut to fit it.
        # (up to half the week: a marathoner's 21 km in a 50 km week stays 21 km).
        long_km = min(hold * LONG_STEP, single_cap, max(share, min(hold, 0.5 * cap)))
    if easier:
        long_km = min(long_km, (hold or long_km) * EASIER_LONG)
    long_km = floor_km(min(long_km, cap))

    returning = phase == "return" or (before_break is not None and k < RETURN_EASY_WEEKS)
    new_runner = new_runner_block and k < NEW_RUNNER_WEEKS
    if new_runner or (before_break is not None and k < RETURN_EASY_WEEKS):
        quality, strides = 0, True
    else:
        quality, strides = (1 if runs_per_week <= 3 else 2), False
    return VolumePlan(
        target_km=target_km,
        baseline_km=None if baseline is None else round(baseline, 3),
        cap_km=cap,
        phase=phase,
        easier_week=easier,
        basis=basis,
        long_km=long_km,
        quality=quality,
        strides=strides,
        block_week=k,
        new_runner=new_runner,
        returning=returning,
        reasons=tuple(reasons),
    )


def _established_long(history: TrainingHistory, week_start: date) -> float:
    """The second longest of the last 4 weeks' longest runs: a long run done more than once."""
    weekly = sorted(
        (
            longest_run_km(
                history, week_start - timedelta(days=7 * n), week_start - timedelta(days=7 * n - 6)
            )
            for n in range(1, 5)
        ),
        reverse=True,
    )
    return weekly[1]


def _pre_break_baseline(history: TrainingHistory, last_run: date | None) -> float:
    """Mean weekly km of the 4 weeks that ended with the last run before the break."""
    if last_run is None:
        return 0.0
    return run_km(history, last_run - timedelta(days=27), last_run) / 4


def _below_pre_break(history: TrainingHistory, block: date, prev: WeekOutcome) -> bool:
    before = history.last_run_before(block)
    return prev.planned_km < _pre_break_baseline(history, before) * 0.98


def _spike(history: TrainingHistory, week: date, units: str) -> tuple[str, float] | None:
    """The week from `week` as a spike (done km >= 1.5 x the 4-week baseline before it, or one
    run > 130 % of the 30-day longest before it): the words, and the volume to ease back to."""
    before = baseline_km(history, week)
    done = week_km(history, week)
    if before is not None and before > 0 and done >= SPIKE_WEEK * before:
        return (
            f"last week's {distance(done, units, '.1f')} was {done / before:.1f} x your "
            f"4-week baseline of {distance(before, units, '.1f')}",
            before,
        )
    for session in history.between(week, week + timedelta(days=6)):
        if not isinstance(session, Run):
            continue
        km = session.km
        longest = longest_run_km(
            history, session.date - timedelta(days=30), session.date - timedelta(days=1)
        )
        if longest > 0 and km > SPIKE_RUN * longest:
            return (
                f"last week's {distance(km, units, '.1f')} run was {km / longest:.1f} x your "
                f"longest in the 30 days before it",
                max(before or 0.0, done * 0.8),
            )
    return None

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

from datetime import date, timedelta

from msgspec import Struct
from msgspec.structs import replace

from legrun.planner.load import BREAK_DAYS, TrainingHistory, longest_run_km, run_km
from legrun.planner.models import Run
from legrun.planner.plan import Why
from legrun.planner.rules import RuleId
from legrun.planner.season import GoalWeek
from legrun.planner.units import distance

BUILD_STEP = 1.10  # a building week: +10 % on last week's plan
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


class VolumePlan(Struct, frozen=True):
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
    reasons: tuple[Why, ...] = ()  # what shaped the week and is worth a warning (a spike, a return)
    long_run: bool = True  # race and recovery weeks have none


def floor_km(km: float) -> float:
    """Kilometres rounded down to 0.1, so that rounding never breaks a cap."""
    return int(km * 10 + 1e-6) / 10


def week_km(history: TrainingHistory, start: date) -> float:
    return run_km(history, start, start + timedelta(days=6))


def baseline_km(history: TrainingHistory, week_start: date) -> float | None:
    """Mean done km of the 4 completed weeks before `week_start`; None unless the first run of
    the current training block falls in the first of them or earlier (weeks before the first
    logged run, or before a break of two weeks, do not count)."""
    first, _ = history.block_start(week_start)
    if first is None or first > week_start - timedelta(days=22):
        return None
    return run_km(history, week_start - timedelta(days=28), week_start - timedelta(days=1)) / 4


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


def _robust_baseline(history: TrainingHistory, week_start: date) -> float | None:
    """The lower of the mean and the median of the last 4 weeks' done km (None before 4)."""
    mean = baseline_km(history, week_start)
    if mean is None:
        return None
    weeks = sorted(week_km(history, week_start - timedelta(days=7 * n)) for n in range(1, 5))
    return min(mean, (weeks[1] + weeks[2]) / 2)


def _building_cap(history: TrainingHistory, week_start: date, target_km: float) -> float:
    """The volume the week from `week_start` holds as a building week: +10 % on the week
    before it, at least the baseline + 10 %, at most 1.3 x the baseline and the target."""
    baseline = baseline_km(history, week_start)
    done = week_km(history, week_start - timedelta(days=7))
    cap = max(done, _robust_baseline(history, week_start) or 0.0) * BUILD_STEP
    if baseline is not None:
        cap = min(cap, baseline * ACWR_MAX)
    return min(cap, target_km)


def was_easier(history: TrainingHistory, week_start: date) -> bool:
    """Whether the week from `week_start` was an easier week: the 4th of its block, or the
    week after a spike. Read from the history before it, like every volume decision."""
    block, before_break = _block(history, week_start)
    if before_break is not None and _block_week(week_start, block) < 12:
        pre = _pre_break_baseline(history, history.last_run_before(block) if block else None)
        if week_km(history, week_start - timedelta(days=7)) < 0.98 * pre:
            return False  # a graded return has no easier weeks
    if _cycle_easier(week_start, block):
        return True
    new_block = block is None or before_break is None
    k = _block_week(week_start, block)
    return (not new_block or k >= 4) and _spike(
        history, week_start - timedelta(days=7), "km"
    ) is not None


def decide_volume(
    history: TrainingHistory,
    week_start: date,
    target_km: float,
    runs_per_week: int,
    units: str = "km",
) -> VolumePlan:
    """The running volume of the week from `week_start`, from the history before it (what was
    done; for a week ahead, the weeks before it as planned). Nothing else: so a week planned
    ahead is the week that comes when the plan is followed (R-STABLE)."""

    def dist(km: float) -> str:
        return distance(km, units, ".1f")

    reasons: list[Why] = []
    last_run = history.last_run_before(week_start)
    broke = last_run is not None and (week_start - last_run).days > BREAK_DAYS
    block, before_break = _block(history, week_start)
    if before_break is not None and _pre_break_baseline(history, before_break) < (
        NEW_RUNNER_START * target_km
    ):
        # Back from a break after too little running to return to: start as a new runner.
        if broke:
            block = None  # the first week: 60 % of the target
        before_break = None
        broke = False
    new_runner_block = block is None or before_break is None
    k = _block_week(week_start, block)
    baseline = baseline_km(history, week_start)
    last_week = week_start - timedelta(days=7)
    done = week_km(history, last_week)
    # Last week's volume, the base of this one; after the 4th-week easier week, the building
    # week before it (an easier week is a pause in the build, not a new level). After a spike,
    # the eased week it is: the spike is not a level to build on.
    base = done
    two_back = last_week - timedelta(days=7)
    if was_easier(history, last_week) and _spike(history, two_back, units) is None:
        base = week_km(history, two_back)
    # The no-ratchet floor: the 4-week baseline, read as the lower of its mean and median so
    # that one spike week does not raise it.
    floor = _robust_baseline(history, week_start)
    easier = False
    phase = "build"

    if block is None:
        # Nothing run yet: 60 % of the target, then building weeks.
        cap = target_km * NEW_RUNNER_START
        phase, basis = "start", f"a first week at 60 % of your {dist(target_km)} target"
    elif broke or (
        before_break is not None
        and k < 12
        and base < 0.98 * _pre_break_baseline(history, history.last_run_before(block))
    ):
        pre = _pre_break_baseline(history, before_break)
        if broke:
            cap = pre * RETURN_START
            weeks_off = (week_start - last_run).days // 7 if last_run else 0
            basis = (
                f"back after {weeks_off} week{'s' if weeks_off != 1 else ''} without a run: "
                f"55 % of your {dist(pre)} a week before the break"
            )
        else:
            cap = min(pre, base * RETURN_STEP)
            basis = f"climbing back 12.5 % a week towards your {dist(pre)} before the break"
        phase = "return"
        reasons.append(Why(RuleId.SPIKE, f"Graded return: {basis}."))
    else:
        # +10 % on last week (a week done as planned is its plan), and never below the 4-week
        # baseline + 10 %: a missed session holds the build, it never cuts the weeks after it.
        if floor is not None and baseline is not None and floor > base:
            cap = floor * BUILD_STEP
            basis = (
                f"last week's {dist(done)} was below your 4-week baseline of {dist(baseline)}: "
                "this week holds at the baseline + 10 %"
            )
        else:
            cap = base * BUILD_STEP
            basis = f"10 % on last week's {dist(base)}"
        if baseline is not None and cap > baseline * ACWR_MAX:
            cap = baseline * ACWR_MAX
            basis = f"at most 1.3 x your 4-week baseline of {dist(baseline)}"
        if k < NEW_RUNNER_WEEKS and new_runner_block:
            phase = "start"
        spike = _spike(history, last_week, units) if not new_runner_block or k >= 4 else None
        if spike is not None:
            text, reference = spike
            # At most the baseline (spike week included), and never more than a building
            # week from before the spike would have been.
            cap = min(cap, reference, baseline if baseline is not None else reference)
            easier = True
            basis = f"an easier week after a spike: {text}"
            reasons.append(Why(RuleId.EASY_WEEK, f"An easier week, at most {dist(cap)}: {text}."))
    if cap >= target_km:
        cap = target_km
        basis = f"your weekly target of {dist(target_km)}"
        if phase == "build":
            phase = "maintain"
    if not easier and _cycle_easier(week_start, block) and phase not in ("return",):
        easier = True
        # 25 % below what last week could hold (its volume as a building week).
        last_cap = _building_cap(history, last_week, target_km)
        cap = min(cap, EASIER_SHARE * last_cap) if last_cap > 0 else cap * EASIER_SHARE
        basis = "every 4th week is easier: 25 % less running, lighter leg days"
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
        # Within its share of the week, but an established long run (one run at least twice
        # in 4 weeks) is never cut to fit it, up to half the week: a marathoner's 21 km in a
        # 50 km week stays 21 km; a one-off 30 km outing is not a habit.
        established = _established_long(history, week_start)
        long_km = min(hold * LONG_STEP, single_cap, max(share, min(established, 0.5 * cap)))
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
                # Back to the baseline before it (half of the week without one).
                before if before else 0.5 * done,
            )
    return None


def apply_goal(
    volume: VolumePlan,
    week: GoalWeek,
    history: TrainingHistory,
    week_start: date,
    race_km: float,
    units: str = "km",
) -> VolumePlan:
    """The week's volume on the way to a goal race (R-GOAL, R-TAPER): base weeks build easy
    with strides, build weeks as usual, the peak without an easier week, and the taper, race
    and recovery weeks at a share of the recent peak week (volume -40 to -60 %, intensity
    kept). The long run grows no further than the distance's peak."""

    def dist(km: float) -> str:
        return distance(km, units, ".1f")

    cap, long_km, long_run = volume.cap_km, volume.long_km, volume.long_run
    reasons = volume.reasons
    easier, quality, strides, basis = (
        volume.easier_week,
        volume.quality,
        volume.strides,
        volume.basis,
    )
    _, peak_high = week.long_peak_km
    if week.phase == "base":
        quality, strides = 0, True
    elif week.phase == "peak" and easier:
        easier = False  # the peak weeks are the hardest: the easier week came before them
        cap = _building_cap(history, week_start, volume.target_km)
        basis = "a peak week: the most running of the season before the taper"
    elif week.volume_share is not None:
        level = max(week_km(history, week_start - timedelta(days=7 * n)) for n in range(1, 5))
        longest = longest_run_km(
            history, week_start - timedelta(days=28), week_start - timedelta(days=1)
        )
        cap = week.volume_share * level
        easier = False
        if week.phase == "taper":
            long_km = min(long_km, 0.6 * longest if longest else long_km)
            cut = round(100 * (1 - week.volume_share))
            basis = f"the taper: {cut} % less than your peak week of {dist(level)}"
        elif week.phase == "race":
            long_km, quality, strides, long_run = 0.0, 0, True, False
            basis = f"race week: short easy runs around the race, {dist(cap)} besides it"
            cap += race_km
        else:
            long_km, quality, strides, long_run = 0.0, 0, False, False
            basis = "recovery after the race: easy running only"
            # The race was the week's long effort, not a spike to ease off.
            reasons = tuple(r for r in reasons if r.rule != RuleId.EASY_WEEK)
    if week.phase not in ("race",):
        long_km = min(long_km, peak_high)
    return replace(
        volume,
        cap_km=floor_km(cap),
        phase=week.phase,
        easier_week=easier,
        basis=basis,
        long_km=floor_km(min(long_km, cap)),
        quality=quality,
        strides=strides,
        long_run=long_run,
        reasons=reasons,
    )

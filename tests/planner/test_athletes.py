"""Simulated athletes live 16 weeks of plans, day by day, doing exactly what each morning's plan
says (`tests/planner/athletes.py`), and a coach looks at the weeks they lived.

The expected numbers are COACHING.md's ("Across weeks" to "A plan is a promise"), written here
from the rules, not read from the planner:
- building: +10 % a week, never above 1.3 x the 4-week baseline nor above the target; a new
  runner starts at 60 % of the target; a runner back from a break at 50-60 % of the pre-break
  baseline, +10-15 % a week;
- an easier week every 4th week (3:1), 20-30 % less running, the long run held below its
  peak, leg days lighter (RPE <= 6); after a spike (a week of >= 1.5 x the baseline, or one run
  of > 130 % of the 30-day longest) an easier week at <= the baseline that says why;
- no ratchet: a compliant athlete's volume falls only in easier weeks; a missed session never
  cuts the next weeks below the baseline;
- the long run within 35 % of the week with 4+ runs, 40 % with 3, 55 % with 2 (an established
  long run is kept);
- quality runs are workouts (>= 10 min warm-up and cool-down, a main set), at most 1 a week
  with 3 runs or fewer, 2 with 4+, none in a new runner's first 3 weeks or the first 2 back
  (strides instead); R-SPLIT suggests a change when the leg days leave no day for one;
- R-STABLE: doing what was planned changes no promised item, this week or next.

Athletes whose plan is wrong where a check looks are marked `xfail(strict=True)` on that check
alone, with what was expected and what the plan did.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest

from legrun.planner.models import AnySession, LegDay, Run, heaviness
from legrun.planner.plan import RUN_PLAN_KINDS as RUN_KINDS
from tests.planner.athletes import (
    ATHLETES,
    BY_NAME,
    WEEK,
    Athlete,
    Life,
    WeekRecord,
    live,
    planned_items,
    whys_of,
)

KM = 0.05  # rounding: the planner floors km to 0.1
BUILD_STEP = 1.10  # +10 % a week
ACWR_MAX = 1.30  # never above 1.3 x the 4-week baseline
EASIER_BAND = (0.70, 0.80)  # an easier week: 20-30 % below the week before it
EASIER_EVERY = (3, 5)  # an easier week every 3-5 weeks (3 building : 1 easier)
LEG_LIGHT_RPE = 6
NEW_RUNNER_START = (0.60, 0.60)  # of the target
RETURN_START = (0.50, 0.60)  # of the pre-break baseline
RETURN_STEP = (1.10, 1.15)
NEW_RUNNER_EASY_WEEKS = 3
RETURN_EASY_WEEKS = 2
TARGET_REACHED = 0.90  # "reaches at least ~90 % of the target by week 12"
SINGLE_RUN_CAP = 1.10  # no run over 110 % of the 30-day longest
FORBIDDEN = ("after a week without runs", "until you have logged longer runs")
PLACEMENT_RULES = {"R-CROSS", "R-AFTER-LEG", "R-SAME-DAY", "R-48H", "R-LONG", "R-SPLIT"}
RATIO = re.compile(r"\d+(\.\d+)?\s*x\b")


def long_share_limit(runs_per_week: int) -> float:
    return {2: 0.55, 3: 0.40}.get(runs_per_week, 0.35)


def quality_limit(runs_per_week: int) -> int:
    return 1 if runs_per_week <= 3 else 2


def target_km(athlete: Athlete) -> float:
    """The weekly target in km: the profile's km, or its minutes at the history's easy pace
    (every history run here is at 6.0 min/km)."""
    minutes = athlete.profile.weekly_minutes
    return minutes / 6.0 if minutes else athlete.profile.weekly_km


def history_week_before(life: Life) -> float:
    """The done km of the last week before the simulation."""
    return life.done_km_of_week(life.athlete.first_day - WEEK)


def cycle_easier(life: Life) -> list[WeekRecord]:
    """The easier weeks of the 3:1 cycle (not the one a spike called for)."""
    return [w for w in life.weeks if w.easier and w.number != life.athlete.spike_week]


def week_before(life: Life, record: WeekRecord) -> tuple[float, float, float]:
    """The week before `record`: its planned km, cap and long run (the last history week's done
    km and longest run for week 1)."""
    if record.number == 1:
        start = life.athlete.first_day - WEEK
        done = life.done_km_of_week(start)
        return done, done, life.longest_run_of_week(start)
    prev = life.week(record.number - 1)
    return prev.planned_km, prev.cap_km, prev.long_km


def established_long_km(life: Life, record: WeekRecord) -> float:
    """The long run the athlete has run week after week, so the plan keeps it: the longest run
    of the last 4 weeks when another of those weeks came within 10 % of it, else the second
    longest (a one-off long run establishes nothing)."""
    weekly = sorted(
        (life.longest_run_of_week(record.start - n * WEEK) for n in range(1, 5)), reverse=True
    )
    return weekly[0] if weekly[1] >= 0.9 * weekly[0] else weekly[1]


def table(life: Life) -> str:
    return "\n" + life.table()


def xfail(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=reason)


def athletes(
    which: Callable[[Athlete], bool] | None = None,
    marks: dict[str, pytest.MarkDecorator] | None = None,
) -> list[Any]:
    """The athletes a check applies to, as pytest params; `marks` by athlete name."""
    chosen = [a for a in ATHLETES if which is None or which(a)]
    assert chosen, "no athlete for this check"
    return [pytest.param(a, id=a.name, marks=(marks or {}).get(a.name, ())) for a in chosen]


# -- known planner failures ----------------------------------------

SIX_RUNS_RATCHET = xfail(
    "six runs, legs Mon/Wed/Fri: the leg days let only 24.7 of 55 km be placed, and the "
    "1.3 x baseline cap then falls with that done volume (48.5 -> 40.3 -> 32.1 km in building "
    "weeks 3-5); in week 9 the planned km fall 24.7 -> 22.6 although nothing was missed: the "
    "easy pace read from history slows as the planned recovery runs (at 1.08 x easy pace) "
    "fill it, and the 40/75-min run caps then hold fewer km (20.7 km by week 16)"
)
SPIKE_AFTERMATH = xfail(
    "spike athlete, everything done: building week 2 (18.1 km) falls below the easier week 1 "
    "before it (19.9 km), and building weeks 4-6 fall 25.8 -> 24.2 -> 23.9 km: the 45 km "
    "spike week keeps shaping the volume of the weeks after it"
)
MISSED_ECHO = xfail(
    "missed long run in week 3: week 7 (a building week after the week-6 easier week) is "
    "planned at 34.3 km although weeks 4-5 built 36.2 -> 39.8 km and the target is 40: each "
    "week's volume is re-derived from the 3 weeks before it, starting from week 3's done km "
    "(25.9) as if it had been that week's plan, so the miss comes back four weeks later"
)
SIX_RUNS_NO_EASIER_RUNNING = xfail(
    "six runs, legs Mon/Wed/Fri: the easier weeks (2, 6, 10) lower the cap, but only 3 runs "
    "of 24.7 km fit anyway, so the athlete runs 23.8 km after 24.7 (-4 %), 22.6 after 22.6: "
    "the easier week is not easier"
)
SIX_RUNS_NO_SPLIT = xfail(
    "six runs, legs Mon/Wed/Fri: the plan warns R-SPLIT (no day for a workout) every week but "
    "suggests nothing: split.py only tries moving one leg day by 1-2 days, while the smallest "
    "change here is two (or one leg day lighter, which lifts R-48H)"
)
SPIKE_LONG_SHARE = xfail(
    "spike athlete (one 30 km run on a 15 km base): the one-off 30 km counts as an established "
    "long run, so the long run is held at half the week (9.9 of 19.9 km in week 1, 50 % all "
    "season) instead of <= 40 % with 3 runs"
)
SPIKE_NOT_EASIER = xfail(
    "spike athlete (15, 15, 15, 15 km, then 45 km with a 30 km run): the easier week after the "
    "spike is planned at 19.9 km, more than the 16.5 km a normal building week from 15 km would "
    "hold: the week spike (45 >= 1.5 x 15) is not seen because the baseline before the spike "
    "week counts only when the first run falls on that window's first day (it was a Tuesday), "
    "and the single-run spike eases only to 80 % of the spike week's 45 km"
)
FIRST_WEEK_PHANTOM_GROWTH = xfail(
    "week 1 grows on three plans nobody saw: engine.plan_weeks derives each week's volume "
    "from the 3 weeks before it (ANCHOR_WEEKS), planned from the done km of the week before "
    "them, each +10 % while the athlete ran the same; so after 15 km weeks week 1 is capped at "
    "19.5 km (+30 %, 1.3 x baseline), after 14 km weeks at 16 km (+14 %), after 36 km at 40 "
    "(+11 %), instead of +10 % on the last week done"
)
SPIKE_CHAIN = xfail(
    "spike athlete: week 4 is planned at 25.8 km after building week 2's 18.1 km and easier "
    "week 3's 13.5 km (+42 % on the last building week, +91 % week on week): the 45 km spike "
    "week enters the volume chain as if it had been a planned building week"
)
SIX_RUNS_SLOWER = xfail(
    "six runs, legs Mon/Wed/Fri: the easy run's pace drifts 6.0 -> 6.58 (week 9) -> 7.14 "
    "min/km (week 16) although every run was done as planned: load.easy_pace is the median of "
    "the last 60 days' easy, recovery and long runs, two of this athlete's three runs are "
    "recovery runs planned at 1.08 x the easy pace, so each generation of them slows the next"
)
RETURN_CHAIN = xfail(
    "back after six weeks: the climb back slows to +8.7 % in week 6 (26.3 -> 28.6 km cap) "
    "instead of 10-15 %: the single-run cap lets the runs hold only 23.7 of week 5's 26.3 km, "
    "and each week's volume is re-derived from the done km 4 weeks back (18.0 +12.5 % x 4 = "
    "28.6), not from the previous week's plan"
)


# -- volume ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("athlete", athletes(lambda a: not a.target_exempt))
def test_volume_builds_to_90_percent_of_the_target_by_week_12(athlete: Athlete) -> None:
    life = live(athlete)
    target = target_km(athlete)
    best = max(w.planned_km for w in life.weeks[:12])
    assert best >= TARGET_REACHED * target, table(life)


@pytest.mark.parametrize("athlete", athletes(lambda a: bool(a.target_exempt)))
def test_athlete_whose_leg_days_block_the_target_is_told_why(athlete: Athlete) -> None:
    """Six runs and legs Mon/Wed/Fri: only Tue, Thu, Sat and Sun are free, one is the rest day,
    and every one is the day after a leg day (recovery runs, no long run): the target cannot be
    placed. Each week that falls short must say so, naming the leg days."""
    life = live(athlete)
    target = target_km(athlete)
    short = [w for w in life.weeks if w.planned_km < TARGET_REACHED * target]
    assert short, f"{athlete.target_exempt}, yet the target was placed:{table(life)}"
    for w in short:
        said = [
            x
            for x in (*w.warnings, *w.suggestions)
            if x.rule in PLACEMENT_RULES and "leg day" in x.text
        ]
        assert said, f"week {w.number} holds {w.planned_km} km of {target} without a word"


@pytest.mark.parametrize("athlete", athletes())
def test_plan_never_holds_more_than_the_cap_nor_the_cap_more_than_the_target(
    athlete: Athlete,
) -> None:
    life = live(athlete)
    for w in life.weeks:
        assert w.planned_km <= w.cap_km + KM, (w.number, table(life))
        assert w.cap_km <= 1.01 * target_km(athlete) + KM, (w.number, table(life))


@pytest.mark.parametrize(
    "athlete",
    athletes(
        lambda a: a.compliant,
        {"six-runs-mon-wed-fri-legs": SIX_RUNS_RATCHET},
    ),
)
def test_compliant_athlete_volume_never_falls_outside_easier_weeks(athlete: Athlete) -> None:
    """Week on week, and along the building weeks (an easier week is a dip the building comes
    back from, not a new base): neither the cap nor the km planned falls in a week that is
    not an easier week."""
    life = live(athlete)
    building: WeekRecord | None = None
    for w in life.weeks:
        if w.number > 1 and not w.easier:
            prev = life.week(w.number - 1)
            assert w.cap_km >= prev.cap_km - KM, (w.number, table(life))
            assert w.planned_km >= prev.planned_km - 0.3, (w.number, table(life))
        if w.easier:
            continue
        if building is not None:
            assert w.cap_km >= min(building.cap_km, target_km(athlete)) - KM, (
                f"week {w.number} below building week {building.number}",
                table(life),
            )
        building = w


@pytest.mark.parametrize(
    "athlete",
    athletes(
        lambda a: a.compliant,
        {},
    ),
)
def test_building_week_grows_at_most_10_percent_and_1_3_x_baseline(athlete: Athlete) -> None:
    """A building week: +10 % on the previous building week (the last week before the start
    counts as planned as it was done), never above 1.3 x the 4-week baseline."""
    life = live(athlete)
    previous = history_week_before(life)
    for w in life.weeks:
        if w.easier:
            continue
        if w.phase != "return" and previous > 0:
            assert w.cap_km <= BUILD_STEP * previous + 0.15, (w.number, previous, table(life))
        baseline = life.baseline_km(w.start)
        if baseline is not None and w.phase != "return":
            assert w.cap_km <= ACWR_MAX * baseline + KM, (w.number, baseline, table(life))
        previous = w.cap_km


def test_new_runner_starts_at_60_percent_of_the_target() -> None:
    for athlete in (a for a in ATHLETES if a.new_runner):
        life = live(athlete)
        low, high = NEW_RUNNER_START
        target = target_km(athlete)
        assert low * target - KM <= life.week(1).cap_km <= high * target + KM, table(life)
        assert life.week(1).phase == "start"


@pytest.mark.xfail(strict=True, reason=RETURN_CHAIN.kwargs["reason"])
def test_runner_back_from_a_break_restarts_at_half_and_climbs_10_to_15_percent() -> None:
    athlete = BY_NAME["back-after-six-weeks"]
    life = live(athlete)
    pre_break = 30.0  # 8 + 10 + 12 km a week before the six weeks off
    low, high = RETURN_START
    first = life.week(1)
    assert first.phase == "return"
    assert low * pre_break - KM <= first.cap_km <= high * pre_break + KM, table(life)
    for w in life.weeks[1:]:
        prev = life.week(w.number - 1)
        if prev.cap_km >= pre_break - KM:
            break
        step_low, step_high = RETURN_STEP
        assert min(pre_break, step_low * prev.cap_km) - 0.15 <= w.cap_km, (w.number, table(life))
        assert w.cap_km <= step_high * prev.cap_km + 0.15, (w.number, table(life))
    else:
        pytest.fail(f"never back at the pre-break {pre_break} km:{table(life)}")


@pytest.mark.parametrize(
    "athlete",
    athletes(lambda a: bool(a.skip)),
)
def test_missed_session_never_cuts_volume_below_the_baseline(athlete: Athlete) -> None:
    """After the miss: every week but an easier one holds at least the 4-week baseline of
    done km (the week right after it holds at the baseline + 10 %), and from the week after
    that the building weeks never fall again."""
    life = live(athlete)
    missed_week = min(week for _, week in athlete.skip)
    target = target_km(athlete)
    after = life.week(missed_week + 1)
    baseline = life.baseline_km(after.start)
    assert baseline is not None
    assert after.cap_km >= min(target, BUILD_STEP * baseline) - 0.15, (baseline, table(life))
    building = after
    for w in life.weeks[missed_week:]:
        if w.easier:
            continue
        baseline = life.baseline_km(w.start)
        assert baseline is not None
        assert w.cap_km >= min(target, baseline) - KM, (w.number, baseline, table(life))
        assert w.cap_km >= min(target, building.cap_km) - KM, (
            f"week {w.number} below building week {building.number}",
            table(life),
        )
        building = w


# -- easier weeks ---------------------------------------------------------------------------------


@pytest.mark.parametrize("athlete", athletes())
def test_easier_week_every_3_to_5_weeks(athlete: Athlete) -> None:
    """No more than 4 building weeks in a row (a graded return is not a building block), and
    cycle easier weeks 3-5 weeks apart."""
    life = live(athlete)
    run = 0
    for w in life.weeks:
        run = 0 if w.easier or w.phase == "return" else run + 1
        assert run <= EASIER_EVERY[1] - 1, (w.number, table(life))
    numbers = [w.number for w in cycle_easier(life)]
    for a, b in zip(numbers, numbers[1:], strict=False):
        assert EASIER_EVERY[0] <= b - a <= EASIER_EVERY[1], (numbers, table(life))


@pytest.mark.parametrize("athlete", athletes())
def test_easier_week_cap_is_20_to_30_percent_below_the_week_before(athlete: Athlete) -> None:
    life = live(athlete)
    assert cycle_easier(life), f"no easier week in {len(life.weeks)} weeks:{table(life)}"
    for w in cycle_easier(life):
        _, cap_before, _ = week_before(life, w)
        low, high = EASIER_BAND
        assert low * cap_before - 0.15 <= w.cap_km <= high * cap_before + 0.15, (
            w.number,
            cap_before,
            table(life),
        )


@pytest.mark.parametrize(
    "athlete",
    athletes(
        marks={
            "six-runs-mon-wed-fri-legs": SIX_RUNS_NO_EASIER_RUNNING,
        }
    ),
)
def test_easier_week_runs_20_to_30_percent_less_than_the_week_before(athlete: Athlete) -> None:
    life = live(athlete)
    for w in cycle_easier(life):
        before, _, _ = week_before(life, w)
        low, high = EASIER_BAND
        assert low * before - 0.3 <= w.planned_km <= high * before + 0.3, (
            w.number,
            before,
            table(life),
        )


@pytest.mark.parametrize("athlete", athletes())
def test_easier_week_holds_the_long_run_below_the_last_and_lightens_leg_days(
    athlete: Athlete,
) -> None:
    life = live(athlete)
    for w in (w for w in life.weeks if w.easier):
        _, _, long_before = week_before(life, w)
        if w.long_km and long_before:
            assert w.long_km < long_before, (w.number, long_before, table(life))
        for leg in w.leg_days:
            assert leg.rpe is not None and leg.rpe <= LEG_LIGHT_RPE, (w.number, leg)
            assert "R-LEG-LIGHT" in {y.rule for y in leg.why}, (w.number, leg.why)
    for w in (w for w in life.weeks if not w.easier):
        for leg in w.leg_days:  # the lighter leg day belongs to the easier week
            assert leg.rpe is None or leg.rpe > LEG_LIGHT_RPE, (w.number, leg)


def test_spike_is_followed_by_an_easier_week_at_the_baseline_that_says_why() -> None:
    """30 km on a 15 km base: last week's 45 km is >= 1.5 x any baseline, and the 30 km run is
    6 x the 30-day longest. The next week is an easier week at <= the 4-week baseline, and
    its words name the spike with its ratio."""
    athlete = BY_NAME["spike-30-on-15"]
    life = live(athlete)
    w = life.week(athlete.spike_week)
    baseline = life.baseline_km(w.start)
    assert baseline is not None
    assert history_week_before(life) >= 1.5 * baseline  # the premise: it was a spike
    assert w.easier, table(life)
    assert w.cap_km <= baseline + KM, (baseline, table(life))
    texts = [x.text for x in whys_of(w.monday_plan)]
    said = [t for t in texts if "spike" in t.lower() and RATIO.search(t)]
    assert said, texts


def test_easier_week_after_a_spike_is_lighter_than_a_building_week_would_be() -> None:
    athlete = BY_NAME["spike-30-on-15"]
    life = live(athlete)
    w = life.week(athlete.spike_week)
    building = BUILD_STEP * athlete.pre_spike_baseline_km  # 16.5 km: the week with no spike
    assert w.cap_km <= building + KM, table(life)


# -- the long run ---------------------------------------------------------------------------------


@pytest.mark.parametrize("athlete", athletes())
def test_long_run_share_of_the_week(athlete: Athlete) -> None:
    """<= 35 % of the week's km with 4+ runs, 40 % with 3, 55 % with 2; a long run the athlete
    has already run in two of the last four weeks is kept, not cut to fit."""
    life = live(athlete)
    limit = long_share_limit(athlete.profile.runs_per_week)
    for w in life.weeks:
        if not w.long_km:
            continue
        if w.long_km <= limit * w.planned_km + KM:
            continue
        kept = established_long_km(life, w)
        assert w.long_km <= kept + KM, (
            f"week {w.number}: long run {w.long_km} km is "
            f"{100 * w.long_km / w.planned_km:.0f} % of {w.planned_km} km (limit "
            f"{100 * limit:.0f} %), and more than the {kept} km run twice before",
            table(life),
        )


@pytest.mark.parametrize("athlete", athletes(lambda a: a.established_long_km > 0))
def test_established_long_run_is_kept_outside_easier_weeks(athlete: Athlete) -> None:
    """The marathoner's 21 km Sunday run is kept (never cut to 35 % of 55 km, 19 km)."""
    life = live(athlete)
    for w in life.weeks:
        if not w.easier:
            assert w.long_km >= athlete.established_long_km - KM, (w.number, table(life))


@pytest.mark.parametrize("athlete", athletes())
def test_no_run_longer_than_110_percent_of_the_30_day_longest(athlete: Athlete) -> None:
    life = live(athlete)
    for w in life.weeks:
        window = [
            s.km
            for s in life.history
            if isinstance(s, Run) and w.start - timedelta(days=30) <= s.date < w.start
        ]
        if not window:
            continue
        for run in w.runs:
            assert (run.km or 0) <= SINGLE_RUN_CAP * max(window) + KM, (w.number, run)


# -- quality runs ---------------------------------------------------------------------------------


def _strides(w: WeekRecord) -> list:
    return [
        i
        for i in planned_items(w.monday_plan, "easy_run", "recovery_run")
        if i.workout is not None and i.workout.type == "strides"
    ]


@pytest.mark.parametrize("athlete", athletes(lambda a: a.new_runner or a.returning))
def test_no_quality_runs_for_a_new_or_returning_runner_strides_instead(athlete: Athlete) -> None:
    """None in a new runner's first 3 weeks, none in the first 2 weeks back: strides inside an
    easy run instead."""
    life = live(athlete)
    weeks = NEW_RUNNER_EASY_WEEKS if athlete.new_runner else RETURN_EASY_WEEKS
    for w in life.weeks[:weeks]:
        for plan in w.plans:
            assert not planned_items(plan, "quality_run"), (w.number, table(life))
        assert _strides(w), f"week {w.number}: no strides in an easy run"


@pytest.mark.parametrize("athlete", athletes())
def test_quality_runs_at_most_one_with_3_runs_two_with_4_or_more(athlete: Athlete) -> None:
    life = live(athlete)
    limit = quality_limit(athlete.profile.runs_per_week)
    for w in life.weeks:
        for plan in w.plans:
            found = [i for d in plan.days for i in d.sessions if i.kind == "quality_run"]
            assert len(found) <= limit, (w.number, table(life))


@pytest.mark.parametrize("athlete", athletes())
def test_every_quality_run_is_a_workout(athlete: Athlete) -> None:
    life = live(athlete)
    found = 0
    for w in life.weeks:
        for plan in w.plans:
            for q in planned_items(plan, "quality_run"):
                found += 1
                assert q.workout is not None, q
                assert q.workout.warmup_minutes >= 10, q.workout
                assert q.workout.cooldown_minutes >= 10, q.workout
                assert q.workout.main.strip(), q.workout
                assert q.workout.type in ("tempo", "cruise", "intervals", "hills"), q.workout
    split = all("R-SPLIT" in {x.rule for x in w.warnings} for w in life.weeks[3:])
    if athlete.profile.runs_per_week >= 3 and not split:
        assert found, f"no workout in {len(life.weeks)} weeks:{table(life)}"


@pytest.mark.parametrize(
    "athlete",
    athletes(
        lambda a: a.profile.runs_per_week >= 3,
        {"six-runs-mon-wed-fri-legs": SIX_RUNS_NO_SPLIT},
    ),
)
def test_week_without_room_for_a_workout_gets_an_r_split_suggestion(athlete: Athlete) -> None:
    """Once workouts are allowed (after a new runner's 3 weeks, a returning runner's 2), a week
    with 3+ runs and no workout is one whose leg days left no day (R-SPLIT says so and
    suggests a change), or one with too few km for a workout beside the long run (an easy run
    carries strides instead, and says why)."""
    life = live(athlete)
    first = NEW_RUNNER_EASY_WEEKS if athlete.new_runner else 0
    first = RETURN_EASY_WEEKS if athlete.returning else first
    for w in life.weeks[first:]:
        if w.quality:
            continue
        strides = [
            r
            for r in w.runs
            if r.workout is not None
            and r.workout.type == "strides"
            and any(x.rule == "R-QUALITY" and "Too little running" in x.text for x in r.why)
        ]
        if strides:
            continue
        assert "R-SPLIT" in {x.rule for x in w.suggestions}, (w.number, w.warnings, table(life))


# -- R-STABLE -------------------------------------------------------------------------------------


@pytest.mark.parametrize("athlete", athletes(lambda a: a.compliant))
def test_following_the_plan_changes_no_promise(athlete: Athlete) -> None:
    """Every morning, the items still ahead are what the morning before promised; each week's
    plan (items and cap) is what it was when seen from the Monday before."""
    life = live(athlete)
    changed = [f"week {w.number}: {c}" for w in life.weeks for c in w.changed]
    assert not changed, "\n".join(changed[:20])


@pytest.mark.parametrize("athlete", athletes(lambda a: bool(a.skip)))
def test_plan_changes_only_after_the_missed_session(athlete: Athlete) -> None:
    """A miss may re-plan the rest of its week and the next week; nothing else changes."""
    life = live(athlete)
    missed_week = min(week for _, week in athlete.skip)
    for w in life.weeks:
        if w.number in (missed_week, missed_week + 1):
            continue
        assert not w.changed, (w.number, w.changed[:10])
    # Within the week after the miss, the mornings are stable again.
    after = life.week(missed_week + 1)
    assert not [c for c in after.changed if not c.startswith("next week")], after.changed
    # The miss did change the next week (else this check could never see a change), and the
    # missed item stays on its day, saying why.
    assert after.changed, table(life)
    back = life.week(missed_week).looking_back
    assert back is not None
    missed = [
        i
        for d in back.days
        for i in d.sessions
        if i.status == "skipped" and (i.kind, missed_week) in athlete.skip
    ]
    assert missed and "R-STABLE" in {y.rule for y in missed[0].why}, table(life)


def test_sore_morning_turns_the_run_into_rest_and_says_why() -> None:
    """A 7-10 check-in turns that day's run into rest plus mobility (R-SORENESS), and the next
    morning's 1/10 lets the rest of the week run again."""
    athlete = BY_NAME["sore-thursday"]
    twin = live(BY_NAME["base-15-to-30"])  # the same athlete with no check-in
    sore = athlete.checkins[0].date
    week = (sore - athlete.first_day).days // 7 + 1
    day_index = (sore - twin.week(week).start).days
    assert planned_items(twin.week(week).plans[day_index], *RUN_KINDS), "no run to turn"
    plan = live(athlete).week(week).plans[day_index]
    today = plan.day(sore)
    assert today is not None
    assert not [i for i in today.sessions if i.is_run and i.status == "planned"], today
    assert "R-SORENESS" in {y.rule for i in today.sessions for y in i.why}, today
    later = [i for i in planned_items(plan, *RUN_KINDS) if i.date > sore]
    assert later, "the rest of the week lost its runs"


# -- why ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("athlete", athletes())
def test_every_planned_session_says_why_in_current_words(athlete: Athlete) -> None:
    life = live(athlete)
    for w in life.weeks:
        for plan in (*w.plans, *([w.next_week_preview] if w.next_week_preview else [])):
            for item in planned_items(plan):
                assert item.why, (w.number, item)
            for why in whys_of(plan):
                for words in FORBIDDEN:
                    assert words not in why.text, (w.number, why)


def test_weekly_minutes_target_is_read_at_the_easy_pace() -> None:
    athlete = BY_NAME["sunday-week-same-day-hard"]
    life = live(athlete)
    for w in life.weeks:
        assert w.monday_plan.volume is not None
        assert w.monday_plan.volume.target_km == pytest.approx(target_km(athlete), rel=0.05)
        assert w.start.weekday() == 6  # the week starts on Sunday
        assert not any(i.date.weekday() == 2 for i in w.runs)  # Wednesday is unavailable


@pytest.mark.parametrize("athlete", athletes(lambda a: a.compliant))
def test_compliant_week_looks_back_all_done(athlete: Athlete) -> None:
    """The simulation did what was planned: seen the morning after, each week has nothing
    skipped, and its runs are the km its Monday promised."""
    life = live(athlete)
    for w in life.weeks:
        back = w.looking_back
        assert back is not None
        skipped = [i for d in back.days for i in d.sessions if i.status == "skipped"]
        assert not skipped, (w.number, skipped)
        assert back.totals.run_km_done == pytest.approx(w.planned_km, abs=0.15), w.number
        assert w.done_km == pytest.approx(w.planned_km, abs=0.15), w.number


@pytest.mark.parametrize("athlete", athletes())
def test_following_the_plan_never_slows_the_easy_pace(athlete: Athlete) -> None:
    """The easy and long runs are planned at the athlete's easy pace; doing them as planned
    must not make the next ones slower (recovery runs are slower by design, and only they)."""
    life = live(athlete)

    def pace(w: WeekRecord) -> float | None:
        paces = sorted(
            i.minutes / i.km
            for i in planned_items(w.monday_plan, "easy_run", "long_run")
            if i.km and i.minutes
        )
        return paces[len(paces) // 2] if paces else None

    first = pace(life.week(1))
    assert first is not None
    for w in life.weeks:
        now = pace(w)
        if now is not None:
            assert now <= 1.05 * first, (w.number, first, now)


HARD_LOGGED = ("long", "tempo", "intervals")


@pytest.mark.parametrize("athlete", athletes())
def test_what_was_done_keeps_the_hard_day_rules_across_weeks(athlete: Athlete) -> None:
    """Over the whole season as lived (week boundaries included): never two hard runs on
    consecutive days (R-HARD-EASY); no hard run the 2 days after a heavy leg day (R-48H); no
    workout the 2 days after a long run of 90 min or more (R-QUALITY); a run on a leg day only
    as an opted-in same-day workout (R-SAME-DAY); a full rest day every week (R-REST)."""
    life = live(athlete)
    start = athlete.first_day
    done = [s for s in life.history if s.date >= start]
    by_day: dict[date, list[AnySession]] = {}
    for s in done:
        by_day.setdefault(s.date, []).append(s)
    legs = {s.date for s in done if isinstance(s, LegDay)}
    heavy_legs = {s.date for s in done if isinstance(s, LegDay) and heaviness(s.rpe) == "heavy"}
    for s in done:
        if not isinstance(s, Run):
            continue
        one, two = s.date - timedelta(days=1), s.date - timedelta(days=2)
        if s.kind in HARD_LOGGED:
            before = [r for r in by_day.get(one, []) if isinstance(r, Run)]
            assert not [r for r in before if r.kind in HARD_LOGGED], (s, before)
            assert not ({one, two} & heavy_legs), (s, "after a heavy leg day")
        if s.kind in ("tempo", "intervals"):
            long_before = [
                r
                for d in (one, two)
                for r in by_day.get(d, [])
                if isinstance(r, Run) and r.kind == "long" and r.minutes >= 90
            ]
            assert not long_before, (s, long_before)
        if s.date in legs:
            assert athlete.profile.same_day_hard and s.kind in ("tempo", "intervals"), s
    for w in life.weeks:
        days = [w.start + timedelta(days=n) for n in range(7)]
        assert any(not by_day.get(d) for d in days), (w.number, "no rest day")

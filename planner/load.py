"""Training load: session RPE x minutes (Foster 2001), fitness and fatigue (Banister model with
time constants 42 and 7 days), the 7:28-day load ratio, and per-muscle recovery.

`TrainingHistory` indexes logged sessions by date once, so that planning a week with ten years
of history behind it touches only the days that matter.
"""

from __future__ import annotations

import bisect
import math
import operator
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from itertools import islice

from legrun.planner.kinds import HARD_LOGGED_RUN_KINDS
from legrun.planner.models import MUSCLES, AnySession, CheckIn, LegDay, Run, heaviness

FITNESS_DAYS = 42
FATIGUE_DAYS = 7
RECOVERY_PACE = 1.08  # recovery runs are planned this much slower than easy runs
BREAK_DAYS = 14  # this many days without a run is a break: a new training block begins
# Loads older than this barely move fitness (e^(-200/42) < 1 %), so the sums start here.
LOAD_WINDOW_DAYS = 200
_BREAK = timedelta(days=BREAK_DAYS)

# How long a muscle group takes to recover, and how far down it starts, by session heaviness.
_LEG_RECOVERY = {"heavy": (72, 0.0), "moderate": (48, 0.3), "light": (24, 0.6)}
_RUN_MUSCLES = {"calves": 0.7, "quads": 0.8, "hamstrings": 0.8}
_RUN_RECOVERY_HOURS = 24
_HARD_RUN_RECOVERY_HOURS = 48


class TrainingHistory:
    """Logged sessions, sorted by date, with fast look-ups by date range."""

    __slots__ = (
        "sessions",
        "_dates",
        "_daily_load_cache",
        "_run_dates",
        "_block_starts",
        "_blocks_known_before",
    )

    def __init__(
        self, sessions: Iterable[AnySession], run_dates: Iterable[date] | None = None
    ) -> None:
        self.sessions: tuple[AnySession, ...] = tuple(
            sorted(sessions, key=lambda s: (s.date, s.id or 0))
        )
        self._dates = [s.date for s in self.sessions]
        self._daily_load_cache: dict[tuple[date, date], dict[date, int]] = {}
        # The dates of every run ever logged, when the sessions are only a recent window: the
        # training block (first run, breaks) is read from them, so it never shifts with the
        # window.
        self._run_dates: list[date] | None = None
        if run_dates is not None:
            own = [s.date for s in self.sessions if isinstance(s, Run)]
            given = list(run_dates)
            in_order = all(map(operator.lt, given, islice(given, 1, None)))
            # (Storage gives them in order, each once: no sort of ten years of dates then.)
            self._run_dates = _merged_dates(given, own) if in_order else sorted({*given, *own})
        self._block_starts: list[date] | None = None
        self._blocks_known_before: date | None = None  # block starts are known before this

    @classmethod
    def of(cls, history: TrainingHistory | Iterable[AnySession]) -> TrainingHistory:
        return history if isinstance(history, TrainingHistory) else cls(history)

    def __len__(self) -> int:
        return len(self.sessions)

    def between(self, start: date, end: date) -> Sequence[AnySession]:
        """Sessions from `start` to `end` inclusive."""
        lo = bisect.bisect_left(self._dates, start)
        hi = bisect.bisect_right(self._dates, end)
        return self.sessions[lo:hi]

    @classmethod
    def _sorted(
        cls, sessions: tuple[AnySession, ...], dates: list[date], run_dates: list[date]
    ) -> TrainingHistory:
        """A history from sessions already in order (no sort, no scan)."""
        made = cls.__new__(cls)
        made.sessions = sessions
        made._dates = dates
        made._daily_load_cache = {}
        made._run_dates = run_dates
        made._block_starts = None
        made._blocks_known_before = None
        return made

    def with_sessions(self, added: Iterable[AnySession]) -> TrainingHistory:
        """This history with `added` sessions too (the weeks ahead, as planned)."""
        extra = sorted(added, key=lambda s: (s.date, s.id or 0))
        if not extra:
            return self
        if self._dates and extra[0].date < self._dates[-1]:
            return TrainingHistory((*self.sessions, *extra), self.run_dates)
        # The usual case: what is added comes after everything logged.
        runs = [s.date for s in extra if isinstance(s, Run)]
        made = TrainingHistory._sorted(
            (*self.sessions, *extra),
            [*self._dates, *(s.date for s in extra)],
            _merged_dates(self.run_dates, runs),
        )
        if self._dates:
            # The blocks before the first added session stay as they were.
            made._block_starts = self._blocks()
            made._blocks_known_before = self._dates[-1]
        return made

    def without(self, start: date, end: date) -> TrainingHistory:
        """This history less the sessions from `start` to `end` (not known yet at `start`)."""
        lo = bisect.bisect_left(self._dates, start)
        hi = bisect.bisect_right(self._dates, end)
        if lo == hi:
            return self
        runs = self.run_dates
        rlo = bisect.bisect_left(runs, start)
        rhi = bisect.bisect_right(runs, end)
        made = TrainingHistory._sorted(
            self.sessions[:lo] + self.sessions[hi:],
            self._dates[:lo] + self._dates[hi:],
            runs[:rlo] + runs[rhi:],
        )
        # Blocks that began before `start` are the same without what came after it.
        made._block_starts = [d for d in self._blocks() if d < start]
        made._blocks_known_before = start
        return made

    @property
    def run_dates(self) -> list[date]:
        """The dates with a run, in order, each once."""
        if self._run_dates is None:
            self._run_dates = list(
                dict.fromkeys(s.date for s in self.sessions if isinstance(s, Run))
            )
        return self._run_dates

    def last_run_before(self, day: date) -> date | None:
        dates = self.run_dates
        i = bisect.bisect_left(dates, day)
        return dates[i - 1] if i else None

    def _blocks(self, day: date | None = None) -> list[date]:
        """The first run of every training block (known at least up to `day`)."""
        known = self._blocks_known_before
        starts = self._block_starts
        if starts is not None and (known is None or day is not None and day <= known):
            return starts
        dates = self.run_dates
        # Whether a run starts a block depends only on the run before it: the starts before
        # `known` stand, and only the runs from it on are looked at again.
        kept: list[date] = []
        first = 0
        if starts is not None and known is not None:
            kept = starts[: bisect.bisect_left(starts, known)]
            first = bisect.bisect_left(dates, known)
        if first == 0 and dates:
            kept.append(dates[0])  # the first run ever
            first = 1
        if first:
            # Each run after a gap of more than BREAK_DAYS (one pass over ten years of dates).
            pairs = zip(islice(dates, first - 1, None), islice(dates, first, None), strict=False)
            kept += [b for a, b in pairs if b - a > _BREAK]
        self._block_starts = kept
        self._blocks_known_before = None
        return kept

    def block_start(self, day: date) -> tuple[date | None, date | None]:
        """The first run of the training block that `day` falls in, and the last run before
        that block's break (None for a first block): a block starts with the first run ever, or
        with the first run after a break of BREAK_DAYS or more days without one."""
        starts = self._blocks(day)
        i = bisect.bisect_left(starts, day)
        if i == 0:
            return None, None
        start = starts[i - 1]
        before = self.last_run_before(start)
        return start, before

    def daily_loads(self, start: date, end: date) -> dict[date, int]:
        key = (start, end)
        cached = self._daily_load_cache.get(key)
        if cached is None:
            cached = {}
            for session in self.between(start, end):
                cached[session.date] = cached.get(session.date, 0) + session.load
            if len(self._daily_load_cache) > 32:
                self._daily_load_cache.clear()
            self._daily_load_cache[key] = cached
        return cached


def _merged_dates(dates: list[date], added: list[date]) -> list[date]:
    """`dates` (in order, each once) with `added` in, each date once: without sorting the
    years before again when what is added is there already or comes after them all (the
    weeks ahead)."""
    missing = sorted(
        {d for d in added if (i := bisect.bisect_left(dates, d)) == len(dates) or dates[i] != d}
    )
    if not missing:
        return dates
    if not dates or missing[0] > dates[-1]:
        return [*dates, *missing]
    return sorted({*dates, *missing})


# e^(-gap/tau) for every gap between two days of load inside the window (the same values the
# sums would compute each time: planning a season asks for them thousands of times).
_FITNESS_DECAY = [math.exp(-gap / FITNESS_DAYS) for gap in range(LOAD_WINDOW_DAYS + 1)]
_FATIGUE_DECAY = [math.exp(-gap / FATIGUE_DAYS) for gap in range(LOAD_WINDOW_DAYS + 1)]


def banister(
    daily_loads: Mapping[date, int], first: date, last: date
) -> list[tuple[date, float, float]]:
    """The Banister model: fitness (42-day) and fatigue (7-day) at the end of each day from
    `first` to `last`, the sums starting LOAD_WINDOW_DAYS before `first` (older loads barely
    count). The one implementation the planner and the trends chart share.

    Each day x += (load - x) * k, with k = 1 - e^(-1/tau); a day without load only multiplies
    x by e^(-1/tau), so the days between loads before `first` are skipped in one step."""
    k_fit = 1 - math.exp(-1 / FITNESS_DAYS)
    k_fat = 1 - math.exp(-1 / FATIGUE_DAYS)
    fit_decay, fat_decay = _FITNESS_DECAY, _FATIGUE_DECAY
    fitness = fatigue = 0.0
    start = first - timedelta(days=LOAD_WINDOW_DAYS)
    previous = start - timedelta(days=1)  # the day the sums stand at
    for day in sorted(d for d in daily_loads if start <= d < first):
        gap = (day - previous).days - 1
        fitness = fitness * fit_decay[gap]
        fatigue = fatigue * fat_decay[gap]
        load = daily_loads[day]
        fitness += (load - fitness) * k_fit
        fatigue += (load - fatigue) * k_fat
        previous = day
    gap = (first - previous).days - 1
    fitness *= fit_decay[gap]
    fatigue *= fat_decay[gap]
    points = []
    day = first
    while day <= last:
        load = daily_loads.get(day, 0)
        fitness += (load - fitness) * k_fit
        fatigue += (load - fatigue) * k_fat
        points.append((day, fitness, fatigue))
        day += timedelta(days=1)
    return points


def fitness_fatigue(history: TrainingHistory, as_of: date) -> tuple[float, float, float]:
    """Fitness (42-day), fatigue (7-day) and form (fitness - fatigue) at the end of `as_of`."""
    loads = history.daily_loads(as_of - timedelta(days=LOAD_WINDOW_DAYS), as_of)
    ((_, fitness, fatigue),) = banister(loads, as_of, as_of)
    return round(fitness, 1), round(fatigue, 1), round(fitness - fatigue, 1)


def acute_chronic_ratio(history: TrainingHistory, as_of: date) -> float | None:
    """7-day load over the 28-day weekly average; None without 28 days of load.
    Information only: the evidence for it as a rule is contested (Impellizzeri 2020)."""
    loads = history.daily_loads(as_of - timedelta(days=27), as_of)
    chronic = sum(loads.values()) / 4
    if chronic <= 0:
        return None
    week_ago = as_of - timedelta(days=6)
    acute = sum(v for d, v in loads.items() if d >= week_ago)
    return round(acute / chronic, 2)


def muscle_recovery(
    history: TrainingHistory, latest_checkin: CheckIn | None, as_of: date
) -> dict[str, int]:
    """Percent recovered per muscle group at the end of `as_of`'s morning.

    A heavy leg day takes a group down to 0 % and back to 100 % over 72 h (moderate: 48 h from
    30 %, light: 24 h from 60 %); runs load calves, quads and hamstrings lightly. A soreness
    check-in from the last three days caps a group at 100 - 10 x its soreness.
    """
    recovered = dict.fromkeys(MUSCLES, 100.0)
    for session in history.between(as_of - timedelta(days=3), as_of):
        hours = (as_of - session.date).days * 24
        if isinstance(session, LegDay):
            span, floor = _LEG_RECOVERY[heaviness(session.rpe)]
            for muscle in session.muscles:
                level = floor + (1 - floor) * min(1.0, hours / span)
                recovered[muscle] = min(recovered[muscle], level * 100)
        elif isinstance(session, Run):
            span = (
                _HARD_RUN_RECOVERY_HOURS
                if session.kind in HARD_LOGGED_RUN_KINDS
                else _RUN_RECOVERY_HOURS
            )
            for muscle, floor in _RUN_MUSCLES.items():
                level = floor + (1 - floor) * min(1.0, hours / span)
                recovered[muscle] = min(recovered[muscle], level * 100)
    if latest_checkin is not None and 0 <= (as_of - latest_checkin.date).days <= 3:
        for muscle in MUSCLES:
            cap = 100 - 10 * latest_checkin.muscle_soreness(muscle)
            recovered[muscle] = min(recovered[muscle], cap)
    return {m: int(round(v)) for m, v in recovered.items()}


def longest_run_km(history: TrainingHistory, start: date, end: date) -> float:
    """The longest logged run from `start` to `end` inclusive, 0 if none."""
    return max((s.km for s in history.between(start, end) if isinstance(s, Run)), default=0.0)


def run_km(history: TrainingHistory, start: date, end: date) -> float:
    return sum(s.km for s in history.between(start, end) if isinstance(s, Run))


def easy_pace(history: TrainingHistory, as_of: date, default: float) -> float:
    """Median minutes per km of recent easy and long runs (60 days). Recovery runs count at
    the easy pace they stand for (they are planned 8 % slower), so a week of recovery runs
    never slows the easy pace it was planned from."""
    paces = sorted(
        s.pace_min_per_km / (RECOVERY_PACE if s.kind == "recovery" else 1)
        for s in history.between(as_of - timedelta(days=60), as_of)
        if isinstance(s, Run)
        and s.kind in ("easy", "recovery", "long")
        and 3 <= s.pace_min_per_km <= 12
    )
    if not paces:
        return default
    return paces[len(paces) // 2]

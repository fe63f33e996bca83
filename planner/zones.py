"""Heart-rate targets in beats per minute, from max HR (measured, else Tanaka)."""

from __future__ import annotations

import math

from legrun.planner.kinds import KINDS

# Intensity bands as fractions of max HR (%HRmax, not heart-rate reserve), from the kinds table;
# a recovery run is the guidance's 60-70 % of max, conversational.
HR_BANDS = {k.name: k.hr_band for k in KINDS.values() if k.hr_band is not None}


def hr_range(max_hr: int, low: float, high: float) -> tuple[int, int]:
    """Whole beats that lie inside the band: rounded inwards, never outside it."""
    return math.ceil(max_hr * low - 1e-9), math.floor(max_hr * high + 1e-9)


def recovery_hr_range(max_hr: int) -> tuple[int, int]:
    """A recovery run's target: 60-70 % of max HR, in bpm."""
    return hr_range(max_hr, *HR_BANDS["recovery_run"])


def run_hr_range(kind: str, max_hr: int) -> tuple[int, int]:
    """The bpm range of a run of plan kind `kind` (not a race: that is paced by effort)."""
    return hr_range(max_hr, *HR_BANDS[kind])


def karvonen(max_hr: int, resting_hr: int, fraction: float) -> int:
    """Karvonen target: (max - rest) x fraction + rest."""
    return round((max_hr - resting_hr) * fraction + resting_hr)

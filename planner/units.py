"""Distances and paces in the runner's units. Everything is stored and computed in km; only
what a person reads is converted (`--km` and every JSON field stay kilometres)."""

from __future__ import annotations

KM_PER_MILE = 1.609344


def distance(km: float, units: str, spec: str = "g") -> str:
    """`4.3 km`, or `2.7 mi` when `units` is "mi" (one decimal at most)."""
    value = km / KM_PER_MILE if units == "mi" else km
    return f"{round(value, 1):{spec}} {units}"


def short_distance(km: float, units: str) -> str:
    """`4.3k` or `2.7m`: for narrow columns."""
    value = km / KM_PER_MILE if units == "mi" else km
    return f"{round(value, 1):g}{'m' if units == 'mi' else 'k'}"


def pace(minutes_per_km: float, units: str) -> str:
    """`6:15/km`, or `10:03/mi`."""
    per_unit = minutes_per_km * KM_PER_MILE if units == "mi" else minutes_per_km
    minutes, seconds = divmod(round(per_unit * 60), 60)
    return f"{minutes}:{seconds:02d}/{units}"

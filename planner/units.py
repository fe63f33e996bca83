"""Distances and paces in the runner's units. Everything is stored and computed in km; only
what a person reads is converted (`--km` and every JSON field stay kilometres)."""

from __future__ import annotations

KM_PER_MILE = 1.609344


def in_units(km: float, units: str) -> float:
    """A distance in km as a number in the runner's units (miles when `units` is "mi")."""
    return km / KM_PER_MILE if units == "mi" else km


def distance_figure(km: float, units: str, spec: str = "g") -> str:
    """`4.3` (km) or `2.7` (mi): the number alone, one decimal at most, for table columns."""
    return f"{round(in_units(km, units), 1):{spec}}"


def distance(km: float, units: str, spec: str = "g") -> str:
    """`4.3 km`, or `2.7 mi` when `units` is "mi" (one decimal at most)."""
    return f"{distance_figure(km, units, spec)} {units}"


def short_distance(km: float, units: str) -> str:
    """`4.3k` or `2.7m`: for narrow columns."""
    return f"{distance_figure(km, units)}{'m' if units == 'mi' else 'k'}"


def pace_clock(minutes_per_km: float, units: str) -> str:
    """`6:15` per km, or `10:03` per mile when `units` is "mi"."""
    per_unit = minutes_per_km * KM_PER_MILE if units == "mi" else minutes_per_km
    minutes, seconds = divmod(round(per_unit * 60), 60)
    return f"{minutes}:{seconds:02d}"


def pace(minutes_per_km: float, units: str) -> str:
    """`6:15/km`, or `10:03/mi`."""
    return f"{pace_clock(minutes_per_km, units)}/{units}"

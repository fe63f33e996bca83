"""The results: one `Row` a figure, printed as a table (measure | figure | budget | ok?) and
written as JSON so that two runs can be compared.

A budget is a number and a comparison (`value <= limit`); a row without one is a figure for
scale. `ok` is None then.
"""

from __future__ import annotations

import json
import math
import statistics
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else math.nan


def p90(values: Sequence[float]) -> float:
    """The 90th percentile, nearest rank: the smallest value with 90 % of them at or below."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)]


def ms(seconds: float) -> str:
    return "n/a" if math.isnan(seconds) else f"{seconds * 1000:.1f} ms"


def kib(size: float) -> str:
    return f"{size / 1024:.1f} KB"


@dataclass
class Row:
    """One line of the table.

    `value` is the figure the budget is checked against, in `unit` (ms, ratio, bytes, KiB);
    `figure` is how it is shown; `limit` the budget (value <= limit) or None; `samples` the
    runs the figure is the median of (seconds, bytes or KiB as the measure has them);
    `check` the outcome of a budget that is no limit."""

    section: str
    measure: str
    value: float
    unit: str
    figure: str
    budget: str = ""
    limit: float | None = None
    samples: list[float] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    check: bool | None = None  # for a budget that is not a limit (e.g. "nothing lost")

    @property
    def ok(self) -> bool | None:
        if self.limit is None:
            return self.check
        return not math.isnan(self.value) and self.value <= self.limit


def ok_text(ok: bool | None) -> str:
    return {True: "ok", False: "MISSED", None: ""}[ok]


def table(rows: Sequence[Row]) -> str:
    """The rows as a fixed-width table, one block per section."""
    headers = ("measure", "figure", "budget", "ok?")
    cells = [(r.measure, r.figure, r.budget or "-", ok_text(r.ok)) for r in rows]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(headers)]

    def line(values: Sequence[str]) -> str:
        return " | ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()

    out = [line(headers), "-+-".join("-" * w for w in widths)]
    section = None
    for row, cell in zip(rows, cells, strict=True):
        if row.section != section:
            section = row.section
            out.append(f"[{section}]")
        out.append(line(cell))
    return "\n".join(out)


def write_json(path: Path, header: dict[str, Any], rows: Sequence[Row]) -> None:
    """`{"header": {...}, "rows": [{section, measure, value, unit, figure, budget, limit, ok,
    samples, extra}]}`; NaN is written as null."""

    def clean(value: Any) -> Any:
        if isinstance(value, float) and math.isnan(value):
            return None
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [clean(v) for v in value]
        return value

    data = {"header": header, "rows": [{**asdict(r), "ok": r.ok} for r in rows]}
    path.write_text(json.dumps(clean(data), indent=2) + "\n")

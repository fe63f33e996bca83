"""The words under the week's grid: the phase, an easier week, the volume against its cap, and
how many warnings and suggestions there are (the `!` key shows them in full)."""

from __future__ import annotations

from legrun.planner.plan import WeekPlan, Why
from legrun.planner.units import distance
from legrun.tui.widgets.hanging_text import Line

PHASE_NAMES = {
    "start": "Start",
    "return": "Return",
    "build": "Build",
    "maintain": "Maintain",
    "base": "Base",
    "peak": "Peak",
    "taper": "Taper",
    "race": "Race",
    "recovery": "Recovery",
}
WARNING_MARK = "!"
SUGGESTION_MARK = "→"


def phase_words(plan: WeekPlan) -> str:
    """`Build phase`, or `Build phase · easier week`."""
    words = f"{PHASE_NAMES.get(plan.phase, plan.phase.capitalize())} phase"
    return words + (" · easier week" if plan.easier_week else "")


def volume_words(plan: WeekPlan) -> str | None:
    """`23 km planned / 25 km cap` in the runner's units, or None without a volume."""
    volume = plan.volume
    if volume is None:
        return None
    planned = distance(volume.planned_km, plan.units)
    return f"{planned} planned / {distance(volume.cap_km, plan.units)} cap"


def coach_line(plan: WeekPlan) -> str:
    """The first row of the totals: phase, easier week, volume."""
    volume = volume_words(plan)
    return phase_words(plan) + (f" · {volume}" if volume else "")


def volume_detail(plan: WeekPlan) -> str | None:
    """Everything the volume rests on, for the notes screen."""
    volume = plan.volume
    if volume is None:
        return None
    units = plan.units
    text = f"Running: {volume_words(plan)} · your weekly target {distance(volume.target_km, units)}"
    if volume.baseline_km is not None:
        text += f" · the last 4 weeks averaged {distance(volume.baseline_km, units)}"
    return text


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def notes_count(plan: WeekPlan) -> str:
    """`2 warnings, 1 suggestion`, leaving out what there is none of (empty if neither)."""
    parts = []
    if plan.warnings:
        parts.append(_count(len(plan.warnings), "warning"))
    if plan.suggestions:
        parts.append(_count(len(plan.suggestions), "suggestion"))
    return ", ".join(parts)


def note_text(mark: str, why: Why) -> str:
    return f"{mark} {why.rule}: {why.text}"


def notes_lines(plan: WeekPlan) -> list[Line]:
    """The warnings pane: how many there are and the key that shows them, then each one on a
    line of its own (the pane cuts them to its width; `!` has them in full)."""
    count = notes_count(plan)
    if not count:
        return [Line("No warnings or suggestions: the week fits your targets and the rules.")]
    total = len(plan.warnings) + len(plan.suggestions)
    lines = [
        Line(f"{count}: press ! to read {'it' if total == 1 else 'them'} in full", style="bold")
    ]
    lines += [Line(note_text(WARNING_MARK, w), style="$warning") for w in plan.warnings]
    lines += [Line(note_text(SUGGESTION_MARK, s)) for s in plan.suggestions]
    return lines

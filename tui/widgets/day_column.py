"""One day of the week: its sessions as short lines, updated in place when the plan changes."""

from __future__ import annotations

from datetime import date

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from legrun.planner.models import WEEKDAYS
from legrun.planner.plan import KIND_LETTERS, DayPlan, PlanItem

# How each status reads without colour: a mark before the kind letter.
STATUS_MARKS = {"planned": "·", "done": "✓", "skipped": "✗"}
KIND_STYLES = {
    "leg_day": "bold $error",
    "recovery_run": "$success",
    "easy_run": "$success",
    "long_run": "bold $primary",
    "quality_run": "bold $warning",
    "cross_training": "$accent",
    "mobility": "$text-muted",
    "rest": "$text-muted",
}
SHORT_LABELS = {
    "leg_day": "Legs",
    "recovery_run": "Recov",
    "easy_run": "Easy",
    "long_run": "Long",
    "quality_run": "Tempo",
    "cross_training": "Cross",
    "mobility": "Mobil",
    "rest": "Rest",
}


def item_lines(item: PlanItem, width: int) -> list[tuple[str, str]]:
    """The lines (text, style) one session takes in a column `width` cells wide."""
    mark = STATUS_MARKS[item.status]
    letter = KIND_LETTERS[item.kind]
    wide = width >= 16
    label = item.label if wide else SHORT_LABELS[item.kind]
    if item.kind == "cross_training" and item.activity:
        label = item.activity.capitalize() if not wide else f"Cross {item.activity}"
    style = KIND_STYLES[item.kind]
    if item.status == "skipped":
        style += " strike"
    elif item.status == "planned" and item.kind not in ("rest", "mobility"):
        style += " italic"
    lines = [(f"{mark}{letter} {label}", style)]
    detail = []
    if item.km is not None:
        detail.append(f"{item.km:g}km" if wide else f"{item.km:g}k")
    if item.minutes is not None and item.kind != "rest":
        detail.append(f"{item.minutes}'")
    if item.status == "done" and item.rpe is not None and item.kind != "mobility":
        detail.append(f"R{item.rpe}")
    if detail:
        lines.append(("  " + " ".join(detail), ""))
    if item.hr_low is not None:
        lines.append((f"  {item.hr_low}-{item.hr_high}" + ("bpm" if wide else ""), "$text-muted"))
    return lines


class DayColumn(Widget, can_focus=False):
    """A column of the week grid. The screen sets `day`, `selected` and `cursor`."""

    day: reactive[DayPlan | None] = reactive(None, layout=False)
    selected: reactive[bool] = reactive(False)
    cursor: reactive[int] = reactive(-1)
    today: reactive[date | None] = reactive(None)

    def watch_selected(self, selected: bool) -> None:
        self.set_class(selected, "-selected")

    def render(self) -> Content:
        day = self.day
        if day is None:
            return Content("")
        width = max(4, self.size.width)
        is_today = day.date == self.today
        name = WEEKDAYS[day.date.weekday()].capitalize()
        head = f"{name} {day.date.day}" + (" •" if is_today else "")
        parts: list[Content] = [Content.styled(head[:width].ljust(width), "bold")]
        if is_today and width >= 14:
            parts[0] = Content.styled(f"{name} {day.date.day} today"[:width].ljust(width), "bold")
        if not day.sessions:
            parts.append(Content.styled("  rest", "$text-muted"))
        for index, item in enumerate(day.sessions):
            lines = item_lines(item, width)
            for n, (text, style) in enumerate(lines):
                text = text[:width].ljust(width)
                if self.selected and index == self.cursor and n == 0:
                    style = f"{style} reverse".strip()
                parts.append(Content.styled(text, style) if style else Content(text))
        return Content("\n").join(parts)

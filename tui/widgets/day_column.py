"""One day of the week: its sessions as short lines, updated in place when the plan changes."""

from __future__ import annotations

from datetime import date

from textual.content import Content
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from legrun.planner.models import WEEKDAYS
from legrun.planner.plan import KIND_LETTERS, DayPlan, PlanItem
from legrun.planner.units import distance, short_distance
from legrun.tui.widgets.cells import LineCells, changed_rows, whole_text
from legrun.tui.widgets.workout import COLUMN_NAMES

# How each status reads without colour: a mark before the kind letter.
STATUS_MARKS = {"planned": "·", "done": "✓", "skipped": "✗"}
KIND_STYLES = {
    "leg_day": "bold $error",
    "recovery_run": "$success",
    "easy_run": "$success",
    "long_run": "bold $primary",
    "quality_run": "bold $warning",
    "race": "bold $secondary underline",
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
    "race": "Race",
    "cross_training": "Cross",
    "mobility": "Mobil",
    "rest": "Rest",
}


def item_lines(
    item: PlanItem, width: int, wide: bool | None = None, units: str = "km"
) -> list[tuple[str, str]]:
    """The lines (text, style) one session takes in a column `width` cells wide; `wide` picks
    long labels (by default when the column is at least 14 cells wide)."""
    mark = STATUS_MARKS[item.status]
    letter = KIND_LETTERS[item.kind]
    if wide is None:
        wide = width >= 14
    label = item.label if wide else SHORT_LABELS[item.kind]
    if item.kind == "cross_training" and item.activity:
        label = item.activity.capitalize() if not wide else f"Cross {item.activity}"
    workout = item.workout
    if workout is not None and workout.type in COLUMN_NAMES:
        # A quality run reads as its workout: "·Q Hills", "·Q Intervals".
        label = COLUMN_NAMES[workout.type][1 if wide else 0]
    elif workout is not None and workout.type == "strides" and wide:
        label = f"{SHORT_LABELS[item.kind]}+strides"  # the detail pane says how many
    style = KIND_STYLES[item.kind]
    if item.status == "skipped":
        style += " strike"
    elif item.status == "planned" and item.kind not in ("rest", "mobility"):
        style += " italic"
    lines = [(f"{mark}{letter} {label}", style)]
    detail = []
    if item.km is not None:
        text = distance(item.km, units).replace(" ", "") if wide else short_distance(item.km, units)
        detail.append(text)
    if item.minutes is not None and item.kind != "rest":
        detail.append(f"{item.minutes}'")
    if item.status == "done" and item.rpe is not None and item.kind != "mobility":
        detail.append(f"R{item.rpe}")
    if detail:
        lines.append((_indented(" ".join(detail), width), ""))
    if item.hr_low is not None:
        hr = f"{item.hr_low}-{item.hr_high}" + ("bpm" if wide else "")
        lines.append((_indented(hr, width), "$text-muted"))
    return lines


def _indented(text: str, width: int) -> str:
    """A detail line under its session: indented when there is room, never cut for it."""
    for indent in ("  ", " "):
        if len(indent) + len(text) <= width:
            return indent + text
    return text


class DayColumn(Widget, can_focus=False):
    """A column of the week grid. The screen sets `day`, `selected`, `cursor` and `today`.

    A change repaints only the lines of text that differ, not the whole column: after `]`
    the blank rows under a day's sessions stay as they are on the terminal (over SSH every
    repainted cell costs bytes), and the column never needs a layout pass. It draws line by
    line (Textual's Line API): a line is made into cells once for the same text and look, so
    a saved run re-renders the two lines that changed, not the day's whole text."""

    day: reactive[DayPlan | None] = reactive(None, repaint=False)
    selected: reactive[bool] = reactive(False, repaint=False)
    cursor: reactive[int] = reactive(-1, repaint=False)
    today: reactive[date | None] = reactive(None, repaint=False)
    units: reactive[str] = reactive("km", repaint=False)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._shown: list[tuple[str, str]] = []  # each line shown: text and style
        self._built: tuple[tuple[object, ...], list[tuple[str, str]]] | None = None
        self._cells = LineCells()
        self._width = (Size(), 0)  # the text's width, for the column's size (see `_text_width`)
        self._diff_pending = False
        self._drawing: list[tuple[str, str]] | None = None  # the lines, while a frame draws

    # A `]` sets several of these in a row: one line diff after the last of them, not one each.
    def watch_selected(self, selected: bool) -> None:
        self.set_class(selected, "-selected")  # a new background: the class repaints it all
        self._schedule_diff()

    def watch_day(self) -> None:
        self._schedule_diff()

    def watch_cursor(self) -> None:
        self._schedule_diff()

    def watch_today(self) -> None:
        self._schedule_diff()

    def watch_units(self) -> None:
        self._schedule_diff()

    def _schedule_diff(self) -> None:
        if not self._diff_pending:
            self._diff_pending = True
            self.call_next(self._repaint_changed_lines)

    def on_resize(self) -> None:
        # Textual repaints a column whose size changed, all of it (asking again would draw a
        # second frame: at start-up, one more full week after the first): remember what it
        # shows, so that the next change clears every line of it no longer needed. A sibling
        # whose size stayed may still read differently (the labels follow the narrowest
        # column): it repaints the lines that changed.
        narrowest = self._built[0][-1] if self._built is not None else None
        self._shown = self._content_lines()
        assert self._built is not None
        if narrowest is None or self._built[0][-1] == narrowest:
            return
        for sibling in self.parent.children if self.parent is not None else ():
            if isinstance(sibling, DayColumn) and sibling is not self:
                sibling._schedule_diff()

    def _repaint_changed_lines(self) -> None:
        self._diff_pending = False
        lines = self._content_lines()
        before, self._shown = self._shown, lines
        width = self.size.width
        if not self.is_mounted or not width:
            return
        changed = changed_rows(before, lines)
        if changed:
            self.refresh(*(Region(0, y, width, 1) for y in changed))

    def render(self) -> Content:
        """The column's text, as one piece (what it reads as; it draws line by line)."""
        return whole_text(self._content_lines())

    def render_lines(self, crop: Region) -> list[Strip]:
        # The lines are looked up once for the frame, not once for each row it draws (which
        # asked every column of the week for its width, 48 times a column at 200x50).
        self._drawing = self._content_lines()
        try:
            return super().render_lines(crop)
        finally:
            self._drawing = None

    def render_line(self, y: int) -> Strip:
        lines = self._drawing if self._drawing is not None else self._content_lines()
        return self._cells.line(self, lines, y, self._text_width())

    def _text_width(self) -> int:
        """The width of the column's text: its size less padding and border, worked out
        once for each size it is given (it is asked for every line drawn, for each column)."""
        size, width = self._width
        if size != self._size:
            width = max(0, self._size.width - self.styles.gutter.width)
            self._width = (self._size, width)
        return width

    def _content_lines(self) -> list[tuple[str, str]]:
        """The column's lines, built once per state (the line diff and the drawing share
        them)."""
        width = self._text_width()
        siblings = self.parent.children if self.parent is not None else [self]
        narrowest = min(
            (w for c in siblings if isinstance(c, DayColumn) and (w := c._text_width())),
            default=width,
        )
        key = (self.day, self.selected, self.cursor, self.today, self.units, width, narrowest)
        if self._built is None or self._built[0] != key:
            self._built = (key, self._build(narrowest))
        return self._built[1]

    def _build(self, narrowest: int) -> list[tuple[str, str]]:
        """The day, then each session's lines (text and style), the cursor's reversed."""
        day = self.day
        if day is None:
            return [("", "")]
        width = max(4, self._text_width())
        is_today = day.date == self.today
        name = WEEKDAYS[day.date.weekday()].capitalize()
        head = f"{name} {day.date.day}" + (" •" if is_today else "")
        if is_today and width >= 14:
            head = f"{name} {day.date.day} today"
        parts = [(head[:width].ljust(width), "bold")]
        if not day.sessions:
            parts.append(("  rest", "$text-muted"))
        # Every column of the grid uses the same labels, decided by the narrowest one (1fr
        # columns differ by a cell), so that the week reads alike from Monday to Sunday.
        wide = (narrowest or width) >= 14
        for index, item in enumerate(day.sessions):
            lines = item_lines(item, width, wide, self.units)
            for n, (text, style) in enumerate(lines):
                text = text[:width].ljust(width)
                if self.selected and index == self.cursor and n == 0:
                    style = f"{style} reverse".strip()
                parts.append((text, style))
        return parts

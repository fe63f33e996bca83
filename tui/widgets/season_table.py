"""The season as a table: one row a week, its running as a bar of `#` (an easier week's of `=`,
the race's own km of `*`) scaled to the biggest week, so the shape of the season reads without
colour. The highlighted
week has a `>` in its first column as well as the cursor's colour."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding

from legrun.planner.season import SeasonWeek
from legrun.planner.units import distance
from legrun.tui.widgets.hanging_text import cut_line
from legrun.tui.widgets.record_table import RecordTable
from legrun.tui.widgets.week_summary import PHASE_NAMES

BAR = "#"
EASIER_BAR = "="
RACE_BAR = "*"
MARK = ">"
MIN_BAR, MAX_BAR = 8, 24  # the bar's width in cells, whatever the terminal's
MIN_KEY = 20  # narrower than this, the key sessions column is left out (the pane has them)
_PADDING = 1  # cells each side of a column
_BOLD, _DIM = Style(bold=True), Style(dim=True)
_SCROLLBAR = 2  # kept free for the vertical scrollbar, so a long season never scrolls sideways


def volume_bar(
    km: float, largest: float, width: int, easier: bool = False, race_km: float = 0.0
) -> str:
    """`km` as a bar of up to `width` cells, the full width for `largest` (at least one cell
    for any running at all); the last cells `*` for the `race_km` of them that are the race."""
    if km <= 0 or largest <= 0 or width <= 0:
        return ""
    cells = min(width, max(1, round(km / largest * width)))
    race = min(cells, max(1, round(race_km / largest * width))) if race_km > 0 else 0
    return (EASIER_BAR if easier else BAR) * (cells - race) + RACE_BAR * race


def phase_name(phase: str) -> str:
    return PHASE_NAMES.get(phase, phase.capitalize())


class SeasonTable(RecordTable):
    """The weeks of a season, set with `show`; `highlighted` is the week under the cursor.

    Drawn a line at a time (`RecordTable`): a key that moves the cursor repaints the two rows
    it left and reached. As a DataTable, any change (the `>` moved with the cursor, a week
    planned anew) drew every cell in view again through Rich, 30-50 ms a key."""

    STRIPES = False

    BINDINGS = [
        Binding("up,k", "cursor_up", "Previous week", show=False, id="season.up"),
        Binding("down,j", "cursor_down", "Next week", show=False, id="season.down"),
        Binding("enter", "select", "Open week", id="season.open"),
        Binding("home,ctrl+home", "first", "First week", show=False, id="season.first"),
        Binding("end,ctrl+end", "last", "Last week", show=False, id="season.last"),
        # The table fits the width: these keys do nothing here, so they are left out of help
        # (no description).
        Binding("left", "nothing", "", show=False),
        Binding("right", "nothing", "", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.weeks: tuple[SeasonWeek, ...] = ()
        self.units = "km"
        self.bar_width = 0
        self.key_width = 0
        self._spans: list[tuple[tuple[int, int, Style], ...]] = []  # each row's styled parts
        self._mark_at = 0  # where the `>` goes in a row's line
        self._shown_for: tuple[object, ...] | None = None  # what `show` last filled it with

    @property
    def highlighted(self) -> SeasonWeek | None:
        if not self.weeks:
            return None
        return self.weeks[max(0, min(self.cursor_row, len(self.weeks) - 1))]

    def show(
        self,
        weeks: Sequence[SeasonWeek],
        units: str,
        width: int,
        race_km: Mapping[date, float] | None = None,
    ) -> None:
        """Fill the table for `width` cells, the highlighted week kept where it still is.
        `race_km`: the km of a race in a week (by its start), part of its running."""
        races = race_km or {}
        shown_for = (tuple(weeks), units, width, tuple(sorted(races.items())))
        if shown_for == self._shown_for:
            return  # the same rows (a save and its undo): nothing to draw again
        self._shown_for = shown_for
        kept = self.highlighted.week_start if self.highlighted is not None else None
        self.weeks = tuple(weeks)
        self.units = units
        rows = [self._text_cells(w) for w in self.weeks]
        headers = ("", "Week of", "Phase", "", f"Run {units}", "Long", "Q", "Legs")
        widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
        widths[0] = len(MARK)
        used = sum(widths) + 2 * _PADDING * (len(widths) + 1) + _SCROLLBAR
        room = width - used
        self.bar_width = max(MIN_BAR, min(MAX_BAR, room))
        rest = room - self.bar_width - 2 * _PADDING
        self.key_width = rest if rest >= MIN_KEY else 0
        columns: list[tuple[str, int | None]] = list(zip(headers, widths, strict=True))
        columns.insert(5, ("Volume", self.bar_width))
        if self.key_width:
            columns.append(("Key sessions", self.key_width))
        # The numbers line up on the right: run, long, Q and legs (after the bar's column).
        self.set_columns(columns, right={4, 6, 7, 8})
        largest = max((w.run_km for w in self.weeks), default=0.0)
        cells: list[list[str]] = []
        for week, row in zip(self.weeks, rows, strict=True):
            race = races.get(week.week_start, 0.0)
            row.insert(5, volume_bar(week.run_km, largest, self.bar_width, week.easier_week, race))
            if self.key_width:
                row.append(cut_line("; ".join(week.key_sessions), self.key_width))
            cells.append(row)
        self.add_rows(cells)
        # Where each row's styled parts lie in its line, worked out once, not per line drawn.
        offsets, widths = self.column_offsets(), self._made_for
        phase = (offsets[2], offsets[2] + widths[2], _BOLD)
        bar = (offsets[5], offsets[5] + widths[5], _DIM)
        self._mark_at = offsets[0]
        self._spans = [
            tuple(
                span
                for span, wanted in (
                    (phase, i == 0 or self.weeks[i - 1].phase != week.phase),
                    (bar, week.easier_week),
                )
                if wanted
            )
            for i, week in enumerate(self.weeks)
        ]
        starts = [w.week_start for w in self.weeks]
        if kept in starts:
            self.move_cursor(row=starts.index(kept))

    def get_row_at(self, row: int) -> tuple[str, ...]:
        """The row's cells as shown: the first is the `>` on the highlighted week."""
        cells = super().get_row_at(row)
        return (MARK if row == self.cursor_row else "", *cells[1:])

    def row_segments(self, row: int, text: str, style: Style) -> list[Segment]:
        """The `>` on the highlighted week (so that it reads without colour), the phase in
        bold where one starts, an easier week's bar dim (where, worked out by `show`)."""
        if row == self.cursor_row:
            at = self._mark_at
            text = text[:at] + MARK + text[at + len(MARK) :]
        segments, at = [], 0
        for start, end, extra in self._spans[row] if row < len(self._spans) else ():
            segments += [Segment(text[at:start], style), Segment(text[start:end], style + extra)]
            at = end
        segments.append(Segment(text[at:], style))
        return segments

    def action_nothing(self) -> None:
        pass

    def _text_cells(self, week: SeasonWeek) -> list[str]:
        units = self.units
        return [
            "",
            f"{week.week_start:%d %b}",
            phase_name(week.phase),
            "easier" if week.easier_week else "",
            distance(week.run_km, units),
            "-" if week.long_run_km is None else distance(week.long_run_km, units),
            str(week.quality),
            str(week.leg_days),
        ]

"""The season as a table: one row a week, its running as a bar of `#` (an easier week's of `=`,
the race's own km of `*`) scaled to the biggest week, so the shape of the season reads without
colour. The highlighted
week has a `>` in its first column as well as the cursor's colour."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable
from textual.widgets.data_table import RowKey

from legrun.planner.season import SeasonWeek
from legrun.planner.units import distance
from legrun.tui.widgets.hanging_text import cut_line
from legrun.tui.widgets.week_summary import PHASE_NAMES

BAR = "#"
EASIER_BAR = "="
RACE_BAR = "*"
MARK = ">"
MIN_BAR, MAX_BAR = 8, 24  # the bar's width in cells, whatever the terminal's
MIN_KEY = 20  # narrower than this, the key sessions column is left out (the pane has them)
_PADDING = 1  # cells each side of a column
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


class SeasonTable(DataTable[object]):
    """The weeks of a season, set with `show`; `highlighted` is the week under the cursor."""

    BINDINGS = [
        Binding("up,k", "cursor_up", "Previous week", show=False, id="season.up"),
        Binding("down,j", "cursor_down", "Next week", show=False, id="season.down"),
        Binding("enter", "select_cursor", "Open week", id="season.open"),
        Binding("home,ctrl+home", "scroll_top", "First week", show=False, id="season.first"),
        Binding("end,ctrl+end", "scroll_bottom", "Last week", show=False, id="season.last"),
        # A row cursor has no columns to move across: these keys do nothing here, so they
        # are left out of help (no description).
        Binding("left", "cursor_left", "", show=False),
        Binding("right", "cursor_right", "", show=False),
        Binding("ctrl+pageup", "page_left", "", show=False),
        Binding("ctrl+pagedown", "page_right", "", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", cell_padding=_PADDING)
        self.weeks: tuple[SeasonWeek, ...] = ()
        self.units = "km"
        self.bar_width = 0
        self.key_width = 0
        self._marked: RowKey | None = None
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
            # The same rows (a save and its undo, a change that moved no week of the
            # season): any change to a DataTable draws every cell in view again, 30-50 ms.
            return
        self._shown_for = shown_for
        kept = self.highlighted.week_start if self.highlighted is not None else None
        self.weeks = tuple(weeks)
        self.units = units
        self._marked = None
        self.clear(columns=True)
        rows = [self._text_cells(w) for w in self.weeks]
        headers = ("", "Week of", "Phase", "", f"Run {units}", "Long", "Q", "Legs")
        widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
        widths[0] = len(MARK)
        used = sum(widths) + 2 * _PADDING * (len(widths) + 1) + _SCROLLBAR
        room = width - used
        self.bar_width = max(MIN_BAR, min(MAX_BAR, room))
        rest = room - self.bar_width - 2 * _PADDING
        self.key_width = rest if rest >= MIN_KEY else 0
        right = {4, 5, 6, 7}  # the numbers line up on the right
        columns = [(h, w, str(i)) for i, (h, w) in enumerate(zip(headers, widths, strict=True))]
        columns.insert(5, ("Volume", self.bar_width, "bar"))
        if self.key_width:
            columns.append(("Key sessions", self.key_width, "key"))
        for label, column_width, key in columns:
            self.add_column(
                Text(label, justify="right") if key in {str(i) for i in right} else label,
                width=column_width,
                key=key,
            )
        largest = max((w.run_km for w in self.weeks), default=0.0)
        for i, (week, cells) in enumerate(zip(self.weeks, rows, strict=True)):
            starts_phase = i == 0 or self.weeks[i - 1].phase != week.phase
            row: list[object] = [
                Text(c, justify="right")
                if n in right
                else Text(c, style="bold" if n == 2 and starts_phase else "")
                for n, c in enumerate(cells)
            ]
            race = races.get(week.week_start, 0.0)
            bar = volume_bar(week.run_km, largest, self.bar_width, week.easier_week, race)
            row.insert(5, Text(bar, style="dim" if week.easier_week else ""))
            if self.key_width:
                row.append(Text(cut_line("; ".join(week.key_sessions), self.key_width)))
            self.add_row(*row, key=week.week_start.isoformat())
        starts = [w.week_start for w in self.weeks]
        if kept in starts:
            self.move_cursor(row=starts.index(kept), animate=False, scroll=True)
        self._mark()

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

    # -- the `>` beside the highlighted week, moved in place -----------------------------------

    def _mark(self) -> None:
        if not self.weeks:
            return
        row_key = RowKey(self.weeks[self.cursor_row].week_start.isoformat())
        if row_key == self._marked:
            return
        if self._marked is not None and self._marked in self.rows:
            self.update_cell(self._marked, "0", "")
        self.update_cell(row_key, "0", MARK)
        self._marked = row_key

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._mark()

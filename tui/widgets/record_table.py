"""A table of one-line records, drawn a line at a time (Textual's Line API).

History shows years of sessions a page at a time, and every page-down draws a screenful of
rows it has not drawn before. Textual's DataTable renders each cell through Rich (padding,
wrapping, styles): a page of 19 rows of 8 cells took 20-25 ms at 80x24, more than a frame.
Here a row is made into one line of text when it is added (its cells cut or padded to their
columns), and drawing a line is cutting that text to the view: a page costs a few ms.

History and the season use it. What it does: a header row that stays at the top, one row
under a cursor, zebra stripes (`STRIPES`), columns that line up on the right, the keys of a
list (up, down, page up and down, home and end, with ctrl too; left and right scroll
sideways), enter to choose a row, and a click to put the cursor on one. Cells are plain
text, never markup; a table of its own may style parts of a row (`row_segments`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

# A cell's padding on each side, as DataTable's.
PAD = 1
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class RecordTable(ScrollView, can_focus=True):
    """Rows of text cells under a header, one row under the cursor."""

    BINDINGS = [
        Binding("enter", "select", "Select", show=False),
        Binding("up", "cursor_up", "Up", show=False),
        Binding("down", "cursor_down", "Down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home,ctrl+home", "first", "First", show=False),
        Binding("end,ctrl+end", "last", "Last", show=False),
        Binding("left", "scroll_left", "Left", show=False),
        Binding("right", "scroll_right", "Right", show=False),
    ]

    COMPONENT_CLASSES = {
        "record-table--header",
        "record-table--cursor",
        "record-table--even-row",
    }

    DEFAULT_CSS = """
    RecordTable {
        background: $surface;
        color: $foreground;
        & > .record-table--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        &:ansi > .record-table--header {
            background: ansi_bright_blue;
            color: ansi_default;
        }
        & > .record-table--even-row {
            background: $surface-lighten-1 50%;
        }
        &:dark > .record-table--even-row {
            background: $surface-darken-1 40%;
        }
        & > .record-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus {
            background-tint: $foreground 5%;
            & > .record-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .record-table--header {
                background-tint: $foreground 5%;
            }
        }
    }
    """

    cursor_row: reactive[int] = reactive(0, always_update=True, repaint=False, init=False)
    STRIPES = True  # every other row on a shade of its own

    class _RowMessage(Message):
        def __init__(self, table: RecordTable, cursor_row: int) -> None:
            super().__init__()
            self.table = table
            self.cursor_row = cursor_row

        @property
        def control(self) -> RecordTable:
            return self.table

    class RowHighlighted(_RowMessage):
        """The cursor moved to (or stayed on, after new rows) row `cursor_row`."""

    class RowSelected(_RowMessage):
        """Enter (or a click on the row under the cursor) chose row `cursor_row`."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._labels: list[str] = []
        self._widths: list[int | None] = []  # None: as wide as the widest cell (the last)
        self._right: frozenset[int] = frozenset()  # the columns whose cells end on the right
        self._cells: list[tuple[str, ...]] = []
        self._lines: list[str] = []  # each row as one line, made when the widths are known
        self._header = ""
        self._made_for: list[int] = []  # the column widths the lines were made for
        self._total_width = 0

    # -- the data -----------------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self._cells)

    @property
    def labels(self) -> list[str]:
        """The columns' names, in order."""
        return list(self._labels)

    def set_columns(
        self, columns: Sequence[tuple[str, int | None]], right: Iterable[int] = ()
    ) -> None:
        """Name the columns and fix their widths (None: as wide as its widest cell); the
        `right` ones (by index) line up on the right, as numbers do. Rows are cleared."""
        self._labels = [label for label, _ in columns]
        self._widths = [width for _, width in columns]
        self._right = frozenset(right)
        self.clear()

    def clear(self) -> None:
        """No rows (the columns stay)."""
        self._cells = []
        self._lines = []
        self._relayout()
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.set_reactive(RecordTable.cursor_row, 0)

    def add_rows(self, rows: Iterable[Sequence[object]]) -> None:
        """Add rows at the end: each a cell per column, shown as its text."""
        added = [tuple(_text(cell) for cell in row) for row in rows]
        if not added:
            return
        first = not self._cells
        self._cells.extend(added)
        widths = self._column_widths(added, self._made_for)
        if widths == self._made_for:
            self._lines.extend(self._line(row, widths) for row in added)
            self.virtual_size = Size(self._total_width, len(self._cells) + 1)
            self.refresh()
        else:  # an automatic column grew: every row is made again, the header too
            self._relayout(widths)
        if first:
            self.cursor_row = 0

    def get_row_at(self, row: int) -> tuple[str, ...]:
        return self._cells[row]

    def move_cursor(self, *, row: int) -> None:
        """Put the cursor on `row` (within the rows), scrolled into view."""
        self.cursor_row = row

    # -- the lines ----------------------------------------------------------------------------

    def _column_widths(
        self, rows: Sequence[tuple[str, ...]], before: Sequence[int] = ()
    ) -> list[int]:
        """The columns' widths for `rows` added to rows laid out at `before` (an automatic
        column only grows, so the rows already there are not measured again)."""
        found = []
        for i, width in enumerate(self._widths):
            if width is None:
                width = max(
                    [
                        before[i] if before else cell_len(self._labels[i]),
                        *(cell_len(row[i]) for row in rows),
                    ]
                )
            found.append(width)
        return found

    def _line(self, cells: Sequence[str], widths: Sequence[int]) -> str:
        pad = " " * PAD
        right = self._right
        return "".join(
            pad
            + (
                " " * (width - cell_len(cell)) + cell
                if i in right and cell_len(cell) < width
                else set_cell_size(cell, width)
            )
            + pad
            for i, (cell, width) in enumerate(zip(cells, widths, strict=True))
        )

    def column_offsets(self) -> list[int]:
        """Where each column's cell starts in a row's line (after its padding)."""
        found, x = [], 0
        for width in self._made_for:
            found.append(x + PAD)
            x += width + 2 * PAD
        return found

    def _relayout(self, widths: list[int] | None = None) -> None:
        if widths is None:
            widths = self._column_widths(self._cells)
        self._made_for = widths
        self._header = self._line(self._labels, widths)
        self._lines = [self._line(row, widths) for row in self._cells]
        self._total_width = sum(widths) + 2 * PAD * len(widths)
        self.virtual_size = Size(self._total_width, len(self._cells) + 1)
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        scroll_x, scroll_y = self.scroll_offset
        if y == 0:
            text, style_name = self._header, "record-table--header"
        else:
            row = scroll_y + y - 1
            if row >= len(self._lines):
                return Strip.blank(width, self.rich_style)
            text = self._lines[row]
            if row == self.cursor_row:
                style_name = "record-table--cursor"
            elif self.STRIPES and row % 2 == 0:  # (row 0 is an even one, as in DataTable)
                style_name = "record-table--even-row"
            else:
                style_name = ""
        style = self.rich_style
        if style_name:
            style += self.get_component_rich_style(style_name)
        segments = self.row_segments(row, text, style) if y else [Segment(text, style)]
        strip = Strip(segments, cell_len(text))
        return strip.crop_extend(scroll_x, scroll_x + width, style)

    def row_segments(self, row: int, text: str, style: Style) -> list[Segment]:
        """Row `row`'s line as segments in `style` (a table of its own may style its cells)."""
        return [Segment(text, style)]

    # -- the cursor ---------------------------------------------------------------------------

    @property
    def _page(self) -> int:
        """Rows in view (the header takes a line)."""
        return max(1, self.scrollable_content_region.height - 1)

    def validate_cursor_row(self, row: int) -> int:
        return max(0, min(row, len(self._cells) - 1))

    def watch_cursor_row(self, before: int, row: int) -> None:
        if not self._cells:
            return
        top = round(self.scroll_y)
        if row < top:
            self.scroll_to(y=row, animate=False, immediate=True)
        elif row > top + self._page - 1:
            self.scroll_to(y=row - self._page + 1, animate=False, immediate=True)
        width = self.size.width
        for moved in {before, row}:  # the rows left and reached, when no scroll repaints all
            line = moved - round(self.scroll_y) + 1
            if 0 < line < self.size.height:
                self.refresh(Region(0, line, width, 1))
        self.post_message(self.RowHighlighted(self, row))

    def action_cursor_up(self) -> None:
        self.cursor_row -= 1

    def action_cursor_down(self) -> None:
        self.cursor_row += 1

    def action_page_down(self) -> None:
        page = self._page
        self.scroll_to(y=self.scroll_y + page, animate=False, immediate=True)
        self.cursor_row += page

    def action_page_up(self) -> None:
        page = self._page
        self.scroll_to(y=self.scroll_y - page, animate=False, immediate=True)
        self.cursor_row -= page

    def action_first(self) -> None:
        self.cursor_row = 0

    def action_last(self) -> None:
        self.cursor_row = len(self._cells) - 1

    def action_select(self) -> None:
        if self._cells:
            self.post_message(self.RowSelected(self, self.cursor_row))

    def on_click(self, event: events.Click) -> None:
        row = round(self.scroll_y) + event.y - 1
        if event.y >= 1 and 0 <= row < len(self._cells):
            if row == self.cursor_row:
                self.action_select()
            self.cursor_row = row


def _text(cell: object) -> str:
    """A cell's text on one line (the table draws one line a row): line breaks, tabs and
    other control characters (a note may hold any) become spaces."""
    return _CONTROL.sub(" ", str(cell))

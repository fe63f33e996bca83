"""Text whose long lines wrap under their own indent (a reason's words under the reason, not
under the rule id), and that says so when its pane is too short rather than cutting silently."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from msgspec import Struct
from textual.content import Content
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widget import Widget

from legrun.tui.widgets.cells import LineCells, changed_rows, whole_text


class Line(Struct, frozen=True):
    """One logical line: its text, where its wrapped lines start, and its style."""

    text: str
    hang: int | None = None  # indent of the wrapped lines; by default 2 past the line's own
    style: str = ""


def wrap_line(line: Line, width: int) -> list[str]:
    """`line` in lines at most `width` cells wide, the first at its own indent."""
    body = line.text.lstrip(" ")
    indent = " " * (len(line.text) - len(body))
    hang = len(indent) + 2 if line.hang is None else line.hang
    if width <= hang + 8:  # too narrow to indent: wrap flush
        indent, hang = "", 0
    if not body:
        return [""]
    return textwrap.wrap(
        body,
        max(1, width),
        initial_indent=indent,
        subsequent_indent=" " * hang,
        break_on_hyphens=False,
    ) or [""]


def cut_line(text: str, width: int) -> str:
    """`text` on one line of `width` cells, ending in `…` when it had to be cut."""
    if len(text) <= width:
        return text
    return text[: max(0, width - 1)].rstrip() + "…"


class HangingText(Widget):
    """Lines set with `show`. `wrap` wraps them (hanging indent); otherwise each stays on one
    line, cut with `…`. When the lines do not fit the pane's height the last row shown is
    `more` (say what key shows the rest), so nothing is lost without a word.

    A change repaints only the rows that differ (as `DayColumn` does): the rows that stay,
    blank ones included, and the pane's border are not sent to the terminal again; and it
    draws row by row, so only those rows are made into cells again.

    `content` is the plain logical text (one line per `Line`), whatever the width."""

    DEFAULT_CSS = """
    HangingText {
        height: auto;
    }
    """

    def __init__(
        self,
        *,
        wrap: bool = True,
        more: str = "…",
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.wrap = wrap
        self.more = more
        self._lines: tuple[Line, ...] = ()
        self._shown: tuple[tuple[object, ...], list[tuple[str, str]]] | None = None
        self._cells = LineCells()

    @property
    def lines(self) -> tuple[Line, ...]:
        return self._lines

    @property
    def content(self) -> str:
        return "\n".join(line.text for line in self._lines)

    def show(self, lines: Sequence[Line | str], *, layout: bool = False) -> bool:
        """Show `lines`; repaint only the rows that changed. `layout` when the height follows
        the text. Returns whether anything changed."""
        new = tuple(line if isinstance(line, Line) else Line(line) for line in lines)
        if new == self._lines:
            return False
        width, height = self.content_size
        before = self._rows_shown(width, height) if width and not layout else None
        self._lines = new
        if before is None or not self.is_mounted:
            self.refresh(layout=layout)
            return True
        # (Worked out once: the rows drawn next are these.)
        changed = changed_rows(before, self._rows_shown(width, height))
        if changed:
            self.refresh(*(Region(0, y, width, 1) for y in changed))
        return True

    def rows(self, width: int, height: int | None = None) -> list[tuple[str, str]]:
        """What the pane shows at `width` (and at most `height` rows): text and style."""
        rows: list[tuple[str, str]] = []
        for line in self._lines:
            if self.wrap:
                rows += [(text, line.style) for text in wrap_line(line, width)]
            else:
                rows.append((cut_line(line.text, width), line.style))
        if height is not None and len(rows) > height:
            rows = rows[: max(0, height - 1)] + [(cut_line(self.more, width), "italic")]
        return rows

    def _rows_shown(self, width: int, height: int) -> list[tuple[str, str]]:
        """`rows` at the pane's size, worked out once for each text and size."""
        key = (self._lines, width, height)
        if self._shown is None or self._shown[0] != key:
            self._shown = (key, self.rows(width, height or None))
        return self._shown[1]

    def render_line(self, y: int) -> Strip:
        width, height = self.content_size
        return self._cells.line(self, self._rows_shown(width, height), y, width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.rows(width)) if width else 0

    def render(self) -> Content:
        size = self.content_size
        if not size.width:
            return Content(self.content)
        return whole_text(self._rows_shown(size.width, size.height))

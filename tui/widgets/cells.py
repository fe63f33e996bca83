"""Lines of text made into cells once: what the widgets that draw line by line keep.

Textual draws a plain widget by rendering its whole text again whenever any part of it is
repainted. The week's columns and the reasons' panes draw line by line instead (Textual's
Line API: `render_line`), each line from here: made once for the same text, style, width
and look (the widget's background and colours, which follow its classes, the theme and the
terminal's colour mode), so a change renders the lines that changed and no others.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget

# Lines kept (the lines a widget has shown, in each look it had); all dropped when full.
_KEPT = 256


class LineCells:
    """The lines of one widget, as cells, by what they are made of."""

    def __init__(self) -> None:
        self._made: dict[tuple[object, ...], Strip] = {}
        self._blank: tuple[tuple[int, object], Strip] | None = None  # the rows under the text

    def line(self, widget: Widget, rows: Sequence[tuple[str, str]], y: int, width: int) -> Strip:
        """Row `y` of `widget`, whose text is `rows` (each its text and its style in Textual's
        words, "bold $error"), `width` cells wide at most. The row's place is in the key
        because each cell carries it (a mouse selection reads it), and the theme because the
        style's variables are resolved from it. While text is selected in the widget, the
        row is cut from the whole text drawn at once, as Textual draws it: the selection is
        drawn into it, across rows."""
        look = widget.visual_style
        if y >= len(rows):
            blank = self._blank
            if blank is None or blank[0] != (width, look):
                blank = self._blank = ((width, look), Strip.blank(width, look.rich_style))
            return blank[1]
        if widget.text_selection is not None:
            return Visual.to_strips(widget, whole_text(rows), width, len(rows), look)[y]
        theme = widget.app.theme
        text, style = rows[y]
        strip = self._made.get((y, text, style, width, look, theme))
        if strip is not None:
            return strip
        if len(self._made) >= _KEPT:
            self._made.clear()
        keys = [(i, *row, width, look, theme) for i, row in enumerate(rows)]
        missing = [i for i, key in enumerate(keys) if key not in self._made]
        if len(missing) > len(rows) // 2:
            # Most rows are new (a first frame, another week): all of them in one render,
            # which costs less than one render a row.
            drawn = Visual.to_strips(widget, whole_text(rows), width, len(rows), look)
            for i in missing:
                self._made[keys[i]] = drawn[i]
        else:
            made = Visual.to_strips(widget, _content(text, style), width, 1, look)[0]
            self._made[keys[y]] = made.apply_offsets(0, y)
        return self._made[keys[y]]


def whole_text(rows: Sequence[tuple[str, str]]) -> Content:
    """The rows as one text (what a widget reads as, and how Textual would draw it)."""
    return Content("\n").join(_content(text, style) for text, style in rows)


def changed_rows(before: Sequence[object], after: Sequence[object]) -> list[int]:
    """The rows that differ between what was shown and what is to be: the ones to repaint."""
    return [
        y
        for y in range(max(len(before), len(after)))
        if y >= len(before) or y >= len(after) or before[y] != after[y]
    ]


def _content(text: str, style: str) -> Content:
    return Content.styled(text, style) if style else Content(text)

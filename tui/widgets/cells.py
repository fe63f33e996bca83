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

    def line(self, widget: Widget, rows: Sequence[tuple[str, str]], y: int, width: int) -> Strip:
        """Row `y` of `widget`, whose text is `rows` (each its text and its style in Textual's
        words, "bold $error"), `width` cells wide at most. The row's place is in the key
        because each cell carries it (a mouse selection reads it), and the theme because the
        style's variables are resolved from it. While text is selected in the widget, the
        row is cut from the whole text drawn at once, as Textual draws it: the selection is
        drawn into it, across rows."""
        if y >= len(rows):
            return Strip.blank(width, widget.visual_style.rich_style)
        look = widget.visual_style
        if widget.text_selection is not None:
            whole = Content("\n").join(_content(text, style) for text, style in rows)
            return Visual.to_strips(widget, whole, width, len(rows), look)[y]
        text, style = rows[y]
        key = (y, text, style, width, look, widget.app.theme)
        strip = self._made.get(key)
        if strip is None:
            made = Visual.to_strips(widget, _content(text, style), width, 1, look)[0]
            strip = made.apply_offsets(0, y)
            if len(self._made) >= _KEPT:
                self._made.clear()
            self._made[key] = strip
        return strip


def _content(text: str, style: str) -> Content:
    return Content.styled(text, style) if style else Content(text)

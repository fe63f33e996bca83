"""Lines of text made into cells once: what the widgets that draw line by line keep.

Textual draws a plain widget by rendering its whole text again whenever any part of it is
repainted. The week's columns and the reasons' panes draw line by line instead (Textual's
Line API: `render_line`), each line from here: made once for the same text, style, width
and look (the widget's background and colours, which follow its classes, the theme and the
terminal's colour mode), so a change renders the lines that changed and no others.
"""

from __future__ import annotations

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

    def line(self, widget: Widget, text: str, style: str, width: int) -> Strip:
        """`text` in `style` (Textual style words: "bold $error"), `width` cells wide at
        most, as `widget` draws it."""
        look = widget.visual_style
        key = (text, style, width, look)
        strip = self._made.get(key)
        if strip is None:
            if len(self._made) >= _KEPT:
                self._made.clear()
            content = Content.styled(text, style) if style else Content(text)
            strip = Visual.to_strips(widget, content, width, 1, look)[0]
            self._made[key] = strip
        return strip

    def blank(self, widget: Widget, width: int) -> Strip:
        return Strip.blank(width, widget.visual_style.rich_style)

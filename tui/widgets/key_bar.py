"""The key bar at the foot of a screen: the keys that work here, as one line of text.

It shows what Textual's `Footer` shows (the screen's active bindings marked `show`, dimmed
when disabled, the command palette's key on the right), in Footer's colours, but it is one
widget that re-renders its line, where the Footer re-composes a widget per key, each styled
on its own, every time a screen is shown or the focus moves: more than half of the time a
screen took to open. The planner has no mouse, so the keys need not be widgets to click.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.app import RenderResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

# One key on the bar: what it shows, what it is called, and whether it works now.
Shown = tuple[str, str, bool]


class KeyBar(Widget, can_focus=False):
    """The screen's keys: `[ Prev week  ] Next week  enter Open ...`; `palette` adds the
    command palette's key on the right, as Textual's Footer does."""

    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description", "key-bar--palette"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        text-overflow: clip;
        & > .key-bar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .key-bar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .key-bar--palette {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self, palette: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.palette = palette
        self._keys: tuple[Shown, ...] = ()
        self._palette_key: Shown | None = None

    def on_mount(self) -> None:
        self._read_keys()
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen and self._read_keys():
            self.refresh()

    def _read_keys(self) -> bool:
        """Read the screen's keys; True when they differ from the ones shown."""
        app = self.app
        active = self.screen.active_bindings
        keys: list[Shown] = []
        seen: set[str] = set()
        for _node, binding, enabled, _tooltip in active.values():
            if binding.show and binding.action not in seen:
                seen.add(binding.action)
                keys.append(self._shown(binding, enabled))
        palette_key = None
        if self.palette and app.ENABLE_COMMAND_PALETTE:
            found = active.get(app.COMMAND_PALETTE_BINDING)
            if found is not None:
                palette_key = self._shown(found.binding, found.enabled)
        if tuple(keys) == self._keys and palette_key == self._palette_key:
            return False
        self._keys, self._palette_key = tuple(keys), palette_key
        return True

    def _shown(self, binding: Binding, enabled: bool) -> Shown:
        return self.app.get_key_display(binding), binding.description, enabled

    def render(self) -> RenderResult:
        key = self.get_component_rich_style("key-bar--key")
        words = self.get_component_rich_style("key-bar--description")
        dim = Style(dim=True)
        line = Text(no_wrap=True, overflow="crop", end="")
        for display, description, enabled in self._keys:
            item = Text.assemble((display, key), (f" {description}" if description else "", words))
            if not enabled:
                item.stylize(dim)
            line.append_text(item)
            line.append(" ")
        if self._palette_key is not None:
            display, description, enabled = self._palette_key
            right = Text.assemble(
                ("▏", self.get_component_rich_style("key-bar--palette")),
                (display, key),
                (f" {description}", words),
                " ",
            )
            if not enabled:
                right.stylize(dim, 1)
            gap = self.size.width - line.cell_len - right.cell_len
            if gap >= 1:
                line.append(" " * gap)
                line.append_text(right)
        return line

"""A day's checklist: `[x]` and `[ ]` in the text (never colour alone), space or enter ticks."""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from legrun.planner.plan import ChecklistItem


class Checklist(OptionList):
    BINDINGS = [Binding("space", "tick", "Tick", show=False, id="checklist.tick")]

    class Toggled(Message):
        """An item was ticked or unticked by the user."""

        def __init__(self, item_id: str, done: bool, text: str) -> None:
            super().__init__()
            self.item_id = item_id
            self.done = done
            self.text = text

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, compact=True)
        self._items: list[ChecklistItem] = []
        self._width = -1  # the width the items were last shown at

    @property
    def ticked(self) -> list[str]:
        return [item.id for item in self._items if item.done]

    def show(self, items: Sequence[ChecklistItem]) -> None:
        """Show `items`, keeping the highlighted row where it was (nothing is redrawn when
        they are the ones shown at this width: a re-plan after a save mostly leaves a day's
        list alone; a new width wraps them again)."""
        width = self.size.width
        if list(items) == self._items and width == self._width and self.option_count:
            if self.highlighted is None:  # (a day opened again starts the list afresh)
                self.highlighted = 0
            return
        keep = self.highlighted
        self._items = list(items)
        self._width = width
        self.clear_options()
        self.add_options([Option(self._prompt(item), id=item.id) for item in self._items])
        if self._items:
            # Without a highlighted row, space would tick nothing.
            self.highlighted = min(keep or 0, len(self._items) - 1)

    @staticmethod
    def _prompt(item: ChecklistItem) -> Content:
        return Content(f"[{'x' if item.done else ' '}] {item.when:<6} {item.text}")

    def action_tick(self) -> None:
        """Tick the highlighted item, or untick it."""
        index = self.highlighted
        if index is None or index >= len(self._items):
            return
        item = self._items[index]
        toggled = ChecklistItem(item.id, item.when, item.text, not item.done)
        self._items[index] = toggled
        self.replace_option_prompt_at_index(index, self._prompt(toggled))
        self.post_message(self.Toggled(toggled.id, toggled.done, toggled.text))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_tick()

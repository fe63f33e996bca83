"""A text field that keeps up with a burst of keys, in the order they came.

Over SSH keys arrive in bursts: a few dozen a read as a person types, thousands at once from a
terminal's type-ahead or a tmux `send-keys`. Two things go wrong with Textual's Input there:

- Order. Input inserts a typed character as soon as it handles the key, but runs its editing
  bindings (ctrl+u, ctrl+w, backspace ...) only once the key has gone round the screen's
  bindings, after the characters behind it: in Tab, ctrl+u, 4, 5 the 45 was typed, then wiped
  by the ctrl+u that came first. Here the field's own bindings run at once, in order.
- Cost. Each inserted character costs Input a round of its watchers (selection, cursor
  offset, scrolling, validation) in proportion to the text already there, and the keys of one
  read are handled without a pause: 10,000 characters in one read froze the app for seconds.
  Here the printable keys that are already waiting are inserted together, as one edit, once
  the field has taken them all in (an editing key first inserts what came before it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import events
from textual.screen import Screen
from textual.widgets import Input


class FieldInput(Input):
    _typed: str = ""
    _muted: bool = False

    async def _on_key(self, event: events.Key) -> None:
        if event.is_printable and event.character is not None:
            event.stop()
            event.prevent_default()
            self._restart_blink()
            if not self._typed:
                self.call_later(self.flush_typing)  # after the keys already on their way
            self._typed += event.character
            return
        self.flush_typing()
        own = self._bindings.key_to_bindings.get(event.key, [])
        binding = next((b for b in own if b.action != "submit"), None)
        if binding is not None:
            event.stop()
            event.prevent_default()
            await self.run_action(binding.action)
        # Otherwise Input's own handler runs next (Textual calls each class's in turn).

    def update_node_styles(self, animate: bool = True) -> None:
        """Not before the field is mounted: Input validates the value it is made with and
        sets its `-valid` class then, and Textual styled the unmounted field for it at once,
        5-9 ms a field (a form of ten fields opened 60 ms later for it). Mounting styles the
        field with the classes it has by then. Nor once its form is closed: the focused field
        is told it lost the focus after the form has left the screen stack, and restyling it
        cost 4-7 ms of every save."""
        if self.is_attached and self.screen in self.app.screen_stack:
            super().update_node_styles(animate)

    def _on_paste(self, event: events.Paste) -> None:
        self.flush_typing()  # then Input's handler pastes, after what was typed before

    def flush_typing(self) -> None:
        """Insert the characters typed and not yet in the value (call before reading it)."""
        text, self._typed = self._typed, ""
        if not text:
            return
        before = self.value, self.selection
        self._muted = True  # a refused burst rings once, below, per refused key
        try:
            self._type(text)
        finally:
            self._muted = False
        if (self.value, self.selection) != before:
            return
        if len(text) == 1:
            super().restricted()
            return
        for character in text:  # refused as a whole: key by key, as typed
            self._type(character)

    def _type(self, text: str) -> None:
        selection = self.selection
        if selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *selection)

    def restricted(self) -> None:
        if not self._muted:
            super().restricted()


def value_of(field: Input) -> str:
    """A field's value with every key typed into it (a FieldInput may hold a burst back)."""
    if isinstance(field, FieldInput):
        field.flush_typing()
    return field.value


def after_keys_on_their_way(screen: Screen[Any], callback: Callable[[], object]) -> None:
    """Run `callback` once the keys sent just before have reached the focused field. A
    priority binding (ctrl+s) runs before the keys that came ahead of it in the same read
    ("7.5<Tab>45<ctrl+s>" over SSH), which are still on their way to a field."""
    (screen.focused or screen).call_later(callback)

"""A text field whose editing keys keep their place among the characters typed around them.

Over SSH a burst such as Tab, ctrl+u, 4, 5 arrives in one read. Textual's Input inserts a
typed character as soon as it handles the key, but runs its editing bindings (ctrl+u, ctrl+w,
backspace ...) only once the key has gone round the screen's bindings, after the characters
behind it: the 45 was typed, then wiped by the ctrl+u that came first. Here the field's own
bindings run at once, in the order the keys came.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class FieldInput(Input):
    async def _on_key(self, event: events.Key) -> None:
        own = self._bindings.key_to_bindings.get(event.key, [])
        binding = next((b for b in own if b.action != "submit"), None)
        if binding is not None and not event.is_printable:
            event.stop()
            event.prevent_default()
            await self.run_action(binding.action)
            return
        await super()._on_key(event)

"""Textual's command palette, made safe against two races the key fuzz found.

- The palette's search runs in a worker. When the palette is closed while a search is still
  going (ctrl+p, a key, escape, within a few milliseconds), the worker's last step shows or
  hides the list of a palette whose children are gone: `query_one(CommandList)` raises
  `NoMatches`, the worker fails and the app ends with a traceback.
- A paging key (pagedown, pageup) pressed before the list has been laid out (the palette
  just opened, or a terminal too small to show a line of it) reads the line of the
  highlighted option from a map that is still empty: `KeyError`, and the app ends.

- Two enters in one read (over SSH, a quick typist's or a paste's) both choose: the first
  closes the palette, the second closes it again, which closes the screen under it instead
  (with the week at the bottom of the stack, Textual then raises).

All are inside Textual (8.x); this subclass guards them, and changes nothing else.
"""

from __future__ import annotations

import contextlib

from textual.await_complete import AwaitComplete
from textual.command import CommandList, CommandPalette


class Palette(CommandPalette):
    def _watch__list_visible(self) -> None:
        if not self.query(CommandList):  # closed while its search was running
            return
        super()._watch__list_visible()

    def dismiss(self, result: None = None) -> AwaitComplete:
        if self.app.screen is not self:  # closed already, by an earlier key in the same read
            done: AwaitComplete = AwaitComplete.nothing()  # type: ignore[no-untyped-call]
            return done
        return super().dismiss(result)

    def _action_command_list(self, action: str) -> None:
        with contextlib.suppress(KeyError, IndexError):  # not laid out yet: nothing to page
            super()._action_command_list(action)

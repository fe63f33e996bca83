"""The screens' base classes: `self.app` is the planner's own app, typed as such, so a screen
reaches the repository, the plan and the one save helper without a cast."""

from __future__ import annotations

from textual import getters
from textual.screen import ModalScreen, Screen, ScreenResultType

from legrun.tui.application import LegrunApp


class LegrunScreen(Screen[ScreenResultType]):
    """A full screen of the planner."""

    app = getters.app(LegrunApp)


class LegrunModal(ModalScreen[ScreenResultType]):
    """A dialog of the planner, over the screen that opened it."""

    app = getters.app(LegrunApp)
